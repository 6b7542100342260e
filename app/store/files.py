"""The original files, kept by content (sha256) in a folder: the same file is stored once.

A file is written to a temporary name and renamed into place, so a crash never leaves a
half-written original that a later citation would open.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileStore:
    def __init__(self, root: Path):
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, source: Path, sha256: str) -> str:
        """Keep `source` (whose content hashes to sha256); returns its path relative to the store."""
        target = self.path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return str(target.relative_to(self.root))

    def read(self, stored_at: str) -> bytes:
        return (self.root / stored_at).read_bytes()
