"""Framing: which words set one account apart from another, and which loaded words each account uses.

Three measures:

- :func:`fightin_words`: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
  2008, "Fightin' Words", eq. 22) and its z-score. The prior is a background word-frequency list
  (``data/framing/background.tsv``) built by :func:`build_background` from the reader-text data sets whose
  licenses allow it (Davidson et al. 2017, MIT; OLID, CC BY 4.0; iSarcasmEval, MIT; see
  ``data/framing/background.md``). The measure is antisymmetric by construction: swapping the two accounts
  negates every z-score exactly (one public implementation normalised the prior per side and broke that).
- :func:`lexicon_hits`: counts of the conflict-framing term families in ``data/framing/conflict_terms.yaml``
  ("rebels" / "militants" / "terrorists"; "captured" / "liberated" / "cleared" ...), with the side that tends
  to use each term.
- :func:`score_words`: every word of the accounts with the score of the ``framing-loaded`` token head (trained on
  MBIC, see its card), in one encoder call and one head call for the page, reading the token vectors a caller
  already has (:class:`EncodedSpan`: the compare stage's claims) and encoding only the rest. Names, numbers,
  titles and words inside long quotations (a speaker's, not the account's) are never eligible.
  A word's score also weighs how insulting its pieces read to the comments' abuse head (OLID, Davidson:
  :data:`LOADED_INSULT_WEIGHT`), which lifts name calling over mild evaluative words.
  :func:`loaded_language` flags the eligible words at :data:`LOADED_THRESHOLD` (each flag grown over the neighbours
  scoring :data:`LOADED_GROW_SCORE` or more), plus scare quotes that hold a word
  the head scores and side-taking reporting verbs ("slammed", "scoffing"), each flag with the measured precision
  of its kind as ``confidence``; Fightin' Words ranks only eligible uses the head scores at :data:`FIGHTIN_MIN_SCORE` or more
  (:func:`evaluative_counts`), so topic words, names and sourcing words that differ between outlets stay out.
- :func:`loaded_spans`: the old lexicon (``data/framing/loaded_language.yaml``, strong words of the VADER lexicon,
  scare quotes), kept as the anchor ``eval/framing.py`` scores the head against.

:func:`framing_for` puts them together into the JSON-plain dict the "compare" stage stores under
``analysis.framing[narrative_id]``.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from bisect import bisect_left, bisect_right
from collections import ChainMap, Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .resources import data_path, data_text, load_yaml, name_titles, speaks_of_arms

# --- settings ------------------------------------------------------------------------------------------
#: Total pseudo-count of the Dirichlet prior (alpha_0), as a share of the words compared: how strongly the
#: prior pulls rare words to zero. Scaled with the texts so a page-sized pair and a corpus-sized pair are
#: shrunk alike (a fixed alpha_0 of a few hundred swamps a 1,000-word account).
PRIOR_SHARE = 0.2
#: Share of the prior taken from the background list; the rest comes from the two accounts pooled.
BACKGROUND_MIX = 0.5
#: Pseudo-count given to a word missing from the background list, before scaling.
UNSEEN_BACKGROUND_COUNT = 0.5
#: Distinctive words are ranked by z and kept from this z up. A page-sized account rarely reaches the 1.96 of
#: a two-sided 5 % test, so this is a ranking cut-off, not a significance claim: the z is reported with each.
MIN_Z = 1.0
#: A distinctive word is used at least this many times by its account.
MIN_COUNT = 2
#: How many distinctive words are kept per account.
TOP_WORDS = 25
#: Words shorter than this, and stop words, are not reported as distinctive (they still count in the totals).
MIN_WORD_CHARS = 3
#: VADER words with absolute valence at least this are loaded language.
VADER_MIN_VALENCE = 2.5
#: Background list: words seen fewer times than this in the source data are dropped.
BACKGROUND_MIN_COUNT = 3
#: House style, not framing: words every outlet writes in its own way (attribution verbs, honorifics, credits).
HOUSE_STYLE = frozenset(
    "said says say saying told tells according reported reports reporting added adds noted mr mrs ms dr "
    "editor editing writing contributed contributing copyright photo photos image images video click read "
    "share updated update comment comments subscribe newsletter".split()
)
#: Characters of context shown on each side of a distinctive word.
CONTEXT_CHARS = 50
#: The loaded-language token head (``data/models/framing-loaded.npz``); its own flag threshold is in the head.
LOADED_HEAD = "framing-loaded"
#: Name calling from the permitted abuse data (issue 14, session 14): a word's loaded-language score also weighs
#: how insulting its own word pieces read to the ``insult`` head of ``comments-abuse-encoder`` (a linear head
#: trained on OLID's targeted insults, CC BY 4.0, with Davidson, MIT; see its card), read on each piece's
#: normalised vector: ``sigmoid(logit(loaded) + LOADED_INSULT_WEIGHT * (logit(insult) - LOADED_INSULT_CENTRE))``.
#: It lifts harsh words that call names ("traitors", "vicious", "filth") over mild evaluative ones ("dramatic",
#: "heated"). The centre is about the median insult logit of news words (-1.97 on BASIL-dev 2010-2012), so a
#: plain word keeps its score; the weight is the smallest step tried (0.25-1: BASIL 2010-2012 could not tell them
#: apart, 0.75 and over cost 2013-2014 F1); ``eval/framing.py`` and the head's card have the figures. 0 turns it off.
LOADED_INSULT_HEAD = "comments-abuse-encoder"
LOADED_INSULT_LABEL = "insult"
LOADED_INSULT_WEIGHT = 0.25
LOADED_INSULT_CENTRE = -2.0
#: The flag threshold on that combined score. Session 57: the one of the grid 0.5-0.999 with the best mean of the issue's
#: own measures on the development copies, span and sentence F1 on BASIL-dev 2010-2012 and span F1 on PTC-dev (0.231;
#: 0.999, the most precise on 2010-2012 and shipped since session 22, gave 0.158). Its flags are leads, not findings:
#: each carries its kind's measured precision (``LOADED_CONFIDENCE``), and the report folds those under 0.5 apart.
LOADED_THRESHOLD = 0.9
#: The one kind of context the loaded-language head may read beside a piece (``Head.features``): its neighbours.
WINDOW_FEATURES = "token-window1"
#: A quotation of this many words or more is a speaker's words, not the account's: nothing in it is flagged as
#: the account's loaded language. Shorter ones are the account's choice of words (scare quotes, "elitist
#: hypocrite") and stay. Chosen on BASIL-dev 2010-2012: long quotations held 136 of the head's flags, 10 right.
QUOTATION_MIN_WORDS = 5
#: A piece of at least this many words, this share of them capitalised, is a title ("Assad On Verge Of Biggest
#: Victory"): capitals cannot tell names apart there, so none of its words is flagged.
TITLE_MIN_WORDS = 4
TITLE_CAPITALS_SHARE = 0.6
#: A scare quote is loaded language only when a word inside it scores at least this on the head: alone, short
#: quotations were right 8 % of the time on BASIL-dev (a speaker's plain words, titles, coined names).
SCARE_QUOTE_MIN_SCORE = 0.5
#: A flag grows over the eligible words next to it (at most one character between) that score at least this on
#: the head, as an edge detector's hysteresis grows a strong edge along weaker pixels: the head scores each word
#: of a loaded phrase ("rotten inner workings") on its own and seldom all of them over the threshold. 0.5 is the
#: head's own decision boundary, not a tuned figure: BASIL-dev 2010-2012 (where the threshold was chosen) scored
#: the same from 0.3 to 0.9 (issue 14, session 11).
LOADED_GROW_SCORE = 0.5
#: Fightin' Words ranks only the uses of words that can carry framing: eligible words (no names, numbers or
#: quoted speech) scoring at least this on the loaded-language head in their sentence. Every other word
#: still counts in the totals. Chosen on BASIL-dev (see eval/framing.py).
FIGHTIN_MIN_SCORE = 0.3
#: How often a loaded-language flag of each kind was right: its span precision on BASIL-dev 2010-2012 (the years
#: the flag threshold was chosen on) at the shipped threshold, from ``eval/framing.py``'s table per kind. The
#: head's score ranks words but is no probability (above the threshold precision is flat on BASIL), so each flag
#: carries the measured rate of its kind as ``confidence``. 2013-2014 and PTC (not tuned on) are in the head's card.
#: Measured again at the threshold of session 57, 0.9 (462, 12 and 7 flags: most scare quotes and side-taking verbs
#: now sit inside a flag of the head; at 0.999, session 22: 0.14, 0.13, 0.38 of 92, 31 and 13 flags).
LOADED_CONFIDENCE = {"model": 0.12, "scare_quote": 0.08, "verb": 0.43}

#: A period that closes an initial or a title before a name, not a sentence ("M.", "Rep.", "Capt.").
_NAME_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]|" + "|".join(sorted(t.capitalize() for t in name_titles("abbreviation"))) + r")\.\Z"
)
WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_TWEET_NOISE = re.compile(r"@\w+|https?://\S+|\burl\b|&\w+;|\brt\b", re.I)
# A quotation mark opens only where no letter precedes it and closes only where none follows: the apostrophe
# of "I’m" or "don't" is never a quote.
_QUOTED = re.compile(r"(?<![\w])[\"“‘']([A-Za-z][^\"“”‘’'\n]{0,59}?)(?<!\s)[\"”’'](?![\w])")
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_BYLINE = re.compile(r"^\s*(?:by|reporting by|writing by|editing by)\s+[A-Z][^\n]{0,80}$", re.I | re.M)
_DOUBLE_QUOTE = re.compile(r'["“”]')
_OPENERS = frozenset("([{—–-")
_CLOSERS = frozenset(".,;:!?)]}—–-")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_SCORED_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\s*\n\s*")


def normalise(text: str) -> str:
    """Typographic variants folded (curly quotes and apostrophes, dashes), same length as ``text``."""
    return text.translate(_TYPOGRAPHIC)


def words(text: str) -> list[re.Match]:
    """Lower-case word matches of the normalised text (spans are positions in ``text``)."""
    return list(WORD.finditer(normalise(text).lower()))


def word_counts(texts: Iterable[str]) -> Counter:
    """Word counts with typography folded and a possessive 's taken off ("Assad's" counts as "assad")."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(m.group().removesuffix("'s") for m in words(_BYLINE.sub(" ", text)))
    return counts


