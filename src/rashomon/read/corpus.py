"""Stream the pages of a corpus: folders of page files, globs, JSONL files, WARC archives, and URLs (given as
inputs, or one a line in ``.urls`` files; each is fetched by the worker that analyses it).

A corpus is never read whole into memory: files are walked lazily, JSONL is read line by line, WARC records
one at a time. Each page becomes a :class:`Record` with a stable id, so a batch that is resumed recognises
what it has done. The one rule for every record: id = hash(the resolved path of its file, the record's byte
offset in that file) (0 for a page file, the line's offset in a JSONL file, the record's offset in a WARC).
An id names a place in the corpus, never a page's URL: two records never share an id unless they are the same
record of the same file, and the same URL in two files (or twice in one) gives two pages, each written; the URL
is kept in the ``url`` column, to group or deduplicate by in a query. A URL given as an input is its own place:
its id is hash(the URL, 0).

A record that cannot be read (a line that is not JSON, a corrupt WARC record, a truncated gzip, a page over
the size limit, a file that is not a page) becomes a record whose ``error`` says why, never an exception that
stops the stream: the batch writes it as an error row and goes on. Only input that does not exist at all
(a missing path, a glob that matches nothing) raises :class:`~rashomon.errors.InputError`, before anything runs.
"""

from __future__ import annotations

import glob as globlib
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from ..errors import InputError
from ..model import PAGE_SUFFIXES
from .fetch import check_url, is_url

# --- settings (corpus reading) ------------------------------------------------------------------------
#: Files read as one page each: ``rashomon.model.PAGE_SUFFIXES`` (the same list ``analyze`` reads).
#: Files read as one page per line (JSON objects with ``html`` or ``text``, optional ``url``, ``published_at``).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Web archives; only HTTP 200 ``response`` records and ``resource`` records of these media types are pages.
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
WARC_PAGE_MEDIA_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
#: Bytes read after the last WARC record to tell the end of the file from data warcio could not read.
WARC_TAIL_CHECK_BYTES = 4096
#: Bytes of digest in a record id (16 hex characters: no collision in any corpus of realistic size).
ID_DIGEST_SIZE = 8
#: Characters that make an input argument a glob pattern rather than a path.
GLOB_CHARACTERS = "*?["
#: Files of URLs, one a line (blank lines and lines starting with ``#`` skipped): each URL is a page to fetch.
URL_LIST_SUFFIXES = (".urls",)
#: A line of a URL list longer than this is an error record, not a URL.
MAX_URL_BYTES = 8192


#: Bytes read from a JSONL stream at a time (at most: ``read1``, so a truncated gzip still gives what it holds);
#: runs of blank lines are skipped a chunk at a time, not a line.
JSONL_CHUNK_BYTES = 1 << 20
BLANK_RUN = re.compile(rb"[ \t\r\n\x0b\x0c]*")


@dataclass(slots=True)
class Record:
    """One page of a corpus, or the reason it could not be read.

    ``content`` is the page itself (``str`` from JSONL, ``bytes`` from WARC) or ``None`` when the page is a
    file of its own: then ``origin`` is read by the worker that analyses it, not by the process that streams.
    """

    id: str
    origin: str
    offset: int = 0
    url: str | None = None
    published_at: str | None = None
    content: str | bytes | None = None
    error: str | None = None
    #: How the reader should take ``content``: ``html``, ``text`` or ``auto`` (recognised by its markup); ``url``:
    #: no content, the page is fetched from ``url`` by the worker.
    kind: str = "auto"

    @property
    def ok(self) -> bool:
        return self.error is None


