"""The inputs: PATH arguments expanded into files (directories searched, ``-`` read), and
the check that an input is a text dump and not a binary file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..lines import looks_like_utf16

STDIN = "-"


class UsageError(Exception):
    """A mistake on the command line, reported like argparse does (exit 2)."""


class UnreadableInput(Exception):
    """An input that cannot be checked (unreadable, binary); the message says why, in one line."""


@dataclass(frozen=True)
class Task:
    """One input: ``name`` is how it is shown; ``data`` is set for standard input."""

    name: str
    path: str | None = None
    data: bytes | None = None


def expand_paths(paths: Iterable[str], stdin_name: str) -> tuple[list[Task], list[str]]:
    """The inputs named on the command line, with directories searched, and any errors."""
    tasks: list[Task] = []
    errors: list[str] = []
    stdin_seen = False
    for path in paths:
        if path == STDIN:
            if stdin_seen:
                raise UsageError("standard input (-) can be given only once")
            stdin_seen = True
            tasks.append(Task(stdin_name, data=sys.stdin.buffer.read()))
        elif os.path.isdir(path):
            found = [Task(name, path=name) for name in dumps_under(path)]
            if not found:
                errors.append(f"cannot check {path}: directory has no *.txt files")
            tasks.extend(found)
        else:
            # Missing and unreadable files are reported by the worker that reads them.
            tasks.append(Task(path, path=path))
    return tasks, errors


def dumps_under(directory: str) -> Iterator[str]:
    """``*.txt`` files below ``directory`` in a stable order, skipping hidden entries."""
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.endswith(".txt") and not filename.startswith("."):
                yield os.path.join(root, filename)


def read_dump(task: Task) -> bytes:
    """The bytes of one input; :class:`UnreadableInput` if it cannot be read or is binary."""
    if task.data is not None:
        data = task.data
    else:
        assert task.path is not None
        try:
            with open(task.path, "rb") as file:
                data = file.read()
        except OSError as error:
            raise UnreadableInput(f"cannot read {task.name}: {error.strerror or error}") from None
    nul = data.find(b"\0")
    if nul >= 0 and not looks_like_utf16(data):
        raise UnreadableInput(
            f"cannot check {task.name}: binary file (NUL byte at offset {nul}), not a text dump"
        )
    return data
