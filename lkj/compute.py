"""From one year's validated data and rules to result tables (no I/O besides loading)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import formulas as F
from .data import DataTahun, ada_tahun, baca_tahun
from .errors import DataError
from .params import Aturan, baca_aturan

BATAS_WAJAR = 1000  # a capaian above this (percent) is treated as a data-entry error

KOLOM_CAPAIAN = ["sasaran_no", "indikator_id", "indikator", "satuan", "polaritas",
                 "target", "realisasi", "capaian", "predikat"]


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
    def catatan(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.realisasi.catatan + ((self.capaian.catatan,) if self.capaian.catatan else ())))


@dataclass(frozen=True)
class Pengukuran:
    tahun: int
    aturan: Aturan
    data: DataTahun
    indikator: tuple[HasilIndikator, ...]

    @property
    def rata_rata(self) -> F.Hasil:
        return F.rata_rata(h.capaian_dirata for h in self.indikator if self.aturan.ikut_rata_rata(h.indikator_id))

    def rata_rata_sasaran(self, sasaran_no: int) -> F.Hasil:
        return F.rata_rata(h.capaian_dirata for h in self.indikator if h.sasaran_no == sasaran_no)

    @property
    def sasaran(self) -> list[tuple[int, str]]:
        return list(dict.fromkeys((h.sasaran_no, h.sasaran) for h in self.indikator))

    def cari(self, indikator_id: str) -> HasilIndikator | None:
        return next((h for h in self.indikator if h.indikator_id == indikator_id), None)

    def tabel(self) -> pd.DataFrame:
        """The capaian table: one row per PK indicator, unrounded."""
        rows = [{
            "sasaran_no": h.sasaran_no, "indikator_id": h.indikator_id, "indikator": h.indikator,
            "satuan": h.satuan, "polaritas": h.polaritas, "target": h.target,
            "realisasi": h.realisasi.nilai, "capaian": h.capaian.nilai, "predikat": h.predikat,
        } for h in self.indikator]
        return pd.DataFrame(rows, columns=KOLOM_CAPAIAN)


def _komponen(d: DataTahun, indikator_id: str) -> tuple[F.Komponen, ...]:
    if d.komponen is None:
        return ()
    rows = d.komponen[d.komponen.indikator_id == indikator_id]
    return tuple(F.Komponen(r.peran, r.uraian, r.satuan, r.target, r.realisasi, r.kelompok, r.baris, r.komponen_id)
                 for r in rows.itertuples(index=False))


def _realisasi(d: DataTahun, indikator_id: str, jenis_rumus: str,
               komponen: tuple[F.Komponen, ...]) -> F.Realisasi:
    langsung = None
    if d.realisasi_langsung is not None:
        rows = d.realisasi_langsung[d.realisasi_langsung.indikator_id == indikator_id]
        langsung = rows.iloc[0] if len(rows) else None
    if jenis_rumus != "langsung" and komponen:
        try:
            return F.realisasi_dari_komponen(jenis_rumus, komponen)
        except F.RumusError as e:
            raise DataError(d.folder / "komponen.csv", f"indikator {indikator_id}: {e}",
                            "Periksa kolom peran komponen indikator ini (lihat data/raw/README.md).",
                            komponen[0].baris, "peran") from None
    if langsung is not None:
        catatan = () if jenis_rumus == "langsung" else (
            f"tanpa data dukung: rumus {jenis_rumus} tidak dapat dihitung karena komponennya tidak "
            f"tersedia; dipakai realisasi yang dilaporkan ({langsung.keterangan or 'tanpa keterangan'})",)
        if langsung.realisasi is None:
            catatan += ("realisasi tidak dilaporkan",)
        return F.Realisasi(langsung.realisasi, "dilaporkan" if langsung.realisasi is not None else "kosong",
                           (), catatan)
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
            sumber = (d.folder / "komponen.csv", komponen[0].baris, "realisasi") if komponen else \
                (d.folder / "pk.csv", pk.baris, "target")
            raise DataError(sumber[0], f"capaian indikator {pk.indikator_id} menjadi "
                            f"{cap.nilai:.2f}% (di atas {BATAS_WAJAR}%): kemungkinan salah ketik",
                            "Periksa target di pk.csv dan angka komponennya.", sumber[1], sumber[2])
        hasil.append(HasilIndikator(
            sasaran_no=pk.sasaran_no, sasaran=pk.sasaran, indikator_id=pk.indikator_id,
            indikator=pk.indikator, satuan=de.satuan, polaritas=de.polaritas,
            jenis_rumus=de.jenis_rumus, rumus=de.rumus, target=pk.target, realisasi=real,
            capaian=cap, capaian_dirata=F.batasi(cap.nilai, aturan.batas_capaian),
            predikat=aturan.skala.predikat(cap.nilai), komponen=komponen, pk_baris=pk.baris,
        ))
    return Pengukuran(d.tahun, aturan, d, tuple(hasil))


# --- budget ---------------------------------------------------------------------------

KOLOM_ANGGARAN = ["program_kode", "program", "pagu", "realisasi", "serapan",
                  "indikator_id", "capaian", "efisiensi", "catatan"]


def tabel_anggaran(p: Pengukuran) -> pd.DataFrame | None:
    """Pagu, realisasi, serapan and efisiensi per program."""
    d = p.data
    if d.anggaran is None:
        return None
    peta = d.program_indikator if d.program_indikator is not None else pd.DataFrame(
        columns=["program_kode", "indikator_id"])
    rows = []
    for prog in d.anggaran.itertuples(index=False):
        ids = list(peta[peta.program_kode == prog.program_kode].indikator_id)
        ser = F.serapan(prog.pagu, prog.realisasi)
        cap = F.rata_rata(p.cari(i).capaian.nilai for i in ids) if ids else F.Hasil(
            None, "program tanpa indikator kinerja: efisiensi tidak dihitung")
        eff = F.efisiensi(ser.nilai, cap.nilai) if ids else cap
        catatan = "; ".join(dict.fromkeys(c for c in (ser.catatan, cap.catatan, eff.catatan) if c))
        rows.append({"program_kode": prog.program_kode, "program": prog.program, "pagu": prog.pagu,
                     "realisasi": prog.realisasi, "serapan": ser.nilai, "indikator_id": ",".join(ids),
                     "capaian": cap.nilai, "efisiensi": eff.nilai, "catatan": catatan})
    return pd.DataFrame(rows, columns=KOLOM_ANGGARAN)


# --- comparisons ------------------------------------------------------------------------

def tabel_renstra(p: Pengukuran) -> pd.DataFrame:
    """Realisasi against the Renstra: this year's target and the end-of-period target."""
    r = p.data.renstra
    k = r.tahun_ke(p.tahun)
    definisi = r.indikator.set_index("indikator_id")
    rows = []
    for h in p.indikator:
        de = definisi.loc[h.indikator_id]
        t_tahun = de[f"target_{k}"] if k else None
        t_akhir = de["target_5"]
        rows.append({
            "indikator_id": h.indikator_id, "indikator": h.indikator,
            **{f"target_{i}": de[f"target_{i}"] for i in range(1, 6)},
            "tahun_ke": k, "target_renstra": t_tahun, "realisasi": h.realisasi.nilai,
            "capaian_renstra": F.capaian(t_tahun, h.realisasi.nilai, h.polaritas).nilai,
            "target_akhir": t_akhir,
            "progres_akhir": F.capaian(t_akhir, h.realisasi.nilai, h.polaritas).nilai,
        })
    return pd.DataFrame(rows)


