"""The text-dump reader: article blocks, the comment grammar and its styles."""

from __future__ import annotations

import textwrap

import pytest

from rashomon.errors import ConfigError
from rashomon.read import read
from rashomon.read.text import load_grammar, read_text, style_of


def dump(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def assert_offsets(page) -> None:
    for block in page.blocks:
        assert page.text[block.start : block.end] == block.text
    for comment in page.comments:
        assert page.text[comment.start : comment.end] == comment.text


AVATAR = dump("""
    Storm Floods Lower Town

    The river broke its banks on Friday, the county office said.

    * * *

    Residents said the water rose within an hour.

    ada_k's picture

    Stay safe everyone.

    Bo Renner's picture
    Bo Renner (not verified) ada_k Apr 3, 2024 11:05 PM

    Thanks, we moved the car uphill.

    Second paragraph of the same comment.

    cleo's picture
    cleo (not verified) Apr 4, 2024 1:15 AM

    quiet's picture


    """)


def test_avatar_style_reads_article_and_comments():
    page = read_text(AVATAR)
    assert [b.kind for b in page.blocks] == ["headline", "paragraph", "separator", "paragraph"]
    assert page.title == "Storm Floods Lower Town"
    assert [c.author for c in page.comments] == ["ada_k", "Bo Renner", "cleo", "quiet"]
    bo = page.comments[1]
    assert bo.verified is False
    assert bo.reply_to == "c1" and bo.reply_to_author == "ada_k"
    assert bo.posted_at == "2024-04-03T23:05:00"
    assert bo.text == "Thanks, we moved the car uphill.\n\nSecond paragraph of the same comment."
    cleo = page.comments[2]
    assert cleo.reply_to is None and cleo.posted_at == "2024-04-04T01:15:00" and cleo.text == ""
    assert page.comments[0].verified is None  # no meta line: unknown, not assumed
    assert_offsets(page)


def test_comment_text_never_leaks_into_article():
    page = read_text(AVATAR)
    article = " ".join(b.text for b in page.blocks)
    assert "Stay safe" not in article and "picture" not in article
    assert all("river broke" not in c.text for c in page.comments)


def test_bullet_style_with_indented_replies_and_relative_times():
    text = dump("""
        Council Approves Budget

        The council approved the budget by seven votes to two.

        Comments

        Rhea Moss • 3 hours ago
        Finally some money for the buses.
        Reply • Share ›
            Tam Ode • 2 hours ago
            Buses that never come on time.
            Reply • Share ›
        Ivo Pell → Rhea Moss • Mar 2, 2024
        Agreed, long overdue.
        Reply
        """)
    from datetime import datetime

    page = read_text(text, reference_date=datetime(2024, 3, 3, 12, 0))
    assert style_of(text) == "bullet"
    assert [c.author for c in page.comments] == ["Rhea Moss", "Tam Ode", "Ivo Pell"]
    assert page.comments[0].text == "Finally some money for the buses."
    assert page.comments[0].posted_at == "2024-03-03T09:00:00"
    assert page.comments[1].reply_to == "c1"  # from indentation
    assert page.comments[2].reply_to == "c1" and page.comments[2].posted_at == "2024-03-02T00:00:00"
    assert [b.kind for b in page.blocks] == ["headline", "paragraph"]  # "Comments" heading is not article
    assert_offsets(page)


def test_wordpress_says_style():
    text = dump("""
        Ten Tips For Winter Cycling

        Wear layers and check your brakes.

        Jo Hartley says:
        January 5, 2024 at 8:12 am
        Studded tyres changed my life.
        Reply ↓
        Sam Quill says:
        January 5, 2024 at 9:40 pm
        Mudguards, always mudguards.
        Reply ↓
        """)
    page = read_text(text)
    assert style_of(text) == "says"
    assert [(c.author, c.posted_at, c.text) for c in page.comments] == [
        ("Jo Hartley", "2024-01-05T08:12:00", "Studded tyres changed my life."),
        ("Sam Quill", "2024-01-05T21:40:00", "Mudguards, always mudguards."),
    ]


def test_wrote_style_needs_two_headers():
    one = "Headline\n\nThe mayor wrote:\n\nA letter to residents.\n"
    assert style_of(one) is None  # one 'X wrote:' line in an article is not a comment section
    two = dump("""
        Forum Thread Title

        Original post about the ferry timetable.

        kira wrote:
        The 7:40 is always late.

        On 2024-02-01 10:05, dmitri_b wrote:
        Not since they changed the crew.
        """)
    page = read_text(two)
    assert [(c.author, c.posted_at) for c in page.comments] == [("kira", None), ("dmitri_b", "2024-02-01T10:05:00")]


def test_unknown_comment_style_after_a_section_heading_is_flagged_not_lost():
    text = "Headline Here\n\nArticle paragraph.\n\nComments (2)\n\nfirst comment text\n\nsecond comment text\n"
    page = read_text(text)
    assert [c.text for c in page.comments] == ["first comment text", "second comment text"]
    assert all(c.author is None for c in page.comments)
    assert [w.code for w in page.warnings] == ["comment_style_unknown"]


def test_styles_are_data_and_can_be_extended(tmp_path):
    style = tmp_path / "styles.yaml"
    style.write_text(
        "styles:\n"
        "  - name: posted_by\n"
        "    header: '^Posted by (?P<author>\\S+) at (?P<time>\\d{2}:\\d{2})$'\n"
        "    time_formats: []\n",
        encoding="utf-8",
    )
    text = "Headline\n\nArticle.\n\nPosted by nell at 10:15\nA comment in a new style.\n"
    page = read_text(text, grammar=load_grammar(style))
    assert [(c.author, c.text) for c in page.comments] == [("nell", "A comment in a new style.")]
    bad = tmp_path / "bad.yaml"
    bad.write_text("styles:\n  - name: broken\n    header: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid pattern"):
        load_grammar(bad)


def test_example_page(example_path):
    page = read(example_path)
    assert page.language == "en" and page.warnings == []
    assert [b.kind for b in page.blocks].count("separator") == 2
    assert len(page.comments) == 11
    assert page.comments[8].reply_to == "c8" and page.comments[8].author == "n_orrin"
    assert_offsets(page)


def test_a_one_line_lede_is_a_paragraph_not_the_title():
    text = dump("""
        The council of Lowmere will sell the old tram depot, its treasurer Ines Carvalho said on Monday, to pay for a new school.

        Bids open in March.
        """)
    page = read_text(text)
    assert page.title is None
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]
    assert page.blocks[0].text.startswith("The council of Lowmere")


