"""Patients: find, create, select and delete; an empty install offers the sample record."""

from __future__ import annotations

import streamlit as st

from app.context import AccessProblem, sample_files
from app.store.patients import (
    PatientError,
    create_patient,
    delete_document,
    delete_patient,
    documents_of,
    rename_patient,
)
from app.uploads import Upload
from ui import state
from ui.text import literal
from ui.widgets.adding import add_and_report
from ui.widgets.teams import team_for_new_patient

ctx = state.context()
me = state.user(ctx)
st.title("Patients")
st.caption("Each patient has a label you choose, such as a ward and bed or a study number. "
           "Do not use a name or an MRN.")

everyone = ctx.patients(me)
if not everyone and ctx.settings.mode == "deployment":
    st.write("None of your care teams' patients is here yet.")  # a hospital's server holds no demo record
elif not everyone:
    st.write("There are no patients yet. Upload a patient's files, or try clinsum on the bundled synthetic record.")
    if st.button("Load the sample record", type="primary"):
        made = create_patient(ctx.store, "sample record", actor=me.name)
        state.select(made.id)
        add_and_report(ctx, me, made.id, [Upload(p.name, p.read_bytes()) for p in sample_files()])
        st.switch_page("screens/summary.py")

with st.form("new-patient", clear_on_submit=True, border=False):
    allowed, team = team_for_new_patient(ctx, me, "new-patient-team")
    label = st.text_input("New patient label", placeholder="e.g. ward 4 bed 12", disabled=not allowed)
    if st.form_submit_button("Create patient", disabled=not allowed):
        try:
            made = ctx.new_patient(me, label or None, team)
        except (PatientError, AccessProblem) as problem:
            st.error(str(problem))
        else:
            state.select(made.id)
            st.rerun()

if everyone:
    found = st.text_input("Find a patient by label", key="find")
    shown = ctx.patients(me, found) if found else everyone
    if not shown:
        st.write("No patient's label contains that.")
    for info in shown[:100]:
        row = st.columns([4, 3, 2, 2], vertical_alignment="center")
        row[0].markdown(f"**{literal(info.label)}**" if info.id == st.session_state.get("patient_id") else literal(info.label))
        row[1].caption(f"since {info.created_at:%Y-%m-%d %H:%M}")
        row[2].caption(f"{info.documents} document{'s' * (info.documents != 1)}")
        if row[3].button("Select", key=f"select-{info.id}", disabled=info.id == st.session_state.get("patient_id")):
            state.select(info.id)
            st.rerun()

current = state.patient(ctx)
if current is not None:
    st.divider()
    st.subheader(f"Selected: {literal(current.label)}")
    with st.form("rename", border=False):
        new_label = st.text_input("Label", value=current.label)
        if st.form_submit_button("Rename"):
            try:
                rename_patient(ctx.store, current.id, new_label, actor=me.name)
            except PatientError as problem:
                st.error(str(problem))
            else:
                st.rerun()
    docs = documents_of(ctx.store, current.id)
    if not docs:
        st.write("No documents yet: add them on the Upload page.")
    for doc in docs:
        row = st.columns([5, 2, 2, 1], vertical_alignment="center")
        row[0].write(doc.file)
        row[1].caption(f"{doc.doc_type.replace('_', ' ')} · {doc.date or 'undated'}")
        row[2].caption(f"{doc.pages} page{'s' * (doc.pages != 1)}" + (f", {doc.ocr_pages} OCR" if doc.ocr_pages else ""))
        if row[3].button("Delete", key=f"del-doc-{doc.id}", help="Erase this document and the records built from it"):
            delete_document(ctx.store, doc.id, actor=me.name)
            st.rerun()
    with st.expander("Delete this patient"):
        st.write("Erases every document, record, summary and answer of this patient. The audit trail stays.")
        sure = st.checkbox(f"Yes, erase {literal(current.label)}", key=f"sure-{current.id}")
        if st.button("Delete patient", type="primary", disabled=not sure):
            delete_patient(ctx.store, current.id, actor=me.name)
            state.select(None)
            st.rerun()
