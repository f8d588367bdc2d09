"""The options of one run, in per-stage sections (as trafilatura keeps its extraction settings in one object).

An :class:`Options` is a frozen, picklable value: the CLI builds it from a config file (``--config FILE.toml``)
and ``--set section.key=value`` overrides, :func:`rashomon.analyze` takes it as ``options=``, and the batch
engines hand the same object to every worker explicitly (nothing travels through environment variables).
Defaults come from :mod:`rashomon.settings`, so a run without options behaves exactly as before.

A config file is TOML with one table per section::

    stages = ["attribution", "claims", "actors"]

    [parse]
    spacy_model = "en_core_web_sm"

    [encoder]
    threads = 1

    [actors]
    tables = ["my_actors.yaml"]

    [comments]
    steps = ["language", "threads", "abuse", "corrections"]
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from . import settings
from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class ParseOptions:
    #: The spaCy package to load (``None``: the first of ``settings.SPACY_MODELS`` that is installed).
    spacy_model: str | None = None
    batch_size: int = settings.SPACY_BATCH_SIZE
    max_block_chars: int = settings.MAX_BLOCK_CHARS
    max_article_tokens: int = settings.MAX_ARTICLE_TOKENS


@dataclass(frozen=True, slots=True)
class EncoderOptions:
    #: onnxruntime intra-op threads for the shared encoder; 0 lets it take one per physical core. The batch
    #: engines set 1 in their workers (one process per core).
    threads: int = settings.ENCODER_THREADS


@dataclass(frozen=True, slots=True)
class ReadOptions:
    #: Extra YAML files of comment dump styles (``--comment-styles``).
    comment_styles: tuple[str, ...] = ()
    #: Read URLs by rendering them in headless Chromium (``--render``; needs Playwright), not as fetched.
    render: bool = False
    #: What ``--render`` does with a consent dialog: ``reject`` (else accept), ``accept`` (else reject) or
    #: ``leave`` (``settings.RENDER_CONSENT``; ``rashomon.read.consent``).
    consent: str = settings.RENDER_CONSENT


@dataclass(frozen=True, slots=True)
class ActorOptions:
    #: Extra actor alias tables, YAML or JSON (``--actors``).
    tables: tuple[str, ...] = ()
    #: More actors than this on one page: the most mentioned are kept and a ``too_many_actors`` warning says so.
    max_actors: int = 2000


@dataclass(frozen=True, slots=True)
class CommentOptions:
    #: Steps of the comments stage, in order (``rashomon.comments.comment_steps``; e.g. drop ``sarcasm``).
    steps: tuple[str, ...] = ("language", "threads", "abuse", "sarcasm", "corrections", "stance")
    #: ``fast``: the linear n-gram abuse and sarcasm models (default: on OLID as right as the encoder heads, 0.717
    #: vs 0.719 macro-F1 in ``eval/abuse.py``, the functional suites alike; its whole stage 305-330 comments/s
    #: against 271-298 where onnxruntime's signed int8 product runs, 184 against 157 elsewhere: session 46; only
    #: the ``encoder`` mode's sarcasm head flags), but a comment that names a group by faith, origin, sex,
    #: sexuality or disability is scored by the encoder heads (``comments.GROUPS_BY_ENCODER``, unless ``spans`` is
    #: ``False``); ``encoder``: logistic heads on the shared encoder's vectors for every comment.
    mode: str = "fast"
    #: Evidence of a flagged comment beside the lexicon's words and the threat patterns: ``None`` (default) or
    #: ``True`` the toxic-span head's phrases in either mode (the ``fast`` mode encodes only the comments it flags),
    #: and a toxicity, insult or identity-attack flag with nothing to show is withheld (precision first:
    #: ``comments.FLAG_NEEDS_EVIDENCE``); ``False`` no encoder at all, the words whose n-gram weights drove the fast
    #: model as evidence (on Toxic Spans right on 0.21 of their characters, against 0.64 for the span head with the
    #: lexicon and 0.69 for the lexicon alone: ``eval/spans.py``), every flag kept: for corpora of millions.
    spans: bool | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a user may set for a run. ``stages=None`` runs :data:`rashomon.pipeline.DEFAULT_STAGES`."""

    stages: tuple[str, ...] | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    parse: ParseOptions = field(default_factory=ParseOptions)
    encoder: EncoderOptions = field(default_factory=EncoderOptions)
    actors: ActorOptions = field(default_factory=ActorOptions)
    comments: CommentOptions = field(default_factory=CommentOptions)

    def with_values(self, values: dict[str, Any], where: str = "options") -> Options:
        """A copy with ``values`` set: ``{"stages": [...], "parse": {"batch_size": 8}}`` or dotted keys
        (``{"parse.batch_size": 8}``). An unknown section or key is a :class:`ConfigError` naming it."""
        nested: dict[str, Any] = {}
        for key, value in values.items():
            section, _, name = key.partition(".")
            if name:
                nested.setdefault(section, {})[name] = value
            elif isinstance(value, dict):
                nested.setdefault(section, {}).update(value)
            else:
                nested[section] = value
        changes: dict[str, Any] = {}
        sections = {f.name: f for f in fields(self)}
        for section, value in nested.items():
            if section not in sections:
                raise ConfigError(f"{where}: unknown option {section!r} (known: {', '.join(sections)})")
            current = getattr(self, section)
            if dataclasses.is_dataclass(current):
                if not isinstance(value, dict):
                    raise ConfigError(f"{where}: [{section}] must be a table of options")
                changes[section] = _set_fields(current, value, f"{where}: [{section}]")
            else:
                changes[section] = _coerce(value, section, where)
        return replace(self, **changes)


def _set_fields(section: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name for f in fields(section)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown option(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    changes = {}
    for name, value in values.items():
        default = getattr(section, name)
        changes[name] = _typed(value, default, f"{where} {name}")
    return replace(section, **changes)


def _typed(value: Any, default: Any, where: str) -> Any:
    """``value`` as the type of the field's current value (strings from ``--set`` are parsed)."""
    if isinstance(default, tuple) or isinstance(value, list):
        items = value.split(",") if isinstance(value, str) else value
        return tuple(str(v).strip() for v in items if str(v).strip())
    if isinstance(value, str) and value.lower() in ("none", "null", ""):
        return None
    if default is None and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"  # an optional switch (None: decided by another option)
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float) or default is None and _is_number(value):
            return float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {value!r} is not a {type(default).__name__}") from None
    return value


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return not isinstance(value, bool)


def _coerce(value: Any, name: str, where: str) -> Any:
    if name == "stages":
        return _typed(value, (), f"{where}: stages")
    return value


def load_options(path: str | Path | None = None, overrides: Sequence[str] = (), base: Options | None = None) -> Options:
    """Options from a TOML config file and ``section.key=value`` overrides (later ones win)."""
    options = base or Options()
    if path is not None:
        path = Path(path)
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise ConfigError(f"{path}: cannot read the config file ({err.strerror or err})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: not a valid TOML config file ({err})") from None
        options = options.with_values(values, str(path))
    pairs: dict[str, Any] = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set {item!r}: expected section.key=value")
        pairs[key.strip()] = value.strip()
    return options.with_values(pairs, "--set") if pairs else options
