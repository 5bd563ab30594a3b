from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from coffeechat.accounts import password_reset, views

app_name = "accounts"

urlpatterns = [
    path("setup/<str:token>/", views.first_run, name="first_run"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_changed"),
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_changed.html"),
        name="password_changed",
    ),
    path("profile/", views.edit_profile, name="profile"),
    *password_reset.urlpatterns,
]
