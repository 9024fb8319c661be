"""LKE pre-check (PermenPAN-RB 88/2021, component Pelaporan Kinerja): each criterion the report's data can
answer, with its answer (Y/T, or A–E by coverage), the evidence (where in the report) and what is missing.
Criteria, weights and thresholds are data (lke.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import fmt
from ..hitung.pengukuran import Pengukuran, hitung_anggaran
from ..masukan.model import Masukan
from .lembar import TabelPdf, letak_lkj
from .temuan import Temuan

KRITERIA = Path(__file__).parent / "lke.yaml"


@dataclass(frozen=True)
class Data:
    """What the checks read."""

    m: Masukan
    p: Pengukuran
    lalu: Pengukuran | None
    temuan: list[Temuan]
    tabel: list[TabelPdf]
    halaman_pdf: int


@dataclass(frozen=True)
class Hasil:
    """A check's answer: `ya` for a Y/T question, `cakupan` (percent) for an A–E one."""

    bukti: str
    kurang: str
    ya: bool | None = None
    cakupan: float | None = None


@dataclass(frozen=True)
class JawabanLke:
    kode: str
    subkomponen: str
    pertanyaan: str
    jawaban: str
    skor: float  # 0..1
    bobot: float  # points of the component this criterion carries
    bukti: str
    kurang: str

    @property
    def nilai(self) -> float:
        return self.skor * self.bobot

    @property
    def teks_nilai(self) -> str:
        return fmt.angka(self.nilai, 2)

    @property
    def teks_bobot(self) -> str:
        return fmt.angka(self.bobot, 2)


def _cakupan(ada: list[str], semua: list[str], apa: str, bukti: str) -> Hasil:
    kurang = [x for x in semua if x not in ada]
    return Hasil(
        f"{len(ada)} dari {len(semua)} {apa}" + (f"; {bukti}" if bukti else ""),
        ("belum: " + ", ".join(kurang)) if kurang else "–",
        cakupan=100 * len(ada) / len(semua) if semua else 0.0,
    )


def _ids(p: Pengukuran) -> list[str]:
    return [h.indikator_id for h in p.indikator]


def laporan_disusun(d: Data) -> Hasil:
    ada = d.halaman_pdf > 0
    return Hasil(
        f"laporan-kinerja-{d.m.tahun}.pdf, {d.halaman_pdf} halaman", "–" if ada else "PDF belum dibuat", ya=ada
    )


def ditandatangani(d: Data) -> Hasil:
    ttd = d.m.aturan.penandatangan
    kosong = ["penandatangan"] if ttd is None else [k for k, v in ttd.items() if v is None and k != "pangkat"]
    return Hasil(
        "Kata Pengantar, blok tanda tangan dari params" if ttd else "–",
        ("belum diisi di params: " + ", ".join(kosong)) if kosong else "–",
        ya=not kosong,
    )


def direviu(d: Data) -> Hasil:
    terbuka = sum(t.status == "terbuka" for t in d.temuan)
    diungkapkan = sum(t.status == "diungkapkan" for t in d.temuan)
    return Hasil(
        f"reviu lkj: {len(d.temuan)} temuan, {terbuka} terbuka, {diungkapkan} diungkapkan (Lembar Reviu)",
        "Pernyataan Telah Direviu yang ditandatangani Inspektur tidak ada di data",
        ya=False,
    )


def indikator_pk(d: Data) -> Hasil:
    ada = [h.indikator_id for h in d.p.indikator if h.capaian.nilai is not None]
    return _cakupan(ada, _ids(d.p), "indikator PK dengan capaian", letak_lkj(d.tabel, "capaian", None))


def banding_target(d: Data) -> Hasil:
    ada = [h.indikator_id for h in d.p.indikator if h.target is not None and h.realisasi.nilai is not None]
    return _cakupan(ada, _ids(d.p), "indikator", letak_lkj(d.tabel, "capaian", None))


def banding_renstra(d: Data) -> Hasil:
    r = d.p.data.renstra.indikator.set_index("indikator_id")
    ada = [
        h.indikator_id
        for h in d.p.indikator
        if h.realisasi.nilai is not None and not fmt.kosong(r.loc[h.indikator_id, d.p.data.renstra.target_akhir])
    ]
    return _cakupan(ada, _ids(d.p), "indikator dengan target akhir Renstra", letak_lkj(d.tabel, "target_renstra", None))


