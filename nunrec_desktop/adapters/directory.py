"""The municipality's directory (Active Directory, or any LDAP server) over LDAPS, through ldap3 (pure Python).

Two ways in, both over TLS with the server certificate and name checked (plain `ldap://` is never used):
* a password bind as the person (`bind_name` with `{user}`, e.g. `{user}@gemeente.local` for AD);
* a Kerberos ticket: a SASL GSSAPI bind (RFC 4752) whose tokens come from pyspnego, which uses SSPI (the
  logged-on Windows user) on Windows and GSSAPI on Linux. The SASL exchange is carried here, in raw LDAP bind
  requests, so it needs no Cyrus SASL (python-ldap's Windows builds have none): Windows and Linux run the same
  code, only pyspnego's back end differs. No SASL security layer: TLS protects the line, and the Kerberos
  token is bound to this TLS connection (RFC 5929 `tls-server-end-point`, AD's LDAP channel binding).

After the bind the person's own entry is read (with their own rights: no service account, no stored
secret): the stable id, the display name, what says the account is disabled or expired, and whether they
are a member of the coach group and of the IT group, also through groups inside those groups (AD: the
server's LDAP_MATCHING_RULE_IN_CHAIN; elsewhere a walk bounded in depth and count that never loops).
Every connection has a deadline and a byte budget besides the per-request timeout. Nothing here decides a
role; `services/directory.py` does. ldap3 and pyspnego are the optional extra `directory`, imported on use.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import ssl
import time
import uuid
from collections.abc import Callable, Iterator
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
_AD_CAPABILITY = "1.2.840.113556.1.4.800"  # LDAP_CAP_ACTIVE_DIRECTORY_OID in the root DSE
IN_CHAIN_RULE = "1.2.840.113556.1.4.1941"  # LDAP_MATCHING_RULE_IN_CHAIN: AD follows nested groups itself
_MAX_VALUE = 4096
_MAX_RECEIVED = 1024 * 1024  # bytes one connection may receive; a sign-in needs a few kB
_DEADLINE_FACTOR = 4  # a connection lives at most this many times `timeout_s` (every request has timeout_s)
GROUP_BUDGET = 200  # groups the nested walk may visit in one sign-in
_CHUNK = 25  # member DNs per OR-filter in the nested walk
# LDAP result codes (RFC 4511)
_SUCCESS, _SIZE_LIMIT, _SASL_IN_PROGRESS, _NO_SUCH_OBJECT = 0, 4, 14, 32
_REFUSED_CODES = {7, 8, 13, 19, 48, 49, 50, 53}  # auth method, stronger auth, confidentiality, ..., unwilling
_NOT_FOUND_CODES = {_NO_SUCH_OBJECT, 50}  # no such object, insufficient access: the person is not found


class DirectoryUnreachable(Exception):
    """The directory did not answer, or its certificate did not check out (`reason`: 'down', 'tls', 'timeout',
    'missing' when ldap3 is not installed, 'ca_file', 'plain', 'error')."""

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
    nested_depth: int = 5


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

    def __init__(self, config: DirectoryConfig, now: Callable[[], datetime] | None = None) -> None:
        self._config = config
        self._now = now or (lambda: datetime.now(UTC))

    @property
    def config(self) -> DirectoryConfig:
        return self._config

    def with_password(self, user: str, password: str) -> DirectoryEntry:
        """Bind as `user` with `password` and read their entry."""
        if not password:  # an empty simple bind is an unauthenticated bind (RFC 4513 5.1.2): never a sign-in
            raise DirectoryRefused("credentials")
        with self._connection() as conn:
            from ldap3.operation.bind import bind_operation

            name = self._config.bind_name.replace("{user}", user)
            request = bind_operation(conn.version, "SIMPLE", name, password.encode())  # bytes: sent as typed
            result = _send_bind(conn, request)
            del request
            if result.get("result") != _SUCCESS:
                raise _bind_failed(result)
            return self._read(conn, user)

    def with_ticket(self, user: str | None = None) -> DirectoryEntry:
        """Bind with the workstation's Kerberos ticket and read the ticket holder's entry (or `user`'s)."""
        with self._connection() as conn:
            self._gssapi_bind(conn)
            if user is None:
                user = self._identity(conn)
            return self._read(conn, user)

    # -- the connection -------------------------------------------------------------------------------

    def tls_context(self) -> ssl.SSLContext:
        """Certificate and host name checked, TLS 1.2 or newer; the CA from `ca_file`, or else the system's
        store (on Windows Python reads the Windows certificate store: the domain's CA that group policy
        distributes)."""
        config = self._config
        if config.ca_file and not Path(config.ca_file).is_file():
            raise DirectoryUnreachable("ca_file")
        try:
            context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=config.ca_file or None)
        except (ssl.SSLError, OSError, ValueError):
            raise DirectoryUnreachable("ca_file") from None
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.check_hostname = True
        context.verify_mode = ssl.CERT_REQUIRED
        return context

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        """An open LDAPS connection (TLS done, nothing bound), closed when the block ends; ldap3's errors
        become DirectoryUnreachable."""
        ldap3 = _ldap3()
        from ldap3.core.exceptions import LDAPException

        config = self._config
        parts = urlsplit(config.uri)
        if parts.scheme.lower() != "ldaps" or not parts.hostname:
            raise DirectoryUnreachable("plain")
        try:
            port = parts.port or 636
        except ValueError:
            raise DirectoryUnreachable("down") from None
        deadline = time.monotonic() + _DEADLINE_FACTOR * config.timeout_s
        tls = _checked_tls(ldap3, self.tls_context(), parts.hostname, deadline, config.timeout_s)
        conn = None
        try:
            server = ldap3.Server(
                parts.hostname, port=port, use_ssl=True, tls=tls, get_info=ldap3.NONE, connect_timeout=config.timeout_s
            )
            conn = ldap3.Connection(
                server, client_strategy=ldap3.SYNC, auto_bind=ldap3.AUTO_BIND_NONE, receive_timeout=config.timeout_s,
                read_only=True, raise_exceptions=False, auto_referrals=False, check_names=False,
            )  # fmt: skip
            conn.open()
            yield conn
        except LDAPException as error:
            raise _unreachable(error) from None
        finally:
            if conn is not None:
                with contextlib.suppress(Exception):  # the connection may never have opened: nothing to close then
                    conn.unbind()

    def _gssapi_bind(self, conn: Any) -> None:
        """RFC 4752 with pyspnego's tokens (SSPI / GSSAPI) in raw SASL bind requests; no security layer."""
        try:
            import spnego
            import spnego.exceptions
        except ImportError:
            raise NoTicket("pyspnego missing") from None
        host = urlsplit(self._config.uri).hostname or ""
        bindings = _channel_bindings(conn)
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
        from ldap3.operation.bind import bind_operation

        for _ in range(8):  # a Kerberos exchange takes three legs; anything longer is not one
            result = _send_bind(conn, bind_operation(conn.version, "SASL", "", None, "GSSAPI", token))
            code, answer = result.get("result"), result.get("saslCreds")
            if code == _SUCCESS:
                if context.complete:
                    conn.bound = True
                    return
                raise DirectoryRefused("credentials")  # the server may not finish before the security layer
            if code != _SASL_IN_PROGRESS:
                raise _bind_failed(result)
            try:
                if not context.complete:
                    token = context.step(bytes(answer or b"")) or b""
                else:
                    offer = context.unwrap(bytes(answer or b"")).data
                    if len(offer) != 4 or not offer[0] & 0x01:  # the server must allow "no security layer"
                        raise DirectoryRefused("credentials")
                    token = context.wrap(b"\x01\x00\x00\x00", encrypt=False).data
            except spnego.exceptions.SpnegoError:
                raise DirectoryRefused("credentials") from None
        raise DirectoryRefused("credentials")

    def _identity(self, conn: Any) -> str:
        """The login name of whoever is bound: AD says `u:DOMAIN\\name`, OpenLDAP `dn:...`."""
        who = str(conn.extend.standard.who_am_i() or "")
        if who.startswith("u:"):
            name = who[2:].rsplit("\\", 1)[-1].split("@", 1)[0]
            if valid_user_name(name):
                return name
            raise NotInDirectory()
        if who.startswith("dn:"):
            attribute = self._config.user_attribute
            for _dn, attrs in self._search(conn, who[3:], "BASE", "(objectClass=*)", [attribute], 1)[0]:
                values = attrs.get(attribute.lower()) or []
                if values and valid_user_name(_text(values[0])):
                    return _text(values[0])
        raise NotInDirectory()

    def _read(self, conn: Any, user: str) -> DirectoryEntry:
        from ldap3.utils.conv import escape_filter_chars

        config = self._config
        if not valid_user_name(user):
            raise NotInDirectory()
        wanted = [config.user_attribute, config.id_attribute, config.name_attribute, "userAccountControl",
                  "accountExpires", "pwdAccountLockedTime", "shadowExpire"]  # fmt: skip
        condition = f"({config.user_attribute}={escape_filter_chars(user)})"
        query = f"(&{config.user_filter}{condition})" if config.user_filter else condition
        found, complete = self._search(conn, config.base_dn, "SUBTREE", query, wanted, 2)
        if not complete or len(found) != 1:  # a name that is not unique: never guess which person it is
            raise NotInDirectory()
        dn, lowered = found[0]

        def first(name: str) -> bytes | None:
            values = lowered.get(name.lower()) or []
            return values[0] if values and len(values[0]) <= _MAX_VALUE else None

        raw_id = first(config.id_attribute)
        if raw_id is None:
            raise NotInDirectory()
        stable_id = str(uuid.UUID(bytes_le=raw_id)) if len(raw_id) == 16 else _text(raw_id)
        login = _text(first(config.user_attribute) or user.encode())
        name = _text(first(config.name_attribute) or login.encode())
        groups = self._groups(conn, dn)
        state, source = _account_state(lowered, self._now())
        return DirectoryEntry(login, dn, stable_id[:64], name[:200], groups, state, source)

    # -- group membership -----------------------------------------------------------------------------

    def _groups(self, conn: Any, member_dn: str) -> tuple[str, ...]:
        """Which of the coach and IT groups `member_dn` belongs to, directly or through nested groups."""
        from ldap3.utils.conv import escape_filter_chars

        config = self._config
        targets = (config.coach_group_dn, config.it_group_dn)
        member = escape_filter_chars(member_dn)
        found = {group for group in targets if self._holds(conn, group, f"(member={member})")}
        rest = [group for group in targets if group not in found]
        if rest and config.nested_depth > 0:
            if self.supports_in_chain(conn):
                found |= {group for group in rest if self._holds(conn, group, f"(member:{IN_CHAIN_RULE}:={member})")}
            else:
                found |= self._walk(conn, member_dn, rest)
        return tuple(group for group in targets if group in found)

    def supports_in_chain(self, conn: Any) -> bool:
        """The root DSE says this is Active Directory, which knows LDAP_MATCHING_RULE_IN_CHAIN."""
        entries, _complete = self._search(conn, "", "BASE", "(objectClass=*)", ["supportedCapabilities"], 1)
        return any(
            _AD_CAPABILITY in {_text(v) for v in attrs.get("supportedcapabilities", [])} for _dn, attrs in entries
        )

    def _holds(self, conn: Any, group_dn: str, query: str) -> bool:
        entries, _complete = self._search(conn, group_dn, "BASE", query, ["1.1"], 1)
        return bool(entries)

    def _walk(self, conn: Any, member_dn: str, targets: list[str]) -> set[str]:
        """Breadth-first up from the person through the groups that hold them, `nested_depth` steps at most,
        GROUP_BUDGET groups at most, each group once (a cycle ends the walk, it does not loop). Searched under
        the part of the DN that the base DN and both group DNs share (the domain, on AD)."""
        from ldap3.utils.conv import escape_filter_chars

        wanted = {_dn_key(group): group for group in targets}
        seen = {_dn_key(member_dn)}
        found: set[str] = set()
        frontier = [member_dn]
        root = _common_suffix([self._config.base_dn, self._config.coach_group_dn, self._config.it_group_dn])
        for _step in range(self._config.nested_depth + 1):  # step 0 finds the person's own groups
            reached: list[str] = []
            for start in range(0, len(frontier), _CHUNK):
                budget = GROUP_BUDGET - len(seen) + 1
                if budget <= 0:
                    return found
                terms = "".join(f"(member={escape_filter_chars(dn)})" for dn in frontier[start : start + _CHUNK])
                query = f"(|{terms})" if terms.count("(member=") > 1 else terms
                entries, complete = self._search(conn, root, "SUBTREE", query, ["1.1"], budget)
                for dn, _attrs in entries:
                    key = _dn_key(dn)
                    if key in wanted:
                        found.add(wanted[key])
                    if key not in seen:
                        seen.add(key)
                        reached.append(dn)
                if not complete:  # the budget is spent: stop here (what was not reached is not a membership)
                    return found
            if len(found) == len(wanted) or not reached:
                return found
            frontier = reached
        return found

    def _search(
        self, conn: Any, base: str, scope: str, query: str, attributes: list[str], size_limit: int
    ) -> tuple[list[tuple[str, dict[str, list[bytes]]]], bool]:
        """Entries (dn, lower-cased attribute -> raw values) and whether the answer was complete. A base that
        does not exist or may not be read gives nothing; any other failure is DirectoryUnreachable."""
        conn.search(
            base, query, search_scope=scope, attributes=attributes, size_limit=size_limit,
            time_limit=self._config.timeout_s,
        )  # fmt: skip
        code = (conn.result or {}).get("result")
        if code in _NOT_FOUND_CODES:
            return [], True
        if code not in (_SUCCESS, _SIZE_LIMIT):
            raise DirectoryUnreachable("error")
        entries = [
            (str(item["dn"]), {str(k).lower(): list(v) for k, v in (item.get("raw_attributes") or {}).items()})
            for item in conn.response or []
            if item.get("type") == "searchResEntry" and item.get("dn")
        ]
        return entries[:size_limit], code == _SUCCESS


