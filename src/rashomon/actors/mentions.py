"""Find the actors a page names: gazetteer aliases first, then spaCy entities, then actor nouns.

Four passes over each block's tokens, each claiming the tokens it explains so that a later pass never
re-reads them:

1. **gazetteer**: the longest alias at each position (generic aliases such as "government forces" bind to
   an entry only on a page about its conflict; ambiguous names such as Jordan are read in context);
2. **entities**: spaCy ORG and PERSON entities not in the gazetteer become actors of their own; GPE/LOC
   entities (usually places) are kept aside and become actors only if a relation needs them;
3. **actor nouns**: "the rebels", "a Kurdish militia", "civilians" when no name is given, with the
   modifiers that make the name ("Kurdish", "rebel") and without those that are relations ("U.S.-backed");
4. **bare names**: proper names the recognizer left unlabelled, typed ``unknown`` rather than dropped.

Every actor keeps its surface forms (``aliases``) and every mention's page span, so nothing is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..dateline import dateline_end
from ..deps import NOMINAL_SUBJECT_DEPS
from ..model import Actor, Span
from ..resources import name_titles, speaks_of_arms
from .gazetteer import AliasHit, Gazetteer

# --- settings ----------------------------------------------------------------------------------------
#: spaCy entity labels taken as actors outright, and those (places) taken only when a relation needs them.
ENTITY_LABELS = {"ORG": "organization", "PERSON": "person", "NORP": "civilians"}
WEAK_ENTITY_LABELS = {"GPE": "state", "LOC": "state"}
#: Tags of the finite verbs that end an organization's name the recognizer ran on into a headline (an -ing form
#: may be a name's own word: "Acme Consulting"; a past participle only where it ends or opens a phrase).
HEADLINE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})
#: Words in an unknown organization's name that tell its type.
ORG_TYPE_WORDS = {
    "ngo": (
        "watch",
        "amnesty",
        "foundation",
        "observatory",
        "humanitarian",
        "relief",
        "rights",
        "doctors",
        "aid",
        "charity",
        "crescent",
        "cross",
    ),
    "political_militia": ("militia",),
    "government": ("ministry", "council", "government", "parliament", "cabinet", "senate", "committee", "office"),
    "media": ("news", "agency", "tv", "television", "times", "post", "press", "radio", "channel", "herald"),
    "rebel_group": ("front", "brigade", "brigades", "movement", "battalion", "liberation", "jihad"),
    "state_forces": ("army", "forces", "guard", "police", "navy", "military"),
}
#: A one-word name the page writes in lower case at least this often (and as often as it names it) is a noun.
COMMON_NOUN_MIN_LOWER = 2
#: Head words of a name that make it an institution's even when the page also writes it in lower case
#: ("the Health Ministry" / "the health ministry"): such a name is kept by the common-phrase check below.
INSTITUTION_HEADS = frozenset(
    {w for words in ORG_TYPE_WORDS.values() for w in words}
    | {"court", "house", "department", "party", "club", "group", "university", "school", "college", "bank",
       "company", "union", "association", "church", "hospital", "institute", "board", "commission", "corporation",
       "team", "federation", "league", "bureau", "authority", "administration", "assembly", "congress", "service"}
)  # fmt: skip
#: One-word names that are a role or a kind of body, not a party: the pieces of "Jane Roe, Group President,
#: Asia Pacific" that the recognizer labels apart ("Group", "President", "Manager").
BARE_ROLE_WORDS = frozenset(
    {"president", "manager", "director", "chairman", "chairwoman", "chair", "ceo", "founder", "editor", "owner",
     "head", "chief", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "group",
     "company", "team", "management", "board", "staff", "department", "division", "unit"}
)  # fmt: skip
#: Characters a name may hold besides letters, digits and spaces ("AT&T", "O'Brien", "W.J. Reddin",
#: "Smith-Jones"); a "name" with others ("| x <- f(data", "MENU > SETTINGS", "Time/Score") is code or interface,
#: and one with a comma is a list run together ("Exploitative Authoritative, Benevolent Authoritative").
NAME_PUNCTUATION = ".'’&-"
#: Words that join the words of a name ("Bank of England", "Procter & Gamble"), left out of the check that
#: every word of a label is a common word; and how often a name may be mentioned and still be such a label.
NAME_LINK_WORDS = frozenset({"of", "and", "the", "for", "on", "off", "in", "de", "du", "la", "von", "van"})
MAX_LABEL_MENTIONS = 2
#: A heading line: a block (not the headline) of at most this many words, with no verb and no sentence
#: punctuation at its end ("Dining and Drinking", "Meetings & Events" on a hotel page). A name seen only in such
#: lines whose every word is a common word is the heading's title case, not a party.
HEADING_MAX_WORDS = 6
#: Honorifics that make the next name a person's.
HONORIFICS = name_titles("person") | {f"{title}." for title in name_titles("person")}
#: Dependencies of an unlabelled proper name that can make it a party (subject, object, list member).
BARE_NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}
#: Prepositions after which a capital city is a place, not its state.
LOCATIVES = {"in", "at", "near", "outside", "into", "to", "from", "around", "across", "toward", "towards", "inside"}
#: Nouns that make a name next to them a person's ("X, a spokesman", "commander X").
PERSON_NOUNS = {
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "commander",
    "leader",
    "correspondent",
    "reporter",
    "official",
    "chief",
    "head",
    "envoy",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "colonel",
    "activist",
    "analyst",
    "man",
    "woman",
    "resident",
}
#: Words before a name that are no part of it: a person noun or a title ("President X", "Mr. X").
NAME_PREFIXES = frozenset(PERSON_NOUNS | HONORIFICS)
#: Title nouns whose "of" phrase is the office's portfolio, not a body ("secretary of state").
OFFICE_OF_NOUNS = {"secretary", "undersecretary", "minister"}
#: Words after a surname that are no part of it ("Eric H. Holder Jr.": the surname is Holder).
NAME_SUFFIXES = name_titles("suffix") | {"jr.", "sr."}
#: Words next to an ambiguous country name that say it is the country.
PLACE_CONTEXT = {"in", "to", "from", "into", "across", "invaded", "neighbouring", "neighboring", "border",
                 "borders", "government", "army", "forces", "troops", "king", "capital", "'s", "ministry",
                 "embassy", "authorities", "president", "parliament"}  # fmt: skip


@dataclass
class Found:
    """The page's actors by id, and for each parsed block the actor each token belongs to."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: list[dict[int, str]] = field(default_factory=list)
    weak: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)  # conflicts the page is about
    person_heads: list[list[tuple[int, int, str]]] = field(default_factory=list)  # (start, end, id) per block
    places: list[set[int]] = field(default_factory=list)  # tokens known to be places, per block
    by_name: dict[str, str] = field(default_factory=dict)  # actor_name_key(name) -> id of actors found from the parse
    # first name -> the one person named in full with it, for a later "Jill" after "Jill Binder" (None: shared)
    first_names: dict[str, str | None] = field(default_factory=dict)
    # surname -> the id of the one person the page names in full with it ("Holder" -> person:eric_holder), read
    # from every block before any is typed, so a surname before the full name (a headline) is that person too
    page_surnames: dict[str, str] = field(default_factory=dict)
    # surnames of the people the attribution stage heard speak ("Okafor said"): a name of two or three proper words
    # ending in one is a person's, whatever label the small model gave it ("Denzel Okafor" read as a place)
    speaking_surnames: frozenset[str] = frozenset()
    # whether the page speaks of armed conflict at all (rebels, troops, militia ...): only then does a word of a
    # name ("Front", "Movement", "Brigade") make its bearer an armed group
    speaks_of_arms: bool = False

    def add(
        self,
        block_index: int,
        actor_id: str,
        name: str,
        type_: str,
        span: Span,
        tokens: range,
        *,
        weak: bool = False,
        **extra,
    ) -> str:
        actor = self.actors.get(actor_id)
        if actor is None and actor_id.startswith(("actor:", "person:")):
            # the model may call one name a person here and an organization there: one actor all the same
            actor_id = self.by_name.setdefault(actor_name_key(name), actor_id)
            actor = self.actors.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, type=type_, **extra)
            self.actors[actor_id] = actor
            if type_ == "person" and len(name.split()) > 1:
                first = name.split()[0].lower()
                self.first_names[first] = actor_id if self.first_names.get(first, actor_id) == actor_id else None
            if weak:
                self.weak.add(actor_id)
        elif not weak:
            self.weak.discard(actor_id)
        if (
            actor.type == "person"
            and type_ == "person"
            and len(actor.name.split()) == 1
            and len(name.split()) > 1
            and surname(name) == actor.name.lower()
        ):  # "Holder" in a headline, then "Eric Holder": the person is named by the full name
            actor.aliases[:] = [actor.name] + [a for a in actor.aliases if a not in (actor.name, name)]
            actor.name = name
        actor.mentions[:] = [m for m in actor.mentions if not (span.start <= m.start and m.end <= span.end)]
        actor.mentions.append(span)  # a longer mention ("SF fighters") replaces the one it contains ("SF")
        if span.text != actor.name and span.text not in actor.aliases:
            actor.aliases.append(span.text)
        for i in tokens:
            self.token_actor[block_index][i] = actor_id
        return actor_id


