from tests.interviews.conftest import new_york_owner  # noqa: F401
