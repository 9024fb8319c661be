"""A synthetic workspace: n OPD projects and the Pemda's own, for the tests and the bench (`lkj contoh-pemda`).

A project is written from a plain "spec" (a dict: Renstra tujuan, sasaran, indicators with their targets,
one year's PK, komponen, realisasi langsung, anggaran, params), the same shape the property tests generate
with hypothesis (tests/test_properti.py): `tulis_proyek` is the one writer of both. Here the specs come
from a seeded random generator with readable names, so the same n gives the same workspace.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from typing import Any

import yaml

from ..files import tulis_atomik
from .ruang import BERKAS_RUANG

TANDA = "DATA SINTETIS: setiap nama, angka dan kalimat di folder ini dibuat oleh `lkj contoh-pemda`."

SKALA_PREDIKAT = [
    {"predikat": "Sangat Kurang", "dari": None, "sampai": 55},
    {"predikat": "Kurang", "dari": 55, "sampai": 70},
    {"predikat": "Cukup", "dari": 70, "sampai": 85},
    {"predikat": "Baik", "dari": 85, "sampai": 100},
    {"predikat": "Sangat Baik", "dari": 100, "sampai": None},
]

# Sectors: an OPD's name, its sasaran, and indicator templates (name, satuan, jenis_rumus, polaritas, scale).
SEKTOR = [
    (
        "Dinas Pendidikan",
        ["Meningkatnya akses pendidikan dasar", "Meningkatnya mutu pendidikan", "Meningkatnya kompetensi guru"],
        [
            ("Angka Partisipasi Murni SD", "%", "rasio", "positif", 100),
            ("Persentase sekolah terakreditasi A", "%", "rata_rasio", "positif", 100),
            ("Angka putus sekolah", "%", "langsung", "negatif", 2),
            ("Jumlah guru bersertifikat", "orang", "jumlah", "positif", 900),
        ],
    ),
    (
        "Dinas Kesehatan",
        ["Meningkatnya derajat kesehatan masyarakat", "Meningkatnya mutu layanan kesehatan"],
        [
            ("Persentase balita gizi baik", "%", "rasio", "positif", 100),
            ("Angka kematian bayi per 1.000 kelahiran", "‰", "langsung", "negatif", 8),
            ("Indeks Kepuasan Masyarakat puskesmas", "indeks", "nilai", "positif", 85),
            ("Jumlah puskesmas terakreditasi", "unit", "jumlah", "positif", 20),
        ],
    ),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        ["Meningkatnya kualitas jalan kabupaten", "Meningkatnya layanan air minum"],
        [
            ("Persentase jalan dalam kondisi mantap", "%", "rasio", "positif", 100),
            ("Panjang jalan yang ditingkatkan", "km", "jumlah", "positif", 60),
            ("Rata-rata waktu penanganan jalan rusak", "hari", "nilai", "negatif", 14),
        ],
    ),
    (
        "Dinas Sosial",
        ["Menurunnya penyandang masalah kesejahteraan sosial"],
        [
            ("Persentase PMKS yang tertangani", "%", "rasio", "positif", 100),
            ("Pertumbuhan penerima bantuan sosial", "%", "pertumbuhan", "negatif", 5),
        ],
    ),
    (
        "Badan Pendapatan Daerah",
        ["Meningkatnya pendapatan asli daerah", "Meningkatnya kepatuhan wajib pajak"],
        [
            ("Realisasi pendapatan pajak daerah", "Rp", "jumlah", "positif", 80_000_000_000),
            ("Pertumbuhan pendapatan asli daerah", "%", "pertumbuhan", "positif", 8),
            ("Persentase wajib pajak patuh", "%", "rasio", "positif", 100),
        ],
    ),
    (
        "Dinas Pertanian dan Ketahanan Pangan",
        ["Meningkatnya produksi pangan", "Meningkatnya kesejahteraan petani"],
        [
            ("Produksi padi", "ton", "jumlah", "positif", 45_000),
            ("Nilai Tukar Petani", "indeks", "nilai", "positif", 105),
            ("Persentase lahan beririgasi", "%", "rasio", "positif", 100),
        ],
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        ["Meningkatnya kepemilikan dokumen kependudukan"],
        [
            ("Persentase penduduk ber-KTP elektronik", "%", "rasio", "positif", 100),
            ("Rata-rata waktu penerbitan akta", "hari", "nilai", "negatif", 5),
            ("Persentase anak berakta kelahiran", "%", "langsung", "positif", 100),
        ],
    ),
    (
        "Dinas Lingkungan Hidup",
        ["Meningkatnya kualitas lingkungan hidup"],
        [
            ("Indeks Kualitas Lingkungan Hidup", "indeks", "nilai", "positif", 70),
            ("Persentase sampah yang tertangani", "%", "rasio", "positif", 100),
            ("Jumlah bank sampah aktif", "unit", "jumlah", "positif", 40),
        ],
    ),
]

PROGRAM_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"


def _csv(kolom: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kolom)
    for r in rows:
        w.writerow(["" if r.get(k) is None else r[k] for k in kolom])
    return buf.getvalue()


def tulis_proyek(spec: dict, root: Path, narasi: dict[str, str] | None = None) -> Path:
    """Write a project (data/raw, params, narrative) from a spec, as data/raw/README.md describes."""
    raw = root / "data" / "raw"
    ren = raw / spec["params"]["renstra"]
    n_target = max(len(i["target"]) for i in spec["indikator"])
    tabel: dict[Path, str] = {
        ren / "tujuan.csv": _csv(["tujuan_id", "tujuan"], [{"tujuan_id": a, "tujuan": b} for a, b in spec["tujuan"]]),
        ren / "sasaran.csv": _csv(
            ["sasaran_no", "tujuan_id", "sasaran"],
            [{"sasaran_no": a, "tujuan_id": b, "sasaran": c} for a, b, c in spec["sasaran"]],
        ),
        ren / "indikator.csv": _csv(
            [
                "indikator_id",
                "sasaran_no",
                "indikator",
                "satuan",
                "polaritas",
                "jenis_rumus",
                "rumus",
                *(f"target_{i}" for i in range(1, n_target + 1)),
            ],
            [
                {
                    "indikator_id": i["id"],
                    "sasaran_no": i["sasaran_no"],
                    "indikator": i["nama"],
                    "satuan": i["satuan"],
                    "polaritas": i["polaritas"],
                    "jenis_rumus": i["jenis"],
                    "rumus": i["rumus"],
                    **{f"target_{k + 1}": t for k, t in enumerate(i["target"])},
                }
                for i in spec["indikator"]
            ],
        ),
    }
    if spec.get("standar"):  # optional: a national / provincial standard (renstra-<period>/standar.csv)
        tabel[ren / "standar.csv"] = _csv(["indikator_id", "tahun", "tingkat", "nilai", "sumber"], spec["standar"])
    for tahun, d in spec["data"].items():
        f = raw / str(tahun)
        tabel[f / "pk.csv"] = _csv(["sasaran_no", "indikator_id", "sasaran", "indikator", "target"], d["pk"])
        tabel[f / "komponen.csv"] = _csv(
            ["indikator_id", "komponen_id", "kelompok", "peran", "uraian", "satuan", "target", "realisasi"],
            d["komponen"],
        )
        if d["langsung"]:
            tabel[f / "realisasi_langsung.csv"] = _csv(["indikator_id", "realisasi", "keterangan"], d["langsung"])
        if d["anggaran"] is not None:
            tabel[f / "anggaran.csv"] = _csv(["program_kode", "program", "pagu", "realisasi"], d["anggaran"])
        if d["peta"] is not None:
            tabel[f / "program_indikator.csv"] = _csv(["program_kode", "indikator_id"], d["peta"])
    for nama, isi in (narasi or {}).items():
        tabel[raw / str(spec["tahun"]) / "narasi" / f"{nama}.md"] = isi
    tabel[root / "params" / f"{spec['tahun']}.yaml"] = yaml.safe_dump(
        spec["params"], allow_unicode=True, sort_keys=False
    )
    for path, isi in tabel.items():
        tulis_atomik(path, isi)
    return root


def _angka(x: float, satuan: str) -> str:
    """A value as an analyst types it: whole numbers for counts and rupiah, two decimals otherwise."""
    if satuan in ("Rp", "orang", "unit", "ton") or float(x).is_integer():
        return str(round(x))
    return f"{x:.2f}"


def _komponen(rng: random.Random, ind: dict, target: float) -> tuple[list[dict], list[dict]]:
    """(komponen rows, realisasi_langsung rows) whose result lies around the target (70-120%)."""
    faktor = rng.uniform(0.7, 1.2) if ind["polaritas"] == "positif" else rng.uniform(0.8, 1.3)
    hasil = target * faktor
    s = ind["satuan"]

    def baris(peran, uraian, realisasi, tgt=None, kelompok="", satuan=s):
        return {"peran": peran, "uraian": uraian, "satuan": satuan, "target": tgt, "realisasi": realisasi,
                "kelompok": kelompok}  # fmt: skip

    j = ind["jenis"]
    if j == "langsung":
        return [], [
            {"indikator_id": ind["id"], "realisasi": _angka(hasil, s), "keterangan": "Data sektoral (sintetis)"}
        ]
    if j == "rasio":
        bawah = rng.randint(200, 5000)
        rows = [
            baris("pembilang", "Yang memenuhi kriteria", str(round(bawah * min(hasil, 100) / 100)), satuan="orang"),
            baris("penyebut", "Seluruh sasaran", str(bawah), satuan="orang"),
        ]
    elif j == "rata_rasio":
        rows = []
        for g in range(rng.randint(2, 4)):
            t = rng.randint(10, 60)
            rows.append(
                baris("kelompok", f"Kecamatan {g + 1}", str(round(t * hasil / 100)), str(t), f"G{g + 1}", "unit")
            )
    elif j == "pertumbuhan":
        lalu = rng.randint(1000, 9000)
        rows = [
            baris("tahun_n", "Tahun berjalan", str(round(lalu * (1 + hasil / 100))), satuan="unit"),
            baris("tahun_sebelumnya", "Tahun sebelumnya", str(lalu), satuan="unit"),
        ]
    elif j == "jumlah":
        n = rng.randint(2, 4)
        rows = [baris("bagian", f"Wilayah {k + 1}", _angka(hasil / n, s)) for k in range(n)]
    else:  # nilai
        rows = [baris("nilai", "Hasil pengukuran", _angka(hasil, s), _angka(target, s))]
    for i, r in enumerate(rows):
        r.update(indikator_id=ind["id"], komponen_id=f"K{i + 1:02d}")
    return rows, []


def spec_opd(rng: random.Random, nomor: int, tahun: int, pemerintah: str) -> dict:
    """One OPD: a sector (by its number), 1-3 sasaran, 1-3 indicators each, 2-5 programs."""
    nama, sasaran_teks, pola = SEKTOR[nomor % len(SEKTOR)]
    awal = tahun - rng.randint(1, 3)
    panjang = rng.choice([5, 5, 6])  # Renstra periods of 5 and 6 years
    tujuan = [("T1", f"Terwujudnya pelayanan {nama.split(' ', 1)[1].lower()} yang berkualitas")]
    sasaran = [(k + 1, "T1", t) for k, t in enumerate(sasaran_teks[: rng.randint(1, len(sasaran_teks))])]
    indikator: list[dict] = []
    pk: list[dict] = []
    komponen: list[dict] = []
    langsung: list[dict] = []
    pilihan = rng.sample(pola, rng.randint(len(sasaran), len(pola)))  # each indicator once, every sasaran one
    urut = sorted(((k % len(sasaran), pola_k) for k, pola_k in enumerate(pilihan)), key=lambda x: x[0])
    for s_idx, (nm, satuan, jenis, polaritas, skala) in urut:
        no, _, teks = sasaran[s_idx]
        iid = f"IK{len(indikator) + 1:02d}"
        target = [_angka(skala * rng.uniform(0.8, 1.0) * (1 + 0.02 * ke), satuan) for ke in range(panjang)]
        ind = {"id": iid, "sasaran_no": no, "nama": nm, "satuan": satuan, "polaritas": polaritas,
               "jenis": jenis, "rumus": f"{jenis} ({nm.lower()})", "target": target}  # fmt: skip
        indikator.append(ind)
        pk.append(
            {"sasaran_no": no, "indikator_id": iid, "sasaran": teks, "indikator": nm, "target": target[tahun - awal]}
        )
        kom, lang = _komponen(rng, ind, float(target[tahun - awal]))
        komponen += kom
        langsung += lang
    program = [PROGRAM_PENUNJANG] + [f"Program {t.split(' ', 1)[1]}" for _, _, t in sasaran]
    anggaran, peta = [], []
    for k, prog in enumerate(program):
        pagu = rng.randint(5, 400) * 10_000_000
        anggaran.append({"program_kode": f"P{k + 1:02d}", "program": prog, "pagu": str(pagu),
                         "realisasi": str(round(pagu * rng.uniform(0.75, 1.0)))})  # fmt: skip
        peta += [
            {"program_kode": f"P{k + 1:02d}", "indikator_id": r["indikator_id"]} for r in pk if r["sasaran_no"] == k
        ]
    params = {
        "instansi": f"{nama} Kabupaten Contoh",
        "pemerintah": pemerintah,
        "renstra": f"renstra-{awal}-{awal + panjang - 1}",
        "tahun_pembanding": None,
        "digit_desimal": 2,
        "batas_capaian": rng.choice([None, 120]),
        "indikator_rata_rata": "semua",
        "skala_predikat": SKALA_PREDIKAT,
    }
    data = {"pk": pk, "komponen": komponen, "langsung": langsung, "anggaran": anggaran, "peta": peta}
    return {"awal": awal, "tahun": tahun, "tujuan": tujuan, "sasaran": sasaran, "indikator": indikator,
            "data": {tahun: data}, "params": params, "standar": _standar(nomor, tahun, awal, indikator)}  # fmt: skip


def _standar(nomor: int, tahun: int, awal: int, indikator: list[dict]) -> list[dict]:
    """Every other OPD has a national standard for its first indicator in %, this year and the one before
    (when inside the period); derived from the target, not drawn, so the other data stay as they were."""
    ind = next((i for i in indikator if i["satuan"] == "%"), None)
    if nomor % 2 or ind is None:
        return []
    return [
        {
            "indikator_id": ind["id"],
            "tahun": t,
            "tingkat": "nasional",
            "nilai": _angka(float(ind["target"][t - awal]) * 0.95, "%"),
            "sumber": "Standar nasional sintetis (rekaan lkj contoh-pemda, bukan angka resmi)",
        }
        for t in (tahun - 1, tahun)
        if t >= awal
    ]


def spec_pemda(rng: random.Random, tahun: int, pemerintah: str, opd: list[dict], folder: list[str]) -> dict:
    """The Pemda's RPJMD: one IKU of its own (an index measured by the Pemda) and, for the first two OPDs, an
    IKU whose realisasi is that OPD's first indicator (params `sumber`), with the Pemda's own target."""
    spec = spec_opd(rng, 0, tahun, pemerintah)
    spec["params"]["instansi"] = pemerintah
    awal = spec["awal"]
    panjang = len(spec["indikator"][0]["target"])
    spec["tujuan"] = [("T1", "Meningkatnya kesejahteraan masyarakat yang merata")]
    spec["sasaran"] = [
        (1, "T1", "Meningkatnya kualitas pembangunan manusia"),
        (2, "T1", "Meningkatnya mutu layanan dasar"),
    ]
    ipm = {"id": "IKU01", "sasaran_no": 1, "nama": "Indeks Pembangunan Manusia", "satuan": "indeks",
           "polaritas": "positif", "jenis": "langsung", "rumus": "IPM menurut BPS", "asal": None}  # fmt: skip
    iku: list[dict[str, Any]] = [ipm]
    for k, (s_opd, nama) in enumerate(list(zip(opd, folder))[:2]):
        ind = s_opd["indikator"][0]
        iku.append({**ind, "id": f"IKU{k + 2:02d}", "sasaran_no": 2, "jenis": "langsung", "asal": f"{nama}/{ind['id']}",
                    "rumus": f"dihitung oleh {s_opd['params']['instansi']}"})  # fmt: skip
    pk, langsung = [], []
    for i in iku:
        dasar = 72.0  # IPM
        if i["asal"] is not None:  # the OPD's own PK target
            s_opd, iid = opd[int(i["id"][-2:]) - 2], i["asal"].split("/")[1]
            dasar = float(next(r["target"] for r in s_opd["data"][tahun]["pk"] if r["indikator_id"] == iid))
        i["target"] = [_angka(dasar * (1 + 0.01 * (ke - (tahun - awal))), i["satuan"]) for ke in range(panjang)]
        no = i["sasaran_no"]
        pk.append({"sasaran_no": no, "indikator_id": i["id"], "sasaran": spec["sasaran"][no - 1][2],
                   "indikator": i["nama"], "target": i["target"][tahun - awal]})  # fmt: skip
        if i["asal"] is None:
            langsung.append({"indikator_id": i["id"], "realisasi": _angka(dasar * rng.uniform(0.97, 1.03), "indeks"),
                             "keterangan": "Berita Resmi Statistik (sintetis)"})  # fmt: skip
    spec["indikator"] = iku
    spec["standar"] = []  # the OPD-shaped draw's standard named an OPD indicator
    spec["data"][tahun].update(pk=pk, komponen=[], langsung=langsung, peta=[])
    spec["params"]["sumber"] = {i["id"]: i["asal"] for i in iku if i["asal"]} or None
    return spec


def _slug(nama: str) -> str:
    return "-".join(k for k in nama.lower().replace(",", "").split() if k not in ("dan",))


def buat_ruang(root: Path, n: int, tahun: int, seed: int = 20) -> list[str]:
    """Write a workspace of n OPDs and the Pemda under root (pemda.yml, one folder each); the folders."""
    if (root / BERKAS_RUANG).exists():
        from ..masukan.errors import DataError

        raise DataError(root / BERKAS_RUANG, "ruang kerja sudah ada", "Pilih folder lain (contoh tidak menimpa).")
    pemerintah = "Pemerintah Kabupaten Contoh"
    opd, specs = [], []
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        spec = spec_opd(rng, i, tahun, pemerintah)
        specs.append(spec)
        folder = f"opd-{i + 1:02d}-{_slug(SEKTOR[i % len(SEKTOR)][0])}"
        tulis_proyek(spec, root / folder)
        tulis_atomik(root / folder / "README.md", f"# {spec['params']['instansi']}\n\n{TANDA}\n")
        opd.append(folder)
    pemda = spec_pemda(random.Random(seed * 1000 + 999), tahun, pemerintah, specs, opd)
    tulis_proyek(pemda, root / "pemda")
    tulis_atomik(root / "pemda" / "README.md", f"# {pemerintah} (LKjIP)\n\n{TANDA}\n")
    ruang = {"nama": pemerintah, "sintetis": True, "pemda": "pemda", "opd": opd}
    tulis_atomik(root / BERKAS_RUANG, f"# {TANDA}\n" + yaml.safe_dump(ruang, allow_unicode=True, sort_keys=False))
    return [*opd, "pemda"]
