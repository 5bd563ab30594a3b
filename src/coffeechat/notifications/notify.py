"""``notify()``: the one way any app tells a person something."""

from django.db import IntegrityError, transaction

from coffeechat import queue
from coffeechat.notifications.models import Notification, Preferences


def notify(
    user,
    kind: str,
    subject: str,
    text: str,
    *,
    url: str = "",
    key: str = "",
    attachment: tuple[str, bytes, str] | None = None,
) -> Notification | None:
    """List a notice for ``user`` and email it as they prefer. With ``key``, telling the
    same thing twice (a task run again) makes one notice; the second call returns None."""
    try:
        with transaction.atomic():
            notice = Notification.objects.create(
                owner=user,
                kind=kind,
                subject=subject[:200],
                text=text,
                url=url[:500],
                key=key[:100],
            )
    except IntegrityError:
        return None
    preferences = Preferences.for_user(user)
    if user.email and preferences.wants_email(kind) and not preferences.digest:
        from coffeechat.notifications.tasks import send_notification

        kwargs = {"notification_id": notice.pk}
        if attachment:
            filename, content, mimetype = attachment
            kwargs["attachment"] = [filename, content.decode(), mimetype]
        queue.later(send_notification, **kwargs)
    return notice
