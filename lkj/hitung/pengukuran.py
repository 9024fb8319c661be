"""From one year's validated inputs to result tables: capaian, budget, comparisons (no I/O)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import NamedTuple

import pandas as pd

from ..masukan.data import DataTahun
from ..masukan.errors import DataError
from ..masukan.model import Masukan
from ..masukan.params import Aturan
from . import formulas as F

BATAS_WAJAR = 1000  # a capaian above this (percent) is treated as a data-entry error

KOLOM_CAPAIAN = [
    "sasaran_no",
    "indikator_id",
    "indikator",
    "satuan",
    "polaritas",
    "target",
    "realisasi",
    "capaian",
    "predikat",
]


@dataclass(frozen=True)
class HasilIndikator:
    sasaran_no: int
    sasaran: str
    indikator_id: str
    indikator: str
    satuan: str
    polaritas: str
    jenis_rumus: str
    rumus: str
    target: float
    realisasi: F.Realisasi
    capaian: F.Hasil
    capaian_dirata: float | None  # after the cap, what enters averages
    predikat: str | None
    komponen: tuple[F.Komponen, ...]
    pk_baris: int

    @property
    def tanpa_data_dukung(self) -> bool:
        """Realisasi not computed from component data (reported as is, or missing)."""
        return self.realisasi.sumber != "komponen"

    @property
    def catatan(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.realisasi.catatan + ((self.capaian.catatan,) if self.capaian.catatan else ())))


@dataclass(frozen=True)
class Pengukuran:
    tahun: int
    aturan: Aturan
    data: DataTahun
    indikator: tuple[HasilIndikator, ...]

    @property
    def dirata(self) -> list[HasilIndikator]:
        """The indicators the overall average is taken over (params: indikator_rata_rata)."""
        return [h for h in self.indikator if self.aturan.ikut_rata_rata(h.indikator_id)]

    @property
    def rata_rata(self) -> F.Hasil:
        return F.rata_rata(h.capaian_dirata for h in self.dirata)

    def rata_rata_sasaran(self, sasaran_no: int) -> F.Hasil:
        return F.rata_rata(h.capaian_dirata for h in self.indikator if h.sasaran_no == sasaran_no)

    @property
    def sasaran(self) -> list[tuple[int, str]]:
        return list(dict.fromkeys((h.sasaran_no, h.sasaran) for h in self.indikator))

    def cari(self, indikator_id: str) -> HasilIndikator | None:
        return next((h for h in self.indikator if h.indikator_id == indikator_id), None)

    def capaian_dari(self, indikator_id: str) -> float | None:
        """The capaian of an indicator, None when it has none (or is not measured this year)."""
        h = self.cari(indikator_id)
        return h.capaian.nilai if h else None

    def tabel(self) -> pd.DataFrame:
        """The capaian table: one row per PK indicator, unrounded."""
        rows = [
            {
                "sasaran_no": h.sasaran_no,
                "indikator_id": h.indikator_id,
                "indikator": h.indikator,
                "satuan": h.satuan,
                "polaritas": h.polaritas,
                "target": h.target,
                "realisasi": h.realisasi.nilai,
                "capaian": h.capaian.nilai,
                "predikat": h.predikat,
            }
            for h in self.indikator
        ]
        return pd.DataFrame(rows, columns=KOLOM_CAPAIAN)


def _komponen(d: DataTahun, indikator_id: str) -> tuple[F.Komponen, ...]:
    if d.komponen is None:
        return ()
    rows = d.komponen[d.komponen.indikator_id == indikator_id]
    return tuple(
        F.Komponen(r.peran, r.uraian, r.satuan, r.target, r.realisasi, r.kelompok, r.baris, r.komponen_id)
        for r in rows.itertuples(index=False)
    )


def _realisasi(d: DataTahun, indikator_id: str, jenis_rumus: str, komponen: tuple[F.Komponen, ...]) -> F.Realisasi:
    langsung = None
    if d.realisasi_langsung is not None:
        rows = d.realisasi_langsung[d.realisasi_langsung.indikator_id == indikator_id]
        langsung = rows.iloc[0] if len(rows) else None
    if jenis_rumus != "langsung" and komponen:
        try:
            return F.realisasi_dari_komponen(jenis_rumus, komponen)
        except F.RumusError as e:
            raise DataError(
                d.folder / "komponen.csv",
                f"indikator {indikator_id}: {e}",
                "Periksa kolom peran komponen indikator ini (lihat data/raw/README.md).",
                komponen[0].baris,
                "peran",
            ) from None
    if langsung is not None:
        dari_opd = getattr(langsung, "sumber", None)  # a Pemda's IKU computed by an OPD (lkj.masukan.sumber)
        catatan: tuple[str, ...] = (
            (f"{langsung.keterangan}: realisasi dari perhitungan OPD penanggung jawab",)
            if isinstance(dari_opd, str)
            else ()
            if jenis_rumus == "langsung"
            else (
                f"tanpa data dukung: rumus {jenis_rumus} tidak dapat dihitung karena komponennya tidak "
                f"tersedia; dipakai realisasi yang dilaporkan ({langsung.keterangan or 'tanpa keterangan'})",
            )
        )
        if langsung.realisasi is None:
            catatan += ("realisasi tidak dilaporkan",)
        return F.Realisasi(
            langsung.realisasi, "dilaporkan" if langsung.realisasi is not None else "kosong", (), catatan
        )
    return F.Realisasi(None, "kosong", (), ("tidak ada data realisasi (komponen maupun realisasi_langsung)",))


def ukur(d: DataTahun, aturan: Aturan) -> Pengukuran:
    """Capaian and predikat of every PK indicator of the year."""
    definisi = d.renstra.indikator.set_index("indikator_id")
    hasil = []
    for pk in d.pk.itertuples(index=False):
        de = definisi.loc[pk.indikator_id]
        komponen = _komponen(d, pk.indikator_id)
        real = _realisasi(d, pk.indikator_id, de.jenis_rumus, komponen)
        cap = F.capaian(pk.target, real.nilai, de.polaritas)
        if cap.nilai is not None and abs(cap.nilai) > BATAS_WAJAR:
            _capaian_tak_wajar(d, pk, real, komponen, cap.nilai)
        hasil.append(
            HasilIndikator(
                sasaran_no=pk.sasaran_no,
                sasaran=pk.sasaran,
                indikator_id=pk.indikator_id,
                indikator=pk.indikator,
                satuan=de.satuan,
                polaritas=de.polaritas,
                jenis_rumus=de.jenis_rumus,
                rumus=de.rumus,
                target=pk.target,
                realisasi=real,
                capaian=cap,
                capaian_dirata=F.batasi(cap.nilai, aturan.batas_capaian),
                predikat=aturan.skala.predikat(cap.nilai),
                komponen=komponen,
                pk_baris=pk.baris,
            )
        )
    return Pengukuran(d.tahun, aturan, d, tuple(hasil))


def _capaian_tak_wajar(d: DataTahun, pk, real: F.Realisasi, komponen, nilai: float) -> None:
    """Stop on an implausible capaian, naming the cell that most likely holds the typing error."""
    masalah = (
        f"capaian indikator {pk.indikator_id} menjadi {nilai:.2f}% (di atas {BATAS_WAJAR}%): kemungkinan salah ketik"
    )
    if abs(real.nilai) <= BATAS_WAJAR:  # type: ignore[arg-type]  # a capaian exists, so a realisasi does
        raise DataError(d.folder / "pk.csv", masalah, "Periksa target ini (mis. 0.4 untuk 40).", pk.baris, "target")
    if real.sumber != "komponen":
        raise DataError(
            d.folder / "realisasi_langsung.csv",
            masalah,
            "Periksa realisasi ini.",
            _baris_langsung(d, pk.indikator_id),
            "realisasi",
        )
    if not real.langkah:  # jumlah, nilai: a value in the indicator's unit, against the target
        raise DataError(
            d.folder / "pk.csv",
            masalah,
            "Periksa target ini dan realisasi komponennya di "
            "komponen.csv (mis. 1.004 untuk 1004: tulis tanpa pemisah ribuan).",
            pk.baris,
            "target",
        )
    step = max(real.langkah, key=lambda s: abs(s.hasil.nilai or 0))
    sel = _sel_ganjil(step, komponen)
    raise DataError(
        d.folder / "komponen.csv",
        f"{masalah}; nilai '{sel.uraian}' di sel ini tidak sebanding dengan angka lain indikator ini",
        "Periksa angka ini (mis. 1.004 untuk 1004: tulis tanpa pemisah ribuan).",
        sel.baris,
        sel.kolom,
    )


class _Sel(NamedTuple):
    baris: int
    kolom: str
    uraian: str


def _sel_ganjil(step: F.Langkah, komponen: tuple[F.Komponen, ...]) -> _Sel:
    """Of a ratio's numerator and denominator cells, the one most out of scale with the indicator's other numbers."""

    def kolom(k: F.Komponen, nilai) -> str:
        return "target" if k.target == nilai and k.realisasi != nilai else "realisasi"

    calon = [
        (k, kolom(k, v), v)
        for k, v in ((step.pembilang, step.pembilang_nilai), (step.penyebut, step.penyebut_nilai))
        if k.baris and v
    ]
    semua = [(k.baris, c, v) for k in komponen for c, v in (("target", k.target), ("realisasi", k.realisasi)) if v]

    def jarak(k: F.Komponen, c: str, v: float) -> float:
        lain = sorted(x for b, cc, x in semua if (b, cc) != (k.baris, c))
        return abs(math.log10(abs(v) / abs(lain[len(lain) // 2]))) if lain else 0.0

    k, c, _ = max(calon, key=lambda t: jarak(*t))
    return _Sel(k.baris, c, k.uraian)


def _baris_langsung(d: DataTahun, indikator_id: str) -> int | None:
    if d.realisasi_langsung is None:
        return None
    rows = d.realisasi_langsung[d.realisasi_langsung.indikator_id == indikator_id]
    return int(rows.baris.iloc[0]) if len(rows) else None


# --- budget ---------------------------------------------------------------------------

KOLOM_ANGGARAN = [
    "program_kode",
    "program",
    "pagu",
    "realisasi",
    "serapan",
    "indikator_id",
    "capaian",
    "efisiensi",
    "catatan",
]


def hitung_anggaran(p: Pengukuran) -> pd.DataFrame | None:
    """Pagu, realisasi, serapan and efisiensi per program."""
    d = p.data
    if d.anggaran is None:
        return None
    peta = (
        d.program_indikator
        if d.program_indikator is not None
        else pd.DataFrame(columns=["program_kode", "indikator_id"])
    )
    rows = []
    for prog in d.anggaran.itertuples(index=False):
        ids = list(peta[peta.program_kode == prog.program_kode].indikator_id)
        ser = F.serapan(prog.pagu, prog.realisasi)
        cap = (
            F.rata_rata(p.capaian_dari(i) for i in ids)
            if ids
            else F.Hasil(None, "program tanpa indikator kinerja: efisiensi tidak dihitung")
        )
        eff = F.efisiensi(ser.nilai, cap.nilai) if ids else cap
        catatan = "; ".join(dict.fromkeys(c for c in (ser.catatan, cap.catatan, eff.catatan) if c))
        rows.append(
            {
                "program_kode": prog.program_kode,
                "program": prog.program,
                "pagu": prog.pagu,
                "realisasi": prog.realisasi,
                "serapan": ser.nilai,
                "indikator_id": ",".join(ids),
                "capaian": cap.nilai,
                "efisiensi": eff.nilai,
                "catatan": catatan,
            }
        )
    return pd.DataFrame(rows, columns=KOLOM_ANGGARAN)


KELAS_SERAPAN_RENDAH = 2  # the lowest classes of the predikat scale (2023: Sangat Rendah, Rendah)


def batas_serapan_rendah(aturan: Aturan) -> float | None:
    """Serapan below this is low: the upper bound of the second-lowest class of the report's own predikat
    scale (66% in 2023), so the judgement of spending uses the scale that judges results."""
    kelas = sorted(aturan.skala.kelas, key=lambda k: -math.inf if k.dari is None else k.dari)
    return kelas[min(KELAS_SERAPAN_RENDAH, len(kelas)) - 1].sampai


def serapan_rendah(aturan: Aturan, serapan: float | None) -> bool:
    batas = batas_serapan_rendah(aturan)
    return serapan is not None and serapan == serapan and batas is not None and serapan < batas


def total_anggaran(anggaran: pd.DataFrame) -> tuple[float, float, F.Hasil]:
    """The whole budget: (pagu, realisasi, serapan); a program without realisasi counts for nothing spent."""
    pagu, realisasi = anggaran.pagu.sum(), anggaran.realisasi.dropna().sum()
    return pagu, realisasi, F.serapan(pagu, realisasi)


# --- comparisons ------------------------------------------------------------------------


def hitung_renstra(p: Pengukuran) -> pd.DataFrame:
    """Realisasi against the Renstra: this year's target and the end-of-period target."""
    r = p.data.renstra
    k = r.tahun_ke(p.tahun)
    definisi = r.indikator.set_index("indikator_id")
    rows = []
    for h in p.indikator:
        de = definisi.loc[h.indikator_id]
        t_tahun = de[f"target_{k}"] if k else None
        t_akhir = de[r.target_akhir]
        rows.append(
            {
                "indikator_id": h.indikator_id,
                "indikator": h.indikator,
                **{kolom: de[kolom] for kolom in r.kolom_target},
                "tahun_ke": k,
                "target_renstra": t_tahun,
                "realisasi": h.realisasi.nilai,
                "capaian_renstra": F.capaian(t_tahun, h.realisasi.nilai, h.polaritas).nilai,
                "target_akhir": t_akhir,
                "progres_akhir": F.capaian(t_akhir, h.realisasi.nilai, h.polaritas).nilai,
            }
        )
    return pd.DataFrame(rows)


