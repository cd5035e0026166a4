# careerkb: `make docs` builds the handbook, `make test` runs every test. Both create .venv
# from python3 on first use and reinstall only when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Warnings are errors; -n reports every reference that does not resolve.
SPHINXOPTS ?= -W --keep-going -n
SPHINXBUILD := $(BIN)/sphinx-build -c .
# The tested versions: installs are repeatable, and upgrades are a deliberate change.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: docs test doctest lint serve bench bench-reader bench-search lock clean help
.DEFAULT_GOAL := help

help:
	@echo "make docs   build the handbook into _build/html (warnings are errors)"
	@echo "make test   run every test: pytest, doctests, the Sphinx doctest builder"
	@echo "make doctest  only the handbook's {doctest} blocks"
	@echo "make serve  live preview on http://127.0.0.1:8000"
	@echo "make lint   ruff and mypy"
	@echo "make bench  build times against the plain-Sphinx twin at 1x, 10x, 100x data (about 45 min)"
	@echo "make bench-reader  page weights and glossary filter speed in Chromium"
	@echo "make bench-search  search quality on the golden questions, index size and speed at 1x and 100x"
	@echo "make lock   record the installed versions in constraints.txt"
	@echo "make clean  remove build output (keeps .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per extra: an extra is installed again only when the dependency files change.
$(VENV)/.installed-%: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP_INSTALL) --editable ".[$*]"
	@touch $@

# The doctrees (Sphinx's pickled cache, environment.pickle included) go beside the site, not in
# it: _build/html is what the Pages workflow publishes.
docs: $(VENV)/.installed-docs
	$(SPHINXBUILD) -b html -d _build/doctrees $(SPHINXOPTS) docs _build/html

# pytest runs everything, the Sphinx doctest builder included (tests/test_handbook.py).
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

doctest: $(VENV)/.installed-docs
	$(SPHINXBUILD) -b doctest $(SPHINXOPTS) docs _build/doctest

lint: $(VENV)/.installed-lint
	$(BIN)/ruff check src tests benchmarks scripts conf.py conftest.py
	$(BIN)/ruff format --check src tests benchmarks scripts conf.py conftest.py
	$(BIN)/mypy

serve: $(VENV)/.installed-serve $(VENV)/.installed-docs
	$(BIN)/sphinx-autobuild -c . --host 127.0.0.1 --port 8000 --watch data --watch src docs _build/serve

bench: $(VENV)/.installed-docs
	$(BIN)/python -m benchmarks.build $(BENCHOPTS)

bench-reader: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.reader

bench-search: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.search $(BENCHOPTS)

lock: $(VENV)/.installed-test $(VENV)/.installed-lint $(VENV)/.installed-serve
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | sed '/^careerkb/d' > constraints.txt

clean:
	rm -rf _build dist .pytest_cache .mypy_cache .ruff_cache
