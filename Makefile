# Two commands set everything up on a fresh machine (Python 3.11, nothing installed):
#   make demo   analyze the bundled example page into out/example.json and out/example.html
#   make test   run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
SHARED ?= ../shared

.PHONY: install demo test test-fast browser-deps train eval bench lock schema clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: install
	$(BIN)/rashomon analyze examples/port-sarn.txt --format json --output out/example.json --quiet
	$(BIN)/rashomon analyze examples/port-sarn.txt --format html --output out/example.html

# Chromium for the browser tests, from Debian's packages; skipped (and those tests skip) where apt is not ours.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium not installed: browser tests will be skipped"; }

test: install browser-deps
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser and not ray"

train: install
	$(BIN)/python scripts/train.py --data $(SHARED)/data

eval: install
	@for script in eval/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

bench: install
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Re-pin the lock after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

schema: install
	$(BIN)/python -m rashomon.report.json

clean:
	rm -rf $(VENV) out .pytest_cache build dist src/*.egg-info