def record_id(origin: str, offset: int) -> str:
    """Stable id of the record at byte ``offset`` of the file ``origin`` (its resolved path): see the module doc."""
    digest = hashlib.blake2b(f"{origin}\x1f{offset}".encode("utf-8", "surrogatepass"), digest_size=ID_DIGEST_SIZE)
    return digest.hexdigest()


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in suffixes)


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> list[Path | str]:
    """The files named by ``inputs`` (files, folders walked recursively, globs), sorted, each once; a URL among
    them is kept as it is (a ``str``), once.

    Raises :class:`InputError` for an input that names nothing, or a URL that is not http(s), so a typo fails
    before the batch starts.
    """
    files: list[Path | str] = []
    seen: set[Path | str] = set()
    for item in inputs:
        text = os.fspath(item)
        if is_url(text):
            url = check_url(text)
            if url not in seen:
                seen.add(url)
                files.append(url)
            continue
        path = Path(text)
        if path.exists():
            candidates = _walk(path) if path.is_dir() else [path]
        elif any(ch in text for ch in GLOB_CHARACTERS):
            matches = sorted(globlib.glob(text, recursive=True))
            if not matches:
                raise InputError(f"the pattern {text!r} matches no file")
            candidates = [f for m in matches for f in (_walk(Path(m)) if Path(m).is_dir() else [Path(m)])]
        else:
            raise InputError(f"no such file or folder: {text}")
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(resolved)
    return files


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(names) if not name.startswith("."))
    return found


def iter_records(inputs: Iterable[str | os.PathLike], *, max_bytes: int | None = None) -> Iterator[Record]:
    """Every page of ``inputs``, in a stable order, as :class:`Record`; unreadable ones carry an ``error``."""
    limit = settings.MAX_PAGE_BYTES if max_bytes is None else max_bytes
    for path in expand_inputs(inputs):
        yield from iter_file(path, max_bytes=limit)


def iter_file(path: Path | str, *, max_bytes: int | None = None) -> Iterator[Record]:
    """The records of one file, dispatched on its suffix; a URL (``str``) is one record to fetch."""
    limit = settings.MAX_PAGE_BYTES if max_bytes is None else max_bytes
    if isinstance(path, str) and is_url(path):
        yield Record(record_id(path, 0), path, url=path, kind="url")
        return
    path = Path(path)
    if _has_suffix(path, URL_LIST_SUFFIXES):
        yield from iter_url_list(path)
    elif _has_suffix(path, JSONL_SUFFIXES):
        yield from iter_jsonl(path, max_bytes=limit)
    elif _has_suffix(path, WARC_SUFFIXES):
        yield from iter_warc(path, max_bytes=limit)
    else:
        yield _page_file_record(path, limit)


def _page_file_record(path: Path, limit: int) -> Record:
    origin = str(path)
    record = Record(id=record_id(origin, 0), origin=origin)
    suffix = path.suffix.lower()
    if suffix and suffix not in PAGE_SUFFIXES:
        record.error = f"unsupported file type {suffix!r}: not read as a page"
        return record
    try:
        size = path.stat().st_size
    except OSError as err:
        record.error = f"cannot read the file ({err.strerror or err})"
        return record
    if size > limit:
        record.error = f"the page is {size:,} bytes, over the limit of {limit:,}"
    return record


