"""A block between two people of the network: nothing new passes between them (no
request, no message) until the one who blocked lifts it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coffeechat.chats.refusal import RequestRefused


class Block(models.Model):
    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint("blocker", "blocked", name="one_block_per_pair"),
        ]

    def __str__(self):
        return f"{self.blocker} blocked {self.blocked}"

    @classmethod
    def block(cls, blocker, blocked, record=None) -> "Block":
        """``blocker`` stops everything new from ``blocked`` (blocking twice is one block)."""
        if blocker.pk == blocked.pk:
            raise RequestRefused("You can't block yourself.", record)
        block, _ = cls.objects.get_or_create(blocker=blocker, blocked=blocked)
        return block

    @classmethod
    def unblock(cls, blocker, blocked, record=None) -> None:
        """Only the one who blocked can lift it."""
        deleted, _ = cls.objects.filter(blocker=blocker, blocked=blocked).delete()
        if not deleted:
            raise RequestRefused("There is no block of yours to lift here.", record)

    @classmethod
    def between(cls, user, other) -> tuple[bool, bool]:
        """(``user`` blocked ``other``, ``other`` blocked ``user``), in one query."""
        found = set(
            cls.objects.filter(
                models.Q(blocker=user, blocked=other) | models.Q(blocker=other, blocked=user)
            ).values_list("blocker_id", flat=True)
        )
        return user.pk in found, other.pk in found


def refuse_if_blocked(user, other, other_name: str = "", *, record=None) -> None:
    """Refuse a new request or message between two people when one blocked the other,
    saying who did and what undoes it."""
    mine, theirs = Block.between(user, other)
    if mine:
        raise RequestRefused(
            "You blocked this person, so nothing new can pass between you. Unblock them "
            "from your request's page if you change your mind.",
            record,
        )
    if theirs:
        who = other_name or "This person"
        raise RequestRefused(
            f"{who} has blocked new requests and messages from you, so this can't be sent.",
            record,
        )
