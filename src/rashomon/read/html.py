"""HTML pages: the article and metadata through trafilatura, the comments from the DOM.

Comments are found with the table in ``rashomon/data/read/comment_markup.yaml``: XPath expressions for the
well-known markups (WordPress, Disqus as rendered, Drupal, schema.org, Thesis, judge.me reviews, comment
lists), then, when none of them finds a comment, generic ones (a class that is a comment word in one of
several languages, kb-comment, kommentar-item, allCommentsListComment; review items; quoted bodies in a comment
section), then the structure of a section named for comments (:func:`structured_items`: items of one kind
that repeat with a header and words of their own). Elements inside "recent comments" widgets, sidebars, forms,
tabs, sort bars and login or subscription boxes are not comments; an element that is only interface text
(``rashomon.read.interface``: "Antworten", "12 Kommentare", "You must be logged in ...") or one link is not
either; a comment element that is the first part of another (li#li-comment-1 > article#comment-1) is the same
comment. Each comment gets its author (from the markup, else from a "NAME says:" or "by NAME on DATE" header
line; never a control label, never the comment's own words), its time in ISO 8601, its text without header,
widgets and interface lines, and the reply tree from nesting.

The comment elements are cut out of the tree before trafilatura reads the article, so comments cannot leak
into the article, and only comment elements are read for comments, so the article cannot leak into them. When
no comment is found, trafilatura's own comment text is not taken for comments (it cannot tell them from article
teasers, forms or buttons): if it holds words that are not interface text, the page says in a
``comment_structure_unknown`` warning that a comment section went unread.

The page's publisher (``read.publisher``) and declared language (``<html lang>``) are read from the tree too.
The page text is rebuilt from what was extracted (title, paragraphs, comments, separated by blank lines), and
every block and comment carries its offsets into it. All functions are pure over lxml trees, except that
``read_html`` cuts from the tree it parsed itself.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from .. import settings
from ..model import Block, Comment, Page, PageWarning
from ..resources import load_yaml
from .interface import InterfaceTable, default_table, substantive
from .publisher import name_key, page_publisher, site_keys
from .times import MONTHS, parse_loose, parse_time

BLOCK_TAGS = frozenset(
    "p div br li ul ol blockquote pre h1 h2 h3 h4 h5 h6 tr table section article header footer dd dt hr".split()
)
MAX_AUTHOR_CHARS = 80
#: The title of a post that links to the page, given as a pingback's author, is at most this long.
MAX_NOTICE_AUTHOR_CHARS = 200
AUTHOR_STRIP = " :,;-–—|·@"
#: An article paragraph this long that also stands in a comment came from the comment section.
MIN_LEAK_CHARS = 25
#: EXSLT regular expressions for the table's XPath: re:test(string, pattern, flags)
EXSLT = {"re": "http://exslt.org/regular-expressions"}


@dataclass(frozen=True, slots=True)
class Region:
    """A kind of page region whose comment-looking elements are not comments (a sidebar, a form)."""

    tags: frozenset[str] = frozenset()
    names: re.Pattern | None = None
    unless: etree.XPath | None = None
    cut: bool = False

    def matches(self, element, name: str | None = None) -> bool:
        """Whether ``element`` is such a region (``name``: its :func:`region_name`, when the caller has it)."""
        if self.tags and element.tag not in self.tags:
            return False
        if self.names is not None and not self.names.search(region_name(element) if name is None else name):
            return False
        return self.unless is None or not self.unless(element)


def region_name(element) -> str:
    """What a :class:`Region`'s ``names`` are matched against: the element's class and id."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _is_region(element, regions) -> bool:
    """Whether ``element`` is one of ``regions`` (its name built once for all of them)."""
    if element.tag in ("html", "body"):
        return False
    name = region_name(element)
    return any(region.matches(element, name) for region in regions)


@dataclass(frozen=True, slots=True)
class Markup:
    items: tuple[etree.XPath, ...]
    author: tuple[etree.XPath, ...]
    time: tuple[etree.XPath, ...]
    text: tuple[etree.XPath, ...]
    noise: tuple[etree.XPath, ...]
    reply_wrappers: tuple[str, ...]
    fallback_items: tuple[etree.XPath, ...] = ()
    exclude: tuple[Region, ...] = ()
    reject: tuple[etree.XPath, ...] = ()
    author_patterns: tuple[re.Pattern, ...] = ()
    reply_containers: re.Pattern | None = None
    #: Comment sections by name, and the header of an item in one: the structure tier (``find_comments``).
    containers: tuple[etree.XPath, ...] = ()
    header: tuple[etree.XPath, ...] = ()
    #: Comment elements that are notices from other sites (pingbacks, trackbacks), flagged ``pingback``.
    notices: tuple[etree.XPath, ...] = ()
    #: Control labels, counters and prompts (``data/read/interface_text.yaml``): never a comment, never an author.
    interface: InterfaceTable = field(default_factory=default_table)


