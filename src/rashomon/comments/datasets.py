"""Readers for the public data sets the comment models are trained and evaluated on.

Only ``toxicity/davidson`` (MIT), ``toxicity/olid`` (CC BY 4.0) and ``sarcasm/isarcasmeval`` (MIT) may train
a shipped model (see the data folder's README). Each reader takes the data folder and returns texts and
labels as plain lists, so evaluations can point at any copy of the same format.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon


@dataclass(slots=True)
class Labelled:
    texts: list[str] = field(default_factory=list)
    labels: dict[str, list[int]] = field(default_factory=dict)


def read_olid(data_dir: Path) -> Labelled:
    """OLID training file: offensive (level A), targeted insult (B = TIN), group target (C = GRP)."""
    path = Path(data_dir) / "toxicity" / "olid" / "olid-training-v1.0.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    rows = [r for r in rows if len(r) >= 5]
    return Labelled(
        [r[1] for r in rows],
        {
            "offensive": [int(r[2] == "OFF") for r in rows],
            "targeted": [int(r[3] == "TIN") for r in rows],
            "group": [int(r[4] == "GRP") for r in rows],
        },
    )


def read_davidson(data_dir: Path) -> Labelled:
    """Davidson et al. 2017: hate speech (class 0), offensive (1), neither (2)."""
    path = Path(data_dir) / "toxicity" / "davidson" / "labeled_data.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Labelled(
        [r["tweet"] for r in rows],
        {"hate": [int(r["class"] == "0") for r in rows], "offensive": [int(r["class"] != "2") for r in rows]},
    )


def read_isarcasmeval(data_dir: Path) -> Labelled:
    """iSarcasmEval English training set: sarcastic by the author's own label (empty tweets dropped)."""
    path = Path(data_dir) / "sarcasm" / "isarcasmeval" / "train.En.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("tweet") or "").strip()]
    return Labelled([r["tweet"] for r in rows], {"sarcastic": [int(r["sarcastic"] == "1") for r in rows]})


def neutral_identity_texts() -> list[str]:
    """The project's own non-abusive sentences naming groups or reporting violence (see the YAML file)."""
    data = lexicon.load("identity_neutral")
    texts = [t.format(group=g) for t in data["templates"] for g in data["groups"]]
    return texts + list(data["news"])


def group_talk_texts() -> list[str]:
    """The project's own sentences about a group's treatment, history and numbers that attack no one
    (``data/comments/group_talk.yaml``), filled with the groups of ``identity_neutral.yaml``: negatives of the
    group-hate head."""
    groups = lexicon.load("identity_neutral")["groups"]
    return [t.format(group=g) for t in lexicon.load("group_talk")["templates"] for g in groups]


# --- Toxic Spans (CC0): SemEval-2021 Task 5 files and the typed ACL 2022 release ----------------------------

#: Span types of the ACL 2022 release, as the comment attributes they stand for.
SPAN_TYPES = {
    "Insult": "insult",
    "Identity based Attack": "identity_attack",
    "Threat": "threat",
    "Profane/Obscene": "profanity",
    "Other Toxicity": "toxicity",
}


@dataclass(slots=True)
class SpanSet:
    """Texts with the character spans (start, end; end exclusive) that make them toxic, and per text the span
    types that at least half of its raters used (``SPAN_TYPES`` values; empty for the SemEval files)."""

    texts: list[str] = field(default_factory=list)
    spans: list[list[tuple[int, int]]] = field(default_factory=list)
    types: list[set[str]] = field(default_factory=list)


def offsets_to_spans(offsets: list[int]) -> list[tuple[int, int]]:
    """A sorted list of character offsets as runs ``(start, end)``."""
    spans: list[tuple[int, int]] = []
    for offset in sorted(set(offsets)):
        if spans and spans[-1][1] == offset:
            spans[-1] = (spans[-1][0], offset + 1)
        else:
            spans.append((offset, offset + 1))
    return spans


def read_tsd(data_dir: Path, split: str) -> SpanSet:
    """A SemEval-2021 Task 5 file (``split``: train, trial or test): texts and their toxic character spans."""
    import ast

    path = Path(data_dir) / "toxicity" / "toxic_spans" / f"tsd_{split}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return SpanSet(
        [r["text"] for r in rows],
        [offsets_to_spans(ast.literal_eval(r["spans"])) for r in rows],
        [set() for _ in rows],
    )


def read_toxic_spans(
    data_dir: Path, exclude: set[str] | frozenset[str] = frozenset(), *, among_markers: bool = True
) -> SpanSet:
    """The ACL 2022 release: every comment whose text is not in ``exclude`` (pass the SemEval test and trial
    texts: they are in this release too), with the characters that at least half of its raters marked, and the
    span types at least half of its raters used. ``among_markers``: half of the raters who marked any span (as
    the SemEval files count, so the two releases agree), else half of all its raters."""
    from collections import Counter, defaultdict

    folder = Path(data_dir) / "toxicity" / "toxic_spans"
    with (folder / "comments.csv").open(encoding="utf-8", newline="") as handle:
        texts = {r["comment_id"]: r["comment_text"] for r in csv.DictReader(handle)}
    with (folder / "annotations.csv").open(encoding="utf-8", newline="") as handle:
        owner = {r["annotation"]: r["comment_id"] for r in csv.DictReader(handle)}
    raters = Counter(owner.values())
    markers: Counter = Counter()
    marked: defaultdict[str, Counter] = defaultdict(Counter)
    typed: defaultdict[str, Counter] = defaultdict(Counter)
    with (folder / "spans.csv").open(encoding="utf-8", newline="") as handle:
        per_annotation: defaultdict[str, tuple[set[int], set[str]]] = defaultdict(lambda: (set(), set()))
        for r in csv.DictReader(handle):
            chars, kinds = per_annotation[r["annotation"]]
            chars.update(range(int(r["start"]), int(r["end"])))
            if r["type"] in SPAN_TYPES:
                kinds.add(SPAN_TYPES[r["type"]])
    for annotation, (chars, kinds) in per_annotation.items():
        comment = owner.get(annotation)
        if comment is not None:
            markers[comment] += 1
            marked[comment].update(chars)
            typed[comment].update(kinds)
    result = SpanSet()
    for comment, text in texts.items():
        if text in exclude or comment not in raters:
            continue
        half = (markers[comment] if among_markers else raters[comment]) / 2
        if half == 0:
            half = 1.0  # nobody marked a span: none
        result.texts.append(text)
        result.spans.append(offsets_to_spans([c for c, n in marked[comment].items() if n >= half and c < len(text)]))
        result.types.append({kind for kind, n in typed[comment].items() if n >= half})
    return result
