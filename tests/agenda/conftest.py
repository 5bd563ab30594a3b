from tests.interviews.conftest import fast_password_hashing, new_york_owner  # noqa: F401
