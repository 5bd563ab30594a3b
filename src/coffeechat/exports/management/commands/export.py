import io
import os
import tempfile
from pathlib import Path

from django.core.management.base import CommandError

from coffeechat.commands import CoffeechatCommand
from coffeechat.contacts.exporting import EXTENSIONS, FORMATS, write_export

EPILOG = """\
formats (guessed from FILE's ending when --format is not given):
  json   .json  a complete backup of your account (profile, organizations, tags,
                contacts, with every field); `coffeechat restore FILE` brings it back
                into a new, empty account
  csv    .csv   one row per contact, for Excel, Numbers or Google Sheets
  vcard  .vcf   one card per contact, for Apple Contacts, Google Contacts or Outlook;
                importing it back into coffeechat adds no duplicates

FILE - writes to standard output (say --format then). The file is written in full or
not at all, readable only by you; an existing file is kept unless you add --force.
"""


class Command(CoffeechatCommand):
    help = "Export your data: a JSON backup, a CSV spreadsheet or vCards (.vcf)."
    takes_user = True
    epilog = EPILOG

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="where to write the export (- for stdout)")
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=FORMATS,
            help="json, csv or vcard (default: from FILE's ending)",
        )
        parser.add_argument(
            "--force", action="store_true", help="replace FILE if it already exists"
        )

    def handle(self, *args, file, fmt, force, **options):
        fmt = fmt or self._guess_format(file)
        path = None if file == "-" else Path(file).expanduser()
        if path is not None:
            self._check_target(path, file, force)
        user = self.resolve_user(options)
        if path is None:
            self._write_stdout(user, fmt)
            return
        self._write_atomically(path, file, lambda out: write_export(user, fmt, out), force)
        self.stdout.write(f"Wrote the {FORMATS[fmt].label} of {user.get_username()} to {file}.")

    def _guess_format(self, file: str) -> str:
        if file == "-":
            raise CommandError("say which format to write to stdout: --format json, csv or vcard.")
        suffix = Path(file).suffix.lower().lstrip(".")
        if suffix not in EXTENSIONS:
            raise CommandError(
                f"cannot tell the format from {file!r}; end the name with .json, .csv or .vcf, "
                "or add --format json, csv or vcard."
            )
        return EXTENSIONS[suffix]

    def _check_target(self, path: Path, given: str, force: bool) -> None:
        if path.is_dir():
            raise CommandError(f"{given} is a folder; give a file name, e.g. {given}/backup.json.")
        if path.exists() and not force:
            raise CommandError(f"{given} already exists; add --force to replace it.")
        if not path.parent.is_dir():
            raise CommandError(f"the folder {str(path.parent)!r} does not exist; create it first.")

    def _write_stdout(self, user, fmt: str) -> None:
        # The CSV's byte-order mark helps Excel open a file, not a pipe.
        out = getattr(self.stdout._out, "buffer", None)
        if out is not None:
            write_export(user, fmt, out, byte_order_mark=False)
            out.flush()
        else:  # a text stream, as in tests
            spool = io.BytesIO()
            write_export(user, fmt, spool, byte_order_mark=False)
            self.stdout.write(spool.getvalue().decode("utf-8"), ending="")

    def _write_atomically(self, path: Path, given: str, write, force: bool) -> None:
        """Call ``write`` with a temporary file beside ``path``, then rename it into place."""
        temp_name = None
        try:
            with tempfile.NamedTemporaryFile(
                "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
            ) as temp:
                temp_name = temp.name
                write(temp)
                temp.flush()
                os.fsync(temp.fileno())
            if force:
                os.replace(temp_name, path)
            else:
                # A hard link fails if the name was taken meanwhile, where a rename would
                # silently replace the file.
                try:
                    os.link(temp_name, path)
                except FileExistsError:
                    raise CommandError(
                        f"{given} already exists; add --force to replace it."
                    ) from None
                except OSError:  # a file system without hard links
                    if path.exists():
                        raise CommandError(
                            f"{given} already exists; add --force to replace it."
                        ) from None
                    os.replace(temp_name, path)
        except OSError as error:
            raise CommandError(f"could not write {given} ({error.strerror}).") from None
        finally:
            if temp_name and os.path.exists(temp_name):
                os.unlink(temp_name)
