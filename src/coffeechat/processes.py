"""Serving with several processes: one listening socket, shared by forked waitress servers.

waitress serves with threads in one process, so one Python interpreter (one core) does all
the work. With ``coffeechat serve --processes N`` the parent opens the listening socket,
closes its database connections, and forks N children that each run waitress on that
same socket: the kernel hands each new connection to whichever child accepts it, so a
career office's server uses every core without a second server program (gunicorn does
the same with its own workers).

The parent only watches: a child that dies is replaced (a crash loop stops everything
with an error instead of spinning), and SIGTERM or Ctrl+C stops every child, then the
parent. Linux and macOS only (``os.fork``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import time
from collections.abc import Callable

from django.db import connections

logger = logging.getLogger(__name__)

# More deaths than this within RESTART_WINDOW seconds is a crash loop: give up.
MAX_RESTARTS = 5
RESTART_WINDOW = 30.0
STOP_GRACE = 10.0


def can_fork() -> bool:
    return hasattr(os, "fork")


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket every child accepts on (raises OSError when the port is taken)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.set_inheritable(True)
    return sock


class Supervisor:
    """Keeps ``count`` children running ``serve_child(sock)`` until told to stop."""

    def __init__(
        self, sock: socket.socket, count: int, serve_child: Callable[[socket.socket], None]
    ):
        self.sock = sock
        self.count = count
        self.serve_child = serve_child
        self.children: set[int] = set()
        self.stopping = False
        self.deaths: list[float] = []

    def run(self) -> int:
        """Serve until SIGTERM/SIGINT; the exit status for the parent."""
        connections.close_all()  # never share a database connection across a fork
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            for _ in range(self.count):
                self._spawn()
            status = self._watch()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._stop_children()
        return status

    def _spawn(self) -> None:
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    signal.signal(sig, signal.SIG_DFL)
                self.serve_child(self.sock)
            except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
                logger.exception("a coffeechat server process failed")
                code = 1
            finally:
                os._exit(code)
        self.children.add(pid)

    def _watch(self) -> int:
        while self.children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:  # pragma: no cover - PEP 475 retries os.wait
                continue
            self.children.discard(pid)
            if self.stopping:
                continue
            now = time.monotonic()
            self.deaths = [t for t in self.deaths if now - t < RESTART_WINDOW] + [now]
            logger.warning("server process %s stopped (status %s); starting another", pid, status)
            if len(self.deaths) > MAX_RESTARTS:
                logger.error("server processes keep stopping; giving up")
                self.stopping = True
                return 1
            self._spawn()
        return 0

    def _stop(self, signum, frame) -> None:
        self.stopping = True
        for pid in list(self.children):
            _signal(pid, signal.SIGTERM)

    def _stop_children(self) -> None:
        """TERM every child, wait a little, then KILL those still there."""
        self.stopping = True
        for pid in list(self.children):
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while self.children and time.monotonic() < deadline:
            for pid in list(self.children):
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    self.children.discard(pid)
            time.sleep(0.05)
        for pid in list(self.children):
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            self.children.discard(pid)


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just stopped by itself
        os.kill(pid, signum)
