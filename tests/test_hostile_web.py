"""The web app under bad requests (issue #20): never a 500 for what a client sends."""

from __future__ import annotations

import json
import warnings

import pytest

from rashomon.contract import to_dict
from rashomon.pipeline import analyze
from rashomon.web import create_app
from tests.test_report_fixtures import build_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _read_only(data, **options):
    return analyze(data, stage_names=(), **options)


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(tmp_path / "store.db", analyze=_read_only), raise_server_exceptions=False)


def test_a_lone_surrogate_in_the_posted_page_is_a_replaced_character_not_a_500(client):
    body = (
        '{"text": "The harbour office said \\ud800 the quay would reopen next week after repairs.",'
        ' "url": "https://harbour.invalid/\\udfff"}'
    )
    response = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    analysis = response.json()["analysis"]
    assert "\ufffd" in analysis["page"]["text"] and "quay would reopen" in analysis["page"]["text"]
    assert analysis["page"]["url"] == "https://harbour.invalid/\ufffd"
    assert "invalid_utf8" in [w["code"] for w in analysis["warnings"]]


def test_a_lone_surrogate_in_an_imported_analysis_is_stored_as_a_replacement(client):
    text = json.dumps(to_dict(build_analysis(False))).replace("Tarnville", "Tarn\\ud800ville")
    response = client.post("/api/pages", content=text, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    stored = client.get(f"/api/pages/{response.json()['id']}").json()
    assert "Tarn\ufffdville" in stored["page"]["title"]
    hits = client.get("/api/search", params={"q": "nears"}).json()["hits"]
    assert len(hits) >= 1


@pytest.mark.parametrize(
    "query",
    ["offset=9223372036854775808", "offset=1180591620717411303424", "limit=99999999999999999999999", "offset=-1"],
)
def test_a_list_offset_past_sqlite_integers_is_a_422(client, query):
    assert client.get(f"/api/pages?{query}").status_code == 422


@pytest.mark.parametrize("path", ["/api/pages", "/api/analyze"])
def test_a_body_nested_100000_deep_is_a_4xx(client, path):
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(path, content='{"text": ' + deep + "}", headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500


# --- analyses: a bounded queue, a time limit, reads that never wait --------------------------------------
import threading  # noqa: E402
import time  # noqa: E402


def _blocking_app(tmp_path, release: threading.Event, started: threading.Semaphore, **options):
    def slow(data, **kwargs):
        started.release()
        release.wait(30)
        return analyze(data, stage_names=(), **kwargs)

    return TestClient(create_app(tmp_path / "b.db", analyze=slow, **options), raise_server_exceptions=False)


def _post_in_thread(client, results: list, text: str) -> threading.Thread:
    thread = threading.Thread(
        target=lambda: results.append(client.post("/api/analyze", json={"text": text, "store": False}))
    )
    thread.start()
    return thread


PAGE = "Quay reopens\n\nThe harbour office said the northern quay would reopen next week after repairs."


def test_past_the_queue_limit_an_analysis_gets_429_and_reads_are_served_meanwhile(tmp_path):
    release, started = threading.Event(), threading.Semaphore(0)
    client = _blocking_app(tmp_path, release, started, queue_limit=1)
    results: list = []
    threads = [_post_in_thread(client, results, PAGE)]
    assert started.acquire(timeout=30)  # one analysis runs
    threads.append(_post_in_thread(client, results, PAGE))  # one waits
    deadline = time.monotonic() + 30
    while client.app.state.analyses.in_flight < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    refused = client.post("/api/analyze", json={"text": PAGE, "store": False})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert "try again" in refused.json()["detail"]
    assert client.get("/api/pages").status_code == 200  # a read while the analysis queue is full
    assert client.get("/search", params={"q": "quay"}).status_code == 200
    release.set()
    for thread in threads:
        thread.join(30)
    assert sorted(r.status_code for r in results) == [200, 200]


def test_an_analysis_past_the_time_limit_is_a_422_and_the_next_one_runs(tmp_path):
    calls = []

    def endless(data, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            for _ in range(600):  # Python code the limit can stop
                time.sleep(0.05)
        return analyze(data, stage_names=(), **kwargs)

    client = TestClient(
        create_app(tmp_path / "t.db", analyze=endless, analyze_timeout=0.3), raise_server_exceptions=False
    )
    slow = client.post("/api/analyze", json={"text": PAGE, "store": False})
    assert slow.status_code == 422 and "took longer than 0.3 s" in slow.json()["detail"]
    assert client.post("/api/analyze", json={"text": PAGE, "store": False}).status_code == 200


@pytest.mark.slow
def test_the_worker_pool_analyses_in_other_processes_and_gives_up_a_slow_page(tmp_path):
    import os

    from rashomon.web.pool import AnalysisPool

    app = create_app(tmp_path / "p.db", stage_names=("attribution",), workers=1, analyze_timeout=2)
    with TestClient(app, raise_server_exceptions=False) as client:
        ok = client.post("/api/analyze", json={"text": PAGE, "store": False})
        assert ok.status_code == 200 and ok.json()["analysis"]["page"]["title"] == "Quay reopens"
        slow = client.post("/api/analyze", json={"text": "Quay\n\n" + "said " * 60_000, "store": False})
        assert slow.status_code == 422, slow.text
        again = client.post("/api/analyze", json={"text": PAGE, "store": True})
        assert again.status_code == 200 and again.json()["id"] == 1
        pool = app.state.analyses
        assert isinstance(pool, AnalysisPool)
        workers = {process.pid for process in pool._executor._processes.values()}
        assert workers and os.getpid() not in workers  # analyses ran in worker processes
