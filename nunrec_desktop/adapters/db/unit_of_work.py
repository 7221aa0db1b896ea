"""The one way services reach the database: a unit of work over one transaction, with a repository per
aggregate on it (`uow.people`, `uow.accounts`, ...).

    with database.begin() as uow:      # one transaction: committed at the end, rolled back on any error
        uow.accounts.add(...)
    with database.read() as uow:       # reading only: nothing is committed
        uow.people.employees()

Repositories take and return domain objects or small typed records, never ORM rows, so that a service
imports no SQLAlchemy (an import-linter contract in pyproject.toml). A constraint the database enforces
(a unique key two workstations raced for) surfaces as `ConstraintViolated`, raised after the rollback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.db.repositories.accounts import AccountRepository
from nunrec_desktop.adapters.db.repositories.audit import AuditRepository
from nunrec_desktop.adapters.db.repositories.calibrations import CalibrationRepository
from nunrec_desktop.adapters.db.repositories.cycles import CycleRepository
from nunrec_desktop.adapters.db.repositories.draws import DrawRepository
from nunrec_desktop.adapters.db.repositories.evaluations import EvaluationRepository
from nunrec_desktop.adapters.db.repositories.people import PeopleRepository
from nunrec_desktop.adapters.db.repositories.self_evaluations import SelfEvaluationRepository
from nunrec_desktop.adapters.db.repositories.tombstones import TombstoneRepository
from nunrec_desktop.domain import NunrecError


class ConstraintViolated(NunrecError):
    """The database refused a write on one of its constraints (a unique key, a foreign key); nothing of the
    unit of work was written."""


class UnitOfWork:
    """One transaction (or one read) and the repositories that work inside it."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @cached_property
    def people(self) -> PeopleRepository:
        return PeopleRepository(self._session)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self._session)

    @cached_property
    def draws(self) -> DrawRepository:
        return DrawRepository(self._session)

    @cached_property
    def cycles(self) -> CycleRepository:
        return CycleRepository(self._session)

    @cached_property
    def evaluations(self) -> EvaluationRepository:
        return EvaluationRepository(self._session)

    @cached_property
    def calibrations(self) -> CalibrationRepository:
        return CalibrationRepository(self._session)

    @cached_property
    def self_evaluations(self) -> SelfEvaluationRepository:
        return SelfEvaluationRepository(self._session)

    @cached_property
    def audit(self) -> AuditRepository:
        return AuditRepository(self._session)

    @cached_property
    def tombstones(self) -> TombstoneRepository:
        return TombstoneRepository(self._session)


class Database:
    """A workspace's database as the services see it: units of work, nothing else."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory itself, for the adapters' own queries, the demo generator and the tests."""
        return self._sessions

    @contextmanager
    def begin(self) -> Iterator[UnitOfWork]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        try:
            with self._sessions.begin() as session:
                yield UnitOfWork(session)
        except IntegrityError as error:
            raise ConstraintViolated(
                "De database weigerde de wijziging (een dubbele of ontbrekende verwijzing); er is niets opgeslagen."
            ) from error

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        """Reading only: the session is closed at the end without a commit."""
        with self._sessions() as session:
            yield UnitOfWork(session)
