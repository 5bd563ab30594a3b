"""The due list split the way a student reads it: overdue, today, coming up.

Plain data in, plain data out: ``due_items()`` has already sorted the items (earliest
due first), so each section keeps that order and the sections follow one another in it.
What waits with no date of its own (a kind that ``waits``: a conversation planned but
not asked for) is coming up, first in that section as it is dated the day it began.
"""

import datetime
from dataclasses import dataclass

from coffeechat import due
from coffeechat.due import DueItem

# How many items each section shows on the home page; the agenda page shows them all.
HOME_LIMIT = 10


@dataclass(frozen=True)
class Section:
    key: str  # "overdue", "today" or "upcoming": the anchor on the agenda page
    title: str
    items: list[DueItem]
    # Before the limit. Of a list asked for its ``first`` few (the home page), only
    # whether it is more than the limit is known, not how many more.
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.items)


TITLES = {"overdue": "Overdue", "today": "Today", "upcoming": "Coming up"}


def sections(items: list[DueItem], today: datetime.date, limit: int | None = None):
    """The non-empty sections of ``items``, each cut to its first ``limit`` items."""
    groups: dict[str, list[DueItem]] = {key: [] for key in TITLES}
    waiting = {key for key, kind in due.kinds().items() if kind.waits}
    for item in items:
        if item.kind in waiting:
            # Waits on the student with no date of its own: never overdue, never today.
            groups["upcoming"].append(item)
        elif item.due < today:
            groups["overdue"].append(item)
        elif item.due == today:
            groups["today"].append(item)
        else:
            groups["upcoming"].append(item)
    return [
        Section(key, TITLES[key], group[:limit] if limit else group, len(group))
        for key, group in groups.items()
        if group
    ]
