"""Paired word choices: the words each account wrote for the same actor or event, never a substitute."""

from __future__ import annotations

import re

import pytest

import rashomon
from rashomon import choices
from rashomon.model import Actor, Analysis, Span
from rashomon.report import render
from tests.conftest import page_from

WIRE = (
    "The insurgents captured two villages near the dam on Tuesday, and rebel commanders said the rebels had "
    "withdrawn from the ridge after heavy shelling."
)
STATE_TV = (
    'Government troops liberated the villages near the dam, the ministry said, and the ridge was "cleared" of '
    "militants. The militants fled as residents were freed."
)


def _spans(text: str, word: str, offset: int = 0) -> list[Span]:
    return [Span(offset + m.start(), offset + m.end(), m.group()) for m in re.finditer(word, text)]


@pytest.fixture
def analysis() -> Analysis:
    page = page_from([WIRE, STATE_TV], narratives=["wire", "tv"])
    offset = page.blocks[1].start
    mentions = _spans(WIRE, r"\binsurgents|\brebels?\b") + _spans(STATE_TV, r"militants", offset)
    actor = Actor("armed_opposition", "armed opposition", "rebel_group", mentions=mentions)
    return Analysis(page=page, actors=[actor])


def _table(analysis: Analysis) -> dict[tuple[str, str], dict[str, int]]:
    result = choices.word_choices(
        analysis.page.text,
        choices.actor_referents(analysis.actors) + choices.event_referents(analysis.page.article_blocks),
        choices.account_ranges(analysis),
    )
    return {(c.referent, row.account): {w.term: w.count for w in row.words} for c in result for row in c.accounts}


def test_each_account_gets_only_the_words_it_wrote_for_the_same_actor_and_event(analysis):
    table = _table(analysis)
    assert table[("armed_opposition", "wire")] == {"insurgents": 1, "rebel": 2}  # "rebel" / "rebels" one word
    assert table[("armed_opposition", "tv")] == {"militants": 2}
    assert table[("ground_changes_hands", "wire")] == {"captured": 1, "withdrawn": 1}
    assert table[("ground_changes_hands", "tv")] == {"liberated": 1, "cleared": 1, "freed": 1}


def test_lexicon_families_are_tags_and_scare_quotes_are_counted(analysis):
    result = choices.word_choices(
        analysis.page.text, choices.event_referents(analysis.page.article_blocks), choices.account_ranges(analysis)
    )
    words = {w.term: w for row in result[0].accounts for w in row.words}
    assert words["liberated"].family == "territorial_change" and words["liberated"].lean == "government-leaning"
    assert words["cleared"].scare_quoted == 1 and words["liberated"].scare_quoted == 0
    assert result[0].differs and not words["captured"].shared


def test_a_referent_one_account_speaks_of_is_not_paired():
    page = page_from(["The rebels captured the dam.", "Talks resume on Friday in the capital."], narratives=["a", "b"])
    assert (
        choices.word_choices(page.text, choices.event_referents(page.blocks), {"a": [(0, 28)], "b": [(30, 68)]}) == []
    )


def test_an_apostrophe_inside_a_word_is_not_a_scare_quote():
    text = "They’re freed now, and 'freed' they say."
    assert not choices._scare_quoted(text, 8, 13) and choices._scare_quoted(text, 24, 29)


@pytest.mark.shared
def test_reference_page_pairs_what_reuters_and_rt_call_the_rebels_and_the_taking_of_ground(reference_page_path):
    result = rashomon.analyze(reference_page_path)
    text = result.page.text
    accounts = choices.account_ranges(result)
    by = {(c.referent, row.label): row for c in result.word_choices for row in c.accounts}

    def terms(referent: str, label: str) -> set[str]:
        return {w.term.lower() for w in by[(referent, label)].words}

    assert {"rebels", "insurgents", "opposition"} <= terms("syrian_rebels", "Reuters")
    assert {"captured", "withdrawn"} <= terms("ground_changes_hands", "Reuters")
    assert "militants" in terms("syrian_rebels", "RT")
    assert {"liberated", "cleared"} <= terms("ground_changes_hands", "RT")
    assert not {"rebels", "insurgents", "opposition", "captured", "withdrawn"} & (
        terms("syrian_rebels", "RT") | terms("ground_changes_hands", "RT")
    )
    # "freed" is written once on the page, inside Reuters' account, quoting the Russian Defence Ministry
    freed = next(w for w in by[("ground_changes_hands", "Reuters")].words if w.term == "freed")
    assert freed.voices == ["The Russian Defence Ministry"] and freed.scare_quoted == 1
    # every word shown for an account is written, as shown, inside that account's own text
    for choice in result.word_choices:
        for row in choice.accounts:
            own = [text[a:b] for a, b in accounts[row.account]]
            for word in row.words:
                assert sum(len(word.evidence) for _ in [0]) >= 1
                assert any(word.term in part for part in own), (row.label, word.term)
                for span in word.evidence:
                    assert text[span.start : span.end] == span.text
                    assert any(a <= span.start and span.end <= b for a, b in accounts[row.account])
                    assert span.text in word.forms
    html = render(result, "html")
    assert "Paired word choices" in html and "liberated ×2" in html
