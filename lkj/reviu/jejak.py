"""The audit trail: one section per indicator, from the validated model and the computation (lkj.hitung),
rendered with a Jinja2 template (autoescape): the raw rows with file, row and evidence, the formula with
its values substituted, the result unrounded and as printed, where lkj's PDF prints it, the reviu's
findings on it, the computation as code (folded); provenance in one appendix, the LKE pre-check."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import fmt
from ..hitung.pengukuran import HasilIndikator, Pengukuran
from ..masukan.bukti import adalah_url
from ..masukan.model import Masukan
from .lembar import TabelPdf, letak_lkj, render
from .lke import JawabanLke
from .temuan import Temuan

PERAN_KATA = {
    "pembilang": "pembilang",
    "penyebut": "penyebut",
    "populasi": "penyebut (populasi, kolom target)",
    "kelompok": "kelompok (realisasi / target)",
    "rincian": "rincian kelompok",
    "tahun_n": "tahun n",
    "tahun_sebelumnya": "tahun n−1",
    "bagian": "bagian (dijumlahkan)",
    "nilai": "nilai",
    "info": "data pendukung",
}


@dataclass(frozen=True)
class Bukti:
    teks: str  # document type and owner
    href: str  # a link (relative to reports/<YEAR>/, or an http(s) address)


@dataclass(frozen=True)
class BarisMentah:
    berkas: str
    baris: int
    uraian: str
    peran: str
    target: str
    realisasi: str
    bukti: tuple[Bukti, ...] = ()
    dihitung: bool = True  # a value the formula uses (rincian and info rows are shown folded)


@dataclass(frozen=True)
class Koreksi:
    kode: str
    status: str
    uraian: str
    angka: tuple[tuple[str, str, str, str], ...]  # (lokasi, angka, tertulis, benar)


@dataclass(frozen=True)
class Jejak:
    """One indicator's trail."""

    id: str
    judul: str
    baris: tuple[BarisMentah, ...]
    rumus: str
    substitusi: tuple[str, ...]
    realisasi_penuh: str
    realisasi_cetak: str
    capaian_penuh: str
    capaian_cetak: str
    predikat: str
    letak: str
    bukti: tuple[Bukti, ...]
    temuan: tuple[Koreksi, ...]
    kode: str
    catatan: tuple[str, ...] = field(default=())


def penuh(x: float | None) -> str:
    """An unrounded value in Indonesian form: 58.56353591160221 -> '58,56353591160221'."""
    if x is None or fmt.kosong(x):
        return fmt.KOSONG
    return repr(float(x)).replace(".", ",") if abs(x) < 1e15 else fmt.angka(x)


def _v(x, satuan: str) -> str:
    return fmt.KOSONG if fmt.kosong(x) else fmt.dengan_satuan(x, satuan or "", 4, minimal=0)


def substitusi(h: HasilIndikator, d: int) -> list[str]:
    """The formula with its values substituted, one line per step (text)."""
    r = h.realisasi
    out = []
    if r.sumber == "komponen" and h.jenis_rumus in ("rasio", "rata_rasio", "pertumbuhan"):
        for s in r.langkah:
            label = f"{s.label}: " if s.label else ""
            out.append(
                f"{label}{_v(s.pembilang_nilai, s.pembilang.satuan)} / {_v(s.penyebut_nilai, s.penyebut.satuan)} "
                f"× 100% = {fmt.persen(s.hasil.nilai, d)}"
            )
        if h.jenis_rumus == "rata_rasio":
            suku = " + ".join(fmt.persen(s.hasil.nilai, d) for s in r.langkah)
            out.append(f"realisasi = ({suku}) / {len(r.langkah)} = {fmt.persen(r.nilai, d)}")
    elif r.sumber == "komponen" and h.jenis_rumus == "jumlah":
        suku = " + ".join(_v(k.nilai, k.satuan) for k in h.komponen if k.peran == "bagian")
        out.append(f"realisasi = {suku} = {fmt.dengan_satuan(r.nilai, h.satuan, d)}")
    elif r.sumber == "komponen":
        out.append(f"realisasi = {fmt.dengan_satuan(r.nilai, h.satuan, d)} (baris nilai)")
    elif r.nilai is not None:
        out.append(f"realisasi = {fmt.dengan_satuan(r.nilai, h.satuan, d)} (dilaporkan, tanpa data komponen)")
    else:
        out.append("realisasi tidak tersedia")
    t, re_ = fmt.dengan_satuan(h.target, h.satuan, d, minimal=0), fmt.dengan_satuan(r.nilai, h.satuan, d)
    if h.capaian.nilai is not None:
        c = fmt.persen(h.capaian.nilai, d)
        out.append(
            f"capaian = {re_} / {t} × 100% = {c}"
            if h.polaritas == "positif"
            else f"capaian = (2 × {t} − {re_}) / {t} × 100% = {c}"
        )
    else:
        out.append(f"capaian: {h.capaian.catatan or 'tidak dihitung'}")
    return out


