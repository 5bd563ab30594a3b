"""Shared plumbing for coffeechat's console commands.

Each command is a Django management command built on ``CoffeechatCommand``: it hides
Django's developer options from --help, makes sure the database is migrated, resolves
which user it acts for, and reports failures as one plain line.
"""

import argparse
import importlib.util
import pkgutil
import sys

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# Any fixed number, the same in every process: PostgreSQL's advisory lock that app
# processes starting together queue on, so one of them migrates and the others wait.
MIGRATION_LOCK = 0x636F_6D69


def _on_disk() -> set[tuple[str, str]]:
    """(app label, migration name) of every migration file, found without importing one."""
    found = set()
    for config in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{config.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for module in pkgutil.iter_modules(spec.submodule_search_locations):
            if not module.ispkg and not module.name.startswith("_"):
                found.add((config.label, module.name))
    return found


def _unapplied(connection) -> bool:
    # The quick answer for every command's start: each file on disk is recorded as
    # applied. Anything else (a fresh database, a new migration) asks Django's planner.
    recorder = MigrationRecorder(connection)
    if recorder.has_table() and _on_disk() <= set(recorder.applied_migrations()):
        return False
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ensure_migrated() -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    if not _unapplied(connection):
        return
    if connection.vendor != "postgresql":
        call_command("migrate", interactive=False, verbosity=0)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        if _unapplied(connection):  # another process may have migrated while we waited
            call_command("migrate", interactive=False, verbosity=0)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])


class CoffeechatCommand(BaseCommand):
    suppressed_base_arguments = {
        "--version",
        "--verbosity",
        "--settings",
        "--pythonpath",
        "--traceback",
        "--no-color",
        "--force-color",
        "--skip-checks",
    }
    requires_migrations_checks = False
    requires_system_checks = []
    takes_user = False
    epilog = ""  # text printed under --help as written (see create_parser)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser("coffeechat", subcommand, **kwargs)
        if self.epilog:
            # Printed under --help as written, line breaks and all.
            parser.formatter_class = argparse.RawDescriptionHelpFormatter
            parser.epilog = self.epilog
        if self.takes_user:
            parser.add_argument(
                "--user",
                metavar="USERNAME",
                help="whose data to use; needed only when there is more than one account",
            )
        return parser

    def run_from_argv(self, argv):
        try:
            super().run_from_argv(argv)
        except KeyboardInterrupt:
            sys.exit(130)

    def execute(self, *args, **options):
        ensure_migrated()
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if options.get("traceback"):
                raise
            name = self.__module__.rsplit(".", 1)[-1]
            self.stderr.write(f"coffeechat {name}: {error}")
            sys.exit(error.returncode)

    def resolve_user(self, options):
        """The user a command acts for: --user, or the only account there is."""
        User = get_user_model()
        username = options.get("user")
        if username:
            try:
                return User.objects.get(username=username)
            except User.DoesNotExist:
                raise CommandError(f"there is no account named {username!r}.") from None
        users = list(User.objects.order_by("id")[:2])
        if not users:
            raise CommandError(
                "there are no accounts yet; create one with `coffeechat createuser NAME` "
                "or by opening the link `coffeechat serve` prints."
            )
        if len(users) > 1:
            raise CommandError("there is more than one account; say which with --user USERNAME.")
        return users[0]
