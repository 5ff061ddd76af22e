# Harbour: `make serve` to run it, `make test` to test it. Both set themselves up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test lint lock bench clean help

help:
	@echo "make serve   set up and serve Harbour on http://127.0.0.1:8000 (SQLite in ./data)"
	@echo "make test    set up and run every test (SQLite; PostgreSQL too when DATABASE_URL is set)"
	@echo "make bench   run the HTTP benchmarks (see docs/benchmarks.md)"
	@echo "make lock    regenerate the locked, hashed requirements from pyproject.toml"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base: $(BIN)/python requirements/base.txt pyproject.toml setup.py native/e5/e5.c native/e5/e5.h
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.base requirements/test.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	touch $@

serve: $(VENV)/.base
	$(BIN)/harbour serve

lint: $(VENV)/.test
	$(BIN)/ruff check harbour config tests bench
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/harbour makemigrations --check --dry-run

test: $(VENV)/.test lint
	scripts/ensure-chromium
	env -u DATABASE_URL $(BIN)/pytest
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "== the same suite on $$(echo $$DATABASE_URL | sed 's|//.*@|//…@|')"; \
	  $(BIN)/pytest; \
	fi

bench: $(VENV)/.test
	$(BIN)/python bench/http_bench.py

lock: $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -q -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -q -o requirements/test.txt

clean:
	rm -rf $(VENV) *.egg-info
