from django import forms
from django.utils import timezone

from coffeechat.accounts.time_zones import TimeZoneField
from coffeechat.contacts.models import Contact
from coffeechat.interviews import questions as bank
from coffeechat.interviews.models import (
    ASK_MAX_MINUTES,
    ASK_MIN_MINUTES,
    CHECKLIST,
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    Interaction,
    Interview,
    KeepInTouch,
    Mode,
    Todo,
)
from coffeechat.interviews.zones import BadLocalTime, aware
from coffeechat.outreach.forms import DATE_FORMAT, DATE_INPUT_FORMATS


class StartInterviewForm(forms.Form):
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(),
        label="Who with?",
        empty_label="Choose someone",
        error_messages={"required": "Choose the person you want to talk to."},
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        # Chosen through the picker (a search), so the field itself only carries the id.
        self.fields["contact"].queryset = Contact.objects.owned_by(owner)
        self.fields["contact"].widget = forms.HiddenInput()


class StageFilterForm(forms.Form):
    stage = forms.ChoiceField(
        choices=[("", "Any stage"), ("open", "Still open"), *Interview.Stage.choices],
        required=False,
    )


class ScheduleForm(forms.Form):
    date = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=DATE_INPUT_FORMATS,
        error_messages={
            "required": "Pick the day you agreed to meet.",
            "invalid": f"Write the date as {DATE_FORMAT}.",
        },
    )
    start_time = forms.TimeField(
        label="Start time",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": "Pick the time you agreed, e.g. 14:30.",
            "invalid": "Give the time as hours and minutes, e.g. 14:30.",
        },
    )
    time_zone = TimeZoneField(
        help_text="Yours by default. Pick theirs if you agreed on a time on their clock.",
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        initial=DEFAULT_MINUTES,
        help_text=f"What you agreed. Ask for {ASK_MIN_MINUTES} to {ASK_MAX_MINUTES} minutes of "
        "their time; if they offer longer, record that.",
        error_messages={
            "min_value": f"A meeting of under {MIN_MINUTES} minutes? Give the length you agreed.",
            "max_value": f"Give the length you agreed, at most {MAX_MINUTES} minutes.",
        },
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
    )
    mode = forms.ChoiceField(label="How", choices=Mode.choices, widget=forms.RadioSelect)
    place = forms.CharField(
        label="Place or link",
        required=False,
        max_length=500,
        help_text="An address for in person, a video link, or the number to call.",
    )

    def clean(self):
        data = super().clean()
        day, at, zone = data.get("date"), data.get("start_time"), data.get("time_zone")
        if day and at and zone:
            try:
                data["starts_at"] = aware(day, at, zone)
            except BadLocalTime as error:
                self.add_error("start_time", str(error))
        return data

    @classmethod
    def initial_for(cls, interview, default_zone):
        if interview.starts_at:
            local = interview.local_start
            return {
                "date": local.date(),
                "start_time": local.time().replace(second=0, microsecond=0),
                "time_zone": interview.time_zone,
                "duration_minutes": interview.duration_minutes,
                "mode": interview.mode,
                "place": interview.place,
            }
        return {"time_zone": default_zone, "duration_minutes": DEFAULT_MINUTES, "mode": Mode.VIDEO}


class CancelForm(forms.Form):
    reason = forms.CharField(label="Reason (optional)", required=False, max_length=300)


