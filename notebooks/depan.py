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
# # Bagian depan: sampul, kata pengantar, ikhtisar eksekutif, daftar isi, daftar tabel, daftar gambar
#
# Halaman bagian depan bernomor romawi (i, ii, …); Bab I dimulai dari halaman 1.
# Narasi ditulis di `data/raw/<tahun>/narasi/*.md`; angka di dalamnya berasal dari perhitungan.
# Blok tanda tangan dan logo berasal dari `params/<tahun>.yaml`.

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj.tampil import dokumen, html, lampiran_laporan
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
aturan = lap.p.aturan

# %%
tampilkan(dokumen.sampul(aturan, tahun))

# %%
tampilkan(html.judul("Kata Pengantar", 1, "kata-pengantar"), lap.narasi("kata_pengantar"), dokumen.tanda_tangan(aturan))

# %%
tampilkan(
    html.judul("Ikhtisar Eksekutif", 1, "ikhtisar-eksekutif"),
    lap.narasi("ikhtisar_eksekutif"),
    *lampiran_laporan.kalimat_koreksi(lap),  # figures corrected from a published report: how many, where
)

# %% [markdown]
# Daftar isi, daftar tabel dan daftar gambar diisi saat laporan dirakit (judul, nomor tabel dan gambar,
# dan nomor halaman diambil dari seluruh bab).

# %%
tampilkan(dokumen.daftar())
