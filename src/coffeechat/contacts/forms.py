from django import forms

from coffeechat.contacts.models import Contact, Organization
from coffeechat.contacts.normalize import clean_linkedin_url, normalize_email, split_list
from coffeechat.forms import refuse_line_breaks


class ContactForm(forms.ModelForm):
    """Edits a contact. Organization and tags are typed as text; new ones are created."""

    organization_name = forms.CharField(
        label="Organization",
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"list": "organization-names", "autocomplete": "off"}),
    )
    emails_text = forms.CharField(
        label="Email addresses",
        required=False,
        help_text="One per line or separated by commas; the first is the main one.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tags_text = forms.CharField(
        label="Tags",
        required=False,
        max_length=1000,
        help_text="Separate tags with commas, e.g. biotech, boston.",
    )

    class Meta:
        model = Contact
        fields = [
            "first_name",
            "last_name",
            "title",
            "field",
            "phone",
            "linkedin_url",
            "location",
            "source",
            "referred_by",
            "notes",
            "research_notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "research_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        referrers = Contact.objects.owned_by(owner).only("first_name", "last_name")
        if self.instance.pk:
            referrers = referrers.exclude(pk=self.instance.pk)
            self.fields["organization_name"].initial = (
                self.instance.organization.name if self.instance.organization else ""
            )
            self.fields["emails_text"].initial = "\n".join(self.instance.emails)
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())
        self.fields["referred_by"].queryset = referrers
        self.fields["referred_by"].label = "Referred by"
        self.fields["referred_by"].empty_label = "Nobody"
        refuse_line_breaks(self)
        self.order_fields(
            [
                "first_name",
                "last_name",
                "title",
                "organization_name",
                "field",
                "emails_text",
                "phone",
                "linkedin_url",
                "location",
                "source",
                "referred_by",
                "tags_text",
                "notes",
                "research_notes",
            ]
        )

    def clean_emails_text(self):
        addresses, bad = [], []
        for item in split_list(self.cleaned_data["emails_text"]):
            normalized = normalize_email(item)
            (addresses if normalized else bad).append(normalized or item)
        if bad:
            raise forms.ValidationError(
                "These don't look like email addresses: %(bad)s. Check for typos "
                "such as a missing @ or a space.",
                params={"bad": ", ".join(bad)},
            )
        return list(dict.fromkeys(addresses))

    def clean_linkedin_url(self):
        return clean_linkedin_url(self.cleaned_data["linkedin_url"])

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or "").strip() and not (data.get("last_name") or "").strip():
            raise forms.ValidationError("Give at least a first or a last name.")
        return data

    def save(self, commit=True):
        contact = super().save(commit=False)
        contact.owner = self.owner
        contact.emails = self.cleaned_data["emails_text"]
        contact.organization = Organization.named(
            self.owner, self.cleaned_data["organization_name"]
        )
        contact.save()
        contact.set_tags(split_list(self.cleaned_data["tags_text"]))
        return contact


class NotesForm(forms.ModelForm):
    """The in-place editor on a contact's page."""

    class Meta:
        model = Contact
        fields = ["notes", "research_notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "research_notes": forms.Textarea(attrs={"rows": 4}),
        }


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "website", "industry", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        refuse_line_breaks(self)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Organization.objects.owned_by(self.owner).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("You already have an organization with this name.")
        return name

    def save(self, commit=True):
        organization = super().save(commit=False)
        organization.owner = self.owner
        organization.save()
        return organization


class ContactFilterForm(forms.Form):
    """The search box and filters above the contact list; bad values are ignored."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    source = forms.ChoiceField(label="How you know them", required=False)
    field = forms.ChoiceField(label="Field", required=False)
    organization = forms.CharField(label="Organization", required=False, max_length=255)
    tag = forms.ChoiceField(label="Tag", required=False)

    def __init__(self, *args, sources, fields, tags, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", "Any")]
        self.fields["source"].choices = any_choice + list(sources)
        self.fields["field"].choices = any_choice + [(f, f) for f in fields]
        self.fields["tag"].choices = any_choice + [(t.name, t.name) for t in tags]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": "Name, organization, title, tag, notes…"}
        )
