"""The web import's three steps around one PendingImport: upload, preview, confirm.

The file is parsed once, at upload, and its records are kept with it (stored.py); the
preview plans those records against the owner's contacts and the confirmation saves the
same records, each reading them one at a time from the compressed copy. Only a new column
mapping (a generic CSV) parses the file again. The CLI does all three at once with
``run_import``; both end in ``apply.import_records``.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coffeechat.contacts.importing import rows, stored
from coffeechat.contacts.importing.apply import import_records
from coffeechat.contacts.importing.files import parse_file
from coffeechat.contacts.importing.memory import give_back_memory, paused_gc
from coffeechat.contacts.importing.plan import ImportResult
from coffeechat.contacts.importing.records import ParsedFile
from coffeechat.contacts.models import PendingImport

KEEP_PENDING = timedelta(days=1)


def start(owner, data: bytes, filename: str, fmt: str | None = None) -> PendingImport:
    """Parse ``data`` and keep it, with its records, until it is confirmed or discarded.

    Raises ImportFileError, keeping nothing, when the file cannot be read.
    """
    with paused_gc():
        # Not checked apart: dump reads every row, so a damaged one is refused here too.
        parsed = parse_file(data, filename, fmt, check=False)
        blob = stored.dump(parsed)
    name, fmt, mapping = parsed.filename, parsed.format, parsed.mapping
    # What the parser kept to read the rows (up to a copy of the file) goes before the
    # database makes its own copies of the file and the blob, to write them.
    del parsed
    give_back_memory()
    PendingImport.objects.filter(created_at__lt=timezone.now() - KEEP_PENDING).delete()
    with transaction.atomic():
        kept = PendingImport.objects.create(
            owner=owner, filename=name[:255], format=fmt, data=b"", mapping=mapping
        )
        rows.write_bytes(kept, data=data, parsed=blob)
    return kept


def parsed_file(pending: PendingImport, *, keep: bool = True) -> ParsedFile:
    """The pending file's records: the ones kept at upload, or parsed again when there are
    none (after a new mapping, or from a coffeechat that stored them differently), and then
    kept unless ``keep`` is False."""
    parsed = stored.load(rows.read_bytes(pending, "parsed"))
    if parsed is None:
        with paused_gc():
            parsed = parse_file(
                bytes(rows.read_bytes(pending, "data")),
                pending.filename,
                pending.format,
                pending.mapping,
                check=False,
            )
        if keep:
            pending.parsed = stored.dump(parsed)
            pending.save(update_fields=["parsed"])
    return parsed


def remap(pending: PendingImport, mapping: dict[str, str]) -> None:
    """Use a new column mapping: the records are parsed again on the next look."""
    pending.mapping = mapping
    pending.parsed = None
    pending.save(update_fields=["mapping", "parsed"])


def preview(owner, pending: PendingImport) -> ImportResult:
    """What confirming would do, row by row; nothing is written."""
    return import_records(owner, parsed_file(pending), dry_run=True)


def confirm(owner, pending: PendingImport) -> ImportResult | None:
    """Import the pending file's records and forget it, all in one transaction.

    None when another request confirmed (or discarded) it first: a second click imports
    nothing. Raises ImportFileError, writing nothing, when the file cannot be read.
    """
    with transaction.atomic():
        parsed = stored.load(rows.read_bytes(pending, "parsed"))
        # The file's bytes, when they must be parsed again, are read before the claim below
        # deletes them (a view may have left them unloaded).
        data = bytes(rows.read_bytes(pending, "data")) if parsed is None else None
        # Claim it first: a second click (or a second tab) finds nothing to delete.
        if not PendingImport.objects.filter(pk=pending.pk, owner=owner).delete()[0]:
            return None
        if parsed is None:
            with paused_gc():
                parsed = parse_file(
                    data, pending.filename, pending.format, pending.mapping, check=False
                )
            del data
        return import_records(owner, parsed)
