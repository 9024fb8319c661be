"""The Lembar Reviu: the findings as an APIP working paper (kondisi, kriteria, sebab, akibat,
rekomendasi, tanggapan, status), every wrong figure on its own line with where it is printed in the
reviewed document and in lkj's own PDF. Data here; the HTML is a Jinja2 template, the xlsx is made
in lkj.excel.lembar_reviu."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import fmt
from ..dokumen.model import Dokumen, Tabel, semua_blok
from ..hitung import formulas as F
from ..hitung.pengukuran import Pengukuran
from ..masukan.model import Masukan
from ..masukan.publikasi import Angka
from .temuan import Butir, Temuan

TEMPLATES = Path(__file__).parent / "templates"

# --- where a figure is printed in lkj's own PDF ----------------------------------------------------


@dataclass(frozen=True)
class TabelPdf:
    nomor: str  # '3.2'
    judul: str  # 'Pengukuran Kinerja Tahun 2023'
    halaman: str  # the printed page number (PDF page label): '20', 'iv'


def tabel_laporan(dok: Dokumen, halaman: dict[str, str]) -> list[TabelPdf]:
    """Every numbered table of the report's body, in order, with the printed number of the page it begins
    on in lkj's PDF (`halaman`: the layout's page of every anchor, see lkj.pipeline.pdf)."""
    return [
        TabelPdf(b.label.removeprefix("Tabel "), b.judul, halaman[b.id])
        for b in semua_blok(dok.blok)
        if isinstance(b, Tabel) and b.label and halaman.get(b.id, "").isdigit()
    ]


# which of lkj's tables print a quantity: words of their titles; per sasaran, the tables of its section
JUDUL_LKJ = {
    "target": ("Pengukuran Kinerja",),
    "realisasi": ("Pengukuran Kinerja",),
    "capaian": ("Pengukuran Kinerja",),
    "rata_rata": ("Pengukuran Kinerja",),
    "target_renstra": ("Target Renstra",),
    "pagu": ("Program dan Pagu", "Realisasi Anggaran"),
    "realisasi_anggaran": ("Realisasi Anggaran",),
    "serapan": ("Realisasi Anggaran",),
    "efisiensi": ("Efisiensi",),
    "efisiensi_serapan": ("Efisiensi",),
    "efisiensi_capaian": ("Efisiensi",),
    "pasangan_indikator": ("Efisiensi",),
    "penyebut": ("Indikator Kinerja Utama",),
    "skala_dari": ("Skala Nilai",),
    "skala_sampai": ("Skala Nilai",),
    "pk": ("Perjanjian Kinerja",),
    "lalu": ("Realisasi dan Capaian Kinerja Tahun",),
}
JUDUL_SASARAN = {  # the sasaran section's own table of a quantity
    "target": "Capaian Sasaran",
    "realisasi": "Capaian Sasaran",
    "capaian": "Capaian Sasaran",
    "lalu": "Perbandingan dengan Tahun Lalu",
    "target_renstra": "Perbandingan dengan Tahun Lalu",
    "penyebut": "Data Kinerja",
    "data": "Data Kinerja",
}


def _tabel_sasaran(tabel: list[TabelPdf], sasaran_no: int) -> list[TabelPdf]:
    """The tables of one sasaran's section: from its 'Capaian Sasaran n:' caption to the next one."""
    out: list[TabelPdf] = []
    for t in tabel:
        m = re.match(r"Capaian Sasaran (\d+)\b", t.judul)
        if m:
            if out:
                break
            if int(m[1]) == sasaran_no:
                out.append(t)
        elif out:
            out.append(t)
    return out


def letak_lkj(tabel: list[TabelPdf], jenis: str, sasaran_no: int | None) -> str:
    """'Tabel 3.2 (hlm. 20); Tabel 3.8 (hlm. 29)': where lkj's PDF prints a quantity of this kind."""
    pilih = [t for t in tabel if any(k.lower() in t.judul.lower() for k in JUDUL_LKJ.get(jenis, ()))]
    if sasaran_no is not None and jenis in JUDUL_SASARAN:
        pilih += [t for t in _tabel_sasaran(tabel, sasaran_no) if JUDUL_SASARAN[jenis] in t.judul]
    return "; ".join(f"Tabel {t.nomor} (hlm. {t.halaman})" for t in dict.fromkeys(pilih))


# --- the working paper -------------------------------------------------------------------------------

