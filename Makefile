# The two entry points named in README.md. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sagte.db

.PHONY: run test lint bench clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch first and exactly 2.13.0: its CPU build is on this machine kind; letting
# pip choose pulls several GB of CUDA packages.
$(BIN)/sagte: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

.test-deps: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(BIN)/sagte
	$(BIN)/sagte ingest examples --db $(DB)
	$(BIN)/sagte statements --db $(DB)

test: .test-deps
	$(BIN)/python -m pytest -q

lint: .test-deps
	$(BIN)/ruff check sagte tests bench
	$(BIN)/mypy sagte

bench: $(BIN)/sagte
	$(BIN)/python bench/ingest.py

# The four page types at 1280x800 into docs/screenshots/ (needs Debian's chromium
# and chromium-driver: apt-get install chromium chromium-driver).
screenshots: .test-deps
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

clean:
	rm -rf $(VENV) .test-deps $(DB)
