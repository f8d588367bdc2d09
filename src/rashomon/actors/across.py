"""Actors of different pages that name one thing, made one: each page finds its own actors, so "Eric Cantor" on
one page and "Cantor" on another are two actors until :func:`same_actors_across_pages` joins them. The
cross-page report (:mod:`rashomon.report.comparison`) and the cross-page word choices (:mod:`rashomon.choices`,
run by :func:`rashomon.compare.compare_pages`) both read actors through it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..resources import name_titles
from .mentions import actor_name_key

#: Titles before a name, dropped when names are matched across pages.
NAME_TITLES = name_titles("match")
#: Suffixes that tell a son from his father: kept apart from the name's words.
NAME_SUFFIXES = name_titles("suffix")
#: Usual English nicknames -> the given name (a shortening of its first three letters needs no entry).
NICKNAMES = {
    "bob": "robert",
    "bobby": "robert",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "dick": "richard",
    "rick": "richard",
    "jim": "james",
    "jimmy": "james",
    "mike": "michael",
    "joe": "joseph",
    "tom": "thomas",
    "ted": "edward",
    "ed": "edward",
    "chuck": "charles",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "peggy": "margaret",
    "sandi": "sandra",
    "sandy": "sandra",
}
#: Actor types that are people: their given names may differ ("Dave" / "David") and still name one person.
PERSON_TYPES = frozenset({"person"})
#: A name suffix ("Jr.", "III") written by one outlet and not by another joins the two only when each names the
#: person at least this often: both outlets' central actor ("Ivo K. Brandt Jr." in one house style, "Ivo
#: Brandt" in another), not a father named once beside his son.
SUFFIX_DROPPED_MIN_MENTIONS = 3
#: Actor types a last name alone may have: the actors stage types a bare "Cantor" or "Holder" as an
#: organization as often as a person (spaCy's entity label), so both may join the one full name of that person.
LAST_NAME_TYPES = frozenset({"person", "organization"})


def _name(name: str) -> tuple[tuple[str, ...], str]:
    """A name's words, lower case, without titles and initials, and its suffix apart: "Eric H. Holder Jr." ->
    ((eric, holder), "jr"); "Rep. Cantor" -> ((cantor,), ""); "N.A.A.C.P." -> ((naacp,), "")."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", actor_name_key(name)) if w not in NAME_TITLES]
    suffix = next((w for w in words if w in NAME_SUFFIXES), "")
    return tuple(w for w in words if len(w) > 1 and w not in NAME_SUFFIXES), suffix


def _given_fits(short: str, long: str) -> bool:
    """One given name can stand for the other: the same, a shortening ("Ron" / "Ronald", "Dave" / "David":
    the first three letters) or a usual nickname ("Bob" / "Robert")."""
    if short == long or (len(short) >= 3 and len(long) >= 3 and short[:3] == long[:3]):
        return True
    return NICKNAMES.get(short) == long or NICKNAMES.get(long) == short


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (given names and a last name) that can name one person: the same last name, and each
    given name of the shorter one fitting one of the other's."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short[-1] != long[-1]:
        return False
    return all(any(_given_fits(w, g) for g in long[:-1]) for w in short[:-1])


def same_actors_across_pages(actors: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Actors of different pages that name one thing made one row (each page finds its own actors, so "Eric
    Cantor" on one page and "Cantor" on another were two rows, and the table said each page left the other out).

    ``actors`` carry ``pages``: the ids of the pages that name them (dropped on return). Two steps, each joining
    only where exactly one candidate fits (so "Jackson" beside "Jesse Jackson" and "Sandra Jackson" stays apart):

    1. the same name on pages that share none of their actors' pages ("FERGUSON" / "Ferguson"), or for people,
       given names that fit ("Dave Brat" / "David Brat", "Ron Johnson" / "Ronald S. Johnson"), always with the
       same suffix: "Marc Okafor Jr." is not "Marc Okafor", unless each page names its person at least
       ``SUFFIX_DROPPED_MIN_MENTIONS`` times ("Ivo K. Brandt Jr." in one house style, "Ivo Brandt" in
       another, each the story's central actor);
    2. a last name alone ("Cantor", a person or, as the parser often has it, an organization) joins the one
       person of that last name with a full name, on any page: a page that kept "Cantor" apart from its own
       "Eric Cantor" had nobody else to mean.

    Returns the actors and the ids that were joined into another (old id -> kept id)."""

    def fullness(actor: dict[str, Any]) -> tuple[int, int, int]:
        name = str(actor.get("name") or "")
        return -len(_name(name)[0]), -len(name), -len(actor.get("mentions") or [])

    order = sorted(actors, key=fullness)
    parent = {a["id"]: a["id"] for a in order}
    pages = {a["id"]: set(a.pop("pages", set()) or set()) for a in order}
    names = {a["id"]: _name(str(a.get("name") or "")) for a in order}
    person = {a["id"]: a.get("type") in PERSON_TYPES for a in order}
    often = {a["id"]: len(a.get("mentions") or []) >= SUFFIX_DROPPED_MIN_MENTIONS for a in order}

    def root(ident: str) -> str:
        while parent[ident] != ident:
            ident = parent[ident]
        return ident

    rank = {a["id"]: n for n, a in enumerate(order)}

    def join(one: str, other: str) -> None:
        keep, gone = sorted((one, other), key=rank.__getitem__)  # the group keeps its fullest name
        parent[gone] = keep
        pages[keep] |= pages[gone]

    by_last: dict[str, list[str]] = defaultdict(list)  # the actors that can match share the last word
    for actor in order:
        if names[actor["id"]][0]:
            by_last[names[actor["id"]][0][-1]].append(actor["id"])
    for actor in order:
        ident = actor["id"]
        words, suffix = names[ident]
        if not words:
            continue
        found = set()
        for other in by_last[words[-1]]:
            group = root(other)
            if group == root(ident) or pages[group] & pages[root(ident)]:
                continue
            if names[other][1] != suffix and not (
                "" in (names[other][1], suffix) and person[ident] and person[other] and often[ident] and often[other]
            ):
                continue
            if names[other][0] == words or (person[ident] and person[other] and _same_person(words, names[other][0])):
                found.add(group)
        if len(found) == 1:
            join(root(ident), next(iter(found)))
    for actor in order:
        ident = actor["id"]
        if actor.get("type") not in LAST_NAME_TYPES or len(names[ident][0]) != 1:
            continue
        full = [o for o in by_last[names[ident][0][0]] if person[o] and len(names[o][0]) > 1]
        # one person of that last name in all the pages: else the last name alone is ambiguous
        found = {root(o) for o in full} - {root(ident)}
        if len(found) == 1 and all(_same_person(names[a][0], names[b][0]) for a in full for b in full):
            join(root(ident), next(iter(found)))
    by_id = {a["id"]: a for a in order}
    kept: dict[str, dict[str, Any]] = {}
    renamed: dict[str, str] = {}
    for actor in order:  # longest names first: the group is named by its fullest name
        group = root(actor["id"])
        head = kept.setdefault(group, {**by_id[group], "mentions": []})
        head["mentions"] = head["mentions"] + list(actor.get("mentions") or [])
        if actor["id"] != group:
            renamed[actor["id"]] = group
            if actor.get("name") != head.get("name"):
                head["aliases"] = list(dict.fromkeys([*(head.get("aliases") or []), str(actor.get("name"))]))
    for head in kept.values():
        head["mentions"] = sorted(head["mentions"], key=lambda m: m.get("start", 0))
    return list(kept.values()), renamed
