"""The run's temporary files: copies of standard input and of FIFOs, and the paper
records a worker spools. All of them go to one directory made for the run, which the
main process deletes however the run ends.

A worker the main process kills (Ctrl-C, SIGTERM, a closed output pipe: it is sent
SIGKILL, see ``jobs.py``) cannot delete the copy it was writing; the directory goes
with the run all the same. A worker orphaned by a main process killed outright
deletes the directory itself before it exits (``shutdown.py``). The directory is made
on first use only: most runs write no temporary file, and ``tempfile`` costs start time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

#: This run's directory, once made (in a worker: the main process's, see ``adopt``).
_directory: str | None = None


def run_directory() -> str:
    """The run's directory for temporary files, made on the first call."""
    global _directory
    if _directory is None:
        import tempfile

        _directory = tempfile.mkdtemp(prefix="digestparse-")
    return _directory


def temporary_file(prefix: str, suffix: str = "") -> tuple[int, str]:
    """A new file in the run's directory: its open descriptor and its path."""
    import tempfile

    return tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=run_directory())


def adopt(directory: str) -> None:
    """In a worker process: write temporary files to the main process's run directory."""
    global _directory
    _directory = directory


def remove_run_directory() -> None:
    """Delete the run's directory with whatever is left in it, if one was made."""
    global _directory
    if _directory is None:
        return
    directory, _directory = _directory, None
    import shutil

    shutil.rmtree(directory, ignore_errors=True)


@contextlib.contextmanager
def run_directory_removed() -> Iterator[None]:
    """The run's directory, if one gets made inside the block, is deleted when it ends."""
    try:
        yield
    finally:
        remove_run_directory()
