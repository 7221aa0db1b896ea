"""A real directory for the tests: Debian's `slapd` over LDAPS (a test CA made here) and a Kerberos realm
(Debian's `krb5kdc`, set up by the `k5test` package), both on 127.0.0.1 in a temporary folder.

People (`ou=people,dc=nunspeet,dc=test`, password `PASSWORD` for each):
  alice  coach group                     carol  IT group            bob  both groups
  nina   neither group                   dora   coach group, locked (pwdAccountLockedTime)
  eric   coach group, expired (shadowExpire in the past)
  fred, gina  coach group (a test renames fred; gina leaves the group)
  hanna  coach group through a nested group: kcc-noord is a member of the coach group; kcc-noord and kcc-lus
         hold each other (a cycle)
  ivo    coach group six group-in-group steps away: diep-1 in diep-2 ... diep-6 in the coach group
Kerberos principals `alice`, `bob`, `carol`, `dora`, `gina` exist in the realm; slapd has the service key
`ldap/localhost` and maps `uid=NAME,cn=<realm>,cn=gssapi,cn=auth` to the person's entry.

`tools/system-packages.sh test` installs slapd, the KDC and Cyrus SASL's GSSAPI module. Missing binaries
skip the tests outside CI and fail them in CI (`CI=true`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SUFFIX = "dc=nunspeet,dc=test"
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
COACH_GROUP = f"cn=kcc-coaches,{GROUPS}"
IT_GROUP = f"cn=kcc-it,{GROUPS}"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "root-secret-for-tests"
PASSWORD = "directory-pass-123"
REALM = "NUNSPEET.TEST"
SLAPD = "/usr/sbin/slapd"
KDC = "/usr/sbin/krb5kdc"
GSSAPI_PLUGIN_GLOB = "sasl2/libgssapiv2.so*"

PEOPLE_ROWS = {
    # uid: (display name, coach?, it?, extra LDIF lines)
    "alice": ("Alice de Coach", True, False, []),
    "carol": ("Carol van IT", False, True, []),
    "bob": ("Bob Beide", True, True, []),
    "nina": ("Nina Niemand", False, False, []),
    "dora": ("Dora Dicht", True, False, ["pwdAccountLockedTime: 000001010000Z"]),
    "eric": ("Eric Verlopen", True, False, ["shadowExpire: 1000"]),
    "fred": ("Fred Hernoemd", True, False, []),  # renamed by a test
    "gina": ("Gina Gaat", True, False, []),  # leaves the coach group in a test
    "hanna": ("Hanna Genest", False, False, []),  # a coach through kcc-noord (see NESTED)
    "ivo": ("Ivo Diep", False, False, []),  # a coach through diep-1 .. diep-6
}
NOORD_GROUP = f"cn=kcc-noord,{GROUPS}"
LUS_GROUP = f"cn=kcc-lus,{GROUPS}"
DEEP_GROUPS = [f"cn=diep-{i},{GROUPS}" for i in range(1, 7)]
# group -> members that are not set by PEOPLE_ROWS: groups inside groups, and the cycle kcc-noord <-> kcc-lus
NESTED = {
    COACH_GROUP: [NOORD_GROUP, DEEP_GROUPS[-1]],
    NOORD_GROUP: [f"uid=hanna,{PEOPLE}", LUS_GROUP],
    LUS_GROUP: [NOORD_GROUP],
    DEEP_GROUPS[0]: [f"uid=ivo,{PEOPLE}"],
    **{DEEP_GROUPS[i]: [DEEP_GROUPS[i - 1]] for i in range(1, 6)},
}


def require_binaries() -> None:
    """Skip (outside CI) or fail (in CI) when the directory's real parts are not installed."""
    binaries = (SLAPD, KDC, "/usr/sbin/kdb5_util", "/usr/sbin/kadmin.local", "/usr/bin/kinit")
    missing = [p for p in binaries if not Path(p).exists()]
    if not any(Path("/usr/lib").rglob(GSSAPI_PLUGIN_GLOB)):
        missing.append("libsasl2-modules-gssapi-mit")
    try:
        import gssapi  # noqa: F401
        import k5test  # noqa: F401
        import ldap3  # noqa: F401
        import spnego  # noqa: F401
    except ImportError as error:
        missing.append(f"python: {error.name}")
    if missing:
        message = f"the directory test parts are missing: {', '.join(missing)} (tools/system-packages.sh test)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def free_port_block(count: int) -> int:
    """The first of `count` consecutive free TCP and UDP ports on 127.0.0.1 (the KDC takes a block)."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count > 65000:
            continue
        if all(_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no free port block")


def _free(port: int) -> bool:
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        with socket.socket(socket.AF_INET, kind) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def make_test_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for `localhost` / 127.0.0.1, made with `openssl` here."""

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder, timeout=300)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=nunrec test CA")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    # Every local spelling of the server (localhost, the machine's own names, 127.0.0.1) is in the certificate.
    names = sorted({"localhost", socket.gethostname(), socket.getfqdn()})
    (folder / "san.ext").write_text("subjectAltName=" + ",".join(f"DNS:{n}" for n in names) + ",IP:127.0.0.1\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "server.pem", "-days", "2", "-extfile", "san.ext")  # fmt: skip
    (folder / "server.key").chmod(0o600)
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


def _ldif() -> str:
    blocks = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Nunspeet test\ndc: nunspeet",
        f"dn: {PEOPLE}\nobjectClass: organizationalUnit\nou: people",
        f"dn: {GROUPS}\nobjectClass: organizationalUnit\nou: groups",
    ]
    for uid, (name, _coach, _it, extra) in PEOPLE_ROWS.items():
        lines = [
            f"dn: uid={uid},{PEOPLE}",
            "objectClass: inetOrgPerson",
            "objectClass: shadowAccount",
            f"uid: {uid}",
            f"cn: {name}",
            f"sn: {name.split()[-1]}",
            f"displayName: {name}",
            f"userPassword: {PASSWORD}",
            *extra,
        ]
        blocks.append("\n".join(lines))
    direct = {
        group: [f"uid={u},{PEOPLE}" for u, row in PEOPLE_ROWS.items() if row[index]]
        for group, index in ((COACH_GROUP, 1), (IT_GROUP, 2))
    }
    for group in dict.fromkeys([*direct, *NESTED]):
        members = [f"member: {m}" for m in direct.get(group, []) + NESTED.get(group, [])]
        name = group[3:].split(",")[0]
        blocks.append("\n".join([f"dn: {group}", "objectClass: groupOfNames", f"cn: {name}", *members]))
    return "\n\n".join(blocks) + "\n"


