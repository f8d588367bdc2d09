"""Threats and wishes of violence against persons or groups, by patterns (no permitted data set labels them).

A threat is a frame (a wish, "deserves", a call, a first-person promise, an imperative) followed in the same
sentence by a violent outcome (``data/comments/threats.yaml``). War reporting ("the strike killed 60
soldiers") has no frame; "kill the bill" has no person target; quotes of someone else's threat, negated
wishes and known idioms are dropped. Each hit carries the span from frame to outcome and the frame's weight,
which serves as the threat score (measured on ``eval/data/threats.jsonl`` by ``eval/threats.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .mention import NEGATED_SUBJECT, quoted_regions

# --- settings ------------------------------------------------------------------------------------------
#: Score of a threat by the kind of frame that introduces it.
FRAME_WEIGHTS = {
    "wish": 0.9,
    "deserve": 0.9,
    "direct": 0.9,
    "intent": 0.9,
    "modal": 0.85,
    "imperative": 0.85,
    "conditional": 0.85,
    "slogan": 0.85,
    "weak": 0.6,
}
#: Score of a comment with no threat pattern (the base rate of threats among non-matching comments).
NO_MATCH_SCORE = 0.02
#: Most characters allowed between the end of a frame and the start of its outcome.
MAX_FRAME_GAP = 120
#: Characters before a frame searched for a negation ("nobody deserves ...", "I don't wish ...").
NEGATION_LOOKBEHIND = 14
#: Most characters of a negated subject opening the sentence before a frame ("no young trans person deserves ...");
#: a longer opening is no such subject (and the look stays cheap on long comments).
NEGATED_SUBJECT_MAX_CHARS = 60
#: Violent verbs whose person is their subject ("they deserve to die", "traitors should hang"): a person named
#: anywhere before them counts, when no object follows them ("should hang the posters").
SUBJECT_SUFFERS = frozenset({"die", "dies", "hang", "perish", "perishes"})
#: ... within this many characters before them, with no "I", "me" or "we" among them ("tell me to die").
SUBJECT_REACH = 60
#: How far past a deed named by its gerund its praise is looked for, into the next sentence ("stabbing them? hero.").
PRAISE_REACH = 60
# ---------------------------------------------------------------------------------------------------------

_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
#: A sentence opening with a negated subject right before a frame of what is due ("no child deserves ...", "no one
#: should ..."): the sentence denies the harm of everyone, it wishes it on no one. Frames with a subject of their
#: own ("I will ...") are not read so ("no more warnings, I will ..." is a threat).
_NEGATED_SUBJECT_RE = re.compile(NEGATED_SUBJECT + r"\s*$")
_NEGATED_SUBJECT_FRAMES = frozenset({"deserve", "modal", "weak"})
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{1,400})[\"“”]|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w)){1,400}?)'(?!\w)")
#: "... should be exterminated, all of them": the people a passive is done to, after it.
_ALL_OF_THEM_RE = re.compile(r",? (?:all|every (?:single |last )?one|each) of (?:them|you|'em)\b")
_SELF_BEFORE_RE = re.compile(r"\b(?:i|me|myself|we|us)\b(?:'[a-z]+)?(?:\s+[\w']+){0,2}\s*$")
#: A thing as the subject of a verb of suffering, right before its frame ("... and it needs to die", "this has to
#: die"): session 53, a person named earlier in the sentence is not the one meant.
_THING_BEFORE_RE = re.compile(
    r"\b(?:it|this)\s+(?:(?:really|just|simply)\s+)?(?:needs?|has|must|should|ought|deserves?|will|can|is going"
    r"|has got|'s got)\b(?:\s+[\w']+){0,2}\s*$"
)
#: A yes-or-no question that asks a view ("should the state execute terrorists?"), not a plea ("should we not just
#: ...?", "shouldn't we just ...?" are calls): the modal and deserve frames in it call for nothing.
_ASKS_A_VIEW_RE = re.compile(r"(?:should|would|could|must|do|does|is|are|can|will)\b(?![^?]*\bjust\b)[^?]*\?\s*$")
_ASKED_FRAMES = frozenset({"modal", "deserve", "weak"})
_PREVENTED_RE = re.compile(r"\b(?:from|of|without|avoid(?:s|ed|ing)?) (?:being|getting)\s+(?:[a-z]+ly\s+)?$")
#: A violent verb whose subject a clause of time or cause names ("before he kills again", "once they shoot"): the deed
#: of that subject, not one the frame before wishes or asks for ("wouldn't it be great if someone torched ..." is).
_CLAUSE_SUBJECT_BEFORE_RE = re.compile(
    r"\b(?:before|after|until|till|when|whenever|while|because|since|unless|once)\s+"
    r"(?:he|she|they|it|people|the\s+[a-z'-]+)\s+"
    r"(?:(?:has|have|had|can|could|will|would|might|may|does|did|do|actually|finally|just|ever)\s+){0,2}$"
)
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the)\s+$")
_PARTICIPLE_RE = re.compile(r"[a-z]+(?:ing|ed|en)\b")
_WORD_RE = re.compile(r"[a-z'-]+")
_EVERYONE_RE = re.compile(r"\b(?:everyone|everybody|someone|somebody)\b")
_GERUND_RE = re.compile(r"[a-z-]{3,}ing\b")
#: Words in -ing that are no gerund ("string them up").
_NOT_GERUNDS = frozenset({"string", "bring", "swing", "sling", "sting", "spring", "wring", "fling", "cling", "thing"})
#: How an order to do a deed in its -ing form ends ("start stabbing ..."): the gerund is what is ordered.
_STARTED = ("start ", "begin ")
#: What a deed named by a gerund is said to be when the sentence calls for it ("shooting them on sight should be
#: legal", "lynching them would be justice", "torching their homes is the only language they understand").
_CALLED_FOR_RE = re.compile(
    r"\b(?:should|would|must|ought|needs? to|is (?:the (?:only |best |right |real |final )?(?:answer|solution|way|"
    r"language|cure)|(?:fully |totally )?(?:justified|justice|fine|ok|okay|legal|right|deserved|overdue)|"
    r"self-defen[cs]e|what (?:they|we|this country|the country) (?:need|deserve)s?)|(?:isn'?t|is not|is no|not) "
    r"(?:a |really a )?(?:crime|murder)|no crime|pest control|too good for)\b"
)
#: ... or praises it, in its sentence or the next ("stabbing them? hero.", "... isn't a crime, it's a public service").
_PRAISED_RE = re.compile(
    r"\b(?:hero(?:es|ic)?|legends?|well done|(?:deserves? |give (?:him|her|them) )a medal|(?:a )?public service)\b"
)
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:be|been|being|get|gets|got|getting|is|are|was|were)\s+(?:(?:all|both|just|finally|simply)\s+)?(?:[a-z]+ly\s+)?$"
)


@dataclass(slots=True, frozen=True)
class ThreatHit:
    """A threat found in a comment: local offsets of the span from frame to outcome, and its score."""

    start: int
    end: int
    frame: str
    weight: float


@dataclass(slots=True, frozen=True)
class _Patterns:
    frames: tuple[tuple[str, re.Pattern], ...]
    outcome: re.Pattern
    armed: re.Pattern
    verb: re.Pattern
    any_violence: re.Pattern
    target_after: re.Pattern
    target_anywhere: re.Pattern
    target_whole: re.Pattern
    negation: re.Pattern
    reporting: re.Pattern
    quote_cue: re.Pattern
    metaphor: re.Pattern
    object_after: re.Pattern
    harmless_subject: re.Pattern


def verb_forms(entry: str) -> tuple[list[str], list[str]]:
    """The common forms of a violent verb given by its base form, "/" then its irregular forms (``verb_bases`` in
    ``threats.yaml``): every form, and the participles among them (a participle's person is its passive subject:
    "should be strangled"). "stab" -> stab, stabs, stabbed, stabbing; "strangle" -> strangles, strangled,
    strangling; "bury" -> buries, buried, burying; "shoot/shot" -> shoots, shooting, shot (and the harmless
    "shooted"); a particle stays at the end ("blow up/blew up/blown up" -> blows up, blowing up)."""
    from ..framing import verb_forms as regular_forms  # the one set of English spelling rules

    base, *irregular = entry.split("/")
    verb, _, particle = base.partition(" ")
    tail = f" {particle}" if particle else ""
    regular = regular_forms(verb) - {verb}
    stem_ing = next(f for f in regular if f.endswith("ing"))
    past = next(f for f in regular if f.endswith("d") and f != stem_ing)
    third = next(f for f in regular if f not in (stem_ing, past))
    participles = [*irregular, past + tail]  # the regular past too ("burned" beside "burnt")
    forms = [base, third + tail, stem_ing + tail, *participles]
    return list(dict.fromkeys(forms)), [p for p in participles if p != base]


@lru_cache(maxsize=1)
def _verb_bases() -> tuple[list[str], frozenset[str], list[str], frozenset[str]]:
    """The verb forms of ``verb_bases`` as one regex (a prefix tree), the participles among them, the forms one
    regex each (for the word screen, which reads literal words), and the plain forms."""
    forms, participles, plain = [], set(), set()
    for entry in lexicon.load("threats").get("verb_bases", []):
        made, made_participles = verb_forms(entry)
        forms += made
        participles.update(made_participles)
        plain.add(made[0])
    literal = [re.escape(f).replace(r"\ ", " ") for f in sorted(set(forms))]
    return [_trie_pattern(sorted(set(forms)))], frozenset(participles), literal, frozenset(plain)


def _trie_pattern(words: list[str]) -> str:
    """One regex for literal ``words`` as a prefix tree (``stab(?:s|bed|bing)?``): Python's engine tries the
    branches of a flat alternation one by one at every position, a tree only along the letters read."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char).replace(r"\ ", " ") + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + pattern(tree) + ")"


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    data = lexicon.load("threats")
    # the verb forms first: the prefix tree takes the longest ("burn down"), a flat alternation the first ("burn")
    data = {**data, "verbs": _verb_bases()[0] + data["verbs"]}
    alt = lambda key: lexicon.alternation(data[key], data)  # noqa: E731
    frames = tuple(
        (kind, re.compile(lexicon.alternation(items, data) + (r"\s*" if kind == "imperative" else r"\b")))
        for kind, items in data["frames"].items()
    )
    target = alt("targets")
    return _Patterns(
        frames=frames,
        outcome=re.compile(r"\b" + alt("outcomes")),
        armed=re.compile(r"\b" + alt("armed_presence")),
        verb=re.compile(r"\b" + alt("verbs") + r"\b"),
        any_violence=re.compile(r"\b(?:" + alt("outcomes") + "|" + alt("armed_presence") + "|" + alt("verbs") + r"\b)"),
        target_after=re.compile(r"\s+" + target + r"\b"),
        target_anywhere=re.compile(r"\b" + target + r"\b"),
        target_whole=re.compile(target),
        negation=re.compile(alt("negations")),
        reporting=re.compile(alt("reporting")),
        quote_cue=re.compile(alt("quote_cues")),
        metaphor=re.compile(alt("metaphors")),
        object_after=re.compile(alt("object_after")),
        harmless_subject=re.compile(alt("harmless_subjects")),
    )


