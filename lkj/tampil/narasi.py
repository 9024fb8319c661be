"""Narrative files: Markdown written by people, numbers filled from the computation.

A placeholder `{{ capaian }}` is replaced by the formatted computed value; an
unknown placeholder is an error naming the file and line. Markdown is rendered
with raw HTML and images disabled and links limited to http(s) and #, so
narrative cannot inject script or load anything remote.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache

import pandas as pd
from markdown_it import MarkdownIt

from .. import fmt
from ..dokumen.model import Blok, Daftar, Isi, Judul, Kolom, KotakDraf, Narasi, Paragraf, Tabel, Teks
from ..hitung.pengukuran import (
    Pengukuran,
    arah_perubahan,
    batas_serapan_rendah,
    jumlah_arah,
    rata_rata_sebanding,
    sensitivitas,
    serapan_rendah,
    total_anggaran,
)
from ..masukan.errors import DataError
from ..masukan.narasi import bagian_teks, kunci
from ..reviu.pengungkapan import bagian_lepas, masalah_butir, teks_di_luar
from . import tabel
from .html import rujukan

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
NAMA_SAH = re.compile(r"[a-z][a-z0-9_]*")
RUJUKAN_SAH = re.compile(r"(tabel|gambar)_[a-z0-9][a-z0-9_]*")  # {{ tabel_pengukuran }}: a numbered table


class _Markdown(MarkdownIt):
    """CommonMark with tables, no raw HTML, no images, links only to http(s) and #."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return url.startswith("#") or (super().validateLink(url) and url.startswith(("http://", "https://")))


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = _Markdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").disable("image")
    return md


def _tersedia(nama: str, konteks: dict[str, str] | set[str]) -> str:
    """The names a writer could have meant, the most alike first (realisasi_tahun_lalu -> realisasi_lalu),
    else the first dozen; '…' when there are more."""
    nama_ada = sorted(k for k in konteks if not k.startswith("_"))  # BUTIR: not a placeholder
    mirip = difflib.get_close_matches(nama, nama_ada, n=6, cutoff=0.5)
    tampil = mirip or nama_ada[:12]
    return ", ".join(tampil) + (", …" if len(nama_ada) > len(tampil) else "")


def isi(teks: str, konteks: dict[str, str], file: str) -> str:
    """Replace every {{ name }} by konteks[name]. An unknown name, or one without a value this year ('–'),
    is left as a marker that a draft shows in red and the final report refuses; a malformed placeholder is
    an error."""
    keluar = []
    for nomor, baris in enumerate(teks.splitlines(keepends=True), start=1):

        def ganti(m: re.Match, nomor: int = nomor) -> str:
            nama = m.group(1)
            if RUJUKAN_SAH.fullmatch(nama) and nama not in konteks:
                return f"⟦{nama}@{file}:{nomor}⟧"  # a numbered table or figure, resolved at assembly
            if not NAMA_SAH.fullmatch(nama) or nama.startswith(("tabel_", "gambar_")):  # e.g. {{ tabel_ }}
                raise DataError(
                    file,
                    f"placeholder '{{{{ {nama} }}}}' tidak sah",
                    "Nama placeholder ditulis dengan huruf kecil, angka dan garis bawah, mis. {{ capaian }}. "
                    f"Yang tersedia: {_tersedia(nama, konteks)}.",
                    nomor,
                )
            if nama not in konteks:
                return f"⟦?{nama}@{file}:{nomor}⟧"
            if konteks[nama] == fmt.KOSONG:  # resolves, but this year has no value for it: a gap
                return f"⟦-{nama}@{file}:{nomor}⟧"
            return konteks[nama]

        sisa = PLACEHOLDER.sub("", baris)  # the writer's own braces, not those of a value filled in
        hasil = PLACEHOLDER.sub(ganti, baris)
        if "{{" in sisa or "}}" in sisa:
            raise DataError(
                file,
                "tanda {{ atau }} tanpa pasangan",
                "Tulis placeholder utuh, mis. {{ capaian }}, atau hapus tanda kurungnya.",
                nomor,
            )
        keluar.append(hasil)
    return "".join(keluar)


def tak_terisi(teks: str, konteks: dict[str, str], file: str) -> list[str]:
    """What a final report refuses in a narrative text, one line each (a draft's red boxes say the same):
    every placeholder that does not resolve or resolves to no value ('–') (file, line, name, what to do)
    and, in a file that must have one section per item (`BUTIR`: Bab IV's recommendations), every item
    without its section."""
    return _placeholder_tak_terisi(teks, konteks, file) + [
        _pesan_kurang(file, b) for b in butir_tanpa_bagian(teks, konteks)
    ]


