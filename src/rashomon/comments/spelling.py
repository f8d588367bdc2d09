"""Spelling variants of lexicon words (issue 22): the forms a writer uses to slip an abusive word past a filter.

The abuse lexicon (``data/comments/abuse.yaml``) is matched on whole tokens of folded text; this module gives
the other spellings a token may stand for, each tried only when the token itself matches nothing:

- leet digits and symbols anywhere in the word (``1d10t``, ``v3rm!n``; ``1`` read as ``i`` and as ``l``), and
  a star for one hidden vowel (``id*ot``);
- runs of three or more of a letter cut to one or two (``stuuupid``), and, for a token that is not an English
  word, a doubled letter cut to one (``idiiot``);
- one swapped pair of neighbouring letters or one dropped letter (``vemrin``, ``verin``), only for lexicon
  words of ``MIN_EDIT_WORD_CHARS`` letters or more and only where the misspelling is not itself an English
  word (the encoder tokenizer's whole words, with their plural and past forms): a table of every such
  misspelling is built once, so a token costs a dictionary lookup, never a scan of the lexicon;
- a lexicon word run together with a short common word (``arevermin``, ``youidiot``), when the token is not
  an English word.

Letters spaced or dotted apart (``i d i o t``, ``v.e.r.m.i.n``) span several tokens: :func:`spaced_runs` finds
them in a text and :func:`spaced_candidates` gives the joined words to look up.

The lexicon knows few words; the models know many, but only as written. :func:`reading` gives the comment as the
encoder reads it: leet undone, spaced letters joined, and a word that is no English word read back to the harsh
word it misspells ("disgsuting", "d1sgust1ng", "k i l l") or to a harsh word run together with a common one
("mostrepulsive", "Idespise"), the harsh words being VADER's strongly negative words, the violent verbs of
``threats.yaml`` and the abuse lexicon's insults and words of contempt (a slur is left to the lexicon's own
rules).

Precision first: each rule needs the variant to match the lexicon itself, and the edit and join rules keep
off English words, so "loses" is never read as "losers".
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from .. import settings
from ..lazy import english_stop_words
from ..resources import data_path
from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
#: Lexicon words this long or longer match with one swapped pair or one dropped letter (shorter words have
#: too many English neighbours: "hate" -> "hat", "kill" -> "kil").
MIN_EDIT_WORD_CHARS = 6
#: A run-together token is split only where its lexicon word has at least this many letters ("amass" is not
#: "am" + "ass").
MIN_JOINED_WORD_CHARS = 4
#: Longest common word split off a run-together token, and the shortest token tried.
MAX_JOINED_PREFIX_CHARS = 4
MIN_JOINED_TOKEN_CHARS = 7
#: Letters one at a time, spaced or dotted apart: at least this many make a spelled-out word.
MIN_SPACED_LETTERS = 3
#: Shortest token read with its leet undone: "a$$" is "ass", "b$" (billions, or "bs") is left alone.
MIN_LEET_TOKEN_CHARS = 3
#: Shortest spelled-out English word the n-gram features read as a word ("u r a" stays apart).
MIN_JOINED_SPACED_CHARS = 4
#: Most stars replaced by vowels in one token (5 ** stars candidates).
MAX_STARS = 2
#: Short words a lexicon word is run together with, beside scikit-learn's stop words ("urscum").
JOINED_WORDS = ("u", "ur", "r", "ya", "yall", "ppl")
#: VADER words this negative or more are the harsh words :func:`reading` reads a misspelling back to, beside the
#: violent verbs of ``threats.yaml`` ("disgusting" -2.4, "vile" -3.1; "dirty" -1.9 is not one).
READ_MAX_VALENCE = -2.0
#: Harsh words this long or longer are read back from one dropped or swapped letter ("kill" from "klil").
MIN_READ_WORD_CHARS = 4
#: A token is read only with at least this many letters, and this share of its characters letters ("10th",
#: "ar15", "$50" are left alone).
MIN_READ_TOKEN_LETTERS = 3
MIN_READ_LETTER_SHARE = 0.6
#: ... and from this share when its leet undone spells a harsh word ("d3sp1s3": 4 letters of 7).
MIN_HARSH_LETTER_SHARE = 0.5
#: A token is read as a misspelling only from this many characters ("twt", "mof" stay as written).
MIN_MISSPELLING_CHARS = 4
#: Words a harsh word is read back from when run together with them ("idespise", "mostrepulsive", "hatethem"), and
#: the shortest other common word that may be ("disgustingpeople").
READ_JOINED_WORDS = frozenset(
    "i u ur r you we they them he she him her all the these those so most are is am be very such ya yall ppl".split()
)
MIN_READ_JOINED_CHARS = 5
#: Longest token tried as two words run together (each cut is tried: a 20,000-letter "word" is no pair).
MAX_READ_JOINED_TOKEN_CHARS = 30
# ---------------------------------------------------------------------------------------------------------

#: Leet digits and symbols to the letters they stand for (also the n-gram features' table, ``features``); "1" is
#: read as "i" here and as "l" in ``_LEET_L``.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"})
_LEET_L = {**LEET, ord("1"): "l"}
_LEET_CHARS = frozenset(chr(code) for code in LEET)
_RUN3_RE = re.compile(r"([a-z])\1{2,}")
_RUN2_RE = re.compile(r"([a-z])\1+")
_PLAIN_WORD_RE = re.compile(r"[a-z]+")
_VOWELS = "aeiou"
#: Single letters spaced or dotted apart (``h a t e``, ``i.d.i.o.t``), not part of a longer word. Written to
#: open with the separator so that the regex engine skips ahead to a space or a dot.
SPACED_RE = re.compile(
    r"[ .](?<=(?<![\w*#@$'-])[a-z][ .])[a-z](?:[ .][a-z]){" + str(MIN_SPACED_LETTERS - 2) + r",}(?![\w*#@$'-])"
)


def variants(token: str, matches: Callable[[str], bool]) -> Iterator[str]:
    """The spellings ``token`` may stand for that the lexicon knows (``matches``), most literal first.

    ``token`` is a folded token that matched nothing itself; the caller's ``matches`` tells whether a string is
    a lexicon word. Cheap for the usual token (plain letters, no run of three): one dictionary lookup."""
    seen = {token}
    for candidate in _rewrites(token):
        if candidate not in seen:
            seen.add(candidate)
            if matches(candidate):
                yield candidate
    for candidate in list(seen):
        word = edit_table().get(candidate)
        if word is not None:
            yield word
    if len(token) >= MIN_JOINED_TOKEN_CHARS and token.isalpha() and not is_english(token):
        yield from _joined(token, matches)


def _rewrites(token: str) -> Iterator[str]:
    """Leet undone and stars filled in, then letter runs cut, each on the previous forms."""
    forms = [token]
    if len(token) >= MIN_LEET_TOKEN_CHARS and not _LEET_CHARS.isdisjoint(token) and any(c.isalpha() for c in token):
        forms += [token.translate(LEET), token.translate(_LEET_L)]
    stars = [f for f in forms if "*" in f and f.count("*") <= MAX_STARS and f.strip("*") == f]
    for form in stars:
        forms += _fill_stars(form)
    for form in list(forms):
        if _RUN3_RE.search(form):
            forms += [_RUN3_RE.sub(r"\1", form), _RUN3_RE.sub(r"\1\1", form)]
    yield from forms[1:]
    for form in forms:
        if _RUN2_RE.search(form) and _PLAIN_WORD_RE.fullmatch(form) and not is_english(token):
            yield _RUN2_RE.sub(r"\1", form)


def _fill_stars(form: str) -> list[str]:
    filled = [form]
    for _ in range(form.count("*")):
        filled = [f.replace("*", v, 1) for f in filled for v in _VOWELS]
    return filled


def _joined(token: str, matches: Callable[[str], bool]) -> Iterator[str]:
    """Lexicon words run together with a common word before or after them (``arevermin``)."""
    common = _joinable_words()
    for cut in range(1, MAX_JOINED_PREFIX_CHARS + 1):
        head, tail = token[:cut], token[cut:]
        if head in common and len(tail) >= MIN_JOINED_WORD_CHARS and matches(tail):
            yield tail
        head, tail = token[:-cut], token[-cut:]
        if tail in common and len(head) >= MIN_JOINED_WORD_CHARS and matches(head):
            yield head


def spaced_candidates(letters: str) -> Iterator[tuple[int, int]]:
    """``(i, j)`` of the runs ``letters[i:j]`` worth looking up in a spelled-out sequence, longest first: the
    whole run, and without a first or last "i" or "a" (the pronoun of "i h a t e", an article after)."""
    n = len(letters)
    first = 1 if letters[0] in "ia" else 0
    last = n - 1 if letters[-1] in "ia" else n
    for i, j in dict.fromkeys(((0, n), (first, n), (0, last), (first, last))):
        if j - i >= MIN_SPACED_LETTERS:
            yield i, j


def spaced_runs(folded: str) -> Iterator[tuple[str, list[int]]]:
    """Each run of letters spelled one at a time in ``folded``: the letters joined and each letter's offset."""
    for match in SPACED_RE.finditer(folded):
        start = match.start() - 1
        offsets = list(range(start, match.end(), 2))
        yield "".join(folded[k] for k in offsets), offsets


