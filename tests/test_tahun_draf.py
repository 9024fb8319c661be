"""Issue 22: a second year's draft shows what the writer must still do (copied narrative, an empty signing
date, placeholders that no longer resolve) instead of failing; the final report refuses each, one line."""

import json

import pytest

from lkj.dokumen.html import blok_html
from lkj.dokumen.model import MIME, KotakDraf, Narasi, Paragraf, Teks, ke_json
from lkj.dokumen.susun import Bagian, Tampilan, susun
from lkj.masukan.model import baca_masukan
from lkj.masukan.params import baca_aturan
from lkj.masukan.proyek import Proyek
from lkj.pipeline import BelumFinal
from lkj.pipeline.rakit import dokumen_laporan
from lkj.tampil import narasi
from lkj.tampil.dokumen import tanda_tangan

KONTEKS = {"ik01_k01_realisasi": "12", "ik01_k02_realisasi": "7", "capaian": "58,56%", "tahun": "2024"}


def _teks(blok) -> list[Teks]:
    return [t for b in blok if isinstance(b, Paragraf) for t in b.isi]


def test_a_copied_narrative_opens_with_a_red_box_in_the_draft_and_none_in_the_final():
    n = narasi.tampilkan("Capaian {{ capaian }}.", "data/raw/2024/narasi/sasaran-01.md", KONTEKS, disalin=True)
    assert n.blok[0] == KotakDraf(narasi.DISALIN) and "belum ditinjau" in narasi.DISALIN
    assert "".join(t.teks for t in _teks(n.blok)) == "Capaian 58,56%."
    assert "masih salinan laporan tahun sebelumnya" in blok_html([n], draf=True)
    assert "masih salinan" not in blok_html([n], draf=False)
    dok, _ = susun([Bagian("depan", [Tampilan([n])])], final=True)
    assert not any(isinstance(b, KotakDraf) for x in dok.blok if isinstance(x, Narasi) for b in x.blok)
    # edited since (no longer a copy): no box
    assert not isinstance(narasi.isi_ulang(n, "Capaian {{ capaian }} tahun ini.").blok[0], KotakDraf)


def test_the_names_offered_for_an_unknown_placeholder_are_the_most_alike():
    """A second year's writer typed {{ realisasi_tahun_lalu }}: the name meant, realisasi_lalu, comes first
    even among many names starting alike."""
    konteks = {f"realisasi_ik{i:02}": "1" for i in range(1, 11)} | {"realisasi_lalu": "2", "tahun_lalu": "2023"}
    (pesan,) = narasi.tak_terisi("{{ realisasi_tahun_lalu }}\n", konteks, "x.md")
    assert "Ganti dengan salah satu yang tersedia: realisasi_lalu, " in pesan and pesan.endswith(", …; atau hapus.")


def test_an_unresolved_placeholder_is_a_red_mark_naming_it_and_what_exists():
    teks = "Baris satu.\nRealisasi {{ ik01_k24_realisasi }} dari {{ ik01_k01_realisasi }}.\n"
    n = narasi.tampilkan(teks, "data/raw/2024/narasi/sasaran-01.md", KONTEKS)
    kotak = [b for b in n.blok if isinstance(b, KotakDraf)]
    assert [k.pesan for k in kotak] == [
        "data/raw/2024/narasi/sasaran-01.md, baris 2: placeholder '{{ ik01_k24_realisasi }}' tidak dikenal "
        "(tidak terisi dari data tahun ini). Ganti dengan salah satu yang tersedia: ik01_k02_realisasi, "
        "ik01_k01_realisasi, …; atau hapus."  # the most alike first: k24 is nearer k02 than k01
    ]
    runs = _teks(n.blok)
    assert [t.teks for t in runs] == ["Baris satu.", " ", "Realisasi ", "{{ ik01_k24_realisasi }}", " dari 12."]
    assert [t.merah for t in runs] == [False, False, False, True, False]
    html = blok_html([n], draf=True)
    assert '<span class="narasi-kosong">{{ ik01_k24_realisasi }}</span>' in html and "tidak dikenal" in html


def test_an_empty_signing_date_is_a_blank_with_the_signing_year_never_the_old_date(proyek):
    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("tanggal: 31 Januari 2024", "tanggal: null"))
    ttd = tanda_tangan(baca_aturan(Proyek.di(proyek), 2023))
    assert ttd.tempat_tanggal == "Binjai, ……………… 2024 (tanggal belum diisi)"
    assert "31 Januari" not in ttd.tempat_tanggal and "–" not in ttd.tempat_tanggal


