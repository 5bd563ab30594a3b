"""Hostile import files at full size: time and peak memory of the parse, with goals.

    .venv/bin/python bench/hostile_import.py            # every shape, a table, exit 1 on a miss
    .venv/bin/python bench/hostile_import.py --json     # the same as JSON

Each shape is written to a temporary folder and parsed in a fresh Python process
(``parse_file``, what the upload and `coffeechat import` run first), so that the peak
resident memory (``ru_maxrss``) is that parse's alone; "memory" is the peak minus the
process's size just before the parse, with the file's bytes already read. A refused file
counts as a pass only when it is refused with the expected message. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

# The goals: linear in the input with small constants, on this 2-core machine. A file
# that is read keeps one record per person (the plan needs them all), so a record adds
# its own allowance.
MAX_SECONDS_PER_MB = 0.15
MAX_SECONDS_PER_RECORD = 100e-6  # a vCard: about 11 lines through vobject
MAX_MEMORY_PER_INPUT = 8  # peak memory of the parse / the file's size
MAX_MEMORY_PER_RECORD = 1_000  # bytes
MEMORY_FLOOR_MB = 30  # a small file's parse costs this much whatever its size


def _card(*lines: str) -> str:
    return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(lines) + "END:VCARD\r\n"


def _many_cards(count: int) -> str:
    return "".join(
        _card(
            f"N:Lee{i};Ann;;;\r\nFN:Ann Lee{i}\r\nORG:Acme {i % 300};Research\r\n",
            f"EMAIL;TYPE=INTERNET;TYPE=pref:ann{i}@example.com\r\n",
            f"TEL;TYPE=CELL:+1 617 555 {i % 10000:04d}\r\nTITLE:Engineer, Batteries\r\n",
            f"NOTE:Met at the fair\\, {i}\r\nCATEGORIES:alumni,friends\r\n",
        )
        for i in range(count)
    )


def _csv_rows(count: int) -> str:
    rows = ["First Name,Last Name,Email,Company,Notes\n"]
    rows += [f'Ann{i},Lee,ann{i}@example.com,"Acme, Inc",met\n' for i in range(count)]
    return "".join(rows)


# name -> (file name, function making its text, what a pass means)
SHAPES = {
    # issue 15's files, as given there
    "parameters, 2.8 M on one line": (
        "p.vcf",
        lambda: _card("FN:P\r\n", "EMAIL" + ";TYPE=x" * 2_800_000 + ":p@example.com\r\n"),
        "refused: card 1 has a line (EMAIL) of",
    ),
    "folds, 1 M": (
        "f1.vcf",
        lambda: _card("FN:F\r\n", "NOTE:a" + "\r\n x" * 1_000_000 + "\r\n"),
        "refused: card 1 has a line (NOTE) of",
    ),
    "folds, 2 M": (
        "f2.vcf",
        lambda: _card("FN:F\r\n", "NOTE:a" + "\r\n x" * 2_000_000 + "\r\n"),
        "refused: card 1 has a line (NOTE) of",
    ),
    "folds, 4.9 M": (
        "f5.vcf",
        lambda: _card("FN:F\r\n", "NOTE:a" + "\r\n x" * 4_900_000 + "\r\n"),
        "refused: card 1 has a line (NOTE) of",
    ),
    "many short lines in one card": (
        "lines.vcf",
        lambda: _card("FN:M\r\n", "X-A:b\r\n" * 2_800_000),
        "refused: card 1 has more than",
    ),
    "quoted BEGIN:VCARD in a CSV, 200k rows": (
        "n.csv",
        lambda: (
            _csv_rows(100_000)
            + 'Ann,Lee,ann@example.com,Acme,"met\nBEGIN:VCARD\nEND:VCARD"\n'
            + _csv_rows(100_000).split("\n", 1)[1]
        ),
        "read: csv, 200,001 records",
    ),
    # what address books write, at the size limit, for comparison
    "real cards, 60k": ("cards.vcf", lambda: _many_cards(60_000), "read: vcard, 60,000 records"),
}


def _measure_one(path: str) -> dict:
    """Parse one file in this process; called in the child."""
    import resource

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    django.setup()
    from coffeechat.contacts.importing import ImportFileError, parse_file

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    try:
        parsed = parse_file(data, Path(path).name)
        outcome = f"read: {parsed.format}, {len(parsed.records):,} records"
    except ImportFileError as error:
        outcome = f"refused: {error.problem}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    records = len(parsed.records) if outcome.startswith("read") else 0
    return {
        "seconds": seconds,
        "memory_bytes": max(0, peak - before),
        "records": records,
        "outcome": outcome,
    }


def run() -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="coffeechat-hostile-") as folder:
        for name, (filename, make, expected) in SHAPES.items():
            path = Path(folder) / filename
            path.write_bytes(make().encode("utf-8"))
            size = path.stat().st_size
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(path)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            )
            measured = json.loads(child.stdout)
            path.unlink()
            records = measured["records"]
            seconds_goal = max(
                0.5, MAX_SECONDS_PER_MB * size / MB + MAX_SECONDS_PER_RECORD * records
            )
            memory_goal = max(
                MEMORY_FLOOR_MB * MB,
                MAX_MEMORY_PER_INPUT * size + MAX_MEMORY_PER_RECORD * records,
            )
            results.append(
                {
                    "shape": name,
                    "size_bytes": size,
                    **measured,
                    "seconds_goal": seconds_goal,
                    "memory_goal_bytes": memory_goal,
                    "ok": (
                        measured["outcome"].startswith(expected)
                        and measured["seconds"] <= seconds_goal
                        and measured["memory_bytes"] <= memory_goal
                    ),
                    "expected": expected,
                }
            )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--one", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_measure_one(args.one)))
        return 0
    results = run()
    if args.json:
        print(json.dumps({"load_average": os.getloadavg(), "results": results}, indent=2))
    else:
        print(f"load average before/after: {os.getloadavg()[0]:.2f}")
        print(f"{'shape':40} {'size':>8} {'time':>8} {'goal':>7} {'memory':>9} {'goal':>8}  ok")
        for r in results:
            print(
                f"{r['shape']:40} {r['size_bytes'] / MB:6.1f}MB {r['seconds']:7.2f}s "
                f"{r['seconds_goal']:6.1f}s {r['memory_bytes'] / MB:7.0f}MB "
                f"{r['memory_goal_bytes'] / MB:6.0f}MB  {'yes' if r['ok'] else 'NO'}"
            )
            if not r["outcome"].startswith(r["expected"]):
                print(f"    expected {r['expected']!r}, got {r['outcome'][:120]!r}")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
