# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= boardpapers.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo test install system examples bench lint clean

# Debian packages the optional readers (.doc, OCR), the browser tests, PDF publishing, the
# PostgreSQL RUM benchmark and the MariaDB store's tests call. `make system` installs what
# is missing (as root, with apt); elsewhere it prints what to install. CI runs it from
# .ci/run, which also starts the servers.
APT_PACKAGES := antiword poppler-utils chromium chromium-driver tesseract-ocr tesseract-ocr-eng \
  tesseract-ocr-cym ocrmypdf weasyprint libreoffice-writer-nogui postgresql-15-rum \
  mariadb-server

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

test: system $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src/boardpapers
	$(BIN)/python -m pytest

system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "system packages: all present"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null \
	    || echo "could not install:" $$missing; \
	else echo "optional system packages missing (tests that need them are skipped):" $$missing; fi

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
