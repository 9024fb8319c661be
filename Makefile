# lkj: Laporan Kinerja as a reproducible build.  `make help` lists the targets.
#
# The first target that needs Python creates .venv/ from requirements.lock;
# later calls reuse it (it is rebuilt when the lock file changes).

YEAR ?= 2023
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell command -v python3.11 || command -v python3)
endif
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# ---- User variables (YEAR, JOBS, STRICT, FINAL, PAKSA, FILE, DOKUMEN, ROOT, KERNEL, PYTHON) -----------------------------------------
# Read only through $(value VAR), which never expands the text: `make data YEAR='$(shell ...)'` must
# not run anything. Each is checked here, when make reads this file, before any recipe; recipes use
# the checked copies (*_OK), single-quoted. A new variable (FINAL, PAKSA, FILE...) gets a check here.
#
# Make also expands every command-line variable when it exports it to a recipe's environment, even
# one this file never uses (`make test FOO='$(shell ...)'`). Nothing here reads its input from the
# environment, so command-line variables are not exported (sub-makes still get them via MAKEFLAGS).
unexport $(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $v)),$v))

DIGITS := 0 1 2 3 4 5 6 7 8 9
PATH_CHARS := $(DIGITS) a b c d e f g h i j k l m n o p q r s t u v w x y z \
	A B C D E F G H I J K L M N O P Q R S T U V W X Y Z / . _ + -
# $(call without,TEXT,CHARS): TEXT with every character of the list CHARS removed
without = $(if $(2),$(call without,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,$(words $(2)),$(2))),$(1))
# $(call spaced,TEXT): TEXT (digits) with a space after each digit, so $(words) counts them
spaced = $(call _spaced,$(1),$(DIGITS))
_spaced = $(if $(2),$(call _spaced,$(subst $(firstword $(2)),$(firstword $(2)) ,$(1)),$(wordlist 2,10,$(2))),$(1))
# $(call digits_only,TEXT): non-empty if TEXT is one word of digits only
digits_only = $(if $(filter 1,$(words $(1))),$(if $(call without,$(1),$(DIGITS)),,yes))

YEAR_OK := $(strip $(value YEAR))
ifeq ($(and $(call digits_only,$(YEAR_OK)),$(filter 4,$(words $(call spaced,$(YEAR_OK))))),)
$(error YEAR '$(YEAR_OK)' bukan tahun: tulis empat angka, mis. YEAR=2023)
endif

JOBS_OK := $(strip $(value JOBS))
ifneq ($(JOBS_OK),)
ifeq ($(and $(call digits_only,$(JOBS_OK)),$(filter-out 0 00,$(JOBS_OK)),$(filter 1 2,$(words $(call spaced,$(JOBS_OK))))),)
$(error JOBS '$(JOBS_OK)' tidak sah: tulis jumlah proses 1 sampai 99, mis. JOBS=2)
endif
endif

# $(call flag,NAME,what 1 means): NAME_OK, a 0/1 switch read with $(value NAME), never expanded
define flag
$(1)_OK := $$(strip $$(value $(1)))
ifneq ($$(filter-out 0 1,$$($(1)_OK))$$(filter-out 0 1,$$(words $$($(1)_OK))),)
$$(error $(1) '$$($(1)_OK)' tidak sah: tulis $(1)=1 ($(2)) atau $(1)=0)
endif
endef
$(eval $(call flag,STRICT,gagal bila ada temuan berat))
$(eval $(call flag,PAKSA,timpa walau sudah berubah))
$(eval $(call flag,FINAL,laporan final untuk ditandatangani))
# FILE: a workbook path of letters, digits and / . _ + - only (no space, quote or $)
FILE_OK := $(strip $(value FILE))
ifneq ($(FILE_OK),)
ifneq ($(words $(FILE_OK))$(call without,$(FILE_OK),$(PATH_CHARS)),1)
$(error FILE '$(FILE_OK)' tidak sah: nama berkas hanya huruf, angka dan / . _ + - (tanpa spasi), mis. FILE=isian-2024.xlsx)
endif
endif
# DOKUMEN (issue 18): the received report to review (.pdf, .docx, .txt, .md), same characters as FILE
DOKUMEN_OK := $(strip $(value DOKUMEN))
ifneq ($(DOKUMEN_OK),)
ifneq ($(words $(DOKUMEN_OK))$(call without,$(DOKUMEN_OK),$(PATH_CHARS)),1)
$(error DOKUMEN '$(DOKUMEN_OK)' tidak sah: nama berkas hanya huruf, angka dan / . _ + - (tanpa spasi), mis. DOKUMEN=lkj-dinas-2024.pdf)
endif
endif
KERNEL_OK := $(strip $(value KERNEL))
ifneq ($(filter-out hangat segar,$(KERNEL_OK))$(filter-out 0 1,$(words $(KERNEL_OK))),)
$(error KERNEL '$(KERNEL_OK)' tidak sah: tulis KERNEL=segar (kernel baru tiap notebook) atau KERNEL=hangat (bawaan))
endif

PYTHON_OK := $(strip $(value PYTHON))
ifneq ($(words $(PYTHON_OK))$(call without,$(PYTHON_OK),$(PATH_CHARS)),1)
$(error PYTHON '$(PYTHON_OK)' tidak sah: tulis path interpreter Python 3.11, mis. PYTHON=/usr/bin/python3.11)
endif

