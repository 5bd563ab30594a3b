import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

User = get_user_model()


def test_createuser_with_a_password_for_scripts(db):
    out = StringIO()
    call_command(
        "createuser", "ana", "--password", "quiet-river-58", "--name", "Ana Ruiz", stdout=out
    )
    user = User.objects.get(username="ana")
    assert user.check_password("quiet-river-58")
    assert user.profile.name == "Ana Ruiz"
    assert "Created account 'ana'" in out.getvalue()


def test_createuser_refuses_a_weak_password_and_creates_nothing(db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("createuser", "ana", "--password", "123")
    assert exit_info.value.code == 1
    assert "too weak" in capsys.readouterr().err
    assert not User.objects.filter(username="ana").exists()


def test_createuser_refuses_an_existing_name_unless_resetting(owner, capsys):
    with pytest.raises(SystemExit):
        call_command("createuser", "olivia", "--password", "quiet-river-58")
    assert "already exists" in capsys.readouterr().err
    call_command(
        "createuser", "olivia", "--password", "quiet-river-58", "--reset", stdout=StringIO()
    )
    owner.refresh_from_db()
    assert owner.check_password("quiet-river-58")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_migrates_prints_its_url_and_a_working_setup_link(tmp_path):
    """A real `coffeechat serve` on a fresh data directory, as a new user runs it."""
    port = free_port()
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path), "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli", "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = [server.stdout.readline()]
        assert lines[0].strip() == f"coffeechat is running at http://127.0.0.1:{port}/"
        # The link follows, perhaps after a line from the server itself (a busy machine
        # can make waitress warn first): read on until it comes, a few lines at most.
        found = None
        while found is None and len(lines) < 10 and lines[-1]:
            lines.append(server.stdout.readline())
            found = re.search(r"(http://\S+/accounts/setup/\S+/)", lines[-1])
        assert found, f"no setup link in what serve printed: {lines}"
        setup = found.group(1)
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(setup) as response:
                    assert response.status == 200
                    assert "Create my account" in response.read().decode()
                break
            except urllib.error.URLError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        # Anything else needs a login, even on loopback.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/contacts/") as response:
            assert "/accounts/login/" in response.url
        assert (tmp_path / "coffeechat.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_bad_port(tmp_path):
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path), "PORT": "eighty"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "PORT='eighty' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_overview_lists_the_commands():
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    for command in ("serve", "createuser", "contacts"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE)


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`coffeechat contacts list | head -1`: the pipe closes before the output ends."""
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "coffeechat.cli"]
    subprocess.run([*command, "createuser", "sam", "--password", "plum-orchard-77"], env=env)
    # Enough people that the list is longer than a pipe holds (64 KB).
    people = "".join(f"Person,Number{n}\n" for n in range(3000))
    (tmp_path / "people.csv").write_text("First Name,Last Name\n" + people)
    subprocess.run([*command, "import", str(tmp_path / "people.csv")], env=env, check=True)
    reader = subprocess.Popen(
        [*command, "contacts", "list"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    reader.stdout.readline()
    reader.stdout.close()  # like `head -1` once it has its line
    _out, errors = reader.communicate(timeout=60)
    assert reader.returncode == 141
    assert b"Traceback" not in errors and b"BrokenPipeError" not in errors
