"""Importing contacts from LinkedIn's Connections.csv, vCard files and other CSVs.

The parsers (linkedin, vcard, csvfile, detect, records, files) are pure functions
over text; ``apply`` matches their rows against one owner's contacts and saves.
The CLI (`coffeechat import`) and the web pages both call ``run_import``.
"""

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.records import FORMATS, ImportRecord

__all__ = [
    "FORMATS",
    "ImportFileError",
    "ImportRecord",
    "ImportResult",
    "ParsedFile",
    "parse_file",
    "plan_import",
    "run_import",
]


def run_import(
    owner,
    data: bytes,
    filename: str,
    fmt: str | None = None,
    mapping: dict | None = None,
    dry_run: bool = False,
):
    """Import ``data`` (the bytes of ``filename``) into ``owner``'s contacts, in one transaction.

    ``fmt`` is 'linkedin', 'vcard' or 'csv' (detected when None); ``mapping``
    ({column header: field or ''}) overrides the guessed columns of a generic CSV.
    Returns an ImportResult; raises ImportFileError, writing nothing, when the file
    cannot be read. With ``dry_run`` the numbers are the same and nothing is written.
    """
    from coffeechat.contacts.importing.apply import import_records, paused_gc

    with paused_gc():
        parsed = parse_file(data, filename, fmt, mapping)
        return import_records(owner, parsed, dry_run=dry_run)


def plan_import(owner, data: bytes, filename: str, fmt=None, mapping=None):
    """What run_import would do, row by row, without writing anything (the preview)."""
    return run_import(owner, data, filename, fmt, mapping, dry_run=True)


def __getattr__(name):
    if name == "ImportResult":
        from coffeechat.contacts.importing.apply import ImportResult

        return ImportResult
    raise AttributeError(name)