TINGKAT_STANDAR = ("nasional", "provinsi")
KOLOM_RIWAYAT = [
    "indikator_id",
    "tahun",
    "tahun_ke",
    "target_renstra",
    "target",
    "realisasi",
    "capaian",
    *(f"{k}_{t}" for t in TINGKAT_STANDAR for k in ("standar", "sumber")),
]


def hitung_riwayat(m: Masukan, p: Pengukuran) -> pd.DataFrame:
    """Every year of the Renstra period with data, up to this one, per indicator of this year's PK: the
    Renstra target of that year, the PK target, realisasi and capaian (each year measured by this year's
    rules, as the comparison year is), and the national / provincial standard where standar.csv gives one.
    An indicator absent from a year's PK has no row for that year; a missing value stays empty."""
    r = p.data.renstra
    definisi = r.indikator.set_index("indikator_id")
    tahunan = sorted([ukur(d, m.aturan) for d in m.riwayat] + [p], key=lambda q: q.tahun)
    standar: dict[tuple[str, int, str], tuple[float, str]] = {}
    if r.standar is not None:
        standar = {(s.indikator_id, s.tahun, s.tingkat): (s.nilai, s.sumber) for s in r.standar.itertuples()}
    rows = []
    for h in p.indikator:
        for q in tahunan:
            h0 = q.cari(h.indikator_id)
            if h0 is None:
                continue
            k = r.tahun_ke(q.tahun)
            baris = {
                "indikator_id": h.indikator_id,
                "tahun": q.tahun,
                "tahun_ke": k,
                "target_renstra": definisi.loc[h.indikator_id, f"target_{k}"] if k else None,
                "target": h0.target,
                "realisasi": h0.realisasi.nilai,
                "capaian": h0.capaian.nilai,
            }
            for t in TINGKAT_STANDAR:
                nilai, sumber = standar.get((h.indikator_id, q.tahun, t), (None, None))
                baris |= {f"standar_{t}": nilai, f"sumber_{t}": sumber}
            rows.append(baris)
    return pd.DataFrame(rows, columns=KOLOM_RIWAYAT)


