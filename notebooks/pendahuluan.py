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
# # Bab I Pendahuluan
#
# Narasi dari `data/raw/<tahun>/narasi/pendahuluan.md`, `bab1_isu_strategis.md` dan `bab1_peran.md`;
# bagan organisasi digambar dari `data/raw/<tahun>/organisasi.csv` (unit dan atasannya), tabel pegawai
# dari `pegawai.csv` (bila ada).

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj.tampil import charts, html, lampiran_laporan, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
organisasi = lap.m.data.organisasi

# %%
tampilkan(html.judul("BAB I Pendahuluan", 1, "bab-1"), lap.narasi("pendahuluan"))

# %%
if organisasi is None:
    tampilkan(html.catatan(["Bagan organisasi belum tersedia."]))
else:
    unit = list(organisasi.itertuples(index=False))
    bagan, tingkat = charts.bagan_organisasi(unit)  # a chart too tall for a page is cut, the rest a table
    tampilkan(html.gambar(bagan, f"Struktur Organisasi {lap.m.aturan.instansi}", "gambar-organisasi"))
    if tingkat is not None:
        sisa = charts.organisasi_terlalu_dalam(unit, tingkat)
        tampilkan(
            html.catatan(
                [
                    f"Bagan menampilkan {tingkat} tingkat teratas; {len(sisa)} unit kerja di bawahnya tercantum "
                    "pada tabel berikut."
                ]
            ),
            tabel.tabel_unit_organisasi(sisa, tingkat),
        )

# %%
tampilkan(lampiran_laporan.pegawai(lap))

# %%
tampilkan(lap.narasi("bab1_isu_strategis"), lap.narasi("bab1_peran"))
