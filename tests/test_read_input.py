"""Bad input at the edge: a clear one-line error, or a page with a warning; never a traceback."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import rashomon
from rashomon import settings
from rashomon.errors import InputError
from rashomon.read import read

ARTICLE = "A Quiet Harbour\n\nThe ferry service resumed on Monday after a week of storms, the port authority said.\n"


def codes(page) -> list[str]:
    return [w.code for w in page.warnings]


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"   \n\n")
    with pytest.raises(InputError, match="is empty"):
        read(path)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 50))
    with pytest.raises(InputError, match="binary"):
        read(path)


def test_oversized_file_is_rejected_without_reading_it_whole(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(settings.MAX_PAGE_BYTES + 1)  # sparse: large on paper, costs nothing
    with pytest.raises(InputError, match="over the 21 MB limit"):
        read(path)


def test_missing_file_is_an_error():
    with pytest.raises(InputError, match="no such file"):
        read(Path("no/such/page.txt"))
    with pytest.raises(InputError, match="no such file"):
        read(path="no/such/page.txt")


def test_a_str_is_page_text_never_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    assert read("page.txt").text == "page.txt"  # a str naming a file is still text
    assert read(Path("page.txt")).title == "A Quiet Harbour"


def test_a_one_line_text_longer_than_a_file_name_is_read_as_text():
    line = "The port authority said the ferry service resumed on Monday after a week of storms. " * 8
    assert len(line.encode()) > 255
    page = read(line)
    assert page.text.strip() == line.strip() and page.blocks
    analysis = rashomon.analyze(line, stage_names=())
    assert analysis.page.text == page.text


def test_keywords_name_the_input_and_its_kind():
    html = "<html><body><article><p>" + ARTICLE + "</p></article></body></html>"
    assert read(html=html).source_format == "html"
    assert read(text=html).source_format == "text"  # text= is a dump, whatever it looks like
    with pytest.raises(TypeError, match="exactly one"):
        read(ARTICLE, text=ARTICLE)
    with pytest.raises(TypeError, match="exactly one"):
        read()
    with pytest.raises(TypeError, match="cannot read a page from a int"):
        read(42)


def test_invalid_utf8_is_replaced_and_flagged():
    data = ARTICLE.encode() + b"Caf\xe9 owners said trade was slow.\n"
    page = read(data)
    assert "invalid_utf8" in codes(page)
    assert "Caf\ufffd owners" in page.text


def test_a_str_with_a_lone_surrogate_is_read_with_a_warning_not_a_traceback():
    """A str from JSON may hold a lone surrogate ("\\ud800"), which UTF-8 cannot encode (it crashed the reader)."""
    page = read(ARTICLE + "Caf\ud800 owners said trade was slow.\n")
    assert "invalid_utf8" in codes(page)
    assert "\ud800" not in page.text and "owners said trade was slow" in page.text


def test_windows_line_ends_and_bom_are_normalised():
    page = read(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode())
    assert "\r" not in page.text and not page.text.startswith("\ufeff")
    assert page.title == "A Quiet Harbour"


def test_dump_without_comment_section_is_flagged():
    page = read(ARTICLE)
    assert codes(page) == ["no_comments"]
    assert page.comments == []


def test_other_language_is_detected_and_flagged():
    text = (
        "Hafen wieder offen\n\nDie Fähre fährt seit Montag wieder, nachdem eine Woche lang Sturm herrschte. "
        "Die Hafenbehörde teilte mit, dass alle Verbindungen wieder planmäßig verkehren.\n"
    )
    page = read(text)
    assert page.language == "de"
    assert "non_english" in codes(page)


def test_html_without_article_is_flagged():
    page = read(b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no_article" in codes(page)


@pytest.mark.parametrize(
    "content, message",
    [(b"", "is empty"), (b"\x00\x01\x02\x03binary" * 100, "binary")],
)
def test_cli_prints_one_line_and_exits_non_zero(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "rashomon", "analyze", str(path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0]


def test_unknown_kind_is_an_error():
    with pytest.raises(InputError, match="unknown input kind"):
        read(ARTICLE, kind="pdf")


def test_declared_html_charset_is_honoured():
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 news</title></head><body><article><p>'
        "The caf\xe9 on the harbour front reopened on Monday after the storm, its owner said proudly.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    page = read(html)
    assert page.title == "Café news"
    assert "invalid_utf8" not in codes(page)


def test_control_characters_are_dropped_but_layout_kept():
    page = read(b"Title\x1b[31m here\n\nA line\twith a tab and a bell\x07 in it, the harbour master said.\n")
    assert "\x1b" not in page.text and "\x07" not in page.text and "\t" in page.text


def test_relative_time_far_in_the_past_is_unknown_not_a_crash():
    text = "Headline\n\nArticle text.\n\nAnn Lee • 99999 years ago\nA comment.\n"
    page = read(text, published_at="2024-05-01T12:00:00+02:00")
    assert page.comments[0].posted_at is None
    page = read(text.replace("99999 years", "2 hours"), published_at="2024-05-01T12:00:00+02:00")
    assert page.comments[0].posted_at == "2024-05-01T10:00:00+02:00"


def test_page_text_is_not_terminal_markup(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Breaking [/x] news [bold]now\n\nThe council met on Monday, the mayor said.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rashomon", "analyze", str(path), "-o", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Breaking [/x] news [bold]now" in result.stdout


def test_cli_reads_standard_input(example_path):
    result = subprocess.run(
        [sys.executable, "-m", "rashomon", "analyze", "-", "--quiet", "--format", "json"],
        input=example_path.read_bytes(),
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["page"]["title"].startswith("Government Forces Close In") and len(data["comments"]) == 11
