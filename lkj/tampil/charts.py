"""Charts as deterministic SVG and PNG (Indonesian number formats on the axes)."""

from __future__ import annotations

import bisect
import functools
import io
import itertools
import math
import textwrap
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.patches
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, FuncFormatter

from .. import fmt
from ..dokumen import halaman
from ..dokumen.model import Citra

# Figures are made with the object API (no pyplot, no backend) inside this style, which is
# applied per chart (matplotlib's global rcParams are left alone).
GAYA = {
    "svg.hashsalt": "lkj",  # stable ids inside the SVG
    "svg.fonttype": "none",  # text as <text>: small SVG, fast PDF, set in the report's font
    "font.family": [halaman.HURUF_PDF, "DejaVu Sans"],  # the report's font (as _bungkus measures)
    "font.size": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "text.parse_math": False,  # names are text: '$' in a name is a dollar sign, not mathtext
}
WARNA = {"utama": "#1f4e79", "kedua": "#9dc3e6", "garis": "#c00000", "abu": "#7f7f7f"}
PERSEN = FuncFormatter(lambda x, _pos: fmt.angka(x, 0) + "%")


class Sumbu(Formatter):
    """Axis ticks in an indicator's unit, with as many decimals as the tick spacing needs
    (0,5‰ 1,0‰ 1,5‰; Rp500.000.000; 1.000 orang)."""

    def __init__(self, satuan: str):
        self.satuan, self.digit = satuan, 0

    def set_locs(self, locs):
        super().set_locs(locs)
        langkah = min((abs(b - a) for a, b in itertools.pairwise(locs) if b != a), default=1)
        self.digit = max(0, min(6, -math.floor(math.log10(langkah)))) if math.isfinite(langkah) and langkah > 0 else 0

    def __call__(self, x, pos=None):
        return fmt.dengan_satuan(x, self.satuan, self.digit, minimal=self.digit)


HURUF_MIN = halaman.UKURAN_GAMBAR_MIN_PT  # no text smaller than this at the size the chart is printed


@functools.cache
def _daftarkan_huruf() -> None:
    """Make the report's font known to matplotlib even when its font cache predates the font's install
    (the cache is not refreshed by itself); without it, charts fall back to DejaVu Sans."""
    for berkas in font_manager.findSystemFonts():
        if Path(berkas).name.replace(" ", "").startswith(halaman.HURUF_PDF.replace(" ", "") + "-"):
            font_manager.fontManager.addfont(berkas)


def _bergaya(fungsi):
    """Run a chart function under GAYA (creation and SVG output both read it)."""

    @functools.wraps(fungsi)
    def dibungkus(*args, **kwargs):
        _daftarkan_huruf()
        with matplotlib.rc_context(GAYA):  # type: ignore[arg-type]
            return fungsi(*args, **kwargs)

    return dibungkus


LEBAR = halaman.LEBAR_GAMBAR_CM / 2.54  # inches: the chart is as wide as it is printed, so nothing shrinks


def _gambar(lebar: float, tinggi: float):
    """A figure whose layout keeps every label inside it (constrained layout)."""
    fig = Figure(figsize=(lebar, tinggi), layout="constrained")
    return fig, fig.subplots()


DPI_CETAK = 200  # the PNG for Word: print resolution at the chart's size on the page
CM = 2.54


def _citra(fig) -> Citra:
    """The chart as SVG (HTML, PDF) and PNG (Word), both cropped to the same tight box."""
    svg = io.StringIO()
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "lkj"})
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=DPI_CETAK, bbox_inches="tight", metadata={"Software": None})
    kotak = fig.get_tightbbox().padded(matplotlib.rcParams["savefig.pad_inches"])
    return Citra(svg.getvalue(), png.getvalue(), round(float(kotak.width) * CM, 2), round(float(kotak.height) * CM, 2))


def _label(teks: str, lebar: int = 40) -> str:
    """A long name wrapped at word boundaries, never shortened."""
    return "\n".join(textwrap.wrap(teks, lebar)) or teks


def _tinggi_baris(label: list[str], per_baris: float) -> float:
    """Inches for the rows of a bar chart: room for each bar group and for its wrapped label (8 pt lines)."""
    return sum(max(per_baris, 0.16 * (_label(s).count("\n") + 1) + 0.08) for s in label)