@dataclass
class Directory:
    """The running directory: its LDAPS URI, the CA file, the Kerberos environment and helpers."""

    uri: str
    ca_file: Path
    folder: Path
    realm: Any  # k5test.K5Realm
    krb5_env: dict[str, str]

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """The `auth.*` settings (as Settings field names) of a workspace that signs in with this directory."""
        values: dict[str, Any] = {
            "auth_kind": "directory",
            "auth_server_uri": self.uri,
            "auth_ca_file": str(self.ca_file),
            "auth_base_dn": SUFFIX,
            "auth_bind_name": f"uid={{user}},{PEOPLE}",
            "auth_user_attribute": "uid",
            "auth_user_filter": "(objectClass=inetOrgPerson)",
            "auth_coach_group_dn": COACH_GROUP,
            "auth_it_group_dn": IT_GROUP,
            "auth_id_attribute": "entryUUID",
            "auth_name_attribute": "displayName",
            "auth_timeout_seconds": 60,  # the most it may be: a safety net, the server answers at once
        }
        values.update(overrides)
        return values

    def admin(self) -> Any:
        """An ldap3 connection bound as the directory's root (to rename people, change groups); `unbind()` it."""
        import ssl
        from urllib.parse import urlsplit

        import ldap3

        parts = urlsplit(self.uri)
        tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=str(self.ca_file))
        server = ldap3.Server(parts.hostname, port=parts.port, use_ssl=True, tls=tls, get_info=ldap3.NONE)
        return ldap3.Connection(server, ROOT_DN, ROOT_PASSWORD, auto_bind=True, raise_exceptions=True)

    def set_members(self, group: str, remove: str | None = None, add: str | None = None) -> None:
        """Take `remove` out of `group` and put `add` in (as the directory's root)."""
        import ldap3

        changes = []
        if remove:
            changes.append((ldap3.MODIFY_DELETE, [remove]))
        if add:
            changes.append((ldap3.MODIFY_ADD, [add]))
        conn = self.admin()
        try:
            conn.modify(group, {"member": changes})
        finally:
            conn.unbind()

    def kinit(self, uid: str, ccache: Path) -> None:
        """A ticket for `uid` in the credential cache `ccache`."""
        env = {**os.environ, **self.krb5_env, "KRB5CCNAME": f"FILE:{ccache}"}
        subprocess.run(
            ["kinit", f"{uid}@{REALM}"], input=PASSWORD, text=True, env=env, check=True, capture_output=True,
            timeout=300,
        )  # fmt: skip