@dataclass(slots=True)
class DomComment:
    """A comment as found in the DOM, before it is placed in the page text."""

    element: Any
    author: str | None = None
    time: str | None = None
    text: str = ""
    parent: int | None = None  # index into the list of found comments
    children: list[int] = field(default_factory=list)
    #: A notice that another site links to the page (a pingback), not a reader's words.
    notice: bool = False


@lru_cache(maxsize=1)
def default_markup() -> Markup:
    data = load_yaml("read/comment_markup.yaml")
    return markup_from_data(data)


def markup_from_data(data: dict) -> Markup:
    """The compiled :class:`Markup` of a table read from YAML."""
    compiled = {
        key: tuple(_xpath(x) for x in data.get(key) or ())
        for key in ("reject", "author", "time", "text", "noise", "header", "notices")
    }
    # whole-tree selections are one union each: document order, no duplicates
    compiled.update(
        {
            key: (_xpath(" | ".join(f"({x})" for x in data[key])),) if data.get(key) else ()
            for key in ("items", "fallback_items", "containers")
        }
    )
    compiled["exclude"] = tuple(
        Region(
            tags=frozenset(entry.get("tags") or ()),
            names=re.compile(entry["names"], re.I) if entry.get("names") else None,
            unless=_xpath(f"boolean({entry['unless']})") if entry.get("unless") else None,
            cut=bool(entry.get("cut")),
        )
        for entry in data.get("exclude") or ()
    )
    optional = {key: re.compile(data[key], re.I) if data.get(key) else None for key in ("reply_containers",)}
    return Markup(
        **compiled,
        **optional,
        reply_wrappers=tuple(data.get("reply_wrappers") or ()),
        author_patterns=tuple(re.compile(p, re.I | re.M) for p in data.get("author_patterns") or ()),
    )


def _xpath(expression: str) -> etree.XPath:
    """``expression`` compiled; with the EXSLT regular expressions only when it uses them (each call of an
    expression that has them registers them again, and the per-comment expressions run thousands of times)."""
    if "re:" in expression:
        return etree.XPath(expression, namespaces=EXSLT)
    return etree.XPath(expression, regexp=False)


def collapse(text: str) -> str:
    return " ".join(text.split())


