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
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj.dokumen.model import Daftar
from lkj.hitung import formulas
from lkj.tampil import charts, html, narasi, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p, d = lap.p, lap.digit

# %%
skala = html.tabel(
    p.aturan.skala.kelas[::-1],
    [html.Kol("Interval capaian", tabel.rentang), html.Kol("Predikat", lambda k: k.predikat, utuh=True)],
    "Skala Nilai Peringkat Kinerja",
)
rumus = Daftar(tuple((html.tebal(f"Polaritas {k}"), html.Teks(f": {v}")) for k, v in formulas.POLARITAS.items()))
tampilkan(
    html.judul("BAB III Akuntabilitas Kinerja", 1, "bab-3"),
    html.judul("A. Capaian Kinerja Organisasi", 2, "bab-3-a"),
    lap.narasi("bab3_pengukuran"),
    html.judul("Pengukuran Kinerja", 3, "pengukuran"),
    html.p("Capaian setiap indikator dihitung dengan rumus:"),
    rumus,
    html.p(
        "Capaian sasaran adalah rata-rata capaian indikatornya. Predikat ditetapkan dengan skala berikut; "
        "setiap kelas berlaku dari batas bawahnya sampai batas bawah kelas di atasnya, sehingga tidak ada "
        "nilai yang tidak berpredikat."
    ),
    skala,
)

# %% [markdown]
# Tabel pengukuran: satu baris per indikator Perjanjian Kinerja, lalu catatan penulis (`catatan_data.md`,
# bagian `## Umum`) atas temuan data yang tidak menyangkut satu indikator.

# %% tags=["tabel-pengukuran"]
tampilkan(tabel.tabel_pengukuran(p, lap.jangkar("pengukuran")), lap.catatan_data())

# %% tags=["audit", "nilai-capaian"]
p.tabel()

# %%
label = [f"Sasaran {h.sasaran_no}: {h.indikator}" for h in p.indikator]
tampilkan(
    html.gambar(
        charts.capaian_per_indikator(label, [h.capaian.nilai for h in p.indikator], d),
        f"Capaian Indikator Kinerja Tahun {tahun} terhadap Target",
        "gambar-capaian",
    )
)

# %%
satuan_persen = [h for h in p.indikator if h.satuan == "%"]
tampilkan(
    html.gambar(
        charts.batang_berpasangan(
            [f"Sasaran {h.sasaran_no}: {h.indikator}" for h in satuan_persen],
            {"Target": [h.target for h in satuan_persen], "Realisasi": [h.realisasi.nilai for h in satuan_persen]},
            d,
        ),
        f"Target dan Realisasi Indikator Kinerja Tahun {tahun}",
        "gambar-target-realisasi",
    ),
    html.catatan(
        [
            "Indikator bersatuan selain persen tidak digambarkan: "
            + ", ".join(f"{h.indikator} ({h.satuan})" for h in p.indikator if h.satuan != "%")
        ]
        if len(satuan_persen) < len(p.indikator)
        else []
    ),
)

# %%
t0 = lap.lalu.tahun if lap.lalu else None
judul_b = html.judul(f"Perbandingan dengan Tahun {t0 or 'Sebelumnya'}", 3, "pembanding")
if lap.lalu is None:
    tampilkan(judul_b, html.catatan(["Tahun pembanding tidak ditetapkan."]))
else:
    tampilkan(judul_b, tabel.tabel_pembanding(p, lap.pembanding, t0))
    tampilkan(
        html.gambar(
            charts.batang_berpasangan(
                [f"Sasaran {h.sasaran_no}: {h.indikator}" for h in p.indikator],
                {
                    f"Capaian {t0}": list(lap.pembanding.capaian_lalu),
                    f"Capaian {tahun}": list(lap.pembanding.capaian),
                },
                d,
                garis_100=True,
            ),
            f"Capaian Kinerja Tahun {t0} dan Tahun {tahun}",
            "gambar-pembanding",
        )
    )

# %% tags=["audit"]
lap.pembanding

# %%
tampilkan(
    html.judul("Perbandingan dengan Target Renstra", 3, "renstra"),
    tabel.tabel_capaian_renstra(p, lap.renstra),
    html.p(tabel.catatan_target_akhir(p)),
)

# %% tags=["audit"]
lap.renstra

# %%
tampilkan(
    html.judul("B. Analisis Capaian per Sasaran", 2, "bab-3-b"),
    html.p(
        "Bagian berikut menguraikan setiap sasaran: data dukung, rumus, "
        "substitusi angka, aturan capaian, predikat, perbandingan, serta analisis, kendala dan solusi."
    ),
)

# %% tags=["audit"]
# Sensitivity of the headline: the average and its predikat capped at 100 and 120, and without the
# indicators lacking supporting data (lkj.hitung.pengukuran.sensitivitas).
kepekaan = narasi.catatan_sensitivitas(p)
tampilkan(html.p(kepekaan) if kepekaan else None, tabel.tabel_sensitivitas(p))
