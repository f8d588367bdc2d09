"""Abuse scores in the attributes people know from Perspective and Detoxify, with the spans behind each flag.

``toxicity``, ``severe_toxicity``, ``insult`` and ``identity_attack`` come from calibrated heads trained by
``scripts/train.py`` on OLID and Davidson: in the default ``fast`` mode the linear n-gram heads of
``data/models/comments-abuse.npz`` (whose word weights then give the evidence; a comment that names a group
is scored by the encoder heads there too: ``comments.GROUPS_BY_ENCODER``), in the ``encoder`` mode
logistic heads on the shared encoder's sentence vectors (``data/models/comments-abuse-encoder.npz``, scored by
the stage); ``threat`` from
the patterns of :mod:`rashomon.comments.threats`; ``profanity`` from the lexicon ``data/comments/abuse.yaml``
(no permitted data set labels profanity). Lexicon hits also set floors (a slur is an identity attack
whatever the model says) and give moderators the words that drove a flag.

A flag needs more than a high score where the field is known to fail: ``identity_attack`` needs a slur, a
dehumanizing phrase or hatred declared for a group ("I hate ...", "... disgust me"), or a toxic comment whose model evidence is not only identity words, so "Muslim
civilians fled" is never flagged. A lexicon hit only ever raises a score: it never removes a model's flag.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, TypeVar

import numpy as np

from .. import heads
from . import celebration, lexicon, mention, sarcasm, spelling, targets, threats
from .features import batch_scoring, normalize_words, token_ids
from .models import LinearModel, load_model

# --- settings ------------------------------------------------------------------------------------------
#: Model file (stem under data/models) with the linear abuse heads (the ``fast`` mode).
ABUSE_MODEL = "comments-abuse"
#: Head file (``rashomon.heads``) with the abuse heads on the shared encoder (the default mode).
ENCODER_HEAD = "comments-abuse-encoder"
#: Head file with the blend of the two (``training.train_blend``): where a comment is encoded, its toxicity and
#: insult are read from both models' log-odds together (issue 22, session 20: see ``training.BLEND_LABELS``).
BLEND_HEAD = "comments-abuse-blend"
#: In the ``fast`` mode a comment is encoded for the blend when its n-gram toxicity score is at least this
#: (the others keep the n-gram heads' scores, too low for the blend to flag: on OLID 5-fold, encoding from 0.2
#: gave the same flags as encoding every comment within 0.001 macro-F1, from 0.3 0.004 less; 56 % of OLID's
#: tweets, far fewer on a page of plain comments).
BLEND_FROM = 0.2
#: A head's calibrated score at or above this raises its flag (0.5: the flag is right more often than not).
FLAG_THRESHOLDS = {
    "toxicity": 0.5,
    "severe_toxicity": 0.5,
    "insult": 0.5,
    "identity_attack": 0.5,
    "threat": 0.5,
    "profanity": 0.5,
}
#: Score floors set by a lexicon hit.
PROFANITY_FLOORS = {"reclaimed": 0.95, "strong": 0.95, "masked": 0.85, "mild": 0.7}
SLUR_FLOOR = 0.9
INSULT_WORD_FLOOR = 0.75
#: Score of profanity when no lexicon word is found.
NO_PROFANITY_SCORE = 0.02
#: Most model-evidence tokens reported per flag.
MAX_MODEL_EVIDENCE = 3
#: A word is model evidence only if its n-gram weights add up to more than this.
MIN_EVIDENCE_WEIGHT = 0.5
#: A word is abusive on its own (so a negation before it denies the abuse: "they are not disgusting") when the
#: fast model's n-gram weights for toxicity or insult add up to this much, or it is a lexicon word; words under
#: it ("respect", "equal", "trust") are abuse when negated ("I don't respect them"). See :mod:`mention`.
NEGATABLE_WORD_WEIGHT = 2.0
#: Where a comment denies or reports abuse (a span of the span head judged mentioned: :func:`used_spans`), the
#: head's spans that only name a group are no evidence either, and a span that opens with a group's name is
#: judged from the word after it (issue 22, session 14: "Gay people are not disgusting" kept its flag on "Gay",
#: "stop calling gay people disgusting" on the whole phrase).
MENTIONED_ABUSE_DROPS_GROUP_SPANS = True
#: A span that only names a group is judged by the whole comment too (session 15): it is no evidence where the
#: comment speaks well of a group ("I love gay people": ``regard`` in ``abuse.yaml``), names the group as the
#: writer's own ("as a queer woman", "our queer book club"), or denies or reports abuse the span head did not mark
#: ("Mexicans are not disgusting", "I would never hurt a Hindu": :func:`_denies_abuse`).
GROUP_NAME_JUDGED_BY_COMMENT = True
#: In a sentence that names a group as the one harmed (:func:`harm_sentences` without ``denied``: "A Sikh man was hurt
#: in the crash on the bypass"), a span of the span head that holds no word or phrase of the abuse lexicon is no
#: evidence (session 52): the head marks the words of news of harm ("crash on the", "a van"; the n-gram weights call
#: "crash" toxic too), and 6 of 16 such reports of our own were flagged `toxicity`. Judged by the sentences that deny
#: or hold up harm too, it cost suite C's unread half 5 hateful cases; by these sentences, none.
HARM_REPORT_WORDS_NO_EVIDENCE = True
#: A span that only names a group is evidence only in a comment that says something cold (session 50): a word that
#: VADER's lexicon reads as negative, a warm word denied ("we do not respect ..."), or a word of the abuse lexicon.
#: The span head marks a group's name in kind and plain comments too ("[Trans] people deserve the same healthcare as
#: everyone else" was flagged toxicity, insult and identity attack in a blind review); where nothing cold is said,
#: the name is whom the comment is about.
GROUP_NAME_NEEDS_COLD_WORDS = True
#: A word of the comment whose n-gram toxicity or insult weight is this much is abuse the comment can deny
#: ("disgusting" ~21, "stupid" ~48; "like" ~4 and "human" ~4 are under it: "I don't like them" is no denial).
DENIED_WORD_WEIGHT = 8.0
#: How far after a denied word a turn ("but", "except") makes the denial a disclaimer (``disclaimer_turns``).
DISCLAIMER_TURN_CHARS = 40
#: Verbs of hatred a comment can deny beside the heavy words ("I don't hate ...": "hate" weighs ~7).
DENIABLE_HATRED_RE = re.compile(r"(?:hate|hates|hated|despise|despises|detest|detests|loathe|loathes|abhor|abhors)")
#: Closed-class words: a span of the span head made of these alone shows nothing ("no", "in", "of them"). Not a
#: stop-word list, which holds "put", "fire", "nothing", "back" ("you should be put down" shows something).
FUNCTION_WORDS = frozenset(
    "a an the this that these those no not nor and or but if so of in on at to for with by from as into onto "
    "is are was were be been am do does did it its i me my you your he him his she her we us our they them their "
    "there here than then".split()
)
#: Acts of abuse a comment may deny as a whole ("nobody should ever threaten ...", "no man should hit ...", "I
#: would never harass ..."): beside the violent verbs and outcomes of the threat patterns, a span denied by a
#: negation is judged as a denial when it names one of these, although none is abusive on its own.
DENIABLE_ACT_RE = re.compile(
    r"\b(?:threat\w*|attack\w*|harass\w*|abus(?:e|es|ed|ing)|insult\w*|hurt\w*|harm(?:s|ed|ing)?|bull(?:y|ies|ied|ying)|"
    r"mock\w*|intimidat\w*|persecut\w*|hit|hits|hitting|beat|beats|beaten|beating)\b"
)
#: Where the ``fast`` mode scores a comment that names a group with the encoder heads
#: (:func:`with_encoder_rows`), a comment the n-gram heads flag toxic and the encoder heads do not keeps the n-gram
#: scores: either set of heads can raise the flag (issue 22, session 14: leet and spaced-out spelling, "I h4t3 ...",
#: which the n-gram features undo and the encoder's word pieces do not, lost their flag).
EITHER_HEADS_FLAG = True
#: The lexicon's phrases are also looked for with words spelled a letter at a time read as words ("I h a t e ...":
#: the hatred phrase, placed on the letters; session 15). Only texts with such a run pay for it.
SPACED_PHRASES = True
#: Harm done to a group that a comment celebrates is an identity attack (session 56: "glad that ... got killed",
#: "whoever torched the ... centre deserves a medal"; :mod:`celebration`).
HARM_CELEBRATED = True
#: Only the first this many characters of a comment are scanned by patterns (a 100 KB comment stays fast).
MAX_SCAN_CHARS = 20_000
# ---------------------------------------------------------------------------------------------------------

#: Issue 22's three classes read from a comment's flags, in one place: ``hate`` when it has ``identity_attack``
#: (a slur, a dehumanizing phrase, or the identity head with toxicity), ``offensive`` when it has any of
#: ``OFFENSIVE_FLAGS`` otherwise, ``normal`` when it has none (:func:`three_class`).
HATE_FLAGS = frozenset({"identity_attack"})
OFFENSIVE_FLAGS = frozenset({"toxicity", "insult", "severe_toxicity", "profanity", "threat"})
THREE_CLASSES = ("hate", "offensive", "normal")

MODEL_HEADS = ("toxicity", "severe_toxicity", "insult", "identity_attack")
ATTRIBUTES = MODEL_HEADS + ("threat", "profanity")
_WORD_RE = re.compile(r"[a-z0-9*#@$!']+")


@dataclass(slots=True)
class Hit:
    """Evidence local to one comment: ``label`` (the flag it supports), offsets into the comment, weight."""

    label: str
    start: int
    end: int
    weight: float


@dataclass(slots=True)
class AbuseResult:
    scores: dict[str, float]
    flags: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Located)

_TOKEN_RE = re.compile(r"[\w*#@$'-]+")
#: In this order a token's category is looked up: the in-group spellings of a slur (``reclaimed`` in the lexicon)
#: before the slurs, whose patterns also match them.
_LEXICON_CATEGORIES = (
    "profanity:reclaimed",
    "identity_attack",
    "profanity:strong",
    "profanity:masked",
    "insult",
    "profanity:mild",
)


def _is_phrase(pattern: str) -> bool:
    return " " in pattern or "\\s" in pattern or "\\." in pattern


@dataclass(slots=True, frozen=True)
class _Lexicon:
    """Single-token entries as one full-match regex per category (checked once per distinct token, cached);
    phrase entries as one search regex per category."""

    token: tuple[tuple[str, re.Pattern], ...]
    phrase: tuple[tuple[str, re.Pattern], ...]
    #: The ``token`` patterns as one, a named group each (``c0``, ``c1``, ...): a full match's ``lastgroup``
    #: names the first category that matches, in one regex call per token.
    any_token: re.Pattern | None
    #: Per phrase category, which texts of a batch can hold one of its phrases (see :func:`_scan_batch`).
    phrase_screens: tuple[lexicon.WordScreen, ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = lexicon.load("abuse")
    lists = {
        "profanity:reclaimed": data.get("reclaimed", []),
        "identity_attack": data["slurs"],
        "insult": data["insult"],
        **{f"profanity:{level}": items for level, items in data["profanity"].items()},
    }
    token, phrase, screens = [], [], []
    for category in _LEXICON_CATEGORIES:
        words = [p for p in lists.get(category, []) if not _is_phrase(p)]
        phrases = [p for p in lists.get(category, []) if _is_phrase(p)]
        if category == "identity_attack":
            # {groups} filled in
            phrases += _factored(
                data["dehumanizing"] + data.get("hatred", []) + data.get("contempt", []) + data.get("exclusion", []),
                data,
            )
        if words:
            token.append((category, re.compile(lexicon.alternation(words))))
        if phrases:
            phrase.append((category, re.compile(_PHRASE_START + lexicon.alternation(phrases) + r"(?![\w*#@$])")))
            screens.append(lexicon.word_screen(phrases, _PHRASE_START))
    any_token = (
        re.compile("|".join(f"(?P<c{k}>{pattern.pattern})" for k, (_, pattern) in enumerate(token))) if token else None
    )
    return _Lexicon(tuple(token), tuple(phrase), any_token, tuple(screens))


_PHRASE_START = r"(?<![\w*#@$])"
_GROUPS_FIRST = "{groups}"


def _factored(items: list[str], data: dict) -> list[str]:
    """The phrase patterns ``items`` with ``{groups}`` filled in, those that open with it joined into one pattern
    that reads the group's name once: the regex engine tries the long alternation of names at every position of
    a comment, once for each pattern that opens with it (issue 22, session 35: 17 such patterns, about 6 µs a
    comment each)."""
    leading = [item[len(_GROUPS_FIRST) :] for item in items if item.startswith(_GROUPS_FIRST)]
    others = [lexicon.alternation([item], data) for item in items if not item.startswith(_GROUPS_FIRST)]
    if not leading:
        return others
    return [lexicon.alternation([_GROUPS_FIRST], data) + lexicon.alternation(leading, data)] + others


#: Tokens whose lexicon category (or None) is remembered; the memory is emptied when it grows past this size.
TOKEN_CATEGORY_CACHE_SIZE = 100_000
# A plain dict of strings: the garbage collector does not walk it (an lru_cache's entries it walks each time).
_token_categories: dict[str, str | None] = {}


def _token_category(token: str) -> str | None:
    try:
        return _token_categories[token]
    except KeyError:
        pass
    if len(_token_categories) >= TOKEN_CATEGORY_CACHE_SIZE:
        _token_categories.clear()
    category = _category_of(token)
    _token_categories[token] = category
    return category


def _category_of(token: str) -> str | None:
    """The first lexicon category (in ``_LEXICON_CATEGORIES`` order) whose single-word entries match ``token``
    or, when none does, a spelling variant of it (:mod:`spelling`: ``1d10t``, ``vemrin``, ``arevermin``). A
    masked word whose stars hide the vowels of a slur or an insult (``id*ot``) takes that word's category."""
    category = _plain_category(token)
    if category is not None and category != "profanity:masked":
        return category
    for variant in spelling.variants(token, _is_lexicon_word):
        found = _plain_category(variant)
        if category is None or found in _UNMASKED_CATEGORIES:
            return found
    return category