def test_final_assembly_refuses_each_unresolved_placeholder_in_one_line_and_a_draft_builds(proyek, tmp_path):
    """The narrative as it is now, against the values the notebook stored: a draft assembles with the
    red marks; the final report refuses one line per placeholder."""
    p = Proyek.di(proyek)
    path = proyek / "data/raw/2023/narasi/sasaran-02.md"
    path.write_text("Realisasi {{ ik02_k09_realisasi }}.\n\nCapaian {{ capaian }}, {{ predikat_lama }}.\n")
    m = baca_masukan(p, 2023)
    n = Narasi("data/raw/2023/narasi/sasaran-02.md", nilai=tuple(sorted({"capaian": "58,56%"}.items())))
    nb = tmp_path / "04-sasaran-02.ipynb"
    keluaran = {"output_type": "display_data", "data": {MIME: ke_json([n])}, "metadata": {}}
    nb.write_text(json.dumps({"cells": [{"cell_type": "code", "outputs": [keluaran], "metadata": {}}]}))
    dok, _ = dokumen_laporan([nb], m, final=False)
    kotak = [b.pesan for x in dok.blok if isinstance(x, Narasi) for b in x.blok if isinstance(b, KotakDraf)]
    assert len(kotak) == 2 and "baris 1: placeholder '{{ ik02_k09_realisasi }}'" in kotak[0]
    with pytest.raises(BelumFinal) as e:
        dokumen_laporan([nb], m, final=True)
    assert [b.split(":")[0] for b in e.value.masalah] == [
        "data/raw/2023/narasi/sasaran-02.md, baris 1",
        "data/raw/2023/narasi/sasaran-02.md, baris 3",
    ]
    assert "'{{ predikat_lama }}' tidak dikenal" in e.value.masalah[1]


def _nb(tmp_path, n: Narasi):
    nb = tmp_path / "04-sasaran-02.ipynb"
    keluaran = {"output_type": "display_data", "data": {MIME: ke_json([n])}, "metadata": {}}
    nb.write_text(json.dumps({"cells": [{"cell_type": "code", "outputs": [keluaran], "metadata": {}}]}))
    return nb


def test_a_placeholder_without_a_value_is_a_red_gap_in_the_draft_and_refused_by_final(proyek, tmp_path):
    """Issue 22: `tahun_pembanding: null` printed "Pada tahun – realisasinya –" and FINAL=1 passed."""
    from lkj.hitung.pengukuran import hitung, hitung_anggaran

    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("tahun_pembanding: 2022", "tahun_pembanding: null"))
    m = baca_masukan(Proyek.di(proyek), 2023)
    p, lalu = hitung(m)
    assert lalu is None
    konteks = narasi.nilai_placeholder(p, lalu, hitung_anggaran(p), sasaran_no=2)
    assert (konteks["tahun_lalu"], konteks["realisasi_lalu"], konteks["arah_rata_rata"]) == ("–", "–", "–")
    sumber = "data/raw/2023/narasi/sasaran-02.md"
    teks = (proyek / sumber).read_text(encoding="utf-8")
    n = narasi.tampilkan(teks, sumber, konteks)
    baris = [
        f"{sumber}, baris 3: placeholder '{{{{ {nama} }}}}' tidak bernilai untuk tahun ini (tercetak '–'). "
        "Lengkapi datanya, atau ubah kalimat itu tanpa placeholder ini."
        for nama in ("tahun_lalu", "realisasi_lalu")
    ]
    assert [b.pesan for b in n.blok if isinstance(b, KotakDraf)] == baris
    runs = [t for t in _teks(n.blok) if t.teks == "–"]
    assert len(runs) == 2 and all(t.merah for t in runs)  # the gaps, marked; the sentence otherwise as written
    assert "(capaian 58,56%, predikat Rendah). Pada tahun – realisasinya –." in "".join(t.teks for t in _teks(n.blok))
    # assembly: a draft builds with the boxes, the final report refuses one line per placeholder
    nb = _nb(tmp_path, Narasi(sumber, nilai=tuple(sorted(konteks.items()))))
    dok, _ = dokumen_laporan([nb], m, final=False)
    assert [b.pesan for x in dok.blok if isinstance(x, Narasi) for b in x.blok if isinstance(b, KotakDraf)] == baris
    with pytest.raises(BelumFinal) as e:
        dokumen_laporan([nb], m, final=True)
    assert e.value.masalah == baris


