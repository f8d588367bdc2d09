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

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

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


def normalize(text: str) -> str:
    """Lowercase and undo the spelling tricks that hide a word from a lexicon or a model."""
    text = text[:MAX_FEATURE_CHARS].lower()
    text = _PLACEHOLDER_RE.sub(" ", text)
    text = _LEET_WORD_RE.sub(lambda m: m.group(0).translate(_LEET) if not m.group(0).isdigit() else m.group(0), text)
    return _REPEAT_RE.sub(r"\1\1", text)


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % N_FEATURES


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def token_features(token: str) -> tuple[int, ...]:
    """Feature ids of one token: the word and its padded character n-grams."""
    ids = [_hash("w:" + token)]
    padded = f" {token[:MAX_TOKEN_CHARS]} "
    for n in CHAR_NGRAMS:
        ids.extend(_hash("c:" + padded[i : i + n]) for i in range(len(padded) - n + 1))
    return tuple(ids)


_NO_FEATURES = np.zeros(0, dtype=np.int64)


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def token_feature_array(token: str) -> np.ndarray:
    """:func:`token_features` as an array (what the batch featurizer concatenates)."""
    return np.array(token_features(token), dtype=np.int64)


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
    """:func:`normalize` without the length cut, for a batch already cut text by text and joined."""
    text = _PLACEHOLDER_RE.sub(" ", joined.lower())
    text = _LEET_WORD_RE.sub(lambda m: m.group(0).translate(_LEET) if not m.group(0).isdigit() else m.group(0), text)
    return _REPEAT_RE.sub(r"\1\1", text)


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
        vocabulary = {t: i for i, t in enumerate(dict.fromkeys(found))}
        separator = vocabulary.setdefault(_SEPARATOR_TOKEN, len(vocabulary))
        token_ids = np.array(list(map(vocabulary.__getitem__, found)), dtype=np.int64)
        is_separator = token_ids == separator
        rows = np.cumsum(is_separator)
    else:  # a text holds the separator token: tokenize text by text
        per_text = [tokens(text) for text in texts]
        found = [t for toks in per_text for t in toks]
        vocabulary = {t: i for i, t in enumerate(dict.fromkeys(found))}
        separator = -1
        token_ids = np.array(list(map(vocabulary.__getitem__, found)), dtype=np.int64)
        is_separator = np.zeros(len(found), dtype=bool)
        rows = np.repeat(np.arange(n), [len(toks) for toks in per_text])
    arrays = [_NO_FEATURES if i == separator else token_feature_array(t) for t, i in vocabulary.items()]
    lengths = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    token_feature_ids = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
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
