"""Command line: python -m lkj {data,report,pratinjau,reviu,tahun-baru} YEAR [--root DIR] [-j N] [--strict].

Excel: python -m lkj excel-isian YEAR [--paksa]; excel-impor YEAR FILE [--paksa]; kertas-kerja YEAR.

Every failure ends with one line on stderr and a non-zero exit: 2 for bad input
(file, row, column, what to do), 1 for a failed build, 3 for an unexpected error,
whose full traceback is kept in a log file named in that line.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import traceback
from pathlib import Path

from .masukan.errors import DataError


def _tahun(teks: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", teks):
        raise DataError("YEAR", f"'{teks}' bukan tahun", "Tulis tahun empat angka, mis. YEAR=2023.")
    return int(teks)


def _jobs(teks: str | None) -> int | None:
    if teks is None:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", teks) or int(teks) < 1:
        raise DataError("JOBS", f"'{teks}' bukan jumlah proses", "Tulis bilangan bulat positif, mis. JOBS=2.")
    return int(teks)


def cmd_data(tahun: int, root: Path | None) -> None:
    """Validate every input and write the computed tables to data/processed/<YEAR>/."""
    from .build import tulis_processed
    from .masukan.model import baca_masukan
    from .masukan.proyek import Proyek

    m = baca_masukan(Proyek.di(root), tahun)
    out = tulis_processed(m)
    for w in m.peringatan:
        print(w, file=sys.stderr)
    print(
        f"{m.proyek.relatif(out)}: capaian, pembanding, renstra" + (", anggaran" if m.data.anggaran is not None else "")
    )


def cmd_reviu(tahun: int, root: Path | None, strict: bool) -> int:
    """Write reports/<YEAR>/reviu-<YEAR>.csv and print a summary; exit 1 under --strict if it matters."""
    from .files import tulis_atomik
    from .masukan.model import baca_masukan
    from .masukan.proyek import Proyek
    from .reviu import periksa
    from .reviu.keluaran import ke_csv, ringkasan

    m = baca_masukan(Proyek.di(root), tahun)
    temuan = periksa(m)
    path = m.proyek.reports(tahun) / f"reviu-{tahun}.csv"
    tulis_atomik(path, ke_csv(temuan))
    sumber = "angka publikasi (publikasi.csv) dan data" if m.publikasi else "data dan narasi (tanpa angka publikasi)"
    print(f"Reviu {tahun} atas {sumber}: {ringkasan(temuan)}\n→ {m.proyek.relatif(path)}")
    berat = [t for t in temuan if t.kategori in ("salah hitung", "tidak konsisten")]
    if strict and berat:
        print(
            f"STRICT: {len(berat)} temuan 'salah hitung' atau 'tidak konsisten': laporan belum layak ditandatangani.",
            file=sys.stderr,
        )
        return 1
    return 0


# --- issue 18: `reviu --dokumen FILE` (the lead wires lkj.baca.reviu_dokumen into the new CLI) ---
def cmd_reviu_dokumen(tahun: int, root: Path | None, dokumen: Path, strict: bool) -> int:
    """Read a received report, write publikasi-terbaca-<YEAR>.csv and reviu-<YEAR>.csv, print a summary."""
    from .baca import reviu_dokumen
    from .masukan.proyek import Proyek
    from .reviu.keluaran import ringkasan

    proyek = Proyek.di(root)
    hasil = reviu_dokumen(proyek, tahun, dokumen)
    angka, temuan = hasil["angka"], hasil["temuan"]
    tak = [a for a in angka if not a.subjek]
    print(
        f"Dokumen {dokumen.name} (sha256 {hasil['sha256']}): {len(angka)} angka terbaca, "
        f"{len(angka) - len(tak)} teratribusi, {len(tak)} tidak teratribusi (tercantum dengan halamannya)\n"
        f"→ {proyek.relatif(hasil['terbaca'])}"
    )
    print(f"Reviu {tahun} atas angka dokumen itu dan data: {ringkasan(temuan)}\n→ {proyek.relatif(hasil['reviu'])}")
    berat = [t for t in temuan if t.kategori in ("salah hitung", "tidak konsisten")]
    if strict and berat:
        print(f"STRICT: {len(berat)} temuan 'salah hitung' atau 'tidak konsisten'.", file=sys.stderr)
        return 1
    return 0


def cmd_tahun_baru(tahun: int, root: Path | None) -> None:
    """Scaffold data/raw/<YEAR>/ and params/<YEAR>.yaml from the previous year and the Renstra."""
    from .masukan.proyek import Proyek
    from .masukan.tahun_baru import buat

    proyek = Proyek.di(root)
    r = buat(proyek, tahun)
    print(f"Tahun {tahun} disiapkan dari data {r.lalu} dan {r.renstra}:")
    for baris in r.dibuat:
        print(f"  dibuat   {baris}")
    for baris in r.dilewati:
        print(f"  dilewati {baris}")
    for baris in r.catatan:
        print(f"  catatan  {baris}")
    placeholder = _placeholder_tahun_baru(proyek, r)
    print("Yang harus diisi berikutnya:")
    for i, baris in enumerate(r.isi + placeholder, start=1):
        print(f"  {i}. {baris}")
    print(
        f"  {len(r.isi) + len(placeholder) + 1}. make data YEAR={tahun} menyebut setiap sel yang masih kosong "
        f"(satu baris per sel); setelah itu make report YEAR={tahun}."
    )


def _placeholder_tahun_baru(proyek, r) -> list[str]:
    """Placeholders of the copied narrative that will no longer resolve in the new year."""
    import re as _re

    from .hitung.pengukuran import hitung, hitung_anggaran
    from .masukan.model import baca_masukan
    from .tampil.narasi import nilai_placeholder, tidak_terisi

    if not r.narasi:
        return []
    try:
        m0 = baca_masukan(proyek, r.lalu)
    except DataError as e:
        return [f"placeholder narasi belum dapat diperiksa (data {r.lalu}: {e})"]
    p0, lalu0 = hitung(m0)
    anggaran = hitung_anggaran(p0)
    sasaran_baru = (
        {int(x) for x in _re.findall(r"^(\d+),", (proyek.tahun(r.tahun) / "pk.csv").read_text(encoding="utf-8"), _re.M)}
        if (proyek.tahun(r.tahun) / "pk.csv").is_file()
        else set()
    )
    out = []
    for path in r.narasi:
        m = _re.fullmatch(r"sasaran-(\d+)", path.stem)
        if m and int(m[1]) not in sasaran_baru:
            out.append(f"{proyek.relatif(path)}: sasaran {int(m[1])} tidak ada di PK {r.tahun}; hapus berkas ini")
            continue
        konteks = nilai_placeholder(p0, lalu0, anggaran, int(m[1]) if m else None)
        for nomor, nama in tidak_terisi(path.read_text(encoding="utf-8"), konteks, r.dibuang):
            out.append(
                f"{proyek.relatif(path)}, baris {nomor}: placeholder '{{{{ {nama} }}}}' tidak lagi terisi; "
                "ganti atau hapus"
            )
    return out


def _log_galat(root: Path | None) -> Path:
    """Where the traceback of an unexpected error is kept: build/ of the project, else the temp folder."""
    folder = Path(root or Path(__file__).resolve().parent.parent) / "build"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "lkj-galat.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        fd, nama = tempfile.mkstemp(prefix="lkj-galat-", suffix=".log")
        path = Path(nama)
        with open(fd, "w", encoding="utf-8") as f:
            f.write(traceback.format_exc())
    return path


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line as one GALAT line (not usage + error)."""

    def error(self, message: str):
        raise DataError(
            "python -m lkj",
            f"perintah tidak sah ({message})",
            "Pakai: python -m lkj {data,report,pratinjau,reviu,tahun-baru,excel-isian,excel-impor,kertas-kerja} TAHUN "
            "[BERKAS] [--root FOLDER] [-j N] [--kernel hangat|segar] [--strict] [--final] [--paksa] "
            "[--dokumen BERKAS].",
        )


