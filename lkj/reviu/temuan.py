"""A reviu finding, the context the rules read, and the comparison at printed precision."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import fmt
from ..hitung.pengukuran import Pengukuran, hitung_anggaran
from ..masukan.publikasi import Angka
from ..masukan.rencana import Rencana
from ..masukan.sumber import PublikasiOpd

KATEGORI = ("salah hitung", "tidak konsisten", "pembulatan", "data dukung tidak ada", "metodologi")
TINGKAT = ("tinggi", "sedang", "rendah")


# --- comparison at printed precision ---------------------------------------------------------


def banding(dilaporkan: float | None, digit: int, hitung: float | None) -> str:
    """'sesuai' if the printed value is the computed one rounded half up to the printed digits;
    'pembulatan' if it is off by at most one unit in the last printed digit (truncation or
    rounding of an intermediate value); else 'beda' (also when either value is missing)."""
    if dilaporkan is None or hitung is None:
        return "beda"
    if fmt.bulat(hitung, digit) == dilaporkan:
        return "sesuai"
    if abs(dilaporkan - hitung) <= 10**-digit + 1e-9:
        return "pembulatan"
    return "beda"


# --- findings ----------------------------------------------------------------------------------

SUMBER = ("publikasi", "data")  # a finding on the published document, or a note on our own input
# lkj's report already prints the right figure / the data still to be fixed / not fixed, but disclosed to the
# reader where the figure appears (lkj.reviu.pengungkapan)
STATUS = ("dikoreksi", "terbuka", "diungkapkan")


@dataclass(frozen=True)
class Butir:
    """One wrong figure of a finding: where it is printed (or the data cell), what it is, the value as
    printed and the right value (None when there is no single right number)."""

    lokasi: str
    apa: str  # 'Capaian IK08 2023'
    tertulis: str  # as printed ('26,90%'); for a data cell the value in words
    benar: str  # the right value, formatted ('' when none)
    nilai_dilaporkan: float | None = None
    nilai_hitung: float | None = None
    besaran: str = ""  # publikasi besaran ('capaian', 'pagu', ...), '' for a data cell
    subjek: str = ""  # indicator, program or 'semua'
    tahun: int | None = None
    baris_publikasi: int | None = None  # row of publikasi.csv

    @property
    def selisih(self) -> float | None:
        if self.nilai_dilaporkan is None or self.nilai_hitung is None:
            return None
        return self.nilai_dilaporkan - self.nilai_hitung


@dataclass(kw_only=True)
class Temuan:
    """One finding per root cause: which rule, every place it shows, what, and the two values
    (as printed, as computed). Cells that only repeat or follow from the root value are further
    `lokasi` of the same finding, with what they show in `akibat`."""

    aturan: str
    kategori: str
    lokasi: tuple[str, ...] | str  # a str is accepted for a single place (made a tuple on creation)
    uraian: str
    sumber: str
    indikator_id: str = ""
    program_kode: str = ""
    nilai_dilaporkan: float | None = None
    nilai_hitung: float | None = None
    ubah_predikat: bool = False
    tautan: str = ""  # id of the report section with the calculation step
    kode: str = ""
    akibat: list[str] = field(default_factory=list)
    butir: list[Butir] = field(default_factory=list)  # one per wrong figure, in lokasi order (reviu.rinci)
    sel: dict[int, str] = field(default_factory=dict)  # publikasi.csv rows this finding explains -> their lokasi
    # a finding whose root cause is that of another: the publikasi.csv row of a cell that other finding
    # explains; the grouping pass (aturan.kelompokkan) merges it there
    ikut_sel: int | None = None
    apa: str = ""  # what the figure is, for a finding on a data cell ('Target PK IK05 2022')
    # a finding on the data told to the reader: 'laporan' (the report states it by itself), 'narasi' (the
    # writer's note in the plan's `catatan` file); '' not told
    diungkapkan: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.lokasi, str):
            self.lokasi = (self.lokasi,)
        if self.sumber not in SUMBER:
            raise ValueError(f"sumber {self.sumber!r}")

    @property
    def semua_lokasi(self) -> tuple[str, ...]:
        return (self.lokasi,) if isinstance(self.lokasi, str) else self.lokasi

    def tambah(self, lokasi: str, akibat: str = "", program_kode: str = "") -> None:
        """Another place where this root cause shows (and what it shows there)."""
        if lokasi not in self.semua_lokasi:
            self.lokasi = (*self.semua_lokasi, lokasi)
        if akibat and akibat not in self.akibat:
            self.akibat.append(akibat)
        if program_kode and program_kode not in self.program_kode.split(","):
            self.program_kode = ",".join(filter(None, (self.program_kode, program_kode)))

    @property
    def tempat(self) -> str:
        """Every location, as one text (the CSV cell)."""
        return " | ".join(self.semua_lokasi)  # keluaran.PEMISAH_LOKASI

    @property
    def keterangan(self) -> str:
        """The finding with what follows from it elsewhere."""
        return self.uraian + (f". Akibatnya: {'; '.join(self.akibat)}" if self.akibat else "")

    @property
    def tingkat(self) -> str:
        if self.kategori == "pembulatan":
            return "rendah"
        if self.kategori in ("salah hitung", "tidak konsisten"):
            return "tinggi" if self.ubah_predikat else "sedang"
        return "sedang"

    @property
    def selisih(self) -> float | None:
        if self.nilai_dilaporkan is None or self.nilai_hitung is None:
            return None
        return self.nilai_dilaporkan - self.nilai_hitung

    @property
    def butir_sendiri(self) -> Butir:
        """The finding as its one figure (before `reviu.rinci` split it, or for a finding made by hand)."""
        return Butir(self.tempat, self.indikator_id, "", "", self.nilai_dilaporkan, self.nilai_hitung)

    @property
    def status(self) -> str:
        """'dikoreksi' when lkj's report, computed from the data, prints the right figure (a finding on
        the published document); 'terbuka' when the data lkj itself reads must be corrected;
        'diungkapkan' when it is not, but the report tells the reader where the figure appears."""
        if self.sumber == "publikasi":
            return "dikoreksi"
        return "diungkapkan" if self.diungkapkan else "terbuka"

    @property
    def pada_data(self) -> bool:
        """A finding on the OPD's data files (not on its narrative, which is corrected, not disclosed)."""
        return self.sumber == "data" and not any("/narasi/" in x for x in self.semua_lokasi)