def _placeholder_tak_terisi(teks: str, konteks: dict[str, str], file: str) -> list[str]:
    out = [
        (
            nomor,
            f"{file}, baris {nomor}: placeholder '{{{{ {nama} }}}}' tidak dikenal (tidak terisi dari data tahun "
            f"ini). Ganti dengan salah satu yang tersedia: {_tersedia(nama, konteks)}; atau hapus.",
        )
        for nomor, nama in tidak_terisi(teks, konteks)
        if NAMA_SAH.fullmatch(nama)
    ]
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        for m in PLACEHOLDER.finditer(baris):
            if konteks.get(m.group(1)) == fmt.KOSONG:
                out.append(
                    (
                        nomor,
                        f"{file}, baris {nomor}: placeholder '{{{{ {m.group(1)} }}}}' tidak bernilai untuk tahun "
                        f"ini (tercetak '{fmt.KOSONG}'). Lengkapi datanya, atau ubah kalimat itu tanpa "
                        "placeholder ini.",
                    )
                )
    return list(dict.fromkeys(b for _, b in sorted(out, key=lambda x: x[0])))  # a name twice on a line: once


RUJUKAN = re.compile(r"⟦([?-]?)([a-z0-9_]+)@([^⟧]*):(\d+)⟧")  # the markers `isi` leaves in the Markdown text


def _teks(s: str, **gaya) -> list[Teks]:
    """Plain text, with the markers of references to numbered tables and figures as reference runs."""
    out, pos = [], 0
    for m in RUJUKAN.finditer(s):
        if m.start() > pos:
            out.append(Teks(s[pos : m.start()], **gaya))
        if m[1] == "?":  # a placeholder that does not resolve: red in a draft (the box above says what exists)
            out.append(Teks(f"{{{{ {m[2]} }}}}", merah=True))
        elif m[1] == "-":  # one without a value this year: a red gap (the box above names it)
            out.append(Teks(fmt.KOSONG, merah=True))
        else:
            out.append(rujukan(m[2], m[3], int(m[4])))
        pos = m.end()
    if pos < len(s):
        out.append(Teks(s[pos:], **gaya))
    return out


def _inline(token) -> Isi:
    """markdown-it's inline children as runs (bold, italic, links)."""
    out: list[Teks] = []
    tebal = miring = 0
    tautan = ""
    for c in token.children or []:
        if c.type in ("text", "code_inline"):
            out += _teks(c.content, tebal=tebal > 0, miring=miring > 0, tautan=tautan)
        elif c.type in ("softbreak", "hardbreak"):
            out.append(Teks(" "))
        elif c.type == "strong_open" or c.type == "strong_close":
            tebal += 1 if c.type == "strong_open" else -1
        elif c.type == "em_open" or c.type == "em_close":
            miring += 1 if c.type == "em_open" else -1
        elif c.type == "link_open":
            tautan = str(c.attrGet("href") or "")
        elif c.type == "link_close":
            tautan = ""
    return tuple(out)


def _polos(isi_: Isi) -> str:
    return "".join(t.teks for t in isi_)


def ke_blok(teks: str, awalan: str = "narasi") -> tuple[Blok, ...]:
    """Markdown as blocks: headings (ids starting with `awalan`), paragraphs, lists, tables. Raw HTML stays
    text, images are dropped. A table is captioned by a paragraph "Tabel: <judul>" right above it."""
    tokens = _md().parse(teks)
    out: list[Blok] = []
    i, n_tabel = 0, 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "heading_open":
            isi_ = _inline(tokens[i + 1])
            slug = re.sub(r"[^a-z0-9]+", "-", _polos(isi_).lower()).strip("-")[:48]
            out.append(Judul(_polos(isi_), int(t.tag[1]), f"{awalan}-{slug}"))
            i += 3
        elif t.type == "paragraph_open":
            out.append(Paragraf(_inline(tokens[i + 1])))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            akhir = t.type.replace("_open", "_close")
            butir, j = [], i + 1
            while not (tokens[j].type == akhir and tokens[j].level == t.level):
                if tokens[j].type == "inline":  # every paragraph of an item (nested items too), in order
                    butir.append(_inline(tokens[j]))
                j += 1
            mulai = int(t.attrGet("start") or 1) if t.type == "ordered_list_open" else 1
            out.append(Daftar(tuple(butir), t.type == "ordered_list_open", mulai))
            i = j + 1
        elif t.type == "table_open":
            kepala: list[Isi] = []
            baris: list[Isi] = []
            j = i + 1
            while tokens[j].type != "table_close":
                if tokens[j].type == "inline":
                    (kepala if tokens[j - 1].type == "th_open" else baris).append(_inline(tokens[j]))
                j += 1
            lebar = max(len(kepala), 1)
            judul = ""
            sebelum = out[-1] if out else None
            if isinstance(sebelum, Paragraf) and _polos(sebelum.isi).startswith("Tabel:"):
                judul = _polos(sebelum.isi).removeprefix("Tabel:").strip()
                out.pop()
            n_tabel += 1
            out.append(
                Tabel(
                    f"{awalan}-tabel-{n_tabel}",
                    judul,
                    tuple(Kolom(_polos(k)) for k in kepala),
                    tuple(tuple(baris[r : r + lebar]) for r in range(0, len(baris), lebar)),
                    bernomor=bool(judul),
                )
            )
            i = j + 1
        elif t.type in ("fence", "code_block"):
            out.append(Paragraf(tuple(_teks(t.content.rstrip("\n")))))
            i += 1
        else:  # hr, blockquote wrappers: their paragraphs come as they are
            i += 1
    return tuple(out)


