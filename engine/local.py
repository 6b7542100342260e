"""What the two model-free engines share: the token estimate, a fixed context, and streaming a
finished reply in pieces (they compute the whole reply at once)."""

from __future__ import annotations

from collections.abc import Iterator

from engine.base import Delta, Generation
from engine.estimate import estimate_tokens


class LocalEngine:
    def __init__(self, context_length: int):
        self._context = context_length

    def count_tokens(self, text: str) -> int:
        return estimate_tokens(text)

    @property
    def context_length(self) -> int:
        return self._context

    @staticmethod
    def _pieces(generation: Generation, pieces: list[str]) -> Iterator[Delta]:
        """The reply as deltas; token counts grow to, and never pass, the reply's own count."""
        produced = 0
        for i, piece in enumerate(pieces):
            produced = min(produced + estimate_tokens(piece), generation.usage.completion_tokens)
            yield Delta(piece, produced, generation.finish_reason if i == len(pieces) - 1 else None)