def hitung_pembanding(p: Pengukuran, lalu: Pengukuran | None) -> pd.DataFrame:
    """This year against the comparison year, indicator by indicator."""
    rows = []
    for h in p.indikator:
        h0 = lalu.cari(h.indikator_id) if lalu else None
        rows.append(
            {
                "indikator_id": h.indikator_id,
                "indikator": h.indikator,
                "target_lalu": h0.target if h0 else None,
                "target": h.target,
                "realisasi_lalu": h0.realisasi.nilai if h0 else None,
                "realisasi": h.realisasi.nilai,
                "capaian_lalu": h0.capaian.nilai if h0 else None,
                "capaian": h.capaian.nilai,
                "perubahan_capaian": (h.capaian.nilai - h0.capaian.nilai)
                if h0 and h0.capaian.nilai is not None and h.capaian.nilai is not None
                else None,
            }
        )
    return pd.DataFrame(rows)


def arah_perubahan(kini: float | None, lalu: float | None, digit: int) -> str | None:
    """'naik', 'turun' or 'tetap' (equal at the displayed digits); None if a value is missing."""
    if F.kosong(kini) or F.kosong(lalu):
        return None
    beda = round(kini - lalu, digit)
    return "naik" if beda > 0 else "turun" if beda < 0 else "tetap"


