"""Composition root: builds settings, database, audit log, policy and services for one workspace, and the
start sequence the windowed application runs behind its sign-in window (`open_for_gui`).

Wiring only: no rule of the application is decided here. Nothing happens at import time. The windowed entry
(gui.py) and every CLI command call `open_services` (or `build_services`) and pass the result down; there
are no global singletons. What comes from the operating system is handed in: the keyring
(`keyring_factory`) and the player's audio output (`output_factory`, the sound card unless a test hands in a
clock); the screens get the player's engine only through `Services.player` (see `players`).
"""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.atomic_file import write_atomically
from nunrec_desktop.adapters.audio.decode import AudioLimits
from nunrec_desktop.adapters.audio.playback import AudioOutput, PlaybackEngine, SoundDeviceOutput
from nunrec_desktop.adapters.credentials import StoreCredentials
from nunrec_desktop.adapters.db.admin_queries import AdminQueries
from nunrec_desktop.adapters.db.engine import create_database_engine, migrate, session_factory
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.adapters.directory import DirectoryConfig, LdapDirectory
from nunrec_desktop.adapters.leftovers import PENDING_FOLDER, PendingParts, refuse_unfinished_demo
from nunrec_desktop.adapters.store.base import RecordingStore
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.adapters.store.http import HttpStore
from nunrec_desktop.adapters.system_keyring import KeyringFactory, system_keyring
from nunrec_desktop.clock import Clock, system_clock
from nunrec_desktop.documents.layout import PdfLayout
from nunrec_desktop.domain import Role, User, WorkspaceError
from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.services.access import AccessPolicy
from nunrec_desktop.services.access_review import AccessReview
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.audit_anchor import (
    HandlerFactory,
    anchor_to_system_log,
    default_system_log,
    workspace_label,
)
from nunrec_desktop.services.audit_reader import AuditReader
from nunrec_desktop.services.auth import Authenticator
from nunrec_desktop.services.calibrations import CalibrationService
from nunrec_desktop.services.coach_desk import CoachDesk
from nunrec_desktop.services.coaching_cycles import CycleService
from nunrec_desktop.services.conversations import ConversationService
from nunrec_desktop.services.credential_administration import CredentialAdministration
from nunrec_desktop.services.cycles import CycleOverview
from nunrec_desktop.services.desk import AdminParts, DeskParts
from nunrec_desktop.services.directory import DirectorySignIn
from nunrec_desktop.services.draws import DrawService
from nunrec_desktop.services.erasure import ErasureService
from nunrec_desktop.services.evaluations import EvaluationService
from nunrec_desktop.services.exports import ExportService
from nunrec_desktop.services.guideline import Guideline, default_guideline_path, load_guideline
from nunrec_desktop.services.history import HistoryService
from nunrec_desktop.services.it_desk import ItDesk
from nunrec_desktop.services.listening import ListeningService, OpenedRecording
from nunrec_desktop.services.live_sessions import LiveSessionService
from nunrec_desktop.services.log_guard import MaskingFormatter
from nunrec_desktop.services.passwords import Passwords
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard, mask, split_setting
from nunrec_desktop.services.recordings import RecordingCatalog
from nunrec_desktop.services.reports import ReportService
from nunrec_desktop.services.retention import RetentionService
from nunrec_desktop.services.self_evaluations import SelfEvaluationService
from nunrec_desktop.services.staffing import StaffAdministration
from nunrec_desktop.services.store_admin import StoreAdministration
from nunrec_desktop.services.subject_access import SubjectAccessService
from nunrec_desktop.settings import (
    WORKSTATION_RULE,
    Workspace,
    load_workspace,
    render_toml,
    settings_from_mapping,
)

OutputFactory = Callable[[], AudioOutput]