def join_spaced(text: str) -> str:
    """``text`` with each run of letters spelled one at a time that spells an English or a harsh word written as
    that word (``i h a t e them`` -> ``i hate them``, ``f a k e`` -> ``fake``): the whole run, or the run without a
    leading "i" or "a". Other runs stay apart ("u r a" is "you are a", not a word). For the n-gram models'
    features (the lexicon looks the runs up itself, keeping offsets)."""
    if SPACED_RE.search(text) is None:
        return text
    return SPACED_RE.sub(_join_run, text)


def join_spaced_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`join_spaced` of ``text`` and, for each character of the result, its offset in ``text`` (so that a
    phrase found in the joined text is placed on the letters it was spelled with)."""
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in SPACED_RE.finditer(text):
        joined = _join_run(match)
        if joined == match.group(0):
            continue
        pieces.append(text[last : match.start()])
        offsets.extend(range(last, match.start()))
        letters = range(match.start() + 1, match.end(), 2)
        pieces.append(joined)
        offsets.extend(([match.start()] if joined.startswith(" ") else []) + list(letters))
        last = match.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text)))
    return "".join(pieces), offsets


def _join_run(match: re.Match) -> str:
    letters = match.group(0)[1::2]  # the match opens with the separator after its first letter
    word = match.string[match.start() - 1] + letters
    if len(word) >= MIN_JOINED_SPACED_CHARS and _spelled_word(word):
        return letters
    if word[0] in "ia" and len(letters) >= MIN_JOINED_SPACED_CHARS and _spelled_word(letters):
        return " " + letters
    return match.group(0)


def _spelled_word(word: str) -> bool:
    """Whether letters spelled one at a time make a word: an English one, or a harsh word the vocabulary lacks
    ("e x t e r m i n a t e d")."""
    return word in english_words() or word in harsh_words()


# --- the comment as the models read it ------------------------------------------------------------------

#: A word as written, leet included ("d1sgust1ng", "$cum"); "!" only between letters ("h!te"), so that "up!" stays
#: "up"; not a handle or a hashtag.
_READ_TOKEN_RE = re.compile(r"(?<![\w@#$*'’-])(?!@)[A-Za-z0-9$@]+(?:!+[A-Za-z0-9$@]+)*(?![\w*'’-])")
_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]")
_DOUBLED_INFLECTION_RE = re.compile(r"([a-z]+?)([bdgklmnprtz])\2(?:ing|ed|er|ers|est|y)")


def reading(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the encoder reads it, and for each character of the reading the offset in ``text`` it
    stands for (None when the reading is ``text`` itself, as it is for most comments).

    Runs of letters spelled one at a time that make an English word are joined (:func:`join_spaced_offsets`), leet
    is undone in a token that then reads as an English or a harsh word, and a token that is no English word but a
    harsh word with one letter dropped or two neighbouring letters swapped is read as that word
    (:func:`read_table`). A capitalised token is a name and left as written."""
    spaced = SPACED_RE.search(text.lower()) is not None
    joined, offsets = join_spaced_offsets_cased(text) if spaced else (text, None)
    # most tokens were seen before and read as written: one set difference instead of a look at each
    unseen = set(_READ_TOKEN_RE.findall(joined)) - _AS_WRITTEN
    if not any([_read_word(token) is not None for token in unseen]):
        return joined, offsets
    pieces: list[str] = []
    mapped: list[int] = []
    last = 0
    for match in _READ_TOKEN_RE.finditer(joined):
        word = _read_word(match.group(0))
        if word is None:
            continue
        pieces.append(joined[last : match.start()])
        mapped.extend(range(last, match.start()))
        pieces.append(word)
        mapped.extend(match.start() + k for k in _letter_offsets(word, match.group(0)))
        last = match.end()
    if not pieces:
        return joined, offsets
    pieces.append(joined[last:])
    mapped.extend(range(last, len(joined)))
    if offsets is not None:
        mapped = [offsets[k] for k in mapped]
    return "".join(pieces), mapped


