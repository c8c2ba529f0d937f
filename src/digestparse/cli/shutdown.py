"""Ending a run on a signal, and worker processes that never outlive the run.

- ``SIGTERM`` (what CI runners and ``docker stop`` send) ends the run like Ctrl-C: it raises
  :class:`Terminated` in the main process, the workers are stopped on the way out, and
  ``main`` prints one line and exits 143.
- A worker process ignores Ctrl-C (the parent handles it and stops the workers), and a
  watchdog thread ends it when its parent is gone (killed outright, so nobody stops it).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: How often a worker checks that its parent is still there, in seconds.
WATCH_INTERVAL = 0.5


class Terminated(BaseException):
    """``SIGTERM`` arrived. A BaseException, like KeyboardInterrupt: no handler swallows it."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def sigterm_ends_run() -> Iterator[None]:
    """While active, ``SIGTERM`` raises :class:`Terminated` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def init_worker(parent: int | None) -> None:
    """Called first in every worker process; ``parent`` is the pid its parent must have
    (None: whatever it has now, e.g. a forkserver)."""
    # Ctrl-C reaches the whole process group; only the parent handles it, so
    # workers print no tracebacks of their own. SIGTERM (from the parent) just ends them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is None:
        parent = os.getppid()
    threading.Thread(
        target=_exit_when_orphaned, args=(parent,), name="parent-watchdog", daemon=True
    ).start()


def _exit_when_orphaned(parent: int) -> None:
    # Polling is portable; a killed parent cannot tell its workers anything.
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
