# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= boardpapers.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo test install examples bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/boardpapers --db $(DB) ingest examples --workers 2
	$(BIN)/boardpapers --db $(DB) stats
	$(BIN)/boardpapers --db $(DB) search "housing" --limit 3
	@echo "Open http://$(HOST):$(PORT)/ in a browser (Ctrl-C stops the server)"
	$(BIN)/boardpapers --db $(DB) serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src/boardpapers
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src/boardpapers

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python -m bench.run_all

examples: $(STAMP)
	$(BIN)/python scripts/build_examples.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .hypothesis .ruff_cache .mypy_cache
