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
from rashomon.batch.scorecard import build_scorecard
from rashomon.model import Actor, Relation, Span
from rashomon.options import Options
from rashomon.read.corpus import Record, iter_records
from rashomon.report.scorecard import render_html, render_terminal
from tests.conftest import write_jsonl

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
    write_jsonl(
        root / "feed.jsonl",
        [
            {"url": "https://www.lorvik-herald.invalid/ferry", "published_at": "2026-03-02", "text": PAGE},
            "{broken json",
            {
                "url": "https://kessa-post.invalid/fuel",
                "html": "<html><body><h1>Fuel runs low</h1><p>"
                "The island council said deliveries would resume on Friday after the ferry returns.</p></body></html>",
            },
        ],
    )
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
    rows, columns = query(
        tmp_path / "out", "SELECT url, site, published_at, analysis, n_comments FROM pages WHERE url LIKE '%ferry'"
    )
    ((url, site, published_at, analysis, n_comments),) = rows
    assert site == "lorvik-herald.invalid" and published_at == "2026-03-02"
    data = json.loads(analysis)
    assert data["schema_version"] == rashomon.SCHEMA_VERSION and data["page"]["url"] == url
    assert n_comments == len(data["comments"]) == 2
    comments, _ = query(
        tmp_path / "out", "SELECT author, text, site FROM comments WHERE site = 'lorvik-herald.invalid' ORDER BY author"
    )
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


def test_the_same_file_named_twice_is_analysed_once_and_the_same_url_in_two_files_twice(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus", pages=2)
    jsonl = corpus / "feed.jsonl"
    twice = tmp_path / "twice.jsonl"
    twice.write_text(jsonl.read_text())
    summary = run_batch(
        [corpus, jsonl, str(corpus / "*.jsonl"), twice], tmp_path / "out", workers=1, stage_names=(), progress=False
    )
    rows, _ = query(
        tmp_path / "out",
        "SELECT url, count(*), count(DISTINCT id), count(DISTINCT origin) FROM pages "
        "WHERE url IS NOT NULL GROUP BY url",
    )
    assert sorted(rows) == [
        ("https://kessa-post.invalid/fuel", 2, 2, 2),
        ("https://www.lorvik-herald.invalid/ferry", 2, 2, 2),
    ]  # one page per file, by id
    ids = list(iter_manifest_ids(tmp_path / "out"))
    assert len(ids) == len(set(ids)) == len({r.id for r in iter_records([corpus, twice])}) == 10
    assert summary.skipped_duplicates == 0  # feed.jsonl named three times is streamed once


def test_a_record_id_seen_twice_is_analysed_and_written_once(tmp_path: Path, monkeypatch):
    import rashomon.batch.local as local

    corpus = make_corpus(tmp_path / "corpus", pages=3)
    records = list(iter_records([corpus]))
    doubled = [records[0], *records, records[2], records[0]]
    monkeypatch.setattr(local, "iter_records", lambda files: iter(doubled))
    summary = run(corpus, tmp_path / "out")
    ids = list(iter_manifest_ids(tmp_path / "out"))
    assert sorted(ids) == sorted(r.id for r in records)
    assert summary.skipped_duplicates == 3 and summary.pages + summary.failed == len(records)


def test_both_engines_stream_records_by_one_rule(tmp_path: Path):
    import pyarrow as pa

    from rashomon.batch.output import new_records
    from rashomon.batch.ray_engine import stream_records

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"url": f"https://tarn-ledger.invalid/{n}", "text": f"Page {n} of the ledger."}) + "\n"
            for n in range(5)
        )
    )
    records = list(iter_records([feed]))
    skipped: list[tuple[str, str]] = []
    kept = list(
        new_records(
            [records[0], records[1], records[0], records[2]],
            {records[1].id},
            on_skip=lambda record, why: skipped.append((record.id, why)),
        )
    )
    assert [r.id for r in kept] == [records[0].id, records[2].id]
    assert skipped == [(records[1].id, "done"), (records[0].id, "duplicate")]
    batches = list(stream_records(pa.table({"path": [str(feed), str(feed)]}), frozenset({records[1].id}), 2))
    streamed = [i for batch in batches for i in batch["id"]]
    assert streamed == [r.id for r in records if r.id != records[1].id]  # each id once, the done one skipped


