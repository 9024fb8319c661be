"""Issue 21 item 5: every year of the Renstra period with data, per indicator (table and chart), and the
optional national / provincial standard (renstra-<period>/standar.csv)."""

import base64
import csv
import html as html_mod
import re
from pathlib import Path

import pytest

from lkj.masukan.errors import DataError
from lkj.masukan.proyek import Proyek

from conftest import masukan

STANDAR = "indikator_id,tahun,tingkat,nilai,sumber\n"


def tabel_html(html: str, id_: str) -> list[list[str]]:
    """The rows of one table of the report HTML (header first), cell texts unescaped."""
    m = re.search(rf'<table[^>]*id="{id_}".*?</table>|id="{id_}"[^>]*>.*?</table>', html, re.S)
    assert m, id_
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(0), re.S)
    return [
        [
            html_mod.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)
        ]
        for r in rows
    ]


def sesudah(html: str, id_: str, n: int = 3000) -> str:
    """The text after a table's id (its rows and the notes under it)."""
    i = html.index(f'id="{id_}"')
    return re.sub(r"\s+", " ", html_mod.unescape(re.sub(r"<[^>]+>", " ", html[i : i + n])))


# --- the 2023 reference ----------------------------------------------------------------------------------


def test_reference_2023_shows_2022_and_2023_with_their_figures_and_no_standard(laporan):
    root, _ = laporan
    html = (root / "reports/2023/laporan-kinerja-2023.html").read_text(encoding="utf-8")
    rows = tabel_html(html, "tabel-banding-ik02")
    assert rows[0] == ["Tahun", "Target Renstra", "Target PK", "Realisasi", "Capaian"]  # no standard column
    assert rows[1:] == [
        ["2022", "100%", "100%", "92,30%", "92,30%"],
        ["2023", "100%", "100%", "58,56%", "58,56%"],
    ]
    # IK05 2022: the PK target (10%) differs from the Renstra's (20%); no realisasi that year: '–', never 0
    assert tabel_html(html, "tabel-banding-ik05")[1:] == [
        ["2022", "20%", "10%", "–", "–"],
        ["2023", "50%", "50%", "65,57%", "131,15%"],
    ]
    assert "Target akhir Renstra (2025): 100%; progres realisasi tahun 2023 terhadap target akhir: 58,56%." in (
        sesudah(html, "tabel-banding-ik02")
    )
    assert "Standar nasional" not in html and "Standar provinsi" not in html
    with open(root / "data/processed/2023/riwayat.csv", encoding="utf-8") as f:
        riwayat = list(csv.DictReader(f))
    assert [(r["indikator_id"], r["tahun"]) for r in riwayat[:4]] == [
        ("IK01", "2022"),
        ("IK01", "2023"),
        ("IK02", "2022"),
        ("IK02", "2023"),
    ]
    ik02 = {r["tahun"]: r for r in riwayat if r["indikator_id"] == "IK02"}
    assert float(ik02["2022"]["realisasi"]) == 92.3
    assert abs(float(ik02["2023"]["realisasi"]) - 106 / 181 * 100) < 1e-9
    assert {r["standar_nasional"] for r in riwayat} == {""}


def test_riwayat_is_read_once_from_the_renstra_first_year(proyek):
    m = masukan(2023, proyek)
    assert [d.tahun for d in m.riwayat] == [2022]  # 2021 has no data
    assert m.riwayat[0] is m.pembanding  # the comparison year is read once
    assert m.data.renstra.standar is None


# --- a generated project: 4-year Renstra, three years of data, a standard --------------------------------


