"""The care team a patient made here joins: chosen when the user has several, none needed locally."""

from __future__ import annotations

import streamlit as st

from app.context import NO_TEAM, AppContext, User
from ui.text import literal


def team_for_new_patient(ctx: AppContext, me: User, key: str) -> tuple[bool, int | None]:
    """Whether this user may make a patient, and the team it joins (None in local mode).

    A user in no team is told, in one sentence, to ask an administrator; the caller shows no form."""
    if ctx.settings.mode == "local":
        return True, None
    mine = ctx.teams(me)
    if not mine:
        st.info(NO_TEAM, icon=":material/group_off:")
        return False, None
    if len(mine) == 1:
        st.caption(f"A new patient joins your care team {literal(mine[0].name)}.")
        return True, mine[0].id
    chosen = st.selectbox("Care team of the new patient", mine, format_func=lambda team: team.name, key=key)
    return True, chosen.id
