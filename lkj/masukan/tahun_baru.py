"""`python -m lkj tahun-baru YEAR`: scaffold a new year from the previous one and the Renstra.

Writes only files that do not exist yet (never overwrites) and says what is left to fill:
- pk.csv: the Renstra indicators with the Renstra's target for the year (wording of last
  year's PK where it had the indicator); an indicator without a Renstra target for the year
  is kept if last year's PK had it, with an empty target to fill;
- komponen.csv: last year's rows for those indicators, realisasi emptied; a population
  (peran populasi) keeps its size, and a `tahun_sebelumnya` row gets last year's `tahun_n`;
- realisasi_langsung.csv: last year's rows, realisasi emptied;
- anggaran.csv: last year's programs, pagu and realisasi empty; program_indikator.csv copied
  (pairs with an indicator no longer in the PK left out);
- narasi/: last year's files copied, each marked unreviewed until edited (lkj.masukan.tinjauan);
- params/<YEAR>.yaml: last year's, with tahun_pembanding set to last year, renstra to the
  period that holds the year, the header comment's year updated and the signing date emptied.

The "what next" list (`Rancangan.isi`) leads with the Excel route and names only cells to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .data import Renstra, baca_renstra, baca_tahun
from .errors import DataError
from .kelengkapan import DIPAKAI
from .params import RENSTRA, baca_aturan
from .proyek import Proyek
from .rencana import baca_rencana
from .tinjauan import catat_disalin

PK = ["sasaran_no", "indikator_id", "sasaran", "indikator", "target"]
KOMPONEN = ["indikator_id", "komponen_id", "kelompok", "peran", "uraian", "satuan", "target", "realisasi"]


@dataclass
class Rancangan:
    """What `tahun-baru` did and what the analyst fills next."""

    tahun: int
    lalu: int
    renstra: str
    dibuat: list[str] = field(default_factory=list)
    dilewati: list[str] = field(default_factory=list)
    isi: list[str] = field(default_factory=list)  # what to fill next, one line each
    catatan: list[str] = field(default_factory=list)
    narasi: list[Path] = field(default_factory=list)  # narrative files copied (checked by the caller)
    dibuang: set[str] = field(default_factory=set)  # indicators of last year's PK not in the new one
    sasaran: set[int] = field(default_factory=set)  # sasaran numbers of the new PK (as scaffolded)
    sudah_ada: int = 0  # files of a year that already has its PK and params (nothing is scaffolded then)


def angka(x) -> str:
    """A number as data/raw/README.md wants it typed (1004, 58.5); empty for none."""
    if x is None or x != x:
        return ""
    x = float(x)
    return str(int(x)) if x.is_integer() else repr(x)


def _renstra_untuk(proyek: Proyek, tahun: int, nama_lalu: str) -> str:
    """The Renstra folder whose period holds the year: last year's if it does, else another one."""
    calon = [nama_lalu, *sorted(p.name for p in proyek.raw.glob("renstra-*") if p.name != nama_lalu)]
    for nama in calon:
        m = RENSTRA.fullmatch(nama)
        if m and int(m[1]) <= tahun <= int(m[2]):
            return nama
    m = RENSTRA.fullmatch(nama_lalu)
    periode = f" ({m[1]}–{m[2]})" if m else ""
    raise DataError(
        proyek.raw / nama_lalu,
        f"tahun {tahun} di luar periode Renstra {nama_lalu}{periode}",
        "Buat dulu folder Renstra periode berikutnya, mis. renstra-<tahun awal>-<tahun akhir> "
        "(lihat data/raw/README.md).",
    )


def _csv(kolom: list[str], rows: list[dict]) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kolom)
    for r in rows:
        w.writerow([r.get(k, "") for k in kolom])
    return buf.getvalue()