@lru_cache(maxsize=1)
def violence_screen() -> lexicon.WordScreen:
    """Which texts can hold a violent outcome or verb (``any_violence``), told mostly by their words (an armed presence
    by the weapon it names: its first words, "waiting", "coming", would pass most comments)."""
    data = lexicon.load("threats")
    return lexicon.word_screen(
        [lexicon.alternation([item], data) for item in data["outcomes"] + data["weapons"]]
        + [lexicon.alternation([item], data) + r"\b" for item in data["verbs"] + _verb_bases()[2]],
        r"\b",
    )


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def _violence(sentence: str, p: _Patterns):
    """Yield ``(start, end, is_outcome)`` for each violent word group in a sentence."""
    for m in p.outcome.finditer(sentence):
        yield m.start(), m.end(), True
    if p.armed.search(sentence) and p.target_anywhere.search(sentence):  # armed, and for whom the sentence says
        for m in p.armed.finditer(sentence):
            yield m.start(), m.end(), True
    for m in p.verb.finditer(sentence):
        yield m.start(), m.end(), False


def _targeted(sentence: str, start: int, end: int, frame_end: int, p: _Patterns) -> bool:
    """A violent verb counts when a person is its object, its passive subject (not a thing or a side of a game
    before it: "the record should be beaten"), or named since the frame."""
    verb = sentence[start:end]
    if (
        _suffers_itself(sentence, start, end, p)
        and p.target_anywhere.search(sentence, max(0, start - SUBJECT_REACH), start)
        and not _SELF_BEFORE_RE.search(sentence, max(0, start - SUBJECT_REACH), start)
        and not _THING_BEFORE_RE.search(sentence, max(0, start - SUBJECT_REACH), start)
    ):
        return True
    if _PREVENTED_RE.search(sentence[max(0, start - 40) : start]):
        return False  # harm kept off: "keeps them from being harmed", "without getting hurt"
    after = p.target_after.match(sentence, end)
    if after and not after.group(0).lstrip().startswith("by "):  # "harmed by ...": the doer, not the one harmed
        return True
    if _PASSIVE_BEFORE_RE.search(sentence[max(0, start - 30) : start]):
        # a passive's subject is the one harmed: "they should be beaten", not "the record should be beaten"; of a
        # thing and a person named before it, the nearer one ("a liberal who says the faith must be wiped out")
        harmless = _last(p.harmless_subject, sentence, start)
        if harmless is None or _ALL_OF_THEM_RE.match(sentence, end) is not None:
            return True
        person = _last(p.target_anywhere, sentence, start)
        return person is not None and person > harmless
    participle = verb.endswith("ed") or verb in _verb_bases()[1]
    # a person named before the verb is its victim only when the verb has no object of its own: "they're strangling
    # the fence" (session 57) tells what brambles do
    own_object = p.object_after.match(sentence, end) is not None
    return not participle and not own_object and bool(p.target_anywhere.search(sentence, frame_end, start))


