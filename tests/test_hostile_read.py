"""Hostile and broken input to the readers (issue #20): each test reproduces one defect with its own input."""

from __future__ import annotations

import gzip
import json
import textwrap
import time

import pytest

from rashomon import settings
from rashomon.read import corpus, read
from rashomon.read.corpus import iter_jsonl
from rashomon.read.html import ATTRIBUTE, cap_attributes, read_html

ARTICLE = (
    "The harbour office said on Tuesday that the northern quay would reopen next week after repairs. "
    "Dock workers said the cranes had not moved since the storm."
)


def html_page(body: str) -> str:
    return f"<html><head><title>Quay</title></head><body><article>{body}</article></body></html>"


# --- 1. a JSONL line nested 100,000 deep -------------------------------------------------------------------
def test_a_jsonl_line_nested_too_deep_is_one_error_record_and_the_rest_is_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"text": ARTICLE}) + "\n"
    path.write_text(good + "[" * 100_000 + "]" * 100_000 + "\n" + good)
    records = list(iter_jsonl(path))
    assert [r.ok for r in records] == [True, False, True]
    assert "nested too deep" in records[1].error
    assert records[2].offset == len(good) + 200_001


# --- 9. a gzip of blank lines ------------------------------------------------------------------------------
def test_a_long_run_of_blank_lines_is_skipped_a_chunk_at_a_time(tmp_path, monkeypatch):
    path = tmp_path / "blank.jsonl.gz"
    blank = b"\n" * (8 << 20)
    with gzip.open(path, "wb") as handle:
        handle.write(blank + json.dumps({"text": ARTICLE}).encode() + b"\n" + blank)
    reads = []
    opener = corpus._open_binary

    def counting(p):
        stream = opener(p)
        original = stream.read1
        stream.read1 = lambda n: reads.append(n) or original(n)
        return stream

    monkeypatch.setattr(corpus, "_open_binary", counting)
    records = list(iter_jsonl(path))
    assert len(records) == 1 and records[0].ok and records[0].offset == len(blank)
    assert len(reads) < 100  # 16 M blank lines, not 16 M reads


def _reference_offsets(data: bytes, limit: int) -> list[tuple[int, bool]]:
    """What a plain line-by-line reader gives: (offset, fits) of every non-blank line."""
    out, offset = [], 0
    for line in data.splitlines(keepends=True):
        if line.strip():
            out.append((offset, len(line.rstrip(b"\n")) <= limit))
        offset += len(line)
    return out


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
@pytest.mark.parametrize(
    "data",
    [
        b'{"text": "a"}\n\n  \n {"text": "b"}\r\n\t\n{"text": "c"}',
        b"\n\n\n" + b'{"text": "' + b"x" * 40 + b'"}\n' + b'{"text": "d"}\n   ',
        b'   {"text": "e"}\n' + b" " * 50 + b"\n" + b'{"html": "<p>f</p>"}\n',
    ],
)
def test_chunked_reading_gives_the_offsets_of_a_line_by_line_reader(tmp_path, monkeypatch, chunk, data):
    monkeypatch.setattr(corpus, "JSONL_CHUNK_BYTES", chunk)
    path = tmp_path / "lines.jsonl"
    path.write_bytes(data)
    records = list(iter_jsonl(path, max_bytes=30))
    assert [(r.offset, r.ok or "not JSON" in (r.error or "")) for r in records] == _reference_offsets(data, 30)


# --- 2. a charset that is no character set -----------------------------------------------------------------
@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "idna", "undefined", "uu", "no-such-set"])
def test_a_page_declaring_a_non_text_codec_is_read_as_damaged_utf8(charset):
    page_bytes = (
        html_page(f"<p>{ARTICLE} Caf\xe9 owners agreed.</p>")
        .replace("<head>", f'<head><meta charset="{charset}">')
        .encode("latin-1")
    )
    page = read(page_bytes)
    assert "northern quay" in page.text
    assert [w.code for w in page.warnings][:1] == ["invalid_utf8"]


# --- 3. markup that made lxml's drop_tree assert inside htmldate --------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        "<video></html><video>a",
        "</embed><embed><html>ax",
        "<frame><iframe>ax<html>a",
        "<object><picture>a<html>a<p>a",
        "<audio>a2024-01-02<html>",
    ],
)
def test_markup_that_opens_with_a_media_element_is_read(html):
    page = read(html.encode(), kind="html")
    assert page.source_format == "html"


# --- 4. a text dump that mentions tags ---------------------------------------------------------------------
DUMP_WITH_TAGS = textwrap.dedent("""\
    How the new site was built

    The designers said every <p> and <div class="story"> on the old pages was rewritten by hand.

    Readers said the pages load faster now.

    ada_k says:

    Finally, the <div> soup is gone.

    bo says:

    Agreed, much faster here.
    """)


def test_a_txt_dump_that_mentions_tags_stays_a_dump(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP_WITH_TAGS)
    for source in (path, DUMP_WITH_TAGS.encode()):
        page = read(source)
        assert page.source_format == "text"
        assert [c.author for c in page.comments] == ["ada_k", "bo"]
        assert "rewritten by hand" in page.text