DISALIN = (
    "Narasi ini masih salinan laporan tahun sebelumnya dan belum ditinjau: periksa setiap angka, tahun dan "
    "pernyataan di dalamnya, lalu ubah teksnya. Laporan final menolaknya selama belum diubah."
)


def tampilkan(teks: str | None, sumber: str, konteks: dict[str, str], disalin: bool = False) -> Narasi:
    """A narrative text as a block, placeholders filled, or an empty one (a visible marker in a draft).
    `sumber`: its file, as shown. The values are kept in the block, so assembly can refill it from the file.
    A red box (draft only) heads a text still as `tahun-baru` copied it (`disalin`) and one with
    placeholders that do not resolve, naming each and what is available."""
    nilai = tuple(sorted(konteks.items()))
    if CATATAN in konteks:  # an optional file: shown by sections, where each figure appears
        return Narasi(sumber, tuple(_catatan(teks or "", konteks, sumber)), nilai=nilai)
    if not teks or not teks.strip():
        return Narasi(sumber, kosong=True, nilai=nilai)
    awalan = re.sub(r"[^a-z0-9]+", "-", sumber.rsplit("/", 1)[-1].removesuffix(".md").lower())
    kotak = [KotakDraf(DISALIN)] if disalin else []
    kotak += [KotakDraf(baris) for baris in _placeholder_tak_terisi(teks, konteks, sumber)]
    if BUTIR in konteks:
        return Narasi(sumber, (*kotak, *_per_butir(isi(teks, konteks, sumber), konteks, sumber, awalan)), nilai=nilai)
    return Narasi(sumber, (*kotak, *ke_blok(isi(teks, konteks, sumber), awalan)), nilai=nilai)


# --- a narrative with one section per computed item (Bab IV: the recommendations) ---------------

BUTIR = "_butir"  # the key (never a placeholder name) that carries the items a file must have a section for


def butir_dari(konteks: dict[str, str]) -> list[dict[str, str]]:
    """The items carried in a narrative's values: judul (printed heading), nama (the heading a writer
    types), kode (also accepted as heading), id, fakta (the computed sentence), jenis."""
    return json.loads(konteks[BUTIR]) if BUTIR in konteks else []


def _cocok(b: dict[str, str], judul: str) -> bool:
    return kunci(judul) in {kunci(b["nama"]), kunci(b["kode"])}


def butir_tanpa_bagian(teks: str, konteks: dict[str, str]) -> list[dict[str, str]]:
    """The items the text has no non-empty section for."""
    _, bagian = bagian_teks(teks)
    return [b for b in butir_dari(konteks) if not any(_cocok(b, j) and isi_.strip() for j, isi_ in bagian)]


def _pesan_kurang(file: str, b: dict[str, str]) -> str:
    return (
        f"{file}: langkah dan rekomendasi untuk {b['jenis']} '{b['nama']}' ({b['alasan']}) belum ditulis. "
        f"Tambahkan bagian '## {b['nama']}' berisi kendala serta langkah yang telah dan akan dilakukan."
    )


def _per_butir(terisi: str, konteks: dict[str, str], sumber: str, awalan: str) -> list[Blok]:
    """The filled text laid out by the computed items, in their order: heading, computed sentence, the
    writer's section (or a red box when there is none); a section for no item is a red box, not printed."""
    awal, bagian = bagian_teks(terisi)
    out: list[Blok] = list(ke_blok(awal, awalan))
    butir = butir_dari(konteks)
    for b in butir:
        isi_ = next((x for j, x in bagian if _cocok(b, j) and x.strip()), "")
        out += [Judul(b["judul"], 3, b["id"], daftar_isi=False), Paragraf((Teks(b["fakta"]),))]
        out += ke_blok(isi_, b["id"]) if isi_ else [KotakDraf(_pesan_kurang(sumber, b))]
    out += [
        KotakDraf(
            f"{sumber}: bagian '## {j}' tidak dicetak: bukan nama indikator yang belum mencapai target atau "
            "program dengan serapan rendah tahun ini."
        )
        for j, _ in bagian
        if not any(_cocok(b, j) for b in butir)
    ]
    return out


# --- notes on open data findings, beside the figure each is about (lkj.reviu.pengungkapan) ------------

CATATAN = "_catatan"  # the key that carries the items a display of the catatan file shows


def nilai_catatan(butir: list[dict], semua: list[dict] | None) -> str:
    """The value of CATATAN: the items this display shows, and (for the one display that answers for the
    whole file, in Bab III) every item, so that a section for none of them is named."""
    return json.dumps({"butir": butir, "semua": semua}, ensure_ascii=False)


