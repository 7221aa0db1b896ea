"""Every setting of nunrec desktop, declared once: its type, default, TOML location and meaning.

A workspace is a folder with `nunrec.toml`, the SQLite database and (by default) the folder recording
store. Settings come from that file; anything missing takes the default declared here. The default
workspace lives in the platform's user data folder; every command accepts `--workspace DIR`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nunrec_desktop.domain import WorkspaceError

SETTINGS_FILE = "nunrec.toml"
DATABASE_FILE = "nunrec.sqlite3"
APP_NAME = "nunrec-desktop"
APP_AUTHOR = "Gemeente Nunspeet"


def _setting(section: str, key: str, default: Any, help_text: str) -> Any:
    return field(default=default, metadata={"section": section, "key": key, "help": help_text})


@dataclass(frozen=True)
class Settings:
    """Typed settings of one workspace. Field metadata names the TOML section and explains the setting."""

    store_kind: str = _setting("store", "kind", "folder", "Soort opnameopslag: 'folder' (map) of 'http' (TSV-portaal).")
    store_location: str = _setting(
        "store", "location", "recordings", "Map (relatief aan de werkmap) of basis-URL van het TSV-portaal."
    )
    store_deadline_seconds: int = _setting(
        "store",
        "deadline_seconds",
        60,
        "TSV-portaal: zoveel seconden mag één handeling duren, herhaalpogingen en wachttijden inbegrepen.",
    )
    store_max_download_mib: int = _setting(
        "store", "max_download_mib", 512, "TSV-portaal: een opname groter dan zoveel MiB wordt niet gedownload."
    )
    database_url: str = _setting(
        "database", "url", "", "SQLAlchemy-URL; leeg betekent het SQLite-bestand in de werkmap."
    )
    general_number: str = _setting(
        "telephony",
        "general_number",
        "+31341259911",
        "Het algemene nummer (E.164) waarvan opnames getoond mogen worden (P1).",
    )
    privacy_own_numbers: str = _setting(
        "privacy",
        "own_numbers",
        "+31341259911",
        "Eigen nummers van de gemeente, gescheiden door komma's, in elke schrijfwijze; geen gegevens van bellers.",
    )
    privacy_own_domains: str = _setting(
        "privacy",
        "own_domains",
        "nunspeet.nl",
        "Eigen e-maildomeinen van de gemeente, gescheiden door komma's; geen gegevens van bellers.",
    )
    recording_retention_days: int = _setting(
        "retention",
        "recording_days",
        30,
        "Opnames ouder dan dit aantal dagen worden nooit getoond of afgespeeld (P10).",
    )
    evaluation_retention_months: int = _setting(
        "retention", "evaluation_months", 12, "Ingediende beoordelingen worden zoveel maanden na indienen verwijderd."
    )
    cycle_due_after_days: int = _setting(
        "cycles", "due_after_days", 28, "Een nieuwe coachingscyclus is aan de beurt zoveel dagen na de vorige (week 4)."
    )
    cycle_overdue_after_days: int = _setting(
        "cycles", "overdue_after_days", 42, "Na zoveel dagen is de cyclus te laat (week 6)."
    )
    cycle_target_calls: int = _setting("cycles", "target_calls", 4, "Aantal te beoordelen gesprekken per cyclus.")
    idle_lock_minutes: int = _setting(
        "session", "idle_lock_minutes", 10, "Na zoveel minuten zonder invoer vergrendelt het hoofdvenster."
    )
    workstation: str = _setting(
        "session", "workstation", "", "Naam van de werkplek in het auditlog; leeg betekent de computernaam."
    )
    audio_max_file_mb: int = _setting(
        "audio", "max_file_mb", 512, "Grootste geluidsbestand (in MB) dat de speler en 'nunrec check-audio' lezen."
    )
    audio_max_duration_minutes: int = _setting(
        "audio",
        "max_duration_minutes",
        240,
        "Langste opname (in minuten, volgens de koptekst, vóór het decoderen) die de speler opent.",
    )

    auth_kind: str = _setting(
        "auth",
        "kind",
        "local",
        "Aanmelden: 'local' (eigen accounts van nunrec) of 'directory' (de directory van de gemeente).",
    )
    auth_server_uri: str = _setting(
        "auth", "server_uri", "", "Directory: adres van de server, altijd 'ldaps://naam[:poort]' (gewone LDAP niet)."
    )
    auth_ca_file: str = _setting(
        "auth", "ca_file", "", "Directory: CA-certificaat (PEM) dat het servercertificaat controleert; leeg = systeem."
    )
    auth_base_dn: str = _setting(
        "auth", "base_dn", "", "Directory: hieronder staan de personen, bv. 'DC=gemeente,DC=local'."
    )
    auth_bind_name: str = _setting(
        "auth",
        "bind_name",
        "",
        "Directory: aanmeldnaam bij een wachtwoord, met {user}, bv. '{user}@gemeente.local' (AD).",
    )
    auth_user_attribute: str = _setting(
        "auth", "user_attribute", "sAMAccountName", "Directory: attribuut met de gebruikersnaam ('uid' bij OpenLDAP)."
    )
    auth_user_filter: str = _setting(
        "auth", "user_filter", "(objectClass=user)", "Directory: extra LDAP-filter voor personen; leeg = geen."
    )
    auth_coach_group_dn: str = _setting("auth", "coach_group_dn", "", "Directory: DN van de groep van de coaches.")
    auth_it_group_dn: str = _setting("auth", "it_group_dn", "", "Directory: DN van de groep van IT.")
    auth_id_attribute: str = _setting(
        "auth", "id_attribute", "objectGUID", "Directory: vast kenmerk van een persoon ('entryUUID' bij OpenLDAP)."
    )
    auth_name_attribute: str = _setting(
        "auth", "name_attribute", "displayName", "Directory: attribuut met de getoonde naam."
    )
    auth_timeout_seconds: int = _setting(
        "auth", "timeout_seconds", 10, "Directory: zoveel seconden mag één vraag aan de directory duren."
    )
    auth_nested_depth: int = _setting(
        "auth",
        "nested_depth",
        5,
        "Directory: zoveel stappen groep-in-groep volgt nunrec naar de coach- of IT-groep (0 = alleen direct lid).",
    )

    def origin(self) -> str:
        import socket  # on use: this module is loaded before the sign-in window is painted

        return self.workstation or socket.gethostname()


def _fields() -> list[dataclasses.Field[Any]]:
    return list(dataclasses.fields(Settings))


def _toml_key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata["key"])


def settings_from_mapping(data: dict[str, Any], source: str = SETTINGS_FILE) -> Settings:
    """Build settings from parsed TOML; unknown keys are refused so that typos do not go unnoticed."""
    values: dict[str, Any] = {}
    known: dict[str, set[str]] = {}
    for f in _fields():
        section = str(f.metadata["section"])
        key = _toml_key(f)
        known.setdefault(section, set()).add(key)
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise WorkspaceError(f"{source}: [{section}] moet een tabel zijn.")
        if key in table:
            value = table[key]
            expected = type(f.default)
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise WorkspaceError(
                    f"{source}: '{section}.{key}' moet een {_type_name(expected)} zijn, niet {value!r}."
                )
            values[f.name] = value
    for section, table in data.items():
        if section not in known:
            raise WorkspaceError(f"{source}: onbekende sectie [{section}].")
        for key in table:
            if key not in known[section]:
                raise WorkspaceError(f"{source}: onbekende instelling '{section}.{key}'.")
    settings = Settings(**values)
    for name, (low, high, dutch, why) in BOUNDS.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            raise WorkspaceError(f"{source}: {_setting_name(name)} ({dutch}) moet tussen {low} en {high} liggen{why}.")
    if settings.cycle_overdue_after_days <= settings.cycle_due_after_days:
        raise WorkspaceError(
            f"{source}: {_setting_name('cycle_overdue_after_days')} (een cyclus is te laat na zoveel dagen) moet "
            f"groter zijn dan {_setting_name('cycle_due_after_days')} ({settings.cycle_due_after_days})."
        )
    if settings.store_kind not in ("folder", "http"):
        raise WorkspaceError(f"{source}: 'store.kind' moet 'folder' of 'http' zijn.")
    problem = own_domains_problem(settings.privacy_own_domains) or own_numbers_problem(settings.privacy_own_numbers)
    if problem:
        raise WorkspaceError(f"{source}: {problem}")
    if not _whole_number(settings.general_number):
        raise WorkspaceError(
            f"{source}: 'telephony.general_number' (het algemene nummer waarvan opnames getoond mogen worden) is "
            "een volledig telefoonnummer, zoals +31341259911; leeg of onvolledig zou andere gesprekken doorlaten (P1)."
        )
    problem = workstation_problem(settings.workstation)
    if problem:
        raise WorkspaceError(f"{source}: {problem}")
    _check_auth(settings, source)
    return settings


# Every number a workspace may set, with its range and its meaning in Dutch (named in a refusal). A value
# outside the range switches a protection off or crashes something (an idle lock of 35,000 minutes never
# locks; 10**9 overflows the timer).
BOUNDS: dict[str, tuple[int, int, str, str]] = {
    "store_deadline_seconds": (1, 3600, "de tijd die één handeling bij het TSV-portaal mag duren", ""),
    "store_max_download_mib": (1, 4096, "de grootste download van één opname", ""),
    "recording_retention_days": (1, 30, "bewaartermijn van opnames in dagen", " (protocol: maximaal 30 dagen)"),
    "evaluation_retention_months": (1, 60, "bewaartermijn van beoordelingen in maanden", ""),
    "cycle_due_after_days": (1, 365, "een nieuwe coachingscyclus is aan de beurt na zoveel dagen", ""),
    "cycle_overdue_after_days": (2, 730, "een cyclus is te laat na zoveel dagen", ""),
    "cycle_target_calls": (1, 50, "aantal te beoordelen gesprekken per cyclus", ""),
    "idle_lock_minutes": (1, 60, "het venster vergrendelt na zoveel minuten zonder invoer", ""),
    "audio_max_file_mb": (1, 4096, "het grootste geluidsbestand in MB", ""),
    "audio_max_duration_minutes": (1, 24 * 60, "de langste opname in minuten", ""),
}

# Public suffixes: a domain that is one of these (or a single label) is no one's own domain, and as
# `privacy.own_domains` it would make every address under it "own". Multi-label suffixes are listed; every
# single label is refused anyway.
PUBLIC_SUFFIXES = frozenset(
    {
        "co.uk", "org.uk", "gov.uk", "ac.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "nhs.uk", "police.uk",
        "com.au", "net.au", "org.au", "gov.au", "co.nz", "co.za", "com.br", "com.tr", "co.jp", "com.cn",
        "gov.nl", "co.nl", "com.nl", "net.nl", "gov.be", "ac.be", "com.de", "gouv.fr", "com.es", "gov.it",
        "gv.at", "co.at", "or.at", "blogspot.com", "github.io", "gitlab.io", "herokuapp.com", "azurewebsites.net",
        "cloudfront.net", "appspot.com", "web.app", "firebaseapp.com", "onmicrosoft.com", "sharepoint.com",
        "outlook.com", "hotmail.com", "gmail.com", "live.com", "live.nl", "hotmail.nl", "ziggo.nl", "kpnmail.nl",
        "xs4all.nl", "planet.nl", "home.nl", "icloud.com", "yahoo.com", "protonmail.com", "proton.me",
    }
)  # fmt: skip
_DOMAIN_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
WORKSTATION_MAX = 64


def _setting_name(field_name: str) -> str:
    f = next(f for f in _fields() if f.name == field_name)
    return f"'{f.metadata['section']}.{f.metadata['key']}'"


def own_domains_problem(value: str) -> str | None:
    """Why `privacy.own_domains` cannot be used (a Dutch sentence), or None. A single label ("nl") or a public
    suffix ("co.uk", and the big mail providers: "gmail.com") would make every caller's address "own"."""
    name = "'privacy.own_domains' (eigen e-maildomeinen van de gemeente)"
    for part in (p.strip() for p in re.split(r"[,;]", value)):
        if not part:
            continue
        domain = part.lower().lstrip("@.").rstrip(".")
        if len(domain) > 253 or not re.fullmatch(_DOMAIN_LABEL + r"(?:\." + _DOMAIN_LABEL + r")+", domain):
            return f"{name}: '{part[:60]}' is geen volledig domein zoals nunspeet.nl (minstens twee delen)."
        if domain in PUBLIC_SUFFIXES or domain.split(".")[-1].isdigit():
            return (
                f"{name}: '{domain}' is een openbaar domein van velen; dan zou elk e-mailadres daaronder als eigen "
                "gelden. Noem alleen domeinen van de gemeente zelf."
            )
    return None


