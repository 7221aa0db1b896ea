"""Benchmark: the access policy deciding the rows of one recordings listing (issue 21 moved this out of the
tests, which now count statements and audit entries instead of timing). 100,000 rows through one
`BatchDecision`, against an anchor measured in the same run: the same loop building the same `Target`s and
looking each employee up in a set (measured: 6.4x with both cores busy; target <= 15x).
Run: .venv/bin/python benchmarks/policy_batch.py [--quick] (--quick: 2,000 rows, one round; CI runs it
so the benchmark cannot rot)."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from nunrec_desktop.app import build_services
from nunrec_desktop.domain import Action, Role, User
from nunrec_desktop.services.access import Target
from nunrec_desktop.settings import Settings, create_workspace

TARGET_RATIO = 15.0


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 rows, one round (CI)")
    quick = parser.parse_args().quick
    rows, repeat = (2_000, 1) if quick else (100_000, 5)
    now = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="nunrec-bench-") as folder:
        workspace = create_workspace(Path(folder) / "ws", Settings())
        services = build_services(workspace, clock=lambda: now, keyring_factory=lambda: None)
        try:
            admin = User(id=0, username="os:bench", role=Role.IT, display_name="Beheer (bench)")
            coach = services.accounts.add(admin, "coach", Role.COACH, "Marieke Kok", "bench-wachtwoord-1")
            services.people.add_employee("E1", "Anouk de Vries")
            services.people.assign(coach.id, "E1", date(2026, 1, 1))
            mine = {"E1"}

            def anchor() -> int:
                return sum(
                    Target("recording", f"r{i}", ("E1" if i % 2 else "E2",), now).employee_ids[0] in mine
                    for i in range(rows)
                )

            def policy() -> int:
                batch = services.policy.require_batch(coach, Action.LIST_RECORDINGS, Target("recordings", "*"))
                return sum(
                    batch.permits(Target("recording", f"r{i}", ("E1" if i % 2 else "E2",), now)) for i in range(rows)
                )

            assert anchor() == policy() == rows // 2
            anchor_s = best(anchor, repeat)
            policy_s = best(policy, repeat)
        finally:
            services.close()
    ratio = policy_s / anchor_s
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
    print(f"{'what':<44}{'ms':>9}{'x anchor':>10}")
    print(f"{f'anchor: {rows:,} Targets and a set look-up':<44}{anchor_s * 1000:>9.1f}{1:>10.1f}")
    print(
        f"{f'policy: {rows:,} rows of one batch decision':<44}{policy_s * 1000:>9.1f}{ratio:>10.1f}"
        f"  (target <= {TARGET_RATIO:.0f}x: {verdict})"
    )
    if quick:
        print("(--quick: one small round; the target is judged by a full run)")


if __name__ == "__main__":
    main()
