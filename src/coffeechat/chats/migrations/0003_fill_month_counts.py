"""Fill each volunteer's count of requests this month (community 0004 added the columns),
so the directory's "taking requests now" filter is right before the next request comes."""

import datetime as dt
import zoneinfo

from django.db import migrations
from django.utils import timezone


def fill(apps, schema_editor):
    ChatRequest = apps.get_model("chats", "ChatRequest")
    VolunteerProfile = apps.get_model("community", "VolunteerProfile")
    now = timezone.now()
    recent = ChatRequest.objects.filter(created_at__gte=now - dt.timedelta(days=32))
    for profile in VolunteerProfile.objects.filter(pk__in=recent.values("volunteer_id").distinct()):
        try:
            zone = zoneinfo.ZoneInfo(profile.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = dt.UTC
        month = now.astimezone(zone).date().replace(day=1)
        start = dt.datetime.combine(month, dt.time(), tzinfo=zone)
        count = (
            recent.filter(volunteer_id=profile.pk, created_at__gte=start)
            .exclude(state="withdrawn")
            .count()
        )
        VolunteerProfile.objects.filter(pk=profile.pk).update(
            requests_month=month, requests_this_month=count
        )


class Migration(migrations.Migration):
    dependencies = [
        ("chats", "0002_thread"),
        ("community", "0004_requests_this_month"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
