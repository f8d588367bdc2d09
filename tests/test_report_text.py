"""The Markdown and terminal reports: same content as the HTML one, page text never read as markup."""

from __future__ import annotations

import io

from rich.console import Console

from rashomon.model import Analysis, Page
from rashomon.report.markdown import escape_md, render_markdown
from rashomon.report.terminal import render_terminal, render_text
from tests.test_report_fixtures import build_analysis


def test_markdown_has_every_section_in_order():
    md = render_markdown(build_analysis())
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Siege of Tarnville nears its end",
        "## The accounts side by side",
        "### Outside any account (the publisher's own voice)",
        "### Northwind Wire",
        "### Eastgate Today",
        "## Comparison of claims",
        "## Framing",
        "## Scorecard: actors and relations",
        "## The comment section",
        "### Per commenter",
    ]
    assert "| districts taken | **conflict** ≠ |" in md
    assert "  - a brigade commander (direct)" in md  # nested source, indented under its parent
    assert '**[a brigade commander:]** *"We held the bridge,"*' in md
    assert (
        "  - **hot&lt;b\\>head&lt;/b\\>** _(threat, insult)_: Nonsense, the brigades **will burn your house down** ^threat^ tonight."
        in md
    )
    assert "| capture | took ×2 | liberated ×3 |" in md


def test_markdown_escapes_markup_and_table_breakers():
    assert escape_md("a|b <script> [x](javascript:y) *z*") == "a\\|b &lt;script\\> \\[x\\]\\(javascript:y\\) \\*z\\*"
    assert escape_md("1. not a list") == "1\\. not a list"
    assert escape_md("- not a bullet\nnext line") == "\\- not a bullet next line"
    md = render_markdown(build_analysis(hostile=True))
    assert "<script" not in md and "<img" not in md and "<svg" not in md
    assert "](javascript" not in md
    for row in (line for line in md.splitlines() if line.startswith("| districts")):
        assert row.count(" | ") == 3  # a payload's | did not add a column


def test_markdown_of_an_empty_analysis():
    md = render_markdown(Analysis(page=Page(text="")))
    assert md.startswith("# Untitled page")
    assert "_The page has no reader comments._" in md and "_No actors were found._" in md


def test_terminal_shows_columns_verdicts_and_threads():
    text = render_text(build_analysis(), width=140)
    for expected in (
        "Northwind Wire",
        "Eastgate Today",
        "≠ conflict",
        "≈ compatible",
        "= agree",
        "• unique",
        "liberated (3.1)",
        "Valdoran army —fights→ Free Tarn Brigades",
        "[threat] [insult]",
        "will burn your house down⟨threat⟩",
    ):
        assert expected in text, expected
    lines = text.splitlines()
    column_row = next(line for line in lines if "Northwind Wire" in line and "Eastgate Today" in line)
    assert column_row.index("Northwind Wire") < column_row.index("Eastgate Today")  # side by side
    reply = next(line for line in lines if "quiet_one" in line and "Oh great" in line)
    parent = next(line for line in lines if "hot<b>head</b>" in line and "Nonsense" in line)
    assert reply.index("quiet_one") > parent.index("hot<b>head</b>")  # replies nest deeper


def test_terminal_prints_markup_and_escape_sequences_as_text():
    analysis = build_analysis()
    analysis.page.title = "[bold red]loud[/] \x1b[31mred\x1b[0m"
    buffer = io.StringIO()
    render_terminal(analysis, Console(file=buffer, width=120, force_terminal=False, color_system=None))
    out = buffer.getvalue()
    assert "[bold red]loud[/]" in out
    assert "\x1b" not in out and "[31mred" in out


def test_terminal_of_an_empty_analysis():
    text = render_text(Analysis(page=Page(text="")))
    assert "The page has no reader comments." in text and "No claims were aligned" in text


def test_markdown_url_cannot_smuggle_a_link_or_markup():
    analysis = build_analysis()
    analysis.page.url = "https://news.example/\n\n[tap here](javascript:steal())\n\n<img src=q onerror=steal()>"
    md = render_markdown(analysis)
    assert "](javascript" not in md and "<img" not in md
    assert "\n[tap" not in md and "\n<https" not in md


def test_markdown_url_is_percent_quoted_inside_its_link():
    analysis = build_analysis()
    analysis.page.url = "https://news.example/wiki/Port_(Sarn)[2]?q=Śródmieście&x=%41"
    md = render_markdown(analysis)
    assert "<https://news.example/wiki/Port_%28Sarn%29%5B2%5D?q=%C5%9Ar%C3%B3dmie%C5%9Bcie&x=%41>" in md
