"""The directory's result rows, written in Python (coffeechat.markup) as the contact list's
are: per-row template look-ups were half of the page's time at 20 rows."""

from django import template
from django.utils.safestring import mark_safe

from coffeechat.community.templatetags.network import public_line
from coffeechat.markup import escape, url_pattern

register = template.Library()


@register.simple_tag
def directory_rows(results, today, now) -> str:
    volunteer_url = url_pattern("community:volunteer")
    rows = []
    for result in results:
        profile = result.profile
        line = public_line(profile)
        badges = ""
        if not profile.is_taking_requests(today):
            badges += '<span class="badge">Not taking requests now</span>'
        if profile.is_stale(now):
            badges += '<span class="badge">May be slow to answer</span>'
        communities = " · ".join(escape(c.name) for c in result.communities)
        reasons = "; ".join(escape(reason) for reason in result.reasons)
        rows.append(
            '<li class="person">'
            f'<h2><a href="{volunteer_url.format(profile.pk)}">{escape(profile.name)}</a></h2>'
            f"<p>{escape(line)}</p>"
            + (f'<p class="muted"><small>{communities}</small></p>' if communities else "")
            + f'<p class="status">{badges}</p>'
            + (f'<p class="why"><small>Matched: {reasons}</small></p>' if reasons else "")
            + "</li>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every value escaped above)
