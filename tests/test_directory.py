"""Signing in with the municipality's directory (issue 24), against Debian's slapd over LDAPS with a test CA and
a Kerberos realm from Debian's krb5kdc (tests/directory_server.py): roles from groups, the refusals, the ticket,
a renamed person keeping their assignments, a person leaving the group, and the local IT break-glass account."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import UserRow
from nunrec_desktop.app import Services, build_services
from nunrec_desktop.domain import AuthenticationFailed, Role, User, WorkspaceError
from nunrec_desktop.services.directory import ACCOUNT_OFF, BOTH_GROUPS, NO_GROUP, UNREACHABLE, WRONG_CREDENTIALS
from nunrec_desktop.settings import Settings, create_workspace, load_workspace, settings_from_mapping
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.directory_server import COACH_GROUP, IT_GROUP, PASSWORD, PEOPLE, Directory, make_test_ca


def directory_services(
    root: Path, directory: Directory, database_url: str, clock: FakeClock, keyring: MemoryKeyring, **overrides: object
) -> Services:
    settings = Settings(database_url=database_url, **directory.settings(**overrides))
    create_workspace(root, settings)
    return build_services(load_workspace(root), clock=clock, keyring_factory=lambda: keyring)


@pytest.fixture
def dservices(
    tmp_path: Path,
    directory: Directory,
    database_url: str,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    no_ticket: Path,
) -> Iterator[Services]:
    built = directory_services(tmp_path / "workspace", directory, database_url, clock, keyring_backend)
    yield built
    built.close()


def test_a_member_of_the_coach_group_signs_in_as_coach_with_the_directory_name_and_nothing_of_the_password(
    dservices: Services,
) -> None:
    user = dservices.auth.sign_in("alice", PASSWORD)
    assert (user.username, user.role, user.display_name) == ("alice", Role.COACH, "Alice de Coach")
    it = dservices.auth.sign_in("carol", PASSWORD)
    assert it.role is Role.IT
    with dservices.sessions() as session:
        rows = session.execute(select(UserRow)).scalars().all()
        assert {r.username: r.password_hash for r in rows} == {"alice": "!directory", "carol": "!directory"}
        assert all(r.directory_id and len(r.directory_id) == 36 for r in rows)  # entryUUID
    entries = dservices.audit.entries(action="auth.sign_in")
    assert [(e.actor, e.role, e.result) for e in entries] == [("carol", "it", "allowed"), ("alice", "coach", "allowed")]
    assert "source: directory-password" in entries[1].detail and "coach group" in entries[1].detail
    everything = json.dumps([dataclasses.astuple(e) for e in dservices.audit.entries()])
    assert PASSWORD not in everything


@pytest.mark.parametrize(
    ("name", "password", "message", "reason"),
    [
        ("bob", PASSWORD, BOTH_GROUPS, "both groups"),
        ("nina", PASSWORD, NO_GROUP, "no group"),
        ("dora", PASSWORD, ACCOUNT_OFF, "account disabled (pwdAccountLockedTime)"),
        ("eric", PASSWORD, ACCOUNT_OFF, "account expired (shadowExpire)"),
        ("alice", "not-her-password", WRONG_CREDENTIALS, "credentials"),
        ("nobody", PASSWORD, WRONG_CREDENTIALS, "credentials"),
        ("alice)(uid=*", PASSWORD, WRONG_CREDENTIALS, "credentials"),
    ],
)
def test_refusals_are_dutch_audited_and_make_no_account(
    dservices: Services, name: str, password: str, message: str, reason: str
) -> None:
    with pytest.raises(AuthenticationFailed) as refused:
        dservices.auth.sign_in(name, password)
    assert str(refused.value) == message
    (entry,) = dservices.audit.entries(action="auth.sign_in")
    assert entry.result == "denied" and reason in entry.detail and entry.role == ""
    assert entry.actor == (name if reason.startswith(("both", "no group", "account")) else "(onbekend account)")
    assert password not in entry.detail and password not in entry.actor
    with dservices.sessions() as session:
        assert session.execute(select(UserRow)).scalars().all() == []


def test_a_ticket_signs_in_without_a_password_and_without_one_nothing_happens(
    dservices: Services, directory: Directory, no_ticket: Path
) -> None:
    assert dservices.auth.sign_in_with_ticket() is None  # empty credential cache: the password window stays
    assert dservices.audit.entries(action="auth.sign_in") == []
    directory.kinit("alice", no_ticket)
    user = dservices.auth.sign_in_with_ticket()
    assert user is not None and (user.username, user.role) == ("alice", Role.COACH)
    (entry,) = dservices.audit.entries(action="auth.sign_in")
    assert "source: directory-ticket" in entry.detail
    # The path Windows runs: ldap3 and nunrec's own SASL exchange, no python-ldap (whose Windows builds lack SASL).
    assert "ldap3" in sys.modules and "ldap" not in sys.modules
    # Unlocking asks the directory again; an empty password means the ticket.
    assert dservices.auth.unlock(user, "") == user


@pytest.mark.parametrize(("name", "message"), [("dora", ACCOUNT_OFF), ("bob", BOTH_GROUPS), ("carol", None)])
def test_the_ticket_path_applies_the_same_rules(
    dservices: Services, directory: Directory, no_ticket: Path, name: str, message: str | None
) -> None:
    directory.kinit(name, no_ticket)
    if message is None:
        user = dservices.auth.sign_in_with_ticket()
        assert user is not None and user.role is Role.IT
        return
    with pytest.raises(AuthenticationFailed, match=message[:30]):
        dservices.auth.sign_in_with_ticket()


def test_a_renamed_person_keeps_their_account_and_assignments(dservices: Services, directory: Directory) -> None:
    admin = User(0, "os:tester", Role.IT, "Beheer")
    fred = dservices.auth.sign_in("fred", PASSWORD)
    dservices.staff.add_employee(admin, "emp-1", "Eva Medewerker")
    dservices.staff.assign(admin, "emp-1", fred.username, date(2026, 1, 1), None)
    conn = directory.admin()
    try:
        conn.modify_dn(f"uid=fred,{PEOPLE}", "uid=frederik", delete_old_dn=True)
        directory.set_members(COACH_GROUP, f"uid=fred,{PEOPLE}", f"uid=frederik,{PEOPLE}")
        renamed = dservices.auth.sign_in("frederik", PASSWORD)
    finally:
        conn.modify_dn(f"uid=frederik,{PEOPLE}", "uid=fred", delete_old_dn=True)
        directory.set_members(COACH_GROUP, f"uid=frederik,{PEOPLE}", f"uid=fred,{PEOPLE}")
        conn.unbind()
    assert renamed.id == fred.id and renamed.username == "frederik"
    assert [a.employee_id for a in dservices.people.assignments(renamed.id)] == ["emp-1"]
    (latest, _first) = dservices.audit.entries(action="auth.sign_in")
    assert "renamed from fred" in latest.detail


def test_leaving_the_group_ends_access_at_the_next_sign_in_and_unlock(
    dservices: Services, directory: Directory
) -> None:
    gina = dservices.auth.sign_in("gina", PASSWORD)
    try:
        directory.set_members(COACH_GROUP, remove=f"uid=gina,{PEOPLE}")
        with pytest.raises(AuthenticationFailed, match="niet in de groep"):
            dservices.auth.unlock(gina, PASSWORD)
        with pytest.raises(AuthenticationFailed, match="niet in de groep"):
            dservices.auth.sign_in("gina", PASSWORD)
    finally:
        directory.set_members(COACH_GROUP, add=f"uid=gina,{PEOPLE}")


def test_a_local_account_of_the_same_name_is_adopted_once_and_loses_its_password(dservices: Services) -> None:
    admin = User(0, "os:tester", Role.IT, "Beheer")
    local = dservices.accounts.add(admin, "alice", Role.COACH, "Alice (lokaal)", TEST_PASSWORD)
    user = dservices.auth.sign_in("alice", PASSWORD)
    assert user.id == local.id and user.display_name == "Alice de Coach"
    with dservices.sessions() as session:
        assert session.get(UserRow, local.id).password_hash == "!directory"  # type: ignore[union-attr]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_break_glass_only_for_a_local_it_account_when_the_directory_is_unreachable(
    tmp_path: Path, directory: Directory, database_url: str, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    services = directory_services(
        tmp_path / "w", directory, database_url, clock, keyring_backend,
        auth_server_uri=f"ldaps://localhost:{_closed_port()}", auth_timeout_seconds=2,
    )  # fmt: skip
    try:
        admin = User(0, "os:tester", Role.IT, "Beheer")
        services.accounts.add(admin, "nood-it", Role.IT, "Noodaccount IT", TEST_PASSWORD)
        services.accounts.add(admin, "marieke", Role.COACH, "Marieke", TEST_PASSWORD)
        with pytest.raises(AuthenticationFailed) as refused:
            services.auth.sign_in("marieke", TEST_PASSWORD)
        assert str(refused.value) == UNREACHABLE
        with pytest.raises(AuthenticationFailed, match="niet bereikbaar"):
            services.auth.sign_in("alice", PASSWORD)
        it = services.auth.sign_in("nood-it", TEST_PASSWORD)
        assert it.role is Role.IT
        glass = services.audit.entries(action="auth.break_glass")
        assert [(e.actor, e.result) for e in glass] == [
            ("nood-it", "allowed"),
            ("(onbekend account)", "denied"),
            ("marieke", "denied"),
        ]
        assert "break-glass" in glass[0].detail
        assert services.audit.entries(action="auth.directory_unreachable")
        from nunrec_desktop.services.audit_words import action_words

        assert action_words("auth.break_glass") != "auth.break_glass"  # the audit view names it in Dutch
    finally:
        services.close()


def test_the_server_certificate_is_checked(
    tmp_path: Path, directory: Directory, database_url: str, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    other = tmp_path / "other-ca"
    other.mkdir()
    foreign_ca, _cert, _key = make_test_ca(other)
    services = directory_services(
        tmp_path / "w", directory, database_url, clock, keyring_backend, auth_ca_file=str(foreign_ca)
    )
    try:
        with pytest.raises(AuthenticationFailed, match="certificaat"):
            services.auth.sign_in("alice", PASSWORD)
        with services.sessions() as session:
            assert session.execute(select(UserRow)).scalars().all() == []
    finally:
        services.close()


@pytest.mark.parametrize(
    ("auth", "fragment"),
    [
        ({"server_uri": "ldap://dc.gemeente.local"}, "ldaps://"),
        ({"bind_name": "uid=x"}, "{user}"),
        ({"coach_group_dn": ""}, "coach_group_dn"),
        ({"it_group_dn": "cn=coaches,dc=gemeente,dc=local"}, "moeten verschillen"),
        ({"timeout_seconds": 0}, "tussen 1 en 60"),
        ({"nested_depth": 21}, "tussen 0 en 20"),
        ({"nested_depth": -1}, "tussen 0 en 20"),
        ({"id_attribute": "objectGUID)(x"}, "LDAP-attribuut"),
        ({"user_filter": "objectClass=user"}, "tussen haakjes"),
        ({"kind": "kerberos"}, "'local' of 'directory'"),
        ({"base_dn": "x" * 2000}, "te lang"),
    ],
)
def test_directory_settings_are_validated(auth: dict[str, object], fragment: str) -> None:
    table: dict[str, object] = {
        "kind": "directory",
        "server_uri": "ldaps://dc.gemeente.local",
        "base_dn": "DC=gemeente,DC=local",
        "bind_name": "{user}@gemeente.local",
        "coach_group_dn": "CN=Coaches,DC=gemeente,DC=local",
        "it_group_dn": "CN=IT,DC=gemeente,DC=local",
    }
    assert settings_from_mapping({"auth": table}).auth_kind == "directory"
    with pytest.raises(WorkspaceError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        settings_from_mapping({"auth": {**table, **auth}})


def test_directory_check_prints_one_json_object(
    tmp_path: Path, directory: Directory, database_url: str, clock: FakeClock, keyring_backend: MemoryKeyring,
    no_ticket: Path,
) -> None:  # fmt: skip
    root = tmp_path / "w"
    directory_services(root, directory, database_url, clock, keyring_backend).close()

    def check(*args: str, password: str | None = None) -> tuple[int, dict[str, object]]:
        done = subprocess.run(
            [sys.executable, "-m", "nunrec_desktop", "directory", "check", "--workspace", str(root), *args],
            input=password, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.stdout.count("\n") == 1, done.stderr
        return done.returncode, json.loads(done.stdout)

    code, coach = check("--user", "alice", "--password-stdin", password=PASSWORD + "\n")
    assert code == 0
    assert coach == {
        "user": "alice",
        "display_name": "Alice de Coach",
        "groups": [COACH_GROUP],
        "role": "coach",
        "source": "directory-password",
        "refusal": None,
    }
    code, both = check("--user", "bob", "--password-stdin", password=PASSWORD)
    assert code == 1 and both["role"] is None and both["refusal"] == BOTH_GROUPS
    assert both["groups"] == [COACH_GROUP, IT_GROUP]
    code, none = check("--user", "alice")  # no ticket in the cache
    assert code == 1 and none["source"] == "directory-ticket" and "ticket" in str(none["refusal"])
    directory.kinit("carol", no_ticket)
    code, by_ticket = check("--user", "nina")  # IT's ticket reads another person's entry
    assert code == 1 and by_ticket["refusal"] == NO_GROUP and by_ticket["display_name"] == "Nina Niemand"
    with open(root / "nunrec.sqlite3", "rb") if not database_url else open(__file__, "rb") as db:
        assert PASSWORD.encode() not in db.read()


def test_active_directory_account_states_and_bind_codes_are_read() -> None:
    """AD's own encodings, as AD sends them (no AD here): userAccountControl's disabled bit, accountExpires in
    100-ns steps since 1601 (0 and 2^63-1 are "never"), the sub-code in a refused bind's message."""
    from datetime import UTC, datetime

    from nunrec_desktop.adapters.directory import _account_state, _refusal_reason

    now = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)

    def ad_time(moment: datetime) -> bytes:
        return str(int((moment.timestamp() + 11644473600) * 10_000_000)).encode()

    assert _account_state({"useraccountcontrol": [b"514"]}, now) == ("disabled", "userAccountControl")
    assert _account_state({"useraccountcontrol": [b"512"], "accountexpires": [b"0"]}, now) == ("", "")
    assert _account_state({"accountexpires": [b"9223372036854775807"]}, now) == ("", "")
    assert _account_state({"accountexpires": [ad_time(datetime(2026, 11, 1, tzinfo=UTC))]}, now)[0] == "expired"
    assert _account_state({"accountexpires": [ad_time(datetime(2027, 1, 1, tzinfo=UTC))]}, now) == ("", "")
    assert _account_state({"useraccountcontrol": [b"not a number"]}, now) == ("", "")
    message = "80090308: LdapErr: DSID-0C090439, comment: AcceptSecurityContext error, data 533, v4563"
    assert _refusal_reason({"result": 49, "message": message}) == "disabled"
    assert _refusal_reason({"result": 49, "message": message.replace("533", "52e")}) == "credentials"
    assert _refusal_reason({"result": 49, "message": message.replace("533", "701")}) == "expired"
    assert _refusal_reason({"result": 80, "message": message}) == "credentials"  # not a refusal code: no sub-code