def test_bad_urls_and_lone_surrogates_do_not_stop_the_batch(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = [
        {
            "url": f"https://fenmoor-echo.invalid/{n}",
            "text": f"Sluice gate {n} reopened\n\nThe water board said gate {n} was repaired on Tuesday.\n",
        }
        for n in range(6)
    ]
    bad_url = {"url": "http://[bad/x", "text": "Reed harvest late\n\nThe reed cutters said the harvest was late.\n"}
    surrogate = {
        "url": "https://fenmoor-echo.invalid/odd",
        "text": "Odd byte \ud800 here\n\nA page with a lone surrogate \udfff in its text.\n",
    }
    lines = [good[0], good[1], bad_url, good[2], surrogate, good[3], good[4], good[5]]
    (corpus / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))  # \ud800 stays escaped
    (corpus / "note.txt").write_text("Dyke inspected\n\nInspectors walked the dyke on Monday.\n")
    summary = run(corpus, tmp_path / "out", part_size=50)
    records = list(iter_records([corpus]))
    assert len(records) == 9
    pages, _ = query(tmp_path / "out", "SELECT id, url, site, analysis FROM pages")
    errors, _ = query(tmp_path / "out", "SELECT id FROM errors")
    assert sorted([p[0] for p in pages] + [e[0] for e in errors]) == sorted(r.id for r in records)  # each once
    by_url = {url: (site, json.loads(analysis)) for _, url, site, analysis in pages}
    assert all(f"https://fenmoor-echo.invalid/{n}" in by_url for n in range(6))
    assert by_url["http://[bad/x"][0] is None  # a URL with no readable host: the page, without a site
    odd = by_url["https://fenmoor-echo.invalid/odd"][1]["page"]["text"]
    assert "Odd byte ? here" in odd and "surrogate ? in" in odd
    assert summary.pages == 9 and summary.failed == 0


def test_any_failure_while_analysing_a_record_is_an_error_row(monkeypatch):
    from rashomon.batch import worker

    def broken(*args, **kwargs):
        raise KeyError("no such column")

    monkeypatch.setattr(worker, "rows_for_page", broken)
    record = Record(
        id="r1",
        origin="feed.jsonl",
        offset=7,
        url="https://fenmoor-echo.invalid/x",
        content="Gate closed\n\nThe gate closed.\n",
        kind="text",
    )
    result = worker.analyze_record(record, ())
    assert result.failed and result.id == "r1"
    (row,) = result.rows["errors"]
    assert row["stage"] == "analyze" and row["error_type"] == "KeyError" and "no such column" in row["message"]


def test_a_page_past_its_time_limit_is_an_error_row_and_the_worker_goes_on():
    """A stage stuck in a loop (its own ``except Exception`` cannot swallow the timeout) costs one page, not the batch."""
    import time

    from rashomon.batch import worker
    from rashomon.pipeline import register_stage

    @register_stage("test_endless_loop")
    def endless(analysis, ctx):
        until = time.perf_counter() + 10  # bounded, so a broken time limit fails the test instead of hanging it
        while time.perf_counter() < until:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001 - a stage that swallows errors must still be stopped
                pass

    text = "Gate closed\n\nThe harbour office said the gate closed on Monday.\n"
    fine = Record(id="r2", origin="feed.jsonl", offset=1, content=text, kind="text")
    assert not worker.analyze_record(
        fine, Options(stages=()), page_timeout=None
    ).failed  # warm: the first read loads its models
    stuck = Record(id="r1", origin="feed.jsonl", offset=0, content=text, kind="text")
    started = time.perf_counter()
    result = worker.analyze_record(stuck, Options(stages=("test_endless_loop",)), page_timeout=0.3)
    assert time.perf_counter() - started < 5
    (row,) = result.rows["errors"]
    assert result.failed and row["error_type"] == "PageTimeout" and "0.3 s" in row["message"]

    assert not worker.analyze_record(fine, (), page_timeout=1.0).failed
    time.sleep(1.2)  # a finished page's timer must never fire later, in whatever code runs next
    assert not worker.analyze_record(fine, Options(stages=()), page_timeout=None).failed


def test_an_unexpected_error_stops_the_workers_keeps_finished_pages_and_is_raised(tmp_path: Path, monkeypatch):
    import multiprocessing

    import rashomon.batch.local as local
    from rashomon.batch.progress import make_progress

    class FailingBar:
        def __init__(self, enabled):
            self.bar = make_progress(False)

        def __enter__(self):
            return self.bar.__enter__()

        def __exit__(self, *exc):
            return self.bar.__exit__(*exc)

        def add_task(self, *args, **kwargs):
            return self.bar.add_task(*args, **kwargs)

        def update(self, *args, **kwargs):
            raise RuntimeError("the progress bar broke")

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(6):
        (corpus / f"gate-{number}.txt").write_text(f"Gate {number}\n\nThe water board opened gate {number}.\n")
    monkeypatch.setattr(local, "make_progress", FailingBar)
    with pytest.raises(RuntimeError, match="progress bar broke"):
        run(corpus, tmp_path / "out", part_size=50)
    assert multiprocessing.active_children() == []  # the pool was stopped, not left running
    kept = list(iter_manifest_ids(tmp_path / "out"))
    assert len(kept) == 2  # the first chunk (chunk_size 2) was finished: it is committed, not lost
    monkeypatch.undo()
    again = run(corpus, tmp_path / "out", resume=True)
    assert again.skipped_done == 2 and again.pages == 4
    assert sorted(iter_manifest_ids(tmp_path / "out")) == sorted(r.id for r in iter_records([corpus]))


