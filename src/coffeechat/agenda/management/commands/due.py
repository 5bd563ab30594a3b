import datetime
import json
import zoneinfo

from django.core.management.base import CommandError
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.agenda.items import due_items
from coffeechat.commands import CoffeechatCommand


def parse_day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--today {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-03."
        ) from None


def local_today(user) -> datetime.date:
    """Today in the user's own time zone (their profile), not the server's."""
    try:
        zone = zoneinfo.ZoneInfo(Profile.for_user(user).time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return timezone.localtime(timezone.now(), zone).date()


class Command(CoffeechatCommand):
    help = "What is due: follow-ups, meetings and other next steps, most urgent first."
    takes_user = True

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="print a JSON list of the items, nothing else"
        )
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="pretend today is this date (default: today in your profile's time zone)",
        )

    def handle(self, *args, **options):
        user = self.resolve_user(options)
        today = parse_day(options["today"]) if options["today"] else local_today(user)
        items = due_items(user, today)
        if options["json"]:
            self.stdout.write(json.dumps([item.as_json() for item in items], indent=2))
            return
        if not items:
            self.stdout.write(
                f"Nothing is due on {today:%a %-d %b %Y}. When you send a request, a "
                "follow-up shows up here if no answer comes."
            )
            return
        self.stdout.write(f"Due on {today:%a %-d %b %Y}, most urgent first:")
        for item in items:
            if item.due < today:
                when = f"{item.due:%-d %b}, overdue"
            elif item.due == today:
                when = "today"
            else:
                when = f"{item.due:%a %-d %b}"
            self.stdout.write(f"  {when:<16} {item.title}")