#: Categories a masked word is read as when its stars hide the vowels of one of their words.
_UNMASKED_CATEGORIES = ("identity_attack", "profanity:strong", "insult")


def _plain_category(token: str) -> str | None:
    lexicon_ = _lexicon()
    found = lexicon_.any_token.fullmatch(token) if lexicon_.any_token is not None else None
    return lexicon_.token[int(found.lastgroup[1:])][0] if found else None


def _is_lexicon_word(token: str) -> bool:
    return _plain_category(token) is not None


def _spaced_hits(folded: str) -> list[Hit]:
    """Lexicon words spelled a letter at a time (``i d i o t``, ``v.e.r.m.i.n``): one hit over the letters."""
    hits = []
    for letters, offsets in spelling.spaced_runs(folded):
        for i, j in spelling.spaced_candidates(letters):
            category = _token_category(letters[i:j])
            if category is not None:
                hits.append(Hit(category, offsets[i], offsets[j - 1] + 1, _hit_weight(category)))
                break
    return hits


def _word_hit(category: str, start: int, token: str) -> Hit:
    """The hit of a lexicon token at ``start``, without the quotation marks or hyphens around it ("'scum'")."""
    lead = len(token) - len(token.lstrip("'-"))
    return Hit(category, start + lead, start + len(token.rstrip("'-")), _hit_weight(category))