def _letter_offsets(word: str, token: str) -> list[int]:
    """For each character of a token's reading, the offset in the token it stands for: letter for letter, a space
    the reading adds between two run-together words standing for the letter after it."""
    if len(word) == len(token) + 1 and " " in word and word.replace(" ", "", 1).lower() == token.lower():
        gap = word.index(" ")
        return list(range(gap)) + [gap] + list(range(gap, len(token)))
    return [min(k, len(token) - 1) for k in range(len(word))]


def join_spaced_offsets_cased(text: str) -> tuple[str, list[int]]:
    """:func:`join_spaced_offsets` of ``text`` as written: the runs are found on the lowercased text (same
    length), the letters kept in their case."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return text, list(range(len(text)))
    joined, offsets = join_spaced_offsets(lowered)
    return "".join(text[k] if c.isalpha() else c for c, k in zip(joined, offsets)), offsets


#: Tokens read as written, remembered (up to ``READ_CACHE_SIZE``) so that a comment of known tokens costs one set
#: difference: a worker's vocabulary saturates.
_AS_WRITTEN: set[str] = set()
READ_CACHE_SIZE = 200_000
#: Longer tokens are not remembered (a 20,000-letter "word" must not stay in memory).
READ_CACHE_TOKEN_CHARS = 40


def _read_word(token: str) -> str | None:
    """The word a token is read as, or None to keep it as written (remembered in ``_AS_WRITTEN``)."""
    word = _read_token(token)
    if word is None and len(token) <= READ_CACHE_TOKEN_CHARS and len(_AS_WRITTEN) < READ_CACHE_SIZE:
        _AS_WRITTEN.add(token)
    return word


@lru_cache(maxsize=4096)
def _read_token(token: str) -> str | None:
    """:func:`_read_word` without the memory of tokens read as written."""
    letters = len(_ASCII_LETTERS_RE.findall(token))
    if letters < MIN_READ_TOKEN_LETTERS or letters < MIN_HARSH_LETTER_SHARE * len(token):
        return None
    harsh_only = letters < MIN_READ_LETTER_SHARE * len(token)
    lowered = token.lower()
    if token[0].isupper() and not token.isupper():
        # a name, unless it is "I" run together with a harsh word ("Idespise")
        split = _split_joined(lowered) if lowered.isalpha() else None
        return "I" + split[1:] if split is not None and split.startswith("i ") else None
    joins = not token.isupper()  # "DIRECTV" is a name, not two words
    if lowered.isalpha() and (_is_english_form(lowered) or lowered in harsh_words()):
        return None
    word = lowered
    if not lowered.isalpha():
        forms = [f for f in (lowered.translate(LEET), lowered.translate(_LEET_L)) if f.isalpha()]
        common = _common_words()
        word = next(
            (f for f in forms if f in harsh_words() or not harsh_only and (f in common or f in read_table())), ""
        )
        if not word:
            return None
    if not _is_english_form(word) and word not in harsh_words():
        misspelled = word
        word = read_table().get(word, "") if len(word) >= MIN_MISSPELLING_CHARS else ""
        word = word or (_split_joined(misspelled) if joins else None) or ""
        if not word:
            return None
    return word.upper() if token.isupper() and len(token) > 1 else word


def _split_joined(word: str) -> str | None:
    """A token that is no English word read as a harsh word run together with a common word before or after it
    ("mostrepulsive", "idespise", "hatethem"), the two parted by a space; None when no such reading is found."""
    if not MIN_JOINED_TOKEN_CHARS <= len(word) <= MAX_READ_JOINED_TOKEN_CHARS or _is_english_form(word):
        return None
    harsh = harsh_words()
    for cut in range(1, len(word)):
        head, tail = word[:cut], word[cut:]
        if (tail in harsh and len(tail) >= MIN_READ_WORD_CHARS and _joinable(head)) or (
            head in harsh and len(head) >= MIN_READ_WORD_CHARS and _joinable(tail)
        ):
            return f"{head} {tail}"
    return None


def _joinable(word: str) -> bool:
    """Whether ``word`` may be run together with a harsh word: a word of ``READ_JOINED_WORDS``, or a common word
    of ``MIN_READ_JOINED_CHARS`` letters or more (not "or", "un", "how", "est": "orcastrated", "unoffensive" and
    "freakshow" are no run-together pair)."""
    return word in READ_JOINED_WORDS or (len(word) >= MIN_READ_JOINED_CHARS and word in _common_words())


def _is_english_form(word: str) -> bool:
    """:func:`is_english`, or an inflection that doubles the last consonant of an English word ("rapping",
    "stabbed"), which the vocabulary rarely lists."""
    if is_english(word):
        return True
    found = _DOUBLED_INFLECTION_RE.fullmatch(word)
    return found is not None and found.group(1) + found.group(2) in english_words()


@lru_cache(maxsize=1)
def harsh_words() -> frozenset[str]:
    """The words :func:`reading` reads misspellings back to: VADER's words of valence ``READ_MAX_VALENCE`` or
    below, every form of the violent verbs of ``threats.yaml``, and the abuse lexicon's insults and words of
    contempt (``read_back``: "despise", "repulsive", which VADER rates milder or lacks), of ``MIN_READ_WORD_CHARS``
    letters or more, less the words the abuse lexicon's slurs list (the lexicon reads their spellings itself, more
    strictly)."""
    from .threats import verb_forms

    words = {word for word, valence in _vader_words().items() if valence <= READ_MAX_VALENCE}
    for entry in lexicon.load("threats").get("verb_bases", []):
        words.update(form for form in verb_forms(entry)[0] if form.isalpha())
    data = lexicon.load("abuse")
    words.update(plain_words(data["insult"] + data.get("read_back", [])))
    return frozenset(w for w in words if len(w) >= MIN_READ_WORD_CHARS and not slur_pattern().fullmatch(w))


@lru_cache(maxsize=1)
def slur_pattern() -> re.Pattern:
    """The abuse lexicon's slurs and their in-group spellings as one pattern: a word it fully matches is a slur."""
    data = lexicon.load("abuse")
    return re.compile(lexicon.alternation(data["slurs"] + data.get("reclaimed", [])))


