"""HTML pages: the article and metadata through trafilatura, the comments from the DOM.

Comments are found with the XPath table in ``rashomon/data/read/comment_markup.yaml`` (WordPress, Disqus as
rendered, Drupal, schema.org, generic comment lists): each comment's author, time, text and the reply tree
from nesting. The comment elements are cut out of the tree before trafilatura reads the article, so comments
cannot leak into the article, and only comment elements are read for comments, so the article cannot leak
into them. When no known markup is found, trafilatura's own comment text is used, without authors, and the
page says so in a warning.

The page text is rebuilt from what was extracted (title, paragraphs, comments, separated by blank lines), and
every block and comment carries its offsets into it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from lxml import etree

from ..model import Block, Comment, Page, PageWarning

BLOCK_TAGS = frozenset(
    "p div br li ul ol blockquote pre h1 h2 h3 h4 h5 h6 tr table section article header footer dd dt hr".split()
)
MAX_AUTHOR_CHARS = 80
#: An article paragraph this long that also stands in a comment came from the comment section.
MIN_LEAK_CHARS = 25
TIME_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d.%m.%Y %H:%M",
                "%d.%m.%Y", "%B %d, %Y at %I:%M %p", "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p",
                "%A, %B %d, %Y %I:%M %p", "%d/%m/%Y %H:%M", "%d %B %Y %H:%M", "%d %B %Y")


@dataclass(frozen=True, slots=True)
class Markup:
    items: tuple[etree.XPath, ...]
    author: tuple[etree.XPath, ...]
    time: tuple[etree.XPath, ...]
    text: tuple[etree.XPath, ...]
    noise: tuple[etree.XPath, ...]
    reply_wrappers: tuple[str, ...]


@dataclass(slots=True)
class DomComment:
    """A comment as found in the DOM, before it is placed in the page text."""

    element: Any
    author: str | None = None
    time: str | None = None
    text: str = ""
    parent: int | None = None  # index into the list of found comments
    children: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def default_markup() -> Markup:
    data = yaml.safe_load((resources.files("rashomon") / "data" / "read" / "comment_markup.yaml").read_text("utf-8"))
    compiled = {key: tuple(etree.XPath(x) for x in data[key]) for key in ("items", "author", "time", "text", "noise")}
    return Markup(**compiled, reply_wrappers=tuple(data.get("reply_wrappers") or ()))


def collapse(text: str) -> str:
    return " ".join(text.split())


def element_text(element) -> str:
    """The text of an element, one line per block-level element, white space folded within lines."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # comments, processing instructions
            return
        block = node.tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(element)
    lines = (collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _class_tokens(element) -> set[str]:
    return set((element.get("class") or "").split())


def _outside_nested(nodes: list, item, items: set) -> list:
    """Keep the nodes whose nearest comment element is ``item`` itself, not a reply nested in it."""
    kept = []
    for node in nodes:
        owner = node if not isinstance(node, str) else node.getparent()
        while owner is not None and owner is not item and owner not in items:
            owner = owner.getparent()
        if owner is item:
            kept.append(node)
    return kept


def _first(xpaths, item, items: set) -> Any:
    for xpath in xpaths:
        nodes = _outside_nested(xpath(item), item, items)
        for node in nodes:
            value = collapse(str(node)) if isinstance(node, str) else collapse(element_text(node))
            if value:
                return node if not isinstance(node, str) else value
    return None


def parse_time(raw: str | None) -> str | None:
    """ISO 8601 for the common forms a comment time takes in markup, else None (never a guess)."""
    if not raw:
        return None
    raw = collapse(raw)
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(raw, fmt).isoformat()
        except ValueError:
            continue
    match = re.search(r"\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)", raw) or re.search(
        r"\b(\d{1,2}\.\d{1,2}\.\d{4}(?:,? \d{1,2}:\d{2})?)", raw)
    if match:
        value = match.group(1).replace(",", "")
        for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d",
                    "%d.%m.%Y %H:%M", "%d.%m.%Y"):
            try:
                return datetime.strptime(value, fmt).isoformat()
            except ValueError:
                continue
    return None


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


