"""Reading the command line safely: usage errors that cannot inject into the terminal,
``--`` to end the options, and an unknown command told apart from a file to parse."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .escape import escape_text

#: Stands for the n-th argument after ``--`` while argparse reads the options; a NUL
#: cannot occur in a real argument, so it can never be mistaken for one.
_OPERAND = "\0operand"


def terminal_columns() -> int:
    """The width ``shutil.get_terminal_size()`` gives: $COLUMNS, else standard output's
    terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter keeping the descriptions' line breaks, with the width argparse
    would take. argparse asks ``shutil`` for it, and builds a formatter for every option it
    adds: importing shutil (with bz2, lzma and zlib) is a good part of the CLI's start."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its error messages (which quote the arguments) escaped."""

    def error(self, message: str) -> NoReturn:
        super().error(escape_text(message))


def parse_command_args(parser: argparse.ArgumentParser, args: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_intermixed_args(args)``, where everything after ``--`` is an operand.

    (argparse's intermixed parsing loses the arguments after ``--``.)
    """
    if "--" not in args:
        return parser.parse_intermixed_args(args)
    cut = list(args).index("--")
    operands = list(args[cut + 1 :])
    stand_ins = [f"{_OPERAND}{index}" for index in range(len(operands))]
    namespace = parser.parse_intermixed_args([*args[:cut], *stand_ins])

    def restore(value: object) -> object:
        if isinstance(value, str) and value.startswith(_OPERAND):
            return operands[int(value[len(_OPERAND) :])]
        if isinstance(value, list):
            return [restore(item) for item in value]
        return value

    for key, value in vars(namespace).items():
        setattr(namespace, key, restore(value))
    return namespace


def looks_like_a_file(word: str) -> bool:
    """A first argument that is meant as a file: ``-``, an existing path, or a name with
    a dot or a slash in it (``today.txt``, ``dumps/``)."""
    return (
        word == "-"
        or os.path.lexists(word)
        or any(sep in word for sep in (".", os.sep, os.altsep) if sep)
    )


def unknown_command(args: Sequence[str], commands: Sequence[str]) -> str | None:
    """Why ``args`` does not start with a command, a file or an option; None if it does."""
    if not args:
        return None
    word = args[0]
    if word in commands or word.startswith("-") or looks_like_a_file(word):
        return None
    message = f"unknown command {word!r}"
    import difflib  # only for a mistyped command

    close = difflib.get_close_matches(word, commands, n=1)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    return (
        f"{message}; the commands are {', '.join(commands)}, "
        "and a file to parse must exist or have a '.' or '/' in its name"
    )
