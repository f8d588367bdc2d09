"""Hostile pages through every output format (issue #20): deep reply chains, control characters."""

from __future__ import annotations

import json

import pytest

from rashomon import settings
from rashomon.comments import thread_tree
from rashomon.model import Block, Comment, Page
from rashomon.pipeline import analyze
from rashomon.report import render

HEAD = "Quay reopens\n\nThe harbour office said the northern quay would reopen next week after repairs."


def chained_page(count: int) -> Page:
    """A page whose comments each answer the one before: a long argument."""
    parts, position, comments = [HEAD], len(HEAD), []
    for number in range(1, count + 1):
        text = f"No, you are wrong about point {number}."
        start = position + 2
        parts.append(text)
        position = start + len(text)
        comments.append(
            Comment(
                id=f"c{number}",
                author=("ada", "bo")[number % 2],
                text=text,
                start=start,
                end=position,
                reply_to=f"c{number - 1}" if number > 1 else None,
            )
        )
    blocks = [Block("b0", "headline", 0, 12, HEAD[:12]), Block("b1", "paragraph", 14, len(HEAD), HEAD[14:])]
    return Page(text="\n\n".join(parts), blocks=blocks, comments=comments)


@pytest.mark.parametrize("fmt", ["html", "md", "text", "json"])
def test_a_thousand_reply_argument_renders_in_every_format(fmt):
    rendered = render(analyze(chained_page(1_000), stage_names=()), fmt)
    assert "point 1000." in rendered and "point 1." in rendered


def _depth(nodes: list[dict]) -> int:
    depth, level = 0, nodes
    while level:
        depth += 1
        level = [reply for node in level for reply in node["replies"]]
    return depth


def test_the_thread_tree_keeps_every_comment_and_nests_no_deeper_than_the_bound():
    tree = thread_tree(chained_page(1_000).comments)
    text = json.dumps(tree)
    assert all(f'"c{n}"' in text for n in range(1, 1_001))
    assert _depth(tree) == settings.MAX_REPLY_DEPTH + 1  # the root and MAX_REPLY_DEPTH levels of replies
    assert len(tree) == 1


def test_a_short_thread_nests_as_the_page_says():
    tree = thread_tree(chained_page(5).comments)
    assert _depth(tree) == 5
