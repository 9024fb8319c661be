"""The document model: every block survives the JSON a notebook stores, and charts carry both images."""

import json

from lkj.dokumen.model import (
    Citra,
    Daftar,
    DaftarOtomatis,
    EntriDaftar,
    Gambar,
    Kolom,
    Narasi,
    Paragraf,
    PindahHalaman,
    Sampul,
    SelKepala,
    Tabel,
    TandaTangan,
    Teks,
    dari_json,
    ke_json,
    teks,
)


def test_every_block_round_trips_through_json():
    blok = [
        Tabel(
            "tabel-x",
            "Capaian",
            (Kolom("Indikator", lebar=3), Kolom("Capaian", "%", "kanan", utuh=True)),
            ((teks("Persentase"), teks("58,56")),),
            kepala=((SelKepala("Tahun 2023", 2),),),
            kaki=((teks("Rata-rata", tebal=True), teks("92,90")),),
            catatan=(teks("Sumber: data dukung"),),
        ),
        Gambar("gambar-x", "Capaian per indikator", Citra("<svg/>", b"\x89PNG\r\n", 16.5, 8.0)),
        Narasi("ikhtisar", (Paragraf((*teks("Lihat "), Teks("", rujukan="tabel_x"))), Daftar((teks("a"),)))),
        Narasi("penutup", kosong=True),
        DaftarOtomatis("isi", "Daftar Isi", (EntriDaftar("BAB I", "Pendahuluan", "bab-1"),)),
        TandaTangan("Binjai, 31 Januari 2024", "Kepala Dinas", "Nama", "Pembina", "19700101 199001 1 001"),
        Sampul("Pemerintah Kota Binjai", "Laporan Kinerja", "Dinas", 2023, b"\x89PNG", "image/png"),
        PindahHalaman(),
    ]
    for b in blok:
        assert dari_json(json.loads(json.dumps(ke_json(b)))) == b


def test_a_chart_is_svg_and_print_png_of_one_size():
    from lkj.tampil import charts

    c = charts.capaian_per_indikator(["Indikator A", "Indikator B"], [58.56, 120.0], 2)
    assert c.svg.startswith("<?xml") and c.png.startswith(b"\x89PNG")
    assert 10 < c.lebar_cm < 21 and 2 < c.tinggi_cm < 25  # fits the A4 text width
    assert c == charts.capaian_per_indikator(["Indikator A", "Indikator B"], [58.56, 120.0], 2)  # deterministic
