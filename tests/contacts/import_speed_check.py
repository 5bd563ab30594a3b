"""A quick local check, not a test: 30,000 LinkedIn rows into an account of 5,000 contacts.

    COFFEECHAT_HOME=$(mktemp -d) .venv/bin/python tests/contacts/import_speed_check.py

Builds a throwaway SQLite database in COFFEECHAT_HOME, gives one user 5,000 contacts,
writes a Connections.csv as LinkedIn does (notes, CRLF, 30,000 rows, 2,000 of them people
already there, a tenth with an email), and times run_import on it (bench/ measures it
properly; this is the quick look while working on the importer).
"""

import csv
import io
import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
if not os.environ.get("COFFEECHAT_HOME"):
    sys.exit("set COFFEECHAT_HOME to a scratch directory; this check writes a database there.")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from coffeechat.contacts.importing.apply import run_import  # noqa: E402
from coffeechat.contacts.models import Contact, Organization  # noqa: E402

FIRST = "Ada Zoë José Priya Chidi Sigrún Mateus Renée Wen Tahani Grace Sam Li Ana Omar".split()  # noqa: SIM905
LAST = "Singh Martin Núñez Raman Okafor Björk Oliveira Dubois Zhou Al-Jamil Ho O'Brien".split()  # noqa: SIM905
COMPANIES = [f"Company {n}, Inc." for n in range(1500)]


def main():
    call_command("migrate", verbosity=0)
    User = get_user_model()
    User.objects.filter(username="speed").delete()
    owner = User.objects.create_user("speed")
    rng = random.Random(7)
    orgs = Organization.objects.bulk_create(
        [Organization(owner=owner, name=name) for name in COMPANIES]
    )
    existing = Contact.objects.bulk_create(
        [
            Contact(
                owner=owner,
                first_name=rng.choice(FIRST),
                last_name=f"{rng.choice(LAST)}{n}",
                organization=rng.choice(orgs),
                emails=[f"person{n}@example.com"],
                linkedin_url=f"https://www.linkedin.com/in/existing-{n}",
            )
            for n in range(5000)
        ]
    )
    out = io.StringIO(newline="")
    out.write('Notes:\r\n"Emails appear only when people allow it."\r\n\r\n')
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for contact in rng.sample(existing, 2000):
        writer.writerow(
            [contact.first_name, contact.last_name, contact.linkedin_url, "",
             rng.choice(COMPANIES), "Engineer, Platform", "15 Jan 2024"]
        )  # fmt: skip
    for n in range(28000):
        email = f"new{n}@mail.example" if n % 10 == 0 else ""
        writer.writerow(
            [rng.choice(FIRST), f"{rng.choice(LAST)}-{n}", f"https://www.linkedin.com/in/new-{n}",
             email, rng.choice(COMPANIES), "Analyst, Strategy", "3 Mar 2023"]
        )  # fmt: skip
    data = out.getvalue().encode()
    print(f"file: {len(data) / 1e6:.1f} MB, 30,000 rows; account: 5,000 contacts")
    # Each run is rolled back, so all three start from the same 5,000 contacts.
    for attempt in range(3):
        with transaction.atomic():
            start, cpu = time.perf_counter(), time.process_time()
            result = run_import(owner, data, "Connections.csv")
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            transaction.set_rollback(True)
        print(f"run {attempt + 1}: {elapsed:.2f} s ({cpu:.2f} s CPU) -> {result.summary()}")
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        run_import(owner, data, "Connections.csv")
        transaction.set_rollback(True)
    print(f"queries per import: {len(queries)}")
    start, cpu = time.perf_counter(), time.process_time()
    result = run_import(owner, data, "Connections.csv", dry_run=True)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"dry run (the preview): {elapsed:.2f} s ({cpu:.2f} s CPU)")


if __name__ == "__main__":
    main()
