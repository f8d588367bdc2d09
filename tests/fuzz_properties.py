"""Properties every hostile input must keep (issue #20), shared by the test suite and ``scripts/fuzz.py``.

Each ``check_*`` function takes one generated input and asserts what must hold for it: no exception but the
documented ones (``InputError`` for what is not a page), no control character where page text lands, every
offset inside the text, every record of a corpus read or reported. The strategies build hostile input of each
kind: raw bytes, HTML made of the pieces that broke the readers (media roots, numeric references without
``;``, declared codecs, deep nesting, many attributes), text dumps with comment headers, JSONL and WARC bytes.
``tests/test_fuzz.py`` runs them with a bounded number of examples; ``make fuzz`` runs them long.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from rashomon.errors import InputError
from rashomon.model import Block, Comment, Page
from rashomon.read import decode, read
from rashomon.read.corpus import iter_jsonl, iter_warc
from rashomon.report.terminal import TERMINAL_UNSAFE

#: Control characters that must never land in page text (the reader's promise): C0 but tab, newline, form feed.
C0 = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")

# --- strategies --------------------------------------------------------------------------------------------
TAGS = [
    "p",
    "div",
    "article",
    "section",
    "span",
    "b",
    "script",
    "style",
    "video",
    "audio",
    "embed",
    "object",
    "picture",
    "iframe",
    "frame",
    "svg",
    "math",
    "html",
    "head",
    "body",
    "title",
    "meta",
    "ol",
    "ul",
    "li",
    "time",
    "cite",
    "table",
    "tr",
    "td",
    "br",
    "noscript",
    "template",
    "form",
    "h1",
    "a",
]
COMMENT_CLASSES = [
    "comment",
    "comment-content",
    "comment-author vcard",
    "fn",
    "commentlist",
    "children",
    "comment-body",
    "reply",
    "says",
    "comments-area",
    "sidebar",
]
CHARSETS = [
    "utf-8",
    "latin-1",
    "base64",
    "rot13",
    "hex",
    "zlib",
    "idna",
    "undefined",
    "uu",
    "bogus",
    "utf-16",
    "cp1252",
    "shift_jis",
    "punycode",
    "bz2",
    "quopri",
    "utf-7",
]
REFERENCES = [
    "&#8",
    "&#27[41m",
    "&#x1b]0;t&#7",
    "&#155;",
    "&#150;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&#13",
    "&amp",
    "&lt;",
    "&#x202e;",
    "&#65",
    "&nbsp",
    "&#",
    "&#x",
    "&#99999999999999999999;",
]
WORDS = [
    "said",
    "says",
    "told",
    "the",
    "ministry",
    "he",
    "she",
    "“",
    "”",
    '"',
    "according",
    "to",
    "Reuters",
    "40",
    "1,519",
    "percent",
    "of",
    "people",
    "killed",
    "rebels",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "* * *",
    "wrote:",
    "says:",
    "•",
    "→",
    "3 hours ago",
    "(not verified)",
    "'s picture",
    "Mar 3, 2024 11:05 PM",
    "\u202e",
    "\u009b",
    "\ufffd",
    "<p>",
    "<div",
]

text_noise = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=40)
words = st.lists(st.sampled_from(WORDS) | text_noise, max_size=60).map(" ".join)


@st.composite
def html_fragment(draw, depth: int = 0):
    kind = draw(st.integers(0, 9))
    if kind <= 2 or depth > 6:
        return draw(words | st.sampled_from(REFERENCES))
    if kind == 3:
        return draw(st.sampled_from(REFERENCES))
    if kind == 4:
        return f'<meta charset="{draw(st.sampled_from(CHARSETS))}">'
    if kind == 5:
        return draw(
            st.sampled_from(
                [
                    "</html>",
                    "<html>",
                    "<!--",
                    "-->",
                    "<![CDATA[",
                    "]]>",
                    "<?xml?>",
                    "<!doctype html>",
                    "</body>",
                    "<",
                    ">",
                    "</",
                    "/>",
                    "&",
                ]
            )
        )
    tag = draw(st.sampled_from(TAGS))
    attributes = []
    if draw(st.booleans()):
        attributes.append(f'class="{draw(st.sampled_from(COMMENT_CLASSES))}"')
    if draw(st.integers(0, 20)) == 0:
        attributes.extend(f"a{n}=x" for n in range(draw(st.integers(0, 3000))))
    if draw(st.booleans()):
        attributes.append(f'title="{draw(words)}"'.replace('"', "'", 0))
    inner = "".join(draw(st.lists(html_fragment(depth + 1), max_size=4)))
    close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
    return f"<{tag}{' ' if attributes else ''}{' '.join(attributes)}>{inner}{close}"


html_documents = st.lists(html_fragment(), min_size=1, max_size=8).map("".join) | st.builds(
    lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
    st.lists(html_fragment(), max_size=3).map("".join),
    st.lists(html_fragment(), max_size=8).map("".join),
)


@st.composite
def text_dumps(draw):
    lines = [draw(words)]
    for _ in range(draw(st.integers(0, 12))):
        style = draw(st.integers(0, 5))
        name = draw(st.sampled_from(["ada_k", "Bo Renner", "cleo", "x", "\u202eevil", "Ev\u009bil"]))
        lines.append(
            {
                0: f"{name} says:",
                1: f"{name} wrote:",
                2: f"{name} • 3 hours ago",
                3: f"{name}'s picture",
                4: f"{name} (not verified) Apr 3, 2024 11:05 PM",
            }.get(style, draw(words))
        )
        lines.append(draw(words))
    return "\n\n".join(lines)


def _encode(text: str, how: int) -> bytes:
    if how == 0:
        return text.encode("utf-8", "surrogatepass")
    if how == 1:
        return text.encode("utf-16")
    return text.encode("latin-1", "replace")


page_bytes = (
    st.binary(max_size=3000)
    | st.builds(_encode, html_documents, st.integers(0, 2))
    | st.builds(_encode, text_dumps(), st.integers(0, 2))
)


# --- checks ------------------------------------------------------------------------------------------------
def check_page(page: Page) -> None:
    assert not C0.search(page.text), "a control character reached the page text"
    for block in page.blocks:
        assert 0 <= block.start <= block.end <= len(page.text) and page.text[block.start : block.end] == block.text
    for comment in page.comments:
        assert 0 <= comment.start <= comment.end <= len(page.text)
        assert not C0.search(comment.author or "") and not C0.search(comment.text)


def check_read(data: bytes, kind: str = "auto") -> None:
    """Any bytes: a page whose text and offsets are sound, or one ``InputError`` line."""
    try:
        page = read(data, kind=kind)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    check_page(page)


def check_decode(data: bytes, html: bool) -> None:
    text, warnings = decode(data, html=html)
    assert isinstance(text, str) and not C0.search(text)
    assert all(w.code for w in warnings)


def check_jsonl(data: bytes, gzipped: bool) -> None:
    """Any bytes as a JSONL file: records in offset order, each either a page or a reason, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("feed.jsonl.gz" if gzipped else "feed.jsonl")
        path.write_bytes(gzip.compress(data) if gzipped else data)
        records = list(iter_jsonl(path, max_bytes=2000))
    offsets = [r.offset for r in records]
    assert offsets == sorted(offsets) and len(set(r.id for r in records)) == len(records)
    for record in records:
        assert record.ok == (record.error is None) and (record.content is not None or not record.ok)
    expected = sum(1 for line in data.splitlines() if line.strip())
    assert len(records) <= expected + 1


