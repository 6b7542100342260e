"""Care teams (admins only): make a team, put users in it, put patients in its care by their label.

Only an admin's navigation holds this page, and it checks the role again itself, as the Users
page does. An admin finds a patient by the label they are given, never from a list: managing
teams shows no patient's label, and an admin sees patients only through their own teams.
"""

from __future__ import annotations

import streamlit as st

from app.store.patients import PatientError, find_patient
from app.store.teams import TeamError, create_team, list_teams, set_member, set_patient
from app.store.users import list_users
from ui import state
from ui.text import literal

ctx = state.context()
me = state.admin(ctx)  # the role as the store has it now, checked on the page itself
st.title("Teams")
st.caption("A clinician sees the patients of their care teams only, on every page. A patient may be in several "
           "teams; a patient a clinician adds joins their team.")

with st.form("new-team", clear_on_submit=True):
    st.subheader("Add a team")
    name = st.text_input("Team name", key="new-team-name", placeholder="e.g. cardiology ward 9")
    if st.form_submit_button("Add team", key="new-team-submit"):
        try:
            made = create_team(ctx.store, name, actor=me.name)
            st.success(f"Added team {literal(made.name)}.")
        except TeamError as problem:
            st.error(str(problem))

teams = list_teams(ctx.store)
if not teams:
    st.write("No teams yet. Until a clinician is in a team, they see no patient and cannot add one.")
    st.stop()
accounts = {account.username: account for account in list_users(ctx.store)}


def change(action, done: str) -> None:  # type: ignore[no-untyped-def]
    """Run a team change (a button's callback, reading the widgets' values as they are at the click);
    its one-sentence refusal, or what was done, shows in the run that follows."""
    try:
        action()
    except (TeamError, PatientError) as problem:
        st.session_state["team-notice"] = ("error", str(problem))
    else:
        st.session_state["team-notice"] = ("success", done)


def add_member(team_id: int) -> None:
    chosen = st.session_state.get(f"team-{team_id}-user")
    if chosen not in accounts:
        raise TeamError("Choose a user to add.")
    set_member(ctx.store, team_id, accounts[chosen].id, True, me.name)


def place_patient(team_id: int, cared: bool) -> None:
    """Put the patient whose label was typed in the team's care, or take them out of it."""
    found = find_patient(ctx.store, st.session_state.get(f"team-{team_id}-label") or "")
    if found is None:
        raise PatientError("There is no patient with that label.")
    set_patient(ctx.store, team_id, found.id, cared, me.name)


if notice := st.session_state.pop("team-notice", None):
    (st.error if notice[0] == "error" else st.success)(literal(notice[1]))

for team in teams:
    with st.container(border=True):
        st.markdown(f"**{literal(team.name)}** · {len(team.members)} member{'s' * (len(team.members) != 1)} · "
                    f"{team.patients} patient{'s' * (team.patients != 1)}")
        for username in team.members:
            row = st.columns([6, 2], vertical_alignment="center")
            row[0].write(literal(username))
            user_id = accounts[username].id
            row[1].button("Remove", key=f"team-{team.id}-remove-{user_id}", on_click=change,
                          args=(lambda t=team.id, u=user_id: set_member(ctx.store, t, u, False, me.name),
                                f"Removed {username} from {team.name}."))
        row = st.columns([6, 2], vertical_alignment="bottom")
        row[0].selectbox("Add a member", [name for name in accounts if name not in team.members], index=None,
                         key=f"team-{team.id}-user", placeholder="a user")
        row[1].button("Add member", key=f"team-{team.id}-add-member", on_click=change,
                      args=(lambda t=team.id: add_member(t), f"Added a member to {team.name}."))
        row = st.columns([4, 2, 2], vertical_alignment="bottom")
        row[0].text_input("Patient label", key=f"team-{team.id}-label", placeholder="e.g. ward 9 bed 4",
                          help="The patient's label as it was given (case and spacing do not matter).")
        row[1].button("Add patient", key=f"team-{team.id}-add-patient", on_click=change,
                      args=(lambda t=team.id: place_patient(t, True), f"{team.name} now cares for that patient."))
        row[2].button("Remove patient", key=f"team-{team.id}-remove-patient", on_click=change,
                      args=(lambda t=team.id: place_patient(t, False), f"{team.name} no longer cares for that patient."))