def _hit_weight(category: str) -> float:
    if category.startswith("profanity:"):
        return PROFANITY_FLOORS[category.split(":", 1)[1]]
    return SLUR_FLOOR if category == "identity_attack" else INSULT_WORD_FLOOR


def model() -> LinearModel:
    return load_model(ABUSE_MODEL)


def lexicon_hits(
    text: str, folded: str | None = None, word_hits: list[Hit] | None = None, phrases: bool = True
) -> list[Hit]:
    """Profanity, insult words, slurs and dehumanizing phrases in ``text`` (local offsets; ``folded``:
    ``lexicon.fold`` of the text when the caller has it; ``word_hits``: its single-word hits when the caller
    found them batch-wide; ``phrases=False`` when the caller knows no phrase pattern can match)."""
    folded = lexicon.fold(text[:MAX_SCAN_CHARS]) if folded is None else folded[:MAX_SCAN_CHARS]
    if word_hits is None:
        word_hits = []
        for match in _TOKEN_RE.finditer(folded):
            category = _token_category(match.group(0).strip("'-"))
            if category is not None:
                word_hits.append(_word_hit(category, match.start(), match.group(0)))
        word_hits += _spaced_hits(folded)
    hits = list(word_hits)
    for category, pattern in _lexicon().phrase if phrases else ():
        for match in pattern.finditer(folded):
            if not any(h.start < match.end() and match.start() < h.end and h.label == category for h in hits):
                hits.append(Hit(category, match.start(), match.end(), _hit_weight(category)))
    if phrases and SPACED_PHRASES and spelling.SPACED_RE.search(folded):
        hits += _spaced_phrase_hits(folded, hits)
    return hits


def _spaced_phrase_hits(folded: str, hits: list[Hit]) -> list[Hit]:
    """Phrase hits of ``folded`` with its words spelled a letter at a time read as words ("I h a t e ...":
    :func:`spelling.join_spaced_offsets`), placed on the letters; none that overlaps a hit of ``hits``."""
    joined, offsets = spelling.join_spaced_offsets(folded)
    if joined == folded:
        return []
    found: list[Hit] = []
    for category, pattern in _lexicon().phrase:
        for match in pattern.finditer(joined):
            start, end = offsets[match.start()], offsets[match.end() - 1] + 1
            if not any(h.start < end and start < h.end for h in hits + found):
                found.append(Hit(category, start, end, _hit_weight(category)))
    return found


def batch_lexicon_hits(batch: lexicon.FoldedBatch) -> list[list[Hit]]:
    """:func:`lexicon_hits` of every text of a folded batch (see :func:`_scan_batch`)."""
    return _scan_batch(batch)[0]


#: Per token: its lexicon category or None, and which word screens it triggers (bit 0: violence, bit k: the
#: k-th phrase category); None when neither. Emptied when it grows past ``TOKEN_CATEGORY_CACHE_SIZE``.
_token_infos: dict[str, tuple[str | None, int] | None] = {}


def _new_token_infos(tokens: Sequence[str]) -> list[tuple[str | None, int] | None]:
    """The ``_token_infos`` entry of each token: its lexicon category and the word screens it triggers.

    One regex call per token for the category, and the screens screen by screen over all the tokens (a list
    comprehension of C calls each): a batch of comments brings thousands of tokens never seen before."""
    stripped = [t.strip("'-") for t in tokens]
    categories = [_token_categories[t] if t in _token_categories else _category_of(t) for t in stripped]
    if len(_token_categories) >= TOKEN_CATEGORY_CACHE_SIZE:
        _token_categories.clear()
    _token_categories.update(zip(stripped, categories))
    screens = [threats.violence_screen(), *_lexicon().phrase_screens]
    # (token index, word) for every word of every token (see lexicon.words_of); most tokens are one word
    words = [(k, t) for k, t in enumerate(tokens) if t.isalnum()]
    words += [(k, w) for k, t in enumerate(tokens) if not t.isalnum() for w in lexicon.words_of(t)]
    triggers = [0] * len(tokens)
    for bit, screen in enumerate(screens):
        for k in screen.triggered(words):
            triggers[k] |= 1 << bit
    return [(category, trigger) if category or trigger else None for category, trigger in zip(categories, triggers)]


#: ``_TOKEN_RE``, and the newline that parts the texts of a joined batch as a token of its own.
_TOKEN_OR_NEWLINE_RE = re.compile(r"[\w*#@$'-]+|\n")


def _scan_batch(batch: lexicon.FoldedBatch) -> tuple[list[list[Hit]], list[int]]:
    """Lexicon hits of every text of a folded batch, and the texts that can hold a threat.

    One tokenization of the whole batch does most of the work: each distinct token is looked up once (its
    lexicon category, and whether it can begin a threat outcome or a lexicon phrase: see
    :class:`lexicon.WordScreen`), and only the tokens that matter are traced to their texts (by counting the
    lines before them). Texts with a lexicon word or a possible phrase are then matched one by one, the
    threat patterns only on the texts returned.
    """
    tokens = _TOKEN_OR_NEWLINE_RE.findall(batch.joined)
    if len(_token_infos) >= TOKEN_CATEGORY_CACHE_SIZE:
        _token_infos.clear()
    distinct = set(tokens)
    distinct.discard("\n")
    new = list(distinct.difference(_token_infos))
    _token_infos.update(zip(new, _new_token_infos(new)))
    notable = {token for token in distinct if _token_infos[token] is not None}
    screens = [threats.violence_screen(), *_lexicon().phrase_screens]
    triggered: list[set[int]] = [set() for _ in screens]
    words_of: defaultdict[int, list[str]] = defaultdict(list)  # per text, its lexicon tokens in order
    if notable:
        notable.add("\n")
        where = np.flatnonzero(np.fromiter(map(notable.__contains__, tokens), dtype=bool, count=len(tokens))).tolist()
        # The text of each line of the joined batch (a text may hold newlines of its own).
        line_owner = range(len(batch.texts))
        if len(where) and batch.joined.count("\n") != len(batch.texts) - 1:
            line_owner = np.repeat(np.arange(len(batch.texts)), [t.count("\n") + 1 for t in batch.texts]).tolist()
        line = 0
        for k in where:
            token = tokens[k]
            if token == "\n":
                line += 1
                continue
            text = line_owner[line]
            category, triggers = _token_infos[token]
            if category is not None:
                words_of[text].append(token)
            bit = 0
            while triggers:
                if triggers & 1:
                    triggered[bit].add(text)
                triggers >>= 1
                bit += 1
    for found, screen in zip(triggered, screens):
        if screen.rest is not None:
            found.update(batch.candidates(screen.rest))
    hits: list[list[Hit]] = [[] for _ in batch.texts]
    for i, words in words_of.items():
        hits[i] = _place_words(batch.texts[i], words)
    spaced = batch.candidates(spelling.SPACED_RE, literal_screen=False)
    for i in spaced:
        hits[i] = hits[i] + _spaced_hits(batch.texts[i])
    for i in set().union(*triggered[1:], spaced if SPACED_PHRASES else ()):
        hits[i] = lexicon_hits(batch.texts[i], batch.texts[i], hits[i], phrases=True)
    return hits, sorted(triggered[0])


