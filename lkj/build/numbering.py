"""Tables and figures numbered per Bab ("Tabel 3.1", "Gambar 3.2"), their lists, and the references to them.

Done once on the merged notebook, before export, so the report and the audit version carry the same
numbers. Only what the report shows is numbered: tables and figures of audit cells, of the front
matter and of the Lampiran are not. A narrative reference `{{ tabel_pengukuran }}` arrives here as the
marker ⟦tabel_pengukuran⟧ and becomes a link "Tabel 3.1" to the element with id "tabel-pengukuran";
a reference to nothing stops the build.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from dataclasses import dataclass

from .notebook import BuildError

PERISTIWA = re.compile(
    r'<h1 id="(?:bab-(?P<bab>\d+)|(?P<lampiran>lampiran))"'
    r'|<table class="lkj[^"]*"(?: id="(?P<tabel_id>[^"]*)")?><caption>(?P<tabel_judul>.*?)</caption>'
    r'|<figure class="gambar" id="(?P<gambar_id>[^"]*)">(?P<gambar_isi>.*?)<figcaption>(?P<gambar_judul>.*?)'
    r"</figcaption>",
    re.S,
)
RUJUKAN = re.compile(r"⟦((?:tabel|gambar)_[a-z0-9_]+)(?:@([^⟧]*):(\d+))?⟧")
SISA = re.compile(r"⟦[^⟧]*⟧")


@dataclass(frozen=True)
class Entri:
    label: str  # "Tabel 3.1"
    judul: str  # caption text, as HTML
    anchor: str  # id of the caption


def _html(out) -> str | None:
    teks = out.get("data", {}).get("text/html")
    return "".join(teks) if isinstance(teks, list) else teks


def beri_nomor(nb, ketat: bool = True) -> tuple[list[Entri], list[Entri]]:
    """Number the tables and figures of `nb` in place; return (daftar tabel, daftar gambar). A reference to
    nothing stops the build (`ketat`, the final report) or, in a draft, shows as a red mark in the text."""
    bab: str | None = None
    daftar: dict[str, list[Entri]] = {"tabel": [], "gambar": []}
    label: dict[str, str] = {}  # element id -> "Tabel 3.1"

    def ganti(m: re.Match, dinomori: bool) -> str:
        nonlocal bab
        if m["bab"] or m["lampiran"]:
            bab = m["bab"]
            return m[0]
        jenis = "tabel" if m["tabel_judul"] is not None else "gambar"
        if not (dinomori and bab):
            return m[0]
        n = f"{bab}.{sum(e.label.startswith(f'{jenis.capitalize()} {bab}.') for e in daftar[jenis]) + 1}"
        teks = f"{jenis.capitalize()} {n}"
        anchor = f"no-{jenis}-{n.replace('.', '-')}"
        ident = m[f"{jenis}_id"]
        if ident:
            label[ident] = teks
        judul = m["tabel_judul"] if jenis == "tabel" else m["gambar_judul"]
        daftar[jenis].append(Entri(teks, judul, anchor))
        nomor = f'<span class="nomor">{teks}</span> '
        if jenis == "tabel":
            return m[0].replace("<caption>", f'<caption id="{anchor}">{nomor}', 1)
        return m[0].replace("<figcaption>", f'<figcaption id="{anchor}">{nomor}', 1)

    keluaran = []
    for cell in nb.cells:
        dinomori = "audit" not in cell.get("metadata", {}).get("tags", [])
        for out in cell.get("outputs", []):
            teks = _html(out)
            if teks is not None:
                out["data"]["text/html"] = PERISTIWA.sub(functools.partial(ganti, dinomori=dinomori), teks)
                keluaran.append((cell, out))
    salah = []
    for cell, out in keluaran:

        def tautan(m: re.Match, cell=cell) -> str:
            ident = m[1].replace("_", "-")
            if ident in label:
                return f'<a class="rujukan" href="#{ident}">{label[ident]}</a>'
            tempat = f"{m[2]}, baris {m[3]}" if m[2] else f"bagian {cell.get('id', '?').rsplit('-', 1)[0]}"
            salah.append(f"{{{{ {m[1]} }}}} ({tempat})")
            return f'<span class="narasi-kosong">[rujukan tidak ditemukan: {htmllib.escape(m[1])}]</span>'

        out["data"]["text/html"] = SISA.sub("", RUJUKAN.sub(tautan, out["data"]["text/html"]))
    if salah and ketat:
        ada = ", ".join(sorted(k.replace("-", "_") for k in label)) or "tidak ada"
        raise BuildError(
            f"rujukan ke tabel/gambar yang tidak ada: {', '.join(salah)}. Placeholder yang tersedia: {ada}."
        )
    return daftar["tabel"], daftar["gambar"]


def isi_daftar(html: str, nav_id: str, entri: list[Entri]) -> str:
    """Fill <nav id="nav_id"> (Daftar Tabel / Daftar Gambar) with links to every numbered caption."""
    baris = "".join(
        f'<li class="toc-2"><a href="#{e.anchor}">{e.label} {htmllib.escape(_teks(e.judul))}</a></li>' for e in entri
    )
    return re.sub(
        rf'(<nav[^>]*id="{nav_id}"[^>]*>.*?</h1>)(</nav>)',
        lambda m: f"{m[1]}<ol>{baris}</ol>{m[2]}",
        html,
        count=1,
        flags=re.S,
    )


def _teks(isi: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", isi)).strip()
