"""Which figure is which: a read table's cells and sentences attributed to subjek, besaran and year.

- subjek: the printed name matched against the names of the Renstra, the PK and anggaran.csv
  (case, punctuation, hyphens, wrapped lines, abbreviations and small typos tolerated; never a
  code or the row order);
- besaran: from the column header (Target, Realisasi, % Capaian, Pagu/Anggaran (Rp), Serapan, ...);
- year: a year in the column header, 'tahun ke-k' of the Renstra, else the single year of the
  caption, else the year under review.

Each figure says how it was matched (`cara`). A figure that cannot be attributed is kept
with an empty subjek, never dropped.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from ..masukan.model import Masukan
from .dokumen import Dokumen, Kalimat, Tabel, angka_saja
from .teks import lateks

# --- names ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nama:
    jenis: str  # 'indikator', 'sasaran', 'program', 'predikat'
    subjek: str  # indikator_id, program_kode or the predikat class
    teks: str
    sumber: str  # where the name comes from, for the match reason
    token: tuple[str, ...]


SINGKATAN = {
    "dgn": "dengan",
    "yg": "yang",
    "kab": "kabupaten",
    "kabkota": "kabupaten kota",
    "pemda": "pemerintah daerah",
    "adm": "administrasi",
    "admin": "administrasi",
    "utk": "untuk",
    "dlm": "dalam",
    "thn": "tahun",
    "tk": "tenaga kerja",
    "naker": "tenaga kerja",
    "pemerintahan": "pemerintah",
}
KATA_UMUM = {
    "dan", "yang", "di", "ke", "dari", "serta", "atau", "untuk", "dengan", "pada", "dalam", "oleh", "program",
    "persentase", "jumlah", "tingkat", "sasaran", "strategis", "indikator", "kinerja", "no", "a", "b",
}  # fmt: skip


def token(teks: str) -> tuple[str, ...]:
    """The words that tell names apart: lower case, without punctuation, hyphens or filler words."""
    t = re.sub(r"[-–—/_.,;:()\[\]'\"“”’&+*%]", " ", teks.casefold())
    out: list[str] = []
    for w in re.sub(r"[^0-9a-z ]", " ", t).split():
        for x in SINGKATAN.get(w, w).split():
            if x not in KATA_UMUM and not x.isdigit():
                out.append(x)
    return tuple(dict.fromkeys(out))


def _kata_sama(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True  # an abbreviation or a word cut at the end of a line
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.84


@functools.lru_cache(maxsize=1 << 16)  # a name is printed in many tables: each pair is compared once
def kemiripan(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Dice coefficient over words, a word matching its abbreviation or a small typo of itself; a
    printed name of three words or more found whole in a longer name (a cut cell) scores 0.9."""
    if not a or not b:
        return 0.0
    sisa = list(b)
    cocok = 0
    for w in a:
        j = next((k for k, v in enumerate(sisa) if _kata_sama(w, v)), None)
        if j is not None:
            cocok += 1
            del sisa[j]
    dice = 2 * cocok / (len(a) + len(b))
    if len(a) >= 3 and cocok == len(a):
        dice = max(dice, 0.9 * cocok / len(a))
    # words broken inside a narrow cell ('Penyeles aian'): the names compared as letters
    huruf = difflib.SequenceMatcher(None, "".join(a), "".join(b), autojunk=False).ratio()
    return max(dice, huruf - 0.05)


