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
HAPROXY := /usr/sbin/haproxy
REPLICAS ?= 2
# Translations: gettext catalogs edited as .po, compiled to .mo (git-ignored) on every set-up.
LOCALE_DIR := footprint/locale
CATALOGS := $(patsubst %.po,%.mo,$(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/messages.po))

.PHONY: run test lint check bench bench-static-site bench-import bench-presskit publish setup setup-dev chromium haproxy loadtest serve clean i18n

run: setup
	$(PY) -m footprint serve --port $(PORT)

test: setup-dev chromium haproxy
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m footprint check
	$(PY) -m pytest

lint: setup-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

check: setup
	$(PY) -m footprint check

bench: setup-dev chromium
	$(PY) bench/geo_bench.py --write-readme
	$(PY) bench/map_bench.py --write-readme
	$(MAKE) bench-static-site
	$(MAKE) bench-import
	$(MAKE) bench-presskit

bench-static-site: setup-dev chromium
	$(PY) bench/static_site_bench.py --write-readme

# The organizers' list import: 10,000 rows reviewed offline (bench/import_bench.py).
bench-import: setup-dev
	$(PY) bench/import_bench.py --write-readme

# The press kit: every file of one view, bundled data and 10,000 cities (bench/presskit_bench.py).
bench-presskit: setup-dev
	$(PY) bench/presskit_bench.py --write-readme

# Many visitors at once on real Streamlit sessions, one process and 2 replicas behind HAProxy
# (bench/loadtest.py, about 10 minutes; the table goes into README.md).
loadtest: setup-dev haproxy
	$(PY) bench/loadtest.py --write-readme

# `make serve REPLICAS=4`: that many app processes on ports 8601.. behind HAProxy on $(PORT).
serve: setup haproxy
	$(PY) -m deploy.serve --replicas $(REPLICAS) --port $(PORT)

# The static public site: `make publish SITE=/var/www/footprint` (default: site/).
SITE ?= site
publish: setup
	$(PY) -m footprint publish $(SITE)

setup: $(RUNTIME_STAMP) $(CATALOGS)

setup-dev: $(DEV_STAMP) $(CATALOGS)

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

# $(call debian_package,PATH,PACKAGE,WHO): install PACKAGE with apt-get when PATH is missing and
# we are root; otherwise say that WHO needs it and how to install it.
define debian_package
@if [ -x $(1) ]; then exit 0; fi; \
if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	echo "Installing Debian's $(2) for $(3)..."; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
else \
	echo "$(3) need Debian's $(2) at $(1):"; \
	echo "  sudo apt-get install $(2)"; \
	exit 1; \
fi
endef

chromium:
	$(call debian_package,$(CHROMIUM),chromium,the browser tests)

haproxy:
	$(call debian_package,$(HAPROXY),haproxy,make serve and its tests)

$(LOCALE_DIR)/%/LC_MESSAGES/messages.mo: $(LOCALE_DIR)/%/LC_MESSAGES/messages.po | $(RUNTIME_STAMP)
	$(PY) -m babel.messages.frontend compile --statistics -D messages -d $(LOCALE_DIR) -l $*

# After adding t("new_key", ...) calls: extract the keys, merge them into each catalog, then
# translate the new empty entries (the i18n tests fail until every language has them).
i18n: setup
	$(PY) -m babel.messages.frontend extract -F babel.cfg -k t -k N_ --no-location \
		--omit-header -o $(LOCALE_DIR)/messages.pot app.py pages ui footprint
	$(PY) -m babel.messages.frontend update -D messages -i $(LOCALE_DIR)/messages.pot \
		-d $(LOCALE_DIR) --no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts static/vendor .cache