def actor_name_key(name: str) -> str:
    """The lower-case name by which two mentions are one actor; an acronym's periods do not count
    ("N.A.A.C.P." is "NAACP"), as one outlet's house style writes them and another's does not."""
    bare = name.replace(".", "")
    if bare.isalpha() and bare.isupper() and len(bare) >= 2 and len(name) - len(bare) >= len(bare) - 1:
        return bare.lower()
    return name.lower()


def surname(name: str) -> str:
    """The lower-case last word of a person's name, without a suffix ("Eric H. Holder Jr." -> "holder")."""
    words = name.lower().split()
    while len(words) > 1 and words[-1].strip(",") in NAME_SUFFIXES:
        words.pop()
    return words[-1].strip(",") if words else ""


def page_surnames(parsed) -> dict[str, str]:
    """Surname -> the id of the person the page names in full with it (PERSON entities of two words or more,
    titles left out). When two people share it, the first named in full: news introduces its subject first and
    names a namesake in full ("Mr. Jackson's father, the Rev. Jesse L. Jackson"), so a bare "Jackson" in a
    headline above "Jesse Jackson Jr." is the son, not an unknown third person."""
    out: dict[str, str] = {}
    for pb in parsed:
        for ent in pb.doc.ents:
            if ent.label_ != "PERSON":
                continue
            tokens = pb.doc[ent.start : _past_suffix(pb.doc, ent.end)]
            words = [t for t in tokens if t.lower_ not in NAME_PREFIXES and t.text not in ("'s", "’s")]
            if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
                continue
            name = " ".join(t.text for t in words)
            key, actor_id = surname(name), "person:" + slug(name)
            if key and len(key) > 1:
                out.setdefault(key, actor_id)
    return out


