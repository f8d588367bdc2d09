"""Shared fixtures and helpers. Tests that need ../shared (the reference page, public data) skip cleanly without it.

``tests`` is a package, so a test module imports a helper as ``from tests.conftest import page_from`` (and the
report fixture as ``from tests.test_report_fixtures import build_analysis``), never through ``sys.path``.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from rashomon.model import Block, Page

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "port-sarn.txt"
REFERENCE_PAGE = SHARED / "pages" / "aleppo-2016-11-28.txt"


def page_from(
    paragraphs: Sequence[str] | str,
    *,
    headline: bool = False,
    narratives: Sequence[str | None] | dict[int, str] | None = None,
    **page_fields: Any,
) -> Page:
    """A page of paragraphs separated by blank lines (a str is split on blank lines), each a block with its
    offsets into the page text. ``headline``: the first block is the headline; ``* * *`` is a separator.
    ``narratives``: each block's narrative, by position."""
    if isinstance(paragraphs, str):
        paragraphs = paragraphs.split("\n\n")
    by_index = dict(enumerate(narratives)) if isinstance(narratives, Sequence) else dict(narratives or {})
    blocks, at = [], 0
    for n, paragraph in enumerate(paragraphs):
        kind = "headline" if headline and n == 0 else "separator" if paragraph == "* * *" else "paragraph"
        blocks.append(Block(f"b{n}", kind, at, at + len(paragraph), paragraph, by_index.get(n)))
        at += len(paragraph) + 2
    return Page(text="\n\n".join(paragraphs), blocks=blocks, **page_fields)


def write_jsonl(path: Path, rows: Sequence[dict[str, Any] | str]) -> Path:
    """A JSONL corpus file: each dict one JSON line, each str written as it is (a broken line, on purpose)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def eval_harness(name: str) -> ModuleType:
    """The evaluation harness ``eval/NAME.py`` loaded as a module (the harnesses are scripts, not a package), for
    tests of their scoring."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", REPO / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_path(*parts: str) -> Path:
    """A file or folder under ../shared, or a clean skip when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once for the whole run (the same cached object the stages use)."""
    from rashomon import nlp as nlp_module

    return nlp_module.load()


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
