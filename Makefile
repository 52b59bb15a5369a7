# The two commands a newcomer needs are `make run` and `make test`; everything else follows.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
PORT ?= 8000
HOST ?= 127.0.0.1
PG_URL ?= postgres://postgres@127.0.0.1:5432/family_services
PYTEST_ARGS ?=

.PHONY: run test test-sqlite test-postgres lint format messages bench install assets migrate demo \
	collectstatic clean

## Set up everything and serve the site on http://$(HOST):$(PORT)
run: install assets migrate demo
	@$(MANAGE) ensure_local_admin --base-url http://$(HOST):$(PORT)
	@echo "Serving on http://$(HOST):$(PORT)/  (scheduled publishing runs every minute;" \
	  "moderators' digest every 5 minutes, to the console)"
	@export WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT); trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) run_scheduled_publishing --interval 60 & \
	  $(MANAGE) send_moderation_digest --interval 300 & \
	  $(MANAGE) runserver --noreload $(HOST):$(PORT)

## Install the locked Python dependencies into .venv (re-run only when the lock changes)
install: $(VENV)/.installed
$(VENV)/.installed: requirements-dev.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==0.13.8
	$(UV) pip install --quiet -p $(PY) -r requirements-dev.lock
	$(UV) pip install --quiet -p $(PY) --no-deps -e .
	@touch $@

## Install the locked npm packages and build the CSS and JavaScript
assets: static_compiled/.built
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@
static_compiled/.built: node_modules/.installed $(shell find static_src -type f 2>/dev/null)
	npm run --silent build
	@touch $@

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo_content

collectstatic: install assets
	$(MANAGE) collectstatic --no-input

## Run every test: on SQLite, then on PostgreSQL when 127.0.0.1:5432 answers
test: install assets
	@$(MAKE) --no-print-directory test-sqlite
	@if $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  $(MAKE) --no-print-directory test-postgres; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL is not reachable on 127.0.0.1:5432 and CI=true: failing."; exit 1; \
	else \
	  echo "Skipped the PostgreSQL run: nothing answers on 127.0.0.1:5432 (install and start postgresql)."; \
	fi

# Tests marked `postgres` are about PostgreSQL itself: they run in the PostgreSQL pass only.
test-sqlite: install assets
	$(PY) -m pytest -n 2 --dist loadgroup -m "not postgres" $(PYTEST_ARGS)

# The browser suite runs once (in the SQLite pass): it checks pages, not the database engine.
# So do tests that never touch the database (template parity, data files): they would run the
# same on PostgreSQL, and skipping them keeps `make test` within its 30 minutes.
test-postgres: install assets
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -n 2 -m "not browser and not sqlite_only" \
	  --database-tests-only $(PYTEST_ARGS)

lint: install
	@mkdir -p var
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

## Update the translation catalogues and compile them
messages: install
	@command -v msgfmt >/dev/null || { echo "make messages needs GNU gettext: apt-get install gettext"; exit 1; }
	$(MANAGE) makemessages --all --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' \
	  --ignore 'static_compiled/*' --ignore 'tests/*' --ignore 'bench/*'
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

## Benchmarks (never part of make test)
bench: install assets
	$(PY) bench/run.py

clean:
	rm -rf var static_compiled node_modules $(VENV)