def _catatan(teks: str, konteks: dict[str, str], sumber: str) -> list[Blok]:
    """The writer's note for each item as "Catatan: ..." (a red box where there is none, or two); the display
    for the whole file also shows its placeholder problems, the text outside any section and the sections
    that are about no open finding."""
    c = json.loads(konteks[CATATAN])
    # sections matched by their headings as typed, shown with their placeholders filled (one line each)
    mentah, terisi = bagian_teks(teks)[1], bagian_teks(isi(teks, konteks, sumber))[1]
    bagian = [(j, x) for (j, _), (_, x) in zip(mentah, terisi, strict=True)]
    out: list[Blok] = []
    if c["semua"] is not None:
        out += [KotakDraf(baris) for baris in _placeholder_tak_terisi(teks, konteks, sumber)]
        out += [KotakDraf(x) for x in [teks_di_luar(sumber, teks)] if x]
        out += [KotakDraf(x) for x in bagian_lepas(sumber, c["semua"], teks)]
    for b in c["butir"]:
        masalah = masalah_butir(sumber, b, teks)
        if masalah:
            out.append(KotakDraf(masalah))
            continue
        out += _sebagai_catatan(ke_blok(next(x for j, x in bagian if _cocok(b, j)), b["id"]))
    return out


def _sebagai_catatan(blok: tuple[Blok, ...]) -> list[Blok]:
    """A note's blocks as printed: paragraphs in the note style, the first headed "Catatan:" (a note that
    opens with a list or a table gets the label above it); a heading inside a note is bold text, never an
    entry of the Daftar Isi."""
    out: list[Blok] = []
    for x in blok:
        if isinstance(x, Judul):
            x = Paragraf((Teks(x.teks, tebal=True),))
        if isinstance(x, Paragraf):
            x = Paragraf(((Teks("Catatan: "),) if not out else ()) + tuple(x.isi), "catatan")
        elif not out:
            out.append(Paragraf((Teks("Catatan:"),), "catatan"))
        out.append(x)
    return out


def _program_dari(anggaran: pd.DataFrame | None, indikator_id: str) -> list[dict]:
    if anggaran is None:
        return []
    return [r for r in anggaran.to_dict("records") if indikator_id in r["indikator_id"].split(",")]


def butir_rekomendasi(p: Pengukuran, anggaran: pd.DataFrame | None) -> list[dict[str, str]]:
    """Bab IV's items, computed: every indicator below target, then every program with low serapan whose
    indicators all reached theirs (a program behind an unmet indicator is told in that indicator's item)."""
    d, a = p.aturan.digit_desimal, p.aturan
    out: list[dict[str, str]] = []
    tercakup: set[str] = set()
    for h in p.indikator:
        if h.capaian.nilai is None or h.capaian.nilai >= 100:
            continue
        fakta = (
            f"Target {tabel.teks_target(h.target, h.satuan, d)}, realisasi "
            f"{tabel.nilai_satuan(h.realisasi.nilai, h.satuan, d)}, capaian {fmt.persen(h.capaian.nilai, d)} "
            f"(predikat {h.predikat or fmt.KOSONG})."
        )
        for r in _program_dari(anggaran, h.indikator_id):
            tercakup.add(r["program_kode"])
            rendah = serapan_rendah(a, r["serapan"])
            fakta += f" {r['program']} yang mendukungnya menyerap {fmt.persen(r['serapan'], d)} anggarannya" + (
                ", serapan yang rendah." if rendah else "."
            )
        out.append(
            {
                "jenis": "indikator",
                "nama": h.indikator,
                "kode": h.indikator_id,
                "judul": h.indikator,
                "id": f"rekomendasi-{h.indikator_id.lower()}",
                "alasan": f"capaian {fmt.persen(h.capaian.nilai, d)}, di bawah target",
                "fakta": fakta,
            }
        )
    for r in anggaran.to_dict("records") if anggaran is not None else []:
        if r["program_kode"] in tercakup or not serapan_rendah(a, r["serapan"]):
            continue
        ids = [i for i in r["indikator_id"].split(",") if i]
        capaian = [(x.indikator, fmt.persen(x.capaian.nilai, d)) for i in ids if (x := p.cari(i))]
        fakta = (
            f"{r['program']} menyerap {fmt.persen(r['serapan'], d)} anggarannya "
            f"({fmt.rupiah(r['realisasi'])} dari pagu {fmt.rupiah(r['pagu'])}); "
            + (
                "indikator yang didukungnya, " + _daftar([f"{n} ({c})" for n, c in capaian]) + ", mencapai target."
                if capaian
                else "program ini tidak dipasangkan dengan indikator kinerja."
            )
        )
        out.append(
            {
                "jenis": "program",
                "nama": r["program"],
                "kode": r["program_kode"],
                "judul": r["program"],
                "id": f"rekomendasi-{r['program_kode'].lower()}",
                "alasan": f"serapan anggaran {fmt.persen(r['serapan'], d)}",
                "fakta": fakta,
            }
        )
    return out


