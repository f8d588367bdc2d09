"""``rashomon analyze``'s outputs: a one-screen summary by default, the format of ``-o``'s suffix, ``--open``."""

from __future__ import annotations

import json

import lxml.html
import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def example(example_path):
    return str(example_path)


def test_default_is_a_one_screen_summary_with_facts_sources_and_flags(example):
    result = runner.invoke(app, ["analyze", example], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 60
    text = result.stdout
    assert "Facts side by side" in text and "Who says what" in text
    header = next(line for line in lines if "Meridian Wire" in line and "Eastline Today" in line and "Fact" in line)
    assert header.index("Meridian Wire") < header.index("Eastline Today")  # a column per account
    assert "Comments: 11 (" in text and "-o report.html --open" in text
    assert not text.lstrip().startswith("{")  # no JSON on the terminal


@pytest.mark.parametrize(
    "name, check",
    [
        ("report.html", lambda t: lxml.html.fromstring(t).xpath("//section[@id='facts']//table")),
        ("report.md", lambda t: t.startswith("# ") and "## Facts side by side" in t),
        ("report.json", lambda t: json.loads(t)["page"]["title"]),
        ("report.txt", lambda t: "Article text, annotated" in t),
    ],
)
def test_output_suffix_picks_the_format(example, tmp_path, name, check):
    target = tmp_path / name
    result = runner.invoke(app, ["analyze", example, "-o", str(target), "--quiet"])
    assert result.exit_code == 0, result.output
    assert check(target.read_text(encoding="utf-8"))


def test_unknown_suffix_is_one_line_before_any_analysis(example, tmp_path):
    result = runner.invoke(app, ["analyze", example, "-o", str(tmp_path / "report.pdf")])
    assert result.exit_code == 2 and "--format" in result.output
    assert not (tmp_path / "report.pdf").exists()


def test_open_writes_html_and_opens_it(example, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    target = tmp_path / "out.html"
    result = runner.invoke(app, ["analyze", example, "-o", str(target), "--open", "--quiet"])
    assert result.exit_code == 0, result.output
    assert opened == [target.resolve().as_uri()] and target.read_text(encoding="utf-8").startswith("<!doctype html>")


PAGE_A = """Army retakes the north quarter of Velm

The army took control of the north quarter of Velm on Sunday, the Interior Ministry said. About 1,200 residents \
left the quarter over the weekend, according to the city council.

A council spokesman said that 14 civilians were wounded in the fighting.
"""
PAGE_B = """Velm rebels hold out as shelling goes on

Rebels still hold most of the north quarter of Velm, a rebel commander told reporters on Sunday. More than 3,000 \
residents fled the shelling, the Velm Relief Committee said.

The committee said 40 civilians were wounded.
"""


def test_compare_writes_the_same_report_with_a_column_per_page_named_by_outlet(tmp_path):
    (tmp_path / "harbour-post.txt").write_text(PAGE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE_B, encoding="utf-8")
    target = tmp_path / "cmp.html"
    pages = [str(tmp_path / "harbour-post.txt"), str(tmp_path / "b.txt")]
    result = runner.invoke(
        app, ["compare", *pages, "--publisher", "", "--publisher", "Ridge Bulletin", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    doc = lxml.html.fromstring(target.read_text(encoding="utf-8"))
    heads = [th.text_content() for th in doc.xpath("//table[contains(@class,'facts')]/thead/tr/th")]
    assert heads == ["Fact", "harbour-post", "Ridge Bulletin"]  # the file's name or the publisher, not a headline
    rows = doc.xpath("//table[contains(@class,'facts')]/tbody/tr")
    wounded = next(r for r in rows if "14" in r.text_content() and "40" in r.text_content())
    assert "conflict" in wounded.xpath("string(th)")
    assert [s.get("id") for s in doc.xpath("//main/section")] == [
        "facts",
        "sources",
        "framing",
        "actors",
        "comments",
        "text",
    ]
    roots = doc.xpath("//div[@class='source-tree']/ul/li/span[@class='node-name']")
    assert [r.text_content() for r in roots] == ["harbour-post", "Ridge Bulletin"]
    md = runner.invoke(app, ["compare", *pages, "-f", "md"])
    assert md.exit_code == 0 and "## Facts side by side" in md.stdout
