"""The batch, query and scorecard commands, registered on a Typer app as the CLI will register them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rashomon.batch.commands import register


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    register(app)  # idempotent
    assert sum((c.name or c.callback.__name__) == "batch" for c in app.registered_commands) == 1
    return app


def test_batch_query_scorecard_from_the_command_line(cli, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Tunnel reopens\n\nThe roads office of Brask said the tunnel reopened on Monday.\n")
    (corpus / "feed.jsonl").write_text(
        "{oops\n"
        + json.dumps(
            {
                "url": "https://brask-news.invalid/t",
                "text": "Tunnel tolls rise\n\nThe operator said tolls would rise in May.\n",
            }
        )
        + "\n"
    )
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["batch", str(corpus), "-o", str(out), "--stages", "", "-w", "1", "-q"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 1, first.output  # one page failed: the line that is not JSON
    assert "2 pages analysed, 1 failed" in first.output
    again = runner.invoke(cli, args)
    assert again.exit_code == 2 and "--resume" in again.output
    resumed = runner.invoke(cli, args + ["--resume"])
    assert resumed.exit_code == 0 and "3 already done" in resumed.output
    rows = runner.invoke(cli, ["query", str(out), "SELECT url FROM pages WHERE url IS NOT NULL", "-f", "json"])
    assert rows.exit_code == 0 and json.loads(rows.output) == {"url": "https://brask-news.invalid/t"}
    bad = runner.invoke(cli, ["query", str(out), "SELECT nope FROM pages"])
    assert bad.exit_code == 2 and "query failed" in bad.output
    card = runner.invoke(cli, ["scorecard", str(out), "--html", str(tmp_path / "card.html")])
    assert card.exit_code == 0 and "2 pages (1 failed)" in card.output
    assert (tmp_path / "card.html").read_text().startswith("<!doctype html>")
    missing = runner.invoke(cli, ["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o2")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
