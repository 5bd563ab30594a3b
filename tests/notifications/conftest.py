from tests.outreach.conftest import smtp_server, smtp_settings  # noqa: F401
