"""Page text that wants to take over the terminal, and output that cannot be written (issue #20: 7, 16)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.report.terminal import TERMINAL_UNSAFE, terminal_safe

#: A dump whose comments carry 8-bit CSI, OSC, a bidi override and an isolate: all survive the reader (they
#: are characters, not bytes it drops), so the outputs must make them harmless.
DUMP = (
    "Quay reopens\n\nThe harbour office said on Tuesday that the northern quay would reopen next week.\n\n"
    # in the article too: a report that shows only the flagged comments still prints it
    "A notice marked \u202eevil\u202c was posted at the gate.\n\n"
    "Ev\u009b31me says:\n\nLook \u009d0;pwned\u009c at this \u202eevil\u202c and \u2066that\u2069.\n\n"
    "bo says:\n\nPlain reply here.\n"
)


def unsafe(output: str) -> list[str]:
    return [m.group() for m in TERMINAL_UNSAFE.finditer(output) if m.group() not in "\n\t"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "hostile.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def test_terminal_safe_shows_escapes_and_keeps_lines():
    assert terminal_safe("a\x1b[41m\u202eb\nc\td") == "a\\x1b[41m\\u202eb\nc\td"


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_analyze_never_prints_control_or_bidi_characters(page, fmt):
    result = CliRunner().invoke(app, ["analyze", str(page), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert unsafe(result.output) == []
    if fmt == "json":
        data = json.loads(result.stdout)
        assert "\u202eevil\u202c" in data["page"]["text"]  # the same data: only the escapes differ
    else:
        assert "\\u202eevil" in result.stdout


def test_comments_command_never_prints_control_or_bidi_characters(page):
    result = CliRunner().invoke(app, ["comments", str(page)])
    assert result.exit_code == 0, result.output
    assert unsafe(result.output) == []
    assert [c["author"] for c in json.loads(result.stdout)["comments"]] == ["Ev\u009b31me", "bo"]


def test_query_and_scorecard_never_print_control_or_bidi_characters(page, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    done = runner.invoke(app, ["batch", str(page), "-o", str(out), "--stages", "actors,comments", "-w", "1", "-q"])
    assert done.exit_code == 0, done.output
    for fmt in ("table", "csv", "json"):
        result = runner.invoke(app, ["query", str(out), "SELECT author, text FROM comments", "-f", fmt])
        assert result.exit_code == 0, result.output
        assert unsafe(result.output) == [] and re.search(r"Ev\\(x9b|u009b)31me", result.output), result.output
    card = runner.invoke(app, ["scorecard", str(out)])
    assert card.exit_code == 0 and unsafe(card.output) == []


def test_a_full_device_is_a_plain_error_not_an_internal_one(page):
    result = CliRunner().invoke(app, ["analyze", str(page), "-f", "md", "-q", "-o", "/dev/full"])
    assert result.exit_code == 74
    assert "/dev/full: No space left on device" in result.output and "internal error" not in result.output


def test_an_output_path_under_a_file_is_a_plain_error(page, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    result = CliRunner().invoke(app, ["analyze", str(page), "-q", "-o", str(blocker / "out.json")])
    assert result.exit_code == 74 and "internal error" not in result.output
    assert "blocker" in result.output


def test_analyze_gives_up_a_page_past_its_time_limit(page, monkeypatch):
    import time

    import rashomon.pipeline

    def endless(*args, **kwargs):
        for _ in range(600):  # a page that never finishes, in Python code the limit can stop
            time.sleep(0.05)
        raise AssertionError("the time limit did not stop the page")

    monkeypatch.setattr(rashomon.pipeline, "analyze", endless)
    for command in (["analyze", str(page), "-q"], ["comments", str(page)], ["compare", str(page), str(page)]):
        result = CliRunner().invoke(app, [*command, "--page-timeout", "0.3"])
        assert result.exit_code == 2, result.output
        assert "took longer than 0.3 s" in result.output