def _past_suffix(doc, end: int) -> int:
    """``end`` moved past the name suffixes right after it ("Jr.", "III"), which the recognizer sometimes leaves
    out of a name in a headline's capitals; a suffix is part of the name (the son is not the father)."""
    while end < len(doc) and doc[end].lower_ in NAME_SUFFIXES:
        end += 1
    return end


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "actor"


def _span(parsed_block, start_token, end_token) -> Span:
    doc, offset = parsed_block.doc, parsed_block.block.start
    start = offset + doc[start_token].idx
    last = doc[end_token - 1]
    end = offset + last.idx + len(last.text)
    return Span(start, end, doc[start_token:end_token].text)


def gazetteer_matches(doc, gaz: Gazetteer) -> list[tuple[int, int, list[AliasHit]]]:
    """Longest alias matches, left to right, not overlapping; acronym aliases checked letter for letter."""
    lowers = [t.lower_ for t in doc]
    out, i, n = [], 0, len(doc)
    while i < n:
        if lowers[i] not in gaz.first_tokens:
            i += 1
            continue
        for length in range(min(gaz.max_len, n - i), 0, -1):
            hits = gaz.index.get(tuple(lowers[i : i + length]))
            if not hits:
                continue
            texts = tuple(t.text for t in doc[i : i + length])
            hits = [h for h in hits if h.exact is None or h.exact == texts]
            if hits:
                out.append((i, i + length, hits))
                i += length
                break
        else:
            i += 1
    return out