def _vader_words() -> dict[str, float]:
    """VADER's lexicon, word -> valence: its plain lowercase words, from the analyzer the stance step loads."""
    from .stance import vader

    return {word: valence for word, valence in vader().lexicon.items() if word.isalpha() and word.islower()}


@lru_cache(maxsize=1)
def read_table() -> dict[str, str]:
    """Misspelling -> harsh word (:func:`_edits` of :func:`harsh_words`), built once. Left out: a misspelling two
    harsh words share; one that is an English word or a word of VADER's lexicon; the harsh word without its
    ending ("irritate" for "irritated", "molest" for "molests": another form, not a misspelling); and one that is
    a common word (the encoder tokenizer's whole words) with a letter dropped or two neighbouring letters swapped
    ("haet" may be "heat", "kil" "kiln")."""
    harsh = harsh_words()
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for word in sorted(harsh):
        for edit in _edits(word):
            if edit in table and table[edit] != word:
                clashes.add(edit)
            table[edit] = word
    common = _common_word_edits(harsh)
    vader = _vader_words()
    return {
        e: w
        for e, w in table.items()
        if e not in clashes
        and e not in common
        and e not in vader
        and not any(e + ending == w for ending in ("s", "d", "r", "es", "ed"))
        and not _is_english_form(e)
    }


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The encoder tokenizer's whole words: the common words (~21,700)."""
    with gzip.open(data_path(settings.ENCODER_TOKENIZER), "rt", encoding="utf-8") as handle:
        vocabulary = json.load(handle)["model"]["vocab"]
    return frozenset(w for w in vocabulary if w.isascii() and w.isalpha() and w.islower())


