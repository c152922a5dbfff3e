# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: demo test lint typecheck check clean chromium

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-cache-dir --upgrade pip
	$(BIN)/python -m pip install --quiet --no-cache-dir -e '.[dev,web,ray]' \
		|| { echo "make: installing into $(VENV) failed (it needs about 1.6 GB free; this disk has:)"; df -h .; exit 1; }
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/veille demo --shared $(SHARED)

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium; install it when missing and we may (root),
# else they skip with a message saying so.
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
		|| echo "make test: /usr/bin/chromium is missing and cannot be installed here; the browser tests will skip"; }

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
