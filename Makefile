# Quick start: `make run` (set up, serve http://127.0.0.1:8000 and run the background worker), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run models setup test lint bench bench-scale bench-check gate screenshots haystack-suite clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

# the name tagger's model (Baidu LAC, from PyPI once; a no-op when MODEL_DIR has it)
models: $(BIN)/.installed
	$(BIN)/python manage.py fetch_models -v0

setup: models
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_gazetteer
	$(BIN)/python manage.py ingest fixtures/ --quiet
	$(BIN)/python manage.py sync_index

# The worker (upload batches) runs beside the web server and stops with it (Ctrl+C stops both).
run: setup
	@$(BIN)/python manage.py archive_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST)

test: models
	$(BIN)/python -m pytest

gate: models
	$(BIN)/python manage.py evaluate_extraction

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py $(if $(DOCS),--docs $(DOCS))

# the archive at 4× the corpus: the real corpus and a synthetic one of about 300,000 reports (recombined
# real paragraphs, made on the fly), ingested and searched; writes its section of docs/BENCHMARKS.md
bench-scale: $(BIN)/.installed
	$(BIN)/python bench/synthetic.py --all --scale 4

# this tree against a base commit (BASE=ref; default: the one docs/BENCHMARKS.md names for its last full run),
# measured alternately: fails when the ingest's share of the jieba floor, the search p95 or a page's p95 is >10 % worse.
# Not in CI (about 15 minutes, and too noisy on a shared runner).
bench-check: $(BIN)/.installed
	$(BIN)/python bench/check.py $(if $(BASE),--base $(BASE)) $(if $(DOCS),--docs $(DOCS))

# pictures of every public page at 1280 and 390 px, taken by the browser walk (Debian chromium)
screenshots: $(BIN)/.installed
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_walk_browser.py

# haystack's own Whoosh test suite (django-haystack 3.4.0 sdist, fetched from PyPI) run against our engine;
# fails on any difference not documented in tests/haystack_suite/run.py and docs/DECISIONS.md
haystack-suite: $(BIN)/.installed
	$(BIN)/python tests/haystack_suite/run.py

clean:
	rm -rf var
