"""The original files, encrypted, in a folder; each is named by a keyed hash of its content.

The name reveals nothing (not even the sha256 that would confirm a known file), the same file is
kept once, and every byte on disk is sealed (app.store.crypto, in segments: an upload of 200 MB
never sits whole in memory). A file is written to a temporary name and renamed into place, so a
crash never leaves a half-written original that a later citation would open.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.private import private_folder, replacing
from app.store.crypto import Keyring, is_encrypted_file


class FileStore:
    def __init__(self, root: Path, keyring: Keyring):
        self.root = root
        self._keyring = keyring

    def name(self, sha256: str) -> str:
        hashed = self._keyring.lookup("file:" + sha256)
        return f"{hashed[:2]}/{hashed}"

    def put(self, source: Path, sha256: str) -> tuple[str, bool]:
        """Keep `source` (whose content hashes to sha256): its place in the store, and whether it is new."""
        with open(source, "rb") as src:
            return self._put(src, sha256)

    def put_chunks(self, chunks: Iterable[bytes], sha256: str) -> tuple[str, bool]:
        """Keep content given in pieces (another store's decrypted original, during a key rotation)."""
        return self._put(_Reader(chunks), sha256)

    def _put(self, src: BinaryIO | _Reader, sha256: str) -> tuple[str, bool]:
        stored_at = self.name(sha256)
        target = self.root / stored_at
        if target.exists():
            return stored_at, False
        private_folder(target.parent)
        with replacing(target, ".incoming-") as out:
            self._keyring.encrypt_stream(src, out)  # type: ignore[arg-type]
        return stored_at, True

    def chunks(self, stored_at: str) -> Iterator[bytes]:
        with open(self.root / stored_at, "rb") as fh:
            yield from self._keyring.decrypt_stream(fh)

    def read(self, stored_at: str) -> bytes:
        return b"".join(self.chunks(stored_at))

    def copy_out(self, stored_at: str, target: Path) -> Path:
        """The original, decrypted into `target` (a private temporary folder's file), 0600."""
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in self.chunks(stored_at):
                out.write(chunk)
        return target

    def remove(self, stored_at: str) -> None:
        (self.root / stored_at).unlink(missing_ok=True)

    def seal_legacy(self, stored_at: str, sha256: str) -> str | None:
        """An original an older clinsum kept in plaintext, sealed under its new name; None if it was sealed."""
        old = self.root / stored_at
        with open(old, "rb") as fh:
            if is_encrypted_file(fh.read(8)):
                return None
        new, _ = self.put(old, sha256)
        old.unlink()
        return new


class _Reader:
    """read(n) over an iterable of byte strings: what encrypt_stream reads a file with."""

    def __init__(self, chunks: Iterable[bytes]):
        self._chunks, self._buffer = iter(chunks), b""

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data
