"""What the conversations app stores: each contact's latest moment in touch."""

from django.db import models


class LastTouch(models.Model):
    """The latest moment the student was in touch with ``contact`` (None: never yet).

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

    def __str__(self):
        return f"{self.contact_id}: {self.moment}"