def test_the_ticket_bind_carries_the_channel_binding_of_the_real_tls_connection(directory: Directory) -> None:
    """AD's LDAP channel binding: the GSSAPI token is bound to `tls-server-end-point`, the SHA-256 of the server
    certificate as this very connection presented it (slapd with Cyrus SASL does not check it; AD does)."""
    import hashlib
    import ssl

    from nunrec_desktop.adapters.directory import DirectoryConfig, LdapDirectory, _channel_bindings

    der = ssl.PEM_cert_to_DER_cert((directory.folder / "server.pem").read_text())
    settings = {k[5:]: v for k, v in directory.settings().items() if k not in ("auth_kind", "auth_timeout_seconds")}
    config = DirectoryConfig(uri=settings.pop("server_uri"), timeout_s=60, **settings)
    with LdapDirectory(config)._connection() as conn:
        bindings = _channel_bindings(conn)
    assert bindings.application_data == b"tls-server-end-point:" + hashlib.sha256(der).digest()


def _config(directory: Directory, **overrides: object) -> object:
    from nunrec_desktop.adapters.directory import DirectoryConfig

    settings = {k[5:]: v for k, v in directory.settings().items() if k not in ("auth_kind", "auth_timeout_seconds")}
    return DirectoryConfig(**{"uri": settings.pop("server_uri"), "timeout_s": 5, **settings, **overrides})


