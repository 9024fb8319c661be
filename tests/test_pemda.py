"""A whole Pemda (issue 20): a synthetic workspace of 3 OPDs and the Pemda, built by `lkj semua` once.

The workspace is built once for the module (a few minutes on 2 cores); the tests then read its outputs,
and one breaks an OPD to check that the others still build and the failure is one line.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkj.masukan.errors import DataError
from lkj.pipeline import masalah_final

from conftest import masukan

TAHUN = 2023


@pytest.fixture(scope="module")
def ruang(tmp_path_factory):
    from lkj.pemda.contoh import buat_ruang
    from lkj.pemda.semua import semua

    root = tmp_path_factory.mktemp("pemda")
    buat_ruang(root, 3, TAHUN)
    return root, semua(TAHUN, root, jobs=2, log=lambda s: None)


def test_contoh_is_synthetic_and_its_opds_differ(ruang):
    import yaml

    root, _ = ruang
    isi = yaml.safe_load((root / "pemda.yml").read_text(encoding="utf-8"))
    assert isi["sintetis"] is True and len(isi["opd"]) == 3
    assert "DATA SINTETIS" in (root / isi["opd"][0] / "README.md").read_text(encoding="utf-8")
    definisi = [
        list(csv.DictReader(next((root / o / "data" / "raw").glob("renstra-*/indikator.csv")).open(encoding="utf-8")))
        for o in isi["opd"]
    ]
    assert len({tuple(r["indikator"] for r in d) for d in definisi}) == 3  # different sectors
    assert {r["jenis_rumus"] for d in definisi for r in d} >= {"rasio", "jumlah", "langsung"}
    assert {r["polaritas"] for d in definisi for r in d} == {"positif", "negatif"}
    with pytest.raises(DataError, match="sudah ada"):  # never overwrites a workspace
        from lkj.pemda.contoh import buat_ruang

        buat_ruang(root, 3, TAHUN)


def test_every_project_is_built_where_make_report_puts_it(ruang):
    root, hasil = ruang
    assert not hasil.gagal and [p.dibangun for p in hasil.proyek] == [True] * 4
    for p in hasil.proyek:
        laporan = root / p.nama / "reports" / str(TAHUN)
        assert (laporan / f"laporan-kinerja-{TAHUN}.pdf").stat().st_size > 10_000
        assert (laporan / f"reviu-{TAHUN}.csv").is_file()


def test_each_opd_of_the_workspace_is_the_bytes_of_its_own_build_alone(ruang, tmp_path):
    """In `semua` a builder keeps one worker whose warm kernel moves from OPD to OPD (3 OPDs on 2 builders:
    one moves): every OPD's outputs are those of a build of that OPD alone, in another folder."""
    import shutil

    import yaml

    from lkj.pipeline import build

    root, _ = ruang
    for nama in yaml.safe_load((root / "pemda.yml").read_text(encoding="utf-8"))["opd"]:
        sendiri = tmp_path / nama
        shutil.copytree(root / nama, sendiri, ignore=shutil.ignore_patterns("build", "reports", "processed"))
        build(TAHUN, sendiri, 1, log=lambda s: None)
        keluaran = sorted(p.relative_to(root / nama) for p in (root / nama / "reports").rglob("*") if p.is_file())
        assert keluaran and keluaran == sorted(
            p.relative_to(sendiri) for p in (sendiri / "reports").rglob("*") if p.is_file()
        )
        for rel in keluaran:
            assert (root / nama / rel).read_bytes() == (sendiri / rel).read_bytes(), f"{nama}/{rel}"


def test_each_generated_projects_pdf_reads_back_with_no_error(ruang):
    """Issue 18 on generated projects (other sectors, units, polarities, formulas): the reviu reads each
    OPD's and the Pemda's own PDF back, every indicator's figures, and finds nothing wrong."""
    from test_baca import periksa_pdf_sendiri

    root, hasil = ruang
    for p in hasil.proyek:
        periksa_pdf_sendiri(root / p.nama, TAHUN)


