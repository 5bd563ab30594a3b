from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.core.validators import MaxValueValidator, MinValueValidator

from coffeechat.accounts.models import Profile
from coffeechat.accounts.time_zones import TimeZoneField
from coffeechat.forms import refuse_line_breaks


def _model_bounds(model, name):
    """The (min, max) a model field's MinValue/MaxValue validators allow."""
    bounds = {}
    for validator in model._meta.get_field(name).validators:
        if isinstance(validator, (MinValueValidator, MaxValueValidator)):
            bounds[validator.code] = validator.limit_value
    return bounds["min_value"], bounds["max_value"]


# The wait before a follow-up, in days, as the model allows it.
FOLLOW_UP_DAYS = _model_bounds(Profile, "follow_up_after_days")


class FirstAccountForm(UserCreationForm):
    """Creates the first account, which is also the instance's administrator."""

    class Meta(UserCreationForm.Meta):
        fields = ("username",)


class ProfileForm(forms.ModelForm):
    # Kept on the account (User.email), where Django's password reset looks for it.
    email = forms.EmailField(
        label="Your email address",
        required=False,
        help_text="Only used to send you a link if you forget your password.",
    )
    time_zone = TimeZoneField(help_text="Due dates and meeting times are shown in it.")

    class Meta:
        model = Profile
        fields = [
            "name",
            "school",
            "class_year",
            "major",
            "interests",
            "availability",
            "signature",
            "time_zone",
            "follow_up_after_days",
            "use_3b7",
            "linkedin_premium",
            "dictionary",
        ]
        widgets = {
            "interests": forms.Textarea(attrs={"rows": 2}),
            "availability": forms.Textarea(attrs={"rows": 2}),
            "signature": forms.Textarea(attrs={"rows": 3}),
            "dictionary": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model allows 3 to 30 days, but the form field only knew "0 or more" and
        # answered -3 with "greater than or equal to 0": say the real range instead.
        wait = self.fields["follow_up_after_days"]
        wait.validators = []
        wait.widget.attrs.update(min=FOLLOW_UP_DAYS[0], max=FOLLOW_UP_DAYS[1])
        refuse_line_breaks(self)
        self.fields["email"].initial = self.instance.owner.email
        order = list(self.fields)
        order.remove("email")
        order.insert(order.index("name") + 1, "email")
        self.order_fields(order)

    def save(self, commit=True):
        profile = super().save(commit=commit)
        owner = profile.owner
        email = self.cleaned_data.get("email", "")
        if commit and owner.email != email:
            owner.email = email
            owner.save(update_fields=["email"])
        return profile

    def clean_follow_up_after_days(self):
        days = self.cleaned_data["follow_up_after_days"]
        low, high = FOLLOW_UP_DAYS
        if days is not None and not low <= days <= high:
            raise forms.ValidationError(
                f"Choose a wait between {low} and {high} days; 7 to 14 is usual."
            )
        return days

    def clean_class_year(self):
        year = self.cleaned_data["class_year"]
        if year is not None and not 1900 <= year <= 2100:
            raise forms.ValidationError("Enter a four-digit year, such as 2027.")
        return year
