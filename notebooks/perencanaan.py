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
# # Bab II Perencanaan Kinerja: Renstra, prioritas, Perjanjian Kinerja, anggaran

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)

# %%
from IPython.display import HTML, display

from lkj import tampil
from lkj.laporan import Laporan

lap = Laporan.muat(tahun, root)
p = lap.p

# %%
display(HTML(tampil.judul("BAB II Perencanaan Kinerja", 1, "bab-2")
             + tampil.judul(f"A. Rencana Strategis {p.data.renstra.tahun_awal}–{p.data.renstra.tahun_akhir}", 2, "bab-2-a")
             + lap.narasi("bab2_renstra") + tampil.tabel_tujuan_sasaran(p)))

# %%
display(HTML(tampil.judul(f"B. Prioritas Pemerintah Daerah Tahun {tahun}", 2, "bab-2-b") + lap.narasi("bab2_prioritas")))

# %%
display(HTML(tampil.judul(f"C. Perjanjian Kinerja Tahun {tahun}", 2, "bab-2-c") + lap.narasi("bab2_pk") + tampil.tabel_pk(p)))

# %% [markdown]
# Pagu per program berasal dari `data/raw/<tahun>/anggaran.csv`.

# %%
judul_d = tampil.judul(f"D. Rencana Kerja dan Anggaran Tahun {tahun}", 2, "bab-2-d")
if lap.anggaran is None:
    display(HTML(judul_d + tampil.catatan(["data anggaran (anggaran.csv) tidak tersedia untuk tahun ini"])))
else:
    display(HTML(judul_d + lap.narasi("bab2_anggaran") + tampil.tabel(
        lap.anggaran.to_dict("records"),
        [tampil.Kol("No", lambda x: x["program_kode"]), tampil.Kol("Program", lambda x: x["program"]),
         tampil.Kol("Pagu Anggaran", lambda x: tampil.fmt.rupiah(x["pagu"]), True)],
        f"Program dan Pagu Anggaran Tahun {tahun}", "pagu")))
