"""Deciding what each parsed row does to the owner's contacts, then doing it: the import's
entry points (``run_import``, which the CLI calls, ``plan_import``, ``import_records``).

The work is in the modules beside this one: ``planner`` matches each row against the
owner's contacts and the contacts earlier rows create (``people``, by the ``keys`` of
their profile, email addresses and name), ``saving`` writes the plan, ``memory`` keeps the
cycle collector and the memory in check. The whole import is one transaction.

Memory stays bounded whatever the file's size: the records are read one at a time, twice
(once to plan, once to save what the plan creates, in batches), and a contact the file
creates is remembered between the two only by what later rows of the file need to match
it and to know what a merge into it adds (``people.New``, some 70 bytes, plus its keys in
the indexes). Existing contacts are held in full (``people.Person``): that grows with the
account, not with the file.
"""

import contextlib

from django.db import transaction

from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.memory import give_back_memory, paused_gc
from coffeechat.contacts.importing.plan import CREATE, KEPT_ROWS, MERGE, SKIP, ImportResult
from coffeechat.contacts.importing.planner import Planner
from coffeechat.contacts.importing.saving import save

__all__ = ["give_back_memory", "import_records", "paused_gc", "plan_import", "run_import"]


def import_records(owner, parsed: ParsedFile, *, dry_run: bool = False) -> ImportResult:
    """Plan the rows of ``parsed`` against ``owner``'s contacts and, unless dry_run, save.

    The rows are read one at a time (twice when saving); the result keeps the plans of the
    first KEPT_ROWS rows, and only counts the others.
    """
    # A dry run (the preview) only reads: no transaction, so SQLite's write lock stays free.
    writing = contextlib.nullcontext() if dry_run else transaction.atomic()
    kept, skipped, total = [], [], 0
    counts = {CREATE: 0, MERGE: 0, SKIP: 0}
    unchanged = 0
    with paused_gc(), writing:
        planner = Planner(owner, keep_created=not dry_run)
        for record in parsed:
            action, changes, plan = planner.plan(record, total < KEPT_ROWS)
            total += 1
            counts[action] += 1
            if action == SKIP:
                skipped.append((record.row, record.problem))
            elif action == MERGE and not changes:
                unchanged += 1
            if plan is not None:
                kept.append(plan)
        planner.kept = {}
        if not dry_run:
            save(owner, planner, parsed)
    del planner
    give_back_memory()
    return ImportResult(
        filename=parsed.filename,
        format=parsed.format,
        rows=kept,
        dry_run=dry_run,
        headers=parsed.headers,
        mapping=parsed.mapping,
        samples=parsed.samples,
        total=total,
        created=counts[CREATE],
        merged=counts[MERGE],
        unchanged=unchanged,
        skipped_rows=skipped,
    )


def run_import(
    owner,
    data: bytes,
    filename: str,
    fmt: str | None = None,
    mapping: dict | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import ``data`` (the bytes of ``filename``) into ``owner``'s contacts, in one transaction.

    ``fmt`` is a key of formats.FORMATS (detected when None); ``mapping``
    ({column header: field or ''}) overrides the guessed columns of a generic CSV.
    Returns an ImportResult; raises ImportFileError, writing nothing, when the file
    cannot be read. With ``dry_run`` the numbers are the same and nothing is written.
    """
    with paused_gc():
        # Not checked here: a damaged row raises ImportFileError while the rows are read,
        # inside the transaction, so nothing is written either way.
        parsed = parse_file(data, filename, fmt, mapping, check=False)
        return import_records(owner, parsed, dry_run=dry_run)


def plan_import(owner, data: bytes, filename: str, fmt=None, mapping=None) -> ImportResult:
    """What run_import would do, row by row, without writing anything (the preview)."""
    return run_import(owner, data, filename, fmt, mapping, dry_run=True)
