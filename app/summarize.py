"""Summaries of, and answers from, a record that may span several prompts: map, then reduce.

One prompt is one call. Several are summarized part by part in one batch (the map step: one
`engine.generate` over all parts, so vLLM batches them), then the partial summaries are merged
in a final call that keeps their citations (the reduce step); partials too large to merge at
once are merged in groups, round after round. A question is asked of every part and the
answers merged the same way.

Engine errors propagate (the job layer retries); a reply nothing can be read from raises
`ModelOutputError`. Statements hold only what the model wrote, and citations naming passages
the prompts do not hold are dropped. Logs carry counts and timings, never record text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda
from langsmith import tracing_context

from app.parse import Parsed, parse_summary
from app.prompts import merge_answers_request, merge_request, question_request, summary_request
from engine.base import ChatRequest, Engine, Generation
from engine.summary_format import SECTIONS, Summary, json_schema
from ingestion.record_format import ids_in_record

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

_MESSAGE_OVERHEAD = 16  # tokens a chat template adds around each message


class ModelOutputError(Exception):
    """The model replied, but nothing in the reply could be read as a summary."""


@dataclass(frozen=True, slots=True)
class Call:
    stage: str  # "single" | "map" | "reduce" | "ask"
    prompt_tokens: int
    completion_tokens: int
    cached_prompt_tokens: int | None
    seconds: float  # its share of its batch's wall time (one generate call serves the batch), so calls add up
    finish_reason: str


@dataclass(slots=True)
class Draft:
    summary: Summary
    problems: list[str] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)


def summarize(
    prompts: Sequence[str],
    engine: Engine,
    *,
    max_tokens: int = 4096,
    on_progress: Progress | None = None,
) -> Draft:
    """The record's sectioned summary; `prompts` are its stitched prompt texts in order."""
    if not prompts:
        raise ValueError("the record has no text to summarize")
    run = _Run(engine, max_tokens, on_progress)
    with tracing_context(enabled=False):  # LangSmith tracing, if configured, would ship the record off-site
        if len(prompts) == 1:
            run.planned = 1
            [parsed] = run.batch("single", [summary_request(prompts[0], **run.options)])
            summary = parsed.summary
        else:
            run.planned = len(prompts) + 1
            partials = run.batch("map", [summary_request(p, **run.options) for p in prompts])
            summary = run.reduce([p.summary for p in partials], merge_request)
    summary = run.known_citations(summary, prompts)
    missing = [t for t in SECTIONS if t not in {s.title for s in summary.sections}]
    if missing:
        run.problems.append(f"The summary has no section for: {', '.join(missing)}.")
    return Draft(summary, run.problems, run.calls)


def ask(
    prompts: Sequence[str],
    question: str,
    engine: Engine,
    *,
    max_tokens: int = 4096,
    on_progress: Progress | None = None,
) -> Draft:
    """The answer to a question about the record, cited like a summary (one "Answer" section)."""
    if not prompts:
        raise ValueError("the record has no text to ask about")
    run = _Run(engine, max_tokens, on_progress, default_title="Answer")

    def merge(partials: Sequence[Summary], **options: Any) -> ChatRequest:
        return merge_answers_request(partials, question, **options)

    with tracing_context(enabled=False):
        run.planned = len(prompts) + (len(prompts) > 1)
        answers = run.batch("ask", [question_request(p, question, **run.options) for p in prompts])
        summary = answers[0].summary if len(answers) == 1 else run.reduce([a.summary for a in answers], merge)
    return Draft(run.known_citations(summary, prompts), run.problems, run.calls)


