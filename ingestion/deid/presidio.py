"""presidio, imported once with its environment settled: every module that uses presidio imports this first."""

from __future__ import annotations

import importlib.util
import os
import sys

from ingestion.deid import LOADER_WORKER

# These must be settled before presidio is first imported:
# - tldextract, which presidio imports, fetches the public suffix list at first use unless told not to;
# - presidio asks torch for a CUDA device at import, unless told the device: rules and spaCy run on
#   the CPU, and a loader worker must not touch the GPU the engine holds;
# - presidio imports its optional Hugging Face NER pipeline when transformers is installed (it is
#   with vLLM), which drags in transformers and torch: 2 s and 180 MB per loader process, for a
#   pipeline clinsum does not use. It is imported with transformers hidden, which it tolerates;
# - spaCy's thinc imports torch (and counts CUDA devices) when it is installed: another 1.2 s and
#   190 MB per loader worker, for rules and spaCy pipelines that run on numpy. torch is hidden in
#   the loader's worker processes only (they never run an engine; hiding it in a process that later
#   starts vLLM hangs vLLM), and not when spaCy pipelines run on torch (transformer pipelines).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
_SPACY_ON_TORCH = ("spacy_transformers", "spacy_curated_transformers")
_hidden = [m for m in ("transformers", "torch") if m not in sys.modules]
if "torch" in _hidden and (os.environ.get(LOADER_WORKER) != "1"
                           or any(importlib.util.find_spec(p) for p in _SPACY_ON_TORCH)):
    _hidden.remove("torch")
for _module in _hidden:
    sys.modules[_module] = None  # type: ignore[assignment]  # import fails: presidio and thinc do without
try:
    import presidio_analyzer  # noqa: F401
finally:
    for _module in _hidden:
        del sys.modules[_module]  # everyone else (vLLM) imports the real ones as usual