def _tulis_nilai(ax, bars, digit: int) -> None:
    """The value at the end of each horizontal bar (never clipped: the axis leaves room)."""
    for b in bars:
        v = b.get_width()
        kosong = fmt.kosong(v)  # no bar: a dash at 0, so the category still shows it has no value
        ax.annotate(
            "–" if kosong else fmt.angka(v, digit) + "%",
            (0 if kosong else v, b.get_y() + b.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=HURUF_MIN,
            annotation_clip=False,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},  # legible on the 100% line
        )


def _nan(x):
    return float("nan") if x is None else x


def _rentang_x(nilai: list[float]) -> tuple[float, float]:
    """From 0 (or below it, for a negative capaian) to past the largest value or 100%, with room for labels."""
    bawah = min([0.0, *nilai])
    atas = max([*nilai, 100.0])
    return (bawah - 0.15 * (atas - bawah) if bawah < 0 else 0.0), atas * 1.22


def _garis_100(ax, rentang: tuple[float, float]) -> None:
    """The 100% line, labelled above the plot area so no bar value sits on its label."""
    ax.axvline(100, color=WARNA["garis"], lw=1, ls="--")
    ax.annotate(
        "100%",
        (100, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        color=WARNA["garis"],
        fontsize=HURUF_MIN,
        annotation_clip=False,
    )
    ax.set_xlim(*rentang)


@_bergaya
def capaian_per_indikator(label: list[str], capaian: list[float | None], digit: int, judul: str = "") -> Citra:
    """Horizontal bars of capaian with the 100% line; bars at or above 100% in the darker colour."""
    fig, ax = _gambar(LEBAR, _tinggi_baris(label, 0.3) + 1.1)
    y = list(range(len(label)))[::-1]
    warna = [WARNA["utama"] if (c or 0) >= 100 else WARNA["kedua"] for c in capaian]
    bars = ax.barh(y, [_nan(c) for c in capaian], color=warna)
    fig.legend(
        handles=[
            matplotlib.patches.Patch(color=WARNA["utama"], label="mencapai target (≥ 100%)"),
            matplotlib.patches.Patch(color=WARNA["kedua"], label="di bawah target"),
        ],
        frameon=False,
        ncols=2,
        loc="outside lower center",
    )
    _garis_100(ax, _rentang_x([c for c in capaian if not fmt.kosong(c)]))
    ax.set_yticks(y, [_label(s) for s in label])
    ax.set_ylim(-0.6, len(label) - 0.4)
    ax.xaxis.set_major_formatter(PERSEN)
    _tulis_nilai(ax, bars, digit)
    if judul:
        ax.set_title(judul, pad=14)
    return _citra(fig)


@_bergaya
def batang_berpasangan(
    label: list[str], seri: dict[str, list[float | None]], digit: int, judul: str = "", garis_100: bool = False
) -> Citra:
    """Grouped horizontal bars, one group per named item (e.g. target vs realisasi, or two years)."""
    n, k = len(label), len(seri)
    fig, ax = _gambar(LEBAR, _tinggi_baris(label, 0.16 * k + 0.14) + 1.1)
    tinggi = 0.8 / k
    warna = [WARNA["kedua"], WARNA["utama"], WARNA["abu"]]
    for i, (nama, nilai) in enumerate(seri.items()):
        ys = [(n - 1 - j) + ((k - 1) / 2 - i) * tinggi for j in range(n)]
        bars = ax.barh(ys, [_nan(v) for v in nilai], tinggi, label=nama, color=warna[i % 3])
        _tulis_nilai(ax, bars, digit)
    rentang = _rentang_x([v for nilai in seri.values() for v in nilai if not fmt.kosong(v)])
    if garis_100:
        _garis_100(ax, rentang)
    else:
        ax.set_xlim(*rentang)
    ax.set_yticks(list(range(n))[::-1], [_label(s) for s in label])
    ax.set_ylim(-0.6, n - 0.4)
    ax.xaxis.set_major_formatter(PERSEN)
    fig.legend(frameon=False, ncols=k, loc="outside lower center")
    if judul:
        ax.set_title(judul, pad=14)
    return _citra(fig)


ORG_HURUF = HURUF_MIN  # box text in the organisation chart
ORG_TINGGI_MAKS_CM = halaman.TINGGI_GAMBAR_MAKS_CM  # taller, the PDF would shrink it below 8 pt
ORG_KOLOM_MAKS = 6  # at most this many units side by side; more go into further bands


@functools.cache
def _pengukur() -> Any:
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(10, 10, 72)  # at 72 dpi a pixel is a point


@functools.cache
def _lebar_teks(s: str, ukuran: float, tebal: bool) -> float:
    """The width of `s` in points as drawn in the chart's font (cached: a layout measures the same words often)."""
    prop = font_manager.FontProperties(
        family=[halaman.HURUF_PDF, "DejaVu Sans"], size=ukuran, weight="bold" if tebal else "normal"
    )
    return _pengukur().get_text_width_height_descent(s, prop, ismath=False)[0]


@functools.cache
def _bungkus(teks: str, lebar_pt: float, ukuran: float, tebal: bool = False) -> tuple[str, ...]:
    """Words in lines no wider than `lebar_pt` as drawn (measured in the chart's font); a word longer
    than a line is split."""

    def lebar(s: str) -> float:
        return _lebar_teks(s, ukuran, tebal)

    def kepala(kata: str) -> int:
        """The length of the longest head of `kata` that fits a line (at least 1). Only heads up to twice
        a line are measured, by doubling then bisection: measuring every length of the whole word took
        minutes on a 4.860-character name (issue 22)."""
        n = 1
        while n < len(kata) and lebar(kata[:n]) <= lebar_pt:
            n = min(2 * n, len(kata))
        if lebar(kata[:n]) <= lebar_pt:
            return n
        return max(1, bisect.bisect_right(range(1, n + 1), lebar_pt, key=lambda i: lebar(kata[:i])))

    baris: list[str] = []
    for kata in teks.split():
        while len(kata) > 1 and (n := kepala(kata)) < len(kata):  # split an over-long word
            baris.append(kata[:n])
            kata = kata[n:]
        if baris and lebar(baris[-1] + " " + kata) <= lebar_pt:
            baris[-1] += " " + kata
        else:
            baris.append(kata)
    return tuple(baris) or ("",)


def _anak(unit: list[Any]) -> dict[str, list[Any]]:
    anak: dict[str, list[Any]] = {}
    for u in unit:
        anak.setdefault(u.atasan_id or "", []).append(u)
    return anak


def organisasi_terlalu_dalam(unit: list[Any], tingkat_maks: int) -> list[tuple[Any, Any]]:
    """(unit, its superior) of every unit below level `tingkat_maks` (the head is level 1), in the
    chart's order: what a chart cut at that level leaves for a table."""
    anak, out = _anak(unit), []

    def jalan(u: Any, tingkat: int) -> None:
        for a in anak.get(u.unit_id, []):
            if tingkat + 1 > tingkat_maks:
                out.append((a, u))
            jalan(a, tingkat + 1)

    jalan(anak[""][0], 1)
    return out


def bagan_organisasi(unit: list[Any]) -> tuple[Citra, int | None]:
    """The organisation chart as it fits a printed page (ORG_TINGGI_MAKS_CM high, where nothing is scaled
    and its text stays at 8 pt): the whole chart if it fits, else cut at the deepest level that fits
    (the units below it for a table: `organisasi_terlalu_dalam`), at least the head and the units under it.
    Returns (chart, the level it is cut at, or None when whole)."""
    citra = organisasi(unit)
    if citra.tinggi_cm <= ORG_TINGGI_MAKS_CM:
        return citra, None
    anak = _anak(unit)

    def dalam(u: Any) -> int:
        return 1 + max((dalam(a) for a in anak.get(u.unit_id, [])), default=0)

    for tingkat in range(dalam(anak[""][0]) - 1, 1, -1):
        citra = organisasi(unit, tingkat)
        if citra.tinggi_cm <= ORG_TINGGI_MAKS_CM:
            return citra, tingkat
    return citra, 2


@_bergaya
def organisasi(unit: list[Any], tingkat_maks: int | None = None) -> Citra:
    """The organisation chart: the head on top, the units reporting to it in columns (at most
    ORG_KOLOM_MAKS side by side, further ones in bands below), and the units below each column stacked
    under it. Each box is as tall as its wrapped name. `unit`: rows with unit_id, unit, atasan_id
    (validated: one head, no cycle). With `tingkat_maks` (the head is level 1) units below that level
    are left out, and a box whose units are left out says how many."""
    anak = _anak(unit)
    puncak = anak[""][0]
    kolom = anak.get(puncak.unit_id, [])
    batas = tingkat_maks or 10**6

    def jumlah(u: Any) -> int:
        return sum(1 + jumlah(a) for a in anak.get(u.unit_id, []))

    def nama(u: Any, tingkat: int) -> str:  # tingkat: 2 for a column unit
        n = jumlah(u) if tingkat >= batas else 0
        return f"{u.unit} ({n} unit di bawahnya, lihat tabel)" if n else u.unit

    def turunan(u: Any, tingkat: int) -> list[tuple[int, Any]]:  # tingkat 0 is a column unit (level 2)
        bawah = anak.get(u.unit_id, []) if tingkat + 3 <= batas else []
        return [(tingkat, u)] + [x for a in bawah for x in turunan(a, tingkat + 1)]

    lebar_pt, fs, jarak, pad = (
        (LEBAR - 2 * matplotlib.rcParams["savefig.pad_inches"]) * 72,
        ORG_HURUF,
        8.0,
        4.0,
    )  # points
    garis_h = fs * 1.2

    def tata(maks: int, sisi: int):
        """Boxes and lines with at most `maks` units side by side, the units under each in one column
        (`sisi` 1, hanging from a line on the left) or two (`sisi` 2, on both sides of a central line);
        and the chart's height."""
        n_kol = max(1, min(len(kolom), maks))
        pita = [kolom[i : i + maks] for i in range(0, len(kolom), maks)]
        tepi = 10.0 if len(pita) > 1 else 0.0  # room on the left for the trunk line that links the bands
        lebar_kol = (lebar_pt - tepi) / n_kol
        kotak_list: list[tuple[float, float, float, tuple[str, ...], bool]] = []  # x, y (top), width, lines, head
        garis_list: list[tuple[list[float], list[float]]] = []

        def tinggi(w: float, teks: str, tebal: bool) -> float:
            return len(_bungkus(teks, w - 2 * pad, fs, tebal)) * garis_h + 2 * pad

        def kotak(x: float, y: float, w: float, teks: str, tebal: bool) -> float:
            baris = _bungkus(teks, w - 2 * pad, fs, tebal)
            kotak_list.append((x, y, w, baris, tebal))
            return len(baris) * garis_h + 2 * pad  # its height

        w0 = min(lebar_pt * 0.4, lebar_pt)
        y = kotak((lebar_pt - w0) / 2, 0.0, w0, puncak.unit, True)
        trunk = lebar_pt / 2 if len(pita) == 1 else tepi / 2
        if kolom:
            garis_list.append(([lebar_pt / 2, lebar_pt / 2], [y, y + jarak]))
        y += jarak
        bus_lalu = None
        for band in pita:
            bus = y  # the line the band's units hang from; the trunk links it to the band above
            pusat = [tepi + lebar_kol * (c + 0.5) for c in range(len(band))]
            kiri = min(trunk, lebar_pt / 2, pusat[0])
            garis_list.append(([kiri, max(trunk, lebar_pt / 2 if bus_lalu is None else 0, pusat[-1])], [bus, bus]))
            if bus_lalu is not None:
                garis_list.append(([trunk, trunk], [bus_lalu, bus]))
            bus_lalu = bus
            y_bawah = bus
            for c, u in enumerate(band):
                x0 = tepi + lebar_kol * c + lebar_kol * 0.025
                w = lebar_kol * 0.95
                garis_list.append(([pusat[c], pusat[c]], [bus, bus + jarak]))
                yy = bus + jarak + kotak(x0, bus + jarak, w, nama(u, 2), True)
                bawah = turunan(u, 0)[1:]
                tulang = pusat[c] if sisi == 2 else x0 + 4  # the line the units below hang from
                awal_tulang = ujung = yy
                for i in range(0, len(bawah), sisi):
                    yy += jarak * 0.6
                    baris = bawah[i : i + sisi]
                    lebar_sisi = (w - 12) / 2 if sisi == 2 else w - 10
                    t_baris = max(tinggi(lebar_sisi - 6.0 * tk, nama(v, tk + 2), False) for tk, v in baris)
                    for j, (tingkat, v) in enumerate(baris):
                        geser = 6.0 * tingkat
                        wb = lebar_sisi - geser
                        # left side: from the left edge (indented by level); right side: from the line
                        x = (x0 + 10 + geser) if sisi == 1 else (x0 + geser if j == 0 else tulang + 6 + geser)
                        t = kotak(x, yy, wb, nama(v, tingkat + 2), False)
                        tengah = yy + t / 2
                        tepi_kotak = x if (sisi == 1 or j == 1) else x + wb
                        garis_list.append(([tulang, tepi_kotak], [tengah, tengah]))
                        ujung = max(ujung, tengah)
                    yy += t_baris
                if bawah:
                    garis_list.append(([tulang, tulang], [awal_tulang, ujung]))
                y_bawah = max(y_bawah, yy)
            y = y_bawah + jarak * 2
        return kotak_list, garis_list, y

    # as many units side by side, and sides to each, as gives the lowest chart (narrow boxes wrap tall)
    pilihan = [(k, s) for k in range(1, ORG_KOLOM_MAKS + 1) for s in (1, 2)]
    kotak_list, garis_list, tinggi_pt = min((tata(k, s) for k, s in pilihan), key=lambda t: t[2])
    fig = Figure(figsize=(lebar_pt / 72, tinggi_pt / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, lebar_pt)
    ax.set_ylim(tinggi_pt, 0)
    for xs, ys in garis_list:
        ax.plot(xs, ys, color=WARNA["abu"], lw=0.8, zorder=1)
    for x, y0, w, baris, tebal in kotak_list:
        h = len(baris) * garis_h + 2 * pad
        ax.add_patch(
            matplotlib.patches.FancyBboxPatch(
                (x, y0),
                w,
                h,
                boxstyle="round,pad=0,rounding_size=2",
                fc=WARNA["utama"] if tebal else "#eef3f8",
                ec=WARNA["utama"],
                lw=0.8,
                zorder=2,
            )
        )
        ax.text(
            x + w / 2,
            y0 + h / 2,
            "\n".join(baris),
            ha="center",
            va="center",
            fontsize=fs,
            linespacing=1.2,
            color="white" if tebal else "#111",
            weight="bold" if tebal else "normal",
            zorder=3,
        )
    return _citra(fig)


@_bergaya
def renstra(
    tahun: list[int],
    target: list[float | None],
    realisasi: dict[int, float | None],
    digit: int,
    judul: str = "",
    satuan: str = "%",
    standar: dict[str, dict[int, float | None]] | None = None,
) -> Citra:
    """Renstra targets per year (line, with a gap where a target is empty) and the realisasi
    known so far (points), on an axis in the indicator's own unit; a national or provincial standard
    (name -> year -> value), where given, as unlabelled markers of its own."""
    fig, ax = _gambar(LEBAR, 2.8)
    # labels beside their markers, the target's to the left and the realisasi's to the right, on white:
    # never on a marker, nor on each other when the two values are close
    latar = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85}
    target = [None if fmt.kosong(t) else float(t) for t in target]
    ax.plot(tahun, [_nan(t) for t in target], marker="o", color=WARNA["abu"], label="Target Renstra")
    for t, v in zip(tahun, target):
        if v is not None:
            ax.annotate(
                fmt.dengan_satuan(v, satuan, digit, minimal=0),
                (t, v),
                xytext=(-6, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=HURUF_MIN,
                color=WARNA["abu"],
                bbox=latar,
            )
    ys_per_tahun = {t: v for t, v in realisasi.items() if not fmt.kosong(v)}
    xs = list(ys_per_tahun)
    ys = [float(v) for v in ys_per_tahun.values()]
    ax.plot(xs, ys, "s", color=WARNA["utama"], label="Realisasi", markersize=7)
    for t, v in zip(xs, ys):
        ax.annotate(
            fmt.dengan_satuan(v, satuan, digit),
            (t, v),
            xytext=(7, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=HURUF_MIN,
            color=WARNA["utama"],
            bbox=latar,
        )
    ys_standar: list[float] = []
    for (nama, nilai), penanda in zip((standar or {}).items(), ("D", "^"), strict=False):
        ada = {t: float(v) for t, v in nilai.items() if not fmt.kosong(v)}
        if ada:
            ax.plot(list(ada), list(ada.values()), penanda, color=WARNA["garis"], label=nama, markersize=6)
            ys_standar += list(ada.values())
    ax.set_xticks(tahun, [str(t) for t in tahun])
    ax.set_xlim(min(tahun) - 0.6, max(tahun) + 0.6)  # room for the labels beside the first and last year
    ax.yaxis.set_major_formatter(Sumbu(satuan))
    ax.set_ylim(*_batas([v for v in target if v is not None] + ys + ys_standar))
    fig.legend(frameon=False, ncols=2 + bool(ys_standar), loc="outside lower center")
    if judul:
        ax.set_title(judul)
    return _citra(fig)


def _batas(nilai: list[float]) -> tuple[float, float]:
    """Axis limits that hold every value, 0 and some headroom, at any scale (never NaN)."""
    bawah, atas = min([0.0, *nilai]), max([0.0, *nilai])
    rentang = atas - bawah or max(abs(atas), 1.0)
    return bawah - (0.15 * rentang if bawah < 0 else 0), atas + 0.25 * rentang
