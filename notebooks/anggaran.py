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
from IPython.display import HTML, display

from lkj.tampil import charts, html, tabel
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p, d, a = lap.p, lap.digit, lap.anggaran

# %%
judul = html.judul("C. Realisasi Anggaran dan Efisiensi", 2, "bab-3-c")
if a is None:
    display(HTML(judul + html.catatan(["data anggaran (anggaran.csv) tidak tersedia untuk tahun ini"])))
else:
    display(
        HTML(judul + html.judul("Realisasi Anggaran per Program", 3, "realisasi-anggaran") + tabel.tabel_anggaran(p, a))
    )

# %% tags=["audit"]
if a is not None:
    display(HTML(tabel.tabel_sumber_anggaran(lap.m, a)))

# %%
if a is not None:
    display(
        HTML(
            html.judul("Efisiensi Penggunaan Anggaran", 3, lap.jangkar("efisiensi"))
            + "<p>Efisiensi = 1 − (% serapan anggaran / % capaian kinerja indikator program). "
            "Pasangan program–indikator berasal dari <code>program_indikator.csv</code>; program tanpa "
            "indikator tidak dihitung efisiensinya.</p>" + tabel.tabel_anggaran(p, a, efisiensi=True)
        )
    )
    ada, tanpa = a[a.indikator_id != ""], a[a.indikator_id == ""]
    display(
        HTML(
            html.gambar(
                charts.batang_berpasangan(
                    list(ada.program),
                    {"Serapan anggaran": list(ada.serapan), "Capaian kinerja": list(ada.capaian)},
                    d,
                    garis_100=True,
                ),
                f"Serapan Anggaran dan Capaian Kinerja per Program Tahun {tahun}",
                "gambar-efisiensi",
            )
            + (
                html.catatan(
                    [
                        "Program tanpa indikator kinerja tidak digambarkan (efisiensinya tidak dihitung): "
                        + "; ".join(tanpa.program)
                    ]
                )
                if len(tanpa)
                else ""
            )
        )
    )

# %%
display(HTML(html.judul("Program dan Kegiatan Pendukung", 3, "program-pendukung") + lap.narasi("anggaran")))
