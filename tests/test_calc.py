"""The workbooks in a real client: LibreOffice Calc, headless, in a scratch profile set to Indonesian (id-ID)
that recalculates every formula on load (Calc's default for .xlsx is to show the stored results). Two
soffice calls for the whole module; without soffice every test skips, saying what to install."""

import csv
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import hasil_tersimpan, masukan, sama_nilai

SOFFICE = shutil.which("soffice")
# On Debian, Calc is its own package (libsclo.so beside Writer's libswlo.so): Writer alone cannot open a workbook
PROGRAM = Path(SOFFICE).resolve().parent if SOFFICE else None
CALC = PROGRAM is not None and ((PROGRAM / "libsclo.so").exists() or not (PROGRAM / "libswlo.so").exists())
pytestmark = pytest.mark.skipif(
    not CALC, reason="LibreOffice Calc (soffice) tidak terpasang: apt-get install -y libreoffice-calc-nogui"
)

# OOXMLRecalcMode 0: always recalculate on load; the locale of numbers and of the UI: Indonesian
PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">
  <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">
  <prop oor:name="ooLocale" oor:op="fuse"><value>id-ID</value></prop></item>
</oor:items>
"""
# comma, double quote, UTF-8, from line 1, cells as shown (token 9), every sheet to its own file (token 12)
CSV_SEPERTI_TAMPIL = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def _soffice(profil: Path, keluar: Path, filter_: str, *berkas: Path) -> None:
    perintah = [str(SOFFICE), f"-env:UserInstallation={profil.as_uri()}", "--headless", "--norestore"]
    hasil = subprocess.run(
        [*perintah, "--convert-to", filter_, "--outdir", str(keluar), *map(str, berkas)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    hilang = [b.name for b in berkas if not any(keluar.glob(b.stem + "*"))]
    assert hasil.returncode == 0 and not hilang, (hasil.stdout, hasil.stderr)


def _rusak(asli: Path, tujuan: Path) -> None:
    """A copy whose every stored formula result is 12345: LibreOffice shows the true values only if it
    recalculated them."""
    with zipfile.ZipFile(asli) as zin, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'( t="(?:b|str)")?><f>([^<]*)</f><v>[^<]*</v>', rb"><f>\2</f><v>12345</v>", data)
            zout.writestr(info, data)


@pytest.fixture(scope="module")
def calc(tmp_path_factory) -> Path:
    """The 2023 kertas kerja and Lembar Reviu, opened in Calc: recalculated and saved (xlsx/), and saved as
    the cells show (csv/, one file per sheet)."""
    from lkj.excel.kertas_kerja import tulis_kertas_kerja
    from lkj.excel.lembar_reviu import tulis_lembar_reviu
    from lkj.hitung.pengukuran import hitung
    from lkj.reviu import periksa
    from lkj.reviu.lembar import lembar_reviu

    d = tmp_path_factory.mktemp("calc")
    (d / "profil/user").mkdir(parents=True)
    (d / "profil/user/registrymodifications.xcu").write_text(PROFIL, encoding="utf-8")
    m = masukan(2023)
    p, lalu = hitung(m)
    temuan = periksa(m)
    kk, lr, rusak = d / "kertas-kerja-2023.xlsx", d / "lembar-reviu-2023.xlsx", d / "rusak-2023.xlsx"
    kk.write_bytes(tulis_kertas_kerja(m, temuan))
    lr.write_bytes(tulis_lembar_reviu(m, lembar_reviu(m, p, lalu, temuan, [])))
    _rusak(kk, rusak)
    _soffice(d / "profil", d / "xlsx", "xlsx", kk, rusak)
    _soffice(d / "profil", d / "csv", CSV_SEPERTI_TAMPIL, kk, lr)
    return d


def _lembar_csv(calc: Path, buku: str, lembar: str) -> list[dict[str, str]]:
    with (calc / "csv" / f"{buku}-{lembar}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_calc_recalculates_every_formula_to_the_result_the_workbook_stores(calc):
    """Every one of the 217 stored results is what LibreOffice computes from the data (1e-9 relative), and
    all 104 checks are TRUE there; the copy with false stored results proves Calc did recalculate."""
    tersimpan = hasil_tersimpan(calc / "kertas-kerja-2023.xlsx")
    dihitung = hasil_tersimpan(calc / "xlsx/kertas-kerja-2023.xlsx")
    assert len(tersimpan) == 217 and dihitung.keys() >= tersimpan.keys()  # Calc saves TRUE data as =TRUE()
    assert {k: (v, dihitung[k]) for k, v in tersimpan.items() if not sama_nilai(v, dihitung[k])} == {}
    cek = [k for k, v in tersimpan.items() if isinstance(v, bool)]
    assert len(cek) == 104 and {dihitung[k] for k in cek} == {True}
    assert dihitung["PETUNJUK!B11"] == 0
    assert set(hasil_tersimpan(calc / "rusak-2023.xlsx").values()) == {12345}
    dari_rusak = hasil_tersimpan(calc / "xlsx/rusak-2023.xlsx")
    assert {k: v for k, v in dari_rusak.items() if not sama_nilai(v, dihitung[k])} == {}


def test_calc_in_indonesian_shows_the_kertas_kerja_numbers_in_indonesian_format(calc):
    ind = {r["indikator_id"]: r for r in _lembar_csv(calc, "kertas-kerja-2023", "Indikator")}
    assert (ind["IK02"]["realisasi"], ind["IK02"]["capaian"], ind["IK02"]["predikat"]) == ("58,56", "58,56", "Rendah")
    assert ind["IK03"]["capaian"] == "147,14" and ind["IK03"]["target"] == "40"
    assert {r[k] for r in ind.values() for k in r if k.startswith("cek_")} == {"BENAR"}  # TRUE, in Indonesian
    ang = {r["program_kode"]: r for r in _lembar_csv(calc, "kertas-kerja-2023", "Anggaran")}
    assert (ang["P01"]["pagu"], ang["P01"]["realisasi"], ang["P01"]["serapan"]) == (
        "5.725.755.076",
        "4.691.686.177",
        "81,94",
    )
    assert ang["P02"]["efisiensi"] == "0,9106"
    sas = _lembar_csv(calc, "kertas-kerja-2023", "Sasaran")
    assert all(r["cek_rata_rata"] == r["cek_predikat"] == "BENAR" for r in sas) and len(sas) > 5
    rev = {r["kode"]: r for r in _lembar_csv(calc, "kertas-kerja-2023", "Reviu")}
    assert (rev["R01-001.01"]["nilai_dilaporkan"], rev["R01-001.01"]["nilai_hitung"]) == ("88", "58,5635359116022")
    with (calc / "csv/kertas-kerja-2023-Petunjuk.csv").open(encoding="utf-8", newline="") as f:
        assert ["Jumlah sel cek yang FALSE (SALAH):", "0"] in list(csv.reader(f))


def test_calc_in_indonesian_shows_the_lembar_reviu_figures_as_printed(calc):
    """The Lembar Reviu's figures are the report's own Indonesian text: the same in any locale."""
    with (calc / "csv/lembar-reviu-2023-Lembar Reviu.csv").open(encoding="utf-8", newline="") as f:
        semua = list(csv.reader(f))
    judul = semua[2]
    baris = [dict(zip(judul, r, strict=True)) for r in semua[3:]]
    assert len(baris) == 85
    s8 = next(b for b in baris if b["No. angka"] == "R01-003.06")
    assert (s8["Tercetak"], s8["Seharusnya"]) == ("26,90%", "24,50%")
    angka = [b[k] for b in baris for k in ("Tercetak", "Seharusnya")]
    bilangan = r"(Rp)?-?\d{1,3}(\.\d{3})*(,\d+|,-)? ?%?"  # 1.004; 58,56%; 116,0 %; Rp6.163.458.376; 750.000,-
    indonesia = re.compile(rf"{bilangan}( {bilangan})*|[^\d]+")  # or words, no number
    assert [a for a in angka if not indonesia.fullmatch(a)] == []
    assert "58,56%" in angka and not any(re.fullmatch(r"\d+\.\d{1,2}%?", a) for a in angka)
    # the same values as number cells, which Calc shows in the locale's format (and could sum)
    assert (s8["Nilai tercetak (angka)"], s8["Nilai seharusnya (angka)"]) == ("26,90", "24,50")
    rupiah = [b for b in baris if b["Seharusnya"].startswith("Rp")]
    assert rupiah and all(b["Nilai seharusnya (angka)"] == b["Seharusnya"][2:] for b in rupiah)
