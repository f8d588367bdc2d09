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
