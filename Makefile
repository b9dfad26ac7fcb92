# The two front-door commands: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STUDY := studies/account-management-effectiveness
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(PY):
	python3 -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@bash scripts/demo.sh $(VENV) $(STUDY)

lint: $(STAMP)
	$(VENV)/bin/ruff check research_tool tests benchmarks
	$(VENV)/bin/ruff format --check research_tool tests benchmarks
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(VENV)/bin/pytest -q

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
