"""Presentation: HTML tables, calculation steps, charts, narrative, appendices."""
