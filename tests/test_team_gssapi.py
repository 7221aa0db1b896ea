"""Team mode without a database password (issue 24): a PostgreSQL server of its own (Debian's, in a temporary
folder, run as the `postgres` system user) authenticates the workstation user with GSSAPI against the test
realm (tests/directory_server.py). With the coach's ticket the workspace opens and migrates; without a ticket
the server refuses. `database.url` holds no password."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from nunrec_desktop.app import build_services
from nunrec_desktop.domain import Role, User, WorkspaceError
from nunrec_desktop.settings import Settings, create_workspace, load_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.directory_server import REALM, Directory, free_port_block

PG_BIN = Path("/usr/lib/postgresql")


def _pg_bin() -> Path | None:
    versions = sorted(PG_BIN.glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="module")
def gss_postgres(directory: Directory) -> Iterator[str]:
    """A private PostgreSQL cluster on 127.0.0.1 with `gss` authentication; yields its host:port."""
    binaries = _pg_bin()
    try:
        postgres_user = pwd.getpwnam("postgres")
    except KeyError:
        postgres_user = None
    if binaries is None or postgres_user is None or os.geteuid() != 0:
        message = "team-mode GSSAPI test needs Debian's PostgreSQL server and root (to run it as 'postgres')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = Path(tempfile.mkdtemp(prefix="nunrec-gss-pg-"))
    os.chown(folder, postgres_user.pw_uid, postgres_user.pw_gid)
    keytab = folder / "postgres.keytab"
    directory.realm.addprinc(f"postgres/localhost@{REALM}")
    directory.realm.extract_keytab(f"postgres/localhost@{REALM}", str(keytab))
    os.chown(keytab, postgres_user.pw_uid, postgres_user.pw_gid)
    krb5_conf = folder / "krb5.conf"  # the realm's folder is root's alone; the server reads its own copy
    shutil.copyfile(directory.krb5_env["KRB5_CONFIG"], krb5_conf)
    os.chown(krb5_conf, postgres_user.pw_uid, postgres_user.pw_gid)
    data = folder / "data"
    port = free_port_block(1)

    def as_postgres(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, text=True, timeout=120,
            env={**os.environ, "KRB5_CONFIG": str(krb5_conf)}, **kwargs,  # type: ignore[call-overload]
        )  # fmt: skip

    as_postgres(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth-local=trust", "-E", "UTF8")
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{folder}'\n"
            f"krb_server_keyfile = '{keytab}'\n"
        )
    (data / "pg_hba.conf").write_text(
        "local all postgres trust\nhost all all 127.0.0.1/32 gss include_realm=0 krb_realm=" + REALM + "\n"
    )
    as_postgres(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start")
    try:
        psql = [str(binaries / "psql"), "-h", str(folder), "-p", str(port), "-U", "postgres", "-qtAc"]
        as_postgres(*psql, "CREATE ROLE alice LOGIN")
        as_postgres(*psql, "CREATE DATABASE nunrec OWNER alice")
        yield f"localhost:{port}"
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def test_a_team_database_authenticates_the_workstation_user_with_kerberos(
    gss_postgres: str,
    directory: Directory,
    no_ticket: Path,
    tmp_path: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    url = f"postgresql+psycopg://alice@{gss_postgres}/nunrec?gssencmode=prefer"
    assert ":" not in url.split("//", 1)[1].split("@", 1)[0]  # no password in the setting
    root = tmp_path / "workspace"
    create_workspace(root, Settings(database_url=url))
    with pytest.raises(WorkspaceError, match=r"GSSAPI|gss|Kerberos|credentials"):  # no ticket: refused
        build_services(load_workspace(root), clock=clock, keyring_factory=lambda: keyring_backend).close()
    directory.kinit("alice", no_ticket)
    services = build_services(load_workspace(root), clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        admin = User(0, "os:tester", Role.IT, "Beheer")
        services.accounts.add(admin, "marieke", Role.COACH, "Marieke Kok", TEST_PASSWORD)
        assert services.auth.sign_in("marieke", TEST_PASSWORD).role is Role.COACH
        assert services.audit.verify().intact
    finally:
        services.close()
