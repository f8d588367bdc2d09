"""Group pages into stories, one page at a time: near-duplicates first, then events.

Two tests decide where a page goes, each against what is already grouped (so new pages join existing stories,
and a corpus of any size streams through):

1. **Near-duplicate** (the same wire copy, a re-post, a lightly edited version): MinHash over word shingles of
   the page's text, looked up in an LSH index (datasketch). A near-duplicate joins its original's story.
2. **Event**: the cosine between the page's title-and-lead vector (the shared encoder) and each candidate
   story's centroid, plus a bonus for the share of names (actors, places) they have in common. Candidates
   are the stories with a page within ``window_days`` of the page's date (undated pages: the most recent
   ``UNDATED_CANDIDATES`` stories); in a window denser than ``WINDOW_CAP`` (day, story) entries, the nearest
   days whole and of the farther ones only the stories in the cells nearest to the page, so the work per page
   does not grow with the density of the corpus. The best candidate at or above ``threshold`` takes the page;
   otherwise the page starts a story.

The thresholds were tuned on development sets only (BASIL 2010-2014 and ECB+; see ``eval/stories.py``); the
leader rule is greedy, so the order of pages matters a little, and a wrong join is never undone.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from .topics import TOPIC_COMMON_DIRECTIONS, topic_labels, unit_rows

# --- settings (stories) ---------------------------------------------------------------------------------
#: A page joins a story when cosine(title+lead, centroid) + NAME_BONUS * shared-name share reaches this.
EVENT_THRESHOLD = 0.70
NAME_BONUS = 0.20
#: Only stories with a page this many days either side of the page's date are candidates.
WINDOW_DAYS = 7
#: A page is compared with every story of its window while the window holds at most WINDOW_CAP (day, story)
#: entries (BASIL, ECB+ and sparse corpora: always). Past it, the work per page stays bounded however dense the
#: corpus: the days nearest the page are taken whole until WINDOW_CAP entries are in, and of the farther days
#: only the stories in the CELL_PROBES cells (of CELLS) nearest to the page, at most FAR_CANDIDATES of them.
WINDOW_CAP = 128
#: Of the farther days, at most this many stories are compared (those of the nearest cells first).
FAR_CANDIDATES = 128
#: Undated pages are compared with the most recent stories only: a bound on the work per page.
UNDATED_CANDIDATES = 20_000
#: The cells: spherical k-means (KMEANS_ROUNDS rounds) of the story directions less their mean, fitted once
#: CELL_FIT stories exist; each story is kept in the cell of its current direction.
CELLS = 64
CELL_PROBES = 8
CELL_FIT = 2048
KMEANS_ROUNDS = 8
#: The name bonus (a Python loop) is weighed for at most this many candidates, the closest by cosine.
NAME_CANDIDATES = 32
#: Characters of text after the title that make the lead the encoder reads.
LEAD_CHARS = 400
#: Near-duplicates: MinHash Jaccard over word shingles of the first NEAR_DUP_CHARS characters.
NEAR_DUP_THRESHOLD = 0.8
NEAR_DUP_PERMUTATIONS = 64
NEAR_DUP_SHINGLE = 5
NEAR_DUP_CHARS = 1500
#: datasketch's hash scheme, named so signatures rebuilt from their values (Ray ships them) match.
NEAR_DUP_SCHEME = "affine32"
#: Words that are capitalised for reasons other than being a name.
_NOT_NAMES = frozenset(
    "the a an in on at of and or but for to with by from as is was were be this that these those it its he she "
    "they we you i mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december according after before when while new said "
    "says".split()
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z'\-]{2,})")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class PageFeatures:
    """What grouping reads of one page: its vector, its names, its date and its near-duplicate signature."""

    id: str
    site: str | None
    day: int | None  # date.toordinal(), or None when the page has no date
    title: str
    names: frozenset[str]
    vector: np.ndarray  # (dim,) float32, L2-normalised
    signature: object | None = None  # datasketch.MinHash
    #: The vector of the lead with its names, numbers and dates masked (:mod:`.kinds`), read by the topic level
    #: only; ``None``: the page counts there with its lead vector.
    kind: np.ndarray | None = None


def lead_text(title: str | None, text: str | None, chars: int = LEAD_CHARS) -> str:
    """The title and the first ``chars`` characters of the text (without the title if the text repeats it)."""
    title = (title or "").strip()
    body = (text or "").strip()
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    if len(body) > chars:
        body = body[:chars].rsplit(" ", 1)[0]
    return f"{title}. {body}" if title else body


def names_in(text: str, actors: Iterable[str] = ()) -> frozenset[str]:
    """Lower-cased name words: capitalised words not at a sentence start, and the words of ``actors``' names."""
    found = {m.group(1).lower() for m in _NAME.finditer(text)}
    for actor in actors:
        found.update(w.lower() for w in _WORD.findall(actor) if len(w) > 2)
    return frozenset(w for w in found if w not in _NOT_NAMES)


