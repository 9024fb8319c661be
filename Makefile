# lkj: Laporan Kinerja as a reproducible build. `make help` lists the targets; each runs the command line
# `.venv/bin/lkj` (`lkj --help`), which the first target that needs it installs (.venv/ from requirements.lock).
#
# Variables (YEAR JOBS FINAL KERNEL ROOT STRICT DOKUMEN PAKSA FILE PYTHON N) reach lkj as typed, in the
# environment (LKJ_YEAR...): $(value V) is never expanded by make, and no shell reads the environment as
# code. lkj checks each value. Other command-line variables are not exported, since make would expand them.
YEAR ?= 2023
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell command -v python3.11 || command -v python3)
endif
unexport $(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $v)),$v))
$(foreach v,YEAR JOBS FINAL KERNEL ROOT STRICT DOKUMEN PAKSA FILE PYTHON N,$(eval override export LKJ_$v = $$(value $v)))
VENV := .venv
STAMP := $(VENV)/.installed
LKJ := $(VENV)/bin/lkj --dari-make
PYTHON_311 = "$$LKJ_PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null || \
	{ echo "GALAT: PYTHON '$$LKJ_PYTHON' bukan Python 3.11: tulis PYTHON=/path/ke/python3.11" >&2; exit 2; }

.DEFAULT_GOAL := help
.PHONY: help setup system-deps data report pratinjau reviu tahun-baru excel-isian excel-impor kertas-kerja \
	semua contoh-pemda \
	lint test test-luas bench lab clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  (YEAR=2023 by default; e.g. make report YEAR=2023 JOBS=2; another project: ROOT=examples/dinas-contoh)"

setup: ## Create .venv with the pinned dependencies (PYTHON=/path/to/python3.11 to choose the interpreter)
	@$(PYTHON_311)
	@$(MAKE) --no-print-directory $(STAMP)
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON_311)
	@$(MAKE) --no-print-directory system-deps
	"$$LKJ_PYTHON" -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
system-deps: ## Install the report font (Liberation Sans) and the fast PDF font subsetter (Debian, as root)
	@sh tools/system-deps.sh

data: $(STAMP) ## Compute data/processed/YEAR/*.csv from data/raw/YEAR
	$(LKJ) data
report: $(STAMP) ## Build reports/YEAR/: HTML, audit HTML, A4 PDF (a draft; FINAL=1: to sign; JOBS=N; KERNEL=segar)
	$(LKJ) report
pratinjau: $(STAMP) ## While writing: rebuild reports/YEAR/ on every save (narrative: under 1 s), until Ctrl-C
	$(LKJ) pratinjau
reviu: $(STAMP) ## Reviu: reports/YEAR/reviu-YEAR.csv and a summary (STRICT=1: fail on errors; DOKUMEN=laporan.pdf)
	$(LKJ) reviu
tahun-baru: $(STAMP) ## Scaffold data/raw/YEAR and params/YEAR.yaml from YEAR-1 and the Renstra (never overwrites)
	$(LKJ) tahun-baru
excel-isian: $(STAMP) ## Workbook to fill: isian-YEAR.xlsx from data/raw (PAKSA=1: overwrite it)
	$(LKJ) excel isian
excel-impor: $(STAMP) ## Import a filled workbook into data/raw (FILE=isian-YEAR.xlsx; PAKSA=1: overwrite changes)
	$(LKJ) excel impor
kertas-kerja: $(STAMP) ## Auditor's workbook with live formulas (make report makes it too)
	$(LKJ) kertas-kerja
semua: $(STAMP) ## Workspace ROOT= (pemda.yml): every OPD in parallel, then the Pemda, then reports/rekap-YEAR.*
	$(LKJ) semua
contoh-pemda: $(STAMP) ## Write a SYNTHETIC workspace of N OPDs and the Pemda into ROOT= (N=5 by default)
	$(LKJ) contoh-pemda

lint: $(STAMP) ## Lint, format check, types, import layers, notebooks (what pre-commit runs, offline)
	$(VENV)/bin/ruff check lkj tests notebooks bench tools && $(VENV)/bin/ruff format --check lkj tests notebooks bench tools
	$(VENV)/bin/mypy && $(VENV)/bin/lint-imports --no-cache && $(VENV)/bin/python tools/check_notebooks.py
test: $(STAMP) ## Run the test suite, with the coverage of lkj (notebook kernels included)
	mkdir -p build/coverage && $(VENV)/bin/python -m pytest --cov=lkj --cov-report=term
test-luas: $(STAMP) ## Property tests with many more generated projects (several minutes)
	LKJ_HYPOTHESIS=luas $(VENV)/bin/python -m pytest tests/test_properti.py --hypothesis-show-statistics
bench: $(STAMP) ## Benchmark: preview save, make report after a narrative edit, cold / floor, and more
	$(VENV)/bin/python bench/bench.py && $(VENV)/bin/python bench/bench_baca.py
lab: $(STAMP) ## Open JupyterLab in the project environment
	$(VENV)/bin/jupyter lab
clean: ## Remove generated files (build/, reports/, data/processed/)
	rm -rf build reports && find data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