def players(output_factory: OutputFactory) -> Callable[[OpenedRecording], PlaybackEngine]:
    """The player's engine for an opened recording, playing through a new output from `output_factory`: the
    factory the entry hands the screens (`Services.player`), so that no screen builds an engine itself."""

    def player(opened: OpenedRecording) -> PlaybackEngine:
        return PlaybackEngine(opened.audio, output_factory(), opened.playable)

    return player


@dataclass
class Services:
    workspace: Workspace
    engine: Engine
    sessions: sessionmaker[Session]
    database: Database
    clock: Clock
    audit: AuditLog
    people: PeopleDirectory
    policy: AccessPolicy
    passwords: Passwords
    auth: Authenticator
    accounts: Accounts
    keyring_factory: KeyringFactory = field(repr=False)
    directory: DirectorySignIn | None = field(default=None, repr=False)
    output_factory: OutputFactory = field(default=SoundDeviceOutput, repr=False)

    catalog: RecordingCatalog = field(init=False, repr=False)
    evaluations: EvaluationService = field(init=False, repr=False)
    cycle_book: CycleService = field(init=False, repr=False)
    conversations: ConversationService = field(init=False, repr=False)
    history: HistoryService = field(init=False, repr=False)
    reports: ReportService = field(init=False, repr=False)
    retention: RetentionService = field(init=False, repr=False)
    erasure: ErasureService = field(init=False, repr=False)
    audit_reader: AuditReader = field(init=False, repr=False)
    subject_access: SubjectAccessService = field(init=False, repr=False)
    draws: DrawService = field(init=False, repr=False)
    cycles: CycleOverview = field(init=False, repr=False)
    listening: ListeningService = field(init=False, repr=False)
    live: LiveSessionService = field(init=False, repr=False)
    exports: ExportService = field(init=False, repr=False)
    pending_parts: PendingParts = field(init=False, repr=False)
    staff: StaffAdministration = field(init=False, repr=False)
    admin_queries: AdminQueries = field(init=False, repr=False)
    store_admin: StoreAdministration = field(init=False, repr=False)
    access_review: AccessReview = field(init=False, repr=False)
    calibrations: CalibrationService = field(init=False, repr=False)
    self_evaluations: SelfEvaluationService = field(init=False, repr=False)
    _store: RecordingStore | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        settings = self.workspace.settings
        self.pending_parts = PendingParts(self.workspace.root / PENDING_FOLDER)
        self.cycle_book = CycleService(self.database, self.policy, self.clock, settings.cycle_overdue_after_days)
        self.evaluations = EvaluationService(
            self.database, self.policy, self.clock, guard=self.guard, cycles=self.cycle_book
        )
        self.conversations = ConversationService(self.database, self.policy, self.cycle_book, self.clock, self.guard)
        self.calibrations = CalibrationService(self.database, self.policy, self.evaluations, self.clock, self.guard)
        self.self_evaluations = SelfEvaluationService(self.database, self.policy, self.evaluations, self.clock)
        self.audit_reader = AuditReader(self.audit, self.policy)
        self.subject_access = SubjectAccessService(
            self.database, self.people, self.policy, self.audit, self.clock, self.evaluations.guideline_by_hash
        )
        self.erasure = ErasureService(self.database, self.store, self.people, self.policy, self.audit, self.clock)
        self.reports = ReportService(
            self.database,
            self.policy,
            self.audit,
            self.people,
            self.evaluations,
            self.clock,
            self.conversations,
            self.self_evaluations,
        )
        self.history = HistoryService(
            self.database,
            self.policy,
            self.evaluations,
            self.cycle_book,
            self.conversations,
            self.clock,
            self.erasure.erased_ids,
            settings.recording_retention_days,
        )
        self.catalog = RecordingCatalog(
            self.store,
            self.people,
            self.policy,
            self.audit,
            self.clock,
            settings.general_number,
            settings.recording_retention_days,
            self.evaluations.evaluated_recordings,
            self.erasure.erased_ids,
        )
        self.listening = ListeningService(
            self.catalog,
            self.store,
            AudioLimits.from_settings(settings.audio_max_file_mb, settings.audio_max_duration_minutes),
        )
        self.exports = ExportService(
            self.reports,
            self.subject_access,
            PdfLayout(resources_dir() / "fonts"),
            self.guard,
            self.pending_parts.tracking,  # a killed export's part is removed at the next start
        )
        self.draws = DrawService(
            self.database, self.catalog, self.policy, self.audit, self.clock, self.cycle_book, self.guard
        )
        self.live = LiveSessionService(self.evaluations, self.people, self.policy, self.clock)
        self.admin_queries = AdminQueries(self.sessions)
        self.staff = StaffAdministration(self.people, self.accounts, self.policy, self.audit, self.admin_queries)
        self.store_admin = StoreAdministration(
            WorkspaceStoreSetup(self), self.credential_administration(), self.policy, self.audit, self.clock
        )
        self.access_review = AccessReview(
            self.accounts, self.admin_queries, self.policy, self.audit, self.clock, self.account_source
        )
        self.cycles = CycleOverview(
            self.people,
            self.evaluations,
            self.catalog,
            self.clock,
            settings.cycle_due_after_days,
            settings.cycle_overdue_after_days,
            settings.cycle_target_calls,
        )
        self.retention = RetentionService(
            self.database,
            self.policy,
            self.clock,
            settings.evaluation_retention_months,
            settings.recording_retention_days,
        )

    def player(self, opened: OpenedRecording) -> PlaybackEngine:
        """The engine the player page plays `opened` with (through this workspace's audio output)."""
        return players(self.output_factory)(opened)

    def guideline(self) -> Guideline:
        """The current conversation guideline (read on use: IT may replace the file at any time)."""
        return load_guideline(default_guideline_path(resources_dir()))

    def desk_for(self, user: User) -> CoachDesk | ItDesk:
        """The per-user desk, built at sign-in: a coach's or an IT colleague's."""
        settings = self.workspace.settings
        parts = DeskParts(
            clock=self.clock,
            auth=self.auth,
            people=self.people,
            catalog=self.catalog,
            listening=self.listening,
            evaluations=self.evaluations,
            erasure=self.erasure,
            draws=self.draws,
            cycles=self.cycles,
            live=self.live,
            exports=self.exports,
            audit_reader=self.audit_reader,
            cycle_book=self.cycle_book,
            conversations=self.conversations,
            history=self.history,
            guideline=self.guideline,
            guard=self.guard,
            recording_retention_days=settings.recording_retention_days,
            admin=AdminParts(
                accounts=self.accounts,
                staff=self.staff,
                store=self.store_admin,
                review=self.access_review,
                review_layout=PdfLayout(resources_dir() / "fonts"),
                account_source=self.account_source,
                anchor_label=self.anchor_label,
                audit=self.audit,
            ),
            calibrations=self.calibrations,
            self_evaluations=self.self_evaluations,
        )
        return CoachDesk(user, parts) if user.role is Role.COACH else ItDesk(user, parts)

    def account_source(self) -> str:
        """Where accounts come from: "local", or "directory" with the setting `auth.kind` (issue 24)."""
        kind = getattr(self.workspace.settings, "auth_kind", "local")
        return "directory" if kind == "directory" else "local"

    def anchor_label(self) -> str:
        return workspace_label(self.workspace.root)

    def reconfigure_store(self, kind: str, location: str) -> None:
        """Write the store's kind and location to the settings file and use them from now on."""
        new = dataclasses.replace(self.workspace.settings, store_kind=kind, store_location=location)
        text = render_toml(new)
        settings_from_mapping(tomllib.loads(text), str(self.workspace.settings_file))  # refuses what cannot load

        def write(path: Path) -> None:
            path.write_text(text, encoding="utf-8")

        write_atomically(self.workspace.settings_file, write)
        old = self._store
        self.workspace = Workspace(self.workspace.root, new)
        self._store = None
        if isinstance(old, HttpStore):
            old.close()

    def anchor(self, event: str, system_log: HandlerFactory | None = None) -> None:
        """The audit chain's head into the system log, outside the database (see services/audit_anchor.py)."""
        anchor_to_system_log(
            self.audit, workspace_label(self.workspace.root), self.clock, event, system_log or default_system_log
        )

    def guard(self) -> CallerDataGuard:
        """The caller-data guard; the municipality's own numbers and domains (settings) are not findings."""
        settings = self.workspace.settings
        own_numbers = split_setting(settings.privacy_own_numbers)
        return CallerDataGuard(self.clock().date(), own_numbers, split_setting(settings.privacy_own_domains))

    def store_credentials(self) -> StoreCredentials:
        return StoreCredentials(self.keyring_factory(), self.workspace.keyring_service)

    def credential_administration(self) -> CredentialAdministration:
        return CredentialAdministration(self.store_credentials, self.policy)

    def store(self) -> RecordingStore:
        """The recording store of this workspace, made on first use (the HTTP one needs the keyring)."""
        if self._store is None:
            self._store = build_store(self.workspace, self.store_credentials, self.clock)
        return self._store

    def close(self) -> None:
        if isinstance(self._store, HttpStore):
            self._store.close()
        self.engine.dispose()