def element_text(element, without: set | None = None) -> str:
    """The text of an element, one line per block-level element, white space folded within lines.

    ``without``: descendants read as if :func:`_drop` had cut them from a copy first (their tails kept when the
    element can ``drop_tree``), so that a comment's text needs no copy of its element (and of its replies)."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # comments, processing instructions
            return
        block = node.tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text.replace("\n", " "))
        for child in node:
            if without and child in without:
                if child.tail and hasattr(child, "drop_tree"):  # as _drop leaves it
                    parts.append(child.tail.replace("\n", " "))
                continue
            walk(child)
            if child.tail:
                parts.append(child.tail.replace("\n", " "))
        if block:
            parts.append("\n")

    walk(element)
    lines = (collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _class_tokens(element) -> set[str]:
    return set((element.get("class") or "").split())


def _outside_nested(nodes: list, item, items: set) -> list:
    """Keep the nodes whose nearest comment element is ``item`` itself, not a reply nested in it.

    A node outside ``item`` that lies in no other comment is kept too: an expression reached it on purpose
    (a header before the comment, as Thesis' ``dt``).
    """
    kept = []
    for node in nodes:
        owner = node if not isinstance(node, str) else node.getparent()
        while owner is not None and owner is not item and owner not in items:
            owner = owner.getparent()
        if owner is item or owner is None:
            kept.append(node)
    return kept


def _first(xpaths, item, items: set, accept=None) -> Any:
    """The first node (or string) the expressions find for ``item`` that has text and that ``accept`` takes."""
    for xpath in xpaths:
        nodes = _outside_nested(xpath(item), item, items)
        for node in nodes:
            value = collapse(str(node)) if isinstance(node, str) else collapse(element_text(node))
            if value and (accept is None or accept(value)):
                return node if not isinstance(node, str) else value
    return None


DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{1,2}:\d{2}\b|^\W*$|^\d+\W*$")
#: A numeric date or a clock time in a line.
DATE_TEXT = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{1,2}:\d{2}\b")


def _author_like(value: str, table: InterfaceTable | None = None) -> bool:
    """A name, not a time stamp, a counter, a sentence or a control label ("Antworten", "Log In")."""
    return (
        len(value) <= MAX_AUTHOR_CHARS
        and len(value.split()) <= 8
        and not DATE_LIKE.search(value)
        and (table or default_table()).is_author_like(value)
    )


def _head_text(element, found: set, limit: int = 400) -> str:
    """The first few hundred characters of an element's own text (not its replies'), a line per block."""
    parts: list[str] = []
    size = 0

    def walk(node) -> bool:
        nonlocal size
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript", "svg", "button", "form"):
            return True
        if node is not element and node in found:
            return True
        block = node.tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
            size += len(node.text)
        for child in node:
            if size > limit or not walk(child):
                return False
            if child.tail:
                parts.append(child.tail)
                size += len(child.tail)
        if block:
            parts.append("\n")
        return size <= limit

    walk(element)
    lines = (collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _author_from_header(element, found: set, markup: Markup, text: str = "") -> str | None:
    """The author named in the first lines of a comment ("NAME says:", "by NAME on DATE") or in its last
    lines (a signature "Comment by NAME — DATE"), else None."""
    if not markup.author_patterns:
        return None
    lines = _head_text(element, found).split("\n")[:4] + text.split("\n")[-2:]
    head = "\n".join(lines)
    for pattern in markup.author_patterns:
        for match in pattern.finditer(head):
            name = collapse(match.group("name")).strip(AUTHOR_STRIP)
            if name and _author_like(name, markup.interface):
                return name
    return None


def _header_line(node, element) -> str:
    """The short block that holds the author's element ("Comment by <a>NAME</a> — 17.07.2011 @ 13:04"), where
    the time stands when no element of its own holds it; empty when there is none."""
    if node is None or isinstance(node, str):
        return ""
    for block in (node, *node.iterancestors()):
        if block is element:
            return ""
        if block.tag in BLOCK_TAGS:
            line = collapse(element_text(block))
            return line if len(line) <= 2 * MAX_AUTHOR_CHARS else ""
    return ""


def _reply_parent(element, positions: dict, wrappers: tuple[str, ...]) -> int | None:
    node = element.getparent()
    while node is not None:
        if node in positions:
            return positions[node]
        if wrappers and _class_tokens(node) & set(wrappers):
            previous = node.getprevious()
            while previous is not None and not isinstance(previous.tag, str):
                previous = previous.getprevious()
            if previous is not None:
                if previous in positions:
                    return positions[previous]
                inner = [positions[e] for e in previous.iter() if e in positions]
                if inner:
                    return inner[0]
        node = node.getparent()
    return None


def _candidates(tree, markup: Markup, tier, regions: dict) -> list:
    """The elements the expressions of ``tier`` select, in document order, outside the excluded regions and
    less the rejected ones. ``regions`` remembers, per element, whether it is an excluded region."""
    found = [e for xpath in tier for e in xpath(tree) if isinstance(e, etree._Element) and isinstance(e.tag, str)]
    return [e for e in found if _allowed(e, markup, regions)]


def _allowed(element, markup: Markup, regions: dict) -> bool:
    """Neither the element nor an ancestor is an excluded region, and no ``reject`` expression selects it."""

    def excluded(node) -> bool:
        if node not in regions:
            regions[node] = _is_region(node, markup.exclude)
        return regions[node]

    if excluded(element) or any(excluded(a) for a in element.iterancestors()):
        return False
    return not any(xpath(element) for xpath in markup.reject)


def _is_reply(inner, outer, markup: Markup) -> bool:
    """Whether comment element ``inner``, nested in ``outer``, answers it rather than being a part of it."""
    if inner.tag == outer.tag and (inner.get("class") or "").split()[:1] == (outer.get("class") or "").split()[:1]:
        return True
    node = inner.getparent()
    while node is not None and node is not outer:
        if node.tag in ("ol", "ul", "dl"):
            return True
        if markup.reply_containers is not None and markup.reply_containers.search(node.get("class") or ""):
            return True
        if markup.reply_wrappers and _class_tokens(node) & set(markup.reply_wrappers):
            return True
        node = node.getparent()
    return False


def _merge_parts(ordered: list, markup: Markup) -> list:
    """Drop the comment elements that are the first part of another one (li#li-comment-1 > article#comment-1)."""
    found = set(ordered)
    removed: set = set()
    for outer in ordered:
        if outer in removed:
            continue
        while True:
            inner = next((e for e in outer.iterdescendants() if e in found and e not in removed), None)
            if inner is None or _is_reply(inner, outer, markup):
                break
            removed.add(inner)
    return [e for e in ordered if e not in removed]


def find_comments(tree, markup: Markup | None = None) -> list[DomComment]:
    """Every comment element in ``tree`` with its author, time, text and parent, in document order.

    The ``items`` expressions are tried first; the ``fallback_items`` only when those give no comment; the
    structure of a named comment section (:func:`structured_items`) last.
    """
    markup = markup or default_markup()
    regions: dict = {}
    for tier in (markup.items, markup.fallback_items, None):
        candidates = (
            _candidates(tree, markup, tier, regions) if tier is not None else structured_items(tree, markup, regions)
        )
        if candidates:
            comments = _read_comments(candidates, markup)
            if comments:
                return comments
    return []


# --- the structure tier: repeated items with a header and words of their own, in a named comment section ------
#: Elements looked at in the comment sections of a page (a hostile page's "comments" div may hold the whole
#: page; ``tame_tree`` keeps at most ``MAX_HTML_ELEMENTS`` anyway).
MAX_SECTION_ELEMENTS = settings.MAX_HTML_ELEMENTS
#: Items of a kind read to tell whether the kind is comments.
SAMPLE_ITEMS = 60
#: Links of an item looked at to tell its link text.
MAX_ITEM_LINKS = 50
#: Tags an item of a comment list may have.
ITEM_TAGS = frozenset("li div article section dd blockquote".split())
#: A comment has at least this many words of its own in lines that are not interface text.
MIN_BODY_WORDS = 3
#: At least this share of the items of a kind must read as comments for the kind to be taken.
MIN_ITEM_SHARE = 0.5
URL_TEXT = re.compile(r"(https?://|www\.)\S+$", re.I)
RELATIVE_TIME = re.compile(
    r"\b(ago|vor|il y a|hace|fa|geleden|temu|atrás|há)\b|\b(yesterday|gestern|hier|ayer|ieri|gisteren|wczoraj|ontem)\b",
    re.I,
)


def _signature(element) -> tuple[str, str]:
    """The kind of an item: its tag and its first class (numbers dropped: ``comment-12`` is ``comment-``). Only
    list items and quotes (``li``, ``dd``, ``blockquote``) may have no class: a bare ``div`` wraps anything."""
    first = (element.get("class") or "").split()[:1]
    return element.tag, re.sub(r"\d+", "", first[0]) if first else ""


def _has_header(element, markup: Markup, head: list[str]) -> bool:
    """A time or an author element, or a short first line that reads as a date or a relative time."""
    if any(xpath(element) for xpath in markup.header):
        return True
    short = [line for line in head[:4] if len(line) <= MAX_AUTHOR_CHARS]
    return any(
        DATE_TEXT.search(line) or parse_loose(line) or (RELATIVE_TIME.search(line) and any(c.isdigit() for c in line))
        for line in short
    )


def _body_lines(element, markup: Markup, head: str) -> list[tuple[str, bool]]:
    """The lines of an item's own words, each with whether it is mostly link text: its text less interface
    lines and less the short lines of its header (a date, a time)."""
    links = [
        t for t in (collapse(" ".join(a.itertext())) for a in itertools.islice(element.iter("a"), MAX_ITEM_LINKS)) if t
    ]
    lines = []
    for line in markup.interface.without_interface(head).split("\n"):
        if len(line) <= MAX_AUTHOR_CHARS and (DATE_TEXT.search(line) or parse_loose(line)):
            continue
        linked = sum(len(t) for t in links if t in line and not URL_TEXT.match(t))  # a pasted link is words
        lines.append((line, linked * 2 >= len(line)))
    return [(line, linked) for line, linked in lines if substantive(line)]


def _reads_as_comment(element, markup: Markup, strict: bool) -> bool:
    """Whether an item reads as a comment: words of its own that are not interface text nor only links.
    ``strict`` (to choose the kind of item): also a header (author or time), a line of at least
    ``MIN_BODY_WORDS`` words that is not a link, and its longest line not a link (a teaser is its headline)."""
    head = _head_text(element, set(), 4000)
    body = _body_lines(element, markup, head)
    if all(linked for _, linked in body):
        return False
    if not strict:
        return True
    return (
        not max(body, key=lambda b: len(b[0]))[1]
        and _has_header(element, markup, head.split("\n"))
        and any(len(line.split()) >= MIN_BODY_WORDS and not linked for line, linked in body)
    )


def structured_items(tree, markup: Markup, regions: dict | None = None) -> list:
    """The comments of a comment section whose markup no expression knows, by its structure.

    A comment section is an element named so (``containers``: ``#comments``, ``.kommentare``, ...) outside the
    excluded regions. In it, the items of one kind (tag and first class) that repeat as siblings are the
    comments when at least two of them, and at least ``MIN_ITEM_SHARE`` of them, read as comments: a header
    (a time, an author element, a date line), words of their own that are not interface text, and not mostly
    link text (a list of article teasers is). The kind with the most such items wins; its items that are not
    only interface text or links are the comments (a one-word comment under a header is one too).
    """
    regions = {} if regions is None else regions
    sections = _candidates(tree, markup, markup.containers, regions)
    chosen = set(sections)
    kinds: dict[tuple[str, str], list] = {}
    count = 0
    for section in (s for s in sections if not any(a in chosen for a in s.iterancestors())):
        # the section itself may be one of the items (div.comment-item sections side by side)
        for element in itertools.chain((section,), section.iterdescendants()):
            count += 1
            if count > MAX_SECTION_ELEMENTS:
                break
            if not isinstance(element.tag, str) or element.tag not in ITEM_TAGS:
                continue
            kind = _signature(element)
            if (kind[1] or element.tag in ("li", "dd", "blockquote")) and _allowed(element, markup, regions):
                kinds.setdefault(kind, []).append(element)
    best: tuple[float, int, list] | None = None
    for elements in sorted(kinds.values(), key=len, reverse=True):
        if best is not None and len(elements) < best[0]:
            break  # a smaller kind cannot have more comments
        if not _repeats(elements):
            continue
        # the first items tell whether a kind is comments (a hostile page's 20,000 teasers are not all read)
        sample = elements[:SAMPLE_ITEMS]
        qualified = sum(1 for e in sample if _reads_as_comment(e, markup, strict=True))
        if qualified < 2 or qualified < MIN_ITEM_SHARE * len(sample):
            continue
        estimate = qualified * len(elements) / len(sample)
        depth = -min(len(list(e.iterancestors())) for e in sample)  # the outermost kind on a tie
        if best is None or (estimate, depth) > best[:2]:
            best = (estimate, depth, elements)
    if best is None:
        return []
    return [e for e in best[2] if _reads_as_comment(e, markup, strict=False)]


def _repeats(elements: list) -> bool:
    """Whether items of one kind repeat: two are siblings, or one is nested in another (a reply in a thread)."""
    if len(elements) < 2:
        return False
    members = set(elements)
    parents = set()
    for element in elements:
        parent = element.getparent()
        if parent in parents or any(a in members for a in element.iterancestors()):
            return True
        parents.add(parent)
    return False


def _read_comments(candidates: list, markup: Markup) -> list[DomComment]:
    ordered = _merge_parts(candidates, markup)
    found = set(ordered)
    kept: list[DomComment] = []

    def author_like(value: str) -> bool:
        return _author_like(value, markup.interface)

    def notice_author_like(value: str) -> bool:
        return len(value) <= MAX_NOTICE_AUTHOR_CHARS and not DATE_LIKE.search(value)

    for element in ordered:
        notice = any(x(element) for x in markup.notices)
        # a pingback's "author" is the title of the post that links here, often longer than a name
        author_node = _first(markup.author, element, found, notice_author_like if notice else author_like)
        author = (
            author_node if isinstance(author_node, str) or author_node is None else collapse(element_text(author_node))
        )
        author = author.strip(AUTHOR_STRIP) or None if author else None
        time_node = _first(markup.time, element, found)
        time_raw = (
            time_node
            if isinstance(time_node, str)
            else (collapse(element_text(time_node)) if time_node is not None else None)
        )
        header = [n for n in (author_node, time_node) if n is not None and not isinstance(n, str)]
        text = _comment_text(element, found, markup, header)
        if not substantive(text) and author_node is not None and not isinstance(author_node, str):
            # what was taken for the author is all the comment says: its words (a title), not who wrote it
            author, author_node = None, None
            header = [time_node] if time_node is not None and not isinstance(time_node, str) else []
            text = _comment_text(element, found, markup, header)
        if not substantive(text):  # only controls, counters or prompts: "Reply", "Log In", "12 Kommentare"
            continue
        if author is not None and collapse(author) in (collapse(text), text.split("\n", 1)[0]):
            author = None  # the comment's own words (its title, its first line) again, not who wrote it
        signature = ""
        if author is None:
            author = _author_from_header(element, found, markup, text)
            first, _, rest = text.partition("\n")
            body, _, last = text.rpartition("\n")
            if author and rest and author in first and len(first) <= MAX_AUTHOR_CHARS:  # "NAME sagt:"
                text = _trim(rest, markup)
            elif author and body and author in last and len(last) <= MAX_AUTHOR_CHARS and DATE_TEXT.search(last):
                # a signature under the words, "Comment by NAME — 17.07.2011 @ 13:37": the header, not the words
                text, signature = _trim(body, markup), last
        time = parse_time(time_raw)
        if time is None:  # a date written out in a short header line: "19. Juni 2018 um 15:28 Uhr"
            head = [line for line in _head_text(element, found, 200).split("\n")[:3] if len(line) <= MAX_AUTHOR_CHARS]
            time = (
                parse_loose(signature)  # whole, where the first lines may stop before its clock
                or parse_loose("\n".join(head))
                or parse_loose(_header_line(author_node, element))
            )
        kept.append(DomComment(element, author, time, text, notice=notice))
    positions = {c.element: i for i, c in enumerate(kept)}
    for i, comment in enumerate(kept):
        comment.parent = _reply_parent(comment.element, positions, markup.reply_wrappers)
        if comment.parent is not None:
            kept[comment.parent].children.append(i)
    return kept


def _drop(node) -> None:
    if node.getparent() is not None:
        node.drop_tree() if hasattr(node, "drop_tree") else node.getparent().remove(node)


def _comment_text(element, found: set, markup: Markup, header: list | None = None) -> str:
    """The words of a comment: its body if the markup names one, else the element; without widgets and
    interface lines ("Reply", "12 Likes"), without its replies and without the short nodes its author and time
    were read from."""
    body = _first(markup.text, element, found)
    source = body if body is not None and not isinstance(body, str) else element
    drop = {e for e in source.iter() if e in found and e is not source}
    for node in header or ():
        if len(collapse(element_text(node))) <= MAX_AUTHOR_CHARS and any(a is source for a in node.iterancestors()):
            drop.add(node)
    # the replies, the header nodes and the widgets are skipped where they stand: the same text as cutting them
    # from a copy of the element, without copying it (a thread's first comment holds the whole thread)
    for xpath in markup.noise:
        drop.update(xpath(source))
    return _trim(markup.interface.without_interface(element_text(source, drop)), markup)


def _trim(text: str, markup: Markup) -> str:
    """The text without first and last lines that are a time stamp ("März 7, 2018", "23.09.20 | 18:19"): a
    line of no letters, or one that starts with a number or a month and reads as a time."""
    lines = text.split("\n")

    def header(line: str) -> bool:  # interface lines go in _read_comments (InterfaceTable.without_interface)
        words = line.split()
        if not words or not substantive(line):  # "23.09.20 | 18:19", "·", "(3)"
            return True
        if len(line) > 50 or len(words) > 7:
            return False
        first = words[0].strip(".,").lower()
        return (first[:1].isdigit() or first in MONTHS) and parse_time(line) is not None

    while lines and header(lines[0]):
        lines.pop(0)
    while lines and header(lines[-1]):
        lines.pop()
    return "\n".join(lines)


#: What stands between a site's name and the headline in a page's <title>: "Site » Headline", "Headline | Site".
TITLE_SEPARATORS = re.compile(r"\s+(?:[»«|–—·:/]|::|-)\s+")


def _headline(title: str | None, tree, first_line: str) -> str | None:
    """The article's headline where trafilatura's title is the site's name: the page's <title> reads
    "Internet-Law » Is it legal?", trafilatura took "Internet-Law", and the article opens with "Is it legal?"."""
    if not title or not first_line or first_line == title:
        return title
    element = tree.find(".//title")
    parts = [collapse(p) for p in TITLE_SEPARATORS.split(element_text(element))] if element is not None else []
    return first_line if len(parts) > 1 and title in parts and first_line in parts else title


def _without_site_name(title: str | None, sites: set[str]) -> str | None:
    """The headline without the site's name a page's title adds before or after it ("Wo die Reise endet -
    infosperber", "MDR.DE | Regen im Herbst"); the title as it is when no end of it is only the site's name."""
    if not title or not sites:
        return title
    separators = list(TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if name_key(title[last.end() :]) in sites and name_key(title[: last.start()]):
        return title[: last.start()].strip()
    if name_key(title[: first.start()]) in sites and name_key(title[first.end() :]):
        return title[first.end() :].strip()
    return title


def _publication_date(date: str | None, comments: list[Comment], warnings: list[PageWarning]) -> str | None:
    """The page's date, unless a comment was posted on an earlier day: then it is the date the page was updated
    (a recipe reworked years after its first comments), not the one it was published, and none is given."""
    first = min((c.posted_at[:10] for c in comments if c.posted_at), default=None)
    if not date or not first or date[:10] <= first:
        return date
    warnings.append(
        PageWarning(
            "date_after_comments",
            f"the page's date ({date[:10]}) is later than its first comment ({first}): it is when the page was "
            "updated, not published, and is not given",
        )
    )
    return None


def _widget_regions(tree, markup: Markup) -> list:
    """The regions of the page that are neither article nor comments (the ``cut`` ones of ``exclude``)."""
    regions = [r for r in markup.exclude if r.cut]
    return [
        e
        for e in WITH_CLASS_OR_ID(tree)  # libxml2 skips the rest without making a Python object for each
        if _is_region(e, regions)
    ]


WITH_CLASS_OR_ID = etree.XPath("descendant-or-self::*[@class != '' or @id != '']")


def _cut(tree, elements) -> None:
    """Remove the outermost of ``elements`` from ``tree`` (their tails stay)."""
    chosen = set(elements)
    for element in elements:
        parent = element.getparent()
        if parent is None or any(a in chosen for a in element.iterancestors()):
            continue
        element.drop_tree() if hasattr(element, "drop_tree") else parent.remove(element)


class _TextBuilder:
    """Appends pieces to the page text, separated by blank lines, and returns each piece's offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


# --- hostile markup: what the parser brings back and what costs more than the page is worth ----------------
#: Start tags long enough to hold more attributes than ``MAX_ATTRIBUTES_PER_ELEMENT`` (cheap pre-check): ``<``, a
#: letter and at least twice that many characters up to the next ``>``. Possessive, so that a long run without
#: ``>`` (minified script: ``<o;i++)if(...``) is scanned once, not once per way to split it into a name and the rest.
LONG_TAG = re.compile(rf"<([A-Za-z][^<>]{{{2 * settings.MAX_ATTRIBUTES_PER_ELEMENT},}}+)>")
#: The tag name at the start of a long tag (the letter before it already taken).
TAG_NAME_REST = re.compile(r"[^\s<>/]*")
ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
#: Tags dropped when empty from a page over ``MAX_HTML_ELEMENTS`` (``<p></p>`` × 100,000).
EMPTY_DROPPABLE = frozenset("p div span li font b i u em strong small section a td tr ul ol".split())


def _control_table() -> dict[int, str | None]:
    """Controls that numeric character references (``&#27[41m``, ``&#8``) put back after the byte filter: C0
    but tab and newline dropped (CR made a newline, form feed a space: XML, and so lxml, refuses it); C1 read as
    Windows-1252, as HTML5 does; the noncharacters U+FFFE and U+FFFF, which XML refuses too, dropped."""
    table: dict[int, str | None] = {c: None for c in range(0x20) if c not in (9, 10)}
    table[12], table[13], table[0x7F] = " ", "\n", None
    table[0xFFFE] = table[0xFFFF] = None
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            table[code] = None
    return table


CONTROL_TABLE = _control_table()
TREE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def _without_controls(value: str) -> str:
    return value.translate(CONTROL_TABLE) if TREE_CONTROL.search(value) else value


def cap_attributes(html: str) -> str:
    """``html`` with every start tag cut to its first ``MAX_ATTRIBUTES_PER_ELEMENT`` attributes."""
    limit = settings.MAX_ATTRIBUTES_PER_ELEMENT

    def cut(match: re.Match) -> str:
        tag = match.group(1)
        # the name as long as it goes, but leaving the attributes twice the bound in characters (as
        # ``<(name)([^<>]{2*limit,})>`` would split it)
        name = TAG_NAME_REST.match(tag, 1)  # never None: the pattern matches the empty string
        name_end = 1 + min(len(name.group()) if name else 0, len(tag) - 1 - 2 * limit)
        attributes = ATTRIBUTE.findall(tag, name_end)
        if len(attributes) <= limit:
            return match.group(0)
        return f"<{tag[:name_end]} {' '.join(attributes[:limit])}>"

    return LONG_TAG.sub(cut, html)


def tame_tree(tree, controls: bool = True) -> list[PageWarning]:
    """Make a parsed tree safe and affordable: control characters out of every text, tail and attribute value
    (lxml would refuse them later and trafilatura would lose the whole article), and at most
    ``MAX_HTML_ELEMENTS`` elements (empty ones dropped first, then the rest of the page cut). ``controls``:
    whether the tree may hold control characters at all (:func:`may_hold_controls` of its HTML)."""
    # libxml2 keeps what follows </html> as siblings of the root, where XPath (and so comments) still find it
    tops = [*reversed(list(tree.itersiblings(preceding=True))), tree, *tree.itersiblings()]
    if controls:
        count = _clean_controls(tops)
    else:
        # every node but text: one walk of the document, no node set sorted (a union of three would be)
        root = tree.getroottree()
        count = int(root.xpath("count(//node())")) - int(root.xpath("count(//text())"))
    return _bound_elements(tops, count)


#: A numeric character reference, leading zeros skipped; one of more than 8 digits names no character at all.
NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})(?![0-9a-fA-F])|0*([0-9]{1,8})(?![0-9]))")


def may_hold_controls(html: str) -> bool:
    """Whether a tree parsed from ``html`` can hold a control character: one in the text itself, or a numeric
    character reference to one (``&#27;``, ``&#x1b``, ``&#150;``). Most pages have neither, and their trees need
    not be walked node by node."""
    if TREE_CONTROL.search(html):
        return True
    for match in NUMERIC_REFERENCE.finditer(html):
        hexadecimal, decimal = match.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if code < 0x20 and code not in (9, 10) or 0x7F <= code <= 0x9F or code >= 0xFFFE:
            return True
    return False


def _clean_controls(tops: list) -> int:
    """Control characters out of every text, tail and attribute value under ``tops``; the nodes seen."""
    count = 0
    for node in (node for top in tops for node in top.iter()):
        count += 1
        if node.text and isinstance(node.tag, str):
            clean = _without_controls(node.text)
            if clean != node.text:
                node.text = clean
        if node.tail:
            clean = _without_controls(node.tail)
            if clean != node.tail:
                node.tail = clean
        if isinstance(node.tag, str):
            for key, value in node.attrib.items():
                if TREE_CONTROL.search(value):
                    node.set(key, _without_controls(value))
    return count


def _bound_elements(tops: list, count: int) -> list[PageWarning]:
    """At most ``MAX_HTML_ELEMENTS`` elements under ``tops`` (``count`` now): empty ones dropped first, then
    the rest of the page cut."""
    limit = settings.MAX_HTML_ELEMENTS
    if count <= limit:
        return []
    for node in [node for top in tops for node in top.iter(*EMPTY_DROPPABLE)]:
        if len(node) == 0 and not (node.text or "").strip():
            _drop(node)
    nodes = [node for top in tops for node in top.iter()]
    if len(nodes) <= limit:
        return []
    for node in nodes[limit:]:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return [
        PageWarning("page_truncated", f"the page has {len(nodes):,} HTML elements; only the first {limit:,} were read")
    ]


LANGUAGE_TAG = re.compile(r"^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$", re.I)


def declared_language(tree) -> str | None:
    """The language a page declares (``<html lang="de-DE">``, ``xml:lang``, ``content-language``, ``og:locale``)
    as an ISO 639 code, or None. A declaration is a template's as often as the writer's: it is a hint that
    :func:`rashomon.read.finish` weighs against the text."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for node in tree.iter("meta"):
        key = (node.get("http-equiv") or node.get("property") or node.get("name") or "").strip().lower()
        if key in ("content-language", "og:locale", "language"):
            candidates.append(node.get("content"))
    for value in candidates:
        match = LANGUAGE_TAG.match((value or "").split(",")[0])
        if match:
            return match.group(1).lower()
    return None


def read_html(html: str, *, url: str | None = None) -> Page:
    """Read an HTML page into a :class:`Page` with the article in blocks and the comments with their threads."""
    import trafilatura

    warnings: list[PageWarning] = []
    html = html.replace("\r\n", "\n").replace("\r", "\n")  # as HTML's own input stream normalises them
    tree = trafilatura.load_html(cap_attributes(html))
    if tree is None:
        return Page(
            text="",
            url=url,
            source_format="html",
            warnings=[PageWarning("unparsable_html", "the HTML could not be parsed")],
        )
    # trafilatura may hand back the first element rather than the document (<video></html>...): read the
    # whole document, and never give htmldate a root it would try to drop
    tree = tree.getroottree().getroot()
    warnings.extend(tame_tree(tree, may_hold_controls(html)))
    publisher = page_publisher(tree, url)
    language = declared_language(tree)
    markup = default_markup()
    dom_comments = find_comments(tree, markup)
    if dom_comments:  # their words are read: the tree is the article's now
        _cut(tree, [c.element for c in dom_comments])
    else:  # trafilatura will look for comments: not in a "recent comments" widget
        _cut(tree, _widget_regions(tree, markup))
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=not dom_comments, with_metadata=True, include_tables=True
    )
    article_lines: list[str] = []
    fallback_comments: list[str] = []
    meta: dict[str, Any] = {}
    if document is not None:
        meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
        article_lines = [collapse(line) for line in (meta.get("text") or "").split("\n") if collapse(line)]
        # what trafilatura takes for comments is not read as comments (it cannot tell them from teasers, forms or
        # buttons): it only tells whether a comment section with words in it went unread
        fallback_comments = [
            line
            for line in itertools.islice((collapse(line) for line in (meta.get("comments") or "").split("\n")), 1000)
            if substantive(line)
            and not markup.interface.is_interface_line(line)
            and line not in (publisher, collapse(meta.get("title") or ""))  # the site's name by a form's avatar
        ]

    # a consent wall in the article (in place of an embedded post) is not the article; a consent banner elsewhere
    # trafilatura leaves out itself (its classes hold "cookie" or "consent"), and --render leaves out of the page
    article_lines = markup.interface.without_consent(article_lines)
    # a login prompt or comment counter closing the article is the comment section's interface, not the article
    while article_lines and markup.interface.is_interface_line(article_lines[-1]):
        article_lines.pop()
    comment_texts = [c.text for c in dom_comments if c.text]
    if comment_texts:
        joined = "\n".join(comment_texts)
        article_lines = [line for line in article_lines if len(line) < MIN_LEAK_CHARS or line not in joined]

    builder = _TextBuilder()
    blocks: list[Block] = []
    # the headline: trafilatura's title, or the article's opening line when that title is the site's name, less
    # the site's name the title adds; the article's opening lines that repeat any of these are not paragraphs
    raw = collapse(meta.get("title") or "") or None
    headline = _headline(raw, tree, next((line for line in article_lines[:2] if line != raw), ""))
    title = _without_site_name(headline, site_keys(tree, url, publisher))
    titles = {raw, headline, title}
    if title:
        start, end = builder.add(title)
        blocks.append(Block("b0", "headline", start, end, title))
    for line in article_lines:
        if title and not blocks[1:] and line in titles:
            continue
        start, end = builder.add(line)
        blocks.append(Block(f"b{len(blocks)}", "paragraph", start, end, line))

    comments: list[Comment] = []
    if dom_comments:
        ids = [f"c{i}" for i in range(1, len(dom_comments) + 1)]
        for i, found in enumerate(dom_comments):
            start, end = builder.add(found.text) if found.text else (builder.length, builder.length)
            parent = found.parent
            comments.append(
                Comment(
                    id=ids[i],
                    author=found.author,
                    text=found.text,
                    start=start,
                    end=end,
                    posted_at=found.time,
                    reply_to=ids[parent] if parent is not None else None,
                    reply_to_author=dom_comments[parent].author if parent is not None else None,
                    flags=["pingback"] if found.notice else [],
                )
            )
    elif fallback_comments:
        warnings.append(
            PageWarning(
                "comment_structure_unknown",
                f"the page has {len(fallback_comments)} line(s) of text in what may be a comment section, but not "
                "the structure of comments (items with an author or a time and words of their own): no comments "
                "were read from it rather than article teasers, forms or buttons",
            )
        )

    return Page(
        text=builder.text(),
        title=title,
        url=url or meta.get("url"),
        publisher=publisher,
        language=language,
        published_at=_publication_date(meta.get("date"), comments, warnings),
        source_format="html",
        blocks=blocks,
        comments=comments,
        warnings=warnings,
    )
