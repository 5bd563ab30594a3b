import argparse
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from coffeechat.commands import CoffeechatCommand
from coffeechat.contacts.importing import FORMATS, ImportFileError
from coffeechat.contacts.importing.apply import run_import
from coffeechat.contacts.importing.csvfile import FIELDS

EPILOG = """\
formats (detected when --format is not given):
{formats}

fields for --map: {fields}

People already in your contacts (same LinkedIn profile, same email address, or same
name and organization) are merged, not added again: blank fields are filled, new email
addresses and tags are added, nothing you wrote is replaced. Importing a file twice
adds nothing. The import is all or nothing: if the file can't be read, nothing changes.

Skipped rows are reported by row number as a spreadsheet shows the file (the header is
row 1, or row 4 after LinkedIn's notes, so the first person is the row after it); in
a vCard file the number is the card's position (1 for the first card).

--json prints {{"created": N, "merged": N, "skipped": [{{"row": N, "reason": "..."}}], ...}}.
"""


class Command(CoffeechatCommand):
    help = "Import contacts from LinkedIn's Connections.csv, vCard (.vcf) or CSV files."
    takes_user = True

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        parser.epilog = EPILOG.format(
            formats="\n".join(
                f"  {fmt.key:9} " + fmt.help.replace("\n", "\n" + " " * 12)
                for fmt in FORMATS.values()
            ),
            fields=", ".join(f for f in FIELDS if f),
        )
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the export to import")
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=FORMATS,
            help="what kind of file it is (default: detected from its contents)",
        )
        parser.add_argument(
            "--map",
            dest="maps",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="CSV only: put the column HEADER into FIELD (nothing after = ignores it); "
            "repeat for several columns",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="show what would be created, merged and skipped without saving anything",
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="print the result as JSON"
        )

    def handle(self, *args, file, fmt, maps, dry_run, as_json, **options):
        user = self.resolve_user(options)
        path = Path(file).expanduser()
        data = self._read(path, file)
        mapping = self._mapping(maps)
        try:
            result = run_import(user, data, path.name, fmt, mapping, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        if as_json:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        self.stdout.write(result.summary())
        if result.unchanged:
            self.stdout.write(
                f"({result.unchanged} of the merged already had everything this file holds.)"
            )
        for skipped in result.skipped:
            self.stdout.write(
                f"  skipped {result.record_word} {skipped['row']}: {skipped['reason']}"
            )
        if result.format == "csv" and (dry_run or options["verbosity"] > 1):
            self.stdout.write("Columns:")
            for header, target in result.mapping.items():
                self.stdout.write(f"  {header!r} -> {target or '(ignored)'}")

    def _read(self, path: Path, given: str) -> bytes:
        if not path.exists():
            raise CommandError(f"{given}: no such file.")
        if path.is_dir():
            raise CommandError(f"{given}: is a folder, not a file.")
        limit = settings.IMPORT_MAX_BYTES
        try:
            size = path.stat().st_size
            if size > limit:
                raise CommandError(
                    f"{path.name}: the file is {size / 1e6:.1f} MB, over the "
                    f"{limit / 1e6:.1f} MB limit (COFFEECHAT_IMPORT_MAX_BYTES)."
                )
            return path.read_bytes()
        except OSError as error:
            raise CommandError(f"{given}: cannot be read ({error.strerror}).") from None

    def _mapping(self, pairs: list[str]) -> dict[str, str]:
        mapping = {}
        for pair in pairs:
            header, sep, target = pair.rpartition("=")
            if not sep or not header.strip():
                raise CommandError(
                    f"--map {pair!r}: write it as HEADER=FIELD, e.g. --map 'Full Name=full_name'."
                )
            target = target.strip()
            if target not in FIELDS:
                raise CommandError(
                    f"--map {pair!r}: {target!r} is not a field; use one of: "
                    + ", ".join(f for f in FIELDS if f)
                    + "."
                )
            mapping[" ".join(header.split())] = target
        return mapping