@contextmanager
def running_directory(folder: Path) -> Iterator[Directory]:
    """Start the KDC and slapd in `folder`; both stop when the block ends."""
    require_binaries()
    import k5test

    kdc_base = free_port_block(10)
    realm = k5test.K5Realm(
        realm=REALM,
        portbase=kdc_base,
        krb5_conf={
            "libdefaults": {"dns_canonicalize_hostname": "false", "rdns": "false", "udp_preference_limit": "1"},
            "realms": {"$realm": {"kdc": f"127.0.0.1:{kdc_base}"}},
        },
        get_creds=False,
        create_host=False,
    )
    slapd: subprocess.Popen[bytes] | None = None
    try:
        for uid in ("alice", "bob", "carol", "dora", "gina"):
            realm.addprinc(f"{uid}@{REALM}", PASSWORD)
        keytab = folder / "ldap.keytab"
        realm.addprinc(f"ldap/localhost@{REALM}")
        realm.extract_keytab(f"ldap/localhost@{REALM}", str(keytab))
        ca, cert, key = make_test_ca(folder)
        database = folder / "db"
        database.mkdir()
        conf = folder / "slapd.conf"
        conf.write_text(
            "\n".join(
                [
                    *(f"include /etc/ldap/schema/{s}.schema" for s in ("core", "cosine", "inetorgperson", "nis")),
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "moduleload ppolicy",  # defines pwdAccountLockedTime (the overlay itself is not enabled)
                    f"pidfile {folder / 'slapd.pid'}",
                    f"TLSCACertificateFile {ca}",
                    f"TLSCertificateFile {cert}",
                    f"TLSCertificateKeyFile {key}",
                    "sasl-host localhost",
                    f"sasl-realm {REALM}",
                    f'authz-regexp "^uid=([^,/]+),cn={REALM.lower()},cn=gssapi,cn=auth$" "uid=$1,{PEOPLE}"',
                    "access to attrs=userPassword by anonymous auth by * none",
                    "access to * by users read by * none",
                    "database mdb",
                    f'suffix "{SUFFIX}"',
                    f'rootdn "{ROOT_DN}"',
                    f"rootpw {ROOT_PASSWORD}",
                    f"directory {database}",
                    "",
                ]
            )
        )
        (folder / "people.ldif").write_text(_ldif())
        subprocess.run(
            [SLAPD.replace("slapd", "slapadd"), "-f", str(conf), "-l", str(folder / "people.ldif")],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        port = free_port_block(1)
        env = {**os.environ, **realm.env, "KRB5_KTNAME": f"FILE:{keytab}"}
        slapd = subprocess.Popen(
            [SLAPD, "-d", "0", "-h", f"ldaps://127.0.0.1:{port}/", "-f", str(conf)],
            env=env, stdout=subprocess.DEVNULL, stderr=(folder / "slapd.log").open("wb"),
        )  # fmt: skip
        deadline = time.monotonic() + 300  # a safety net: slapd starts in well under a second when quiet
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if slapd.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("slapd did not start: " + (folder / "slapd.log").read_text(errors="replace"))
            time.sleep(0.05)
        krb5_env = {"KRB5_CONFIG": realm.env["KRB5_CONFIG"]}
        yield Directory(f"ldaps://localhost:{port}", ca, folder, realm, krb5_env)
    finally:
        if slapd is not None:
            slapd.terminate()
            try:
                slapd.wait(timeout=10)
            except subprocess.TimeoutExpired:
                slapd.kill()
                slapd.wait()
        realm.stop()
        shutil.rmtree(realm.tmpdir, ignore_errors=True)
