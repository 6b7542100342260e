"""De-identification between loading and stitching: PHI never reaches a prompt.

Pages are analysed where they are loaded (the loader's worker processes); here the whole
record is seen at once: what one document revealed is masked in all of them, and each piece
of PHI gets its surrogate from the patient's mapping.
"""

from __future__ import annotations

import importlib.util
import os
import sys

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
LOADER_WORKER = "CLINSUM_LOADER_WORKER"  # set by ingestion.load in the environment of its workers
_SPACY_ON_TORCH = ("spacy_transformers", "spacy_curated_transformers")
_hidden = [m for m in ("transformers", "torch") if m not in sys.modules]
if "torch" in _hidden and (os.environ.get(LOADER_WORKER) != "1"
                           or any(importlib.util.find_spec(p) for p in _SPACY_ON_TORCH)):
    _hidden.remove("torch")
for _module in _hidden:
    sys.modules[_module] = None  # type: ignore[assignment]  # import fails: presidio and thinc do without
try:
    import presidio_analyzer  # noqa: E402, F401
    from presidio_anonymizer import AnonymizerEngine  # noqa: E402
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult  # noqa: E402
finally:
    for _module in _hidden:
        del sys.modules[_module]  # everyone else (vLLM) imports the real ones as usual

import functools  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from datetime import timedelta  # noqa: E402

from ingestion.deid.config import DeidSettings
from ingestion.deid.mapping import Mapping, reidentify
from ingestion.deid.propagate import propagate
from ingestion.deid.surrogates import Surrogates
from ingestion.models import Document, Page, PhiSpan

__all__ = ["DeidSettings", "Mapping", "deidentify", "find_phi", "masked", "reidentify"]


def find_phi(texts: Sequence[str], settings: DeidSettings | None = None) -> list[list[PhiSpan]]:
    """PHI spans of texts that belong to one patient: analysed, then propagated across them all."""
    from ingestion.deid.analyzer import analyzer

    settings = settings or DeidSettings()
    engine = analyzer(settings.model_dump_json())
    pages = [Page(number=i + 1, text=t, offset=0, width=0, height=0, phi=engine.analyze(t)) for i, t in enumerate(texts)]
    propagate(pages)
    return [page.phi for page in pages]


def deidentify(documents: Sequence[Document], settings: DeidSettings, mapping: Mapping | None = None) -> Mapping:
    """Propagate PHI across the documents (in stitch order) and replace it with surrogates.

    Surrogates are drawn in reading order (so [PERSON_1] is the first person named); presidio's
    anonymizer then writes each page's de-identified text with them.
    """
    mapping = mapping or Mapping.new(settings.max_shift_days)
    dated = [d.date for d in documents if d.date]
    if mapping.reference is None and dated:
        mapping.reference = min(dated)
    propagate(page for doc in documents for page in doc.pages)
    surrogates = Surrogates(mapping)
    for doc in documents:
        doc.prompt_date = doc.date + timedelta(days=mapping.offset_days) if doc.date else None
        for page in doc.pages:
            page.phi = [
                PhiSpan(s.start, s.end, s.entity_type, s.score, surrogates.replace(s.entity_type, page.text[s.start : s.end], doc.date))
                for s in page.phi
            ]
            page.safe_text = _anonymize(page)
    return mapping


def _anonymize(page: Page) -> str:
    if not page.phi:
        return page.text
    chosen = {(s.entity_type, page.text[s.start : s.end]): s.surrogate for s in page.phi}
    operators = {
        kind: OperatorConfig("custom", {"lambda": lambda value, kind=kind: chosen[(kind, value)]})
        for kind in {s.entity_type for s in page.phi}
    }
    results = [RecognizerResult(s.entity_type, s.start, s.end, s.score) for s in page.phi]
    # The spans are merged and disjoint already: presidio must not merge or re-cut them.
    return _anonymizer().anonymize(page.text, results, operators, merge_entities_with_spaces=False).text


@functools.cache
def _anonymizer() -> AnonymizerEngine:
    return AnonymizerEngine()


def masked(page: Page, start: int, end: int) -> str:
    """page.text[start:end] as the prompt shows it: the same stretch of the page's safe text.

    A span that began before `start` was replaced in the passage where it began.
    """
    if page.safe_text is None or not page.phi:
        return page.text[start:end]
    return page.safe_text[_safe_offset(page, start) : _safe_offset(page, end)]


def _safe_offset(page: Page, offset: int) -> int:
    """Where an offset of the original text lands in the safe text (after a span it falls inside)."""
    delta = 0
    for span in page.phi:
        if span.end <= offset:
            delta += len(span.surrogate) - (span.end - span.start)
        elif span.start < offset:
            return span.start + delta + len(span.surrogate)
        else:
            break
    return offset + delta
