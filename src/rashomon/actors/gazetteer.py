"""The actor gazetteer: canonical names, aliases, types and sides, from YAML/JSON data files.

The built-in table (``rashomon/data/actors/gazetteer.yaml``) holds the actors that recur in conflict news;
a user extends it with their own files (``load_gazetteer(extra_paths)``, CLI ``--actors FILE``). Matching is
on spaCy tokens: an alias is a token sequence, compared lower-cased, except short all-caps or dotted
aliases ("US", "IS", "U.S.") which must match exactly so that the pronoun "us" is never the United States.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..model import RELATION_TYPES
from ..resources import data_path

ACTOR_TYPES = (
    "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters", "protesters",
    "civilians", "external_forces", "state", "government", "media", "ngo", "organization", "person", "unknown",
)  # fmt: skip


@dataclass(slots=True)
class Entry:
    """One known actor of the gazetteer."""

    id: str
    name: str
    type: str = "unknown"
    side: str | None = None
    sides: dict[str, str] = field(default_factory=dict)  # conflict -> side, when it depends on the conflict
    conflict: str | None = None
    aliases: list[str] = field(default_factory=list)
    generic_aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    ambiguous: str | None = None
    office: str | None = None
    spokesperson_for: str | None = None


@dataclass(slots=True)
class AliasHit:
    entry_id: str
    generic: bool
    exact: tuple[str, ...] | None  # token texts that must match exactly, for acronyms
    capital: bool = False  # a capital city standing for its state: not when it is a place ("in Moscow")


@dataclass
class Gazetteer:
    """Entries by id, the conflicts' cue words, and the token-sequence index used for matching."""

    entries: dict[str, Entry]
    conflicts: dict[str, list[str]]
    lexicon: dict[str, Any]
    relation_cues: dict[str, Any]
    index: dict[tuple[str, ...], list[AliasHit]] = field(default_factory=dict)
    first_tokens: set[str] = field(default_factory=set)
    max_len: int = 1
    by_surface: dict[str, list[str]] = field(default_factory=dict)  # lower alias/demonym -> entry ids
    generic_by_name: dict[str, list[str]] = field(default_factory=dict)

    def lookup(self, surface: str) -> list[str]:
        """Entry ids a surface form (an alias or a demonym, any case) may name."""
        return self.by_surface.get(_norm(surface), [])

    def side_of(self, entry: Entry, present: set[str]) -> str | None:
        """The entry's side: its fixed one, else the one it takes in a conflict the page is about."""
        return entry.side or next((side for key, side in entry.sides.items() if key in present), None)

    def conflicts_in(self, text: str) -> set[str]:
        """Conflicts whose cue words occur in ``text``: generic aliases bind only to these."""
        present = set()
        for key, cues in self.conflicts.items():
            if any(re.search(rf"\b{re.escape(cue)}\b", text) for cue in cues):
                present.add(key)
        return present


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip().lower())
    return text[4:] if text.startswith("the ") else text


def _is_exact(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and (letters.isupper() and len(letters) <= 5 or "." in alias)


def _read_table(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"actor table not found: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read actor table {path}: {err}") from None
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else yaml.safe_load(raw)
    except (yaml.YAMLError, json.JSONDecodeError) as err:
        raise ConfigError(f"actor table {path} is not valid {path.suffix.lstrip('.') or 'YAML'}: {err}") from None
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise ConfigError(f"actor table {path} must be a list of actors or a mapping with an 'actors' list")
    return data


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ConfigError(f"{where}: every actor needs at least a 'name' (got {raw!r:.80})")
    known = set(Entry.__slots__)
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)} for actor {raw['name']!r}")
    values = dict(raw)
    values.setdefault("id", re.sub(r"[^a-z0-9]+", "_", str(raw["name"]).lower()).strip("_"))
    for key in ("aliases", "generic_aliases", "demonyms", "capitals"):
        value = values.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ConfigError(f"{where}: '{key}' of {raw['name']!r} must be a list of strings")
        values[key] = [str(v) for v in value]
    if not isinstance(values.get("sides") or {}, dict):
        raise ConfigError(f"{where}: 'sides' of {raw['name']!r} must map a conflict to a side")
    values["sides"] = {str(k): str(v) for k, v in (values.get("sides") or {}).items()}
    if values.get("type", "unknown") not in ACTOR_TYPES:
        raise ConfigError(f"{where}: type {values['type']!r} of {raw['name']!r} is not one of {', '.join(ACTOR_TYPES)}")
    return Entry(**{k: (str(v) if k in ("id", "name") else v) for k, v in values.items()})