def iter_url_list(path: Path) -> Iterator[Record]:
    """One record per URL line of a ``.urls`` file; a line that is no http(s) URL is an error record."""
    origin = str(path)
    offset = 0
    try:
        with _open_binary(path) as stream:
            while True:
                line = stream.readline(MAX_URL_BYTES + 1)
                if not line:
                    return
                start, offset = offset, offset + len(line)
                if len(line) > MAX_URL_BYTES and not line.endswith(b"\n"):
                    yield Record(record_id(origin, start), origin, start, error=f"a line over {MAX_URL_BYTES:,} bytes")
                    while line and not line.endswith(b"\n"):  # skip the rest of the line
                        line = stream.readline(JSONL_CHUNK_BYTES)
                        offset += len(line)
                    continue
                text = line.decode("utf-8", errors="replace").strip()
                if not text or text.startswith("#"):
                    continue
                record = Record(record_id(origin, start), origin, start, url=text, kind="url")
                try:
                    record.url = check_url(text)
                except InputError as err:
                    record.error = str(err)
                yield record
    except (OSError, EOFError, zlib.error) as err:
        yield Record(
            record_id(origin, offset),
            origin,
            offset,
            error=f"the file breaks off after byte {offset:,} ({_describe(err)}); the rest is not read",
        )


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def iter_jsonl(path: Path, *, max_bytes: int | None = None) -> Iterator[Record]:
    """One record per non-blank line; ``offset`` is the line's byte offset in the (decompressed) file.

    The file is read in chunks: a run of blank lines (200 MB of newlines in a small gzip) costs one regular
    expression pass per chunk, not one read per line.
    """
    limit = settings.MAX_PAGE_BYTES if max_bytes is None else max_bytes
    origin = str(path)
    start = 0  # the file offset where the next line starts
    try:
        with _open_binary(path) as stream:
            buffer, base, pos, eof = b"", 0, 0, False  # base: the file offset of buffer[0]
            while True:
                blank = BLANK_RUN.match(buffer, pos)  # always matches (maybe empty)
                blank_end = blank.end() if blank else pos
                newline = buffer.rfind(b"\n", pos, blank_end)
                if newline >= 0:
                    start = base + newline + 1
                pos = blank_end
                if pos == len(buffer):  # blank to the end of what was read
                    if eof:
                        return
                    base, buffer, pos = base + len(buffer), stream.read1(JSONL_CHUNK_BYTES), 0
                    eof = not buffer
                    continue
                end = buffer.find(b"\n", pos)
                while end < 0 and not eof and base + len(buffer) - start <= limit:
                    base, buffer, pos = base + pos, buffer[pos:], 0
                    searched = len(buffer)
                    chunk = stream.read1(JSONL_CHUNK_BYTES)
                    eof = not chunk
                    buffer += chunk
                    end = buffer.find(b"\n", searched)
                line_end = base + (end if end >= 0 else len(buffer))
                if line_end - start > limit:
                    yield Record(
                        record_id(origin, start),
                        origin,
                        start,
                        error=f"the line is over the page limit of {limit:,} bytes",
                    )
                    while end < 0 and not eof:  # skip the rest of the line, keeping nothing
                        base, buffer = base + len(buffer), stream.read1(JSONL_CHUNK_BYTES)
                        eof = not buffer
                        end = buffer.find(b"\n")
                elif end >= 0 or buffer[pos:]:
                    yield _jsonl_record(origin, start, buffer[pos : end + 1] if end >= 0 else buffer[pos:])
                if end < 0:
                    return
                pos = end + 1
                start = base + pos
    except (OSError, EOFError, zlib.error) as err:
        yield Record(
            record_id(origin, start),
            origin,
            start,
            error=f"the file breaks off after byte {start:,} ({_describe(err)}); the rest is not read",
        )


def _jsonl_record(origin: str, offset: int, line: bytes) -> Record:
    try:
        item = json.loads(line)
    except ValueError as err:
        return Record(record_id(origin, offset), origin, offset, error=f"the line is not JSON ({err})")
    except RecursionError:  # [[[[… nested deeper than the parser goes: an error row, never a stopped batch
        return Record(record_id(origin, offset), origin, offset, error="the line is JSON nested too deep to read")
    if not isinstance(item, dict):
        return Record(record_id(origin, offset), origin, offset, error="the line is JSON but not an object")
    url = _valid_text(item.get("url")) or None
    published_at = _valid_text(item.get("published_at"))
    record = Record(record_id(origin, offset), origin, offset, url=url, published_at=published_at)
    field_name = "html" if item.get("html") is not None else "text"
    content = item.get(field_name)
    if not isinstance(content, str):
        record.error = "the line has no 'html' or 'text' string"
    else:
        record.content, record.kind = content, field_name
    return record


def _valid_text(value) -> str | None:
    """A string field of a JSONL line, with any lone surrogate (valid JSON, not valid UTF-8) made ``?``."""
    if not isinstance(value, str):
        return None
    return value.encode("utf-8", errors="replace").decode("utf-8")


