"""Topics: stories of the same kind of event (two different earthquakes), by average linkage over their pages.

Average linkage (UPGMA) merges two groups while the mean cosine between their pages reaches ``threshold``. The
mean cosine of two groups is the dot product of their page-vector sums over the product of their sizes, so
each story enters as its sum and its size, and no matrix of all pairs is ever made. Two bounded steps:

1. **Candidate pairs.** Each story's ``neighbours`` nearest stories (centroid cosine), kept when at or above
   ``threshold``. Below ``EXACT_BELOW`` stories the search is exact; above, it runs in an inverted file: the
   stories are put in about ``sqrt(stories)`` cells around centres drawn at random, and the stories of a cell
   look in the ``probes`` cells whose centres are nearest to theirs, so the work grows as ``stories ** 1.5``,
   not as its square (an approximate search may miss a neighbour).
2. **Linkage** on those pairs with a heap (:func:`_average_linkage`): a merged group's mean with a third is a
   weighted mean of the two groups' means, so it can reach ``threshold`` only through a pair that did, and
   each merge recomputes just the merged group's partners.

Before both steps, what all stories share is taken off (:func:`without_common`): the mean page vector, and
the ``directions`` directions along which the stories' means vary most ("all-but-the-top", Mu & Viswanath, ICLR
2018, who take about one direction per 100 dimensions). A sentence encoder's vectors share a mean and a few
dominant directions (the register and shape of news text) that make every story look alike; two events of one
kind then differ mostly by their names and places. Taken off, what is left ranks the kinds of events better:
on ECB+ topics 0.934 against 0.905 (``eval/stories.py``). It is a linear map, so it applies to the stories' sums
as to their pages, and it is fitted on those sums (no more state than the sums). It needs a corpus that spans
many directions: when the stories' spread has fewer than ``TOPIC_MIN_SPREAD`` effective directions (a corpus of
a handful of kinds, whose top directions would be its topics), nothing is taken off and the plain mean cosine
is linked at ``TOPIC_THRESHOLD_PLAIN``.

The thresholds are chosen by cross-validation across ECB+ topics (``eval/stories.py`` prints the held-out
figure beside the tuned one).

Beside the lead vectors, each page may bring a second vector, of its lead with the names of its actors, its
numbers and its dates masked (:mod:`.kinds`: what is left is the kind of event). Each view then has its own
common part taken off (the masked leads share the type words that replaced the names, so more directions come
off them: ``TOPIC_KIND_DIRECTIONS``) and the two are linked side by side, the mean dot product being the
weighted sum of the two views' (``TOPIC_KIND_WEIGHT``): on ECB+ topics 0.953 against 0.934 on all documents,
held-out 0.960 against 0.939, at the same precision (0.983 against 0.984). spaCy's entities masked instead of
the actors' names score alike (0.959, held-out 0.965) but need a second parse of each lead; mixing the two
vectors into one, or with 4 directions off the masked view, costs precision (about 0.956; 0.946-0.949), and
capitalised words masked by rule or the lead's predicates gain less (issue 18's fourth to sixth passes in
docs/measurements.md).
"""

from __future__ import annotations

import math

import numpy as np
from threadpoolctl import threadpool_limits

