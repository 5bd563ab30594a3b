from django import template
from django.utils import timezone

from coffeechat.zones import describe

register = template.Library()


@register.simple_tag
def meeting_when(interview, zone=None):
    """When the meeting is, on the user's clock, with the agreed zone's clock beside it."""
    if not interview.starts_at:
        return "not scheduled yet"
    zone = zone or timezone.get_current_timezone()
    mine = interview.starts_at.astimezone(zone)
    end = interview.ends_at.astimezone(zone)
    text = f"{describe(interview.starts_at, zone)}–{end:%H:%M}"
    theirs = interview.starts_at.astimezone(interview.zone)
    if theirs.utcoffset() != mine.utcoffset():
        day = "" if theirs.date() == mine.date() else f"{theirs:%a %-d %b}, "
        text += f" your time · {day}{theirs:%H:%M} in {interview.time_zone.replace('_', ' ')}"
    return text
