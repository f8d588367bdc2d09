"""Readers: from a file, bytes, text or a fetched URL (:mod:`.fetch`, :mod:`.render`) to a :class:`~rashomon.model.Page`.

``read`` validates at the edge (size, emptiness, binary content, encoding) and then trusts the format
readers: :mod:`.text` for text dumps, :mod:`.html` for HTML pages. Input that is not a page at all raises
:class:`~rashomon.errors.InputError` with one plain line; input that is a page but a damaged or unusual one
(invalid UTF-8, no article, another language, no comment section) gives a page with warnings.
"""

from __future__ import annotations

import codecs
import re
import sys
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from .. import settings
from ..errors import InputError
from ..model import HTML_SUFFIXES, TEXT_SUFFIXES, Page, PageWarning
from .fetch import Fetched

#: A page is taken for HTML when it opens with markup, or declares itself a document anywhere in its head; a text
#: dump that merely mentions ``<p>`` or ``<div`` in its prose stays a text dump.
HTML_OPENING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\s*[!?a-z]", re.I)
HTML_DOCUMENT_MARKERS = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body)\b", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
#: Control characters that no page means (C0 but tab, newline, form feed; DEL): dropped on decoding.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
KINDS = ("auto", "text", "html")


def load_bytes(source: str | Path | bytes | BinaryIO, limit: int = settings.MAX_PAGE_BYTES) -> tuple[bytes, str | None]:
    """The raw bytes of ``source`` and its name (a path, ``-`` for standard input, None for bytes).

    Reads at most ``limit + 1`` bytes, so an oversized file is rejected without being loaded whole.
    """
    if isinstance(source, bytes):
        data, name = source, None
    elif hasattr(source, "read"):
        data, name = source.read(limit + 1), getattr(source, "name", None)
    elif str(source) == "-":
        data, name = sys.stdin.buffer.read(limit + 1), "-"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a page (use 'rashomon batch' for folders)")
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit for one page")
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as err:
            raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
        name = str(path)
    check_bytes(data, name, limit)
    return data, name


def check_bytes(data: bytes, name: str | None = None, limit: int = settings.MAX_PAGE_BYTES) -> None:
    """Reject input that is not a page: too large, empty, or binary."""
    label = name or "input"
    if len(data) > limit:
        raise InputError(f"{label}: over the {limit / 1e6:.0f} MB limit for one page")
    if not data.strip():
        raise InputError(f"{label}: is empty")
    if looks_binary(data):
        raise InputError(f"{label}: looks like a binary file, not a web page or text dump")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text, decoded below
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > settings.BINARY_CONTROL_SHARE * len(head)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # base64, rot13, hex, zlib... are codecs but not character sets: a page declaring one is not believed
    return info.name if getattr(info, "_is_text_encoding", True) else None


#: A lone UTF-16 surrogate: no UTF-8 byte sequence stands for it, so no later step can encode it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: one character for one, so offsets into it still hold
    (a str handed over from JSON may carry them; the Rust tokenizers, spaCy and UTF-8 cannot take them)."""
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)


def mend_surrogates(page: Page) -> bool:
    """Replace each lone surrogate in a page handed over as a :class:`Page` (not read from bytes or a str: the
    decoder does it then) by U+FFFD, in its text, title, blocks and comments; whether there was any (the caller
    warns ``invalid_utf8``). One character for one, so every offset into the page still holds; without it a spaCy
    parse or a hash of the text raises on the first such character, and a stage loses the whole page."""

    def mended(text: str | None) -> str | None:
        return None if text is None else without_surrogates(text)

    parts = [page.text, page.title, *(b.text for b in page.blocks)]
    parts += [v for c in page.comments for v in (c.text, c.author, c.reply_to_author)]
    if not any(v and not v.isascii() and _LONE_SURROGATE.search(v) for v in parts):
        return False
    page.text, page.title = mended(page.text) or "", mended(page.title)
    for block in page.blocks:
        block.text = mended(block.text) or ""
    for comment in page.comments:
        comment.text = mended(comment.text) or ""
        comment.author, comment.reply_to_author = mended(comment.author), mended(comment.reply_to_author)
    return True


#: What the ``invalid_utf8`` warning says of a page whose lone surrogates :func:`mend_surrogates` replaced.
SURROGATES_MENDED = (
    "the page held lone surrogate characters (no text can be encoded with them); each was replaced by U+FFFD"
)


def decode(data: bytes, html: bool = False, charset: str | None = None) -> tuple[str, list[PageWarning]]:
    """Text with ``\\n`` line ends and no control characters but tab, newline and form feed.

    A BOM decides first; then UTF-8; then ``charset`` (what a server's Content-Type names), then, for HTML, the
    charset its ``<meta>`` declares. Valid UTF-8 wins over a declared charset: servers that label every page
    ISO-8859-1 are common, and text in another charset is almost never valid UTF-8 by chance. What still does
    not decode is replaced (U+FFFD) and reported, never dropped silently.
    """
    warnings: list[PageWarning] = []
    charset = charset or (declared_charset(data) if html else None)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            if charset and charset != "utf-8":
                try:
                    return _clean(data.decode(charset, errors="replace")), warnings
                except (UnicodeError, LookupError, TypeError, ValueError):  # idna, "undefined": not a charset
                    pass
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd")
            warnings.append(
                PageWarning(
                    "invalid_utf8",
                    f"the input is not valid UTF-8 (first bad byte at {err.start}); {bad} characters were replaced by U+FFFD",
                )
            )
    return _clean(text), warnings


def _clean(text: str) -> str:
    return CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_html(data: bytes, name: str | None) -> bool:
    """HTML by its file name (``.html``; a ``.txt`` file is a dump whatever it mentions), else by its markup."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES:
        return suffix in HTML_SUFFIXES
    head = data[:4096]
    return bool(HTML_OPENING.match(head) or HTML_DOCUMENT_MARKERS.search(head))


#: English names of the languages a page is most often in (py3langid's codes); others are shown by their code.
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian",
    "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "el": "Greek",
    "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "he": "Hebrew", "fa": "Persian",
    "hi": "Hindi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ca": "Catalan", "hr": "Croatian",
    "sl": "Slovenian", "sr": "Serbian", "bg": "Bulgarian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
    "id": "Indonesian", "vi": "Vietnamese", "th": "Thai", "lb": "Luxembourgish",
}  # fmt: skip


