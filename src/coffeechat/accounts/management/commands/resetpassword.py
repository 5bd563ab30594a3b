from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from coffeechat.accounts.passwords import ask_password, reset_path
from coffeechat.commands import CoffeechatCommand


class Command(CoffeechatCommand):
    help = "Set a forgotten password: type a new one here, or print a one-time link (--link)."

    def add_arguments(self, parser):
        parser.add_argument(
            "username",
            nargs="?",
            help="whose password; needed only when there is more than one account",
        )
        parser.add_argument(
            "--link",
            action="store_true",
            help="print a link that sets a new password in the browser (works once, 3 days)",
        )
        parser.add_argument(
            "--url",
            metavar="ADDRESS",
            help="the address coffeechat is served at, for the link "
            "(default: http://127.0.0.1:$PORT)",
        )

    def handle(self, *args, username, link, url, **options):
        user = self.resolve_user({"user": username})
        if link:
            base = (url or f"http://127.0.0.1:{settings.SERVE_PORT}").rstrip("/")
            if not base.startswith(("http://", "https://")):
                raise CommandError(f"{url!r} is not an address; start it with http:// or https://.")
            self.stdout.write(
                f"Open this link to choose a new password for {user.get_username()!r}. "
                "It works once, for three days:"
            )
            self.stdout.write(base + reset_path(user))
            return
        password = ask_password()
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("that password is too weak: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.save(update_fields=["password"])
        self.stdout.write(f"Set a new password for {user.get_username()!r}.")