_TOKEN_CHAR_RE = re.compile(r"[\w*#@$'-]")


def _place_words(folded: str, words: list[str]) -> list[Hit]:
    """Hits for lexicon tokens known to occur in ``folded`` in this order: each is the first whole-token
    occurrence after the previous one (a ``str.find`` per token, not a token-by-token pass over the text)."""
    hits, position = [], 0
    for word in words:
        start = folded.find(word, position)
        while start >= 0 and (
            (start > 0 and _TOKEN_CHAR_RE.match(folded, start - 1)) or _TOKEN_CHAR_RE.match(folded, start + len(word))
        ):
            start = folded.find(word, start + 1)
        if start < 0:  # cannot happen for tokens of this text; never place a hit wrongly
            return lexicon_hits(folded, folded, phrases=False)
        category = _token_infos[word][0] if _token_infos.get(word) else _token_category(word.strip("'-"))
        hits.append(_word_hit(category, start, word))
        position = start + len(word)
    return hits


#: Words whose evidence weights are kept (see :func:`_evidence_weights_of`); cleared when it grows past this size.
WORD_WEIGHT_CACHE_SIZE = 100_000


def _word_weights(words: Sequence[str]) -> np.ndarray:
    """How much each word's n-grams push each of ``EVIDENCE_HEADS`` up, a ``len(words) x heads`` array (cached
    by the caller: comments reuse a small vocabulary). Stop words and words under 3 characters weigh 0.

    Batch-wide: the words are normalized in one pass, their n-gram ids read from the featurizer's token table
    (already there for the words of the texts just featurized), and the weights of every n-gram of every word
    and head gathered in one step, then summed per word."""
    from ..lazy import english_stop_words

    ENGLISH_STOP_WORDS = english_stop_words()
    result = np.zeros((len(words), len(EVIDENCE_HEADS)))
    tokens = [t.strip() for t in normalize_words(words)]
    weighed = [k for k, t in enumerate(tokens) if len(t) >= 3 and t not in ENGLISH_STOP_WORDS]
    if not weighed:
        return result
    distinct = list(dict.fromkeys(tokens[k] for k in weighed))
    flat, offsets = token_ids(distinct)
    m = model()
    heads = [m.names.index(head) for head in EVIDENCE_HEADS]
    lengths = np.diff(offsets)
    sums = np.add.reduceat(m.weights[flat][:, heads].astype(np.float64), offsets[:-1], axis=0)
    mean_idf = np.add.reduceat(m.idf[flat].astype(np.float64), offsets[:-1]) / lengths
    per_token = sums * (mean_idf / np.sqrt(lengths))[:, None]
    row = dict(zip(distinct, range(len(distinct))))
    result[weighed] = per_token[[row[tokens[k]] for k in weighed]]
    return result


def model_evidence(text: str, head: str, limit: int = MAX_MODEL_EVIDENCE, folded: str | None = None) -> list[Hit]:
    """The words of ``text`` whose n-gram weights push ``head`` up the most (local offsets)."""
    folded = lexicon.fold(text[:MAX_SCAN_CHARS]) if folded is None else folded
    return batch_model_evidence([folded], [(head,)], limit)[0]


EVIDENCE_HEADS = ("toxicity", "insult", "identity_attack")
#: Per word, its evidence weight for each of ``EVIDENCE_HEADS``, rounded to 3 places, or 0.0 when not above
#: ``MIN_EVIDENCE_WEIGHT``.
_evidence_weights: dict[str, tuple[float, ...]] = {}


def _evidence_weights_of(words: Sequence[str]) -> list[tuple[float, ...]]:
    weights = _word_weights(words)
    weights = np.where(weights > MIN_EVIDENCE_WEIGHT, np.round(weights, 3), 0.0)
    return list(map(tuple, weights.tolist()))


def batch_model_evidence(
    folded: Sequence[str], wanted: Sequence[Sequence[str]], limit: int = MAX_MODEL_EVIDENCE
) -> list[list[Hit]]:
    """Per folded text, for each head it ``wanted`` (in ``EVIDENCE_HEADS`` order), the ``limit`` words whose
    n-gram weights push that head up the most (heaviest first, ties in text order; local offsets).

    Batch-wide: the asked texts are joined and split into words once, each distinct word's weight is looked
    up once (cached across batches), and the few words above ``MIN_EVIDENCE_WEIGHT`` are ranked in array
    steps; only the words kept become Python objects."""
    evidence: list[list[Hit]] = [[] for _ in folded]
    asked = [i for i, heads in enumerate(wanted) if heads]
    if not asked:
        return evidence
    texts = [folded[i][:MAX_SCAN_CHARS] for i in asked]
    joined = "\n".join(texts)
    words = _WORD_RE.findall(joined)
    if not words:
        return evidence
    gaps = _WORD_RE.split(joined)  # the text around the words: len(words) + 1 pieces
    word_lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    gap_lengths = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
    word_starts = np.cumsum(gap_lengths[:-1]) + np.cumsum(word_lengths) - word_lengths
    text_lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    text_starts = np.cumsum(text_lengths + 1) - text_lengths - 1
    text_of_word = np.searchsorted(text_starts, word_starts, side="right") - 1
    distinct = list(set(words))
    word_ids = np.fromiter(
        map(dict(zip(distinct, range(len(distinct)))).__getitem__, words), dtype=np.int64, count=len(words)
    )
    if len(_evidence_weights) > WORD_WEIGHT_CACHE_SIZE:
        _evidence_weights.clear()
    new = list(set(distinct).difference(_evidence_weights))
    _evidence_weights.update(zip(new, _evidence_weights_of(new)))
    table = np.array(list(map(_evidence_weights.__getitem__, distinct)), dtype=np.float64).reshape(
        -1, len(EVIDENCE_HEADS)
    )
    for h, head in enumerate(EVIDENCE_HEADS):
        rows = np.array([head in wanted[i] for i in asked], dtype=bool)
        if not rows.any():
            continue
        weights = table[word_ids, h]
        strong = np.flatnonzero((weights > 0.0) & rows[text_of_word])
        if not strong.size:
            continue
        # Per text, heaviest first; equal weights in text order (word indices grow with position).
        order = strong[np.lexsort((strong, -weights[strong], text_of_word[strong]))]
        owners = text_of_word[order]
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        rank = np.arange(len(order)) - np.repeat(first, np.diff(np.r_[first, len(order)]))
        kept, kept_owners = order[rank < limit], owners[rank < limit]
        local_starts = (word_starts[kept] - text_starts[kept_owners]).tolist()
        for k, row, start in zip(kept.tolist(), kept_owners.tolist(), local_starts):
            word = words[k]
            evidence[asked[row]].append(Hit(head, start, start + len(word), _evidence_weights[word][h]))
    return evidence


