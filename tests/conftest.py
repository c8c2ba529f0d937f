"""Shared pytest configuration.

Hypothesis profiles: ``ci`` (the default, sized to keep the whole suite
within about a minute on a 2-core machine) and ``long`` (thorough; select it
with ``HYPOTHESIS_PROFILE=long``). See docs/reliability.md.
"""

from __future__ import annotations

import importlib.util
import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    # The same examples on every run: a CI run passes or fails for the code, not the draw
    # (the ``long`` profile goes on drawing new ones).
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: The Dask tests need the ``dask`` extra. Without it they are not collected (there is
#: nothing to test, and no test is skipped); CI sets DIGESTPARSE_REQUIRE_DASK=1, so that
#: there a missing extra is an import error that fails the run.
collect_ignore: list[str] = []
if importlib.util.find_spec("dask") is None and not os.environ.get("DIGESTPARSE_REQUIRE_DASK"):
    collect_ignore.append("test_dask.py")