def day_of(published_at: str | None) -> int | None:
    if not published_at:
        return None
    try:
        return date.fromisoformat(str(published_at)[:10]).toordinal()
    except ValueError:
        return None


def signature(text: str | None):
    """A MinHash of the word shingles of ``text``'s beginning; ``None`` for a text too short to shingle.

    Shingles are hashed with CRC-32 (C speed; a near-duplicate test needs no cryptographic hash) and the
    permutations are made once per process."""
    words = _WORD.findall((text or "")[:NEAR_DUP_CHARS].lower())
    if len(words) < NEAR_DUP_SHINGLE * 4:
        return None
    minhash = new_minhash()
    minhash.update_batch(
        " ".join(words[i : i + NEAR_DUP_SHINGLE]).encode() for i in range(len(words) - NEAR_DUP_SHINGLE + 1)
    )
    return minhash


def new_minhash(hashvalues=None):
    """An empty MinHash (or one with ``hashvalues``) with this module's hash, scheme and permutations."""
    from datasketch import MinHash

    return MinHash(
        num_perm=NEAR_DUP_PERMUTATIONS,
        seed=1,
        hashfunc=zlib.crc32,
        hashvalues=hashvalues,
        permutations=_permutations(),
        scheme=NEAR_DUP_SCHEME,
    )


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NEAR_DUP_PERMUTATIONS, seed=1, scheme=NEAR_DUP_SCHEME).permutations