def aturan_rekomendasi(p: Pengukuran, butir: list[dict[str, str]]) -> str:
    """The rule that chose Bab IV's items, in words."""
    batas = batas_serapan_rendah(p.aturan)
    serapan = f"di bawah {fmt.angka(batas, 2, minimal=0)}%" if batas is not None else "rendah"
    if not butir:
        return (
            f"Seluruh indikator yang terukur mencapai targetnya dan tidak ada program dengan serapan anggaran "
            f"{serapan}."
        )
    return (
        f"Untuk setiap indikator yang capaiannya di bawah 100% dan setiap program yang serapan anggarannya "
        f"{serapan}, berikut kendala yang dihadapi serta langkah yang telah dan akan dilakukan. Program yang "
        "mendukung indikator yang belum mencapai target diuraikan bersama indikator tersebut."
    )


# --- efisiensi in words ---------------------------------------------------------------------


def aturan_efisiensi(p: Pengukuran) -> str:
    """How to read Bab III.C's comparison of serapan and capaian, once, in words."""
    batas = batas_serapan_rendah(p.aturan)
    rendah = f" (di bawah {fmt.angka(batas, 2, minimal=0)}%)" if batas is not None else ""
    return (
        "Setiap program dinilai dengan membandingkan persentase anggaran yang diserapnya dengan persentase "
        "capaian target indikator kinerja yang didukungnya. Program yang mencapai atau melampaui targetnya "
        "dengan serapan anggaran lebih kecil daripada capaiannya menggunakan anggaran secara efisien. Sisa "
        "anggaran dari program yang targetnya belum tercapai tidak dinilai sebagai efisiensi: bila "
        f"serapannya rendah{rendah}, sisa itu menunjukkan kegiatan yang belum terlaksana."
    )


def kalimat_efisiensi(p: Pengukuran, anggaran: pd.DataFrame) -> list[str]:
    """One sentence per program (serapan and capaian in percent, and what they mean together), then one
    per indicator no program supports."""
    d, a = p.aturan.digit_desimal, p.aturan
    out = []
    for r in anggaran.to_dict("records"):
        ser = fmt.persen(r["serapan"], d)
        ids = [i for i in r["indikator_id"].split(",") if i]
        if not ids:
            out.append(
                f"{r['program']} menyerap {ser} anggarannya ({fmt.rupiah(r['realisasi'])} dari pagu "
                f"{fmt.rupiah(r['pagu'])}), tetapi tidak dipasangkan dengan indikator kinerja, sehingga "
                "efisiensinya tidak dapat dinilai."
            )
            continue
        cap = r["capaian"]
        if fmt.kosong(r["serapan"]):
            out.append(f"{r['program']}: realisasi anggarannya belum tersedia, sehingga efisiensinya tidak dinilai.")
            continue
        if fmt.kosong(cap):
            out.append(f"{r['program']} menyerap {ser} anggarannya; capaian indikatornya tidak tersedia.")
            continue
        hs = [h for i in ids if (h := p.cari(i)) is not None]
        belum = [h.indikator for h in hs if h.capaian.nilai is not None and h.capaian.nilai < 100]
        awal = f"{r['program']} menyerap {ser} anggaran dan mencapai " + (
            f"{fmt.persen(cap, d)} target indikatornya"
            if len(ids) == 1
            else f"rata-rata {fmt.persen(cap, d)} target {len(ids)} indikatornya"
        )
        target = "target" if len(ids) == 1 else f"target indikator {_daftar(belum)}"
        if belum and serapan_rendah(a, r["serapan"]):
            nilai = (
                f"; serapan yang rendah bersama {target} yang belum tercapai menunjukkan kegiatan yang belum "
                "terlaksana, bukan efisiensi."
            )
        elif belum:
            nilai = f"; {target} belum tercapai, sehingga sisa anggarannya tidak dinilai sebagai efisiensi."
        elif r["serapan"] < cap:
            nilai = ": target tercapai dengan anggaran yang efisien."
        else:
            nilai = ": target tercapai dengan serapan anggaran yang sebanding."
        out.append(awal + nilai)
    didukung = {i for ids in anggaran.indikator_id for i in ids.split(",") if i}
    out += [
        f"Indikator {h.indikator} tidak didukung program dalam data anggaran, sehingga capaiannya "
        f"({fmt.persen(h.capaian.nilai, d)}) tidak dibandingkan dengan anggaran."
        for h in p.indikator
        if h.indikator_id not in didukung
    ]
    return out


def isi_ulang(n: Narasi, teks: str | None, disalin: bool = False) -> Narasi:
    """The narrative block refilled from the file's text now, with the values the notebook computed."""
    return tampilkan(teks, n.sumber, dict(n.nilai), disalin)


# --- narrative placeholders ---------------------------------------------------------------

KATA_ARAH = {"naik": "meningkat", "turun": "menurun"}


