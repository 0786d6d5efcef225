# newsnb — run `make` for the list of targets.
PYTHON ?= python3
CORPUS ?= seeds
OUT ?= reports

.DEFAULT_GOAL := help

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

## setup: install newsnb with its test tools, then render the reports for seeds/ into reports/
setup: install report

## install: pip install the package (editable) with the dev and dask extras
install:
	$(PYTHON) -m pip install --upgrade pip
	$(PYTHON) -m pip install -e ".[dev,dask]"

## report: analyse $(CORPUS) and render the HTML reports into $(OUT)/
report:
	newsnb report $(CORPUS) --out $(OUT)

## parse: analyse $(CORPUS) and write the Parquet tables into build/tables/
parse:
	newsnb parse $(CORPUS) --out build/tables

## test: run the test suite (the command CI runs)
test:
	$(PYTHON) -m pytest -q

## lint: ruff check and format check
lint:
	ruff check analysis tests benchmarks docs
	ruff format --check analysis tests benchmarks docs

## figures: redraw the README's pictures (docs/*.png) from seeds/
figures:
	$(PYTHON) docs/make_figures.py

## bench: print accuracy and speed figures (needs ../shared/eval)
bench:
	for f in benchmarks/eval_*.py benchmarks/bench_*.py; do echo "== $$f"; $(PYTHON) $$f; done

.PHONY: help setup install report parse test lint bench readme figures

## readme: regenerate the table schemas in README.md from analysis/tables.py
readme:
	$(PYTHON) -c "from analysis.tables import update_readme; update_readme('README.md')"