class DayIndex:
    """Day -> the stories with a page that day, each day a growable array of story numbers.

    The window of a page is the union of its days' arrays: one concatenation and one sort in C, where
    a union of Python sets and a sort cost a Python step per story of the window."""

    def __init__(self) -> None:
        self._rows: dict[int, np.ndarray] = {}
        self._used: dict[int, int] = {}

    def add(self, day: int, index: int) -> None:
        """Record that story ``index`` has a page on ``day`` (the caller adds each (day, story) once)."""
        rows = self._rows.get(day)
        used = self._used.get(day, 0)
        if rows is None or used == len(rows):
            grown = np.empty(max(8, 2 * used), dtype=np.int64)
            if rows is not None:
                grown[:used] = rows
            self._rows[day] = rows = grown
        rows[used] = index
        self._used[day] = used + 1

    def window(self, day: int, reach: int, cap: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The stories with a page within ``reach`` days of ``day``: (near, far), ``near`` ascending and each once.

        Without ``cap`` every story is near. With ``cap``, days are taken nearest first (``day``, then both days
        one away, and so on) until ``cap`` (day, story) entries are in; the stories of the rest of the window
        are ``far`` (unsorted, possibly repeated, possibly also near), for the caller to thin."""
        near: list[np.ndarray] = []
        far: list[np.ndarray] = []
        total = 0
        for distance in range(reach + 1):
            into = far if cap is not None and total >= cap else near
            for d in (day,) if distance == 0 else (day - distance, day + distance):
                used = self._used.get(d)
                if used:
                    into.append(self._rows[d][:used])
                    if into is near:
                        total += used
        empty = np.zeros(0, dtype=np.int64)
        return _distinct(np.concatenate(near)) if near else empty, np.concatenate(far) if far else empty


def _distinct(values: np.ndarray) -> np.ndarray:
    """``values`` ascending, each once (``np.unique`` without its hashing, slower on a few hundred values)."""
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


@dataclass
class Story:
    id: str
    centroid: np.ndarray  # sum of member vectors (not normalised)
    names: Counter = field(default_factory=Counter)
    pages: list[str] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    topic: str | None = None
    #: Sum of member kind vectors (a page without one counts with its lead vector); ``None`` while no page
    #: brought one (the topic level then reads ``centroid``: a story of an earlier release's state).
    kinds: np.ndarray | None = None

    def direction(self) -> np.ndarray:
        return self.centroid / max(float(np.linalg.norm(self.centroid)), 1e-9)


@dataclass
class Assignment:
    page_id: str
    story_id: str
    score: float  # the score that joined it (1.0 for the first page of a story)
    duplicate_of: str | None = None  # the near-duplicate page it joined through
    #: The score's parts when the page joined by the event test (``None`` for the first page of a story and a
    #: near-duplicate): the cosine of its title and lead to the story's, and the share of names they have in
    #: common (the score is ``similarity + name_bonus * names_shared``, so it may pass 1).
    similarity: float | None = None
    names_shared: float | None = None


class StoryGrouper:
    """Streaming, incremental grouping: :meth:`add` pages in any number of calls; state pickles between runs."""

    def __init__(
        self,
        *,
        threshold: float = EVENT_THRESHOLD,
        name_bonus: float = NAME_BONUS,
        window_days: int | None = WINDOW_DAYS,
        near_dup_threshold: float = NEAR_DUP_THRESHOLD,
    ) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.name_bonus = name_bonus
        self.window_days = window_days
        self.stories: list[Story] = []
        self.story_of: dict[str, int] = {}
        self.lsh = MinHashLSH(threshold=near_dup_threshold, num_perm=NEAR_DUP_PERMUTATIONS)
        self._days = DayIndex()  # day -> stories with a page that day
        self._matrix = np.zeros((0, 0), dtype=np.float32)  # row i: direction of story i
        self._init_cells()

    def _init_cells(self) -> None:
        # the approximate index of dense windows: a cell per story, fitted once CELL_FIT stories exist
        self._centres: np.ndarray | None = None  # (CELLS, dim), directions of the centred story vectors
        self._mean: np.ndarray | None = None  # the mean story direction, taken off before cells are chosen
        self._cells = np.full(0, -1, dtype=np.int32)  # story -> its cell (-1 before the fit)
        self._days_of: list[set[int]] = []  # story -> its days (so a (day, story) is indexed once)

    def __setstate__(self, state: dict) -> None:
        """A state of an earlier release (day -> set of stories, a (day, cell) index or none) gets this one's
        indexes; the cells are fitted when the next page comes."""
        self.__dict__.update(state)
        by_day = self.__dict__.pop("_by_day", None)
        for old in ("_cell_of", "_by_day_cell"):
            self.__dict__.pop(old, None)
        if by_day is not None:
            self._init_cells()
            self._cells = np.full(len(self._matrix), -1, dtype=np.int32)
            self._days = DayIndex()
            self._days_of = [set() for _ in self.stories]
            for day in sorted(by_day):
                for index in sorted(by_day[day]):
                    self._days.add(day, index)
                    self._days_of[index].add(day)

    def __contains__(self, page_id: str) -> bool:
        return page_id in self.story_of

    def add(self, pages: Sequence[PageFeatures]) -> list[Assignment]:
        return [self._add(page) for page in pages if page.id not in self.story_of]

    def _add(self, page: PageFeatures) -> Assignment:
        duplicate = self._near_duplicate(page)
        index: int | None
        parts: tuple[float, float] | None = None
        if duplicate is not None:
            index, score = self.story_of[duplicate], 1.0
        else:
            index, score, parts = self._best_story(page)
        if index is None:
            index = self._new_story(page)
            score, parts = 1.0, None
        self._join(index, page)
        if page.signature is not None:
            self.lsh.insert(page.id, page.signature)
        similarity, shared = (round(parts[0], 4), round(parts[1], 4)) if parts else (None, None)
        return Assignment(page.id, self.stories[index].id, round(float(score), 4), duplicate, similarity, shared)

    def _near_duplicate(self, page: PageFeatures) -> str | None:
        if page.signature is None:
            return None
        matches = [m for m in self.lsh.query(page.signature) if m in self.story_of]
        return min(matches) if matches else None

    def _candidates(self, page: PageFeatures) -> np.ndarray | range:
        """The stories a page is compared with: those of its window (undated: the most recent), all of them up to
        WINDOW_CAP; past it, the stories of the nearest days until the cap, and of the farther days only those in
        the CELL_PROBES cells nearest to the page."""
        day = page.day
        if day is None or self.window_days is None:
            return range(max(0, len(self.stories) - UNDATED_CANDIDATES), len(self.stories))
        near, far = self._days.window(day, self.window_days, WINDOW_CAP)
        if not len(far):
            return near
        if self._centres is None or self._mean is None:
            return _distinct(np.concatenate([near, far]))
        # the farther days: the stories in the CELL_PROBES cells nearest to the page, nearest cell first, at
        # most FAR_CANDIDATES of them
        order = np.argsort(-(self._centres @ (page.vector - self._mean)))[:CELL_PROBES]
        rank = np.full(len(self._centres) + 1, CELL_PROBES)  # the last entry: cell -1 (not fitted), never probed
        rank[order] = np.arange(CELL_PROBES)
        far = _distinct(far)
        ranks = rank[self._cells[far]]
        probed = far[ranks < CELL_PROBES]
        if len(probed) > FAR_CANDIDATES:
            ranks = ranks[ranks < CELL_PROBES]
            probed = probed[np.argsort(ranks, kind="stable")[:FAR_CANDIDATES]]
        return _distinct(np.concatenate([near, probed]))

    def _best_story(self, page: PageFeatures) -> tuple[int | None, float, tuple[float, float] | None]:
        """The story the page joins (``None``: none reaches the threshold), its score, and the score's parts
        (cosine, share of names shared)."""
        candidates = self._candidates(page)
        if not len(candidates):
            return None, 0.0, None
        if isinstance(candidates, range):  # a slice is a view; fancy indexing would copy the rows
            scores = self._matrix[candidates.start : candidates.stop] @ page.vector
        else:
            scores = self._matrix.take(candidates, axis=0) @ page.vector  # take: faster than fancy indexing
        # the name bonus only matters near the threshold and near the best cosine (the best candidate by cosine
        # scores at least its cosine): look at the few that can still win, the closest NAME_CANDIDATES of them
        floor = max(self.threshold, float(scores.max())) - self.name_bonus
        reachable = np.flatnonzero(scores >= floor)
        if len(reachable) > NAME_CANDIDATES:
            reachable = np.sort(reachable[np.argpartition(-scores[reachable], NAME_CANDIDATES - 1)[:NAME_CANDIDATES]])
        best, best_score, best_parts = None, -1.0, None
        for position in reachable:
            index = int(candidates[position])
            shared = _shared_share(page.names, self.stories[index].names)
            score = float(scores[position]) + self.name_bonus * shared
            if score > best_score:
                best, best_score, best_parts = index, score, (float(scores[position]), shared)
        if best is None or best_score < self.threshold:
            return None, best_score, None
        return best, best_score, best_parts

    def _new_story(self, page: PageFeatures) -> int:
        index = len(self.stories)
        self.stories.append(Story(id=f"s{index + 1}", centroid=np.zeros_like(page.vector, dtype=np.float32)))
        if self._matrix.shape[0] <= index:
            grown = np.zeros((max(64, 2 * index), page.vector.shape[0]), dtype=np.float32)
            grown[: self._matrix.shape[0]] = self._matrix if self._matrix.size else 0
            self._matrix = grown
            cells = np.full(len(grown), -1, dtype=np.int32)
            cells[: len(self._cells)] = self._cells
            self._cells = cells
        self._days_of.append(set())
        return index

    def _join(self, index: int, page: PageFeatures) -> None:
        story = self.stories[index]
        if story.kinds is not None or page.kind is not None:
            if story.kinds is None:  # the pages before had no kind vector: their lead vectors stand in
                story.kinds = story.centroid.copy()
            story.kinds += page.vector if page.kind is None else page.kind
        story.centroid += page.vector
        story.names.update(page.names)
        story.pages.append(page.id)
        if page.day is not None:
            story.first_day = page.day if story.first_day is None else min(story.first_day, page.day)
            story.last_day = page.day if story.last_day is None else max(story.last_day, page.day)
            if page.day not in self._days_of[index]:
                self._days_of[index].add(page.day)
                self._days.add(page.day, index)
        self._matrix[index] = story.direction()
        self.story_of[page.id] = index
        if self._centres is not None and self._mean is not None:
            self._cells[index] = int(np.argmax(self._centres @ (self._matrix[index] - self._mean)))
        elif len(self.stories) >= CELL_FIT:
            self._fit_cells()

    def _fit_cells(self) -> None:
        """Cells for the approximate search: spherical k-means (KMEANS_ROUNDS rounds, seeded) of the story
        directions less their mean. The mean is taken off because every story shares a component (the words
        and the shape of news text); without it the cells cut a narrow cone and split neighbours."""
        count = len(self.stories)
        directions = self._matrix[:count]
        self._mean = directions.mean(axis=0)
        centred = unit_rows(directions - self._mean)
        centres = centred[np.random.default_rng(0).choice(count, size=min(CELLS, count), replace=False)]
        for _ in range(KMEANS_ROUNDS):
            assigned = _nearest_centre(centred, centres)
            sums = np.zeros_like(centres)
            np.add.at(sums, assigned, centred)
            filled = np.linalg.norm(sums, axis=1) > 0
            centres[filled] = unit_rows(sums[filled])
        self._centres = centres
        self._cells[:count] = _nearest_centre(centred, centres)

    def assign_topics(self, threshold: float | None = None, directions: int | None = None) -> None:
        """Group stories into topics (the same kind of event): average linkage of their centroids, beside their
        masked leads' sums when the pages brought kind vectors, with what all stories share taken off
        (:mod:`.topics`; ``None`` takes its settings).

        Topics are derived data: every call labels all stories afresh, ``t1`` being the topic of the first story."""
        if not self.stories:
            return
        sums = np.stack([story.centroid for story in self.stories])
        sizes = np.array([len(story.pages) for story in self.stories])
        kinds = None
        if any(story.kinds is not None for story in self.stories):
            kinds = np.stack([story.centroid if story.kinds is None else story.kinds for story in self.stories])
        labels = topic_labels(
            sums,
            sizes,
            kinds=kinds,
            threshold=threshold,
            directions=TOPIC_COMMON_DIRECTIONS if directions is None else directions,
        )
        for story, label in zip(self.stories, labels):
            story.topic = f"t{int(label) + 1}"


def _nearest_centre(rows: np.ndarray, centres: np.ndarray, chunk: int = 4096) -> np.ndarray:
    return np.concatenate(
        [np.argmax(rows[i : i + chunk] @ centres.T, axis=1) for i in range(0, len(rows), chunk)]
    ).astype(np.int32)


def _shared_share(names: frozenset[str], story_names: Counter) -> float:
    """The share of the smaller set of names that both have (0 when either has none)."""
    if not names or not story_names:
        return 0.0
    shared = sum(1 for n in names if n in story_names)
    return shared / min(len(names), len(story_names))


def story_label(titles: Sequence[str], names: Counter, max_words: int = 12) -> str:
    """A short label: the title closest to the story's most shared names (ties: the shortest)."""
    titles = [t for t in titles if t]
    if not titles:
        common = [n for n, _ in names.most_common(4)]
        return " ".join(w.capitalize() for w in common) or "untitled story"

    def weight(title: str) -> tuple[float, int]:
        words = {w.lower() for w in _WORD.findall(title)}
        return (-sum(names.get(w, 0) for w in words) / max(len(words), 1), len(title))

    words = min(titles, key=weight).split()
    return " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
