"""Shared pytest setup: the ``--update-goldens`` option, the fuzzing profiles."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite golden files (tests/cases/*/expected.txt) from the actual output; "
        "review the diff before committing.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing them."""
    return bool(request.config.getoption("--update-goldens"))


# Hypothesis profiles for tests/test_fuzz.py (docs/dev/fuzzing.md). "fuzz-ci" is the
# default: derandomized, so a failure in CI reproduces anywhere, and sized so the file runs
# in about a minute on two cores. FACTSHEET_FUZZ=long selects "fuzz-long": random seeds,
# many more examples, failures kept in the example database to replay.
settings.register_profile(
    "fuzz-ci", max_examples=250, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "fuzz-long", max_examples=5_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