def ambiguous_reading(doc, start: int, end: int) -> str:
    """'person' or 'place' for a name that is both (Jordan, Georgia), from the tokens around it."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None

    def is_name(tok) -> bool:
        return tok is not None and tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in ("", "PERSON")

    if is_name(after) or (is_name(before) and before.i != before.sent.start):
        return "person"
    if before is not None and before.lower_ in HONORIFICS:
        return "person"
    if before is not None and before.text == "," and start >= 2 and doc[start - 2].ent_type_ == "GPE":
        return "person"  # "Atlanta, Georgia": a US state, not the country; not an actor either way
    if (before is not None and before.lower_ in PLACE_CONTEXT) or (after is not None and after.lower_ in PLACE_CONTEXT):
        return "place"
    if doc[start].ent_type_ in ("GPE", "LOC", "NORP"):
        return "place"
    for tok in doc[end : doc[start].sent.end]:  # "Jordan closed its border" / "Jordan said his ..."
        if tok.lower_ in ("its", "it"):
            return "place"
        if tok.lower_ in ("his", "her", "he", "she"):
            return "person"
    if after is not None and after.lemma_ in ("say", "tell", "score", "write", "sing") and not doc[start].is_sent_start:
        return "person"
    return "place"


def _person_extent(doc, start: int, end: int) -> tuple[int, int]:
    ent_start, ent_end = start, end
    while (
        ent_start > 0
        and doc[ent_start - 1].pos_ == "PROPN"
        and doc[ent_start - 1].is_title
        and doc[ent_start - 1].lower_ not in NAME_PREFIXES
    ):
        ent_start -= 1
    while ent_end < len(doc) and doc[ent_end].pos_ == "PROPN" and doc[ent_end].is_title:
        ent_end += 1
    return ent_start, ent_end


def _choose(hits: list[AliasHit], gaz: Gazetteer, present: set[str], specific: Counter) -> AliasHit | None:
    named = [h for h in hits if not h.generic]
    if named:
        return max(named, key=lambda h: specific[h.entry_id])
    bindable = [
        h for h in hits if gaz.entries[h.entry_id].conflict in present or gaz.entries[h.entry_id].conflict is None
    ]
    if not bindable:
        return None
    return max(bindable, key=lambda h: (gaz.entries[h.entry_id].conflict is not None, specific[h.entry_id]))


def find_actors(parsed, page_text: str, gaz: Gazetteer, speaking_surnames: frozenset[str] = frozenset()) -> Found:
    """All actors of the article blocks in ``parsed`` (see the module docstring for the three passes);
    ``speaking_surnames``: those of the people the attribution stage heard speak (:attr:`Found.speaking_surnames`)."""
    found = Found(token_actor=[{} for _ in parsed], person_heads=[[] for _ in parsed], places=[set() for _ in parsed])
    found.speaking_surnames = speaking_surnames
    present = gaz.conflicts_in(page_text)
    found.present = present
    found.page_surnames = page_surnames(parsed)
    found.speaks_of_arms = speaks_of_arms(page_text)
    matches = [gazetteer_matches(pb.doc, gaz) for pb in parsed]
    place_names = {cue for cues in gaz.conflicts.values() for cue in cues}
    specific = Counter(h.entry_id for block in matches for _, _, hits in block for h in hits if not h.generic)
    for index, pb in enumerate(parsed):
        if len(pb.doc):  # "WASHINGTON —" says where the story was filed: a place, never a party's mention
            found.places[index].update(range(dateline_end(pb.doc, 0, len(pb.doc))))
        _gazetteer_pass(found, index, pb, matches[index], gaz, present, specific)
        _entity_pass(found, index, pb, gaz.lexicon)
        _noun_pass(found, index, pb, gaz, present, specific)
        _bare_name_pass(found, index, pb, place_names)
    lowered = lower_words(page_text)
    _drop_common_nouns(found, page_text, lowered, frozenset(gaz.lexicon["nouns"]), heading_spans(parsed))
    _trim_headline_names(found, parsed, lowered)
    return found


def _trim_headline_names(found: Found, parsed, lowered: Counter) -> None:
    """A name the recognizer ran on into a title-case headline's verb ("Hyatt Officially Opens", on a page that
    names Hyatt): seen only in the headline and never written below it, it is the shorter actor's mention when
    the words after that actor's name are common words (the framing background counts or the page's lower case)."""
    headlines = [(pb.block.start, pb.block.end) for pb in parsed if pb.block.kind == "headline"]
    if not headlines:
        return
    body = "\n".join(pb.block.text for pb in parsed if pb.block.kind != "headline")
    by_key = {actor_name_key(a.name): a for a in found.actors.values()}
    trimmed = set()
    for actor_id, actor in found.actors.items():
        words = actor.name.split()
        if not actor_id.startswith(("actor:", "person:")) or len(words) < 2 or actor.name in body or not actor.mentions:
            continue
        if not _only_within(actor.mentions, headlines):
            continue
        for k in range(len(words) - 1, 0, -1):
            shorter = by_key.get(actor_name_key(" ".join(words[:k])))
            if shorter is None or shorter is actor or not _common_words([w.lower() for w in words[k:]], lowered):
                continue
            prefix = " ".join(words[:k])
            for mention in actor.mentions:
                if mention.text.startswith(prefix):
                    shorter.mentions.append(Span(mention.start, mention.start + len(prefix), prefix))
            trimmed.add(actor_id)
            break
    _forget(found, trimmed)


def _only_within(mentions: list[Span], spans: list[tuple[int, int]]) -> bool:
    """Whether every mention lies inside one of the page ``spans`` (the headline, heading lines)."""
    return all(any(start <= m.start and m.end <= end for start, end in spans) for m in mentions)


def _common_words(words: list[str], lowered: Counter) -> bool:
    """Whether every (lower-case) word is a common word: in the background word counts of the framing measure
    (the shipped counts, read once per process), or one the page writes in lower case."""
    from ..framing import background

    common = background()
    return all(w in common or lowered[w] for w in words)


def _forget(found: Found, dropped: set[str]) -> None:
    """Remove the actors ``dropped`` and every trace of them (tokens, names, person heads)."""
    for actor_id in dropped:
        del found.actors[actor_id]
        found.weak.discard(actor_id)
    for block in found.token_actor:
        for token in [t for t, a in block.items() if a in dropped]:
            del block[token]
    found.by_name = {name: a for name, a in found.by_name.items() if a not in dropped}
    found.person_heads = [[h for h in heads if h[2] not in dropped] for heads in found.person_heads]


def heading_spans(parsed) -> list[tuple[int, int]]:
    """The page spans of the article's heading lines (see ``HEADING_MAX_WORDS``): short blocks, not the
    headline, with no verb and no sentence punctuation at the end."""
    out = []
    for pb in parsed:
        words = [t for t in pb.doc if not t.is_punct]
        if (
            pb.block.kind == "paragraph"
            and 0 < len(words) <= HEADING_MAX_WORDS
            and pb.block.text.rstrip()[-1:] not in ".!?:;"
            and not any(t.pos_ in ("VERB", "AUX") for t in pb.doc)
        ):
            out.append((pb.block.start, pb.block.end))
    return out


def _heading_only(actor: Actor, headings: list[tuple[int, int]], lowered: Counter) -> bool:
    """Whether a name is seen only in heading lines and every word of it is a common word (the background
    word counts of the framing measure, or one the page writes in lower case): a section title such as
    "Dining and Drinking", where the recognizer labelled "Drinking" an organization."""
    if not headings or not actor.mentions or actor.type == "person" or not _only_within(actor.mentions, headings):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", actor.name.lower()) if w not in NAME_LINK_WORDS]
    return bool(words) and _common_words(words, lowered)


#: Actor types a name's own words may give only on a page that speaks of armed conflict: "Sunset Ocean Front" on
#: a hotel page is no rebel group.
ARMED_NAME_TYPES = frozenset({"rebel_group", "political_militia"})


def lower_words(page_text: str) -> Counter:
    """How often each word is written in lower case on the page (whole words: not inside "anti-war" or "x2")."""
    return Counter(w for w in re.findall(r"(?<![\w-])[^\W\d_]+(?![\w-])", page_text) if w.islower())


def _not_a_name(
    actor: Actor, page_text: str, actor_nouns: frozenset[str] = frozenset(), lowered: Counter | None = None
) -> bool:
    """Whether a name found from the parse (not the gazetteer) is no party's name.

    - a one-word name the page itself writes in lower case at least as often: a heading's capitalised "Soil"
      on a page that says "soil" throughout is a noun (people are kept: "Rose said" where prices rose);
    - a name of several words the page also writes in lower case ("Olive Oil" / "olive oil", "Sprint Speed" /
      "sprint speed", "Main Title"): a title-cased heading, label or table cell, not a name, unless its last
      word makes it an institution's ("Health Ministry" / "health ministry") or a group of people the actor
      nouns list ("Rebel Fighters" in a headline, "rebel fighters" below); so is one named at most twice whose
      every word the page writes in lower case somewhere ("Pass Error", "Injury Frequency" in a settings table);
    - a bare role or kind of body ("President", "Group" cut out of "Jane Roe, Group President, ...");
    - no letter, one character, or characters no name holds ("🙂", "H" of a ticker, "| x <- f(data").

    ``lowered``: :func:`lower_words` of ``page_text``, counted once for all the page's names.
    """
    name = actor.name.strip()
    letters = sum(ch.isalpha() for ch in name)
    if letters < 2 or any(not (ch.isalnum() or ch.isspace() or ch in NAME_PUNCTUATION) for ch in name):
        return True
    words = name.lower().split()
    if len(words) == 1 and words[0] in BARE_ROLE_WORDS:
        return True
    lower = name.lower()
    if lower == name:
        return False
    lowered = lower_words(page_text) if lowered is None else lowered
    if len(words) > 1:
        head = {words[-1], words[-1].removesuffix("s"), words[-1].removesuffix("es")}
        if head & (INSTITUTION_HEADS | actor_nouns):
            return False
        content = [w for w in re.findall(r"[^\W\d_]+", lower) if w not in NAME_LINK_WORDS]
        if not content or not all(lowered[w] for w in content):
            return False  # some word of it the page never writes in lower case: neither check below can hold
        if re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", page_text):
            return True
        # a label named once or twice whose every word the page writes in lower case ("Pass Error", "Injury
        # Frequency", "Ball Determine"): common words capitalised for a table or a menu, not a name
        return len(actor.mentions) <= MAX_LABEL_MENTIONS
    if actor.type == "person" or not lower.isalpha():
        return False
    return lowered[lower] >= max(COMMON_NOUN_MIN_LOWER, len(actor.mentions))


def _drop_common_nouns(
    found: Found,
    page_text: str,
    lowered: Counter,
    actor_nouns: frozenset[str],
    headings: list[tuple[int, int]],
) -> None:
    """Forget the names found from the parse that are no party's name (see :func:`_not_a_name` and
    :func:`_heading_only`); every gazetteer actor is kept. ``lowered``: the page's lower-case word counts."""
    dropped = {
        actor_id
        for actor_id, actor in found.actors.items()
        if actor_id.startswith(("actor:", "person:"))
        and (_not_a_name(actor, page_text, actor_nouns, lowered) or _heading_only(actor, headings, lowered))
    }
    _forget(found, dropped)


