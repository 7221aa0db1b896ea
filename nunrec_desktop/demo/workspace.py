"""Fill a fresh workspace with a believable demo: accounts, employees, coach assignments and ~35 days
of generated calls in the folder store, including calls the filters must hide (outbound, internal, other
numbers, older than 30 days), a few transferred calls, mono files and MP3s.

Everything is derived from the seed and the reference time, so the same inputs give the same demo.
All names and numbers are fictional.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.db.models import DrawRow
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta, Segment
from nunrec_desktop.adapters.store.folder import FolderStore, init_folder_store, write_recording
from nunrec_desktop.demo.audio import can_write_mp3, encode, synthesize_call
from nunrec_desktop.domain import AuditResult, Mark, Role, User
from nunrec_desktop.services.access import AccessPolicy
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.calibrations import CalibrationService
from nunrec_desktop.services.coaching_cycles import STARTED_BY_DRAW, CycleService
from nunrec_desktop.services.conversations import ConversationService
from nunrec_desktop.services.evaluations import Answer, EvaluationContent, EvaluationService
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
DEMO_DAYS = 35
SAMPLE_RATE = 8000

EMPLOYEES = (
    ("E101", "Anouk de Vries", 205.0),
    ("E102", "Bram Jansen", 118.0),
    ("E103", "Fatima El Amrani", 215.0),
    ("E104", "Gerrit van den Berg", 105.0),
    ("E105", "Ilse Mulder", 195.0),
    ("E106", "Joost Bakker", 125.0),
    ("E107", "Lotte Visser", 220.0),
    ("E108", "Sanne Hendriks", 190.0),
)
COACH2_EMPLOYEES = ("E107", "E108")
# Joost Bakker moved from coach2 to coach 12 days before the reference date: his older calls are coach2's.
MOVED_EMPLOYEE = "E106"
MOVED_DAYS_AGO = 12


@dataclass(frozen=True, slots=True)
class DemoSummary:
    accounts: tuple[str, ...]
    employees: int
    recordings: int
    by_kind: dict[str, int]
    store_bytes: int
    evaluations: int = 0


TOPS = (
    "Warme, volledige welkomstgroet.",
    "Rustig tempo en duidelijke taal.",
    "Vatte de vraag goed samen voordat ze antwoordde.",
    "Bleef vriendelijk toen de beller geïrriteerd raakte.",
    "Maakte heldere afspraken over het vervolg.",
    "Goede open vragen om de kern te vinden.",
    "Checkte aan het eind of de vraag beantwoord was.",
)
TIPS = (
    "Vraag één keer extra door voordat je het antwoord geeft.",
    "Noem termijnen concreet: wanneer hoort de beller iets?",
    "Vermijd ambtelijke woorden; zeg het in B1-taal.",
    "Sluit af met de vraag of er nog iets anders is.",
    "Laat de beller uitpraten, ook bij een lang verhaal.",
    "Vat samen in je eigen woorden en check of het klopt.",
)
COMMENTS = (
    "Hier stopte het doorvragen te vroeg.",
    "Uitleg was correct maar te snel.",
    "Afsluiting was kort; de check ontbrak.",
    "Toon werd wat gehaast aan het eind.",
)
CYCLE_DAYS_AGO = (70, 42, 14)


@dataclass(frozen=True, slots=True)
class _CallPlan:
    kind: str  # "inbound", "outbound", "internal", "other-number"
    start: datetime
    duration_s: float
    employee: int
    transfer_to: int | None
    mono: bool
    swapped_channels: bool
    mp3: bool


def _plan_calls(
    rng: np.random.Generator, now: datetime, days: int = DEMO_DAYS, calls: int | None = None
) -> list[_CallPlan]:
    """The calls of the last `days` days (working days only); with `calls`, at most that many, spread evenly
    over the whole plan (a small demo for tests: the same kinds of calls, fewer of them)."""
    plans: list[_CallPlan] = []
    today = now.astimezone(LOCAL_TZ).date()
    for days_ago in range(days, -1, -1):
        day = today - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        count = int(rng.integers(1, 4))
        extra = [str(k) for k in rng.choice(["outbound", "internal", "other-number"], size=int(rng.random() < 0.5))]
        for kind in ["inbound"] * count + extra:
            minutes = int(rng.integers(8 * 60 + 30, 16 * 60 + 45))
            start = datetime.combine(day, time(minutes // 60, minutes % 60, int(rng.integers(60))), LOCAL_TZ)
            if start >= now:
                start = now - timedelta(minutes=int(rng.integers(20, 240)))
            if kind == "inbound":
                duration = float(np.clip(rng.gamma(2.2, 45.0) + 30.0, 30.0, 360.0))
            else:
                duration = float(rng.uniform(30.0, 70.0))
            plans.append(
                _CallPlan(
                    kind=kind,
                    start=start.astimezone(UTC),
                    duration_s=round(duration, 1),
                    employee=int(rng.integers(len(EMPLOYEES))),
                    transfer_to=int(rng.integers(len(EMPLOYEES)))
                    if kind == "inbound" and rng.random() < 0.06
                    else None,
                    mono=kind == "inbound" and rng.random() < 0.04,
                    swapped_channels=kind == "inbound" and rng.random() < 0.05,
                    mp3=rng.random() < 0.07 and duration < 200,
                )
            )
    if calls is not None and len(plans) > calls:
        step = len(plans) / calls
        plans = [plans[int(index * step)] for index in range(calls)]
    return plans


def _fictional_mobile(rng: np.random.Generator) -> str:
    return "+316" + "".join(str(int(d)) for d in rng.integers(0, 10, size=8))


def _recording_id(seed: int, index: int) -> str:
    return "rec-" + hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]


def populate_demo(
    *,
    store_root: Path,
    accounts: Accounts,
    people: PeopleDirectory,
    audit: AuditLog,
    admin: User,
    password: str,
    general_number: str,
    seed: int,
    now: datetime,
    days: int = DEMO_DAYS,
    calls: int | None = None,
    guideline: Guideline | None = None,
    sessions: sessionmaker[Session] | None = None,
    policy: AccessPolicy | None = None,
) -> DemoSummary:
    """Create the demo's accounts, employees, assignments and recordings in an empty workspace: calls of the
    last `days` days, at most `calls` of them when given (the full demo: 35 days, every call planned)."""
    rng = np.random.default_rng(seed)
    coach = accounts.add(admin, "coach", Role.COACH, "Marieke Kok", password)
    coach2 = accounts.add(admin, "coach2", Role.COACH, "Henk Smit", password)
    accounts.add(admin, "it", Role.IT, "Dennis Schouten", password)

    long_ago = (now - timedelta(days=365)).date()
    moved_on: date = (now - timedelta(days=MOVED_DAYS_AGO)).date()
    for employee_id, name, _f0 in EMPLOYEES:
        people.add_employee(employee_id, name)
        if employee_id in COACH2_EMPLOYEES:
            people.assign(coach2.id, employee_id, long_ago)
        elif employee_id == MOVED_EMPLOYEE:
            people.assign(coach2.id, employee_id, long_ago, moved_on - timedelta(days=1))
            people.assign(coach.id, employee_id, moved_on)
        else:
            people.assign(coach.id, employee_id, long_ago)

    init_folder_store(store_root)
    mp3_ok = can_write_mp3()
    by_kind: dict[str, int] = {}
    total_bytes = 0
    for index, plan in enumerate(_plan_calls(rng, now, days, calls)):
        meta, audio = _render_call(seed, index, plan, rng, general_number, mp3_ok)
        write_recording(store_root, meta, audio)
        total_bytes += len(audio)
        by_kind[plan.kind] = by_kind.get(plan.kind, 0) + 1
        if plan.start < now - timedelta(days=30):
            by_kind["older-than-30-days"] = by_kind.get("older-than-30-days", 0) + 1

    evaluated = 0
    if guideline is not None and sessions is not None and policy is not None:
        evaluated = _past_cycles(
            rng, sessions, policy, guideline, people, (coach, coach2), store_root, now, general_number
        )
    audit.record(
        actor=admin.username,
        role=str(admin.role),
        action="workspace.demo_created",
        result=AuditResult.ALLOWED,
        object_type="workspace",
        detail=f"seed {seed}; {sum(v for k, v in by_kind.items() if k != 'older-than-30-days')} recordings",
    )
    return DemoSummary(
        accounts=("coach", "coach2", "it"),
        employees=len(EMPLOYEES),
        recordings=sum(v for k, v in by_kind.items() if k != "older-than-30-days"),
        by_kind=by_kind,
        store_bytes=total_bytes,
        evaluations=evaluated,
    )


def _past_cycles(
    rng: np.random.Generator,
    sessions: sessionmaker[Session],
    policy: AccessPolicy,
    guideline: Guideline,
    people: PeopleDirectory,
    coaches: tuple[User, User],
    store_root: Path,
    now: datetime,
    general_number: str,
) -> int:
    """Two or three past coaching cycles of submitted evaluations per employee, improving over time.

    Cycles are explicit: the coach started each (the newest with a draw of real demo calls); the older ones
    were discussed in a feedback conversation with agreements, the newest is still to be discussed. Older
    cycles refer to calls whose recordings are gone (recordings last 30 days, evaluations longer); the newest
    cycle evaluates real demo calls, so the list shows them as evaluated.
    """
    recent = [
        m
        for m in FolderStore(store_root).scan_window(now - timedelta(days=30), now)[0]
        if m.direction == "inbound" and m.called_number == general_number and not m.segments
    ]
    count = 0
    guard = CallerDataGuard(now.date())
    shareable: list[tuple[User, str, int]] = []  # evaluations of calls whose recordings still exist
    for employee_id, _name, _f0 in EMPLOYEES:
        cycles = CYCLE_DAYS_AGO[int(rng.integers(0, 2)) :]  # two or three cycles
        for cycle_index, days_ago in enumerate(cycles):
            moment = now - timedelta(days=days_ago)
            service = EvaluationService(Database(sessions), policy, _fixed_clock(moment))
            skill = 0.35 + 0.2 * cycle_index + float(rng.uniform(-0.1, 0.1))
            own_recent = [m for m in recent if m.employee_id == employee_id and m.start <= moment]
            started: dict[int, int] = {}  # coach id -> their cycle for this round (cycles are explicit)
            tips: list[str] = []
            for call in range(int(rng.integers(2, 4))):
                newest = days_ago == CYCLE_DAYS_AGO[-1]
                if newest and call < len(own_recent):
                    meta = own_recent[call]
                    recording_id, start, duration = meta.id, meta.start, meta.duration_s
                else:
                    start = moment - timedelta(days=int(rng.integers(1, 10)), hours=int(rng.integers(0, 6)))
                    recording_id = f"rec-archief-{employee_id.lower()}-{days_ago}-{call}"
                    duration = float(rng.uniform(60, 300))
                # The coach of the employee at the time of the call evaluates it (assignments change).
                coach = next(c for c in coaches if people.is_assigned(c.id, employee_id, start))
                if coach.id not in started:
                    picks = [m.id for m in own_recent[:3]] if newest else []
                    started[coach.id] = _start_cycle(sessions, policy, coach, employee_id, moment, picks)
                evaluation = service.for_recording(coach, guideline, employee_id, recording_id, start, duration)
                content = _demo_content(rng, guideline, skill)
                tips.append(content.tips)
                service.save_draft(coach, evaluation.id, content)
                service.submit(coach, evaluation.id, guideline, guard)
                count += 1
                if newest and call < len(own_recent):
                    shareable.append((coach, employee_id, evaluation.id))
            if employee_id == EMPLOYEES[0][0] and days_ago == CYCLE_DAYS_AGO[1]:
                _side_by_side(rng, service, guideline, guard, coaches, people, employee_id, moment, skill)
                count += 1
            if days_ago != CYCLE_DAYS_AGO[-1]:  # older cycles were discussed; the newest is still to discuss
                for coach in coaches:
                    if coach.id in started:
                        _conversation(rng, sessions, policy, coach, employee_id, started[coach.id], moment, tips)
    _calibration(sessions, policy, people, guard, coaches, shareable, now)
    return count


def _calibration(
    sessions: sessionmaker[Session],
    policy: AccessPolicy,
    people: PeopleDirectory,
    guard: CallerDataGuard,
    coaches: tuple[User, User],
    shareable: list[tuple[User, str, int]],
    now: datetime,
) -> None:
    """Henk shared one of his evaluated calls for calibration this morning and scored it: the coach of the demo
    finds it in the Kalibratie area, to hear and score blind."""
    henk = coaches[1]
    moment = now - timedelta(hours=2)
    evaluation_id = next(
        (
            e
            for coach, employee_id, e in shareable
            if coach.id == henk.id and people.is_assigned(henk.id, employee_id, moment)
        ),
        None,
    )
    if evaluation_id is None:  # a small demo (--days) has no evaluated call younger than 30 days
        return
    evaluations = EvaluationService(Database(sessions), policy, _fixed_clock(moment))
    calibrations = CalibrationService(Database(sessions), policy, evaluations, _fixed_clock(moment), lambda: guard)
    calibration_id = calibrations.share(henk, evaluation_id)
    answers = evaluations.get(henk, evaluation_id).content.answers
    calibrations.score(henk, calibration_id, {k: a.answer for k, a in answers.items() if a.answer})


def _start_cycle(
    sessions: sessionmaker[Session],
    policy: AccessPolicy,
    coach: User,
    employee_id: str,
    moment: datetime,
    picks: list[str],
) -> int:
    """The cycle the coach started a few hours before evaluating (with a draw of `picks` when there are any)."""
    started_at = moment - timedelta(hours=3)
    cycles = CycleService(Database(sessions), policy, _fixed_clock(started_at))
    if not picks:
        return cycles.start(coach, employee_id).id
    with sessions.begin() as session:
        draw = DrawRow(
            coach_user_id=coach.id,
            employee_id=employee_id,
            seed=len(picks) * 7919 + len(employee_id),
            parameters=json.dumps({"count": len(picks), "min_duration_s": 60.0, "exclude": "evaluated"}),
            picks=json.dumps(picks),
            replacements="[]",
            created_at=started_at,
        )
        session.add(draw)
        session.flush()
        draw_id = draw.id
    return cycles.start(coach, employee_id, STARTED_BY_DRAW, draw_id).id


AGREEMENT_REACTIONS = (
    ("Fijn om terug te luisteren; het doorvragen ga ik bewust oefenen.", True, ""),
    ("Herkenbaar. Bij drukte lukt de afsluiting minder, daar let ik op.", True, ""),
    ("Ik vond het tempo zelf wel goed; de beller had haast.", False, "het tempo van de uitleg"),
)


def _conversation(
    rng: np.random.Generator,
    sessions: sessionmaker[Session],
    policy: AccessPolicy,
    coach: User,
    employee_id: str,
    cycle_id: int,
    moment: datetime,
    tips: list[str],
) -> None:
    """The feedback conversation a few days after the cycle's evaluations, with agreements from its tips."""
    held = moment + timedelta(days=3)
    clock = _fixed_clock(held)
    cycles = CycleService(Database(sessions), policy, clock)
    conversations = ConversationService(Database(sessions), policy, cycles, clock, lambda: CallerDataGuard(held.date()))
    reaction, agrees, disagreement = AGREEMENT_REACTIONS[int(rng.integers(len(AGREEMENT_REACTIONS)))]
    agreements = list(dict.fromkeys(tips))[:2]
    conversations.record(coach, employee_id, held.date(), agreements, reaction, agrees, disagreement, cycle_id=cycle_id)


