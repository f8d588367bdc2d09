"""Hypothesis properties for every reader, the decoder, every renderer, the FTS query builder and the corpus
readers (issue #20), with a bounded number of examples; ``make fuzz`` runs the same checks long."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzz_properties as props

BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@BOUNDED
@given(props.page_bytes, st.sampled_from(["auto", "text", "html"]))
def test_read_takes_any_bytes(data, kind):
    props.check_read(data, kind)


@BOUNDED
@given(props.html_documents)
def test_read_takes_hostile_html(html):
    props.check_read(html.encode("utf-8", "surrogatepass"), "html")


@BOUNDED
@given(props.text_dumps())
def test_read_takes_hostile_dumps(text):
    props.check_read(text.encode("utf-8", "surrogatepass"), "text")


@BOUNDED
@given(st.binary(max_size=2000) | props.page_bytes, st.booleans())
def test_decode_takes_any_bytes(data, html):
    props.check_decode(data, html)


@BOUNDED
@given(props.jsonl_bytes() | st.binary(max_size=2000), st.booleans())
def test_jsonl_reader_takes_any_bytes(data, gzipped):
    props.check_jsonl(data, gzipped)


@BOUNDED
@given(
    st.binary(max_size=2000) | st.builds(lambda b: b"WARC/1.0\r\nWARC-Type: response\r\n" + b, st.binary(max_size=500))
)
def test_warc_reader_takes_any_bytes(data):
    props.check_warc(data)


@BOUNDED
@given(props.hostile_strings)
def test_renderers_keep_page_text_inert(strings):
    props.check_renderers(strings)


@BOUNDED
@given(st.text(max_size=80))
def test_fts_query_builder_gives_valid_fts5(text):
    props.check_fts_query(text)


@BOUNDED
@given(props.web_requests())
def test_no_request_gets_a_server_error(request):
    props.check_web_request(request)