def find_comments(tree, markup: Markup | None = None) -> list[DomComment]:
    """Every comment element in ``tree`` with its author, time, text and parent, in document order."""
    markup = markup or default_markup()
    found: set = set()
    for xpath in markup.items:
        found.update(e for e in xpath(tree) if isinstance(e.tag, str))
    if not found:
        return []
    ordered = [e for e in tree.iter() if e in found]
    positions = {element: i for i, element in enumerate(ordered)}
    comments: list[DomComment] = []
    for element in ordered:
        author_node = _first(markup.author, element, found)
        author = author_node if isinstance(author_node, str) else (
            collapse(element_text(author_node)) if author_node is not None else None)
        if author and len(author) > MAX_AUTHOR_CHARS:
            author = None
        time_node = _first(markup.time, element, found)
        time_raw = time_node if isinstance(time_node, str) else (
            collapse(element_text(time_node)) if time_node is not None else None)
        text = _comment_text(element, found, markup)
        comments.append(DomComment(element, author, parse_time(time_raw), text,
                                   _reply_parent(element, positions, markup.reply_wrappers)))
    for i, comment in enumerate(comments):
        if comment.parent is not None:
            comments[comment.parent].children.append(i)
    return comments


def _comment_text(element, found: set, markup: Markup) -> str:
    body = _first(markup.text, element, found)
    source = body if body is not None and not isinstance(body, str) else element
    clone = copy.deepcopy(source)
    # drop nested replies and widgets from the copy; positions differ, so match by identity of attributes
    nested_ids = {id(e) for e in source.iter() if e in found and e is not source}
    for original, copied in zip(list(source.iter()), list(clone.iter())):
        if id(original) in nested_ids and copied.getparent() is not None:
            copied.drop_tree() if hasattr(copied, "drop_tree") else copied.getparent().remove(copied)
    if source is element:
        for xpath in markup.noise:
            for node in xpath(clone):
                if node.getparent() is not None:
                    node.drop_tree() if hasattr(node, "drop_tree") else node.getparent().remove(node)
    return element_text(clone)


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


def read_html(html: str, *, url: str | None = None) -> Page:
    """Read an HTML page into a :class:`Page` with the article in blocks and the comments with their threads."""
    import trafilatura

    warnings: list[PageWarning] = []
    tree = trafilatura.load_html(html)
    if tree is None:
        return Page(text="", url=url, source_format="html",
                    warnings=[PageWarning("unparsable_html", "the HTML could not be parsed")])
    dom_comments = find_comments(tree)
    article_tree = copy.deepcopy(tree)
    if dom_comments:
        clone_of = dict(zip(tree.iter(), article_tree.iter()))
        _cut(article_tree, [clone_of[c.element] for c in dom_comments])
    document = trafilatura.bare_extraction(article_tree, url=url, include_comments=not dom_comments,
                                           with_metadata=True, include_tables=True)
    article_lines: list[str] = []
    fallback_comments: list[str] = []
    meta: dict[str, Any] = {}
    if document is not None:
        meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
        article_lines = [collapse(line) for line in (meta.get("text") or "").split("\n") if collapse(line)]
        fallback_comments = [collapse(line) for line in (meta.get("comments") or "").split("\n") if collapse(line)]

    comment_texts = [c.text for c in dom_comments if c.text]
    if comment_texts:
        joined = "\n".join(comment_texts)
        article_lines = [line for line in article_lines if len(line) < MIN_LEAK_CHARS or line not in joined]

    builder = _TextBuilder()
    blocks: list[Block] = []
    title = collapse(meta.get("title") or "") or None
    if title:
        start, end = builder.add(title)
        blocks.append(Block("b0", "headline", start, end, title))
    for line in article_lines:
        if title and not blocks[1:] and line == title:
            continue
        start, end = builder.add(line)
        blocks.append(Block(f"b{len(blocks)}", "paragraph", start, end, line))

    comments: list[Comment] = []
    if dom_comments:
        ids = [f"c{i}" for i in range(1, len(dom_comments) + 1)]
        for i, found in enumerate(dom_comments):
            start, end = builder.add(found.text) if found.text else (builder.length, builder.length)
            parent = found.parent
            comments.append(Comment(
                id=ids[i], author=found.author, text=found.text, start=start, end=end, posted_at=found.time,
                reply_to=ids[parent] if parent is not None else None,
                reply_to_author=dom_comments[parent].author if parent is not None else None,
            ))
    elif fallback_comments:
        for i, line in enumerate(fallback_comments, start=1):
            start, end = builder.add(line)
            comments.append(Comment(id=f"c{i}", author=None, text=line, start=start, end=end))
        warnings.append(PageWarning(
            "comment_structure_unknown",
            "the comment markup is not one rashomon knows: comments are trafilatura's text, one per paragraph, "
            "without authors or threads",
        ))

    return Page(
        text=builder.text(),
        title=title,
        url=url or meta.get("url"),
        publisher=meta.get("sitename") or meta.get("hostname"),
        published_at=meta.get("date"),
        source_format="html",
        blocks=blocks,
        comments=comments,
        warnings=warnings,
    )
