"""A batch killed with SIGKILL leaves no process behind, and one output folder takes one run (issue #20: 11, 15)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon.batch.output import BatchError, BatchOutput, iter_manifest_ids
from rashomon.batch.query import query
from rashomon.read.corpus import iter_records
from tests.test_batch_kill import batch_command, committed_parts, make_corpus

RUN_TIMEOUT_S = 120


def descendants(pid: int) -> set[int]:
    """Every living process under ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_second_run_on_a_folder_in_use_is_refused_with_a_clear_message(tmp_path):
    first = BatchOutput(tmp_path / "out")
    with pytest.raises(BatchError, match="another rashomon batch is writing this folder"):
        BatchOutput(tmp_path / "out", resume=True)
    first.close()
    BatchOutput(tmp_path / "out", resume=True).close()  # free again once the first run is over


def test_a_run_killed_with_sigkill_does_not_keep_the_folder_locked(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from rashomon.batch.output import "
            "BatchOutput; held = BatchOutput(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(BatchError, match=f"pid {holder.pid}"):
            BatchOutput(out, resume=True)
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        BatchOutput(out, resume=True).close()
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_sigkill_of_the_parent_alone_ten_times_leaves_no_process_and_every_record_once(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    expected = sorted(r.id for r in iter_records([corpus]))
    out = tmp_path / "out"
    rng = random.Random(20)
    killed = 0
    for _ in range(10):
        # not a new session and not killpg: only the parent gets the signal, as with `kill -9 PID`
        process = subprocess.Popen(
            batch_command(corpus, out, resume=committed_parts(out) > 0),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # kill points follow the run's progress, not the clock: after 0-2 more parts are committed (a quick
        # machine finishes the whole corpus in the time a fixed delay waits)
        target = committed_parts(out) + rng.randint(0, 2)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while (
            (len(descendants(process.pid)) < 2 or committed_parts(out) < target)
            and process.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.05))
        family = descendants(process.pid)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in family) and time.monotonic() < deadline:
            time.sleep(0.1)
        orphans = [pid for pid in family if alive(pid)]
        for pid in orphans:  # leave nothing running, even when the test fails
            os.kill(pid, signal.SIGKILL)
        assert not orphans, "workers outlived their killed parent"
        ids = list(iter_manifest_ids(out))
        assert len(ids) == len(set(ids))
    finished = subprocess.run(
        batch_command(corpus, out, resume=True), timeout=RUN_TIMEOUT_S, capture_output=True, text=True
    )
    assert finished.returncode < 126, finished.stderr
    assert sorted(iter_manifest_ids(out)) == expected
    rows, _ = query(out, "SELECT id FROM pages UNION ALL SELECT id FROM errors")
    assert sorted(r[0] for r in rows) == expected
    assert killed >= 5
