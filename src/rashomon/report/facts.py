"""What a reader sees of one fact group: a short label and one sentence on how the accounts compare.

The compare stage keeps its machine fields (``topic`` is a kind of event or a noun class, ``reasons`` one line per
pair of claims and ``reason_parts`` the same lines as data, ``figure`` the figure every account gives, ``extra``
the particulars by claim id); the words a reader gets are made here, for every report
(the HTML and Markdown reports, the terminal, the web app, the story pages), from the group's claims themselves:

- :func:`fact_label`: who did what, in words an outlet wrote ("Mayor Ida Vell on Tuesday appointed Jonas
  Okafor"), cut from the shortest claim whose verb another outlet's claim shares, starting at an actor the outlets
  share; else the opening words of the shortest claim, quoted. Never a kind of event alone ("event: capture"
  said nothing, and was wrong when one verb had two senses).
- :func:`fact_reason`: the outlets named once ("Fox News, New York Times and HuffPost say the same in other
  words, quoting Larry Summers; HuffPost alone adds: Democrats"), not every pair of them.

Strings stay raw; each renderer escapes them (page text is hostile).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..figures import figure_key

# --- settings ------------------------------------------------------------------------------------------
#: A label is at most this many words (the speaker's name before a quotation not counted).
LABEL_MAX_WORDS = 8
#: The label starts at a shared actor at most this many words before the verb; further off, the verb's words
#: alone follow the actor's name after an ellipsis.
SUBJECT_MAX_GAP = 3
#: Verbs that name no event: a label headed by one says nothing ("He is", "I think").
LIGHT_VERBS = frozenset(
    {
        "be", "have", "do", "say", "tell", "think", "know", "get", "make", "go", "come", "see", "want", "add",
        "note", "call", "ask", "believe", "feel", "seem", "’", "'", "’m", "'m", "’s", "'s", "’re", "'re",
    }
)  # fmt: skip
#: Words a label does not end on ("beaten Tuesday night by a" -> "beaten Tuesday night").
TRAILING_WORDS = frozenset(
    {
        "a", "an", "the", "by", "of", "to", "and", "or", "in", "on", "for", "at", "with", "that", "from", "as",
        "his", "her", "its", "their", "our", "my", "is", "was", "are", "were", "be", "has", "have", "had", "but",
        "who", "which", "where", "when", "while", "if", "than", "into", "over", "about", "after", "before",
    }
)  # fmt: skip
#: A label stops before these words: what follows them is another clause.
CLAUSE_WORDS = frozenset({"who", "which", "where", "while", "because", "but", "although", "though", "whose"})
#: Speakers named by a pronoun are not named again in a reason ("quoting he").
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
#: The quoted opening words of a claim keep at least this many words when a name at their end is left out whole.
OPENING_MIN_WORDS = 5
#: Speakers the attribution stage may give that name nobody: a claim relayed from "the statement" is put in the
#: label without it.
NOT_SPEAKERS = frozenset({"statement", "report", "story", "letter", "release", "article", "post", "tweet", "ad"})
#: Words that open a description, not a name ("the attorney general").
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_EDGE = "\"'“”‘’«»()[]{}.,;:!?—–-…*"
_OPEN_QUOTES = ("“", '"', "‘", "'", "«", "(")


def _words(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\S+", text))


def _bare(word: str) -> str:
    return word.strip(_EDGE).lower()


def _is_title_case(text: str) -> bool:
    """A title-case headline (as the framing stage tells titles): its words make a label only when no other
    claim's do."""
    from ..framing import is_title

    return is_title([w for w in (m.group().strip(_EDGE) for m in _words(text)) if w and w[0].isalpha()])


def _verb_at(words: list[str], predicate: str) -> int | None:
    """The index of the word that writes ``predicate`` (a lemma) in ``words``: "appoint" -> "appointed"."""
    stem = predicate[:-1] if predicate.endswith("e") and len(predicate) > 3 else predicate
    for n, word in enumerate(words):
        bare = _bare(word)
        if bare == predicate or (bare.startswith(stem) and len(bare) <= len(predicate) + 3):
            return n
    return None


def _shared(values: Iterable[tuple[str, str]]) -> set[str]:
    """The values (second) given by two or more outlets (first)."""
    seen: dict[str, set[str]] = {}
    for outlet, value in values:
        seen.setdefault(value, set()).add(outlet)
    return {v for v, outlets in seen.items() if len(outlets) >= 2}