def jumlah_arah(p: Pengukuran, lalu: Pengukuran | None) -> dict[str, int]:
    """How many indicators' capaian rose, fell or stayed against the comparison year (comparable ones only)."""
    n = {"naik": 0, "turun": 0, "tetap": 0}
    for h in p.indikator:
        h0 = lalu.cari(h.indikator_id) if lalu else None
        a = arah_perubahan(h.capaian.nilai, h0.capaian.nilai if h0 else None, p.aturan.digit_desimal)
        if a:
            n[a] += 1
    return n


@dataclass(frozen=True)
class Sebanding:
    """The overall average of both years over the same indicators: those with a capaian in both."""

    indikator: tuple[str, ...]
    tidak_sebanding: tuple[str, ...]  # averaged in one year but left out here
    rata_rata: F.Hasil
    rata_rata_lalu: F.Hasil


def rata_rata_sebanding(p: Pengukuran, lalu: Pengukuran | None) -> Sebanding | None:
    """Year-on-year comparison of the average on the same set of indicators (None without a comparison year)."""
    if lalu is None:
        return None
    ada_lalu = {h.indikator_id: h for h in lalu.dirata if h.capaian.nilai is not None}
    sama = [h for h in p.dirata if h.capaian.nilai is not None and h.indikator_id in ada_lalu]
    ids = {h.indikator_id for h in sama}
    semua = dict.fromkeys([h.indikator_id for h in p.dirata] + [h.indikator_id for h in lalu.dirata])
    return Sebanding(
        indikator=tuple(h.indikator_id for h in sama),
        tidak_sebanding=tuple(i for i in semua if i not in ids),
        rata_rata=F.rata_rata(h.capaian_dirata for h in sama),
        rata_rata_lalu=F.rata_rata(ada_lalu[h.indikator_id].capaian_dirata for h in sama),
    )


