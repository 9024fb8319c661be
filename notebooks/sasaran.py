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
# # Analisis satu sasaran
#
# Dijalankan sekali per sasaran (parameter `sasaran_no`). Langkah perhitungan
# ditampilkan seperti auditor memeriksanya: komponen dan baris sumbernya, rumus,
# substitusi angka, aturan capaian, predikat, grafik, perbandingan, dan narasi.

# %% tags=["parameters"]
tahun = 2023
sasaran_no = 1
root = ""  # project folder (empty: this repository)
masukan = ""  # the validated inputs the build pickled (empty: read data/raw afresh)
bagian = ""  # this part's name in notebooks/laporan.yml (set by the build)

# %%
from lkj import fmt
from lkj.tampil import charts, html, tabel
from lkj.tampil.html import tampilkan
from lkj.tampil.laporan import Laporan

lap = Laporan.muat(tahun, root, masukan, bagian)
p, d = lap.p, lap.digit
indikator = [h for h in p.indikator if h.sasaran_no == int(sasaran_no)]
assert indikator, f"sasaran {sasaran_no} tidak ada di pk.csv"
sasaran = indikator[0].sasaran

# %%
isi = [html.judul(f"Sasaran {sasaran_no}: {sasaran}", 3, lap.jangkar("sasaran", sasaran_no=int(sasaran_no)))]
isi.append(
    html.tabel(
        indikator,
        [
            html.Kol("Indikator Kinerja", lambda h: h.indikator, lebar=3),
            html.Kol("Target", lambda h: tabel.teks_target(h.target, h.satuan, d), True),
            html.Kol("Realisasi", lambda h: tabel.nilai_satuan(h.realisasi.nilai, h.satuan, d), True),
            html.Kol("Capaian", lambda h: fmt.persen(h.capaian.nilai, d), True),
            html.Kol("Predikat", lambda h: h.predikat or fmt.KOSONG, utuh=True),
        ],
        f"Capaian Sasaran {sasaran_no}: {sasaran}",
        id_=f"tabel-sasaran-{int(sasaran_no)}",
    )
)
if len(indikator) > 1:
    rata_sasaran = fmt.persen(p.rata_rata_sasaran(int(sasaran_no)).nilai, d)
    isi.append(html.p("Capaian sasaran (rata-rata indikator): ", html.tebal(rata_sasaran)))
tampilkan(isi)

# %% [markdown]
# Perhitungan setiap indikator: data dukung, rumus, substitusi, capaian, predikat, dan catatan penulis
# (`catatan_data.md`) atas temuan data indikator itu yang belum diperbaiki.

# %% tags=["langkah"]
for h in indikator:
    tampilkan(
        html.judul(f"Perhitungan: {h.indikator}", 4, lap.jangkar("langkah", indikator_id=h.indikator_id)),
        tabel.tabel_komponen(h),
        tabel.langkah_perhitungan(h, p),
        html.catatan([tabel.catatan_data_dukung(h, d)] if h.tanpa_data_dukung and h.jenis_rumus != "langsung" else []),
        html.peringatan(h.catatan),
        lap.catatan_data(h.indikator_id),
    )

# %% [markdown]
# Untuk auditor: data dukung setiap indikator dengan berkas dan nomor barisnya.

# %% tags=["audit"]
for h in indikator:
    tampilkan(
        tabel.tabel_komponen(h, lap.m.proyek.relatif(lap.m.data.folder / "komponen.csv")),
        tabel.sumber_langsung(h, lap.m),
    )
[(h.indikator_id, h.realisasi, h.capaian) for h in indikator]

# %%
r = p.data.renstra
for h in indikator:
    baris = lap.renstra.set_index("indikator_id").loc[h.indikator_id]
    riwayat = lap.riwayat[lap.riwayat.indikator_id == h.indikator_id]
    tahun_ada = [int(t) for t in riwayat.tahun]
    sumbu = sorted({*r.tahun_target, *tahun_ada})  # the Renstra's target years and every year with data
    standar = {
        nama: dict(zip(tahun_ada, riwayat[f"standar_{t}"]))
        for t, nama in tabel.NAMA_TINGKAT.items()
        if riwayat[f"standar_{t}"].notna().any()
    }
    tampilkan(
        html.gambar(
            charts.renstra(
                sumbu,
                [baris[f"target_{k}"] if (k := r.tahun_ke(t)) else None for t in sumbu],
                dict(zip(tahun_ada, riwayat.realisasi)),
                d,
                satuan=h.satuan,
                standar=standar,
            ),
            f"Target Renstra dan Realisasi: {h.indikator}",
            f"gambar-renstra-{h.indikator_id.lower()}",
        ),
        tabel.tabel_riwayat(h, lap.riwayat, baris, p, f"tabel-banding-{h.indikator_id.lower()}"),
    )

# %% [markdown]
# Narasi (analisis, kendala, solusi) dari `data/raw/<tahun>/narasi/sasaran-NN.md`.

# %% tags=["narasi"]
tampilkan(lap.narasi(f"sasaran-{int(sasaran_no):02d}", int(sasaran_no)))
