"""The append-only, hash-chained audit log (protocol P3, P12).

Each entry holds the UTC time, actor, role, action, object (ids only), result, workstation and purpose,
and the SHA-256 of the previous entry's hash plus a canonical serialisation of its own fields. A separate
head row remembers the newest entry so that removing the tail is detected too. Entries never hold caller
data or secrets. The fields that name who did what (actor, role, action, object type) are refused
(`AuditFieldRefused`, a Dutch message) when they look like caller data, and nothing is written. The free
fields (object id, origin, purpose, detail) go through the whole caller-data guard after Unicode NFKC
normalisation (`services/privacy.py`): an id that fails is recorded as "(geweigerd id)", caller data in
purpose or detail is masked ("[telefoonnummer]"), and the action itself is still recorded.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from nunrec_desktop.adapters.db.repositories.audit import AuditEntry as AuditEntry  # what an entry is, stored
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import AuditResult, NunrecError, User
from nunrec_desktop.services.identifiers import phone_in_id
from nunrec_desktop.services.privacy import CallerDataGuard, mask, normalised

GENESIS_HASH = "0" * 64
# Clocks drift and workstations disagree a little; an entry more than this much older than the one before
# it was back-dated (or the workstation's clock was set back), and the chain no longer shows the real order.
MAX_BACKWARDS = timedelta(minutes=5)
_PHONE_LIKE = re.compile(r"\+\d|(?<!\d)00\d{6,}|\d(?:[\s.-]?\d){8,}")


class AuditLogDamaged(NunrecError):
    """The chain cannot be appended to; the application refuses to act without an audit trail."""


class AuditFieldRefused(NunrecError, ValueError):
    """An entry would hold something shaped like caller data; nothing is written (P12, P13)."""


# Nine digits standing on their own in an id: the shape of a BSN, whatever its check digit (a mistyped BSN
# is still the caller's). Longer runs are generated ids (time stamps, counters) and stay.
_BSN_SHAPE = re.compile(r"(?<![A-Za-z0-9])\d(?:[ .-]?\d){8}(?![A-Za-z0-9]|[ .-]\d)")
REFUSED_ID = "(geweigerd id)"
REFUSED_TEXT = "(geweigerde tekst)"
MAX_ID = 200
MAX_TEXT = 2_000


def _refuse_caller_data(*, ids: tuple[tuple[str, str], ...]) -> None:
    """The fields that say who did what: refused (nothing written) when they look like a phone number or an
    e-mail address, or NFKC normalisation changes them. Not the whole guard: these are account names and
    the application's own words, checked where they enter (`identifiers.username_problem`), and an account
    whose name a stricter guard would now flag must not be locked out of every action."""
    for name, value in ids:
        if value and (phone_in_id(value) or unicodedata.normalize("NFKC", value) != value):
            raise AuditFieldRefused(_refusal(name))


def clean_id(value: str, guard: CallerDataGuard) -> str:
    """An id as the audit log may hold it, or "(geweigerd id)": an id that NFKC normalisation changes
    (fullwidth digits), that holds invisible characters, is longer than `MAX_ID`, or in which the whole
    guard finds caller data (phone, e-mail, BSN, IBAN, date of birth, postcode, address) is not recorded."""
    if not value:
        return value
    normal = unicodedata.normalize("NFKC", value)
    if normal != value or len(value) > MAX_ID or not value.isprintable() or phone_in_id(value):
        return REFUSED_ID
    if _BSN_SHAPE.search(value):
        return REFUSED_ID
    if guard.scan(value) or guard.scan(value.replace("_", " ")):
        return REFUSED_ID
    return value


def clean_text(value: str, guard: CallerDataGuard) -> str:
    """Free text (purpose, detail) as the audit log may hold it: normalised (NFKC, separators), control
    characters made spaces, caller data masked by the whole guard, bounded to `MAX_TEXT`; what still has a
    number's shape after that becomes "(geweigerde tekst)"."""
    if not value:
        return value
    text = "".join(ch if ch.isprintable() else " " for ch in normalised(value))
    findings = guard.scan(text)
    text = mask(text, findings) if findings else text
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "\u2026"
    if _PHONE_LIKE.search(text) or phone_in_id(text):
        return REFUSED_TEXT
    return text