def tabel_pembanding(p: Pengukuran, lalu: Pengukuran | None) -> pd.DataFrame:
    """This year against the comparison year, indicator by indicator."""
    rows = []
    for h in p.indikator:
        h0 = lalu.cari(h.indikator_id) if lalu else None
        rows.append({
            "indikator_id": h.indikator_id, "indikator": h.indikator,
            "target_lalu": h0.target if h0 else None, "target": h.target,
            "realisasi_lalu": h0.realisasi.nilai if h0 else None, "realisasi": h.realisasi.nilai,
            "capaian_lalu": h0.capaian.nilai if h0 else None, "capaian": h.capaian.nilai,
            "perubahan_capaian": (h.capaian.nilai - h0.capaian.nilai)
            if h0 and h0.capaian.nilai is not None and h.capaian.nilai is not None else None,
        })
    return pd.DataFrame(rows)


# --- entry point --------------------------------------------------------------------------

@dataclass(frozen=True)
class Proyek:
    """Where a project's inputs live (the repository root by default)."""
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    def params(self, tahun: int) -> Path:
        return self.root / "params" / f"{tahun}.yaml"

    def processed(self, tahun: int) -> Path:
        return self.root / "data" / "processed" / str(tahun)


ROOT = Path(__file__).resolve().parent.parent


def hitung(tahun: int, root: Path = ROOT) -> tuple[Pengukuran, Pengukuran | None]:
    """Load, validate and measure a year and its comparison year."""
    proyek = Proyek(Path(root))
    if not (proyek.raw / str(tahun)).is_dir():
        baca_tahun(proyek.raw, tahun, "")  # raises the "no data for this year" message
    aturan = baca_aturan(proyek.params(tahun), tahun)
    p = ukur(baca_tahun(proyek.raw, tahun, aturan.renstra), aturan)
    lalu = None
    if aturan.tahun_pembanding is not None:
        if not ada_tahun(proyek.raw, aturan.tahun_pembanding):
            raise DataError(proyek.params(tahun), f"tahun pembanding {aturan.tahun_pembanding} tidak punya "
                            f"data (data/raw/{aturan.tahun_pembanding}/pk.csv)",
                            "Tambahkan data tahun itu, atau isi tahun_pembanding: null.",
                            column="tahun_pembanding")
        lalu = ukur(baca_tahun(proyek.raw, aturan.tahun_pembanding, aturan.renstra), aturan)
    return p, lalu