def _past_form(verb: str) -> bool:
    """Whether a violent verb is a past tense or participle ("beaten", "stabbed", "shot"), not a plain form an
    order is given in ("hurt" is both: plain)."""
    return verb not in _verb_bases()[3] and (verb.endswith(("ed", "en")) or verb in _verb_bases()[1])


def names_people(folded: str) -> bool:
    """Whether the folded words are, whole, a person target of the threat patterns ("the security guards", "those
    people"; ``targets`` in ``threats.yaml``)."""
    return patterns().target_whole.fullmatch(folded) is not None


def _suffers_itself(sentence: str, start: int, end: int, p: _Patterns) -> bool:
    """Whether the violent verb at ``start:end`` is one its subject suffers (``SUBJECT_SUFFERS``: "die", "hang")
    with no object after it ("should hang the posters")."""
    return sentence[start:end] in SUBJECT_SUFFERS and not p.object_after.match(sentence, end)


def _last(pattern: re.Pattern, sentence: str, end: int) -> int | None:
    """Where the last match of ``pattern`` before ``end`` starts, if any."""
    return max((m.start() for m in pattern.finditer(sentence, 0, end)), default=None)


def _ordered(sentence: str, start: int, end: int, is_outcome: bool, p: _Patterns) -> bool:
    """After "if you see one of them": violence ordered, not seen ("if anyone sees someone beating them, call
    for help"): an outcome or a violent verb that does not open with a participle, and a verb with a person
    right after it."""
    if _PARTICIPLE_RE.match(sentence, start):
        return False
    return is_outcome or p.target_after.match(sentence, end) is not None