@batch_scoring
def score_texts(
    texts: Sequence[str],
    counts=None,
    *,
    model_scores: dict[str, np.ndarray] | None = None,
    thresholds: dict[str, float | np.ndarray] | None = None,
    word_evidence: bool | None = None,
) -> list[AbuseResult]:
    """Scores, flags and evidence for each text (English comments; the caller skips unknown languages).

    ``model_scores`` (head -> one calibrated score per text, for every head of ``MODEL_HEADS``) come from the
    encoder heads when the caller has them, with their ``thresholds`` (a head's threshold may be one per text: the
    ``fast`` mode scores the comments that name a group with the encoder heads); without them the linear n-gram model
    (the ``fast`` mode) scores the texts and its words' n-gram weights become the evidence of its flags.
    Vectorized over the batch: the lexicon and threat patterns run once over the whole batch to find the few
    texts that can match, and only those are matched one by one. A text with no lexicon or threat hit (most)
    is decided from its model scores in one array step. Lexicon hits only raise scores: a profane word never
    removes a model's flag. ``counts`` is ``features.featurize_counts(texts)`` when the caller already has it.
    ``word_evidence=False`` leaves out the n-gram word evidence (the caller gives the span head's instead).
    """
    if not texts:
        return []
    scan = [t[:MAX_SCAN_CHARS] for t in texts]
    if word_evidence is None:
        word_evidence = model_scores is None
    word_evidence = word_evidence and model_scores is None
    if model_scores is None:
        model_scores = model().score(scan, counts)
    limits = {**FLAG_THRESHOLDS, **(thresholds or {})}
    batch = lexicon.fold_batch(scan)
    all_hits, violent = _scan_batch(batch)
    for i in celebration.candidates(batch) if HARM_CELEBRATED else ():
        all_hits[i] = all_hits[i] + [
            Hit("identity_attack", start, end, SLUR_FLOOR) for start, end in celebration.celebrated_harm(batch.texts[i])
        ]
    for i, hits in enumerate(all_hits):
        if hits:
            all_hits[i] = _used(batch.texts[i], hits)
    # a wish of violence the writer marks as sarcasm (/s, /sarc) is not a threat (issue 22)
    marked = {i for i, marker in zip(violent, sarcasm.find_markers([scan[i] for i in violent])) if marker}
    for i in violent:
        if i in marked:
            continue
        all_hits[i] = all_hits[i] + [
            Hit("threat", h.start, h.end, h.weight) for h in threats.find_threats(scan[i], batch.texts[i])
        ]
    table = np.column_stack(
        [np.asarray(model_scores[head], dtype=np.float64) for head in MODEL_HEADS]
        + [np.full(len(scan), threats.NO_MATCH_SCORE), np.full(len(scan), NO_PROFANITY_SCORE)]
    )
    rounded = np.round(table, 4).tolist()
    # Which heads are up, as a number: bit k for MODEL_HEADS[k] (the key of _PLAIN_FLAGS).
    up = sum((table[:, k] >= limits[head]).astype(np.int64) << k for k, head in enumerate(MODEL_HEADS))
    columns = {head: table[:, k].tolist() for k, head in enumerate(MODEL_HEADS)}
    results, wanted = [], []
    for i, (hits, heads_up) in enumerate(zip(all_hits, up.tolist())):
        if not hits:  # most texts: flags follow the model scores alone (_decide without hits)
            flags = list(_PLAIN_FLAGS[heads_up])
            result = AbuseResult(dict(zip(ATTRIBUTES, rounded[i])), flags, [])
            wanted.append(flags if word_evidence else [])
        else:
            scores = {head: columns[head][i] for head in MODEL_HEADS}
            scores["threat"] = threats.threat_score([h for h in hits if h.label == "threat"])
            result = _decide(scores, hits, {head: _row(limit, i) for head, limit in limits.items()})
            wanted.append(
                [
                    head
                    for head in EVIDENCE_HEADS
                    if word_evidence and head in result.flags and not any(h.label == head for h in result.hits)
                ]
            )
        results.append(result)
    if word_evidence:
        for result, evidence in zip(results, batch_model_evidence(batch.texts, wanted)):
            result.hits += evidence
    return results


