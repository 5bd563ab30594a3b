"""A volunteer who pauses (from any page) declines what is waiting for them, kindly; a
profile the office deactivates closes what is waiting for it the same way."""

from django.dispatch import receiver

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.notify import tell_declined
from coffeechat.community.models.profiles import profile_deactivated, profile_paused


@receiver(profile_paused, dispatch_uid="chats-decline-on-pause")
def decline_waiting_requests(sender, profile, **kwargs) -> None:
    for request in ChatRequest.decline_all_waiting(profile):
        tell_declined(request)


GONE_NOTE = "They are no longer offering conversations through the network."


@receiver(profile_deactivated, dispatch_uid="chats-decline-on-deactivate")
def close_requests_to_gone_volunteer(sender, profile, **kwargs) -> None:
    for request in ChatRequest.decline_all_waiting(profile, GONE_NOTE, gone=True):
        tell_declined(request)
