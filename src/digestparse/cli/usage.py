"""Reading the command line safely: usage errors that cannot inject into the terminal,
``--`` to end the options, and an unknown command told apart from a file to parse."""

from __future__ import annotations

import argparse
import difflib
import os
from collections.abc import Sequence
from typing import NoReturn

from .escape import escape_text

#: Stands for the n-th argument after ``--`` while argparse reads the options; a NUL
#: cannot occur in a real argument, so it can never be mistaken for one.
_OPERAND = "\0operand"


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
    close = difflib.get_close_matches(word, commands, n=1)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    return (
        f"{message}; the commands are {', '.join(commands)}, "
        "and a file to parse must exist or have a '.' or '/' in its name"
    )
