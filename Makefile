# Two commands set everything up on a fresh machine: `make serve` and `make test`.
# The first run creates .venv and installs the pinned dependencies; later runs reuse it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check pages schema documents test test-tools bench size screenshots clean

$(INSTALLED): requirements.txt constraints.txt requirements-geckodriver.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (mkdocs-material 9.8)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-geckodriver.txt
	touch $@

## Check data/markers.yml, data/templates.yml and the page files; prints only plain messages.
check: $(INSTALLED)
	@$(PY) -m macros.content.check

## Build the site into site/, with its offline copy as a zip inside it.
build: check
	$(PY) scripts/build.py site

## Build and serve the site on http://127.0.0.1:8000, rebuilding on edits.
## PREVIEW: the offline zip is made only by `make build`, so the pages say so instead of linking to it.
serve: check
	PREVIEW=true $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Create or remove docs/markers/<id>.md so there is one per marker in the YAML.
pages: $(INSTALLED)
	$(PY) -m macros.content.check --fix-pages

## Write every meeting template as .docx, .odt and .md into build/documents/.
documents: check
	$(PY) -m macros.documents --out build/documents

## Regenerate the JSON Schema in schema/ from the content model.
schema: $(INSTALLED)
	$(PY) -m macros.content.schema

## Install the browsers and tools the tests use (Chromium, Firefox ESR, WebKitGTK, Xvfb, LibreOffice, axe-core).
test-tools:
	bash scripts/install-test-tools.sh

## Run every test. The WebKit tests start a virtual display (Xvfb) and stop it at the end.
test: $(INSTALLED) test-tools
	$(PY) -m pytest

## Measure build times, sizes and load times; prints a Markdown table (not part of `make test`).
bench: $(INSTALLED) test-tools
	$(PY) scripts/bench.py

## Build, then write screenshots of the main pages at 1280 and 375 px into build/screenshots/ for review.
screenshots: build test-tools
	$(PY) scripts/screenshots.py site build/screenshots

## Print, per page, the gzipped size of our own JavaScript and CSS (budgets: 15 KB guidance page, 40 KB summary page).
size: $(INSTALLED)
	@$(PY) scripts/asset_size.py

clean:
	rm -rf site .pytest_cache