def test_markup_is_still_recognised_without_a_file_name():
    assert read(html_page(f"<p>{ARTICLE}</p>").encode()).source_format == "html"
    assert read(f"  <div><p>{ARTICLE}</p></div>".encode()).source_format == "html"


# --- 17 and 7. numeric references to control characters ----------------------------------------------------
def test_a_control_character_reference_without_semicolon_keeps_the_article():
    page = read_html(html_page(f"<p>{ARTICLE[:60]} &#8 {ARTICLE[60:]}</p>"))
    assert "northern quay" in page.text and "cranes" in page.text
    assert not any(ch in page.text for ch in "\x08\x1b")


def test_a_form_feed_beside_a_control_reference_keeps_the_page():
    """Found by ``make fuzz``: a text holding a form feed and a reference to a control character was cleaned
    of the control, then refused by lxml for the form feed (which XML does not allow): a crash."""
    page = read_html(html_page(f"<p>{ARTICLE[:60]}\x0c&#27;&#xFFFF; {ARTICLE[60:]}</p>"))
    assert "northern quay" in page.text and "cranes" in page.text
    assert not any(ch in page.text for ch in "\x0c\x1b\uffff")


COMMENTS = """<ol class="commentlist">
<li class="comment" id="comment-1"><div class="comment-author vcard"><cite class="fn">Eve&#27]0;owned&#7</cite></div>
<div class="comment-content"><p>Look &#27[41mred&#27[0m and &#155;31m here &#150; and &#x1b]8;;http://x&#x1b\\ link</p></div></li>
</ol>"""


def test_control_character_references_never_reach_comment_text_or_authors():
    page = read_html(html_page(f"<p>{ARTICLE}</p>") + COMMENTS)
    assert page.comments, "the comment is read"
    comment = page.comments[0]
    for value in (page.text, comment.text, comment.author or ""):
        assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in value), repr(value)
    assert "–" in comment.text  # &#150; is an en dash in HTML5 (Windows-1252), not a C1 control


# --- 10. markup shapes that cost more than the page is worth -----------------------------------------------
def test_attributes_past_the_bound_are_cut_before_parsing():
    attributes = " ".join(f'data-a{i}="v"' for i in range(50_000))
    html = html_page(f"<div {attributes}><p>{ARTICLE}</p></div>")
    capped = cap_attributes(html)
    tag = capped[capped.index("<div") : capped.index(">", capped.index("<div"))]
    assert len(ATTRIBUTE.findall(tag[4:])) == settings.MAX_ATTRIBUTES_PER_ELEMENT
    assert "northern quay" in read_html(html).text


def test_a_long_minified_script_is_checked_for_long_tags_in_linear_time():
    # "<n;i++){…" reads as the start of a tag with no white space and no ">": a pattern that may split it into a
    # name and attributes in every way takes quadratic time (minutes for this page); the check must take one pass
    script = "<script>for(i=0;i<n;i++){" + "a=b+c;" * 20_000 + "}</script>"
    html = html_page(f"<p>{ARTICLE}</p>{script}")
    start = time.perf_counter()
    assert cap_attributes(html) == html
    assert time.perf_counter() - start < 2.0


def test_empty_elements_past_the_element_bound_are_dropped_and_the_article_kept():
    page = read_html(html_page("<p></p>" * (settings.MAX_HTML_ELEMENTS + 10_000) + f"<p>{ARTICLE}</p>"))
    assert "northern quay" in page.text
    assert not any(w.code == "page_truncated" for w in page.warnings)


def test_a_page_over_the_element_bound_is_cut_with_a_warning(monkeypatch):
    monkeypatch.setattr(settings, "MAX_HTML_ELEMENTS", 500)
    page = read_html(html_page(f"<p>{ARTICLE}</p>" + "<p><b>x</b> filler</p>" * 2_000))
    assert "northern quay" in page.text
    assert [w.code for w in page.warnings].count("page_truncated") == 1


def test_comments_past_the_bound_are_dropped_with_a_warning(monkeypatch):
    monkeypatch.setattr(settings, "MAX_COMMENTS", 30)
    dump = f"Quay\n\n{ARTICLE}\n\n" + "".join(f"user{n} says:\n\nComment number {n} here.\n\n" for n in range(40))
    page = read(dump.encode())
    assert len(page.comments) == 30 and page.comments[-1].text == "Comment number 29 here."
    assert "comments_truncated" in [w.code for w in page.warnings]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>It&#8217;s here &#x2019; and a new&#10;line</p>", False),
        ("<p>a &#27;[31m red</p>", True),
        ("<p>&#x1B;]0;title</p>", True),
        ("<p>&#0000000027; padded</p>", True),
        ("<p>&#150; is read as Windows-1252</p>", True),
        ("<p>&#xFFFF; &#65534</p>", True),
        ("<p>&#12; form feed</p>", True),
        ("<p>raw \x1b escape</p>", True),
        ("<p>&#" + "9" * 5000 + " no character at all</p>", False),
    ],
)
def test_a_tree_is_walked_for_controls_only_when_its_html_can_hold_one(html, expected):
    from rashomon.read.html import may_hold_controls

    assert may_hold_controls(html) is expected
    page = read_html(html_page(f"<p>{ARTICLE}</p>{html}"))  # either way, no control reaches the page
    assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in page.text)
