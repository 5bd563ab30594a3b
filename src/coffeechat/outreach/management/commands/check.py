"""`coffeechat check`: the outreach message checker on the command line.

This deliberately takes the name of Django's own `check` command: in coffeechat,
"check" means checking a message. Django's system checks stay available to code through
``django.core.checks.run_checks()``.
"""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from coffeechat.accounts.models import Profile
from coffeechat.commands import CoffeechatCommand
from coffeechat.outreach.checker import CHANNELS, KINDS, SEVERITIES, check_document
from coffeechat.outreach.checker.catalog import RULES

HEADINGS = {"error": "Errors", "warning": "Warnings", "tip": "Tips"}


class Command(CoffeechatCommand):
    help = (
        "Check an outreach message before you send it: asks, length, tone, typos.\n\n"
        "Reads the message from FILE, or from standard input when FILE is '-' or left out. "
        "For an email, a first line 'Subject: ...' is taken as the subject (and To:/Cc: "
        "lines above the body are skipped). The exit status is 1 when any error is found, "
        "else 0. If you have an account, your profile's school, name, LinkedIn Premium "
        "setting and personal dictionary are used. --explain RULE prints what a rule looks "
        "for, why, an example and what to do (the rule's id is in every finding)."
    )
    takes_user = True

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            default="-",
            metavar="FILE",
            help="the message as a UTF-8 text file; '-' or nothing reads standard input",
        )
        parser.add_argument(
            "--channel",
            choices=CHANNELS,
            default="email",
            help="email (the default) or linkedin (a connection note with a length limit)",
        )
        parser.add_argument("--subject", metavar="S", help="the email's subject line")
        parser.add_argument(
            "--kind",
            choices=KINDS,
            help="what the message is for; worked out from the text when left out "
            "(a request unless it is clearly another kind)",
        )
        parser.add_argument(
            "--limit",
            type=int,
            metavar="N",
            help="the LinkedIn character limit to check against (default 200, or 300 "
            "with --premium)",
        )
        parser.add_argument(
            "--premium",
            action="store_true",
            help="you have LinkedIn Premium: notes may be 300 characters",
        )
        parser.add_argument(
            "--name",
            action="append",
            default=[],
            metavar="NAME",
            help="a name the spell-checker should accept (the contact's, their "
            "organization's); repeat for more",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help='print {"findings": [...], "words": n, "characters": n} as JSON',
        )

        parser.add_argument(
            "--explain",
            metavar="RULE",
            help="print what RULE looks for, why, an example and what to do, then stop",
        )

    def handle(self, *args, **options):
        if options["explain"] is not None:
            self._explain(options["explain"].strip())
            return
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError("--limit must be a positive number of characters.")
        text = self._read(options["file"])
        profile = self._profile(options)
        names = list(options["name"])
        known_words: list[str] = []
        premium = options["premium"]
        if profile is not None:
            names += [profile.name, profile.school]
            known_words += list(getattr(profile, "dictionary_words", []) or [])
            premium = premium or bool(getattr(profile, "linkedin_premium", False))
        report = check_document(
            text,
            channel=options["channel"],
            kind=options["kind"],
            subject=options["subject"],
            limit=options["limit"],
            premium=premium,
            names=[name for name in names if name],
            known_words=known_words,
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            self._print(report, text)
        if report.has_errors:
            sys.exit(1)

    def _explain(self, rule_id: str):
        rule = RULES.get(rule_id)
        if rule is None:
            raise CommandError(f"there is no rule {rule_id!r}; the rules are: {', '.join(RULES)}.")
        self.stdout.write(rule.explanation())

    def _read(self, file: str) -> str:
        if file == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read()
            where = "standard input"
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(f"there is no file {file!r}; give the path to a text file.")
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"could not read {file!r}: {error.strerror}.") from None
            where = repr(file)
        if isinstance(data, str):
            return data
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(
                f"{where} is not UTF-8 text; save the message as plain UTF-8 text and try again."
            ) from None

    def _profile(self, options):
        """The profile of the account this runs for, if there is exactly one candidate."""
        if options.get("user"):
            user = self.resolve_user(options)
        else:
            users = list(get_user_model().objects.order_by("id")[:2])
            if len(users) != 1:
                return None  # no account (checking works without one), or which is unclear
            user = users[0]
        return Profile.objects.filter(owner=user).first()

    def _print(self, report, text: str):
        write = self.stdout.write
        if not report.findings:
            write("No problems found.")
        for severity in SEVERITIES:
            found = report.by_severity(severity)
            if not found:
                continue
            write(f"{HEADINGS[severity]} ({len(found)}):")
            for finding in found:
                where = _position(text, finding.start) if finding.start is not None else "-"
                write(f"  {where:>7}  {finding.rule}: {finding.message}")
            write("")
        counts = f"{report.words} words, {report.characters} characters"
        if report.limit is not None:
            counts += f" (LinkedIn limit {report.limit})"
        write(f"{counts}; checked as {report.channel} {report.kind}.")


def _position(text: str, offset: int) -> str:
    """1-based line:column of ``offset`` in ``text``."""
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return f"{line}:{column}"
