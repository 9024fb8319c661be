"""The report build: validated inputs -> notebooks (papermill) -> HTML, audit HTML, PDF, reviu CSV.

1. The inputs are read and validated once (`lkj.masukan.model`), and the model is
   handed to the notebooks pickled; nothing after this step opens a raw file.
2. Each notebook of the plan (notebooks/laporan.yml) reruns only when the data,
   its own narrative or its template changed (sha256 fingerprints, not timestamps).
3. The outputs are assembled and written only when everything succeeded; they are
   fingerprinted as a set, so an output changed or removed since is rebuilt.
Heavy libraries are imported inside the functions that need them, so the
"nothing changed" path stays fast.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import ganti_bersama, pesan_lingkungan, tulis_atomik
from ..masukan.berkas import ASAL, berkas_masukan, folder_tahun, sidik_data
from ..masukan.bukti import berkas_bukti, tanpa_bukti
from ..masukan.errors import Peringatan
from ..masukan.proyek import Proyek
from ..masukan.rencana import Bagian
from .fingerprint import Stamps, hash_files, kode
from .notebook import BuildError, jalankan
from .paket import keluaran_paket, paket_audit

if TYPE_CHECKING:
    from ..masukan.model import Masukan
    from .provenance import Provenance

__all__ = [
    "BelumFinal",
    "BuildError",
    "BuildResult",
    "build",
    "hentikan",
    "keluaran",
    "main_report",
    "masalah_final",
    "panaskan",
    "pool_baru",
    "tulis_processed",
]


class BelumFinal(Exception):  # noqa: N818 (a refusal the user acts on, not a fault)
    """A final report was asked for while something a signed report needs is missing (one line each)."""

    def __init__(self, masalah: list[str]):
        self.masalah = masalah
        super().__init__("; ".join(masalah))


def masalah_final(m: Masukan) -> list[str]:
    """What keeps a year's report from being final: missing narrative, the signature block and its date,
    narrative copied from last year and not yet reviewed, the organisation chart, a Pemda's IKU taken
    from an OPD's outdated numbers, an open finding on the data neither fixed nor disclosed."""
    from ..masukan.tinjauan import masalah_final as masalah_masukan
    from ..reviu import catatan_kurang

    out = [
        f"{m.proyek.relatif(m.narasi_path(n))}: narasi belum diisi"
        for n, t in m.narasi.items()
        if t is None and n != m.rencana.catatan  # needed only for an open finding: catatan_kurang
    ]
    out += masalah_masukan(m.proyek, m.aturan) + catatan_kurang(m)
    if m.data.organisasi is None:
        out.append(f"{m.proyek.relatif(m.data.folder / 'organisasi.csv')}: bagan organisasi belum diisi")
    out += [f"{w.sumber}: {w.pesan}" for w in m.sumber_usang]
    return out


@dataclass
class BuildResult:
    dijalankan: list[str]
    dirakit: bool
    peringatan: list[Peringatan]
    waktu: dict[str, float] = field(default_factory=dict)  # seconds per phase: data, notebook, rakit
    narasi: list[str] = field(default_factory=list)  # parts whose narrative changed (no kernel needed)
    sumber_usang: list[Peringatan] = field(default_factory=list)  # a Pemda's IKU from an OPD's outdated numbers


@dataclass(frozen=True)
class Sidik:
    """What each step of one year's build depends on."""

    data: str  # params, the year's and comparison year's data, the Renstra, the plan, the code notebooks import
    semua: str  # everything an output may show: data, narrative, notebooks, templates, git commit
    berkas: list[Path]

    @classmethod
    def hitung(cls, proyek: Proyek, tahun: int) -> Sidik:
        from .provenance import git

        masukan = berkas_masukan(proyek, tahun)  # reads params only
        narasi = proyek.tahun(tahun) / "narasi"
        data = [p for p in masukan if narasi not in p.parents]
        semua = [*masukan, *sorted(p for p in proyek.notebooks.glob("*.py") if not p.name.startswith("."))]
        return cls(hash_files([*data, *kode(notebook=True)]), hash_files([*semua, *kode()], git(proyek.root)), semua)


