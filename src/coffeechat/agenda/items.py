"""What is due, computed from the data on every request: no cron job, no worker.

Each app that knows about something due contributes a *provider*: a function
``provider(user, today) -> Iterable[DueItem]`` listed in ``PROVIDERS`` below. The home
page, ``coffeechat due`` and the calendar feed all read ``due_items()``, so they always
agree.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import import_string

# Most urgent first when due dates tie: lower numbers sort first.
KIND_PRIORITY: dict[str, int] = {
    "meeting": 10,
    "thank-you": 20,
    "prepare": 25,
    "reflect": 30,
    "follow-up": 40,
    "second-contact": 45,
    "try-someone-else": 50,
    "todo": 60,
    "keep-in-touch": 70,
}

PROVIDERS: list[str] = [
    "coffeechat.interviews.due.meetings",
    "coffeechat.interviews.due.preparation",
    "coffeechat.interviews.due.reflections",
    "coffeechat.interviews.due.thank_yous",
    "coffeechat.interviews.due.keep_in_touch",
    "coffeechat.interviews.due.todos",
    "coffeechat.outreach.due.follow_up_items",
]


@dataclass(frozen=True)
class DueItem:
    kind: str
    contact_id: int | None
    contact: str
    due: datetime.date
    title: str
    url: str = ""
    # For timed things such as meetings; None for all-day items.
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None

    def as_json(self) -> dict:
        """The item for ``coffeechat due --json``: dates in ISO 8601, times in UTC with
        their offset, ``url`` the path of the page that does the step (or "")."""
        return {
            "kind": self.kind,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "due": self.due.isoformat(),
            "title": self.title,
            "url": self.url,
            "starts_at": _iso(self.starts_at),
            "ends_at": _iso(self.ends_at),
        }


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def _sort_key(item: DueItem):
    return (
        item.due,
        KIND_PRIORITY.get(item.kind, 50),
        item.starts_at or datetime.datetime.min.replace(tzinfo=datetime.UTC),
        item.contact.casefold(),
    )


def due_items(user, today: datetime.date) -> list[DueItem]:
    """Everything due for ``user`` by ``today`` (and upcoming meetings), most urgent first."""
    items: list[DueItem] = []
    for path in PROVIDERS:
        provider: Callable[..., Iterable[DueItem]] = import_string(path)
        items.extend(provider(user, today))
    return sorted(items, key=_sort_key)
