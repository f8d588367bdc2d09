"""The web app under bad requests (issue #20): never a 500 for what a client sends."""

from __future__ import annotations

import json
import warnings

import pytest

from rashomon.pipeline import analyze
from rashomon.report.json import to_dict
from rashomon.web import create_app
from test_report_fixtures import build_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _read_only(data, **options):
    return analyze(data, stage_names=(), **options)


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(tmp_path / "store.db", analyze=_read_only), raise_server_exceptions=False)


def test_a_lone_surrogate_in_the_posted_page_is_a_replaced_character_not_a_500(client):
    body = ('{"text": "The harbour office said \\ud800 the quay would reopen next week after repairs.",'
            ' "url": "https://harbour.invalid/\\udfff"}')
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


@pytest.mark.parametrize("query", ["offset=9223372036854775808", "offset=1180591620717411303424",
                                   "limit=99999999999999999999999", "offset=-1"])
def test_a_list_offset_past_sqlite_integers_is_a_422(client, query):
    assert client.get(f"/api/pages?{query}").status_code == 422


@pytest.mark.parametrize("path", ["/api/pages", "/api/analyze"])
def test_a_body_nested_100000_deep_is_a_4xx(client, path):
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(path, content='{"text": ' + deep + "}", headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500
