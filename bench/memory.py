"""`make bench BENCH_ARGS="--memory 300000"`: the peak memory of the biggest jobs.

Runs the three memory benches, each of which measures in fresh processes of its own
(their peak resident memory is that job's alone), at one size, and turns what they report
into rows: the LinkedIn import from the console and through the web's three steps
(``import_memory.py``), the JSON and CSV exports (``export_memory.py``) and the restore
of a backup (``restore_memory.py``). Goal (issue 14): < 250 MB peak whatever the size.
The exports and the restore build their own SQLite database; the import uses the bench's
--database-url when there is one. At 300,000 this takes about ten minutes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
GOAL_MB = 250


def _run(script: str, *options: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(BENCH_DIR / script), "--json", *options],
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):  # 1: a goal missed, which the rows show
        raise SystemExit(f"bench: {script} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def _row(name: str, seconds: float, peak_bytes: float) -> dict:
    peak_mb = peak_bytes / 1e6
    return {
        "name": name,
        "seconds": seconds,
        "peak_mb": peak_mb,
        "goal_mb": GOAL_MB,
        "passed": peak_mb < GOAL_MB,
    }


def measure_memory(size: int, work_dir: Path, database_url: str = "") -> list[dict]:
    """One row per job at ``size`` rows or contacts."""
    rows = []
    options = ["--rows", str(size), "--work-dir", str(work_dir / "import-memory")]
    if database_url:
        options += ["--database-url", database_url]
    imported = _run("import_memory.py", *options)
    for result in imported["results"]:
        seconds = sum(step["seconds"] for step in result["steps"])
        flow = {"cli": "console", "web": "web: upload, preview, confirm"}.get(
            result["flow"], result["flow"]
        )
        rows.append(_row(f"LinkedIn import, {size:,} rows ({flow})", seconds, result["peak_bytes"]))
    exported = _run(
        "export_memory.py",
        "--contacts",
        str(size),
        "--formats",
        "json,csv",
        "--work-dir",
        str(work_dir / "export-memory"),
    )
    for result in exported["results"]:
        name = {"json": "JSON backup", "csv": "CSV export"}[result["format"]]
        rows.append(_row(f"{name}, {size:,} contacts", result["seconds"], result["peak_bytes"]))
    restored = _run(
        "restore_memory.py", "--contacts", str(size), "--work-dir", str(work_dir / "restore")
    )
    for result in restored["results"]:
        rows.append(_row(f"restore, {size:,} contacts", result["seconds"], result["peak_bytes"]))
    return rows


def format_memory(rows: list[dict]) -> str:
    header = ["job", "seconds", "peak MB", "goal", "result"]
    table = [header] + [
        [
            row["name"],
            f"{row['seconds']:.1f}",
            f"{row['peak_mb']:.0f}",
            f"< {row['goal_mb']} MB",
            "PASS" if row["passed"] else "FAIL",
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = []
    for index, line in enumerate(table):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines.append("peak MB: the job's process at its highest, Django and the apps included.")
    return "\n".join(lines)
