"""SQLAlchemy 2 typed models. Every column is listed in docs/verwerkingsregister.md (AVG art. 30).

No table holds a caller's phone number, name or any other caller data (protocol P6, P13).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

EVALUATION_REVISION_UNIQUE = "uq_evaluations_coach_recording_revision"
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without zone (SQLite keeps none) and always hands back an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UserRow(Base):
    """An account of a coach or an IT colleague: a local one (with a password hash), or one that comes from the
    municipality's directory (`directory_id` is the directory's stable id, objectGUID or entryUUID; it keeps
    the account, and with it the coaching assignments, when the person's login name changes; no password)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(512))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    directory_id: Mapped[str | None] = mapped_column(String(64), unique=True, index=True, nullable=True)


class EmployeeRow(Base):
    """A KCC employee, identified by the id the telephony system uses for them."""

    __tablename__ = "employees"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class AssignmentRow(Base):
    """Which coach coaches which employee, from a start date up to an optional end date (inclusive)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class AuditEntryRow(Base):
    """One append-only audit entry, hash-chained to the one before (see services/audit.py)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occurred_at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(128), index=True)
    result: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(128))
    purpose: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(String(500))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The single row that remembers the newest audit entry, so that cutting off the tail is detected."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class EvaluationRow(Base):
    """One revision of a coach's 5A evaluation of one call, or of a side-by-side session (source "live").

    `content` is JSON: answers per criterion, tops, tips, notes, marks, and findings of the caller-data guard
    that the coach kept with a reason. A submitted revision is never changed; a correction is a new revision
    that points back to the one it supersedes. A live session has no recording: `call_start` is when it
    started, `call_duration_s` stays empty while it runs, and `live_reason` says why it took place (P8).
    """

    __tablename__ = "evaluations"
    # One row per revision of a coach's evaluation of a call, also when two workstations of one coach open or
    # correct it at once (issue 20): so there is never more than one open draft per coach and recording. A live
    # session has no recording (NULL), and NULLs never collide.
    __table_args__ = (Index(EVALUATION_REVISION_UNIQUE, "coach_user_id", "recording_id", "revision", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    recording_id: Mapped[str | None] = mapped_column(String(128), index=True, nullable=True)
    source: Mapped[str] = mapped_column(String(16))
    call_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    call_duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    guideline_id: Mapped[str] = mapped_column(String(64))
    guideline_version: Mapped[str] = mapped_column(String(64))
    guideline_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"), nullable=True)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    live_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    live_reason_note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The coaching cycle it counts for (P7; empty: none), and whether the call was drawn for that cycle
    # (False: "niet getrokken"; empty: not known, e.g. a cycle made from older evaluations by the migration).
    cycle_id: Mapped[int | None] = mapped_column(ForeignKey("coaching_cycles.id"), index=True, nullable=True)
    drawn: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class GuidelineSnapshotRow(Base):
    """The exact guideline file an evaluation was made with, so replacing the file never changes it."""

    __tablename__ = "guideline_snapshots"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    guideline_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TombstoneRow(Base):
    """A recording erased at a caller's request (P2): never shown or played again, whatever a store lists.

    Holds the recording id and the request reference only; never the caller's number.
    """

    __tablename__ = "tombstones"

    recording_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime)
    erased_by: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(100))


class DrawRow(Base):
    """A reproducible draw of calls for a coaching cycle (P7): seed and parameters are kept, so anyone can
    verify later that the selection was fair; replacements of single picks are kept too."""

    __tablename__ = "draws"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    seed: Mapped[int] = mapped_column(Integer)
    parameters: Mapped[str] = mapped_column(Text)
    picks: Mapped[str] = mapped_column(Text)
    replacements: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CycleRow(Base):
    """One explicit coaching cycle of a coach with an employee (P7). It starts when the coach draws calls or
    starts one on purpose (never by surprise), and its loop closes with the feedback conversation."""

    __tablename__ = "coaching_cycles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(String(16))  # "draw", "explicit", "evaluation" or "migration"
    draw_id: Mapped[int | None] = mapped_column(ForeignKey("draws.id"), nullable=True)


class ConversationRow(Base):
    """The feedback conversation that closes a cycle (P7): when, the agreements for the next cycle, the
    employee's own reaction (checked for caller data) and whether they agree. One per cycle."""

    __tablename__ = "feedback_conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("coaching_cycles.id"), unique=True)
    held_on: Mapped[date] = mapped_column(Date)
    agreements: Mapped[str] = mapped_column(Text)  # JSON list of short texts
    reaction: Mapped[str] = mapped_column(Text)
    agrees: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    disagreement: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AgreedActionRow(Base):
    """One agreement of a feedback conversation as an action (issue 26): what, an optional date, and its state
    (open, done, dropped with a reason); when and in which cycle it was closed. Texts pass the caller-data
    guard first."""

    __tablename__ = "agreed_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("feedback_conversations.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    state: Mapped[str] = mapped_column(String(16))  # open | done | dropped
    reason: Mapped[str] = mapped_column(Text)  # why it was dropped ("" otherwise)
    confirmed: Mapped[bool] = mapped_column(Boolean)  # confirmed with the employee in the conversation
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_in_cycle_id: Mapped[int | None] = mapped_column(ForeignKey("coaching_cycles.id"), nullable=True)


class CalibrationRow(Base):
    """One call shared for calibration between coaches (issue 26): who shared it, the call's moment and length
    (never the employee's name to the others), who take part, and once agreed the result and the spread."""

    __tablename__ = "calibrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shared_by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))  # for the sharer's authority only
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"))  # the sharer's, never shown
    recording_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    call_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    call_duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    guideline_version: Mapped[str] = mapped_column(String(64))
    guideline_hash: Mapped[str] = mapped_column(String(128))
    participants: Mapped[str] = mapped_column(Text)  # JSON list of coach user ids
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    agreed_answers: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON criterion key -> answer
    agreed_note: Mapped[str] = mapped_column(Text, default="")
    spread: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON criterion key -> answers given
    agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    agreed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class CalibrationScoreRow(Base):
    """One coach's blind 5A answers for a calibration (never an evaluation, never in an employee's results)."""

    __tablename__ = "calibration_scores"
    __table_args__ = (UniqueConstraint("calibration_id", "coach_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    calibration_id: Mapped[int] = mapped_column(ForeignKey("calibrations.id"), index=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    answers: Mapped[str] = mapped_column(Text)  # JSON criterion key -> answer
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SelfEvaluationRow(Base):
    """The employee's own 5A answers for one of their calls, given while listening together on the coach's
    workstation (issue 26, P4). The employee's record, never a score of the coach; answers only, no free text."""

    __tablename__ = "self_evaluations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)  # whose workstation
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    recording_id: Mapped[str] = mapped_column(String(200))
    call_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    call_duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    guideline_hash: Mapped[str] = mapped_column(String(128))
    answers: Mapped[str] = mapped_column(Text)  # JSON criterion key -> answer
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeedbackExportRow(Base):
    """Which evaluations went into a feedback document the coach made (the history's "in terugkoppeling")."""

    __tablename__ = "feedback_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    evaluation_ids: Mapped[str] = mapped_column(Text)  # JSON list of evaluation ids
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AccessReviewRow(Base):
    """A signed-off access review (BIO2): who signed, when, the scope ("full" or "admin") and a short remark."""

    __tablename__ = "access_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    signed_on: Mapped[date] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))
    remark: Mapped[str] = mapped_column(String(500))
    accounts: Mapped[int] = mapped_column(Integer)