def main(argv: list[str] | None = None) -> int:
    ap = _Parser(prog="python -m lkj", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "perintah",
        choices=["data", "report", "pratinjau", "reviu", "tahun-baru", "excel-isian", "excel-impor", "kertas-kerja"],
    )
    ap.add_argument("tahun")
    ap.add_argument("berkas", nargs="?", help="excel-impor: the workbook to import")
    ap.add_argument("--paksa", action="store_true", help="excel-*: overwrite even what changed meanwhile")
    ap.add_argument("--root", type=Path, default=None, help="project folder (data/, params/); default: this repository")
    ap.add_argument(
        "--strict", action="store_true", help="reviu: exit 1 if any 'salah hitung' or 'tidak konsisten' finding exists"
    )
    ap.add_argument(
        "--final",
        action="store_true",
        help="report: the version to sign (refused while narrative or signature data is missing)",
    )
    ap.add_argument("--dokumen", type=Path, default=None, help="reviu: a received report (.pdf, .docx, .txt, .md)")
    ap.add_argument("-j", "--jobs", default=None, help="notebooks run in parallel (default: cores)")
    ap.add_argument(
        "--kernel",
        choices=["hangat", "segar"],
        default="hangat",
        help="report: one warm kernel per worker (default) or a fresh kernel per notebook (same output)",
    )
    try:
        args = ap.parse_args(argv)
    except DataError as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return 2
    from .build import main_report

    try:
        tahun, jobs = _tahun(args.tahun), _jobs(args.jobs)
        if args.perintah == "data":
            cmd_data(tahun, args.root)
        elif args.perintah == "reviu" and args.dokumen is not None:
            return cmd_reviu_dokumen(tahun, args.root, args.dokumen, args.strict)
        elif args.perintah == "reviu":
            return cmd_reviu(tahun, args.root, args.strict)
        elif args.perintah.startswith(("excel-", "kertas-")):
            from .excel import cli

            if args.perintah == "excel-isian":
                cli.cmd_excel_isian(tahun, args.root, args.paksa)
            elif args.perintah == "excel-impor":
                cli.cmd_excel_impor(tahun, args.root, args.berkas, args.paksa)
            else:
                cli.cmd_kertas_kerja(tahun, args.root)
        elif args.perintah == "tahun-baru":
            cmd_tahun_baru(tahun, args.root)
        elif args.perintah == "pratinjau":
            return cmd_pratinjau(tahun, args.root, jobs, args.final, args.kernel)
        else:
            main_report(tahun, args.root, jobs, args.final, args.kernel)
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 (the one place that turns any failure into lines)
        return laporkan(e, args.root)
    return 0