def keluaran(proyek: Proyek, tahun: int) -> list[Path]:
    r = proyek.reports(tahun)
    laporan = [r / f"laporan-kinerja-{tahun}{s}" for s in (".html", "-audit.html", ".pdf", ".docx")]
    return [*laporan, r / f"reviu-{tahun}.csv", r / f"kertas-kerja-{tahun}.xlsx", *keluaran_paket(r, tahun)]


def _cek_keluaran(proyek: Proyek, hasil: list[Path]) -> None:
    """Stop before any work when an output cannot be written: a folder where the file goes, or a file
    where its folder goes."""
    for path in hasil:
        ada = next(f for f in path.parents if f.exists())  # the nearest existing folder on the way
        if path.exists() and not path.is_file():
            raise BuildError(
                f"{proyek.relatif(path)} adalah folder, padahal laporan ditulis sebagai berkas dengan nama itu. "
                "Pindahkan atau ganti nama folder itu, lalu ulangi."
            )
        if not ada.is_dir():
            raise BuildError(
                f"{proyek.relatif(ada)} adalah berkas, padahal laporan perlu folder dengan nama itu "
                f"(untuk {proyek.relatif(path)}). Pindahkan atau ganti nama berkas itu, lalu ulangi."
            )


def tulis_processed(m: Masukan) -> Path:
    """The computed tables in data/processed/<YEAR>/ (unrounded)."""
    from ..excel.csvteks import tabel_aman  # a name such as '=HYPERLINK(…)' stays text in a spreadsheet
    from ..hitung.pengukuran import hitung, hitung_anggaran, hitung_pembanding, hitung_renstra, hitung_riwayat

    p, lalu = hitung(m)
    out = m.proyek.processed(m.tahun)
    tabel = {
        "capaian.csv": p.tabel(),
        "pembanding.csv": hitung_pembanding(p, lalu),
        "riwayat.csv": hitung_riwayat(m, p),
        "renstra.csv": hitung_renstra(p),
        "anggaran.csv": hitung_anggaran(p),
    }
    for nama, df in tabel.items():
        if df is not None:
            tulis_atomik(out / nama, tabel_aman(df).to_csv(index=False, lineterminator="\n"))
    tulis_atomik(out / ASAL, json.dumps({"data": sidik_data(m.proyek, m.tahun)}) + "\n")  # read by a Pemda's sumber
    return out


def _processed(proyek: Proyek, tahun: int) -> list[Path]:
    return [*sorted(proyek.processed(tahun).glob("*.csv")), proyek.processed(tahun) / ASAL]


