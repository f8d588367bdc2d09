"""The reference page (../shared/pages): skipped cleanly when ../shared is absent."""

from __future__ import annotations

import pytest

from rashomon.read import read

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def page(reference_page_path):
    return read(reference_page_path)


def test_all_45_comments_with_their_authors(page):
    assert len(page.comments) == 45
    text = page.text
    avatar_lines = [line[: -len("'s picture")] for line in text.splitlines() if line.endswith("'s picture")]
    assert [c.author for c in page.comments] == avatar_lines
    assert page.comments[0].author == "AlexCharting" and page.comments[-1].author == "X_in_Sweden"


def test_the_five_unverified_comments(page):
    unverified = [c for c in page.comments if c.verified is False]
    assert [(c.author, c.reply_to_author, c.posted_at) for c in unverified] == [
        ("beauticelli", "PrayingMantis", "2016-11-29T01:53:00"),
        ("letsit", "beauticelli", "2016-11-29T01:59:00"),
        ("X_in_Sweden", "847328_3527", "2016-11-29T02:35:00"),
        ("Mass_hysteria", None, "2016-11-29T00:06:00"),
        ("X_in_Sweden", "Freddie", "2016-11-29T02:46:00"),
    ]
    by_id = {c.id: c for c in page.comments}
    for comment in unverified:
        if comment.reply_to_author:
            target = by_id[comment.reply_to]
            assert target.author == comment.reply_to_author
            assert int(target.id[1:]) < int(comment.id[1:])  # the latest earlier comment by that author
    assert next(c for c in unverified if c.author == "letsit").text == ""


def test_article_split_into_blocks(page):
    kinds = [b.kind for b in page.blocks]
    assert kinds[0] == "headline" and kinds.count("separator") == 2
    assert kinds.count("paragraph") >= 20
    assert all("'s picture" not in b.text for b in page.blocks)
    for block in page.blocks:
        assert page.text[block.start : block.end] == block.text
    assert page.language == "en" and page.warnings == []
