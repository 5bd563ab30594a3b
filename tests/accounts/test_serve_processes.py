"""`coffeechat serve --processes N`: N waitress processes on one port, kept running."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> set[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return {int(child) for child in text.split()}


def wait_for(condition, seconds=20.0, what="it"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds:g} s for {what}")


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli", "serve", "--port", str(port)]
        + ["--processes", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_two_processes_serve_one_port_and_a_dead_one_is_replaced(server):
    process, port = server
    wait_for(lambda: answers(port), what="the server to answer")
    first = wait_for(lambda: len(children(process.pid)) == 2 and children(process.pid))

    victim = sorted(first)[0]
    os.kill(victim, signal.SIGKILL)
    replaced = wait_for(
        lambda: len(children(process.pid)) == 2 and victim not in children(process.pid),
        what="a new process in place of the killed one",
    )
    assert replaced
    assert all(answers(port) for _ in range(20))


def test_stopping_the_server_stops_every_process(server):
    process, port = server
    wait_for(lambda: answers(port), what="the server to answer")
    workers = wait_for(lambda: len(children(process.pid)) == 2 and children(process.pid))

    process.send_signal(signal.SIGTERM)

    assert process.wait(timeout=20) == 0
    for pid in workers:
        assert (
            not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
        )
    assert not answers(port)


def test_processes_are_refused_below_one(tmp_path):
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli", "serve", "--processes", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "--processes and --threads must be 1 or more." in result.stderr
