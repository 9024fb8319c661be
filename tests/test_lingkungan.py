"""Issue 22: a failure of the environment (disk full, no permission, a path blocked) is one line naming
the file and what to do, in Indonesian; never 'GALAT tak terduga' and no log written to a full disk."""

import errno

from lkj.__main__ import laporkan, main


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