def teks_arah(kini: float | None, lalu: float | None, digit: int) -> str:
    """Direction in words from the numbers: 'menurun 10,96 poin dari 103,86%', 'tetap pada 100,00%'."""
    arah = arah_perubahan(kini, lalu, digit)
    if arah is None:
        return (
            "tidak dapat dibandingkan karena "
            + ("capaian tahun pembanding" if fmt.kosong(lalu) else "capaian tahun ini")
            + " tidak tersedia"
        )
    assert kini is not None and lalu is not None  # arah is None otherwise
    if arah == "tetap":
        return f"tetap pada {fmt.persen(lalu, digit)}"
    return f"{KATA_ARAH[arah]} {fmt.angka(abs(kini - lalu), digit)} poin dari {fmt.persen(lalu, digit)}"


def teks_perubahan_rata_rata(p: Pengukuran, lalu: Pengukuran) -> str:
    """THE year-on-year change of the average, one figure by one rule: both averages over the same
    indicators, those with a capaian in both years. When every indicator has one, that is the plain
    difference of the two averages ('menurun 10,96 poin dari 103,86%'); otherwise the text names the
    basis ('menurun 15,21 poin, dari 103,86% menjadi 88,65%, dihitung atas 9 indikator ...')."""
    d = p.aturan.digit_desimal
    s = rata_rata_sebanding(p, lalu)
    assert s is not None  # lalu is given
    kini, dulu = s.rata_rata.nilai, s.rata_rata_lalu.nilai
    arah = arah_perubahan(kini, dulu, d)
    if not s.tidak_sebanding or arah is None:
        return teks_arah(kini, dulu, d)
    assert kini is not None and dulu is not None  # arah is None otherwise
    dasar = f"dihitung atas {len(s.indikator)} indikator yang mempunyai capaian pada kedua tahun"
    if arah == "tetap":
        return f"{teks_arah(kini, dulu, d)}, {dasar}"
    poin = fmt.angka(abs(kini - dulu), d)
    return f"{KATA_ARAH[arah]} {poin} poin, dari {fmt.persen(dulu, d)} menjadi {fmt.persen(kini, d)}, {dasar}"


def _daftar(nama: list[str]) -> str:
    """'a', 'a dan b', 'a, b dan c'; 'tidak ada' for none."""
    if not nama:
        return "tidak ada"
    return nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + " dan " + nama[-1]


def kecuali_tanpa_data_dukung(nama: list[str]) -> str:
    """The clause after "dihitung ulang dari data dukung setiap indikator", worded for 0, 1 or many:
    '' / ', kecuali realisasi indikator A yang dilaporkan tanpa data dukung' / ', kecuali realisasi
    2 indikator yang dilaporkan tanpa data dukung (A dan B)'."""
    if not nama:
        return ""
    if len(nama) == 1:
        return f", kecuali realisasi indikator {nama[0]} yang dilaporkan tanpa data dukung"
    return f", kecuali realisasi {len(nama)} indikator yang dilaporkan tanpa data dukung ({_daftar(nama)})"


def kecuali_tidak_sebanding(nama: list[str]) -> str:
    """The note after "indikator yang mempunyai capaian pada kedua tahun": '' when none is left out,
    else ' (tanpa A)' / ' (tanpa A dan B)'."""
    return f" (tanpa {_daftar(nama)})" if nama else ""


def data_dukung_lalu(tanpa: int, jumlah: int) -> str:
    """Last year's supporting data in words: 'seluruh 10 indikator tahun tersebut disertai data dukung',
    '3 dari 10 indikator tahun tersebut tidak disertai data dukung', 'seluruh … tidak disertai …'."""
    if tanpa == 0:
        return f"seluruh {jumlah} indikator tahun tersebut disertai data dukung"
    if tanpa == jumlah:
        return f"seluruh {jumlah} indikator tahun tersebut tidak disertai data dukung"
    return f"{tanpa} dari {jumlah} indikator tahun tersebut tidak disertai data dukung"


def catatan_sensitivitas(p: Pengukuran) -> str:
    """One line for Bab III: whether the headline predikat depends on the averaging rule."""
    d = p.aturan.digit_desimal
    dasar, *lain = sensitivitas(p)
    if not lain or dasar.rata_rata.nilai is None:
        return ""
    bagian = [
        (
            "dengan batas " + fmt.angka(s.batas_capaian, 0) + "%"
            if s.batas_capaian != dasar.batas_capaian
            else "tanpa indikator yang realisasinya tidak didukung data"
        )
        + " rata-rata menjadi "
        + f"{fmt.persen(s.rata_rata.nilai, d)} ({s.predikat or fmt.KOSONG})"
        for s in lain
    ]
    berubah = any(s.predikat != dasar.predikat for s in lain)
    aturan = (
        "tanpa batas capaian" if dasar.batas_capaian is None else f"batas capaian {fmt.angka(dasar.batas_capaian, 0)}%"
    )
    return (
        f"Predikat {dasar.predikat} "
        + ("bergantung pada" if berubah else "tidak bergantung pada")
        + f" aturan perhitungan rata-rata (laporan ini: {aturan}, seluruh indikator): {'; '.join(bagian)}."
    )


