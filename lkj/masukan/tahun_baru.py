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
- narasi/: last year's files copied;
- params/<YEAR>.yaml: last year's, with tahun_pembanding set to last year (and renstra to
  the period that holds the year).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .data import Renstra, baca_renstra, baca_tahun
from .errors import DataError
from .params import RENSTRA, baca_aturan
from .proyek import Proyek

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
        if m and 1 <= tahun - int(m[1]) + 1 <= 5:
            return nama
    raise DataError(
        proyek.raw / nama_lalu,
        f"tahun {tahun} di luar periode Renstra {nama_lalu} (tahun ke-1 s.d. ke-5)",
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
    if not (proyek.tahun(lalu) / "pk.csv").is_file():
        raise DataError(
            proyek.tahun(lalu) / "pk.csv",
            f"tahun-baru {tahun} disusun dari data tahun {lalu}, yang tidak ada",
            f"Isi dulu data/raw/{lalu}/ (lihat data/raw/README.md).",
        )
    aturan = baca_aturan(proyek, lalu)
    renstra_lalu = baca_renstra(proyek, aturan.renstra)
    d = baca_tahun(proyek, lalu, renstra_lalu)  # last year must be valid: it is the template
    nama_renstra = _renstra_untuk(proyek, tahun, aturan.renstra)
    renstra = renstra_lalu if nama_renstra == aturan.renstra else baca_renstra(proyek, nama_renstra)
    r = Rancangan(tahun, lalu, nama_renstra)
    folder = proyek.tahun(tahun)

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
    k = renstra.tahun_ke(tahun)
    if tulis(folder / "pk.csv", _csv(PK, pk_rows), f"{len(pk_rows)} indikator, target = target Renstra tahun ke-{k}"):
        r.isi.append(
            f"{proyek.relatif(folder / 'pk.csv')}: periksa target PK {tahun} (disalin dari Renstra)"
            + (f"; target kosong, wajib diisi: {', '.join(kosong)}" if kosong else "")
        )
    kom = _komponen(d, ids)
    if kom and tulis(folder / "komponen.csv", _csv(KOMPONEN, kom), f"{len(kom)} baris {lalu}, realisasi dikosongkan"):
        r.isi.append(
            f"{proyek.relatif(folder / 'komponen.csv')}: kolom realisasi ({sum(1 for x in kom if x['realisasi'] == '')}"
            f" sel kosong); periksa juga target komponen yang disalin dari {lalu}"
        )
    definisi = renstra.indikator.set_index("indikator_id")
    tanpa = [
        i for i in ids if definisi.loc[i, "jenis_rumus"] != "langsung" and i not in {x["indikator_id"] for x in kom}
    ]
    if tanpa:
        r.isi.append(
            f"{proyek.relatif(folder / 'komponen.csv')}: tambahkan baris data untuk {', '.join(tanpa)} "
            "(belum ada komponen tahun lalu)"
        )
    if d.realisasi_langsung is not None:
        rows = [
            {"indikator_id": x.indikator_id, "realisasi": "", "keterangan": ""}
            for x in d.realisasi_langsung.itertuples(index=False)
            if x.indikator_id in ids
        ]
        if rows and tulis(
            folder / "realisasi_langsung.csv",
            _csv(["indikator_id", "realisasi", "keterangan"], rows),
            "realisasi dikosongkan",
        ):
            r.isi.append(f"{proyek.relatif(folder / 'realisasi_langsung.csv')}: realisasi dan keterangan sumbernya")
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
        if tulis(
            folder / "program_indikator.csv",
            _csv(["program_kode", "indikator_id"], rows),
            "disalin" + (f"; pasangan dengan {', '.join(keluar)} dihapus (tidak ada di PK {tahun})" if keluar else ""),
        ):
            pass
    organisasi = proyek.tahun(lalu) / "organisasi.csv"
    if organisasi.is_file():  # the structure carries over; the analyst edits it if it changed
        tulis(
            folder / "organisasi.csv", proyek.baca_teks(organisasi), f"disalin dari {lalu}; ubah bila struktur berubah"
        )
    narasi_lalu = proyek.tahun(lalu) / "narasi"
    for p in sorted(narasi_lalu.glob("*.md")) if narasi_lalu.is_dir() else []:
        tujuan = folder / "narasi" / p.name
        if tujuan.exists():
            r.dilewati.append(f"{proyek.relatif(tujuan)}: sudah ada, tidak ditimpa")
            continue
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, tujuan)
        r.narasi.append(tujuan)
    if r.narasi:
        r.dibuat.append(f"{proyek.relatif(folder / 'narasi')}/ ({len(r.narasi)} berkas disalin dari {lalu})")
        r.isi.append(f"{proyek.relatif(folder / 'narasi')}/: perbarui analisis, kendala dan solusi tahun {tahun}")
    tulis(
        proyek.params(tahun), _params(proyek, lalu, nama_renstra), f"dari params/{lalu}.yaml, tahun_pembanding: {lalu}"
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
        target = x[f"target_{k}"]
        ada_target = target is not None and target == target
        if not ada_target and x.indikator_id not in pk_lalu:
            r.catatan.append(
                f"{x.indikator_id} tidak dimasukkan ke PK {tahun}: Renstra tidak memberi target tahun ke-{k}"
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


def _params(proyek: Proyek, lalu: int, renstra: str) -> str:
    teks = proyek.baca_teks(proyek.params(lalu))
    teks, n = re.subn(r"(?m)^tahun_pembanding:.*$", f"tahun_pembanding: {lalu}", teks)
    if n != 1:
        raise DataError(
            proyek.params(lalu),
            "baris 'tahun_pembanding:' tidak ditemukan",
            "Tulis kuncinya pada satu baris sendiri, mis. 'tahun_pembanding: 2022'.",
        )
    return re.sub(r"(?m)^renstra:.*$", f"renstra: {renstra}", teks)
