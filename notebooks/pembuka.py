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
# # Pembuka: sampul, kata pengantar, ikhtisar eksekutif, Bab I
#
# Sel kode disembunyikan di laporan dan tampil di versi audit. Narasi ditulis di
# `data/raw/<tahun>/narasi/*.md`; angka di dalamnya berasal dari perhitungan.

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from IPython.display import HTML, display

from lkj.tampil import html
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
aturan = lap.p.aturan

# %%
display(HTML(f"""<section class="sampul">
<p class="sampul-pemerintah">{html.e(aturan.pemerintah.upper())}</p>
<h1 class="sampul-judul" id="sampul">LAPORAN KINERJA</h1>
<p class="sampul-instansi">{html.e(aturan.instansi.upper())}</p>
<p class="sampul-tahun">TAHUN {tahun}</p>
</section>"""))

# %%
display(HTML(html.judul("Kata Pengantar", 1, "kata-pengantar") + lap.narasi("kata_pengantar")))

# %%
display(HTML(html.judul("Ikhtisar Eksekutif", 1, "ikhtisar-eksekutif") + lap.narasi("ikhtisar_eksekutif")))

# %% [markdown]
# Daftar isi diisi saat laporan dirakit (judul dan nomor halaman diambil dari seluruh bab).

# %%
display(HTML('<nav id="daftar-isi" class="daftar-isi"><h1 id="daftar-isi-judul">Daftar Isi</h1></nav>'))

# %%
display(HTML(html.judul("BAB I Pendahuluan", 1, "bab-1") + lap.narasi("pendahuluan")))
