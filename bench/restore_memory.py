"""Restoring the JSON backup of a very big account: time and peak memory.

    .venv/bin/python bench/restore_memory.py                     # 300,000 contacts, SQLite
    .venv/bin/python bench/restore_memory.py --contacts 30000    # quicker
    .venv/bin/python bench/restore_memory.py --src /elsewhere/src   # another checkout's code

Builds the same throwaway SQLite database as bench/export_memory.py under --work-dir
(default bench/out/restore): one user, 1,000 organizations, 20 tags and N contacts; writes
their backup file with ``write_backup``; then, in a fresh Python process, runs
`coffeechat restore FILE --user copy` (``call_command``) into a new empty account and reads
that process's peak resident memory (``ru_maxrss``). Goal (issue 14): 300,000 contacts
(a file of about 200 MB) restored in < 250 MB peak. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 250


def write_file(work_dir: Path) -> Path:
    """The big user's backup, as `coffeechat export` writes it (run after export_memory.build)."""
    from django.contrib.auth import get_user_model

    from coffeechat.backup import write_backup

    target = work_dir / "backup.json"
    user = get_user_model().objects.get(username="big")
    with target.open("w", encoding="utf-8") as out:
        write_backup(user, out.write)
    return target


def measure(work_dir: Path, username: str) -> dict:
    """One restore in this process (called in the child)."""
    from io import StringIO

    sys.path.insert(0, str(ROOT))
    from bench.export_memory import _setup

    _setup(work_dir)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from coffeechat.contacts.models import Contact

    user = get_user_model().objects.create_user(username, password="x")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    out = StringIO()
    call_command("restore", str(work_dir / "backup.json"), "--user", username, stdout=out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "seconds": seconds,
        "peak_bytes": peak,
        "before_bytes": before,
        "contacts": Contact.objects.filter(owner=user).count(),
        "said": out.getvalue().strip(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--work-dir", type=Path, default=ROOT / "bench" / "out" / "restore")
    parser.add_argument(
        "--src", type=Path, action="append", help="code to measure (repeat to compare)"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--measure", metavar="USER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.work_dir, args.measure)))
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    from bench.export_memory import build

    start = time.perf_counter()
    build(args.work_dir, args.contacts)
    path = write_file(args.work_dir)
    built = time.perf_counter() - start
    results = []
    for number, src in enumerate(args.src or [ROOT / "src"], start=1):
        env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--work-dir",
                str(args.work_dir),
                "--measure",
                f"copy{number}",
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if child.returncode:
            print(child.stderr, file=sys.stderr)
            return 2
        results.append({"src": str(src), **json.loads(child.stdout)})
    size = path.stat().st_size
    shutil.rmtree(args.work_dir, ignore_errors=True)
    ok = all(r["peak_bytes"] < GOAL_MB * 1e6 and r["contacts"] == args.contacts for r in results)
    if args.json:
        print(
            json.dumps(
                {
                    "contacts": args.contacts,
                    "file_bytes": size,
                    "load_average": os.getloadavg(),
                    "results": results,
                    "ok": ok,
                },
                indent=2,
            )
        )
    else:
        print(
            f"{args.contacts:,} contacts, file {size / 1e6:.0f} MB (built in {built:.0f} s); "
            f"load average {os.getloadavg()[0]:.2f}; goal: peak < {GOAL_MB} MB"
        )
        for r in results:
            print(
                f"  {r['seconds']:7.1f} s  peak {r['peak_bytes'] / 1e6:6.0f} MB (process "
                f"before: {r['before_bytes'] / 1e6:.0f} MB)  {r['contacts']:,} contacts  "
                f"{r['src']}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