@dataclass
class Konteks:
    """What every rule reads: the measured years, the published figures, the narrative, the plan."""

    p: Pengukuran
    lalu: Pengukuran | None
    publikasi: tuple[Angka, ...] | None
    narasi: dict[str, str | None]
    rencana: Rencana
    publikasi_opd: tuple[PublikasiOpd, ...] = ()  # a Pemda: what its OPDs' reports print for its IKU
    anggaran: pd.DataFrame | None = field(init=False)
    _program: dict[str, pd.Series] = field(init=False, repr=False)  # a program's first row, by its code

    def __post_init__(self) -> None:
        self.anggaran = hitung_anggaran(self.p)
        baris = () if self.anggaran is None else self.anggaran.iterrows()
        self._program = {}
        for _, r in baris:
            self._program.setdefault(r["program_kode"], r)

    def bukukan(self, t: Temuan, a: Angka, akibat: str = "", program_kode: str = "") -> Temuan:
        """Record that finding t explains the published cell a (and what the cell shows)."""
        if a.baris_csv not in t.sel:
            t.tambah(a.tempat, akibat, program_kode)
            t.sel[a.baris_csv] = a.tempat
        return t

    def sebaris(self, a: Angka, besaran: str) -> Angka | None:
        """The figure of another column in a's printed row (same table, row, subject and year)."""
        return next(
            (
                b
                for b in self.publikasi or []
                if b.tabel == a.tabel
                and b.baris == a.baris
                and b.subjek == a.subjek
                and b.tahun == a.tahun
                and b.besaran == besaran
            ),
            None,
        )

    def ukur(self, tahun: int) -> Pengukuran | None:
        return self.p if tahun == self.p.tahun else self.lalu if self.lalu and tahun == self.lalu.tahun else None

    def angka(self, *besaran: str) -> list[Angka]:
        return [a for a in self.publikasi or [] if a.besaran in besaran]

    def program(self, kode: str):
        return self._program.get(kode)

    def tautan(self, subjek: str) -> str:
        """The report section where an indicator's or a program's figure is computed."""
        if self.p.cari(subjek):
            return self.rencana.jangkar("langkah", indikator_id=subjek)
        return self.rencana.jangkar("efisiensi" if self.program(subjek) is not None else "pengukuran")


NAMA_BESARAN = {
    "target": "Target",
    "target_renstra": "Target Renstra",
    "realisasi": "Realisasi",
    "capaian": "Capaian",
    "rata_rata": "Rata-rata capaian",
    "pagu": "Pagu",
    "realisasi_anggaran": "Realisasi anggaran",
    "serapan": "Serapan",
    "efisiensi": "Efisiensi",
    "efisiensi_serapan": "Serapan di tabel efisiensi",
    "efisiensi_capaian": "Capaian di tabel efisiensi",
    "pasangan_indikator": "Indikator pasangan",
    "penyebut": "Penyebut rumus",
}


def nama_angka(a: Angka) -> str:
    """'Capaian IK05 2023', 'Rata-rata capaian 2023'."""
    subjek = "" if a.subjek == "semua" else f" {a.subjek}"
    return f"{NAMA_BESARAN.get(a.besaran, a.besaran)}{subjek} {a.tahun}"


def pct(x: float | None, digit: int = 2) -> str:
    return fmt.persen(x, digit)
