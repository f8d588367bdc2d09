"""Shared fixtures. Tests that need ../shared (the reference page, public data) skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "port-sarn.txt"
REFERENCE_PAGE = SHARED / "pages" / "aleppo-2016-11-28.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def reference_page_path(shared_dir: Path) -> Path:
    if not REFERENCE_PAGE.exists():
        pytest.skip("the reference page is not in ../shared/pages")
    return REFERENCE_PAGE


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE
