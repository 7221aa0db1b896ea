"""Password hashing with argon2id at no less than OWASP's minimum (m=19 MiB, t=2, p=1)."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 12
OWASP_MEMORY_KIB = 19 * 1024
OWASP_TIME_COST = 2
TEST_MEMORY_KIB = 8  # argon2's own minimum: for test suites only, never chosen by the application
TEST_TIME_COST = 1


class Passwords:
    """Hashes and checks passwords; tells when a stored hash was made with weaker parameters."""

    def __init__(self, memory_kib: int = OWASP_MEMORY_KIB, time_cost: int = OWASP_TIME_COST) -> None:
        if memory_kib < OWASP_MEMORY_KIB or time_cost < OWASP_TIME_COST:
            raise ValueError("argon2id parameters below the OWASP minimum (m=19 MiB, t=2)")
        self._start(memory_kib, time_cost)

    @classmethod
    def for_tests(cls) -> Passwords:
        """argon2id at its cheapest, for a test suite that does not test hashing (one per session). The
        application never builds this; a test injects it where the application builds its Passwords."""
        passwords = cls.__new__(cls)
        passwords._start(TEST_MEMORY_KIB, TEST_TIME_COST)
        return passwords

    def _start(self, memory_kib: int, time_cost: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1, type=Type.ID)
        self._dummy = self._hasher.hash("timing equaliser for unknown accounts")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)

    def burn_time(self, password: str) -> None:
        """Spend the time of one verification, so an unknown user name is not revealed by timing."""
        self.verify(self._dummy, password)


def password_problem(password: str) -> str | None:
    """A Dutch reason why a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Een wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens lang zijn."
    if password.strip() != password:
        return "Een wachtwoord mag niet met een spatie beginnen of eindigen."
    return None
