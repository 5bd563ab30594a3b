"""`coffeechat check` stays the message checker; Django's system check is `system-check`."""

import os
import subprocess
import sys


def coffeechat(tmp_path, *args, stdin=None):
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    # The browser tests set this in the test process; a deployment check fails on it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "-m", "coffeechat.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
    )


def test_check_is_still_the_message_checker(tmp_path):
    result = coffeechat(tmp_path, "check", "--help")
    assert result.returncode == 0
    assert "usage: coffeechat check" in result.stdout
    assert "--deploy" not in result.stdout


def test_system_check_runs_djangos_checks_with_deploy(tmp_path):
    result = coffeechat(tmp_path, "system-check", "--deploy")
    assert result.returncode == 0, result.stderr
    # Local defaults: plain HTTP, so the deployment warnings are there to read.
    assert "security.W008" in result.stderr
    assert "SECURE_SSL_REDIRECT" in result.stderr


def test_the_overview_lists_system_check(tmp_path):
    result = coffeechat(tmp_path, "--help")
    assert "system-check" in result.stdout
    assert "check " in result.stdout
