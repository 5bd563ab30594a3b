"""The outreach tests' people and mail server, shared with the conversation's tests."""

from tests.outreach.conftest import ada, ionic, smtp_server, smtp_settings  # noqa: F401
