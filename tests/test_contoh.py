"""The second worked example (examples/dinas-contoh, SYNTHETIC), built with the project's own
command (`make report YEAR=2024 ROOT=...`), and several failing notebooks reported one per line."""

import base64
import re
import shutil
import subprocess

import pytest

from lkj.pipeline import BuildError, build

from conftest import ROOT

CONTOH = ROOT / "examples" / "dinas-contoh"


@pytest.fixture(scope="module")
def contoh(tmp_path_factory):
    root = tmp_path_factory.mktemp("contoh") / "dinas-contoh"
    shutil.copytree(CONTOH, root, ignore=shutil.ignore_patterns("processed", "build", "reports"))
    assert not (root / "notebooks").exists()  # the plan and notebooks are the repository's
    hasil = make_report(root)
    assert hasil.returncode == 0, hasil.stderr
    return root, (root / "reports/2024/laporan-kinerja-2024.html").read_text(encoding="utf-8")


def make_report(root):
    """`make report YEAR=2024 ROOT=…` as a user types it; the environment taken as installed."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "report", "YEAR=2024", f"ROOT={root}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )


def test_example_builds_with_make_report_and_root(contoh):
    root, html = contoh
    for akhiran in ("-audit.html", ".pdf"):
        assert (root / f"reports/2024/laporan-kinerja-2024{akhiran}").stat().st_size > 10_000
    assert (root / "reports/2024/reviu-2024.csv").is_file()
    for n in (1, 2, 3):
        assert f'id="sasaran-{n}"' in html


def test_example_shows_every_unit_in_its_own_form(contoh):
    html = contoh[1]
    assert "Rp1.202.595.500" in html and "Rp1.250.000.000" in html  # money, whole rupiah
    assert "160 orang" in html and "150 orang" in html  # a count, no decimals
    assert "83,47" in html and "83,47%" not in html  # an index, no %
    assert "21,40‰" in html and "4,5 hari" in html
    assert "66,05%" in html  # a rate stays a percentage
    # the jumlah step, substituted in the indicator's unit
    assert "Rp512.345.000 + Rp389.000.500 + Rp301.250.000 = " in html
    assert "52 orang + 61 orang + 47 orang = " in html
    # capaian of a lower-is-better value in hari: (2 × 5 − 4,5) / 5
    assert "(2 × 5 hari − 4,5 hari) / 5 hari × 100% = 110,00%" in html


def test_example_narrative_placeholders_carry_units(contoh):
    html = contoh[1]
    narasi = "".join(re.findall(r'<div class="narasi"[^>]*>(.*?)</div>', html, re.S))
    assert "Pendapatan retribusi: Rp1.202.595.500 dari target Rp1.250.000.000" in narasi
    assert "Wirausaha baru: 160 orang dari target 150 orang" in narasi
    assert "Indeks Kepuasan Masyarakat: 83,47 dari target 82" in narasi
    assert "{{" not in narasi


def test_example_bab_iv_ikhtisar_and_efisiensi_from_its_data(contoh):
    teks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", contoh[1]))
    # 2024: one indicator below target (retribusi 96,21%), no program with low serapan: below 70%, where its
    # own predikat scale's two lowest classes (Kurang, Cukup) end
    bab4 = teks[teks.rindex("B. Langkah dan Rekomendasi") :]
    assert "Pendapatan retribusi pelayanan UMKM Target Rp1.250.000.000, realisasi Rp1.202.595.500, capaian 96,21%" in (
        bab4
    )
    assert "Pembayaran retribusi secara nontunai diperluas" in bab4
    assert (
        "Indikator yang belum mencapai target: Pendapatan retribusi pelayanan UMKM (96,21%); program dengan "
        "serapan di bawah 70%: tidak ada." in teks
    )
    # a program whose indicators average 105,30% while one of them is unmet is not called efficient
    assert (
        "Program Pengembangan UMKM menyerap 95,70% anggaran dan mencapai rata-rata 105,30% target 2 indikatornya; "
        "target indikator Pendapatan retribusi pelayanan UMKM belum tercapai" in teks
    )
    assert "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota menyerap 92,69% anggarannya" in teks
    assert "tidak dipasangkan dengan indikator kinerja, sehingga efisiensinya tidak dapat dinilai" in teks


def gambar_renstra(html: str) -> dict[str, str]:
    """indikator_id -> the SVG text of its Renstra chart (figure id gambar-renstra-<id>)."""
    return {
        i.upper(): base64.b64decode(b).decode("utf-8")
        for i, b in re.findall(
            r'id="gambar-renstra-(ik\d\d)"><img[^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html
        )
    }


def test_renstra_chart_is_drawn_for_every_unit_and_leaves_gaps(contoh):
    renstra = gambar_renstra(contoh[1])
    assert sorted(renstra) == ["IK01", "IK02", "IK03", "IK04", "IK05", "IK06", "IK07"]
    teks = {i: re.findall(r"<text[^>]*>([^<]*)</text>", s) for i, s in renstra.items()}
    # values and axis in the indicator's unit
    assert "Rp1.500.000.000" in teks["IK04"] and "20‰" in teks["IK05"] and "200 orang" in teks["IK01"]
    assert "Rp1.202.595.500" in teks["IK04"] and "4,5 hari" in teks["IK06"]
    assert not [t for t in teks["IK03"] if "%" in t]  # an index
    # IK07 is new: no Renstra target for 2022 and 2023 (a gap), targets from 2024 on
    assert "40 produk" in teks["IK07"] and "80 produk" in teks["IK07"]


def test_several_failing_notebooks_are_listed_one_per_line(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(CONTOH, root, ignore=shutil.ignore_patterns("processed", "build", "reports"))
    (root / "notebooks").mkdir()
    for nb in ("depan", "penutup"):
        shutil.copy(ROOT / "notebooks" / f"{nb}.py", root / "notebooks")
    (root / "notebooks" / "laporan.yml").write_text(
        "bagian:\n  - {nama: 00-depan, notebook: depan, narasi: [kata_pengantar]}\n"
        "  - {nama: 06-penutup, notebook: penutup, narasi: [penutup]}\n"
        "jangkar: {pengukuran: p, efisiensi: e, sasaran: 's-{sasaran_no}', langkah: 'l-{indikator_id}', "
        "reviu: r, provenance: v}\n",
        encoding="utf-8",
    )
    for nama in ("kata_pengantar", "penutup"):
        (root / f"data/raw/2024/narasi/{nama}.md").write_text("Salah ketik: {{ Capaian IK99 }}\n", encoding="utf-8")
    with pytest.raises(BuildError) as e:
        build(2024, root, jobs=2, log=lambda s: None)
    baris = str(e.value).splitlines()
    assert baris[0] == "2 notebook gagal:"
    assert len(baris) == 3
    for b, nb in zip(baris[1:], ("depan.py", "penutup.py")):
        assert b.startswith(f"  - {nb} (tahun=2024), sel ke-")
        assert "Capaian IK99" in b
        kept = re.search(r"\[notebook lengkap: (\S+\.gagal\.ipynb)\]$", b).group(1)
        assert (root / kept).is_file()


def test_example_lampiran_and_staff_reach_html_pdf_and_word(contoh):
    """Issue 21 items 7, 8: the new optional inputs (pegawai.csv, rencana_aksi.csv, perjanjian_kinerja,
    sk_iku, pernyataan_reviu) through the document model into every rendering."""
    import docx
    from pypdf import PdfReader

    root, html = contoh
    pdf = "\n".join(h.extract_text() for h in PdfReader(root / "reports/2024/laporan-kinerja-2024.pdf").pages)
    word = docx.Document(root / "reports/2024/laporan-kinerja-2024.docx")
    kata = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        c.text for t in word.tables for r in t.rows for c in r.cells
    )
    for teks in (
        "Lampiran 1. Perjanjian Kinerja Tahun 2024",
        "AHMAD SANTOSO, Bupati Contoh, selaku atasan pihak pertama",
        "Program dan Anggaran Perjanjian Kinerja Tahun 2024",
        "Lampiran 3. Indikator Kinerja Utama",
        "Keputusan Nomor 500/17/KUKM/2022",
        "Lampiran 4. Rencana Aksi Tahun 2024",
        "Pelatihan kewirausahaan di tiga kecamatan",
        "Lampiran 5. Pernyataan Telah Direviu",
        "Kami telah mereviu Laporan Kinerja",
        "BUDI HARTONO, S.H., M.Si.",
        "Jumlah Pegawai menurut Golongan",
        "Jumlah Pegawai menurut Tingkat Pendidikan",
        "Isu Strategis dan Permasalahan Utama",
        "Catatan: Rasio ini dihitung oleh bank mitra penyalur kredit",  # catatan_data.md: IK05 has no evidence
    ):
        assert teks in html, teks
        assert teks in re.sub(r"\s+", " ", pdf), teks
        assert teks in kata, teks
    assert "5.075.000.000" in html  # the PK's programs: total pagu


def test_example_prints_its_synthetic_standard_with_the_source(contoh):
    """Issue 21 item 5: standar.csv (renstra-2022-2026) gives IK02 a national standard in 2023 and 2024 and a
    provincial one in 2024: their columns and sources under IK02's table; IK01 has none, so no column."""
    from test_riwayat import sesudah, tabel_html

    html = contoh[1]
    rows = tabel_html(html, "tabel-banding-ik02")
    assert rows[0][-2:] == ["Standar nasional", "Standar provinsi"]
    assert [r[0] for r in rows[1:]] == ["2023", "2024"]  # the Renstra's first year, 2022, has no data
    assert [r[-2:] for r in rows[1:]] == [["62%", "–"], ["64%", "66%"]]
    catatan = sesudah(html, "tabel-banding-ik02")
    assert "Sumber standar nasional: Standar sintetis: target nasional koperasi aktif (contoh rekaan)." in catatan
    assert "Sumber standar provinsi: Standar sintetis: target RPJMD Provinsi Contoh (contoh rekaan)." in catatan
    assert "Standar" not in " ".join(tabel_html(html, "tabel-banding-ik01")[0])


def test_an_evidence_file_removed_or_put_back_rebuilds_the_report(contoh):
    """Evidence files live anywhere in the project, outside data/raw: one removed since the last build is
    warned about at once (not 'sudah mutakhir'), and putting it back rebuilds again."""
    root, _ = contoh
    assert "sudah mutakhir" in make_report(root).stdout
    nama = "data/bukti/2024/rekap-wirausaha-baru-2024.md"  # named in bukti.csv rows 2 and 3
    berkas = root / nama
    isi = berkas.read_bytes()
    berkas.unlink()
    try:
        hasil = make_report(root)
        assert hasil.returncode == 0, hasil.stderr
        assert "sudah mutakhir" not in hasil.stdout
        assert f"berkas bukti '{nama}' tidak ditemukan" in hasil.stdout + hasil.stderr
    finally:
        berkas.write_bytes(isi)
    hasil = make_report(root)
    assert "sudah mutakhir" not in hasil.stdout and "tidak ditemukan" not in hasil.stdout + hasil.stderr
    assert "sudah mutakhir" in make_report(root).stdout