def kode_hitung(h: HasilIndikator) -> str:
    """The computation as Python a reader can run (lkj.hitung.formulas), with the values of the data."""
    r = h.realisasi
    baris = ["from lkj.hitung import formulas as F"]
    if r.sumber == "komponen" and h.jenis_rumus == "rasio":
        s = r.langkah[0]
        baris.append(f"realisasi = F.rasio({s.pembilang_nilai!r}, {s.penyebut_nilai!r}).nilai")
    elif r.sumber == "komponen" and h.jenis_rumus == "rata_rasio":
        pasangan = ", ".join(f"({s.pembilang_nilai!r}, {s.penyebut_nilai!r})" for s in r.langkah)
        baris.append(f"realisasi = F.rata_rata(F.rasio(a, b).nilai for a, b in [{pasangan}]).nilai")
    elif r.sumber == "komponen" and h.jenis_rumus == "pertumbuhan":
        k = {x.peran: x.nilai for x in h.komponen}
        baris.append(f"realisasi = F.pertumbuhan({k.get('tahun_n')!r}, {k.get('tahun_sebelumnya')!r}).nilai")
    elif r.sumber == "komponen" and h.jenis_rumus == "jumlah":
        nilai = [k.nilai for k in h.komponen if k.peran == "bagian"]
        baris.append(f"realisasi = F.jumlah({nilai!r}).nilai")
    else:
        baris.append(f"realisasi = {r.nilai!r}")
    baris.append(f"capaian = F.capaian({h.target!r}, realisasi, {h.polaritas!r}).nilai")
    baris.append(f"# realisasi = {r.nilai!r}, capaian = {h.capaian.nilai!r}")
    return "\n".join(baris)


def _bukti(m: Masukan, indikator_id: str, komponen_id: str | None) -> tuple[Bukti, ...]:
    """Evidence rows of an indicator (komponen_id None) or of one component row; links relative to the
    reports/<YEAR>/ folder, where the trail is written."""
    df = m.data.bukti
    if df is None:
        return ()
    out = []
    for r in df.itertuples(index=False):
        if r.indikator_id != indikator_id or (r.komponen_id or None) != komponen_id:
            continue
        href = r.berkas if adalah_url(r.berkas) else "../../" + r.berkas
        teks = f"{r.jenis_dokumen} ({r.bidang})" + (f": {r.keterangan}" if r.keterangan else "")
        out.append(Bukti(teks, href))
    return tuple(out)


def jejak_indikator(m: Masukan, p: Pengukuran, h: HasilIndikator, temuan: list[Temuan], tabel: list[TabelPdf]) -> Jejak:
    d = p.aturan.digit_desimal
    folder = m.proyek.relatif(m.data.folder)
    baris = [BarisMentah(f"{folder}/pk.csv", h.pk_baris, h.indikator, "target PK", _v(h.target, h.satuan), fmt.KOSONG)]
    baris += [
        BarisMentah(
            f"{folder}/komponen.csv",
            k.baris,
            k.uraian,
            PERAN_KATA.get(k.peran, k.peran),
            _v(k.target, k.satuan),
            _v(k.realisasi, k.satuan),
            _bukti(m, h.indikator_id, k.kode),
            k.peran not in ("rincian", "info"),
        )
        for k in h.komponen
    ]
    langsung = m.data.realisasi_langsung
    if not h.komponen and langsung is not None:
        baris += [
            BarisMentah(
                f"{folder}/realisasi_langsung.csv",
                r.baris,
                r.keterangan or "",
                "realisasi dilaporkan",
                fmt.KOSONG,
                _v(r.realisasi, h.satuan),
            )
            for r in langsung.itertuples(index=False)
            if r.indikator_id == h.indikator_id
        ]
    koreksi = [
        Koreksi(
            t.kode,
            t.status,
            t.uraian,
            tuple((b.lokasi, b.apa, b.tertulis, b.benar) for b in t.butir),
        )
        for t in temuan
        if h.indikator_id in t.indikator_id.split(",")
    ]
    letak = "; ".join(filter(None, (letak_lkj(tabel, "capaian", h.sasaran_no), letak_lkj(tabel, "data", h.sasaran_no))))
    return Jejak(
        id=h.indikator_id.lower(),
        judul=f"Sasaran {h.sasaran_no} · {h.indikator_id} · {h.indikator}",
        baris=tuple(baris),
        rumus=h.rumus,
        substitusi=tuple(substitusi(h, d)),
        realisasi_penuh=penuh(h.realisasi.nilai),
        realisasi_cetak=fmt.dengan_satuan(h.realisasi.nilai, h.satuan, d),
        capaian_penuh=penuh(h.capaian.nilai),
        capaian_cetak=fmt.persen(h.capaian.nilai, d),
        predikat=h.predikat or fmt.KOSONG,
        letak=letak or "tidak ditemukan di PDF",
        bukti=_bukti(m, h.indikator_id, None),
        temuan=tuple(koreksi),
        kode=kode_hitung(h),
        catatan=h.catatan,
    )


def html_jejak(
    m: Masukan,
    p: Pengukuran,
    temuan: list[Temuan],
    tabel: list[TabelPdf],
    lke: list[JawabanLke],
    provenance: tuple[list[tuple[str, str]], str, str],
) -> str:
    """The audit trail page: a section per indicator, the LKE pre-check, provenance in an appendix."""
    berkas, commit, versi = provenance
    jejak = [jejak_indikator(m, p, h, temuan, tabel) for h in p.indikator]
    umum = [t for t in temuan if not t.indikator_id]
    return render(
        "jejak.html.j2",
        m,
        jejak=jejak,
        umum=umum,
        lke=lke,
        nilai_lke=fmt.angka(sum(j.nilai for j in lke), 2),
        bobot_lke=fmt.angka(sum(j.bobot for j in lke), 2),
        berkas=berkas,
        commit=commit,
        versi=versi,
        rata_rata=fmt.persen(p.rata_rata.nilai, p.aturan.digit_desimal),
        rata_rata_penuh=penuh(p.rata_rata.nilai),
    )