def _gazetteer_pass(found, index, pb, matches, gaz, present, specific) -> None:
    doc = pb.doc
    for start, end, hits in matches:
        hit = _choose(hits, gaz, present, specific)
        if hit is None or any(i in found.places[index] for i in range(start, end)):
            continue
        entry = gaz.entries[hit.entry_id]
        before = doc[start - 1] if start > 0 else None
        if (
            entry.type == "state"
            and before is not None
            and before.pos_ == "PROPN"
            and doc[start].ent_iob_ == "I"
            and doc[start].ent_type_ in ("GPE", "LOC")
        ):
            found.places[index].update(range(start, end))
            continue  # "Latin America", "New Mexico": a longer place name, not the state its last word names
        if hit.capital and before is not None and before.lower_ in LOCATIVES:
            found.places[index].update(range(start, end))
            continue  # "talks in Moscow": the city, not the state
        if (
            hit.generic
            and before is not None
            and before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and start <= before.head.i < end
        ):
            continue  # "the Dunmore Alliance" is a name of its own, not "the alliance"
        if entry.ambiguous == "person" and ambiguous_reading(doc, start, end) == "person":
            p_start, p_end = _person_extent(doc, start, end)
            if p_end - p_start > end - start or doc[start].ent_type_ == "PERSON":
                name = doc[p_start:p_end].text
                found.add(
                    index, "person:" + slug(name), name, "person", _span(pb, p_start, p_end), range(p_start, p_end)
                )
            continue
        found.add(
            index,
            entry.id,
            entry.name,
            entry.type,
            _span(pb, start, end),
            range(start, end),
            side=gaz.side_of(entry, present),
            office=entry.office,
            spokesperson_for=entry.spokesperson_for,
        )
        if entry.type == "person":
            found.person_heads[index].append((start, end, entry.id))