# ROOT (optional): another project folder (data/raw, params), e.g. ROOT=examples/dinas-contoh:
# one word of letters, digits and / . _ + - only, not starting with '-'.
ROOT_OK := $(strip $(value ROOT))
ifneq ($(ROOT_OK),)
ifneq ($(words $(ROOT_OK))$(call without,$(ROOT_OK),$(PATH_CHARS))$(filter -%,$(ROOT_OK)),1)
$(error ROOT '$(ROOT_OK)' tidak sah: satu folder berisi huruf, angka dan / . _ + - saja, mis. ROOT=examples/dinas-contoh)
endif
endif
ROOT_ARG := $(if $(ROOT_OK),--root '$(ROOT_OK)')

.DEFAULT_GOAL := help
.PHONY: help setup system-deps data report pratinjau reviu tahun-baru lint test test-luas bench lab clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  (YEAR=$(YEAR_OK) by default; e.g. make report YEAR=2023 JOBS=2; another project: ROOT=examples/dinas-contoh)"

setup: $(STAMP) ## Create .venv with the pinned dependencies

$(STAMP): requirements.lock pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	@'$(PYTHON_OK)' -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "lkj needs Python 3.11 (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	'$(PYTHON_OK)' -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset is present (about 3x faster
# PDF than its fontTools fallback, which it still uses otherwise). Installed on Debian as root.
system-deps: ## Install the optional system library for fast PDF rendering (Debian, as root)
	@if ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing libharfbuzz-subset0 (fast PDF font subsetting) with apt-get"; \
	  apt-get install -y -q libharfbuzz-subset0 >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libharfbuzz-subset0 >/dev/null 2>&1; } || \
	  echo "  not installed: PDFs still build, more slowly"; \
	else echo "Note: install libharfbuzz-subset0 (or your system's HarfBuzz subset library) for faster PDFs"; fi

data: $(STAMP) ## Compute data/processed/YEAR/*.csv from data/raw/YEAR
	$(PY) -m lkj data '$(YEAR_OK)' $(ROOT_ARG)

report: $(STAMP) ## Build reports/YEAR/: HTML, audit HTML and A4 PDF (a draft; FINAL=1: the version to sign)
	$(PY) -m lkj report '$(YEAR_OK)' $(if $(JOBS_OK),-j '$(JOBS_OK)') $(if $(filter 1,$(FINAL_OK)),--final) $(if $(KERNEL_OK),--kernel '$(KERNEL_OK)') $(ROOT_ARG)

pratinjau: $(STAMP) ## While writing: rebuild reports/YEAR/ on every saved change (narrative: under 1 s), until Ctrl-C
	$(PY) -m lkj pratinjau '$(YEAR_OK)' $(if $(JOBS_OK),-j '$(JOBS_OK)') $(if $(filter 1,$(FINAL_OK)),--final) $(if $(KERNEL_OK),--kernel '$(KERNEL_OK)') $(ROOT_ARG)

reviu: $(STAMP) ## Reviu: reports/YEAR/reviu-YEAR.csv and a summary (STRICT=1: fail on errors; DOKUMEN=file.pdf: a received report)
	$(PY) -m lkj reviu '$(YEAR_OK)' $(if $(filter 1,$(STRICT_OK)),--strict) $(if $(DOKUMEN_OK),--dokumen '$(DOKUMEN_OK)') $(ROOT_ARG)

tahun-baru: $(STAMP) ## Scaffold data/raw/YEAR and params/YEAR.yaml from YEAR-1 and the Renstra (never overwrites)
	$(PY) -m lkj tahun-baru '$(YEAR_OK)' $(ROOT_ARG)

lint: $(STAMP) ## Lint, format check, types, import layers, notebooks (what pre-commit runs, offline)
	$(VENV)/bin/ruff check lkj tests notebooks bench tools
	$(VENV)/bin/ruff format --check lkj tests notebooks bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(PY) tools/check_notebooks.py

test: $(STAMP) ## Run the test suite, with the coverage of lkj (notebook kernels included)
	@mkdir -p build/coverage
	$(PY) -m pytest --cov=lkj --cov-report=term

test-luas: $(STAMP) ## Property tests with many more generated projects (several minutes)
	LKJ_HYPOTHESIS=luas $(PY) -m pytest tests/test_properti.py --hypothesis-show-statistics

bench: $(STAMP) ## Benchmark: cold (warm pool, fresh kernels), no-op, narrative and data edits, floor, scaling
	$(PY) bench/bench.py

lab: $(STAMP) ## Open JupyterLab in the project environment
	$(VENV)/bin/jupyter lab

clean: ## Remove generated files (build/, reports/, data/processed/)
	rm -rf build reports
	find data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +

# --- Excel in and out (lkj/excel/): the analyst's workbook and the auditor's kertas kerja ---
.PHONY: excel-isian excel-impor kertas-kerja

excel-isian: $(STAMP) ## Workbook to fill: isian-YEAR.xlsx from data/raw (PAKSA=1: overwrite it)
	$(PY) -m lkj excel-isian '$(YEAR_OK)' $(ROOT_ARG) $(if $(filter 1,$(PAKSA_OK)),--paksa)

excel-impor: $(STAMP) ## Import a filled workbook into data/raw (FILE=isian-YEAR.xlsx; PAKSA=1: overwrite changed CSVs)
	$(PY) -m lkj excel-impor '$(YEAR_OK)' $(ROOT_ARG) '$(if $(FILE_OK),$(FILE_OK),isian-$(YEAR_OK).xlsx)' $(if $(filter 1,$(PAKSA_OK)),--paksa)

kertas-kerja: $(STAMP) ## Auditor's workbook with live formulas (also made by make report): reports/YEAR/kertas-kerja-YEAR.xlsx
	$(PY) -m lkj kertas-kerja '$(YEAR_OK)' $(ROOT_ARG)
