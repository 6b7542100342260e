"""The store: one database (SQLite or PostgreSQL), the original files, and the key that seals both."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.private import harden, private_folder
from app.store.crypto import CryptoError, Keyring
from app.store.db import connect, migrate, sessions
from app.store.files import FileStore
from app.store.keys import StoreProblem, load_key
from app.store.schema import AuditEvent, Document, Meta

_KEY_CHECK = "clinsum store key check"
# The browser session running this code: the UI sets it at the start of each script run (each run
# has its own thread, so its own context); workers and the CLI leave it unset.
AUDIT_SESSION: ContextVar[str | None] = ContextVar("clinsum_audit_session", default=None)
_FIRST_SEALED = "0002"  # the revision from which every text field is encrypted


def utcnow() -> datetime:
    """Naive UTC: SQLite keeps no zone, so every timestamp is UTC without one, on both databases."""
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    def __init__(self, url: str, files: Path, key: str):
        self.key = key
        self.keyring = Keyring(key)
        self.url = url
        self.engine = connect(url)
        self.engine.dialect.clinsum_keyring = self.keyring  # read by schema.Encrypted on every statement
        self.files = FileStore(files, self.keyring)
        self._sessions = sessions(self.engine)

    @classmethod
    def open(cls, settings: Any, notify: Callable[[str], None] | None = None) -> "Store":
        """The store the settings name, migrated to the newest schema, its key checked.

        Raises StoreProblem with one sentence: no key, a wrong key, a database that does not answer.
        """
        harden()
        key = load_key(settings, notify or (lambda message: print(message, file=sys.stderr)))
        try:
            url = settings.store.database_url
        except OSError as error:
            raise StoreProblem(f"The database password file {settings.store.password_file} cannot be read "
                               f"({error.strerror or type(error).__name__}).") from None
        if url.startswith("sqlite:///"):
            database = Path(url.removeprefix("sqlite:///"))
            private_folder(database.parent)
            for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
                if path.exists():
                    path.chmod(0o600)  # an older clinsum left it 0644
        store = cls(url, settings.store.files, key)
        try:
            store.upgrade()
        except DBAPIError as error:
            store.close()
            raise StoreProblem(unreachable(url, error)) from None
        except CryptoError:
            store.close()
            raise StoreProblem(f"The encryption key does not open the database at {where(url)}: it was made with "
                               "another key. Configure the key it was made with (CLINSUM_STORE__KEY_FILE).") from None
        except BaseException:
            store.close()
            raise
        return store

    def upgrade(self) -> None:
        """Migrate to the newest schema; a store from before encryption is sealed and vacuumed."""
        with self.engine.connect() as connection:
            before = MigrationContext.configure(connection).get_current_revision()
            connection.rollback()
        migrate(self.engine)
        self._check_key()
        if before is not None and before < _FIRST_SEALED:
            self._seal_legacy_files()
            self._vacuum()

    def _check_key(self) -> None:
        with self.transaction() as s:
            found = s.get(Meta, "key_check")
            if found is not None:
                if found.value != _KEY_CHECK:
                    raise CryptoError("key check mismatch")
                return
        try:
            with self.transaction() as s:
                s.add(Meta(name="key_check", value=_KEY_CHECK))
        except IntegrityError:  # another process wrote it first: check theirs
            self._check_key()

    def _seal_legacy_files(self) -> None:
        with self.transaction() as s:
            for doc in s.scalars(select(Document)):
                if (self.files.root / doc.stored_at).exists():
                    doc.stored_at = self.files.seal_legacy(doc.stored_at, doc.sha256) or doc.stored_at

    def _vacuum(self) -> None:
        """No plaintext left in free pages or the write-ahead log of the store it was in."""
        raw = self.engine.raw_connection()
        try:
            connection = raw.driver_connection
            if self.url.startswith("sqlite"):
                connection.execute("VACUUM")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                raw.rollback()
                connection.autocommit = True
                connection.execute("VACUUM FULL")
        finally:
            raw.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with self._sessions.begin() as session:
            yield session

    def audit(self, session: Session, actor: str, action: str, patient_id: int | None = None,
              job_id: int | None = None, *, once: bool = False, **detail: Any) -> None:
        """One row of the trail, from the browser session AUDIT_SESSION names (None: a worker, the CLI).

        `once`: a view a rerun repeats (the same summary or source, shown again as the page redraws) is
        not a new action: no row when the session's last row of this action is that same view (opening
        summary A, then B, then A again is three views; A redrawn while a source opens beside it is one)."""
        origin = AUDIT_SESSION.get()
        if once and origin is not None:
            last = session.scalars(select(AuditEvent).where(AuditEvent.session == origin, AuditEvent.action == action)
                                   .order_by(AuditEvent.id.desc()).limit(1)).first()
            if last is not None and (last.actor, last.action, last.patient_id, last.job_id, last.detail) == \
                    (actor, action, patient_id, job_id, detail):
                return
        session.add(AuditEvent(at=utcnow(), actor=actor, action=action, patient_id=patient_id, job_id=job_id,
                               detail=detail, session=origin))

    def close(self) -> None:
        self.engine.dispose()


def where(url: str) -> str:
    """The database a URL names, for a message: host, port and database, never the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "memory"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def unreachable(url: str, error: DBAPIError) -> str:
    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else type(error).__name__
    detail = detail.removeprefix("connection failed: ")[:200].rstrip(".")
    return f"The database at {where(url)} cannot be reached ({detail})."