#: A violent word right after a relative pronoun (an auxiliary or adverb between: "who has just punched"; or what the
#: one described threatened or tried to do: "who threatened to stab") tells what the one described did, not the harm a
#: frame before it wishes or asks for.
_RELATIVE_BEFORE_RE = re.compile(
    r"\b(?:who|whoever|that|which)\s+(?:(?:has|have|had|was|were|is|are|did|just|allegedly|reportedly|then|also|once)\s+){0,2}"
    r"(?:(?:threatened|threatens|vowed|vows|promised|tried|attempted|planned|wanted|wants)\s+to\s+)?$"
)


def _told_of_everyone(frame: str, sentence: str, start: int) -> bool:
    """Whether an imperative frame that names everyone or someone ("everyone ...", "somebody ...") is followed by a
    verb in the third person: a statement about them, not an order to them."""
    word = _WORD_RE.match(sentence, start)
    return (
        _EVERYONE_RE.search(frame) is not None
        and word is not None
        and word.group(0).endswith("s")
        and not word.group(0).endswith("ss")
    )


def _names_the_deed(sentence: str, start: int, after: str, frame: str) -> bool:
    """Whether the violent deed at ``start``, after an imperative frame, opens with a gerund that names the deed
    rather than orders it: not after "start" or "begin", and not in a sentence that calls for it (``_CALLED_FOR_RE``,
    not negated right after: "lynching should never happen again" calls for nothing, "... would be justice, not a
    crime" does, and so does praise of it: "... ? hero.", "... isn't a crime, it's a public service"); ``after``: the
    text after the deed, ``PRAISE_REACH`` characters into the next sentence."""
    gerund = _GERUND_RE.match(sentence, start)
    if gerund is None or gerund.group(0) in _NOT_GERUNDS or frame.endswith(_STARTED):
        return False
    if _PRAISED_RE.search(after):
        return False
    called = _CALLED_FOR_RE.search(sentence, start)
    return called is None or patterns().negation.search(sentence, called.end(), called.end() + 12) is not None


