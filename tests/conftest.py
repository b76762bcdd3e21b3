"""Test configuration: hypothesis profiles.

* ``default`` — fast, for local runs.
* ``ci`` — derandomized, more examples; loaded when ``CI=true``.
* ``deep`` — many examples for long runs: ``POLICYCONFLICT_HYPOTHESIS_PROFILE=deep pytest``.
* ``mutate`` — for ``tools/mutate.py``: few examples, derandomized (every mutant meets the same
  examples), and no example database (a mutant's failures must not be replayed in real runs).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=50, deadline=None)
# 100 examples: with branch coverage on two cores, 300 took CI past a quarter of an hour; the
# deep profile is there for long runs.
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "mutate",
    max_examples=50,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_profile = os.environ.get("POLICYCONFLICT_HYPOTHESIS_PROFILE")
if _profile is None:
    _profile = "ci" if os.environ.get("CI", "").lower() == "true" else "default"
settings.load_profile(_profile)
