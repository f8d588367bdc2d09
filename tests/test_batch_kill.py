"""A batch killed with SIGKILL at several points, then resumed, has every page exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon.batch.output import MANIFEST_DIR, iter_manifest_ids
from rashomon.batch.query import query
from rashomon.read.corpus import iter_records
from tests.conftest import write_jsonl

#: Bounds of the test: each run must end (or be killed) well within these.
RUN_TIMEOUT_S = 120
PAGES = 240


def make_corpus(root: Path) -> Path:
    write_jsonl(
        root / "feed.jsonl",
        [
            "{not json at all"
            if number % 60 == 7
            else {
                "url": f"https://oster-courier.invalid/locks/{number}",
                "text": f"Lock gates closed on the Oster canal, day {number}\n\n"
                f"The canal authority said barge number {number} was held at the upper lock.\n\n"
                "Skippers said the delay would cost them a week of trade.\n",
            }
            for number in range(PAGES)
        ],
    )
    for number in range(10):
        (root / f"extra-{number}.txt").write_text(f"Bridge {number} repainted\n\nThe works office finished it.\n")
    return root


def batch_command(corpus: Path, out: Path, resume: bool) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "rashomon.batch",
        str(corpus),
        "-o",
        str(out),
        "--stages",
        "",
        "--workers",
        "2",
        "--chunk-size",
        "2",
        "--part-size",
        "5",
        "--no-progress",
    ]
    return command + (["--resume"] if resume else [])


def committed_parts(out: Path) -> int:
    folder = out / MANIFEST_DIR
    return len(list(folder.glob("part-*.json"))) if folder.is_dir() else 0


def start_and_kill(corpus: Path, out: Path, after_parts: int, jitter_s: float) -> bool:
    """Start a batch, SIGKILL it (and its workers) once ``after_parts`` parts are committed; True if killed."""
    process = subprocess.Popen(
        batch_command(corpus, out, resume=committed_parts(out) > 0),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + RUN_TIMEOUT_S
    try:
        while committed_parts(out) < after_parts and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(jitter_s)  # land anywhere: mid-part, mid-commit, between chunks
        killed = process.poll() is None
        if killed:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        return killed
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.slow
def test_sigkill_then_resume_writes_every_page_exactly_once(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    expected = sorted(r.id for r in iter_records([corpus]))
    rng = random.Random(8)
    interrupted = 0
    for point, after_parts in enumerate((1, 4, 9)):
        out = tmp_path / f"out-{point}"
        interrupted += start_and_kill(corpus, out, after_parts, rng.uniform(0.0, 0.05))
        before = list(iter_manifest_ids(out))
        assert len(before) == len(set(before))  # nothing committed twice, even by a killed run
        # a second kill while resuming: the resumed run must itself be resumable
        interrupted += start_and_kill(corpus, out, committed_parts(out) + 2, rng.uniform(0.0, 0.05))
        finished = subprocess.run(
            batch_command(corpus, out, resume=True), timeout=RUN_TIMEOUT_S, capture_output=True, text=True
        )
        assert finished.returncode < 126, finished.stderr  # the number of pages that failed in that run
        ids = list(iter_manifest_ids(out))
        assert sorted(ids) == expected  # every page id once: none lost, none written twice
        rows, _ = query(out, "SELECT id FROM pages UNION ALL SELECT id FROM errors")
        assert sorted(r[0] for r in rows) == expected
        errors, _ = query(out, "SELECT count(*) FROM errors")
        assert errors[0][0] == PAGES // 60  # the lines that are not JSON, each once
    assert interrupted >= 3  # the kills landed while batches were running


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child: Ctrl-C handled as a shell leaves it. A signal ignored in the test process (an earlier test
    that ran a pool initializer in-process sets SIGINT to SIG_IGN) would be inherited across exec, and Python
    installs no KeyboardInterrupt handler for an ignored SIGINT: the batch would never see the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_keeps_finished_pages_and_resume_finishes(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    process = subprocess.Popen(
        batch_command(corpus, out, resume=False),
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while committed_parts(out) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if process.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted (machine too fast for this corpus)")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: the parent and its workers
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "--resume" in stderr
    interrupted = list(iter_manifest_ids(out))
    assert 0 < len(interrupted) == len(set(interrupted))
    finished = subprocess.run(
        batch_command(corpus, out, resume=True), timeout=RUN_TIMEOUT_S, capture_output=True, text=True
    )
    assert finished.returncode < 126, finished.stderr
    assert sorted(iter_manifest_ids(out)) == sorted(r.id for r in iter_records([corpus]))
