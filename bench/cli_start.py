"""How long the `coffeechat` console script takes to answer, started afresh each time.

`coffeechat check` (a short message on standard input) and `coffeechat due --json` for the
bench account, each run as a new process against the bench's own database, beside
`python -c pass` from the same interpreter: the floor for any console command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

CLI_GOAL_MS = 400.0
MESSAGE = (
    "Subject: A short conversation about battery research\n\n"
    "Dear Dr. Okafor,\n\nI'm a chemistry student at Wellesley, and your talk on sodium "
    "batteries made me curious about lab work after a degree. Would you have 20 minutes "
    "for a call in the next few weeks?\n\nThank you,\nOlivia\n"
)


def _environment() -> dict[str, str]:
    """The bench's database, as the console script would find it, and Python's usual
    bytecode cache: an installed program's modules are compiled once (pip does it at
    install, an editable install at its first run), so the untimed first run writes them
    even where PYTHONDONTWRITEBYTECODE is set (this machine's sandbox sets it, which
    made every start compile coffeechat's 200 modules again: about 0.1 s)."""
    from django.db import connection

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        env["DATABASE_URL"] = (
            f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
        )
    return env


def _timed_runs(argv, runs, env, stdin=""):
    samples = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        start = time.perf_counter_ns()
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env)
        samples.append(time.perf_counter_ns() - start)
        if done.returncode not in (0, 1):  # `check` says 1 when the message has errors
            raise SystemExit(f"bench: {' '.join(argv)} failed: {done.stderr.strip()}")
    return samples[1:]


def measure_cli_start(owner, result_class, percentile, runs=10):
    """Results for `python -c pass`, `coffeechat check` and `coffeechat due --json`."""
    from django.db import connection

    # The bench's rows are committed before the console script is started.
    connection.close()
    env = _environment()
    script = str(Path(sys.executable).with_name("coffeechat"))
    commands = [
        ("python -c pass (the floor)", [sys.executable, "-c", "pass"], "", None),
        ("coffeechat check (console start)", [script, "check"], MESSAGE, CLI_GOAL_MS),
        (
            "coffeechat due --json (console start)",
            [script, "due", "--json", "--user", owner.get_username()],
            "",
            CLI_GOAL_MS,
        ),
    ]
    results = []
    for name, argv, stdin, goal in commands:
        samples = _timed_runs(argv, runs, env, stdin)
        results.append(
            result_class(
                name=name,
                n=len(samples),
                p50_ms=percentile(samples, 50),
                p95_ms=percentile(samples, 95),
                goal_ms=goal,
                notes=[" ".join(Path(a).name if a == argv[0] else a for a in argv)],
            )
        )
    floor = results[0]
    for result in results[1:]:
        result.ratio = result.p50_ms / floor.p50_ms
        result.baseline = floor.name
    return results