class PrepareForm(forms.ModelForm):
    # One research note per person: the Prepare page writes the contact's own note, so
    # what is learned before one conversation is there on their page and for the next.
    research_person = forms.CharField(
        label="About the person",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Their role, their path, anything they wrote. Paste links too. "
        "This is the research note on their contact page too.",
    )
    checklist = forms.MultipleChoiceField(
        label="Before you go",
        choices=CHECKLIST,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Interview
        fields = ["research_organization", "goal_learn", "goal_decision"]
        labels = {
            "research_organization": "About their organization",
            "goal_learn": "What do I most hope to learn?",
            "goal_decision": "What decision should this conversation help me make?",
        }
        help_texts = {
            "research_organization": "What it does, recent news, its website.",
        }
        widgets = {field: forms.Textarea(attrs={"rows": 3}) for field in fields}

    field_order = ["research_person", "research_organization", "goal_learn", "goal_decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checklist"].initial = list(self.instance.checklist or [])
        self.fields["research_person"].initial = self.instance.contact.research_notes

    def save(self, commit=True):
        self.instance.checklist = self.cleaned_data["checklist"]
        if commit:
            self.instance.contact.set_research_notes(self.cleaned_data["research_person"])
        return super().save(commit)


class PickQuestionsForm(forms.Form):
    keys = forms.MultipleChoiceField(
        choices=[(q.key, q.text) for q in bank.QUESTIONS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one question to add."},
    )


class QuestionTextForm(forms.Form):
    text = forms.CharField(
        label="Your question",
        max_length=1000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Write the question first."},
    )

    def clean_text(self):
        return " ".join(self.cleaned_data["text"].split())


class ReferralForm(forms.Form):
    first_name = forms.CharField(
        label="First name",
        max_length=150,
        error_messages={"required": "Give at least their first name."},
    )
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
    organization = forms.CharField(label="Organization", max_length=255, required=False)
    title = forms.CharField(label="Title or role", max_length=255, required=False)
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        error_messages={
            "invalid": "That doesn't look like an email address; check it or leave it empty."
        },
    )
    note = forms.CharField(
        label="What they said about them",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class ReflectionForm(forms.Form):
    interest_score = forms.TypedChoiceField(
        label="Still interested? (1 = not at all, 5 = more than ever)",
        choices=SCORE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    fit_score = forms.TypedChoiceField(
        label="How well does it fit me? (1 = poorly, 5 = very well)",
        choices=SCORE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, interview, **kwargs):
        super().__init__(*args, **kwargs)
        self.interview = interview
        saved = interview.reflection or {}
        for key, prompt in bank.REFLECTION_PROMPTS:
            self.fields[f"r_{key}"] = forms.CharField(
                label=prompt,
                required=False,
                initial=saved.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["interest_score"].initial = interview.interest_score
        self.fields["fit_score"].initial = interview.fit_score
        self.order_fields([f"r_{key}" for key in bank.REFLECTION_KEYS])

    def save(self):
        interview = self.interview
        data = self.cleaned_data
        interview.reflection = {
            key: data[f"r_{key}"].strip()
            for key in bank.REFLECTION_KEYS
            if data[f"r_{key}"].strip()
        }
        interview.interest_score = data["interest_score"]
        interview.fit_score = data["fit_score"]
        written = bool(interview.reflection or interview.interest_score or interview.fit_score)
        if written and not interview.reflected_at:
            interview.reflected_at = timezone.now()
        elif not written:
            interview.reflected_at = None
        interview.save()
        return interview


class TodoForm(forms.ModelForm):
    class Meta:
        model = Todo
        fields = ["kind", "text", "due_date"]
        labels = {"kind": "Next step", "text": "What exactly?", "due_date": "By when (optional)"}
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}
        error_messages = {
            "text": {
                "required": "Say what the step is, e.g. “ask the lab manager about shadowing”."
            },
            "due_date": {"invalid": f"Write the date as {DATE_FORMAT}, or leave it empty."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].input_formats = DATE_INPUT_FORMATS


CADENCE_CHOICES = [(str(days), label) for days, label in KeepInTouch.CADENCES] + [
    ("none", "Don't remind me")
]


class CadenceForm(forms.Form):
    cadence = forms.ChoiceField(label="Check in", choices=CADENCE_CHOICES)

    def cleaned_days(self):
        value = self.cleaned_data["cadence"]
        return None if value == "none" else int(value)


class InteractionForm(forms.ModelForm):
    day = forms.DateField(
        label="When",
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=DATE_INPUT_FORMATS,
        error_messages={
            "required": "Say on which day it happened.",
            "invalid": f"Write the date as {DATE_FORMAT}.",
        },
    )

    class Meta:
        model = Interaction
        fields = ["kind", "note"]
        labels = {"kind": "What happened", "note": "Note (optional)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].initial = timezone.localdate()
        self.fields["kind"].choices = [
            c for c in Interaction.Kind.choices if c[0] != Interaction.Kind.MEETING
        ] + [(Interaction.Kind.MEETING, Interaction.Kind.MEETING.label)]
        self.order_fields(["kind", "day", "note"])

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                "Log something that has already happened, not a future date."
            )
        return day
