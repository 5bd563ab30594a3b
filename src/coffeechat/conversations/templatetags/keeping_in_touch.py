"""The keep-in-touch panel of a contact's page: cadence, last interaction, next check-in.

The next check-in comes from conversations/due.py, the rule the agenda uses.
"""

from django import template
from django.utils import timezone

from coffeechat.conversations.due import check_in_day, last_interaction, last_interactions
from coffeechat.interviews.forms import CADENCE_CHOICES, CadenceForm, InteractionForm
from coffeechat.interviews.models import MET_STAGES, KeepInTouch

register = template.Library()


@register.inclusion_tag("interviews/_keep_in_touch.html", takes_context=True)
def keep_in_touch_panel(context, contact):
    setting = KeepInTouch.objects.filter(contact=contact).first()
    annotated = last_interactions(type(contact).objects.filter(pk=contact.pk)).first()
    last = last_interaction(annotated) if annotated else None
    has_met = contact.interviews.filter(stage__in=MET_STAGES).exists()
    cadence = setting.cadence_days if setting else KeepInTouch.DEFAULT_DAYS
    tracked = (setting is not None and setting.cadence_days) or (setting is None and has_met)
    next_due = None
    start = last or (setting.created_at if setting else None)
    if tracked and start:
        # The agenda's own rule, on the user's clock (the middleware's active zone).
        next_due = check_in_day(start, cadence, timezone.get_current_timezone())
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
