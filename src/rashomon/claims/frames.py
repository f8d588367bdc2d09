"""Event frames of claims: what happened (the normalised event type), who did it to whom, and whether the
claim asserts or denies it; and which sentences are claims at all.

The frame is read from the spaCy parse of the sentence around the claim's predicate: ``agent`` is its
subject (or the "by ..." phrase of a passive), ``patient`` its object (or the subject of a passive), and a
negation counts only when it governs the predicate itself ("did not capture") or a denial verb governs it
("denied that any had been captured"); a "not" elsewhere in the sentence leaves the frame asserted.
The word lists (event types, opposed events, denial verbs) are in ``data/claims/topics.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, SUBJECT_DEPS
from ..resources import load_yaml, page_part_nouns

# --- settings ------------------------------------------------------------------------------------------
#: A sentence with fewer word tokens than this is not a claim unless it gives a number.
MIN_CHECKABLE_TOKENS = 6
#: Phrases of agents and patients are cut to this many tokens (the head noun and what sits right before it).
MAX_PHRASE_TOKENS = 8
#: Subjects that say nobody or nothing did it ("No one was hurt", "None of them was charged").
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither", "noone"})
#: Determiners that make a subject nobody ("No one", "No other club", "Neither side").
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
#: How far up the head chain a denial verb may sit above the predicate.
MAX_DENIAL_HOPS = 4
#: Verbs of saying that, coordinated with a denial (or, as the parser often hangs them, with what it denies), start
#: a statement of their own: the denial does not reach what they report.
SPEECH_CONJUNCTS = frozenset({"say", "add", "insist", "tell", "claim", "state", "note", "argue", "maintain"})
#: Modals that with a perfect tell what would have been so in another case ("would not have placed him"); "could
#: have" and "might have" say what may be so, which a negative denies ("could not have been caused by gas").
COUNTERFACTUAL_MODALS = frozenset({"would", "should"})


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """Event types (verb -> type), opposed pairs (frozenset -> "fact" | "framing"), denial verbs."""
    data = load_yaml("claims/topics.yaml")
    type_of = {verb: name for name, verbs in data["event_types"].items() for verb in verbs}
    opposed = {frozenset(pair): kind for kind, pairs in data["opposed_events"].items() for pair in pairs}
    idioms = {verb: frozenset(nouns) for verb, nouns in (data.get("idiom_objects") or {}).items()}
    prepositions = {verb: frozenset(words) for verb, words in (data.get("idiom_prepositions") or {}).items()}
    steps = {step: k for k, sequence in enumerate(data.get("sequence_events") or []) for step in sequence}
    told = {
        step: re.compile(r"\b(?:" + "|".join(words) + r")\b") for step, words in (data.get("step_words") or {}).items()
    }
    return {
        "type_of": type_of,
        "opposed": opposed,
        "denial": frozenset(data["denial_verbs"]),
        "idioms": idioms,
        "idiom_prepositions": prepositions,
        "phrase_events": data.get("phrase_events") or {},
        "hazards": frozenset(data.get("hazard_subjects") or ()),
        "sequence_of": steps,
        "step_told": told,
    }


def event_type(lemma: str | None) -> str | None:
    """The event type of a predicate lemma: "seize" -> "capture"; a verb outside the lists is its own type."""
    if not lemma:
        return None
    return lexicon()["type_of"].get(lemma, lemma)


def predicate_event_type(predicate) -> str | None:
    """:func:`event_type` of a predicate token, unless its direct object makes an idiom of the verb ("took part",
    "held talks", "cleared the way"): then the verb is its own type, as a verb outside the lists is; or a word it
    governs makes it a step of a legal case (``phrase_events``: "found guilty" -> convict); or a quake, a storm or a
    fire "strikes" (``hazard_subjects``): it happens, "occur"."""
    if predicate is None:
        return None
    lemma = predicate.lemma_.lower()
    if idiom_object(predicate):
        return lemma
    found = phrase_event(predicate) or event_type(lemma)
    if found == "attack" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lexicon()["hazards"] for c in predicate.children
    ):
        return "occur"  # "a magnitude 5.1 quake struck Korvo on Monday": no attack
    return found


def phrase_event(predicate) -> str | None:
    """The event a verb token tells by a word it governs, two levels down (``phrase_events``: "found guilty" ->
    convict, "the trial date was set" -> trial); "not" on that word turns a verdict of guilt into acquittal."""
    words = lexicon()["phrase_events"].get(predicate.lemma_.lower())
    if not words:
        return None
    for child in predicate.children:
        for token in (child, *child.children):
            event = words.get(token.lemma_.lower())
            if event is not None:
                negated = any(t.dep_ == "neg" for t in (*token.children, *predicate.children))
                return "acquit" if event == "convict" and negated else event
    return None


@lru_cache(maxsize=4096)
def steps_told(event_type: str | None, text: str) -> frozenset[str]:
    """The steps of a process (``sequence_events``) a claim tells: its event type's, and those whose words it uses
    (``step_words``: "were arrested and charged" tells an arrest and a charge). Read once per claim: the comparison
    asks at every pair a claim is in."""
    lexicon_ = lexicon()
    lowered = text.lower()
    found = {step for step, words in lexicon_["step_told"].items() if words.search(lowered)}
    if event_type in lexicon_["sequence_of"]:
        found.add(event_type)
    return frozenset(found)


def other_steps(type_a: str | None, text_a: str, type_b: str | None, text_b: str) -> bool:
    """Whether two claims (event type and text) tell different steps of one process and no step in common
    (:func:`steps_told`: an arrest and a charge, a trial date and a conviction): two facts, however alike their
    words."""
    steps_a = steps_told(type_a, text_a)
    if not steps_a:
        return False
    steps_b = steps_told(type_b, text_b)
    return bool(steps_b) and not steps_a & steps_b


def idiom_object(predicate) -> str | None:
    """The direct object that makes an idiom of a verb token ("took part" -> part), or the preposition on it that
    does ("taken to hospital", "took to the streets", "taken into custody" -> to, into: no capture); None."""
    lemma = predicate.lemma_.lower()
    idioms = lexicon()["idioms"].get(lemma, frozenset())
    found = next(
        (c.lemma_.lower() for c in predicate.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in idioms), None
    )
    if found is not None:
        return found
    prepositions = lexicon()["idiom_prepositions"].get(lemma, frozenset())
    return next((c.lower_ for c in predicate.children if c.dep_ == "prep" and c.lower_ in prepositions), None)


def opposed(type_a: str | None, type_b: str | None) -> str | None:
    """``fact`` when two event types cannot both hold of one event, ``framing`` when they tell it with opposed
    words, None otherwise."""
    if not type_a or not type_b or type_a == type_b:
        return None
    return lexicon()["opposed"].get(frozenset((type_a, type_b)))


def _phrase(token) -> tuple[str, int, int]:
    """The noun phrase a token heads, without its clauses: "the rebels in the north who fled" -> "the rebels"."""
    left = token.left_edge
    tokens = [t for t in token.doc[left.i : token.i + 1]][-MAX_PHRASE_TOKENS:]
    first = tokens[0]
    return token.doc[first.i : token.i + 1].text, first.idx, token.idx + len(token.text)


def roles(predicate) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None]:
    """(agent, patient) phrases of a predicate token, each (text, start, end) in the doc's characters."""
    agent = patient = None
    if predicate is None:
        return None, None
    for child in predicate.children:
        if child.dep_ == "nsubj" and agent is None:
            agent = _phrase(child)
        elif child.dep_ in ("dobj", "nsubjpass", "obj") and patient is None:
            patient = _phrase(child)
        elif child.dep_ == "agent":
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects:
                agent = _phrase(objects[0])
    return agent, patient


