"""Text features shared by every comment model: hashed word and character n-grams.

Why not scikit-learn's ``HashingVectorizer``: its character analyzer rebuilds every n-gram of every comment,
which caps scoring near 8,000 comments a second. Comments reuse a small vocabulary, so here each distinct
token's feature ids (the word itself and its character 2..5-grams, as ``char_wb`` would give) are computed
once and cached; a comment costs one regex split and a few dictionary look-ups. Feature ids are
``crc32(kind + gram) % N_FEATURES``, stable across processes and platforms (Python's ``hash`` is not).

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
#: Size of the per-process token cache.
TOKEN_CACHE_SIZE = 200_000
# ---------------------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"[a-z0-9*#@$!?']+|[^\sa-z0-9]", re.UNICODE)
_PLACEHOLDER_RE = re.compile(r"@user\b|\burl\b|https?://\S+|www\.\S+|@\w+")
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


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _bigram_feature(pair: tuple[str, str]) -> int:
    return _hash("b:" + pair[0] + " " + pair[1])


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(normalize(text))


def featurize(texts: Sequence[str], idf: np.ndarray | None = None) -> sp.csr_matrix:
    """A ``len(texts) x N_FEATURES`` matrix: log(1 + count), times ``idf`` when given, rows L2-normalized."""
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        toks = tokens(text)
        for tok in toks:
            indices.extend(token_features(tok))
        indices.extend(_bigram_feature(pair) for pair in zip(toks, toks[1:]))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sp.csr_matrix((data, np.asarray(indices, dtype=np.int32), np.asarray(indptr)), shape=(len(texts), N_FEATURES))
    matrix.sum_duplicates()
    np.log1p(matrix.data, out=matrix.data)
    if idf is not None:
        matrix.data *= idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr)).astype(np.float32)
    return matrix
