"""The Lampiran of the signed report and Bab I's staff tables, as document-model blocks.

Lampiran, numbered in this order, each only where the data give it:
1. the Perjanjian Kinerja as signed: both parties (params `perjanjian_kinerja`), the sasaran, indikator and
   target table, and the programs with their anggaran (anggaran.csv);
2. the Pengukuran Kinerja;
3. the Indikator Kinerja Utama with the reference of the decree setting them (params `sk_iku`);
4. the Rencana Aksi (rencana_aksi.csv);
5. the Catatan Koreksi: every figure of the earlier published report (publikasi.csv, typed or read from
   it by the reviu) that this report corrects, with its old and new value and the reason in words;
6. the Inspektorat's Pernyataan Telah Direviu (params `pernyataan_reviu`), in the wording of PermenPANRB
   53/2014. It is signed after the reviu, so a report without it is still final: a draft marks where it
   goes and names the params to fill, the signed report simply has no such page.
"""

from __future__ import annotations

from .. import fmt
from ..dokumen.model import Blok, KotakDraf, Paragraf, PindahHalaman, TandaTangan, Teks
from . import tabel
from .html import Kol, judul, kol_nomor, p
from .laporan import Laporan


def _pihak_ttd(keterangan: str, pihak: dict) -> TandaTangan:
    return TandaTangan(
        keterangan,
        (pihak.get("jabatan") or "").upper(),
        pihak.get("nama") or "",
        pihak.get("pangkat") or "",
        pihak.get("nip") or "",
    )