def daftar_nama(m: Masukan) -> list[Nama]:
    """Every name a figure may be printed under, with its subjek."""
    out: list[Nama] = []
    d = m.data
    per_sasaran: dict[int, list[str]] = {}
    for r in d.pk.itertuples():
        per_sasaran.setdefault(int(r.sasaran_no), []).append(r.indikator_id)
        out.append(Nama("indikator", r.indikator_id, r.indikator, "PK", token(r.indikator)))
    for r in d.renstra.indikator.itertuples():
        out.append(Nama("indikator", r.indikator_id, r.indikator, "Renstra", token(r.indikator)))
        per_sasaran.setdefault(int(r.sasaran_no), [])
        if r.indikator_id not in per_sasaran[int(r.sasaran_no)] and not per_sasaran[int(r.sasaran_no)]:
            per_sasaran[int(r.sasaran_no)].append(r.indikator_id)
    sasaran = [(int(r.sasaran_no), r.sasaran, "PK") for r in d.pk.drop_duplicates("sasaran_no").itertuples()]
    sasaran += [(int(r.sasaran_no), r.sasaran, "Renstra") for r in d.renstra.sasaran.itertuples()]
    for no, teks, sumber in sasaran:
        ids = per_sasaran.get(no, [])
        if len(ids) == 1:  # a sasaran with one indicator names that indicator's figures
            out.append(Nama("sasaran", ids[0], teks, f"sasaran {sumber}", token(teks)))
    if d.anggaran is not None:
        for r in d.anggaran.itertuples():
            out.append(Nama("program", r.program_kode, r.program, "anggaran.csv", token(r.program)))
    for k in m.aturan.skala_daftar:
        out.append(
            Nama("predikat", str(k["predikat"]), str(k["predikat"]), "skala predikat params", token(k["predikat"]))
        )
    return out


def satuan_indikator(m: Masukan) -> dict[str, str]:
    """Each indicator's unit, as the Renstra defines it."""
    return dict(zip(m.data.renstra.indikator.indikator_id, m.data.renstra.indikator.satuan, strict=True))


@dataclass(frozen=True)
class Cocok:
    subjek: str
    cara: str


BATAS_MIRIP = 0.6


def cocokkan(teks: str, nama: list[Nama], jenis: tuple[str, ...]) -> Cocok | None:
    """The subjek whose name the printed text is, if one stands out."""
    t = token(teks)
    if not t:  # a name of filler words only ('Jumlah'): the same words, or nothing
        polos = _polos(teks)
        sama = {n.subjek: n for n in nama if n.jenis in jenis and not n.token and polos and _polos(n.teks) == polos}
        if len(sama) == 1:
            n = next(iter(sama.values()))
            return Cocok(n.subjek, f"nama sama dengan {n.sumber} '{n.teks}'")
        return None
    calon = sorted(((kemiripan(t, n.token), n) for n in nama if n.jenis in jenis), key=lambda x: -x[0])
    if not calon or calon[0][0] < BATAS_MIRIP:
        return None
    skor, n = calon[0]
    lain = next((s for s, x in calon[1:] if x.subjek != n.subjek), 0.0)
    if skor - lain < 0.08:
        return None
    if t == n.token:
        return Cocok(n.subjek, f"nama sama dengan {n.sumber} '{n.teks}'")
    return Cocok(n.subjek, f"nama mirip {n.sumber} '{n.teks}' (kemiripan {skor:.2f}, berikutnya {lain:.2f})")


def _polos(teks: str) -> str:
    return " ".join(re.sub(r"[^\w]", " ", teks.casefold()).split())


# --- columns ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    besaran: str | None  # None: a name or number column
    tahun: int | None
    cara: str


TAHUN = re.compile(r"\b(19\d\d|20\d\d)\b")


def rapat(teks: str) -> str:
    """A header without spaces: a word broken in a narrow cell ('Indikato r') is whole again."""
    return re.sub(r"\s+", "", teks.casefold())


