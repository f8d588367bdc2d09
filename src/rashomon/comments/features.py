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
symbols inside letter words mapped to letters (``sh1t`` -> ``shit``, ``f***`` keeps its stars), letters spelled
one at a time joined (``h a t e`` -> ``hate``, :func:`spelling.join_spaced`).
"""

from __future__ import annotations

import gc
import re
import zlib
from collections.abc import Sequence
from contextlib import contextmanager
from functools import wraps
from itertools import chain

import numpy as np
import scipy.sparse as sp

from . import spelling

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
_LEET_WORD_RE = re.compile(r"\b(?=[a-z0-9$@!]*[a-z])(?=[a-z0-9$@!]*[0-9$@])[a-z0-9$@!]*[a-z][a-z0-9$@!]*\b")
#: What every line that ``_LEET_WORD_RE`` can match holds (its second lookahead needs one).
_LEET_CHAR_RE = re.compile(r"[0-9$@]")


def _leet_word(match: re.Match) -> str:
    return match.group(0).translate(spelling.LEET) if not match.group(0).isdigit() else match.group(0)


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
    text = spelling.join_spaced(_undo_leet(text))
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


def token_features(token: str) -> tuple[int, ...]:
    """Feature ids of one token: the word and its padded character n-grams, each the ``_hash`` of its key (the
    batch featurizer keeps each token's ids in its token table, and computes those of ASCII tokens in array
    steps: :func:`_ascii_token_features`, the same ids)."""
    padded = f" {token[:MAX_TOKEN_CHARS]} "
    keys = ["w:" + token]
    for n in CHAR_NGRAMS:
        keys += ["c:" + padded[i : i + n] for i in range(len(padded) - n + 1)]
    return tuple(map(_hash, keys))


def _crc32_table() -> np.ndarray:
    """The byte table of CRC-32 (reflected polynomial 0xEDB88320), the one ``zlib.crc32`` uses."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_CRC_TABLE = _crc32_table()


def _crc32_state(prefix: bytes) -> np.uint32:
    """The running CRC-32 register after ``prefix`` (before the final inversion)."""
    return np.uint32(zlib.crc32(prefix) ^ 0xFFFFFFFF)


def _crc32_rows(state: np.uint32, rows: np.ndarray, lengths: np.ndarray | None = None) -> np.ndarray:
    """``zlib.crc32(prefix + row)`` of every row of a byte matrix at once, ``state`` being the register after
    the prefix: one table step per byte column (only the first ``lengths[i]`` bytes of row i when given)."""
    crc = np.full(len(rows), state, dtype=np.uint32)
    for column in range(rows.shape[1]):
        stepped = _CRC_TABLE[(crc ^ rows[:, column]) & 0xFF] ^ (crc >> 8)
        crc = stepped if lengths is None else np.where(column < lengths, stepped, crc)
    return crc ^ np.uint32(0xFFFFFFFF)


_WORD_STATE, _GRAM_STATE = _crc32_state(b"w:"), _crc32_state(b"c:")