def _refusal(field_name: str) -> str:
    return (
        f"Het auditlog legt dit niet vast: het veld '{field_name}' lijkt een telefoonnummer of e-mailadres te "
        "bevatten. In het auditlog staan alleen ids en aantallen, nooit gegevens van een beller."
    )


@dataclass(frozen=True, slots=True)
class ChainReport:
    """Outcome of a chain verification. `first_bad_seq` names the first entry that breaks the chain."""

    intact: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str = ""
    head_hash: str = GENESIS_HASH
    by_anchor: bool = False  # the chain is consistent in itself, but an anchor kept elsewhere contradicts it


# The hashed fields, in the fixed order of the canonical serialisation. Changing it breaks every chain.
HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor",
    "role",
    "action",
    "object_type",
    "object_id",
    "result",
    "origin",
    "purpose",
    "detail",
)


def canonical(row: object) -> str:
    """The exact text that is hashed for an entry (an `AuditEntry`, or anything with its fields): a JSON array
    of its fields in a fixed order."""
    return json.dumps([getattr(row, name) for name in HASHED_FIELDS], ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, row: object) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical(row)).encode("utf-8")).hexdigest()


class AuditLog:
    """Appends entries and verifies the chain. Each append is its own short transaction."""

    def __init__(self, database: Database, origin: str, clock: Clock) -> None:
        self._database = database
        self._origin = origin
        self._clock = clock

    def record(
        self,
        *,
        actor: str,
        role: str,
        action: str,
        result: AuditResult,
        object_type: str = "",
        object_id: str = "",
        purpose: str = "",
        detail: str = "",
    ) -> int:
        """Append one entry and return its sequence number. The free fields are cleaned (`clean_id`,
        `clean_text`); actor, role, action and object type that look like caller data refuse the entry."""
        guard = CallerDataGuard(self._clock().date())
        _refuse_caller_data(ids=(("actor", actor), ("role", role), ("action", action), ("object_type", object_type)))
        object_id = clean_id(object_id, guard)
        origin = clean_id(self._origin, guard)
        purpose = clean_text(purpose, guard)
        detail = clean_text(detail, guard)
        with self._database.begin() as uow:
            head = uow.audit.locked_head()
            if head is None:
                raise AuditLogDamaged(
                    "Het auditlog is beschadigd (de kop van de hashketen ontbreekt). Er kan niets worden "
                    "vastgelegd; neem contact op met IT en voer 'nunrec audit verify' uit."
                )
            head_seq, head_hash = head
            entry = AuditEntry(
                seq=head_seq + 1,
                occurred_at=_iso(self._clock()),
                actor=actor,
                role=role,
                action=action,
                object_type=object_type,
                object_id=object_id,
                result=str(result),
                origin=origin,
                purpose=purpose,
                detail=detail,
                prev_hash=head_hash,
                hash="",
            )
            entry = replace(entry, hash=chain_hash(head_hash, entry))
            uow.audit.append(entry)
            return entry.seq

    def record_for(
        self,
        user: User,
        action: str,
        *,
        result: AuditResult = AuditResult.ALLOWED,
        object_type: str = "",
        object_id: str = "",
        purpose: str = "",
        detail: str = "",
    ) -> int:
        """`record` with the signed-in user as the actor, under their role: the one way a service audits
        what a person did."""
        return self.record(
            actor=user.username,
            role=str(user.role),
            action=action,
            result=result,
            object_type=object_type,
            object_id=object_id,
            purpose=purpose,
            detail=detail,
        )

    def entries(
        self,
        *,
        actor: str | None = None,
        action: str | None = None,
        object_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 10_000,
    ) -> list[AuditEntry]:
        """Newest first, filtered on exact actor, action prefix, object id and a time window."""
        with self._database.read() as uow:
            return uow.audit.entries(
                actor=actor,
                action_prefix=action,
                object_id=object_id,
                since=_iso(since) if since else None,
                until=_iso(until) if until else None,
                limit=limit,
            )

    def head(self) -> tuple[int, str]:
        """The newest entry's sequence number and hash as the head row records them (0 and genesis: empty)."""
        with self._database.read() as uow:
            head = uow.audit.head()
        if head is None:
            raise AuditLogDamaged(
                "Het auditlog is beschadigd (de kop van de hashketen ontbreekt); voer 'nunrec audit verify' uit."
            )
        return head

    def hashes(self, seqs: set[int]) -> dict[int, str]:
        """The stored hash of each of these entries that still exists."""
        with self._database.read() as uow:
            return uow.audit.hashes(seqs)

    def verify(self) -> ChainReport:
        """Walk the whole chain in order; stop at the first entry that does not fit.

        Besides the links this checks that times never run backwards by more than `MAX_BACKWARDS`, that the
        head row exists, and that an empty chain belongs to an empty workspace (no accounts, no evaluations):
        wiping the log and resetting the head leaves exactly that trace. What a rewrite with fresh hashes
        does, only anchors kept outside the database can show (`services/audit_anchor.py`).
        """
        expected_seq = 1
        prev = GENESIS_HASH
        prev_time: datetime | None = None
        checked = 0
        with self._database.read() as uow:
            for row in uow.audit.in_order():
                if row.seq != expected_seq:
                    return ChainReport(
                        False,
                        checked,
                        expected_seq,
                        f"regel {expected_seq} ontbreekt (na regel {expected_seq - 1} volgt regel {row.seq})",
                    )
                if row.prev_hash != prev:
                    return ChainReport(
                        False,
                        checked,
                        row.seq,
                        f"regel {row.seq} sluit niet aan op de vorige regel (ingevoegd of verwisseld)",
                    )
                if chain_hash(prev, row) != row.hash:
                    return ChainReport(False, checked, row.seq, f"de inhoud van regel {row.seq} is gewijzigd")
                moment = _parse_time(row.occurred_at)
                if moment is None:
                    return ChainReport(False, checked, row.seq, f"het tijdstip van regel {row.seq} is onleesbaar")
                if prev_time is not None and prev_time - moment > MAX_BACKWARDS:
                    minutes = int((prev_time - moment).total_seconds() // 60)
                    return ChainReport(
                        False,
                        checked,
                        row.seq,
                        f"regel {row.seq} is {minutes} minuten ouder dan regel {row.seq - 1} "
                        "(de tijden lopen terug: teruggedateerd of de klok is verzet)",
                    )
                prev_time = moment
                prev = row.hash
                expected_seq += 1
                checked += 1
            head = uow.audit.head()
            users, evaluations = uow.audit.accounts_and_evaluations() if checked == 0 else (0, 0)
        last_seq = expected_seq - 1
        if head is None:
            return ChainReport(False, checked, last_seq + 1, "de kop van de keten ontbreekt (verwijderd)")
        head_seq, head_hash = head
        if head_seq != last_seq or head_hash != prev:
            if head_seq > last_seq:
                return ChainReport(
                    False,
                    checked,
                    last_seq + 1,
                    f"regels {last_seq + 1} tot en met {head_seq} zijn verwijderd (het einde van de keten ontbreekt)",
                )
            return ChainReport(
                False,
                checked,
                head_seq + 1 if head_seq < last_seq else last_seq,
                "de laatste regels passen niet bij de vastgelegde kop van de keten (toegevoegd of gewijzigd)",
            )
        if checked == 0 and (users or evaluations):
            return ChainReport(
                False,
                0,
                1,
                f"de keten is leeg, terwijl de werkmap {users} accounts en {evaluations} beoordelingen heeft "
                "(het log is gewist)",
            )
        return ChainReport(True, checked, None, "", prev)


def _iso(moment: datetime) -> str:
    """UTC ISO-8601 with microseconds: sorts as text in the same order as in time."""
    if moment.tzinfo is None:
        raise ValueError("audit times must be aware datetimes")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
