"""Audit log: who did what to which patient's data, and when; filtered, and exported as CSV. Read only."""

from __future__ import annotations

import streamlit as st

from app.audit import AuditFilter, audit_actions, audit_csv, audit_rows
from ui import state

ctx = state.context()
me = state.admin(ctx)
st.title("Audit log")
st.caption("Every sign-in, upload, summary, view of a source or summary, question and export, and each job's steps. "
           "Rows are only ever added: nobody can change or remove one here.")
with st.form("audit-filter", border=False):
    columns = st.columns([2, 2, 1, 2])
    actor = columns[0].text_input("Who", placeholder="part of a user's name")
    action = columns[1].selectbox("What", ["(any)", *audit_actions(ctx.store)])
    patient = columns[2].number_input("Patient id", min_value=0, value=None, step=1)
    days = columns[3].date_input("When (UTC)", value=(), format="YYYY-MM-DD")
    st.form_submit_button("Show", icon=":material/filter_list:")
since, until = (tuple(days) + (None, None))[:2] if isinstance(days, (tuple, list)) else (days, days)
where = AuditFilter(actor=actor.strip() or None, action=None if action == "(any)" else action,
                    patient_id=None if patient is None else int(patient), since=since, until=until or since)
rows = audit_rows(ctx.store, where)
st.write(f"{len(rows)} row{'s' * (len(rows) != 1)}, newest first" + (" (the newest 1,000)" if len(rows) == 1000 else "") + ".")
if rows:
    st.dataframe(
        [{"at (UTC)": r.at, "who": r.actor, "what": r.action, "patient": r.patient_id, "job": r.job_id,
          "session": r.session or "(worker or CLI)", "detail": ", ".join(f"{k}={v}" for k, v in sorted(r.detail.items()))} for r in rows],
        hide_index=True, width="stretch",
    )
    st.download_button("Export as CSV", audit_csv(rows), "clinsum-audit.csv", "text/csv", on_click="ignore",
                       icon=":material/download:")
