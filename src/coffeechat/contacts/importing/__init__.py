"""Importing contacts from LinkedIn's Connections.csv, vCard files and other CSVs.

The formats are one table (``formats.FORMATS``); their parsers (linkedin, vcard,
csvfile, with csvrows, detect, records and files) are plain functions over text that
import no model. ``apply`` alone touches the database: it matches the parsed rows against
one owner's contacts and saves. The CLI (`coffeechat import`) and the web pages both call
``run_import`` (the web page runs the parse once, at upload, and keeps its records).
"""

from coffeechat.contacts.importing.apply import (
    ImportResult,
    import_records,
    paused_gc,
    plan_import,
    run_import,
)
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.formats import FORMATS
from coffeechat.contacts.importing.records import ImportRecord

__all__ = [
    "FORMATS",
    "ImportFileError",
    "ImportRecord",
    "ImportResult",
    "ParsedFile",
    "import_records",
    "parse_file",
    "paused_gc",
    "plan_import",
    "run_import",
]