def word_total(texts: Iterable[str]) -> int:
    """How many words :func:`word_counts` counts in ``texts`` (without counting each)."""
    return sum(len(WORD.findall(normalise(_BYLINE.sub(" ", text)).lower())) for text in texts)


# --- background prior ----------------------------------------------------------------------------------


def build_background(shared_data: Path) -> Counter:
    """Word counts over the permitted reader-text sets (Davidson, OLID, iSarcasmEval) under ``shared_data``."""
    texts: list[str] = []
    with open(shared_data / "toxicity/davidson/labeled_data.csv", newline="", encoding="utf-8") as fh:
        texts.extend(row["tweet"] for row in csv.DictReader(fh))
    with open(shared_data / "toxicity/olid/olid-training-v1.0.tsv", encoding="utf-8") as fh:
        next(fh)
        texts.extend(line.split("\t")[1] for line in fh if "\t" in line)
    with open(shared_data / "sarcasm/isarcasmeval/train.En.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            texts.extend(t for t in (row["tweet"], row["rephrase"]) if t)
    counts = word_counts(_TWEET_NOISE.sub(" ", text) for text in texts)
    return Counter({w: c for w, c in counts.items() if c >= BACKGROUND_MIN_COUNT})


@lru_cache(maxsize=1)
def background() -> dict[str, int]:
    """The shipped background word counts (``data/framing/background.tsv``: word<TAB>count)."""
    text = data_text("framing/background.tsv")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: int(count) for word, count in rows}


