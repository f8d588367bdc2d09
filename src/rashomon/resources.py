"""The files shipped in ``rashomon/data/``: lexicons, tables, trained models. One way to find and read them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(relative: str) -> Path:
    """The path of a shipped data file, e.g. ``data_path("claims/topics.yaml")``."""
    return Path(str(resources.files("rashomon") / "data" / relative))


@cache
def fingerprint() -> str:
    """A fingerprint of rashomon's code and every shipped file (models included), for the evaluations' caches: a
    result cached under it is read back only by the code and models that made it (caches keyed by their inputs
    alone silently kept the figures of the code or the encoder before a change)."""
    root = Path(str(resources.files("rashomon")))
    digest = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def key_of(texts: Iterable[str], *made_by: str) -> str:
    """A short fingerprint of ``texts`` and of what made a result from them (``made_by``: the fingerprints of an
    encoder, of code, a seed), for the file name of a cached result: one of other texts or made otherwise is
    never read back."""
    digest = hashlib.sha1("\0".join(made_by).encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:16]


def data_text(relative: str) -> str:
    return data_path(relative).read_text(encoding="utf-8")


def load_yaml(relative: str) -> Any:
    """A shipped YAML file, parsed (``yaml.safe_load``: data, never objects)."""
    return yaml.safe_load(data_text(relative))


@lru_cache(maxsize=1)
def page_part_nouns() -> frozenset[str]:
    """The nouns for parts of a page itself ("figure", "chart", "sidebar"; ``data/page_parts.yaml``), one list for
    every stage that tells the page's own parts from what it reports."""
    return frozenset(load_yaml("page_parts.yaml")["nouns"])


@lru_cache(maxsize=1)
def armed_party_words() -> frozenset[str]:
    """The common nouns that name armed parties ("rebel", "troop", "militia"; the armed types of
    ``data/actors/nouns.yaml``, less the nouns that name a party only with a modifier, "front", and "police"),
    and "armed"."""
    table = load_yaml("actors/nouns.yaml")
    armed = {"rebel_group", "political_militia", "state_forces"}
    nouns = {
        noun
        for noun, type_ in table["nouns"].items()
        if type_ in armed and noun not in table["needs_modifier"] and noun != "police"
    }
    return frozenset(nouns | {"armed"})


def speaks_of_arms(text: str) -> bool:
    """Whether a text names armed parties by a common noun ("rebels", "troops", "a militia") or says "armed":
    where the conflict lexicon's senses are war's, and a name's "Front" may be an armed group's."""
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())}
    return not words.isdisjoint(armed_party_words())


@cache
def _names_table() -> dict[str, list[str]]:
    return load_yaml("names.yaml")


@cache
def name_titles(use: str) -> frozenset[str]:
    """The titles written before a name and the suffixes after one (``data/names.yaml``, lower case, no period)
    that one use reads: ``person``, ``courtesy``, ``match``, ``speaker``, ``abbreviation``, ``suffix``, ``male`` or
    ``female``."""
    table = _names_table()
    uses = {u for row in table.values() for u in row}
    if use not in uses:
        raise ValueError(f"no use {use!r} in names.yaml; known: {sorted(uses)}")
    return frozenset(word for word, row in table.items() if use in row)
