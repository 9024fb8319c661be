"""Charts as deterministic SVG text (Indonesian number formats on the axes)."""
from __future__ import annotations

import functools
import io
import math
import textwrap

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, FuncFormatter

from .. import fmt

# Figures are made with the object API (no pyplot, no backend) inside this style, which is
# applied per chart (matplotlib's global rcParams are left alone).
GAYA = {
    "svg.hashsalt": "lkj",            # stable ids inside the SVG
    "svg.fonttype": "none",           # text as <text>: small SVG, fast PDF; DejaVu Sans ships with the OS
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "text.parse_math": False,         # names are text: '$' in a name is a dollar sign, not mathtext
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
        langkah = min((abs(b - a) for a, b in zip(locs, locs[1:]) if b != a), default=1)
        self.digit = max(0, min(6, -math.floor(math.log10(langkah)))) if math.isfinite(langkah) and langkah > 0 else 0

    def __call__(self, x, pos=None):
        return fmt.dengan_satuan(x, self.satuan, self.digit, minimal=self.digit)


def _bergaya(fungsi):
    """Run a chart function under GAYA (creation and SVG output both read it)."""
    @functools.wraps(fungsi)
    def dibungkus(*args, **kwargs):
        with matplotlib.rc_context(GAYA):
            return fungsi(*args, **kwargs)
    return dibungkus


def _gambar(lebar: float, tinggi: float):
    fig = Figure(figsize=(lebar, tinggi))
    return fig, fig.subplots()


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "lkj"})
    return buf.getvalue()


def _label(teks: str, lebar: int = 34) -> str:
    return "\n".join(textwrap.wrap(teks, lebar)[:3])


def _tulis_nilai(ax, bars, digit: int, horizontal: bool = False) -> None:
    for b in bars:
        v = b.get_width() if horizontal else b.get_height()
        if fmt.kosong(v):  # no bar, no label
            continue
        teks = fmt.angka(v, digit) + "%"
        if horizontal:
            ax.annotate(teks, (v, b.get_y() + b.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=7.5)
        else:
            ax.annotate(teks, (b.get_x() + b.get_width() / 2, v), xytext=(0, 2), rotation=90,
                        textcoords="offset points", ha="center", va="bottom", fontsize=6.5)


def _nan(x):
    return float("nan") if x is None else x


@_bergaya
def capaian_per_indikator(label: list[str], capaian: list[float | None], digit: int, judul: str) -> str:
    """Horizontal bars of capaian with the 100% line."""
    fig, ax = _gambar(7.2, 0.55 * len(label) + 1.0)
    y = range(len(label))[::-1]
    warna = [WARNA["utama"] if (c or 0) >= 100 else WARNA["kedua"] for c in capaian]
    bars = ax.barh(list(y), [_nan(c) for c in capaian], color=warna)
    ax.axvline(100, color=WARNA["garis"], lw=1, ls="--")
    ax.text(100, len(label) - 0.4, " target 100%", color=WARNA["garis"], fontsize=7.5)
    ax.set_yticks(list(y), [_label(s) for s in label], fontsize=7.5)
    ax.xaxis.set_major_formatter(PERSEN)
    ax.set_xlim(*_batas([c for c in capaian if not fmt.kosong(c)] + [100]))
    _tulis_nilai(ax, bars, digit, horizontal=True)
    ax.set_title(judul)
    return _svg(fig)


@_bergaya
def batang_berpasangan(label: list[str], seri: dict[str, list[float | None]], digit: int,
                       judul: str, garis_100: bool = False) -> str:
    """Grouped vertical bars (e.g. target vs realisasi, or two years)."""
    n, k = len(label), len(seri)
    fig, ax = _gambar(7.2, 3.6)
    lebar = 0.8 / k
    warna = [WARNA["kedua"], WARNA["utama"], WARNA["abu"]]
    for i, (nama, nilai) in enumerate(seri.items()):
        xs = [j + (i - (k - 1) / 2) * lebar for j in range(n)]
        bars = ax.bar(xs, [_nan(v) for v in nilai], lebar, label=nama, color=warna[i % 3])
        _tulis_nilai(ax, bars, digit)
    if garis_100:
        ax.axhline(100, color=WARNA["garis"], lw=1, ls="--")
    ax.set_xticks(range(n), [_label(s, 14) for s in label], fontsize=7)
    ax.yaxis.set_major_formatter(PERSEN)
    terisi = [v for nilai in seri.values() for v in nilai if not fmt.kosong(v)]
    ax.set_ylim(*_batas(terisi + [100]))
    ax.legend(fontsize=7.5, frameon=False, ncols=k, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    ax.set_title(judul)
    return _svg(fig)


@_bergaya
def renstra(tahun: list[int], target: list[float | None], realisasi: dict[int, float | None],
            digit: int, judul: str, satuan: str = "%") -> str:
    """Renstra targets per year (line, with a gap where a target is empty) and the realisasi
    known so far (points), on an axis in the indicator's own unit."""
    fig, ax = _gambar(6.2, 2.6)
    target = [None if fmt.kosong(t) else float(t) for t in target]
    ax.plot(tahun, [_nan(t) for t in target], marker="o", color=WARNA["abu"], label="Target Renstra")
    for t, v in zip(tahun, target):
        if v is not None:
            ax.annotate(fmt.dengan_satuan(v, satuan, digit, minimal=0), (t, v), xytext=(0, -11),
                        textcoords="offset points", ha="center", fontsize=7, color=WARNA["abu"])
    xs = [t for t, v in realisasi.items() if not fmt.kosong(v)]
    ys = [float(realisasi[t]) for t in xs]
    ax.plot(xs, ys, "s", color=WARNA["utama"], label="Realisasi", markersize=7)
    for t, v in zip(xs, ys):
        ax.annotate(fmt.dengan_satuan(v, satuan, digit), (t, v), xytext=(0, 6), textcoords="offset points",
                    ha="center", fontsize=7.5, color=WARNA["utama"])
    ax.set_xticks(tahun, [str(t) for t in tahun])
    ax.yaxis.set_major_formatter(Sumbu(satuan))
    ax.set_ylim(*_batas([v for v in target if v is not None] + ys))
    ax.legend(fontsize=7.5, frameon=False, loc="lower right")
    ax.set_title(judul)
    return _svg(fig)


def _batas(nilai: list[float]) -> tuple[float, float]:
    """Axis limits that hold every value, 0 and some headroom, at any scale (never NaN)."""
    bawah, atas = min([0.0] + nilai), max([0.0] + nilai)
    rentang = atas - bawah or max(abs(atas), 1.0)
    return bawah - (0.15 * rentang if bawah < 0 else 0), atas + 0.25 * rentang
