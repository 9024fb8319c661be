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
# # Bab IV Penutup dan Lampiran

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj import fmt
from lkj.hitung import formulas
from lkj.tampil import html, lampiran_laporan, narasi, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p, d = lap.p, lap.digit

# %%
tampilkan(
    html.judul("BAB IV Penutup", 1, "bab-4"),
    html.judul("A. Kesimpulan", 2, "kesimpulan"),
    lap.narasi("penutup"),
    html.judul("B. Langkah dan Rekomendasi", 2, "rekomendasi"),
    html.p(narasi.aturan_rekomendasi(p, lap.butir_rekomendasi)),
    lap.rekomendasi("penutup_rekomendasi"),
)

# %%
tampilkan(lampiran_laporan.lampiran(lap))

# %% [markdown]
# Untuk auditor (tidak dicetak di laporan): tabel hasil perhitungan tanpa pembulatan tampilan (sama dengan
# `data/processed/<tahun>/capaian.csv`) dan aturan perhitungan yang diterapkan.

# %% tags=["audit"]
tampilkan(
    html.judul("Audit A. Tabel Hasil Perhitungan", 2, "audit-tabel"),
    html.p(
        "Nilai ditampilkan dengan enam angka desimal; perhitungan memakai nilai tanpa pembulatan. "
        f"Berkas yang sama: data/processed/{tahun}/capaian.csv."
    ),
    html.tabel(
        p.indikator,
        [
            html.Kol("Indikator", lambda h: h.indikator_id),
            html.Kol("Jenis rumus", lambda h: h.jenis_rumus),
            html.Kol("Sumber realisasi", lambda h: h.realisasi.sumber),
            html.Kol("Target", lambda h: fmt.bilangan(h.target), True),
            html.Kol("Realisasi", lambda h: fmt.angka(h.realisasi.nilai, 6), True),
            html.Kol("Capaian", lambda h: fmt.angka(h.capaian.nilai, 6), True),
            html.Kol("Dirata-ratakan", lambda h: fmt.angka(h.capaian_dirata, 6), True),
            html.Kol("Predikat", lambda h: h.predikat or fmt.KOSONG),
        ],
        "Hasil perhitungan",
    ),
)

# %% tags=["audit"]
a = p.aturan
aturan = (
    [
        ("Tahun pembanding", str(a.tahun_pembanding or "tidak ada")),
        ("Renstra", a.renstra),
        (
            "Pembulatan tampilan",
            f"{a.digit_desimal} angka desimal, dibulatkan setengah ke atas; perhitungan tanpa pembulatan",
        ),
        (
            "Pembatasan capaian",
            f"{fmt.angka(a.batas_capaian)}% sebelum dirata-ratakan" if a.batas_capaian else "tidak ada",
        ),
        (
            "Indikator dalam rata-rata",
            "semua" if a.indikator_rata_rata == "semua" else ", ".join(a.indikator_rata_rata),
        ),
        ("Target 0 / realisasi kosong", "capaian tidak dihitung, ditandai, dan tidak ikut dirata-ratakan"),
        ("Skala predikat", "; ".join(f"{k.predikat}: {tabel.rentang(k)}" for k in a.skala.kelas)),
    ]
    + [(f"Polaritas {k}", v) for k, v in formulas.POLARITAS.items()]
    + [(f"Rumus {k}", v) for k, v in formulas.JENIS_RUMUS.items()]
)
tampilkan(
    html.judul("Audit B. Aturan Perhitungan", 2, "audit-aturan"),
    html.p(f"Dari params/{tahun}.yaml dan paket lkj."),
    html.tabel(
        aturan,
        [html.Kol("Aturan", lambda r: r[0]), html.Kol("Yang diterapkan", lambda r: r[1], lebar=3)],
        "Aturan yang diterapkan",
    ),
)
