"""Text dumps of news pages: a headline, article paragraphs, separators, then a comment section.

The comment grammar is data: ``rashomon/data/read/comment_styles.yaml`` lists the dump styles (the avatar
style of Drupal sites, Disqus' bullets, WordPress' "says:", forums' "wrote:"), each a few line patterns. The
reader picks the style whose header lines occur in the dump, cuts the article where the comment section
starts, and reads each comment's author, verified mark, reply target, time and body.

Everything here is a pure function of the text; offsets are into the text as given (the caller has already
normalized line ends), so ``page.text[c.start:c.end] == c.text`` for every block and comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..model import Block, Comment, Page, PageWarning
from ..resources import load_yaml, name_titles
from .times import parse_time

SEPARATOR = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:#\s*){3}|(?:•\s*){3}|~{3,})\s*$")
#: A first line this short (characters, words) may be the headline; a longer one is the lede.
MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 25
#: A title line directly followed by text (no blank line) is split off only when it is at most this share of the
#: paragraph's longest other line: a hard-wrapped lede has lines of one width, a title above it is shorter.
MAX_HEADLINE_WIDTH_SHARE = 0.75
#: A sentence ends here: a full stop at the end of the line (closing quotes aside), or ". X" inside it. A
#: question or exclamation mark may end a headline ("Will the ferry run?"), a full stop does not.
SENTENCE_END = re.compile(r"(?<!\.)\.[\"'”’)\]]*$|(?<!\.)[.!?][\"'”’)\]]*\s+[\"“‘(]?[A-Z0-9]")
#: A line of at least this many words, this share of them capitalised, is Title Case: a headline, whatever its
#: stops ("Mayor Says Depot Will Close."; some archives end every headline with a full stop). No lede is.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.75
#: Abbreviations whose full stop ends no sentence ("Dr. Okafor Resigns"): the titles of ``data/names.yaml`` and two
#: that are no title.
ABBREVIATIONS = name_titles("abbreviation") | {"vs", "no"}
#: A line that runs on into the next one ends in one of these.
RUN_ON_END = re.compile(r"[,;\-–—(/&]$|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|from)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CommentStyle:
    """One dump style of the comment grammar (see the YAML file for the meaning of each field)."""

    name: str
    header: re.Pattern[str]
    meta: str | None  # a pattern with <AUTHOR> standing for the header's author; see meta_pattern
    noise: tuple[re.Pattern[str], ...]
    time_formats: tuple[str, ...]
    min_headers: int = 1
    description: str = ""


@dataclass(frozen=True, slots=True)
class Grammar:
    styles: tuple[CommentStyle, ...]
    section: tuple[re.Pattern[str], ...]


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first character of the line
    end: int  # offset after its last character (newline excluded)
    text: str  # the line, stripped
    indent: int


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise ConfigError(f"comment style {where}: invalid pattern {pattern!r} ({err})") from None


@lru_cache(maxsize=4096)
def meta_pattern(template: str, author: str) -> re.Pattern[str]:
    return re.compile(template.replace("<AUTHOR>", re.escape(author)))


def parse_grammar(data: dict[str, Any]) -> Grammar:
    """Build a :class:`Grammar` from the YAML structure, with a clear error for a malformed entry."""
    styles = []
    for i, entry in enumerate(data.get("styles") or []):
        name = entry.get("name") or f"style {i}"
        if "header" not in entry:
            raise ConfigError(f"comment style {name!r} has no 'header' pattern")
        if entry.get("meta"):
            _compile(entry["meta"].replace("<AUTHOR>", "x"), f"{name}.meta")  # fail early on a bad pattern
        styles.append(
            CommentStyle(
                name=name,
                header=_compile(entry["header"], f"{name}.header"),
                meta=entry.get("meta") or None,
                noise=tuple(_compile(p, f"{name}.noise") for p in entry.get("noise") or ()),
                time_formats=tuple(entry.get("time_formats") or ()),
                min_headers=int(entry.get("min_headers", 1)),
                description=entry.get("description", ""),
            )
        )
    section = tuple(_compile(p, "section") for p in data.get("section") or ())
    return Grammar(tuple(styles), section)


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    return parse_grammar(load_yaml("read/comment_styles.yaml"))


def load_grammar(*paths: str | Path) -> Grammar:
    """The built-in grammar extended by the styles in user YAML files (tried before the built-in ones)."""
    base = default_grammar()
    styles: list[CommentStyle] = []
    section: list[re.Pattern[str]] = []
    for path in paths:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as err:
            raise ConfigError(f"cannot read comment styles from {path}: {err}") from None
        extra = parse_grammar(data)
        styles.extend(extra.styles)
        section.extend(extra.section)
    return Grammar(tuple(styles) + base.styles, tuple(section) + base.section)


def split_lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead
        lines.append(_Line(start, start + len(stripped), stripped, lead))
        offset += len(raw) + 1
    return lines


def choose_style(lines: list[_Line], grammar: Grammar) -> tuple[CommentStyle | None, list[int]]:
    """The style with the most header lines in the dump (ties go to the earlier style), and those lines."""
    best: tuple[CommentStyle | None, list[int]] = (None, [])
    for style in grammar.styles:
        headers = [
            i
            for i, line in enumerate(lines)
            if line.text and style.header.match(line.text) and not any(p.match(line.text) for p in style.noise)
        ]
        if len(headers) >= style.min_headers and len(headers) > len(best[1]):
            best = (style, headers)
    return best


def _paragraph_blocks(text: str, lines: list[_Line], first: int, last: int) -> list[Block]:
    """Blocks for lines[first:last]: paragraphs are runs of non-empty lines, separators stand alone."""
    blocks: list[Block] = []
    run: list[_Line] = []

    def flush() -> None:
        if run:
            start, end = run[0].start, run[-1].end
            blocks.append(Block(id="", kind="paragraph", start=start, end=end, text=text[start:end]))
            run.clear()

    for line in lines[first:last]:
        if not line.text:
            flush()
        elif SEPARATOR.match(line.text):
            flush()
            blocks.append(Block(id="", kind="separator", start=line.start, end=line.end, text=line.text))
        else:
            run.append(line)
    flush()
    if first == 0:
        _take_headline(text, blocks)
    for i, block in enumerate(blocks):
        block.id = f"b{i}"
    return blocks


def looks_like_title(line: str) -> bool:
    """A line that reads as a headline: short, and no sentence ends in it (a lede is sentences)."""
    if not line or len(line) > MAX_HEADLINE_CHARS or len(line.split()) > MAX_HEADLINE_WORDS:
        return False
    if _title_case(line):
        return True
    for match in SENTENCE_END.finditer(line):
        before = line[: match.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        if word.lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", word):
            continue  # "Dr. Okafor", "U.S. Navy": a full stop inside a name
        return False
    return True


def _title_case(line: str) -> bool:
    """Most words of the line capitalised (short function words aside: "Mayor Says It Is Over Now")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3 or w[0].isupper()]
    return len(words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _take_headline(text: str, blocks: list[Block]) -> None:
    """Make the first line the headline when it looks like a title and more article text follows it.

    A first paragraph of one such line becomes the headline block. A title line run straight into the next
    paragraph (no blank line) is split off when the next line starts a new sentence and the title is clearly
    shorter than the paragraph's lines (a hard-wrapped lede's first line is not a title). Anything else stays a
    paragraph, so the lede is never lost to the title."""
    if not blocks or blocks[0].kind != "paragraph":
        return
    head = blocks[0]
    lines = head.text.split("\n")
    title = lines[0].strip()
    if not looks_like_title(title):
        return
    if len(lines) == 1:
        if any(b.kind == "paragraph" for b in blocks[1:]):
            head.kind = "headline"
        return
    rest = [line.strip() for line in lines[1:]]
    widest = max(len(line) for line in rest)
    if (
        RUN_ON_END.search(title)
        or not re.match(r"[\"“‘(]?[A-Z0-9]", rest[0])
        or len(title) > MAX_HEADLINE_WIDTH_SHARE * widest
    ):
        return
    title_end = head.start + len(lines[0].rstrip())
    body_start = text.index(rest[0], title_end)
    blocks[0:1] = [
        Block(id="", kind="headline", start=head.start, end=title_end, text=text[head.start : title_end]),
        Block(id="", kind="paragraph", start=body_start, end=head.end, text=text[body_start : head.end]),
    ]


def _body(text: str, lines: list[_Line], first: int, last: int, style: CommentStyle) -> tuple[int, int]:
    """Offsets of a comment body in lines[first:last], without blank or widget lines at either end."""
    content = [i for i in range(first, last) if lines[i].text and not any(p.match(lines[i].text) for p in style.noise)]
    if not content:
        position = lines[first - 1].end if first > 0 else 0
        return position, position
    return lines[content[0]].start, lines[content[-1]].end


def _comments(
    text: str, lines: list[_Line], style: CommentStyle, headers: list[int], reference: datetime | None
) -> list[Comment]:
    comments: list[Comment] = []
    indents: list[int] = []
    bounds = headers[1:] + [len(lines)]
    for number, (index, stop) in enumerate(zip(headers, bounds), start=1):
        fields = style.header.match(lines[index].text).groupdict()
        body_first = index + 1
        verified = None
        if style.meta is not None:
            following = next((i for i in range(index + 1, min(stop, index + 3)) if lines[i].text), None)
            pattern = meta_pattern(style.meta, fields["author"])
            meta = pattern.match(lines[following].text) if following is not None else None
            if meta:
                extra = meta.groupdict()
                fields.update({k: v for k, v in extra.items() if v})
                verified = not extra.get("unverified") if "unverified" in extra else None
                body_first = following + 1
        start, end = _body(text, lines, body_first, stop, style)
        comment = Comment(
            id=f"c{number}",
            author=fields["author"].strip(),
            text=text[start:end],
            start=start,
            end=end,
            verified=verified,
            posted_at=parse_time(fields.get("time"), style.time_formats, reference),
        )
        target = (fields.get("target") or "").strip()
        if target:
            comment.reply_to_author = target
            comment.reply_to = next(
                (c.id for c in reversed(comments) if (c.author or "").lower() == target.lower()), None
            )
        elif indents and lines[index].indent > indents[-1]:
            # an indented header answers the closest earlier comment that is less indented
            parent = next(i for i in range(len(comments) - 1, -1, -1) if indents[i] < lines[index].indent)
            comment.reply_to, comment.reply_to_author = comments[parent].id, comments[parent].author
        comments.append(comment)
        indents.append(lines[index].indent)
    return comments


def _anonymous_comments(text: str, lines: list[_Line], first: int) -> list[Comment]:
    """Comments of an unknown style: one per paragraph, without authors (the caller warns)."""
    blocks = _paragraph_blocks(text, lines, first, len(lines))
    return [
        Comment(id=f"c{i}", author=None, text=b.text, start=b.start, end=b.end)
        for i, b in enumerate((b for b in blocks if b.kind != "separator"), start=1)
    ]


def read_text(text: str, *, grammar: Grammar | None = None, reference_date: datetime | None = None) -> Page:
    """Read a text dump into a :class:`Page` (title, blocks, comments). ``text`` has ``\\n`` line ends."""
    grammar = grammar or default_grammar()
    lines = split_lines(text)
    warnings: list[PageWarning] = []
    style, headers = choose_style(lines, grammar)
    first_header = headers[0] if headers else len(lines)
    section_line = next(
        (i for i in range(1, first_header) if lines[i].text and any(p.match(lines[i].text) for p in grammar.section)),
        None,
    )
    article_end = section_line if section_line is not None else first_header
    blocks = _paragraph_blocks(text, lines, 0, article_end)
    if style is not None:
        comments = _comments(text, lines, style, headers, reference_date)
    elif section_line is not None:
        comments = _anonymous_comments(text, lines, section_line + 1)
        if comments:
            warnings.append(
                PageWarning(
                    "comment_style_unknown",
                    f"a comment section starts at line {section_line + 1} but its format is not one of the known "
                    "styles: each paragraph is taken as a comment without author",
                )
            )
    else:
        comments = []
    title = blocks[0].text if blocks and blocks[0].kind == "headline" else None
    page = Page(text=text, title=title, source_format="text", blocks=blocks, comments=comments, warnings=warnings)
    return page


def style_of(text: str, grammar: Grammar | None = None) -> str | None:
    """The name of the comment style a dump uses, or None (for diagnostics and tests)."""
    style, _ = choose_style(split_lines(text), grammar or default_grammar())
    return style.name if style else None
