"""Signing in: success, failures, the 5-attempt lock-out and its expiry, unlock, rehash, audit entries."""

from __future__ import annotations

from dataclasses import astuple
from datetime import timedelta

import pytest
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import UserRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccountLocked, AuthenticationFailed, User
from nunrec_desktop.services.passwords import Passwords
from tests.conftest import TEST_PASSWORD, FakeClock


def test_sign_in_returns_the_user_and_is_audited(services: Services, coach: User) -> None:
    user = services.auth.sign_in("marieke", TEST_PASSWORD)
    assert user == coach
    entry = services.audit.entries()[0]
    assert (entry.action, entry.actor, entry.result) == ("auth.sign_in", "marieke", "allowed")


def test_user_name_is_case_and_space_tolerant(services: Services, coach: User) -> None:
    assert services.auth.sign_in("  marieke ", TEST_PASSWORD) == coach


def test_wrong_password_gives_one_dutch_message(services: Services, coach: User) -> None:
    with pytest.raises(AuthenticationFailed, match="Onjuiste gebruikersnaam of wachtwoord"):
        services.auth.sign_in("marieke", "wrong-password-123")
    entry = services.audit.entries()[0]
    assert (entry.result, entry.detail) == ("denied", "wrong password; attempt 1")


def test_unknown_account_is_audited_without_the_typed_name(services: Services) -> None:
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("my-secret-password-typed-here", "x")
    entry = services.audit.entries()[0]
    assert entry.actor == "(onbekend account)"
    assert not any("my-secret" in str(value) for value in astuple(entry))


def test_five_failures_lock_for_fifteen_minutes(services: Services, coach: User, clock: FakeClock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("marieke", "wrong-password-123")
    with pytest.raises(AccountLocked) as locked:
        services.auth.sign_in("marieke", "wrong-password-123")
    assert "vergrendeld" in str(locked.value)
    assert locked.value.until == clock.now + timedelta(minutes=15)
    # Even the right password is refused while locked.
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("marieke", TEST_PASSWORD)
    clock.advance(seconds=2)
    assert services.auth.sign_in("marieke", TEST_PASSWORD) == coach
    actions = [(e.action, e.result) for e in services.audit.entries()]
    assert ("auth.account_locked", "allowed") in actions
    assert actions.count(("auth.sign_in", "denied")) == 6


def test_a_lock_starts_counting_afresh_after_it_expires(services: Services, coach: User, clock: FakeClock) -> None:
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            services.auth.sign_in("marieke", "wrong-password-123")
    clock.advance(minutes=16)
    with pytest.raises(AuthenticationFailed):  # one wrong attempt after expiry does not re-lock
        services.auth.sign_in("marieke", "wrong-password-123")
    assert services.auth.sign_in("marieke", TEST_PASSWORD) == coach


def test_disabled_account_cannot_sign_in(services: Services, coach: User, admin: User) -> None:
    services.accounts.set_disabled(admin, "marieke", True)
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("marieke", TEST_PASSWORD)
    assert services.audit.entries()[0].detail == "account disabled"


def test_unlock_checks_the_password_and_counts_failures(services: Services, coach: User) -> None:
    assert services.auth.unlock(coach, TEST_PASSWORD) == coach
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.unlock(coach, "nope-nope-nope")
    with pytest.raises(AccountLocked):
        services.auth.unlock(coach, "nope-nope-nope")
    assert services.audit.entries()[1].action == "auth.unlock"


@pytest.mark.real_password_hashing
def test_hash_is_argon2id_at_owasp_minimum_and_rehashed_when_parameters_rise(services: Services, coach: User) -> None:
    with services.sessions() as session:
        stored = session.execute(select(UserRow.password_hash).where(UserRow.id == coach.id)).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    services.passwords = stronger = Passwords(memory_kib=32 * 1024, time_cost=3)
    services.auth._passwords = stronger  # what app.py would build after a parameter rise
    services.auth.sign_in("marieke", TEST_PASSWORD)
    with services.sessions() as session:
        rehashed = session.execute(select(UserRow.password_hash).where(UserRow.id == coach.id)).scalar_one()
    assert rehashed.startswith("$argon2id$v=19$m=32768,t=3,p=1$")
    assert services.auth.sign_in("marieke", TEST_PASSWORD) == coach


def test_parameters_below_owasp_are_refused() -> None:
    with pytest.raises(ValueError):
        Passwords(memory_kib=8 * 1024, time_cost=2)
    with pytest.raises(ValueError):
        Passwords(memory_kib=19 * 1024, time_cost=1)