class WorkspaceStoreSetup:
    """The store's settings of this workspace as `services.store_admin` sees them."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def current(self) -> tuple[str, str]:
        settings = self._services.workspace.settings
        return settings.store_kind, settings.store_location

    def save(self, kind: str, location: str) -> None:
        self._services.reconfigure_store(kind, location)

    def probe(self, kind: str, location: str) -> RecordingStore:
        workspace = self._services.workspace
        trial = Workspace(
            workspace.root, dataclasses.replace(workspace.settings, store_kind=kind, store_location=location)
        )
        return build_store(trial, self._services.store_credentials, self._services.clock)

    def has_token(self) -> bool:
        return self._services.store_credentials().token() is not None


def build_store(
    workspace: Workspace, credentials: Callable[[], StoreCredentials], clock: Clock = system_clock
) -> RecordingStore:
    settings = workspace.settings
    if settings.store_kind == "http":
        return HttpStore(
            settings.store_location,
            lambda: credentials().token(),
            deadline_s=settings.store_deadline_seconds,
            max_download_bytes=settings.store_max_download_mib * 1024 * 1024,
            scrub=lambda text: portal_text_scrub(text, clock),
        )
    return FolderStore(workspace.store_path)


def portal_text_scrub(text: str, clock: Clock = system_clock) -> str:
    """The portal's own text (an error title) through the whole caller-data guard before it is shown or
    logged: every finding masked ([telefoonnummer], [e-mailadres], [adres] ...). No own numbers or domains:
    the portal has no business naming anyone."""
    findings = CallerDataGuard(clock().date()).scan(text)
    return mask(text, findings) if findings else text


def configure_logging(workspace: Workspace) -> None:
    """Technical log in `<workspace>/logs/nunrec.log` (rotated): ids and counts, never caller data (masked by
    services/log_guard.py should any slip into a message or a traceback)."""
    folder = workspace.root / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "nunrec.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    settings = workspace.settings
    own = split_setting(settings.privacy_own_numbers), split_setting(settings.privacy_own_domains)

    def guard_for(day: date) -> CallerDataGuard:
        return CallerDataGuard(day, *own)

    # The caller-data guard as the last wall: whatever reaches the log is masked as it is written.
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", guard_for))
    root = logging.getLogger("nunrec_desktop")
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "nunrec_workspace_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.nunrec_workspace_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def _checked_workstation(workspace: Workspace, clock: Clock) -> str:
    """The workstation's name for the audit log's `origin`. A `session.workstation` in which the whole guard
    finds caller data is refused (the settings file already checked its shape); the computer's own name is
    not the workspace's to refuse, and the audit log records it as "(geweigerd id)" if it fails."""
    name = workspace.settings.workstation
    guard = CallerDataGuard(clock().date())
    if name and (guard.scan(name) or guard.scan(name.replace("_", " ").replace("-", " "))):
        raise WorkspaceError(f"{workspace.settings_file}: {WORKSTATION_RULE}")
    return workspace.settings.origin()