def _names_in(text: str, actors: Sequence[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of each actor's name or mention written in ``text``."""
    found = []
    for actor in actors:
        forms = {str(actor.get("name") or "")} | {str(m.get("text") or "") for m in actor.get("mentions") or []}
        forms |= {str(a) for a in actor.get("aliases") or []}
        for form in sorted((f for f in forms if len(f) >= 3), key=len, reverse=True):
            at = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)
            if at:
                found.append((at.start(), at.end(), str(actor.get("id"))))
                break
    return found


def _person_names(actors: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each way the pages write a person (name, aliases, mentions: "John Boehner", "Speaker Boehner") -> the
    person's display name ("John A. Boehner", the fullest, as the actors stage and the cross-page join name them),
    so one person has one form in every label. Only forms ending in the person's last name (not "the speaker");
    a form two people share ("Jackson") is left as written."""
    out: dict[str, str | None] = {}
    for actor in actors:
        name = str(actor.get("name") or "")
        if actor.get("type") != "person" or len(name.split()) < 2:
            continue
        last = _bare(name.split()[-1])
        forms = {name} | {str(a) for a in actor.get("aliases") or []}
        forms |= {str(m.get("text") or "") for m in actor.get("mentions") or []}
        for form in forms:
            form = form.strip()
            if len(form) >= 3 and form.split() and _bare(form.split()[-1]) == last:
                out[form] = name if out.get(form, name) == name else None
    return {form: name for form, name in out.items() if name}


def _as_shown(text: str, names: dict[str, str]) -> str:
    """``text`` with every person written as :func:`_person_names` shows them (longest form first)."""
    if not names:
        return text
    forms = sorted(names, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms))
    return pattern.sub(lambda m: names[m.group()], text)


def _window(text: str, verb: int, subject: tuple[int, int]) -> str | None:
    """The label cut from ``text``: the subject (character span), then the verb (word index) and the words after
    it up to the end of its clause, at most :data:`LABEL_MAX_WORDS` words; None when the subject stands after
    the verb or more than :data:`SUBJECT_MAX_GAP` words before it."""
    spans = _words(text)
    words = [m.group() for m in spans]
    start = next((n for n, m in enumerate(spans) if m.end() > subject[0]), verb)
    subject_end = next((n for n, m in enumerate(spans) if m.end() >= subject[1]), verb)
    if start >= verb or verb - subject_end - 1 > SUBJECT_MAX_GAP:
        return None
    taken: list[str] = []
    for n in range(start, len(words)):
        word = words[n]
        if n > verb and (word.startswith(_OPEN_QUOTES) or _bare(word) in CLAUSE_WORDS):
            break
        if n > start and word.startswith(_OPEN_QUOTES) and n <= verb:
            word = word.lstrip("".join(_OPEN_QUOTES))
        taken.append(word)
        if len(taken) >= LABEL_MAX_WORDS or (n >= verb and _ends_clause(word)):
            break
    following = words[start + len(taken)] if start + len(taken) < len(words) else ""
    if following[:1].isupper() and taken and taken[-1][:1].isupper() and not _ends_clause(taken[-1]):
        while len(taken) > verb - start + 1 and taken[-1][:1].isupper():
            taken.pop()  # a name cut in two ("by Mayor" of "by Mayor Okafor") is left out whole
    if 0 <= subject_end - start < len(taken) - 1:  # "The operator, Tern Lines, blamed" -> "Tern Lines blamed"
        taken[subject_end - start] = taken[subject_end - start].rstrip(",")
    cleaned = [w.strip(_EDGE) if k == len(taken) - 1 else w for k, w in enumerate(taken)]
    while cleaned and (not cleaned[-1] or _bare(cleaned[-1]) in TRAILING_WORDS) and len(cleaned) > verb - start + 1:
        cleaned.pop()
    cleaned = [w for w in cleaned if w]
    cleaned[0] = cleaned[0].lstrip("".join(_OPEN_QUOTES))
    label = " ".join(cleaned).strip()
    return label or None


def _span_of(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase) if phrase.strip() else -1
    return (at, at + len(phrase)) if at >= 0 else None


def _ends_clause(word: str) -> bool:
    """Whether a word closes its clause: a comma, colon, dash or a full stop that ends no abbreviation ("U.S.",
    "Gov.")."""
    bare = word.rstrip("\"'”’)")
    if not bare:
        return False
    if bare[-1] in ",;:—!?":
        return True
    return bare.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", bare.lstrip(_EDGE[:8]))


def opening_words(text: str, count: int = LABEL_MAX_WORDS, figures: Sequence[str] = ()) -> str:
    """The first ``count`` words of a claim, quoted, with an ellipsis when it goes on: the label of a group whose
    claims give nothing shorter to say. A figure the cut would halve (``figures``: as the claim writes them,
    "2 in 3") is kept whole."""
    plain = text.replace('"', "").replace("“", "").replace("”", "")
    words = [m.group() for m in _words(plain)]
    for figure in figures:
        at = plain.find(figure)
        if at >= 0:
            before = len(_words(plain[:at]))
            if before < count < before + len(figure.split()):
                count = before + len(figure.split())
    taken = words[:count]
    if len(words) > count and words[count][:1].isupper() and not _ends_clause(taken[-1]):
        whole = len(taken)
        while whole > 1 and taken[whole - 1][:1].isupper():
            whole -= 1
        if whole >= OPENING_MIN_WORDS:  # "held by Mayor" of "held by Mayor Okafor": a name is not halved
            taken = taken[:whole]
    while len(taken) > 1 and len(words) > count and _bare(taken[-1]) in TRAILING_WORDS:
        taken.pop()  # "picked a…" -> "picked…"
    shown = " ".join(taken).strip(_EDGE.replace("…", "").replace(")", "")).strip("'‘’ ")
    return f"“{shown}{'…' if len(words) > count else ''}”" if shown else ""


def fact_label(
    members: Sequence[dict[str, Any]],
    outlet_of: Callable[[dict[str, Any]], str],
    actors: Sequence[dict[str, Any]] = (),
    speaker_of: Callable[[dict[str, Any]], str | None] = lambda claim: None,
) -> str:
    """The label of one fact group from its claims (contract dicts): who did what, in an outlet's words.

    The verb must be one another outlet's claim shares (same predicate or kind of event, no light verb such as
    "be" or "say"), and the label starts at an actor two outlets name when one stands before it; a figure two
    outlets give that the cut leaves out follows in brackets. With no such verb, the opening words of the
    shortest claim are quoted, after its speaker's name when the outlet relays someone. A person is named as the
    actors name them, whichever outlet's words the label takes (quoted words stay as written)."""
    claims = [c for c in members if str(c.get("text") or "").strip()]
    if not claims:
        return ""
    several = len({outlet_of(c) for c in claims}) >= 2
    heads = _shared((outlet_of(c), str(c.get("predicate") or "").lower()) for c in claims)
    kinds = _shared((outlet_of(c), str(c.get("event_type") or "")) for c in claims if c.get("event_type"))
    names = {c["id"]: _names_in(str(c.get("text")), actors) for c in claims}
    shared_actors = (
        _shared((outlet_of(c), actor) for c in claims for _, _, actor in names[c["id"]])
        if several
        else {a for found in names.values() for _, _, a in found}
    )
    figures = _shared(
        (outlet_of(c), _figure_key(q))
        for c in claims
        for q in c.get("quantities") or []
        if isinstance(q, dict) and q.get("text")
    )
    people = _person_names(actors)
    ordered = sorted(claims, key=lambda c: (_is_title_case(str(c["text"])), len(_words(str(c["text"])))))
    for claim in ordered:
        predicate = str(claim.get("predicate") or "").lower()
        if not predicate or predicate in LIGHT_VERBS or not predicate[0].isalpha():
            continue
        if several and predicate not in heads and str(claim.get("event_type") or "") not in kinds:
            continue
        text = str(claim["text"])
        spans = _words(text)
        verb = _verb_at([m.group() for m in spans], predicate)
        if verb is None:
            continue
        # the subject: an actor the outlets share, named inside the claim's doer or undergoer phrase before the
        # verb ("the area held by the militants had been liberated" is not the militants' act)
        phrases = [_span_of(text, str(claim.get(k) or "")) for k in ("agent", "patient")]
        before = [
            (s, e)
            for s, e, actor in names[claim["id"]]
            if actor in shared_actors
            and e <= spans[verb].start()
            and any(p is not None and p[0] <= s and e <= p[1] for p in phrases)
        ]
        if not before:
            continue  # "intend to cooperate", "closed down two lanes": the label says who, as the outlets do
        label = _window(text, verb, max(before, key=lambda span: span[1]))
        if not label or len(label.split()) < 2:
            continue
        shown = {
            _figure_key(q)
            for q in claim.get("quantities") or []
            if isinstance(q, dict) and q.get("text") and str(q["text"]) in label
        }
        missing = [
            str(q["text"])
            for q in claim.get("quantities") or []
            if isinstance(q, dict) and q.get("text") and _figure_key(q) in figures - shown
        ]
        if missing and (whole := _completed(label, missing[0])):
            label, missing = whole, []  # "delayed the hearing by two" + "two weeks": the figure is not halved
        return _as_shown(label, people) + (f" ({missing[0]})" if missing else "")
    shortest = ordered[0]  # the sort is stable: the first of the shortest, as min would give
    written = [str(q["text"]) for q in shortest.get("quantities") or [] if isinstance(q, dict) and q.get("text")]
    quoted = opening_words(str(shortest["text"]), figures=written)
    speaker = speaker_of(shortest)
    if speaker == outlet_of(shortest) or (speaker and speaker.split()[-1].lower() in NOT_SPEAKERS):
        speaker = None  # "Fox News has learned": the outlet's own voice; "the statement": nobody named
    if speaker:  # named in full when another outlet does ("Sheridan" -> "Mark D. Sheridan")
        last = speaker.split()[-1].lower()
        speaker = max((s for s in map(speaker_of, claims) if s and s.split()[-1].lower() == last), key=len)
        speaker = people.get(speaker, speaker)
    if not speaker or speaker.split()[-1].lower() in quoted.lower():
        return quoted  # the words name their speaker already ("“He's ready,” Vell said")
    return f"{speaker}: {quoted}"


def _completed(label: str, figure: str) -> str | None:
    """``label`` with ``figure`` made whole when the label ends on its first words ("by two" + "two weeks" ->
    "by two weeks"); None when it does not."""
    words, figure_words = label.split(), figure.split()
    for k in range(len(figure_words) - 1, 0, -1):
        if [w.lower() for w in words[-k:]] == [w.lower() for w in figure_words[:k]]:
            return " ".join(words + figure_words[k:])
    return None


def _figure_key(quantity: dict[str, Any]) -> str:
    """A quantity of a contract dict as :func:`rashomon.figures.figure_key` keys it (the compare stage's
    criterion for the figure a group's accounts share)."""
    return figure_key(quantity.get("value"), quantity.get("unit"), quantity.get("text"))


# --- the reason ----------------------------------------------------------------------------------------

#: How a pair of claims says its fact (``ReasonPart.how``), in a reason's words.
HOW_WORDS = {
    "figures agree": "agree",
    "same": "say the same",
    "other words": "say the same in other words",
    "same words": "give the same words",
    "same fact": "tell the same fact",
}
#: What a pair's figures do (``ReasonPart.figures``), in a reason's words.
FIGURES_WORDS = {"agree": "the figures agree", "fit together": "the figures they give fit together"}


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def _split_name(name: str, outlets: Sequence[str]) -> tuple[str, str | None]:
    """(outlet, speaker) of a name the compare stage gave: "Holder via Fox News" -> ("Fox News", "Holder")."""
    for outlet in sorted(outlets, key=len, reverse=True):
        if name == outlet:
            return outlet, None
        if name.endswith(f" via {outlet}"):
            # the first in a chain spoke ("Bibi Netanyahu via Politico via HuffPost" -> Bibi Netanyahu)
            return outlet, name.split(" via ", 1)[0]
    return name, None


def _speakers(speakers: Sequence[str]) -> list[str]:
    """Speakers named once each: "Mark D. Sheridan", "Mark Sheridan" and "Sheridan" are one, named in full;
    pronouns ("he") are dropped, and so is a description of one person beside a name ("the governor" beside
    "Patrick"); a description of others ("aides with knowledge of the plan") is kept: they are not the one named."""
    kept: list[str] = []
    named = any(s[:1].isupper() and s.split()[0].lower() not in DETERMINERS for s in speakers)
    for speaker in sorted(dict.fromkeys(speakers), key=len, reverse=True):
        if speaker.lower() in PRONOUNS or not speaker.strip():
            continue
        words = speaker.split()
        if named and words[0].lower() in DETERMINERS and not (len(words) > 1 and words[1].lower().endswith("s")):
            continue
        last = words[-1].lower()
        if any(k.split()[-1].lower() == last for k in kept):
            continue
        kept.append(speaker)
    return sorted(kept, key=speakers.index)


def _old_reason(alignment: dict[str, Any]) -> str:
    """The reason of a group stored before the compare stage gave its lines as data (``reason_parts``): its
    lines as the compare stage wrote them (``reasons``), else what follows "→ verdict" in its explanation, else
    the explanation whole."""
    reasons = [str(r) for r in alignment.get("reasons") or [] if r]
    if reasons:
        return "; ".join(dict.fromkeys(reasons))
    explanation = str(alignment.get("explanation") or "")
    _, arrow, tail = explanation.partition(" → ")
    said = tail.removeprefix(str(alignment.get("verdict") or "")).strip()
    if not arrow or not said:
        return explanation
    if said.startswith(":"):
        return said[1:].strip()  # "→ unique: only Daily A reports this"
    close = said.rfind(")")
    if said.startswith("(") and close > 0:  # "→ agree (A and B agree); only A's account reports it"
        return "; ".join(p for p in (said[1:close].strip(), said[close + 1 :].strip(" ;")) if p)
    return said


def fact_reason(alignment: dict[str, Any], outlets: Sequence[str]) -> str:
    """One sentence on how the accounts of a group compare, each outlet named once in each clause: the
    agreeing outlets together ("Fox News, New York Times and HuffPost say the same in other words, quoting
    Larry Summers"; with the group's ``figure``, the figure they share: "give the same figure, 12"), what each
    alone adds ("HuffPost alone adds: Democrats"), then the other reasons (values that differ, a denial) once each.
    It reads the group's ``reason_parts`` (the compare stage's lines as data), never their words.
    ``outlets``: the names of the columns (pages or accounts), which the compare stage's names end with."""
    parts = [p for p in alignment.get("reason_parts") or [] if isinstance(p, dict)]
    if not parts:
        return _old_reason(alignment)
    figure = alignment.get("figure")
    agreeing: list[str] = []
    speakers: list[str] = []
    own_voice = False
    hows: set[str] = set()
    adds: dict[str, list[str]] = {}
    more: set[str] = set()
    others: list[str] = []
    pairs = [
        p for p in parts if p.get("kind") == "pair" and p.get("how") in HOW_WORDS and len(p.get("names") or []) == 2
    ]
    # a pair of sources of one account (a page's own comparison) keeps every name as given: "Meridian Wire and
    # Tomas Edrin via Meridian Wire" are two sources, not one outlet
    collapse = not any(
        _split_name(str(p["names"][0]), outlets)[0] == _split_name(str(p["names"][1]), outlets)[0] for p in pairs
    )
    shown_outlets = outlets if collapse else ()
    agreements = {id(p) for p in pairs}
    for part in parts:
        names = [str(n) for n in part.get("names") or []]
        if id(part) in agreements:
            hows.add(HOW_WORDS[str(part["how"])])
            for outlet, speaker in (_split_name(name, shown_outlets) for name in names):
                agreeing.append(outlet)
                if speaker:
                    speakers.append(speaker)
                else:
                    own_voice = True
            if part.get("figures") in FIGURES_WORDS:
                others.append(FIGURES_WORDS[str(part["figures"])])
        elif part.get("kind") == "adds" and names:
            outlet, _ = _split_name(names[0], shown_outlets)
            found = adds.setdefault(outlet, [])
            found += [str(p) for p in part.get("particulars") or [] if p and p not in found]
            if part.get("tells_more"):
                more.add(outlet)
        elif part.get("text"):
            others.append(str(part["text"]))
    others = list(dict.fromkeys(others))
    clauses: list[str] = []
    names = sorted(dict.fromkeys(agreeing), key=lambda n: list(outlets).index(n) if n in outlets else len(outlets))
    if names:
        if "tell the same fact" in hows:
            how = "tell the same fact"
        elif hows == {"agree"} and figure:
            how = f"give the same figure, {figure}"
        elif hows == {"agree"}:
            how = "give the same figures"
        elif hows == {"give the same words"}:
            how = "give the same words"
        elif hows <= {"say the same in other words"}:
            how = "say the same in other words"
        elif "say the same in other words" in hows:
            how = "say the same, some in other words"
        else:
            how = "say the same"
        subject = _listed(names) if len(names) > 1 else f"{names[0]} and another account"
        # "quoting X" only when every outlet relays someone: one outlet's own words are nobody's quotation
        who = [] if own_voice else _speakers(speakers)
        clauses.append(f"{subject} {how}" + (f", quoting {_listed(who)}" if who else ""))
    others = [f"the figures agree ({figure})" if p == "the figures agree" and figure else p for p in others]
    # what decides a conflict comes first; an agreement's own clause leads otherwise
    clauses = others + clauses if alignment.get("verdict") == "conflict" else clauses + others
    for outlet, found in adds.items():
        if outlet in more:
            maybe = "" if alignment.get("verdict") == "compatible" else ", maybe compatible"
            clauses.append(f"{outlet} tells more{maybe}: {', '.join(found)}")
        else:
            clauses.append(f"{outlet} alone adds: {', '.join(found)}")
    return "; ".join(clauses)