# --- settings (topics) ----------------------------------------------------------------------------------
#: Mean dot product of the page vectors, with the common part taken off, at which two groups of stories are one
#: topic (chosen on ECB+ by cross-validation).
TOPIC_THRESHOLD = 0.15
#: The common directions taken off besides the mean: about one per 100 dimensions (384 -> 4), as the method's
#: authors advise (ECB+: 2, 3, 4, 5 directions score 0.928, 0.927, 0.934, 0.926).
TOPIC_COMMON_DIRECTIONS = 4
#: Effective directions (participation ratio of the eigenvalues) the stories' spread needs before the common
#: directions are taken off: 4 per direction taken (ECB+'s stories: about 32; three kinds of stories: 2).
TOPIC_MIN_SPREAD = 16
#: Stories (a seeded sample) on which the spread and its top directions are measured: bounds the work.
TOPIC_FIT_SAMPLE = 4096
#: The masked leads' view (:mod:`.kinds`), when the pages bring one: its weight in the mean dot product, the
#: common directions taken off it (the type words that replaced the names add shared directions), and the
#: mean dot product of both views side by side at which two groups are one topic (chosen on ECB+ by
#: cross-validation; 7 to 10 directions and weights 0.4 to 0.6 score 0.950-0.957 there; 0.075-0.085: 0.950-0.953).
TOPIC_KIND_WEIGHT = 0.5
TOPIC_KIND_DIRECTIONS = 8
TOPIC_THRESHOLD_KINDS = 0.08
#: Mean cosine at which two groups are one topic when nothing is taken off (a corpus of few kinds).
TOPIC_THRESHOLD_PLAIN = 0.40
#: Nearest stories each story is compared with.
TOPIC_NEIGHBOURS = 30
#: Cells searched per story (of about sqrt(stories)); exact search below EXACT_BELOW stories.
TOPIC_PROBES = 4
EXACT_BELOW = 4000
#: Rows of the similarity matrix computed at once (bounds memory to CHUNK x stories floats).
CHUNK = 512


def topic_labels(
    sums: np.ndarray,
    sizes: np.ndarray | None = None,
    *,
    kinds: np.ndarray | None = None,
    threshold: float | None = None,
    directions: int = TOPIC_COMMON_DIRECTIONS,
    kind_directions: int = TOPIC_KIND_DIRECTIONS,
    kind_weight: float = TOPIC_KIND_WEIGHT,
    neighbours: int = TOPIC_NEIGHBOURS,
    probes: int = TOPIC_PROBES,
    exact_below: int = EXACT_BELOW,
) -> np.ndarray:
    """One topic number per story, numbered from 0 by first story.

    ``sums``: each story's sum of page vectors (L2-normalised page vectors), ``sizes`` its pages; without
    ``sizes``, each row is one page. The linkage is then the mean cosine over pairs of *pages*, so a story of
    twenty pages weighs twenty times a story of one.

    ``kinds``: each story's sum of masked-lead vectors (:mod:`.kinds`), in the rows of ``sums``; linked beside
    the lead vectors, each view with its own common part off (``kind_directions``), weighted ``kind_weight``.

    ``threshold`` defaults to ``TOPIC_THRESHOLD_KINDS`` with both views, to ``TOPIC_THRESHOLD`` when the common
    part is taken off the lead vectors alone (``directions`` > 0 and a corpus that spans enough directions),
    else to ``TOPIC_THRESHOLD_PLAIN``; ``directions=0`` is the plain mean cosine of the lead vectors."""
    count = len(sums)
    if count < 2:
        return np.zeros(count, dtype=np.int64)
    sums = np.array(sums, dtype=np.float64)  # a copy: the common part comes off in place
    if kinds is not None:
        kinds = np.array(kinds, dtype=np.float64)
    if sizes is None:
        sums, sizes = unit_rows(sums, np.float64), np.ones(count)
        kinds = None if kinds is None else unit_rows(kinds, np.float64)
    sizes = np.asarray(sizes, dtype=np.float64).copy()
    rest = without_common(sums, sizes, directions) if directions > 0 else None
    kind_rest = None
    if rest is not None:
        sums = rest
        if kinds is not None:
            kind_rest = without_common(kinds, sizes, kind_directions)
    if kind_rest is not None:  # side by side: the dot product of two groups is the weighted sum of the views'
        sums = np.hstack([math.sqrt(1.0 - kind_weight) * sums, math.sqrt(kind_weight) * kind_rest])
    if threshold is None:
        threshold = (
            TOPIC_THRESHOLD_KINDS
            if kind_rest is not None
            else TOPIC_THRESHOLD
            if rest is not None
            else TOPIC_THRESHOLD_PLAIN
        )
    vectors = unit_rows(sums)
    rows, cols, sims = _neighbour_pairs(vectors, neighbours, probes, exact_below)
    keep = sims >= threshold
    return _renumber(_average_linkage(sums.copy(), sizes, rows[keep], cols[keep], threshold))