def own_numbers_problem(value: str) -> str | None:
    """Why `privacy.own_numbers` cannot be used, or None: each entry is a whole phone number."""
    for part in (p.strip() for p in re.split(r"[,;]", value)):
        if not part:
            continue
        if not _whole_number(part):
            return (
                "'privacy.own_numbers' (eigen nummers van de gemeente): elk nummer is een volledig telefoonnummer, "
                "zoals 0341 25 99 11 of +31341259911."
            )
    return None


def _whole_number(value: str) -> bool:
    """A whole phone number in any common spelling: 9 to 15 digits, optionally after + or 00."""
    return bool(re.fullmatch(r"(?:\+|00)?\d{9,15}", re.sub(r"[\s().-]", "", value)))


def workstation_problem(value: str) -> str | None:
    """Why `session.workstation` cannot be the workstation's name in the audit log, or None: the id rule
    (1 to 64 letters, digits, '-', '_' or '.', no run of eight or more digits). The composition root
    (`app.py`) also puts it through the whole caller-data guard, which this bottom layer cannot import."""
    if not value:
        return None
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0," + str(WORKSTATION_MAX - 1) + "}", value) or re.search(
        r"\d{8,}", re.sub(r"[._-]", "", value)
    ):
        return WORKSTATION_RULE
    return None