def buat(proyek: Proyek, tahun: int) -> Rancangan:
    lalu = tahun - 1
    folder = proyek.tahun(tahun)
    if (folder / "pk.csv").is_file() and proyek.params(tahun).is_file():  # the year exists: touch nothing
        berkas = [p for p in folder.rglob("*") if p.is_file() and not p.relative_to(folder).as_posix().startswith(".")]
        berkas = [p for p in berkas if "/." not in "/" + p.relative_to(folder).as_posix()]  # not narasi/.disalin.json
        return Rancangan(tahun, lalu, "", sudah_ada=len(berkas))
    if not (proyek.tahun(lalu) / "pk.csv").is_file():
        raise DataError(
            proyek.tahun(lalu) / "pk.csv",
            f"tahun-baru {tahun} disusun dari data tahun {lalu}, yang tidak ada",
            f"Isi dulu data/raw/{lalu}/ (lihat data/raw/README.md).",
        )
    aturan = baca_aturan(proyek, lalu)
    renstra_lalu = baca_renstra(proyek, aturan.renstra)
    d = baca_tahun(proyek, lalu, renstra_lalu)  # last year must be valid: it is the template
    narasi_lalu = proyek.tahun(lalu) / "narasi"
    # read through the validated reader before anything is written: a symlink leaving the project stops here
    # the notes on last year's data findings are about last year's data: not copied
    catatan = f"{baca_rencana(proyek, []).catatan}.md"
    salinan = {p.name: proyek.baca(p) for p in sorted(narasi_lalu.glob("*.md")) if p.name != catatan}
    nama_renstra = _renstra_untuk(proyek, tahun, aturan.renstra)
    renstra = renstra_lalu if nama_renstra == aturan.renstra else baca_renstra(proyek, nama_renstra)
    r = Rancangan(tahun, lalu, nama_renstra)

    def tulis(path: Path, isi: str, apa: str) -> bool:
        rel = proyek.relatif(path)
        if path.exists() or path.is_symlink():
            r.dilewati.append(f"{rel}: sudah ada, tidak ditimpa")
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(isi, encoding="utf-8")
        r.dibuat.append(f"{rel} ({apa})")
        return True

    pk_rows, kosong = _pk(renstra, tahun, d, r)
    ids = [p["indikator_id"] for p in pk_rows]
    r.dibuang = set(d.pk.indikator_id) - set(ids)
    r.sasaran = {int(p["sasaran_no"]) for p in pk_rows}
    k = renstra.tahun_ke(tahun)
    if k is None:
        t = renstra.tahun_target
        r.catatan.append(
            f"{nama_renstra} memberi target tahun {t[0]}–{t[-1]}, tidak untuk {tahun}: target PK diisi dari "
            "PK yang ditandatangani"
        )
    sumber_target = f"target Renstra tahun ke-{k}" if k else "kosong (Renstra tanpa target tahun ini)"
    if tulis(folder / "pk.csv", _csv(PK, pk_rows), f"{len(pk_rows)} indikator, target = {sumber_target}"):
        r.isi.append(
            f"{proyek.relatif(folder / 'pk.csv')}: periksa target PK {tahun} terhadap PK yang ditandatangani"
            + (f"; target kosong, wajib diisi: {', '.join(kosong)}" if kosong else "")
        )
    definisi = renstra.indikator.set_index("indikator_id")
    langsung = [
        {"indikator_id": x.indikator_id, "realisasi": "", "keterangan": ""}
        for x in (d.realisasi_langsung.itertuples(index=False) if d.realisasi_langsung is not None else ())
        if x.indikator_id in ids
    ]
    kom = _komponen(d, ids)
    kom_baru = bool(kom) and tulis(
        folder / "komponen.csv", _csv(KOMPONEN, kom), f"{len(kom)} baris {lalu}, realisasi dikosongkan"
    )
    if kom_baru:
        isi = [x for x in kom if DIPAKAI.get(x["peran"]) == "realisasi" and x["realisasi"] == ""]
        r.isi.append(
            f"{proyek.relatif(folder / 'komponen.csv')}: kolom realisasi, {len(isi)} sel (peran "
            f"{', '.join(sorted({x['peran'] for x in isi}))}); sel realisasi berperan populasi tetap kosong "
            f"(besarnya di kolom target); periksa juga target komponen yang disalin dari {lalu}"
        )
    if kom_baru or not (folder / "komponen.csv").exists():  # an existing file is the analyst's: not second-guessed
        punya_data = {x["indikator_id"] for x in kom} | {x["indikator_id"] for x in langsung}
        tanpa = [i for i in ids if definisi.loc[i, "jenis_rumus"] != "langsung" and i not in punya_data]
        if tanpa:
            r.isi.append(
                f"{proyek.relatif(folder / 'komponen.csv')}: tambahkan baris komponen untuk {', '.join(tanpa)} "
                "(tahun lalu tanpa komponen maupun realisasi langsung)"
            )
    if langsung and tulis(
        folder / "realisasi_langsung.csv",
        _csv(["indikator_id", "realisasi", "keterangan"], langsung),
        "realisasi dikosongkan",
    ):
        r.isi.append(
            f"{proyek.relatif(folder / 'realisasi_langsung.csv')}: realisasi "
            f"{', '.join(x['indikator_id'] for x in langsung)} dan keterangan sumbernya"
        )
    if d.anggaran is not None:
        rows = [
            {"program_kode": x.program_kode, "program": x.program, "pagu": "", "realisasi": ""}
            for x in d.anggaran.itertuples(index=False)
        ]
        if tulis(
            folder / "anggaran.csv",
            _csv(["program_kode", "program", "pagu", "realisasi"], rows),
            f"{len(rows)} program, pagu dan realisasi kosong",
        ):
            r.isi.append(f"{proyek.relatif(folder / 'anggaran.csv')}: pagu (wajib) dan realisasi tiap program")
    if d.program_indikator is not None:
        rows = [
            {"program_kode": x.program_kode, "indikator_id": x.indikator_id}
            for x in d.program_indikator.itertuples(index=False)
            if x.indikator_id in ids
        ]
        keluar = sorted({x.indikator_id for x in d.program_indikator.itertuples(index=False)} - set(ids))
        tulis(
            folder / "program_indikator.csv",
            _csv(["program_kode", "indikator_id"], rows),
            "disalin" + (f"; pasangan dengan {', '.join(keluar)} dihapus (tidak ada di PK {tahun})" if keluar else ""),
        )
    organisasi = proyek.tahun(lalu) / "organisasi.csv"
    if organisasi.is_file():  # the structure carries over; the analyst edits it if it changed
        tulis(
            folder / "organisasi.csv", proyek.baca_teks(organisasi), f"disalin dari {lalu}; ubah bila struktur berubah"
        )
    if r.isi:  # the Excel route first: one workbook holds every file above
        r.isi.insert(
            0,
            f"Cara termudah: make excel-isian YEAR={tahun}, isi buku kerja isian-{tahun}.xlsx (sel abu-abu "
            f"dibiarkan kosong), lalu make excel-impor YEAR={tahun} FILE=isian-{tahun}.xlsx; "
            "atau sunting langsung berkas CSV berikut:",
        )
    for nama, teks in salinan.items():
        tujuan = folder / "narasi" / nama
        if tujuan.exists() or tujuan.is_symlink():
            r.dilewati.append(f"{proyek.relatif(tujuan)}: sudah ada, tidak ditimpa")
            continue
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        tujuan.write_bytes(teks)
        r.narasi.append(tujuan)
    catat_disalin(proyek, tahun, lalu, r.narasi)
    if r.narasi:
        r.dibuat.append(f"{proyek.relatif(folder / 'narasi')}/ ({len(r.narasi)} berkas disalin dari {lalu})")
        r.isi.append(
            f"{proyek.relatif(folder / 'narasi')}/: perbarui analisis, kendala dan solusi tahun {tahun}; "
            f"setiap berkas yang disalin ditandai belum ditinjau sampai teksnya diubah (FINAL=1 menolak selama "
            "masih ada)"
        )
    if tulis(
        proyek.params(tahun),
        _params(proyek, tahun, lalu, nama_renstra),
        f"dari params/{lalu}.yaml, tahun_pembanding: {lalu}, tanggal tanda tangan dikosongkan",
    ):
        r.isi.append(
            f"{proyek.relatif(proyek.params(tahun))}: isi penandatangan.tanggal (setelah tahun {tahun}); periksa "
            f"jabatan, nama, pangkat dan nip penandatangan, skala_predikat, batas_capaian dan indikator_rata_rata "
            f"(disalin dari {lalu})"
        )
    return r