# --- Fightin' Words ------------------------------------------------------------------------------------


def fightin_words(
    counts_a: Mapping[str, float],
    counts_b: Mapping[str, float],
    prior: Mapping[str, float] | None = None,
    prior_strength: float | None = None,
    background_mix: float | None = None,
) -> dict[str, tuple[float, float]]:
    """``{word: (delta, z)}``: log-odds ratio of ``word`` in A versus B with an informative Dirichlet prior.

    alpha_w = prior_strength * p_w, with p_w a mix of the background share of ``word`` among the words of A
    and B and its share in A and B pooled (``background_mix`` of the first; so sum alpha_w = alpha_0 =
    prior_strength). The pooled part keeps page words the background barely knows ("insurgents") from
    getting a near-zero prior, whose variance would drown any difference on a page-sized text. Without
    ``prior_strength``, alpha_0 = ``PRIOR_SHARE`` * (n_a + n_b).

    delta = log((y_a+alpha_w)/(n_a+alpha_0-y_a-alpha_w)) - the same for B;
    var(delta) ~ 1/(y_a+alpha_w) + 1/(y_b+alpha_w); z = delta / sqrt(var). Positive z: A uses it more.
    The prior depends only on the pooled counts, never on which side is A, so swapping negates z exactly.
    """
    prior = background() if prior is None else prior
    background_mix = BACKGROUND_MIX if background_mix is None else background_mix
    vocabulary = sorted(set(counts_a) | set(counts_b))
    if len(vocabulary) < 2:  # one word type: its odds against "every other word" have nothing to stand on
        return {}
    raw = {w: float(prior.get(w, 0)) or UNSEEN_BACKGROUND_COUNT for w in vocabulary}
    total_raw = sum(raw.values())
    n_a, n_b = float(sum(counts_a.values())), float(sum(counts_b.values()))
    if prior_strength is None:
        prior_strength = max(1.0, PRIOR_SHARE * (n_a + n_b))
    pooled = {w: float(counts_a.get(w, 0)) + float(counts_b.get(w, 0)) for w in vocabulary}
    total_pooled = sum(pooled.values()) or 1.0
    alpha = {
        w: prior_strength * (background_mix * raw[w] / total_raw + (1 - background_mix) * pooled[w] / total_pooled)
        for w in vocabulary
    }
    result = {}
    for w in vocabulary:
        y_a, y_b, a_w = float(counts_a.get(w, 0)), float(counts_b.get(w, 0)), alpha[w]
        rest_a, rest_b = n_a + prior_strength - y_a - a_w, n_b + prior_strength - y_b - a_w
        if min(y_a + a_w, y_b + a_w, rest_a, rest_b) <= 0:  # log(0): a word that is (nearly) all of both sides
            continue
        log_odds_a = math.log(y_a + a_w) - math.log(rest_a)
        log_odds_b = math.log(y_b + a_w) - math.log(rest_b)
        delta = log_odds_a - log_odds_b
        result[w] = (delta, delta / math.sqrt(1.0 / (y_a + a_w) + 1.0 / (y_b + a_w)))
    return result


def distinctive_words(
    counts_a: Counter,
    counts_b: Counter,
    top: int = TOP_WORDS,
    exclude: Iterable[str] = (),
    prior: Mapping[str, float] | None = None,
) -> list[dict]:
    """The words A uses significantly more than B, best first: ``[{"term", "z", "count", "other_count"}]``.

    Stop words, house style (:data:`HOUSE_STYLE`) and ``exclude`` (the outlets' own names) are not reported.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = HOUSE_STYLE | {w.lower() for w in exclude}
    scores = fightin_words(counts_a, counts_b, prior=prior)
    rows = [
        {"term": w, "z": round(z, 3), "count": float(counts_a.get(w, 0)), "other_count": float(counts_b.get(w, 0))}
        for w, (_, z) in scores.items()
        if z >= MIN_Z
        and counts_a.get(w, 0) >= MIN_COUNT
        and len(w) >= MIN_WORD_CHARS
        and w not in STOP_WORDS
        and w not in skip
    ]
    return sorted(rows, key=lambda r: -r["z"])[:top]


# --- lexicons ------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def conflict_lexicon() -> list[tuple[str, str, str, re.Pattern]]:
    """``(family, term, side, pattern)`` for every term of ``conflict_terms.yaml``."""
    return [entry for entry, _ in _lexicon_entries()]


@lru_cache(maxsize=1)
def _lexicon_entries() -> list[tuple[tuple[str, str, str, re.Pattern], frozenset[str]]]:
    """Each term's entry with the first letter run of each of its forms: a form can match only where its
    first run is a whole letter run of the text, so a term none of whose runs is there is not searched (empty:
    a form starts with no letter, always search)."""
    data = load_yaml("framing/conflict_terms.yaml")
    entries = []
    for family, spec in data["families"].items():
        for term, info in spec["terms"].items():
            forms = sorted(info["forms"], key=len, reverse=True)
            pattern = re.compile(
                r"(?<![a-z])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![a-z-])"
            )
            firsts = [_LETTERS.match(f.lower()) for f in forms]
            runs = frozenset(m.group() for m in firsts if m) if all(firsts) else frozenset()
            entries.append(((family, term, info.get("side", "neutral"), pattern), runs))
    return entries


def lexicon_hits(text: str) -> list[dict]:
    """Counts of each conflict-framing term in ``text``: ``[{"family", "term", "side", "count", "forms"}]``;
    ``forms`` are the words as written (the term names the family entry, it is not what the text says)."""
    lower = text.lower()
    present = set(_LETTERS.findall(lower))
    rows = []
    for (family, term, side, pattern), runs in _lexicon_entries():
        if runs and runs.isdisjoint(present):
            continue
        forms = Counter(text[m.start() : m.end()] for m in pattern.finditer(lower))
        if forms:
            rows.append(
                {
                    "family": family,
                    "term": term,
                    "side": side,
                    "count": float(sum(forms.values())),
                    "forms": [form for form, _ in forms.most_common()],
                }
            )
    return rows


@lru_cache(maxsize=1)
def loaded_lexicon() -> tuple[re.Pattern, re.Pattern, int]:
    """(loaded words, name-calling labels, scare-quote length) from the YAML file and VADER's lexicon."""
    data = load_yaml("framing/loaded_language.yaml")
    loaded = set(data["loaded"])
    try:
        import vaderSentiment

        vader = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt").read_text("utf-8")
        for line in vader.splitlines():
            parts = line.split("\t")
            if len(parts) > 1 and parts[0].isalpha() and abs(float(parts[1])) >= VADER_MIN_VALENCE:
                loaded.add(parts[0].lower())
    except (ImportError, OSError):  # VADER is optional: the YAML list alone still works
        pass

    def alternation(items) -> re.Pattern:
        forms = sorted(items, key=len, reverse=True)
        return re.compile(
            r"(?<![a-z])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![a-z])"
        )

    names = set(data["name_calling"])
    return alternation(loaded - names), alternation(names), int(data.get("scare_quotes_max_words", 3))


