# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
OUT    := build/demo

.PHONY: demo test test-postgres lint typecheck unit bench eval-report clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip==25.3

# Reinstall when the dependency pins change.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

# torch 2.13.0 first: it is the CPU build on this machine's disk; anything else would pull gigabytes of CUDA.
# Only the training tests and `make models` use it; Steward itself never imports torch.
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[dev]'
	touch $@ $(VENV)/.runtime

# The evaluation extra (scikit-learn, matplotlib, alt-profanity-check); never needed by `make demo`.
$(VENV)/.eval: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[eval]'
	touch $@ $(VENV)/.runtime

# The NHS.UK frontend (npm package, pinned in package-lock.json), copied into the git-ignored static folder.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

src/steward/server/static/nhsuk/.built: node_modules/.package-lock.json scripts/build-assets
	python3 scripts/build-assets

.PHONY: assets screenshots demo-cli
assets: src/steward/server/static/nhsuk/.built

# Screenshots of the inbox, an item page and the dashboard into docs/screenshots/.
screenshots: $(VENV)/.dev assets
	scripts/screenshots

# The service: database, demo users, the demo comments ingested and assessed by a worker, served on :8000.
demo: $(VENV)/.runtime assets
	scripts/demo

# The library and CLI alone (no database): scan the demo comments and the platform files.
demo-cli: $(VENV)/.runtime
	@mkdir -p $(OUT)
	$(BIN)/steward policy list
	$(BIN)/steward scan examples/demo-comments.jsonl -o $(OUT)/decisions.jsonl --show 6
	@for f in examples/platforms/*; do \
	  echo; echo "== $$f (format detected automatically)"; \
	  $(BIN)/steward scan "$$f" -o $(OUT)/$$(basename "$$f").decisions.jsonl || exit 1; \
	done
	@echo; echo "Decisions written to $(OUT)/. Try: $(BIN)/steward check \"Call me on 07911 123456\""

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev assets
	scripts/ensure-chromium
	$(BIN)/pytest

test: lint typecheck unit

# The whole service suite again, against the PostgreSQL server on 127.0.0.1:5432 (fresh database per run).
test-postgres: $(VENV)/.dev assets
	scripts/test-postgres

bench: $(VENV)/.runtime
	$(BIN)/python bench/bench_pipeline.py --items 50000

# Scores every shared data set with `steward eval` and rewrites docs/quality.md (results against the targets).
eval-report: $(VENV)/.eval
	$(BIN)/python bench/quality.py --out docs/quality.md

# Rebuilds every shipped model (src/steward/models: the fast tier's *.npz, the accurate tier's encoder/ and
# similarity/, manifest.json, cards/) from ../shared/datasets. About an hour on 2 cores (MiniLM fine-tuning).
# Then records the accurate tier's scores of a few fixed texts on this machine (tests/models/test_reference.py).
.PHONY: models models-check
models: $(VENV)/.dev
	$(BIN)/python -m training.train
	$(BIN)/python -m tests.models.test_reference

# Rebuilds every model into build/models-check and compares its scores with the shipped ones
# (training/compare.py: exit 1 when a number moves more than 0.01). Same hour as `make models`.
models-check: $(VENV)/.dev
	rm -rf build/models-check
	$(BIN)/python -m training.train --out build/models-check
	$(BIN)/python -m training.compare src/steward/models build/models-check

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache node_modules src/steward/server/static/nhsuk
