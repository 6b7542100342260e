"""The LLM judge: the configured engine reads the record and rules on each statement.

The record comes first in the prompt and the statements last, a few per request, numbered, so
every request of a summary renders the same prefix and the engine's prefix cache holds it: all
passages when they fit the context, else the passages the batch cites. The reply is JSON of a
schema (`reply_schema`): per statement its index, "supported" | "contradicted" | "not_found",
and the passage it rests on, chosen among the ids the batch cites (or null).

A reply that cannot be read, an index it leaves out, or an engine error leaves those statements
unjudged: no finding, counted in `unjudged`, never a failed summary. Logs carry counts, never
the prompt (de-identified, but still the patient's record).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from app.verify.base import Claim, FaultKind, Finding, Span
from engine.base import ChatRequest, Engine, EngineError
from ingestion.record_format import passage_line, passage_number

log = logging.getLogger(__name__)

VERDICTS = ("supported", "contradicted", "not_found")
_ROOM = 1024  # tokens kept free beside the record for the system message, the task and the template

SYSTEM = (
    "You check a clinical summary against the de-identified record it was written from. Each passage of "
    "the record sits on its own line after its id in square brackets, like [P12]. For each numbered "
    "statement you decide, from its cited passages only: supported (the passages say it), contradicted "
    "(the passages say otherwise: a different number, unit, date, drug, side, negation, person or "
    "certainty), or not_found (the passages do not say it). Judge strictly; do not use outside knowledge."
)

_TASK = (
    "Task: judge each statement below against the record above. Reply with JSON only: "
    '{{"verdicts": [{{"index": 1, "verdict": "supported", "passage": "P3"}}]}}, one entry per statement, '
    'where passage is the id that decides the verdict, or null.\n\nStatements:\n{statements}'
)


def render_record(passages: Mapping[str, str], ids: Sequence[str] | None = None) -> str:
    """The passages as the summary prompt shows them (the record format's "[P12] text" lines) in id
    order (P2 before P10): the same text every time, whatever order the mapping came in (a database
    returns rows in no promised order)."""
    wanted = passages.keys() if ids is None else set(ids) & passages.keys()
    return "".join(passage_line(pid, str(passages[pid]).strip()) for pid in sorted(wanted, key=_in_order)).rstrip("\n")


def _in_order(pid: str) -> tuple[int, int, str]:
    number = passage_number(pid)
    return (0, number, pid) if number is not None else (1, 0, pid)


def reply_schema(count: int, ids: Sequence[str]) -> dict[str, Any]:
    """JSON schema of a reply judging `count` statements, naming a passage among `ids` or none.

    Entry n must carry index n (prefixItems): a grammar cannot otherwise keep indexes distinct.
    """
    passage: dict[str, Any] = {"enum": [*ids, None]} if ids else {"type": "null"}

    def entry(index: int) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"index": {"enum": [index]}, "verdict": {"enum": list(VERDICTS)}, "passage": passage},
            "required": ["index", "verdict", "passage"],
            "additionalProperties": False,
        }

    verdicts = {"type": "array", "prefixItems": [entry(n) for n in range(1, count + 1)], "items": False,
                "minItems": count, "maxItems": count}
    return {"type": "object", "properties": {"verdicts": verdicts}, "required": ["verdicts"], "additionalProperties": False}


def read_reply(text: str, count: int) -> dict[int, tuple[str, str | None]]:
    """index (1-based) → (verdict, passage id or None), for each well-formed entry; {} when nothing reads."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    entries = data.get("verdicts") if isinstance(data, dict) else data
    out: dict[int, tuple[str, str | None]] = {}
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        index, verdict, passage = entry.get("index"), entry.get("verdict"), entry.get("passage")
        if (isinstance(index, int) and not isinstance(index, bool) and 1 <= index <= count and index not in out
                and verdict in VERDICTS and (passage is None or isinstance(passage, str))):
            out[index] = (verdict, passage)
    return out


class JudgeCheck:
    """A `Check` asking the engine to judge each statement; `unjudged` counts those of the last call it could not."""

    name = "judge"

    def __init__(self, engine: Engine, *, batch_size: int = 8, max_tokens: int = 1024):
        self.engine, self.batch_size, self.max_tokens = engine, batch_size, max_tokens
        self.unjudged = 0

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]:
        out: list[tuple[Finding, ...]] = [() for _ in claims]
        self.unjudged = 0
        # Statements citing no passage of the record are the rules' to flag: the judge has nothing to read.
        todo = [i for i, c in enumerate(claims) if c.cited()]
        if not todo:
            return out
        batches = [todo[n : n + self.batch_size] for n in range(0, len(todo), self.batch_size)]
        passages = claims[todo[0]].passages
        whole = self._whole_record(passages)
        requests = [self._request(whole, [claims[i] for i in batch]) for batch in batches]
        # The first request alone puts the record in the prefix cache; the rest then share it in one batch.
        replies = self._generate(requests[:1]) + (self._generate(requests[1:]) if len(requests) > 1 else [])
        for batch, reply in zip(batches, replies, strict=True):
            judged = read_reply(reply, len(batch)) if reply is not None else {}
            for n, i in enumerate(batch, 1):
                if n not in judged:
                    self.unjudged += 1
                    continue
                verdict, passage = judged[n]
                if verdict != "supported":
                    out[i] = (self._finding(claims[i], verdict, passage),)
        if self.unjudged:
            log.warning("judge: %d of %d statements could not be judged", self.unjudged, len(todo))
        return out

    def _whole_record(self, passages: Mapping[str, str]) -> str | None:
        """All passages rendered, when they fit beside a reply; else None (each batch gets its cited ones)."""
        record = render_record(passages)
        try:
            tokens = self.engine.count_tokens(record)
        except EngineError:
            return None
        return record if tokens + self.max_tokens + _ROOM <= self.engine.context_length else None

    def _request(self, whole: str | None, batch: Sequence[Claim]) -> ChatRequest:
        cited = list(dict.fromkeys(pid for claim in batch for pid in claim.cited()))
        record = whole if whole is not None else render_record(batch[0].passages, cited)
        numbered = "\n".join(f"{n}. {' '.join(c.text.split())} (cites {', '.join(c.cited())})"
                             for n, c in enumerate(batch, 1))
        return ChatRequest.of(("system", SYSTEM), ("user", f"{record}\n\n{_TASK.format(statements=numbered)}"),
                              max_tokens=self.max_tokens, temperature=0.0, json_schema=reply_schema(len(batch), cited))

    def _generate(self, requests: Sequence[ChatRequest]) -> list[str | None]:
        """Reply texts in order; None for each where the engine failed or the reply was cut off."""
        try:
            generations = self.engine.generate(requests)
        except EngineError as error:
            log.warning("judge: the engine failed (%s) on %d request(s)", error.kind, len(requests))
            return [None] * len(requests)
        return [g.text if g.finish_reason == "stop" else None for g in generations]

    @staticmethod
    def _finding(claim: Claim, verdict: str, passage: str | None) -> Finding:
        cited = claim.cited()
        if passage not in cited:  # the judge may name no passage, or one the statement does not cite
            passage = None
        where = passage or ", ".join(cited)
        spans = (Span(passage, 0, len(cited[passage])),) if passage else ()
        if verdict == "contradicted":
            return Finding(FaultKind.CONTRADICTED, f"The judge reads {where} as contradicting this statement.",
                           spans, "judge")
        return Finding(FaultKind.NOT_FOUND, f"The judge found no support for this statement in {where}.", spans, "judge")