def _side_by_side(
    rng: np.random.Generator,
    service: EvaluationService,
    guideline: Guideline,
    guard: CallerDataGuard,
    coaches: tuple[User, User],
    people: PeopleDirectory,
    employee_id: str,
    moment: datetime,
    skill: float,
) -> None:
    """One submitted side-by-side session (P8): the recording had failed that morning."""
    started = moment - timedelta(days=2, hours=3)
    coach = next(c for c in coaches if people.is_assigned(c.id, employee_id, started))
    session = service.start_live(coach, guideline, employee_id, started, "recording_fault", "")
    content = _demo_content(rng, guideline, skill)
    content.marks = [
        Mark(95.0, "noemde eigen naam en de gemeente", "aanvang", "+"),
        Mark(380.0, "vroeg door naar het echte probleem", "analyse", "+"),
        Mark(845.0, "uitleg over de vergunning te technisch", "antwoord", "-"),
        Mark(1510.0, "check of alles duidelijk was", "afsluiting", "+"),
        Mark(2230.0, "bleef rustig bij een boze beller", "algemeen", "+"),
    ]
    content.notes = "Drie gesprekken meegeluisterd; na het tweede gesprek samen de uitleg over vergunningen geoefend."
    service.save_draft(coach, session.id, content)
    service.end_live(coach, session.id, 45 * 60.0)
    service.submit(coach, session.id, guideline, guard)


