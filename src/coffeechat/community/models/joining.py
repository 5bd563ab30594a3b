"""The ways into the network: an invitation link, an allowed email domain, a roster."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from coffeechat.community.roles import Role, grant

INVITATION_DAYS = 14


class InvitationUsed(Exception):
    """The invitation was used, revoked or has expired."""


def _token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A link that lets one person join with the given roles and communities, once."""

    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    email = models.EmailField(
        blank=True, help_text="Who it is for; blank for anyone with the link."
    )
    roles = models.JSONField(default=list)
    communities = models.ManyToManyField("community.CareerCommunity", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"invitation for {self.email or 'anyone'}"

    def get_absolute_url(self):
        return reverse("community:join", args=[self.token])

    @classmethod
    def issue(cls, by, roles, communities=(), email="", days=INVITATION_DAYS) -> "Invitation":
        now = timezone.now()
        invitation = cls.objects.create(
            created_by=by,
            email=email,
            roles=[Role(r).value for r in roles],
            created_at=now,
            expires_at=now + dt.timedelta(days=days),
        )
        invitation.communities.set(communities)
        return invitation

    @property
    def role_names(self) -> list[str]:
        return [Role(r).label for r in self.roles]

    def is_open(self, now=None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at

    def accept(self, user) -> None:
        """Give ``user`` the roles and communities, spending the invitation (once only,
        even if two people open it at the same moment)."""
        now = timezone.now()
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=self.pk, used_at__isnull=True, expires_at__gt=now
            ).update(used_at=now, used_by=user)
            if not claimed:
                raise InvitationUsed
            grant(user, *self.roles)
            for community in self.communities.all():
                community.join(user)
        self.used_at, self.used_by = now, user

    def revoke(self) -> None:
        Invitation.objects.filter(pk=self.pk, used_at__isnull=True).update(
            expires_at=timezone.now()
        )


class AllowedDomain(models.Model):
    """Anyone with a verified address at this domain may join with this role."""

    domain = models.CharField(max_length=253, unique=True)
    role = models.CharField(
        max_length=16,
        choices=[(Role.STUDENT.value, "Student"), (Role.VOLUNTEER.value, "Volunteer")],
        default=Role.STUDENT.value,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    @classmethod
    def for_email(cls, email: str):
        domain = (email or "").rsplit("@", 1)[-1].strip().lower()
        return cls.objects.filter(domain=domain).first() if domain else None


class PendingRoster(models.Model):
    """A roster file waiting between its preview and its confirmation."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VOLUNTEER.value)
    community = models.ForeignKey(
        "community.CareerCommunity", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.filename
