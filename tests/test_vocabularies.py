"""Each fixed vocabulary is declared once in the model; everything that colours, labels or filters it covers it."""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon
from rashomon.actors.gazetteer import relation_types_in
from rashomon.contract import build_schema
from rashomon.model import (
    COMMENT_FLAG_FILTERS,
    COMMENT_FLAGS,
    HTML_SUFFIXES,
    PAGE_SUFFIXES,
    RELATION_STYLE,
    RELATION_TYPES,
    WARNING_CODES,
)
from rashomon.read.corpus import iter_file
from rashomon.report.svg import RELATION_COLOURS
from rashomon.report.view import COMMENT_FILTERS, RELATION_LABELS, comment_filters
from rashomon.resources import data_path, page_part_nouns

SRC = Path(rashomon.__file__).resolve().parent


def test_every_relation_type_has_a_label_and_a_colour_and_nothing_else_does():
    assert list(RELATION_STYLE) == list(RELATION_TYPES)
    assert set(RELATION_LABELS) == set(RELATION_TYPES)
    assert set(RELATION_COLOURS) == set(RELATION_TYPES)
    assert all(RELATION_LABELS[t] and RELATION_COLOURS[t].startswith("#") for t in RELATION_TYPES)


def test_the_cue_lexicon_uses_exactly_the_declared_relation_types():
    import yaml

    cues = yaml.safe_load(data_path("actors/relations.yaml").read_text(encoding="utf-8"))
    assert relation_types_in(cues) == set(RELATION_TYPES)


def test_every_comment_flag_is_in_exactly_one_filter():
    assert sorted(COMMENT_FLAG_FILTERS) == sorted(COMMENT_FLAGS)
    assert list(COMMENT_FILTERS) == ["threats", "abuse", "sarcasm", "corrections", "unscored", "pingbacks"]
    for flag in COMMENT_FLAGS:
        owners = [name for name, members in COMMENT_FILTERS.items() if flag in members]
        assert len(owners) == 1, (flag, owners)
        assert comment_filters({"flags": [flag]}) == owners
    assert {f for members in COMMENT_FILTERS.values() for f in members} == set(COMMENT_FLAGS)


def test_the_schema_exports_each_vocabulary_as_an_enum():
    defs = build_schema()["$defs"]
    assert defs["Relation"]["properties"]["type"]["enum"] == list(RELATION_TYPES)
    assert defs["Comment"]["properties"]["flags"]["items"]["enum"] == list(COMMENT_FLAGS)
    assert defs["PageWarning"]["properties"]["code"]["enum"] == list(WARNING_CODES)


def _literal_codes(name: str) -> set[str]:
    import re

    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(rf'{name}\(\s*"([a-z0-9_]+)"', text))
    return found


def test_every_warning_code_in_the_code_is_declared_and_every_declared_code_is_used():
    used = _literal_codes(r"(?:\.warn|PageWarning)")
    assert used and used <= set(WARNING_CODES)
    assert set(WARNING_CODES) <= used


def test_every_flag_the_comments_stage_sets_is_declared():
    used = _literal_codes("_add_flag\\(comment,\\s*") | _literal_codes(r"flags\.append")
    text = (SRC / "comments" / "abuse.py").read_text(encoding="utf-8")
    used |= {
        head
        for head in ("toxicity", "insult", "severe_toxicity", "threat", "profanity", "identity_attack")
        if f'"{head}"' in text
    }
    assert used <= set(COMMENT_FLAGS)


@pytest.mark.parametrize("suffix", PAGE_SUFFIXES)
def test_batch_reads_every_page_suffix_analyze_reads(tmp_path, suffix):
    text = "The port authority said the harbour was shut on Monday, and would stay shut for a week."
    page = tmp_path / f"page{suffix}"
    html = suffix in HTML_SUFFIXES
    page.write_text(f"<html><body><article><p>{text}</p></article></body></html>" if html else text, encoding="utf-8")
    (record,) = iter_file(page)
    assert record.error is None
    read = rashomon.read_page(page)
    assert read.source_format == ("html" if html else "text") and text in read.text


def test_the_page_part_nouns_are_one_list_for_speakers_captions_and_identifiers():
    from rashomon.attribution.rules.settings import PAGE_PART_NOUNS
    from rashomon.claims.frames import CAPTION
    from rashomon.claims.quantities import IDENTIFIER_WORDS

    nouns = page_part_nouns()
    assert {"figure", "chart", "sidebar", "exhibit"} <= nouns
    assert PAGE_PART_NOUNS == nouns and nouns <= IDENTIFIER_WORDS
    assert all(CAPTION.match(f"{noun.capitalize()} 2: the ferry queues in May") for noun in nouns)
    assert not CAPTION.match("Ferry 2: the queues in May")