def build_services(
    workspace: Workspace, *, clock: Clock = system_clock, keyring_factory: KeyringFactory = system_keyring
) -> Services:
    engine = create_database_engine(workspace.database_url)
    migrate(engine)
    sessions = session_factory(engine)
    database = Database(sessions)
    audit = AuditLog(database, _checked_workstation(workspace, clock), clock)
    people = PeopleDirectory(database)
    policy = AccessPolicy(people, audit, clock)
    passwords = Passwords()
    directory = directory_sign_in(workspace, database, audit, clock)
    return Services(
        workspace=workspace,
        engine=engine,
        sessions=sessions,
        database=database,
        clock=clock,
        audit=audit,
        people=people,
        policy=policy,
        passwords=passwords,
        auth=Authenticator(database, passwords, audit, clock, directory),
        accounts=Accounts(database, passwords, policy, clock, audit),
        keyring_factory=keyring_factory,
        directory=directory,
    )


def directory_sign_in(
    workspace: Workspace, database: Database, audit: AuditLog, clock: Clock
) -> DirectorySignIn | None:
    """The directory's sign-in when `auth.kind = "directory"` (ldap3 is imported only when it is used,
    by adapters/directory.py)."""
    settings = workspace.settings
    if settings.auth_kind != "directory":
        return None
    config = DirectoryConfig(
        uri=settings.auth_server_uri,
        ca_file=settings.auth_ca_file,
        base_dn=settings.auth_base_dn,
        bind_name=settings.auth_bind_name,
        user_attribute=settings.auth_user_attribute,
        user_filter=settings.auth_user_filter,
        id_attribute=settings.auth_id_attribute,
        name_attribute=settings.auth_name_attribute,
        coach_group_dn=settings.auth_coach_group_dn,
        it_group_dn=settings.auth_it_group_dn,
        timeout_s=settings.auth_timeout_seconds,
        nested_depth=settings.auth_nested_depth,
    )
    own = split_setting(settings.privacy_own_numbers), split_setting(settings.privacy_own_domains)
    return DirectorySignIn(
        LdapDirectory(config, clock), database, audit, clock, lambda: CallerDataGuard(clock().date(), *own)
    )


