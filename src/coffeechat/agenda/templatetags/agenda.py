"""The rows of the due list: each row's values formatted once here, the markup in a
template (agenda/_due_rows.html).

A busy account has hundreds of items due. The template reads a few plain values per row
(a dict each); the dates are formatted once per day, not once per row, with the same
words the ``|date`` filter uses.
"""

from django import template
from django.utils import dateformat

from coffeechat.due import kinds

register = template.Library()


def due_rows(items, today) -> list[dict]:
    """One dict per item: its kind, ISO date, when it is due ("Today", "3 Nov · overdue",
    "30 Dec 2025 · overdue", "Wed 5 Nov"; "Planned 3 Dec" for what waits) and that
    state, its title and URL."""
    whens: dict = {}  # many items share a day: format each day once
    waiting = {key for key, kind in kinds().items() if kind.waits}
    rows = []
    for item in items:
        due = item.due
        if item.kind in waiting:
            day = dateformat.format(due, "j M" if due.year == today.year else "j M Y")
            state, when = "waiting", f"Planned {day}"
        elif due not in whens:
            if due == today:
                whens[due] = ("due-today", "Today")
            elif due < today:
                # The year only when it isn't this one.
                day = dateformat.format(due, "j M" if due.year == today.year else "j M Y")
                whens[due] = ("overdue", f"{day} · overdue")
            else:
                whens[due] = (
                    "",
                    dateformat.format(due, "D j M" if due.year == today.year else "D j M Y"),
                )
        if item.kind not in waiting:
            state, when = whens[due]
        rows.append(
            {
                "kind": item.kind,
                "day": due.isoformat(),
                "state": state,
                "when": when,
                "title": item.title,
                "url": item.url,
            }
        )
    return rows


@register.inclusion_tag("agenda/_due_rows.html")
def due_list_rows(items, today):
    return {"rows": due_rows(items, today)}