def find_threats(text: str, folded: str | None = None) -> list[ThreatHit]:
    """Every threat in ``text`` (offsets local to ``text``), best first (``folded``: ``lexicon.fold(text)``
    when the caller has it)."""
    p = patterns()
    folded = lexicon.fold(text) if folded is None else folded
    if not p.any_violence.search(folded):  # most comments: one scan and done
        return []
    quoted = _quoted_regions(folded)
    quote_cue = bool(p.quote_cue.search(folded))
    # someone's words a cue, a question mark or the writer's own sentence holds up (not scare quotes)
    held_up = quoted_regions(folded, scare_quotes=False)
    metaphors = [(m.start(), m.end()) for m in p.metaphor.finditer(folded)]
    hits: list[ThreatHit] = []
    for sentence_match in _SENTENCE_RE.finditer(folded):
        sentence = sentence_match.group(0).lstrip()
        base = sentence_match.end() - len(sentence)
        violence = list(_violence(sentence, p))
        if not violence:  # most sentences of a comment: skip the frame patterns
            continue
        frames = sorted(
            ((kind, m) for kind, rx in p.frames for m in rx.finditer(sentence)), key=lambda found: found[1].end()
        )
        if _ASKS_A_VIEW_RE.match(sentence):  # "should the state execute ...?" asks, it calls for nothing
            frames = [(kind, m) for kind, m in frames if kind not in _ASKED_FRAMES]
        if not frames:
            continue
        frame_ends = [m.end() for _, m in frames]
        # where the sentence's first report ends: a frame after it is reported, not uttered (one scan, not one
        # per frame and outcome)
        reported_from = next((m.end() for m in p.reporting.finditer(sentence)), None)
        for start, end, is_outcome in violence:
            abs_start, abs_end = base + start, base + end
            if any(ms < abs_end and abs_start < me for ms, me in metaphors):
                continue
            if any(qs <= abs_start and abs_end <= qe for qs, qe in held_up) or (
                quote_cue and any(qs <= abs_start and abs_end <= qe for qs, qe in quoted)
            ):
                continue
            if not is_outcome and _ARTICLE_BEFORE_RE.search(sentence, max(0, start - 8), start):
                continue  # a noun, not the verb: "anyone with a knife near ...", "took a shot at the title"
            if not is_outcome and _CLAUSE_SUBJECT_BEFORE_RE.search(sentence, max(0, start - 40), start):
                continue  # what someone else does: "we need to stop him before he kills again"
            best: ThreatHit | None = None
            # only the frames that end at most MAX_FRAME_GAP before the outcome (a long comment has many)
            near = frames[bisect_left(frame_ends, start - MAX_FRAME_GAP) : bisect_right(frame_ends, start)]
            for kind, frame in near:
                gap = start - frame.end()
                if gap < 0 or gap > MAX_FRAME_GAP or (kind == "imperative" and gap != 0):
                    continue
                if kind == "imperative" and not is_outcome and _past_form(sentence[start:end]):
                    continue  # an order is given in the plain form: "... and beaten by a gang" tells what was done
                if kind == "imperative" and _told_of_everyone(frame.group(0), sentence, start):
                    continue  # "everybody just buries their children" tells, it orders nothing
                if kind == "imperative" and _names_the_deed(
                    sentence, start, folded[base + end : base + end + PRAISE_REACH], frame.group(0)
                ):
                    continue  # "lynching was a horror of the South" names the deed, it orders none
                if kind == "weak" and (not is_outcome or reported_from is not None):
                    continue
                # an order needs its person after the verb, but "(go) die" is said to the one addressed
                addressed = kind == "imperative" and _suffers_itself(sentence, start, end, p)
                if not is_outcome and not addressed and not _targeted(sentence, start, end, frame.end(), p):
                    continue
                if (
                    kind == "imperative"
                    and not is_outcome
                    and not addressed
                    and not p.target_after.match(sentence, end)
                ):
                    continue
                if kind == "conditional" and not _ordered(sentence, start, end, is_outcome, p):
                    continue
                # a set phrase is denied or held up from anywhere before it ("nobody should say the only good ...")
                lookbehind = frame.start() if kind == "slogan" else NEGATION_LOOKBEHIND
                # a frame that holds a negation of its own asks for the harm ("why don't we just ...", "shouldn't
                # we just ...", "wouldn't it be great if ..."): only a negation after it denies it
                if p.negation.search(frame.group(0)):
                    negated_from = frame.end()
                else:
                    negated_from = max(0, frame.start() - lookbehind)
                if p.negation.search(sentence, negated_from, start):
                    continue
                if (
                    kind in _NEGATED_SUBJECT_FRAMES
                    and frame.start() <= NEGATED_SUBJECT_MAX_CHARS
                    and _NEGATED_SUBJECT_RE.search(sentence, 0, frame.start())
                ):
                    continue
                if reported_from is not None and reported_from <= frame.start():
                    continue
                if _RELATIVE_BEFORE_RE.search(sentence, frame.end(), start):
                    continue  # "I hope the man who punched a ... gets caught": what he did, not what is wished
                weight = FRAME_WEIGHTS[kind]
                if best is None or weight > best.weight:
                    frame_start = frame.start() + len(frame.group(0)) - len(frame.group(0).lstrip(" .!?;:,\n"))
                    best = ThreatHit(base + frame_start, abs_end, kind, weight)
            if best is not None:
                hits.append(best)
    hits.sort(key=lambda h: (-h.weight, h.start))
    # one span once: a word both an outcome and a verb ("exterminated") is found by both
    unique: dict[tuple[int, int], ThreatHit] = {}
    for hit in hits:
        unique.setdefault((hit.start, hit.end), hit)
    return list(unique.values())


def threat_score(hits: list[ThreatHit]) -> float:
    return max((h.weight for h in hits), default=NO_MATCH_SCORE)
