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
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj import fmt
from lkj.tampil import html, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p = lap.p

# %%
tampilkan(
    html.judul("BAB II Perencanaan Kinerja", 1, "bab-2"),
    html.judul(f"A. Rencana Strategis {p.data.renstra.tahun_awal}–{p.data.renstra.tahun_akhir}", 2, "bab-2-a"),
    lap.narasi("bab2_renstra"),
    tabel.tabel_tujuan_sasaran(p),
)

# %%
tampilkan(html.judul(f"B. Prioritas Pemerintah Daerah Tahun {tahun}", 2, "bab-2-b"), lap.narasi("bab2_prioritas"))

# %%
tampilkan(
    html.judul(f"C. Perjanjian Kinerja Tahun {tahun}", 2, "bab-2-c"),
    lap.narasi("bab2_pk"),
    tabel.tabel_pk(p),
    html.judul("Indikator Kinerja Utama", 3, "iku"),
    tabel.tabel_iku(p),
)

# %% [markdown]
# Pagu per program berasal dari `data/raw/<tahun>/anggaran.csv`.

# %%
judul_d = html.judul(f"D. Rencana Kerja dan Anggaran Tahun {tahun}", 2, "bab-2-d")
if lap.anggaran is None:
    tampilkan(judul_d, html.catatan(["Data anggaran tahun ini belum tersedia."]))
else:
    program = lap.anggaran.to_dict("records")
    tampilkan(
        judul_d,
        lap.narasi("bab2_anggaran"),
        html.tabel(
            program,
            [
                html.kol_nomor(program),
                html.Kol("Program", lambda x: x["program"], lebar=4),
                html.Kol("Pagu Anggaran", lambda x: fmt.rupiah(x["pagu"]), True, lebar=1.6),
            ],
            f"Program dan Pagu Anggaran Tahun {tahun}",
            ["", (html.tebal("Jumlah"),), (html.tebal(fmt.rupiah(lap.anggaran.pagu.sum())),)],
            id_="tabel-pagu",
        ),
    )
