"""The inputs: PATH arguments expanded into files (directories searched, ``-`` read), and
opening one for reading (binary files and devices refused).

Memory stays bounded whatever the input: nothing here reads a whole file.
Directory scans take regular files only; an explicit path may also be a FIFO
or a pipe (``<(command)``), which is copied to a temporary file first, like
standard input, so that a failing file can be read a second time; a device
is refused. A file is binary when its first 8 KiB hold a NUL byte.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from ..lines import wide_codec
from .escape import display_name
from .scratch import temporary_file

STDIN = "-"
#: A NUL byte this near the start makes a file binary (git and grep look as far).
BINARY_WINDOW = 8192
_COPY_BLOCK = 1 << 16


class UsageError(Exception):
    """A mistake on the command line, reported like argparse does (exit 2)."""


class UnreadableInput(Exception):
    """An input that cannot be checked (unreadable, binary); the message says why, in one line."""


class Task:
    """One input: ``name`` is how it is shown, ``path`` where it is read from.

    ``spooled``: ``path`` is a temporary copy (of standard input) to delete
    after the run. ``data`` is set instead of ``path`` by callers that have
    the bytes in memory already. ``problem``: why the input cannot be checked, found
    while the command line was read (a FIFO in a directory, an empty directory); it is
    reported as an unreadable file is, in its place among the results.
    """

    __slots__ = ("data", "name", "path", "problem", "spooled")

    def __init__(
        self, name: str, path: str | None = None, data: bytes | None = None,
        spooled: bool = False, problem: str = "",
    ) -> None:
        self.name = name
        self.path = path
        self.data = data
        self.spooled = spooled
        self.problem = problem

    def __repr__(self) -> str:
        return f"Task({self.name!r}, path={self.path!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Task) and (self.name, self.path, self.data) == (
            other.name, other.path, other.data
        )

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.data))


def expand_paths(paths: Iterable[str], stdin_name: str) -> list[Task]:
    """The inputs named on the command line, with directories searched; an input that
    cannot be checked is a task with its ``problem``."""
    tasks: list[Task] = []
    paths = list(paths)
    if paths.count(STDIN) > 1:  # before standard input is copied anywhere
        raise UsageError("standard input (-) can be given only once")
    for path in paths:
        if path == STDIN:
            try:
                copy = spool(sys.stdin.buffer, display_name(stdin_name))
                tasks.append(Task(stdin_name, path=copy, spooled=True))
            except UnreadableInput as error:
                tasks.append(Task(stdin_name, problem=str(error)))
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError:
            # Missing and unreadable files are reported by the worker that reads them.
            tasks.append(Task(path, path=path))
            continue
        if stat.S_ISDIR(mode):
            seen = 0
            for name, problem in dumps_under(path):
                seen += 1
                if problem:
                    problem = f"cannot check {display_name(name)}: {problem}"
                    tasks.append(Task(name, problem=problem))
                else:
                    tasks.append(Task(name, path=name))
            if not seen:
                problem = f"cannot check {display_name(path)}: directory has no *.txt files"
                tasks.append(Task(path, problem=problem))
        elif stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
            tasks.append(Task(path, path=path))
        else:
            problem = f"cannot check {display_name(path)}: {kind_of(mode)}, not a file"
            tasks.append(Task(path, problem=problem))
    return tasks


def kind_of(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a special file"


def dumps_under(directory: str) -> Iterator[tuple[str, str]]:
    """``*.txt`` entries below ``directory`` in a stable order, skipping hidden entries,
    each with "" or the reason it is no regular file (a FIFO, a device, a dangling link)."""
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.endswith(".txt") and not filename.startswith("."):
                name = os.path.join(root, filename)
                try:
                    mode = os.stat(name).st_mode
                except OSError as error:
                    yield name, error.strerror or str(error)
                    continue
                yield name, "" if stat.S_ISREG(mode) else f"{kind_of(mode)}, not a regular file"


def spool(stream: IO[bytes], name: str) -> str:
    """Copy ``stream`` to a temporary file (deleted by ``remove_spooled``, or with the run's
    directory) and return its path; a binary start stops the copy at once."""
    handle, path = temporary_file(prefix="input-", suffix=".txt")
    try:
        with os.fdopen(handle, "wb") as out:
            head = _read_head(stream, name)
            check_text(head, name)
            out.write(head)
            while True:
                try:
                    block = stream.read(_COPY_BLOCK)
                except OSError as error:
                    reason = error.strerror or error
                    raise UnreadableInput(f"cannot read {name}: {reason}") from None
                if not block:
                    break
                out.write(block)
    except BaseException:
        os.unlink(path)
        raise
    return path


def _read_head(stream: IO[bytes], name: str) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size < BINARY_WINDOW:
        try:
            block = stream.read(BINARY_WINDOW - size)
        except OSError as error:
            raise UnreadableInput(f"cannot read {name}: {error.strerror or error}") from None
        if not block:
            break
        parts.append(block)
        size += len(block)
    return b"".join(parts)


def check_text(head: bytes, name: str) -> None:
    """Refuse a file whose first 8 KiB (``head``) hold a NUL byte, unless it is UTF-16 or
    UTF-32."""
    nul = head.find(b"\0", 0, BINARY_WINDOW)
    if nul >= 0 and wide_codec(head) is None:
        raise UnreadableInput(
            f"cannot check {name}: binary file (NUL byte at offset {nul}), not a text dump"
        )


def open_dump(task: Task) -> tuple[IO[bytes], str | None]:
    """One input opened for reading, checked, at its start; and the path of a temporary
    copy to delete afterwards, if one was made (a FIFO or pipe is copied first, so that it
    can be read twice). :class:`UnreadableInput` if the input cannot be read, is a device,
    or is binary."""
    assert task.path is not None
    try:
        file = open(task.path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as error:
        raise UnreadableInput(f"cannot read {task.name}: {error.strerror or error}") from None
    copy: str | None = None
    try:
        mode = os.fstat(file.fileno()).st_mode
        if stat.S_ISFIFO(mode):
            copy = spool(file, task.name)
            file.close()
            file = open(copy, "rb")  # noqa: SIM115 - the caller closes it
        elif not stat.S_ISREG(mode):
            raise UnreadableInput(f"cannot check {task.name}: {kind_of(mode)}, not a file")
        else:
            check_text(_read_head(file, task.name), task.name)
            file.seek(0)
    except OSError as error:
        file.close()
        raise UnreadableInput(f"cannot read {task.name}: {error.strerror or error}") from None
    except BaseException:
        file.close()
        if copy is not None:
            os.unlink(copy)
        raise
    return file, copy


def remove_spooled(tasks: Iterable[Task]) -> None:
    """Delete the temporary copies of standard input."""
    for task in tasks:
        if task.spooled and task.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(task.path)
