"""The keep-in-touch panel of a contact's page: cadence, last interaction, next check-in.

Who is tracked, the last moment in touch and the clock are the stored ones the agenda
reads (``models.LastTouch``); the next check-in is ``due.check_in_day``, the agenda's rule.
"""

from django import template
from django.utils import timezone

from coffeechat.conversations.due import check_in_day
from coffeechat.conversations.models import LastTouch
from coffeechat.interviews.forms import CADENCE_CHOICES, CadenceForm, InteractionForm
from coffeechat.interviews.models import MET_STAGES, KeepInTouch

register = template.Library()


@register.inclusion_tag("interviews/_keep_in_touch.html", takes_context=True)
def keep_in_touch_panel(context, contact):
    setting = KeepInTouch.objects.filter(contact=contact).first()
    stored = LastTouch.objects.filter(contact=contact).values_list("moment", "cadence", "clock")
    last, tracked_every, clock = stored.first() or (None, None, None)
    has_met = contact.interviews.filter(stage__in=MET_STAGES).exists()
    cadence = setting.cadence_days if setting else KeepInTouch.DEFAULT_DAYS
    tracked = tracked_every is not None
    next_due = None
    if tracked and clock:
        # The agenda's own rule, on the user's clock (the middleware's active zone).
        next_due = check_in_day(clock, tracked_every, timezone.get_current_timezone())
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