def test_manifests_are_read_by_one_function_and_a_damaged_one_is_reported(tmp_path: Path):
    from rashomon.batch.output import iter_manifests
    from rashomon.batch.progress import BatchSummary
    from rashomon.batch.ray_engine import _summarise

    corpus = make_corpus(tmp_path / "corpus", pages=2)
    first = run(corpus, tmp_path / "out")
    manifests = list(iter_manifests(tmp_path / "out"))
    assert [m["part"] for m in manifests] == [p.stem for p in sorted((tmp_path / "out" / "_manifest").glob("*.json"))]
    summary = BatchSummary(out=tmp_path / "out", engine="ray", workers=1)
    _summarise(summary, tmp_path / "out", set())
    assert (summary.parts, summary.pages, summary.failed) == (first.parts, first.pages, first.failed)
    assert not hasattr(BatchOutput(tmp_path / "out", resume=True), "parts_written")
    (tmp_path / "out" / "_manifest" / "part-9999999999999-feedface.json").write_text('{"ids": 7}')
    with pytest.raises(BatchError, match="damaged manifest"):
        list(iter_manifest_ids(tmp_path / "out"))
    with pytest.raises(BatchError, match="damaged manifest"):
        BatchOutput(tmp_path / "out", resume=True)
    with pytest.raises(BatchError, match="--resume"):
        BatchOutput(tmp_path / "out")


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
    """A page analysed without stages, then given actors and relations as the actors stage would: an actor's id
    is the same on every page (``actor:<name>``), which is what the corpus scorecard groups by."""
    analysis = rashomon.analyze(
        f"{title}\n\nThe story of the day, in one invented paragraph.\n".encode(), stage_names=()
    )
    names = sorted({n for s, _, o in relations for n in (s, o)})
    analysis.actors = [
        Actor(id=f"actor:{name.lower()}", name=name, type="organization", mentions=[Span(0, 3, "The")])
        for name in names
    ]
    by_name = {a.name: a.id for a in analysis.actors}
    analysis.relations = [
        Relation(id=f"r{i}", type=kind, subject=by_name[s], object=by_name[o], evidence=Span(0, 3, "The"))
        for i, (s, kind, o) in enumerate(relations)
    ]
    record = Record(id=url, origin="test", url=url, published_at=date)
    return PageResult(record.id, rows_for_page(record, rashomon.to_dict(analysis)))


def test_scorecard_aggregates_actors_and_relations_across_pages_and_months(tmp_path: Path):
    output = BatchOutput(tmp_path / "out")
    output.commit(
        [
            _page_with_actors(
                "Strike",
                "https://a.invalid/1",
                "2026-01-05",
                [("Dockers' Union", "accuses", "Port Board"), ("Port Board", "backs", "<script>x</script>")],
            ),
            _page_with_actors(
                "Talks", "https://b.invalid/2", "2026-02-11", [("Dockers' Union", "accuses", "Port Board")]
            ),
        ]
    )
    output.commit(
        [_page_with_actors("Deal", "https://a.invalid/3", "not a date", [("Port Board", "allied", "City Hall")])]
    )
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
    found, _ = query(
        tmp_path / "out", "SELECT author, scores['threat'], flags FROM comments WHERE list_contains(flags, 'threat')"
    )
    assert found == [("Tamsin Greer", 0.75, ["threat"])]
    threats, _ = query(tmp_path / "out", EXAMPLES["comments flagged as threats per site"])
    assert threats == [("lorvik-herald.invalid", 1)]


def test_scorecard_counts_one_actor_under_its_aliases(tmp_path: Path):
    pages = []
    for n, name in enumerate(["Port Board", "Port Board", "the Board"]):
        analysis = rashomon.analyze(f"Page {n}\n\nAn invented paragraph about the harbour.\n".encode(), stage_names=())
        analysis.actors = [Actor(id="actor:port-board", name=name, type="organization", mentions=[Span(0, 4, "Page")])]
        record = Record(id=f"p{n}", origin="test", url=f"https://c.invalid/{n}", published_at="2026-03-01")
        pages.append(PageResult(record.id, rows_for_page(record, rashomon.to_dict(analysis))))
    BatchOutput(tmp_path / "out").commit(pages)
    card = build_scorecard(tmp_path / "out")
    assert card.distinct_actors == 1
    assert [(a["name"], a["pages"]) for a in card.actors] == [("Port Board", 3)]