def without_common(sums: np.ndarray, sizes: np.ndarray, directions: int) -> np.ndarray | None:
    """The stories' sums (float64, changed in place and returned) with what all pages share taken off: the mean
    page vector, then the ``directions`` directions of most variance of the stories' means (weighted by their
    pages). ``None`` (``sums`` left as they were) when the stories' spread has fewer than ``TOPIC_MIN_SPREAD``
    effective directions: its top directions would be its topics.

    Both steps are linear, so taking them off each page and summing equals taking them off the sum (the mean
    comes off ``size`` times). The spread is measured on at most ``TOPIC_FIT_SAMPLE`` stories and the sums are
    changed in chunks of ``CHUNK`` rows, so the work is linear in the stories and the new memory bounded."""
    mean = sums.sum(axis=0) / sizes.sum()
    sample = np.arange(len(sums))
    if len(sums) > TOPIC_FIT_SAMPLE:  # the spread is estimated on a seeded sample of stories
        sample = np.sort(np.random.default_rng(0).choice(len(sums), size=TOPIC_FIT_SAMPLE, replace=False))
    spread = (sums[sample] - sizes[sample, None] * mean) / np.sqrt(sizes[sample])[:, None]
    # one BLAS thread: a dimensions-square eigenproblem gains nothing from more, and on a loaded machine the
    # threads' spinning made it 100 times slower (4.8 s against 0.04 s for 384 dimensions at load 9)
    with threadpool_limits(limits=1):
        if spread.shape[1] <= spread.shape[0]:  # spread.T @ spread: sum over stories of size * (its mean - mean)^2
            values, vectors = np.linalg.eigh(spread.T @ spread)
        else:  # more dimensions than stories (a lexical vector): the same eigenvectors from the stories' side
            values, vectors = np.linalg.eigh(spread @ spread.T)
            vectors = spread.T @ vectors / np.sqrt(np.maximum(values, 1e-12))
    values = np.clip(values, 0.0, None)
    if values.sum() <= 0 or values.sum() ** 2 / (values**2).sum() < TOPIC_MIN_SPREAD:
        return None
    top = vectors[:, np.argsort(values)[::-1][:directions]]
    for start in range(0, len(sums), CHUNK):
        rows = sums[start : start + CHUNK]
        rows -= sizes[start : start + CHUNK, None] * mean
        rows -= (rows @ top) @ top.T
    return sums


def unit_rows(rows: np.ndarray, dtype: type = np.float32) -> np.ndarray:
    """``rows`` scaled to length 1 (a zero row stays zero), as ``dtype``."""
    return (rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)).astype(dtype, copy=False)


def _renumber(labels: np.ndarray) -> np.ndarray:
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse]


