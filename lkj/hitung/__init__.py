"""Computation: pure LKj formulas and the measurement of a year."""
