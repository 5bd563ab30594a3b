"""Forgotten passwords on the web: Django's emailed one-time link, when email works.

Without email, the page says how the person who runs coffeechat makes a link with
`coffeechat resetpassword NAME --link`; the link opens the same confirm page.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import path, reverse_lazy

from coffeechat.accounts.passwords import email_is_configured

_request_view = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_sent"),
)


@login_not_required
def request_reset(request, *args, **kwargs):
    if not email_is_configured():
        return render(request, "accounts/password_reset_no_email.html")
    return _request_view(request, *args, **kwargs)


urlpatterns = [
    path("password/forgot/", request_reset, name="password_reset"),
    path(
        "password/forgot/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
