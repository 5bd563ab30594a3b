import sys
from pathlib import Path

from django.core.management.base import CommandError

from coffeechat.backup import BackupError, load_backup, restore_backup
from coffeechat.commands import CoffeechatCommand

MAX_LISTED = 30
EPILOG = """\
FILE is a JSON backup made by `coffeechat export --format json FILE` (or the web app's
Export page); - reads it from standard input. The account must be empty: a backup is
restored into a new account, never mixed into one that has contacts, organizations or
tags. The whole file is checked first; if anything is wrong, nothing is changed.
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
        content = self._read(file)
        user = self.resolve_user(options)
        try:
            summary = restore_backup(user, load_backup(content))
        except BackupError as error:
            raise CommandError(self._explain(file, error)) from None
        self.stdout.write(summary.describe(into=f"the account {user.get_username()!r}"))

    def _read(self, file: str) -> bytes:
        if file == "-":
            return sys.stdin.buffer.read()
        path = Path(file).expanduser()
        if not path.exists():
            raise CommandError(f"{file}: no such file.")
        if path.is_dir():
            raise CommandError(f"{file}: is a folder, not a backup file.")
        try:
            return path.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror}).") from None

    def _explain(self, file: str, error: BackupError) -> str:
        name = "the backup" if file == "-" else file
        problems = error.problems
        if len(problems) == 1:
            return f"{name}: {problems[0]}\nNothing was changed."
        shown = "\n".join(f"  - {problem}" for problem in problems[:MAX_LISTED])
        more = (
            f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        )
        return f"{name} has {len(problems)} problems:\n{shown}{more}\nNothing was changed."