def laporkan(e: Exception, root: Path | None) -> int:
    """Print a failure as one line per problem; the exit code for it."""
    from .build import BelumFinal, BuildError

    if isinstance(e, DataError):
        for baris in str(e).splitlines():  # several problems (DataErrors): one line each
            print(f"GALAT: {baris}", file=sys.stderr)
        return 2
    if isinstance(e, BelumFinal):
        for masalah in e.masalah:
            print(f"BELUM FINAL: {masalah}", file=sys.stderr)
        return 2
    if isinstance(e, BuildError):
        print(f"GALAT: {e}", file=sys.stderr)
        return 1
    log = _log_galat(root)
    print(
        f"GALAT tak terduga: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} (rincian lengkap: {log})",
        file=sys.stderr,
    )
    return 3


def cmd_pratinjau(tahun: int, root: Path | None, jobs: int | None, final: bool, kernel: str) -> int:
    """Rebuild the report whenever an input changes, until Ctrl-C (see lkj/build/pratinjau.py)."""
    import os
    import signal
    import time

    from .build.pratinjau import Pratinjau
    from .masukan.berkas import folder_tahun
    from .masukan.proyek import Proyek

    berhenti = []

    def minta_berhenti(*_) -> None:
        berhenti.append(True)  # seen by the loop even if the exception below is swallowed (in a finalizer)
        raise KeyboardInterrupt

    proyek = Proyek.di(root)
    folder_tahun(proyek, tahun)  # a mistyped year stops here, not in a preview waiting for it
    sebelum = {
        sig: signal.signal(sig, minta_berhenti)  # SIGTERM stops it like Ctrl-C: workers and kernels shut down
        for sig in (signal.SIGTERM, signal.SIGINT)
    }
    print(
        f"Pratinjau {tahun}: {proyek.relatif(proyek.reports(tahun))}/ diperbarui setiap kali data atau narasi "
        "disimpan (Ctrl-C: berhenti).",
        flush=True,
    )
    peringatan: list = []
    sapa = True  # say so when nothing needs building (at the start, and after a failed attempt)
    try:
        with Pratinjau(tahun, proyek.root, jobs, final, kernel) as p:
            while not berhenti:
                perubahan = p.perubahan()
                if perubahan == "kode":
                    print("Kode lkj berubah: pratinjau dimulai ulang.", flush=True)
                    p.tutup()
                    os.execv(sys.executable, sys.orig_argv)
                if perubahan is None:
                    time.sleep(0.1)
                    continue
                mulai, jam = time.perf_counter(), time.strftime("%H:%M:%S")
                try:
                    hasil = p.bangun(log=lambda s: None)
                except Exception as e:  # noqa: BLE001 (reported; the preview waits for the next change)
                    laporkan(e, root)
                    jam = time.strftime("%H:%M:%S")
                    print(f"{jam} laporan tidak diperbarui; menunggu perubahan berikutnya.", flush=True)
                    peringatan, sapa = [], True
                    continue
                if not hasil.dirakit:
                    if sapa:
                        print(f"{jam} laporan sudah mutakhir", flush=True)
                    sapa = False
                    continue
                sapa = False
                if hasil.peringatan != peringatan:  # each warning once, not after every save
                    for w in hasil.peringatan:
                        print(w, file=sys.stderr)
                    peringatan = hasil.peringatan
                rincian = [f"{len(hasil.dijalankan)} notebook dijalankan"] if hasil.dijalankan else []
                rincian += [f"narasi {', '.join(hasil.narasi)}"] if hasil.narasi else []
                rincian.append(f"{time.perf_counter() - mulai:.1f} s".replace(".", ","))
                print(f"{jam} laporan{' final' if final else ''} diperbarui ({'; '.join(rincian)})", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in sebelum.items():
            signal.signal(sig, handler)
    print("Pratinjau dihentikan.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