def _ascii_token_features(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`token_features` of many ASCII tokens of at most ``MAX_TOKEN_CHARS`` characters, concatenated in
    token order, and each token's number of ids: the CRC-32 of every key of every token in a few array steps
    (a byte column at a time) instead of a Python call per key. A new word is the costly case of scoring."""
    count = len(tokens)
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=count)
    words = np.frombuffer("".join(tokens).encode("ascii"), dtype=np.uint8)
    word_starts = np.cumsum(lengths) - lengths
    columns = np.minimum(word_starts[:, None] + np.arange(int(lengths.max())), len(words) - 1)
    word_ids = _crc32_rows(_WORD_STATE, words[columns], lengths)
    padded = np.frombuffer("".join(f" {token} " for token in tokens).encode("ascii"), dtype=np.uint8)
    padded_lengths = lengths + 2
    padded_starts = np.cumsum(padded_lengths) - padded_lengths
    gram_counts = [np.maximum(padded_lengths - n + 1, 0) for n in CHAR_NGRAMS]
    per_token = 1 + sum(gram_counts)
    out_starts = np.cumsum(per_token) - per_token
    ids = np.empty(int(per_token.sum()), dtype=np.uint32)
    ids[out_starts] = word_ids
    filled = np.ones(count, dtype=np.int64)  # per token, ids placed so far (the word's first)
    for n, counts in zip(CHAR_NGRAMS, gram_counts):
        owner = np.repeat(np.arange(count), counts)
        local = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
        grams = padded[(padded_starts[owner] + local)[:, None] + np.arange(n)]
        ids[out_starts[owner] + filled[owner] + local] = _crc32_rows(_GRAM_STATE, grams)
        filled += counts
    return (ids % N_FEATURES).astype(np.int64), per_token


class _TokenTable:
    """Every token seen so far and its feature ids (:func:`token_features`), stored flat: a batch gathers the
    ids of all its distinct tokens in one array step instead of concatenating one small array per token.
    Emptied when it holds more than ``TOKEN_CACHE_SIZE`` tokens."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.index: dict[str, int] = {}  # by key (see _token_keys)
        self.keys: dict[str, str] = {}  # the tokens whose key differs from the token, and their key
        self.starts = np.zeros(1 << 12, dtype=np.int64)  # per token: where its ids start in ``flat``
        self.lengths = np.zeros(1 << 12, dtype=np.int64)
        self.flat = np.zeros(1 << 16, dtype=np.int64)
        self.used = 0

    def add(self, new_tokens: Sequence[str]) -> None:
        """Store the feature ids of tokens not in the table (the caller checked, and made room): those of ASCII
        tokens in array steps, the others (rare in English comments) token by token."""
        fast = [t for t in new_tokens if len(t) <= MAX_TOKEN_CHARS and t.isascii()]
        if fast:
            self._store(fast, *_ascii_token_features(fast))
        if len(fast) < len(new_tokens):
            slow = [t for t in new_tokens if not (len(t) <= MAX_TOKEN_CHARS and t.isascii())]
            ids = [token_features(t) for t in slow]
            lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
            self._store(slow, np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum())), lengths)

    def _store(self, new_tokens: Sequence[str], flat: np.ndarray, lengths: np.ndarray) -> None:
        """Append tokens and their ids (``flat``, ``lengths[i]`` of them per token, in token order)."""
        size, first = len(flat), len(self.index)
        self.flat = _room(self.flat, self.used, size)
        self.starts = _room(self.starts, first, len(new_tokens))
        self.lengths = _room(self.lengths, first, len(new_tokens))
        self.flat[self.used : self.used + size] = flat
        self.lengths[first : first + len(new_tokens)] = lengths
        self.starts[first : first + len(new_tokens)] = self.used + np.cumsum(lengths) - lengths
        self.used += size
        self.index.update(zip(new_tokens, range(first, first + len(new_tokens))))

    def vocabulary(self, found: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
        """The distinct keys of the tokens ``found`` (:func:`_token_keys`), numbered in order of first appearance,
        and the number of each token's key: what a vocabulary of the normalized tokens would give."""
        distinct = dict.fromkeys(found)
        seen = set(distinct)
        new = list(seen.difference(self.index).difference(self.keys))
        self.keys.update((token, key) for token, key in zip(new, _token_keys(new)) if key != token)
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


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(normalize(text))


def normalize_words(words: Sequence[str]) -> list[str]:
    """:func:`normalize` of each of many short one-line strings (words), in one pass over them joined (no
    normalization pattern crosses a newline)."""
    return _REPEAT_RE.sub(r"\1\1", normalize_joined("\n".join(words))).split("\n") if words else []


def token_ids(distinct: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The feature ids (:func:`token_features`) of distinct normalized tokens, concatenated, and where each
    token's ids start (plus the end): read from the token table, which computes the new ones."""
    return _TABLE.gather(distinct)


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
    distinct token (see :func:`_token_keys`) instead of a regex pass over the whole batch."""
    text = _PLACEHOLDER_RE.sub(" ", joined.lower())
    return spelling.join_spaced(_undo_leet(text))


def _token_keys(tokens: Sequence[str]) -> list[str]:
    """The token each batch token stands for: runs of 3+ same letters cut to 2, as :func:`normalize` does
    (idempotent, so tokens of already normalized text are their own key). One pass over the tokens joined:
    a token holds no white space."""
    return _REPEAT_RE.sub(r"\1\1", "\n".join(tokens)).split("\n") if tokens else []


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
        (
            np.ones(len(token_feature_ids) + len(bigrams), dtype=np.float32),
            np.concatenate([token_feature_ids, bigrams]),
            np.concatenate([offsets, offsets[-1] + np.arange(1, len(bigrams) + 1)]),
        ),
        shape=(len(vocabulary) + len(bigrams), N_FEATURES),
    )
    occurrences = sp.csr_matrix(
        (
            np.ones(len(found) + len(bigram_ids), dtype=np.float32),
            (
                np.concatenate([rows, word_rows[:-1][same_doc]]),
                np.concatenate([token_ids, len(vocabulary) + bigram_index]),
            ),
        ),
        shape=(n, len(vocabulary) + len(bigrams)),
    )
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