def nilai_placeholder(
    p: Pengukuran, lalu: Pengukuran | None, anggaran: pd.DataFrame | None, sasaran_no: int | None = None
) -> dict[str, str]:
    """Formatted computed values a narrative file may use as {{ name }}."""
    d = p.aturan.digit_desimal
    k = {
        "tahun": str(p.tahun),
        "tahun_lalu": str(lalu.tahun) if lalu else fmt.KOSONG,
        "instansi": p.aturan.instansi,
        "pemerintah": p.aturan.pemerintah,
        "rata_rata_capaian": fmt.persen(p.rata_rata.nilai, d),
        "predikat_rata_rata": p.aturan.skala.predikat(p.rata_rata.nilai) or fmt.KOSONG,
        "jumlah_indikator": str(len(p.indikator)),
        "jumlah_sasaran": str(len(p.sasaran)),
        "jumlah_tercapai": str(sum(1 for h in p.indikator if h.capaian.nilai is not None and h.capaian.nilai >= 100)),
        "jumlah_belum_tercapai": str(
            sum(1 for h in p.indikator if h.capaian.nilai is not None and h.capaian.nilai < 100)
        ),
        "jumlah_tanpa_capaian": str(sum(1 for h in p.indikator if h.capaian.nilai is None)),
        "tahun_renstra": f"{p.data.renstra.tahun_awal}–{p.data.renstra.tahun_akhir}",  # the period
        # which year of the Renstra this is, from its data ("tahun keempat"; '–' outside its target years)
        "tahun_ke_renstra": f"tahun {fmt.urutan(ke)}" if (ke := p.data.renstra.tahun_ke(p.tahun)) else fmt.KOSONG,
        "urutan_tahun_renstra": str(ke) if ke else fmt.KOSONG,
    }
    # Every name exists whatever the data holds (a value that does not exist shows as '–'), so the
    # names a narrative may use depend only on the indicators and components, never on their values.
    k.update(
        dict.fromkeys(
            (
                "indikator_tertinggi",
                "capaian_tertinggi",
                "indikator_terendah",
                "capaian_terendah",
                "rata_rata_capaian_lalu",
                "pagu_total",
                "realisasi_anggaran_total",
                "serapan_total",
            ),
            fmt.KOSONG,
        )
    )
    k["jumlah_program"] = "0"
    ada = [h for h in p.indikator if h.capaian.nilai is not None]
    if ada:
        hi = max(ada, key=lambda h: h.capaian.nilai or 0.0)
        lo = min(ada, key=lambda h: h.capaian.nilai or 0.0)
        k.update(
            indikator_tertinggi=hi.indikator,
            capaian_tertinggi=fmt.persen(hi.capaian.nilai, d),
            indikator_terendah=lo.indikator,
            capaian_terendah=fmt.persen(lo.capaian.nilai, d),
        )
    nama = {h.indikator_id: h.indikator for h in p.indikator} | (
        {
            h.indikator_id: h.indikator
            for h in lalu.indikator
            if h.indikator_id not in {x.indikator_id for x in p.indikator}
        }
        if lalu
        else {}
    )
    belum = [h for h in p.indikator if h.capaian.nilai is not None and h.capaian.nilai < 100]
    k["indikator_belum_tercapai"] = _daftar([f"{h.indikator} ({fmt.persen(h.capaian.nilai, d)})" for h in belum])
    k["program_serapan_rendah"] = "tidak ada"
    k["batas_serapan_rendah"] = (
        fmt.angka(b, 2, minimal=0) + "%" if (b := batas_serapan_rendah(p.aturan)) is not None else fmt.KOSONG
    )
    tanpa = [h for h in p.indikator if h.tanpa_data_dukung]
    k.update(
        rumus_rata_rata=tabel.rumus_rata_rata(p),
        jumlah_tanpa_data_dukung=str(len(tanpa)),
        indikator_tanpa_data_dukung=_daftar([h.indikator for h in tanpa]),
        kecuali_tanpa_data_dukung=kecuali_tanpa_data_dukung([h.indikator for h in tanpa]),
        kecuali_tidak_sebanding="",
        data_dukung_lalu=fmt.KOSONG,
    )
    # without a comparison year these names exist too, without a value (a draft marks them, final refuses)
    k.update(
        dict.fromkeys(
            (
                "arah_rata_rata",
                "jumlah_meningkat",
                "jumlah_menurun",
                "jumlah_tetap",
                "jumlah_pembanding",
                "rata_rata_sebanding",
                "rata_rata_sebanding_lalu",
                "jumlah_sebanding",
                "indikator_tidak_sebanding",
                "jumlah_indikator_lalu",
                "jumlah_tanpa_data_dukung_lalu",
            ),
            fmt.KOSONG,
        )
    )
    if lalu:
        n = jumlah_arah(p, lalu)
        s = rata_rata_sebanding(p, lalu)
        k.update(
            rata_rata_capaian_lalu=fmt.persen(lalu.rata_rata.nilai, d),
            arah_rata_rata=teks_perubahan_rata_rata(p, lalu),
            jumlah_meningkat=str(n["naik"]),
            jumlah_menurun=str(n["turun"]),
            jumlah_tetap=str(n["tetap"]),
            jumlah_pembanding=str(sum(n.values())),
            rata_rata_sebanding=fmt.persen(s.rata_rata.nilai, d) if s else fmt.KOSONG,
            rata_rata_sebanding_lalu=fmt.persen(s.rata_rata_lalu.nilai, d) if s else fmt.KOSONG,
            jumlah_sebanding=str(len(s.indikator)) if s else "0",
            indikator_tidak_sebanding=_daftar([nama[i] for i in s.tidak_sebanding]) if s else fmt.KOSONG,
            jumlah_indikator_lalu=str(len(lalu.indikator)),
            jumlah_tanpa_data_dukung_lalu=str(sum(h.tanpa_data_dukung for h in lalu.indikator)),
            kecuali_tidak_sebanding=kecuali_tidak_sebanding([nama[i] for i in s.tidak_sebanding]) if s else "",
            data_dukung_lalu=data_dukung_lalu(sum(h.tanpa_data_dukung for h in lalu.indikator), len(lalu.indikator)),
        )
    if anggaran is not None:
        pagu, real, serapan = total_anggaran(anggaran)
        k.update(
            pagu_total=fmt.rupiah(pagu),
            realisasi_anggaran_total=fmt.rupiah(real),
            serapan_total=fmt.persen(serapan.nilai, d),
            jumlah_program=str(len(anggaran)),
            program_serapan_rendah=_daftar(
                [
                    f"{r['program']} ({fmt.persen(r['serapan'], d)})"
                    for r in anggaran.to_dict("records")
                    if serapan_rendah(p.aturan, r["serapan"])
                ]
            ),
        )
    for h in p.indikator:
        i = h.indikator_id.lower()
        h0 = lalu.cari(h.indikator_id) if lalu else None
        nilai = {
            "indikator": h.indikator,
            "target": tabel.teks_target(h.target, h.satuan, d),
            "realisasi": tabel.nilai_satuan(h.realisasi.nilai, h.satuan, d),
            "capaian": fmt.persen(h.capaian.nilai, d),
            "predikat": h.predikat or fmt.KOSONG,
            "capaian_lalu": fmt.persen(h0.capaian.nilai, d) if h0 else fmt.KOSONG,
            "realisasi_lalu": tabel.nilai_satuan(h0.realisasi.nilai, h.satuan, d) if h0 else fmt.KOSONG,
            "serapan": fmt.KOSONG,
            "program": fmt.KOSONG,
            "asal_realisasi": "dilaporkan tanpa data dukung" if h.tanpa_data_dukung else "dihitung dari data dukung",
        }
        nilai["arah_capaian"] = teks_arah(h.capaian.nilai, h0.capaian.nilai if h0 else None, d) if lalu else fmt.KOSONG
        if anggaran is not None:
            prog = anggaran[anggaran.indikator_id.str.split(",").apply(lambda ids, i=h.indikator_id: i in ids)]
            if len(prog):
                nilai["serapan"] = fmt.persen(prog.serapan.iloc[0], d)
                nilai["program"] = prog.program.iloc[0]
        for nama_nilai, v in nilai.items():
            k[f"{nama_nilai}_{i}"] = v
        for kom in h.komponen:  # the data too: {{ ik02_k01_realisasi }} -> 106
            k[f"{i}_{kom.kode.lower()}_target"] = fmt.bilangan(kom.target)
            k[f"{i}_{kom.kode.lower()}_realisasi"] = fmt.bilangan(kom.realisasi)
        if sasaran_no is not None and h.sasaran_no == sasaran_no:
            k.update(nilai)
    return k


def tidak_terisi(
    teks: str, tersedia: dict[str, str] | set[str], dibuang: frozenset[str] | set[str] = frozenset()
) -> list[tuple[int, str]]:
    """(line, name) of every placeholder of `teks` that would not resolve: unknown among `tersedia`,
    or naming an indicator in `dibuang` (e.g. one no longer in the PK of a new year). References to numbered
    tables and figures ({{ tabel_x }}, {{ gambar_x }}) are checked when the report is assembled."""
    dibuang = {i.lower() for i in dibuang}
    out = []
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        for m in PLACEHOLDER.finditer(baris):
            nama = m.group(1)
            if nama.startswith(("tabel_", "gambar_")):
                continue
            bagian = nama.split("_")
            milik_dibuang = any(nama.endswith(f"_{i}") or nama.startswith(f"{i}_") for i in dibuang)
            if nama not in tersedia or milik_dibuang or (bagian and bagian[0] in dibuang):
                out.append((nomor, nama))
    return out
