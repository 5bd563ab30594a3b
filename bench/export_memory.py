"""The JSON export (the backup), CSV and vCard of a very big account: time and peak memory.

    .venv/bin/python bench/export_memory.py                      # 300,000 contacts, SQLite
    .venv/bin/python bench/export_memory.py --contacts 50000     # quicker
    .venv/bin/python bench/export_memory.py --json

Builds a throwaway SQLite database under --work-dir (default bench/out/export) with one
user, 1,000 organizations, 20 tags and N contacts (two tags each on average), then runs
each export in a fresh Python process (``write_export`` into a file, what the download and
`coffeechat export` do) and reads its peak resident memory (``ru_maxrss``). Goal (issue
14): 300,000 contacts in < 250 MB peak. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 250


def _setup(work_dir: Path) -> None:
    os.environ["COFFEECHAT_HOME"] = str(work_dir / "home")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    import django

    django.setup()


def build(work_dir: Path, count: int) -> None:
    shutil.rmtree(work_dir, ignore_errors=True)
    (work_dir / "home").mkdir(parents=True)
    _setup(work_dir)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from coffeechat.contacts.models import Contact, Organization, Tag

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(20240115)
    user = get_user_model().objects.create_user("big", password="x")
    with transaction.atomic():
        orgs = Organization.objects.bulk_create(
            [Organization(owner=user, name=f"Organization {i}") for i in range(1000)]
        )
        tags = Tag.objects.bulk_create([Tag(owner=user, name=f"tag {i}") for i in range(20)])
        Through = Contact.tags.through
        for start in range(0, count, 10_000):
            made = Contact.objects.bulk_create(
                [
                    Contact(
                        owner=user,
                        first_name=f"Ann{i}",
                        last_name="Lee",
                        title="Engineer, Batteries",
                        organization=rng.choice(orgs),
                        emails=[f"ann{i}@example.com"],
                        linkedin_url=f"https://www.linkedin.com/in/ann-lee-{i}",
                        location="Boston, MA",
                        notes="Met at the career fair; asked about the battery lab.",
                    )
                    for i in range(start, min(count, start + 10_000))
                ],
                batch_size=2_000,
            )
            Through.objects.bulk_create(
                [
                    Through(contact_id=contact.pk, tag_id=tag.pk)
                    for contact in made
                    for tag in rng.sample(tags, rng.randint(0, 4))
                ],
                batch_size=5_000,
            )


def measure(work_dir: Path, fmt: str) -> dict:
    """One export in this process (called in the child)."""
    _setup(work_dir)
    from django.contrib.auth import get_user_model

    from coffeechat.contacts.exporting import write_export

    user = get_user_model().objects.get(username="big")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    target = work_dir / f"export.{fmt}"
    with target.open("wb") as out:
        write_export(user, fmt, out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    size = target.stat().st_size
    target.unlink()
    return {
        "format": fmt,
        "seconds": seconds,
        "peak_bytes": peak,
        "before_bytes": before,
        "file_bytes": size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--work-dir", type=Path, default=ROOT / "bench" / "out" / "export")
    parser.add_argument("--formats", default="json,csv,vcard", help="default: json,csv,vcard")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--measure", metavar="FORMAT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.measure:
        print(json.dumps(measure(args.work_dir, args.measure)))
        return 0
    start = time.perf_counter()
    build(args.work_dir, args.contacts)
    built = time.perf_counter() - start
    results = []
    for fmt in args.formats.split(","):
        child = subprocess.run(
            [sys.executable, __file__, "--work-dir", str(args.work_dir), "--measure", fmt],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(child.stdout))
    shutil.rmtree(args.work_dir, ignore_errors=True)
    ok = all(r["peak_bytes"] < GOAL_MB * 1e6 for r in results)
    if args.json:
        print(
            json.dumps(
                {
                    "contacts": args.contacts,
                    "load_average": os.getloadavg(),
                    "results": results,
                    "ok": ok,
                },
                indent=2,
            )
        )
    else:
        print(
            f"{args.contacts:,} contacts (built in {built:.0f} s); load average "
            f"{os.getloadavg()[0]:.2f}; goal: peak < {GOAL_MB} MB"
        )
        for r in results:
            print(
                f"  {r['format']:6} {r['seconds']:7.1f} s  peak {r['peak_bytes'] / 1e6:6.0f} MB "
                f"(process before: {r['before_bytes'] / 1e6:.0f} MB)  file "
                f"{r['file_bytes'] / 1e6:6.0f} MB"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