# (kriteria, sebab, rekomendasi) per rule; a category may refine a rule (key 'R06:data dukung tidak ada')
PERLAKUAN = {
    "R01": (
        "Setiap angka kinerja yang dilaporkan harus dapat dihitung ulang dari data dukungnya "
        "(PermenPAN-RB Nomor 53 Tahun 2014, Lampiran: pengukuran dan pelaporan kinerja).",
        "Angka dihitung atau diketik di luar data dukungnya dan tidak dicocokkan ulang dengan data komponen.",
        "Ganti angka yang tercetak dengan hasil hitung dari data dukung dan susun setiap tabel dari satu "
        "perhitungan yang sama.",
    ),
    "R01:pembulatan": (
        "Angka dibulatkan setengah ke atas dari hasil hitung yang tidak dibulatkan (konsistensi penyajian).",
        "Angka antara dibulatkan atau dipotong sebelum dipakai menghitung.",
        "Hitung dari nilai yang tidak dibulatkan; bulatkan hanya saat menyajikan.",
    ),
    "R02": (
        "Satu besaran bernilai sama di setiap tabel laporan (PermenPAN-RB Nomor 53 Tahun 2014: keandalan "
        "dan konsistensi informasi kinerja).",
        "Tabel disalin atau diketik terpisah dari tabel sumbernya; baris dapat bergeser saat penyalinan.",
        "Samakan dengan tabel sumbernya (data anggaran dan pengukuran) dan buat tabel turunan dari satu sumber.",
    ),
    "R03": (
        "Target yang dilaporkan sama dengan target Perjanjian Kinerja yang ditandatangani dan selaras dengan "
        "Renstra (PermenPAN-RB Nomor 53 Tahun 2014).",
        "Target diketik ulang, tidak diambil dari dokumen Perjanjian Kinerja.",
        "Ambil target dari Perjanjian Kinerja yang ditandatangani dan hitung ulang capaian terhadapnya.",
    ),
    "R03:data": (
        "Target Perjanjian Kinerja selaras dengan target Renstra tahun yang sama (PermenPAN-RB Nomor 53 Tahun 2014).",
        "Target PK ditetapkan berbeda dari target Renstra; dasar perubahannya tidak tercatat dalam data.",
        "Periksa dokumen PK yang ditandatangani; bila target direvisi, lampirkan dasar revisinya, bila salah "
        "ketik, perbaiki data PK.",
    ),
    "R04": (
        "Efisiensi dihitung dari serapan pada tabel realisasi anggaran dan capaian indikator yang mengukur "
        "program itu (pemetaan program–indikator).",
        "Masukan tabel efisiensi diketik ulang atau diambil dari baris program lain; pemetaan program–"
        "indikator tidak ditetapkan.",
        "Hitung efisiensi langsung dari realisasi anggaran dan capaian indikator program; tetapkan pemetaan "
        "program–indikator.",
    ),
    "R05": (
        "Nilai kelompok indikator komposit sama dengan nilai yang dihasilkan rinciannya.",
        "Nilai kelompok diisi tanpa memperhitungkan rincian yang berada di bawah target.",
        "Hitung nilai kelompok dari rinciannya, atau tetapkan dan lampirkan aturan penilaiannya.",
    ),
    "R06": (
        "Penyebut sesuai definisi IKU, skala predikat tanpa celah, dan setiap indikator PK disajikan serta "
        "dianalisis (PermenPAN-RB Nomor 53 Tahun 2014).",
        "Rumus, skala atau cakupan laporan disusun tanpa mengacu pada definisi IKU dan Perjanjian Kinerja.",
        "Samakan rumus dan penyebut dengan definisi IKU, tutup celah skala predikat, dan sajikan setiap "
        "indikator PK beserta analisisnya.",
    ),
    "R06:data dukung tidak ada": (
        "Setiap angka kinerja didukung dokumen sumber (data dukung) yang dapat diperiksa (PermenPAN-RB "
        "Nomor 88 Tahun 2021: kualitas data kinerja).",
        "Data dukung belum dipetakan ke indikator dan pemiliknya.",
        "Isi daftar data dukung (bukti.csv): dokumen, jenisnya dan bidang pemiliknya untuk setiap indikator.",
    ),
    "R07": (
        "Angka di narasi sama dengan angka hasil hitung.",
        "Angka diketik manual di narasi.",
        "Ganti angka yang diketik dengan placeholder yang diisi dari hasil hitung.",
    ),
    "R08": (
        "Pernyataan di narasi didukung angkanya (PermenPAN-RB Nomor 53 Tahun 2014: analisis capaian).",
        "Narasi ditulis sebelum atau terpisah dari angka akhirnya.",
        "Rumuskan arah perubahan dari angkanya (placeholder arah) dan sebutkan pengecualiannya.",
    ),
    "R09": (
        "Satu indikator mempunyai satu target tahunan, yaitu target Perjanjian Kinerja; target pada tabel "
        "data kinerja tidak boleh bertentangan dengannya.",
        "Tabel data memuat target kegiatan atau populasi di kolom target, bukan target PK.",
        "Samakan target komponen dengan target PK (target PK × penyebut), atau beri keterangan bahwa angka "
        "itu target kegiatan, bukan target kinerja.",
    ),
    "R10": (
        "Satu angka satu sumber: realisasi IKU Pemda yang diambil dari OPD sama dengan angka yang dicetak "
        "laporan kinerja OPD itu.",
        "Laporan OPD mencetak angka yang berbeda dari hasil hitung datanya sendiri (diketik ulang atau "
        "dihitung dari data lain).",
        "OPD mengoreksi laporannya dengan angka hasil hitung datanya; Pemda tetap memakai angka itu.",
    ),
}

