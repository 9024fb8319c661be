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
# # Bab III.A Capaian Kinerja Organisasi
#
# Pengukuran seluruh indikator, perbandingan dengan tahun sebelumnya dan dengan
# target Renstra. Semua angka dihitung ulang dari `data/raw/<tahun>/`.

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)

# %%
from IPython.display import HTML, SVG, display

from lkj import charts, formulas, tampil
from lkj.laporan import Laporan

lap = Laporan.muat(tahun, root)
p, d = lap.p, lap.digit

# %%
skala = tampil.tabel(p.aturan.skala.kelas[::-1], [
    tampil.Kol("Interval capaian", tampil.rentang),
    tampil.Kol("Predikat", lambda k: k.predikat)], "Skala Nilai Peringkat Kinerja", "skala")
rumus = "".join(f"<li><strong>Polaritas {k}</strong>: {tampil.e(v)}</li>" for k, v in formulas.POLARITAS.items())
display(HTML(tampil.judul("BAB III Akuntabilitas Kinerja", 1, "bab-3")
             + tampil.judul("A. Capaian Kinerja Organisasi", 2, "bab-3-a")
             + lap.narasi("bab3_pengukuran")
             + tampil.judul("Pengukuran Kinerja", 3, "pengukuran")
             + f"<p>Capaian setiap indikator dihitung dengan rumus:</p><ul>{rumus}</ul>"
             + "<p>Capaian sasaran adalah rata-rata capaian indikatornya. Predikat ditetapkan dengan skala berikut; "
               "setiap kelas berlaku dari batas bawahnya sampai batas bawah kelas di atasnya, sehingga tidak ada "
               "nilai yang tidak berpredikat.</p>" + skala))

# %% [markdown]
# Tabel pengukuran: satu baris per indikator Perjanjian Kinerja.

# %% tags=["tabel-pengukuran"]
display(HTML(tampil.tabel_pengukuran(p, "tabel-pengukuran")))

# %% tags=["audit", "nilai-capaian"]
p.tabel()

# %%
label = [f"S{h.sasaran_no} {h.indikator}" for h in p.indikator]
display(SVG(charts.capaian_per_indikator(label, [h.capaian.nilai for h in p.indikator], d,
                                         f"Capaian indikator kinerja {tahun} terhadap target 100%")))

# %%
satuan_persen = [h for h in p.indikator if h.satuan == "%"]
display(SVG(charts.batang_berpasangan(
    [f"S{h.sasaran_no}" for h in satuan_persen],
    {"Target": [h.target for h in satuan_persen], "Realisasi": [h.realisasi.nilai for h in satuan_persen]},
    d, f"Target dan realisasi indikator {tahun} (S = sasaran)")))

# %%
t0 = lap.lalu.tahun if lap.lalu else None
judul_b = tampil.judul(f"Perbandingan dengan Tahun {t0 or 'Sebelumnya'}", 3, "pembanding")
if lap.lalu is None:
    display(HTML(judul_b + tampil.catatan(["tahun pembanding tidak ditetapkan (params: tahun_pembanding)"])))
else:
    display(HTML(judul_b + tampil.tabel_pembanding(p, lap.pembanding, t0)))
    display(SVG(charts.batang_berpasangan(
        [f"S{h.sasaran_no}" for h in p.indikator],
        {f"Capaian {t0}": list(lap.pembanding.capaian_lalu), f"Capaian {tahun}": list(lap.pembanding.capaian)},
        d, f"Capaian {t0} dan {tahun} per sasaran (S = sasaran)", garis_100=True)))

# %% tags=["audit"]
lap.pembanding

# %%
display(HTML(tampil.judul("Perbandingan dengan Target Renstra", 3, "renstra")
             + tampil.tabel_capaian_renstra(p, lap.renstra)
             + "<p>Progres terhadap target akhir Renstra adalah realisasi tahun ini dibandingkan dengan target "
               "tahun ke-5, dengan rumus capaian sesuai polaritas indikator.</p>"))

# %% tags=["audit"]
lap.renstra

# %%
display(HTML(tampil.judul("B. Analisis Capaian per Sasaran", 2, "bab-3-b")
             + "<p>Bagian berikut menguraikan setiap sasaran: data dukung beserta baris sumbernya, rumus, "
               "substitusi angka, aturan capaian, predikat, perbandingan, serta analisis, kendala dan solusi.</p>"))
