"""The shape of the pipeline: one plan, one reading of the inputs, fingerprints that cannot go stale,
and the presentation helpers (fast unit tests, no build)."""

import ast
import shutil
from pathlib import Path

import pytest

from lkj.dokumen.html import blok_html
from lkj.masukan.errors import DataError
from lkj.masukan.proyek import Proyek
from lkj.pipeline import Sidik
from lkj.pipeline import fingerprint as sidik_mod
from lkj.tampil import html, narasi
from lkj.tampil.laporan import Laporan

from conftest import ROOT, masukan

# --- the plan ------------------------------------------------------------------------------------


def test_plan_is_read_from_laporan_yml_and_expanded_per_sasaran():
    m = masukan(2023)
    assert m.rencana.cari("04-sasaran-02").narasi == ("sasaran-02",)
    assert m.rencana.cari("04-sasaran-02").params == {"sasaran_no": 2}
    assert m.rencana.jangkar("langkah", indikator_id="IK02") == "langkah-IK02"
    assert m.rencana.narasi[:3] == ("kata_pengantar", "ikhtisar_eksekutif", "pendahuluan")


def test_a_notebook_cannot_show_a_narrative_file_the_plan_does_not_list():
    m = masukan(2023)
    from lkj.hitung.pengukuran import hitung

    p, lalu = hitung(m)
    lap = Laporan(m, p, lalu, m.rencana.cari("04-sasaran-02"))
    tampil = lap.narasi("sasaran-02", 2)
    assert tampil.sumber == "data/raw/2023/narasi/sasaran-02.md" and tampil.blok and not tampil.kosong
    with pytest.raises(DataError, match=r"sasaran-03.*tidak tercantum untuk bagian 04-sasaran-02"):
        lap.narasi("sasaran-03", 3)


def test_a_narrative_file_outside_the_plan_is_a_visible_warning(proyek):
    (proyek / "data/raw/2023/narasi/sasaran-11.md").write_text("Tidak dipakai.\n", encoding="utf-8")
    assert any("sasaran-11.md" in w and "tidak dipakai" in w for w in masukan(2023, proyek).peringatan)


