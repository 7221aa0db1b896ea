"""The `nunrec` command: without a sub-command it opens the application; the sub-commands are for IT.

Every command takes `--workspace DIR`. Errors go to stderr as a Dutch sentence with exit code 1;
argument mistakes exit 2 (argparse). Passwords are read from standard input with `--password-stdin`
(first line), or asked for interactively when standard input is a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import platformdirs

from nunrec_desktop.app import (
    KeyringFactory,
    Services,
    build_services,
    configure_logging,
    local_admin,
    open_services,
    system_keyring,
)
from nunrec_desktop.clock import Clock, system_clock
from nunrec_desktop.domain import InvalidInput, NunrecError
from nunrec_desktop.services.desk import Desk
from nunrec_desktop.settings import (
    APP_AUTHOR,
    APP_NAME,
    SETTINGS_FILE,
    Settings,
    Workspace,
    create_workspace,
    default_workspace_dir,
    load_workspace,
)

if TYPE_CHECKING:
    from nunrec_desktop.adapters.audio.decode import DecodedAudio

DEMO_PASSWORD_WORDS = ("kust", "veluwe", "heide", "beek", "duin", "eik", "ree", "mos", "zand", "bos")


@dataclass
class Io:
    """What a command reads and writes; tests pass their own."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    keyring_factory: KeyringFactory = system_keyring
    clock: Clock = system_clock