_NAME_ADJECTIVE = re.compile(r"(?:([a-z]+(?:-[a-z]+)?)\s+)$")


def loaded_spans(text: str, offset: int = 0) -> list[dict]:
    """Loaded language and name calling in ``text``: ``[{"start", "end", "text", "technique"}]``.

    ``technique`` is ``Loaded_Language`` or ``Name_Calling,Labeling`` (the labels of the SemEval-2020 Task 11
    corpus, so the output can be scored against it). Spans are ``offset`` + positions in ``text``.
    """
    loaded, names, max_quote_words = loaded_lexicon()
    lower = text.lower()
    spans: list[dict] = []
    taken: list[tuple[int, int]] = []
    for match in names.finditer(lower):
        start, end = match.span()
        adjective = _NAME_ADJECTIVE.search(lower[max(0, start - 25) : start])
        if adjective and loaded.fullmatch(adjective.group(1)):
            start -= len(adjective.group())
        spans.append(
            {
                "start": offset + start,
                "end": offset + end,
                "text": text[start:end],
                "technique": "Name_Calling,Labeling",
            }
        )
        taken.append((start, end))
    for match in loaded.finditer(lower):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        spans.append(
            {"start": offset + start, "end": offset + end, "text": text[start:end], "technique": "Loaded_Language"}
        )
    spans += [
        s
        for s in scare_quotes(text, offset, max_quote_words)
        if not any(a <= s["start"] - offset < b for a, b in taken)
    ]
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


@lru_cache(maxsize=1)
def mention_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(before, after, between, opener) patterns of ``loaded_language.yaml``'s ``mention_*`` words: where a short
    quotation is a word mentioned (a usage example, a translation, two forms compared), not scare quotes."""
    data = load_yaml("framing/loaded_language.yaml")

    def words(key: str) -> str:
        forms = sorted(data.get(key, []), key=len, reverse=True)
        return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)

    before = re.compile(r"(?<![\w.])(?:" + words("mention_before") + r")\s+(?:\S+\s+)?$", re.I)
    after = re.compile(r"^\s*,?\s*(?:" + words("mention_after") + r")(?![\w])", re.I)
    between = re.compile(r"^\s*(?:" + words("mention_between") + r")\s*$", re.I)
    opener = re.compile(r"^(?:" + words("mention_openers") + r")\s+\S", re.I)
    return before, after, between, opener


def _mentioned(text: str, matches: list[re.Match], k: int) -> bool:
    """Whether quotation ``matches[k]`` of ``text`` mentions a word rather than uses it (:func:`mention_cues`)."""
    before, after, between, opener = mention_cues()
    match = matches[k]
    if opener.match(match.group(1)):
        return True
    if before.search(text[max(0, match.start() - 40) : match.start()]):
        return True
    if after.match(text[match.end() : match.end() + 30]):
        return True
    neighbours = []
    if k > 0:
        neighbours.append(text[matches[k - 1].end() : match.start()])
    if k + 1 < len(matches):
        neighbours.append(text[match.end() : matches[k + 1].start()])
    return any(len(gap) < 12 and between.match(gap) for gap in neighbours)


def scare_quotes(text: str, offset: int = 0, max_words: int = 3) -> list[dict]:
    """Short quoted phrases that are not a quoted sentence ("freed", 'humanitarian corridors') nor a word
    mentioned (:func:`_mentioned`: 'the verb "to rob"', '"war" versus "wurde"')."""
    spans = []
    matches = list(_QUOTED.finditer(text))
    for k, match in enumerate(matches):
        inner = match.group(1)
        if (
            len(inner.split()) <= max_words
            and not inner.endswith((".", ",", "?", "!", ":", ";"))
            and not _mentioned(text, matches, k)
        ):
            start, end = match.span(1)
            spans.append(
                {
                    "start": offset + start,
                    "end": offset + end,
                    "text": text[start:end],
                    "technique": "Loaded_Language",
                    "kind": "scare_quote",
                }
            )
    return spans


# --- loaded language from the token head -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EncodedSpan:
    """Token vectors the encoder already gave for a stretch of the page, so the head reads them instead of
    encoding that text again (the compare stage encodes the claims, which cover nearly all of a narrative).
    ``offsets`` are page offsets, one ``(start, end)`` row per word piece; ``end`` is where the vectors stop."""

    start: int
    end: int
    tokens: np.ndarray
    offsets: np.ndarray


@dataclass(frozen=True, slots=True)
class ScoredWord:
    """A word of an account (page offsets) with the head's score, the highest of its word pieces'.

    ``eligible``: the word may be flagged at all. Names (capitalised inside a sentence) and words with digits
    are what the news is about, not how it is told; words inside a quotation of :data:`QUOTATION_MIN_WORDS` or
    more are a speaker's, not the account's."""

    start: int
    end: int
    text: str
    score: float
    eligible: bool


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pieces of ``text``, white space trimmed: the encoder reads a sentence at a time."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, text[start : match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(a + len(t) - len(t.lstrip()), t.strip()) for a, t in pieces if t.strip()]


def quotations(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside double quotation marks, marks included.

    Curly marks say which way they face; a straight one opens after a space, a bracket or a dash and closes
    before one. A closing mark with no opening one quotes from the start of ``text`` (the quotation began in an
    earlier sentence) and an opening one never closed runs to the end.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _DOUBLE_QUOTE.finditer(text):
        at, mark = match.start(), match.group()
        before = text[at - 1] if at else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if mark != '"':
            opening = mark == "“"
        elif not before or before.isspace() or before in _OPENERS:
            opening = True
        elif not after or after.isspace() or after in _CLOSERS:
            opening = False
        else:
            opening = not before.isalnum()
        if opening:
            opened = at if opened is None else opened
        else:
            regions.append((0 if opened is None else opened, at + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _long_quotations(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in quotations(text) if len(text[a:b].split()) >= QUOTATION_MIN_WORDS]


def _sentence_initial(text: str, at: int) -> bool:
    """Whether the word at ``at`` starts a sentence (or a quotation, a line, a clause after a colon).

    A period after an initial or a title ("Louise M. Slaughter", "Rep. Slaughter") ends no sentence: the
    capital that follows is a name's, so the word stays out of loaded language."""
    at -= 1
    while at >= 0 and (text[at].isspace() and text[at] != "\n" or text[at] in "([{\"“‘'"):
        at -= 1
    if at >= 0 and text[at] == "." and _NAME_ABBREVIATION.search(text, max(0, at - 8), at + 1):
        return False
    return at < 0 or text[at] in ".!?:;\n"


