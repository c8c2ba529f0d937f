"""The standard streams of a run: output that never fails on encoding, and failures of the
environment (a closed pipe, a full disk, a closed stream) told apart from bugs.

While :func:`guarded_streams` is active, ``sys.stdout`` and ``sys.stderr`` escape what
their encoding cannot hold (``\\u00b7`` for ``·`` on an ASCII stream; the same escape is
valid inside JSON strings), and an ``OSError`` from writing becomes :class:`OutputFailed`;
``sys.stdin`` turns an ``OSError`` from reading, or a closed standard input, into
:class:`InputFailed`. ``main`` reports those as exit 141 (closed pipe) or exit 2.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import select
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO, cast

from .escape import escape_text

#: The codec error handler that writes what a stream cannot encode as ``\\uXXXX``.
ESCAPE_ERRORS = "digestparse-escape"


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:  # a UTF-16 surrogate pair, as JSON writes it
            code -= 0x10000
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


codecs.register_error(ESCAPE_ERRORS, _escape_unencodable)


class OutputFailed(Exception):
    """Writing to standard output or standard error failed: the environment's fault."""

    def __init__(self, label: str, stream: Any, error: OSError) -> None:
        super().__init__(f"cannot write {label}: {error.strerror or error}")
        self.label = label
        self.stream = stream
        self.broken_pipe = isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE


class InputFailed(Exception):
    """Reading standard input failed (closed, a directory, an I/O error)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"cannot read standard input: {error.strerror or error}")


def _closed() -> OSError:
    return OSError(errno.EBADF, os.strerror(errno.EBADF))


class GuardedOutput(io.TextIOBase):
    """A text stream in front of ``stream`` (or of nothing, when the stream was closed)."""

    def __init__(self, stream: TextIO | None, label: str, *, closed_ok: bool = False) -> None:
        super().__init__()
        self._stream = stream
        self._label = label
        #: A closed stream swallows what is written (stderr: the user chose to drop it).
        self._closed_ok = closed_ok
        self._raw = _unbuffered(stream)

    def write(self, text: str) -> int:
        if self._stream is None:
            if text and not self._closed_ok:
                raise OutputFailed(self._label, None, _closed())
            return 0
        try:
            if self._raw is not None:
                return self._write_all(self._stream, self._raw, text)
            return self._stream.write(text)
        except OSError as error:
            raise OutputFailed(self._label, self._stream, error) from None

    @staticmethod
    def _write_all(stream: TextIO, raw: io.RawIOBase, text: str) -> int:
        """Write ``text`` to the unbuffered ``raw`` under ``stream`` until all of it is out.

        An unbuffered text stream (``python -u``, ``PYTHONUNBUFFERED``) hands each write to
        the file once, and a pipe closed while a large document is written takes a part of
        it without an error: the rest was lost and the run ended as if all was written. The
        next write after such a part fails (a closed pipe: exit 141)."""
        view = memoryview(text.encode(stream.encoding, stream.errors or "strict"))
        while view:
            written = raw.write(view)
            if written is None:  # a non-blocking descriptor that is full: wait for it
                select.select([], [raw], [])
                continue
            view = view[written:]
        return len(text)

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputFailed(self._label, self._stream, error) from None

    def close(self) -> None:
        """Nothing: the stream underneath is not ours (and a wrapper that is garbage
        collected must not flush it, after the run, where a failure is no longer caught)."""

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise OutputFailed(self._label, None, _closed())
        return self._stream.fileno()

    def write_utf8(self) -> None:
        """Encode what is written from now on as UTF-8, whatever the stream's own encoding
        (a document for programs: ``documents_in_utf8``)."""
        reconfigure = getattr(self._stream, "reconfigure", None)
        if reconfigure is None or codecs.lookup(self.encoding).name == "utf-8":
            return
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            return
        self._raw = _unbuffered(self._stream)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


#: Encodings that encode each write alone as the stream would (no byte order mark, no
#: shift state): a write can go around the text stream.
_STATELESS = frozenset({"utf-8", "ascii", "iso8859-1", "cp1252"})


def _unbuffered(stream: TextIO | None) -> io.RawIOBase | None:
    """The file under ``stream`` when nothing buffers it (``python -u``), it writes ``\\n``
    as it is (POSIX) and its encoding has no state (``_STATELESS``), else None."""
    raw = getattr(stream, "buffer", None)
    if not isinstance(raw, io.RawIOBase) or os.linesep != "\n":
        return None
    if not getattr(stream, "write_through", False):
        return None
    try:
        codec = codecs.lookup(getattr(stream, "encoding", None) or "").name
    except LookupError:
        return None
    return raw if codec in _STATELESS else None


class _GuardedCalls:
    """Every method of ``target`` with ``OSError`` turned into :class:`InputFailed`."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        if self._target is None:
            raise InputFailed(_closed())
        value = getattr(self._target, name)
        if not callable(value):
            return value

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return value(*args, **kwargs)
            except OSError as error:
                raise InputFailed(error) from None

        return guarded


class GuardedInput(_GuardedCalls):
    @property
    def buffer(self) -> _GuardedCalls:
        return _GuardedCalls(None if self._target is None else self._target.buffer)


def _escaping(stream: TextIO | None) -> Callable[[], None]:
    """Make ``stream`` escape what it cannot encode; returns how to undo it."""
    reconfigure = getattr(stream, "reconfigure", None)
    previous = getattr(stream, "errors", None)
    if reconfigure is None or previous is None:
        return lambda: None
    try:
        reconfigure(errors=ESCAPE_ERRORS)
    except (ValueError, OSError):
        return lambda: None
    return lambda: reconfigure(errors=previous)


@contextmanager
def guarded_streams() -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    undo = [_escaping(saved[1]), _escaping(saved[2])]
    sys.stdin = cast(TextIO, GuardedInput(saved[0]))
    sys.stdout = cast(TextIO, GuardedOutput(saved[1], "standard output"))
    sys.stderr = cast(TextIO, GuardedOutput(saved[2], "standard error", closed_ok=True))
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for restore in undo:
            with suppress(ValueError, OSError):
                restore()


def documents_in_utf8() -> None:
    """Write standard output as UTF-8 from now on. JSON (RFC 8259), SARIF and the JUnit XML
    that declares UTF-8 are read by programs, which expect UTF-8 whatever the locale (a
    redirected stdout on Windows is cp1252); the text formats and CSV, read by people and
    spreadsheets, keep the stream's own encoding."""
    if isinstance(sys.stdout, GuardedOutput):
        sys.stdout.write_utf8()


def say(line: str, *, fresh_line: bool = False) -> None:
    """One line on stderr, escaped; nothing if stderr itself cannot be written.
    ``fresh_line``: end the current line first (after a terminal's "^C")."""
    try:
        sys.stderr.write(("\n" if fresh_line else "") + escape_text(line) + "\n")
        sys.stderr.flush()
    except OutputFailed as failure:
        discard(failure)


def discard(failure: OutputFailed) -> None:
    """Send the rest of a failed stream to /dev/null, so the flush at exit cannot fail too."""
    try:
        fd = failure.stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return
    try:
        os.dup2(devnull, fd)
    except OSError:
        pass
    finally:
        os.close(devnull)