def check_warc(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc"
        path.write_bytes(data)
        records = list(iter_warc(path, max_bytes=5000))
    assert len(set(r.id for r in records)) == len(records)


def jsonl_bytes():
    line = st.one_of(
        st.builds(lambda t: json.dumps({"text": t}), text_dumps()),
        st.builds(lambda t: json.dumps({"html": t, "url": "https://x.invalid/\ud800"}), html_documents),
        st.integers(0, 3000).map(lambda n: "[" * n + "]" * n),
        st.integers(0, 3000).map(lambda n: "\n" * n),
        st.sampled_from(["{oops", "null", "[]", '{"text": 5}', '{"html": null, "text": "x"}', " \t ", "\r"]),
        st.text(max_size=50),
    )
    return st.lists(line, max_size=12).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


def hostile_page(strings: list[str]) -> Page:
    """A page whose title, text, comment authors and comments are the given (hostile) strings."""
    title, *rest = strings or ["t"]
    parts, position, comments = [title], len(title), []
    for n, value in enumerate(rest, start=1):
        start = position + 2
        parts.append(value)
        position = start + len(value)
        comments.append(
            Comment(
                id=f"c{n}",
                author=value[:30] or None,
                text=value,
                start=start,
                end=position,
                reply_to=f"c{n - 1}" if n > 1 and n % 3 else None,
            )
        )
    return Page(
        text="\n\n".join(parts),
        title=title,
        blocks=[Block("b0", "headline", 0, len(title), title)],
        comments=comments,
        url="javascript:alert(1)",
    )


def check_renderers(strings: list[str]) -> None:
    """Page text through every format: HTML never opens a tag or a URL scheme from it; terminal and Markdown
    output carry no control character or bidi override; JSON round-trips."""
    from rashomon.console import for_terminal
    from rashomon.pipeline import analyze
    from rashomon.report import render

    analysis = analyze(hostile_page(strings), stage_names=())
    html = render(analysis, "html")
    assert "<script>alert" not in html and 'href="javascript:' not in html.lower()
    for fmt in ("text", "md"):
        shown = for_terminal(render(analysis, fmt), fmt)
        assert not [c for c in TERMINAL_UNSAFE.findall(shown) if c not in "\n\t"]
    data = json.loads(for_terminal(render(analysis, "json"), "json"))
    assert data["page"]["text"] == analysis.page.text


def check_fts_query(text: str) -> None:
    import sqlite3

    from rashomon.web.store import fts_query

    query = fts_query(text)
    if query is None:
        return
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    con.execute("INSERT INTO t VALUES ('the quay reopens')")
    con.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def check_analyze(data: bytes) -> None:
    """The whole pipeline: a result with no failed stage, or one InputError line."""
    from rashomon.pipeline import analyze

    try:
        analysis = analyze(data)
    except InputError:
        return
    check_page(analysis.page)
    assert not [w for w in analysis.warnings if w.code == "stage_failed"], analysis.warnings


hostile_strings = st.lists(
    st.text(max_size=60)
    | st.sampled_from(
        [
            "<script>alert(1)</script>",
            "\x1b[41mred\x1b[0m",
            "\u009b31m",
            "\u202eevil\u202c",
            "[bold red]x[/]",
            "javascript:alert(1)",
            "](javascript:x)",
            "<!--",
            "&lt;",
            "\x07",
            "\r\n",
            "*_`#|",
        ]
    ),
    min_size=1,
    max_size=8,
)


# --- the web app: no request a client can send gets a 5xx --------------------------------------------------
_WEB: dict = {}


def web_client():
    """One app over a temporary store, analysing with the reader only (the stages are fuzzed elsewhere)."""
    if "client" not in _WEB:
        import warnings

        from rashomon.pipeline import analyze
        from rashomon.web import create_app

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        folder = tempfile.mkdtemp(prefix="rashomon-fuzz-web-")
        app = create_app(
            Path(folder) / "fuzz.db", analyze=lambda data, **kw: analyze(data, stage_names=(), **kw), analyze_timeout=30
        )
        _WEB["client"] = TestClient(app, raise_server_exceptions=False)
        _WEB["client"].post("/api/analyze", json={"text": "Quay\n\nThe harbour office said the quay reopens."})
    return _WEB["client"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
#: What a client can put in a URL (a lone surrogate cannot be encoded; its bytes can: "%ED%A0%80").
query_values = (
    st.integers().map(str)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
    | st.sampled_from(["9223372036854775808", "-1", "0", "1e9", "%ED%A0%80", "%FF", "NaN", "", "1" * 40])
)
WEB_PATHS = [
    "/api/pages",
    "/api/pages/{v}",
    "/api/search",
    "/api/actors/{v}",
    "/api/compare",
    "/pages/{v}",
    "/search",
    "/actors/{v}",
    "/compare",
    "/",
    "/api/analyze",
    "/analyze",
    "/pages/{v}/delete",
]


@st.composite
def web_requests(draw):
    from urllib.parse import quote

    path = draw(st.sampled_from(WEB_PATHS)).replace("{v}", quote(draw(query_values), safe="%") or "x")
    method = draw(st.sampled_from(["GET", "POST", "DELETE"]))
    params = draw(st.lists(st.tuples(st.sampled_from(["q", "ids", "limit", "offset", "x"]), query_values), max_size=4))
    body = draw(
        st.none()
        | json_values.map(lambda v: json.dumps(v).encode())
        | st.binary(max_size=300)
        | st.builds(
            lambda t, k: json.dumps({"text": t, "kind": k}).encode("utf-8", "surrogatepass"),
            st.text(max_size=200) | text_dumps(),
            st.sampled_from(["auto", "html", "text", "x"]),
        )
    )
    content_type = draw(
        st.sampled_from(
            ["application/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain"]
        )
    )
    return method, path, params, body, content_type


def check_web_request(request) -> None:
    method, path, params, body, content_type = request
    response = web_client().request(method, path, params=params, content=body, headers={"content-type": content_type})
    assert response.status_code < 500, (response.status_code, response.text[:300])