def test_membership_through_nested_groups_counts_and_the_walk_is_bounded_in_depth(
    tmp_path: Path, directory: Directory, database_url: str, clock: FakeClock, keyring_backend: MemoryKeyring,
    no_ticket: Path,
) -> None:  # fmt: skip
    """hanna is in kcc-noord, which is in the coach group (and in a cycle with kcc-lus); ivo is six
    group-in-group steps away: refused at the default depth of 5, a coach at 6; with depth 0 only direct
    members count."""
    services = directory_services(tmp_path / "w", directory, database_url, clock, keyring_backend)
    try:
        hanna = services.auth.sign_in("hanna", PASSWORD)
        assert (hanna.role, hanna.display_name) == (Role.COACH, "Hanna Genest")
        with pytest.raises(AuthenticationFailed) as refused:
            services.auth.sign_in("ivo", PASSWORD)
        assert str(refused.value) == NO_GROUP
    finally:
        services.close()
    deeper = directory_services(tmp_path / "w6", directory, database_url, clock, keyring_backend, auth_nested_depth=6)
    try:
        assert deeper.auth.sign_in("ivo", PASSWORD).role is Role.COACH
    finally:
        deeper.close()
    direct = directory_services(tmp_path / "w0", directory, database_url, clock, keyring_backend, auth_nested_depth=0)
    try:
        with pytest.raises(AuthenticationFailed) as refused:
            direct.auth.sign_in("hanna", PASSWORD)
        assert str(refused.value) == NO_GROUP
        assert direct.auth.sign_in("alice", PASSWORD).role is Role.COACH
    finally:
        direct.close()