BERKAS_KATA = {
    "pk.csv": "Perjanjian Kinerja",
    "komponen.csv": "data kinerja (komponen)",
    "realisasi_langsung.csv": "realisasi yang dilaporkan tanpa komponen",
    "anggaran.csv": "data anggaran",
    "program_indikator.csv": "pemetaan program–indikator",
    "bukti.csv": "daftar data dukung",
}
PATH_DATA = re.compile(r"data/raw/(\d{4})(?:/([\w./-]+))?(?: baris ([\d, ]+))?(?: \((.*)\))?$")


def perlakuan(t: Temuan) -> tuple[str, str, str]:
    for k in (f"{t.aturan}:{t.kategori}", f"{t.aturan}:{t.sumber}", t.aturan):
        if k in PERLAKUAN:
            return PERLAKUAN[k]
    return PERLAKUAN["R06"]


@dataclass(frozen=True)
class BarisAngka:
    """One wrong figure as the working paper shows it."""

    kode: str
    lokasi: str  # in the reviewed document (or the data), in words
    lokasi_lkj: str  # where lkj's PDF prints the figure
    angka: str
    tertulis: str
    benar: str
    sumber_data: str
    nilai_tertulis: float | None = None  # the same two values as numbers (a spreadsheet sums and sorts them)
    nilai_benar: float | None = None
    besaran: str = ""


@dataclass(frozen=True)
class BarisLembar:
    kode: str
    kategori: str
    tingkat: str
    kondisi: str
    kriteria: str
    sebab: str
    akibat: str
    rekomendasi: str
    tanggapan: str
    status: str
    angka: tuple[BarisAngka, ...]


def _sasaran(p: Pengukuran, subjek: str) -> int | None:
    h = p.cari(subjek)
    return h.sasaran_no if h else None


def _lokasi_lain(lokasi: str, tahun_laporan: int) -> tuple[str, str, str]:
    """A location that is not one printed cell: a place in the reviewed document, or a data file in words
    (and its source in words); and the kind of lkj table that shows it."""
    m = PATH_DATA.match(lokasi)
    if not m:
        jenis = "skala_dari" if "Skala" in lokasi else "capaian" if "Pengukuran" in lokasi else "data"
        return lokasi, "salinan angka publikasi (publikasi.csv)", jenis
    tahun, berkas, baris, ket = m.groups()
    nama = Path(berkas or "").name
    kata = BERKAS_KATA.get(nama, "narasi" if nama.endswith(".md") else "data masukan")
    teks = f"Data masukan lkj tahun {tahun}: {kata}" + (f" ({ket})" if ket else "")
    sumber = f"berkas {nama or 'data'} tahun {tahun}" + (f", baris {baris}" if baris else "")
    return teks, sumber, "lalu" if int(tahun) != tahun_laporan else "pk" if nama == "pk.csv" else "data"


def _halaman(a: Angka | None) -> str:
    """The reviewed document's page of a printed figure, when publikasi.csv records one."""
    h = getattr(a, "halaman", None)
    return f", halaman {h}" if h else ""


