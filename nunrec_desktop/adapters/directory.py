"""The municipality's directory (Active Directory, or any LDAP server) over LDAPS, through python-ldap.

Two ways in, both over TLS with the server certificate checked (plain `ldap://` is never used):
* a password bind as the person (`bind_name` with `{user}`, e.g. `{user}@gemeente.local` for AD);
* a Kerberos ticket: a SASL GSSAPI bind (RFC 4752) whose tokens come from pyspnego, which uses GSSAPI on
  Linux and SSPI (the logged-on Windows user) on Windows; no SASL security layer, TLS protects the line.

After the bind the person's own entry is read (with their own rights: no service account, no stored
secret): the stable id, the display name, what says the account is disabled or expired, and whether they
are a member of the coach group and of the IT group. Nothing here decides a role; `services/directory.py`
does. python-ldap and pyspnego are the optional extra `directory`, imported on use.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# AD's sub-codes in a refused bind's message ("... data 533, ..."): the account, not the password.
_AD_ACCOUNT_CODES = {"533": "disabled", "701": "expired", "775": "locked", "530": "disabled", "531": "disabled"}
_AD_NEVER = (0, 0x7FFFFFFFFFFFFFFF)
_AD_EPOCH_OFFSET = 11644473600  # seconds from 1601-01-01 to 1970-01-01
_MAX_VALUE = 4096


class DirectoryUnreachable(Exception):
    """The directory did not answer, or its certificate did not check out (`reason`: 'down', 'tls', 'timeout',
    'missing' when python-ldap is not installed)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DirectoryRefused(Exception):
    """The directory refused the bind (`reason`: 'credentials', or AD's 'disabled'/'expired'/'locked')."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoTicket(Exception):
    """There is no usable Kerberos ticket (or no Kerberos library) on this workstation."""


class NotInDirectory(Exception):
    """The name (or the ticket's identity) is not a person under the base DN matching the user filter."""


@dataclass(frozen=True)
class DirectoryConfig:
    uri: str
    ca_file: str
    base_dn: str
    bind_name: str
    user_attribute: str
    user_filter: str
    id_attribute: str
    name_attribute: str
    coach_group_dn: str
    it_group_dn: str
    timeout_s: int


@dataclass(frozen=True)
class DirectoryEntry:
    """What the directory says about one person. `account_state` is '' (usable), 'disabled' or 'expired'."""

    user: str
    dn: str
    stable_id: str
    display_name: str
    groups: tuple[str, ...] = field(default=())
    account_state: str = ""
    state_source: str = ""


def valid_user_name(name: str) -> bool:
    """A directory login name as it may be typed: letters, digits, '.', '_', '-' (so nothing to escape)."""
    return bool(_NAME.match(name))


class LdapDirectory:
    """One directory; every call opens its own connection and closes it (nothing kept between sign-ins)."""

    def __init__(self, config: DirectoryConfig, now: Any = None) -> None:
        self._config = config
        self._now = now or (lambda: datetime.now(UTC))

    @property
    def config(self) -> DirectoryConfig:
        return self._config

    def with_password(self, user: str, password: str) -> DirectoryEntry:
        """Bind as `user` with `password` and read their entry."""
        ldap = _ldap()
        conn = self._connect()
        try:
            try:
                conn.simple_bind_s(self._config.bind_name.replace("{user}", user), password)
            except ldap.INVALID_CREDENTIALS as error:
                raise DirectoryRefused(_refusal_reason(error)) from None
            except (ldap.UNWILLING_TO_PERFORM, ldap.INAPPROPRIATE_AUTH, ldap.CONSTRAINT_VIOLATION):
                raise DirectoryRefused("credentials") from None
            return self._read(conn, user)
        except ldap.LDAPError as error:
            raise _unreachable(ldap, error) from None
        finally:
            _close(conn)

    def with_ticket(self, user: str | None = None) -> DirectoryEntry:
        """Bind with the workstation's Kerberos ticket and read the ticket holder's entry (or `user`'s)."""
        ldap = _ldap()
        conn = self._connect()
        try:
            self._gssapi_bind(conn)
            if user is None:
                user = self._identity(conn)
            return self._read(conn, user)
        except ldap.LDAPError as error:
            raise _unreachable(ldap, error) from None
        finally:
            _close(conn)

    # -- the connection -------------------------------------------------------------------------------

    def _connect(self) -> Any:
        ldap = _ldap()
        config = self._config
        if not config.uri.lower().startswith("ldaps://"):
            raise DirectoryUnreachable("plain")
        conn = ldap.initialize(config.uri)
        conn.protocol_version = 3
        conn.set_option(ldap.OPT_REFERRALS, 0)
        conn.set_option(ldap.OPT_NETWORK_TIMEOUT, config.timeout_s)
        conn.set_option(ldap.OPT_TIMEOUT, config.timeout_s)
        conn.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
        if config.ca_file:
            if not Path(config.ca_file).is_file():
                raise DirectoryUnreachable("ca_file")
            conn.set_option(ldap.OPT_X_TLS_CACERTFILE, config.ca_file)
        conn.set_option(ldap.OPT_X_TLS_NEWCTX, 0)  # last: the TLS options above take effect
        return conn

    def _gssapi_bind(self, conn: Any) -> None:
        """RFC 4752 through pyspnego (GSSAPI / SSPI); no security layer (TLS already protects the line)."""
        try:
            import spnego
            import spnego.exceptions
        except ImportError:
            raise NoTicket("pyspnego missing") from None
        if not getattr(_ldap(), "SASL_AVAIL", 0):  # a python-ldap built without SASL has no sasl_bind_s
            raise NoTicket("python-ldap without SASL")
        host = urlsplit(self._config.uri).hostname or ""
        bindings = _channel_bindings(conn, self._config.timeout_s)
        try:
            context = spnego.client(
                hostname=host,
                service="ldap",
                protocol="kerberos",
                context_req=spnego.ContextReq.mutual_auth | spnego.ContextReq.integrity,
                channel_bindings=bindings,
            )
            token = context.step() or b""
        except (spnego.exceptions.SpnegoError, OSError, ValueError, ImportError) as error:  # no ticket / no gssapi
            raise NoTicket(type(error).__name__) from None
        for _ in range(8):  # a Kerberos exchange takes three legs; anything longer is not one
            answer = conn.sasl_bind_s("", "GSSAPI", token)
            if isinstance(answer, int):
                if answer == 0 and context.complete:
                    return
                raise DirectoryRefused("credentials")
            try:
                if not context.complete:
                    token = context.step(answer) or b""
                else:
                    offer = context.unwrap(answer).data
                    if len(offer) != 4 or not offer[0] & 0x01:  # the server must allow "no security layer"
                        raise DirectoryRefused("credentials")
                    token = context.wrap(b"\x01\x00\x00\x00", encrypt=False).data
            except spnego.exceptions.SpnegoError:
                raise DirectoryRefused("credentials") from None
        raise DirectoryRefused("credentials")

    def _identity(self, conn: Any) -> str:
        """The login name of whoever is bound: AD says `u:DOMAIN\\name`, OpenLDAP `dn:...`."""
        ldap = _ldap()
        who = str(conn.whoami_s() or "")
        if who.startswith("u:"):
            name = who[2:].rsplit("\\", 1)[-1].split("@", 1)[0]
            if valid_user_name(name):
                return name
            raise NotInDirectory()
        if who.startswith("dn:"):
            found = conn.search_st(who[3:], ldap.SCOPE_BASE, "(objectClass=*)", [self._config.user_attribute],
                                   timeout=self._config.timeout_s)  # fmt: skip
            for _dn, attrs in found:
                values = attrs.get(self._config.user_attribute) or []
                if values and valid_user_name(_text(values[0])):
                    return _text(values[0])
        raise NotInDirectory()

    def _read(self, conn: Any, user: str) -> DirectoryEntry:
        ldap = _ldap()
        from ldap.filter import escape_filter_chars

        config = self._config
        if not valid_user_name(user):
            raise NotInDirectory()
        wanted = [config.user_attribute, config.id_attribute, config.name_attribute, "userAccountControl",
                  "accountExpires", "pwdAccountLockedTime", "shadowExpire"]  # fmt: skip
        condition = f"({config.user_attribute}={escape_filter_chars(user)})"
        query = f"(&{config.user_filter}{condition})" if config.user_filter else condition
        try:
            results = conn.search_ext_s(
                config.base_dn, ldap.SCOPE_SUBTREE, query, wanted, timeout=config.timeout_s, sizelimit=2
            )
        except ldap.SIZELIMIT_EXCEEDED:  # the name is not unique: never guess which person it is
            raise NotInDirectory() from None
        found = [(dn, attrs) for dn, attrs in results if dn]
        if len(found) != 1:
            raise NotInDirectory()
        dn, attrs = found[0]
        lowered = {k.lower(): v for k, v in attrs.items()}

        def first(name: str) -> bytes | None:
            values = lowered.get(name.lower()) or []
            return values[0] if values and len(values[0]) <= _MAX_VALUE else None

        raw_id = first(config.id_attribute)
        if raw_id is None:
            raise NotInDirectory()
        stable_id = str(uuid.UUID(bytes_le=raw_id)) if len(raw_id) == 16 else _text(raw_id)
        login = _text(first(config.user_attribute) or user.encode())
        name = _text(first(config.name_attribute) or login.encode())
        groups = tuple(
            group for group in (config.coach_group_dn, config.it_group_dn) if self._is_member(conn, group, dn)
        )
        state, source = _account_state(lowered, self._now())
        return DirectoryEntry(login, dn, stable_id[:64], name[:200], groups, state, source)

    def _is_member(self, conn: Any, group_dn: str, member_dn: str) -> bool:
        ldap = _ldap()
        from ldap.filter import escape_filter_chars

        try:
            found = conn.search_st(group_dn, ldap.SCOPE_BASE, f"(member={escape_filter_chars(member_dn)})", ["1.1"],
                                   timeout=self._config.timeout_s)  # fmt: skip
        except ldap.NO_SUCH_OBJECT:
            return False
        return any(dn for dn, _attrs in found)


def _channel_bindings(conn: Any, timeout_s: int) -> Any:
    """RFC 5929 `tls-server-end-point` of this TLS connection, for AD's LDAP channel binding
    (LdapEnforceChannelBinding): the hash of the server's certificate, with the certificate's own signature
    hash (SHA-256 for MD5 and SHA-1). The connection is opened first with an anonymous read of the root DSE."""
    ldap = _ldap()
    from cryptography import x509
    from spnego.channel_bindings import GssChannelBindings

    conn.search_st("", ldap.SCOPE_BASE, "(objectClass=*)", ["1.1"], timeout=timeout_s)
    der = conn.get_option(ldap.OPT_X_TLS_PEERCERT)
    if not der:
        return None
    algorithm = x509.load_der_x509_certificate(der).signature_hash_algorithm
    name = algorithm.name if algorithm is not None and algorithm.name in ("sha384", "sha512") else "sha256"
    return GssChannelBindings(application_data=b"tls-server-end-point:" + hashlib.new(name, der).digest())


def _account_state(attrs: dict[str, list[bytes]], now: datetime) -> tuple[str, str]:
    """'disabled'/'expired' and the attribute that says so, or ('', '')."""

    def number(name: str) -> int | None:
        values = attrs.get(name.lower()) or []
        try:
            return int(values[0]) if values else None
        except ValueError:
            return None

    control = number("userAccountControl")
    if control is not None and control & 0x2:
        return "disabled", "userAccountControl"
    expires = number("accountExpires")
    if expires is not None and expires not in _AD_NEVER and expires / 10_000_000 - _AD_EPOCH_OFFSET <= now.timestamp():
        return "expired", "accountExpires"
    if attrs.get("pwdaccountlockedtime"):
        return "disabled", "pwdAccountLockedTime"
    shadow = number("shadowExpire")
    if shadow is not None and shadow >= 0 and shadow * 86400 <= now.timestamp():
        return "expired", "shadowExpire"
    return "", ""


def _refusal_reason(error: Exception) -> str:
    info = ""
    if error.args and isinstance(error.args[0], dict):
        info = str(error.args[0].get("info", ""))
    match = re.search(r"data ([0-9a-f]{3})", info)
    return _AD_ACCOUNT_CODES.get(match.group(1), "credentials") if match else "credentials"


def _unreachable(ldap: Any, error: Exception) -> Exception:
    if isinstance(error, ldap.TIMEOUT):
        return DirectoryUnreachable("timeout")
    if isinstance(error, ldap.SERVER_DOWN | ldap.CONNECT_ERROR):
        info = str(error.args[0].get("info", "")) if error.args and isinstance(error.args[0], dict) else ""
        return DirectoryUnreachable("tls" if "certificate" in info.lower() or "tls" in info.lower() else "down")
    if isinstance(error, ldap.NO_SUCH_OBJECT | ldap.INSUFFICIENT_ACCESS):
        return NotInDirectory()
    return DirectoryUnreachable("error")


def _text(value: bytes) -> str:
    return value.decode("utf-8", errors="replace").strip()


def _close(conn: Any) -> None:
    with contextlib.suppress(Exception):  # the connection may never have opened; nothing is left to close then
        conn.unbind_s()


def _ldap() -> Any:
    try:
        import ldap
    except ImportError:
        raise DirectoryUnreachable("missing") from None
    return ldap
