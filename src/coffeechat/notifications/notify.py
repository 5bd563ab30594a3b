"""``notify()``: the one way any app tells a person something; ``notify_all()`` for many
at once (the periodic tasks tell hundreds in one run)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from coffeechat import queue
from coffeechat.notifications.models import Notification, Preferences


@dataclass(frozen=True)
class Notice:
    """What to tell ``user``. With ``key``, telling the same thing twice makes one notice."""

    user: object
    kind: str
    subject: str
    text: str
    url: str = ""
    key: str = ""
    attachment: tuple[str, bytes, str] | None = None

    def row(self) -> Notification:
        return Notification(
            owner=self.user,
            kind=self.kind,
            subject=self.subject[:200],
            text=self.text,
            url=self.url[:500],
            key=self.key[:100],
        )


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
    notice = Notice(user, kind, subject, text, url=url, key=key, attachment=attachment)
    return notify_all([notice])[0]


def notify_all(notices: list[Notice]) -> list[Notification | None]:
    """``notify`` for each of ``notices`` in a few queries whatever their number: one for
    the keys already told, one insert, one for the preferences, one for the mail jobs.
    The results line up with ``notices``; None where the notice had been given before."""
    keys = {(n.user.pk, n.key[:100]) for n in notices if n.key}
    told = set()
    if keys:
        told = set(
            Notification.objects.filter(
                owner__in={owner for owner, _ in keys}, key__in={key for _, key in keys}
            ).values_list("owner_id", "key")
        )
    results: list[Notification | None] = [None] * len(notices)
    fresh: dict[tuple, int] = {}  # a key repeated within this call counts once
    for index, notice in enumerate(notices):
        mark = (notice.user.pk, notice.key[:100])
        if notice.key and (mark in told or mark in fresh):
            continue
        if notice.key:
            fresh[mark] = index
        results[index] = notice.row()
    rows = [row for row in results if row is not None]
    try:
        with transaction.atomic():
            Notification.objects.bulk_create(rows)
    except IntegrityError:  # told meanwhile by another run: one at a time, skipping those
        for index, row in enumerate(results):
            if row is not None:
                results[index] = _insert_one(row)
    _email([(n, r) for n, r in zip(notices, results, strict=True) if r is not None])
    return results


def _insert_one(row: Notification) -> Notification | None:
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        return None
    return row


def _email(told: list[tuple[Notice, Notification]]) -> None:
    """Queue the email of each new notice whose person wants it now (not in a digest)."""
    if not told:
        return
    preferences_of = Preferences.for_users({n.user.pk: n.user for n, _ in told}.values())
    jobs = []
    for notice, row in told:
        preferences = preferences_of[notice.user.pk]
        if notice.user.email and preferences.wants_email(notice.kind) and not preferences.digest:
            kwargs = {"notification_id": row.pk}
            if notice.attachment:
                filename, content, mimetype = notice.attachment
                kwargs["attachment"] = [filename, content.decode(), mimetype]
            jobs.append(kwargs)
    if jobs:
        from coffeechat.notifications.tasks import send_notification

        queue.later_many(send_notification, jobs)
