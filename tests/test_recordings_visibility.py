"""Who sees which recording (P1, P3, P10): each recording below breaks exactly one rule, or none."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.adapters.store.base import Segment
from nunrec_desktop.app import Services, build_services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, Role, User
from nunrec_desktop.services.recordings import expires_in_days, normalize_number
from nunrec_desktop.settings import Settings, load_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.store_server import Behaviour, serve_store

CALLERS = ["+31612345678", "+31687654321", "+31655501234"]


@pytest.fixture
def scene(services: Services, admin: User, coach: User, clock: FakeClock) -> dict[str, User]:
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    for employee_id, name in (("E1", "Anouk de Vries"), ("E2", "Bram Jansen"), ("E3", "Lotte Visser")):
        services.people.add_employee(employee_id, name)
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(other.id, "E2", date(2026, 1, 1), date(2026, 11, 9))
    services.people.assign(coach.id, "E2", date(2026, 11, 10))
    services.people.assign(other.id, "E3", date(2026, 1, 1))
    root = services.workspace.store_path
    now = clock.now
    cases = {
        "ok-e1": dict(start=now - timedelta(days=2)),
        "ok-local-spelling": dict(start=now - timedelta(days=3), called="0341 25 99 11"),
        "ok-last-minute": dict(start=now - timedelta(days=30) + timedelta(minutes=1)),
        "ok-e2-after-move": dict(start=now - timedelta(days=5), employee="E2"),
        "ok-transfer-in": dict(
            start=now - timedelta(days=1), employee="E3", segments=(Segment("E3", 0, 1), Segment("E1", 1, 2))
        ),
        "bad-outbound": dict(start=now - timedelta(days=2), direction="outbound"),
        "bad-internal": dict(start=now - timedelta(days=2), direction="internal"),
        "bad-other-number": dict(start=now - timedelta(days=2), called="+31341259800"),
        "bad-too-old": dict(start=now - timedelta(days=31)),
        "bad-exactly-30-days": dict(start=now - timedelta(days=30)),
        "bad-other-coach": dict(start=now - timedelta(days=2), employee="E3"),
        "bad-e2-before-move": dict(start=now - timedelta(days=15), employee="E2"),
    }
    for index, (rec_id, kwargs) in enumerate(cases.items()):
        add_recording(root, rec_id, caller=CALLERS[index % 3], **kwargs)
    return {"coach": coach, "other": other}


def test_a_coach_sees_exactly_the_calls_the_protocol_allows(services: Services, scene: dict[str, User]) -> None:
    listing = services.catalog.visible_for(scene["coach"])
    assert [r.id for r in listing.items] == [
        "ok-transfer-in",
        "ok-e1",
        "ok-local-spelling",
        "ok-e2-after-move",
        "ok-last-minute",
    ]
    counts = dataclasses.asdict(listing.counts)
    assert counts == {
        "not_inbound": 2,
        "other_number": 1,
        "too_old": 2,
        "not_coached": 2,
        "erased": 0,
        "skipped_entries": 0,
    }
    transfer = listing.items[0]
    assert transfer.employee_ids == ("E1",) and transfer.employee_names == "Anouk de Vries"
    assert transfer.transferred and transfer.segments == (Segment("E1", 1, 2),)
    assert {r.id: r.expires_in_days for r in listing.items}["ok-last-minute"] == 0
    assert {r.id: r.expires_in_days for r in listing.items}["ok-e1"] == 28


def test_the_other_coach_sees_their_own(services: Services, scene: dict[str, User]) -> None:
    listing = services.catalog.visible_for(scene["other"])
    assert sorted(r.id for r in listing.items) == ["bad-e2-before-move", "bad-other-coach", "ok-transfer-in"]
    [transfer] = [r for r in listing.items if r.id == "ok-transfer-in"]
    assert transfer.segments == (Segment("E3", 0, 1),)


def test_one_employee_only(services: Services, scene: dict[str, User]) -> None:
    listing = services.catalog.visible_for(scene["coach"], "E2")
    assert [r.id for r in listing.items] == ["ok-e2-after-move"]
    with pytest.raises(AccessDenied, match="niet onder jouw coaching"):
        services.catalog.visible_for(scene["coach"], "E3")


def test_filtering_is_counted_in_the_audit_log_without_caller_data(services: Services, scene: dict[str, User]) -> None:
    services.catalog.visible_for(scene["coach"])
    entry = services.audit.entries()[0]
    assert entry.action == "recordings.filtered"
    assert entry.detail == (
        "shown 5; filtered not-inbound=2 other-number=1 too-old=2 not-coached=2 erased=0; skipped entries=0"
    )
    everything = json.dumps([dataclasses.astuple(e) for e in services.audit.entries()])
    for number in CALLERS:
        for spelling in (number, number[3:], "0" + number[3:]):
            assert spelling not in everything


def test_the_it_role_does_not_browse(services: Services, scene: dict[str, User], it_user: User) -> None:
    with pytest.raises(AccessDenied, match="geen opnames bekijken"):
        services.catalog.visible_for(it_user)


def test_it_retrieves_one_recording_on_the_coachs_request(
    services: Services, scene: dict[str, User], it_user: User
) -> None:
    with pytest.raises(AccessDenied, match="op verzoek van de coach"):
        services.catalog.retrieve_for_coach(it_user, "ok-e1", "")
    meta = services.catalog.retrieve_for_coach(it_user, "ok-e1", "verzoek van coach marieke, ticket 4411")
    assert meta.id == "ok-e1"
    assert services.audit.entries()[0].purpose == "verzoek van coach marieke, ticket 4411"
    with pytest.raises(AccessDenied, match="bewaartermijn"):
        services.catalog.retrieve_for_coach(it_user, "bad-too-old", "verzoek van coach marieke")
    with pytest.raises(AccessDenied, match="P1"):
        services.catalog.retrieve_for_coach(it_user, "bad-outbound", "verzoek van coach marieke")


@pytest.mark.parametrize(
    ("recording", "message"),
    [
        ("bad-too-old", "bewaartermijn"),
        ("bad-outbound", "geen inkomend gesprek"),
        ("bad-other-number", "algemene nummer"),
        ("bad-other-coach", "niet onder jouw coaching"),
        ("bad-e2-before-move", "niet onder jouw coaching"),
    ],
)
def test_no_path_opens_a_recording_the_coach_may_not_see(
    services: Services, scene: dict[str, User], recording: str, message: str
) -> None:
    with pytest.raises(AccessDenied, match=message):
        services.catalog.open_for_coach(scene["coach"], recording, "coaching")
    assert services.audit.entries()[0].result == "denied"


def test_open_for_coach_is_audited_with_purpose(services: Services, scene: dict[str, User]) -> None:
    assert services.catalog.open_for_coach(scene["coach"], "ok-transfer-in", "coaching").id == "ok-transfer-in"
    entry = services.audit.entries()[0]
    assert (entry.action, entry.result, entry.object_id, entry.purpose) == (
        "recordings.play",
        "allowed",
        "ok-transfer-in",
        "coaching",
    )


def test_the_same_rules_through_the_http_store(
    services: Services, scene: dict[str, User], clock: FakeClock, keyring_backend: MemoryKeyring, workspace_dir: Path
) -> None:
    with serve_store(services.workspace.store_path, Behaviour(page_size_cap=4)) as (url, _):
        workspace = dataclasses.replace(
            load_workspace(workspace_dir),
            settings=dataclasses.replace(services.workspace.settings, store_kind="http", store_location=url),
        )
        over_http = build_services(workspace, clock=clock, keyring_factory=lambda: keyring_backend)
        over_http.store_credentials().set_token("test-token")
        try:
            listing = over_http.catalog.visible_for(scene["coach"])
        finally:
            over_http.close()
    assert [r.id for r in listing.items] == [r.id for r in services.catalog.visible_for(scene["coach"]).items]


def test_cli_lists_the_same_without_caller_numbers(
    services: Services,
    scene: dict[str, User],
    it_user: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    def run(*args: str, password: str = TEST_PASSWORD) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--workspace", str(workspace_dir)],
            Io(
                stdin=io.StringIO(password + "\n"),
                stdout=out,
                stderr=err,
                clock=clock,
                keyring_factory=lambda: keyring_backend,
            ),
        )
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run("recordings", "--user", "marieke", "--password-stdin", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == [r.id for r in services.catalog.visible_for(scene["coach"]).items]
    assert set(rows[0]) >= {"id", "start", "duration_s", "employee_id", "expires_in_days"}
    assert rows[0]["start"].endswith("Z") and rows[0]["employee_id"] == "E1"
    code, table, _ = run("recordings", "--user", "marieke", "--password-stdin", "--employee", "E2")
    assert code == 0 and "Bram Jansen" in table and "1 opnames" in table
    for text in (out, table):
        for number in CALLERS:
            assert number[3:] not in text.replace(" ", "")
    code, _, err = run("recordings", "--user", "marieke", "--password-stdin", password="wrong")
    assert code == 1 and "Onjuiste gebruikersnaam of wachtwoord" in err
    code, _, err = run("recordings", "--user", "dennis", "--password-stdin")
    assert code == 1 and "geen opnames bekijken" in err


def test_skipped_store_entries_are_reported(
    services: Services, scene: dict[str, User], workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    day = next(services.workspace.store_path.glob("2026/11/*"))
    (day / "broken.json").write_text("{")
    listing = services.catalog.visible_for(scene["coach"])
    assert listing.counts.skipped_entries == 1 and len(listing.items) == 5
    err = io.StringIO()
    main(
        ["recordings", "--workspace", str(workspace_dir), "--user", "marieke", "--password-stdin"],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=io.StringIO(),
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring_backend,
        ),
    )
    assert "1 onderdelen in de opnameopslag zijn overgeslagen" in err.getvalue()
    assert "broken.json" in (workspace_dir / "logs" / "nunrec.log").read_text()


def test_number_normalisation_and_expiry_arithmetic(clock: FakeClock) -> None:
    assert {normalize_number(n) for n in ("+31341259911", "0341 25 99 11", "0031 341-259911", "(0341) 259911")} == {
        "+31341259911"
    }
    now = clock.now
    assert expires_in_days(now, 30, now) == 30
    assert expires_in_days(now - timedelta(days=23, hours=1), 30, now) == 6
    assert expires_in_days(now - timedelta(days=40), 30, now) == 0


def test_retention_setting_is_honoured(
    tmp_path: Path, clock: FakeClock, keyring_backend: MemoryKeyring, database_url: str
) -> None:
    from nunrec_desktop.settings import create_workspace

    workspace = create_workspace(tmp_path / "ws", Settings(database_url=database_url, recording_retention_days=7))
    services = build_services(workspace, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        admin = User(0, "os:t", Role.IT, "t")
        coach = services.accounts.add(admin, "marieke", Role.COACH, "M", TEST_PASSWORD)
        services.people.add_employee("E1", "A")
        services.people.assign(coach.id, "E1", date(2026, 1, 1))
        add_recording(workspace.store_path, "six-days", clock.now - timedelta(days=6))
        add_recording(workspace.store_path, "eight-days", clock.now - timedelta(days=8))
        assert [r.id for r in services.catalog.visible_for(coach).items] == ["six-days"]
    finally:
        services.close()
