"""The web app through its HTTP interface: store, search, actors over time, compare, limits, errors."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import lxml.html
import pytest

from rashomon.contract import from_dict, to_dict
from rashomon.web import Store, create_app
from rashomon.web.store import StoreError, fts_query
from tests.test_report_fixtures import HOSTILE_PAYLOAD, build_analysis

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
        "Northwind Wire",
        "Eastgate Today",
    ]
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
    assert (
        client.post("/api/pages", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    )
    assert client.get("/api/pages").json()["total"] == 0


def test_search_covers_pages_sources_actors_and_comments(client):
    client.post("/api/pages", json=_dated("2031-04-02"))

    def kinds(q):
        return {h["kind"] for h in client.get("/api/search", params={"q": q}).json()["hits"]}

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
    assert [(r["published_at"], r["asserted_by"]) for r in fights] == [
        ("2031-04-02", "Northwind Wire"),
        ("2031-05-01", "Northwind Wire"),
    ]
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
    columns = page.xpath("//div[contains(@class,'page-claims')]/section")
    assert len(columns) == 2
    assert columns[1].xpath(".//a/@href")[1].startswith(f"/pages/{b}#claim-")
    if (
        result["engine"] == "compare_pages"
    ):  # the comparison stage's engine is present: the same report, a column a page
        heads = [th.text_content() for th in page.xpath("//table[contains(@class,'facts')]/thead/tr/th")]
        assert heads[1:] == ["The Daily Ledger", "Eastgate Weekly"]
        assert [s.get("id") for s in page.xpath("//main/section")][:2] == ["facts", "sources"]
    assert client.get("/api/compare", params={"ids": [a]}).status_code == 400
    assert client.get("/compare", params={"ids": [a, 999]}).status_code == 404


def test_stored_analysis_round_trips_to_the_model():
    original = build_analysis()
    rebuilt = from_dict(to_dict(original))
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
    assert (
        client.post(
            "/analyze", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"}
        ).status_code
        == 400
    )
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
    assert {
        "/api/analyze",
        "/api/pages",
        "/api/pages/{page_id}",
        "/api/search",
        "/api/actors/{name}",
        "/api/compare",
    } <= set(spec["paths"])
    assert "AnalyzeRequest" in spec["components"]["schemas"]
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_hostile_page_and_query_render_as_text(client):
    page_id = client.post("/api/pages", json=_dated("2031-04-02", hostile=True)).json()["id"]
    for url in (
        f"/pages/{page_id}",
        "/",
        f"/search?q={HOSTILE_PAYLOAD}",
        "/actors",
        f"/compare?ids={page_id}&ids={page_id}",
    ):
        doc = lxml.html.fromstring(client.get(url).text)
        assert len(doc.xpath("//script")) == 1, url
        assert not doc.xpath("//img | //iframe | //a[starts-with(normalize-space(@href),'javascript')]"), url
        assert not [e for e in doc.iter() if any(n.lower().startswith("on") for n in e.attrib)], url


def test_store_query_builder():
    assert fts_query("  ") is None
    assert fts_query('Assad "army" NEAR(x)') == '"Assad"* "army"* "NEAR"* "x"*'
    with pytest.raises(StoreError):
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
    from rashomon.contract import validate

    validate(api["analysis"])
    assert client.get("/api/pages").json()["total"] == 1


# --- cross-site requests, hosts, ids, limits, errors ------------------------------------------------------


def test_another_sites_page_cannot_delete_or_analyze(client):
    page_id = client.post("/api/pages", json=_dated("2032-01-15")).json()["id"]
    foreign = [
        {"Origin": "https://mallory.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://testserver:8080"},
        {"Origin": "https://testserver"},
    ]
    for headers in foreign:
        assert client.post(f"/pages/{page_id}/delete", headers=headers, follow_redirects=False).status_code == 403
        assert client.delete(f"/api/pages/{page_id}", headers=headers).status_code == 403
        refused = client.post("/analyze", data={"text": "A quiet harbour page."}, headers=headers)
        assert refused.status_code == 403 and "another site" in refused.text
        assert client.post("/api/analyze", json={"text": "A quiet harbour page."}, headers=headers).status_code == 403
        assert client.post("/api/pages", json=_dated("2032-01-16"), headers=headers).status_code == 403
    assert client.get("/api/pages").json()["total"] == 1
    assert client.get(f"/pages/{page_id}", headers=foreign[0]).status_code == 200  # reading is not refused
    # the app's pages let the browser send their origin (under no-referrer, a form POST says "Origin: null")
    index = client.get("/")
    assert index.headers["referrer-policy"] == "same-origin"
    assert lxml.html.fromstring(index.text).xpath("//meta[@name='referrer']/@content") == ["same-origin"]
    own = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    deleted = client.post(f"/pages/{page_id}/delete", headers=own, follow_redirects=False)
    assert deleted.status_code == 303 and client.get("/api/pages").json()["total"] == 0


def test_requests_must_name_an_allowed_host(tmp_path):
    client = TestClient(create_app(tmp_path / "h.db", analyze=_unavailable))
    assert client.get("/", headers={"Host": "rebound.example"}).status_code == 400
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "testserver"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host
    lan = TestClient(create_app(tmp_path / "lan.db", analyze=_unavailable, allowed_hosts=["reader.lan"]))
    assert lan.get("/", headers={"Host": "reader.lan:8000"}).status_code == 200
    assert lan.get("/", headers={"Host": "localhost"}).status_code == 400


def test_serve_accepts_the_host_it_listens_on(tmp_path, monkeypatch):
    import uvicorn

    from rashomon.web import serve

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    serve("reader.lan", 8123, tmp_path / "served.db")
    client = TestClient(served["app"])
    assert served["host"] == "reader.lan" and served["port"] == 8123
    assert client.get("/", headers={"Host": "reader.lan:8123"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8123"}).status_code == 200
    assert client.get("/", headers={"Host": "elsewhere.example"}).status_code == 400


def test_actor_names_with_a_slash_have_their_pages(client):
    data = _dated("2032-02-01")
    data["actors"][0]["name"] = "AC/DC Brigade"
    client.post("/api/pages", json=data)
    assert client.get("/api/actors/AC%2FDC%20Brigade").json()["name"] == "AC/DC Brigade"
    assert client.get("/api/actors/AC/DC Brigade").status_code == 200
    listing = lxml.html.fromstring(client.get("/actors").text)
    href = listing.xpath("//a[text()='AC/DC Brigade']/@href")
    assert href == ["/actors/AC%2FDC%20Brigade"]
    actor = client.get(href[0])
    assert actor.status_code == 200 and "AC/DC Brigade" in actor.text
    hits = lxml.html.fromstring(client.get("/search", params={"q": "state_forces"}).text)
    assert "/actors/AC%2FDC%20Brigade" in hits.xpath("//li[contains(@class,'kind-actor')]//a/@href")


def test_page_ids_out_of_range_are_not_found_not_a_crash(tmp_path):
    client = TestClient(create_app(tmp_path / "ids.db", analyze=_unavailable), raise_server_exceptions=False)
    page_id = client.post("/api/pages", json=_dated("2032-03-01")).json()["id"]
    huge = "99999999999999999999999"
    for response in (
        client.get(f"/pages/{huge}"),
        client.get(f"/api/pages/{huge}"),
        client.post(f"/pages/{huge}/delete"),
        client.delete(f"/api/pages/{huge}"),
        client.get(f"/pages/{2**63}"),
        client.get("/api/pages/0"),
        client.get("/compare", params={"ids": [page_id, huge]}),
        client.get("/api/compare", params={"ids": [page_id, 2**63]}),
    ):
        assert response.status_code in (404, 422), (response.request.url, response.status_code)
    assert client.get(f"/api/pages/{page_id}").status_code == 200


def test_compare_takes_at_most_ten_pages(client):
    ids = [client.post("/api/pages", json=_dated(f"2032-04-{day:02d}")).json()["id"] for day in range(1, 12)]
    for path in ("/api/compare", "/compare"):
        refused = client.get(path, params={"ids": ids})
        assert refused.status_code == 400 and "at most 10" in refused.text, path
    assert client.get("/api/compare", params={"ids": ids[:10]}).status_code == 200


def test_an_internal_error_tells_the_client_nothing_of_its_text(tmp_path, caplog):
    def leaky(data, **options):
        raise RuntimeError("secret path /srv/keys/hidden.pem")

    client = TestClient(create_app(tmp_path / "e.db", analyze=leaky), raise_server_exceptions=False)
    with caplog.at_level("ERROR", logger="rashomon.web.app"):
        api = client.post("/api/analyze", json={"text": "A market page."})
        form = client.post("/analyze", data={"text": "A market page."})
    assert api.status_code == 500 and form.status_code == 500
    assert "hidden.pem" not in api.text and "hidden.pem" not in form.text
    assert "not stored" not in api.text
    assert "hidden.pem" in caplog.text  # the details go to the log


def test_nothing_is_stored_when_the_answer_cannot_be_built(tmp_path):
    from rashomon.model import Analysis
    from rashomon.read import read

    def odd(data, **options):  # a stage left a value JSON cannot carry in the framing
        return Analysis(page=read(data, kind="text"), framing={"marker": object()})

    app = create_app(tmp_path / "o.db", analyze=odd)
    store, attempts = app.state.store, []
    add = store.add
    store.add = lambda data: attempts.append(data) or add(data)  # type: ignore[method-assign]
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/analyze", json={"text": "A ferry timetable page."})
    assert response.status_code == 500 and "not stored" not in response.text
    assert attempts == []  # the answer failed before anything was handed to the store
    assert client.get("/api/pages").json()["total"] == 0


def test_an_import_holding_nan_is_refused_and_not_stored(client):
    data = _dated("2032-05-01")
    data["comments"][0]["scores"]["abuse"] = 0.123456
    text = json.dumps(data).replace("0.123456", "NaN")
    response = client.post("/api/pages", content=text.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400 and "NaN" in response.json()["detail"]
    assert client.get("/api/pages").json()["total"] == 0


def test_api_analyze_answers_valid_json_with_its_id(tmp_path):
    from rashomon.model import Analysis
    from rashomon.read import read

    def overflowing(data, **options):
        return Analysis(page=read(data, kind="text"), framing={"ratio": float("inf"), "spread": [float("nan"), 1.5]})

    client = TestClient(create_app(tmp_path / "j.db", analyze=overflowing))
    response = client.post("/api/analyze", json={"text": "A bridge closure page."})
    assert response.status_code == 200, response.text
    body = json.loads(response.text, parse_constant=lambda name: pytest.fail(f"{name} in the answer"))
    assert body["analysis"]["framing"] == {"ratio": None, "spread": [None, 1.5]}
    assert body["report_url"] == f"/pages/{body['id']}"
    assert client.get(body["report_url"]).status_code == 200


def test_search_links_a_comment_to_the_reports_own_anchor(client):
    data = _dated("2032-06-01")
    for comment in data["comments"]:
        for key in ("id", "reply_to", "corrects"):
            if comment.get(key) == "k2":
                comment[key] = "k2.b/7"
    page_id = client.post("/api/pages", json=data).json()["id"]
    page = lxml.html.fromstring(client.get("/search", params={"q": "brigades burn"}).text)
    href = page.xpath("//li[contains(@class,'kind-comment')]//a/@href")[0]
    fragment = href.split("#", 1)[1]
    assert href.startswith(f"/pages/{page_id}#")
    assert lxml.html.fromstring(client.get(f"/pages/{page_id}").text).get_element_by_id(fragment) is not None


def test_one_contract_validator_and_one_palette():
    from rashomon import contract
    from rashomon.report import svg, terminal
    from rashomon.web import app as web_app

    assert contract.validator() is contract.validator()  # built once
    assert contract.validator().schema == contract.shipped_schema()
    assert not hasattr(web_app, "contract_validator")
    assert not hasattr(terminal, "SIDE_STYLES") and terminal.SIDE_COLOURS is svg.SIDE_COLOURS
    assert web_app.SIDE_COLOURS is svg.SIDE_COLOURS


# --- the upload form's fields, deleting, the page policy ----------------------------------------------------


def test_upload_form_takes_publisher_and_date_and_passes_them_to_the_analysis(tmp_path):
    seen = []

    def record(data, **options):
        seen.append(options)
        from rashomon.model import Analysis
        from rashomon.read import read

        return Analysis(page=read(data, kind="text", publisher=options.get("publisher")))

    client = TestClient(create_app(tmp_path / "s.db", analyze=record))
    form = lxml.html.fromstring(client.get("/").text).xpath("//form[@action='/analyze']")[0]
    assert form.xpath(".//input[@name='publisher']") and form.xpath(".//input[@name='published_at' and @type='date']")
    for name in ("publisher", "published_at"):
        field_id = form.xpath(f".//input[@name='{name}']/@id")[0]
        assert form.xpath(f".//label[@for='{field_id}']")  # labelled, for screen readers
    data = {
        "text": "A headline\n\nThe council met on Monday.",
        "publisher": "The Quay Gazette",
        "published_at": "2031-05-06",
    }
    response = client.post("/analyze", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert seen[0]["publisher"] == "The Quay Gazette" and seen[0]["published_at"] == "2031-05-06"
    response = client.post("/analyze", data={"text": "A headline\n\nBody."}, follow_redirects=False)
    assert response.status_code == 303 and "publisher" not in seen[1]  # nothing given: nothing passed


def test_delete_asks_first_and_only_the_confirmation_deletes(client):
    page_id = client.post("/api/pages", json=_dated("2031-04-02")).json()["id"]
    report = lxml.html.fromstring(client.get(f"/pages/{page_id}").text)
    assert not report.xpath("//form[contains(@action,'/delete')]")  # no one-click delete on the report
    assert report.xpath(f"//a[@href='/pages/{page_id}/delete']")
    index = lxml.html.fromstring(client.get("/").text)
    assert not index.xpath("//form[contains(@action,'/delete')]")
    confirm = client.get(f"/pages/{page_id}/delete")
    assert confirm.status_code == 200 and client.get("/api/pages").json()["total"] == 1  # asking deletes nothing
    page = lxml.html.fromstring(confirm.text)
    assert "Siege of Tarnville" in page.text_content()
    assert page.xpath(f"//form[@method='post' and @action='/pages/{page_id}/delete']//button")
    assert client.post(f"/pages/{page_id}/delete", follow_redirects=False).status_code == 303
    assert client.get("/api/pages").json()["total"] == 0


def test_page_policy_in_meta_leaves_frame_ancestors_to_the_header(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    meta = lxml.html.fromstring(response.text).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "frame-ancestors" not in meta and "default-src 'none'" in meta and "form-action 'self'" in meta


def test_reads_are_cached_until_the_store_changes(client):
    store = client.app.state.store
    page_id = client.post("/api/pages", json=_dated("2031-04-02")).json()["id"]
    calls = []
    original_get = store.get
    store.get = lambda page: calls.append(page) or original_get(page)
    first = client.get(f"/pages/{page_id}")
    second = client.get(f"/pages/{page_id}")
    assert first.status_code == second.status_code == 200 and first.text == second.text
    assert calls == [page_id], "the second read of an unchanged store is served from the cache"
    assert second.headers["content-security-policy"] and second.headers["x-frame-options"] == "DENY"
    missing = client.get(f"/api/pages/{page_id + 1}")
    assert missing.status_code == 404
    assert client.get("/api/pages").json()["total"] == 1
    added = client.post("/api/pages", json=_dated("2031-04-03")).json()["id"]
    assert added == page_id + 1
    assert client.get(f"/api/pages/{added}").status_code == 200, "a 404 is not kept, and a write clears the cache"
    assert client.get("/api/pages").json()["total"] == 2
    client.post(f"/pages/{page_id}/delete")
    assert client.get(f"/pages/{page_id}").status_code == 404
    assert client.get("/api/pages").json()["total"] == 1


def test_concurrent_misses_of_one_read_compute_it_once():
    import asyncio

    from rashomon.web.cache import ReadCache

    calls = []

    async def slow_app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.05)
        status = 200 if scope["path"] != "/broken" else 500
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": scope["path"].encode()})

    cache = ReadCache(slow_app, generation=lambda path: 0, one_page=lambda path: False)

    async def get(path):
        sent = []

        async def send(message):
            sent.append(message)

        await cache({"type": "http", "method": "GET", "path": path, "query_string": b""}, None, send)
        return sent[0]["status"], sent[1]["body"]

    async def main():
        return await asyncio.gather(*[get("/pages/1") for _ in range(10)], *[get("/broken") for _ in range(3)])

    answers = asyncio.run(main())
    assert answers[:10] == [(200, b"/pages/1")] * 10
    assert answers[10:] == [(500, b"/broken")] * 3
    assert calls.count("/pages/1") == 1, "ten concurrent reads of one page rendered it once"
    assert calls.count("/broken") == 3, "an error is never shared or kept"


def test_templates_are_compiled_before_the_first_request(tmp_path):
    """A cold first report took ~0.3 s, and every read that came meanwhile queued behind it."""
    app = create_app(tmp_path / "s.db", analyze=_unavailable)
    templates = app.state.templates
    templates.cache.clear()  # the template set is one per process: forget what earlier apps compiled
    with TestClient(app) as started:
        compiled = {name for _, name in templates.cache.keys()}
        assert {"web_page.html.j2", "web_index.html.j2", "web_search.html.j2"} <= compiled
        assert started.get("/").status_code == 200