def _pk(renstra: Renstra, tahun: int, d, r: Rancangan) -> tuple[list[dict], list[str]]:
    k = renstra.tahun_ke(tahun)
    pk_lalu = {x.indikator_id: x for x in d.pk.itertuples(index=False)}
    sasaran_lalu = {x.sasaran_no: x.sasaran for x in d.pk.itertuples(index=False)}
    sasaran = renstra.sasaran.set_index("sasaran_no").sasaran
    rows, kosong = [], []
    urut = renstra.indikator.reset_index(drop=True)
    for i in sorted(range(len(urut)), key=lambda i: (urut.loc[i, "sasaran_no"], i)):
        x = urut.loc[i]
        target = x[f"target_{k}"] if k else None
        ada_target = target is not None and target == target
        if not ada_target and x.indikator_id not in pk_lalu:
            r.catatan.append(
                f"{x.indikator_id} tidak dimasukkan ke PK {tahun}: Renstra tidak memberi target tahun "
                + (f"ke-{k}" if k else str(tahun))
            )
            continue
        if not ada_target:
            kosong.append(x.indikator_id)
        lama = pk_lalu.get(x.indikator_id)
        rows.append(
            {
                "sasaran_no": int(x.sasaran_no),
                "indikator_id": x.indikator_id,
                "sasaran": sasaran_lalu.get(x.sasaran_no, sasaran[x.sasaran_no]),
                "indikator": lama.indikator if lama is not None else x.indikator,
                "target": angka(target),
            }
        )
    return rows, kosong


