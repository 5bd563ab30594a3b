"""After a yes, either person moves or calls off the meeting."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coffeechat.chats.forms import CancelForm, MessageForm, RescheduleForm
from coffeechat.chats.lookup import request_for
from coffeechat.chats.models import ChatMessage, RequestRefused
from coffeechat.chats.notify import tell_cancelled, tell_message, tell_moved
from coffeechat.community.access import allowed


def own_zone(chat, user) -> str:
    """The clock ``user`` reads the meeting on."""
    if chat.volunteer.owner_id == user.pk:
        return chat.volunteer.time_zone
    return chat.student_time_zone


@allowed("request.view")
@require_POST
def reschedule(request, pk):
    chat = request_for(request.user, pk)
    form = RescheduleForm(request.POST, zone_name=own_zone(chat, request.user))
    if not form.is_valid() or "starts_at" not in form.cleaned_data:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        if not form.errors:
            messages.error(request, "Give a day and a time.")
        return redirect(chat)
    try:
        chat.reschedule(form.cleaned_data["starts_at"])
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_moved(chat, request.user)
    messages.success(request, "Moved. You both have the updated invite.")
    return redirect(chat)


@allowed("request.view")
@require_POST
def cancel(request, pk):
    chat = request_for(request.user, pk)
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        chat.cancel(request.user, reason)
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_cancelled(chat, request.user)
    messages.success(request, "Called off. They have been told, and their calendar updated.")
    return redirect(chat)


@allowed("request.view")
@require_POST
def write(request, pk):
    """A message in the request's thread, to the other person."""
    chat = request_for(request.user, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(chat)
    try:
        message = ChatMessage.post(chat, request.user, form.cleaned_data["body"])
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_message(message)
    return redirect(chat.get_absolute_url() + "#thread")