def _average_linkage(
    sums: np.ndarray, sizes: np.ndarray, rows: np.ndarray, cols: np.ndarray, threshold: float
) -> np.ndarray:
    """Average linkage (UPGMA) over the pages of groups given by their vector sums and sizes, on the candidate
    pairs ``rows``/``cols`` (each at or above ``threshold``): the two groups with the highest mean page-pair
    cosine merge while it reaches ``threshold``.

    The mean cosine between two groups is their sums' dot product over the product of their sizes, so it is
    computed exactly whenever needed, with no matrix. A merged group's mean with a third is a weighted mean of
    the two groups' means with it, so it reaches ``threshold`` only if one of them did: each group keeps just
    its partners at or above ``threshold``, and a merge recomputes only those. A max-heap holds the pairs;
    entries made stale by a merge are skipped (each carries the merge counts of its two groups)."""
    import heapq

    count = len(sums)
    partners: list[set[int]] = [set() for _ in range(count)]
    for a, b in zip(rows.tolist(), cols.tolist()):
        if a != b:
            partners[a].add(b)
            partners[b].add(a)
    stamp = [0] * count
    parent = list(range(count))
    heap: list[tuple[float, int, int, int, int]] = []
    for a in range(count):
        if partners[a]:
            others = np.fromiter(partners[a], dtype=np.int64)
            means = (sums[others] @ sums[a]) / (sizes[others] * sizes[a])
            heap += [(-float(m), a, int(b), 0, 0) for b, m in zip(others, means) if b > a]
    heapq.heapify(heap)
    while heap:
        negative, a, b, stamp_a, stamp_b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if parent[a] != a or parent[b] != b or stamp[a] != stamp_a or stamp[b] != stamp_b:
            continue  # a group of this pair has merged since
        if len(partners[b]) > len(partners[a]):
            a, b = b, a
        sums[a] += sums[b]
        sizes[a] += sizes[b]
        parent[b] = a
        stamp[a] += 1
        candidates = (partners[a] | partners[b]) - {a, b}
        partners[b] = set()
        partners[a] = set()
        if not candidates:
            continue
        others = np.fromiter(candidates, dtype=np.int64)
        means = (sums[others] @ sums[a]) / (sizes[others] * sizes[a])
        for c, m in zip(others.tolist(), means.tolist()):
            partners[c].discard(b)
            if m >= threshold:
                partners[a].add(c)
                partners[c].add(a)
                heapq.heappush(heap, (-m, min(a, c), max(a, c), stamp[min(a, c)], stamp[max(a, c)]))
            else:
                partners[c].discard(a)
    labels = np.array(parent)
    while True:  # follow each story to its group's root
        roots = labels[labels]
        if np.array_equal(roots, labels):
            return labels
        labels = roots


def _neighbour_pairs(
    vectors: np.ndarray, neighbours: int, probes: int, exact_below: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, cosine) of each story's ``neighbours`` nearest other stories."""
    count = len(vectors)
    k = min(neighbours, count - 1)
    if count < exact_below:
        return _nearest(vectors, np.arange(count), np.arange(count), k)
    # an inverted file: about sqrt(count) cells around stories drawn at random (seeded); each story lives in the
    # cell of its nearest centre, and the stories of one cell search the cells of the `probes` centres nearest
    # to theirs
    cells = max(2, int(math.sqrt(count)))
    centres = vectors[np.random.default_rng(0).choice(count, size=cells, replace=False)]
    cell_of = np.empty(count, dtype=np.int64)
    for start in range(0, count, CHUNK):
        cell_of[start : start + CHUNK] = np.argmax(vectors[start : start + CHUNK] @ centres.T, axis=1)
    near_cells = np.argsort(-(centres @ centres.T), axis=1)[:, :probes]
    order = np.argsort(cell_of, kind="stable")
    members = np.split(order, np.flatnonzero(np.diff(cell_of[order])) + 1)
    by_cell = {int(cell_of[m[0]]): m for m in members}
    out_rows, out_cols, out_sims = [], [], []
    for cell, queries in by_cell.items():
        pool = np.concatenate([by_cell.get(int(c), np.zeros(0, dtype=np.int64)) for c in near_cells[cell]])
        rows, cols, sims = _nearest(vectors, queries, pool, min(k, len(pool) - 1))
        out_rows.append(rows)
        out_cols.append(cols)
        out_sims.append(sims)
    return np.concatenate(out_rows), np.concatenate(out_cols), np.concatenate(out_sims)


def _nearest(
    vectors: np.ndarray, queries: np.ndarray, pool: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each query's ``k`` most similar stories of ``pool`` (itself left out), in chunks of ``CHUNK`` queries."""
    rows, cols, sims = [], [], []
    if k <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    pool_vectors = vectors[pool]
    for start in range(0, len(queries), CHUNK):
        chunk = queries[start : start + CHUNK]
        scores = vectors[chunk] @ pool_vectors.T
        scores[pool[None, :] == chunk[:, None]] = -np.inf  # a story is not its own neighbour
        take = min(k, scores.shape[1])
        best = np.argpartition(-scores, take - 1, axis=1)[:, :take]
        rows.append(np.repeat(chunk, take))
        cols.append(pool[best].ravel())
        sims.append(np.take_along_axis(scores, best, axis=1).ravel())
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(sims).astype(np.float32)
