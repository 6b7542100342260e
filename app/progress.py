"""Progress on stderr for the long steps (tqdm); silent when stderr is not a terminal."""

from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    def __init__(self, title: str):
        self._bar = tqdm(total=None, desc=title, file=sys.stderr, disable=None, leave=False, unit="step",
                         bar_format="{desc} {elapsed}")
        self._parts: tqdm | None = None

    def step(self, name: str) -> None:
        self._bar.set_description_str(name)

    def parts(self, kind: str, done: int, total: int) -> None:
        """Engine calls: one per part of a long record, and the merge."""
        if self._parts is None:
            self._parts = tqdm(total=total, desc=f"{kind}: engine calls", file=sys.stderr, disable=None, leave=False, unit="call")
        self._parts.total = total
        self._parts.n = done
        self._parts.refresh()

    def close(self) -> None:
        if self._parts is not None:
            self._parts.close()
        self._bar.close()