def past_denial(predicate):
    """The verb a denial verb governs ("denied that any had been captured" -> "captured"): the event the claim
    is about; :func:`negated` then reads the denial above it."""
    if predicate is None or predicate.lemma_.lower() not in lexicon()["denial"]:
        return predicate
    governed = [t for t in predicate.children if t.dep_ in ("ccomp", "xcomp") and t.pos_ in ("VERB", "AUX")]
    return governed[0] if governed else predicate


def negated(predicate) -> bool:
    """Whether the predicate is negated ("did not capture") or denied by a verb above it ("denied that any had
    been captured", "rejected claims that ... seized")."""
    return said_in_the_negative(predicate) or denied(predicate)


def said_in_the_negative(predicate) -> bool:
    """Whether the predicate is told in the negative ("did not capture", "No one was killed"), a denial verb
    aside; a counterfactual's negative ("would not have placed him") is not (:func:`counterfactual`)."""
    if predicate is None or counterfactual(predicate):
        return False
    return any(child.dep_ == "neg" for child in predicate.children) or nobody_does(predicate)


def counterfactual(predicate) -> bool:
    """Whether the predicate is "would" or "should" with a perfect ("would not have placed him on the list if they
    were still in the race", "they'd not have signed him", "should have called"): what would have been so, no
    deed told as done, and no denial of one. A condition alone ("would not sign unless ...", "would not resign even
    if ...") still refuses: only the perfect tells what did not come to pass."""
    if predicate is None or predicate.tag_ != "VBN":
        return False
    children = list(predicate.children)
    modal = any(
        c.dep_ == "aux"
        and c.tag_ == "MD"
        and (c.lower_ in COUNTERFACTUAL_MODALS or c.lemma_.lower() in COUNTERFACTUAL_MODALS)
        for c in children
    )
    return modal and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)


