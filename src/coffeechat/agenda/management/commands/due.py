import datetime
import json

from django.core.management.base import CommandError

from coffeechat.agenda.sections import sections
from coffeechat.commands import CoffeechatCommand
from coffeechat.due import ahead, due_items
from coffeechat.zones import local_today


def parse_day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--today {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-03."
        ) from None


class Command(CoffeechatCommand):
    help = "What is due: follow-ups, meetings and other next steps, most urgent first."
    takes_user = True

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="print a JSON list of the items, nothing else"
        )
        parser.add_argument(
            "--ahead",
            action="store_true",
            help="also what is coming up in the next six months, as the agenda page shows it "
            "(follow-ups if no answer comes, meetings, next steps, check-ins, conversations "
            "planned)",
        )
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="pretend today is this date (default: today in your profile's time zone)",
        )

    def handle(self, *args, **options):
        user = self.resolve_user(options)
        today = parse_day(options["today"]) if options["today"] else local_today(user)
        items = due_items(user, today, until=ahead(today) if options["ahead"] else None)
        if options["json"]:
            self.stdout.write(json.dumps([item.as_json() for item in items], indent=2))
            return
        if not items:
            if options["ahead"]:
                self.stdout.write(
                    f"Nothing is due on {today:%a %-d %b %Y} and nothing is coming up. Write "
                    "to someone you'd like to learn from; if no answer comes, the follow-up "
                    "shows up here."
                )
            else:
                self.stdout.write(
                    f"Nothing is due on {today:%a %-d %b %Y}. To see what is coming up, add "
                    "--ahead."
                )
            return
        self.stdout.write(f"Due on {today:%a %-d %b %Y}, most urgent first:")
        for section in sections(items, today):
            self.stdout.write(f"\n{section.title} ({section.total})")
            for item in section.items:
                self.stdout.write(f"  {when(item.due, today):<22} {item.title}")


def when(due: datetime.date, today: datetime.date) -> str:
    """When an item is due, as the list shows it: 3 Nov, overdue / today / Wed 5 Nov,
    with the year when it isn't this one."""
    year = "" if due.year == today.year else " %Y"
    if due < today:
        return f"{due:%-d %b{year}}, overdue"
    if due == today:
        return "today"
    return f"{due:%a %-d %b{year}}"
