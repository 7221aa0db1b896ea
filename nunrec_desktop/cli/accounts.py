"""Account commands for IT: `users` (add, list, disable, enable, passwd), `employees` (add, assign, list)
and `store` (the TSV portal's token in the system keyring)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, local_admin, open_workspace, read_secret

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_users(sub: Subcommands, common: argparse.ArgumentParser) -> None:
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
    unlock = users_sub.add_parser("unlock", parents=[common], help="blokkade na te veel mislukte pogingen opheffen")
    unlock.add_argument("username")
    pw = users_sub.add_parser("passwd", parents=[common], help="nieuw wachtwoord instellen (heft ook een blokkade op)")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true")


def add_employees(sub: Subcommands, common: argparse.ArgumentParser) -> None:
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
    ren = emp_sub.add_parser("rename", parents=[common], help="naam van een medewerker wijzigen")
    ren.add_argument("employee_id")
    ren.add_argument("name")
    for name, text in (("deactivate", "medewerker inactief maken"), ("activate", "medewerker weer actief maken")):
        p = emp_sub.add_parser(name, parents=[common], help=text)
        p.add_argument("employee_id")
    elst = emp_sub.add_parser("list", parents=[common], help="medewerkers tonen")
    elst.add_argument("--json", action="store_true")


def add_store(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    store = sub.add_parser("store", parents=[common], help="de opnameopslag (IT)")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTIE", required=True)
    cred = store_sub.add_parser(
        "set-credentials",
        parents=[common],
        help="token voor het TSV-portaal in de sleutelhanger van het systeem zetten",
    )
    cred.add_argument("--password-stdin", action="store_true")
    store_sub.add_parser("clear-credentials", parents=[common], help="het token uit de sleutelhanger verwijderen")


def cmd_users(args: argparse.Namespace, io: Io) -> int:

    services = open_workspace(args, io)
    admin = local_admin()
    try:
        action = args.users_command
        if action == "add":
            password = read_secret(args, io, f"Wachtwoord voor {args.username}: ")
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
        elif action == "unlock":
            services.accounts.unlock(admin, args.username)
            print(f"De blokkade van '{args.username}' is opgeheven.", file=io.stdout)
        elif action == "passwd":
            password = read_secret(args, io, f"Nieuw wachtwoord voor {args.username}: ")
            services.accounts.set_password(admin, args.username, password)
            print(f"Wachtwoord van '{args.username}' is ingesteld.", file=io.stdout)
    finally:
        services.close()
    return 0


def cmd_employees(args: argparse.Namespace, io: Io) -> int:

    services = open_workspace(args, io)
    admin = local_admin()
    try:
        action = args.employees_command
        if action == "add":
            employee = services.staff.add_employee(admin, args.employee_id, args.name)
            print(f"Medewerker {employee.id} toegevoegd.", file=io.stdout)
        elif action == "assign":
            services.staff.assign(admin, args.employee_id, args.coach, args.start, args.end)
            print(f"Medewerker {args.employee_id} gekoppeld aan {args.coach}.", file=io.stdout)
            if args.start < io.clock().date():
                print(
                    f"Let op: de koppeling geldt met terugwerkende kracht vanaf {args.start:%d-%m-%Y}.", file=io.stdout
                )
        elif action == "rename":
            services.staff.rename_employee(admin, args.employee_id, args.name)
            print(f"De naam van medewerker {args.employee_id} is gewijzigd.", file=io.stdout)
        elif action in ("deactivate", "activate"):
            services.staff.set_employee_active(admin, args.employee_id, action == "activate")
            word = "weer actief" if action == "activate" else "inactief"
            print(f"Medewerker {args.employee_id} is {word}.", file=io.stdout)
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

    services = open_workspace(args, io)
    try:
        credentials = services.credential_administration()  # the service decides who may (IT), audited
        if args.store_command == "set-credentials":
            credentials.require_allowed(local_admin(), "ask-token")
            token = read_secret(args, io, "Token voor het TSV-portaal: ", confirm=False)
            credentials.set_token(local_admin(), token)
            print("Het token staat in de sleutelhanger van het systeem.", file=io.stdout)
        else:
            credentials.clear(local_admin())
            print("Het token is uit de sleutelhanger verwijderd.", file=io.stdout)
    finally:
        services.close()
    return 0
