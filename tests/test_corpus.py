"""The corpus reader streams pages from folders, globs, JSONL and WARC, with stable ids and error records."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from rashomon.errors import InputError
from rashomon.read.corpus import Record, expand_inputs, iter_records, record_id

PAGE = "Ferry service resumes in Lorvik\n\nThe harbour office of Lorvik said the ferry would sail again on Friday.\n"


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], gzip_records: bool = True) -> None:
    """Write a WARC of (url, content type, body) responses, plus a request record and a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_records)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "lorvik-herald.invalid")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://lorvik-herald.invalid/", "request", payload=io.BytesIO(b""), length=0, http_headers=request
            )
        )
        redirect = StatusAndHeaders("301 Moved", [("Location", "https://lorvik-herald.invalid/a")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://lorvik-herald.invalid/old",
                "response",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=redirect,
            )
        )
        for url, media_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", media_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
                )
            )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    (root / "2026" / "03").mkdir(parents=True)
    (root / "a.txt").write_text(PAGE)
    (root / "b.html").write_text("<html><body><h1>Dam repairs</h1><p>Engineers said the dam held.</p></body></html>")
    (root / "2026" / "03" / "c.htm").write_text("<html><body><p>The mill reopened.</p></body></html>")
    (root / ".hidden.txt").write_text(PAGE)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return root


def test_folder_is_walked_in_stable_order_and_unknown_files_become_error_records(folder: Path):
    records = list(iter_records([folder]))
    names = [Path(r.origin).name for r in records]
    assert names == ["a.txt", "b.html", "logo.png", "c.htm"]  # a folder's own files, sorted, then its sub-folders
    assert ".hidden.txt" not in names
    ok = {Path(r.origin).name: r for r in records if r.ok}
    assert set(ok) == {"a.txt", "b.html", "c.htm"}
    assert all(r.content is None for r in ok.values())  # page files are read by the worker, not the streamer
    logo = next(r for r in records if not r.ok)
    assert "unsupported file type '.png'" in logo.error


def test_ids_are_stable_unique_and_independent_of_how_the_path_is_written(folder: Path, monkeypatch):
    first = [r.id for r in iter_records([folder])]
    monkeypatch.chdir(folder.parent)
    second = [r.id for r in iter_records(["pages"])]
    third = [r.id for r in iter_records([str(folder / "**" / "*.*")])]
    assert first == second
    assert sorted(third) == sorted(first)
    assert len(set(first)) == len(first)
    assert first[0] == record_id(str((folder / "a.txt").resolve()), 0)


def test_an_input_named_twice_is_streamed_once(folder: Path):
    records = list(iter_records([folder, folder / "a.txt"]))
    assert len(records) == 4


