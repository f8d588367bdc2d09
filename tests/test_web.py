"""The web app through its HTTP interface: store, search, actors over time, compare, limits, errors."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import lxml.html
import pytest

from rashomon.report.json import to_dict
from rashomon.web import Store, create_app
from rashomon.web.store import analysis_from_dict, fts_query
from test_report_fixtures import HOSTILE_PAYLOAD, build_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "port-sarn.txt"


def _unavailable(*args, **kwargs):
    raise AssertionError("these tests store ready-made analyses; the pipeline must not run")


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(tmp_path / "store.db", analyze=_unavailable))


def _dated(date: str, hostile: bool = False) -> dict:
    data = to_dict(build_analysis(hostile))
    data["page"]["published_at"] = date
    return data


def test_import_list_open_delete(client):
    first = client.post("/api/pages", json=_dated("2031-04-02"))
    assert first.status_code == 200, first.text
    page_id = first.json()["id"]
    assert client.get("/api/pages").json()["total"] == 1
    assert client.get(f"/api/pages/{page_id}").json() == _dated("2031-04-02")
    report = lxml.html.fromstring(client.get(f"/pages/{page_id}").text)
    assert [c.findtext("h3") for c in report.xpath("//section[contains(@class,'column')]")] == [
        "Northwind Wire", "Eastgate Today"]
    index = lxml.html.fromstring(client.get("/").text)
    assert index.xpath(f"//a[@href='/pages/{page_id}']/text()") == ["Siege of Tarnville nears its end"]
    deleted = client.post(f"/pages/{page_id}/delete", follow_redirects=False)
    assert deleted.status_code == 303 and deleted.headers["location"] == "/"
    assert client.get(f"/pages/{page_id}").status_code == 404
    assert client.get("/api/search", params={"q": "Valdoran"}).json()["hits"] == []
    assert client.delete(f"/api/pages/{page_id}").status_code == 404


def test_import_rejects_what_is_not_an_analysis(client):
    bad = _dated("2031-04-02")
    bad["claims"][0]["start"] = "twelve"
    response = client.post("/api/pages", json=bad)
    assert response.status_code == 400 and "claims/0/start" in response.json()["detail"]
    assert client.post("/api/pages", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    assert client.get("/api/pages").json()["total"] == 0


def test_search_covers_pages_sources_actors_and_comments(client):
    client.post("/api/pages", json=_dated("2031-04-02"))
    kinds = lambda q: {h["kind"] for h in client.get("/api/search", params={"q": q}).json()["hits"]}
    assert kinds("Reconciliation") >= {"source", "actor", "page"}
    assert kinds("rebel_group") == {"actor"}
    assert "comment" in kinds("burn house")
    assert client.get("/api/search", params={"q": 'AND OR "*'}).json()["hits"] == []  # FTS syntax is neutralised
    page = lxml.html.fromstring(client.get("/search", params={"q": "brigades burn"}).text)
    hit = page.xpath("//li[contains(@class,'kind-comment')]")[0]
    assert hit.xpath(".//a/@href")[0].endswith("#comment-k2")
    assert [m.text for m in hit.xpath(".//mark")] == ["brigades", "burn"]


def test_actor_page_shows_relations_over_time_and_who_asserts_them(client):
    client.post("/api/pages", json=_dated("2031-05-01"))
    client.post("/api/pages", json=_dated("2031-04-02"))
    actor = client.get("/api/actors/valdoran  ARMY").json()
    assert [a["published_at"] for a in actor["appearances"]] == ["2031-04-02", "2031-05-01"]
    fights = [r for r in actor["relations"] if r["type"] == "fights"]
    assert [(r["published_at"], r["asserted_by"]) for r in fights] == [("2031-04-02", "Northwind Wire"),
                                                                       ("2031-05-01", "Northwind Wire")]
    page = lxml.html.fromstring(client.get("/actors/Valdoran army").text)
    rows = page.xpath("//table[@class='relations']/tbody/tr")
    assert len(rows) == 6 and rows[0][0].text == "2031-04-02"
    assert client.get("/actors/Nobody").status_code == 404
    assert "Valdoran army" in client.get("/actors").text


def test_compare_two_stored_pages(client):
    a = client.post("/api/pages", json=_dated("2031-04-02")).json()["id"]
    other = _dated("2031-04-03")
    other["page"]["publisher"] = "Eastgate Weekly"
    b = client.post("/api/pages", json=other).json()["id"]
    result = client.get("/api/compare", params={"ids": [a, b]}).json()
    assert result["shared_actors"] == ["Free Tarn Brigades", "Reconciliation Office", "Valdoran army"]
    assert [len(p["claims"]) for p in result["pages"]] == [5, 5]
    page = lxml.html.fromstring(client.get("/compare", params={"ids": [a, b]}).text)
    columns = page.xpath("//div[contains(@class,'columns')]/section")
    assert len(columns) == 2
    assert columns[1].xpath(".//a/@href")[1].startswith(f"/pages/{b}#claim-")
    if result["engine"] == "compare_pages":  # the comparison stage's engine is present: its table is shown
        assert page.xpath("//section[@id='across']")
    assert client.get("/api/compare", params={"ids": [a]}).status_code == 400
    assert client.get("/compare", params={"ids": [a, 999]}).status_code == 404


def test_stored_analysis_round_trips_to_the_model():
    original = build_analysis()
    rebuilt = analysis_from_dict(to_dict(original))
    original.page.warnings = []  # the contract carries the page's warnings in the analysis' list
    assert rebuilt == original


def test_request_size_limit_and_clear_errors(tmp_path):
    calls = []

    def fake_analyze(data, **options):  # records the call: the limit must act before any analysis
        calls.append(len(data))
        raise AssertionError("not reached")

    client = TestClient(create_app(tmp_path / "s.db", analyze=fake_analyze, max_page_bytes=1000))
    big = "x" * 400_000
    response = client.post("/api/analyze", json={"text": big})
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    response = client.post("/analyze", files={"file": ("page.txt", big.encode())})
    assert response.status_code == 413 and "limit" in response.text
    response = client.post("/api/analyze", json={"text": "y" * 5000})  # under the request limit, over the page one
    assert response.status_code == 413
    assert client.post("/analyze", data={"text": "   "}).status_code == 400
    assert client.post("/analyze", files={"file": ("empty.txt", b"")}).status_code == 400
    assert client.post("/analyze", content=b"--x\r\nbroken", headers={
        "content-type": "multipart/form-data; boundary=x"}).status_code == 400
    assert client.post("/api/analyze", json={"text": "hello", "kind": "pdf"}).status_code == 422
    assert calls == []


def test_a_failing_pipeline_gives_a_plain_500(tmp_path):
    def broken(data, **options):
        raise RuntimeError("a stage exploded")

    client = TestClient(create_app(tmp_path / "s.db", analyze=broken), raise_server_exceptions=False)
    response = client.post("/api/analyze", json={"text": "Some page"})
    assert response.status_code == 500 and "RuntimeError" in response.json()["detail"]
    response = client.post("/analyze", data={"text": "Some page"})
    assert response.status_code == 500 and "That did not work" in response.text and "Traceback" not in response.text


def test_openapi_and_security_headers(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/pages", "/api/pages/{page_id}", "/api/search", "/api/actors/{name}",
            "/api/compare"} <= set(spec["paths"])
    assert "AnalyzeRequest" in spec["components"]["schemas"]
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_hostile_page_and_query_render_as_text(client):
    page_id = client.post("/api/pages", json=_dated("2031-04-02", hostile=True)).json()["id"]
    for url in (f"/pages/{page_id}", "/", f"/search?q={HOSTILE_PAYLOAD}", "/actors", f"/compare?ids={page_id}&ids={page_id}"):
        doc = lxml.html.fromstring(client.get(url).text)
        assert len(doc.xpath("//script")) == 1, url
        assert not doc.xpath("//img | //iframe | //a[starts-with(normalize-space(@href),'javascript')]"), url
        assert not [e for e in doc.iter() if any(n.lower().startswith("on") for n in e.attrib)], url


def test_store_query_builder():
    assert fts_query("  ") is None
    assert fts_query('Assad "army" NEAR(x)') == '"Assad"* "army"* "NEAR"* "x"*'
    with pytest.raises(Exception):
        Store("/proc/forbidden/store.db")


def test_a_pasted_page_over_one_megabyte_is_accepted(tmp_path):
    seen = []

    def record(data, **options):
        seen.append((len(data), options["kind"]))
        from rashomon.model import Analysis
        from rashomon.read import read

        return Analysis(page=read(data, kind=options["kind"]))

    client = TestClient(create_app(tmp_path / "s.db", analyze=record))
    pasted = "A long page\n\n" + "Word after word of the article. " * 50_000
    response = client.post("/analyze", data={"text": pasted, "kind": "text"}, follow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    assert seen == [(len(pasted.encode()), "text")]


@pytest.mark.slow
def test_paste_and_upload_run_the_real_pipeline(tmp_path):
    """The example page through the real pipeline (``RASHOMON_STAGES=a,b`` narrows the stages run)."""
    stages = tuple(os.environ["RASHOMON_STAGES"].split(",")) if os.environ.get("RASHOMON_STAGES") else None
    client = TestClient(create_app(tmp_path / "real.db", stage_names=stages))
    response = client.post("/analyze", files={"file": ("port-sarn.txt", EXAMPLE.read_bytes())}, follow_redirects=False)
    assert response.status_code == 303, response.text
    report = lxml.html.fromstring(client.get(response.headers["location"]).text)
    assert "Port Sarn" in report.findtext(".//h1")
    assert len(report.xpath("//article[contains(@class,'comment')]")) >= 10
    api = client.post("/api/analyze", json={"text": EXAMPLE.read_text(encoding="utf-8"), "store": False}).json()
    assert api["id"] is None and api["analysis"]["page"]["title"].startswith("Government Forces Close In")
    from rashomon.report.json import validate

    validate(api["analysis"])
    assert client.get("/api/pages").json()["total"] == 1