def banding_tahun_lalu(d: Data) -> Hasil:
    lalu = d.lalu
    ada = [
        h.indikator_id
        for h in d.p.indikator
        if lalu is not None and (h0 := lalu.cari(h.indikator_id)) is not None and h0.realisasi.nilai is not None
    ]
    return _cakupan(ada, _ids(d.p), "indikator dengan realisasi tahun lalu", letak_lkj(d.tabel, "lalu", None))


def banding_nasional(d: Data) -> Hasil:
    return Hasil("–", "standar atau target nasional tidak ada di data masukan", cakupan=0.0)


def keuangan_sasaran(d: Data) -> Hasil:
    semua = [f"Sasaran {n}" for n, _ in d.p.sasaran]
    peta = d.m.data.program_indikator
    ber = set() if peta is None else set(peta.indikator_id)
    ada = [f"Sasaran {h.sasaran_no}" for h in d.p.indikator if h.indikator_id in ber]
    return _cakupan(
        list(dict.fromkeys(ada)), semua, "sasaran dengan anggaran program", letak_lkj(d.tabel, "pagu", None)
    )


def efisiensi(d: Data) -> Hasil:
    a = hitung_anggaran(d.p)
    if a is None:
        return Hasil("–", "data anggaran tidak ada", cakupan=0.0)
    ada = [r.program_kode for r in a.itertuples() if not fmt.kosong(r.efisiensi)]
    return _cakupan(ada, list(a.program_kode), "program dengan efisiensi", letak_lkj(d.tabel, "efisiensi", None))


def analisis_sebab(d: Data) -> Hasil:
    semua = [f"Sasaran {n}" for n, _ in d.p.sasaran]
    ada = [f"Sasaran {n}" for n, _ in d.p.sasaran if d.m.narasi.get(f"sasaran-{n:02d}")]
    return _cakupan(ada, semua, "sasaran dengan narasi analisis, kendala dan solusi", "")


def rekomendasi(d: Data) -> Hasil:
    ada = bool(d.m.narasi.get("penutup"))
    return Hasil(
        "Bab IV Penutup (narasi penutup)" if ada else "–", "–" if ada else "narasi penutup belum diisi", ya=ada
    )


def data_dukung(d: Data) -> Hasil:
    b = d.m.data.bukti
    if b is None:
        return Hasil("–", "bukti.csv tidak ada: tidak satu pun indikator dipetakan ke data dukungnya", cakupan=0.0)
    ada = [i for i in _ids(d.p) if i in set(b.indikator_id)]
    return _cakupan(ada, _ids(d.p), "indikator dengan bukti", "bukti.csv")


def dapat_dihitung_ulang(d: Data) -> Hasil:
    ada = [h.indikator_id for h in d.p.indikator if h.realisasi.sumber == "komponen"]
    return _cakupan(ada, _ids(d.p), "indikator dihitung dari komponen", letak_lkj(d.tabel, "data", None))


PEMERIKSA: dict[str, Callable[[Data], Hasil]] = {
    f.__name__: f
    for f in (
        laporan_disusun,
        ditandatangani,
        direviu,
        indikator_pk,
        banding_target,
        banding_renstra,
        banding_tahun_lalu,
        banding_nasional,
        keuangan_sasaran,
        efisiensi,
        analisis_sebab,
        rekomendasi,
        data_dukung,
        dapat_dihitung_ulang,
    )
}


def baca_kriteria(path: Path = KRITERIA) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def periksa_lke(d: Data, kriteria: dict | None = None) -> list[JawabanLke]:
    """Answer every criterion; each carries its share of the component's weight."""
    k = kriteria or baca_kriteria()
    skala = sorted(k["skala_ae"], key=lambda s: -s["dari"])
    total = {s: sum(c["bobot"] for c in k["kriteria"] if c["subkomponen"] == s) for s in k["subkomponen"]}
    out = []
    for c in k["kriteria"]:
        h = PEMERIKSA[c["cek"]](d)
        if c["jenis"] == "YT":
            jawaban, skor = ("Y", 1.0) if h.ya else ("T", 0.0)
        else:
            cak = h.cakupan or 0.0
            s = next(s for s in skala if cak >= s["dari"] - 1e-9)
            jawaban, skor = s["jawaban"], float(s["nilai"])
        bobot = k["bobot_komponen"] * k["subkomponen"][c["subkomponen"]] * c["bobot"] / total[c["subkomponen"]]
        out.append(JawabanLke(c["kode"], c["subkomponen"], c["pertanyaan"], jawaban, skor, bobot, h.bukti, h.kurang))
    return out
