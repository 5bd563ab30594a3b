"""Data for export and backup tests: a rich account, and a backup file from version 1."""

import datetime as dt
import zoneinfo
from pathlib import Path

import time_machine

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    Todo,
)
from coffeechat.outreach.models import Message, MessageTemplate

UTC = dt.UTC
CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def build_rich_account(user):
    """A bit of everything, including the awkward parts: links in a circle, non-ASCII, blanks."""
    profile = Profile.for_user(user)
    profile.name = "Olivia Ørsted-Núñez"
    profile.school = "Wellesley College"
    profile.class_year = 2027
    profile.major = "Chemistry"
    profile.interests = "Battery research\nScience policy"
    profile.availability = "Weekday afternoons after 2 pm"
    profile.signature = "Olivia\nWellesley '27"
    profile.time_zone = "America/New_York"
    profile.save()

    ionic = Organization.objects.create(
        owner=user,
        name="Ionic Labs",
        website="https://ioniclabs.example",
        industry="Energy storage",
        notes="Spun out of MIT.\nHiring interns in spring.",
    )
    bank = Organization.objects.create(owner=user, name="Banco Señorial", industry="Finance")
    Organization.objects.create(owner=user, name="東京化学", notes="No contacts yet.")

    ada = Contact.objects.create(
        owner=user,
        first_name="Ada",
        last_name="Singh",
        title="Battery chemist",
        organization=ionic,
        field="Chemistry",
        emails=["ada@ioniclabs.example", "ada.singh@alumni.example"],
        phone="+1 617 555 0100",
        linkedin_url="https://www.linkedin.com/in/ada-singh",
        location="Boston, MA",
        source="faculty",
        notes="Met at the open house.\nAsked about grad school.",
        research_notes="Published on solid-state electrolytes.",
        connected_on=dt.date(2024, 1, 15),
    )
    josé = Contact.objects.create(
        owner=user,
        first_name="José",
        last_name="Núñez",
        organization=bank,
        emails=["jose@banco.example"],
        source="alum",
        referred_by=ada,
        connected_on=dt.date(2023, 12, 31),
    )
    # A circle: Ada was referred by Zoë, who was referred by José.
    zoë = Contact.objects.create(
        owner=user, first_name="Zoë", last_name="", source="peer", referred_by=josé
    )
    ada.referred_by = zoë
    ada.save()
    Contact.objects.create(owner=user, first_name="", last_name="Blank", emails=[])

    ada.set_tags(["batteries", "boston", "≠ ascii"])
    josé.set_tags(["finance", "boston"])
    Tag.objects.create(owner=user, name="unused")

    add_outreach_and_interviews(
        user, ada, josé, zoë, Contact.objects.get(owner=user, last_name="Blank")
    )

    # Distinct, old timestamps, so a restore that lets auto_now win is caught.
    for offset, contact in enumerate(Contact.objects.owned_by(user).order_by("pk")):
        Contact.objects.filter(pk=contact.pk).update(
            created_at=dt.datetime(2024, 2, 1, 9, 30, 15, 123456 + offset, tzinfo=UTC),
            updated_at=dt.datetime(2024, 3, 2, 18, 5, 0, 654321 - offset, tzinfo=UTC),
        )


def at(day: str) -> dt.datetime:
    """A moment in UTC, like at("2025-02-03 10:05")."""
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


