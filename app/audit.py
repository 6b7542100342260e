"""The audit trail as an admin reads it: filtered rows and a CSV export.

Rows are only ever added (`Store.audit`); nothing here changes one. Details never hold record text,
so the export holds none either; a cell that a spreadsheet would run as a formula is written as
text (OWASP's CSV-injection advice), since actor names and details come from users.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from app.store import Store
from app.store.schema import AuditEvent

COLUMNS = ("id", "at", "actor", "action", "patient_id", "job_id", "session", "detail")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime  # UTC
    actor: str
    action: str
    patient_id: int | None
    job_id: int | None
    detail: dict[str, Any]
    session: str | None = None  # the browser session; None: a worker or the command line


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None  # part of the actor's name, any case
    action: str | None = None
    patient_id: int | None = None
    since: date | None = None  # whole days, UTC, both ends included
    until: date | None = None


def audit_rows(store: Store, where: AuditFilter = AuditFilter(), limit: int = 1000) -> list[AuditRow]:
    """The newest `limit` rows that match, newest first."""
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if where.actor:
        query = query.where(AuditEvent.actor.ilike(f"%{_escaped(where.actor)}%", escape="\\"))
    if where.action:
        query = query.where(AuditEvent.action == where.action)
    if where.patient_id is not None:
        query = query.where(AuditEvent.patient_id == where.patient_id)
    if where.since is not None:
        query = query.where(AuditEvent.at >= datetime.combine(where.since, time.min))
    if where.until is not None:
        query = query.where(AuditEvent.at < datetime.combine(where.until + timedelta(days=1), time.min))
    with store.transaction() as s:
        return [AuditRow(e.id, e.at, e.actor, e.action, e.patient_id, e.job_id, dict(e.detail or {}), e.session)
                for e in s.scalars(query)]


def audit_actions(store: Store) -> list[str]:
    """Every kind of action the trail holds, for a filter's choices."""
    with store.transaction() as s:
        return sorted(s.scalars(select(AuditEvent.action).distinct()))


def audit_csv(rows: list[AuditRow]) -> bytes:
    """The rows as CSV (UTF-8, a header line), each cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        cells = (row.id, row.at.isoformat(sep=" ", timespec="seconds"), row.actor, row.action,
                 "" if row.patient_id is None else row.patient_id, "" if row.job_id is None else row.job_id,
                 row.session or "", json.dumps(row.detail, sort_keys=True, ensure_ascii=False))
        writer.writerow([_inert(cell) for cell in cells])
    return out.getvalue().encode("utf-8")


def _inert(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
