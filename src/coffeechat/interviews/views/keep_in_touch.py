"""Keep in touch with one contact: their cadence, and logging an interaction."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.models import Contact
from coffeechat.interviews.forms import CadenceForm, InteractionForm
from coffeechat.interviews.models import KeepInTouch
from coffeechat.interviews.views import post_only


def _back(contact):
    return redirect(contact.get_absolute_url() + "#keep-in-touch")


@post_only
def set_cadence(request, contact_pk):
    contact = get_owned_or_404(Contact, request.user, pk=contact_pk)
    form = CadenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose how often to check in: 30, 60, 90 or 180 days, or never.")
        return _back(contact)
    days = form.cleaned_days()
    KeepInTouch.set_cadence(contact, days)
    if days:
        messages.success(request, f"You'll be reminded to check in every {days} days.")
    else:
        messages.success(request, f"No more check-in reminders for {contact.full_name}.")
    return _back(contact)


@post_only
def log_interaction(request, contact_pk):
    contact = get_owned_or_404(Contact, request.user, pk=contact_pk)
    form = InteractionForm(request.POST)
    if not form.is_valid():
        errors = " ".join(" ".join(e) for e in form.errors.values())
        messages.error(request, f"Nothing was logged. {errors}")
        return _back(contact)
    interaction = form.save(commit=False)
    day = form.cleaned_data["day"]
    now = timezone.localtime()
    if day == now.date():
        interaction.happened_at = now
    else:
        zone = timezone.get_current_timezone()
        interaction.happened_at = datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)
    interaction.owner = request.user
    interaction.contact = contact
    interaction.save()
    messages.success(request, "Logged. The keep-in-touch clock starts again from this.")
    return _back(contact)
