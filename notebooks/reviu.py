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
# # Lampiran: Catatan Reviu
#
# Setiap aturan reviu (`lkj/reviu.py`) dijalankan atas angka yang dipublikasikan
# (`data/raw/<tahun>/publikasi.csv`, bila ada), data mentah, dan narasi. Setiap
# temuan menautkan ke langkah perhitungan yang bersangkutan.

# %% tags=["parameters"]
tahun = 2023
root = ""  # project folder; "" = this repository

# %%
from pathlib import Path

from IPython.display import HTML, display

from lkj import fmt, reviu, tampil
from lkj.compute import ROOT

temuan, ada_publikasi = reviu.periksa(int(tahun), Path(root) if root else ROOT)

# %%
sumber = ("angka yang dipublikasikan (publikasi.csv), data mentah dan narasi" if ada_publikasi
          else "data mentah dan narasi (tidak ada angka publikasi untuk tahun ini)")
ringkas = [(k, [sum(t.kategori == k and t.tingkat == g for t in temuan) for g in reviu.TINGKAT])
           for k in reviu.KATEGORI]
html = (tampil.judul("Lampiran 6. Catatan Reviu", 2, "lampiran-reviu")
        + f"<p>Reviu otomatis atas {sumber}. Temuan berkategori <em>sesuai</em> tidak dicantumkan. "
          "Tingkat <strong>tinggi</strong> berarti selisihnya mengubah predikat.</p>"
        + "<ul>" + "".join(f"<li><strong>{a.kode}</strong>: {tampil.e(a.nama)}</li>" for a in reviu.ATURAN) + "</ul>"
        + tampil.tabel(ringkas, [tampil.Kol("Kategori", lambda r: r[0])]
                       + [tampil.Kol(g.capitalize(), (lambda i: lambda r: str(r[1][i]))(i), True) for i, g in enumerate(reviu.TINGKAT)]
                       + [tampil.Kol("Jumlah", lambda r: str(sum(r[1])), True)],
                       f"Ringkasan temuan reviu ({len(temuan)} temuan)", "ringkasan-reviu"))
display(HTML(html))

# %% tags=["tabel-reviu"]
def _angka(x):
    return fmt.angka(x, 3, minimal=0) if x is not None else fmt.KOSONG


display(HTML(tampil.tabel(temuan, [
    tampil.Kol("Kode", lambda t: t.kode),
    tampil.Kol("Kategori / tingkat", lambda t: f"{t.kategori} / {t.tingkat}"),
    tampil.Kol("Lokasi", lambda t: t.lokasi),
    tampil.Kol("Uraian", lambda t: tampil.e(t.uraian) + (f' <a href="#{tampil.e(t.tautan)}">(lihat perhitungan)</a>' if t.tautan else ""), html=True),
    tampil.Kol("Dilaporkan", lambda t: _angka(t.nilai_dilaporkan), True),
    tampil.Kol("Hasil hitung", lambda t: _angka(t.nilai_hitung), True),
], "Daftar temuan reviu", "reviu", id_="tabel-reviu")))
