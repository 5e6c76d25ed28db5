"""Missing real parts: fail loudly in CI, skip with a clear message elsewhere."""

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_part(available: bool, what: str, how_to_fix: str) -> None:
    """Stop the test when a real part is missing.

    In CI (CI=true) the test fails, because a green run without the part proves nothing.
    On a developer's machine it skips and says what is missing and how to get it.
    """
    if available:
        return
    message = f"{what} is not available: {how_to_fix}"
    if in_ci():
        pytest.fail(f"CI needs {message}", pytrace=False)
    pytest.skip(message)
