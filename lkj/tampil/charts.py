"""Charts as deterministic SVG and PNG (Indonesian number formats on the axes)."""

from __future__ import annotations

import functools
import io
import itertools
import math
import textwrap
from typing import Any

import matplotlib
import matplotlib.patches
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, FuncFormatter

from .. import fmt
from ..dokumen.model import Citra

# Figures are made with the object API (no pyplot, no backend) inside this style, which is
# applied per chart (matplotlib's global rcParams are left alone).
GAYA = {
    "svg.hashsalt": "lkj",  # stable ids inside the SVG
    "svg.fonttype": "none",  # text as <text>: small SVG, fast PDF; DejaVu Sans ships with the OS
    "font.family": "DejaVu Sans",
    "font.size": 9,
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


def _bergaya(fungsi):
    """Run a chart function under GAYA (creation and SVG output both read it)."""

    @functools.wraps(fungsi)
    def dibungkus(*args, **kwargs):
        with matplotlib.rc_context(GAYA):  # type: ignore[arg-type]
            return fungsi(*args, **kwargs)

    return dibungkus


def _gambar(lebar: float, tinggi: float):
    fig = Figure(figsize=(lebar, tinggi))
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
    return Citra(svg.getvalue(), png.getvalue(), round(kotak.width * CM, 2), round(kotak.height * CM, 2))


LEBAR = 4.2  # inches of plot beside the labels: with them, about the 16,5 cm of the page, so nothing shrinks


def _label(teks: str, lebar: int = 38, baris: int = 4) -> str:
    """A long name wrapped at word boundaries; shortened with '…' only past `baris` lines."""
    return "\n".join(textwrap.wrap(teks, lebar, max_lines=baris, placeholder=" …"))


def _tulis_nilai(ax, bars, digit: int) -> None:
    """The value at the end of each horizontal bar (never clipped: the axis leaves room)."""
    for b in bars:
        v = b.get_width()
        if fmt.kosong(v):  # no bar, no label
            continue
        ax.annotate(
            fmt.angka(v, digit) + "%",
            (v, b.get_y() + b.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
            annotation_clip=False,
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
        fontsize=7.5,
        annotation_clip=False,
    )
    ax.set_xlim(*rentang)


@_bergaya
def capaian_per_indikator(label: list[str], capaian: list[float | None], digit: int, judul: str = "") -> Citra:
    """Horizontal bars of capaian with the 100% line; bars at or above 100% in the darker colour."""
    fig, ax = _gambar(LEBAR, 0.62 * len(label) + 1.1)
    y = list(range(len(label)))[::-1]
    warna = [WARNA["utama"] if (c or 0) >= 100 else WARNA["kedua"] for c in capaian]
    bars = ax.barh(y, [_nan(c) for c in capaian], color=warna)
    ax.legend(
        handles=[
            matplotlib.patches.Patch(color=WARNA["utama"], label="mencapai target (≥ 100%)"),
            matplotlib.patches.Patch(color=WARNA["kedua"], label="di bawah target"),
        ],
        fontsize=7.5,
        frameon=False,
        ncols=2,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.35 / len(label) - 0.06),
    )
    _garis_100(ax, _rentang_x([c for c in capaian if not fmt.kosong(c)]))
    ax.set_yticks(y, [_label(s) for s in label], fontsize=7.5)
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
    fig, ax = _gambar(LEBAR, (0.28 * k + 0.25) * n + 1.1)
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
    ax.set_yticks(list(range(n))[::-1], [_label(s) for s in label], fontsize=7.5)
    ax.xaxis.set_major_formatter(PERSEN)
    ax.legend(fontsize=7.5, frameon=False, ncols=k, loc="upper center", bbox_to_anchor=(0.5, -0.08 - 0.5 / max(n, 1)))
    if judul:
        ax.set_title(judul, pad=14)
    return _citra(fig)


@_bergaya
def organisasi(unit: list[Any]) -> Citra:
    """The organisation chart: the head on top, the units reporting to it in columns, and the units below
    each column stacked under it. `unit`: rows with unit_id, unit, atasan_id (validated: one head, no cycle)."""
    anak: dict[str, list[Any]] = {}
    for u in unit:
        anak.setdefault(u.atasan_id or "", []).append(u)
    puncak = anak[""][0]
    kolom = anak.get(puncak.unit_id, [])

    def turunan(u: Any, tingkat: int) -> list[tuple[int, Any]]:
        return [(tingkat, u)] + [x for a in anak.get(u.unit_id, []) for x in turunan(a, tingkat + 1)]

    isi = [turunan(u, 0)[1:] for u in kolom]
    n_kol, n_baris = max(len(kolom), 1), max([len(x) for x in isi] + [0])
    fig, ax = _gambar(7.2, 1.6 + 0.55 * n_baris)
    fig.subplots_adjust(0, 0, 1, 1)
    ax.set_axis_off()
    lebar, tinggi = 1 / n_kol, 1 / (n_baris + 3)

    def kotak(x: float, y: float, w: float, teks: str, tebal: bool = False) -> None:
        ax.add_patch(
            matplotlib.patches.FancyBboxPatch(
                (x - w / 2, y - tinggi * 0.42),
                w,
                tinggi * 0.84,
                boxstyle="round,pad=0.004",
                fc=WARNA["utama"] if tebal else "#eef3f8",
                ec=WARNA["utama"],
                lw=0.8,
                transform=ax.transAxes,
            )
        )
        ax.text(
            x,
            y,
            _label(teks, max(14, int(118 * w)), 4),
            ha="center",
            va="center",
            fontsize=7.2,
            color="white" if tebal else "#111",
            weight="bold" if tebal else "normal",
            transform=ax.transAxes,
        )

    def garis(xs, ys) -> None:
        ax.plot(xs, ys, color=WARNA["abu"], lw=0.8, transform=ax.transAxes)

    y0 = 1 - tinggi * 0.7
    kotak(0.5, y0, min(0.36, 0.9), puncak.unit, tebal=True)
    y1 = y0 - tinggi * 1.5
    if kolom:
        garis([0.5, 0.5], [y0 - tinggi * 0.42, y1 + tinggi * 0.7])
        garis([lebar / 2, 1 - lebar / 2], [y1 + tinggi * 0.7] * 2)
    for c, (u, bawah) in enumerate(zip(kolom, isi)):
        x = lebar * (c + 0.5)
        garis([x, x], [y1 + tinggi * 0.7, y1 + tinggi * 0.42])
        kotak(x, y1, lebar * 0.92, u.unit, tebal=True)
        for r, (tingkat, v) in enumerate(bawah, start=1):
            y = y1 - r * tinggi
            geser = lebar * 0.06 * tingkat
            garis([x - lebar * 0.44, x - lebar * 0.44], [y + tinggi * 0.58, y])
            garis([x - lebar * 0.44, x - lebar * 0.46 + geser + lebar * 0.05], [y, y])
            kotak(x + geser / 2 + lebar * 0.03, y, lebar * 0.86 - geser, v.unit)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return _citra(fig)


@_bergaya
def renstra(
    tahun: list[int],
    target: list[float | None],
    realisasi: dict[int, float | None],
    digit: int,
    judul: str = "",
    satuan: str = "%",
) -> Citra:
    """Renstra targets per year (line, with a gap where a target is empty) and the realisasi
    known so far (points), on an axis in the indicator's own unit."""
    fig, ax = _gambar(6.2, 2.6)
    target = [None if fmt.kosong(t) else float(t) for t in target]
    ax.plot(tahun, [_nan(t) for t in target], marker="o", color=WARNA["abu"], label="Target Renstra")
    for t, v in zip(tahun, target):
        if v is not None:
            ax.annotate(
                fmt.dengan_satuan(v, satuan, digit, minimal=0),
                (t, v),
                xytext=(0, -11),
                textcoords="offset points",
                ha="center",
                fontsize=7,
                color=WARNA["abu"],
            )
    ys_per_tahun = {t: v for t, v in realisasi.items() if not fmt.kosong(v)}
    xs = list(ys_per_tahun)
    ys = [float(v) for v in ys_per_tahun.values()]
    ax.plot(xs, ys, "s", color=WARNA["utama"], label="Realisasi", markersize=7)
    for t, v in zip(xs, ys):
        ax.annotate(
            fmt.dengan_satuan(v, satuan, digit),
            (t, v),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            fontsize=7.5,
            color=WARNA["utama"],
        )
    ax.set_xticks(tahun, [str(t) for t in tahun])
    ax.yaxis.set_major_formatter(Sumbu(satuan))
    ax.set_ylim(*_batas([v for v in target if v is not None] + ys))
    ax.legend(fontsize=7.5, frameon=False, loc="lower right")
    if judul:
        ax.set_title(judul)
    return _citra(fig)


def _batas(nilai: list[float]) -> tuple[float, float]:
    """Axis limits that hold every value, 0 and some headroom, at any scale (never NaN)."""
    bawah, atas = min([0.0, *nilai]), max([0.0, *nilai])
    rentang = atas - bawah or max(abs(atas), 1.0)
    return bawah - (0.15 * rentang if bawah < 0 else 0), atas + 0.25 * rentang
