import contextlib
import sys
from pathlib import Path

from django.core.management.base import CommandError

from coffeechat.backup import BackupError, restore_file
from coffeechat.commands import CoffeechatCommand

MAX_LISTED = 30
EPILOG = """\
FILE is a JSON backup made by `coffeechat export --format json FILE` (or the web app's
Export page); - reads it from standard input. The account must be empty: a backup is
restored into a new account, never mixed into one that has contacts, organizations or
tags. The whole file is checked as it is restored; if anything is wrong, nothing is
changed. The file is read a piece at a time, so a big backup needs no more memory than a
small one.
To restore for someone else, first create their account: `coffeechat createuser NAME`,
then `coffeechat restore FILE --user NAME`.
"""


class Command(CoffeechatCommand):
    help = "Restore a JSON backup into an empty account."
    takes_user = True
    epilog = EPILOG

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the backup to restore (- for stdin)")

    def handle(self, *args, file, **options):
        with self._open(file) as content:
            user = self.resolve_user(options)
            try:
                summary = restore_file(user, content)
            except BackupError as error:
                raise CommandError(self._explain(file, error)) from None
            except OSError as error:
                raise CommandError(
                    f"{file}: cannot be read ({error.strerror}). Nothing was changed."
                ) from None
        self.stdout.write(summary.describe(into=f"the account {user.get_username()!r}"))

    def _open(self, file: str):
        """The file to read the backup from, a piece at a time (restore_file)."""
        if file == "-":
            return contextlib.nullcontext(sys.stdin.buffer)
        path = Path(file).expanduser()
        if not path.exists():
            raise CommandError(f"{file}: no such file.")
        if path.is_dir():
            raise CommandError(f"{file}: is a folder, not a backup file.")
        try:
            return path.open("rb")
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror}).") from None

    def _explain(self, file: str, error: BackupError) -> str:
        name = "the backup" if file == "-" else file
        problems = error.problems
        if error.count == 1:
            return f"{name}: {problems[0]}\nNothing was changed."
        shown = "\n".join(f"  - {problem}" for problem in problems[:MAX_LISTED])
        hidden = error.count - min(len(problems), MAX_LISTED)
        more = f"\n  ... and {hidden} more" if hidden else ""
        return f"{name} has {error.count} problems:\n{shown}{more}\nNothing was changed."
