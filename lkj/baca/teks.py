"""A report's text (.txt/.md, as ../shared/seed has it): tab-separated or | tables, # headings."""

from __future__ import annotations

import re

from .dokumen import Baris, Kalimat, Tabel, bersih, kalimat_dari, susun_tabel

PEMISAH = re.compile(r"^[\s|:+\-–—]*$")  # '--\t-----' or '|---|---|'


def lateks(teks: str) -> str:
    """A formula typeset in LaTeX as plain text: \\frac{a}{b} -> a / b, \\times -> ×, \\% -> %."""
    t = re.sub(r"\\(?:text|mathrm|textbf)\{([^{}]*)\}", r"\1", teks)
    for _ in range(3):
        t = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1) / (\2)", t)
    t = t.replace("\\times", "×").replace("\\%", "%").replace("\\left", "").replace("\\right", "")
    t = t.replace("$$", " ").replace("$", " ").replace("\\,", " ").replace("\\", " ")
    return re.sub(r"\s+", " ", t).strip()


def _sel(baris: str) -> list[str] | None:
    if "\t" in baris:
        return baris.rstrip("\n").split("\t")
    s = baris.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
        return [c.strip() for c in s[1:-1].split("|")]
    return None


def _judul(sebelum: list[str]) -> str:
    """The caption: the short lines just above a table, from a 'Tabel ...' line if there is one."""
    pendek: list[str] = []
    for b in reversed(sebelum):
        if len(b) > 160 or b.endswith(":"):
            break
        pendek.insert(0, b)
        if len(pendek) == 4:
            break
    mulai = next((i for i in reversed(range(len(pendek))) if re.match(r"(?i)tabel\b", pendek[i])), None)
    if mulai is not None:
        pendek = pendek[mulai:]
    elif len(pendek) > 2:
        pendek = pendek[-2:]
    return " ".join(pendek)


def baca_teks(teks: str) -> tuple[list[Tabel], list[Kalimat], None]:
    tabel: list[Tabel] = []
    kalimat: list[Kalimat] = []
    bagian = ""
    teks_sebelum: list[str] = []  # non-table lines since the last heading or table
    baris = teks.splitlines()
    i = 0
    while i < len(baris):
        b = baris[i]
        sel = _sel(b)
        if sel is not None and not PEMISAH.match(b):
            rows: list[Baris] = []
            j = i
            while j < len(baris):
                s = _sel(baris[j])
                if s is not None:
                    if not PEMISAH.match(baris[j]):
                        rows.append(Baris(s, None))
                    j += 1
                elif not baris[j].strip() or PEMISAH.match(baris[j]):
                    k = j
                    while k < len(baris) and (
                        not baris[k].strip() or (PEMISAH.match(baris[k]) and _sel(baris[k]) is None)
                    ):
                        k += 1
                    if k < len(baris) and _sel(baris[k]) is not None:
                        j = k
                    else:
                        break
                else:
                    break
            t = susun_tabel(_judul(teks_sebelum), bagian, rows)
            if t is not None:
                tabel.append(t)
            else:  # a layout table without figures: its text still counts
                for r in rows:
                    kalimat += kalimat_dari(" ".join(r.sel), bagian, None)
            teks_sebelum = []
            i = j
            continue
        isi = b.strip()
        if isi.startswith("#"):
            bagian = bersih(isi.lstrip("#"))
            teks_sebelum = []
        elif isi and not PEMISAH.match(isi):
            polos = lateks(isi) if "$" in isi or "\\frac" in isi else bersih(isi)
            teks_sebelum.append(polos)
            kalimat += kalimat_dari(polos, bagian, None)
        i += 1
    return tabel, kalimat, None