def nobody_does(predicate) -> bool:
    """Whether the predicate's subject is a negative quantifier ("No one was killed", "None of the other clubs
    has offered more", "Nothing was taken"), on the predicate or on the verb it completes ("No other club was
    thought to have offered more")."""
    for verb in (predicate, predicate.head if predicate.dep_ in ("xcomp", "ccomp") else None):
        if verb is None:
            continue
        for subject in (c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS):
            if subject.lower_ in NEGATIVE_SUBJECTS or any(
                c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in subject.children
            ):
                return True
    return False


def denied(predicate) -> bool:
    """Whether a denial verb above the predicate denies it ("denied that any had been captured", "rejected claims
    that ... seized"): a denial, where "did not capture" is only a statement in the negative."""
    if predicate is None:
        return False
    token, denial = predicate, lexicon()["denial"]
    for _ in range(MAX_DENIAL_HOPS):
        if token.head == token:
            break
        if token.dep_ == "conj" and token.lemma_.lower() in SPEECH_CONJUNCTS:
            break  # "denied that any were captured and said the army retreated": the retreat is said, not denied
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in denial:
            return True
    return False


#: A caption or an example's heading: a label of the page's own parts (``data/page_parts.yaml``), numbered, then a colon or a dash
#: ("Figure 2: Changing the font size", "Table 1 - Ferry timetable", "Example 3: ..."), describes the page.
CAPTION = re.compile(
    r"^\W{0,3}(?:" + "|".join(re.escape(noun) for noun in sorted(page_part_nouns(), key=len, reverse=True)) + ")"
    r"\s+\d+[a-z]?\s*[:.–—-]\s",
    re.I,
)
#: Dependencies that give a clause a subject: any subject, or an expletive in its place ("there is"); a clause
#: without one, headed by a bare verb, is a command.
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}


def imperative(sent) -> bool:
    """Whether the sentence is a command or an instruction ("Bake for 20 minutes.", "Click the link below.",
    "Don't forget to oil the tin."): its root is a bare verb with no subject and no modal. A recipe's steps and
    a tutorial's instructions assert nothing another account could contradict."""
    root = sent.root
    if root.tag_ != "VB" or root.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in CLAUSE_SUBJECT_DEPS or (c.dep_ == "aux" and c.tag_ == "MD") for c in root.children)


#: Dependencies that carry a clause's tense when its head verb is a participle ("has doubled", "was seized").
TENSE_DEPS = frozenset({"aux", "auxpass"})
#: Subjects that make an untensed-looking verb a tensed one: an active subject (a passive's needs its auxiliary).
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
#: Objects of a participle that make it a past tense rather than a noun's modifier ("the ad called him a liar").
PARTICIPLE_OBJECT_DEPS = frozenset({"dobj", "obj", "oprd", "ccomp"})
#: Tags of the words that open a wh-question ("how", "what", "which", "whose").
WH_TAGS = frozenset({"WRB", "WP", "WP$", "WDT"})
#: A heading: a one-line block of at most this many words, without closing punctuation, in title case.
MAX_HEADING_WORDS = 12
#: ... where at least this share of its longer words (over three letters) is capitalised.
HEADING_CAPITALS = 0.7
#: Characters that close a sentence of running text; a line ending otherwise may be a heading.
CLOSING = ".!?:;…\"”’)'"
#: Contracted verbs the tagger may miss as verbs ("That’s where ...", "Here’s the list"): tensed all.
TENSED_CONTRACTIONS = frozenset({"'s", "’s", "'re", "’re", "'m", "’m", "'ve", "’ve", "'ll", "’ll", "'d", "’d"})


def _tensed(token) -> bool:
    """Whether a word is a tensed verb ("fled", "is", "will", "’s"), or one the tagger took for an untensed form:
    a bare verb with its own subject and no auxiliary ("Lemon trees propagate well"), a participle with an active
    subject and no auxiliary ("the campaign pounced", "Biden attempted"), or a participle with an object hung
    on the sentence's head noun ("The group's first ad called him a hypocrite")."""
    if token.tag_ in FINITE_TAGS or (
        token.lower_ in TENSED_CONTRACTIONS and token.tag_ != "POS" and token.dep_ != "case"
    ):
        return True
    if token.tag_ not in ("VB", "VBN"):
        return False
    children = list(token.children)
    if any(c.tag_ == "TO" or c.dep_ in TENSE_DEPS for c in children):
        return False
    if any(c.dep_ in ACTIVE_SUBJECT_DEPS for c in children):
        return True
    return (
        token.tag_ == "VBN"
        and token.dep_ == "acl"
        and token.head.dep_ == "ROOT"
        and any(c.dep_ in PARTICIPLE_OBJECT_DEPS for c in children)
    )