class _CountingDirectory:
    """An LdapDirectory that records every search it sends (base, filter)."""

    @staticmethod
    def make(config: object) -> object:
        from typing import ClassVar

        from nunrec_desktop.adapters.directory import LdapDirectory

        class Counting(LdapDirectory):
            searches: ClassVar[list[tuple[str, str]]] = []

            def _search(self, conn, base, scope, query, attributes, size_limit):  # type: ignore[no-untyped-def]
                self.searches.append((base, query))
                return super()._search(conn, base, scope, query, attributes, size_limit)

        return Counting(config)  # type: ignore[arg-type]


def test_the_nested_walk_visits_each_group_once_and_stops_at_its_group_budget(
    directory: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cycle (kcc-noord <-> kcc-lus) is walked once, however deep the walk may go; the group budget ends a
    walk early, and what it did not reach is no membership (fail closed)."""
    from nunrec_desktop.adapters import directory as adapter
    from tests.directory_server import LUS_GROUP, NOORD_GROUP

    ldap = _CountingDirectory.make(_config(directory, nested_depth=20))
    entry = ldap.with_password("hanna", PASSWORD)  # type: ignore[attr-defined]
    assert entry.groups == (COACH_GROUP,)
    searches = ldap.searches  # type: ignore[attr-defined]
    walk = [query for base, query in searches if base == "dc=nunspeet,dc=test" and "(member=" in query]
    # hanna -> kcc-noord -> {coach group, kcc-lus} -> kcc-noord again (seen): three steps, then the walk ends
    assert len(walk) == 3, walk
    assert NOORD_GROUP in walk[1] and LUS_GROUP in walk[2] and COACH_GROUP in walk[2]
    monkeypatch.setattr(adapter, "GROUP_BUDGET", 1)
    assert ldap.with_password("hanna", PASSWORD).groups == ()  # type: ignore[attr-defined]


def test_active_directory_is_asked_with_the_in_chain_matching_rule(directory: Directory) -> None:
    """No AD here: slapd's root DSE does not name AD's capability, so the bounded walk is used; when a server
    does (forced here), the nested question goes to each group as LDAP_MATCHING_RULE_IN_CHAIN, encoded by
    ldap3 as the extensibleMatch AD expects. Whether AD answers it is not tested here."""
    from ldap3.operation.search import compile_filter, parse_filter

    from nunrec_desktop.adapters.directory import IN_CHAIN_RULE

    ldap = _CountingDirectory.make(_config(directory))
    with ldap._connection() as conn:  # type: ignore[attr-defined]
        assert ldap.supports_in_chain(conn) is False  # type: ignore[attr-defined]
    type(ldap).supports_in_chain = lambda self, conn: True  # type: ignore[assignment]
    ldap.searches.clear()  # type: ignore[attr-defined]
    ldap.with_password("hanna", PASSWORD)  # type: ignore[attr-defined]
    chain = [(base, query) for base, query in ldap.searches if IN_CHAIN_RULE in query]  # type: ignore[attr-defined]
    hanna = f"uid=hanna,{PEOPLE}"
    assert chain == [(g, f"(member:{IN_CHAIN_RULE}:={hanna})") for g in (COACH_GROUP, IT_GROUP)]
    match = compile_filter(parse_filter(chain[0][1], None, True, False, None, False).elements[0])["extensibleMatch"]
    assert (str(match["matchingRule"]), str(match["type"]), str(match["matchValue"])) == (
        IN_CHAIN_RULE, "member", hanna,
    )  # fmt: skip


@contextlib.contextmanager
def _hostile_ldaps(folder: Path, behaviour: str) -> Iterator[tuple[Path, int]]:
    """A TLS server with a test CA that answers the first request with an LDAP message claiming 2 GiB, then
    either drips a byte every 0.2 s ('drip': each read is quick, the whole never ends) or floods ('flood')."""
    import ssl
    import threading

    ca, cert, key = make_test_ca(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(30)
    stop = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _address = listener.accept()
            with context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(65536)  # the bind request
                tls.sendall(b"\x30\x84\x7f\xff\xff\xff")
                while not stop.is_set():
                    if behaviour == "drip":
                        tls.sendall(b"\x04")
                        stop.wait(0.2)
                    else:
                        tls.sendall(b"\x04" * 65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield ca, int(listener.getsockname()[1])
    finally:
        stop.set()
        listener.close()
        thread.join(30)


@pytest.mark.parametrize(("behaviour", "reason"), [("drip", "timeout"), ("flood", "down")])
def test_a_hostile_server_is_left_at_the_connection_deadline_or_the_byte_budget(
    tmp_path: Path, behaviour: str, reason: str
) -> None:
    """Every read ends within `timeout_s`, the whole connection within 4 x `timeout_s` ('drip' never lets a
    single read time out), and no more than 1 MiB is taken in ('flood')."""
    from nunrec_desktop.adapters.directory import DirectoryConfig, DirectoryUnreachable, LdapDirectory

    with _hostile_ldaps(tmp_path, behaviour) as (ca, port):
        config = DirectoryConfig(
            uri=f"ldaps://localhost:{port}", ca_file=str(ca), base_dn="dc=x", bind_name="uid={user},dc=x",
            user_attribute="uid", user_filter="", id_attribute="entryUUID", name_attribute="cn",
            coach_group_dn="cn=c,dc=x", it_group_dn="cn=i,dc=x", timeout_s=1,
        )  # fmt: skip
        with pytest.raises(DirectoryUnreachable) as down:
            LdapDirectory(config).with_password("alice", "x")
    assert down.value.reason == reason


def test_the_server_name_is_checked_against_the_certificate(directory: Directory) -> None:
    """'127.1' reaches the same slapd, but is not a name in its certificate: refused as a TLS failure."""
    from nunrec_desktop.adapters.directory import DirectoryUnreachable, LdapDirectory

    port = directory.uri.rsplit(":", 1)[1]
    with pytest.raises(DirectoryUnreachable) as refused:
        LdapDirectory(_config(directory, uri=f"ldaps://127.1:{port}")).with_password("alice", PASSWORD)  # type: ignore[arg-type]
    assert refused.value.reason == "tls"
    assert LdapDirectory(_config(directory, uri=f"ldaps://127.0.0.1:{port}")).with_password("alice", PASSWORD).groups  # type: ignore[arg-type]


def test_an_empty_ca_file_trusts_the_system_store(directory: Directory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`auth.ca_file = ""`: the system's trust store decides (on Windows Python reads the Windows certificate
    store; here OpenSSL's default, pointed at the test CA through SSL_CERT_FILE, or at a foreign CA)."""
    from nunrec_desktop.adapters.directory import DirectoryUnreachable, LdapDirectory

    monkeypatch.setenv("SSL_CERT_FILE", str(directory.ca_file))
    monkeypatch.setenv("SSL_CERT_DIR", str(directory.folder / "no-such-folder"))
    assert LdapDirectory(_config(directory, ca_file="")).with_password("alice", PASSWORD).groups  # type: ignore[arg-type]
    monkeypatch.setenv("SSL_CERT_FILE", str(directory.folder / "no-such-file.pem"))
    with pytest.raises(DirectoryUnreachable) as refused:
        LdapDirectory(_config(directory, ca_file="")).with_password("alice", PASSWORD)  # type: ignore[arg-type]
    assert refused.value.reason == "tls"
