"""The narrative's spelling against EYD (Ejaan Bahasa Indonesia yang Disempurnakan) and KBBI: common
non-standard words and spacing, as warnings naming the file and line. The narrative is the OPD's own text:
lkj never corrects it, it says what to correct."""

from __future__ import annotations

import re

from .errors import Peringatan

# Non-standard (tidak baku) -> standard (baku), after KBBI; whole words, any case.
TIDAK_BAKU = {
    "aktifitas": "aktivitas",
    "analisa": "analisis",
    "apotik": "apotek",
    "didalam": "di dalam",
    "diantara": "di antara",
    "dibidang": "di bidang",
    "diatas": "di atas",
    "dibawah": "di bawah",
    "dikoordinir": "dikoordinasikan",
    "diluar": "di luar",
    "dimana": "di mana",
    "dimasa": "di masa",
    "disamping": "di samping",
    "efektifitas": "efektivitas",
    "hakekat": "hakikat",
    "himbauan": "imbauan",
    "ijin": "izin",
    "jadual": "jadwal",
    "kedepan": "ke depan",
    "komoditi": "komoditas",
    "ketrampilan": "keterampilan",
    "koordinir": "koordinasikan",
    "kreatifitas": "kreativitas",
    "kwalitas": "kualitas",
    "kwantitas": "kuantitas",
    "mengkoordinasikan": "mengoordinasikan",
    "mengkoordinir": "mengoordinasikan",
    "mensukseskan": "menyukseskan",
    "merubah": "mengubah",
    "nampak": "tampak",
    "nasehat": "nasihat",
    "obyek": "objek",
    "obyektif": "objektif",
    "perijinan": "perizinan",
    "praktek": "praktik",
    "produktifitas": "produktivitas",
    "propinsi": "provinsi",
    "resiko": "risiko",
    "sekedar": "sekadar",
    "seksama": "saksama",
    "silahkan": "silakan",
    "sistim": "sistem",
    "standard": "standar",
    "standarisasi": "standardisasi",
    "subyek": "subjek",
    "tehnik": "teknik",
    "tehnis": "teknis",
    "terimakasih": "terima kasih",
    "trampil": "terampil",
    "walikota": "wali kota",
}
KATA = re.compile(r"\b(" + "|".join(sorted(TIDAK_BAKU, key=len, reverse=True)) + r")\b", re.IGNORECASE)
SPASI_SEBELUM = re.compile(r"(?<=\S)[ \t]+([:;,!?])")  # "berikut :" -> "berikut:"
SPASI_SESUDAH = re.compile(r"(?<=[a-z])([,;:])(?=[A-Za-z])")  # "Binjai,Dinas" -> "Binjai, Dinas"
ULANG_BERSPASI = re.compile(r"\b(\w+) [-–—] (\1)\b", re.IGNORECASE)  # "alat – alat" -> "alat-alat"
SPASI_GANDA = re.compile(r"(?<=\S) {2,}(?=\S)")
PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
TAUTAN = re.compile(r"\]\([^)]*\)|https?://\S+")


def periksa_ejaan(teks: str, sumber: str) -> list[Peringatan]:
    """One warning per non-standard word or spacing in a narrative (`sumber`: its path as shown)."""
    out = []
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        polos = TAUTAN.sub("", PLACEHOLDER.sub("X", baris))  # a link's text is read, its address not
        tempat = f"{sumber}, baris {nomor}"
        # a Markdown table row: each cell is text, the spacing around the bars is layout
        for teks_ in polos.strip().strip("|").split("|") if polos.lstrip().startswith("|") else [polos]:
            out += _periksa_teks(teks_.strip(), tempat)
    return out


def _periksa_teks(teks: str, tempat: str) -> list[Peringatan]:
    out = []
    for m in KATA.finditer(teks):
        baku = _huruf_seperti(m[0], TIDAK_BAKU[m[0].casefold()])
        out.append(Peringatan(f"ejaan: '{m[0]}' tidak baku, tulis '{baku}'", tempat))
    for m in SPASI_SEBELUM.finditer(teks):
        out.append(Peringatan(f"ejaan: spasi sebelum '{m[1]}': hapus spasinya", tempat))
    for m in SPASI_SESUDAH.finditer(teks):
        out.append(Peringatan(f"ejaan: tidak ada spasi sesudah '{m[1]}': tambahkan spasi", tempat))
    for m in ULANG_BERSPASI.finditer(teks):
        out.append(
            Peringatan(f"ejaan: kata ulang '{m[0]}' ditulis dengan tanda hubung tanpa spasi: '{m[1]}-{m[2]}'", tempat)
        )
    if SPASI_GANDA.search(teks):
        out.append(Peringatan("ejaan: spasi ganda di tengah kalimat: jadikan satu", tempat))
    return out


JABATAN = {"wali kota"}  # a title: every word capitalised (Wali Kota), not only the first (Di mana)


def _huruf_seperti(contoh: str, kata: str) -> str:
    """`kata` with the case of `contoh` (Dimana -> Di mana, Walikota -> Wali Kota, ANALISA -> ANALISIS)."""
    if contoh.isupper() and len(contoh) > 1:
        return kata.upper()
    if contoh[:1].isupper():
        return kata.title() if kata in JABATAN else kata[:1].upper() + kata[1:]
    return kata
