"""The daily digest: one email with the notices of the last day, for those who chose it."""

import datetime as dt

from django.utils import timezone

from coffeechat.notifications.mail import build_email, email_configured
from coffeechat.notifications.models import Notification, Preferences

LOOK_BACK = dt.timedelta(days=2)  # a digest missed yesterday still goes out today


def send_digests(now: dt.datetime | None = None) -> int:
    """Email each person who chose the digest their notices not yet emailed; how many
    emails went out. A second run the same day finds nothing left to send."""
    now = now or timezone.now()
    if not email_configured():
        return 0
    sent = 0
    people = Preferences.objects.filter(digest=True).exclude(owner__email="")
    for preferences in people.select_related("owner"):
        items = list(
            Notification.objects.filter(
                owner=preferences.owner,
                emailed_at=None,
                created_at__gte=now - LOOK_BACK,
                kind__in=preferences.emailed,
            ).order_by("created_at")
        )
        if not items:
            continue
        count = len(items)
        subject = f"coffeechat: {count} thing{'s' if count > 1 else ''} since yesterday"
        build_email(preferences.owner, subject, items).send(fail_silently=False)
        Notification.objects.filter(pk__in=[item.pk for item in items], emailed_at=None).update(
            emailed_at=now
        )
        sent += 1
    return sent