def test_the_headline_average_without_a_value_is_refused_by_final_and_with_one_it_passes(proyek, tmp_path):
    """After tahun-baru, 'Rata-rata capaian … adalah – dengan predikat –' passed FINAL=1."""
    sumber = "data/raw/2023/narasi/penutup.md"
    (proyek / sumber).write_text((proyek / sumber).read_text(encoding="utf-8").splitlines()[0] + "\n")
    m = baca_masukan(Proyek.di(proyek), 2023)
    kosong = {"instansi": "Dinas X", "tahun": "2024", "jumlah_tercapai": "0", "jumlah_indikator": "10"}
    kosong |= {"rata_rata_capaian": "–", "predikat_rata_rata": "–"}
    with pytest.raises(BelumFinal) as e:
        dokumen_laporan([_nb(tmp_path, Narasi(sumber, nilai=tuple(sorted(kosong.items()))))], m, final=True)
    assert [b.split(": placeholder ")[1].split(" tidak")[0] for b in e.value.masalah] == [
        "'{{ rata_rata_capaian }}'",
        "'{{ predikat_rata_rata }}'",
    ]
    assert all(b.startswith(f"{sumber}, baris 1: ") for b in e.value.masalah)
    # the same text with values assembles as final, with no mark left
    terisi = kosong | {"rata_rata_capaian": "88,65%", "predikat_rata_rata": "Tinggi"}
    dok, _ = dokumen_laporan([_nb(tmp_path, Narasi(sumber, nilai=tuple(sorted(terisi.items()))))], m, final=True)
    runs = [t for x in dok.blok if isinstance(x, Narasi) for b in x.blok if isinstance(b, Paragraf) for t in b.isi]
    assert "adalah 88,65% dengan predikat Tinggi;" in "".join(t.teks for t in runs) and not any(t.merah for t in runs)


def test_the_renstra_year_is_computed_from_the_renstra_data():
    from lkj import fmt

    from conftest import hitung

    assert [fmt.urutan(n) for n in (1, 3, 4, 5, 10, None)] == ["pertama", "ketiga", "keempat", "kelima", "ke-10", "–"]
    p, lalu = hitung(2023)
    k = narasi.nilai_placeholder(p, lalu, None)
    assert (k["tahun_ke_renstra"], k["urutan_tahun_renstra"], k["tahun_renstra"]) == ("tahun ketiga", "3", "2021–2026")
    p0, _ = hitung(2022)
    assert narasi.nilai_placeholder(p0, None, None)["tahun_ke_renstra"] == "tahun kedua"


def test_the_2023_narrative_types_no_renstra_year():
    from conftest import ROOT

    for path in (ROOT / "data/raw/2023/narasi").glob("*.md"):
        teks = path.read_text(encoding="utf-8")
        for urutan in ("pertama", "kedua", "ketiga", "keempat", "kelima"):
            assert f"tahun {urutan} pelaksanaan" not in teks and f"tahun {urutan} Renstra" not in teks, path


def test_r07_finds_last_years_figure_in_a_line_that_does_not_name_last_year(proyek):
    from conftest import hitung, periksa

    path = proyek / "data/raw/2023/narasi/ikhtisar_eksekutif.md"
    asli = path.read_text(encoding="utf-8")
    lalu = narasi.nilai_placeholder(*hitung(2023, proyek), None)["rata_rata_capaian_lalu"]
    assert lalu == "103,86%"
    path.write_text(asli + f"\nRata-rata capaian seluruh indikator mencapai {lalu}.\n", encoding="utf-8")
    (t,) = [t for t in periksa(2023, proyek) if t.aturan == "R07"]
    assert "milik tahun 2022" in t.uraian and t.nilai_dilaporkan == 103.86
    # the same figure in a line that says it is last year's stands
    path.write_text(asli + f"\nRata-rata capaian tahun {{{{ tahun_lalu }}}} adalah {lalu}.\n", encoding="utf-8")
    assert [t for t in periksa(2023, proyek) if t.aturan == "R07"] == []
