"""Issue 22: a failure of the environment (disk full, no permission, a path blocked) is one line naming
the file and what to do, in Indonesian; never 'GALAT tak terduga' and no log written to a full disk."""

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from lkj.__main__ import laporkan, main
from lkj.pipeline import build

from conftest import checksums


def test_a_full_disk_names_the_file_and_what_to_do_and_writes_no_log(proyek, capsys, monkeypatch):
    monkeypatch.chdir(proyek)
    e = OSError(errno.ENOSPC, "No space left on device", str(proyek / "reports/2023/laporan-kinerja-2023.pdf"))
    assert laporkan(e, proyek) == 1
    assert capsys.readouterr().err.strip() == (
        "GALAT: reports/2023/laporan-kinerja-2023.pdf: disk penuh. "
        "Kosongkan ruang disk (mis. hapus folder build/ yang lama), lalu ulangi."
    )
    assert not (proyek / "build/lkj-galat.log").exists()


def test_no_permission_and_an_unknown_errno_are_one_line_too(proyek, capsys):
    assert laporkan(PermissionError(errno.EACCES, "Permission denied", str(proyek / "params/2023.yaml")), proyek) == 1
    assert capsys.readouterr().err.startswith("GALAT: params/2023.yaml: tidak ada izin. Periksa izin")
    assert laporkan(OSError(errno.EIO, "Input/output error"), proyek) == 1
    err = capsys.readouterr().err
    assert err.startswith("GALAT: berkas tak disebut sistem: Input/output error.") and "tak terduga" not in err


def test_a_file_where_the_reports_folder_goes_is_named(proyek, capsys, monkeypatch):
    monkeypatch.chdir(proyek)
    (proyek / "reports").write_text("bukan folder")
    assert main(["reviu", "2023", "--root", str(proyek)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("GALAT: reports") and "tak terduga" not in err[0], err


# --- the outputs of a build are replaced as one set ------------------------------------------------


def test_a_set_of_files_is_replaced_all_or_none(tmp_path, monkeypatch):
    from lkj import files

    lama = {tmp_path / f"{n}.txt": f"lama {n}" for n in "abc"}
    for p, t in lama.items():
        p.write_text(t)
    baru = {**{p: f"baru {p.stem}" for p in lama}, tmp_path / "d.txt": "baru d"}
    asli = files.os.replace

    def gagal_di_c(src, dst):  # the third file cannot be replaced (held open, immutable...)
        if str(dst).endswith("c.txt"):
            raise PermissionError(errno.EPERM, "Operation not permitted", src)
        asli(src, dst)

    monkeypatch.setattr(files.os, "replace", gagal_di_c)
    with pytest.raises(OSError) as e:
        files.ganti_bersama(baru)
    assert e.value.filename == str(tmp_path / "c.txt")  # the target is named, not a temporary file
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {p.name: t for p, t in lama.items()}
    monkeypatch.setattr(files.os, "replace", asli)
    files.ganti_bersama(baru)
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {p.name: t for p, t in baru.items()}


def test_one_output_that_cannot_be_written_keeps_the_whole_last_report(laporan, capsys, monkeypatch):
    from lkj import files
    from lkj.__main__ import main

    root, _ = laporan
    path = root / "data/raw/2023/narasi/penutup.md"
    asli = path.read_text(encoding="utf-8")
    lama = checksums(root / "reports/2023")
    ganti = files.os.replace

    def reviu_terkunci(src, dst):
        if str(dst).endswith("reviu-2023.csv"):
            raise PermissionError(errno.EACCES, "Permission denied", dst)
        ganti(src, dst)

    monkeypatch.setattr(files.os, "replace", reviu_terkunci)
    try:
        path.write_text(asli + "\nSatu kalimat penutup yang baru.\n", encoding="utf-8")
        assert main(["report", "2023", "--root", str(root)]) == 1
        baris = capsys.readouterr().err.strip().splitlines()[-1]
        assert baris.startswith("GALAT: reports/2023/reviu-2023.csv: tidak ada izin.") and "tetap utuh" in baris
        assert checksums(root / "reports/2023") == lama  # the HTML and PDF are the old ones too
    finally:
        monkeypatch.setattr(files.os, "replace", ganti)
        path.write_text(asli, encoding="utf-8")


def test_reports_on_another_disk_are_written(laporan, tmp_path):
    root, _ = laporan
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("tidak ada disk lain (/dev/shm) untuk folder reports/")
    salinan = tmp_path / "proyek"
    shutil.copytree(root, salinan, ignore=shutil.ignore_patterns("reports"), symlinks=True)
    lain = Path(tempfile.mkdtemp(dir=shm))
    try:
        (salinan / "reports").symlink_to(lain, target_is_directory=True)
        assert build(2023, salinan, log=lambda s: None).dirakit
        assert checksums(lain / "2023") == checksums(root / "reports/2023")
        assert not [p for p in (lain / "2023").iterdir() if p.name.startswith(".")]  # no temporary file left
    finally:
        shutil.rmtree(lain)


def test_processed_tables_changed_by_make_data_alone_are_rebuilt(laporan):
    """Edit a raw file, `make data`, restore it: the next report must not call itself up to date while
    data/processed holds the edited values."""
    root, _ = laporan
    capaian = root / "data/processed/2023/capaian.csv"
    asli = capaian.read_text(encoding="utf-8")
    build(2023, root, log=lambda s: None)
    assert not build(2023, root, log=lambda s: None).dirakit  # up to date to begin with
    capaian.write_text(asli.replace("\n", "\n#", 1), encoding="utf-8")  # what the edited data wrote
    hasil = build(2023, root, log=lambda s: None)
    assert hasil.dirakit and hasil.dijalankan == []  # assembled again; no notebook needed
    assert capaian.read_text(encoding="utf-8") == asli


def test_build_as_a_file_is_one_line_naming_it_never_not_a_directory_error(proyek, capsys, monkeypatch):
    """Issue 22: `build` as a file gave 'NotADirectoryError'."""
    monkeypatch.chdir(proyek)
    (proyek / "build").write_text("bukan folder")
    assert main(["report", "2023", "--root", str(proyek)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "GALAT: build/2023: sebagian jalurnya adalah berkas, bukan folder. Pindahkan atau ganti nama berkas yang "
        "menghalangi jalur itu, lalu ulangi."
    ]
    assert (proyek / "build").read_text() == "bukan folder"
