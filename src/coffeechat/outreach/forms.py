import datetime

from django import forms
from django.utils import timezone

from coffeechat.forms import DATE_FORMAT, DATE_INPUT_FORMATS
from coffeechat.outreach.merge import unknown_fields
from coffeechat.outreach.models import Channel, Message, MessageTemplate


class DraftForm(forms.ModelForm):
    """The editable draft: what the checker reads as you type."""

    class Meta:
        model = Message
        fields = ["channel", "kind", "subject", "body"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
            "subject": forms.TextInput(attrs={"spellcheck": "true"}),
        }
        labels = {"kind": "What it is"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = True
        self.fields["body"].error_messages["required"] = "Write the message before saving it."
        self.fields["subject"].help_text = "Email only; LinkedIn notes have no subject."

    def clean_body(self):
        return self.cleaned_data["body"].replace("\r\n", "\n").strip()

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("channel") == Channel.LINKEDIN:
            cleaned["subject"] = ""
        return cleaned


class DraftOptionsForm(forms.Form):
    """The choices that shape a fresh draft (a GET form: nothing is saved)."""

    template = forms.ChoiceField(label="Template")
    their_work = forms.CharField(
        label="A detail about their work",
        required=False,
        max_length=300,
        help_text="As a phrase, e.g. “your research on sodium-ion batteries”. "
        "Filled from their research notes when the first line reads like that.",
    )
    their_field = forms.CharField(
        label="Their field",
        required=False,
        max_length=200,
        help_text="The line of work you want to learn about, e.g. “battery research”. "
        "Filled from their contact page.",
    )
    what_i_hope_to_learn = forms.CharField(
        label="What you hope to learn from them",
        required=False,
        max_length=300,
        help_text="As a phrase, e.g. “how you moved from the lab into policy work”.",
    )

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        for template in templates:
            groups.setdefault(template.kind_label, []).append((template.key, template.name))
        self.fields["template"].choices = list(groups.items())


class TemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["name", "kind", "channel", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}
        labels = {"kind": "What it is for"}
        help_texts = {
            "body": "Put merge fields in double braces, e.g. {{ their_first_name }}; "
            "the list is beside the editor.",
        }

    def clean_body(self):
        return self._known_fields_only(self.cleaned_data["body"].replace("\r\n", "\n"))

    def clean_subject(self):
        return self._known_fields_only(self.cleaned_data["subject"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("channel") == Channel.LINKEDIN:
            cleaned["subject"] = ""
        return cleaned

    @staticmethod
    def _known_fields_only(text):
        unknown = unknown_fields(text)
        if unknown:
            names = ", ".join("{{ " + name + " }}" for name in unknown)
            raise forms.ValidationError(
                f"coffeechat doesn't know the merge field {names}. "
                "Check the spelling against the list of fields, or write the words in "
                "yourself."
            )
        return text


class MarkForm(forms.Form):
    """When a message was sent or answered: today unless the student says otherwise."""

    on = forms.DateField(
        label="On",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for today.",
        input_formats=DATE_INPUT_FORMATS,
        error_messages={
            "invalid": f"Write the date as {DATE_FORMAT}, or leave it empty for today."
        },
    )
    via = forms.ChoiceField(choices=Message.Via.choices, required=False)
    send_anyway = forms.BooleanField(required=False)

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("That date is in the future; pick today or earlier.")
        return day

    def moment(self):
        """The aware datetime to record: now for today, else midday of that local date."""
        day = self.cleaned_data.get("on")
        if not day or day == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
