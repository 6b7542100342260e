"""Accounts on SQLite and PostgreSQL: argon2 passwords, rehash, lockout, disabled and SSO-only accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.settings import AuthSettings
from app.store import Store, utcnow
from app.store.schema import Account
from app.store.users import (
    UserError,
    check_password,
    create_user,
    find_user,
    list_users,
    set_disabled,
    set_password,
    sso_user,
    unlock,
)

AUTH = AuthSettings(lockout_failures=3, lockout_minutes=15)
PASSWORD = "correct horse battery"


def _hash_of(store: Store, user_id: int) -> str:
    with store.transaction() as s:
        return s.scalar(select(Account.password_hash).where(Account.id == user_id))


def test_a_password_is_kept_as_an_argon2id_hash_and_checks(store: Store) -> None:
    made = create_user(store, "Dr.Okafor", "clinician", PASSWORD)
    assert made.username == "dr.okafor" and made.role == "clinician" and made.has_password
    stored = _hash_of(store, made.id)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    ok = check_password(store, "DR.OKAFOR", PASSWORD, AUTH)  # the name in any case
    assert ok.outcome == "ok" and ok.user.id == made.id and ok.user.last_sign_in_at is not None
    assert check_password(store, "dr.okafor", PASSWORD + "!", AUTH).outcome == "failed"


def test_an_unknown_name_and_a_wrong_password_read_the_same(store: Store) -> None:
    create_user(store, "nurse.lee", "clinician", PASSWORD)
    unknown = check_password(store, "nobody", PASSWORD, AUTH)
    wrong = check_password(store, "nurse.lee", "not the password", AUTH)
    assert unknown == wrong and unknown.outcome == "failed" and unknown.user is None


def test_repeated_failures_lock_the_account_until_the_time_or_an_admin(store: Store) -> None:
    made = create_user(store, "locum", "clinician", PASSWORD)
    now = utcnow()
    assert [check_password(store, "locum", "wrong", AUTH, now).outcome for _ in range(2)] == ["failed", "failed"]
    third = check_password(store, "locum", "wrong", AUTH, now)
    assert third.outcome == "locked" and third.locked_until == now + timedelta(minutes=15)
    # Locked: even the right password is refused, until the lock ends.
    assert check_password(store, "locum", PASSWORD, AUTH, now + timedelta(minutes=14)).outcome == "locked"
    assert check_password(store, "locum", PASSWORD, AUTH, now + timedelta(minutes=16)).outcome == "ok"
    for _ in range(3):
        check_password(store, "locum", "wrong", AUTH, now)
    assert find_user(store, "locum").locked(now)
    assert not unlock(store, made.id).locked(now)
    assert check_password(store, "locum", PASSWORD, AUTH, now).outcome == "ok"


def test_a_right_password_forgives_earlier_failures(store: Store) -> None:
    create_user(store, "registrar", "clinician", PASSWORD)
    for _ in range(2):
        check_password(store, "registrar", "wrong", AUTH)
    assert check_password(store, "registrar", PASSWORD, AUTH).outcome == "ok"
    for _ in range(2):
        assert check_password(store, "registrar", "wrong", AUTH).outcome == "failed"


def test_a_disabled_account_cannot_sign_in_by_any_means(store: Store) -> None:
    made = create_user(store, "leaver@hospital.example", "clinician", PASSWORD)
    set_disabled(store, made.id, True)
    assert check_password(store, "leaver@hospital.example", PASSWORD, AUTH).outcome == "failed"
    assert sso_user(store, ["leaver@hospital.example"]) is None
    set_disabled(store, made.id, False)
    assert check_password(store, "leaver@hospital.example", PASSWORD, AUTH).outcome == "ok"


def test_a_hash_made_with_older_parameters_is_replaced_at_sign_in(store: Store) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    made = create_user(store, "admin", "admin", PASSWORD, hasher=weak)
    old = _hash_of(store, made.id)
    assert "m=8192" in old
    assert check_password(store, "admin", PASSWORD, AUTH).outcome == "ok"  # the default hasher
    new = _hash_of(store, made.id)
    assert new != old and not PasswordHasher().check_needs_rehash(new)
    assert check_password(store, "admin", PASSWORD, AUTH).outcome == "ok"


def test_single_sign_on_maps_to_an_existing_account_only(store: Store) -> None:
    made = create_user(store, "a.rivera@hospital.example", "admin", None)
    assert not made.has_password
    assert sso_user(store, ["A.Rivera@hospital.example", "sub-123"]).id == made.id
    assert sso_user(store, ["stranger@hospital.example", "sub-999"]) is None
    assert check_password(store, "a.rivera@hospital.example", "", AUTH).outcome == "failed"  # SSO only: no password


def test_names_roles_and_passwords_are_checked(store: Store) -> None:
    create_user(store, "taken", "clinician", PASSWORD)
    for name, role, password in [("taken", "clinician", PASSWORD), ("two words", "clinician", PASSWORD),
                                 ("", "clinician", PASSWORD), ("x", "superuser", PASSWORD), ("y", "admin", "short")]:
        with pytest.raises(UserError):
            create_user(store, name, role, password)
    made = find_user(store, "taken")
    with pytest.raises(UserError):
        set_password(store, made.id, "short")
    set_password(store, made.id, "another long password")
    assert check_password(store, "taken", "another long password", AUTH).outcome == "ok"
    assert [u.username for u in list_users(store)] == ["taken"]