def baca_kolom(kepala: str, m: Masukan, ada_efisiensi: bool, tahun_judul: int | None) -> Kolom:
    kata = kepala.casefold().split()
    tahun = [int(x) for x in TAHUN.findall(kepala)]
    ke = re.search(r"(?:tahun\s*)?ke\s*-?\s*([1-9])\b|^(?:.*\s)?([1-9])$", kepala.casefold())
    h = rapat(kepala)
    besaran: str | None = None
    if re.search(r"kriteria|predikat|kategori|progres|terhadaptargetakhir|thdtargetakhir|perubahan|selisih", h):
        besaran = None  # a name column, or a derived figure outside the reviu's vocabulary
    elif "interval" in h or "rentang" in h or "skala" in h:
        besaran = "skala"
    elif "efisiensi" in h:
        besaran = "efisiensi"
    elif "rumus" in h or "formula" in h:
        besaran = "rumus_efisiensi" if ada_efisiensi else "rumus"
    elif "serapan" in h or ("%" in h and "realisasi" in h and "anggaran" in h):
        besaran = "serapan"
    elif "realisasi" in h and ("anggaran" in h or "rp" in kata or "(rp)" in h or "belanja" in h):
        besaran = "realisasi_anggaran"
    elif "pagu" in h or "anggaran" in h or "(rp)" in h:
        besaran = "pagu"
    elif "capaian" in h:
        besaran = "capaian"
    elif "realisasi" in h:
        besaran = "realisasi"
    elif "target" in h or "sasarankinerja" in h:
        besaran = "target_renstra" if ("renstra" in h or ke or "akhir" in h) else "target"
    elif tahun and not re.sub(r"\d", "", h):
        besaran = "tahun_saja"  # a bare year: a Renstra target column (decided by the table)
    if besaran is None:
        return Kolom(None, None, "")
    if tahun:
        return Kolom(besaran, tahun[-1], f"tahun {tahun[-1]} dari kepala kolom '{kepala}'")
    if besaran == "target_renstra" and "akhir" in h and not ke:
        n = m.data.renstra.jumlah_target  # a Renstra of 5 years, or 6 (an RPJMD with a transition year)
        akhir = m.data.renstra.tahun_awal + n - 1
        return Kolom(besaran, akhir, f"target akhir Renstra = tahun ke-{n} ({akhir}) (kepala '{kepala}')")
    if ke and besaran == "target_renstra":
        k = int(ke.group(1) or ke.group(2))
        awal = m.data.renstra.tahun_awal
        return Kolom(
            besaran, awal + k - 1, f"tahun ke-{k} Renstra {awal}–{m.data.renstra.tahun_akhir} (kepala '{kepala}')"
        )
    if tahun_judul:
        return Kolom(besaran, tahun_judul, f"tahun {tahun_judul} dari judul tabel")
    return Kolom(besaran, m.tahun, f"tahun laporan {m.tahun} (kepala dan judul tanpa tahun)")


# --- figures ------------------------------------------------------------------------------------------------


@dataclass
class AngkaTerbaca:
    """One figure read from the document, with where it is and how it was attributed."""

    lokasi: str
    tabel: str
    baris: str
    kolom: str
    tahun: int | None
    subjek: str
    besaran: str
    tertulis: str
    peran: str
    halaman: int | None
    cara: str


KOLOM_TERBACA = [
    "lokasi", "tabel", "baris", "kolom", "tahun", "subjek", "besaran", "tertulis", "peran", "halaman", "cara",
]  # fmt: skip


def _lokasi(bagian: str, halaman: int | None) -> str:
    return ", ".join(x for x in (f"hlm. {halaman}" if halaman else "", bagian[:80]) if x) or "(awal dokumen)"


SATUAN_DATA = re.compile(r"[^\W\d_]{2,}")  # a unit after the figure: orang, Unit, km