def _reading_map(raw: str, read: str) -> list[int] | None:
    """For each character of ``read``, its position in ``raw``, when ``read`` is ``raw`` with typography
    folded and runs of white space collapsed (what the claims stage hands the encoder); None otherwise."""
    positions: list[int] = []
    i = 0
    for ch in read:
        while i < len(raw) and raw[i].isspace() and not ch.isspace():
            i += 1
        if i >= len(raw) or not (raw[i] == ch or normalise(raw[i]) == ch or (ch == " " and raw[i].isspace())):
            return None
        positions.append(i)
        i += 1
        if ch == " ":
            while i < len(raw) and raw[i].isspace():
                i += 1
    return positions


def encoded_spans(page_text: str, spans: Sequence[tuple[int, int]], read: Sequence[str], encoding) -> list[EncodedSpan]:
    """The token vectors of an :class:`rashomon.encoder.Encoding` of ``read`` (one text per page span of
    ``spans``, as the encoder read it) as :class:`EncodedSpan` values; a span whose text cannot be lined up with
    the page (or that the encoder read no piece of) is left out, and is encoded again if framing needs it."""
    out: list[EncodedSpan] = []
    if encoding is None or encoding.tokens is None or encoding.offsets is None:
        return out
    rows = zip(spans, read, encoding.tokens, encoding.offsets, encoding.truncated, strict=True)
    for (start, end), text, tokens, offsets, truncated in rows:
        positions = _reading_map(page_text[start:end], text)
        offsets = np.asarray(offsets).reshape(-1, 2)
        if positions is None or not len(offsets):
            continue
        page = np.array([[start + positions[a], start + positions[b - 1] + 1] for a, b in offsets.tolist()])
        stop = int(page[-1, 1]) if truncated else end
        out.append(EncodedSpan(start, stop, tokens, page))
    return out


def score_words(
    texts: Mapping[str, list[tuple[int, str]]], encoder=None, encoded: Sequence[EncodedSpan] = ()
) -> dict[str, list[ScoredWord]]:
    """Every word of every account with the ``framing-loaded`` head's score, in page order.

    The head reads the vectors in ``encoded`` for the stretch of each piece they cover (a claim cut by an
    editorial aside still serves the part on each side); the rest is cut into sentences, and those holding a
    word that may be flagged are encoded in one call for all accounts. The head then runs once over every word
    piece. A word no piece of which was encoded scores 0.
    """
    from . import encoder as encoder_module
    from . import heads

    known = sorted(encoded, key=lambda e: (e.start, -e.end))
    known_starts = [span.start for span in known]
    longest = max((span.end - span.start for span in known), default=0)
    pieces = [(nid, offset, text) for nid, account in texts.items() for offset, text in account]
    found = [_piece_words(offset, text) for _, offset, text in pieces]
    token_sets: list[tuple[int, np.ndarray, np.ndarray]] = []
    missing: list[tuple[int, int, str]] = []

    def gap(index: int, start: int, stop: int) -> None:
        offset, text = pieces[index][1], pieces[index][2]
        starts, _, eligible = found[index]
        for a, unit in sentences(text[start - offset : stop - offset]):
            lo = np.searchsorted(starts, start + a)
            hi = np.searchsorted(starts, start + a + len(unit))
            if eligible[lo:hi].any():
                missing.append((index, start + a, unit))

    for index, (_, offset, text) in enumerate(pieces):
        at, end = offset, offset + len(text)
        for span in known[bisect_left(known_starts, offset - longest) : bisect_left(known_starts, end)]:
            start, stop = max(span.start, at), min(span.end, end)
            if stop <= start:
                continue
            inside = (span.offsets[:, 0] >= start) & (span.offsets[:, 1] <= stop)
            if not inside.any():
                continue
            gap(index, at, start)
            token_sets.append((index, span.tokens[inside], span.offsets[inside]))
            at = stop
        gap(index, at, end)
    if missing:
        enc = encoder or encoder_module.load()
        encoding = enc.encode([t for _, _, t in missing], tokens=True)
        for (index, start, _), tokens, offsets in zip(
            missing, encoding.tokens or [], encoding.offsets or [], strict=True
        ):
            token_sets.append((index, tokens, np.asarray(offsets).reshape(-1, 2) + start))
    # each word piece to its word; only the pieces of words that may be flagged go through the head
    head = heads.load(LOADED_HEAD)
    rows: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]] = []
    for index, tokens, offsets in token_sets:
        starts, ends, eligible = found[index]
        word = np.searchsorted(starts, offsets[:, 0], side="right") - 1
        keep = (word >= 0) & (offsets[:, 0] < ends[np.maximum(word, 0)])
        keep[keep] = eligible[word[keep]]
        if keep.any():
            rows.append((index, piece_features(tokens, head.features)[keep], tokens[keep], word[keep]))
    scores = head.scores(np.concatenate([t for _, t, _, _ in rows]))[:, 0] if rows else np.zeros(0)
    insults = insult_logits(np.concatenate([t for _, _, t, _ in rows])) if rows and LOADED_INSULT_WEIGHT else None
    word_scores = [np.zeros(len(starts), np.float32) for starts, _, _ in found]
    word_insults = [np.full(len(starts), -np.inf) for starts, _, _ in found]
    at = 0
    for index, _, _, word in rows:
        np.maximum.at(word_scores[index], word, scores[at : at + len(word)])
        if insults is not None:
            np.maximum.at(word_insults[index], word, insults[at : at + len(word)])
        at += len(word)
    if insults is not None:
        word_scores = [with_insult(s, i) for s, i in zip(word_scores, word_insults, strict=True)]
    result: dict[str, list[ScoredWord]] = {nid: [] for nid in texts}
    for index, (nid, offset, text) in enumerate(pieces):
        starts, ends, eligible = found[index]
        result[nid] += [
            ScoredWord(a, b, text[a - offset : b - offset], score, ok)
            for a, b, score, ok in zip(
                starts.tolist(), ends.tolist(), word_scores[index].tolist(), eligible.tolist(), strict=True
            )
        ]
    return result


