# lkj: Laporan Kinerja as a reproducible build.  `make help` lists the targets.
#
# The first target that needs Python creates .venv/ from requirements.lock;
# later calls reuse it (it is rebuilt when the lock file changes).

YEAR ?= 2023
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# YEAR is checked here, with make's own functions, before any shell sees it.
YEAR_LEN := $(words $(subst 0,0 ,$(subst 1,1 ,$(subst 2,2 ,$(subst 3,3 ,$(subst 4,4 ,$(subst 5,5 ,$(subst 6,6 ,$(subst 7,7 ,$(subst 8,8 ,$(subst 9,9 ,$(YEAR))))))))))))
YEAR_REST := $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst 7,,$(subst 8,,$(subst 9,,$(YEAR)))))))))))
ifneq ($(words $(YEAR)),1)
$(error YEAR harus satu tahun empat angka, mis. YEAR=2023)
endif
ifneq ($(YEAR_REST)$(filter-out 4,$(YEAR_LEN)),)
$(error YEAR '$(YEAR)' bukan tahun: tulis empat angka, mis. YEAR=2023)
endif

# ROOT (optional): another project folder (data/raw, params), e.g. ROOT=examples/dinas-contoh.
# Checked on its unexpanded text ($(value ROOT)) with make's own functions before any use:
# one word of letters, digits, / _ . - only, not starting with '-'.
ROOT_CHARS := a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z 0 1 2 3 4 5 6 7 8 9 / _ . -
strip_chars = $(if $(2),$(call strip_chars,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,$(words $(2)),$(2))),$(1))
ifneq ($(value ROOT),)
ifneq ($(words $(value ROOT)),1)
$(error ROOT harus satu folder tanpa spasi, mis. ROOT=examples/dinas-contoh)
endif
ifneq ($(call strip_chars,$(value ROOT),$(ROOT_CHARS))$(filter -%,$(value ROOT)),)
$(error ROOT hanya boleh berisi huruf, angka, '/', '_', '.' dan '-' (dan tidak diawali '-'), mis. ROOT=examples/dinas-contoh)
endif
ROOT_ARG := --root $(value ROOT)
endif

.DEFAULT_GOAL := help
.PHONY: help setup system-deps data report reviu tahun-baru test test-luas bench lab clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  (YEAR=$(YEAR) by default; e.g. make report YEAR=2023; another project: ROOT=examples/dinas-contoh)"

setup: $(STAMP) ## Create .venv with the pinned dependencies

$(STAMP): requirements.lock
	@$(MAKE) --no-print-directory system-deps
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "lkj needs Python 3.11 (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -c 'import os, site; open(os.path.join(site.getsitepackages()[0], "lkj-repo.pth"), "w").write(os.getcwd() + "\n")'
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
	$(PY) -m lkj data $(YEAR) $(ROOT_ARG)

report: $(STAMP) ## Build reports/YEAR/: HTML, audit HTML and A4 PDF (a draft; FINAL=1: the version to sign)
	$(PY) -m lkj report $(YEAR) $(ROOT_ARG) $(if $(JOBS),-j $(JOBS)) $(if $(filter 1,$(FINAL)),--final)

reviu: $(STAMP) ## Reviu: reports/YEAR/reviu-YEAR.csv and a summary (STRICT=1: fail on errors)
	$(PY) -m lkj reviu $(YEAR) $(ROOT_ARG) $(if $(filter 1,$(STRICT)),--strict)

tahun-baru: $(STAMP) ## Scaffold data/raw/YEAR and params/YEAR.yaml from YEAR-1 and the Renstra (never overwrites)
	$(PY) -m lkj tahun-baru $(YEAR) $(ROOT_ARG)

test: $(STAMP) ## Run the test suite
	$(PY) -m pytest

test-luas: $(STAMP) ## Property tests with many more generated projects (several minutes)
	LKJ_HYPOTHESIS=luas $(PY) -m pytest tests/test_properti.py --hypothesis-show-statistics

bench: $(STAMP) ## Benchmark: cold, no-op and narrative-edit builds against the floor
	$(PY) bench/bench.py

lab: $(STAMP) ## Open JupyterLab in the project environment
	$(VENV)/bin/jupyter lab

clean: ## Remove generated files (build/, reports/, data/processed/)
	rm -rf build reports
	find data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