def _org_type(name: str) -> str:
    words = {w.rstrip("s") if len(w) > 3 else w for w in name.lower().split()} | set(name.lower().split())
    for type_, cues in ORG_TYPE_WORDS.items():
        if words & set(cues):
            return type_
    return "organization"


def _in_office(ent) -> bool:
    """Whether a name is the portfolio of an office ("secretary of state", "Secretary of Homeland Security")."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in OFFICE_OF_NOUNS
        and not any(t.ent_type_ in ("GPE", "PERSON") for t in ent)
    )


def _people_type(name: str, lexicon: dict) -> str:
    """The type of a plural people's name the recognizer calls NORP: a party's members ("Republicans") are the
    party, an organization; a nationality or faith ("Americans", "Syrians", "Sunnis") is a population, civilians.
    Neither is an armed group: a militia named for a people says so ("Kurdish militia", the noun pass)."""
    words = name.lower().split()
    last = words[-1] if words else ""
    singular = {last, last.removesuffix("s"), last.removesuffix("es")}
    return "organization" if singular & set(lexicon.get("party_members", ())) else "civilians"


#: A first word the entity recognizer takes into a name that is no part of it: an article, and a letter's or a
#: message's salutation ("Dear Sasha and Malia" named an actor "Dear Sasha").
ENTITY_OPENERS = frozenset({"the", "dear", "hi", "hello", "hey"})


def _surname_owners(found: Found) -> dict[str, str]:
    """Surname -> the person a bare "Jackson" means so far: of the people found with it, the one named most
    often (the first on a tie). News names the story's subject by the bare surname and a namesake in full
    ("Mr. Jackson's father, the Rev. Jesse L. Jackson"), so a namesake named later does not take the surname."""
    owners: dict[str, str] = {}
    for actor in found.actors.values():
        if actor.type != "person":
            continue
        key = surname(actor.name)
        owner = owners.get(key)
        if owner is None or len(actor.mentions) > len(found.actors[owner].mentions):
            owners[key] = actor.id
    return owners


def _entity_pass(found, index, pb, lexicon: dict) -> None:
    claimed = found.token_actor[index]
    surnames = _surname_owners(found)
    first_names = found.first_names
    for ent in pb.doc.ents:
        if any(i in claimed or i in found.places[index] for i in range(ent.start, ent.end)):
            continue
        label = ent.label_
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ in ENTITY_OPENERS)]
        if not tokens:
            continue
        start, end = tokens[0].i, ent.end
        if label == "ORG":
            # a title-case headline read as one name: "Korvex Motors Cuts Jobs", "Varnholt Picks": the name ends
            # before a finite verb, or a participle that ends it or opens a phrase ("Church Damaged", "Killer Held
            # For Trial"; not "Approved Shipping Lane"); a "name" that opens with one ("Direct 'Tallen' Sequel") is
            # none
            end = next((t.i for t in pb.doc[start:end] if _ends_headline_name(t, end)), end)
        if end > start and pb.doc[end - 1].text in ("'s", "’s"):
            end -= 1
        if end <= start:
            continue
        name = pb.doc[start:end].text
        if name in lexicon.get("time_zones", ()) and _after_a_time(pb.doc, start):
            continue  # "0737 GMT": a time of day the recognizer took for an organization ("the NST reported" stays)
        if is_region(name, lexicon):
            label = "LOC"  # "Asia Pacific" in a title, labelled an organization: a place, kept aside
        if label in ("GPE", "LOC", "ORG") and (
            any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in ent.root.children)
            or _with_an_age(pb.doc, start, end)
        ):
            label = "PERSON"  # "Marina Voss, a spokeswoman for ...", "63-year-old Ida Korvel": the label is wrong
        if label == "ORG" and _in_office(ent):
            continue  # "Secretary of State": the office's words, not a body
        if label in ("ORG", "NORP", "GPE", "LOC") and end - start == 1 and name.lower() in found.page_surnames:
            label = "PERSON"  # "Holder" on a page that names Eric Holder: his surname, not an organization nor a
            # place (a place the gazetteer knows, "Washington", is taken before this pass)
        if (
            label in ("ORG", "NORP", "GPE", "LOC")
            and 2 <= end - start <= 3
            and all(t.pos_ == "PROPN" for t in pb.doc[start:end])
            and pb.doc[end - 1].lower_ in found.speaking_surnames
        ):
            label = "PERSON"  # "Denzel Okafor arrived ..." read as a place, on a page where "Okafor said" speaks
        if label == "PERSON":
            end = _past_suffix(pb.doc, end)  # "Jesse Jackson Jr. Pleads …": the model stopped before "Jr."
            while start < end - 1 and (pb.doc[start].lower_ in NAME_PREFIXES):
                start += 1  # "Senator Georgia Mills" is Georgia Mills; the title is her office
            name = pb.doc[start:end].text
            key = surname(name)
            actor_id = (
                (surnames.get(key) or first_names.get(key) or found.page_surnames.get(key))
                if len(name.split()) == 1
                else None
            )
            actor_id = actor_id or "person:" + slug(name)
            surnames.setdefault(key, actor_id)
            actor_id = found.add(
                index,
                actor_id,
                name,
                "person",
                _span(pb, start, end),
                range(start, end),
                weak=not _acts(pb.doc, start, end),
            )
            if found.actors[actor_id].type == "person":
                found.person_heads[index].append((start, end, actor_id))
        elif label == "ORG":
            type_ = _org_type(name)
            found.add(
                index,
                "actor:" + slug(name),
                name,
                type_ if found.speaks_of_arms or type_ not in ARMED_NAME_TYPES else "organization",
                _span(pb, start, end),
                range(start, end),
                weak=ent.root.dep_ in ("compound", "amod", "nmod"),
            )
        elif label == "NORP" and ent.root.pos_ in ("NOUN", "PROPN") and ent.root.tag_ in ("NNS", "NNPS"):
            found.add(
                index,
                "actor:" + slug(name),
                name,
                _people_type(name, lexicon),
                _span(pb, start, end),
                range(start, end),
            )
        elif label in WEAK_ENTITY_LABELS:
            found.add(
                index,
                "actor:" + slug(name),
                name,
                WEAK_ENTITY_LABELS[label],
                _span(pb, start, end),
                range(start, end),
                weak=True,
            )


#: An age right before a name ("63-year-old Ida Korvel") or right after it between commas ("Ida Korvel, 63,").
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})[\s-]*years?[\s-]*old\s*$", re.I)
_AGE_AFTER_NAME = re.compile(r"^\s*,\s*(\d{1,3})\s*(?:,|\.|;|$)")
#: Ages a person is given in the news; a larger "N-year-old" is an institution's age ("the 150-year-old bank").
MAX_PERSON_AGE = 110


def _with_an_age(doc, start: int, end: int) -> bool:
    """Whether a name of two or three proper nouns the recognizer did not call a person is given a person's age
    ("63-year-old Ida Korvel", "Dana Vell, 47, of Marsk"): the model's organization or place is a person."""
    if not 2 <= end - start <= 3 or not all(t.pos_ == "PROPN" for t in doc[start:end]):
        return False
    if doc[end - 1].dep_ == "compound":
        return False  # "a 35-year-old Tallen City Council member": the age is the member's
    before = _AGE_BEFORE_NAME.search(doc[max(0, start - 6) : start].text)
    after = _AGE_AFTER_NAME.match(doc[end : min(len(doc), end + 4)].text)
    return any(found and int(found.group(1)) <= MAX_PERSON_AGE for found in (before, after))


