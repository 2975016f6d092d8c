# Two commands do the whole set-up on a fresh machine:
#   make run    serve the dashboard (building the sample warehouse on first start)
#   make test   run the whole test suite
# Both create the virtual environment they need; `make test` also installs the system
# packages the browser tests and PDF reports use (Debian's chromium, Korean fonts, pango).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
INSTALLED := $(VENV)/.installed

.PHONY: run test bench bench-full venv warehouse system-packages lint docs sample clean \
	publish-due

$(INSTALLED): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(INSTALLED)

venv: $(INSTALLED)

warehouse: venv
	@if [ ! -s var/warehouse/CURRENT ] && [ -z "$$OUTCOMES_DATA_DIR" ]; then \
		$(PY) -m etl load data/sample --by sample-data --quiet; fi
	$(PY) -m warehouse refresh

run: warehouse
	$(PY) -m ui.launch --server.headless true --server.address localhost --server.port $(PORT)

system-packages:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
		|| ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
		|| ! ldconfig -p 2>/dev/null | grep -q libpangoft2; then \
		echo "installing chromium, Korean fonts, poppler-utils and pango (PDF reports)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 \
			libharfbuzz-subset0 >/dev/null; fi

test: venv system-packages
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q -n 2

# Benchmarks (docs/benchmarks.md): the quick run covers scales 1 and 10 in about 15 minutes;
# the full run adds scale 100 (about 50 minutes on 2 cores). Generated data goes to var/bench.
bench: venv system-packages
	$(PY) -m benchmarks --quick

bench-full: venv system-packages
	$(PY) -m benchmarks --scales 1 10 100

# What a daily timer or cron runs (docs/deployment.md): publish the editions that are due
publish-due: venv
	$(PY) -m reports publish --due

lint: venv
	$(VENV)/bin/ruff check .

docs: venv
	$(PY) -m etl docs
	$(PY) -m warehouse docs

sample: venv
	$(PY) -m etl.sample --seed 7 --scale 1

clean:
	rm -rf var .pytest_cache .ruff_cache