def _sans_rfc3987() -> None:
    """nbformat imports jsonschema, which imports rfc3987_syntax when installed (JupyterLab's jupyter-events
    pulls it in) and compiles its 39 grammars: 0,8 s in every build process, for an "iri" format check that
    notebook validation never uses. jsonschema skips that check when the import fails; the build's worker
    processes (forked) inherit this. Done when a build starts, not on import."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _source_date_epoch() -> None:
    """SOURCE_DATE_EPOCH pins the date fontTools writes into the PDF's fonts. Set but not a number (e.g.
    empty), it would make every kernel hang at start (IPython reads it as an int): then it is 0."""
    if not os.environ.get("SOURCE_DATE_EPOCH", "0").strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = "0"


def pool_baru(jobs: int, siapkan=None, notebook: bool = True) -> ProcessPoolExecutor:
    """Worker processes that start loading the build's libraries at once (`siapkan`: what each worker runs
    first, by default `panaskan`, with the notebooks' libraries if `notebook`). Ctrl-C and a stop are left to
    the main process (`hentikan`)."""
    _source_date_epoch()  # before the workers (and their kernels) inherit the environment
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_pekerja)
    for _ in range(jobs):
        pool.submit(siapkan or functools.partial(panaskan, notebook))
    return pool


NICE_PEKERJA = 5  # a worker's priority below the main process's (Unix nice: each step ~1,25 × less CPU)


def _pekerja() -> None:
    """A worker ignores Ctrl-C and dies quietly on SIGTERM (its parent stops it), and, on Linux, ends with
    its parent however that ends (its kernel follows: ipykernel exits when its parent does). It runs at a
    lower priority: the main process's own work (the PDF's largest piece) is a build's longest path, and on a
    narrative edit two workers (the Word file, the audit HTML) would otherwise take a third of its core."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the preview's handler, inherited by fork
    with contextlib.suppress(OSError, AttributeError):  # os.nice: Unix only
        os.nice(NICE_PEKERJA)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def hentikan(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued work is dropped and running work (a notebook, a PDF part) is killed, not
    waited for. Safe for the fingerprints: a part's old stamp is removed just before its output is renamed
    into place whole and the new one written after (see `jalankan`), so a killed part reruns next time."""
    for proses in list((getattr(pool, "_processes", None) or {}).values()):  # no public API before 3.14
        with contextlib.suppress(OSError):
            proses.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _pool(jobs: int, pool: ProcessPoolExecutor | None, notebook: bool = True):
    """The build's worker pool: the one given (kept open, as the preview does), or a new one, forked once
    the main process has imported the libraries (`notebook`: those that run notebooks too). On Ctrl-C a new pool is
    stopped at once; on any failure the build's own work is cancelled or waited for, so none of it
    runs on into the next build of a kept pool."""
    baru = pool is None
    if baru:  # imported once, here, before the workers fork: they inherit the libraries instead of each
        panaskan(notebook)  # importing them again at the same time (on 2 cores a narrative edit took 25-50% longer)
    pool = pool or pool_baru(jobs, notebook=notebook)
    tugas: list = []
    try:
        yield pool, tugas
    except KeyboardInterrupt:
        if baru:
            hentikan(pool)
        raise
    except BaseException:
        for f in tugas:
            f.cancel()
        wait(tugas)
        if baru:
            pool.shutdown(cancel_futures=True)
        raise
    if baru:
        pool.shutdown()


def build(
    tahun: int,
    root: Path,
    jobs: int | None = None,
    log=print,
    final: bool = False,
    kernel: str = "hangat",
    pool: ProcessPoolExecutor | None = None,
    html_dulu: bool = False,
) -> BuildResult:
    """Build a year's report: a draft (DRAF mark, red boxes where narrative is missing) or, with `final`,
    the report to sign, refused (BelumFinal) while anything it needs is missing. `kernel`: "hangat", one
    warm kernel per worker for the whole build, or "segar", a fresh kernel per notebook (same output).
    `pool`: worker processes to use instead of starting new ones (see pratinjau). `html_dulu` (the preview):
    the report HTML is written as soon as it is made, before the PDF and the rest, which follow as one set."""
    _sans_rfc3987()
    _source_date_epoch()
    proyek = Proyek.di(root)
    folder_tahun(proyek, tahun)  # stops: no data for this year, lists those there are
    build_dir = proyek.build(tahun)
    nb_dir = build_dir / "nb"
    stamps = Stamps(build_dir / "sidik")
    model_path = build_dir / "masukan.pickle"
    s = Sidik.hitung(proyek, tahun)
    hasil = keluaran(proyek, tahun)
    _cek_keluaran(proyek, hasil)
    siap = model_path.is_file() and (proyek.processed(tahun) / "capaian.csv").is_file()
    versi = f"{s.semua}:{'final' if final else 'draf'}"
    tetap = siap and stamps.fresh_set("rakit", versi, [*hasil, *_processed(proyek, tahun)])
    if tetap and _bukti_tetap(proyek, stamps):
        return BuildResult([], False, [])

    mulai = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    from ..masukan.model import baca_masukan

    m = baca_masukan(proyek, tahun)  # bad input stops here with one line
    if final and masalah_final(m):
        raise BelumFinal(masalah_final(m))
    tulis_processed(m)
    tulis_atomik(model_path, m.pickle())  # what the notebooks read
    waktu = {"data": time.perf_counter() - mulai}
    tugas = {}
    diperbarui = []  # parts whose narrative alone changed
    for b in m.rencana.bagian:
        template = proyek.notebooks / f"{b.notebook}.py"
        nilai = _sidik_bagian(b, hash_files([template], [s.data, b.params]), m)
        keluar = nb_dir / f"{b.nama}.ipynb"
        if stamps.fresh(b.nama, nilai, keluar):
            continue
        if _narasi_saja(b, nilai, stamps.read(b.nama), keluar):
            diperbarui.append((b.nama, nilai))  # stamped once the outputs are written
            continue
        # root "." = the kernel's working folder (cwd=root): no absolute path in any output
        params = {
            "tahun": tahun,
            **b.params,
            "root": ".",
            "bagian": b.nama,
            "masukan": proyek.relatif(model_path),
        }
        tugas[b.nama] = (template, keluar, params, nilai)
    if diperbarui:
        log(f"narasi berubah (tanpa kernel): {', '.join(n for n, _ in diperbarui)}")
    if tugas:
        stamps.hapus("rakit")  # the outputs are no longer known to match until this build ends
    # One pool for the whole build: notebooks run in parallel, and the main process computes the reviu
    # meanwhile.
    with _pool(jobs, pool, notebook=bool(tugas)) as (pool, tugas_pool):
        # each part's stamp is written by its worker together with its output (see jalankan)
        futures = {
            pool.submit(jalankan, t, k, prm, proyek.root, kernel=kernel, stempel=(stamps.folder / nama, nilai)): nama
            for nama, (t, k, prm, nilai) in tugas.items()
        }
        tugas_pool += futures
        if tugas:
            log(f"menjalankan {len(tugas)} notebook: {', '.join(tugas)}")
        # the main process is idle while notebooks run: it makes the reviu and the kertas kerja then
        perakitan = _bagian_perakitan(m, s.berkas) if tugas else None
        galat = []
        for f in as_completed(futures):
            try:
                f.result()
            except BuildError as e:
                galat.append(str(e))
            except BrokenProcessPool:
                raise
            except Exception as e:  # noqa: BLE001 (any failure of a part is named with its template)
                galat.append(f"{tugas[futures[f]][0].name}: {type(e).__name__}: {e}")
        if len(galat) == 1:
            raise BuildError(galat[0])
        if galat:  # one line each
            raise BuildError(f"{len(galat)} notebook gagal:\n" + "\n".join(f"  - {g}" for g in sorted(galat)))
        waktu["notebook"] = time.perf_counter() - mulai - waktu["data"]
        if tugas:
            log(f"  notebook selesai ({waktu['notebook']:.1f} s)")

        from ..dokumen.docx import ke_docx
        from . import pdf
        from .rakit import dokumen_laporan, html_laporan

        log("merakit HTML, HTML audit, PDF dan CSV reviu")
        urutan = [nb_dir / f"{b.nama}.ipynb" for b in m.rencana.bagian]
        dok, bagian = dokumen_laporan(urutan, m, final)  # the resolved report every renderer takes
        audit = pool.submit(_audit, m, s.berkas, urutan, bagian, final, build_dir / "html" / "audit", perakitan)
        docx = pool.submit(ke_docx, dok)  # beside the PDF: the two renderers share nothing but the document
        tugas_pool += [audit, docx]
        laporan = html_laporan(dok, tahun)
        if html_dulu:  # a writer sees the edit in a second; the PDF takes several
            tulis_atomik(hasil[0], laporan)
        simpanan_pdf = build_dir / "pdf" / ("final" if final else "draf")  # the pieces' layouts kept
        hasil_pdf = pdf.render(dok, f"Laporan Kinerja {tahun}", simpanan_pdf, pool)
        terpotong = pdf.periksa_halaman(hasil_pdf.data, hasil_pdf.boleh_kosong)
        terpotong += [Peringatan(w, "PDF") for w in hasil_pdf.peringatan]
        html_audit, perakitan = audit.result()  # done by now: it took half the PDF's time
        # Lembar Reviu (xlsx, html), jejak audit: the PDF's pages, the findings the audit HTML shows
        paket = paket_audit(m, dok, hasil_pdf, perakitan.temuan, perakitan.asal)
        isi: tuple[str | bytes, ...] = (laporan, html_audit, hasil_pdf.data, docx.result())
        isi += (perakitan.reviu_csv, perakitan.kertas_kerja)
        isi += paket
    waktu["rakit"] = time.perf_counter() - mulai - waktu["data"] - waktu["notebook"]
    log(f"  rakit selesai ({waktu['rakit']:.1f} s)")
    try:
        ganti_bersama(dict(zip(hasil, isi, strict=True)))  # the new set of outputs, or the old one whole
    except OSError as e:
        raise BuildError(f"{pesan_lingkungan(e, proyek.relatif)} Laporan sebelumnya tetap utuh.") from None
    for nama, nilai in diperbarui:
        stamps.write(nama, nilai)
    stamps.write_set("rakit", versi, [*hasil, *_processed(proyek, tahun)])  # `make data` alone makes it stale
    stamps.write(BUKTI, json.dumps(_bukti_ada(proyek, berkas_bukti(m.data.bukti))))
    bukti = tanpa_bukti(m) if final else []  # FINAL=1: indicators without evidence (bukti.csv)
    peringatan = sorted({*m.peringatan, *terpotong, *bukti})
    return BuildResult(list(tugas), True, peringatan, waktu, [n for n, _ in diperbarui], list(m.sumber_usang))


BUKTI = "bukti"  # the stamp of which evidence files bukti.csv names and whether each was there


def _bukti_ada(proyek: Proyek, berkas: list[str]) -> dict[str, bool]:
    return {b: (proyek.root / b).is_file() for b in berkas}


def _bukti_tetap(proyek: Proyek, stamps: Stamps) -> bool:
    """The evidence files are where they were at the last build (they live outside data/raw, anywhere in the
    project): one added or removed since changes the audit trail's links and the warnings."""
    dulu = stamps.read(BUKTI)
    if dulu is None:
        return False
    try:
        ada = json.loads(dulu)
    except ValueError:
        return False
    return isinstance(ada, dict) and ada == _bukti_ada(proyek, list(ada))


def _sidik_bagian(b: Bagian, kode_data: str, m: Masukan) -> str:
    """A part's stamp: what its code, data and template hash to, and each narrative file's hash apart,
    so that a narrative-only edit is recognised."""
    # the text that was read (and is shown), not the file now: a save meanwhile must not pass for built
    teks = {n: m.narasi[n] for n in b.narasi}
    narasi = {n: None if t is None else hashlib.sha256(t.encode()).hexdigest() for n, t in teks.items()}
    return json.dumps({"kode": kode_data, "narasi": narasi}, sort_keys=True)


def _narasi_saja(b: Bagian, nilai: str, lama: str | None, keluar: Path) -> bool:
    """Only a part's narrative changed: its notebook need not run, since assembly fills narrative from the
    files with the values the notebook stored."""
    try:
        sebelum = json.loads(lama) if lama else None
    except ValueError:
        return False
    baru = json.loads(nilai)
    if not isinstance(sebelum, dict) or sebelum.get("kode") != baru["kode"] or not keluar.is_file():
        return False
    return any(sebelum.get("narasi", {}).get(n, "?") != baru["narasi"][n] for n in b.narasi)


def panaskan(notebook: bool = True) -> None:
    """Load the build's libraries (they take a second to import): in the build's process before its workers
    fork, which inherit them, or in an idle worker; those that run notebooks only when some will run (a
    narrative edit runs none). Warm kernels start with a worker's first notebook, not here."""
    _sans_rfc3987()
    import nbconvert  # noqa: F401
    import pandas  # noqa: F401
    import pypdf  # noqa: F401
    import weasyprint  # noqa: F401

    from ..dokumen import docx  # noqa: F401
    from . import pdf, rakit  # noqa: F401

    if notebook:
        import jupytext  # noqa: F401
        import papermill  # noqa: F401


def _audit(
    m: Masukan,
    berkas: list[Path],
    urutan: list[Path],
    bagian: list,
    final: bool,
    simpanan: Path,
    perakitan: Perakitan | None,
) -> tuple[str, Perakitan]:
    """The audit HTML, with what assembly makes from the data; run in a worker beside the report HTML and
    PDF. `bagian`: the notebooks' displays, resolved; `perakitan`: made already (while notebooks ran)."""
    from .rakit import html_audit

    perakitan = perakitan or _bagian_perakitan(m, berkas)
    return html_audit(urutan, m.tahun, bagian, perakitan.tambahan, final, simpanan), perakitan


@dataclass
class Perakitan:
    """What assembly makes from the data beside the notebooks: the reviu's findings and the provenance,
    the audit HTML's sections on them (Catatan Reviu, provenance), the reviu CSV and the kertas kerja."""

    temuan: list
    asal: Provenance
    tambahan: list
    reviu_csv: str
    kertas_kerja: bytes


def _bagian_perakitan(m: Masukan, berkas: list[Path]) -> Perakitan:
    from .. import reviu
    from ..excel.kertas_kerja import tulis_kertas_kerja
    from ..reviu.keluaran import ke_csv
    from ..tampil import lampiran
    from . import provenance
    from .rakit import sel_html

    temuan = reviu.periksa(m)
    asal = provenance.catat(m.proyek, [*berkas, *kode()])
    tambahan = [
        sel_html(
            "07-reviu",
            lampiran.catatan_reviu(temuan, m.publikasi, "Audit C. Catatan Reviu", m.rencana.jangkar("reviu")),
            "dibuat saat perakitan: lkj.reviu.periksa (sama dengan reviu-<tahun>.csv)",
        ),
        sel_html(
            "08-provenance",
            lampiran.provenance(
                asal.berkas,
                asal.commit,
                asal.versi,
                "Audit D. Asal-usul Data (Provenance)",
                m.rencana.jangkar("provenance"),
            ),
            "dibuat saat perakitan: lkj.pipeline.provenance.catat",
        ),
    ]
    return Perakitan(temuan, asal, tambahan, ke_csv(temuan), tulis_kertas_kerja(m, temuan))


def main_report(tahun: int, root: Path, jobs: int | None, final: bool = False, kernel: str = "hangat") -> None:
    mulai = time.perf_counter()
    hasil = build(tahun, root, jobs, log=lambda s: print(s, file=sys.stderr), final=final, kernel=kernel)
    for w in hasil.peringatan:
        print(w, file=sys.stderr)
    if not hasil.dijalankan and not hasil.dirakit:
        print(f"reports/{tahun}: sudah mutakhir (tidak ada masukan yang berubah)")
    else:
        jenis = "final" if final else "DRAF (FINAL=1 untuk versi yang ditandatangani)"
        print(
            f"reports/{tahun}/laporan-kinerja-{tahun}.html, -audit.html, .pdf, .docx, reviu-{tahun}.csv, "
            f"kertas-kerja-{tahun}.xlsx, lembar-reviu-{tahun}.xlsx/.html, jejak-audit-{tahun}.html: {jenis} "
            f"({time.perf_counter() - mulai:.1f} s)"
        )