def _capaian(folder: Path) -> dict[str, dict]:
    path = folder / "data" / "processed" / str(TAHUN) / "capaian.csv"
    return {r["indikator_id"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}


def test_pemda_iku_takes_the_opds_computed_realisasi_and_names_the_opd(ruang):
    import yaml

    root, _ = ruang
    sumber = _sumber(root)
    assert len(sumber) == 2
    pemda = _capaian(root / "pemda")
    laporan = (root / "pemda" / "reports" / str(TAHUN) / f"laporan-kinerja-{TAHUN}.html").read_text(encoding="utf-8")
    jejak = (root / "pemda" / "reports" / str(TAHUN) / f"jejak-audit-{TAHUN}.html").read_text(encoding="utf-8")
    for iku, asal in sumber.items():
        opd, iid = asal.split("/")
        assert pemda[iku]["realisasi"] == _capaian(root / opd)[iid]["realisasi"] != ""
        instansi = yaml.safe_load((root / opd / "params" / f"{TAHUN}.yaml").read_text(encoding="utf-8"))["instansi"]
        assert f"Realisasi {instansi} (indikator {iid})" in laporan  # the responsible OPD, in the report
        assert f"../{opd}/data/processed/{TAHUN}/capaian.csv" in jejak  # the audit trail leads into the OPD
    assert "../opd-" not in laporan  # no path in the report an official signs


def test_rekap_rows_follow_each_opds_own_numbers(ruang):
    from lkj.hitung.pengukuran import hitung
    from lkj.masukan.model import baca_masukan
    from lkj.masukan.proyek import Proyek
    from lkj.pipeline import masalah_final

    root, hasil = ruang
    assert [p.name for p in hasil.rekap] == [f"rekap-{TAHUN}.{a}" for a in ("html", "xlsx", "csv")]
    rows = list(csv.DictReader((root / "reports" / f"rekap-{TAHUN}.csv").open(encoding="utf-8")))
    assert [r["proyek"] for r in rows] == [p.nama for p in hasil.proyek[:3]]  # one row per OPD, not the Pemda
    for r in rows:
        m = baca_masukan(Proyek.di(root / r["proyek"]), TAHUN)  # read again from the raw data
        p, _ = hitung(m)
        capaian = [h.capaian.nilai for h in p.indikator]
        batas = m.aturan.batas_capaian
        dirata = [min(c, batas) if batas else c for c in capaian]
        assert float(r["rata_rata_capaian"]) == pytest.approx(sum(dirata) / len(dirata))
        assert r["predikat"] == m.aturan.skala.predikat(p.rata_rata.nilai)
        assert int(r["di_bawah_target"]) == sum(c < 100 for c in capaian)
        pagu, real = m.data.anggaran.pagu.sum(), m.data.anggaran.realisasi.sum()
        assert float(r["serapan"]) == pytest.approx(real / pagu * 100)
        reviu = list(csv.DictReader((root / r["laporan"]).parent.joinpath(f"reviu-{TAHUN}.csv").open(encoding="utf-8")))
        assert int(r["temuan_metodologi"]) == sum(t["kategori"] == "metodologi" for t in reviu)
        assert r["final_siap"] == "0" and "bagan organisasi belum diisi" in r["final_kurang"]
        assert len(r["final_kurang"].split(" | ")) == len(masalah_final(m))
    html = (root / "reports" / f"rekap-{TAHUN}.html").read_text(encoding="utf-8")
    assert "<svg" in html and "DATA SINTETIS" in html and 'href="opd-01-' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", html)  # nothing remote


def test_pemda_reviu_finds_an_opd_report_printing_another_value_for_its_iku(ruang):
    """The reviu of the Pemda checks the OPDs' published figures of the indicators its IKU take: the OPD's
    report (its publikasi.csv) printing another realisasi than its data gives is one finding (R10)."""
    from lkj.reviu import periksa
    from lkj.reviu.lembar import perlakuan

    root, _ = ruang
    iku, asal = next(iter(_sumber(root).items()))
    opd, iid = asal.split("/")
    benar = float(_capaian(root / opd)[iid]["realisasi"])
    publikasi = root / opd / "data" / "raw" / str(TAHUN) / "publikasi.csv"
    kepala = "lokasi,tabel,baris,kolom,tahun,subjek,besaran,tertulis\n"
    try:
        for tercetak, n_temuan in ((benar, 0), (benar + 7, 1)):
            tulis = f"{tercetak:.2f}".replace(".", ",")
            publikasi.write_text(
                kepala + f'Bab III,Tabel 3.1 Pengukuran,{iid},Realisasi,{TAHUN},{iid},realisasi,"{tulis}"\n',
                encoding="utf-8",
            )
            r10 = [t for t in periksa(masukan(TAHUN, root / "pemda")) if t.aturan == "R10"]
            assert len(r10) == n_temuan
        (t,) = r10
        assert t.indikator_id == iku and t.kategori == "tidak konsisten" and t.nilai_hitung == benar
        assert t.nilai_dilaporkan == pytest.approx(benar + 7) and opd in t.lokasi[0] and iid in t.uraian
        assert "OPD mengoreksi laporannya" in perlakuan(t)[2]
    finally:
        publikasi.unlink(missing_ok=True)


def test_unchanged_workspace_is_a_no_op_and_a_failed_opd_does_not_stop_the_others(ruang):
    """Last of the tests on the built workspace: it changes two OPDs."""
    root, hasil = ruang
    salinan = root
    lama = {x["proyek"]: x for x in csv.DictReader((root / "reports" / f"rekap-{TAHUN}.csv").open(encoding="utf-8"))}
    mulai = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "lkj", "semua", str(TAHUN), "--root", salinan], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert "0 dibangun, 4 sudah mutakhir" in r.stdout and time.perf_counter() - mulai < 15
    rekap = (salinan / "reports" / f"rekap-{TAHUN}.csv").stat().st_mtime_ns
    pertama, kedua = hasil.proyek[0].nama, hasil.proyek[1].nama
    pk = salinan / pertama / "data" / "raw" / str(TAHUN) / "pk.csv"
    pk.write_text(pk.read_text(encoding="utf-8").replace(",IK01,", ",IK99,", 1), encoding="utf-8")
    angka = salinan / kedua / "data" / "raw" / str(TAHUN) / "anggaran.csv"
    baris = angka.read_text(encoding="utf-8").splitlines()
    kolom = baris[1].split(",")
    kolom[-1] = str(int(kolom[-1]) - 1_000_000)  # one program spent a million less
    angka.write_text("\n".join([baris[0], ",".join(kolom), *baris[2:]]) + "\n", encoding="utf-8")
    iku = next(k for k, v in _sumber(root).items() if v.startswith(f"{kedua}/"))
    iid = _sumber(root)[iku].split("/")[1]
    realisasi_lama = _capaian(root / kedua)[iid]["realisasi"]
    _ubah_realisasi(root / kedua / "data" / "raw" / str(TAHUN), iid)  # the OPD's figure the Pemda takes
    r = subprocess.run(
        [sys.executable, "-m", "lkj", "semua", str(TAHUN), "--root", salinan], capture_output=True, text=True
    )
    assert r.returncode == 1
    gagal = [b for b in r.stderr.splitlines() if b.startswith("GAGAL:")]
    assert len(gagal) == 1 and gagal[0].startswith(f"GAGAL: {pertama}: ") and "pk.csv" in gagal[0]
    assert "Traceback" not in r.stderr
    assert "2 dibangun, 1 sudah mutakhir, 1 gagal" in r.stdout  # the changed OPD and the Pemda; not the third
    usang = [b for b in r.stderr.splitlines() if b.startswith("pemda: PERINGATAN:")]
    dari_pertama = [k for k, v in _sumber(root).items() if v.startswith(f"{pertama}/")]
    assert dari_pertama and len(usang) == len(dari_pertama)  # its figures are the failed OPD's last good ones
    assert all(f"IKU {k}" in b and "lebih lama dari datanya" in b for k, b in zip(sorted(dari_pertama), usang))
    assert any(
        "lebih lama dari datanya" in x for x in masalah_final(masukan(TAHUN, root / "pemda"))
    )  # FINAL=1 refuses while it lasts
    baru = _capaian(root / kedua)[iid]["realisasi"]
    assert baru != realisasi_lama and _capaian(root / "pemda")[iku]["realisasi"] == baru
    rows = {x["proyek"]: x for x in csv.DictReader((salinan / "reports" / f"rekap-{TAHUN}.csv").open(encoding="utf-8"))}
    assert (salinan / "reports" / f"rekap-{TAHUN}.csv").stat().st_mtime_ns != rekap
    assert "pk.csv" in rows[pertama]["galat"] and rows[pertama]["rata_rata_capaian"] == ""
    assert float(rows[kedua]["serapan"]) < float(lama[kedua]["serapan"])