def perjanjian_kinerja(lap: Laporan, nomor: int) -> list[Blok]:
    """Lampiran: the PK as signed."""
    a, tahun = lap.m.aturan, lap.tahun
    pk = a.perjanjian_kinerja
    blok: list[Blok] = [judul(f"Lampiran {nomor}. Perjanjian Kinerja Tahun {tahun}", 2, "lampiran-pk")]
    if pk is None:
        blok.append(
            KotakDraf(
                f"Perjanjian Kinerja belum lengkap sebagai dokumen yang ditandatangani: isi perjanjian_kinerja "
                f"(tempat, tanggal, pihak_kedua: jabatan, nama, pangkat, nip) pada params tahun {tahun}; pihak pertama "
                "diambil dari penandatangan bila pihak_pertama tidak diisi."
            )
        )
    else:
        pertama, kedua = pk["pihak_pertama"], pk["pihak_kedua"]
        blok += [
            Paragraf((Teks(f"PERJANJIAN KINERJA TAHUN {tahun}", tebal=True),), "tengah"),
            Paragraf((Teks(a.instansi.upper(), tebal=True),), "tengah"),
            p(
                "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
            ),
            p(f"{pertama['nama']}, {pertama['jabatan']}, selanjutnya disebut pihak pertama;"),
            p(f"{kedua['nama']}, {kedua['jabatan']}, selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
            p(
                "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
                "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
                "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
                "tanggung jawab kami."
            ),
            p(
                "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
                "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
                "penghargaan dan sanksi."
            ),
            p(f"Ditandatangani di {pk['tempat']} pada tanggal {pk['tanggal']}."),
            _pihak_ttd("Pihak Kedua,", kedua),
            _pihak_ttd("Pihak Pertama,", pertama),
        ]
    blok.append(tabel.tabel_pk(lap.p, "lampiran-tabel-pk"))
    if lap.m.data.anggaran is not None:
        blok.append(tabel.tabel_program_pk(lap.m.data.anggaran, tahun, "lampiran-tabel-program-pk"))
    return blok


def pengukuran(lap: Laporan, nomor: int) -> list[Blok]:
    return [
        judul(f"Lampiran {nomor}. Pengukuran Kinerja Tahun {lap.tahun}", 2, "lampiran-pengukuran"),
        tabel.tabel_pengukuran(lap.p, "lampiran-tabel-pengukuran"),
    ]


def iku(lap: Laporan, nomor: int) -> list[Blok]:
    """Lampiran: the IKU (the PK's indicators with unit and formula) and the decree that set them."""
    sk = lap.m.aturan.sk_iku
    if sk is None:
        return []
    return [
        judul(f"Lampiran {nomor}. Indikator Kinerja Utama", 2, "lampiran-iku"),
        p(
            f"Indikator Kinerja Utama {lap.m.aturan.instansi} ditetapkan dengan Keputusan Nomor {sk['nomor']} "
            f"tanggal {sk['tanggal']}. Indikator yang diukur pada tahun {lap.tahun}:"
        ),
        tabel.tabel(
            lap.p.indikator,
            [
                Kol("No", lambda h: str(lap.p.indikator.index(h) + 1), lebar=0.5),
                Kol("Indikator Kinerja Utama", lambda h: h.indikator, lebar=3),
                Kol("Satuan", lambda h: h.satuan or "–", lebar=0.8),
                Kol("Rumus", lambda h: h.rumus, lebar=3),
            ],
            f"Indikator Kinerja Utama Tahun {lap.tahun}",
            id_="lampiran-tabel-iku",
        ),
    ]


def rencana_aksi(lap: Laporan, nomor: int) -> list[Blok]:
    ra = lap.m.data.rencana_aksi
    if ra is None or ra.empty:
        return []
    return [
        judul(f"Lampiran {nomor}. Rencana Aksi Tahun {lap.tahun}", 2, "lampiran-rencana-aksi"),
        tabel.tabel_rencana_aksi(lap.p, ra, "lampiran-tabel-rencana-aksi"),
    ]


# Why a published figure was corrected, in words, by the reviu's category of the finding.
ALASAN_KOREKSI = {
    "salah hitung": "dihitung ulang dari data dukungnya",
    "pembulatan": "dibulatkan dari nilai yang tidak dibulatkan",
    "tidak konsisten": "disamakan dengan tabel sumbernya",
    "metodologi": "dihitung dengan rumus sesuai definisi indikator",
    "data dukung tidak ada": "disesuaikan dengan data dukung yang tersedia",
}


def baris_koreksi(lap: Laporan) -> list[dict[str, str]]:
    """Each figure of the earlier published report this report prints otherwise: what it is (in words),
    where it was printed, the old and the new value, the reason."""
    from ..reviu import periksa
    from ..reviu.temuan import NAMA_BESARAN

    if lap.m.publikasi is None:
        return []
    nama = {h.indikator_id: h.indikator for h in (*lap.p.indikator, *(lap.lalu.indikator if lap.lalu else ()))}
    if lap.anggaran is not None:
        nama |= dict(zip(lap.anggaran.program_kode, lap.anggaran.program, strict=True))
    out = []
    for t in periksa(lap.m):
        if t.sumber != "publikasi":
            continue
        for b in t.butir:
            if b.tahun is None or not (b.besaran and b.tertulis and b.benar):
                continue  # a finding on method with no single figure (a gap in the scale, a missing row)
            subjek = "" if b.subjek in ("", "semua") else f" {nama.get(b.subjek, b.subjek)}"
            out.append(
                {
                    "angka": f"{NAMA_BESARAN.get(b.besaran, b.besaran)}{subjek} tahun {b.tahun}",
                    "letak": b.lokasi,
                    "semula": b.tertulis or fmt.KOSONG,
                    "menjadi": b.benar or fmt.KOSONG,
                    "alasan": ALASAN_KOREKSI.get(t.kategori, t.kategori),
                }
            )
    return out


def koreksi(lap: Laporan, nomor: int) -> list[Blok]:
    """Lampiran: the figures corrected from the earlier published report (none without one)."""
    if lap.m.publikasi is None:
        return []
    rows = baris_koreksi(lap)
    blok: list[Blok] = [judul(f"Lampiran {nomor}. Catatan Koreksi", 2, "lampiran-koreksi")]
    if not rows:
        return [*blok, p("Tidak ada angka laporan ini yang berbeda dari laporan yang telah dipublikasikan sebelumnya.")]
    return [
        *blok,
        p(
            f"Laporan ini dihitung ulang dari data dukung. Sebanyak {len(rows)} angka berbeda dari laporan kinerja "
            f"tahun {lap.tahun} yang telah dipublikasikan sebelumnya; angka yang berlaku adalah angka dalam laporan "
            "ini."
        ),
        tabel.tabel(
            rows,
            [
                kol_nomor(rows),
                Kol("Angka", lambda r: r["angka"], lebar=3),
                Kol("Letak pada laporan semula", lambda r: r["letak"], lebar=2.6),
                Kol("Semula", lambda r: r["semula"], True, lebar=1.1),
                Kol("Menjadi", lambda r: r["menjadi"], True, lebar=1.1),
                Kol("Alasan", lambda r: r["alasan"], lebar=1.9),
            ],
            f"Angka yang Dikoreksi dari Laporan Kinerja Tahun {lap.tahun} yang Telah Dipublikasikan",
            id_="lampiran-tabel-koreksi",
        ),
    ]


def kalimat_koreksi(lap: Laporan) -> list[Blok]:
    """For the Ikhtisar: one sentence saying that earlier published figures changed (nothing when none did)."""
    n = len(baris_koreksi(lap))
    if not n:
        return []
    return [
        p(
            f"Laporan ini memperbaiki {n} angka yang berbeda dari laporan kinerja tahun {lap.tahun} yang telah "
            "dipublikasikan sebelumnya; setiap angka beserta nilai semula dan alasannya tercantum pada lampiran "
            "Catatan Koreksi."
        )
    ]


def pernyataan_reviu(lap: Laporan, nomor: int) -> list[Blok]:
    """Lampiran: the Pernyataan Telah Direviu (PermenPANRB 53/2014); a draft-only placeholder without it."""
    r, a, tahun = lap.m.aturan.pernyataan_reviu, lap.m.aturan, lap.tahun
    if r is None:
        return [
            KotakDraf(
                f"Lampiran {nomor}. Pernyataan Telah Direviu: halaman ini dimuat setelah Inspektorat mereviu "
                f"laporan ini. Isi pernyataan_reviu (nomor, tempat, tanggal, jabatan, nama, pangkat, nip) di "
                f"params tahun {tahun}. Laporan final tanpa pernyataan ini tidak memuat halaman ini."
            )
        ]
    return [
        PindahHalaman(),
        judul(f"Lampiran {nomor}. Pernyataan Telah Direviu", 2, "lampiran-pernyataan-reviu"),
        Paragraf((Teks("PERNYATAAN TELAH DIREVIU", tebal=True),), "tengah"),
        Paragraf((Teks(f"LAPORAN KINERJA {a.instansi.upper()}", tebal=True),), "tengah"),
        Paragraf((Teks(f"TAHUN ANGGARAN {tahun}", tebal=True),), "tengah"),
        Paragraf((Teks(f"Nomor: {r['nomor']}"),), "tengah"),
        p(
            f"Kami telah mereviu Laporan Kinerja {a.instansi} untuk tahun anggaran {tahun} sesuai Pedoman Reviu "
            f"atas Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab "
            f"manajemen {a.instansi}."
        ),
        p(
            "Reviu bertujuan untuk memberikan keyakinan terbatas laporan kinerja telah disajikan secara akurat, "
            "andal, dan valid."
        ),
        p(
            "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini "
            "keandalan informasi yang disajikan di dalam laporan kinerja ini."
        ),
        TandaTangan(
            f"{r['tempat']}, {r['tanggal']}",
            (r["jabatan"] or "").upper(),
            r["nama"] or "",
            r["pangkat"] or "",
            r["nip"] or "",
        ),
    ]


def lampiran(lap: Laporan) -> list[Blok]:
    """The whole Lampiran after its level-1 heading, numbered in order over the parts the data give."""
    blok: list[Blok] = [judul("Lampiran", 1, "lampiran")]
    nomor = 1
    for bagian in (
        perjanjian_kinerja,
        pengukuran,
        iku,
        rencana_aksi,
        koreksi,
        pernyataan_reviu,
    ):
        isi = bagian(lap, nomor)
        blok += isi
        nomor += any(not isinstance(b, KotakDraf) for b in isi)
    return blok


def pegawai(lap: Laporan) -> list[Blok]:
    """Bab I: staff by golongan and by education (pegawai.csv); nothing when the file is absent."""
    df = lap.m.data.pegawai
    if df is None:
        return []
    tabel_gol = tabel.tabel_pegawai(df, "golongan", "tabel-pegawai-golongan")
    tabel_pend = tabel.tabel_pegawai(df, "pendidikan", "tabel-pegawai-pendidikan")
    jumlah = {k: int(df[df.kelompok == k].jumlah.sum()) for k in ("golongan", "pendidikan")}
    ada = [k for k in ("golongan", "pendidikan") if (df.kelompok == k).any()]
    if not ada:
        return []
    menurut = " dan menurut ".join(tabel.KELOMPOK_PEGAWAI[k].lower() for k in ada)
    sama = len({jumlah[k] for k in ada}) == 1
    blok: list[Blok | None] = [
        judul("Sumber Daya Manusia", 3, "sumber-daya-manusia"),
        p(
            f"Jumlah pegawai {lap.m.aturan.instansi} pada tahun {lap.tahun} adalah {fmt.angka(jumlah[ada[0]])} "
            f"orang, dirinci menurut {menurut} pada tabel berikut."
            if sama
            else f"Pegawai {lap.m.aturan.instansi} pada tahun {lap.tahun} dirinci menurut {menurut} pada tabel berikut."
        ),
        tabel_gol,
        tabel_pend,
    ]
    return [b for b in blok if b is not None]
