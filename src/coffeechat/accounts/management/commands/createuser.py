from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import transaction

from coffeechat.accounts.models import Profile
from coffeechat.accounts.passwords import ask_password
from coffeechat.commands import CoffeechatCommand


class Command(CoffeechatCommand):
    help = "Create an account (asks for the password unless --password is given)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the name to log in with")
        parser.add_argument("--password", help="set this password instead of asking (for scripts)")
        parser.add_argument("--name", default="", help="the person's full name for their profile")
        parser.add_argument(
            "--email", default=None, help="their email address (for a forgotten password)"
        )
        parser.add_argument("--staff", action="store_true", help="let this account use /admin/")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="the account exists: set a new password for it instead",
        )

    def handle(self, *args, username, password, name, email, staff, reset, **options):
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("the username cannot be blank.")
        existing = User.objects.filter(username=username).first()
        if existing and not reset:
            raise CommandError(
                f"an account named {username!r} already exists; "
                "add --reset to give it a new password."
            )
        if reset and not existing:
            raise CommandError(f"there is no account named {username!r} to reset.")
        user = existing or User(username=username, is_staff=staff, is_superuser=staff)
        if email is not None:
            try:
                validate_email(email.strip())
            except ValidationError:
                raise CommandError(f"{email!r} is not an email address.") from None
            user.email = email.strip()
        if password is None:
            password = ask_password()
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("that password is too weak: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            profile = Profile.for_user(user)
            if name:
                profile.name = name
                profile.save(update_fields=["name"])
        verb = "Reset the password of" if reset else "Created"
        self.stdout.write(f"{verb} account {username!r}.")