WORKSTATION_RULE = (
    f"'session.workstation' (naam van de werkplek in het auditlog) bestaat uit 1 tot {WORKSTATION_MAX} letters, "
    "cijfers, punten, streepjes of lage streepjes, en is nooit een nummer of ander gegeven van een beller."
)


_ATTRIBUTE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,63}$")
_MAX_AUTH_TEXT = 1024


def _check_auth(settings: Settings, source: str) -> None:
    """The `auth.*` settings: bounded, and complete when the directory is used."""
    if settings.auth_kind not in ("local", "directory"):
        raise WorkspaceError(f"{source}: 'auth.kind' moet 'local' of 'directory' zijn.")
    if not 1 <= settings.auth_timeout_seconds <= 60:
        raise WorkspaceError(f"{source}: 'auth.timeout_seconds' moet tussen 1 en 60 liggen.")
    if not 0 <= settings.auth_nested_depth <= 20:
        raise WorkspaceError(f"{source}: 'auth.nested_depth' moet tussen 0 en 20 liggen.")
    for f in _fields():
        if f.metadata["section"] == "auth" and isinstance(getattr(settings, f.name), str):
            value = getattr(settings, f.name)
            if len(value) > _MAX_AUTH_TEXT or any(ord(c) < 32 for c in value):
                raise WorkspaceError(
                    f"{source}: 'auth.{_toml_key(f)}' is te lang of bevat stuurtekens (maximaal {_MAX_AUTH_TEXT})."
                )
    for key in ("user_attribute", "id_attribute", "name_attribute"):
        if not _ATTRIBUTE.match(getattr(settings, f"auth_{key}")):
            raise WorkspaceError(f"{source}: 'auth.{key}' moet de naam van een LDAP-attribuut zijn.")
    if settings.auth_user_filter and not (
        settings.auth_user_filter.startswith("(") and settings.auth_user_filter.endswith(")")
    ):
        raise WorkspaceError(f"{source}: 'auth.user_filter' moet een LDAP-filter tussen haakjes zijn, of leeg.")
    if settings.auth_kind != "directory":
        return
    if not settings.auth_server_uri.lower().startswith("ldaps://"):
        raise WorkspaceError(
            f"{source}: 'auth.server_uri' moet met 'ldaps://' beginnen: gewone LDAP stuurt wachtwoorden "
            "onversleuteld over het netwerk en wordt geweigerd."
        )
    for key in ("base_dn", "coach_group_dn", "it_group_dn"):
        if not getattr(settings, f"auth_{key}").strip():
            raise WorkspaceError(f"{source}: 'auth.{key}' is nodig als 'auth.kind' 'directory' is.")
    if settings.auth_coach_group_dn.strip().lower() == settings.auth_it_group_dn.strip().lower():
        raise WorkspaceError(f"{source}: 'auth.coach_group_dn' en 'auth.it_group_dn' moeten verschillen.")
    if settings.auth_bind_name.count("{user}") != 1:
        raise WorkspaceError(
            f"{source}: 'auth.bind_name' moet precies één keer {{user}} bevatten, bv. '{{user}}@gemeente.local'."
        )