def language_name(code: str | None) -> str:
    """``"German"`` for ``"de"``; the code itself for a language not in :data:`LANGUAGE_NAMES`."""
    if not code:
        return "an unknown language"
    return LANGUAGE_NAMES.get(code, code)


def page_language(article: str, declared: str | None = None) -> tuple[str | None, float, str]:
    """The language of a page: (ISO 639-1 code or None, confidence, how it was told).

    The text decides when py3langid is sure enough of it (``MIN_LANGUAGE_CONFIDENCE``): a template's
    ``<html lang="en">`` on a German article is common. Otherwise the language the page declares (``declared``,
    from its markup) is taken, with confidence 0; None when neither tells.
    """
    language, confidence = detect_language(article)
    if language and confidence >= settings.MIN_LANGUAGE_CONFIDENCE:
        return language, confidence, "text"
    if declared:
        return declared, 0.0, "markup"
    return None, confidence, ""


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and confidence of the page's language (py3langid), or (None, 0) for too little text."""
    sample = " ".join(text[:8000].split())[:2000]  # 2,000 characters tell a language as well as 5,000
    if len(sample) < 20:
        return None, 0.0
    language, confidence = language_identifier().classify(sample)
    return language, float(confidence)


@lru_cache(maxsize=1)
def language_identifier():
    """py3langid's identifier with normalized probabilities, loaded once per process (readers, comments).

    Its model ships xz-compressed, and decompressing it is most of a cold start's reading time: the first run
    keeps the decompressed model in the user's cache folder (:func:`rashomon.lazy.cached_langid_model`) and later
    runs load that; when the cache cannot be used the model is loaded as py3langid loads it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from ..lazy import cached_langid_model

    model = cached_langid_model()
    if model is not None:
        ptc, pc, classes, nextmove, row, output = model
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row, norm_probs=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def source_of(
    source: Any = None, *, path: str | Path | None = None, text: str | None = None, html: str | None = None
) -> tuple[Any, str | None]:
    """The one input among ``source``/``path=``/``text=``/``html=``, and the kind a keyword implies.

    No guessing: a ``str`` is page text, a :class:`~pathlib.Path` a file. (A one-line text that happened to name
    a file, or was too long to be a file name, used to be guessed at; it is text now.)
    """
    given = [
        (name, value)
        for name, value in (("source", source), ("path", path), ("text", text), ("html", html))
        if value is not None
    ]
    if len(given) != 1:
        names = ", ".join(name for name, _ in given) or "none"
        raise TypeError(f"give exactly one of source, path=, text=, html= (given: {names})")
    name, value = given[0]
    if name == "path":
        return Path(value), None
    if name in ("text", "html"):
        if not isinstance(value, str):
            raise TypeError(f"{name}= takes a str, not {type(value).__name__}")
        return value, name
    if not isinstance(value, (str, bytes, Path, Fetched)) and not hasattr(value, "read"):
        raise TypeError(
            f"cannot read a page from a {type(value).__name__}: give a Path, str, bytes, a file object or a fetched URL"
        )
    return value, None


def _reference_date(published_at: str | None) -> datetime | None:
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at.replace("Z", "+00:00"))
    except ValueError:
        return None


def read(
    source: Path | str | bytes | BinaryIO | Fetched | None = None,
    *,
    path: str | Path | None = None,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    published_at: str | None = None,
    publisher: str | None = None,
    kind: str = "auto",
    comment_styles: tuple[str | Path, ...] = (),
) -> Page:
    """Read one page.

    ``source``: a :class:`~pathlib.Path` (read from disk; ``Path("-")`` is standard input), a ``str`` holding the
    page itself (never taken for a file name), raw bytes, a binary file object, or a page fetched from its URL
    (:func:`fetch_url`: its final URL, media type and charset are used); or name it with ``path=``,
    ``text=`` (a text dump) or ``html=``. ``url``, ``published_at``, ``publisher``: what the caller knows of the
    page, preferred to what the page says of itself. ``kind``: ``auto`` (HTML is recognised by its markup or
    file name), ``text`` or ``html``. ``comment_styles``: extra YAML files of dump styles.
    """
    source, keyword_kind = source_of(source, path=path, text=text, html=html)
    if keyword_kind is not None and kind == "auto":
        kind = keyword_kind
    if kind not in KINDS:
        raise InputError(f"unknown input kind {kind!r}: use one of {', '.join(KINDS)}")
    charset, fetched_warnings = None, []
    if isinstance(source, Fetched):
        data, name, charset, fetched_warnings = source.data, None, source.charset, source.warnings
        url = url or source.url
        kind = source.kind if kind == "auto" else kind
        check_bytes(data, source.url)
    elif isinstance(source, str):
        # a str may carry lone surrogates (from JSON, "\ud800"), which UTF-8 cannot: they become invalid bytes,
        # which the decoder replaces and reports, as for a page read from a file
        data, name = source.encode("utf-8", "surrogatepass"), None
        check_bytes(data)
    else:
        data, name = load_bytes(source)
    as_html = kind == "html" or (kind == "auto" and is_html(data, name))
    decoded, warnings = decode(data, html=as_html, charset=charset)
    warnings[:0] = fetched_warnings
    if as_html:
        from .html import read_html

        page = read_html(decoded, url=url)
    else:
        from .text import load_grammar, read_text

        grammar = load_grammar(*comment_styles) if comment_styles else None
        page = read_text(decoded, grammar=grammar, reference_date=_reference_date(published_at))
    page.url = url or page.url
    page.published_at = published_at or page.published_at
    page.publisher = publisher or page.publisher
    page.warnings[:0] = warnings
    finish(page)
    return page


def fetch_url(url: str, *, render: bool = False, consent: str | None = None) -> Fetched:
    """The page at ``url`` (http or https), for :func:`read` or :func:`rashomon.analyze`: fetched as the server
    sends it (:func:`.fetch.fetch`), or with ``render`` loaded in headless Chromium with its scripts run, its
    consent dialog answered by the ``consent`` policy (``reject``, ``accept``, ``leave``; default
    ``settings.RENDER_CONSENT``) and its comment widgets opened (:func:`.render.render`, needs Playwright).
    Raises a :class:`~rashomon.errors.FetchError` subclass naming what failed."""
    if render:
        from .render import RenderLimits
        from .render import render as render_url

        return render_url(url, RenderLimits(consent=consent) if consent else None)
    from .fetch import fetch

    return fetch(url)


def finish(page: Page) -> None:
    """Checks every reader shares: language, an article at all, a comment section at all; the comment bound."""
    if len(page.comments) > settings.MAX_COMMENTS:
        page.warnings.append(
            PageWarning(
                "comments_truncated",
                f"the page has {len(page.comments):,} comments; only the first {settings.MAX_COMMENTS:,} were read",
            )
        )
        del page.comments[settings.MAX_COMMENTS :]
    article = "\n".join(b.text for b in page.blocks if b.kind != "separator")
    # a reader may have set the language the page declares (HTML lang): the text is weighed against it
    language, confidence, told_by = page_language(article or " ".join(c.text for c in page.comments), page.language)
    page.language = language
    if language and language not in settings.SUPPORTED_LANGUAGES:
        how = f"confidence {confidence:.2f}" if told_by == "text" else "as its markup declares"
        page.warnings.append(
            PageWarning(
                "non_english",
                f"the page is in {language_name(language)} ({language}, {how}); rashomon's analysis reads "
                f"{' and '.join(language_name(c) for c in settings.SUPPORTED_LANGUAGES)} only: the stages that read "
                "the article's words do not run on it",
            )
        )
    elif language is None and article:
        page.warnings.append(PageWarning("language_unknown", "the page's language could not be told"))
    if len(article.strip()) < settings.MIN_ARTICLE_CHARS:
        page.warnings.append(PageWarning("no_article", "no article text was found on the page"))
    if not page.comments:
        page.warnings.append(PageWarning("no_comments", "the page has no comment section (or none was recognised)"))
