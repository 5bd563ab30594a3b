from django import forms

from coffeechat.notifications.models import Kind, Preferences


class PreferencesForm(forms.ModelForm):
    emailed = forms.MultipleChoiceField(
        label="Email me about",
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Everything is listed on the Notifications page either way.",
    )

    class Meta:
        model = Preferences
        fields = ["emailed", "digest"]