def iter_warc(path: Path, *, max_bytes: int | None = None) -> Iterator[Record]:
    """The HTML and text pages of a WARC (or ARC) file; other records (requests, metadata, images) are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = settings.MAX_PAGE_BYTES if max_bytes is None else max_bytes
    origin = str(path)
    offset = -1  # the offset of the last record read; a break lies after its first byte, or at 0 before any
    end = 0  # where the last record read whole ends
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, arc2warc=True)
            for warc_record in records:
                if not _plausible(warc_record):  # garbled bytes parsed as a record: what follows is not trusted
                    broken = records.get_record_offset() if records.get_record_offset() > offset else offset + 1
                    yield Record(
                        record_id(origin, broken),
                        origin,
                        broken,
                        error=f"corrupt WARC data at byte {broken:,}: a record with a garbled header; "
                        "the rest is not read",
                    )
                    return
                page = _warc_page(origin, warc_record, limit)  # reads the body: warcio wants it before the offset
                offset = records.get_record_offset()
                if page is not None:
                    page.offset, page.id = offset, record_id(origin, offset)
                    yield page
                end = offset + records.get_record_length()
            stream.seek(end)
            rest = stream.read(WARC_TAIL_CHECK_BYTES)
    except ArchiveLoadFailed:
        broken = offset + 1  # never the offset of a page already given, so never its id
        yield Record(
            record_id(origin, broken),
            origin,
            broken,
            error=f"corrupt WARC data at or after byte {broken:,}: not a readable record; the rest is not read",
        )
        return
    except Exception as err:  # noqa: BLE001 - warcio fails on garbage in many ways; none may stop the corpus
        broken = offset + 1
        yield Record(
            record_id(origin, broken),
            origin,
            broken,
            error=f"corrupt WARC data at or after byte {broken:,} ({_describe(err)}); the rest is not read",
        )
        return
    if rest.strip(b"\r\n\t "):  # warcio stopped early without a word (a garbled or cut gzip member)
        yield Record(
            record_id(origin, end),
            origin,
            end,
            error=f"corrupt WARC data at byte {end:,}: not a readable record; the rest is not read",
        )


WARC_TYPES = frozenset("warcinfo response resource request metadata revisit conversion continuation".split())
PLAUSIBLE_URI = re.compile(r"^<?[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]*>?$")


def _plausible(warc_record) -> bool:
    """False for a record that garbled bytes made up: an unknown type, or a target URI no crawler writes.

    warcio parses such bytes without complaint when a damaged gzip member still inflates, and the pages after
    it would be skipped silently as "not a page"; here they become one error record instead.
    """
    if warc_record.rec_type not in WARC_TYPES:
        return False
    uri = warc_record.rec_headers.get_header("WARC-Target-URI")
    return uri is None or bool(PLAUSIBLE_URI.match(uri))


def _warc_page(origin: str, warc_record, limit: int) -> Record | None:
    """The page of a WARC record (id and offset filled by the caller), or ``None`` for a record that is no page."""
    kind = warc_record.rec_type
    if kind not in ("response", "resource"):
        return None
    if kind == "response":
        http = warc_record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        media_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    else:
        media_type = (warc_record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media_type and media_type not in WARC_PAGE_MEDIA_TYPES:
        return None
    url = warc_record.rec_headers.get_header("WARC-Target-URI") or None
    kind = {"text/plain": "text", "": "auto"}.get(media_type, "html")
    record = Record("", origin, url=url, kind=kind)
    body = warc_record.content_stream().read(limit + 1)
    if len(body) > limit:
        record.error = f"the page is over the limit of {limit:,} bytes"
    elif getattr(warc_record.raw_stream, "limit", 0) > 0:
        record.error = "the record breaks off before its declared length (truncated file)"
    else:
        record.content = body
    return record


def _describe(err: BaseException) -> str:
    message = str(err).strip().splitlines()[0] if str(err).strip() else ""
    message = message if len(message) <= 100 else message[:100] + "…"
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
