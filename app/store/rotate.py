"""Key rotation: every sealed field, keyed hash and original file moves from the store's key to a new one.

The database changes in one transaction: a failure leaves every row under the old key. Files are
re-sealed under their new names (the name is a keyed hash) before that transaction commits, and
the old ones are removed only after it: a crash in between leaves unreadable leftovers under the
old key, never a row whose file is missing. Run it with the app and the workers stopped; the new
key must already be kept where the store will read it (its secret file), since the old one no
longer opens anything afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.store.crypto import Keyring, label_key, open_text, seal_text
from app.store.files import FileStore
from app.store.schema import Base, Encrypted


@dataclass(frozen=True)
class Rotated:
    fields: int  # sealed values re-sealed
    files: int  # originals re-sealed


def rotate_key(store: Any, new_key: str) -> Rotated:
    """Re-seal `store` (opened with its current key) under `new_key`; the store object keeps the old key."""
    old, new = store.keyring, Keyring(new_key)
    new_files = FileStore(store.files.root, new)
    written: list[Path] = []  # new files, removed again if the transaction fails
    moved: dict[str, str] = {}  # an original's old place in the file store -> its new one
    fields = 0
    try:
        with store.engine.begin() as connection:
            for table in Base.metadata.sorted_tables:
                fields += _reseal_table(connection, table, old, new)
            documents = sa.table("documents", sa.column("id"), sa.column("sha256"), sa.column("stored_at", sa.Text))
            for row in connection.execute(sa.select(documents.c.id, documents.c.sha256, documents.c.stored_at)).all():
                if row.stored_at not in moved:
                    moved[row.stored_at] = _reseal_file(store.files, new_files, row.stored_at, row.sha256, written)
                connection.execute(sa.update(documents).where(documents.c.id == row.id).values(stored_at=moved[row.stored_at]))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    for before, after in moved.items():
        if before != after:
            store.files.remove(before)
    return Rotated(fields, len(moved))


def _reseal_table(connection: sa.Connection, table: sa.Table, old: Keyring, new: Keyring) -> int:
    """Every sealed column of one table, read as the text it is stored as and sealed again."""
    sealed = [c for c in table.columns if isinstance(c.type, Encrypted)]
    if not sealed:
        return 0
    keys = [c.name for c in table.primary_key.columns]
    extra = ["label_key"] if table.name == "patients" else []
    raw = sa.table(table.name, *(sa.column(name) for name in keys), *(sa.column(name, sa.Text) for name in [c.name for c in sealed] + extra))
    count = 0
    for row in connection.execute(sa.select(*(raw.c[name] for name in keys + [c.name for c in sealed]))).all():
        values: dict[str, str] = {}
        for column in sealed:
            stored = getattr(row, column.name)
            if stored is not None:
                plain = open_text(old, stored, column.type.purpose)
                values[column.name] = seal_text(new, plain, column.type.purpose)
                if column.name == "label" and extra:
                    values["label_key"] = label_key(new, plain)  # the keyed hash a label is found again by
        if values:
            where = sa.and_(*(raw.c[name] == getattr(row, name) for name in keys))
            connection.execute(sa.update(raw).where(where).values(**values))
            count += len([v for k, v in values.items() if k != "label_key"])
    return count


def _reseal_file(old: FileStore, new: FileStore, stored_at: str, sha256: str, written: list[Path]) -> str:
    """One original decrypted segment by segment and sealed under the new key, beside the old file."""
    if not (old.root / stored_at).exists():
        return stored_at  # an original already missing stays missing: the rotation does not hide it
    name, fresh = new.put_chunks(old.chunks(stored_at), sha256)
    if fresh:
        written.append(new.root / name)
    return name
