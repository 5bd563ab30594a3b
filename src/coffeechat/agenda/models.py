import secrets

from django.db import models
from django.utils import timezone

from coffeechat.accounts.ownership import Owned


def new_token() -> str:
    # 32 random bytes: the URL itself is the password, so it must be unguessable.
    return secrets.token_urlsafe(32)


class CalendarFeed(Owned):
    """A private calendar address for one user. Anyone with the URL can read it.

    The token is kept as is (not hashed) so the settings page can show the address again;
    it is a capability for read-only calendar data, and regenerating it cuts off every
    copy of the old address at once.
    """

    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_calendar_feed_per_user")]

    def __str__(self):
        return f"Calendar feed of {self.owner}"

    @classmethod
    def for_user(cls, user):
        feed, _ = cls.objects.get_or_create(owner=user)
        return feed

    def regenerate(self):
        """Give the feed a new address; the old one stops working at once."""
        self.token = new_token()
        self.created_at = timezone.now()
        self.last_fetched_at = None
        self.save(update_fields=["token", "created_at", "last_fetched_at"])
        return self.token