def _sumber(root: Path) -> dict[str, str]:
    import yaml

    return yaml.safe_load((root / "pemda" / "params" / f"{TAHUN}.yaml").read_text(encoding="utf-8"))["sumber"]


def _ubah_realisasi(folder: Path, iid: str) -> None:
    """The first realisasi of the indicator (komponen or realisasi langsung) plus one."""
    for nama in ("komponen.csv", "realisasi_langsung.csv"):
        path = folder / nama
        if not path.is_file():
            continue
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        for r in rows:
            if r["indikator_id"] == iid and r["realisasi"]:
                r["realisasi"] = str(float(r["realisasi"]) + 1)
                with path.open("w", encoding="utf-8", newline="") as f:
                    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
                    w.writeheader()
                    w.writerows(rows)
                return
    raise AssertionError(f"no realisasi of {iid}")


def test_bad_workspace_file_is_one_line(tmp_path: Path):
    (tmp_path / "pemda.yml").write_text("opd: [tidak-ada]\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "lkj", "semua", "2023", "--root", tmp_path], capture_output=True, text=True
    )
    assert r.returncode == 2
    galat = "folder proyek 'tidak-ada' tidak ditemukan. Periksa namanya atau buat foldernya."
    assert r.stderr.strip().splitlines() == [f"GALAT: {tmp_path / 'pemda.yml'}: {galat}"]
