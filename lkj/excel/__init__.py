"""Excel in and out: the analyst's workbook to fill (isian), its import, the auditor's kertas kerja.

Sits above the other stages: it may import masukan, hitung and reviu; nothing below imports it.
The raw CSVs stay the single source; a workbook is only a way in and out.
"""
