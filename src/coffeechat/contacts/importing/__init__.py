"""Importing contacts from LinkedIn's Connections.csv, vCard files and other CSVs.

The formats are one table (``formats.FORMATS``); their parsers (linkedin, vcard,
csvfile, with csvrows, detect, records, files and stored) are plain functions over text
that import no model, and this package's own names are only theirs. The rest use the
database: ``apply`` matches parsed rows against one owner's contacts and saves
(``run_import``, which the CLI calls; its work is in ``planner``, ``people``, ``keys``,
``saving`` and ``memory``, its writes in ``rows``), and ``pending`` keeps an upload's
records between the web page's preview and confirmation.
"""

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.formats import FORMATS
from coffeechat.contacts.importing.records import ImportRecord

__all__ = ["FORMATS", "ImportFileError", "ImportRecord", "ParsedFile", "parse_file"]
