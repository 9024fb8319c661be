"""What is still empty in a year's data: one warning per empty cell the computation would use.

An empty realisasi is legal (it means "no data": the capaian is not computed and says why),
so these are warnings, not errors. They name exactly the cells an analyst fills next, e.g.
after `python -m lkj tahun-baru` scaffolded the year.
"""

from __future__ import annotations

from .data import DataTahun
from .errors import Peringatan
from .proyek import Proyek

MAKS = 50  # warning lines; the rest are counted in one more line
DIPAKAI = {  # role -> the column the formula reads (data/raw/README.md, table "peran")
    "pembilang": "realisasi",
    "penyebut": "realisasi",
    "populasi": "target",
    "kelompok": "realisasi",
    "tahun_n": "realisasi",
    "tahun_sebelumnya": "realisasi",
    "bagian": "realisasi",
    "nilai": "realisasi",
}


def sel_kosong(proyek: Proyek, d: DataTahun) -> list[Peringatan]:
    sel: list[Peringatan] = []
    ada: set[str] = set()
    if d.komponen is not None:
        path = proyek.relatif(d.folder / "komponen.csv")
        for r in d.komponen.itertuples(index=False):
            ada.add(r.indikator_id)
            kolom = DIPAKAI.get(r.peran)
            if kolom and getattr(r, kolom) is None:
                sel.append(
                    Peringatan(
                        f"{kolom} {r.indikator_id} {r.komponen_id} belum diisi",
                        f"{path}, baris {r.baris}, kolom '{kolom}'",
                    )
                )
    if d.realisasi_langsung is not None:
        path = proyek.relatif(d.folder / "realisasi_langsung.csv")
        for r in d.realisasi_langsung.itertuples(index=False):
            ada.add(r.indikator_id)
            if r.realisasi is None:
                sel.append(
                    Peringatan(f"realisasi {r.indikator_id} belum diisi", f"{path}, baris {r.baris}, kolom 'realisasi'")
                )
    tanpa = [r.indikator_id for r in d.pk.itertuples(index=False) if r.indikator_id not in ada]
    if tanpa and d.komponen is None:  # one line naming the missing file, not one per indicator
        sel.append(
            Peringatan(
                f"berkas komponen.csv tidak ada, sehingga {len(tanpa)} indikator tidak punya data realisasi "
                f"({', '.join(tanpa)})",
                f"buat {proyek.relatif(d.folder / 'komponen.csv')} (atau isi realisasi_langsung.csv)",
            )
        )
    else:
        sel += [
            Peringatan(
                f"indikator {i} tidak punya data realisasi",
                f"isi {proyek.relatif(d.folder / 'komponen.csv')} atau realisasi_langsung.csv",
            )
            for i in tanpa
        ]
    if d.anggaran is not None:
        path = proyek.relatif(d.folder / "anggaran.csv")
        for r in d.anggaran.itertuples(index=False):
            if r.realisasi is None:
                sel.append(
                    Peringatan(
                        f"realisasi anggaran {r.program_kode} belum diisi",
                        f"{path}, baris {r.baris}, kolom 'realisasi'",
                    )
                )
    if len(sel) > MAKS:
        sel = [*sel[:MAKS], Peringatan(f"… dan {len(sel) - MAKS} sel kosong lainnya")]
    return sel
