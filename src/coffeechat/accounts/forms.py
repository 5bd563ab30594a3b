from django import forms
from django.contrib.auth.forms import UserCreationForm

from coffeechat.accounts.models import Profile


class FirstAccountForm(UserCreationForm):
    """Creates the first account, which is also the instance's administrator."""

    class Meta(UserCreationForm.Meta):
        fields = ("username",)


class ProfileForm(forms.ModelForm):
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

    def clean_class_year(self):
        year = self.cleaned_data["class_year"]
        if year is not None and not 1900 <= year <= 2100:
            raise forms.ValidationError("Enter a four-digit year, such as 2027.")
        return year
