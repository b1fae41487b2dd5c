# 《开发区建设》周刊采编系统 — developer entry points.
#
#   make run    set up .venv, migrate, load zones, import seeds, create demo accounts, serve
#               (with the mail worker beside the server)
#   make serve  production mode in the foreground on 127.0.0.1:8000: migrate, collectstatic,
#               gunicorn (deploy/gunicorn.conf.py) and the mail worker; needs KFQ_SECRET_KEY
#               and KFQ_ALLOWED_HOSTS in the environment (scripts/serve.sh)
#   make test   system packages, .venv, node_modules, ruff, pytest on SQLite, pytest on
#               throwaway PostgreSQL
#   make lint   ruff check
#   make bench  benchmark of the public pages and search on a scratch SQLite database (bench/)
#   make bench-postgres  the same on a throwaway PostgreSQL cluster
#   make load   hostile input under load: 16 correspondents + 2 editors against gunicorn, 30 s
#   make load-postgres   the same on a throwaway PostgreSQL cluster
#   make clean  caches; `make distclean` also removes .venv, node_modules and db.sqlite3
#
# PYTEST_ARGS passes extra arguments to both pytest runs, e.g. make test PYTEST_ARGS='-x -k home'.
# BENCH_ARGS passes arguments to the benchmark, e.g. make bench BENCH_ARGS='--articles 20000'.
# LOAD_ARGS passes arguments to the load script, e.g. make load LOAD_ARGS='--seconds 60'.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PYTEST_ARGS ?=
BENCH_ARGS ?=
LOAD_ARGS ?=

.PHONY: help venv node-deps run serve system-deps lint test test-sqlite test-postgres bench \
	bench-postgres load load-postgres clean distclean

help:
	@echo "make run        serve the site on http://127.0.0.1:8000 (with seeds and demo accounts)"
	@echo "make serve      production mode on 127.0.0.1:8000 (gunicorn; needs KFQ_SECRET_KEY, KFQ_ALLOWED_HOSTS)"
	@echo "make test       ruff + pytest on SQLite + pytest on a throwaway PostgreSQL cluster"
	@echo "make lint       ruff check ."
	@echo "make bench      benchmark search and reader pages (100,000 articles, scratch SQLite)"
	@echo "make bench-postgres  the same benchmark on a throwaway PostgreSQL cluster"
	@echo "make load       hostile input under load against gunicorn (fresh scratch SQLite)"
	@echo "make load-postgres   the same load on a throwaway PostgreSQL cluster"
	@echo "make venv       create .venv and install requirements-dev.txt"
	@echo "make node-deps  npm ci: the page checkers of package-lock.json (axe-core, vnu-jar)"
	@echo "make clean      remove caches (distclean: also .venv, node_modules, db.sqlite3)"

venv: $(STAMP)

# Re-installs only when a requirements file changed (or .venv is new or broken).
$(STAMP): requirements.txt requirements-dev.txt
	@if ! $(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then \
		echo "==> creating $(VENV) with $(PYTHON)"; \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV); \
	fi
	@echo "==> installing requirements-dev.txt into $(VENV)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

node-deps: $(NODE_STAMP)

# The tests' page checkers: axe-core (tests/browser/a11y.py) and the Nu HTML checker
# (tests/portal_tests/test_valid_html.py). Re-installs only when package-lock.json changed.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used.
$(NODE_STAMP): package.json package-lock.json
	@echo "==> installing package-lock.json into node_modules"
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# import_seeds skips pages imported and unchanged, and never overwrites an editor's correction.
run: export KFQ_DEBUG := true
run: venv
	$(BIN)/python manage.py migrate
	$(BIN)/python manage.py load_zones
	$(BIN)/python manage.py import_seeds
	$(BIN)/python manage.py create_demo_accounts
	@# The mail worker runs beside the server (mail is queued, then sent; here to the console).
	@$(BIN)/python manage.py send_mail --loop --interval 5 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null || true' EXIT; \
		$(BIN)/python manage.py runserver 127.0.0.1:8000

# Debug stays as the environment says (off unless set): the script refuses KFQ_DEBUG=true.
serve: venv
	@scripts/serve.sh

system-deps:
	@scripts/install-system-deps.sh

lint: venv
	$(BIN)/ruff check .

test-sqlite: venv node-deps
	env -u DATABASE_URL scripts/run-pytest.sh $(PYTEST_ARGS)

test-postgres: venv node-deps
	scripts/test-postgres.sh $(PYTEST_ARGS)

# System packages, .venv and node_modules must succeed first. After that ruff and both pytest
# runs always all run, so one report shows everything; the exit status is non-zero if any of
# them failed.
test: system-deps venv node-deps
	@failed=(); \
	echo; echo "==> [1/3] ruff check ."; \
	$(BIN)/ruff check . || failed+=("ruff"); \
	echo; echo "==> [2/3] pytest on SQLite"; \
	env -u DATABASE_URL scripts/run-pytest.sh $(PYTEST_ARGS) || failed+=("pytest-sqlite"); \
	echo; echo "==> [3/3] pytest on PostgreSQL"; \
	scripts/test-postgres.sh $(PYTEST_ARGS) || failed+=("pytest-postgresql"); \
	echo; \
	if [ $${#failed[@]} -ne 0 ]; then \
		echo "==> make test FAILED: $${failed[*]}"; \
		exit 1; \
	fi; \
	echo "==> make test: ruff, pytest on SQLite and pytest on PostgreSQL all passed"

# The scratch SQLite database (var/bench/bench.sqlite3) and its corpus are kept between runs.
bench: venv
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The cluster is deleted afterwards, so every run generates the corpus again.
bench-postgres: system-deps venv
	scripts/with-postgres.sh $(BIN)/python -m bench.run --database-from-env $(BENCH_ARGS)

# A fresh var/bench/hostile.sqlite3 every run; exits 1 when any criterion fails.
load: venv
	$(BIN)/python -m bench.hostile_load $(LOAD_ARGS)

load-postgres: system-deps venv
	scripts/with-postgres.sh $(BIN)/python -m bench.hostile_load --database-from-env $(LOAD_ARGS)

clean:
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -print0 | xargs -0 rm -rf
	rm -rf .pytest_cache .ruff_cache

distclean: clean
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm
