"""`python -m lkj tahun-baru YEAR`: a new year scaffolded from the previous one and the Renstra,
and `lkj data` on the scaffold naming every cell still to fill, one line each."""

import contextlib
import csv
import io
import re

import pytest
from test_data_2023 import EXPECTED

from lkj.__main__ import main
from lkj.masukan.errors import DataError, DataErrors
from lkj.tampil.narasi import tidak_terisi


@pytest.fixture(autouse=True)
def di_proyek(request, monkeypatch):
    """Run from inside the scratch project, as `make` does: paths in messages are relative."""
    if "proyek" in request.fixturenames:
        monkeypatch.chdir(request.getfixturevalue("proyek"))


def jalankan(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        kode = main(list(argv))
    return kode, out.getvalue(), err.getvalue()


def baris(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_scaffold_takes_targets_from_the_renstra_and_empties_realisasi(proyek):
    kode, out, err = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0, err
    baru = proyek / "data/raw/2024"
    pk = baris(baru / "pk.csv")
    assert [r["indikator_id"] for r in pk] == [f"IK{i:02d}" for i in range(1, 11)]
    # Renstra tahun ke-4 (2024): IK03 45, IK09 4.2; wording of the 2023 PK kept
    assert {r["indikator_id"]: r["target"] for r in pk}["IK03"] == "45"
    assert {r["indikator_id"]: r["target"] for r in pk}["IK09"] == "4.2"
    assert pk[0]["indikator"] == "Cakupan Layanan Administrasi Kantor"
    kom = baris(baru / "komponen.csv")
    assert len(kom) == len(baris(proyek / "data/raw/2023/komponen.csv"))
    assert all(r["realisasi"] == "" for r in kom)
    assert {r["target"] for r in kom if r["peran"] == "populasi"} == {
        "61",
        "11",
        "22",
        "750",
        "1004",
    }  # populations kept
    assert [r["pagu"] + r["realisasi"] for r in baris(baru / "anggaran.csv")] == [""] * 10
    assert baris(baru / "program_indikator.csv") == baris(proyek / "data/raw/2023/program_indikator.csv")
    assert baris(baru / "realisasi_langsung.csv") == [{"indikator_id": "IK09", "realisasi": "", "keterangan": ""}]
    assert (baru / "narasi/sasaran-02.md").read_text() == (proyek / "data/raw/2023/narasi/sasaran-02.md").read_text()
    assert baris(baru / "organisasi.csv") == baris(proyek / "data/raw/2023/organisasi.csv")  # the org chart's source
    assert "gambar_organisasi" not in out  # a figure reference is not an unresolved placeholder
    params = (proyek / "params/2024.yaml").read_text()
    assert "\ntahun_pembanding: 2023\n" in params and "renstra: renstra-2021-2026" in params
    assert "Yang harus diisi berikutnya:" in out and "make data YEAR=2024" in out
    assert "data/raw/2024/anggaran.csv: pagu (wajib) dan realisasi tiap program" in out


def test_scaffold_never_overwrites(proyek):
    (proyek / "data/raw/2024/narasi").mkdir(parents=True)
    (proyek / "data/raw/2024/pk.csv").write_text("milik analis\n")
    (proyek / "data/raw/2024/narasi/penutup.md").write_text("sudah ditulis\n")
    kode, out, _ = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0
    assert (proyek / "data/raw/2024/pk.csv").read_text() == "milik analis\n"
    assert (proyek / "data/raw/2024/narasi/penutup.md").read_text() == "sudah ditulis\n"
    assert "dilewati data/raw/2024/pk.csv: sudah ada, tidak ditimpa" in out
    assert "dilewati data/raw/2024/narasi/penutup.md: sudah ada, tidak ditimpa" in out
    sebelum = (proyek / "params/2024.yaml").read_text()
    jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert (proyek / "params/2024.yaml").read_text() == sebelum


def test_untouched_scaffold_names_every_empty_cell_then_builds_the_data(proyek):
    jalankan("tahun-baru", "2024", "--root", str(proyek))
    kode, _, err = jalankan("data", "2024", "--root", str(proyek))
    assert kode == 2
    galat = err.splitlines()
    assert galat == [
        f"GALAT: data/raw/2024/anggaran.csv, baris {n}, kolom 'pagu': sel kosong. Kolom ini wajib diisi."
        for n in range(2, 12)
    ]
    # the analyst fills the pagu: the data step runs and names each realisasi still empty, one line each
    ang = proyek / "data/raw/2024/anggaran.csv"
    ang.write_text(re.sub(r",,\n", ",1000000,\n", ang.read_text()))
    kode, _, err = jalankan("data", "2024", "--root", str(proyek))
    assert kode == 0, err
    kosong = [b for b in err.splitlines() if "belum diisi:" in b and "narasi" not in b]
    assert (
        "PERINGATAN: realisasi IK02 K01 belum diisi: data/raw/2024/komponen.csv, baris 32, kolom 'realisasi'" in kosong
    )
    assert (
        "PERINGATAN: realisasi IK09 belum diisi: data/raw/2024/realisasi_langsung.csv, baris 2, kolom 'realisasi'"
        in kosong
    )
    assert (
        "PERINGATAN: realisasi anggaran P01 belum diisi: data/raw/2024/anggaran.csv, baris 2, kolom 'realisasi'"
        in kosong
    )
    assert len(kosong) == 1 + 10 + sum(
        1 for r in baris(proyek / "data/raw/2024/komponen.csv") if r["peran"] not in ("info", "rincian", "populasi")
    )
    # with last year's realisasi typed in, nothing is left to fill and the capaian follow
    kom23 = {
        (r["indikator_id"], r["komponen_id"]): r["realisasi"] for r in baris(proyek / "data/raw/2023/komponen.csv")
    }
    kom = proyek / "data/raw/2024/komponen.csv"
    rows = baris(kom)
    for r in rows:
        r["realisasi"] = kom23[(r["indikator_id"], r["komponen_id"])]
    buf = io.StringIO()
    w = csv.DictWriter(buf, list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    kom.write_text(buf.getvalue())
    (proyek / "data/raw/2024/realisasi_langsung.csv").write_text("indikator_id,realisasi,keterangan\nIK09,5.06,x\n")
    ang.write_text(re.sub(r",1000000,\n", ",1000000,900000\n", ang.read_text()))
    kode, _, err = jalankan("data", "2024", "--root", str(proyek))
    assert kode == 0 and "belum diisi: data/raw/2024/komponen" not in err, err
    capaian = {r["indikator_id"]: r for r in baris(proyek / "data/processed/2024/capaian.csv")}
    realisasi_2023 = EXPECTED["IK03"][2]
    assert float(capaian["IK03"]["realisasi"]) == pytest.approx(realisasi_2023, abs=0.01)
    assert float(capaian["IK03"]["capaian"]) == pytest.approx(float(capaian["IK03"]["realisasi"]) / 45 * 100)


def test_many_empty_required_cells_are_listed_at_most_fifty():
    from lkj.masukan.errors import DataError as D

    e = DataErrors([D("x.csv", "sel kosong", "Isi.", n, "pagu") for n in range(2, 80)])
    lines = str(e).splitlines()
    assert len(lines) == 51 and lines[0] == "x.csv, baris 2, kolom 'pagu': sel kosong. Isi."
    assert lines[-1] == "… dan 28 masalah lain yang sejenis."
    assert isinstance(e, DataError)


def test_an_empty_cell_before_another_error_is_reported_with_its_fellows(proyek):
    pk = proyek / "data/raw/2023/pk.csv"
    rows = pk.read_text().splitlines()
    rows[1] = rows[1].rsplit(",", 1)[0] + ","  # empty target, row 2
    rows[2] = rows[2].rsplit(",", 1)[0] + ","  # empty target, row 3
    rows[4] = rows[4].rsplit(",", 1)[0] + ",1.004,5"  # a bad number later: reported after the empty cells are filled
    pk.write_text("\n".join(rows) + "\n")
    kode, _, err = jalankan("data", "2023", "--root", str(proyek))
    assert kode == 2
    assert err.splitlines() == [
        f"GALAT: data/raw/2023/pk.csv, baris {n}, kolom 'target': sel kosong. Kolom ini wajib diisi." for n in (2, 3)
    ]


def test_copied_narrative_lists_placeholders_that_no_longer_resolve(proyek):
    penutup = proyek / "data/raw/2023/narasi/penutup.md"
    penutup.write_text(penutup.read_text() + "\nSalah ketik: {{ capaian_ik11 }}.\n")
    kode, out, _ = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0
    n = len(penutup.read_text().splitlines())
    assert f"data/raw/2024/narasi/penutup.md, baris {n}: placeholder '{{{{ capaian_ik11 }}}}' tidak lagi terisi" in out


def test_tahun_baru_reads_last_years_narrative_through_the_validated_reader(proyek, tmp_path_factory):
    """Issue 22 (noted in __main__.py): tahun-baru copied and read narrative outside the validated reader,
    so a narrative symlinked out of the project was copied into the new year."""
    rahasia = tmp_path_factory.mktemp("luar") / "rahasia.md"
    rahasia.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    penutup = proyek / "data/raw/2023/narasi/penutup.md"
    penutup.unlink()
    penutup.symlink_to(rahasia)
    kode, out, err = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 2 and "root:x" not in out + err
    (baris,) = err.strip().splitlines()
    assert baris.startswith("GALAT: data/raw/2023/narasi/penutup.md") and "di luar folder proyek" in baris
    assert not (proyek / "data/raw/2024").exists() and not (proyek / "params/2024.yaml").exists()


def test_a_copied_narrative_of_a_sasaran_the_new_pk_lacks_is_named_from_the_scaffold(proyek):
    (proyek / "data/raw/2023/narasi/sasaran-11.md").write_text("Capaian {{ capaian }}.\n", encoding="utf-8")
    kode, out, _ = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0
    assert "data/raw/2024/narasi/sasaran-11.md: sasaran 11 tidak ada di PK 2024; hapus berkas ini" in out
    assert "sasaran-10.md: sasaran" not in out


def test_placeholders_of_a_dropped_indicator_do_not_resolve():
    teks = "a {{ capaian_ik05 }} b {{ ik05_k01_realisasi }}\nc {{ capaian_ik02 }} {{ tahun }}\n"
    tersedia = {"capaian_ik05", "ik05_k01_realisasi", "capaian_ik02", "tahun"}
    assert tidak_terisi(teks, tersedia, {"IK05"}) == [(1, "capaian_ik05"), (1, "ik05_k01_realisasi")]
    assert tidak_terisi(teks, tersedia) == []


def test_scaffold_needs_the_previous_year_and_a_renstra_period(proyek):
    kode, _, err = jalankan("tahun-baru", "2030", "--root", str(proyek))
    assert kode == 2 and "data/raw/2029/pk.csv" in err and err.count("\n") == 1
    import shutil

    shutil.copytree(proyek / "data/raw/2023", proyek / "data/raw/2025")
    (proyek / "params/2025.yaml").write_text((proyek / "params/2023.yaml").read_text())
    # 2026 is in the folder's period (2021-2026) but the Renstra's data set targets for 2021-2025 only
    kode, out, err = jalankan("tahun-baru", "2026", "--root", str(proyek))
    assert kode == 0, err
    assert "renstra-2021-2026 memberi target tahun 2021–2025, tidak untuk 2026" in out
    assert "target kosong, wajib diisi: IK01, IK02" in out
    shutil.copytree(proyek / "data/raw/2023", proyek / "data/raw/2026", dirs_exist_ok=True)
    kode, _, err = jalankan("tahun-baru", "2027", "--root", str(proyek))
    assert kode == 2 and "tahun 2027 di luar periode Renstra renstra-2021-2026 (2021–2026)" in err
    assert err.count("\n") == 1


def test_a_filled_scaffold_builds_a_draft_report(proyek):
    """The analyst's path end to end: scaffold 2024, fill realisasi and pagu, build the draft report."""
    from lkj.pipeline import build

    assert jalankan("tahun-baru", "2024", "--root", str(proyek))[0] == 0
    lama, baru = proyek / "data/raw/2023", proyek / "data/raw/2024"
    for nama, kunci, isian in (
        ("komponen.csv", ("indikator_id", "komponen_id"), ("realisasi",)),
        ("anggaran.csv", ("program_kode",), ("pagu", "realisasi")),
        ("realisasi_langsung.csv", ("indikator_id",), ("realisasi", "keterangan")),
    ):
        sumber = {tuple(r[k] for k in kunci): r for r in baris(lama / nama)}
        rows = baris(baru / nama)
        for r in rows:
            for k in isian:
                r[k] = r[k] or sumber[tuple(r[c] for c in kunci)][k]
        with (baru / nama).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    hasil = build(2024, proyek, log=lambda s: None)
    assert hasil.dirakit and (proyek / "reports/2024/laporan-kinerja-2024.pdf").stat().st_size > 10_000
    teks = (proyek / "reports/2024/laporan-kinerja-2024.html").read_text(encoding="utf-8")
    assert "Laporan Kinerja 2024" in teks or "TAHUN 2024" in teks
    assert "Gambar 1.1" in teks  # the organisation chart carried over, its reference resolved


def test_new_params_empty_the_signing_date_and_update_the_year(proyek):
    from lkj.masukan.params import baca_aturan
    from lkj.masukan.proyek import Proyek

    kode, out, err = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0, err
    teks = (proyek / "params/2024.yaml").read_text()
    assert teks.startswith("# Rules for the 2024 report.")
    assert "  tanggal: null  # isi tanggal laporan 2024 ditandatangani, mis. 31 Januari 2025" in teks
    assert "31 Januari 2024" not in teks
    aturan = baca_aturan(Proyek.di(proyek), 2024)
    assert aturan.penandatangan["tanggal"] is None and aturan.penandatangan["nip"] == "19691119 199009 1 001"
    assert (
        "params/2024.yaml: isi penandatangan.tanggal (setelah tahun 2024); periksa jabatan, nama, pangkat dan nip "
        "penandatangan" in out
    )


def test_what_next_is_one_list_that_leads_with_excel_and_names_only_cells_to_fill(proyek):
    kode, out, _ = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0
    langkah = out.split("Yang harus diisi berikutnya:\n")[1].splitlines()
    assert langkah[0].startswith("  1. Cara termudah: make excel-isian YEAR=2024, isi buku kerja isian-2024.xlsx")
    assert "make excel-impor YEAR=2024 FILE=isian-2024.xlsx" in langkah[0]
    # IK09 has a realisasi_langsung row: it is named there, never also under komponen rows to add
    assert sum("IK09" in b for b in langkah) == 1
    assert "data/raw/2024/realisasi_langsung.csv: realisasi IK09 dan keterangan sumbernya" in out
    assert "tambahkan baris komponen" not in out
    # realisasi cells to fill: the 2023 rows whose formula reads realisasi, not populations (they stay empty)
    kom = baris(proyek / "data/raw/2024/komponen.csv")
    isi = [r for r in kom if r["peran"] in ("kelompok", "pembilang", "penyebut", "tahun_n", "bagian", "nilai")]
    assert len(isi) == 21 and sum(r["peran"] == "populasi" for r in kom) == 5
    assert "data/raw/2024/komponen.csv: kolom realisasi, 21 sel (peran kelompok, pembilang, penyebut)" in out


def test_tahun_baru_on_an_existing_year_says_so_and_creates_nothing(proyek):
    assert jalankan("tahun-baru", "2024", "--root", str(proyek))[0] == 0
    sebelum = {p: p.read_bytes() for p in (proyek / "data/raw/2024").rglob("*") if p.is_file()}
    kode, out, _ = jalankan("tahun-baru", "2024", "--root", str(proyek))
    assert kode == 0
    assert out.splitlines() == [
        "Tahun 2024 sudah ada (data/raw/2024/, 29 berkas, dan params/2024.yaml): tidak ada berkas yang dibuat atau "
        "ditimpa.",
        "Yang dapat dilakukan:",
        "  1. datanya belum lengkap atau ada yang salah: make data YEAR=2024 menyebut setiap sel yang masih kosong "
        "atau salah (satu baris per sel); setelah itu make report YEAR=2024.",
        "  2. menyiapkan tahun berikutnya: make tahun-baru YEAR=2025.",
        "  3. menyiapkan tahun 2024 dari awal: pindahkan dulu data/raw/2024/ dan params/2024.yaml ke luar folder "
        "proyek, lalu ulangi make tahun-baru YEAR=2024.",
    ]
    assert {p: p.read_bytes() for p in (proyek / "data/raw/2024").rglob("*") if p.is_file()} == sebelum


@pytest.mark.parametrize("tahun", [2023, 2022])
def test_tahun_baru_on_a_complete_year_says_it_exists_never_that_components_or_last_year_are_missing(proyek, tahun):
    """Issue 22: on the complete 2023 it said components were missing; on 2022 that 2021 did not exist."""
    sebelum = {p: p.read_bytes() for p in (proyek / "data/raw").rglob("*") if p.is_file()}
    kode, out, err = jalankan("tahun-baru", str(tahun), "--root", str(proyek))
    assert (kode, err) == (0, "")
    assert out.startswith(f"Tahun {tahun} sudah ada (data/raw/{tahun}/, ")
    assert f"  1. datanya terbaca tanpa galat: make report YEAR={tahun} menyusun laporannya." in out
    assert "komponen" not in out and "make data" not in out and str(tahun - 1) not in out
    assert ("make tahun-baru YEAR=2024." in out) == (tahun == 2023)  # 2023 exists, so 2022 is not told to make it
    assert {p: p.read_bytes() for p in (proyek / "data/raw").rglob("*") if p.is_file()} == sebelum
    assert not (proyek / "params/2024.yaml").exists()


def test_copied_narrative_stays_marked_unreviewed_until_edited(proyek):
    from lkj.masukan.model import baca_masukan
    from lkj.masukan.proyek import Proyek
    from lkj.masukan.tinjauan import masalah_final, narasi_belum_ditinjau

    assert jalankan("tahun-baru", "2024", "--root", str(proyek))[0] == 0
    p = Proyek.di(proyek)
    folder = proyek / "data/raw/2024/narasi"
    disalin = narasi_belum_ditinjau(p, 2024)
    assert len(disalin) == 23 and folder / "penutup.md" in disalin  # every narrative file of 2023
    (folder / "penutup.md").write_text((folder / "penutup.md").read_text() + "\nTahun 2024 ditutup dengan baik.\n")
    assert folder / "penutup.md" not in narasi_belum_ditinjau(p, 2024) and len(narasi_belum_ditinjau(p, 2024)) == 22
    assert narasi_belum_ditinjau(p, 2023) == []  # last year's own narrative is not a copy
    # the model carries the marks (for the draft) and warns once per file
    for nama in ("komponen.csv", "anggaran.csv"):  # fill the scaffold enough to validate
        lama = {tuple(r.values())[:2]: r for r in baris(proyek / "data/raw/2023" / nama)}
        rows = [lama.get(tuple(r.values())[:2], r) for r in baris(proyek / "data/raw/2024" / nama)]
        with (proyek / "data/raw/2024" / nama).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    m = baca_masukan(p, 2024)
    assert len(m.narasi_disalin) == 22 and "penutup" not in m.narasi_disalin and "sasaran-01" in m.narasi_disalin
    assert "PERINGATAN: narasi masih salinan tahun lalu, belum ditinjau: data/raw/2024/narasi/sasaran-01.md" in (
        m.peringatan
    )
    # FINAL's input checks: the empty signing date and every unreviewed file, one line each
    masalah = masalah_final(p, m.aturan)
    assert masalah[0] == "params/2024.yaml: penandatangan.tanggal kosong"
    assert len(masalah) == 23 and all("belum ditinjau" in b for b in masalah[1:])


@pytest.mark.parametrize(
    ("tanggal", "masalah"),
    [
        ("31 Januari 2025", None),
        ("2025-01-31", None),
        ("31 Januari 2024", "tidak setelah tahun laporan 2024 (laporan tahun 2024 ditandatangani pada tahun 2025"),
        ("31 Desember 2023", "tidak setelah tahun laporan 2024"),
    ],  # a date with no year ("akhir Januari") stops at reading: test_masukan_probe
)
def test_a_signing_date_not_after_the_report_year_is_a_final_problem(proyek, tanggal, masalah):
    from lkj.masukan.params import baca_aturan
    from lkj.masukan.proyek import Proyek
    from lkj.masukan.tinjauan import masalah_penandatangan

    params = proyek / "params/2024.yaml"
    params.write_text(
        (proyek / "params/2023.yaml").read_text().replace("tanggal: 31 Januari 2024", f"tanggal: {tanggal}")
    )
    p = Proyek.di(proyek)
    hasil = masalah_penandatangan(p, baca_aturan(p, 2024))
    if masalah is None:
        assert hasil == []
    else:
        assert len(hasil) == 1 and hasil[0].startswith(f"params/2024.yaml: penandatangan.tanggal '{tanggal}' ")
        assert masalah in hasil[0]


def test_tahun_baru_drops_last_years_pk_and_reviu_statement_and_keeps_sk_iku(tmp_path):
    """Issue 21: last year's signed PK and the Inspektorat's statement on last year's report are not the new
    year's; the decree setting the IKU stays until it is replaced."""
    import shutil

    from lkj.masukan.params import baca_aturan
    from lkj.masukan.proyek import Proyek

    from conftest import ROOT

    root = tmp_path / "dinas-contoh"
    shutil.copytree(
        ROOT / "examples/dinas-contoh", root, ignore=shutil.ignore_patterns("processed", "build", "reports")
    )
    assert jalankan("tahun-baru", "2025", "--root", str(root))[0] == 0
    teks = (root / "params/2025.yaml").read_text(encoding="utf-8")
    assert "perjanjian_kinerja: null  # isi setelah Perjanjian Kinerja 2025 ditandatangani\n" in teks
    assert "pernyataan_reviu: null  # isi setelah Inspektorat mereviu laporan 2025\n" in teks
    assert "BUDI HARTONO" not in teks and "AHMAD SANTOSO" not in teks
    aturan = baca_aturan(Proyek.di(root), 2025)
    assert aturan.perjanjian_kinerja is None and aturan.pernyataan_reviu is None
    assert aturan.sk_iku == {"nomor": "500/17/KUKM/2022", "tanggal": "14 Maret 2022"}
