import datetime

from django import template
from django.utils import timezone

from coffeechat.interviews.due import last_interaction, last_interactions
from coffeechat.interviews.forms import CADENCE_CHOICES, CadenceForm, InteractionForm
from coffeechat.interviews.models import MET_STAGES, KeepInTouch
from coffeechat.interviews.zones import describe

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


@register.inclusion_tag("interviews/_keep_in_touch.html", takes_context=True)
def keep_in_touch_panel(context, contact):
    setting = KeepInTouch.objects.filter(contact=contact).first()
    annotated = last_interactions(type(contact).objects.filter(pk=contact.pk)).first()
    last = last_interaction(annotated) if annotated else None
    has_met = contact.interviews.filter(stage__in=MET_STAGES).exists()
    cadence = setting.cadence_days if setting else KeepInTouch.DEFAULT_DAYS
    tracked = (setting is not None and setting.cadence_days) or (setting is None and has_met)
    next_due = None
    if tracked:
        start = last or (setting.created_at if setting else None)
        if start:
            next_due = timezone.localtime(start).date() + datetime.timedelta(days=cadence)
    selected = str(cadence) if cadence else "none"
    return {
        "contact": contact,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "tracked": tracked,
        "has_met": has_met,
        "cadence": cadence,
        "last": last,
        "next_due": next_due,
        "today": timezone.localdate(),
        "cadence_form": CadenceForm(initial={"cadence": selected}),
        "cadence_choices": CADENCE_CHOICES,
        "interaction_form": InteractionForm(),
        "interactions": contact.interactions.order_by("-happened_at", "-id")[:5],
        "interviews": contact.interviews.order_by("-created_at")[:5],
    }