class _Run:
    """One summary's or answer's calls: batches through the engine, parsing, problems, progress."""

    def __init__(self, engine: Engine, max_tokens: int, on_progress: Progress | None, default_title: str = "Summary"):
        self.engine = engine
        self.max_tokens = max_tokens
        self.options: dict[str, Any] = {"max_tokens": max_tokens, "json_schema": json_schema()}
        self.on_progress = on_progress
        self.default_title = default_title
        self.problems: list[str] = []
        self.calls: list[Call] = []
        self.planned = 0
        self._reported: tuple[int, int] | None = None
        # The batch as runnables: the engine sees the whole batch in one generate call.
        self._chain: Runnable[list[ChatRequest], list[tuple[Generation, float]]] = RunnableLambda(self._generate)

    def _generate(self, requests: list[ChatRequest]) -> list[tuple[Generation, float]]:
        started = time.perf_counter()
        generations = self.engine.generate(requests)
        share = (time.perf_counter() - started) / max(len(generations), 1)
        return [(g, share) for g in generations]

    def batch(self, stage: str, requests: list[ChatRequest]) -> list[Parsed]:
        self._progress()
        results = self._chain.invoke(requests)
        parsed = []
        for number, (generation, seconds) in enumerate(results, 1):
            usage = generation.usage
            self.calls.append(Call(stage, usage.prompt_tokens, usage.completion_tokens, usage.cached_prompt_tokens,
                                   seconds, generation.finish_reason))
            reply = parse_summary(generation.text, generation.finish_reason, default_title=self.default_title)
            where = self._where(stage, number, len(results))
            if not reply.statements:
                log.warning("%s: nothing could be read from the reply (%d characters)", stage, len(generation.text))
                raise ModelOutputError(f"Nothing could be read from the model's reply{where}.")
            self.problems.extend(f"{p[:-1]}{where}." if where else p for p in reply.problems)
            parsed.append(reply)
        log.info("%s: %d call(s), %.1f s", stage, len(results), sum(s for _, s in results))
        self._progress()
        return parsed

    def reduce(self, partials: list[Summary], render: Callable[..., ChatRequest]) -> Summary:
        """Merge partial summaries in one call, or in groups that fit the context, round after round."""
        room = self.engine.context_length - self.max_tokens
        while len(partials) > 1:
            groups = self._groups(partials, render, room)
            merges = sum(len(g) > 1 for g in groups)
            self.planned = len(self.calls) + merges + (len(groups) > 1)  # this round, and at least one more
            merged = self.batch("reduce", [render(g, **self.options) for g in groups if len(g) > 1])
            replies = iter(merged)
            partials = [next(replies).summary if len(g) > 1 else g[0] for g in groups]
        return partials[0]

    def _groups(self, partials: list[Summary], render: Callable[..., ChatRequest], room: int) -> list[list[Summary]]:
        """Consecutive partials, as many per group as fit; at least two, so every round shrinks the list."""
        if self._tokens(render(partials, **self.options)) <= room:
            return [partials]
        groups: list[list[Summary]] = [[]]
        for partial in partials:
            group = groups[-1]
            if len(group) >= 2 and self._tokens(render(group + [partial], **self.options)) > room:
                groups.append([partial])
            else:
                group.append(partial)
        return groups

    def _tokens(self, request: ChatRequest) -> int:
        return sum(self.engine.count_tokens(m.content) + _MESSAGE_OVERHEAD for m in request.messages)

    def _where(self, stage: str, number: int, total: int) -> str:
        if stage in ("map", "ask") and total > 1:
            return f" (part {number} of {total})"
        if stage == "reduce":
            return " (merging the parts)"
        return ""

    def _progress(self) -> None:
        report = (len(self.calls), max(self.planned, len(self.calls)))
        if self.on_progress and report != self._reported:
            self._reported = report
            self.on_progress(*report)

    def known_citations(self, summary: Summary, texts: Sequence[str]) -> Summary:
        """Counts citations of passages the prompts do not hold (a model can write any id).

        They stay on their statements, which the verifier then flags: dropping them would make an
        unsupported statement look uncited rather than wrongly cited.
        """
        known = {pid for text in texts for pid in ids_in_record(text)}
        unknown = sum(c not in known for section in summary.sections for s in section.statements for c in s.citations)
        if unknown:
            self.problems.append(
                f"{unknown} citation{'s' * (unknown != 1)} named passages that are not in the record; "
                f"{'their statements are' if unknown != 1 else 'its statement is'} flagged."
            )
        return summary