def _data_dukung(t: Tabel, kolom: list[Kolom], nama: list[Nama], satuan: dict[str, str]) -> bool:
    """A table of component data (counts with units: '106 Orang', '4 Unit'), not of results: its target and
    realisasi carry a unit that is not the unit of the indicator its row names ('905 orang' is a result
    of an indicator counted in orang; 'Wilayah 1 ... 254 orang' names no indicator)."""
    teks_kol = [j for j, k in enumerate(kolom) if k.besaran is None]
    terisi = satuan_lain = 0
    for r in t.baris:
        sel = [r.sel[j] for j, k in enumerate(kolom) if k.besaran in ("target", "realisasi") and r.sel[j]]
        bersatuan = [s for s in sel if any(c.isdigit() for c in s) and SATUAN_DATA.search(s.replace("Rp", ""))]
        terisi += len(sel)
        if not bersatuan:
            continue
        cocok = next(
            (c for j in teks_kol if r.sel[j] and (c := cocokkan(r.sel[j], nama, ("indikator", "sasaran")))), None
        )
        milik = _huruf(satuan.get(cocok.subjek, "")) if cocok else ""
        satuan_lain += sum(not milik or _huruf(x) != milik for x in bersatuan)
    return satuan_lain >= max(1, terisi // 3)


def _huruf(teks: str) -> str:
    return "".join(c for c in teks.casefold() if c.isalpha())


def _peran(besaran: set[str], jumlah_sasaran: int, tahun_kolom: set[int]) -> str:
    """The role of a table from the quantities of its columns (and how many sasaran its rows cover)."""
    if "efisiensi" in besaran or "rumus_efisiensi" in besaran:
        return "efisiensi"
    if "serapan" in besaran and "capaian" in besaran:
        return "anggaran_kinerja"
    if besaran & {"pagu", "realisasi_anggaran", "serapan"}:
        return "anggaran"
    if "skala" in besaran:
        return "skala"
    if "target_renstra" in besaran:
        return "perbandingan_renstra" if "realisasi" in besaran else "renstra"
    if besaran & {"target", "realisasi", "capaian"} and len(tahun_kolom) >= 2:
        return "perbandingan_tahun"
    if "realisasi" in besaran or "capaian" in besaran:
        return "pengukuran" if jumlah_sasaran >= 2 else "sasaran"
    if "rumus" in besaran:
        return "iku"
    if "target" in besaran:
        return "pk"
    return ""


ANGKA = re.compile(r"-?\d[\d.]*(?:,\d+)?")


def _persen_rumus(teks: str) -> list[str]:
    """The percentages in an efficiency formula '1 - [(81,10% × (1/88%)) × 100%]', without the × 100%."""
    p = [x.strip() for x in re.findall(r"(\d[\d.]*(?:,\d+)?\s?%)", lateks(teks))]
    return p[:-1] if len(p) >= 3 and re.fullmatch(r"100\s?%", p[-1]) else p


def _penyebut(teks: str) -> str | None:
    """The denominator of a formula written in words: '(A) / (B) × 100%' -> 'B'."""
    t = lateks(teks)
    if "/" not in t and t.lstrip().startswith("-"):
        # a formula printed as a list of terms over a line: the last term is the denominator
        akhir = re.split(r"(?:^|\s)-\s+", t)[-1]
        akhir = re.sub(r"\s*[×xX]\s*100\s*%.*$", "", akhir).strip()
        return akhir if akhir and not re.search(r"\d", akhir) else None
    m = re.search(r"/\s*\(?([^()/=×]*[A-Za-z][^()/=×]*)\)?\s*(?:[×x]\s*100|$)", t)
    return m.group(1).strip() if m and not re.search(r"\d", m.group(1)) else None


def _skala(teks: str) -> list[tuple[str, str]]:
    """'91% ≤ 100%' -> [('skala_dari', '91%'), ('skala_sampai', '100%')]; '≤ 50%' -> [('skala_sampai', '50%')]."""
    angka = re.findall(r"(\d[\d.]*(?:,\d+)?\s?%?)", teks)
    if len(angka) >= 2:
        return [("skala_dari", angka[0]), ("skala_sampai", angka[1])]
    if len(angka) == 1:
        sebelum = teks.split(angka[0])[0]
        return [("skala_dari" if re.search(r"[>≥]|lebih dari|di atas", sebelum) else "skala_sampai", angka[0])]
    return []


def dari_tabel(
    t: Tabel, m: Masukan, nama: list[Nama], nomor_tabel: int, ik_bagian: str | None = None
) -> tuple[list[AngkaTerbaca], str, set[str]]:
    """The figures of one table, its role, and the subjek its rows name. A table without a name
    column is about the indicator of the sasaran table just before it (ik_bagian)."""
    tahun_judul = sorted({int(x) for x in TAHUN.findall(t.judul)})
    satu_tahun = tahun_judul[0] if len(tahun_judul) == 1 else None
    ada_efisiensi = any("efisiensi" in k.casefold() for k in t.kepala)
    kolom = [baca_kolom(k, m, ada_efisiensi, satu_tahun) for k in t.kepala]
    if sum(k.besaran == "tahun_saja" for k in kolom) >= 3:  # a Renstra period printed as years
        kolom = [
            Kolom("target_renstra", k.tahun, k.cara + "; kolom tahun periode Renstra")
            if k.besaran == "tahun_saja"
            else k
            for k in kolom
        ]
    kolom = [k if k.besaran != "tahun_saja" else Kolom(None, None, "") for k in kolom]
    besaran = {k.besaran for k in kolom if k.besaran}
    if not any(s and not angka_saja(s) and re.search(r"[a-z]{3}", s) for r in t.baris for s in r.sel):
        return [], "", set()  # no row names anything (a chart's axis labels)
    if not besaran or _data_dukung(t, kolom, nama, satuan_indikator(m)):
        return [], "data_dukung" if besaran else "", set()
    judul = t.judul or f"(tabel tanpa judul ke-{nomor_tabel})"
    kepala = [rapat(k) for k in t.kepala]
    program_kol = [j for j, k in enumerate(kepala) if "program" in k or "kegiatan" in k]
    indikator_kol = [j for j, k in enumerate(kepala) if "indikator" in k and kolom[j].besaran is None]
    sasaran_kol = [j for j, k in enumerate(kepala) if "sasaran" in k and kolom[j].besaran is None]
    predikat_kol = [j for j, k in enumerate(kepala) if re.search(r"kriteria|predikat|kategori", k)]
    teks_kol = [j for j, k in enumerate(kolom) if k.besaran is None]
    anggaran = bool(besaran & {"pagu", "realisasi_anggaran", "serapan", "efisiensi", "rumus_efisiensi"})
    out: list[AngkaTerbaca] = []
    subjek_tabel: set[str] = set()
    konteks: Cocok | None = None  # a group row ('Sasaran Strategis 1 : ...') names the rows under it
    for nomor, r in enumerate(t.baris, start=1):
        isi = [s for s in r.sel if s]
        if not isi:
            continue
        if len(set(isi)) == 1 and not angka_saja(isi[0]):
            konteks = cocokkan(isi[0], nama, ("sasaran", "indikator"))
            continue

        def cari(kol: list[int], jenis: tuple[str, ...], r=r) -> tuple[Cocok | None, str]:
            for j in kol:
                if r.sel[j]:
                    c = cocokkan(r.sel[j], nama, jenis)
                    if c:
                        return c, r.sel[j]
            return None, next((r.sel[j] for j in kol if r.sel[j]), "")

        tercetak = ""
        if anggaran:
            program, tercetak = cari(program_kol or teks_kol, ("program",))
            indikator, nama_ik = cari(indikator_kol, ("indikator",)) if indikator_kol else (None, "")
        else:
            program = None
            indikator, tercetak = cari(indikator_kol or sasaran_kol or teks_kol, ("indikator", "sasaran"))
            if indikator is None and sasaran_kol and indikator_kol:
                indikator, tercetak = cari(sasaran_kol, ("sasaran",))
            if indikator is None and konteks is not None:
                indikator = Cocok(konteks.subjek, f"baris di bawah judul kelompok: {konteks.cara}")
            if indikator is None and not teks_kol and ik_bagian and len(t.baris) <= 2:
                indikator = Cocok(ik_bagian, f"tabel tanpa kolom nama sesudah tabel sasaran indikator {ik_bagian}")
        predikat = cari(predikat_kol, ("predikat",))[0] if predikat_kol else None
        rata = (
            indikator is None
            and not anggaran
            and any(
                re.fullmatch(r"(?i)\s*(jumlah\s+)?rata[\s-]*rata(\s+capaian)?(\s+kinerja)?(\s*\([^()]*\))?\s*:?\s*", x)
                for x in isi
            )
        )
        baris = f"{nomor}: {(tercetak or isi[0])[:60]}"
        for j, k in enumerate(kolom):
            s = r.sel[j]
            if not k.besaran or (not s and k.besaran in ("rumus", "rumus_efisiensi", "skala")):
                continue
            temuan: list[tuple[str, str, Cocok | None, str]] = []  # (besaran, tertulis, who, extra reason)
            if k.besaran == "rumus_efisiensi":
                p = _persen_rumus(s)
                if len(p) >= 2:
                    temuan += [("efisiensi_serapan", p[0], program, ""), ("efisiensi_capaian", p[1], program, "")]
            elif k.besaran == "rumus":
                penyebut = _penyebut(s)
                if penyebut:
                    temuan.append(("penyebut", penyebut, indikator, "penyebut rumus"))
            elif k.besaran == "skala":
                temuan += [(b, x, predikat, "") for b, x in _skala(s)]
            elif k.besaran in ("serapan", "capaian") and ada_efisiensi:
                temuan.append((f"efisiensi_{k.besaran}", s, program, "masukan tabel efisiensi"))
            elif k.besaran in ("capaian",) and anggaran:
                temuan.append(("capaian", s, indikator, "capaian indikator pasangan program"))
            elif k.besaran in ("pagu", "realisasi_anggaran", "serapan", "efisiensi"):
                temuan.append((k.besaran, s, program, ""))
            elif rata and k.besaran == "capaian":
                temuan.append(("rata_rata", s, Cocok("semua", "baris rata-rata tabel"), ""))
            else:
                temuan.append((k.besaran, s, indikator, ""))
            for b, tertulis, siapa, tambahan in temuan:
                if not tertulis and siapa is None:
                    continue  # an empty cell is a figure only where its row names a subjek
                bukan_angka = not (angka_saja(tertulis) or tertulis.strip() in ("-", "–"))
                if tertulis and b != "penyebut" and bukan_angka and not ANGKA.search(tertulis):
                    continue  # text in a figure column (a note), not a figure
                cara = "; ".join(
                    x
                    for x in (
                        f"subjek: {siapa.cara}" if siapa else "subjek tidak cocok dengan nama mana pun",
                        f"besaran dari kepala kolom '{t.kepala[j]}'",
                        k.cara,
                        tambahan,
                    )
                    if x
                )
                if siapa:
                    subjek_tabel.add(siapa.subjek)
                out.append(
                    AngkaTerbaca(
                        _lokasi(t.bagian, r.halaman),
                        judul,
                        baris,
                        t.kepala[j],
                        k.tahun,
                        siapa.subjek if siapa else "",
                        b,
                        tertulis,
                        "",
                        r.halaman,
                        cara,
                    )
                )
        if anggaran and indikator is not None and program is not None:
            subjek_tabel.add(program.subjek)
            out.append(
                AngkaTerbaca(
                    _lokasi(t.bagian, r.halaman),
                    judul,
                    baris,
                    next((t.kepala[j] for j in indikator_kol), "Indikator"),
                    m.tahun,
                    program.subjek,
                    "pasangan_indikator",
                    indikator.subjek,
                    "",
                    r.halaman,
                    f"subjek: {program.cara}; indikator tercetak '{nama_ik[:80]}': {indikator.cara}",
                )
            )
    tahun_kolom = {k.tahun for k in kolom if k.besaran in ("target", "realisasi", "capaian") and k.tahun}
    sasaran_no = dict(zip(m.data.pk.indikator_id, m.data.pk.sasaran_no, strict=True))
    jumlah = len({sasaran_no.get(a.subjek, a.subjek) for a in out if a.subjek})
    if jumlah == len(set(sasaran_no.values())) and any(a.besaran == "rata_rata" for a in out):
        jumlah = max(jumlah, 2)  # every sasaran and their average: the pengukuran table of a PK with one sasaran
    peran = _peran(besaran, jumlah, tahun_kolom)
    for a in out:
        a.peran = peran
    return out, peran, subjek_tabel


RATA = re.compile(
    r"rata[\s-]*rata\s+(?:nilai\s+)?capaian\b|capaian(?:\s+kinerja)?\s+(?:\w+\s+)?rata[\s-]*rata\b(?![\s-]*kan)",
    re.IGNORECASE,
)
PERSEN = re.compile(r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s?%")
RUMUS_ANGKA = re.compile(
    r"\(?\s*(\d[\d.]*(?:,\d+)?)[^/()=\d]*\)?\s*/\s*\(?\s*(\d[\d.]*(?:,\d+)?)[^=]*=\s*(-?\d[\d.]*(?:,\d+)?\s?%)"
)
SEBESAR = re.compile(r"\b(realisasi|capaian)\b[^.%]{0,60}?\bsebesar\s+(\d[\d.]*(?:,\d+)?\s?%)", re.IGNORECASE)


def dari_kalimat(k: Kalimat, m: Masukan, indikator_bagian: dict[str, str]) -> list[AngkaTerbaca]:
    """Figures stated in a sentence: the average, and a sasaran's realisasi in its own section."""
    out = []
    teks = lateks(k.teks) if ("\\" in k.teks or "$" in k.teks) else k.teks
    disebut = sorted({int(x) for x in TAHUN.findall(teks)})
    tahun = disebut[0] if len(disebut) == 1 else m.tahun  # 'rata-rata capaian tahun 2022 adalah ...'

    r = RATA.search(teks)
    if r and not re.search(r"batas|=|kelompok|rasio|\bpoin\b.*\bdari\b", teks):
        menjadi = re.search(r"\bmenjadi\s+", teks[r.end() :])
        p = PERSEN.search(teks, r.end() + (menjadi.end() if menjadi else 0))
        # the figure of the same clause: 'rata-rata – (–); ... serapan 0,000%' states no average
        if (
            p
            and p.start() - r.end() < 120
            and ";" not in teks[r.end() : p.start()]
            and not re.search(r"\bdari\s*$", teks[: p.start()])
        ):
            out.append(
                AngkaTerbaca(
                    _lokasi(k.bagian, k.halaman),
                    "(kalimat)",
                    teks[:80],
                    "rata-rata capaian",
                    tahun,
                    "semua",
                    "rata_rata",
                    p.group(0),
                    "teks",
                    k.halaman,
                    f"kalimat menyebut 'rata-rata' capaian lalu {p.group(0)}; tahun {tahun}"
                    + (" disebut dalam kalimat" if disebut else " laporan"),
                )
            )
            return out
    ik = indikator_bagian.get(k.bagian)
    if ik is None:
        return out
    penyebut = _penyebut(teks.split("=", 1)[1]) if "=" in teks and "/" in teks else None
    if penyebut:
        out.append(
            AngkaTerbaca(
                _lokasi(k.bagian, k.halaman),
                "(kalimat)",
                teks[:80],
                "rumus (penyebut)",
                tahun,
                ik,
                "penyebut",
                penyebut,
                "sasaran",
                k.halaman,
                f"penyebut rumus yang tertulis di bagian indikator {ik} ('{k.bagian[:60]}')",
            )
        )
    for pola, besaran, cara in (
        (RUMUS_ANGKA, "realisasi", "hasil rumus angka a / b × 100% di bagian indikator ini"),
        (SEBESAR, None, "kalimat '... sebesar X%' di bagian indikator ini"),
    ):
        for mm in pola.finditer(teks):
            b = besaran or mm.group(1).lower()
            tertulis = mm.group(3) if pola is RUMUS_ANGKA else mm.group(2)
            out.append(
                AngkaTerbaca(
                    _lokasi(k.bagian, k.halaman),
                    "(kalimat)",
                    teks[:80],
                    b,
                    tahun,
                    ik,
                    b,
                    tertulis.strip(),
                    "sasaran",
                    k.halaman,
                    f"{cara} (indikator {ik} dari tabel bagian '{k.bagian[:60]}'); tahun laporan {tahun}",
                )
            )
        if out:
            break
    return out


def atribusikan(d: Dokumen, m: Masukan) -> list[AngkaTerbaca]:
    """Every figure the reviu uses, in document order, attributed or not."""
    nama = daftar_nama(m)
    out: list[AngkaTerbaca] = []
    indikator_bagian: dict[str, str] = {}
    sebelumnya: dict[int, list[str]] = {}  # column count -> the header of the last table so wide
    ik_terakhir: str | None = None  # the indicator of the last sasaran table
    for i, t in enumerate(d.tabel, start=1):
        n = len(t.kepala)
        if not any(t.kepala) and n >= 4 and n in sebelumnya:
            t.kepala = sebelumnya[n]  # a table printed without its header, in the layout of the one before
        elif any(t.kepala):
            sebelumnya[n] = t.kepala
        angka, peran, subjek = dari_tabel(t, m, nama, i, ik_terakhir)
        out += angka
        ik = {s for s in subjek if any(n.subjek == s and n.jenis == "indikator" for n in nama)}
        if peran == "sasaran" and len(ik) == 1:
            ik_terakhir = next(iter(ik))
            indikator_bagian.setdefault(t.bagian, ik_terakhir)
        elif peran in ("sasaran", "pengukuran", "anggaran", "efisiensi", "anggaran_kinerja", "pk", "renstra", "iku"):
            ik_terakhir = None
    for k in d.kalimat:
        out += dari_kalimat(k, m, indikator_bagian)
    return out
