"""Dutch words for what the audit log stores as keys: actions ("recordings.play"), results, roles and kinds of
object. The log itself keeps the keys (they are part of the hash chain and of `nunrec audit` output); the
audit view shows these words, with the key only for an action this list does not know yet."""

from __future__ import annotations

from nunrec_desktop.domain import Action, AuditResult, Role

ACTIONS: dict[str, str] = {
    Action.LIST_RECORDINGS: "opnames bekeken",
    Action.PLAY_RECORDING: "opname beluisterd",
    Action.RETRIEVE_FOR_COACH: "opname opgehaald voor de coach",
    Action.EVALUATE: "beoordeling bewerkt",
    Action.READ_EVALUATIONS: "beoordelingen ingezien",
    Action.EXPORT_FEEDBACK: "terugkoppeling gemaakt",
    Action.ADMINISTER_USERS: "gebruikers beheerd",
    Action.ADMINISTER_EMPLOYEES: "medewerkers beheerd",
    Action.STORE_SETTINGS: "opnameopslag ingesteld",
    Action.ERASE_RECORDING: "verwijderen van een opname",
    Action.READ_AUDIT: "auditlog ingezien",
    Action.RUN_RETENTION: "bewaartermijn gehandhaafd",
    Action.SUBJECT_ACCESS: "inzageverzoek",
    Action.LISTEN_FOR_CALIBRATION: "opname beluisterd voor kalibratie",
    Action.SELF_EVALUATE: "eigen beoordeling van de medewerker vastgelegd",
    "auth.sign_in": "aangemeld",
    "auth.sign_out": "afgemeld",
    "auth.unlock": "ontgrendeld",
    "auth.idle_lock": "vergrendeld na inactiviteit",
    "auth.account_locked": "account geblokkeerd",
    "auth.break_glass": "noodaanmelding IT (directory onbereikbaar)",
    "auth.directory_unreachable": "directory onbereikbaar",
    "directory.check": "directory-instellingen getest",
    "draws.created": "gesprekken getrokken",
    "draws.replaced": "getrokken gesprek vervangen",
    "employees.added": "medewerker toegevoegd",
    "employees.assigned": "medewerker aan coach gekoppeld",
    "employees.renamed": "naam van medewerker gewijzigd",
    "employees.activated": "medewerker weer actief",
    "employees.deactivated": "medewerker inactief gemaakt",
    "employees.deleted": "medewerker verwijderd",
    "employees.assignment_ended": "koppeling met coach beëindigd",
    "users.added": "account toegevoegd",
    "users.disabled": "account uitgeschakeld",
    "users.enabled": "account ingeschakeld",
    "users.unlocked": "blokkade opgeheven",
    "users.password_set": "wachtwoord opnieuw ingesteld",
    "store.configured": "opnameopslag gewijzigd",
    "store.token_set": "token van het portaal ingesteld",
    "store.token_cleared": "token van het portaal verwijderd",
    "store.tested": "verbinding met de opslag getest",
    "access_review.exported": "toegangsreview gemaakt",
    "access_review.signed": "toegangsreview afgetekend",
    "audit.anchored": "anker van het auditlog geschreven",
    "erasure.search": "gezocht voor een verwijderverzoek",
    "exports.feedback": "terugkoppeling gemaakt",
    "exports.dialog": "dialoogvoorbereiding gemaakt",
    "recordings.erased": "opname verwijderd",
    "recordings.filtered": "opnames gefilterd",
    "subject_access.exported": "inzageverzoek uitgevoerd",
    "workspace.demo_created": "demowerkmap gemaakt",
}

RESULTS: dict[str, str] = {
    AuditResult.ALLOWED: "toegestaan",
    AuditResult.DENIED: "geweigerd",
    AuditResult.ERROR: "fout",
}

ROLES: dict[str, str] = {Role.COACH: "coach", Role.IT: "IT"}

OBJECTS: dict[str, str] = {
    "recording": "opname",
    "recordings": "opnames",
    "draw": "trekking",
    "employee": "medewerker",
    "user": "gebruiker",
    "evaluation": "beoordeling",
    "evaluations": "beoordelingen",
    "audit": "auditlog",
    "store": "opnameopslag",
    "session": "sessie",
    "workspace": "werkmap",
    "access_review": "toegangsreview",
}


def action_words(action: str) -> str:
    """ "recordings.play" -> "opname beluisterd"; an unknown key is shown as it is, never hidden."""
    return ACTIONS.get(action, action)


def result_words(result: str) -> str:
    return RESULTS.get(result, result)


def role_words(role: str) -> str:
    return ROLES.get(role, role)


def object_words(kind: str) -> str:
    return OBJECTS.get(kind, kind)


def action_key(typed: str) -> str:
    """What the IT colleague typed in the action filter, as the key the log stores: Dutch words or the key."""
    wanted = typed.strip().lower()
    for key, words in ACTIONS.items():
        if wanted and wanted == words.lower():
            return str(key)
    return typed.strip()
