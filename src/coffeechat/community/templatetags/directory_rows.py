"""The directory's result rows: each person's values read once here into a plain dict,
the markup in a template (community/_directory_rows.html), as the contact list's are."""

from django import template

from coffeechat.community.templatetags.network import public_line
from coffeechat.links import url_pattern

register = template.Library()


def directory_rows(results, today, now) -> list[dict]:
    volunteer_url = url_pattern("community:volunteer")
    rows = []
    for result in results:
        profile = result.profile
        rows.append(
            {
                "url": volunteer_url.format(profile.pk),
                "name": profile.name,
                "line": public_line(profile),
                "paused": not profile.is_taking_requests(today),
                "stale": profile.is_stale(now),
                "communities": " · ".join(c.name for c in result.communities),
                "reasons": "; ".join(result.reasons),
            }
        )
    return rows


@register.inclusion_tag("community/_directory_rows.html", name="directory_rows")
def directory_rows_tag(results, today, now):
    return {"rows": directory_rows(results, today, now)}
