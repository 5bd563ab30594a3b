import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone

from coffeechat.community.availability import format_windows, parse_windows
from coffeechat.community.models import AllowedDomain, CareerCommunity, VolunteerProfile
from coffeechat.community.models.profiles import LIMITABLE, PRIVATE, Audience, ReachBy
from coffeechat.community.roles import Role, holders

SHOWN_TO_LABEL = "Who sees this"


class DirectoryForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    community = forms.ModelChoiceField(
        CareerCommunity.objects.all(), required=False, empty_label="Any community"
    )
    industry = forms.CharField(required=False, max_length=100)
    organization = forms.CharField(required=False, max_length=100)
    title = forms.CharField(label="Title words", required=False, max_length=100)
    location = forms.CharField(required=False, max_length=100)
    class_year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    major = forms.CharField(required=False, max_length=100)
    topic = forms.CharField(label="Ask me about", required=False, max_length=100)
    language = forms.CharField(required=False, max_length=100)
    available = forms.BooleanField(label="Taking requests now", required=False)


class VolunteerProfileForm(forms.ModelForm):
    reach_by = forms.MultipleChoiceField(
        label="How I like to be reached",
        choices=ReachBy.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label="Weekly availability, in your time zone",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One window a line, like “Tue 18:00-20:00”.",
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "name",
            "class_year",
            "majors",
            "title",
            "organization",
            "industries",
            "location",
            "time_zone",
            "career_path",
            "topics",
            "languages",
            "reach_by",
            "availability",
            "monthly_capacity",
            "email",
            "phone",
            "linkedin_url",
        ]
        widgets = {"career_path": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "email": "Shared only with people whose request you accept.",
            "phone": "Shared only with people whose request you accept.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["availability"] = format_windows(self.instance.availability)
        for field in LIMITABLE:
            if field in PRIVATE:
                continue
            self.fields[f"see_{field}"] = forms.ChoiceField(
                label=f"{SHOWN_TO_LABEL}: {self.fields[field].label.lower()}",
                choices=Audience.choices,
                initial=self.instance.audience(field),
            )

    def clean_availability(self):
        try:
            return parse_windows(self.cleaned_data["availability"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def visibility_pairs(self):
        """(field, its audience field) in form order, for the template."""
        return [
            (self[name], self[f"see_{name}"] if f"see_{name}" in self.fields else None)
            for name in self.Meta.fields
        ]

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.visibility = {
            field: self.cleaned_data[f"see_{field}"] for field in LIMITABLE if field not in PRIVATE
        }
        if commit:
            profile.confirmed_at = timezone.now()
            profile.save()
            profile.sync_facets()
        return profile


class PauseForm(forms.Form):
    until = forms.DateField(
        label="Not taking requests until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until <= today:
            raise forms.ValidationError("Choose a day after today.")
        if until > today + dt.timedelta(days=366):
            raise forms.ValidationError("Pause for at most a year; you can pause again then.")
        return until


def advisers():
    return get_user_model().objects.filter(holders(Role.ADVISER)).distinct().order_by("username")


class CommunityForm(forms.ModelForm):
    class Meta:
        model = CareerCommunity
        fields = ["name", "description", "advisers"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "advisers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisers"].queryset = advisers()
        self.fields["advisers"].help_text = "People who hold the adviser role."

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = CareerCommunity.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("There is already a community with that name.")
        return name


class InvitationForm(forms.Form):
    email = forms.EmailField(
        required=False, help_text="Leave blank for a link anyone can use once."
    )
    roles = forms.MultipleChoiceField(
        choices=Role.choices, widget=forms.CheckboxSelectMultiple, initial=[Role.VOLUNTEER]
    )
    communities = forms.ModelMultipleChoiceField(
        CareerCommunity.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    days = forms.IntegerField(label="Valid for (days)", min_value=1, max_value=60, initial=14)


class AllowedDomainForm(forms.ModelForm):
    class Meta:
        model = AllowedDomain
        fields = ["domain", "role"]
        help_texts = {
            "domain": "e.g. students.example.edu: who verifies an address there may join."
        }

    def clean_domain(self):
        domain = self.cleaned_data["domain"].strip().lower().lstrip("@")
        labels = domain.split(".")
        if len(labels) < 2 or not all(
            label and len(label) <= 63 and label.replace("-", "").isalnum() for label in labels
        ):
            raise forms.ValidationError("Enter a domain like example.edu.")
        return domain


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="Roster (CSV)")
    role = forms.ChoiceField(
        choices=[(Role.VOLUNTEER.value, "Volunteers"), (Role.STUDENT.value, "Students")]
    )
    community = forms.ModelChoiceField(
        CareerCommunity.objects.all(), required=False, empty_label="No community"
    )


class JoinForm(UserCreationForm):
    """A new account: used by invitation links and allowed-domain sign-up."""

    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField()

    class Meta(UserCreationForm.Meta):
        fields = ["name", "email", "username"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account already uses this address: log in, or claim it from the log-in page."
            )
        return email

    def save(self, commit=True):
        user = super().save(commit=False)
        user.email = self.cleaned_data["email"]
        first, _, last = self.cleaned_data["name"].strip().partition(" ")
        user.first_name, user.last_name = first[:150], last[:150]
        if commit:
            user.save()
        return user


class ClaimForm(forms.Form):
    email = forms.EmailField(label="Your email address")