def _merge(base: Entry, extra: Entry) -> Entry:
    for key in ("aliases", "generic_aliases", "demonyms", "capitals"):
        getattr(base, key).extend(a for a in getattr(extra, key) if a not in getattr(base, key))
    base.sides.update(extra.sides)
    for key in ("name", "type", "side", "conflict", "ambiguous", "office", "spokesperson_for"):
        value = getattr(extra, key)
        if value not in (None, "unknown") or key == "name":
            setattr(base, key, value)
    return base


def _data_file(name: str) -> Path:
    return data_path(f"actors/{name}")


def load_gazetteer(extra_paths: Iterable[str | os.PathLike] | None = None, nlp: Any = None) -> Gazetteer:
    """The built-in gazetteer extended by the user's tables (YAML or JSON), with its matching index built on
    ``nlp``'s tokenizer (default: the project's pipeline). Cached per process.

    Raises :class:`~rashomon.errors.ConfigError` naming the file for a missing or malformed table.
    """
    if nlp is None:
        from .. import nlp as nlp_module

        nlp = nlp_module.load()
    return _load(tuple(str(p) for p in (extra_paths or ())), nlp)


@lru_cache(maxsize=8)
def _load(extra_paths: tuple[str, ...], nlp: Any) -> Gazetteer:
    base = _read_table(_data_file("gazetteer.yaml"))
    entries: dict[str, Entry] = {}
    conflicts: dict[str, list[str]] = {}
    tables = [("built-in gazetteer", base)] + [(p, _read_table(Path(p))) for p in extra_paths]
    for where, table in tables:
        for key, cues in (table.get("conflicts") or {}).items():
            conflicts.setdefault(str(key), []).extend(str(c) for c in (cues or []))
        for raw in table.get("actors") or []:
            entry = _entry(raw, where)
            entries[entry.id] = _merge(entries[entry.id], entry) if entry.id in entries else entry
    lexicon = yaml.safe_load(_data_file("nouns.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load(_data_file("relations.yaml").read_text(encoding="utf-8"))
    _check_relation_types(cues)
    gazetteer = Gazetteer(entries, conflicts, lexicon, cues)
    _index(gazetteer, nlp.tokenizer)
    return gazetteer


def relation_types_in(table: Any) -> set[str]:
    """Every relation type a cue table names (``type``, ``from_type`` and ``relation`` values at any depth)."""
    found: set[str] = set()
    if isinstance(table, dict):
        for key, value in table.items():
            if key in ("type", "from_type", "relation") and isinstance(value, str):
                found.add(value)
            else:
                found |= relation_types_in(value)
    elif isinstance(table, list):
        for item in table:
            found |= relation_types_in(item)
    return found


def _check_relation_types(cues: Any) -> None:
    unknown = sorted(relation_types_in(cues) - set(RELATION_TYPES))
    if unknown:
        raise ConfigError(
            f"relations.yaml names relation types not in rashomon.model.RELATION_TYPES: {', '.join(unknown)}"
        )


def _index(gaz: Gazetteer, tokenizer: Any) -> None:
    for entry in gaz.entries.values():
        named = [(a, False, False) for a in [entry.name, *entry.aliases]] + [
            (a, True, False) for a in entry.generic_aliases
        ]
        named += [(a, False, True) for a in entry.capitals]
        for alias, generic, capital in named:
            tokens = [t.text for t in tokenizer(alias)]
            if tokens and tokens[0].lower() == "the" and len(tokens) > 1:
                tokens = tokens[1:]
            key = tuple(t.lower() for t in tokens)
            if not key:
                continue
            hit = AliasHit(entry.id, generic, tuple(tokens) if _is_exact(alias) else None, capital)
            hits = gaz.index.setdefault(key, [])
            if not any(
                h.entry_id == hit.entry_id and h.generic == hit.generic and h.capital == hit.capital for h in hits
            ):
                hits.append(hit)
            gaz.first_tokens.add(key[0])
            gaz.max_len = max(gaz.max_len, len(key))
            table = gaz.generic_by_name if generic else gaz.by_surface
            ids = table.setdefault(_norm(alias), [])
            if entry.id not in ids:
                ids.append(entry.id)
        for demonym in entry.demonyms:
            ids = gaz.by_surface.setdefault(_norm(demonym), [])
            if entry.id not in ids:
                ids.append(entry.id)
