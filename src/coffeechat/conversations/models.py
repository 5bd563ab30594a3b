"""What the conversations app stores: each contact's latest moment in touch, and when their
next check-in falls due."""

from django.conf import settings
from django.db import models


class LastTouch(models.Model):
    """The latest moment the student was in touch with ``contact`` (None: never yet), and
    for a person the student keeps in touch with, the ``cadence`` in days and the
    ``clock`` their next check-in counts from (both None for anyone else).

    Kept by the database's triggers (``last_touch.py``), never written by Django: the
    agenda reads it where it once computed it for every person it tracks.
    """

    contact = models.OneToOneField(
        "contacts.Contact",
        primary_key=True,
        on_delete=models.DO_NOTHING,  # the contact's own trigger forgets the row
        db_constraint=False,
        related_name="last_touch",
    )
    moment = models.DateTimeField(null=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,  # the owner's contacts go first, and with them the rows
        db_constraint=False,
        related_name="+",
    )
    cadence = models.PositiveSmallIntegerField(null=True)
    clock = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            # The first check-ins due, for each cadence, straight from the index.
            models.Index(
                fields=["owner", "cadence", "clock", "contact"],
                condition=models.Q(cadence__isnull=False),
                name="lasttouch_check_in",
            )
        ]

    def __str__(self):
        return f"{self.contact_id}: {self.moment}"
