"""A volunteer who pauses (from any page) declines what is waiting for them, kindly."""

from django.dispatch import receiver

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.notify import tell_declined
from coffeechat.community.models.profiles import profile_paused


@receiver(profile_paused, dispatch_uid="chats-decline-on-pause")
def decline_waiting_requests(sender, profile, **kwargs) -> None:
    for request in ChatRequest.decline_all_waiting(profile):
        tell_declined(request)
