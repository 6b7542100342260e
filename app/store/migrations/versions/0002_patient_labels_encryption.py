"""patients by label; every field holding record text encrypted; audit rows outlive their patient

Revision ID: 0002
Revises: 0001

A store made before this revision kept page text, file names and service dates in plaintext and
each mapping under Fernet with the same key. Upgrading seals every such value under the store's
key (app.store.crypto); existing patients get the labels patient-1, patient-2, …. Downgrading
opens them again. The key comes from the engine's dialect, where app.store.Store put it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from cryptography.fernet import Fernet, InvalidToken

from app.store.crypto import CryptoError, Keyring, label_key, open_text, seal_text

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (table, column, purpose): purposes as app.store.schema names them.
_TEXT = [
    ("documents", "file_name"), ("documents", "doc_date"), ("pages", "text"), ("passages", "safe_text"),
    ("prompts", "text"), ("records", "summary"), ("jobs", "question"), ("summaries", "question"),
    ("summaries", "problems"), ("statements", "text"), ("statements", "reason"),
]
_FK = [("fk_audit_events_patient_id_patients", "patients", "patient_id"), ("fk_audit_events_job_id_jobs", "jobs", "job_id")]


def _keyring() -> Keyring:
    keyring = getattr(op.get_bind().dialect, "clinsum_keyring", None)
    if keyring is None:
        raise RuntimeError("migration 0002 needs the store's key: run it through app.store.Store")
    return keyring


def _rewrite(table: str, column: str, change: Callable[[str], str]) -> None:
    """Every non-null value of a column through `change`, in batches."""
    bind = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.Text))
    rows = bind.execute(sa.select(t.c.id, t.c[column]).where(t.c[column].is_not(None))).all()
    update = t.update().where(t.c.id == sa.bindparam("row_id")).values({column: sa.bindparam("value")})
    for start in range(0, len(rows), 5000):
        batch = [{"row_id": i, "value": change(v)} for i, v in rows[start : start + 5000]]
        bind.execute(update, batch)


def upgrade() -> None:
    keyring = _keyring()
    op.create_table("meta", sa.Column("name", sa.String(length=40), nullable=False),
                    sa.Column("value", sa.Text(), nullable=False), sa.PrimaryKeyConstraint("name", name=op.f("pk_meta")))
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("label", sa.Text(), nullable=True))
        batch.add_column(sa.Column("label_key", sa.String(length=64), nullable=True))
        batch.alter_column("mapping", type_=sa.Text(), existing_type=sa.LargeBinary(),
                           postgresql_using="convert_from(mapping, 'UTF8')")
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("doc_date", type_=sa.Text(), existing_type=sa.Date(), postgresql_using="doc_date::text")
    with op.batch_alter_table("records") as batch:
        batch.alter_column("summary", type_=sa.Text(), existing_type=sa.JSON(), postgresql_using="summary::text")
    with op.batch_alter_table("summaries") as batch:
        batch.alter_column("problems", type_=sa.Text(), existing_type=sa.JSON(), postgresql_using="problems::text")
    with op.batch_alter_table("audit_events") as batch:
        for name, _, _ in _FK:
            batch.drop_constraint(name, type_="foreignkey")

    for table, column in _TEXT:
        purpose = f"{table}.{column}"
        _rewrite(table, column, lambda value, purpose=purpose: seal_text(keyring, value, purpose))
    fernet = Fernet(keyring.master.encode())

    def reseal(token: str) -> str:
        try:
            plain = fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise CryptoError("the store's de-identification mappings cannot be decrypted with this key") from None
        return seal_text(keyring, plain, "patients.mapping")

    _rewrite("patients", "mapping", reseal)
    bind = op.get_bind()
    patients = sa.table("patients", sa.column("id", sa.Integer), sa.column("label", sa.Text), sa.column("label_key", sa.String))
    for (patient_id,) in bind.execute(sa.select(patients.c.id)).all():
        label = f"patient-{patient_id}"
        bind.execute(patients.update().where(patients.c.id == patient_id).values(
            label=seal_text(keyring, label, "patients.label"), label_key=label_key(keyring, label)))
    with op.batch_alter_table("patients") as batch:
        batch.alter_column("label", existing_type=sa.Text(), nullable=False)
        batch.alter_column("label_key", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(batch.f("uq_patients_label_key"), ["label_key"])


def downgrade() -> None:
    keyring = _keyring()
    fernet = Fernet(keyring.master.encode())
    for table, column in _TEXT:
        purpose = f"{table}.{column}"
        _rewrite(table, column, lambda value, purpose=purpose: open_text(keyring, value, purpose))
    _rewrite("patients", "mapping", lambda v: fernet.encrypt(open_text(keyring, v, "patients.mapping").encode()).decode())
    with op.batch_alter_table("audit_events") as batch:
        for name, table, column in _FK:
            batch.create_foreign_key(name, table, [column], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("summaries") as batch:
        batch.alter_column("problems", type_=sa.JSON(), existing_type=sa.Text(), postgresql_using="problems::json")
    with op.batch_alter_table("records") as batch:
        batch.alter_column("summary", type_=sa.JSON(), existing_type=sa.Text(), postgresql_using="summary::json")
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("doc_date", type_=sa.Date(), existing_type=sa.Text(), postgresql_using="doc_date::date")
    with op.batch_alter_table("patients") as batch:
        batch.drop_constraint(batch.f("uq_patients_label_key"), type_="unique")
        batch.drop_column("label_key")
        batch.drop_column("label")
        batch.alter_column("mapping", type_=sa.LargeBinary(), existing_type=sa.Text(),
                           postgresql_using="convert_to(mapping, 'UTF8')")
    op.drop_table("meta")

