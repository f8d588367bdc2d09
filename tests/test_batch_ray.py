"""The Ray engine writes the same output as the local engine and resumes the same way (skipped without Ray)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.batch import run_batch
from rashomon.batch.output import iter_manifest_ids
from rashomon.batch.query import query
from rashomon.read.corpus import iter_records
from tests.conftest import write_jsonl

ray = pytest.importorskip("ray")
pytestmark = [pytest.mark.ray, pytest.mark.slow]


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray with 2 CPUs for this module, stopped at the end."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def make_corpus(root: Path) -> Path:
    write_jsonl(
        root / "feed.jsonl",
        [
            *(
                {
                    "url": f"https://varn-gazette.invalid/rail/{number}",
                    "published_at": "2026-04-0" + str(1 + number % 9),
                    "text": f"Night trains return to the Varn valley, line {number}\n\n"
                    f"The rail company said line {number} would run again from Sunday.\n",
                }
                for number in range(12)
            ),
            "{cut short",
        ],
    )
    (root / "notes.txt").write_text("Snow closes the pass\n\nThe road office closed the pass on Monday.\n")
    (root / "dump.html").write_bytes(bytes(range(256)) * 30)
    return root


def test_ray_output_matches_the_local_engine_and_resumes(local_ray, tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    options = {"workers": 2, "stage_names": (), "progress": False, "chunk_size": 2, "part_size": 4}
    on_ray = run_batch([corpus], tmp_path / "ray", engine="ray", **options)
    on_local = run_batch([corpus], tmp_path / "local", engine="local", **options)
    assert (on_ray.pages, on_ray.failed) == (on_local.pages, on_local.failed) == (13, 2)
    assert on_ray.exit_code == 2
    expected = sorted(r.id for r in iter_records([corpus]))
    assert sorted(iter_manifest_ids(tmp_path / "ray")) == expected
    sql = "SELECT id, url, published_at, n_words FROM pages ORDER BY id"
    assert query(tmp_path / "ray", sql)[0] == query(tmp_path / "local", sql)[0]
    errors = "SELECT id, stage FROM errors ORDER BY id"
    assert query(tmp_path / "ray", errors)[0] == query(tmp_path / "local", errors)[0]
    again = run_batch([corpus], tmp_path / "ray", engine="ray", resume=True, **options)
    assert again.pages == again.failed == 0 and again.skipped_done == len(expected)
    assert sorted(iter_manifest_ids(tmp_path / "ray")) == expected


def test_many_files_are_each_read_once_by_one_actor(local_ray, tmp_path: Path):
    from rashomon.batch.ray_engine import FILES_PER_ACTOR_UNSHARDED, read_plan

    corpus = tmp_path / "pages"
    corpus.mkdir()
    count = FILES_PER_ACTOR_UNSHARDED * 2 + 1
    for number in range(count):
        (corpus / f"page-{number:02d}.txt").write_text(
            f"Lock {number} reopens\n\nThe canal office said lock {number} reopens on Friday.\n"
        )
    files = sorted(corpus.glob("*.txt"))
    assert [item["shards"] for item in read_plan(files, 2)] == [1] * count
    assert len(read_plan(files[:3], 2)) == 6  # few files: every file split between the two actors
    summary = run_batch([corpus], tmp_path / "out", engine="ray", workers=2, stage_names=(), progress=False)
    assert (summary.pages, summary.failed) == (count, 0)
    assert sorted(iter_manifest_ids(tmp_path / "out")) == sorted(r.id for r in iter_records([corpus]))


def test_the_page_time_limit_reaches_the_ray_actors(local_ray, tmp_path: Path):
    """Pages that need seconds of analysis, a limit of a tenth of a second: each page is a PageTimeout row."""
    corpus = tmp_path / "long.jsonl"
    sentence = "The canal office said on Monday that {n} barges had waited at the Varn lock since the flood. "
    with open(corpus, "w") as handle:
        for page in range(4):
            text = f"Barges wait at the Varn lock, day {page}\n\n" + "".join(sentence.format(n=n) for n in range(300))
            handle.write(json.dumps({"text": text}) + "\n")
    summary = run_batch([corpus], tmp_path / "out", engine="ray", workers=2, progress=False, page_timeout=0.1)
    assert (summary.pages, summary.failed) == (0, 4)
    rows, _ = query(tmp_path / "out", "SELECT error_type, count(*) FROM errors GROUP BY ALL")
    assert rows == [("PageTimeout", 4)]