def default_demo_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "demo-workspace"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="werkmap (standaard: de gebruikersmap van dit platform)",
    )
    parser = argparse.ArgumentParser(
        prog="nunrec",
        parents=[common],
        description="nunrec desktop: coaching van KCC-gesprekken (gemeente Nunspeet). "
        "Zonder opdracht opent de applicatie.",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    init = sub.add_parser("init", parents=[common], help="een lege werkmap aanmaken (instellingen en database)")
    init.add_argument(
        "--database-url",
        default="",
        metavar="URL",
        help="database buiten de werkmap, bijvoorbeeld postgresql+psycopg://...",
    )

    demo = sub.add_parser("demo", parents=[common], help="een demowerkmap met voorbeeldgesprekken aanmaken")
    demo.add_argument("--seed", type=int, default=7, help="zelfde seed, zelfde demo (standaard 7)")
    demo.add_argument("--password-stdin", action="store_true", help="wachtwoord voor de demo-accounts van stdin")
    demo.add_argument(
        "--database-url",
        default="",
        metavar="URL",
        help="database buiten de werkmap, bijvoorbeeld postgresql+psycopg://...",
    )
    demo.add_argument(
        "--open",
        action="store_true",
        help="daarna de applicatie openen; een bestaande demowerkmap wordt hergebruikt",
    )

    users = sub.add_parser("users", parents=[common], help="accounts beheren (IT)")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTIE", required=True)
    add = users_sub.add_parser("add", parents=[common], help="account toevoegen")
    add.add_argument("username")
    add.add_argument("--role", required=True, help="coach of it")
    add.add_argument("--name", default="", help="volledige naam")
    add.add_argument("--password-stdin", action="store_true")
    lst = users_sub.add_parser("list", parents=[common], help="accounts tonen")
    lst.add_argument("--json", action="store_true")
    for name, text in (("disable", "account uitschakelen"), ("enable", "account weer inschakelen")):
        p = users_sub.add_parser(name, parents=[common], help=text)
        p.add_argument("username")
    pw = users_sub.add_parser("passwd", parents=[common], help="nieuw wachtwoord instellen (heft ook een blokkade op)")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true")

    emp = sub.add_parser("employees", parents=[common], help="KCC-medewerkers en hun coach (IT)")
    emp_sub = emp.add_subparsers(dest="employees_command", metavar="ACTIE", required=True)
    eadd = emp_sub.add_parser("add", parents=[common], help="medewerker toevoegen")
    eadd.add_argument("employee_id", help="het id van de medewerker in het telefoniesysteem")
    eadd.add_argument("name")
    eas = emp_sub.add_parser("assign", parents=[common], help="medewerker aan een coach koppelen")
    eas.add_argument("employee_id")
    eas.add_argument("--coach", required=True)
    eas.add_argument("--from", dest="start", type=date.fromisoformat, required=True, metavar="JJJJ-MM-DD")
    eas.add_argument("--to", dest="end", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
    elst = emp_sub.add_parser("list", parents=[common], help="medewerkers tonen")
    elst.add_argument("--json", action="store_true")

    store = sub.add_parser("store", parents=[common], help="de opnameopslag (IT)")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTIE", required=True)
    cred = store_sub.add_parser(
        "set-credentials",
        parents=[common],
        help="token voor het TSV-portaal in de sleutelhanger van het systeem zetten",
    )
    cred.add_argument("--password-stdin", action="store_true")
    store_sub.add_parser("clear-credentials", parents=[common], help="het token uit de sleutelhanger verwijderen")

    recs = sub.add_parser("recordings", parents=[common], help="de opnames die een coach mag zien")
    recs.add_argument("--user", required=True, help="uw gebruikersnaam")
    recs.add_argument("--password-stdin", action="store_true")
    recs.add_argument("--employee", default=None, metavar="ID", help="alleen gesprekken van deze medewerker")
    recs.add_argument("--json", action="store_true", help="één JSON-object per regel")

    check = sub.add_parser(
        "check-audio",
        parents=[common],
        help="een geluidsbestand controleren met dezelfde decodering als de speler (IT)",
    )
    check.add_argument("file", type=Path)
    check.add_argument(
        "--expected-duration",
        type=float,
        default=None,
        metavar="SECONDS",
        help="de duur volgens de gegevens van de opname; korter = onvolledig",
    )

    metrics = sub.add_parser(
        "call-metrics",
        parents=[common],
        help="gespreksmaten van een geluidsbestand als JSON: spreektijd, stiltes, door elkaar praten, beurten",
    )
    metrics.add_argument("file", type=Path)
    metrics.add_argument(
        "--channel-map",
        type=_channel_map,
        default=("employee", "caller"),
        metavar="employee,caller",
        help="wie op welk kanaal zit, vanaf kanaal 0 (standaard employee,caller)",
    )

    sub.add_parser(
        "pii-scan",
        parents=[common],
        help="tekst op stdin controleren op gegevens van bellers (één JSON-object per vondst; exit 1 bij vondsten)",
    )

    for name, text in (
        ("export-feedback", "terugkoppeling voor de medewerker als PDF"),
        ("export-dialog", "voorbereiding van het Dialog-gesprek als PDF"),
    ):
        export = sub.add_parser(name, parents=[common], help=text)
        export.add_argument("--user", required=True)
        export.add_argument("--password-stdin", action="store_true")
        export.add_argument("--employee", required=True, metavar="ID")
        export.add_argument("--from", dest="first", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
        export.add_argument("--to", dest="last", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
        export.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    sample = sub.add_parser("sample", parents=[common], help="gesprekken kiezen voor een coachingscyclus (P7)")
    sample.add_argument("--user", required=True)
    sample.add_argument("--password-stdin", action="store_true")
    sample.add_argument("--employee", required=True, metavar="ID")
    sample.add_argument("--count", type=int, required=True)
    sample.add_argument("--seed", type=int, default=None, help="zelfde seed, zelfde keuze (standaard: willekeurig)")
    sample.add_argument("--min-duration", type=float, default=60.0, metavar="SECONDS")

    access = sub.add_parser(
        "subject-access",
        parents=[common],
        help="inzage (AVG art. 15): alles wat over een medewerker is vastgelegd, als PDF",
    )
    access.add_argument("--user", required=True)
    access.add_argument("--password-stdin", action="store_true")
    access.add_argument("--employee", required=True, metavar="ID")
    access.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    erase = sub.add_parser("erase", parents=[common], help="een opname verwijderen op verzoek van de beller (P2)")
    erase.add_argument("--user", required=True)
    erase.add_argument("--password-stdin", action="store_true")
    erase.add_argument("--caller", required=True, metavar="NUMMER", help="het nummer dat de beller opgeeft")
    erase.add_argument(
        "--around", required=True, metavar='"JJJJ-MM-DD UU:MM"', help="ongeveer het tijdstip van het gesprek"
    )
    erase.add_argument("--window-minutes", type=int, default=30)
    erase.add_argument("--yes", action="store_true", help="verwijderen als er precies één opname gevonden is")
    erase.add_argument("--reference", default="", help="kenmerk van het verzoek (bijvoorbeeld VZ-2026-017)")

    retention = sub.add_parser("retention", parents=[common], help="bewaartermijnen (IT)")
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="ACTIE", required=True)
    retention_sub.add_parser(
        "sweep",
        parents=[common],
        help="verlopen beoordelingen en oude concepten verwijderen (draait ook bij elke start)",
    )

    audit = sub.add_parser("audit", parents=[common], help="het auditlog")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    verify = audit_sub.add_parser(
        "verify", parents=[common], help="de hashketen controleren (exit 0 = intact, 1 = niet)"
    )
    verify.add_argument(
        "--anchors",
        type=Path,
        default=None,
        metavar="FILE",
        help="ankerbestand van 'nunrec audit anchor': elk anker moet nog in de keten staan",
    )
    anchor = audit_sub.add_parser(
        "anchor",
        parents=[common],
        help="de kop van de keten toevoegen aan een ankerbestand buiten de database (share, WORM-map)",
    )
    anchor.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="wordt alleen aangevuld, nooit herschreven"
    )
    return parser


def _read_secret(args: argparse.Namespace, io: Io, prompt: str, confirm: bool = True) -> str:
    if getattr(args, "password_stdin", False):
        line = io.stdin.readline()
        if not line:
            raise InvalidInput("Er kwam geen wachtwoord binnen op standaardinvoer.")
        return line.rstrip("\r\n")
    if not io.stdin.isatty():
        raise InvalidInput("Geef het wachtwoord met --password-stdin (standaardinvoer is geen terminal).")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nogmaals: ") != first:
        raise InvalidInput("De twee wachtwoorden zijn niet gelijk.")
    return first


def _workspace(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "workspace", None) or default_workspace_dir())


def _open(args: argparse.Namespace, io: Io) -> Services:
    services = open_services(_workspace(args), clock=io.clock, keyring_factory=io.keyring_factory)
    configure_logging(services.workspace)
    services.pending_parts.sweep()  # parts of exports killed earlier (see adapters/leftovers.py)
    return services


def _create(root: Path, database_url: str, io: Io) -> Services:
    workspace = create_workspace(root, Settings(database_url=database_url))
    configure_logging(workspace)
    return build_services(workspace, clock=io.clock, keyring_factory=io.keyring_factory)


def cmd_init(args: argparse.Namespace, io: Io) -> int:
    services = _create(_workspace(args), args.database_url, io)
    services.close()
    print(f"Werkmap klaar: {services.workspace.root}", file=io.stdout)
    return 0


def cmd_demo(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.adapters.leftovers import demo_unfinished, mark_demo_finished, mark_demo_unfinished
    from nunrec_desktop.demo.workspace import populate_demo

    root = Path(getattr(args, "workspace", None) or default_demo_dir())
    if demo_unfinished(root):
        _discard_unfinished_demo(root, io)
    if (root / SETTINGS_FILE).exists():
        if args.open:
            return run_gui(root, io)
        raise InvalidInput(f"In {root} staat al een werkmap; kies een lege map.")
    if root.exists() and any(root.iterdir()):
        raise InvalidInput(f"De map {root} is niet leeg; kies een lege of nieuwe map.")
    if args.password_stdin:
        password, generated = _read_secret(args, io, ""), False
    else:
        import secrets

        password = "-".join(secrets.choice(DEMO_PASSWORD_WORDS) for _ in range(3)) + f"-{secrets.randbelow(100)}"
        generated = True
    mark_demo_unfinished(root)  # first: a demo killed from here on is never taken for a finished one
    services = _create(root, args.database_url, io)
    try:
        summary = populate_demo(
            store_root=services.workspace.store_path,
            accounts=services.accounts,
            people=services.people,
            audit=services.audit,
            admin=local_admin(),
            password=password,
            general_number=services.workspace.settings.general_number,
            seed=args.seed,
            now=io.clock(),
            guideline=services.guideline(),
            sessions=services.sessions,
            policy=services.policy,
        )
    finally:
        services.close()
    mark_demo_finished(root)  # last
    print(f"Demowerkmap aangemaakt in {root}", file=io.stdout)
    print(f"  accounts: {', '.join(summary.accounts)}", file=io.stdout)
    print(
        f"  medewerkers: {summary.employees}; opnames: {summary.recordings} ({summary.store_bytes / 1e6:.0f} MB); "
        f"beoordelingen uit eerdere cycli: {summary.evaluations}",
        file=io.stdout,
    )
    if generated:
        print(f"  wachtwoord (wordt niet opnieuw getoond): {password}", file=io.stdout)
    if args.open:
        return run_gui(root, io)
    return 0


def _discard_unfinished_demo(root: Path, io: Io) -> None:
    """Remove what an interrupted `nunrec demo` left in `root` (it was empty when that demo began)."""
    import shutil

    from nunrec_desktop.domain import WorkspaceError
    from nunrec_desktop.settings import load_workspace

    try:
        external = bool(load_workspace(root).settings.database_url) if (root / SETTINGS_FILE).exists() else False
    except WorkspaceError:
        external = False
    if external:
        raise InvalidInput(
            f"De demo in {root} is onderbroken en gebruikte een database buiten de werkmap; maak die database "
            "leeg, verwijder de map en maak de demo opnieuw."
        )
    if root.is_symlink():
        raise InvalidInput(f"{root} is een snelkoppeling; kies een gewone map voor de demo.")
    print(f"De demo in {root} was niet afgemaakt; hij wordt opnieuw aangemaakt.", file=io.stderr)
    shutil.rmtree(root)


def cmd_users(args: argparse.Namespace, io: Io) -> int:
    services = _open(args, io)
    admin = local_admin()
    try:
        action = args.users_command
        if action == "add":
            password = _read_secret(args, io, f"Wachtwoord voor {args.username}: ")
            user = services.accounts.add(admin, args.username, args.role, args.name, password)
            print(f"Account '{user.username}' ({user.role}) aangemaakt.", file=io.stdout)
        elif action == "list":
            rows = services.accounts.list(admin)
            now = io.clock()
            if args.json:
                for s in rows:
                    print(
                        json.dumps(
                            {
                                "username": s.username,
                                "role": s.role,
                                "name": s.display_name,
                                "disabled": s.disabled,
                                "locked_until": s.locked_until.isoformat()
                                if s.locked_until and s.locked_until > now
                                else None,
                                "valid": s.valid,
                            },
                            ensure_ascii=False,
                        ),
                        file=io.stdout,
                    )
            else:
                print(f"{'gebruiker':<16} {'rol':<6} {'status':<28} naam", file=io.stdout)
                for s in rows:
                    status = "uitgeschakeld" if s.disabled else "actief"
                    if s.locked_until and s.locked_until > now:
                        status = f"vergrendeld tot {s.locked_until.astimezone().strftime('%H:%M')}"
                    if not s.valid:
                        status = "ONGELDIG: onbekende rol"
                    print(f"{s.username:<16} {s.role:<6} {status:<28} {s.display_name}", file=io.stdout)
        elif action in ("disable", "enable"):
            services.accounts.set_disabled(admin, args.username, action == "disable")
            word = "uitgeschakeld" if action == "disable" else "ingeschakeld"
            print(f"Account '{args.username}' is {word}.", file=io.stdout)
        elif action == "passwd":
            password = _read_secret(args, io, f"Nieuw wachtwoord voor {args.username}: ")
            services.accounts.set_password(admin, args.username, password)
            print(f"Wachtwoord van '{args.username}' is ingesteld.", file=io.stdout)
    finally:
        services.close()
    return 0


def cmd_employees(args: argparse.Namespace, io: Io) -> int:
    services = _open(args, io)
    admin = local_admin()
    try:
        action = args.employees_command
        if action == "add":
            employee = services.staff.add_employee(admin, args.employee_id, args.name)
            print(f"Medewerker {employee.id} toegevoegd.", file=io.stdout)
        elif action == "assign":
            services.staff.assign(admin, args.employee_id, args.coach, args.start, args.end)
            print(f"Medewerker {args.employee_id} gekoppeld aan {args.coach}.", file=io.stdout)
        else:
            for e in services.staff.employees(admin):
                if args.json:
                    print(json.dumps({"id": e.id, "name": e.name}, ensure_ascii=False), file=io.stdout)
                else:
                    print(f"{e.id:<10} {e.name}", file=io.stdout)
    finally:
        services.close()
    return 0


def cmd_store(args: argparse.Namespace, io: Io) -> int:
    services = _open(args, io)
    try:
        credentials = services.credential_administration()  # the service decides who may (IT), audited
        if args.store_command == "set-credentials":
            credentials.require_allowed(local_admin(), "ask-token")
            token = _read_secret(args, io, "Token voor het TSV-portaal: ", confirm=False)
            credentials.set_token(local_admin(), token)
            print("Het token staat in de sleutelhanger van het systeem.", file=io.stdout)
        else:
            credentials.clear(local_admin())
            print("Het token is uit de sleutelhanger verwijderd.", file=io.stdout)
    finally:
        services.close()
    return 0


@contextmanager
def _signed_in(args: argparse.Namespace, io: Io) -> Iterator[Desk]:
    """Open the workspace and sign in with --user and the password (commands a coach or IT runs as themselves):
    the signed-in user's desk."""
    services = _open(args, io)
    try:
        yield services.desk_for(services.auth.sign_in(args.user, _read_secret(args, io, "Wachtwoord: ", confirm=False)))
    finally:
        services.close()


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def cmd_recordings(args: argparse.Namespace, io: Io) -> int:
    with _signed_in(args, io) as desk:
        listing = desk.recordings(args.employee)
    for item in listing.items:
        if args.json:
            record = {
                "id": item.id,
                "start": item.start.isoformat().replace("+00:00", "Z"),
                "duration_s": item.duration_s,
                "employee_id": item.employee_ids[0],
                "employee_ids": list(item.employee_ids),
                "employee": item.employee_names,
                "expires_in_days": item.expires_in_days,
                "evaluated": item.evaluated,
                "transferred": item.transferred,
            }
            print(json.dumps(record, ensure_ascii=False, allow_nan=False), file=io.stdout)
    if not args.json:
        print(
            f"{'datum en tijd':<17} {'duur':>6}  {'medewerker':<28} {'verdwijnt over':<15} beoordeeld", file=io.stdout
        )
        for item in listing.items:
            days = "vandaag" if item.expires_in_days == 0 else f"{item.expires_in_days} dagen"
            print(
                f"{item.start.astimezone().strftime('%d-%m-%Y %H:%M'):<17} {_duration(item.duration_s):>6}  "
                f"{item.employee_names[:28]:<28} {days:<15} {'ja' if item.evaluated else 'nee'}",
                file=io.stdout,
            )
        print(f"{len(listing.items)} opnames", file=io.stdout)
    if listing.skipped:
        print(
            f"Let op: {len(listing.skipped)} onderdelen in de opnameopslag zijn overgeslagen omdat ze onvolledig "
            "of onleesbaar zijn (details in logs/nunrec.log van de werkmap).",
            file=io.stderr,
        )
    return 0


def _read_audio_file(args: argparse.Namespace) -> DecodedAudio:
    """A file named on the command line, read as the player reads it: a regular file within the caps."""
    from nunrec_desktop.adapters.audio.decode import AudioLimits, load

    limits = AudioLimits()
    root = _workspace(args)
    if (root / SETTINGS_FILE).is_file():  # the workspace's caps, when there is one
        settings = load_workspace(root).settings
        limits = AudioLimits.from_settings(settings.audio_max_file_mb, settings.audio_max_duration_minutes)
    try:
        return load(args.file, args.file.name, limits, summarise=False).audio
    except OSError as error:
        raise InvalidInput(f"Het bestand {args.file} is niet leesbaar: {error.strerror or error}.") from error


def cmd_check_audio(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.adapters.audio.decode import is_complete

    audio = _read_audio_file(args)
    report = {
        "format": audio.format,
        "subtype": audio.subtype,
        "sample_rate": audio.sample_rate,
        "channels": audio.channels,
        "duration_s": round(audio.duration_s, 3),
        "complete": is_complete(audio.duration_s, args.expected_duration) and not audio.truncated,
        "claimed_duration_s": None if audio.claimed_duration_s is None else round(audio.claimed_duration_s, 3),
    }
    print(json.dumps(report), file=io.stdout)
    return 0


def _channel_map(text: str) -> tuple[str, ...]:
    lanes = tuple(part.strip() for part in text.split(","))
    if sorted(lanes) != ["caller", "employee"]:
        raise argparse.ArgumentTypeError("geef employee,caller of caller,employee")
    return lanes


def cmd_call_metrics(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.call_metrics import channels_of, measure

    audio = _read_audio_file(args)
    lanes = channels_of(audio.samples, audio.channels)
    channel_map = (args.channel_map.index("employee"), args.channel_map.index("caller"))
    metrics = measure(lanes, audio.sample_rate, channel_map if len(lanes) > 1 else None)
    print(json.dumps(metrics.to_json(), allow_nan=False), file=io.stdout)
    return 0


def cmd_pii_scan(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.privacy import CallerDataGuard, split_setting
    from nunrec_desktop.settings import Settings, load_workspace

    try:  # the workspace's own numbers and domains, else the defaults
        settings = load_workspace(_workspace(args)).settings
    except NunrecError:
        settings = Settings()
    own = split_setting(settings.privacy_own_numbers), split_setting(settings.privacy_own_domains)
    findings = CallerDataGuard(io.clock().date(), *own).scan(io.stdin.read())
    for finding in findings:
        record = {"kind": finding.kind, "start": finding.start, "end": finding.end, "text": finding.text}
        print(json.dumps(record, ensure_ascii=False), file=io.stdout)
    return 1 if findings else 0


def cmd_export(args: argparse.Namespace, io: Io) -> int:
    kind = "feedback" if args.command == "export-feedback" else "dialog"
    with _signed_in(args, io) as desk:
        written = desk.export_document(kind, args.employee, args.out, args.first, args.last)
    print(f"Geschreven: {written}", file=io.stdout)
    return 0


def cmd_sample(args: argparse.Namespace, io: Io) -> int:
    with _signed_in(args, io) as desk:
        draw = desk.draw(args.employee, args.count, args.seed, args.min_duration)
    for recording in draw.picks:
        print(
            json.dumps(
                {
                    "id": recording.id,
                    "start": recording.start.isoformat().replace("+00:00", "Z"),
                    "duration_s": recording.duration_s,
                    "seed": draw.seed,
                    "draw": draw.id,
                }
            ),
            file=io.stdout,
        )
    if len(draw.picks) < args.count:
        print(f"Let op: er waren maar {len(draw.picks)} geschikte gesprekken.", file=io.stderr)
    return 0


def cmd_subject_access(args: argparse.Namespace, io: Io) -> int:
    with _signed_in(args, io) as desk:
        written = desk.export_subject_access(args.employee, args.out)
    print(f"Geschreven: {written}", file=io.stdout)
    return 0


def cmd_erase(args: argparse.Namespace, io: Io) -> int:
    try:
        around = datetime.strptime(args.around, "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise InvalidInput('Geef het tijdstip als "JJJJ-MM-DD UU:MM", bijvoorbeeld "2026-11-24 10:50".') from None
    except (OverflowError, OSError):
        raise InvalidInput(f"Het tijdstip {args.around} ligt buiten het bereik van de klok.") from None
    try:
        _ = around - timedelta(minutes=args.window_minutes), around + timedelta(minutes=args.window_minutes)
    except OverflowError:
        raise InvalidInput(f"Het tijdstip {args.around} ligt buiten het bereik van de klok.") from None
    if args.yes and not args.reference.strip():
        raise InvalidInput("Geef met --reference het kenmerk van het verzoek; dat komt in het auditlog.")
    with _signed_in(args, io) as desk:
        search = desk.search_for_erasure(args.caller, around, args.window_minutes)
        candidates = search.candidates
        if search.skipped:
            print(
                f"Let op: {search.skipped} onderdelen in de opnameopslag rond dit tijdstip zijn ongeldig of dubbel en "
                "zijn overgeslagen; de opname van de beller kan daarbij zitten. Laat IT ze nakijken (details in "
                "logs/nunrec.log van de werkmap).",
                file=io.stderr,
            )
        for candidate in candidates:
            print(
                f"{candidate.recording_id}  {candidate.start.astimezone().strftime('%d-%m-%Y %H:%M')}  "
                f"{_duration(candidate.duration_s):>6}  {candidate.employee_names}",
                file=io.stdout,
            )
        if not candidates and args.yes and search.skipped:
            raise InvalidInput(
                "Er is geen geldige opname gevonden en er is niets verwijderd; kijk eerst de ongeldige onderdelen na."
            )
        if not candidates:
            print("Geen opname gevonden bij dit nummer rond dit tijdstip.", file=io.stdout)
            return 1 if args.yes else 0
        if not args.yes:
            return 0
        if len(candidates) != 1:
            raise InvalidInput(f"Er zijn {len(candidates)} opnames gevonden; maak het zoekvenster kleiner.")
        desk.erase(candidates[0], args.reference)  # refused when the recording changed since it was listed
    print(f"Opname {candidates[0].recording_id} is verwijderd en wordt nooit meer getoond.", file=io.stdout)
    return 0


def cmd_retention(args: argparse.Namespace, io: Io) -> int:
    services = _open(args, io)
    try:
        report = services.retention.sweep(local_admin())
    finally:
        services.close()
    print(
        f"Verwijderd: {report.evaluations_removed} beoordelingen, {report.drafts_removed} oude concepten, "
        f"{report.snapshots_removed} ongebruikte leidraadversies.",
        file=io.stdout,
    )
    return 0


def cmd_audit(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.audit_anchor import (
        append_anchor,
        current_anchor,
        read_anchors,
        verify_with_anchors,
        workspace_label,
    )

    services = _open(args, io)
    label = workspace_label(services.workspace.root)
    try:
        if args.audit_command == "anchor":
            report = services.audit.verify()
            if report.intact:
                anchor = current_anchor(services.audit, label, io.clock)
                append_anchor(args.out, anchor)
        else:
            anchors = read_anchors(args.anchors, label) if args.anchors is not None else None
            report = verify_with_anchors(services.audit, anchors, str(args.anchors or ""))
    finally:
        services.close()
    if report.intact and args.audit_command == "anchor":
        print(f"Anker toegevoegd aan {args.out}: regel {anchor.seq}, hash {anchor.hash}", file=io.stdout)
        return 0
    if report.intact:
        checked = f" en {len(anchors)} ankers kloppen" if anchors else ""
        print(f"Auditlog intact: {report.checked} regels{checked}; laatste hash {report.head_hash}", file=io.stdout)
        return 0
    if report.by_anchor:
        sentence = f"Auditlog NIET intact: {report.reason}."
    else:
        sentence = (
            f"Auditlog NIET intact vanaf regel {report.first_bad_seq}: {report.reason}. "
            f"({report.checked} regels daarvoor zijn in orde.)"
        )
    if args.audit_command == "anchor":
        sentence += " Er is geen anker geschreven."
    print(sentence, file=io.stdout)
    return 1


def run_gui(root: Path, io: Io) -> int:
    from nunrec_desktop.app import run_gui as run_application

    return run_application(root, keyring_factory=io.keyring_factory, clock=io.clock)


COMMANDS: dict[str, Callable[[argparse.Namespace, Io], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "users": cmd_users,
    "employees": cmd_employees,
    "store": cmd_store,
    "audit": cmd_audit,
    "recordings": cmd_recordings,
    "check-audio": cmd_check_audio,
    "call-metrics": cmd_call_metrics,
    "pii-scan": cmd_pii_scan,
    "export-feedback": cmd_export,
    "export-dialog": cmd_export,
    "retention": cmd_retention,
    "erase": cmd_erase,
    "subject-access": cmd_subject_access,
    "sample": cmd_sample,
}


def _last_resort(args: argparse.Namespace, error: BaseException) -> str:
    """Log an unexpected error's traceback to the workspace log (when there is one) and say where it went."""
    import logging

    logger = logging.getLogger("nunrec_desktop")
    if not any(getattr(h, "nunrec_workspace_log", False) for h in logger.handlers):
        root = Path(
            getattr(args, "workspace", None) or (default_demo_dir() if args.command == "demo" else _workspace(args))
        )
        try:
            if (root / SETTINGS_FILE).is_file():
                configure_logging(Workspace(root, Settings()))
        except OSError:
            pass
    handlers = [h for h in logger.handlers if getattr(h, "nunrec_workspace_log", False)]
    logging.raiseExceptions = False  # a full disk must not turn the log write itself into a traceback
    logger.error("nunrec %s failed unexpectedly", args.command or "(gui)", exc_info=error)
    if handlers and isinstance(handlers[0], logging.FileHandler):
        return f" De details staan in {handlers[0].baseFilename}."
    return ""


def _os_error_sentence(error: OSError) -> str:
    import errno

    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return f"De schijf is vol{where}; maak ruimte vrij en probeer het opnieuw."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Geen toestemming om te schrijven of te lezen{where}."
    return f"Een bestand of map kon niet worden gebruikt{where}: {error.strerror or error}."


def main(argv: Sequence[str] | None = None, io: Io | None = None) -> int:
    io = io or Io()
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            return run_gui(_workspace(args), io)
        return COMMANDS[args.command](args, io)
    except NunrecError as error:
        print(f"nunrec: {error}", file=io.stderr)
        return 1
    except KeyboardInterrupt:
        print("nunrec: afgebroken.", file=io.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nunrec recordings ... | head`: the reader has what it wanted
        if io.stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except OSError as error:  # a full disk, a folder without permission, a vanished share
        print(f"nunrec: {_os_error_sentence(error)}{_last_resort(args, error)}", file=io.stderr)
        return 1
    except Exception as error:  # the last resort: never a traceback on the screen, always one in the log
        from sqlalchemy.exc import OperationalError

        if isinstance(error, OperationalError) and "full" in str(error.orig):
            sentence = "De schijf met de database is vol; maak ruimte vrij en probeer het opnieuw."
        else:
            sentence = f"Er ging iets onverwachts mis ({type(error).__name__}); de opdracht is afgebroken."
        print(f"nunrec: {sentence}{_last_resort(args, error)}", file=io.stderr)
        return 1