def test_missing_inputs_fail_before_anything_runs(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        expand_inputs([tmp_path / "nowhere"])
    with pytest.raises(InputError, match="matches no file"):
        expand_inputs([str(tmp_path / "*.jsonl")])


def test_jsonl_records_carry_url_date_content_and_bad_lines_become_error_records(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"url": "https://lorvik-herald.invalid/ferry", "published_at": "2026-03-02", "text": PAGE}),
        "",
        "{this is not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://lorvik-herald.invalid/empty"}),
        json.dumps({"html": "<html><body><p>Bridge closed for repairs.</p></body></html>"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    records = list(iter_records([path]))
    assert len(records) == 5  # the blank line is no record
    first, not_json, not_object, no_content, html = records
    assert first.ok and first.url.endswith("/ferry") and first.published_at == "2026-03-02"
    assert first.content == PAGE and first.kind == "text" and first.offset == 0
    assert first.id == record_id(str(path.resolve()), 0)  # the file and the offset, never the URL
    assert "not JSON" in not_json.error and not_json.offset == len(lines[0]) + 2
    assert "not an object" in not_object.error
    assert "no 'html' or 'text'" in no_content.error
    assert html.ok and html.kind == "html" and html.url is None
    assert html.id == record_id(str(path.resolve()), html.offset)


def test_a_jsonl_line_over_the_size_limit_is_an_error_and_the_next_line_is_still_read(tmp_path: Path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": PAGE}) + "\n")
    records = list(iter_records([path], max_bytes=1000))
    assert [r.ok for r in records] == [False, True]
    assert "over the page limit" in records[0].error
    assert records[1].content == PAGE and records[1].offset > 5000


def test_a_truncated_gzip_gives_the_records_before_the_break_and_one_error(tmp_path: Path):
    full = tmp_path / "full.jsonl.gz"
    with gzip.open(full, "wt") as handle:
        for number in range(200):
            handle.write(json.dumps({"url": f"https://lorvik-herald.invalid/{number}", "text": PAGE * 3}) + "\n")
    truncated = tmp_path / "cut.jsonl.gz"
    data = full.read_bytes()
    truncated.write_bytes(data[: len(data) * 2 // 3])
    records = list(iter_records([truncated]))
    assert records[-1].error and "breaks off" in records[-1].error
    good = records[:-1]
    assert good and all(r.ok for r in good) and len(good) < 200
    assert [r.url for r in good] == [f"https://lorvik-herald.invalid/{n}" for n in range(len(good))]


def test_warc_pages_are_html_and_text_responses_only(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            (
                "https://lorvik-herald.invalid/a",
                "text/html; charset=utf-8",
                b"<html><body><p>Dam repaired.</p></body></html>",
            ),
            ("https://lorvik-herald.invalid/logo.png", "image/png", b"\x89PNG" + bytes(50)),
            ("https://lorvik-herald.invalid/b.txt", "text/plain", PAGE.encode()),
        ],
    )
    records = list(iter_records([path]))
    assert [r.url for r in records] == ["https://lorvik-herald.invalid/a", "https://lorvik-herald.invalid/b.txt"]
    assert all(r.ok for r in records)
    assert records[0].content.startswith(b"<html>") and records[0].kind == "html"
    assert records[1].content == PAGE.encode() and records[1].kind == "text"
    assert records[0].offset < records[1].offset
    assert records[0].id == record_id(str(path.resolve()), records[0].offset)
    assert [r.id for r in iter_records([path])] == [r.id for r in records]


@pytest.mark.parametrize("damage", ["truncate", "garble"])
def test_a_damaged_warc_gives_one_error_record_and_the_stream_goes_on(tmp_path: Path, damage: str):
    good = tmp_path / "good.warc.gz"
    write_warc(
        good,
        [
            (f"https://lorvik-herald.invalid/{n}", "text/html", f"<p>Page {n} of the crawl.</p>".encode())
            for n in range(4)
        ],
    )
    data = good.read_bytes()
    bad = tmp_path / "bad.warc.gz"
    if damage == "truncate":
        bad.write_bytes(data[:-40])
    else:
        middle = len(data) // 2
        bad.write_bytes(data[:middle] + b"\x00garbled bytes\xff" * 8 + data[middle + 40 :])
    after = tmp_path / "z.txt"
    after.write_text(PAGE)
    records = list(iter_records([bad, after]))
    errors = [r for r in records if not r.ok]
    assert len(errors) == 1
    assert "WARC" in errors[0].error or "breaks off" in errors[0].error
    assert records[-1].ok and records[-1].origin == str(after.resolve())  # the next input is still read
    assert 0 < sum(r.ok and r.url is not None for r in records) < 4


def test_a_file_over_the_size_limit_is_an_error_record_without_being_read(tmp_path: Path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(5000)
    (record,) = iter_records([big], max_bytes=1000)
    assert isinstance(record, Record) and "over the limit" in record.error


def test_streaming_is_lazy(tmp_path: Path):
    path = tmp_path / "stream.jsonl"
    path.write_text(json.dumps({"text": PAGE}) + "\n")
    stream = iter_records([path])
    first = next(stream)
    with open(path, "a") as handle:  # a line appended after the first was read is still seen: no read-ahead
        handle.write(json.dumps({"text": PAGE + " more"}) + "\n")
    rest = list(stream)
    assert first.ok and len(rest) == 1 and rest[0].content.endswith("more")
    assert os.path.getsize(path) > 0


def test_a_record_id_is_its_file_and_offset_whatever_its_url(tmp_path: Path):
    line = json.dumps({"url": "https://brackwater-times.invalid/flood", "text": PAGE}) + "\n"
    (tmp_path / "one.jsonl").write_text(line)
    (tmp_path / "two.jsonl").write_text(line + line)  # the same URL at offset 0 here too, and again further on
    one, two_first, two_second = iter_records([tmp_path / "one.jsonl", tmp_path / "two.jsonl"])
    assert one.offset == two_first.offset == 0 and one.url == two_first.url == two_second.url
    assert len({one.id, two_first.id, two_second.id}) == 3  # same URL and offset in two files: two records
    assert two_second.id == record_id(str((tmp_path / "two.jsonl").resolve()), len(line.encode()))


def test_the_error_record_of_a_damaged_warc_never_takes_the_id_of_a_page(tmp_path: Path):
    good = tmp_path / "good.warc.gz"
    write_warc(
        good,
        [(f"https://brackwater-times.invalid/{n}", "text/html", f"<p>Tide table {n}.</p>".encode()) for n in range(3)],
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[:-200])  # into the body of the last page
    records = list(iter_records([cut]))
    pages, errors = [r for r in records if r.ok], [r for r in records if not r.ok]
    assert pages and len(errors) == 1
    assert len({r.id for r in records}) == len(records)
    assert errors[0].offset > max(p.offset for p in pages)


def test_a_lone_surrogate_in_a_jsonl_url_or_date_becomes_a_replacement_character(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    path.write_text(
        json.dumps({"url": "https://brackwater-times.invalid/\ud800", "published_at": "2026-\udc00", "text": PAGE})
        + "\n"
    )
    (record,) = iter_records([path])
    assert record.url == "https://brackwater-times.invalid/?" and record.published_at == "2026-?"
    record.url.encode("utf-8")


def test_a_record_made_up_by_garbled_bytes_is_an_error_not_a_silent_skip(tmp_path: Path):
    # A damaged gzip member can still inflate into something warcio parses as a record, with a garbage target
    # URI; treated as "not a page", it used to swallow the pages after it without a word.
    path = tmp_path / "garbled.warc"
    write_warc(
        path,
        [
            ("https://lorvik-herald.invalid/1", "text/html", b"<p>Page one of the crawl.</p>"),
            ("https://lorvik-herald.invalid/2", "text/html", b"<p>Page two of the crawl.</p>"),
        ],
        gzip_records=False,
    )
    data = path.read_bytes()
    path.write_bytes(
        data.replace(
            b"WARC-Target-URI: https://lorvik-herald.invalid/2", b"WARC-Target-URI: \x1f\x8b\x08\x00]PM-CM-n-garbage"
        )
    )
    records = list(iter_records([path]))
    assert [r.url for r in records if r.ok] == ["https://lorvik-herald.invalid/1"]
    errors = [r for r in records if not r.ok]
    assert len(errors) == 1 and "garbled header" in errors[0].error
