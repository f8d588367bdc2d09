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