@dataclass(frozen=True)
class Skenario:
    """The overall average under another rule: what the headline predikat depends on."""

    uraian: str
    batas_capaian: float | None
    tanpa: tuple[str, ...]  # indicators left out of the average
    rata_rata: F.Hasil
    predikat: str | None


def sensitivitas(p: Pengukuran) -> list[Skenario]:
    """The average and its predikat under the report's rule, capped at 100 and at 120, and without
    the indicators lacking supporting data; each recomputed by `ukur` with the rule changed."""

    def skenario(uraian: str, aturan: Aturan, tanpa: tuple[str, ...] = ()) -> Skenario:
        q = ukur(p.data, aturan)
        return Skenario(uraian, aturan.batas_capaian, tanpa, q.rata_rata, aturan.skala.predikat(q.rata_rata.nilai))

    a = p.aturan
    batas = "tanpa batas" if a.batas_capaian is None else f"batas {a.batas_capaian:g}%"
    out = [skenario(f"Aturan laporan ini ({batas})", a)]
    out += [skenario(f"Capaian dibatasi {b}%", replace(a, batas_capaian=b)) for b in (100, 120) if b != a.batas_capaian]
    tanpa = tuple(h.indikator_id for h in p.dirata if h.tanpa_data_dukung)
    if tanpa:
        ikut = tuple(h.indikator_id for h in p.dirata if not h.tanpa_data_dukung)
        out.append(
            skenario("Tanpa indikator yang realisasinya tanpa data dukung", replace(a, indikator_rata_rata=ikut), tanpa)
        )
    return out


# --- entry point --------------------------------------------------------------------------


def hitung(m: Masukan) -> tuple[Pengukuran, Pengukuran | None]:
    """Capaian of the year and of its comparison year, from the validated inputs."""
    p = ukur(m.data, m.aturan)
    return p, ukur(m.pembanding, m.aturan) if m.pembanding is not None else None
