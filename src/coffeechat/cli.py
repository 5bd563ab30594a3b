"""The `coffeechat` console script.

Subcommands are Django management commands in coffeechat's apps, so the CLI and the
web pages call the same model methods. Django's own commands (migrate, shell,
createsuperuser, ...) also work, for administrators.
"""

import os
import sys

from coffeechat import __version__

# Django commands whose names one of ours took, offered under another name.
# `coffeechat check` is the message checker; Django's system check is `system-check`.
RENAMED_DJANGO_COMMANDS = {
    "system-check": (
        "check",
        "Django's system check for administrators (--deploy before going live).",
    ),
}


def _our_commands():
    from django.core.management import get_commands, load_command_class

    commands = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("coffeechat."):
            commands[name] = load_command_class(app, name).help.strip().splitlines()[0]
    for name, (_, help_text) in RENAMED_DJANGO_COMMANDS.items():
        commands[name] = help_text
    return dict(sorted(commands.items()))


def print_overview() -> None:
    print(f"coffeechat {__version__}: plan and keep track of informational interviews.\n")
    print("usage: coffeechat COMMAND [options]   (coffeechat COMMAND --help for details)\n")
    print("commands:")
    commands = _our_commands()
    width = max(len(name) for name in commands)
    for name, help_text in commands.items():
        print(f"  {name.ljust(width)}  {help_text}")
    print(
        "\nData lives in COFFEECHAT_HOME (SQLite) or in DATABASE_URL (PostgreSQL);"
        "\nsee docs/CONFIGURATION.md. Django's admin commands (migrate, shell, ...) also work."
    )


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        print(f"coffeechat: configuration error: {error}", file=sys.stderr)
        sys.exit(2)
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"}:
        print_overview()
        return
    if argv[1] == "--version":
        print(__version__)
        return
    from django.core.management import execute_from_command_line, load_command_class

    try:
        if argv[1] in RENAMED_DJANGO_COMMANDS:
            django_name, _ = RENAMED_DJANGO_COMMANDS[argv[1]]
            command = load_command_class("django.core", django_name)
            command.run_from_argv(["coffeechat", argv[1], *argv[2:]])
        else:
            execute_from_command_line(["coffeechat", *argv[1:]])
    except BrokenPipeError:
        # The reader went away (`coffeechat due | head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a closed pipe


if __name__ == "__main__":
    main()