#: Words that end a time of day before its zone ("7:30 p.m. IST", "1100 hrs GMT").
TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midnight", "hrs", "hours", "h", "o'clock"})


def _after_a_time(doc, start: int) -> bool:
    """Whether the token before ``start`` tells a time of day ("0737", "7:30", "p.m.", "hrs", a time entity), so a zone
    code after it is the time's zone, not an outlet or a firm of the same letters."""
    if start == 0:
        return False
    before = doc[start - 1]
    return (
        before.like_num
        or before.ent_type_ == "TIME"
        or before.lower_ in TIME_WORDS
        or any(ch.isdigit() for ch in before.text)
    )


def _ends_headline_name(token, end: int) -> bool:
    """Whether an organization's name the recognizer ran into a headline's verb ends before ``token`` (inside
    a name that runs to ``end``): a finite verb ("Cuts", "Picks"), or a past participle that ends the run or
    comes before a preposition ("Damaged", "Held For Trial")."""
    if token.tag_ in HEADLINE_VERB_TAGS:
        return True
    if token.tag_ != "VBN":
        return False
    return token.i == end - 1 or token.nbor(1).tag_ == "IN"


def is_region(name: str, lexicon: dict) -> bool:
    """Whether a name is a region of the world (``regions`` of ``nouns.yaml``: "Asia Pacific", "the Middle
    East"), a place however the recognizer labels it."""
    words = re.sub(r"[^\w&-]+", " ", name.lower()).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words) in lexicon.get("regions", ())


def _bare_name_pass(found, index, pb, place_names: set[str]) -> None:
    """Proper names the entity recognizer left unlabelled ("Vessen Oral said ..."): kept, typed ``unknown``.

    A name that is the subject of its clause is an actor; one seen only as an object is kept aside like a place
    and used only if a relation needs it.
    """
    doc, claimed = pb.doc, found.token_actor[index]
    for tok in doc:
        if (
            tok.pos_ != "PROPN"
            or not tok.is_title
            or tok.ent_iob_ != "O"
            or tok.i in claimed
            or tok.i in found.places[index]
            or tok.dep_ not in BARE_NAME_DEPS
        ):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].i not in claimed
            and doc[start - 1].ent_iob_ == "O"
        ):
            start -= 1
        while start < tok.i and doc[start].lower_ in NAME_PREFIXES:
            start += 1
        if start == tok.i and doc[start].is_sent_start:
            continue  # a lone capitalised first word is too often not a name
        name = doc[start : tok.i + 1].text
        if name in place_names:
            continue  # the gazetteer's conflict cue words are places ("Aleppo", "Donetsk")
        person = found.page_surnames.get(name.lower()) if start == tok.i else None
        found.add(
            index,
            person or "actor:" + slug(name),
            name,
            "person" if person else "unknown",
            _span(pb, start, tok.i + 1),
            range(start, tok.i + 1),
            weak=tok.dep_ not in NOMINAL_SUBJECT_DEPS,
        )


