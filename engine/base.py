"""The one engine contract: plain data in, plain data out, whichever backend runs.

The app talks to an `Engine` only: a batch of chat requests in, generations out; a stream of
text deltas for one request; a token count; the context length; and a description that the
UI shows, so the user always sees which engine wrote a summary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from engine.summary_format import Summary


@dataclass(frozen=True, slots=True)
class Message:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass(frozen=True, slots=True)
class SourcePassage:
    """A passage of the record a prompt holds, as plain data: what an engine that reads the record
    itself (the extractive one) needs, so it never parses the prompt's text. Model backends ignore it."""

    id: str  # "P12"
    text: str  # de-identified, as the prompt shows it
    doc: int  # its document's number in the record (1-based)
    doc_type: str  # that document's type, as its header shows it ("Radiology")
    columns: str = ""  # a table row's column names, when the prompt shows them just before it


@dataclass(frozen=True, slots=True)
class ChatRequest:
    messages: tuple[Message, ...]
    max_tokens: int = 1024
    temperature: float = 0.0
    json_schema: dict[str, Any] | None = None  # structured output: the reply must be JSON of this schema
    # What the prompt holds, as data, for engines that read it without a model; the app fills it in.
    passages: tuple[SourcePassage, ...] = ()  # the record's passages, in prompt order
    question: str | None = None  # the clinician's question, on one line, when the task is to answer it
    partials: tuple[Summary, ...] = ()  # a merge: the partial summaries (or answers) the prompt holds, in order

    @classmethod
    def of(cls, *pairs: tuple[str, str], **options: Any) -> "ChatRequest":
        return cls(tuple(Message(role, content) for role, content in pairs), **options)


@dataclass(frozen=True, slots=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int
    cached_prompt_tokens: int | None = None  # prompt tokens served from the prefix cache
    time_to_first_token_s: float | None = None
    draft_tokens: int | None = None  # speculative decoding: proposed ...
    accepted_tokens: int | None = None  # ... and accepted


@dataclass(frozen=True, slots=True)
class Generation:
    text: str
    finish_reason: str  # "stop", or "length" when max_tokens cut it off
    usage: Usage


@dataclass(frozen=True, slots=True)
class Delta:
    text: str  # new text since the previous delta
    completion_tokens: int  # generated so far
    finish_reason: str | None = None  # set on the last delta


@dataclass(frozen=True, slots=True)
class Description:
    backend: str  # "vllm", "openai", "extractive", "stub"
    model: str
    max_context: int
    quantization: str | None = None
    speculative: str | None = None  # "eagle3", "ngram" or None
    notes: tuple[str, ...] = field(default_factory=tuple)  # what a user should know ("no model configured")

    def as_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend, "model": self.model, "max_context": self.max_context,
            "quantization": self.quantization, "speculative": self.speculative, "notes": list(self.notes),
        }


def finish_reason(raw: str | None) -> str:
    """A backend's finish reason in the contract's terms: "length" when cut off, else "stop"."""
    return "length" if raw == "length" else "stop"


class EngineError(Exception):
    """A generation failed: `kind` says how ("timeout", "unavailable", "bad_request", "internal").

    Messages never quote the prompt: it is de-identified, but it is still the patient's record.
    """

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@runtime_checkable
class Engine(Protocol):
    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]: ...

    def stream(self, request: ChatRequest) -> Iterator[Delta]: ...

    def count_tokens(self, text: str) -> int: ...

    @property
    def context_length(self) -> int: ...

    def describe(self) -> Description: ...

    def close(self) -> None: ...
