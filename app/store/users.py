"""Accounts that may sign in to a deployment: roles, argon2 passwords, lockout, disabled accounts.

Passwords are hashed with argon2id (argon2-cffi's PasswordHasher); a hash made with older
parameters is replaced at the next right password. A wrong password counts against the account;
`lockout_failures` in a row lock it for `lockout_minutes`, right password or not. What a caller
shows a person must not tell an unknown name from a wrong password: `check_password` answers
both with the same verdict, after the same work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.store.schema import Account
from app.store.store import Store, utcnow

ROLES = ("clinician", "admin")
MAX_USERNAME = 200


class UserError(ValueError):
    """One sentence: a name, role or password that cannot be used, an account that is not there."""


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    username: str
    role: str
    disabled: bool
    locked_until: datetime | None
    has_password: bool  # False: signs in through single sign-on only
    created_at: datetime
    last_sign_in_at: datetime | None

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a password sign-in came to: `user` when it succeeded; `locked_until` when the account is locked."""

    outcome: Literal["ok", "failed", "locked"]
    user: UserInfo | None = None
    locked_until: datetime | None = None


@cache
def _hasher() -> Any:
    from argon2 import PasswordHasher  # imported on first use: the CLI starts without it

    return PasswordHasher()  # argon2id, RFC 9106's low-memory profile


@cache
def _dummy_hash() -> str:
    return _hasher().hash("clinsum: no such account")


def clean_username(username: str) -> str:
    name = username.strip().lower()
    if not name or any(c.isspace() or not c.isprintable() for c in name):
        raise UserError("A user name needs at least one character and no spaces.")
    if len(name) > MAX_USERNAME:
        raise UserError(f"A user name is at most {MAX_USERNAME} characters.")
    return name


def _checked_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"A role is one of {', '.join(ROLES)}.")
    return role


def _checked_password(password: str, min_length: int) -> str:
    if len(password) < min_length:
        raise UserError(f"A password needs at least {min_length} characters.")
    return password


def create_user(store: Store, username: str, role: str, password: str | None, min_length: int = 12,
                hasher: Any = None) -> UserInfo:
    """A new account; with no password it signs in through single sign-on only."""
    name, role = clean_username(username), _checked_role(role)
    hashed = (hasher or _hasher()).hash(_checked_password(password, min_length)) if password is not None else None
    try:
        with store.transaction() as s:
            if s.scalar(select(Account.id).where(Account.username == name)) is not None:
                raise UserError("That user name is taken.")
            account = Account(username=name, role=role, password_hash=hashed, created_at=utcnow())
            s.add(account)
            s.flush()
            return _info(account)
    except IntegrityError:  # made by a concurrent admin since we looked
        raise UserError("That user name is taken.") from None


def list_users(store: Store) -> list[UserInfo]:
    with store.transaction() as s:
        return [_info(a) for a in s.scalars(select(Account).order_by(Account.username))]


def get_user(store: Store, user_id: int) -> UserInfo | None:
    with store.transaction() as s:
        account = s.get(Account, user_id)
        return _info(account) if account else None


def find_user(store: Store, username: str) -> UserInfo | None:
    with store.transaction() as s:
        account = s.scalar(select(Account).where(Account.username == clean_username(username)))
        return _info(account) if account else None


def set_disabled(store: Store, user_id: int, disabled: bool) -> UserInfo:
    """Disable an account (it can no longer sign in, by any means) or enable it again."""
    with store.transaction() as s:
        account = _get(s, user_id)
        account.disabled = disabled
        return _info(account)


def unlock(store: Store, user_id: int) -> UserInfo:
    """Lift a lockout now, and forget the wrong passwords counted so far."""
    with store.transaction() as s:
        account = _get(s, user_id)
        account.locked_until, account.failed_sign_ins = None, 0
        return _info(account)


def set_password(store: Store, user_id: int, password: str, min_length: int = 12, hasher: Any = None) -> UserInfo:
    hashed = (hasher or _hasher()).hash(_checked_password(password, min_length))
    with store.transaction() as s:
        account = _get(s, user_id)
        account.password_hash = hashed
        return _info(account)


def check_password(store: Store, username: str, password: str, auth: Any, now: datetime | None = None,
                   hasher: Any = None) -> Verdict:
    """Sign-in by password: "ok" with the user, "failed" (unknown name, wrong password, disabled or
    single-sign-on-only account, all alike), or "locked" with the time the lock ends.

    `auth` is the settings' auth section (lockout_failures, lockout_minutes)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher, now = hasher or _hasher(), now or utcnow()
    try:
        name = clean_username(username)
    except UserError:
        name = None
    with store.transaction() as s:
        # Locked for update: two wrong passwords at once both count.
        account = s.scalar(select(Account).where(Account.username == name).with_for_update()) if name else None
        if account is not None and account.locked_until is not None and account.locked_until > now:
            return Verdict("locked", locked_until=account.locked_until)
        try:
            hasher.verify(account.password_hash if account and account.password_hash else _dummy_hash(), password)
            right = account is not None and account.password_hash is not None
        except (VerificationError, InvalidHashError):
            right = False
        if account is None:
            return Verdict("failed")
        if not right:
            account.failed_sign_ins += 1
            if account.failed_sign_ins >= auth.lockout_failures:
                account.failed_sign_ins, account.locked_until = 0, now + timedelta(minutes=auth.lockout_minutes)
                return Verdict("locked", locked_until=account.locked_until)
            return Verdict("failed")
        if account.disabled:
            return Verdict("failed")
        if hasher.check_needs_rehash(account.password_hash):
            account.password_hash = hasher.hash(password)
        account.failed_sign_ins, account.locked_until, account.last_sign_in_at = 0, None, now
        return Verdict("ok", _info(account))


def sso_user(store: Store, identities: list[str], now: datetime | None = None) -> UserInfo | None:
    """The enabled account single sign-on names (by e-mail or subject, first match), or None."""
    names = []
    for identity in identities:
        try:
            names.append(clean_username(identity))
        except UserError:
            continue
    with store.transaction() as s:
        for name in names:
            account = s.scalar(select(Account).where(Account.username == name))
            if account is not None:
                if account.disabled:
                    return None
                account.last_sign_in_at = now or utcnow()
                return _info(account)
    return None


def _get(session: Any, user_id: int) -> Account:
    account = session.get(Account, user_id)
    if account is None:
        raise UserError("There is no such user.")
    return account


def _info(account: Account) -> UserInfo:
    return UserInfo(account.id, account.username, account.role, account.disabled, account.locked_until,
                    account.password_hash is not None, account.created_at, account.last_sign_in_at)