def _fixed_clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _demo_content(rng: np.random.Generator, guideline: Guideline, skill: float) -> EvaluationContent:
    content = EvaluationContent()
    for section in guideline.sections:
        for criterion in section.criteria:
            options = [o for o in criterion.scale.options if o != "n.v.t."]
            roll = float(rng.random())
            if len(options) == 2:  # ja / nee
                answer = options[0] if roll < 0.5 + skill / 2 else options[1]
            else:  # goed / voldoende / verbeterpunt
                answer = options[0] if roll < skill else options[1] if roll < skill + 0.4 else options[2]
            comment = str(rng.choice(COMMENTS)) if criterion.needs_comment(answer) else ""
            content.answers[criterion.key] = Answer(answer, comment)
    content.tops = " ".join(str(t) for t in rng.choice(TOPS, size=2, replace=False))
    content.tips = str(rng.choice(TIPS))
    content.marks = [Mark(round(float(rng.uniform(5, 50)), 1), "goed moment om terug te luisteren")]
    return content


def _render_call(
    seed: int, index: int, plan: _CallPlan, rng: np.random.Generator, general_number: str, mp3_ok: bool
) -> tuple[RecordingMeta, bytes]:
    employee_id, _name, employee_f0 = EMPLOYEES[plan.employee]
    caller_f0 = float(rng.choice([110.0, 130.0, 185.0, 210.0]))
    samples, _turns = synthesize_call(seed * 100_003 + index, plan.duration_s, SAMPLE_RATE, employee_f0, caller_f0)
    channel_map: tuple[str, ...] = ("employee", "caller")
    if plan.mono:
        samples = samples.mean(axis=1, keepdims=True) * 1.4
        channel_map = ("mixed",)
    elif plan.swapped_channels:
        samples = samples[:, ::-1].copy()
        channel_map = ("caller", "employee")
    rec_id = _recording_id(seed, index)
    if plan.mp3 and mp3_ok:
        audio, fmt, ext = encode(samples, SAMPLE_RATE, "MP3", "MPEG_LAYER_III"), "mp3", "mp3"
    else:
        audio, fmt, ext = encode(samples, SAMPLE_RATE, "WAV", "ALAW"), "wav/alaw", "wav"
    segments: tuple[Segment, ...] = ()
    if plan.transfer_to is not None and plan.transfer_to != plan.employee:
        cut = round(plan.duration_s * 0.45, 1)
        segments = (
            Segment(employee_id, 0.0, cut),
            Segment(EMPLOYEES[plan.transfer_to][0], cut, plan.duration_s),
        )
    called = {
        "inbound": general_number,
        "other-number": "+31341259800",
        "outbound": _fictional_mobile(rng),
        "internal": "+31341259" + str(int(rng.integers(100, 999))),
    }[plan.kind]
    direction = {
        "inbound": "inbound",
        "other-number": "inbound",
        "outbound": "outbound",
        "internal": "internal",
    }[plan.kind]
    caller = None if rng.random() < 0.08 else _fictional_mobile(rng)
    if plan.kind == "outbound":
        caller = general_number
    meta = RecordingMeta(
        id=rec_id,
        start=plan.start,
        duration_s=plan.duration_s,
        direction=direction,
        called_number=called,
        employee_id=employee_id,
        audio=AudioInfo(f"{rec_id}.{ext}", fmt, SAMPLE_RATE, samples.shape[1], channel_map),
        segments=segments,
        caller_number=caller,
    )
    return meta, audio
