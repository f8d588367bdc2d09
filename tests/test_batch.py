"""The local engine, the Parquet output with its manifest, DuckDB queries and the corpus scorecard."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import rashomon
from rashomon.batch import BatchError, run_batch
from rashomon.batch.output import TABLES, BatchOutput, PageResult, committed_files, iter_manifest_ids, rows_for_page
from rashomon.batch.query import EXAMPLES, query
from rashomon.batch.scorecard import build_scorecard, render_html, render_terminal
from rashomon.model import Actor, Relation, Span
from rashomon.read.corpus import Record, iter_records

PAGE = """Ferry service resumes in Lorvik

The harbour office of Lorvik said on Monday that the ferry to Kessa island would sail again on Friday.

Residents said the three-week stoppage had left the island short of fuel.

Comments

Tamsin Greer says:
March 3, 2026 at 9:15 am
About time. The harbour office promised this a fortnight ago.

Odd Varga says:
March 3, 2026 at 10:02 am
Fuel prices on Kessa doubled while we waited.
"""


def make_corpus(root: Path, pages: int = 5) -> Path:
    """Text files, a JSONL with good and bad lines, a binary file dressed as HTML, an image."""
    root.mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        (root / f"page-{number:02d}.txt").write_text(PAGE.replace("Friday", f"day {number + 1}"))
    lines = [json.dumps({"url": "https://www.lorvik-herald.invalid/ferry", "published_at": "2026-03-02",
                         "text": PAGE}),
             "{broken json",
             json.dumps({"url": "https://kessa-post.invalid/fuel", "html": "<html><body><h1>Fuel runs low</h1><p>"
                         "The island council said deliveries would resume on Friday after the ferry returns.</p>"
                         "</body></html>"})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (root / "scan.html").write_bytes(bytes(range(256)) * 40)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    return root


def run(corpus: Path, out: Path, **options):
    options = {"workers": 1, "stage_names": (), "progress": False, "chunk_size": 2, "part_size": 3, **options}
    return run_batch([corpus], out, engine="local", **options)


def test_a_batch_writes_every_page_once_and_every_failure_as_an_error_row(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    summary = run(corpus, tmp_path / "out")
    expected = {r.id for r in iter_records([corpus])}
    rows, _ = query(tmp_path / "out", "SELECT id FROM pages UNION ALL SELECT id FROM errors")
    assert sorted(r[0] for r in rows) == sorted(expected)
    assert summary.pages == 7 and summary.failed == 3 and summary.exit_code == 3
    errors, _ = query(tmp_path / "out", "SELECT stage, message FROM errors ORDER BY message")
    reasons = " | ".join(message for _, message in errors)
    assert "not JSON" in reasons and "binary" in reasons and "unsupported file type '.jpg'" in reasons
    assert {stage for stage, _ in errors} == {"corpus", "read"}
    assert summary.parts == len(list((tmp_path / "out" / "_manifest").glob("*.json"))) >= 3  # part_size 3


def test_the_pages_table_holds_the_json_contract_and_the_comments_table_is_flat(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus", pages=1)
    run(corpus, tmp_path / "out")
    rows, columns = query(tmp_path / "out", "SELECT url, site, published_at, analysis, n_comments FROM pages "
                                            "WHERE url LIKE '%ferry'")
    (url, site, published_at, analysis, n_comments), = rows
    assert site == "lorvik-herald.invalid" and published_at == "2026-03-02"
    data = json.loads(analysis)
    assert data["schema_version"] == rashomon.SCHEMA_VERSION and data["page"]["url"] == url
    assert n_comments == len(data["comments"]) == 2
    comments, _ = query(tmp_path / "out", "SELECT author, text, site FROM comments WHERE site = 'lorvik-herald.invalid'"
                                          " ORDER BY author")
    assert [c[0] for c in comments] == ["Odd Varga", "Tamsin Greer"]
    assert comments[0][1].startswith("Fuel prices on Kessa doubled")
    for table, schema in TABLES.items():  # every table exists with its declared columns, empty or not
        files = committed_files(tmp_path / "out", table)
        assert files and pq.read_schema(files[0]).names == schema.names


def test_an_output_is_not_overwritten_without_resume_and_resume_skips_what_is_done(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    first = run(corpus, tmp_path / "out")
    with pytest.raises(BatchError, match="--resume"):
        run(corpus, tmp_path / "out")
    again = run(corpus, tmp_path / "out", resume=True)
    assert again.pages == again.failed == 0 and again.skipped_done == first.pages + first.failed
    ids = list(iter_manifest_ids(tmp_path / "out"))
    assert len(ids) == len(set(ids)) == 10


def test_resume_removes_the_debris_of_a_part_that_was_never_committed(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus", pages=2)
    run(corpus, tmp_path / "out")
    orphan = tmp_path / "out" / "pages" / "part-9999999999999-deadbeef.parquet"
    orphan.write_bytes((committed_files(tmp_path / "out", "pages")[0]).read_bytes())  # a duplicate, uncommitted
    temp = tmp_path / "out" / "_manifest" / "part-9999999999999-deadbeef.json.tmp"
    temp.write_text("{")
    rows, _ = query(tmp_path / "out", "SELECT count(*) FROM pages")
    assert rows[0][0] == 4  # queries read committed parts only
    BatchOutput(tmp_path / "out", resume=True)
    assert not orphan.exists() and not temp.exists()


def test_the_same_page_named_twice_is_analysed_once(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus", pages=2)
    jsonl = corpus / "feed.jsonl"
    twice = tmp_path / "twice.jsonl"
    twice.write_text(jsonl.read_text())
    summary = run_batch([corpus, twice], tmp_path / "out", workers=1, stage_names=(), progress=False)
    rows, _ = query(tmp_path / "out", "SELECT url, count(*) FROM pages WHERE url IS NOT NULL GROUP BY url")
    assert all(count == 1 for _, count in rows)  # same URL and offset: the same id, written once
    assert summary.skipped_duplicates == 2  # the two lines with a URL; the broken line is keyed by its file


def test_workers_load_the_real_models_and_run_the_default_stages(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(PAGE)
    summary = run_batch([corpus], tmp_path / "out", workers=1, progress=False)
    assert summary.pages == 1 and summary.failed == 0
    (analysis,), _ = query(tmp_path / "out", "SELECT analysis FROM pages")
    expected = rashomon.to_dict(rashomon.analyze(PAGE.encode()))
    got = json.loads(analysis[0])
    assert got["blocks"] == expected["blocks"] and got["comments"] == expected["comments"]
    assert {w["stage"] for w in got["warnings"]} == {w["stage"] for w in expected["warnings"]}


def test_bad_options_are_clear_errors(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus", pages=1)
    with pytest.raises(BatchError, match="at least 1"):
        run(corpus, tmp_path / "out", workers=0)
    with pytest.raises(BatchError, match="unknown engine"):
        run_batch([corpus], tmp_path / "out", engine="spark")
    with pytest.raises(rashomon.InputError, match="no such file"):
        run(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(BatchError, match="not a batch output"):
        query(tmp_path / "corpus", "SELECT 1")
    run(corpus, tmp_path / "out")
    with pytest.raises(BatchError, match="query failed"):
        query(tmp_path / "out", "SELECT nope FROM pages")


def _page_with_actors(title: str, url: str, date: str, relations: list[tuple[str, str, str]]) -> PageResult:
    """A page analysed without stages, then given actors and relations as the actors stage would."""
    analysis = rashomon.analyze(f"{title}\n\nThe story of the day, in one invented paragraph.\n".encode(),
                                stage_names=())
    names = sorted({n for s, _, o in relations for n in (s, o)})
    analysis.actors = [Actor(id=f"a{i}", name=name, type="organization", mentions=[Span(0, 3, "The")])
                       for i, name in enumerate(names)]
    by_name = {a.name: a.id for a in analysis.actors}
    analysis.relations = [Relation(id=f"r{i}", type=kind, subject=by_name[s], object=by_name[o],
                                   evidence=Span(0, 3, "The")) for i, (s, kind, o) in enumerate(relations)]
    record = Record(id=url, origin="test", url=url, published_at=date)
    return PageResult(record.id, rows_for_page(record, rashomon.to_dict(analysis)))


def test_scorecard_aggregates_actors_and_relations_across_pages_and_months(tmp_path: Path):
    output = BatchOutput(tmp_path / "out")
    output.commit([
        _page_with_actors("Strike", "https://a.invalid/1", "2026-01-05",
                          [("Dockers' Union", "accuses", "Port Board"), ("Port Board", "backs", "<script>x</script>")]),
        _page_with_actors("Talks", "https://b.invalid/2", "2026-02-11", [("Dockers' Union", "accuses", "Port Board")]),
    ])
    output.commit([_page_with_actors("Deal", "https://a.invalid/3", "not a date", [("Port Board", "allied", "City Hall")])])
    card = build_scorecard(tmp_path / "out")
    assert card.pages == 3 and card.distinct_actors == 4
    top = card.actors[0]
    assert top["name"] == "Port Board" and top["pages"] == 3 and top["sites"] == 2
    assert top["as_subject"] == 2 and top["as_object"] == 2
    assert card.relations[0]["subject"] == "Dockers' Union" and card.relations[0]["pages"] == 2
    assert card.periods == ["2026-01", "2026-02", "undated"]
    assert card.timeline["Port Board"] == {"2026-01": 1, "2026-02": 1, "undated": 1}
    page = render_html(card)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    from rich.console import Console

    console = Console(record=True, width=200)
    render_terminal(card, console)
    text = console.export_text()
    assert "Port Board" in text and "<script>x</script>" in text
    rows, _ = query(tmp_path / "out", EXAMPLES["top actors by relation count"])
    assert rows[0] == ("Port Board", 4)


def test_rows_survive_a_json_round_trip_as_the_ray_engine_ships_them(tmp_path: Path):
    from rashomon.batch.output import write_part

    analysis = rashomon.analyze(PAGE.encode(), stage_names=())
    analysis.page.comments[0].scores = {"toxicity": 0.25, "threat": 0.75}
    analysis.page.comments[0].flags = ["threat"]
    record = Record(id="p1", origin="test", url="https://lorvik-herald.invalid/ferry")
    rows = json.loads(json.dumps(rows_for_page(record, rashomon.to_dict(analysis))))
    output = BatchOutput(tmp_path / "out")
    write_part(output.root, [PageResult("p1", rows)], engine="ray")
    found, _ = query(tmp_path / "out", "SELECT author, scores['threat'], flags FROM comments WHERE "
                                       "list_contains(flags, 'threat')")
    assert found == [("Tamsin Greer", 0.75, ["threat"])]
    threats, _ = query(tmp_path / "out", EXAMPLES["comments flagged as threats per site"])
    assert threats == [("lorvik-herald.invalid", 1)]
