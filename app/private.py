"""What keeps PHI private on this machine: file modes, a private temporary folder, private outputs.

The umask makes every folder 0700 and every file 0600 that clinsum creates (the database, its
WAL, the file store, OCR's page images). Temporary files (Tesseract writes each page image and
its text to one) go to a folder of this process's own under the data folder, never the shared
system one: removed at exit, and swept at the next start when a killed process could not.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TMP = "tmp"
_current: Path | None = None


def harden() -> None:
    os.umask(0o077)


def private_folder(path: Path) -> Path:
    """`path` made if missing, and 0700 whether new or not (an older clinsum left 0755)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def private_tmp(data_dir: Path) -> Path:
    """This process's temporary folder, made once; every tempfile and child process uses it."""
    global _current
    if _current is not None and _current.is_dir():
        return _current
    root = private_folder(data_dir / _TMP)
    sweep(root)
    _current = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
    tempfile.tempdir = str(_current)
    os.environ["TMPDIR"] = str(_current)  # the loader's spawned workers, and Tesseract, inherit it
    atexit.register(shutil.rmtree, _current, ignore_errors=True)
    return _current


def sweep(root: Path) -> list[Path]:
    """Remove the folders of processes that no longer run (killed: their exit handler never ran)."""
    removed = []
    for folder in root.iterdir() if root.is_dir() else ():
        pid = folder.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read, even where it existed with a wider mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        os.fchmod(out.fileno(), 0o600)
        out.write(text)


@contextmanager
def replacing(target: Path, prefix: str) -> Iterator[BinaryIO]:
    """A temporary file (0600) beside `target` that replaces it whole when the block ends, synced
    first, and is removed if the block fails: no reader ever sees a half-written file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
