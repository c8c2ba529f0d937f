"""Ending a run on a signal, and worker processes that never outlive the run.

- ``SIGTERM`` (what CI runners and ``docker stop`` send) ends the run like Ctrl-C: it raises
  :class:`Terminated` in the main process, the workers are stopped on the way out, and
  ``main`` prints one line and exits 143.
- A worker process ignores Ctrl-C (the parent handles it and stops the workers), and a
  watchdog thread ends it when its parent is gone (killed outright, so nobody stops it),
  deleting the run's temporary files on its way out.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from .scratch import adopt, remove_run_directory

#: How often a worker checks that its parent is still there, in seconds.
WATCH_INTERVAL = 0.5


class Terminated(BaseException):
    """``SIGTERM`` arrived. A BaseException, like KeyboardInterrupt: no handler swallows it."""


#: How long a signal may wait for its Python handler before it is sent again, in seconds.
NUDGE_AFTER = 0.25
NUDGE_LIMIT = 40


class _Run:
    """The signals whose handler has run in this run (each raises only once)."""

    def __init__(self) -> None:
        self.handled: set[int] = set()


def _handler(run: _Run) -> Callable[[int, FrameType | None], None]:
    def on_signal(signum: int, frame: FrameType | None) -> None:
        if signum in run.handled:  # already ending the run: let the clean-up finish
            return
        run.handled.add(signum)
        raise KeyboardInterrupt if signum == signal.SIGINT else Terminated

    return on_signal


@contextmanager
def sigterm_ends_run() -> Iterator[None]:
    """While active, ``SIGTERM`` raises :class:`Terminated` and Ctrl-C KeyboardInterrupt,
    once each, in the main thread, also when the signal came while a blocking call was
    about to start (see :func:`_nudge`). Signals the caller ignores stay ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    run = _Run()
    handler = _handler(run)
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, handler)
    if not hasattr(signal, "pthread_kill"):  # Windows: no nudging
        try:
            yield
        finally:
            for signum, before in previous.items():
                signal.signal(signum, before)
        return
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous_wakeup = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    nudger = threading.Thread(
        target=_nudge, args=(read_fd, run, threading.main_thread().ident),
        name="signal-nudger", daemon=True,
    )
    # Worker processes are forked while this thread runs; it only ever waits in
    # os.read() or time.sleep() and holds no lock a child could inherit locked.
    nudger.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_wakeup)
        for signum, before in previous.items():
            signal.signal(signum, before)
        os.close(write_fd)  # ends the nudger's read
        nudger.join(NUDGE_AFTER)
        os.close(read_fd)


def _nudge(read_fd: int, run: _Run, main_thread: int | None) -> None:
    """Send a signal to the main thread again until its Python handler has run.

    CPython runs a signal's Python handler between bytecodes. A signal that arrives
    just before a blocking system call starts (``open()`` of a FIFO has just returned,
    ``read()`` comes next) leaves the handler waiting until the call returns, which may
    be never. A second delivery interrupts the call (EINTR), and the handler runs.
    """
    while True:
        try:
            received = os.read(read_fd, 64)
        except OSError:
            return
        if not received:
            return
        for signum in set(received) & {signal.SIGINT, signal.SIGTERM}:
            for _ in range(NUDGE_LIMIT):
                time.sleep(NUDGE_AFTER)
                if signum in run.handled or main_thread is None:
                    break
                signal.pthread_kill(main_thread, signum)


def init_worker(parent: int | None, scratch: str) -> None:
    """Called first in every worker process; ``parent`` is the pid its parent must have
    (None: whatever it has now, e.g. a forkserver), ``scratch`` the run's directory for
    temporary files."""
    # Ctrl-C reaches the whole process group; only the parent handles it, so
    # workers print no tracebacks of their own. SIGTERM (from the parent) just ends them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)  # the parent's, inherited by fork
    adopt(scratch)
    if parent is None:
        parent = os.getppid()
    threading.Thread(
        target=_exit_when_orphaned, args=(parent,), name="parent-watchdog", daemon=True
    ).start()


def _exit_when_orphaned(parent: int) -> None:
    # Polling is portable; a killed parent cannot tell its workers anything.
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    # Nobody else is left to delete the run's temporary files (a copy of a FIFO may be
    # as large as what was written to it).
    remove_run_directory()
    os._exit(1)
