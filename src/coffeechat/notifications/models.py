"""What coffeechat tells a person on its own: each notice is listed in the app and, as the
person prefers, emailed at once or gathered in a daily digest."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.ownership import Owned


class Kind(models.TextChoices):
    NEW_REQUEST = "new-request", "A new request for a conversation"
    ANSWER = "answer", "An answer to my request"
    REMINDER = "reminder", "A request still waiting for my answer"
    EXPIRY = "expiry", "A request of mine that expired"
    MEETING = "meeting", "A meeting tomorrow, or one that moved"
    THANK_YOU = "thank-you", "A thank-you due"
    MESSAGE = "message", "A message about a request"


class Notification(Owned):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    text = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    # Makes telling twice (a task run again) one notice: unique per person when set.
    key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                "owner", "key", condition=~models.Q(key=""), name="notification_once"
            )
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="notification_list"),
            models.Index(
                fields=["owner"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("notifications:open", args=[self.pk])


class Preferences(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    # The kinds emailed; the rest are only listed in the app.
    emailed = models.JSONField(default=list, blank=True)
    digest = models.BooleanField(
        "one email a day instead",
        default=False,
        help_text="Gather the day's notices in one email each morning instead of one email each.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Notification preferences of {self.owner}"

    @classmethod
    def for_user(cls, user) -> "Preferences":
        return cls.for_users([user])[user.pk]

    @classmethod
    def for_users(cls, users) -> dict[int, "Preferences"]:
        """Each person's preferences by id, in one query; everything emailed by default."""
        found = {p.owner_id: p for p in cls.objects.filter(owner__in=[u.pk for u in users])}
        return {u.pk: found.get(u.pk) or cls(owner=u, emailed=list(Kind.values)) for u in users}

    def wants_email(self, kind: str) -> bool:
        return kind in self.emailed
