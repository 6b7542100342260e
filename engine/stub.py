"""A scripted engine for tests: what a test sets is what it gets, faults included.

It stands in for a real model only where none can run (a GPU, real weights); it says so in
describe(). Each script entry is a reply text, or an exception to raise (an EngineError such
as a timeout), consumed in order; when the script runs out it echoes a fixed reply.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from engine.base import ChatRequest, Delta, Description, EngineError, Generation, Usage
from engine.estimate import estimate_tokens
from engine.local import LocalEngine

DEFAULT_REPLY = "## Open questions\n- Stub engine: no summary was generated.\n"
DEFAULT_JSON = '{"sections": [{"title": "Open questions", "statements": [{"text": "Stub engine: no summary was generated.", "citations": []}]}]}'


class StubEngine(LocalEngine):
    def __init__(self, script: Iterable[str | BaseException] = (), context_length: int = 131072, delay_s: float = 0.0):
        super().__init__(context_length)
        self._script: deque[str | BaseException] = deque(script)
        self.delay_s = delay_s
        self.requests: list[ChatRequest] = []  # every request seen, for tests to inspect

    def script(self, *replies: str | BaseException) -> None:
        self._script.extend(replies)

    def _next(self, request: ChatRequest) -> str:
        self.requests.append(request)
        if self.delay_s:
            time.sleep(self.delay_s)
        reply = self._script.popleft() if self._script else (DEFAULT_JSON if request.json_schema else DEFAULT_REPLY)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        out = []
        for request in requests:
            text = self._next(request)
            tokens = estimate_tokens(text)
            finish = "length" if tokens > request.max_tokens else "stop"
            if finish == "length":  # truncate like a model that ran out of tokens
                text = text[: request.max_tokens * 3]
                tokens = request.max_tokens
            prompt = sum(estimate_tokens(m.content) for m in request.messages)
            out.append(Generation(text, finish, Usage(prompt_tokens=prompt, completion_tokens=tokens)))
        return out

    def stream(self, request: ChatRequest) -> Iterator[Delta]:
        [generation] = self.generate([request])
        words = generation.text.split(" ")
        yield from self._pieces(generation, [w if i == 0 else " " + w for i, w in enumerate(words)])

    def describe(self) -> Description:
        return Description("stub", "scripted", self._context, notes=("Test engine: replies are scripted.",))

    def close(self) -> None:
        self._script.clear()


def timeout(message: str = "the engine did not answer in time") -> EngineError:
    return EngineError("timeout", message)
