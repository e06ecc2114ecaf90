"""Ten kill -9s at random moments of imports, tracker imports, exports, backups and upgrades
(benchmarks/torture.py runs a hundred by hand): nothing half done, nothing lost."""

import sys

from benchmarks.torture import OPERATIONS, torture


def test_ten_kills_leave_every_store_whole(tmp_path):
    if sys.platform == "win32":  # SIGKILL is POSIX
        return
    outcome, durations = torture(
        10, seed=13, encrypted=True, folder=tmp_path, scale=0.3, calibration_runs=1
    )
    assert outcome.problems == []
    assert set(durations) == set(OPERATIONS)
    assert sum(outcome.kills.values()) + sum(outcome.finished_first.values()) == 10
    # Kills are aimed within each operation's measured time, and re-aimed when one finishes
    # first, so most rounds really are killed part-way even on a machine whose load changes.
    assert sum(outcome.kills.values()) >= 3
    assert outcome.checks["store checks (integrity, keys, audit chain)"] == 10