def test_a_title_is_short_one_line_with_no_sentence_end_and_text_after_it():
    cases = {
        "Tram Depot Sold\n\nThe council sold the depot.\n": "Tram Depot Sold",
        "Will the tram depot close?\n\nThe council meets today.\n": "Will the tram depot close?",
        "Dr. Okafor Leaves U.S. Post\n\nShe resigned on Monday.\n": "Dr. Okafor Leaves U.S. Post",
        "Depot sold. Buyers wait\n\nThe council sold the depot.\n": None,  # two sentences: a lede
        "The council sold the tram depot.\n\nBids open in March.\n": None,  # a sentence
        "Tram Depot Sold\n": None,  # nothing follows: no title of anything
    }
    for text, title in cases.items():
        page = read_text(text)
        assert page.title == title, text
        assert_offsets(page)


def test_a_title_line_run_into_the_lede_is_split_off_but_a_wrapped_lede_is_not():
    page = read_text("Tram Depot Sold\nThe council of Lowmere sold the old tram depot on Monday, its treasurer said.\n")
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("headline", "Tram Depot Sold"),
        ("paragraph", "The council of Lowmere sold the old tram depot on Monday, its treasurer said."),
    ]
    assert_offsets(page)
    wrapped = dump("""
        The council of Lowmere will sell the old tram depot
        Next to the river, its treasurer Ines Carvalho said
        on Monday.

        Bids open in March.
        """)
    page = read_text(wrapped)
    assert page.title is None and page.blocks[0].text.count("\n") == 2
