"""Where the store's encryption key comes from: a secret in a deployment, the user's folder locally.

The key is kept apart from the data it protects: never in the data folder. A deployment with no
key configured refuses to start (several hosts inventing keys of their own would each lock the
others out of a shared database). In local mode the key is made once, 0600, in the user's
configuration folder, and its place is said once: without it the data is lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.private import private_folder, replacing
from app.store.crypto import new_key, parse_key


class StoreProblem(Exception):
    """The store cannot open: one sentence naming what and why (never a password, never record text)."""


class KeyProblem(StoreProblem):
    """One sentence a user can act on: no key, an unreadable key file, a malformed key."""


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def default_key_file() -> Path:
    return config_home() / "clinsum" / "key"


def load_key(settings: Any, notify: Callable[[str], None]) -> str:
    store = settings.store
    if store.key is not None:
        return _checked(store.key.get_secret_value(), "CLINSUM_STORE__KEY")
    if store.key_file is not None:
        return _read(Path(store.key_file))
    older = settings.ingestion.deid.key  # where earlier versions took a configured key from: the same key
    if older is not None:
        return _checked(older.get_secret_value(), "CLINSUM_INGESTION__DEID__KEY")
    if settings.mode == "deployment":
        raise KeyProblem("clinsum runs in deployment mode and no encryption key is configured: set CLINSUM_STORE__KEY_FILE "
                         "to the key's secret file (`clinsum key new` makes a key); clinsum never makes one of its own there.")
    path = default_key_file()
    legacy = Path(store.data_dir) / "deid.key"  # where clinsum kept it before: beside the data it protects
    if legacy.is_file():
        return _adopt(legacy, path, notify)
    if path.is_file():
        return _read(path)
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(new_key() + "\n")
    notify(f"clinsum made an encryption key for its data at {path}. Back it up: without it the data is lost.")
    return _read(path)


def _adopt(legacy: Path, path: Path, notify: Callable[[str], None]) -> str:
    key = _read(legacy)
    if path.is_file() and _read(path) != key:
        raise KeyProblem(f"{legacy} holds the key of an older store and {path} another key; set CLINSUM_STORE__KEY_FILE "
                         "to the one this data folder was made with.")
    if not path.is_file():
        private_folder(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(key + "\n")
        notify(f"clinsum moved its encryption key from {legacy} to {path}, away from the data it protects. "
               "Back it up: without it the data is lost.")
    legacy.unlink()
    return key


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise KeyProblem(f"The encryption key file {path} cannot be read ({reason}).") from None
    return _checked(text.strip(), str(path))


def _checked(key: str, where: str) -> str:
    try:
        parse_key(key)
    except ValueError:
        raise KeyProblem(f"The encryption key in {where} is not a key clinsum made (32 bytes of urlsafe base64; "
                         "`clinsum key new` makes one).") from None
    return key


def default_key_in_use(settings: Any) -> bool:
    """The key comes from the user's folder (local mode, nothing configured): a rotation rewrites it there."""
    store = settings.store
    return settings.mode == "local" and store.key is None and store.key_file is None and settings.ingestion.deid.key is None


def read_key_file(path: Path) -> str:
    """A key file's key, checked: one sentence if it cannot be read or is no key."""
    return _read(path)


def replace_default_key(key: str) -> Path:
    """The user's key file rewritten with `key`: whole or not at all (a temporary file renamed over it), 0600."""
    path = default_key_file()
    private_folder(path.parent)
    with replacing(path, ".key-") as out:
        out.write((key + "\n").encode("ascii"))
    return path
