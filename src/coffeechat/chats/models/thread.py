"""A request's thread: messages between its student and its volunteer, in coffeechat."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coffeechat.chats.models.blocks import refuse_if_blocked
from coffeechat.chats.models.requests import ChatRequest
from coffeechat.chats.refusal import RequestRefused


class ChatMessage(models.Model):
    """One message in a request's thread, between its student and its volunteer."""

    request = models.ForeignKey(ChatRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Message on {self.request}"

    @classmethod
    def post(cls, request: ChatRequest, author, body: str) -> "ChatMessage":
        """Add to the thread; refused on a request that was withdrawn."""
        body = body.strip()
        if not body:
            raise RequestRefused("Write something first.", request)
        if request.state == ChatRequest.State.WITHDRAWN:
            raise RequestRefused("This request was withdrawn, so its thread is closed.", request)
        other = request.volunteer.owner if author.pk == request.student_id else request.student
        refuse_if_blocked(author, other, record=request)
        return cls.objects.create(request=request, author=author, body=body[:2000])
