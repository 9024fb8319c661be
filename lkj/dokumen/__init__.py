"""The report as a typed document: blocks a notebook displays, read back by every renderer."""
