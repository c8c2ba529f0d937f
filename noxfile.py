"""The test suite on every CPython the package claims (requires-python >= 3.10).

`.ci/run` runs `nox` after the README's test command; a missing interpreter is
an error, never a silent skip. Locally: `nox -s tests-3.12`, or plain `nox`.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite, against the package installed (not editable) from this tree."""
    session.install(".[test]")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *session.posargs)
