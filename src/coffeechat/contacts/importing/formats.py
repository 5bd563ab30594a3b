"""The import formats, in one table: adding a format is one entry here and its module.

Each entry names its key (``coffeechat import --format``), its label, the file endings it
goes with, how to recognize it (``sniff``) and its parser (``read``). Detection
(``detect.detect_format``) and the upload form, the command and the preview all read this
table. The parsers are plain functions over text and import no model.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coffeechat.contacts.importing import csvfile, linkedin, vcard
from coffeechat.contacts.importing.records import ParsedFile


@dataclass(frozen=True)
class ImportFormat:
    key: str
    label: str  # "read as ..." in the preview
    choice: str  # what the upload form's list offers
    extensions: tuple[str, ...]
    # (text, filename) -> whether the text surely is this format. May raise
    # ImportFileError for a file it knows is wrong (LinkedIn's Profile.csv).
    sniff: Callable[[str, str], bool]
    # (text, filename, mapping=, forced=, body=) -> ParsedFile; ImportFileError when
    # unreadable. body: the text in UTF-8 or None (detect.decode_with_body), which a parser
    # may keep to read the rows from instead of the text.
    read: Callable[..., ParsedFile]
    # When the file's ending names this format but sniff says no: the problem to report
    # (None: try the other formats).
    not_this: str | None = None
    # (text) -> whether the text may be this format after all, when no format is sure.
    maybe: Callable[[str], bool] | None = None
    # Whether ``read`` can read the rows from ``body`` (the text in UTF-8) with only the
    # text's first HEAD_BYTES (detect.decode_with_body); else it is given the whole text.
    reads_utf8: bool = True
    # What the file's records are called when one is reported by its number.
    record_word: str = "row"
    # Where such a file comes from, for `coffeechat import --help` (lines of up to 66).
    help: str = ""


FORMATS: dict[str, ImportFormat] = {
    fmt.key: fmt
    for fmt in (
        ImportFormat(
            "linkedin",
            "LinkedIn connections",
            "LinkedIn connections (Connections.csv)",
            (".csv", ".txt", ".tsv"),  # Excel saves "Unicode text" as .txt
            sniff=linkedin.sniff,
            read=linkedin.read,
            help="Connections.csv from LinkedIn's data export (Settings > Data privacy >\n"
            'Get a copy of your data > Connections), with or without its "Notes:" lines',
        ),
        ImportFormat(
            "vcard",
            "vCard",
            "vCard (.vcf) from Apple, Google, Outlook…",
            (".vcf", ".vcard"),
            sniff=lambda text, filename: vcard.starts_with_card(text),
            read=vcard.read,
            not_this=vcard.NO_CARD,
            maybe=vcard.looks_like_vcard,
            reads_utf8=False,
            record_word="card",
            help=".vcf files from Apple Contacts, Google Contacts, Outlook (vCard 2.1, 3.0, 4.0)",
        ),
        ImportFormat(
            "csv",
            "CSV",
            "Another CSV (I'll check the columns)",
            (".csv", ".txt", ".tsv"),
            sniff=lambda text, filename: csvfile.sniff(text),
            read=csvfile.read,
            help="any CSV with a header row; columns are matched to fields by their names,\n"
            'and --map changes the guess, e.g. --map "Full Name=full_name" --map "Nickname="',
        ),
    )
}


def choices() -> list[tuple[str, str]]:
    """The upload form's list: work it out, or one of the formats."""
    return [("", "Work it out from the file")] + [(f.key, f.choice) for f in FORMATS.values()]


# Other names people give a format on the command line.
ALIASES = {"vcf": "vcard", "vcards": "vcard"}