def _common_word_edits(leave_out: frozenset[str]) -> frozenset[str]:
    """Every common word (:func:`_common_words`, less ``leave_out``) with one letter dropped or two neighbouring
    letters swapped, and the words themselves."""
    common = _common_words() - leave_out
    out = set(common)
    for word in common:
        out |= {word[:k] + word[k + 1 :] for k in range(len(word))}
        out |= {word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(len(word) - 1)}
    return frozenset(out)


# --- English words and the edit table --------------------------------------------------------------------


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole English words: the encoder tokenizer's vocabulary entries made of letters (~21,700), the strings
    of the installed spaCy English pipeline's vocabulary (~49,000 lowercase words seen in its training text,
    with names and common misspellings: "certin", "ozzie"), and scikit-learn's stop words. Loaded once per
    process (~0.35 s)."""
    spacy_words = (w for w in _spacy_strings() if w.isascii() and w.isalpha() and w.islower())
    return _common_words() | frozenset(spacy_words) | english_stop_words()


def _spacy_strings() -> list[str]:
    """The strings of the first installed pipeline of ``settings.SPACY_MODELS`` (none when none is)."""
    for name in settings.SPACY_MODELS:
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(Path(folder).glob("*/vocab/strings.json")):
                with path.open(encoding="utf-8") as handle:
                    return json.load(handle)
    return []


@lru_cache(maxsize=1)
def _joinable_words() -> frozenset[str]:
    return english_stop_words() | frozenset(JOINED_WORDS)


def is_english(word: str) -> bool:
    """Whether ``word`` is an English word or a regular plural, third person or past form of one (the
    tokenizer lists few inflected forms: "moons" is "moon" + s)."""
    words = english_words()
    if word in words:
        return True
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and word[: -len(suffix)] in words:
            return True
    return False


def plain_words(patterns: list[str]) -> list[str]:
    """The plain words of lexicon entries: each alternative made of letters, with a plural ``s?`` expanded."""
    words = []
    for entry in patterns:
        for alt in entry.split("|"):
            if found := re.fullmatch(r"([a-z]+)(s\?)?", alt):
                words.append(found.group(1))
                if found.group(2):
                    words.append(found.group(1) + "s")
    return words


def _edits(word: str) -> set[str]:
    """``word`` with one letter dropped or two neighbouring letters swapped, the first letter kept in place
    (a misspelling keeps the start of the word; "ozzie" is a name, not a dropped "m")."""
    edits = {word[:k] + word[k + 1 :] for k in range(1, len(word))}
    edits |= {word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(1, len(word) - 1)}
    return edits - {word}


@lru_cache(maxsize=1)
def edit_table() -> dict[str, str]:
    """Misspelling -> lexicon word (:func:`_edits` of the slurs, insults and strong profanity of
    ``MIN_EDIT_WORD_CHARS`` letters or more), built once. Left out: a misspelling two lexicon words share, and
    one that is an English word or one edit from another English word ("certin" is "certain" mistyped, not
    "cretin"; "crepes" is food)."""
    data = lexicon.load("abuse")
    words = set(plain_words(data["slurs"] + data["insult"] + data["profanity"]["strong"]))
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for word in sorted(w for w in words if len(w) >= MIN_EDIT_WORD_CHARS):
        for edit in _edits(word):
            if edit in table and table[edit] != word:
                clashes.add(edit)
            table[edit] = word
    english = {w for w in english_words() if w not in words and w.rstrip("s") not in words}
    return {
        e: w
        for e, w in table.items()
        if e not in clashes and e not in words and not is_english(e) and not _mistyped(e, english)
    }


def _mistyped(edit: str, english: set[str]) -> bool:
    """Whether ``edit`` is an English word with a letter dropped or two neighbouring letters swapped."""
    swaps = (edit[:k] + edit[k + 1] + edit[k] + edit[k + 2 :] for k in range(len(edit) - 1))
    inserts = (edit[:k] + c + edit[k:] for k in range(len(edit) + 1) for c in "abcdefghijklmnopqrstuvwxyz")
    return any(w in english for w in swaps) or any(w in english for w in inserts)