def insult_logits(tokens: np.ndarray) -> np.ndarray:
    """The :data:`LOADED_INSULT_LABEL` logit of the :data:`LOADED_INSULT_HEAD` sentence head for each word piece,
    read on the piece's own vector normalised as a sentence vector is (uncalibrated: a ranking)."""
    from . import heads

    insult = heads.load(LOADED_INSULT_HEAD)
    x = np.asarray(tokens, dtype=np.float32)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    return insult.logits(x)[:, insult.labels.index(LOADED_INSULT_LABEL)].astype(np.float64)


def with_insult(scores: np.ndarray, insults: np.ndarray) -> np.ndarray:
    """Word scores of the loaded-language head combined with the words' insult logits (:data:`LOADED_INSULT_WEIGHT`);
    a word no piece of which was scored keeps its score."""
    p = np.clip(scores.astype(np.float64), 1e-7, 1 - 1e-7)
    scored = np.isfinite(insults)
    logit = np.log(p / (1 - p)) + LOADED_INSULT_WEIGHT * (np.where(scored, insults, 0.0) - LOADED_INSULT_CENTRE)
    return np.where(scored, 1 / (1 + np.exp(-logit)), scores).astype(np.float32)


def loaded_threshold() -> float:
    """The flag threshold of :func:`flagged_spans`: :data:`LOADED_THRESHOLD` on the combined score, or the head's
    own when the insult weight is 0."""
    from . import heads

    return LOADED_THRESHOLD if LOADED_INSULT_WEIGHT else heads.load(LOADED_HEAD).thresholds["loaded"]


def piece_features(tokens: np.ndarray, features: str = "") -> np.ndarray:
    """The loaded-language head's input for a run of word pieces (pieces, dim) read together: the vectors
    alone (``""``) or each with the vectors of the piece before and after it (``"token-window1"``, zeros at the
    ends), so the head sees a word in its phrase ("rabid" before "supporters")."""
    from . import heads

    if features == "":
        return tokens
    if features != WINDOW_FEATURES:
        raise heads.HeadError(f"head {LOADED_HEAD} reads {features!r}; framing builds only {WINDOW_FEATURES!r}")
    return heads.token_window(tokens)


def is_title(words: Sequence[str]) -> bool:
    """Whether a piece of these words is a title: at least :data:`TITLE_MIN_WORDS`, at least
    :data:`TITLE_CAPITALS_SHARE` of them capitalised ("Assad On Verge Of Biggest Victory")."""
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) >= TITLE_MIN_WORDS and capitals >= TITLE_CAPITALS_SHARE * len(words)


