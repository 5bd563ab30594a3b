"""Other times: the volunteer offers their own, the student chooses one."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coffeechat.chats.forms import ChooseForm, OfferForm
from coffeechat.chats.lookup import request_for
from coffeechat.chats.models import RequestRefused
from coffeechat.chats.notify import tell_accepted, tell_offered
from coffeechat.chats.views.answering import detail
from coffeechat.community.access import allowed


@allowed("request.answer")
@require_POST
def offer(request, pk):
    chat = request_for(request.user, pk, as_volunteer=True)
    form = OfferForm(request.POST, request=chat)
    if not form.is_valid():
        return detail(request, pk, offer_form=form)
    try:
        chat.offer(form.cleaned_data["starts"], place=form.cleaned_data.get("place", ""))
    except RequestRefused as refusal:
        form.add_error(None, str(refusal))
        return detail(request, pk, offer_form=form)
    tell_offered(chat)
    messages.success(request, f"Offered. {chat.student_name()} will choose one of your times.")
    return redirect(chat)


@allowed("request.ask")
@require_POST
def choose(request, pk):
    chat = request_for(request.user, pk, as_volunteer=False)
    form = ChooseForm(request.POST, request=chat)
    if not form.is_valid():
        return detail(request, pk, choose_form=form)
    try:
        chat.choose(form.cleaned_data["time"])
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_accepted(chat)
    messages.success(request, "It's set. You both have the invite; it's in your agenda too.")
    return redirect(chat)
