"""Stories: group the pages of a corpus by event, see which outlets covered what, and compare their accounts.

>>> from rashomon.stories import build_stories
>>> summary = build_stories("out/")          # doctest: +SKIP

:mod:`.grouping` holds the grouping (near-duplicates by MinHash/LSH, then events by the encoder, shared names
and dates); :mod:`.topics` groups the stories into topics (the same kind of event); :mod:`.build` streams a batch output through it and writes the story tables that
``rashomon query`` reads; ``rashomon.report.stories`` renders them as one HTML page.
"""

from __future__ import annotations

from .build import STORY_TABLES, StoriesSummary, build_stories, compare_story

__all__ = ["build_stories", "compare_story", "StoriesSummary", "STORY_TABLES"]
