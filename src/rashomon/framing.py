"""Framing: which words set one account apart from another, and which loaded words each account uses.

Three measures, each a pure function:

- :func:`fightin_words`: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
  2008, "Fightin' Words", eq. 22) and its z-score. The prior is a background word-frequency list
  (``data/framing/background.tsv``) built by :func:`build_background` from the reader-text data sets whose
  licenses allow it (Davidson et al. 2017, MIT; OLID, CC BY 4.0; iSarcasmEval, MIT; see
  ``data/framing/background.md``). The measure is antisymmetric by construction: swapping the two accounts
  negates every z-score exactly (one public implementation normalised the prior per side and broke that).
- :func:`lexicon_hits`: counts of the conflict-framing term families in ``data/framing/conflict_terms.yaml``
  ("rebels" / "militants" / "terrorists"; "captured" / "liberated" / "cleared" ...), with the side that tends
  to use each term.
- :func:`loaded_spans`: loaded language and name calling (``data/framing/loaded_language.yaml``, strong words
  of the VADER lexicon, scare quotes), as character spans.

:func:`framing_for` puts them together into the JSON-plain dict the "compare" stage stores under
``analysis.framing[narrative_id]``.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from .resources import data_path, data_text, load_yaml

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
#: The loaded-language token head (``data/models/framing-loaded.npz``) and the texts it reads at once.
LOADED_HEAD = "framing-loaded"

WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_TWEET_NOISE = re.compile(r"@\w+|https?://\S+|\burl\b|&\w+;|\brt\b", re.I)
# A quotation mark opens only where no letter precedes it and closes only where none follows: the apostrophe
# of "I’m" or "don't" is never a quote.
_QUOTED = re.compile(r"(?<![\w])[\"“‘']([A-Za-z][^\"“”‘’'\n]{0,59}?)(?<!\s)[\"”’'](?![\w])")
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_BYLINE = re.compile(r"^\s*(?:by|reporting by|writing by|editing by)\s+[A-Z][^\n]{0,80}$", re.I | re.M)
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
    counts_a: Counter, counts_b: Counter, top: int = TOP_WORDS, exclude: Iterable[str] = ()
) -> list[dict]:
    """The words A uses significantly more than B, best first: ``[{"term", "z", "count", "other_count"}]``.

    Stop words, house style (:data:`HOUSE_STYLE`) and ``exclude`` (the outlets' own names) are not reported.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = HOUSE_STYLE | {w.lower() for w in exclude}
    scores = fightin_words(counts_a, counts_b)
    rows = [
        {"term": w, "z": round(z, 3), "count": float(counts_a.get(w, 0)), "other_count": float(counts_b.get(w, 0))}
        for w, (_, z) in scores.items()
        if z >= MIN_Z and len(w) >= MIN_WORD_CHARS and w not in STOP_WORDS and w not in skip
    ]
    return sorted(rows, key=lambda r: -r["z"])[:top]


def context(pieces: list[tuple[int, str]], term: str) -> dict | None:
    """The first use of ``term`` in an account's pieces, with :data:`CONTEXT_CHARS` around it."""
    pattern = re.compile(r"(?<![a-z])" + re.escape(term) + r"(?![a-z])")
    for offset, text in pieces:
        match = pattern.search(normalise(text).lower())
        if match:
            a, b = max(0, match.start() - CONTEXT_CHARS), min(len(text), match.end() + CONTEXT_CHARS)
            return {"start": offset + match.start(), "end": offset + match.end(), "snippet": text[a:b]}
    return None


# --- lexicons ------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def conflict_lexicon() -> list[tuple[str, str, str, re.Pattern]]:
    """``(family, term, side, pattern)`` for every term of ``conflict_terms.yaml``."""
    data = load_yaml("framing/conflict_terms.yaml")
    entries = []
    for family, spec in data["families"].items():
        for term, info in spec["terms"].items():
            forms = sorted(info["forms"], key=len, reverse=True)
            pattern = re.compile(
                r"(?<![a-z])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![a-z-])"
            )
            entries.append((family, term, info.get("side", "neutral"), pattern))
    return entries


def lexicon_hits(text: str) -> list[dict]:
    """Counts of each conflict-framing term in ``text``: ``[{"family", "term", "side", "count", "forms"}]``;
    ``forms`` are the words as written (the term names the family entry, it is not what the text says)."""
    lower = text.lower()
    rows = []
    for family, term, side, pattern in conflict_lexicon():
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


def scare_quotes(text: str, offset: int = 0, max_words: int = 3) -> list[dict]:
    """Short quoted phrases that are not a quoted sentence ("freed", 'humanitarian corridors')."""
    spans = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        if len(inner.split()) <= max_words and not inner.endswith((".", ",", "?", "!", ":", ";")):
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


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pieces of ``text``: the encoder reads a sentence at a time."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, text[start : match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(a, t) for a, t in pieces if t.strip()]


def tagged_spans(pieces: list[tuple[int, str]], encoder=None, threshold: float | None = None) -> list[dict]:
    """Loaded words the ``framing-loaded`` head flags in ``pieces`` (``(page offset, text)``), as spans.

    Word pieces over the threshold are widened to whole words and adjacent words joined. Capitalised words
    inside a sentence (names: "Supreme Court") and words with digits are left out: the head was trained on
    wording, and names are what the news is about, not how it is told.
    """
    from . import encoder as encoder_module
    from . import heads

    head = heads.load(LOADED_HEAD)
    threshold = head.thresholds["loaded"] if threshold is None else threshold
    units = [(offset + a, t) for offset, text in pieces for a, t in sentences(text)]
    if not units:
        return []
    enc = encoder or encoder_module.load()
    encoding = enc.encode([t for _, t in units], tokens=True)
    spans: list[dict] = []
    for (offset, text), vectors, offsets in zip(units, encoding.tokens or [], encoding.offsets or [], strict=True):
        if not len(offsets):
            continue
        scores = head.scores(vectors)[:, 0]
        for start, end, score in _word_spans(text, offsets.reshape(-1, 2), scores, threshold):
            word = text[start:end]
            if (start > 0 and word[:1].isupper()) or any(ch.isdigit() for ch in word):
                continue
            spans.append(
                {
                    "start": offset + start,
                    "end": offset + end,
                    "text": word,
                    "technique": "Loaded_Language",
                    "kind": "model",
                    "score": round(float(score), 3),
                }
            )
    return spans


def _word_spans(text: str, offsets, scores, threshold: float) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    for (a, b), score in zip(offsets.tolist(), scores.tolist(), strict=True):
        if score < threshold or b <= a:
            continue
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        while b < len(text) and text[b].isalnum():
            b += 1
        if out and a - out[-1][1] <= 1:
            out[-1] = (out[-1][0], max(b, out[-1][1]), max(score, out[-1][2]))
        else:
            out.append((a, b, score))
    return out


def loaded_language(pieces: list[tuple[int, str]], encoder=None) -> list[dict]:
    """The head's loaded words and the scare quotes of ``pieces``, in page order, without overlaps."""
    spans = tagged_spans(pieces, encoder)
    taken = [(s["start"], s["end"]) for s in spans]
    for offset, text in pieces:
        for quote in scare_quotes(text, offset):
            if not any(a < quote["end"] and quote["start"] < b for a, b in taken):
                spans.append(quote)
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


# --- per account ---------------------------------------------------------------------------------------


def framing_for(
    texts: Mapping[str, list[tuple[int, str]]], labels: Mapping[str, str] | None = None, encoder=None
) -> dict:
    """Framing of each account, keyed by narrative id.

    ``texts`` maps a narrative id to its ``(page offset, text)`` pieces. The shape of each value::

        {"label": str,                       # the account's name
         "words": float,                     # how many words the account has
         "distinctive": [{"term": str, "z": float, "count": float, "other_count": float,
                          "context": {"start", "end", "snippet"}}],   # vs all other accounts pooled
         "lexicon": [{"family": str, "term": str, "side": str, "count": float}],
         "lean": [{"side": str, "count": float}],   # lexicon counts summed by the side that tends to use them
         "loaded": [{"start": int, "end": int, "text": str, "technique": str, "kind": str}]}

    ``loaded`` comes from the ``framing-loaded`` token head on ``encoder`` (loaded once per process when not
    given) plus scare quotes; ``kind`` says which.

    With one account there is nothing to contrast: ``distinctive`` is empty.
    """
    labels = labels or {}
    counts = {nid: word_counts(t for _, t in pieces) for nid, pieces in texts.items()}
    own_names = {w.group() for label in labels.values() for w in words(label)}
    result = {}
    for nid, pieces in texts.items():
        others: Counter = Counter()
        for other, c in counts.items():
            if other != nid:
                others.update(c)
        joined = " \n".join(t for _, t in pieces)
        hits = lexicon_hits(joined)
        lean: Counter = Counter()
        for hit in hits:
            lean[hit["side"]] += hit["count"]
        result[nid] = {
            "label": labels.get(nid, nid),
            "words": float(sum(counts[nid].values())),
            "distinctive": [
                {**row, "context": context(pieces, row["term"])}
                for row in (distinctive_words(counts[nid], others, exclude=own_names) if others else [])
            ],
            "lexicon": hits,
            "lean": [{"side": side, "count": count} for side, count in lean.most_common()],
            "loaded": loaded_language(pieces, encoder),
        }
    return result


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
