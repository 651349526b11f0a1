# The same commands the README and CI use.  `make run` and `make test` work on a
# fresh machine with only Python 3.11 and make: they create .venv and install first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test lint typecheck unit eval bench goldens clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,dask]'
	$(BIN)/wirelens gazetteer info
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

# The main job: analyse the bundled fictional articles into the embedded DuckDB store
# (wirelens.duckdb; a second run finds them stored and skips them) and show the result.
run: install
	$(BIN)/wirelens ingest samples/articles --db wirelens.duckdb
	$(BIN)/wirelens report --db wirelens.duckdb

test: lint typecheck unit

lint: install
	$(BIN)/ruff check src tests scripts bench

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest -q

# Every quality figure in the README (the benchmarks under ../shared are read from there).
eval: install
	$(BIN)/wirelens eval entities
	$(BIN)/wirelens eval quotes --polnear ../shared/benchmarks/polnear/dev
	$(BIN)/wirelens eval quotes --articles samples/articles --gold tests/gold/quotes
	$(BIN)/wirelens eval geo --corpus lgl
	$(BIN)/wirelens eval geo --corpus lgl --gold-spans
	$(BIN)/wirelens eval geo --corpus trnews
	$(BIN)/wirelens eval geo --corpus trnews --gold-spans
	$(BIN)/wirelens eval geo --corpus geovirus
	$(BIN)/wirelens eval geo --corpus geovirus --gold-spans
	$(BIN)/wirelens eval events
	$(BIN)/wirelens eval events --articles samples/articles --gold tests/gold/events/articles

# Speed and memory, printed as figures and ratios (never asserted: timing is not a test).
bench: install
	$(BIN)/python bench/bench_analyze.py
	$(BIN)/python bench/bench_gazetteer.py
	$(BIN)/python bench/bench_quotes.py
	$(BIN)/python bench/bench_places.py
	$(BIN)/python bench/bench_ingest.py --n 400
	$(BIN)/python bench/bench_memory.py --ingest --n 10000

# Rewrite the golden files after an intended change; review the diff before committing.
goldens: install
	$(BIN)/python scripts/regen_goldens.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
