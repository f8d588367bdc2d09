"""Who published an HTML page: a name, from what the page declares, never a social-network address.

In order: the ``og:site_name`` meta tag, the ``publisher`` of the page's schema.org JSON-LD (an Article's,
a WebPage's; a ``{"@id": ...}`` reference is looked up in the ``@graph``), then the domain of the page's
address (its ``url``, else its ``og:url`` or canonical link). A value that is an address (``https://...``,
``www.facebook.com/tagesspiegel``), a social-network account (``@tagesspiegel``) or too long to be a name is
skipped for the next source: ``article:publisher`` often holds the publisher's Facebook page, and a reader
should see "Der Tagesspiegel" or ``tagesspiegel.de``, not that.

The JSON-LD is page text: it is parsed as data (``json.loads``) with bounds on its size, the number of
blocks and the depth and number of nodes walked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

# --- settings ------------------------------------------------------------------------------------------
#: A publisher's name is at most this long (longer is a slogan or a description).
MAX_NAME_CHARS = 100
#: JSON-LD blocks read per page, characters per block, and nodes walked per block.
MAX_JSONLD_BLOCKS = 20
MAX_JSONLD_CHARS = 500_000
MAX_JSONLD_NODES = 5_000
MAX_JSONLD_DEPTH = 12
# ---------------------------------------------------------------------------------------------------------

#: Social networks and link hubs: an address there names an account, not a publisher.
SOCIAL = re.compile(
    r"(^|[\s./@])(facebook|fb|twitter|x|instagram|tiktok|youtube|youtu|linkedin|pinterest|threads|mastodon|"
    r"bsky|t|vk|telegram|whatsapp|flipboard|reddit|tumblr|linktr)\.(com|me|net|social|app|ee|be|ru|org)\b",
    re.I,
)
ADDRESS = re.compile(r"^\s*(https?:|//|www\.)|^\S+\.[a-z]{2,}/\S", re.I)
HANDLE = re.compile(r"^@\w+$")
#: schema.org types whose ``publisher`` is the page's publisher (any other type's is used only if none is).
ARTICLE_TYPES = re.compile(r"Article|Posting|Report|WebPage|Blog|NewsArticle|Review|Recipe|CreativeWork", re.I)


def publisher_name(value: Any) -> str | None:
    """``value`` as a publisher's name, or None when it is no name: empty, an address, a social account."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split()).strip(" |-–—·:")
    if not name or len(name) > MAX_NAME_CHARS or ADDRESS.search(name) or HANDLE.match(name) or SOCIAL.search(name):
        return None
    return name


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` and port (``https://www.example.org/a`` -> ``example.org``)."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.removeprefix("www.")
    return host if re.fullmatch(r"[a-z0-9.-]+", host) else None


def _meta(tree, *names: str) -> str | None:
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key in names and (node.get("content") or "").strip():
            return node.get("content")
    return None


def _jsonld_blocks(tree) -> Iterator[Any]:
    count = 0
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json":
            continue
        count += 1
        if count > MAX_JSONLD_BLOCKS:
            return
        raw = (node.text or "")[:MAX_JSONLD_CHARS]
        try:
            yield json.loads(raw)
        except (ValueError, RecursionError):
            continue


def _nodes(data: Any) -> list[dict]:
    """Every JSON object in ``data``, breadth first, within the depth and node bounds."""
    found: list[dict] = []
    queue: list[tuple[Any, int]] = [(data, 0)]
    while queue and len(found) < MAX_JSONLD_NODES:
        item, depth = queue.pop(0)
        if depth > MAX_JSONLD_DEPTH:
            continue
        if isinstance(item, dict):
            found.append(item)
            queue.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            queue.extend((v, depth + 1) for v in item[:MAX_JSONLD_NODES] if isinstance(v, dict | list))
    return found


def _types(node: dict) -> str:
    kind = node.get("@type")
    return " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else str(kind or "")


def _name_of(value: Any, index: dict[str, dict]) -> str | None:
    """The name of a publisher value: a string, an object with a name, a reference, or a list of those."""
    if isinstance(value, list):
        return next((n for n in (_name_of(v, index) for v in value[:10]) if n), None)
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and isinstance(value.get("@id"), str):
            name = (index.get(value["@id"]) or {}).get("name")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        return publisher_name(name)
    return publisher_name(value)


def jsonld_publisher(tree) -> str | None:
    """The name of the ``publisher`` the page's schema.org JSON-LD declares, an article's first."""
    nodes = [node for block in _jsonld_blocks(tree) for node in _nodes(block)]
    index: dict[str, dict] = {}
    for node in nodes:  # a bare {"@id": ...} is a reference, not the node it names
        if isinstance(node.get("@id"), str) and len(node) > 1:
            index.setdefault(node["@id"], node)
    with_publisher = [node for node in nodes if "publisher" in node]
    ranked = sorted(with_publisher, key=lambda node: not ARTICLE_TYPES.search(_types(node)))
    return next((name for name in (_name_of(node["publisher"], index) for node in ranked) if name), None)


def name_key(value: str) -> str:
    """A name as compared with a site's: letters and digits, case folded ("MDR.DE" and "mdr.de" -> "mdrde")."""
    return re.sub(r"[\W_]+", "", value.casefold())


def site_keys(tree, url: str | None, publisher: str | None) -> set[str]:
    """The ways a page may write its site's name (as :func:`name_key`): the publisher, the domain of its address
    with and without the top-level domain ("infosperber.ch", "infosperber")."""
    keys = {name_key(publisher)} if publisher else set()
    canonical = next(
        (link.get("href") for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"), None
    )
    for address in (url, _meta(tree, "og:url"), canonical):
        domain = domain_of(address)
        if domain:
            keys.update((name_key(domain), name_key(domain.rsplit(".", 1)[0])))
    keys.discard("")
    return keys


def page_publisher(tree, url: str | None = None) -> str | None:
    """The publisher of the page in ``tree``: og:site_name, else the JSON-LD publisher, else the domain."""
    name = publisher_name(_meta(tree, "og:site_name"))
    if name:
        return name
    name = jsonld_publisher(tree)
    if name:
        return name
    canonical = next(
        (link.get("href") for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"), None
    )
    for address in (url, _meta(tree, "og:url"), canonical):
        domain = domain_of(address)
        if domain:
            return domain
    return None
