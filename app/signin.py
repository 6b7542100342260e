"""Sign-in to a deployment: every way in (password, single sign-on) and out (sign-out, idle) passes here.

The front end keeps only the signed-in user's id; `current` reads the account again on each
action, so a disabled account or a changed role takes effect at once and nothing a session holds
can make someone an admin. `_event` is the one place sign-ins, failures and sign-outs are
recorded: the audit row of each goes there (the deployment issue's audit step).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from app.context import AppContext, User
from app.store import utcnow

log = logging.getLogger(__name__)

# The one sentence for any failed password sign-in: an unknown name reads like a wrong password.
FAILED = "That user name and password do not match an account that may sign in."
SSO_REFUSED = ("Your single sign-on account has no access to clinsum here. Ask an administrator to add it, "
               "then sign in again.")

UNKNOWN = "(unknown)"  # the actor of a failed sign-in that names no account
clock = time.time  # seconds; the idle check reads it here, so tests can move time


@dataclass(frozen=True, slots=True)
class Attempt:
    """A sign-in's outcome: the user, or the one sentence to show."""

    user: User | None
    message: str | None = None


def with_password(ctx: AppContext, username: str, password: str, now: datetime | None = None) -> Attempt:
    from app.store.users import check_password

    now = now or utcnow()
    verdict = check_password(ctx.store, username, password, ctx.settings.auth, now)
    if verdict.outcome == "ok":
        user = _user(verdict.user)
        _event(ctx, "signed in", user, method="password")
        return Attempt(user)
    known = _user(verdict.user) if verdict.user is not None else None
    if verdict.outcome == "locked":
        _event(ctx, "sign-in refused: locked", known, method="password")
        return Attempt(None, locked_message(verdict.locked_until, now))
    _event(ctx, "sign-in failed", known, method="password")
    return Attempt(None, FAILED)


def with_sso(ctx: AppContext, claims: Mapping[str, Any]) -> Attempt:
    """The account single sign-on names (its e-mail, else its subject), which an admin made first."""
    from app.store.users import sso_user

    identities = [str(claims[k]) for k in ("email", "sub") if claims.get(k)]
    found = sso_user(ctx.store, identities) if identities else None
    if found is None:
        _event(ctx, "sign-in failed", None, method="sso")
        return Attempt(None, SSO_REFUSED)
    user = _user(found)
    _event(ctx, "signed in", user, method="sso")
    return Attempt(user)


def current(ctx: AppContext, user_id: int) -> User | None:
    """The account behind a session's user id as it is now; None once disabled or gone."""
    from app.store.users import get_user

    found = get_user(ctx.store, user_id)
    return _user(found) if found is not None and not found.disabled else None


def idle_expired(ctx: AppContext, last_seen: float, now: float | None = None) -> bool:
    return (clock() if now is None else now) - last_seen > ctx.settings.auth.idle_minutes * 60


def signed_out(ctx: AppContext, user: User | None, why: Literal["signed out", "idle", "disabled"]) -> None:
    _event(ctx, f"signed out: {why}", user)


def locked_message(until: datetime | None, now: datetime) -> str:
    minutes = max(1, math.ceil(((until or now) - now).total_seconds() / 60))
    return (f"This account is locked after too many failed sign-ins. Try again in {minutes} minute"
            f"{'s' * (minutes != 1)}, or ask an administrator to unlock it.")


def _user(info: Any) -> User:
    return User(info.username, info.id, info.role)


def _event(ctx: AppContext, what: str, user: User | None, **detail: str) -> None:
    """Every sign-in event, here and only here: one audit row (the account, or "(unknown)": a name
    typed that matches no account is never kept, it may be a password typed in the wrong box), and
    a log line of ids and outcomes, never a user name or a password."""
    log.info("%s (user id %s) %s", what, user.id if user else None, detail)
    with ctx.store.transaction() as s:
        ctx.store.audit(s, user.name if user else UNKNOWN, what, user_id=user.id if user else None, **detail)
