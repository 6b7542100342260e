"""The store: one database (SQLite or PostgreSQL), the original files, and the mapping key."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy.orm import Session

from app.store.db import connect, migrate, sessions
from app.store.files import FileStore
from app.store.schema import AuditEvent


def utcnow() -> datetime:
    """Naive UTC: SQLite keeps no zone, so every timestamp is UTC without one, on both databases."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_key(data_dir: Path) -> str:
    """The key that encrypts mappings when none is configured: made once, readable by its owner only."""
    path = data_dir / "deid.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(Fernet.generate_key().decode())
    return path.read_text().strip()


class Store:
    def __init__(self, url: str, files: Path, key: str):
        self.engine = connect(url)
        self.files = FileStore(files)
        self.key = key
        self._sessions = sessions(self.engine)

    @classmethod
    def open(cls, settings: Any) -> "Store":
        """The store the settings name, migrated to the newest schema."""
        configured = settings.ingestion.deid.key
        key = configured.get_secret_value() if configured else local_key(settings.store.data_dir)
        url = settings.store.database_url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        store = cls(url, settings.store.files, key)
        migrate(store.engine)
        return store

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with self._sessions.begin() as session:
            yield session

    def audit(self, session: Session, actor: str, action: str, patient_id: int | None = None,
              job_id: int | None = None, **detail: Any) -> None:
        session.add(AuditEvent(at=utcnow(), actor=actor, action=action, patient_id=patient_id, job_id=job_id, detail=detail))

    def close(self) -> None:
        self.engine.dispose()
