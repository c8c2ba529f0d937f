"""The two exceptions: bad input (ParseError) and a bug in digestparse (InternalError)."""

from __future__ import annotations

from typing import NoReturn


class ParseError(ValueError):
    """The input deviates from the dump format (raised in strict mode).

    ``str(error)`` reads ``<source>:<line>:<column>: <code> <message>``.
    """

    def __init__(
        self, code: str, message: str, line: int, column: int = 1, source: str = "<string>"
    ) -> None:
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        super().__init__(f"{source}:{line}:{column}: {code} {message}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int, int, str]]:
        # Keeps the error picklable, so it can cross process boundaries (the CLI's --jobs).
        return (type(self), (self.code, self.message, self.line, self.column, self.source))


class InternalError(RuntimeError):
    """digestparse itself failed: a bug, never a verdict on the input. Please report it."""


class CallerError(Exception):
    """Carries an exception raised by the caller's code (their file object, their
    callback) through the parser, so it reaches them unchanged instead of being
    mistaken for a bug in digestparse. Never escapes the library."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(original)
        self.original = original


def raise_for_caller(error: Exception, where: str) -> NoReturn:
    """Raise ``error``, caught around the parser, as the caller sees it: a ParseError or an
    InternalError as it is, the caller's own exception (carried by CallerError) as they
    raised it, anything else as an InternalError (``where``: ``near line 12``)."""
    if isinstance(error, (ParseError, InternalError)):
        raise error
    if isinstance(error, CallerError):
        raise error.original from None
    raise InternalError(f"digestparse failed {where}: {error!r}; please report this bug") from error
