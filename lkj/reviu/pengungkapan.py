"""Open findings on the OPD's own data: fixed in the data, or disclosed where the figure appears.

A finding on the data files (a group that does not add up, a data-table target against the PK, missing
evidence...) that the report does not state by itself needs the writer's note: a section
`## <indicator name or code>` (or `## Umum`) in the plan's `catatan` narrative file (catatan_data.md).
The report prints it as "Catatan: ..." under that indicator's calculation (`## Umum`: under Bab III's
measurement table); a draft shows a red box where one is missing, and FINAL=1 refuses, one line each.
"""

from __future__ import annotations

from ..hitung.pengukuran import Pengukuran
from ..masukan.narasi import bagian_cocok, bagian_teks, berisi, kunci
from .temuan import Temuan

UMUM = "Umum"  # the section for findings about no single indicator of this year


def perlu_catatan(t: Temuan) -> bool:
    """A finding on the data the report does not tell the reader by itself."""
    return t.pada_data and t.diungkapkan != "laporan"


def _per_butir(temuan: list[Temuan], p: Pengukuran) -> list[tuple[str, str, list[Temuan]]]:
    """(nama, kode, findings) per indicator with findings that need a note, in the PK's order, then
    `Umum` for the findings about no indicator measured this year."""
    perlu = [t for t in temuan if perlu_catatan(t)]
    out = [(h.indikator, h.indikator_id, [t for t in perlu if t.indikator_id == h.indikator_id]) for h in p.indikator]
    out.append((UMUM, "umum", [t for t in perlu if p.cari(t.indikator_id) is None]))
    return [x for x in out if x[2]]


def butir_catatan(temuan: list[Temuan], p: Pengukuran) -> list[dict]:
    """The items a note is needed for: nama and kode (the headings a writer may type), id, the findings
    in words."""
    return [
        {
            "jenis": "catatan",
            "nama": nama,
            "kode": kode,
            "judul": nama,
            "id": f"catatan-{kode.lower()}",
            "temuan": [t.uraian for t in milik],
        }
        for nama, kode, milik in _per_butir(temuan, p)
    ]


def ungkap(temuan: list[Temuan], teks: str | None, p: Pengukuran) -> None:
    """Mark the findings whose item has the writer's note in `teks` (the catatan file) as disclosed."""
    for nama, kode, milik in _per_butir(temuan, p):
        if masalah_butir("", {"nama": nama, "kode": kode, "temuan": []}, teks) is None:
            for t in milik:
                t.diungkapkan = "narasi"


def masalah_butir(file: str, b: dict, teks: str | None) -> str | None:
    """What a draft's red box and FINAL=1 say of an item whose note is missing, prints nothing, or is
    written twice (which one is the note?); None when it has its one note."""
    cocok = bagian_cocok(teks, b["nama"], b["kode"])
    if len(cocok) > 1:
        return (
            f"{file}: catatan untuk {b['nama']} ditulis {len(cocok)} kali ("
            + ", ".join(f"'## {j}'" for j, _ in cocok)
            + "): gabungkan menjadi satu bagian."
        )
    if cocok and berisi(cocok[0][1]):
        return None
    return (
        f"{file}: temuan atas data {b['nama']} belum diperbaiki atau diungkapkan: {'; '.join(b['temuan'])}. "
        f"Perbaiki datanya, atau tulis catatan untuk pembaca di bagian '## {b['nama']}'."
    )


def pesan_catatan_kurang(file: str, butir: list[dict], teks: str | None) -> list[str]:
    """One line per item without its one note in `teks`."""
    return [x for b in butir if (x := masalah_butir(file, b, teks)) is not None]


def tanpa_catatan(file: str, butir: list[dict]) -> list[str]:
    """A plan without a catatan file: every open finding must be fixed in the data, one line per item."""
    return [
        f"{file}: temuan atas data {b['nama']} belum diperbaiki: {'; '.join(b['temuan'])}. Perbaiki datanya, atau "
        "tambahkan 'catatan: catatan_data' ke rencana laporan ini dan ungkapkan temuan itu di narasi catatan_data.md."
        for b in butir
    ]


def bagian_lepas(file: str, semua: list[dict], teks: str | None) -> list[str]:
    """The sections about no item (no open finding has that name or code): printed nowhere, so a draft
    shows them and FINAL=1 refuses them, one line each; a writer's note is never dropped unsaid."""
    dicari = {kunci(x) for b in semua for x in (b["nama"], b["kode"])}
    return [
        f"{file}: bagian '## {j}' tidak dicetak: judulnya bukan nama atau kode indikator yang mempunyai temuan "
        "atas data yang terbuka (tulis salah satunya persis, atau '## Umum'; hapus bagian ini bila temuannya "
        "sudah diperbaiki)."
        for j, _ in bagian_teks(teks or "")[1]
        if kunci(j) not in dicari
    ]


def teks_di_luar(file: str, teks: str | None) -> str | None:
    """Text before the first `## ` section, which is printed nowhere (a draft says so): its lines, and the
    headings in it written at another level."""
    awal = bagian_teks(teks or "")[0]
    if not awal.strip():
        return None
    baris = awal.splitlines()
    isi = [i for i, x in enumerate(baris, start=1) if x.strip()]
    judul = [f"'{x.strip()}' (baris {i})" for i, x in enumerate(baris, start=1) if x.lstrip().startswith("#")]
    return (
        f"{file}, baris {isi[0]}–{isi[-1]}: teks di luar bagian '## <nama indikator>' atau '## Umum' tidak dicetak"
        + (f"; judul {', '.join(judul)} bukan judul bagian: tulis '## ' di awal baris" if judul else "")
        + "."
    )