def _tulis(path: Path, teks: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(teks, encoding="utf-8")


def proyek_tiga_tahun(root: Path) -> Path:
    """A Renstra 2018-2023 with six target years; data for 2021, 2022 and 2023 (2018-2020 none); IK02 (orang)
    new in 2022; a national standard for IK01 in 2022 and 2023 and a provincial one in 2023."""
    import shutil

    from conftest import ROOT

    ren = root / "data/raw/renstra-2018-2023"
    _tulis(ren / "tujuan.csv", "tujuan_id,tujuan\nT1,Tujuan contoh\n")
    _tulis(ren / "sasaran.csv", "sasaran_no,tujuan_id,sasaran\n1,T1,Meningkatnya layanan\n")
    _tulis(
        ren / "indikator.csv",
        "indikator_id,sasaran_no,indikator,satuan,polaritas,jenis_rumus,rumus,target_1,target_2,target_3,target_4,target_5,target_6\n"
        "IK01,1,Persentase layanan tuntas,%,positif,langsung,tuntas / semua × 100%,40,50,60,70,80,90\n"
        "IK02,1,Jumlah pelaku usaha dibina,orang,positif,langsung,jumlah orang,,,,100,120,140\n",
    )
    _tulis(
        ren / "standar.csv",
        STANDAR + "IK01,2022,nasional,75,Permen Contoh 1/2021 (sintetis)\n"
        "IK01,2023,nasional,85,Permen Contoh 1/2021 (sintetis)\n"
        "IK01,2023,provinsi,82.5,RPJMD Provinsi Contoh (sintetis)\n",
    )
    realisasi = {2021: {"IK01": "65"}, 2022: {"IK01": "72.5", "IK02": "90"}, 2023: {"IK01": "", "IK02": "130"}}
    target = {"IK01": {2021: 70, 2022: 80, 2023: 90}, "IK02": {2022: 100, 2023: 120}}
    nama = {"IK01": "Persentase layanan tuntas", "IK02": "Jumlah pelaku usaha dibina"}
    for th, real in realisasi.items():
        pk = "sasaran_no,indikator_id,sasaran,indikator,target\n" + "".join(
            f"1,{i},Meningkatnya layanan,{nama[i]},{target[i][th]}\n" for i in real
        )
        _tulis(root / f"data/raw/{th}/pk.csv", pk)
        _tulis(
            root / f"data/raw/{th}/realisasi_langsung.csv",
            "indikator_id,realisasi,keterangan\n" + "".join(f"{i},{v},sintetis\n" for i, v in real.items()),
        )
    _tulis(
        root / "params/2023.yaml",
        "instansi: Dinas Contoh (sintetis)\npemerintah: Pemerintah Kabupaten Contoh\nrenstra: renstra-2018-2023\n"
        "tahun_pembanding: 2022\ndigit_desimal: 2\nbatas_capaian: null\nindikator_rata_rata: semua\n"
        "skala_predikat:\n  - {predikat: Rendah, dari: null, sampai: 80}\n"
        "  - {predikat: Tinggi, dari: 80, sampai: null}\n",
    )
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.ipynb"))
    return root


@pytest.fixture(scope="module")
def tiga_tahun(tmp_path_factory):
    from lkj.pipeline import build

    root = proyek_tiga_tahun(tmp_path_factory.mktemp("riwayat"))
    assert build(2023, root, log=lambda s: None).dirakit
    return root, (root / "reports/2023/laporan-kinerja-2023.html").read_text(encoding="utf-8")


def test_generated_project_shows_every_year_and_the_standard_with_its_source(tiga_tahun):
    _, html = tiga_tahun
    rows = tabel_html(html, "tabel-banding-ik01")
    assert rows == [
        ["Tahun", "Target Renstra", "Target PK", "Realisasi", "Capaian", "Standar nasional", "Standar provinsi"],
        ["2021", "70%", "70%", "65,00%", "92,86%", "–", "–"],
        ["2022", "80%", "80%", "72,50%", "90,63%", "75%", "–"],
        ["2023", "90%", "90%", "–", "–", "85%", "82,5%"],
    ]
    catatan = sesudah(html, "tabel-banding-ik01")
    assert "Sumber standar nasional: Permen Contoh 1/2021 (sintetis)." in catatan
    assert "Sumber standar provinsi: RPJMD Provinsi Contoh (sintetis)." in catatan
    # IK02 is not in the 2021 PK: no row for 2021; its own table has no standard column
    rows = tabel_html(html, "tabel-banding-ik02")
    assert rows == [
        ["Tahun", "Target Renstra", "Target PK", "Realisasi", "Capaian"],
        ["2022", "120 orang", "100 orang", "90 orang", "90,00%"],
        ["2023", "140 orang", "120 orang", "130 orang", "108,33%"],
    ]
    assert "Target akhir Renstra (2023): 140 orang" in sesudah(html, "tabel-banding-ik02")


def test_generated_project_chart_spans_the_renstra_years_with_every_realisasi(tiga_tahun):
    _, html = tiga_tahun
    m = re.search(r'id="gambar-renstra-ik01"><img[^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html)
    assert m
    svg = base64.b64decode(m.group(1)).decode()
    teks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for t in ("2018", "2021", "2022", "2023", "90%", "65,00%", "72,50%", "Standar nasional", "Standar provinsi"):
        assert t in teks, t  # six target years, read from the data (was: five, always, so 2023 was cut off)


# --- standar.csv refused with file, row and column ---------------------------------------------------------


@pytest.mark.parametrize(
    ("baris", "kolom", "kata"),
    [
        ("IK99,2023,nasional,50,Sumber", "indikator_id", "tidak ada di indikator.csv"),
        ("IK02,2023,nasional,1.004,5,Sumber", None, None),  # an extra cell: the CSV reader refuses it
        ("IK02,2023,nasional,12%,Sumber", "nilai", "tanda %"),
        ("IK02,2023,kabupaten,50,Sumber", "tingkat", "tidak dikenal"),
        ("IK02,2030,nasional,50,Sumber", "tahun", "di luar periode"),
        ("IK02,2023,nasional,50,", "sumber", None),
    ],
)
def test_bad_standar_row_is_refused_with_file_row_and_column(proyek, baris, kolom, kata):
    path = proyek / "data/raw/renstra-2021-2026/standar.csv"
    path.write_text(STANDAR + "IK01,2023,nasional,100,Sumber A\n" + baris + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        masukan(2023, proyek)
    pesan = str(e.value)
    assert "renstra-2021-2026/standar.csv" in pesan and "baris 3" in pesan, pesan
    if kolom:
        assert f"kolom '{kolom}'" in pesan, pesan
    if kata:
        assert kata in pesan, pesan


def test_duplicate_standar_row_is_refused(proyek):
    path = proyek / "data/raw/renstra-2021-2026/standar.csv"
    path.write_text(STANDAR + "IK01,2023,nasional,100,A\nIK02,2023,nasional,90,B\nik01,2023,nasional,95,C\n")
    with pytest.raises(DataError, match=r"ganda \(sudah ada di baris 2\).*baris 4, kolom 'tingkat'|baris 4"):
        masukan(2023, proyek)


# --- the fingerprint covers every earlier year the report reads ------------------------------------------


def test_fingerprint_changes_with_an_earlier_year_and_the_standard(proyek):
    from lkj.pipeline import Sidik

    p = Proyek.di(proyek)
    awal = Sidik.hitung(p, 2023)
    pk = proyek / "data/raw/2022/pk.csv"
    pk.write_text(pk.read_text(encoding="utf-8").replace(",30\n", ",31\n", 1), encoding="utf-8")
    kedua = Sidik.hitung(p, 2023)
    assert kedua.data != awal.data and kedua.semua != awal.semua
    _tulis(proyek / "data/raw/2021/pk.csv", pk.read_text(encoding="utf-8"))  # a year with data appears
    ketiga = Sidik.hitung(p, 2023)
    assert ketiga.data != kedua.data
    _tulis(proyek / "data/raw/renstra-2021-2026/standar.csv", STANDAR + "IK01,2023,nasional,100,A\n")
    assert Sidik.hitung(p, 2023).data != ketiga.data


def test_params_without_comparison_year_still_fingerprint_earlier_years(proyek):
    from lkj.pipeline import Sidik

    params = proyek / "params/2023.yaml"
    params.write_text(re.sub(r"tahun_pembanding: 2022", "tahun_pembanding: null", params.read_text()))
    p = Proyek.di(proyek)
    awal = Sidik.hitung(p, 2023)
    pk = proyek / "data/raw/2022/pk.csv"
    pk.write_text(pk.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert Sidik.hitung(p, 2023).data != awal.data
    assert [d.tahun for d in masukan(2023, proyek).riwayat] == [2022]  # shown although not the comparison year


# --- the synthetic workspace -------------------------------------------------------------------------------


def test_contoh_pemda_gives_some_opds_a_synthetic_standard(tmp_path):
    from lkj.pemda.contoh import buat_ruang

    folder = buat_ruang(tmp_path, 3, 2024)
    ada = [f for f in folder if list((tmp_path / f / "data/raw").glob("renstra-*/standar.csv"))]
    assert ada and len(ada) < len(folder)  # some, not all (never the Pemda's own)
    for f in ada:
        teks = next((tmp_path / f / "data/raw").glob("renstra-*/standar.csv")).read_text(encoding="utf-8")
        assert "sintetis" in teks
        m = masukan(2024, tmp_path / f)
        assert m.data.renstra.standar is not None and set(m.data.renstra.standar.tingkat) == {"nasional"}


def test_a_four_year_renstra_builds_with_its_own_years(tmp_path):
    """A Renstra of four target years (2020-2023): the LKE pre-check once read a fixed `target_5`."""
    from lkj.pipeline import build

    root = proyek_tiga_tahun(tmp_path)
    lama = root / "data/raw/renstra-2018-2023"
    baru = root / "data/raw/renstra-2020-2023"
    lama.rename(baru)
    _tulis(  # the same indicators, targets of 2020-2023 only
        baru / "indikator.csv",
        "indikator_id,sasaran_no,indikator,satuan,polaritas,jenis_rumus,rumus,target_1,target_2,target_3,target_4\n"
        "IK01,1,Persentase layanan tuntas,%,positif,langsung,tuntas / semua × 100%,40,50,60,70\n"
        "IK02,1,Jumlah pelaku usaha dibina,orang,positif,langsung,jumlah orang,,,100,120\n",
    )
    params = root / "params/2023.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("renstra-2018-2023", "renstra-2020-2023"))
    assert build(2023, root, log=lambda s: None).dirakit
    html = (root / "reports/2023/laporan-kinerja-2023.html").read_text(encoding="utf-8")
    assert tabel_html(html, "tabel-banding-ik01")[1:] == [
        ["2021", "50%", "70%", "65,00%", "92,86%", "–", "–"],
        ["2022", "60%", "80%", "72,50%", "90,63%", "75%", "–"],
        ["2023", "70%", "90%", "–", "–", "85%", "82,5%"],
    ]
    assert "Target akhir Renstra (2023): 70%" in sesudah(html, "tabel-banding-ik01")
