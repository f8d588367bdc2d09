"""The project's own functional test cases for hate, abuse and threats (issue 22), read from their YAML files.

Each file (``eval/data/functional*.yaml``, written for this project after the published design of functional
suites for hate speech) holds templates per functionality with a gold label, "hateful" or "not hateful", and the
fillers of their placeholders: ``{group}`` / ``{one}`` (protected groups), ``{ngroup}`` (groups that are not),
``{thing}``, ``[SLUR]`` (taken from the abuse lexicon, so no slur is written in a case file), ``<word>`` (spelled
each way a ``spelling`` list names). Templates alternate between half A (1st, 3rd, ...: the half mended on) and
half B (held out). ``eval/functional.py`` scores the comments stage on them; ``make train`` fits the group-hate
head on the halves already read (``training.FUNCTIONAL_TRAINING``), never on a held-out half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import lexicon

HATEFUL = "hateful"
#: Groups filled into each group template (rotating through the list, so every group is used about equally).
GROUPS_PER_TEMPLATE = 5
#: Objects / non-protected groups / slurs filled into each template that names one.
FILLERS_PER_TEMPLATE = 4
SLURS_PER_TEMPLATE = 4


@dataclass(slots=True, frozen=True)
class Case:
    """One filled template: its text, functionality, gold label, half, whether it is a threat case, and the
    template it was filled from (``file:functionality:index``), so that folds can keep a template's fillings
    together."""

    text: str
    functionality: str
    hateful: bool
    half: str
    threat: bool
    template: str = ""


def _slurs() -> list[str]:
    """Plain slur words taken from the project's lexicon (single-word alternatives without regex syntax other
    than a plural ``s?``), so that no slur is written in the cases file or this script."""
    words = []
    for entry in lexicon.load("abuse")["slurs"]:
        for alt in entry.split("|"):
            if re.fullmatch(r"[a-z]{3,}(?:s\?)?", alt):
                words.append(alt.removesuffix("s?"))
    return words


def _vary(word: str, kind: str) -> str:
    """``word`` spelled the ``kind`` way (deterministic: the change is in the middle of the word)."""
    mid = len(word) // 2
    if kind == "swap":
        return word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
    if kind == "drop":
        return word[:mid] + word[mid + 1 :]
    if kind == "leet":
        return word.translate(str.maketrans("aeio", "4310"))
    if kind == "spaces":
        return " ".join(word)
    if kind == "joined":
        return "\0" + word  # the space before the word is removed below
    raise ValueError(kind)


def _spelled(text: str, kind: str) -> str:
    """``text`` with each ``<word>`` spelled the ``kind`` way (:func:`_vary`), a joined word glued to the one before."""
    text = re.sub(r"<(\w+)>", lambda m: _vary(m.group(1), kind), text)
    return text.replace(" \0", "").replace("\0", "")


def _fill(template: str, values: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        value = values[name.lower()]
        return value[:1].upper() + value[1:] if name[:1].isupper() else value

    return re.sub(r"\{(\w+)\}", sub, template)


def load_cases(path: Path, halves: str = "AB") -> list[Case]:
    """The cases of one YAML file, in file order, of the halves named (``"A"``, ``"B"`` or ``"AB"``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups = data["groups"]
    slurs = _slurs()
    cases: list[Case] = []
    rotation = 0
    for name, spec in data["functionalities"].items():
        hateful = spec["gold"] == HATEFUL
        for k, template in enumerate(spec["templates"]):
            half = "A" if k % 2 == 0 else "B"
            fillings: list[dict[str, str]]
            if "{thing}" in template.lower():
                fillings = [{"thing": t} for t in _rotate(data["things"], k, FILLERS_PER_TEMPLATE)]
            elif "{ngroup}" in template.lower():
                fillings = [{"ngroup": g} for g in _rotate(data["ngroups"], k, FILLERS_PER_TEMPLATE)]
            elif "{group}" in template.lower() or "{one}" in template:
                fillings = [{"group": g, "one": o} for g, o in _rotate(groups, rotation, GROUPS_PER_TEMPLATE)]
                rotation += 1
            else:
                fillings = [{}]
            if half not in halves:  # after the fillings: a half's cases do not depend on which halves are read
                continue
            if "[SLUR]" in template:
                fillings = [{"slur": s} for s in _rotate(slurs, 3 * k, SLURS_PER_TEMPLATE)]
            for kind in spec.get("spelling") or [None]:
                for values in fillings:
                    text = _fill(template, values).replace("[SLUR]", values.get("slur", ""))
                    if kind is not None:
                        text = _spelled(text, kind)
                    name_ = f"spelling_{kind}" if kind else name
                    cases.append(Case(text, name_, hateful, half, bool(spec.get("threat")), f"{path.name}:{name}:{k}"))
    return cases


def _rotate(items: list, start: int, count: int) -> list:
    return [items[(start + j) % len(items)] for j in range(min(count, len(items)))]
