# Two commands: `make run` starts the dashboard, `make test` runs every check.
# Each sets up what it needs first; a second run reuses the virtualenv.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Stamps keyed on the requirements' hash: pip runs again only when a pin changes.
RUNTIME_STAMP := $(VENV)/.runtime-$(shell cat requirements.txt | sha256sum | cut -c1-16)
DEV_STAMP := $(VENV)/.dev-$(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint check bench setup setup-dev chromium clean

run: setup
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: setup-dev chromium
	$(PY) -m ruff check .
	$(PY) -m footprint check
	$(PY) -m pytest

lint: setup-dev
	$(PY) -m ruff check .

check: setup
	$(PY) -m footprint check

bench: setup-dev chromium
	$(PY) bench/geo_bench.py
	$(PY) bench/map_bench.py --write-readme

setup: $(RUNTIME_STAMP)

setup-dev: $(DEV_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.runtime-*
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.dev-* $(VENV)/.runtime-*
	touch $@ $(RUNTIME_STAMP)

chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium at $(CHROMIUM):"; \
		echo "  sudo apt-get install chromium"; \
		exit 1; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts static/vendor .cache