def _komponen(d, ids: list[str]) -> list[dict]:
    if d.komponen is None:
        return []
    rows = []
    tahun_n = {x.indikator_id: x.realisasi for x in d.komponen.itertuples(index=False) if x.peran == "tahun_n"}
    for x in d.komponen.itertuples(index=False):
        if x.indikator_id not in ids:
            continue
        realisasi = tahun_n.get(x.indikator_id) if x.peran == "tahun_sebelumnya" else None
        rows.append(
            {
                "indikator_id": x.indikator_id,
                "komponen_id": x.komponen_id,
                "kelompok": x.kelompok,
                "peran": x.peran,
                "uraian": x.uraian,
                "satuan": x.satuan,
                "target": angka(x.target),
                "realisasi": angka(realisasi),
            }
        )
    return rows


def _params(proyek: Proyek, tahun: int, lalu: int, renstra: str) -> str:
    """Last year's rules for the new year: the year-bound values updated, the signing date emptied."""
    teks = proyek.baca_teks(proyek.params(lalu))

    def ganti(pola: str, baru: str, kunci: str, wajib: bool = True) -> None:
        nonlocal teks
        teks, n = re.subn(pola, baru, teks, count=1)
        if n != 1 and wajib:
            raise DataError(
                proyek.params(lalu),
                f"baris '{kunci}:' tidak ditemukan",
                f"Tulis kuncinya pada satu baris sendiri, mis. '{kunci}: ...'.",
            )

    # last year's PK and the Inspektorat's statement on last year's report are not the new year's
    for kunci, catatan in (
        ("perjanjian_kinerja", f"isi setelah Perjanjian Kinerja {tahun} ditandatangani"),
        ("pernyataan_reviu", f"isi setelah Inspektorat mereviu laporan {tahun}"),
    ):
        teks = re.sub(rf"(?m)^{kunci}:.*\n(?:[ \t]+.*\n|[ \t]*\n)*", f"{kunci}: null  # {catatan}\n", teks, count=1)
    ganti(r"(?m)^tahun_pembanding:.*$", f"tahun_pembanding: {lalu}", "tahun_pembanding")
    ganti(r"(?m)^renstra:.*$", f"renstra: {renstra}", "renstra")
    ganti(  # the signing date of the penandatangan block (sk_iku has a date that stays)
        r"(?m)^(penandatangan:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n)*?[ \t]+)tanggal:.*$",
        rf"\g<1>tanggal: null  # isi tanggal laporan {tahun} ditandatangani, mis. 31 Januari {tahun + 1}; "
        "FINAL=1 menolak tanggal kosong",
        "tanggal",
        wajib=False,  # no signature block: nothing to date
    )
    kepala = re.match(r"(?:#[^\n]*\n)+", teks)  # the header comment speaks of the year the rules are for
    if kepala:
        teks = re.sub(rf"(?<!\d){lalu}(?!\d)", str(tahun), kepala[0]) + teks[kepala.end() :]
    return teks
