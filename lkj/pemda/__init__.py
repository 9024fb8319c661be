"""A whole Pemda: a workspace of OPD projects and the Pemda's own (pemda.yml), built together (`lkj semua`),
the Inspektorat's rekap across OPDs, and a synthetic workspace for the tests and the bench."""
