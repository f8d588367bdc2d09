"""Topics: stories of the same kind of event (two different earthquakes), by average linkage of story centroids.

Average linkage merges two groups while the mean cosine between their stories reaches ``threshold``. Run on
all pairs it needs memory quadratic in the stories, so it runs in three bounded steps:

1. **Neighbours.** Each story's ``neighbours`` nearest stories, searched in an inverted file: the stories are
   put in about ``sqrt(stories)`` cells around centres drawn at random, and the stories of a cell look in the
   ``probes`` cells whose centres are nearest to theirs, so the work grows as ``stories ** 1.5``, not as its
   square (below ``EXACT_BELOW`` stories the search is exact; an approximate search may miss a neighbour).
   Pairs under ``threshold`` are dropped.
2. **Components.** Average linkage never joins two groups that no pair of stories at or above ``threshold``
   links (the mean of the pairs is at most their maximum, and a story pair's mean page cosine is at most the
   cosine of their centroids), so the connected components of that graph are clustered apart.
3. **Linkage.** A component of up to ``DENSE_MAX`` stories: exact average linkage over the *pages* of its
   stories (from each story's sum of page vectors and its size); a larger one: scikit-learn's average linkage
   of the story centroids restricted to the neighbour graph.

The threshold is chosen by cross-validation across ECB+ topics (``eval/stories.py`` prints the held-out figure
beside the tuned one).
"""

from __future__ import annotations

import math

import numpy as np

# --- settings (topics) ----------------------------------------------------------------------------------
#: Mean centroid cosine at which two groups of stories are one topic (chosen on ECB+ by cross-validation).
TOPIC_THRESHOLD = 0.40
#: Nearest stories each story is compared with.
TOPIC_NEIGHBOURS = 30
#: k-means cells searched per story (of about sqrt(stories)); exact search below EXACT_BELOW stories.
TOPIC_PROBES = 4
EXACT_BELOW = 4000
#: Components up to this many stories get exact average linkage (its memory is this squared).
DENSE_MAX = 4000
#: Rows of the similarity matrix computed at once (bounds memory to CHUNK x stories floats).
CHUNK = 512


def topic_labels(
    sums: np.ndarray,
    sizes: np.ndarray | None = None,
    *,
    threshold: float = TOPIC_THRESHOLD,
    neighbours: int = TOPIC_NEIGHBOURS,
    probes: int = TOPIC_PROBES,
    exact_below: int = EXACT_BELOW,
) -> np.ndarray:
    """One topic number per story, numbered from 0 by first story.

    ``sums``: each story's sum of page vectors (L2-normalised page vectors), ``sizes`` its pages; without
    ``sizes``, each row is one page. The linkage is then the mean cosine over pairs of *pages*, so a story of
    twenty pages weighs twenty times a story of one."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    count = len(sums)
    if count < 2:
        return np.zeros(count, dtype=np.int64)
    sums = np.asarray(sums, dtype=np.float32)
    vectors = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    if sizes is None:
        sums, sizes = vectors, np.ones(count)
    sizes = np.asarray(sizes, dtype=np.float64)
    rows, cols, sims = _neighbour_pairs(vectors, neighbours, probes, exact_below)
    keep = sims >= threshold
    graph = coo_matrix((sims[keep], (rows[keep], cols[keep])), shape=(count, count)).tocsr()
    graph = graph.maximum(graph.T)
    _, component = connected_components(graph, directed=False)
    labels = np.zeros(count, dtype=np.int64)
    order = np.argsort(component, kind="stable")
    offset = 0
    for members in np.split(order, np.flatnonzero(np.diff(component[order])) + 1):
        local = (
            np.zeros(1, dtype=np.int64) if len(members) == 1 else _link(vectors, sums, sizes, graph, members, threshold)
        )
        labels[members] = offset + local
        offset += int(local.max()) + 1
    return _renumber(labels)


def _renumber(labels: np.ndarray) -> np.ndarray:
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse]


def _link(vectors, sums, sizes, graph, members: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage labels of one connected component, cut where the mean cosine falls under ``threshold``."""
    if len(members) <= DENSE_MAX:
        return _average_linkage(sums[members].astype(np.float64), sizes[members].copy(), threshold)
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(
        n_clusters=None,
        distance_threshold=1.0 - threshold,
        metric="cosine",
        linkage="average",
        connectivity=graph[members][:, members],
    ).fit_predict(vectors[members])


def _average_linkage(sums: np.ndarray, sizes: np.ndarray, threshold: float) -> np.ndarray:
    """Average linkage (UPGMA) over the pages of groups given by their vector sums and sizes: the two groups with
    the highest mean page-pair cosine merge while it reaches ``threshold`` (Lance-Williams update; each row keeps
    its best partner, so a merge costs a few rows, not the whole matrix)."""
    count = len(sums)
    sims = (sums @ sums.T) / np.outer(sizes, sizes)
    np.fill_diagonal(sims, -np.inf)
    labels = np.arange(count)
    best = np.argmax(sims, axis=1)
    best_value = sims[np.arange(count), best]
    while True:
        i = int(np.argmax(best_value))
        if best_value[i] < threshold:
            break
        j = int(best[i])
        merged = (sizes[i] * sims[i] + sizes[j] * sims[j]) / (sizes[i] + sizes[j])
        sizes[i] += sizes[j]
        merged[[i, j]] = -np.inf
        sims[i], sims[:, i] = merged, merged
        sims[j], sims[:, j] = -np.inf, -np.inf
        best_value[j] = -np.inf
        labels[labels == j] = i
        for row in np.flatnonzero((best == i) | (best == j)):
            if row != j:
                best[row] = int(np.argmax(sims[row]))
                best_value[row] = sims[row, best[row]]
        better = merged > best_value
        better[[i, j]] = False
        best[better], best_value[better] = i, merged[better]
        best[i] = int(np.argmax(sims[i]))
        best_value[i] = sims[i, best[i]]
    return np.unique(labels, return_inverse=True)[1].astype(np.int64)


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
