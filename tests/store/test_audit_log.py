"""The audit trail as an admin reads it: filters, newest first, and a CSV a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from app.audit import AuditFilter, audit_actions, audit_csv, audit_rows
from app.store import Store
from app.store.schema import AuditEvent


def _event(store: Store, at: datetime, actor: str, action: str, patient: int | None = None, **detail) -> None:
    with store.transaction() as s:
        s.add(AuditEvent(at=at, actor=actor, action=action, patient_id=patient, job_id=None, detail=detail))


def _filled(store: Store) -> None:
    _event(store, datetime(2026, 3, 1, 9, 0), "dr_okafor", "signed in")
    _event(store, datetime(2026, 3, 1, 9, 5), "dr_okafor", "summary shown", 7, summary=3)
    _event(store, datetime(2026, 3, 2, 23, 59), "nurse_lee", "source shown", 7, passage="P12")
    _event(store, datetime(2026, 3, 3, 0, 0), "nurse_lee", "summary shown", 8, summary=4)
    _event(store, datetime(2026, 3, 4, 8, 0), "100%_admin", "signed in")


def test_rows_come_newest_first_and_each_filter_narrows_them(store: Store) -> None:
    _filled(store)
    assert [r.at.day for r in audit_rows(store)] == [4, 3, 2, 1, 1]
    assert {r.actor for r in audit_rows(store, AuditFilter(actor="OKAFOR"))} == {"dr_okafor"}
    assert [r.actor for r in audit_rows(store, AuditFilter(actor="%"))] == ["100%_admin"]  # a wildcard is a character
    assert [r.patient_id for r in audit_rows(store, AuditFilter(action="summary shown"))] == [8, 7]
    assert [r.action for r in audit_rows(store, AuditFilter(patient_id=7))] == ["source shown", "summary shown"]
    # Whole days, both ends included: 2 March runs to its last minute, 3 March starts at midnight.
    assert [r.at.day for r in audit_rows(store, AuditFilter(since=date(2026, 3, 2), until=date(2026, 3, 2)))] == [2]
    assert [r.at.day for r in audit_rows(store, AuditFilter(since=date(2026, 3, 2), until=date(2026, 3, 3)))] == [3, 2]
    assert len(audit_rows(store, limit=2)) == 2
    assert audit_actions(store) == ["signed in", "source shown", "summary shown"]


def test_the_csv_has_a_header_every_row_and_no_cell_a_spreadsheet_would_run(store: Store) -> None:
    _filled(store)
    _event(store, datetime(2026, 3, 5, 8, 0), "=HYPERLINK(\"http://x\")", "signed in")
    rows = list(csv.reader(io.StringIO(audit_csv(audit_rows(store)).decode("utf-8"))))
    assert rows[0] == ["id", "at", "actor", "action", "patient_id", "job_id", "session", "detail"]
    assert len(rows) == 7
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")"
    shown = next(r for r in rows if r[3] == "source shown")
    assert shown[1] == "2026-03-02 23:59:00" and shown[4] == "7" and shown[5] == "" and shown[7] == '{"passage": "P12"}'


def test_a_view_redrawn_by_a_rerun_is_one_row_and_each_row_names_its_session(store: Store) -> None:
    from app.store.store import AUDIT_SESSION

    def shown(summary: int, session: str | None = "s1") -> None:
        token = AUDIT_SESSION.set(session)
        try:
            with store.transaction() as s:
                store.audit(s, "dr_okafor", "summary shown", 7, None, once=True, summary=summary)
                store.audit(s, "dr_okafor", "source shown", 7, None, once=True, summary=summary, passage="P1")
        finally:
            AUDIT_SESSION.reset(token)

    shown(3)
    shown(3)  # the page redrawn: no new action
    shown(4)
    shown(3)  # back to the first summary: a new view
    shown(3, session="s2")  # another browser session's view of it
    shown(3, session=None)  # the command line: no session to tell a rerun by, every call counts
    shown(3, session=None)
    rows = [(r.session, r.detail["summary"]) for r in reversed(audit_rows(store, AuditFilter(action="summary shown")))]
    assert rows == [("s1", 3), ("s1", 4), ("s1", 3), ("s2", 3), (None, 3), (None, 3)]
    assert len(audit_rows(store, AuditFilter(action="source shown"))) == 6
