"""Password rules beyond Django's own validators (see AUTH_PASSWORD_VALIDATORS)."""

from django.core.exceptions import ValidationError


class UsernameInPasswordValidator:
    """Refuse a password that contains the username ("carolcarol" for carol).

    Django's similarity check compares the whole password with the username, so a
    username typed twice is only 67 % similar and passes; it is the first guess of anyone
    who knows the username. Usernames shorter than three characters are too common a
    substring to judge by.
    """

    MIN_LENGTH = 3

    def validate(self, password: str, user=None) -> None:
        username = (user.get_username() if user is not None else "") or ""
        username = username.strip().casefold()
        if len(username) >= self.MIN_LENGTH and username in password.casefold():
            raise ValidationError(
                "Your password can't contain your username.", code="password_has_username"
            )

    def get_help_text(self) -> str:
        return "Your password can't contain your username."