def _send_bind(conn: Any, request: Any) -> dict[str, Any]:
    """One BindRequest on the open connection and the server's answer (`result`, `message`, `saslCreds`)."""
    with conn.connection_lock:
        conn.sasl_in_progress = True
        try:
            conn.post_send_single_response(conn.send("bindRequest", request, None))
        finally:
            conn.sasl_in_progress = False
    return dict(conn.result or {})


def _checked_tls(ldap3: Any, context: ssl.SSLContext, host: str, deadline: float, timeout_s: int) -> Any:
    """An ldap3 `Tls` that wraps the socket with our context (certificate and host name checked by Python's
    ssl, not by ldap3's own matching) and bounds what the connection may receive, and until when."""

    class CheckedTls(ldap3.Tls):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(validate=ssl.CERT_REQUIRED)

        def wrap_socket(self, connection: Any, do_handshake: bool = False) -> None:
            wrapped = context.wrap_socket(
                connection.socket, server_side=False, do_handshake_on_connect=do_handshake, server_hostname=host
            )
            connection.socket = _BoundedSocket(wrapped, deadline, timeout_s)

    return CheckedTls()


class _BoundedSocket:
    """A TLS socket that gives up at the connection's deadline and after _MAX_RECEIVED bytes."""

    def __init__(self, wrapped: ssl.SSLSocket, deadline: float, timeout_s: int) -> None:
        self._wrapped = wrapped
        self._deadline = deadline
        self._timeout_s = timeout_s
        self._received = 0

    def _arm(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the directory's deadline passed")
        self._wrapped.settimeout(min(self._timeout_s, left))

    def recv(self, size: int) -> bytes:
        self._arm()
        data = self._wrapped.recv(size)
        self._received += len(data)
        if self._received > _MAX_RECEIVED:
            raise OSError("the directory sent more than a sign-in needs")
        return data

    def sendall(self, data: bytes) -> None:
        self._arm()
        self._wrapped.sendall(data)

    def getpeercert(self, binary_form: bool = False) -> Any:
        return self._wrapped.getpeercert(binary_form)

    def __getattr__(self, name: str) -> Any:  # shutdown, close, fileno, settimeout, setsockopt ...
        return getattr(self._wrapped, name)


def _channel_bindings(conn: Any) -> Any:
    """RFC 5929 `tls-server-end-point` of this TLS connection, for AD's LDAP channel binding
    (LdapEnforceChannelBinding): the hash of the server's certificate, with the certificate's own signature
    hash (SHA-256 for MD5 and SHA-1)."""
    from cryptography import x509
    from spnego.channel_bindings import GssChannelBindings

    der = conn.socket.getpeercert(binary_form=True) if conn.socket is not None else None
    if not der:
        return None
    algorithm = x509.load_der_x509_certificate(der).signature_hash_algorithm
    name = algorithm.name if algorithm is not None and algorithm.name in ("sha384", "sha512") else "sha256"
    return GssChannelBindings(application_data=b"tls-server-end-point:" + hashlib.new(name, der).digest())


def _dn_key(dn: str) -> str:
    """A DN compared the way directories compare them here: case and spaces around ',' and '=' ignored."""
    return ",".join("=".join(p.strip() for p in rdn.split("=", 1)) for rdn in dn.lower().split(","))


def _common_suffix(dns: list[str]) -> str:
    """The trailing RDNs all `dns` share (e.g. 'DC=gemeente,DC=local'), in the spelling of the first."""
    split = [[rdn.strip() for rdn in dn.split(",")] for dn in dns]
    shared = 0
    while all(len(parts) > shared for parts in split) and len({_dn_key(p[-1 - shared]) for p in split}) == 1:
        shared += 1
    return ",".join(split[0][len(split[0]) - shared :]) if shared else ""


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


def _bind_failed(result: dict[str, Any]) -> Exception:
    """A refused bind (wrong password, account off) or a directory that could not answer it (busy, down)."""
    if result.get("result") in _REFUSED_CODES:
        return DirectoryRefused(_refusal_reason(result))
    return DirectoryUnreachable("error")


def _refusal_reason(result: dict[str, Any]) -> str:
    """'credentials', or what AD's sub-code in a refused bind's message says about the account."""
    if result.get("result") not in _REFUSED_CODES:
        return "credentials"
    match = re.search(r"data ([0-9a-f]{3})", str(result.get("message", ""))[:_MAX_VALUE])
    return _AD_ACCOUNT_CODES.get(match.group(1), "credentials") if match else "credentials"


def _unreachable(error: Exception) -> Exception:
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return DirectoryUnreachable("tls")
    if isinstance(error, TimeoutError | socket.timeout):
        return DirectoryUnreachable("timeout")
    from ldap3.core.exceptions import LDAPCommunicationError

    if isinstance(error, LDAPCommunicationError):
        return DirectoryUnreachable("down")
    return DirectoryUnreachable("error")


def _text(value: bytes) -> str:
    return value.decode("utf-8", errors="replace").strip()


def _ldap3() -> Any:
    try:
        import ldap3
    except ImportError:
        raise DirectoryUnreachable("missing") from None
    return ldap3
