# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Bab III.C Realisasi anggaran, serapan dan efisiensi per program

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj.tampil import charts, html, narasi, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p, d, a = lap.p, lap.digit, lap.anggaran

# %%
judul = html.judul("C. Realisasi Anggaran dan Efisiensi", 2, "bab-3-c")
if a is None:
    tampilkan(judul, html.catatan(["Data anggaran tahun ini belum tersedia."]))
else:
    tampilkan(judul, html.judul("Realisasi Anggaran per Program", 3, "realisasi-anggaran"), tabel.tabel_anggaran(p, a))

# %% tags=["audit"]
if a is not None:
    tampilkan(tabel.tabel_sumber_anggaran(lap.m, a))

# %%
if a is not None:
    tampilkan(
        html.judul("Efisiensi Penggunaan Anggaran", 3, lap.jangkar("efisiensi")),
        html.p(narasi.aturan_efisiensi(p)),
        html.daftar(narasi.kalimat_efisiensi(p, a)),
        html.p(
            "Tabel berikut menyajikan perbandingan yang sama sebagai indeks, efisiensi = 1 − (serapan anggaran / "
            "capaian kinerja): nilai di atas 0 berarti serapan lebih kecil daripada capaian. Bagi program yang "
            "targetnya belum tercapai, nilai itu bukan efisiensi, sebagaimana diuraikan di atas."
        ),
        tabel.tabel_anggaran(p, a, efisiensi=True),
    )
    tanpa = a[a.indikator_id == ""]
    tampilkan(
        html.gambar(
            charts.batang_berpasangan(  # every program: one without an indicator shows its serapan only
                list(a.program),
                {"Serapan anggaran": list(a.serapan), "Capaian kinerja": list(a.capaian)},
                d,
                garis_100=True,
            ),
            f"Serapan Anggaran dan Capaian Kinerja per Program Tahun {tahun}",
            "gambar-efisiensi",
        ),
        html.catatan(
            [
                "Program tanpa indikator kinerja digambarkan tanpa capaian (efisiensinya tidak dihitung): "
                + "; ".join(tanpa.program)
            ]
            if len(tanpa)
            else []
        ),
    )

# %%
tampilkan(html.judul("Program dan Kegiatan Pendukung", 3, "program-pendukung"), lap.narasi("anggaran"))
