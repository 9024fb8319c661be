"""The command line `lkj` (also `python -m lkj`): one subcommand per task, each with only its own options.

    lkj report 2023 [--final] [-j N] [--kernel hangat|segar] [--root FOLDER]
    lkj pratinjau 2023 | data | reviu [--strict] [--dokumen BERKAS] | tahun-baru | kertas-kerja
    lkj excel isian 2023 [--paksa] | lkj excel impor 2023 [BERKAS] [--paksa]
    lkj contoh-pemda 2023 -n 5 --root RUANG | lkj semua 2023 --root RUANG [-j N] [--final]

Every value is checked here, once (a year, a number of jobs, a switch), by the parser; `make` hands its
variables over unexpanded (`lkj --dari-make TARGET`, see the Makefile) and they meet the same checks.
Every failure ends with one line on stderr and a non-zero exit: 2 for a bad command line or bad input
(file, row, column, what to do), 1 for a failed build, 3 for an unexpected error, whose full traceback
is kept in a log file named in that line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path

from .masukan.errors import DataError


def _tahun(teks: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", teks):
        raise argparse.ArgumentTypeError(f"'{teks}' bukan tahun: tulis empat angka, mis. 2023")
    return int(teks)


def _jobs(teks: str) -> int:
    if not re.fullmatch(r"[0-9]{1,2}", teks) or int(teks) < 1:
        raise argparse.ArgumentTypeError(f"'{teks}' tidak sah: tulis jumlah proses 1 sampai 99, mis. 2")
    return int(teks)


def _jumlah_opd(teks: str) -> int:
    if not re.fullmatch(r"[0-9]{1,3}", teks) or int(teks) < 1:
        raise argparse.ArgumentTypeError(f"'{teks}' tidak sah: tulis jumlah OPD 1 sampai 999, mis. 5")
    return int(teks)


def cmd_data(tahun: int, root: Path | None) -> None:
    """Validate every input and write the computed tables to data/processed/<YEAR>/."""
    from .masukan.model import baca_masukan
    from .masukan.proyek import Proyek
    from .pipeline import tulis_processed

    m = baca_masukan(Proyek.di(root), tahun)
    out = tulis_processed(m)
    for w in m.peringatan:
        print(w, file=sys.stderr)
    print(
        f"{m.proyek.relatif(out)}: capaian, pembanding, renstra" + (", anggaran" if m.data.anggaran is not None else "")
    )


def cmd_reviu(tahun: int, root: Path | None, strict: bool, dokumen: Path | None = None) -> int:
    """Write reports/<YEAR>/reviu-<YEAR>.csv and print a summary; exit 1 under --strict if it matters.
    `dokumen`: a received report (PDF, DOCX, text) whose figures are read instead of publikasi.csv;
    what was read goes to reports/<YEAR>/publikasi-terbaca-<YEAR>.csv."""
    from .masukan.proyek import Proyek
    from .reviu.keluaran import ringkasan

    proyek = Proyek.di(root)
    if dokumen is not None:
        from .baca import reviu_dokumen

        hasil = reviu_dokumen(proyek, tahun, dokumen)
        angka, temuan, path = hasil["angka"], hasil["temuan"], hasil["reviu"]
        tak = sum(1 for a in angka if not a.subjek)
        print(
            f"Dokumen {dokumen.name} (sha256 {hasil['sha256']}): {len(angka)} angka terbaca, "
            f"{len(angka) - tak} teratribusi, {tak} tidak teratribusi (tercantum dengan halamannya)\n"
            f"→ {proyek.relatif(hasil['terbaca'])}"
        )
        sumber = f"angka dokumen {dokumen.name} dan data"
    else:
        from .files import tulis_atomik
        from .masukan.model import baca_masukan
        from .reviu import periksa
        from .reviu.keluaran import ke_csv, sumber_angka

        m = baca_masukan(proyek, tahun)
        temuan = periksa(m)
        path = proyek.reports(tahun) / f"reviu-{tahun}.csv"
        tulis_atomik(path, ke_csv(temuan))
        sumber = (
            "angka publikasi (publikasi.csv) dan data" if m.publikasi else "data dan narasi (tanpa angka publikasi)"
        )
        if m.publikasi:
            print(sumber_angka(m.publikasi))
    print(f"Reviu {tahun} atas {sumber}: {ringkasan(temuan)}\n→ {proyek.relatif(path)}")
    berat = [t for t in temuan if t.kategori in ("salah hitung", "tidak konsisten")]
    if strict and berat:
        print(
            f"STRICT: {len(berat)} temuan 'salah hitung' atau 'tidak konsisten': laporan belum layak ditandatangani.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_tahun_baru(tahun: int, root: Path | None) -> None:
    """Scaffold data/raw/<YEAR>/ and params/<YEAR>.yaml from the previous year and the Renstra."""
    from .masukan.proyek import Proyek
    from .masukan.tahun_baru import buat

    proyek = Proyek.di(root)
    r = buat(proyek, tahun)
    if r.sudah_ada:
        _tahun_sudah_ada(proyek, tahun, r.sudah_ada)
        return
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


def _tahun_sudah_ada(proyek, tahun: int, berkas: int) -> None:
    """tahun-baru on a year that has its PK and params: say so, and what to do instead (nothing is written)."""
    from .masukan.model import baca_masukan

    data, params = proyek.relatif(proyek.tahun(tahun)), proyek.relatif(proyek.params(tahun))
    print(
        f"Tahun {tahun} sudah ada ({data}/, {berkas} berkas, dan {params}): tidak ada berkas yang dibuat atau ditimpa."
    )
    try:
        baca_masukan(proyek, tahun)
        langkah = [f"datanya terbaca tanpa galat: make report YEAR={tahun} menyusun laporannya."]
    except DataError:
        langkah = [
            f"datanya belum lengkap atau ada yang salah: make data YEAR={tahun} menyebut setiap sel yang masih "
            f"kosong atau salah (satu baris per sel); setelah itu make report YEAR={tahun}."
        ]
    if not proyek.params(tahun + 1).exists():
        langkah.append(f"menyiapkan tahun berikutnya: make tahun-baru YEAR={tahun + 1}.")
    langkah.append(
        f"menyiapkan tahun {tahun} dari awal: pindahkan dulu {data}/ dan {params} ke luar folder proyek, lalu "
        f"ulangi make tahun-baru YEAR={tahun}."
    )
    print("Yang dapat dilakukan:")
    for i, baris in enumerate(langkah, start=1):
        print(f"  {i}. {baris}")


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
    out = []
    for path in r.narasi:
        m = _re.fullmatch(r"sasaran-(\d+)", path.stem)
        if m and int(m[1]) not in r.sasaran:  # the new PK's sasaran, as the scaffold wrote them
            out.append(f"{proyek.relatif(path)}: sasaran {int(m[1])} tidak ada di PK {r.tahun}; hapus berkas ini")
            continue
        konteks = nilai_placeholder(p0, lalu0, anggaran, int(m[1]) if m else None)
        for nomor, nama in tidak_terisi(proyek.baca_teks(path), konteks, r.dibuang):
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


# argparse's own words in Indonesian, like every other message (argparse looks them up through `_`).
_ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini, lalu keluar",
    "unrecognized arguments: %s": "opsi tidak dikenal: %s",
    "the following arguments are required: %s": "belum ditulis: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r tidak sah (pilih %(choices)s)",
    "expected one argument": "perlu satu nilai",
    "ignored explicit argument %r": "nilai %r tidak dipakai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
}
argparse._ = lambda teks: _ARGPARSE_ID.get(teks, teks)  # type: ignore[attr-defined]


class PerintahSalah(Exception):  # noqa: N818 (a refusal the user acts on, not a fault)
    """A command line that cannot run: said in one line."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line as one GALAT line (not usage + error), and takes no
    abbreviated option (`--fin` is not `--final`)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.update(allow_abbrev=False, formatter_class=argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        raise PerintahSalah(f"{self.prog}: {message}. Lihat: {self.prog} --help")

    def parse_known_args(self, args=None, namespace=None):
        ns, sisa = super().parse_known_args(args, namespace)
        if sisa and self._subparsers is None:  # a subcommand names its own unknown option
            self.error(argparse._("unrecognized arguments: %s") % " ".join(sisa))  # type: ignore[attr-defined]
        return ns, sisa


class _Perintah:
    """One subcommand: its parser, and the make variable behind each argument (`make TARGET VAR=...`)."""

    def __init__(self, sub, nama: str, bantuan: str, jalankan) -> None:
        self.parser: _Parser = sub.add_parser(nama, help=bantuan, description=bantuan)
        self.parser.set_defaults(jalankan=jalankan)
        self.make: list[tuple[str, argparse.Action]] = []
        self.arg("tahun", make="YEAR", metavar="TAHUN", type=_tahun, help="tahun laporan, mis. 2023")

    def arg(self, *flags: str, make: str, **kwargs) -> _Perintah:
        self.make.append((make, self.parser.add_argument(*flags, **kwargs)))
        return self

    def root(self) -> _Perintah:
        return self.arg(
            "--root",
            make="ROOT",
            metavar="FOLDER",
            type=Path,
            help="folder proyek lain (berisi data/ dan params/), mis. examples/dinas-contoh; bawaan: repositori ini",
        )

    def build(self) -> _Perintah:
        """The options of a report build (report, pratinjau)."""
        self.arg("--final", make="FINAL", action="store_true", help="laporan final untuk ditandatangani")
        self.arg("-j", "--jobs", make="JOBS", type=_jobs, metavar="N", help="notebook berjalan paralel (bawaan: inti)")
        return self.arg(
            "--kernel",
            make="KERNEL",
            choices=["hangat", "segar"],
            default="hangat",
            metavar="hangat|segar",
            help="hangat: satu kernel per pekerja (bawaan); segar: kernel baru tiap notebook (hasil sama)",
        ).root()

    def paksa(self) -> _Perintah:
        return self.arg("--paksa", make="PAKSA", action="store_true", help="timpa walau sudah berubah")


def parser() -> tuple[_Parser, dict[str, _Perintah]]:
    """The command line, and each subcommand by name ("report", "excel isian")."""
    ap = _Parser(
        prog="lkj",
        description="Laporan Kinerja (LKj) sebagai build yang dapat diulang. Bantuan: lkj PERINTAH --help.",
    )
    sub = ap.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah", required=True)
    p: dict[str, _Perintah] = {}
    p["data"] = _Perintah(sub, "data", "Periksa semua masukan, tulis data/processed/TAHUN/*.csv", _data).root()
    p["report"] = _Perintah(
        sub, "report", "Susun reports/TAHUN/: HTML, HTML audit, PDF A4, reviu, kertas kerja (draf)", _report
    ).build()
    p["pratinjau"] = _Perintah(
        sub, "pratinjau", "Selama menulis: susun ulang reports/TAHUN/ setiap kali berkas disimpan (Ctrl-C)", _pratinjau
    ).build()
    p["reviu"] = (
        _Perintah(sub, "reviu", "Reviu Inspektorat: reports/TAHUN/reviu-TAHUN.csv dan ringkasannya", _reviu)
        .arg(
            "--strict",
            make="STRICT",
            action="store_true",
            help="keluar 1 bila ada temuan 'salah hitung' atau 'tidak konsisten'",
        )
        .arg("--dokumen", make="DOKUMEN", type=Path, metavar="BERKAS", help="reviu atas laporan terbit (PDF/DOCX)")
        .root()
    )
    p["tahun-baru"] = _Perintah(
        sub, "tahun-baru", "Siapkan data/raw/TAHUN dan params/TAHUN.yaml dari tahun lalu dan Renstra", _tahun_baru
    ).root()
    p["kertas-kerja"] = _Perintah(
        sub,
        "kertas-kerja",
        "Kertas kerja auditor dengan rumus hidup: reports/TAHUN/kertas-kerja-TAHUN.xlsx",
        _kertas_kerja,
    ).root()
    p["semua"] = _Perintah(
        sub,
        "semua",
        "Ruang kerja Pemda (pemda.yml): bangun setiap OPD, lalu Pemda, lalu rekap Inspektorat reports/rekap-TAHUN",
        _semua,
    ).build()
    p["contoh-pemda"] = (
        _Perintah(sub, "contoh-pemda", "Tulis ruang kerja contoh (DATA SINTETIS): N OPD dan Pemda", _contoh_pemda)
        .arg("-n", make="N", type=_jumlah_opd, metavar="N", default=5, help="jumlah OPD (bawaan: 5)")
        .arg("--root", make="ROOT", type=Path, required=True, metavar="FOLDER", help="folder baru ruang kerja")
    )
    excel = sub.add_parser(
        "excel", help="Buku kerja Excel untuk mengisi data", description="Buku kerja Excel untuk mengisi data"
    )
    sub_excel = excel.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah_excel", required=True)
    p["excel isian"] = (
        _Perintah(sub_excel, "isian", "Buku kerja isian-TAHUN.xlsx dari data/raw", _excel_isian).paksa().root()
    )
    p["excel impor"] = (
        _Perintah(sub_excel, "impor", "Impor buku kerja yang sudah diisi ke data/raw", _excel_impor)
        .arg("berkas", make="FILE", nargs="?", metavar="BERKAS", help="buku kerja (bawaan: isian-TAHUN.xlsx)")
        .paksa()
        .root()
    )
    return ap, p


def _data(a: argparse.Namespace) -> None:
    cmd_data(a.tahun, a.root)


def _report(a: argparse.Namespace) -> None:
    from .pipeline import main_report

    main_report(a.tahun, a.root, a.jobs, a.final, a.kernel)


def _semua(a: argparse.Namespace) -> int:
    from .pemda.semua import main_semua

    return main_semua(a.tahun, a.root, a.jobs, a.final, a.kernel)


def _contoh_pemda(a: argparse.Namespace) -> None:
    from .pemda.contoh import buat_ruang

    folder = buat_ruang(a.root, a.n, a.tahun)
    print(f"{a.root}/pemda.yml: {len(folder) - 1} OPD dan Pemda (DATA SINTETIS); lalu: make semua ROOT={a.root}")


def _pratinjau(a: argparse.Namespace) -> int:
    return cmd_pratinjau(a.tahun, a.root, a.jobs, a.final, a.kernel)


def _reviu(a: argparse.Namespace) -> int:
    return cmd_reviu(a.tahun, a.root, a.strict, a.dokumen)


def _tahun_baru(a: argparse.Namespace) -> None:
    cmd_tahun_baru(a.tahun, a.root)


def _kertas_kerja(a: argparse.Namespace) -> None:
    from .excel.cli import cmd_kertas_kerja

    cmd_kertas_kerja(a.tahun, a.root)


def _excel_isian(a: argparse.Namespace) -> None:
    from .excel.cli import cmd_excel_isian

    cmd_excel_isian(a.tahun, a.root, a.paksa)


def _excel_impor(a: argparse.Namespace) -> None:
    from .excel.cli import cmd_excel_impor

    cmd_excel_impor(a.tahun, a.root, a.berkas or f"isian-{a.tahun}.xlsx", a.paksa)


def argv_dari_make(target: list[str], env: Mapping[str, str]) -> list[str]:
    """The command line `make TARGET` stands for. The Makefile hands each variable over as typed
    (LKJ_<NAME> in the environment: neither make nor a shell expands it); each one the subcommand takes
    becomes its argument after the same check, and a bad value is named by its make variable."""
    perintah = parser()[1][" ".join(target)]
    opsi: list[str] = []
    posisi: list[str] = []
    for nama, aksi in perintah.make:
        nilai = env.get(f"LKJ_{nama}", "").strip()
        if not nilai:
            continue
        if aksi.nargs == 0:  # a switch
            if nilai not in ("0", "1"):
                raise PerintahSalah(f"{nama} '{nilai}' tidak sah: tulis {nama}=1 ({aksi.help}) atau {nama}=0")
            opsi += aksi.option_strings[-1:] if nilai == "1" else []
            continue
        try:
            if callable(aksi.type):
                aksi.type(nilai)
        except argparse.ArgumentTypeError as e:
            raise PerintahSalah(f"{nama} {e}") from None
        if aksi.choices and nilai not in aksi.choices:
            raise PerintahSalah(
                f"{nama} '{nilai}' tidak sah: tulis {' atau '.join(f'{nama}={c}' for c in aksi.choices)}"
            )
        if aksi.option_strings:
            opsi.append(f"{aksi.option_strings[-1]}={nilai}")
        else:
            posisi.append(nilai)
    return [*target, *opsi, "--", *posisi]  # after "--", a value starting with "-" is not an option


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["--dari-make"]:
            argv = argv_dari_make(argv[1:], os.environ)
        args = parser()[0].parse_args(argv)
    except PerintahSalah as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return 2
    try:
        return args.jalankan(args) or 0
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 (the one place that turns any failure into lines)
        return laporkan(e, args.root)


def keluar() -> None:
    """The console script: `main`, then exit without the interpreter's teardown, which spent half a second
    freeing a build's objects. Every output is written and closed by then, and the build's workers stopped."""
    kode = main()
    for aliran in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            aliran.flush()
    os._exit(kode)


def laporkan(e: Exception, root: Path | None) -> int:
    """Print a failure as one line per problem; the exit code for it."""
    from .pipeline import BelumFinal, BuildError

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
    if isinstance(e, OSError):  # the environment (disk, permissions, paths): no log, it may be the full disk
        from .files import pesan_lingkungan
        from .masukan.proyek import Proyek

        try:
            relatif: Callable[[Path], str] = Proyek.di(root).relatif
        except DataError:
            relatif = Path.as_posix
        print(f"GALAT: {pesan_lingkungan(e, relatif)}", file=sys.stderr)
        return 1
    log = _log_galat(root)
    print(
        f"GALAT tak terduga: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} (rincian lengkap: {log})",
        file=sys.stderr,
    )
    return 3


def cmd_pratinjau(tahun: int, root: Path | None, jobs: int | None, final: bool, kernel: str) -> int:
    """Rebuild the report whenever an input changes, until Ctrl-C (see lkj/pipeline/pratinjau.py)."""
    import os
    import signal
    import time

    from .masukan.berkas import folder_tahun
    from .masukan.proyek import Proyek
    from .pipeline.pratinjau import Pratinjau

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
                perubahan = p.perubahan(batas=1.0)  # a wait a signal can interrupt
                if perubahan == "kode":
                    print("Kode lkj berubah: pratinjau dimulai ulang.", flush=True)
                    p.tutup()
                    os.execv(sys.executable, sys.orig_argv)
                if perubahan is None:
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
    keluar()
