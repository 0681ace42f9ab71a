# The two commands a new user needs: `make demo` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test train bench clean

$(STAMP): pyproject.toml
	$(PY) -c 'import sys; assert sys.version_info >= (3, 11), "lagebild needs Python 3.11+"'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## run the main job on the bundled corpus -> out/report.html, out/picture.json
	$(BIN)/lagebild demo --out out

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

train: $(STAMP)  ## retrain the shipped German NER and morphology models from ../shared/data
	$(BIN)/python scripts/train_ner.py
	$(BIN)/python scripts/train_morph.py

bench: $(STAMP)  ## print speed, memory and quality figures (needs ../shared for the quality ones)
	for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf out .pytest_cache
