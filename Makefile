# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install chromium faketime clock-guard lint bench load clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "coffeechat needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Serve the app on SQLite at http://127.0.0.1:$(PORT)/ (data in COFFEECHAT_HOME).
run: install
	$(BIN)/coffeechat serve --port $(PORT)

## The whole suite, browser tests included (installs Debian's chromium if it can).
test: install chromium
	COFFEECHAT_HOME=$(CURDIR)/.test-home $(BIN)/pytest -n 2

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null) \
	  || { echo "Could not install chromium: run 'apt-get install chromium' as root, then 'make test' again."; exit 1; }; }

## Debian's faketime (libfaketime), for the clock guard.
faketime:
	@command -v faketime >/dev/null 2>&1 || { \
	  echo "Installing Debian's faketime for the clock guard..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq faketime >/dev/null) \
	  || { echo "Could not install faketime: run 'apt-get install faketime' as root, then try again."; exit 1; }; }

## The suite again at five moments where date code breaks (see .ci/clock-guard).
clock-guard: install chromium faketime
	.ci/clock-guard

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Timings at a heavy user's scale, on a throwaway database in bench/out/ (see bench/README.md).
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## 100 simulated students against `coffeechat serve --processes 2` on PostgreSQL, for a
## minute, on 127.0.0.1 (bench/load/run.py; LOAD_ARGS="--help" for the options).
.venv-load/.installed-stamp: bench/load/requirements.lock
	test -x .venv-load/bin/python || $(PYTHON) -m venv .venv-load
	.venv-load/bin/python -m pip install --quiet -r bench/load/requirements.lock
	touch $@

load: install .venv-load/.installed-stamp
	$(BIN)/python bench/load/run.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) .venv-load .test-home .test-home-clock build *.egg-info src/*.egg-info
