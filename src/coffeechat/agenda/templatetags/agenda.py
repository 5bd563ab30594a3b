"""The rows of the due list, written in Python rather than in the template.

A busy account has hundreds of items due. Rendered by the template language, each row
cost a dozen variable look-ups and up to three ``|date`` filters: most of the home
page's time. Here each row is one f-string with every value escaped (coffeechat/markup.py);
the markup is the same as the template's was.
"""

from django import template
from django.utils import dateformat
from django.utils.safestring import mark_safe

from coffeechat.markup import escape

register = template.Library()


@register.simple_tag
def due_rows(items, today):
    """One ``<li>`` per item: its kind and ISO date as data attributes, when it is due
    ("Today", "3 Nov · overdue", "30 Dec 2025 · overdue", "Wed 5 Nov"), and its title,
    linked when it has a URL."""
    whens: dict = {}  # many items share a day: format each day once
    rows = []
    for item in items:
        due = item.due
        if due not in whens:
            if due == today:
                whens[due] = ("due-today", "Today")
            elif due < today:
                # What the |date filter calls: the same words, in the same language. The
                # year only when it isn't this one.
                day = dateformat.format(due, "j M" if due.year == today.year else "j M Y")
                whens[due] = ("overdue", escape(f"{day} · overdue"))
            else:
                day = dateformat.format(due, "D j M" if due.year == today.year else "D j M Y")
                whens[due] = ("", escape(day))
        state, when = whens[due]
        kind, day, title = escape(item.kind), due.isoformat(), escape(item.title)
        if item.url:
            title = f'<a href="{escape(item.url)}">{title}</a>'
        rows.append(
            f'\n    <li class="due-item due-{kind}" data-kind="{kind}" data-due="{day}">'
            f'\n      <time datetime="{day}" class="{state}">{when}</time>'
            f"\n      {title}"
            "\n    </li>"
        )
    return mark_safe("".join(rows))
