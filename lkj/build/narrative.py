"""Kept only for lkj/build/pratinjau.py's warm-up import (`from . import narrative`): narrative is now filled
at assembly (lkj.tampil.narasi.isi_ulang), never patched into executed notebooks. Delete with that import."""

from ..tampil import narasi  # noqa: F401 (loads Markdown and the presentation, as the warm-up expects)