def _akibat(t: Temuan, p: Pengukuran, lalu: Pengukuran | None) -> str:
    """Which figures and predikat change."""
    skala = p.aturan.skala
    bagian = []
    berubah = [b for b in t.butir if b.tertulis and b.benar and b.tertulis != b.benar]
    if t.sumber == "publikasi" and berubah:
        nilai = dict.fromkeys(f"{b.apa} {b.tertulis} → {b.benar}" for b in berubah)
        bagian.append(f"{len(berubah)} angka tercetak berubah: " + "; ".join(nilai))
    for b in t.butir:
        lama, baru = _predikat_butir(b, p)
        if lama and baru and lama != baru:
            bagian.append(f"predikat {b.subjek} {b.tahun} berubah dari {lama} menjadi {baru}")
    if t.aturan in ("R09", "R03") and t.sumber == "data" and t.nilai_dilaporkan is not None:
        tahun = re.search(r"data/raw/(\d{4})", t.tempat)
        ukur = lalu if lalu and tahun and int(tahun[1]) == lalu.tahun else p
        h = ukur.cari(t.indikator_id)
        lain, nama = (
            (t.nilai_dilaporkan, "target tabel data") if t.aturan == "R09" else (t.nilai_hitung, "target Renstra")
        )
        if h and h.realisasi.nilai is not None and lain is not None:
            c = F.capaian(lain, h.realisasi.nilai, h.polaritas).nilai
            bagian.append(
                f"capaian {h.indikator_id} {ukur.tahun} {fmt.persen(h.capaian.nilai)} ({h.predikat}) dihitung "
                f"terhadap target PK; terhadap {nama} menjadi {fmt.persen(c)} ({skala.predikat(c)})"
            )
    bagian += t.akibat
    if not bagian:
        bagian.append(
            "dengan data yang ada tidak ada angka tercetak yang berubah; keandalan angka "
            + (t.indikator_id or "laporan")
            + " bergantung pada perbaikan ini"
        )
    return "; ".join(dict.fromkeys(bagian)) + "."


def _predikat_butir(b: Butir, p: Pengukuran) -> tuple[str | None, str | None]:
    skala = p.aturan.skala
    if b.nilai_dilaporkan is None or b.nilai_hitung is None or b.tahun != p.tahun:
        return None, None
    if b.besaran in ("capaian", "rata_rata"):
        return skala.predikat(b.nilai_dilaporkan), skala.predikat(b.nilai_hitung)
    h = p.cari(b.subjek)
    if b.besaran == "realisasi" and h is not None:
        return skala.predikat(F.capaian(h.target, b.nilai_dilaporkan, h.polaritas).nilai), h.predikat
    return None, None


def lembar_reviu(
    m: Masukan, p: Pengukuran, lalu: Pengukuran | None, temuan: list[Temuan], tabel: list[TabelPdf]
) -> list[BarisLembar]:
    """Every finding as a line of the working paper, each wrong figure a line within it."""
    from .keluaran import kode_butir

    cetak = {a.baris_csv: a for a in m.publikasi or []}
    out = []
    for t in temuan:
        kriteria, sebab, rekomendasi = perlakuan(t)
        angka = []
        for i, b in enumerate(t.butir, start=1):
            a = cetak.get(b.baris_publikasi) if b.baris_publikasi else None
            if a is not None:
                lokasi = f"{a.tempat}{_halaman(a)}"
                sumber = f"salinan angka publikasi (publikasi.csv) baris {a.baris_csv}"
                jenis = "lalu" if b.besaran in ("realisasi", "capaian", "target") and b.tahun != m.tahun else b.besaran
            else:
                lokasi, sumber, jenis = _lokasi_lain(b.lokasi, m.tahun)
            sasaran = _sasaran(p, b.subjek) if b.subjek else None
            if sasaran is None and t.indikator_id:
                sasaran = _sasaran(p, t.indikator_id.split(",")[0])
            angka.append(
                BarisAngka(
                    kode_butir(t, i),
                    lokasi,
                    letak_lkj(tabel, jenis, sasaran) or "tidak dicetak sebagai tabel",
                    b.apa or t.indikator_id or "–",
                    b.tertulis or "–",
                    b.benar or "–",
                    sumber or "–",
                    b.nilai_dilaporkan,
                    b.nilai_hitung,
                    b.besaran,
                )
            )
        out.append(
            BarisLembar(
                t.kode,
                t.kategori,
                t.tingkat,
                t.uraian + (f" ({len(angka)} angka; letak masing-masing pada rincian)" if len(angka) > 1 else ""),
                kriteria,
                sebab,
                _akibat(t, p, lalu),
                rekomendasi,
                "",
                t.status,
                tuple(angka),
            )
        )
    return out


def lingkungan():
    """The Jinja2 environment of the audit package's templates (autoescape on)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, m: Masukan, **isi) -> str:
    """An audit package page from its template (templates/), with the year and the agency."""
    return lingkungan().get_template(template).render(tahun=m.tahun, instansi=m.aturan.instansi, **isi)


def html_lembar(m: Masukan, baris: list[BarisLembar]) -> str:
    from .keluaran import sumber_angka

    return render(
        "lembar_reviu.html.j2",
        m,
        sumber=sumber_angka(m.publikasi),
        baris=baris,
        jumlah_angka=sum(len(b.angka) for b in baris),
        status={s: sum(b.status == s for b in baris) for s in ("terbuka", "diungkapkan", "dikoreksi")},
    )
