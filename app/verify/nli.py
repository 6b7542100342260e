"""A bring-your-own checker: a local NLI or fact-checking classifier reads each statement against its passages.

Hospital IT mounts a transformers sequence-classification model folder (never downloaded, never
remote code). The premise is the statement's cited passages, the hypothesis the statement; its
labels, read from `config.id2label`, map to a verdict: entailment / supported → none, neutral /
not enough info / not supported → NOT_FOUND, contradiction / refuted → CONTRADICTED. torch and
transformers load here only, when the stage is built, so `clinsum --help` stays fast.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.verify.base import Claim, FaultKind, Finding

log = logging.getLogger(__name__)

SUPPORTED = "supported"  # the label kind that gives no finding

# Label name (lower case, "_" and "-" as spaces) → verdict; the negated names are tried first,
# since "not entailment" holds "entailment".
_NEGATED = ("not entail", "non entail", "not support", "unsupport", "not enough", "nei")
_KINDS: tuple[tuple[str, str | FaultKind], ...] = (
    ("contradict", FaultKind.CONTRADICTED), ("refute", FaultKind.CONTRADICTED),
    ("neutral", FaultKind.NOT_FOUND), ("entail", SUPPORTED), ("support", SUPPORTED),
)


class NliModelError(ValueError):
    """The folder configured as the NLI model is missing or holds no usable classifier."""


def label_kinds(id2label: Mapping[Any, str]) -> dict[int, str | FaultKind]:
    """Class index → SUPPORTED or a FaultKind; NliModelError for a label scheme it cannot read."""
    kinds: dict[int, str | FaultKind] = {}
    for index, label in id2label.items():
        name = " ".join(str(label).lower().replace("_", " ").replace("-", " ").split())
        kind = FaultKind.NOT_FOUND if any(f" {n}" in f" {name}" for n in _NEGATED) else next(
            (k for key, k in _KINDS if key in name), None)
        if kind is None:
            raise NliModelError(f"label {label!r} is not one of entailment/neutral/contradiction or supported/refuted")
        kinds[int(index)] = kind
    if SUPPORTED not in kinds.values() or len(set(kinds.values())) < 2:
        raise NliModelError(f"labels {sorted(map(str, id2label.values()))} give no supported and unsupported pair")
    return kinds


class NliCheck:
    """A `Check` running a local sequence-classification model; loads it when made (NliModelError if it cannot)."""

    name = "nli"

    def __init__(self, model_dir: Path | str, *, batch_size: int = 16, max_length: int = 512):
        self.model_dir, self.batch_size = Path(model_dir), batch_size
        self._tokenizer, self._model, self.kinds = _load(self.model_dir)
        self.max_length = min(max_length, getattr(self._tokenizer, "model_max_length", max_length) or max_length)

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]:
        import torch

        out: list[tuple[Finding, ...]] = [() for _ in claims]
        todo = [(i, c.cited()) for i, c in enumerate(claims) if c.cited()]  # uncited: the rules flag them
        for n in range(0, len(todo), self.batch_size):
            batch = todo[n : n + self.batch_size]
            premises = [" ".join(" ".join(t.split()) for t in cited.values()) for _, cited in batch]
            hypotheses = [" ".join(claims[i].text.split()) for i, _ in batch]
            encoded = self._tokenizer(premises, hypotheses, padding=True, truncation="only_first",
                                      max_length=self.max_length, return_tensors="pt")
            with torch.inference_mode():
                probabilities = self._model(**encoded).logits.softmax(-1)
            best, chosen = probabilities.max(-1)
            for (i, cited), label, p in zip(batch, chosen.tolist(), best.tolist(), strict=True):
                kind = self.kinds[label]
                if kind != SUPPORTED:
                    out[i] = (_finding(kind, ", ".join(cited), p),)
        return out


def _finding(kind: FaultKind, where: str, p: float) -> Finding:
    said = "contradicting" if kind is FaultKind.CONTRADICTED else "not supporting"
    return Finding(kind, f"The NLI model reads {where} as {said} this statement (p={p:.2f}).", (), "nli")


def _load(folder: Path) -> tuple[Any, Any, dict[int, str | FaultKind]]:
    if not folder.is_dir():
        raise NliModelError(f"The NLI model folder {folder} does not exist: mount the model there or drop the nli stage.")
    if not (folder / "config.json").is_file():
        raise NliModelError(f"The NLI model folder {folder} holds no config.json: it is not a transformers model.")
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    config = AutoConfig.from_pretrained(folder, local_files_only=True)
    # A model of another kind would load with a fresh, random classification head: refuse it.
    if not any(a.endswith("ForSequenceClassification") for a in (config.architectures or ())):
        raise NliModelError(f"The model in {folder} is not a sequence classifier ({', '.join(config.architectures or ['no architecture'])}).")
    try:
        kinds = label_kinds(config.id2label)
    except NliModelError as error:
        raise NliModelError(f"The model in {folder} is not an NLI or fact-checking model: {error}.") from None
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(folder, local_files_only=True).eval()
    log.info("NLI model loaded from %s (%d labels)", folder, len(kinds))
    return tokenizer, model, kinds