def add_outreach_and_interviews(user, ada, josé, zoë, blank):
    """Templates, messages in every state and interviews at several stages, made the way the
    app makes them (the model methods), each step at its own moment in early 2025."""
    with time_machine.travel(at("2025-01-10 09:00"), tick=False):
        mine = MessageTemplate.objects.create(
            owner=user,
            name="Short note to a chemist",
            subject="Your work on {{ their_field }}",
            body="Hello {{ their_first_name }},\n\nI read about your lab's work...",
        )
        linkedin = MessageTemplate.objects.create(
            owner=user, name="LinkedIn hello", channel="linkedin", body="Hi {{ their_first_name }}!"
        )
        MessageTemplate.objects.create(
            owner=user,
            name="Thank-you (my words)",
            kind="thank-you",
            subject="Thank you, {{ their_first_name }}",
            body="Thank you for the time yesterday.",
            builtin_key="thank-you",
        )
        gone = MessageTemplate.objects.create(owner=user, name="Deleted later", body="x")
    with time_machine.travel(at("2025-01-12 16:45"), tick=False):
        mine.body += "\nWould you have 20 minutes in the next weeks?"
        mine.save()

    # Ada: the whole path, from a request sent with one of my templates to keeping in touch.
    with time_machine.travel(at("2025-02-03 10:00"), tick=False):
        ada_chat = Interview.objects.create(owner=user, contact=ada)
        ada_chat.goal_learn = "How a chemist moves from a lab to industry"
        ada_chat.goal_decision = "Whether to apply for the summer program"
        ada_chat.checklist = ["questions", "paper"]
        ada_chat.save()
        for position, (text, bank_key, notes) in enumerate(
            [
                ("How did you first get into this kind of work?", "journey-start", "A summer job"),
                ("What does a normal week look like?", "", ""),
                ("Who else should I talk to?", "", "Her colleague at Volta — «ask first»"),
            ]
        ):
            InterviewQuestion.objects.create(
                owner=user,
                interview=ada_chat,
                position=position,
                text=text,
                bank_key=bank_key,
                notes=notes,
            )
        request = Message.objects.create(
            owner=user,
            contact=ada,
            interview=ada_chat,
            subject="Your work on electrolytes",
            body="Hello Ada,\nWould you have 20 minutes?",
            template_key=f"mine-{mine.pk}",
        )
    with time_machine.travel(at("2025-02-03 10:10"), tick=False):
        request.mark_sent(via="mailto")
    with time_machine.travel(at("2025-02-05 14:00"), tick=False):
        request.mark_replied()
    with time_machine.travel(at("2025-02-05 14:30"), tick=False):
        ada_chat.schedule(
            dt.datetime(2025, 2, 12, 9, 0, tzinfo=CHICAGO),
            time_zone="America/Chicago",
            duration_minutes=30,
            mode="video",
            place="https://meet.example/ada",
        )
    with time_machine.travel(at("2025-02-12 15:40"), tick=False):
        ada_chat.mark_done()
        ada_chat.free_notes = "Industry labs hire from internships.\nAsk about the co-op."
        ada_chat.reflection = {"learned": "Labs hire interns early.", "advice": "Take the co-op."}
        ada_chat.interest_score, ada_chat.fit_score = 4, 5
        ada_chat.reflected_at = at("2025-02-12 15:40")
        ada_chat.save()
        shadow = Todo.objects.create(
            owner=user, interview=ada_chat, contact=ada, kind="job-shadowing", text="Ask to visit"
        )
        Todo.objects.create(
            owner=user,
            interview=ada_chat,
            contact=ada,
            kind="application",
            text="Apply to the summer program",
            due_date=dt.date(2025, 3, 1),
        )
        thanks = Message.objects.create(
            owner=user,
            contact=ada,
            interview=ada_chat,
            kind="thank-you",
            subject="Thank you",
            body="Thank you, Ada.",
            template_key="thank-you",
        )
    with time_machine.travel(at("2025-02-12 20:00"), tick=False):
        thanks.mark_sent(via="smtp")
    with time_machine.travel(at("2025-02-14 08:00"), tick=False):
        ada_chat.keep_in_touch()
        KeepInTouch.set_cadence(ada, 30)
    with time_machine.travel(at("2025-02-20 12:00"), tick=False):
        shadow.mark_done()
        KeepInTouch.set_cadence(ada, 60)
    with time_machine.travel(at("2025-03-15 18:00"), tick=False):
        Interaction.objects.create(
            owner=user, contact=ada, kind="update", note="Told her I applied"
        )

    # José: a request, one follow-up, then letting it go.
    with time_machine.travel(at("2025-02-04 11:00"), tick=False):
        josé_chat = Interview.objects.create(owner=user, contact=josé)
        first = Message.objects.create(
            owner=user,
            contact=josé,
            interview=josé_chat,
            subject="A question from a Wellesley student",
            body="Hola José,\n...",
            template_key="alum-request",
        )
        first.mark_sent(via="clipboard")
        KeepInTouch.set_cadence(josé, None)
    with time_machine.travel(at("2025-02-14 09:00"), tick=False):
        follow_up = Message.objects.create(
            owner=user,
            contact=josé,
            interview=josé_chat,
            kind="follow-up",
            follow_up_to=first,
            subject="Re: A question from a Wellesley student",
            body="Just bringing this back up.",
            template_key="follow-up",
        )
        follow_up.mark_sent(via="eml")
    with time_machine.travel(at("2025-02-25 09:00"), tick=False):
        first.mark_no_reply()

    # Zoë: asked outside coffeechat, answered, scheduled in Tokyo, then moved.
    with time_machine.travel(at("2025-03-01 07:00"), tick=False):
        zoë_chat = Interview.objects.create(owner=user, contact=zoë, mode="in-person")
        zoë_chat.mark_requested()
        Message.objects.create(
            owner=user,
            contact=zoë,
            channel="linkedin",
            body="Hi Zoë! A Wellesley chemist here.",
            template_key=f"mine-{linkedin.pk}",
        )
    with time_machine.travel(at("2025-03-02 07:00"), tick=False):
        zoë_chat.mark_replied()
        zoë_chat.schedule(
            dt.datetime(2025, 4, 10, 9, 0, tzinfo=TOKYO),
            time_zone="Asia/Tokyo",
            duration_minutes=20,
            place="Café near Shibuya station",
        )
        InterviewQuestion.objects.create(owner=user, interview=zoë_chat, text="Why Tokyo?")
    with time_machine.travel(at("2025-03-05 07:00"), tick=False):
        zoë_chat.schedule(
            dt.datetime(2025, 4, 11, 10, 0, tzinfo=TOKYO),
            time_zone="Asia/Tokyo",
            duration_minutes=20,
            place="Café near Shibuya station",
        )
        Message.objects.create(
            owner=user,
            contact=zoë,
            interview=zoë_chat,
            kind="running-late",
            subject="Ten minutes late",
            body="Sorry, my train is late.",
            template_key="running-late",
        )
    with time_machine.travel(at("2025-03-20 10:00"), tick=False):
        Interaction.objects.create(
            owner=user, contact=zoë, kind="message", note="Congratulated her on the new role"
        )

    # Blank: planned, then cancelled; a draft from a template deleted since.
    with time_machine.travel(at("2025-03-03 12:00"), tick=False):
        blank_chat = Interview.objects.create(owner=user, contact=blank)
        Message.objects.create(
            owner=user, contact=blank, body="Hello", template_key=f"mine-{gone.pk}"
        )
        gone.delete()
    with time_machine.travel(at("2025-03-04 12:00"), tick=False):
        blank_chat.cancel("They moved abroad")
        Todo.objects.create(
            owner=user, kind="career-adviser", text="Book a career adviser appointment"
        )


# Made by export_backup from build_rich_account when backups were at version 1. Never edit it:
# it proves that files people saved then still restore.
GOLDEN = Path(__file__).parent / "fixtures" / "backup-v1.json"


def same_data(exported, golden):
    """Whether ``exported`` holds everything ``golden`` does (fields added since may be extra)."""

    def project(value, like):
        if isinstance(like, dict):
            return {key: project(value.get(key), like[key]) for key in like}
        if isinstance(like, list) and len(like) == len(value):
            return [project(v, lk) for v, lk in zip(value, like, strict=True)]
        return value

    header = ("exported_at", "coffeechat_version", "version")
    exported = {k: v for k, v in exported.items() if k not in header}
    golden = {k: v for k, v in golden.items() if k not in header}
    return project(exported, golden) == golden
