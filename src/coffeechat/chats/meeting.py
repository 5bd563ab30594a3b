"""What an accepted request does to the student's own records: the volunteer becomes (or
already is) one of their contacts, with what the volunteer shares after acceptance, and
the student's conversation with them is created or moved to scheduled, with the request
on its timeline. The student's lifecycle (prepare, notes, reflect, thank) goes on from
there as with anyone.
"""

import datetime as dt

from django.utils import timezone

from coffeechat.community.saving import save_to_contacts
from coffeechat.community.visibility import visible_fields
from coffeechat.conversations import moves
from coffeechat.interviews.models import Interview, TimelineEntry


def on_accepted(request, now: dt.datetime) -> Interview:
    student, profile = request.student, request.volunteer
    contact = save_to_contacts(student, profile)
    share_contact_details(contact, profile, student)
    interview = Interview.under_way(student, contact) or moves.plan(student, contact)
    asked_on = timezone.localtime(request.created_at).strftime("%-d %b")
    interview.log(
        TimelineEntry.Topic.MESSAGE,
        f"Asked {profile.name} through the school's network on {asked_on}",
        at=request.created_at,
    )
    if interview.stage == Interview.Stage.PLANNED:
        interview.mark_requested()
    interview.schedule(
        request.starts_at,
        time_zone=request.student_time_zone,
        duration_minutes=request.duration_minutes,
        mode=request.mode,
        place=request.place,
    )
    interview.log(TimelineEntry.Topic.MESSAGE, f"{profile.name} accepted your request", at=now)
    request.interview = interview
    request.save(update_fields=["interview"])
    return interview


def share_contact_details(contact, profile, student) -> None:
    """Copy onto the student's contact what the volunteer shares once a request is
    accepted (email, phone, LinkedIn: each as the volunteer chose)."""
    shown = visible_fields(profile, student)
    changed = []
    if "email" in shown and profile.email and profile.email not in contact.emails:
        contact.emails = [*contact.emails, profile.email]
        changed.append("emails")
    if "phone" in shown and profile.phone and not contact.phone:
        contact.phone = profile.phone
        changed.append("phone")
    if "linkedin_url" in shown and profile.linkedin_url and not contact.linkedin_url:
        contact.linkedin_url = profile.linkedin_url
        changed.append("linkedin_url")
    if changed:
        contact.save()
