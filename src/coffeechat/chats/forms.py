import datetime as dt
import re

from django import forms
from django.utils import timezone

from coffeechat.chats import slots
from coffeechat.chats.models import MAX_BODY, DeclineReason, Happened, ReportReason
from coffeechat.chats.samples import Topic
from coffeechat.community.models import VolunteerProfile
from coffeechat.interviews.models import Mode
from coffeechat.zones import BadLocalTime, aware

DURATIONS = [(15, "15 minutes"), (20, "20 minutes"), (30, "30 minutes")]


class AskForm(forms.Form):
    topic = forms.ChoiceField(label="What it's about", choices=Topic.choices)
    body = forms.CharField(
        label="Your message",
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Start from the sample and make it yours: fill in the bracketed part.",
    )
    duration_minutes = forms.TypedChoiceField(
        label="How long", choices=DURATIONS, coerce=int, initial=20
    )
    mode = forms.ChoiceField(label="How", choices=Mode.choices, initial=Mode.VIDEO)
    times = forms.MultipleChoiceField(
        label="Propose two or three times",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ask_for_theirs = forms.BooleanField(
        label="None of these: ask them for a time instead", required=False
    )

    def __init__(self, *args, offered: list[slots.Slot], **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered
        self.fields["times"].choices = [(slot.key, slot.label()) for slot in offered]
        if not offered:
            self.fields[
                "times"
            ].help_text = "They have no open times in the next two weeks listed; ask for theirs."

    def clean(self):
        data = super().clean()
        chosen = data.get("times") or []
        if data.get("ask_for_theirs") or not self.offered:
            data["proposed"] = []
            return data
        if not slots.MIN_PROPOSED <= len(chosen) <= slots.MAX_PROPOSED:
            self.add_error(
                "times",
                f"Choose {slots.MIN_PROPOSED} or {slots.MAX_PROPOSED} times, or ask for theirs.",
            )
        data["proposed"] = [start for start in map(slots.parse_key, chosen) if start]
        return data


class AcceptForm(forms.Form):
    time = forms.ChoiceField(label="Choose a time", required=False, widget=forms.RadioSelect)
    other_date = forms.DateField(
        label="Or set another day", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    other_time = forms.TimeField(
        label="at (your time)", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    place = forms.CharField(
        label="Where, or the video link",
        required=False,
        max_length=500,
        help_text="You can add it later too.",
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.chat = request
        self.fields["time"].choices = [
            (start.strftime("%Y-%m-%dT%H:%MZ"), request.label(start, for_volunteer=True))
            for start in request.proposed_starts()
        ]

    def clean(self):
        data = super().clean()
        day, at, key = data.get("other_date"), data.get("other_time"), data.get("time")
        if day and at:
            try:
                data["starts_at"] = aware(day, at, self.chat.volunteer.time_zone)
            except BadLocalTime as error:
                raise forms.ValidationError(str(error)) from None
        elif day or at:
            raise forms.ValidationError("Give both a day and a time, or choose one above.")
        elif key:
            data["starts_at"] = slots.parse_key(key)
        if not data.get("starts_at"):
            raise forms.ValidationError("Choose one of their times, or offer a day and time.")
        if data["starts_at"].date() > timezone.localdate() + dt.timedelta(days=120):
            raise forms.ValidationError("Choose a time within the next four months.")
        return data


class OfferForm(forms.Form):
    """Up to three times of the volunteer's own, on the volunteer's clock."""

    place = forms.CharField(label="Where, or the video link", required=False, max_length=500)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.chat = request
        for n in range(1, 4):
            self.fields[f"day_{n}"] = forms.DateField(
                label=f"Time {n}: day",
                required=n == 1,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[f"time_{n}"] = forms.TimeField(
                label="at (your time)",
                required=n == 1,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
        self.order_fields([f"{part}_{n}" for n in range(1, 4) for part in ("day", "time")])

    def pairs(self):
        """The form's (day, time) fields, three rows, for the template."""
        return [(self[f"day_{n}"], self[f"time_{n}"]) for n in range(1, 4)]

    def clean(self):
        data = super().clean()
        starts = []
        for n in range(1, 4):
            day, at = data.get(f"day_{n}"), data.get(f"time_{n}")
            if bool(day) != bool(at) and not self.errors:
                raise forms.ValidationError(f"Time {n}: give both a day and a time, or neither.")
            if day and at:
                try:
                    starts.append(aware(day, at, self.chat.volunteer.time_zone))
                except BadLocalTime as error:
                    raise forms.ValidationError(f"Time {n}: {error}") from None
        data["starts"] = starts
        return data


class ChooseForm(forms.Form):
    time = forms.ChoiceField(label="Choose a time", widget=forms.RadioSelect)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time"].choices = [
            (start.strftime("%Y-%m-%dT%H:%MZ"), request.label(start, for_volunteer=False))
            for start in request.offered_starts()
        ]

    def clean_time(self):
        return slots.parse_key(self.cleaned_data["time"])


class RescheduleForm(forms.Form):
    day = forms.DateField(label="New day", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="at (your time)", widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, zone_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("time"):
            if data["day"] > timezone.localdate() + dt.timedelta(days=120):
                raise forms.ValidationError("Choose a day within the next four months.")
            try:
                data["starts_at"] = aware(data["day"], data["time"], self.zone_name)
            except BadLocalTime as error:
                raise forms.ValidationError(str(error)) from None
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Write to them",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="A word for the other person (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why (the student sees a kind version)",
        choices=[(value, label) for value, label in DeclineReason.choices if value != "paused"],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="A few words of your own (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Someone to ask instead, or a good time to ask again, helps most.",
    )


class PauseForm(forms.Form):
    until = forms.DateField(label="Pause until", widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label="A note to those waiting (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until <= today:
            raise forms.ValidationError("Choose a day after today.")
        if until > today + dt.timedelta(days=366):
            raise forms.ValidationError("Pause for at most a year; you can pause again then.")
        return until


class DebriefForm(forms.Form):
    happened = forms.ChoiceField(
        label="Did the conversation happen?", choices=Happened.choices, widget=forms.RadioSelect
    )
    feedback = forms.CharField(
        label="How did it go? (optional, only you see it)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VolunteerDebriefForm(DebriefForm):
    again = forms.BooleanField(label="I'm happy to talk with them again", required=False)
    suggest = forms.CharField(
        label="Someone else they could ask (optional)",
        required=False,
        max_length=300,
        help_text="A name from the directory, or the address of their page there.",
    )
    suggestion_note = forms.CharField(
        label="Why them (optional, the student sees it)", required=False, max_length=300
    )

    def clean_suggest(self) -> VolunteerProfile | None:
        return find_in_directory(self.cleaned_data["suggest"])


PAGE_ADDRESS = re.compile(r"/network/people/(\d{1,9})/")


def find_in_directory(text: str) -> VolunteerProfile | None:
    """The listed volunteer ``text`` names (their page's address, or their name)."""
    text = text.strip()
    if not text:
        return None
    listed = VolunteerProfile.objects.listed()
    address = PAGE_ADDRESS.search(text + "/")
    found = list(listed.filter(pk=int(address[1]))) if address else []
    if not address:
        found = list(listed.filter(name__iexact=text)[:2])
    if not found:
        raise forms.ValidationError("No one in the directory goes by that; check the name.")
    if len(found) > 1:
        raise forms.ValidationError(
            "More than one person has that name: paste the address of their page instead."
        )
    return found[0]


class OwnIds(forms.Form):
    """A form that shares the request's page with others using the same field names
    (the thread's body, the decline's reason): ids of its own, so labels stay unique."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class ThankYouForm(OwnIds):
    id_prefix = "thanks"
    body = forms.CharField(
        label="Your thank-you",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ReportForm(OwnIds):
    id_prefix = "report"
    reason = forms.ChoiceField(
        label="What happened", choices=ReportReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Tell the advisers more (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