def _piece_words(offset: int, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The words of a piece: page starts, ends, and whether each may be flagged (:class:`ScoredWord`).

    A piece most of whose words are capitalised is a title: there the capitals cannot tell names apart, so none
    of its words may be flagged."""
    matches = list(_SCORED_WORD.finditer(text))
    quoted = Regions(_long_quotations(text))
    title = is_title([m.group() for m in matches])
    eligible = [
        not title
        and not (m.group()[:1].isupper() and not _sentence_initial(text, m.start()))
        and not _DIGIT.search(m.group())
        and not quoted.holds(m.start())
        for m in matches
    ]
    return (
        np.array([offset + m.start() for m in matches], dtype=np.int64),
        np.array([offset + m.end() for m in matches], dtype=np.int64),
        np.array(eligible, dtype=bool),
    )


def flagged_spans(
    scored: Sequence[ScoredWord], threshold: float | None = None, grow: float = LOADED_GROW_SCORE
) -> list[dict]:
    """The eligible words scoring at least ``threshold`` (:func:`loaded_threshold` by default) as loaded-language
    spans, each grown over its neighbours scoring at least ``grow`` (:data:`LOADED_GROW_SCORE`); words with at most
    one character between them make one span ("elitist hypocrite"). A run of words over ``grow`` is a span only
    when one of its words reaches ``threshold``, so growing adds no span, it only widens one."""
    threshold = loaded_threshold() if threshold is None else threshold
    grow = min(grow, threshold)
    runs: list[list[ScoredWord]] = []
    for word in scored:
        if not word.eligible or word.score < grow:
            continue
        if runs and word.start - runs[-1][-1].end <= 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    runs = [run for run in runs if any(w.score >= threshold for w in run)]
    return [
        {
            "start": run[0].start,
            "end": run[-1].end,
            "text": " ".join(w.text for w in run) if len(run) > 1 else run[0].text,
            "technique": "Loaded_Language",
            "kind": "model",
            "score": round(max(w.score for w in run), 3),
        }
        for run in runs
    ]


def loaded_language(
    pieces: list[tuple[int, str]],
    encoder=None,
    encoded: Sequence[EncodedSpan] = (),
    scored: Sequence[ScoredWord] | None = None,
    threshold: float | None = None,
) -> list[dict]:
    """The head's loaded words, the scare quotes and the side-taking reporting verbs of ``pieces``, in page
    order, without overlaps; each with the ``confidence`` of its kind (:data:`LOADED_CONFIDENCE`).

    A scare quote counts only when it holds a word the head scores at least :data:`SCARE_QUOTE_MIN_SCORE` and
    is not a title (every word capitalised): most short quotations are a speaker's plain words or a name. A
    side-taking verb ("slammed", "scoffing": :func:`side_taking_verbs`) is the account's judgement of what it
    reports, flagged wherever a word may be (no name, title or long quotation) when the head has not flagged it.
    ``scored``: the pieces' words already scored (:func:`score_words`); ``threshold``: the flag threshold
    (default: the head's own).
    """
    if scored is None:
        scored = score_words({"": pieces}, encoder, encoded)[""]
    scored = sorted(scored, key=lambda w: w.start)
    starts = [w.start for w in scored]
    spans = flagged_spans(scored, threshold)
    taken = Regions([(s["start"], s["end"]) for s in spans])
    for offset, text in pieces:
        quoted = Regions(_long_quotations(text))
        for quote in scare_quotes(text, offset):
            inside = [
                w
                for w in scored[bisect_left(starts, quote["start"]) : bisect_left(starts, quote["end"])]
                if w.end <= quote["end"]
            ]
            if (
                not inside
                or all(w.text[:1].isupper() for w in inside)
                or max(w.score for w in inside) < SCARE_QUOTE_MIN_SCORE
                or quoted.holds(quote["start"] - offset)
                or taken.overlaps(quote["start"], quote["end"])
            ):
                continue
            spans.append(quote)
    taken = Regions([(s["start"], s["end"]) for s in spans])
    verbs = side_taking_verbs()
    spans += [
        {"start": w.start, "end": w.end, "text": w.text, "technique": "Loaded_Language", "kind": "verb"}
        for w in scored
        if w.eligible and normalise(w.text).lower() in verbs and not taken.overlaps(w.start, w.end)
    ]
    for span in spans:
        span["confidence"] = LOADED_CONFIDENCE[span["kind"]]
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


@lru_cache(maxsize=1)
def side_taking_verbs() -> frozenset[str]:
    """The past and -ing forms of ``loaded_language.yaml``'s ``side_taking_verbs``: reporting verbs that judge
    what they report ("slammed", "scoffing", "touted"). Their base and -s forms are left out: "blast", "smear",
    "rants" are nouns as often as verbs."""
    forms: set[str] = set()
    for verb in load_yaml("framing/loaded_language.yaml").get("side_taking_verbs", []):
        forms.update(f for f in verb_forms(verb) if f.endswith(("ed", "ing")))
    return frozenset(forms)


_DOUBLED_FINAL = re.compile(r"^[^aeiou]*[aeiou][bdgklmnprt]$")


def verb_forms(verb: str) -> set[str]:
    """The regular forms of an English verb: "slam" -> slam, slams, slammed, slamming; "decry" -> decries,
    decried; "deride" -> derided, deriding (a one-syllable verb ending consonant-vowel-consonant doubles it)."""
    stem = verb + verb[-1] if _DOUBLED_FINAL.match(verb) else verb
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    plural = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
    return {verb, plural, stem + "ed", stem + "ing"}


class Regions:
    """``(start, end)`` stretches, overlapping ones merged, asked by bisection (a hostile page can hold
    thousands)."""

    def __init__(self, regions: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(regions):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def holds(self, at: int) -> bool:
        """Whether a stretch holds position ``at``."""
        index = bisect_right(self.starts, at) - 1
        return index >= 0 and at < self.ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a stretch overlaps ``[start, end)``."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


# --- per account ---------------------------------------------------------------------------------------


def evaluative_counts(scored: Sequence[ScoredWord], exclude: Iterable[str] = ()) -> tuple[Counter, dict]:
    """Counts of the words that can carry framing, and where each is used: ``(counts, {term: [(start, end)]})``.

    A use counts when the word is eligible (no name, number or quoted speech), scores at least
    :data:`FIGHTIN_MIN_SCORE` on the head in its sentence, and is no stop word, house style or ``exclude``.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = HOUSE_STYLE | {w.lower() for w in exclude}
    counts: Counter = Counter()
    uses: dict[str, list[tuple[int, int]]] = {}
    for word in scored:
        if not word.eligible or word.score < FIGHTIN_MIN_SCORE:
            continue
        term = normalise(word.text).lower().removesuffix("'s")
        if len(term) < MIN_WORD_CHARS or term in STOP_WORDS or term in skip or not WORD.fullmatch(term):
            continue
        counts[term] += 1
        uses.setdefault(term, []).append((word.start, word.end))
    return counts, uses


def framing_for(
    texts: Mapping[str, list[tuple[int, str]]],
    labels: Mapping[str, str] | None = None,
    encoder=None,
    encoded: Sequence[EncodedSpan] = (),
) -> dict:
    """Framing of each account, keyed by narrative id.

    ``texts`` maps a narrative id to its ``(page offset, text)`` pieces. The shape of each value::

        {"label": str,                       # the account's name
         "words": float,                     # how many words the account has
         "distinctive": [{"term": str, "z": float, "count": float, "other_count": float,
                          "context": {"start", "end", "snippet"}, "spans": [[start, end], ...]}],
         "lexicon": [{"family": str, "term": str, "side": str, "count": float}],
         "lean": [{"side": str, "count": float}],   # lexicon counts summed by the side that tends to use them
         "loaded": [{"start": int, "end": int, "text": str, "technique": str, "kind": str,
                     "confidence": float}]}

    ``distinctive`` ranks, by Fightin' Words against all other accounts pooled, only the uses that can carry
    framing (:func:`evaluative_counts`); every other word still counts in the totals, as one pooled type.
    ``count`` / ``other_count`` are those uses in this account and in the others, ``spans`` this account's.
    ``lexicon`` is empty when no account speaks of an armed party (:func:`rashomon.resources.speaks_of_arms`).
    ``loaded`` comes from the ``framing-loaded`` token head (``encoder`` loaded once per process when not given;
    ``encoded`` holds vectors the caller already has) plus scare quotes and side-taking reporting verbs;
    ``kind`` says which (``model``, ``scare_quote``, ``verb``) and ``confidence`` how often a flag of that kind
    was right (:data:`LOADED_CONFIDENCE`).

    With one account there is nothing to contrast: ``distinctive`` is empty.
    """
    labels = labels or {}
    scored = score_words(texts, encoder, encoded)
    own_names = {w.group() for label in labels.values() for w in words(label)}
    totals = {nid: word_total(t for _, t in pieces) for nid, pieces in texts.items()}
    evaluative = {nid: evaluative_counts(scored[nid], own_names) for nid in texts}
    # the conflict lexicon's senses are war's: on a page with no armed party a "retreat" is a meeting, "fell" a
    # price, "cleared" a vote
    armed = speaks_of_arms(" ".join(t for pieces in texts.values() for _, t in pieces))
    result = {}
    for nid, pieces in texts.items():
        counts, uses = evaluative[nid]
        others: Counter = Counter()
        for other, (c, _) in evaluative.items():
            if other != nid:
                others.update(c)
        other_total = sum(n for other, n in totals.items() if other != nid)
        joined = " \n".join(t for _, t in pieces)
        hits = lexicon_hits(joined) if armed else []
        lean: Counter = Counter()
        for hit in hits:
            lean[hit["side"]] += hit["count"]
        distinctive = []
        if other_total:
            for row in distinctive_words(
                _with_rest(counts, totals[nid]), _with_rest(others, other_total), prior=_pooled_prior(counts, others)
            ):
                spans = uses.get(row["term"], [])
                distinctive.append({**row, "context": _snippet(pieces, spans[0]), "spans": [list(s) for s in spans]})
        result[nid] = {
            "label": labels.get(nid, nid),
            "words": float(totals[nid]),
            "distinctive": distinctive,
            "lexicon": hits,
            "lean": [{"side": side, "count": count} for side, count in lean.most_common()],
            "loaded": loaded_language(pieces, scored=scored[nid]),
        }
    return result


def shifted(entry: dict, shift: int) -> dict:
    """One account's framing (a value of :func:`framing_for`) with every page offset it holds moved by
    ``shift``: the distinctive words' spans and context, and the loaded spans. Cross-page callers need it
    both ways: ``compare_pages`` frames the pages' texts laid end to end and hands each page its own
    offsets back, and the report moves those into its merged text."""

    def move(span: dict | None) -> dict | None:
        return {**span, "start": span["start"] + shift, "end": span["end"] + shift} if span else span

    distinctive = [
        {
            **row,
            "spans": [[a + shift, b + shift] for a, b in row.get("spans") or []],
            "context": move(row.get("context")),
        }
        for row in entry.get("distinctive") or []
    ]
    return {**entry, "distinctive": distinctive, "loaded": [move(span) for span in entry.get("loaded") or []]}


#: The one type the words that cannot carry framing are pooled into for Fightin' Words (no word is empty).
REST = ""


def _with_rest(counts: Counter, total: int) -> Counter:
    """``counts`` plus the rest of the account's words as the one pooled type :data:`REST`."""
    return Counter({**counts, REST: max(0, total - sum(counts.values()))})


def _pooled_prior(*counts: Counter) -> Mapping[str, float]:
    """The background prior with the pooled type given the background mass of every word type outside
    ``counts`` (so each counted word keeps the background share it had among all words)."""
    prior: Mapping[str, float] = background()
    kept = set().union(*counts)
    rest = float(_background_total() - sum(prior.get(w, 0) for w in kept))
    return ChainMap({REST: rest}, prior)  # type: ignore[arg-type]  # read-only: ChainMap wants a mutable map


@lru_cache(maxsize=1)
def _background_total() -> int:
    return sum(background().values())


def _snippet(pieces: list[tuple[int, str]], span: tuple[int, int]) -> dict | None:
    start, end = span
    for offset, text in pieces:
        if offset <= start and end <= offset + len(text):
            a, b = max(0, start - offset - CONTEXT_CHARS), min(len(text), end - offset + CONTEXT_CHARS)
            return {"start": start, "end": end, "snippet": text[a:b]}
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m rashomon.framing build-background [SHARED_DATA] [OUT]``: rebuild the prior's word list."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m rashomon.framing")
    parser.add_argument("command", choices=["build-background"])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[3] / "shared" / "data"))
    parser.add_argument("out", nargs="?", default=str(data_path("framing/background.tsv")))
    args = parser.parse_args(argv)
    counts = build_background(Path(args.data))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# word<TAB>count; built by `python -m rashomon.framing build-background`; see background.md\n")
        for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{count}\n")
    print(f"{len(counts)} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
