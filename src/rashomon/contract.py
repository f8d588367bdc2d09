"""The JSON contract, both ways: ``to_dict`` / ``to_json`` of an analysis, ``from_dict`` back to the model,
and the contract's JSON Schema derived from the model.

Everything that writes or reads analyses as data goes through here: the renderers (via the view model), the web
store, the batch tables and the actor scorecards. The schema is not written by hand: it is generated from the
dataclasses in :mod:`rashomon.model` (with its declared vocabularies), so the model stays the one description of
the data. ``python -m rashomon.contract`` rewrites the shipped file ``rashomon/schema/analysis.schema.json``; a
test checks that the shipped file is current and that every output validates against it.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import model
from .model import SCHEMA_VERSION, Analysis

SCHEMA_ID = "https://rashomon.invalid/schema/analysis.schema.json"


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis as plain JSON-ready data, keys in the contract's order."""
    page = analysis.page
    return {
        "schema_version": SCHEMA_VERSION,
        "page": _plain(
            {
                "title": page.title,
                "url": page.url,
                "publisher": page.publisher,
                "published_at": page.published_at,
                "language": page.language,
                "source_format": page.source_format,
                "text": page.text,
            }
        ),
        "blocks": _plain(page.blocks),
        "sources": _plain(analysis.sources),
        "attributions": _plain(analysis.attributions),
        "claims": _plain(analysis.claims),
        "alignments": _plain(analysis.alignments),
        "framing": _plain(analysis.framing),
        "actors": _plain(analysis.actors),
        "relations": _plain(analysis.relations),
        "comments": _plain(page.comments),
        "warnings": _plain(analysis.warnings),
        "word_choices": _plain(analysis.word_choices),
    }


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data at any depth: dataclasses as dicts of their fields in order (as
    ``dataclasses.asdict``, in one pass instead of a deep copy and a second walk), and every non-finite float
    (inf, -inf, nan) as None.

    JSON has no literal for non-finite floats: ``json.dumps`` would write ``NaN``/``Infinity``, which strict
    parsers (browsers, ``jq``, other languages) reject, and the web app's responses refuse outright. A stage that
    divides by zero or overflows must not make the whole analysis unreadable, so the number becomes "unknown".
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    names = _field_names(typing.cast(Any, type(value)))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


@cache
def _field_names(cls: Any) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent, allow_nan=False)


def from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`~rashomon.model.Analysis` from its stored JSON contract (for engines that take one).

    Keys the model does not know are dropped and missing ones take their defaults, so an analysis stored by an
    older or newer rashomon still loads.
    """
    page_data = dict(data.get("page") or {})
    page_data["blocks"] = data.get("blocks") or []
    page_data["comments"] = data.get("comments") or []
    page = _build(model.Page, page_data)
    analysis = _build(
        model.Analysis, {**{k: v for k, v in data.items() if k not in ("page", "blocks", "comments")}, "page": page}
    )
    return analysis


def _build(cls: Any, value: Any) -> Any:
    if not isinstance(cls, type) or not dataclasses.is_dataclass(cls) or not isinstance(value, dict):
        return value
    hints = typing.get_type_hints(cls, vars(model))
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in value:
            kwargs[f.name] = _convert(hints[f.name], value[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None or dataclasses.is_dataclass(value):
        return value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        return _build(tp, value)
    if origin in (typing.Union, types.UnionType):
        for option in args:
            if dataclasses.is_dataclass(option) and isinstance(value, dict):
                return _build(option, value)
        return value
    if origin is list and isinstance(value, list):
        return [_convert(args[0], item) for item in value]
    return value


# --- schema generation ---------------------------------------------------------------------------------


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return {}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in args if a is not type(None)]
        nullable = type(None) in args
        if len(options) == 1 and "type" in options[0] and nullable:
            return {**options[0], "type": [options[0]["type"], "null"]}
        return {"anyOf": options + ([{"type": "null"}] if nullable else [])}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _define(cls: Any, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls, vars(model))
    fields = dataclasses.fields(cls)
    defs[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "properties": {f.name: _type_schema(hints[f.name], defs) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`to_dict`'s output, derived from the model."""
    defs: dict[str, Any] = {}
    for cls in (
        model.Block,
        model.Source,
        model.Attribution,
        model.Claim,
        model.Alignment,
        model.Actor,
        model.Relation,
        model.Comment,
        model.PageWarning,
        model.WordChoice,
    ):
        _define(cls, defs)
    page_fields = {
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "publisher": {"type": ["string", "null"]},
        "published_at": {"type": ["string", "null"]},
        "language": {"type": ["string", "null"]},
        "source_format": {"enum": ["text", "html"]},
        "text": {"type": "string"},
    }
    lists = {
        "blocks": "Block",
        "sources": "Source",
        "attributions": "Attribution",
        "claims": "Claim",
        "alignments": "Alignment",
        "actors": "Actor",
        "relations": "Relation",
        "comments": "Comment",
        "warnings": "PageWarning",
        "word_choices": "WordChoice",
    }
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "page": {
            "type": "object",
            "properties": page_fields,
            "required": list(page_fields),
            "additionalProperties": False,
        },
        **{key: {"type": "array", "items": {"$ref": f"#/$defs/{name}"}} for key, name in lists.items()},
        "framing": {"type": "object"},
    }
    order = [
        "schema_version",
        "page",
        "blocks",
        "sources",
        "attributions",
        "claims",
        "alignments",
        "framing",
        "actors",
        "relations",
        "comments",
        "warnings",
    ]
    added = ["word_choices"]  # added after the first release: optional, so older outputs still validate
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "rashomon analysis of one page",
        "type": "object",
        "properties": {key: properties[key] for key in order + added},
        "required": order,
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_path() -> Path:
    return Path(str(resources.files("rashomon") / "schema" / "analysis.schema.json"))


@lru_cache(maxsize=1)
def shipped_schema() -> dict[str, Any]:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def validator():
    """The one validator of the JSON contract (a ``jsonschema.Draft202012Validator`` of the shipped schema).

    Built once: compiling the schema costs more than checking one analysis. The shipped file is the contract
    other programs read; a test checks that it is current with :func:`build_schema`.
    """
    import jsonschema

    return jsonschema.Draft202012Validator(shipped_schema())


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` does not follow the shipped schema."""
    validator().validate(data)


if __name__ == "__main__":
    schema_path().write_text(json.dumps(build_schema(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {schema_path()}")