def _acts(doc, start: int, end: int) -> bool:
    """Whether a name spaCy calls a person does something a person does here (speaks, acts, holds a title).

    The small English model takes many place names for persons; a "person" that is only ever the object
    of "of" or "in" is kept aside and used only if a relation or a source needs it.
    """
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return any(t.lower_ in HONORIFICS or t.lower_ in PERSON_NOUNS for t in doc[max(0, start - 3) : start])


def _keeps(tok, lexicon) -> bool:
    lower = tok.lower_
    if tok.dep_ not in ("amod", "compound", "nmod", "nummod") or tok.dep_ == "nummod":
        return False
    if "-" in lower and lower.rsplit("-", 1)[-1] in (
        "backed",
        "funded",
        "sponsored",
        "armed",
        "led",
        "held",
        "supported",
    ):
        return False
    return (
        tok.ent_type_ in ("NORP", "GPE", "ORG")
        or tok.pos_ == "PROPN"
        or lower in lexicon["modifiers"]
        or tok.lemma_ in lexicon["nouns"]
        or lower.startswith(("pro-", "anti-"))
    )


def _lemma(tok, nouns) -> str:
    """The lower-case lemma; proper-noun plurals ("Brigades") are not lemmatized by the model, so strip the s."""
    lemma = tok.lemma_.lower()
    if lemma not in nouns and tok.tag_ in ("NNS", "NNPS") and lemma.endswith("s") and lemma[:-1] in nouns:
        return lemma[:-1]
    return lemma


def _noun_pass(found, index, pb, gaz, present, specific) -> None:
    lexicon = gaz.lexicon
    nouns, collective = lexicon["nouns"], set(lexicon["collective"])
    claimed = found.token_actor[index]
    needs_modifier, member_nouns = set(lexicon["needs_modifier"]), set(lexicon["member_nouns"])
    for tok in pb.doc:
        lemma = _lemma(tok, nouns)
        if tok.i in claimed or tok.pos_ not in ("NOUN", "PROPN") or lemma not in nouns:
            continue
        if tok.tag_ not in ("NNS", "NNPS") and lemma not in collective:
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i and _lemma(tok.head, nouns) in nouns:
            continue  # "government" in "government forces": the head noun takes it
        if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
            continue  # "Sunset Ocean Front Villa": the actor noun is inside a longer name, not its head
        start = tok.i
        while start > 0 and _keeps(pb.doc[start - 1], lexicon) and pb.doc[start - 1].head.i >= start - 1:
            start -= 1
        if lemma in needs_modifier and start == tok.i:
            continue
        if lemma in member_nouns and start == tok.i:
            named = [
                claimed[p.i]
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                for p in prep.children
                if p.dep_ == "pobj" and p.i in claimed
            ]
            if named:  # "fighters from the Ironwood Battalions" are that group
                actor = found.actors[named[0]]
                found.add(index, actor.id, actor.name, actor.type, _span(pb, start, tok.i + 1), range(start, tok.i + 1))
                continue
        owner = next((claimed[i] for i in range(start, tok.i) if i in claimed), None)
        if owner is not None:  # "Hezbollah fighters", "Russian troops": the named actor's own people
            found.add(
                index,
                owner,
                found.actors[owner].name,
                found.actors[owner].type,
                _span(pb, start, tok.i + 1),
                range(start, tok.i + 1),
            )
            continue
        name = pb.doc[start : tok.i + 1].text
        ids = (
            gaz.generic_by_name.get(name.lower()) or gaz.generic_by_name.get(tok.lower_)
            if start == tok.i
            else gaz.generic_by_name.get(name.lower())
        )
        hit = _choose([AliasHit(i, True, None) for i in ids or []], gaz, present, specific)
        if hit is not None:
            entry = gaz.entries[hit.entry_id]
            found.add(
                index,
                entry.id,
                entry.name,
                entry.type,
                _span(pb, start, tok.i + 1),
                range(start, tok.i + 1),
                side=gaz.side_of(entry, present),
                office=entry.office,
                spokesperson_for=entry.spokesperson_for,
            )
            continue
        type_ = nouns[lemma]
        for mod in pb.doc[start : tok.i]:
            type_ = lexicon["type_from_modifier"].get(mod.lower_, type_)
            if lemma == "militia" and mod.ent_type_ == "NORP":
                type_ = "identity_militia"  # a militia named for a people ("Kurdish militia")
        # a real name ("Kestrel Brigades"), not a title-cased common phrase ("Government Forces" in a headline)
        proper = any(
            t.pos_ == "PROPN" and t.lower_ not in lexicon["modifiers"] and _lemma(t, nouns) not in nouns
            for t in pb.doc[start : tok.i + 1]
        )
        key = name if proper else " ".join([t.lower_ for t in pb.doc[start : tok.i]] + [lemma])
        found.add(index, "actor:" + slug(key), name, type_, _span(pb, start, tok.i + 1), range(start, tok.i + 1))
