# Tomoda infra synthesizer. Every target creates .venv on first use (see README).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONPATH := constructs
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CHECKPOINT_DISABLE := 1
# User variables reach the apps through the environment, never through a recipe's text (a
# VERSION of `v1"; rm -rf ~; echo "` must stay a string): see constructs/tomoda_build/flags.py.
export VERBOSE VERSION FORCE INCLUDE_PENDING ALLOW_DESTROY DIFF FORMAT DIFF_EXIT_CODE UPDATE CHECK_ARGS BENCH_RUNS CRD_DIR NAME CLIENT_ID STACKS BASE
export PYTHONUTF8 := 1

.PHONY: synth test check lint charts bench imports lock clean help

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

synth: $(VENV)/.installed  ## synthesize everything into dist/ (ALLOW_DESTROY=kind/ns/name,...; VERBOSE=1: a line per unit)
	@$(PY) apps/synth.py

HELM := .cache/tools/bin/helm
$(HELM): requirements-tools.lock $(VENV)/.installed
	@$(PY) -c 'import sys; from tomoda_build.tools import main; sys.exit(main())'

test: $(VENV)/.installed .venv-checkov/.installed $(HELM) node_modules/.installed  ## make check on the committed dist/, then the full test suite
	@$(PY) apps/check.py
	PYTEST_ADDOPTS="$$PYTEST_ARGS" $(VENV)/bin/pytest -q -n 2

LINT_FAMILIES := --only schemas --only wiring --only crosslayer --only policy --only first-sync
lint: $(VENV)/.installed  ## the fast check families on dist/ (no re-synthesis, no checkov, no terraform)
	@$(PY) apps/check.py --skip-freshness -q $(LINT_FAMILIES)

check: $(VENV)/.installed .venv-checkov/.installed  ## verify the committed dist/ (fresh, valid, wired, secure; CHECK_ARGS=--help)
	@$(PY) apps/check.py --args-from-env

# checkov's dependency pins clash with ours: it gets a virtualenv of its own.
.venv-checkov/.installed: requirements-checkov.lock
	@test -x .venv-checkov/bin/python || $(PYTHON) -m venv .venv-checkov
	.venv-checkov/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-checkov.lock
	@touch $@

charts: $(VENV)/.installed $(HELM)  ## pull every pinned chart into .cache/charts (digests in charts.lock; UPDATE=1 rewrites pins)
	@$(PY) apps/charts.py

bench: $(VENV)/.installed  ## performance figures (BENCH_RUNS=n, default 3)
	@$(PY) apps/bench.py

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

imports: $(VENV)/.installed node_modules/.installed  ## regenerate imports/ from CRD_DIR (default ../shared/crds)
	$(PY) apps/make_imports.py

lock: $(VENV)/.installed  ## refresh requirements.lock from the venv after changing pins
	$(PY) -m pip freeze --exclude-editable > requirements.lock

clean:  ## remove caches (never dist/)
	rm -rf .cache cdktf.out .pytest_cache

# ---------------------------------------------------------------- day-to-day (issue 7)
.PHONY: diff plan release docs fresh hooks tenant

tenant: $(VENV)/.installed  ## NAME=<name> CLIENT_ID=<oauth client id>: scaffold config/tenants/<name>.toml, print the checklist
	@$(PY) apps/tenant.py

diff: $(VENV)/.installed  ## preview what synth would change in dist/, with its impact (DIFF=full: the patch; FORMAT=markdown|json; DIFF_EXIT_CODE=1: exit 1 on changes)
	@$(PY) apps/diff.py

plan: $(VENV)/.installed  ## terraform init + plan of each stack whose output differs from BASE (default HEAD; STACKS=a,b|all)
	@$(PY) apps/plan.py

release: $(VENV)/.installed  ## VERSION=vX.Y.Z: set prod's image tag, re-synth, show the diff (FORCE=1: same/older ok; INCLUDE_PENDING=1: other config edits ride along)
	@$(PY) apps/release.py

docs: $(VENV)/.installed  ## regenerate docs/environments.md from config/ and dist/
	@$(PY) apps/docs.py

fresh: $(VENV)/.installed  ## do dist/ and docs/environments.md match the source? (the pre-commit check, cached)
	@$(PY) apps/fresh.py

hooks: $(VENV)/.installed  ## install the git pre-commit hook (runs `make -s fresh`)
	@$(PY) apps/hooks.py