def _type_name(kind: type) -> str:
    return {str: "tekst", int: "geheel getal", bool: "ja/nee-waarde"}.get(kind, kind.__name__)


def render_toml(settings: Settings) -> str:
    """Write settings as a commented TOML document (the inverse of `settings_from_mapping`)."""
    lines = ["# Instellingen van deze nunrec-werkmap. Zie README.md voor uitleg.", ""]
    current = None
    for f in _fields():
        section = str(f.metadata["section"])
        if section != current:
            if current is not None:
                lines.append("")
            lines.append(f"[{section}]")
            current = section
        lines.append(f"# {f.metadata['help']}")
        value = getattr(settings, f.name)
        rendered = str(value) if isinstance(value, int) else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines.append(f"{_toml_key(f)} = {rendered}")
    return "\n".join(lines) + "\n"


def default_workspace_dir() -> Path:
    """The workspace used when no `--workspace` is given: the platform's per-user data folder."""
    import platformdirs  # only where the default folder is needed: ~7 ms of a command's start

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "workspace"


@dataclass(frozen=True)
class Workspace:
    """A workspace folder and its settings. All paths the application writes derive from `root`."""

    root: Path
    settings: Settings

    @property
    def settings_file(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def database_url(self) -> str:
        if self.settings.database_url:
            return self.settings.database_url
        return f"sqlite:///{(self.root / DATABASE_FILE).as_posix()}"

    @property
    def store_path(self) -> Path:
        location = Path(self.settings.store_location)
        return location if location.is_absolute() else self.root / location

    @property
    def keyring_service(self) -> str:
        """Keyring service name for this workspace's store credentials (one per workspace folder)."""
        return f"{APP_NAME}:{self.root.resolve().as_posix()}"


def load_workspace(root: Path) -> Workspace:
    """Open an existing workspace; a clear Dutch error when the folder or its settings file is unusable."""
    settings_file = root / SETTINGS_FILE
    if not settings_file.is_file():
        raise WorkspaceError(
            f"Geen nunrec-werkmap gevonden in {root} (het bestand {SETTINGS_FILE} ontbreekt). "
            "Maak er een met 'nunrec init' of 'nunrec demo'."
        )
    import tomllib  # on use: this module is loaded before the sign-in window is painted

    try:
        data = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise WorkspaceError(f"{settings_file} is niet leesbaar: {error}") from error
    return Workspace(root=root, settings=settings_from_mapping(data, str(settings_file)))


def create_workspace(root: Path, settings: Settings | None = None) -> Workspace:
    """Create the workspace folder and write its settings file (an existing one is kept as it is)."""
    root.mkdir(parents=True, exist_ok=True)
    settings_file = root / SETTINGS_FILE
    if settings_file.exists():
        return load_workspace(root)
    workspace = Workspace(root=root, settings=settings or Settings())
    tmp = settings_file.with_suffix(".toml.tmp")
    tmp.write_text(render_toml(workspace.settings), encoding="utf-8")
    tmp.replace(settings_file)
    return workspace
