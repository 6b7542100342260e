"""File names and paths are data: a name is shown only cleaned, and only regular files are read.

A name may carry a newline (a forged second line in a message), a bidi override that shows
"exe.pdf" as "fdp.exe", or bytes that are not UTF-8 (lone surrogates that break JSON). A path
may be a symbolic link to /etc/passwd, a FIFO that blocks a reader forever, or a device.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from typing import BinaryIO

from ingestion.errors import IngestError

# Control (Cc), format (Cf: bidi overrides, zero-width), surrogates (Cs), line and paragraph separators.
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_REGULAR_ONLY = "clinsum reads only regular files."


def display_name(name: str) -> str:
    """The name as messages and Document.file show it: each hidden or control character becomes '?'."""
    shown = "".join("?" if unicodedata.category(c) in _HIDDEN else c for c in name)
    return shown or "(unnamed file)"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, for the refusal; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def refuse_unless_regular(path: str, file: str) -> os.stat_result:
    """lstat the path (a link is not followed) and refuse anything but a regular file."""
    st = os.lstat(path)
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise IngestError(file, f"is {kind}; {_REGULAR_ONLY}")
    return st


def open_regular(path: str, file: str) -> BinaryIO:
    """Open for reading without following a link or blocking on a pipe, and check what was opened
    (the path may have been swapped since it was checked)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if os.path.islink(path):
            raise IngestError(file, f"is a symbolic link; {_REGULAR_ONLY}") from None
        raise IngestError(file, f"cannot be opened ({exc.strerror or type(exc).__name__}).") from None
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise IngestError(file, f"is {kind}; {_REGULAR_ONLY}")
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
