"""Text features shared by every comment model: hashed word and character n-grams.

Why not scikit-learn's ``HashingVectorizer``: its character analyzer rebuilds every n-gram of every comment,
which caps scoring near 8,000 comments a second. Comments reuse a small vocabulary, so here each distinct
token's feature ids (the word itself and its character 2..5-grams, as ``char_wb`` would give) are computed
once and cached, and a batch of comments is featurized at once: one normalization and one regex split over
the joined batch, then one sparse product (comment x distinct-token counts times distinct-token x feature
ids). Feature ids are ``crc32(kind + gram) % N_FEATURES``, stable across processes and platforms (Python's
``hash`` is not).

Text is normalized first so that masked and leetspeak spellings share features with the plain word:
lowercase, ``@USER``/``URL`` placeholders and links dropped, runs of 3+ letters cut to 2, digits and
symbols inside letter words mapped to letters (``sh1t`` -> ``shit``, ``f***`` keeps its stars).
"""

from __future__ import annotations

import gc
import re
import zlib
from collections.abc import Sequence
from contextlib import contextmanager
from functools import lru_cache, wraps
from itertools import chain

import numpy as np
import scipy.sparse as sp

# --- settings ------------------------------------------------------------------------------------------
#: Size of the hashed feature space shared by all comment models (a model file stores one weight per id).
N_FEATURES = 2**18
#: Character n-gram lengths taken inside each token (padded with a space on each side).
CHAR_NGRAMS = (2, 3, 4, 5)
#: Tokens longer than this are cut before n-grams (a 100 KB "word" must not explode the feature count).
MAX_TOKEN_CHARS = 40
#: Only this many characters of a comment are featurized; the rest cannot change a linear score much.
MAX_FEATURE_CHARS = 5_000
#: Odd multiplier that mixes two word ids into a bigram id.
BIGRAM_MULTIPLIER = 1_000_003
#: Size of the per-process token cache.
TOKEN_CACHE_SIZE = 200_000
# ---------------------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"[a-z0-9*#@$!?']+|[^\sa-z0-9]", re.UNICODE)
# ``u(?<!\wu)rl`` is ``\burl``: written to start with a letter, so the regex engine skips ahead to the
# characters that can open a match (4x faster over a batch).
_PLACEHOLDER_RE = re.compile(r"@user\b|u(?<!\wu)rl\b|https?://\S+|www\.\S+|@\w+")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"})
_LEET_WORD_RE = re.compile(r"\b(?=[a-z0-9$@!]*[a-z])(?=[a-z0-9$@!]*[0-9$@])[a-z0-9$@!]*[a-z][a-z0-9$@!]*\b")
#: What every line that ``_LEET_WORD_RE`` can match holds (its second lookahead needs one).
_LEET_CHAR_RE = re.compile(r"[0-9$@]")


def _leet_word(match: re.Match) -> str:
    return match.group(0).translate(_LEET) if not match.group(0).isdigit() else match.group(0)


def _undo_leet(text: str) -> str:
    """``_LEET_WORD_RE`` substituted, on the lines holding a digit, ``$`` or ``@`` only: the same result, but
    most of a batch is skipped by a scan for three characters (no match crosses a newline)."""
    pieces, done = [], 0
    while (found := _LEET_CHAR_RE.search(text, done)) is not None:
        line_start = text.rfind("\n", 0, found.start()) + 1
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        pieces.append(text[done:line_start])
        pieces.append(_LEET_WORD_RE.sub(_leet_word, text[line_start:line_end]))
        done = line_end
    pieces.append(text[done:])
    return "".join(pieces)


def normalize(text: str) -> str:
    """Lowercase and undo the spelling tricks that hide a word from a lexicon or a model."""
    text = text[:MAX_FEATURE_CHARS].lower()
    text = _PLACEHOLDER_RE.sub(" ", text)
    text = _undo_leet(text)
    return _REPEAT_RE.sub(r"\1\1", text)


@contextmanager
def gc_paused():
    """Hold off Python's cyclic garbage collector while a batch is scored, and restore it after.

    Scoring a batch allocates tens of thousands of short-lived objects and no reference cycles (reference
    counting frees them all); each automatic collection meanwhile walks every live object of the process (with
    spaCy loaded, hundreds of thousands), which cost about a tenth of the scoring time for nothing. The
    collector stays off only for the batch, and is turned back on only if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def batch_scoring(func):
    """Decorate a batch-scoring function: it runs with :func:`gc_paused`."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        with gc_paused():
            return func(*args, **kwargs)

    return wrapper


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % N_FEATURES


#: Feature id of each key hashed so far ("w:word", "c:ngram"): a new word is mostly made of n-grams seen before,
#: and a lookup costs a fraction of hashing. Strings and ints only, so the garbage collector never walks it.
_KEY_IDS: dict[str, int] = {}
#: Emptied when it holds more keys than this.
KEY_CACHE_SIZE = 1_000_000