def test_notebooks_never_import_the_build_stage():
    """Their fingerprint leaves lkj/pipeline out (kode(notebook=True)); this keeps that honest."""
    for nb in (ROOT / "notebooks").glob("*.py"):
        for node in ast.walk(ast.parse(nb.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith(("lkj.pipeline", "lkj.__main__")), nb.name


# --- fingerprints that cannot go stale ------------------------------------------------------------


def test_comparison_year_is_fingerprinted_even_with_a_comment_after_the_value(proyek):
    params = proyek / "params/2023.yaml"
    params.write_text(
        params.read_text(encoding="utf-8").replace("tahun_pembanding: 2022", "tahun_pembanding: 2022  # tahun lalu"),
        encoding="utf-8",
    )
    sebelum = Sidik.hitung(Proyek.di(proyek), 2023).data
    pk = proyek / "data/raw/2022/pk.csv"
    pk.write_text(pk.read_text(encoding="utf-8").replace(",100\n", ",99\n", 1), encoding="utf-8")
    assert Sidik.hitung(Proyek.di(proyek), 2023).data != sebelum


def test_code_fingerprint_covers_every_subpackage(tmp_path, monkeypatch):
    salinan = tmp_path / "lkj"
    shutil.copytree(sidik_mod.KODE, salinan, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sidik_mod, "KODE", salinan)
    semua = {p.relative_to(salinan).as_posix() for p in sidik_mod.kode()}
    assert {
        "hitung/formulas.py",
        "masukan/skema.py",
        "reviu/aturan.py",
        "tampil/charts.py",
        "pipeline/pdf.py",
        "pipeline/templates/lkj/laporan.css",
    } <= semua
    sebelum, sebelum_nb = sidik_mod.hash_files(sidik_mod.kode()), sidik_mod.hash_files(sidik_mod.kode(notebook=True))
    (salinan / "hitung/formulas.py").write_text("# ubah\n", encoding="utf-8")
    assert sidik_mod.hash_files(sidik_mod.kode()) != sebelum
    assert sidik_mod.hash_files(sidik_mod.kode(notebook=True)) != sebelum_nb


def test_build_code_does_not_rerun_notebooks_but_reassembles(tmp_path, monkeypatch):
    salinan = tmp_path / "lkj"
    shutil.copytree(sidik_mod.KODE, salinan, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sidik_mod, "KODE", salinan)
    sebelum = Sidik.hitung(Proyek.di(ROOT), 2023)
    (salinan / "pipeline/pdf.py").write_text("# ubah\n", encoding="utf-8")
    sesudah = Sidik.hitung(Proyek.di(ROOT), 2023)
    assert sesudah.data == sebelum.data and sesudah.semua != sebelum.semua


def test_every_file_the_model_reads_is_fingerprinted(proyek):
    berkas = set(Sidik.hitung(Proyek.di(proyek), 2023).berkas)
    m = masukan(2023, proyek)
    dibaca = [m.data.folder / f for f in ("pk.csv", "komponen.csv", "anggaran.csv", "publikasi.csv")]
    dibaca += [
        m.data.renstra.folder / "indikator.csv",
        m.pembanding.folder / "pk.csv",
        *(d.folder / "pk.csv" for d in m.riwayat),  # every earlier Renstra year the comparison shows
        proyek / "params/2023.yaml",
        proyek / "notebooks/laporan.yml",
    ]
    dibaca += [m.narasi_path(n) for n, t in m.narasi.items() if t is not None]
    assert set(dibaca) <= berkas


# --- presentation helpers ---------------------------------------------------------------------------


def test_html_renderer_escapes_text_and_attributes():
    jahat = 'IK01" onmouseover="alert(1)'
    assert blok_html([html.judul(f"Perhitungan {jahat}", 4, f"langkah-{jahat}")]) == (
        '<h4 id="langkah-IK01&#34; onmouseover=&#34;alert(1)">Perhitungan IK01&#34; onmouseover=&#34;alert(1)</h4>'
    )
    t = html.tabel([{"a": "<i>"}], [html.Kol("A & B", lambda r: r["a"]), html.Kol("N", lambda r: "1", True)], "Judul")
    keluar = blok_html([t])
    assert "<th>A &amp; B</th>" in keluar and '<td>&lt;i&gt;</td><td class="angka">1</td>' in keluar
    assert "<caption>Judul</caption>" in keluar  # not numbered: it is in no Bab
    tautan = html.p(html.Teks("x", tautan="javascript:alert(1)"), html.Teks("y", tautan="https://contoh.go.id"))
    assert blok_html([tautan]) == '<p>x<a href="https://contoh.go.id">y</a></p>'


def test_narrative_placeholders_fill_and_unknown_ones_name_file_and_line():
    assert narasi.isi("Capaian {{ capaian }} dan {{capaian}}.\n", {"capaian": "58,56%"}, "x.md") == (
        "Capaian 58,56% dan 58,56%.\n"
    )
    # an unknown name is a marker (red in a draft, refused by the final report), named with file and line
    assert narasi.isi("baris satu\n{{ capaian_ik99 }}\n", {"capaian_ik01": "1%"}, "x.md") == (
        "baris satu\n⟦?capaian_ik99@x.md:2⟧\n"
    )
    assert narasi.tak_terisi("baris satu\n{{ capaian_ik99 }}\n", {"capaian_ik01": "1%"}, "x.md") == [
        "x.md, baris 2: placeholder '{{ capaian_ik99 }}' tidak dikenal (tidak terisi dari data tahun ini). "
        "Ganti dengan salah satu yang tersedia: capaian_ik01; atau hapus."
    ]


def test_malformed_placeholders_are_errors_naming_file_and_line():
    for teks in ("Lihat {{ tabel_ }}.", "Lihat {{ tabel_pengukuran.", "Lihat {{{{ tabel_pengukuran }}}}.", "x }} y"):
        with pytest.raises(DataError, match=r"x\.md, baris 2"):
            narasi.isi("baris satu\n" + teks + "\n", {}, "x.md")
    assert (
        narasi.isi(
            "{{ tabel_pengukuran }}",
            {},
            "x.md",
        )
        == "⟦tabel_pengukuran@x.md:1⟧"
    )


def test_narrative_markdown_is_inert():
    out = blok_html(
        narasi.ke_blok(
            "<script>x</script> ![a](https://x.invalid/a.png) [klik](javascript:alert(1)) [ok](https://contoh.go.id)"
        )
    )
    assert "<script" not in out and "<img" not in out and 'href="javascript' not in out
    assert '<a href="https://contoh.go.id">ok</a>' in out


def test_missing_narrative_is_a_marker_not_an_error():
    assert 'class="narasi-kosong"' in blok_html([narasi.tampilkan(None, "data/raw/2023/narasi/x.md", {})])
    assert blok_html([narasi.tampilkan("Teks **tebal**.", "s.md", {})]) == (
        '<div class="narasi" data-sumber="s.md"><p>Teks <strong>tebal</strong>.</p></div>'
    )


def test_no_lkj_module_changes_global_state_on_import():
    import subprocess
    import sys

    kode = (
        "import matplotlib; before = dict(matplotlib.rcParams); import lkj.tampil.charts, lkj.tampil.narasi; "
        "import sys; sys.exit(0 if dict(matplotlib.rcParams) == before else 1)"
    )
    assert subprocess.run([sys.executable, "-c", kode], cwd=Path(ROOT)).returncode == 0


def test_a_negative_capaian_stays_on_the_chart():
    """A lower-is-better indicator far past twice its target has a negative capaian: it is drawn, not clipped."""
    from lkj.tampil import charts

    svg = charts.capaian_per_indikator(["Indikator A", "Indikator B"], [-40.0, 120.0], 2).svg
    assert "−40,00%" in svg or "-40,00%" in svg
    assert charts._rentang_x([-40.0, 120.0])[0] < -40
    assert charts._rentang_x([50.0])[0] == 0.0