def open_services(
    root: Path, *, clock: Clock = system_clock, keyring_factory: KeyringFactory = system_keyring
) -> Services:
    """Open an existing workspace (a Dutch `WorkspaceError` when there is none) and build its services."""
    refuse_unfinished_demo(root)
    return build_services(load_workspace(root), clock=clock, keyring_factory=keyring_factory)


def retention_actor() -> User:
    """Who runs the retention sweep at start-up: the application itself, audited as such."""
    return User(id=0, username="system:retention", role=Role.IT, display_name="Bewaartermijnen")


def open_for_gui(
    root: Path, *, keyring_factory: KeyringFactory, clock: Clock, output_factory: OutputFactory | None = None
) -> Services:
    """The start sequence behind the sign-in window: the workspace, its log, the leftovers of killed exports
    swept, and the retention sweep (P10) done first. `output_factory`: the player's audio output (default:
    the sound card)."""
    services = open_services(root, keyring_factory=keyring_factory, clock=clock)
    if output_factory is not None:
        services.output_factory = output_factory
    try:
        configure_logging(services.workspace)
        services.pending_parts.sweep()  # parts of exports killed earlier (adapters/leftovers.py)
        services.retention.sweep(retention_actor())  # P10: nothing is kept longer than agreed
    except BaseException:
        services.close()
        raise
    return services