def token_features(token: str) -> tuple[int, ...]:
    """Feature ids of one token: the word and its padded character n-grams, each the ``_hash`` of its key (the
    batch featurizer keeps each token's ids in its token table)."""
    padded = f" {token[:MAX_TOKEN_CHARS]} "
    keys = ["w:" + token]
    for n in CHAR_NGRAMS:
        keys += ["c:" + padded[i : i + n] for i in range(len(padded) - n + 1)]
    ids = list(map(_KEY_IDS.get, keys))
    if None in ids:
        if len(_KEY_IDS) > KEY_CACHE_SIZE:
            _KEY_IDS.clear()
        for position, (key, found) in enumerate(zip(keys, ids)):
            if found is None:
                ids[position] = _KEY_IDS[key] = _hash(key)
    return tuple(ids)


class _TokenTable:
    """Every token seen so far and its feature ids (:func:`token_features`), stored flat: a batch gathers the
    ids of all its distinct tokens in one array step instead of concatenating one small array per token.
    Emptied when it holds more than ``TOKEN_CACHE_SIZE`` tokens."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.index: dict[str, int] = {}  # by key (see _token_key)
        self.keys: dict[str, str] = {}  # the tokens whose key differs from the token, and their key
        self.starts = np.zeros(1 << 12, dtype=np.int64)  # per token: where its ids start in ``flat``
        self.lengths = np.zeros(1 << 12, dtype=np.int64)
        self.flat = np.zeros(1 << 16, dtype=np.int64)
        self.used = 0

    def add(self, new_tokens: Sequence[str]) -> None:
        """Store the feature ids of tokens not in the table (the caller checked, and made room)."""
        ids = [token_features(t) for t in new_tokens]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        size, first = int(lengths.sum()), len(self.index)
        self.flat = _room(self.flat, self.used, size)
        self.starts = _room(self.starts, first, len(ids))
        self.lengths = _room(self.lengths, first, len(ids))
        self.flat[self.used : self.used + size] = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=size)
        self.lengths[first : first + len(ids)] = lengths
        self.starts[first : first + len(ids)] = self.used + np.cumsum(lengths) - lengths
        self.used += size
        self.index.update(zip(new_tokens, range(first, first + len(ids))))

    def vocabulary(self, found: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
        """The distinct keys of the tokens ``found`` (:func:`_token_key`), numbered in order of first appearance,
        and the number of each token's key: what a vocabulary of the normalized tokens would give."""
        distinct = dict.fromkeys(found)
        seen = set(distinct)
        for token in seen.difference(self.index).difference(self.keys):
            key = _token_key(token)
            if key != token:
                self.keys[token] = key
        if not seen.difference(seen.difference(self.keys)):  # no token of this batch changes: keys are tokens
            vocabulary = dict(zip(distinct, range(len(distinct))))
            return vocabulary, np.fromiter(map(vocabulary.__getitem__, found), dtype=np.int64, count=len(found))
        keys = list(map(self.keys.get, distinct, distinct))
        unique_keys = dict.fromkeys(keys)
        vocabulary = dict(zip(unique_keys, range(len(unique_keys))))
        key_of = np.fromiter(map(vocabulary.__getitem__, keys), dtype=np.int64, count=len(keys))
        number = dict(zip(distinct, range(len(distinct))))
        return vocabulary, key_of[np.fromiter(map(number.__getitem__, found), dtype=np.int64, count=len(found))]

    def gather(self, distinct: Sequence[str], featureless: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """The feature ids of ``distinct`` keys, concatenated, and where each key's ids start (plus the end);
        the key at index ``featureless`` (the batch separator) gets none."""
        missing = set(distinct).difference(self.index)
        if missing:
            if len(self.index) + len(missing) > TOKEN_CACHE_SIZE:
                self.clear()
                missing = distinct
            self.add(list(missing))
        rows = np.fromiter(map(self.index.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        starts, lengths = self.starts[rows], self.lengths[rows]
        if featureless >= 0:
            lengths[featureless] = 0
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        positions = np.arange(offsets[-1], dtype=np.int64) + np.repeat(starts - offsets[:-1], lengths)
        return self.flat[positions], offsets


def _room(array: np.ndarray, used: int, more: int) -> np.ndarray:
    """``array``, or a copy twice as large, so that ``used + more`` items fit."""
    if used + more <= len(array):
        return array
    grown = np.zeros(max(2 * len(array), used + more), dtype=array.dtype)
    grown[:used] = array[:used]
    return grown


_TABLE = _TokenTable()


def clear_token_cache() -> None:
    """Forget every token's and n-gram's feature ids (benchmarks time the cold start with it)."""
    _TABLE.clear()
    _KEY_IDS.clear()


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(normalize(text))


#: Joins the normalized texts of a batch; its middle character is a token of its own (``TOKEN_RE`` makes every
#: symbol one), so the one ``findall`` over the batch shows where each text's tokens end. No normalization
#: pattern crosses a newline, so normalizing the joined batch equals normalizing each text.
_SEPARATOR_TOKEN = "\x00"
_SEPARATOR = "\n" + _SEPARATOR_TOKEN + "\n"


def _batch_tokens(texts: Sequence[str]) -> list[str] | None:
    """Every token of the batch in order, texts parted by ``_SEPARATOR_TOKEN``, from one normalization and one
    ``findall`` (None when a text holds the separator token itself, and the caller tokenizes text by text)."""
    joined = _SEPARATOR.join(text[:MAX_FEATURE_CHARS] for text in texts)
    if joined.count(_SEPARATOR_TOKEN) != len(texts) - 1:
        return None
    return TOKEN_RE.findall(normalize_joined(joined))


def normalize_joined(joined: str) -> str:
    """:func:`normalize` without the length cut, for a batch already cut text by text and joined, and without
    cutting runs of a repeated letter: a run lies inside one token, so the token table cuts it once per
    distinct token (see :func:`_token_key`) instead of a regex pass over the whole batch."""
    text = _PLACEHOLDER_RE.sub(" ", joined.lower())
    return _undo_leet(text)


def _token_key(token: str) -> str:
    """The token a batch token stands for: runs of 3+ same letters cut to 2, as :func:`normalize` does
    (idempotent, so tokens of already normalized text are their own key)."""
    return _REPEAT_RE.sub(r"\1\1", token)


@batch_scoring
def featurize_counts(texts: Sequence[str]) -> sp.csr_matrix:
    """A ``len(texts) x N_FEATURES`` matrix of log(1 + count): the part every model shares.

    Vectorized over the batch: one normalization and one ``findall`` over the joined texts; each distinct
    token's feature ids are looked up once (cached across batches) into a token x feature matrix, and the
    counts are one sparse product (text x token counts times token x features). Word bigram ids are mixed
    from the two words' ids with integer arithmetic (no string hashing), in one vectorized step.
    """
    n = len(texts)
    found = _batch_tokens(texts) if n else []
    if found is not None:
        vocabulary, token_ids = _TABLE.vocabulary(found)
        separator = vocabulary.setdefault(_SEPARATOR_TOKEN, len(vocabulary))
        is_separator = token_ids == separator
        rows = np.cumsum(is_separator)
    else:  # a text holds the separator token: tokenize text by text
        per_text = [tokens(text) for text in texts]
        found = [t for toks in per_text for t in toks]
        distinct = dict.fromkeys(found)
        vocabulary = dict(zip(distinct, range(len(distinct))))
        separator = -1
        token_ids = np.array(list(map(vocabulary.__getitem__, found)), dtype=np.int64)
        is_separator = np.zeros(len(found), dtype=bool)
        rows = np.repeat(np.arange(n), [len(toks) for toks in per_text])
    token_feature_ids, offsets = _TABLE.gather(list(vocabulary), separator)
    words, word_rows = token_ids[~is_separator], rows[~is_separator]
    word_ids = token_feature_ids[offsets[words]]  # a token's first feature id is the word itself
    same_doc = word_rows[:-1] == word_rows[1:]
    bigram_ids = (word_ids[:-1] * BIGRAM_MULTIPLIER + word_ids[1:] + 1)[same_doc] % N_FEATURES
    bigrams, bigram_index = np.unique(bigram_ids, return_inverse=True)
    # Columns of ``occurrences``: the distinct tokens, then the distinct bigrams; rows of ``to_features``: the
    # feature ids of each (a bigram has one), so the product sums every count of every text in one C call.
    to_features = sp.csr_matrix(
        (np.ones(len(token_feature_ids) + len(bigrams), dtype=np.float32),
         np.concatenate([token_feature_ids, bigrams]),
         np.concatenate([offsets, offsets[-1] + np.arange(1, len(bigrams) + 1)])),
        shape=(len(vocabulary) + len(bigrams), N_FEATURES))
    occurrences = sp.csr_matrix(
        (np.ones(len(found) + len(bigram_ids), dtype=np.float32),
         (np.concatenate([rows, word_rows[:-1][same_doc]]), np.concatenate([token_ids, len(vocabulary) + bigram_index]))),
        shape=(n, len(vocabulary) + len(bigrams)))
    matrix = occurrences @ to_features  # duplicates summed; column order within a row left as it comes
    np.log1p(matrix.data, out=matrix.data)
    return matrix


def weigh(counts: sp.csr_matrix, idf: np.ndarray | None = None) -> sp.csr_matrix:
    """``counts`` times ``idf`` (when given), rows L2-normalized; ``counts`` is left unchanged."""
    matrix = counts.copy()
    if idf is not None:
        matrix.data *= idf[matrix.indices]
    lengths = np.diff(matrix.indptr)
    squares = np.add.reduceat(matrix.data**2, matrix.indptr[:-1][lengths > 0]) if matrix.nnz else np.zeros(0)
    norms = np.ones(matrix.shape[0], dtype=np.float32)
    norms[lengths > 0] = np.sqrt(squares)
    matrix.data /= np.repeat(norms, lengths)
    return matrix


def featurize(texts: Sequence[str], idf: np.ndarray | None = None) -> sp.csr_matrix:
    """A ``len(texts) x N_FEATURES`` matrix: log(1 + count), times ``idf`` when given, rows L2-normalized."""
    return weigh(featurize_counts(texts), idf)