def _inverted_question(sent) -> bool:
    """A question without its question mark, as headings and FAQ rows write it: the main clause's tensed verb
    opens the sentence, alone or after one wh-word, before its subject ("Can I plant seeds from shop lemons",
    "How do you make the dough"). A conditional's inversion ("Had they known, ...") sits in a subordinate clause
    and is not one."""
    words = [t for t in sent if not (t.is_punct or t.is_space or t.tag_ in ("LS", "CD"))]
    if len(words) < 2:
        return False
    first = 1 if words[0].tag_ in WH_TAGS else 0
    verb = words[first]
    if verb.tag_ not in FINITE_TAGS:
        return False
    clause = verb if verb.dep_ == "ROOT" else verb.head
    if verb.dep_ not in ("ROOT", *TENSE_DEPS) or clause.dep_ != "ROOT":
        return False
    subjects = [c for c in clause.children if c.dep_ in CLAUSE_SUBJECT_DEPS]
    return bool(subjects) and all(s.i > verb.i for s in subjects)


#: Quotation marks that may close a question ("... asked, “Is it true?”").
QUOTE_MARKS = "\"“”‘’«»'"


def _question(text: str) -> bool:
    """A question: the sentence ends with a question mark, unless the question is a quotation the sentence
    reports ("The judge asked, “Is it true?”" asserts that she asked); a quoted question alone is one."""
    bare = text.rstrip(QUOTE_MARKS + " ")
    if not bare.endswith("?") or bare.endswith(" ?"):  # " ?": a character lost in the page's encoding
        return False
    if bare == text:
        return True
    opening = max(text.rfind("“", 0, len(bare)), text.rfind('"', 0, len(bare)))
    return opening <= 0 or not text[:opening].strip(QUOTE_MARKS + " ")


def heading(text: str) -> bool:
    """Whether a block reads as a heading: one short line in title case without closing punctuation ("Why
    Diversity Matters", "How to Grow Peppers from Seed: What You Need"). The reader keeps no markup of the page's
    headings (trafilatura's text), so the line's shape tells them."""
    text = text.strip()
    if not text or "\n" in text or text[-1] in CLOSING or len(text.split()) > MAX_HEADING_WORDS:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    longer = [w for w in words if len(w) > 3]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= HEADING_CAPITALS * len(longer)


def asserts(sent, headline: bool = False, reported: bool = False) -> bool:
    """Whether a sentence asserts something, so that it can be a claim or the publisher's own statement: not a
    question (with or without its mark), not a command (:func:`imperative`), not a caption (:data:`CAPTION`), and
    a tensed verb, so that list rows and labels ("01. Jane Doe", "Day 12", "- 200 grams of flour") are not
    claims. A page's headline (``headline``) may tell its news without a tensed verb ("Five killed in blast",
    "Mayor to resign") and needs only a verb. A question a source is reported to have asked (``reported``: the
    sentence lies in a speaker's attribution) is what that source said, and stays a claim: "“What have you been
    doing?” the senator asked" tells a fact of the story."""
    text = sent.text.strip()
    if not text or CAPTION.match(text) or imperative(sent):
        return False
    if not reported and (_question(text) or _inverted_question(sent)):
        return False
    words = [t for t in sent if not (t.is_punct or t.is_space or t.tag_ == "LS")]
    if words and words[0].tag_ in WH_TAGS and any(t.tag_ == "TO" for t in words[1:3]):
        return False  # "How to grow peppers", "What tin to bake the bread in": a how-to title
    if headline:
        return any(t.pos_ in ("VERB", "AUX") for t in sent)
    # any tensed verb, not only the root's: the small parser often hangs the main clause on a noun before it
    # ("The debate veered ..." as a clause of "debate"; "Power: the power refers to ...")
    return any(_tensed(t) for t in sent)


def checkable(sent, has_numbers: bool, predicate) -> bool:
    """Whether a sentence that asserts (:func:`asserts`: no command, caption or question of the page's own)
    reports something another account could confirm or contradict: not a question a source is reported to have
    asked, not a fragment without a verb, not a short aside (unless it gives a number)."""
    if sent.text.strip().endswith("?") or predicate is None:
        return False
    words = [t for t in sent if t.is_alpha]
    return has_numbers or len(words) >= MIN_CHECKABLE_TOKENS