def with_encoder_rows(
    scores: dict[str, np.ndarray],
    rows: Sequence[int],
    encoder_scores: dict[str, np.ndarray],
    encoder_thresholds: dict[str, float],
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The n-gram heads' ``scores`` (head -> one per text) with the texts at ``rows`` scored by the encoder heads
    instead (``encoder_scores``: head -> one per row, in order), and per-text thresholds for :func:`score_texts`:
    the calibrated ``FLAG_THRESHOLDS`` for the n-gram rows, ``encoder_thresholds`` for the others. With
    ``EITHER_HEADS_FLAG``, a row the n-gram heads flag toxic and the encoder heads do not keeps the n-gram scores."""
    if EITHER_HEADS_FLAG:  # a row the n-gram heads flag toxic and the encoder heads do not keeps the n-gram scores
        keep = (np.asarray(scores["toxicity"])[list(rows)] >= FLAG_THRESHOLDS["toxicity"]) & (
            np.asarray(encoder_scores["toxicity"]) < encoder_thresholds.get("toxicity", FLAG_THRESHOLDS["toxicity"])
        )
        rows = [r for r, k in zip(rows, keep) if not k]
        encoder_scores = {head: np.asarray(column)[~keep] for head, column in encoder_scores.items()}
    mixed, limits = dict(scores), {}
    for head, column in encoder_scores.items():
        mixed[head] = np.array(scores[head], dtype=np.float64)
        mixed[head][list(rows)] = column
        limits[head] = np.full(len(mixed[head]), FLAG_THRESHOLDS[head])
        limits[head][list(rows)] = encoder_thresholds.get(head, FLAG_THRESHOLDS[head])
    return mixed, limits


def combined_scores(
    linear: dict[str, np.ndarray],
    encoder: dict[str, np.ndarray],
    encoder_thresholds: dict[str, float],
    *,
    named: Sequence[int],
    blended: Sequence[int],
    encoder_base: bool = False,
    blend: heads.Head | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The scores the comments stage flags from, and their thresholds (head -> one per text): the n-gram heads'
    ``linear`` scores (or, with ``encoder_base``, the encoder heads' for every text, at their thresholds), the
    texts at ``named`` (comments that name a group) read by the encoder heads (:func:`with_encoder_rows`; already so
    with ``encoder_base``), the toxicity and insult of the texts at ``blended`` by the ``blend`` head (the shipped
    ``BLEND_HEAD`` by default). ``encoder`` holds one score per text, read only at ``named`` and ``blended``. One
    function for the stage and ``eval/abuse.py``, so that what is measured is what runs."""
    named, blended = list(named), list(blended)
    if encoder_base:
        scores, limits = dict(encoder), dict(encoder_thresholds)
    elif named:
        scores, limits = with_encoder_rows(
            linear, named, {h: np.asarray(c)[named] for h, c in encoder.items()}, encoder_thresholds
        )
    else:
        scores, limits = linear, {}
    return with_blended_rows(
        scores, limits, blended, linear, {h: np.asarray(c)[blended] for h, c in encoder.items()}, blend
    )


def with_blended_rows(
    scores: dict[str, np.ndarray],
    limits: dict[str, float | np.ndarray],
    rows: Sequence[int],
    linear_scores: dict[str, np.ndarray],
    encoder_scores: dict[str, np.ndarray],
    blend: heads.Head | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """``scores`` (head -> one per text) and their ``limits`` with the ``blend`` head's labels (default: the
    shipped ``BLEND_HEAD``) of the texts at ``rows`` read from the blend of the n-gram heads' ``linear_scores``
    (one per text) and the encoder heads' ``encoder_scores`` (one per row, in order), at the blend head's
    thresholds; the other heads unchanged."""
    blend = blend or heads.load(BLEND_HEAD)
    rows = list(rows)
    n = len(next(iter(scores.values())))
    mixed = {head: np.array(column, dtype=np.float64) for head, column in scores.items()}
    per_row = {
        head: np.broadcast_to(np.asarray(limit, dtype=np.float64), (n,)).copy() for head, limit in limits.items()
    }
    if not rows:
        return mixed, per_row
    table = blend.scores(
        heads.logodds_features(
            blend.labels, {label: np.asarray(column)[rows] for label, column in linear_scores.items()}, encoder_scores
        )
    )
    for k, label in enumerate(blend.labels):
        mixed[label][rows] = table[:, k]
        per_row.setdefault(label, np.full(n, FLAG_THRESHOLDS[label]))[rows] = blend.thresholds[label]
    return mixed, per_row


def _row(limit: float | np.ndarray, i: int) -> float:
    return float(limit[i]) if isinstance(limit, np.ndarray) else limit


def three_class(flags) -> str:
    """``hate``, ``offensive`` or ``normal`` for a comment's flags (``HATE_FLAGS``, ``OFFENSIVE_FLAGS``): the
    reading by which issue 22 scores the flags against hate / offensive / normal data sets."""
    found = set(flags)
    if found & HATE_FLAGS:
        return "hate"
    return "offensive" if found & OFFENSIVE_FLAGS else "normal"


def abusive_on_its_own(folded_span: str, weight: float = NEGATABLE_WORD_WEIGHT) -> bool:
    """Whether a folded phrase holds a lexicon word or phrase, or a word whose n-gram toxicity or insult weight is
    ``weight`` or more: a word abusive without its context."""
    if lexicon_hits(folded_span, folded_span):
        return True
    # a group's name weighs on the model (the training data's bias), but naming a group is not abuse
    words = [w for w in _WORD_RE.findall(folded_span) if not mention.names_a_group_only(w)]
    return bool(words) and bool(_heavy_words(words, weight).any())


def _function_words_only(folded_span: str) -> bool:
    """Whether a folded phrase holds no word but function words ("no", "the", "of them": ``FUNCTION_WORDS``):
    nothing a moderator could be shown as the abuse."""
    return all(word in FUNCTION_WORDS for word in _WORD_RE.findall(folded_span))


def _names_harm(folded_span: str) -> bool:
    """Whether a folded phrase names harm done to someone: a violent verb or outcome of the threat patterns ("die",
    "killed") or an act of abuse (``DENIABLE_ACT_RE``). Denied, such a phrase denies the harm ("no one deserves to
    die"), where a denied word of praise is the abuse ("I don't respect them")."""
    p = threats.patterns()
    return bool(p.verb.search(folded_span) or p.outcome.search(folded_span) or DENIABLE_ACT_RE.search(folded_span))


def _heavy_words(words: list[str], weight: float) -> np.ndarray:
    """For each word, whether its n-gram toxicity or insult weight is ``weight`` or more."""
    heads = [EVIDENCE_HEADS.index("toxicity"), EVIDENCE_HEADS.index("insult")]
    return np.asarray((_word_weights(words)[:, heads] >= weight).any(axis=1))


def used_spans(text: str, found: Sequence[SpanT]) -> list[SpanT]:
    """The span head's spans of ``text`` that the comment uses as abuse, not the ones it only mentions: denied
    (a span opening with its own negation, "never hurt them", is judged on the rest), quoted in reported words,
    or said of someone else's words (see :mod:`mention`). A span that opens with a group's name is judged from the
    word after it ("stop calling [gay people disgusting]" reports the word); and where the comment denies or
    reports abuse, a span that only names a group is no evidence either ("[Gay] people are not [disgusting]":
    the head marks the group beside the word the writer denies)."""
    if not found:
        return []
    folded = lexicon.fold(text[:MAX_SCAN_CHARS])
    quoted = mention.quoted_regions(folded)
    kept, denies = [], False
    for span in found:
        if _function_words_only(folded[span.start : span.end]):
            continue
        start = span.start
        if MENTIONED_ABUSE_DROPS_GROUP_SPANS:
            start += mention.group_name_end(folded[span.start : span.end])
        rest = mention.without_negation(folded[start : span.end])
        if mention.mentioned(folded, start, span.end, quoted, abusive_on_its_own(rest) or _names_harm(rest)):
            denies = True
        else:
            kept.append(span)
    if HARM_REPORT_WORDS_NO_EVIDENCE and kept:
        harmed = harm_sentences(folded, quoted, denied=False)
        kept = [
            span
            for span in kept
            if not any(a <= span.start < b for a, b in harmed)
            or lexicon_hits(folded[span.start : span.end], folded[span.start : span.end])
        ]
    if not MENTIONED_ABUSE_DROPS_GROUP_SPANS:
        return kept
    # a violent word in a harmless idiom is no evidence ("[Muslims killed] it at the talent show" is judged as the
    # name alone; "[killer voice]" is nothing)
    idioms = harmless_idioms(folded)
    read = _blanked(folded, idioms) if idioms else folded
    kept = [span for span in kept if not idioms or not _function_words_only(read[span.start : span.end])]
    group_only = [mention.names_a_group_only(read[span.start : span.end]) for span in kept]
    if GROUP_NAME_JUDGED_BY_COMMENT and not all(group_only):
        # judged as the name alone: a group's name with the words of regard said of it ("[Muslims deserve] to be
        # treated with respect"), and the harm a group suffers ("trans people are [murdered] at a shocking rate")
        regard, suffered = mention.regard_regions(folded), harm_words_suffered(folded)
        group_only = [
            only
            or _name_and_regard(folded, span, regard)
            or any(a <= span.start and span.end <= b for a, b in suffered)
            for span, only in zip(kept, group_only)
        ]
    if not any(group_only):
        return kept
    if GROUP_NAME_NEEDS_COLD_WORDS and not _reads_cold(read):
        kept = [span for span, only in zip(kept, group_only) if not only]
        group_only = [False] * len(kept)
        if not kept:
            return kept
    # a group's name that goes on into a proper name ("Black Friday") names no people
    named_people = [
        not (only and mention.inside_proper_name(text, span.start, span.end)) for span, only in zip(kept, group_only)
    ]
    kept = [span for span, keep in zip(kept, named_people) if keep]
    group_only = [only for only, keep in zip(group_only, named_people) if keep]
    if GROUP_NAME_JUDGED_BY_COMMENT and not denies:
        denies = defends_or_denies(folded, quoted)
    harmed = harm_sentences(folded, quoted) if any(group_only) and not denies else []
    return [
        span
        for span, only in zip(kept, group_only)
        if not only
        or not (
            denies
            or any(a <= span.start < b for a, b in harmed)
            or (GROUP_NAME_JUDGED_BY_COMMENT and mention.named_as_own(folded, span.start))
        )
    ]


def harmless_idioms(folded: str) -> list[tuple[int, int]]:
    """Where the folded comment says a violent word in a known harmless idiom (the threat patterns' ``metaphors``:
    "killed it", "to die for", "a killer voice", "took a bullet for the team"): no abuse and nothing cold there
    (session 54: the span head marked "[Muslims killed] it at the talent show", and "to die for" read as cold)."""
    return [(m.start(), m.end()) for m in threats.patterns().metaphor.finditer(folded)]


def _blanked(folded: str, regions: Sequence[tuple[int, int]]) -> str:
    """``folded`` with ``regions`` turned to spaces (same length)."""
    for a, b in regions:
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


def says_something_cold(folded: str) -> bool:
    """Whether the folded comment holds a word VADER's lexicon reads as negative, reads negative as a whole to VADER
    (a warm word denied), or holds a word of the abuse lexicon (:data:`GROUP_NAME_NEEDS_COLD_WORDS`); words inside a
    harmless idiom (:func:`harmless_idioms`: "to die for") are not read."""
    return _reads_cold(_blanked(folded, harmless_idioms(folded)))


def _reads_cold(read: str) -> bool:
    """:func:`says_something_cold` of a folded comment whose harmless idioms are already blanked."""
    analyzer = sarcasm.vader()
    words = (word.strip("!'*#@$") for word in _WORD_RE.findall(read))
    return (
        any(analyzer.lexicon.get(word, 0.0) < 0 for word in words)
        or analyzer.polarity_scores(read)["compound"] < 0  # a warm word denied: "we do not respect ..."
        or bool(lexicon_hits(read))
    )


def names_beside_abuse(texts: Sequence[str], droppable: Sequence[bool]) -> list[bool]:
    """Which pieces of a comment's evidence of abuse (``texts``; ``droppable``: the span head's phrases) not to show:
    a phrase that only names a group, or only names people with no abusive word (session 40: "the [security guards]
    at the mall are [thugs]"), where another piece shows abuse ("[Refugees] should be left to drown"). The name is
    whom the abuse is aimed at, not abuse; shown alone, it is all the head found and stays."""
    names = [
        drop and (mention.names_a_group_only(folded) or _names_people_only(folded))
        for folded, drop in zip((lexicon.fold(text) for text in texts), droppable, strict=True)
    ]
    return names if not all(names) else [False] * len(names)


def _names_people_only(folded_span: str) -> bool:
    """Whether a folded span only names people: a person noun of the threat patterns' targets with at most two words
    before it ("the security guards", "those lads"), none of them an insult ("scumbags", "filthy rats")."""
    words = _WORD_RE.findall(folded_span)
    insults = targets.insult_nouns()
    if not words or any(w in insults or w.rstrip("s") in insults for w in words):
        return False
    return threats.names_people(folded_span.strip(" .,;:!?'\"")) and not abusive_on_its_own(folded_span)


def _name_and_regard(folded: str, span: SpanT, regard: list[tuple[int, int]]) -> bool:
    """Whether ``span``, past a group's name if it opens with one, lies inside words of regard (``regard``: the
    span head marks "brave" in "... are brave and funny")."""
    rest = span.start + mention.group_name_end(folded[span.start : span.end])
    return any(a <= rest and span.end <= b for a, b in regard)


def defends_or_denies(folded: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether the folded comment speaks well of a group (``regard``) or only mentions abuse (denied, quoted,
    reported: :func:`_denies_abuse`; ``quoted``: ``mention.quoted_regions(folded)``): what clears a span that only
    names a group, and what keeps the group-hate head from reading the comment as hate."""
    return (
        mention.speaks_well(folded)
        or (HARM_CELEBRATED and celebration.shows_sympathy(folded))
        or _denies_abuse(folded, quoted)
    )


def _denies_abuse(folded: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether the folded comment only mentions abuse somewhere (denied, quoted, reported): a lexicon insult or
    phrase, a word of ``DENIED_WORD_WEIGHT`` (the span head need not have marked it: "Mexicans are not
    disgusting" is marked on the group alone), a verb of hatred ("I don't hate ...") or a violent verb of the threat
    patterns ("I would never hurt ..."). Not a profanity ("nobody fucking wants ..." denies nothing) nor a disclaimer
    (:func:`_disclaimer`: "I'm not racist, but ...")."""
    hits = lexicon_hits(folded, folded)
    for hit in hits:
        if hit.label == "insult" or (hit.label == "identity_attack" and " " in folded[hit.start : hit.end]):
            if mention.mentioned(folded, hit.start, hit.end, quoted):
                return True
    words = [m for m in _WORD_RE.finditer(folded) if not mention.names_a_group_only(m.group(0))]
    if not words:
        return False
    strong = _heavy_words([m.group(0) for m in words], DENIED_WORD_WEIGHT)
    violent = threats.patterns().verb
    profane = {folded[h.start : h.end] for h in hits if h.label.startswith("profanity")}
    return any(
        (heavy or violent.fullmatch(m.group(0)) or DENIABLE_HATRED_RE.fullmatch(m.group(0)))
        and m.group(0) not in profane
        and mention.mentioned(folded, m.start(), m.end(), quoted)
        and not _disclaimer(folded, m.start(), m.end())
        for m, heavy in zip(words, strong.tolist())
    )


@lru_cache(maxsize=1)
def _disclaimer_patterns() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.load("abuse")
    return (
        re.compile(rf"[^.!?\n]{{0,{DISCLAIMER_TURN_CHARS}}}?(?:{lexicon.alternation(data['disclaimer_turns'])})"),
        re.compile(lexicon.alternation(data["asserting_negations"])),
    )


def _disclaimer(folded: str, start: int, end: int) -> bool:
    """Whether the denied word at ``start:end`` is a disclaimer, not a denial: a turn follows it in its sentence
    ("I'm not racist, but ...", "no hate, except for ...", "it's not hate, it's policy"), or the negation asserts
    ("not ashamed to say ...")."""
    turn, asserting = _disclaimer_patterns()
    return turn.match(folded, end) is not None or asserting.search(folded, max(0, start - 12), end + 4) is not None


_SENTENCE_RE = re.compile(r"[^.!?\n]+")


def harm_sentences(folded: str, quoted: list[tuple[int, int]], denied: bool = True) -> list[tuple[int, int]]:
    """The sentences of the folded comment that take a group's side on harm: that name a group as the one harmed
    (``harm_suffered`` in ``abuse.yaml``: "refugees are victims of violence", "attacks on Sikhs doubled"), or, with
    ``denied``, that deny or hold up a word of harm (:func:`_names_harm`: "no one deserves to die", "nobody should
    ever threaten ..."). The span head marks a group's name there as it does in abuse of the group: it is no evidence.
    Judged per sentence: "I can't beat this level" denies nothing of the group named in the next."""
    suffered = _harm_suffered_unless_praised(folded)
    return [
        (sentence.start(), sentence.end())
        for sentence in _SENTENCE_RE.finditer(folded)
        if suffered is not None
        and suffered.search(folded, sentence.start(), sentence.end())
        or (denied and _denies_harm(folded, sentence, quoted))
    ]


def harm_words_suffered(folded: str) -> list[tuple[int, int]]:
    """Where the folded comment names the harm a group suffers (``harm_suffered``: "[murdered]" in "trans people are
    murdered at a shocking rate", "[violence]" in "violence against Sikhs"): the span head marks those words as it
    marks abuse, and they are no more abuse than the group's name there."""
    suffered = _harm_suffered_unless_praised(folded)
    if suffered is None:
        return []
    harm = _harm_word_pattern()
    return [
        (word.start(), word.end())
        for found in suffered.finditer(folded)
        for word in harm.finditer(folded, found.start(), found.end())
    ]


@lru_cache(maxsize=1)
def _harm_word_pattern() -> re.Pattern:
    """The words of harm in ``harm_suffered``: its participles, the nouns of harm done to a group and the verbs of
    harm done by someone ("anyone who [hurts] ...")."""
    data = lexicon.load("abuse")
    words = data["harm_participles"] + data["harm_nouns"] + data["harm_verbs"]
    return re.compile(r"\b" + lexicon.alternation(words, data) + r"\b")


def _denies_harm(folded: str, sentence: re.Match, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``sentence`` denies or holds up a word of harm (:func:`harm_sentences`)."""
    return any(
        # harm compares with nothing: "no one deserves to die like that" denies it, where "not a coward like you"
        # calls someone a coward
        _names_harm(m.group(0))
        and (mention.negated(folded, m.start()) or mention.mentioned(folded, m.start(), m.end(), quoted))
        for m in _WORD_RE.finditer(folded, sentence.start(), sentence.end())
    )


@lru_cache(maxsize=1)
def _harm_suffered_pattern() -> re.Pattern:
    data = lexicon.load("abuse")
    return re.compile(r"\b" + lexicon.alternation(data["harm_suffered"], data))


def _harm_suffered_unless_praised(folded: str) -> re.Pattern | None:
    """``harm_suffered``, or None when the comment praises harm anywhere (``harm_praised``: "Whoever did that to ...
    deserves a medal", "... harassed a ...? I'd shake their hands"): such a comment takes no group's side."""
    return None if _harm_praised_pattern().search(folded) else _harm_suffered_pattern()


@lru_cache(maxsize=1)
def _harm_praised_pattern() -> re.Pattern:
    """Praise of harm or of those who did it (``harm_praised``)."""
    data = lexicon.load("abuse")
    return re.compile(lexicon.alternation(data["harm_praised"], data))


def _used(folded: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` without the insult words and dehumanizing phrases the comment only mentions: negated ("they are
    not vermin"), quoted in reported words, or said of someone else's words ("stop calling them ..."; see
    :mod:`mention`). Slurs and profanity stay: a slur is a slur even when negated; but a slur the writer applies to
    themself ("I'm a proud ...") or names as a word ("the word ...") is profanity and no attack
    (:func:`reclaimed_slur`)."""
    quoted: list[tuple[int, int]] | None = None
    kept = []
    for hit in hits:
        if hit.label == "identity_attack" and reclaimed_slur(folded, hit.start, hit.end):
            kept.append(Hit("profanity:reclaimed", hit.start, hit.end, PROFANITY_FLOORS["reclaimed"]))
            continue
        if hit.label == "insult" or (hit.label == "identity_attack" and " " in folded[hit.start : hit.end]):
            quoted = mention.quoted_regions(folded) if quoted is None else quoted
            if mention.mentioned(folded, hit.start, hit.end, quoted):
                continue
        kept.append(hit)
    return kept


def reclaimed_slur(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` is one word of the slurs that the writer applies to themself or names as a
    word (:func:`mention.reclaimed_or_named`)."""
    return spelling.slur_pattern().fullmatch(folded, start, end) is not None and mention.reclaimed_or_named(
        folded, start, end
    )


#: Flags of a text with no lexicon or threat hit, by which model heads are at or above their threshold (bit k
#: for ``MODEL_HEADS[k]``: toxicity, severe_toxicity, insult, identity_attack): :func:`_decide` without hits.
_PLAIN_FLAGS = [
    tuple(
        head
        for head, up in (
            ("toxicity", code & 1),
            ("insult", code & 4 and code & 1),
            ("severe_toxicity", code & 2 and code & 1),
            ("identity_attack", code & 8 and code & 1),
        )
        if up
    )
    for code in range(16)
]


def _decide(scores: dict[str, float], hits: list[Hit], limits: dict[str, float] = FLAG_THRESHOLDS) -> AbuseResult:
    """Scores, flags and lexicon/threat evidence of a text with hits (model evidence is added by the caller).
    Hits only raise scores (floors), never lower them: a profane word does not hide an insult."""
    profanity = [h for h in hits if h.label.startswith("profanity")]
    slurs = [h for h in hits if h.label == "identity_attack"]
    insult_words = [h for h in hits if h.label == "insult"]
    scores["profanity"] = max((h.weight for h in profanity), default=NO_PROFANITY_SCORE)
    if slurs:
        for head in ("identity_attack", "severe_toxicity", "toxicity", "insult"):
            scores[head] = max(scores[head], SLUR_FLOOR)
    if insult_words:
        scores["insult"] = max(scores["insult"], INSULT_WORD_FLOOR)
        scores["toxicity"] = max(scores["toxicity"], INSULT_WORD_FLOOR)
    if scores["threat"] >= limits["threat"]:
        scores["toxicity"] = max(scores["toxicity"], scores["threat"])
    flags = [
        head
        for head in ("toxicity", "insult", "severe_toxicity", "threat", "profanity")
        if scores[head] >= limits[head]
    ]
    if slurs or (scores["identity_attack"] >= limits["identity_attack"] and "toxicity" in flags):
        flags.append("identity_attack")
    for head in ("severe_toxicity", "insult"):  # OLID labels an insult (TIN) only inside an offensive post
        if head in flags and "toxicity" not in flags:
            flags.remove(head)
    evidence = [Hit("profanity", h.start, h.end, h.weight) for h in profanity]
    evidence += [h for h in hits if h.label in ("threat", "identity_attack", "insult")]
    return AbuseResult({k: round(v, 4) for k, v in scores.items()}, flags, evidence)
