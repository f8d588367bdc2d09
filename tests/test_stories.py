"""Stories: grouping pages by event (unit), and `rashomon stories` over a real batch output (end to end)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rashomon.stories.grouping import PageFeatures, StoryGrouper, lead_text, names_in, signature, story_label
from tests.conftest import write_jsonl

STRIKE = [
    (
        "https://lorvik-herald.invalid/a1",
        "2026-03-02",
        "Dockworkers strike shuts Port Sarn",
        "Dockworkers walked off the job at Port Sarn on Monday, halting all cargo traffic. The Dockworkers' Union "
        "said 1,200 workers joined the strike over pay. The Port Board called the walkout a reckless gamble and "
        "said 40 ships were stuck at anchor.",
    ),
    (
        "https://kessa-post.invalid/b7",
        "2026-03-03",
        "Port Sarn at a standstill as union strike enters second day",
        "The strike by dockworkers at Port Sarn entered its second day on Tuesday. Union leaders said about 1,000 "
        "members had stopped work, while the Port Board said 38 ships were waiting offshore.",
    ),
    (
        "https://oster-courier.invalid/c3",
        "2026-03-02",
        "Port Sarn cargo halted by dockworkers' walkout <i>",
        "Cargo handling at Port Sarn stopped on Monday after dockworkers walked out. The Port Board said 40 "
        "vessels were stuck. The Dockworkers' Union said more than 1,200 workers took part in the strike.",
    ),
]
FLOOD = [
    (
        "https://lorvik-herald.invalid/a2",
        "2026-05-20",
        "Floods cut Halden off as the Varn river bursts its banks",
        "The Varn river burst its banks overnight and flooded large parts of Halden. The city council of Halden "
        "said 300 families had been moved to shelters. The Coastal Guard sent boats to reach villages in the "
        "Varn valley.",
    ),
    (
        "https://varn-gazette.invalid/d1",
        "2026-05-21",
        "Halden evacuates hundreds of families after Varn flood",
        "Hundreds of families left their homes in Halden after the Varn river flooded the town. The city council "
        "said 320 families were in shelters on Wednesday, and the Coastal Guard was using boats to reach cut-off "
        "villages in the Varn valley.",
    ),
]


def rows(pages):
    return [{"url": u, "published_at": d, "text": f"{t}\n\n{body}"} for u, d, t, body in pages]


def features(page_id, vector, day=None, names=(), text=None, site=None):
    vector = np.asarray(vector, dtype=np.float32)
    return PageFeatures(page_id, site, day, page_id, frozenset(names), vector / np.linalg.norm(vector), signature(text))


def test_pages_join_the_closest_story_within_the_window_and_start_one_otherwise():
    grouper = StoryGrouper(threshold=0.8, name_bonus=0.2, window_days=3)
    grouper.add([features("a", [1, 0, 0], day=100), features("b", [0.95, 0.1, 0], day=101)])
    assert grouper.story_of["a"] == grouper.story_of["b"]
    grouper.add([features("c", [1, 0.05, 0], day=110)])  # same words, ten days later: another story
    grouper.add([features("d", [0, 1, 0], day=100)])  # same day, another subject
    assert len({grouper.story_of[p] for p in "acd"}) == 3


def test_shared_names_decide_close_calls_and_near_duplicates_join_their_original():
    for names, joins in (({"halden", "varn"}, True), ({"lorvik"}, False)):  # cosine 0.68 + 0.2 x shared share
        grouper = StoryGrouper(threshold=0.8, name_bonus=0.2, window_days=None)
        grouper.add([features("a", [1, 1, 0], names={"halden", "varn"}), features("b", [1, 0, 0.3], names=names)])
        assert (grouper.story_of["a"] == grouper.story_of["b"]) is joins
    text = " ".join(f"word{i}" for i in range(200))
    grouper.add([features("d", [0, 0, 1], text=text)])
    [joined] = grouper.add([features("e", [0, 1, 0], text=text + " and one more sentence at the end")])
    assert joined.duplicate_of == "d" and grouper.story_of["e"] == grouper.story_of["d"]


def test_features_read_the_lead_and_names():
    assert (
        lead_text("Harbour shut", "Harbour shut\n\nThe Port Board said so.") == "Harbour shut. The Port Board said so."
    )
    names = names_in("Harbour shut. The Port Board met Mira Okafor on Monday.", actors=["Dockworkers' Union"])
    assert {"port", "board", "mira", "okafor", "dockworkers", "union"} <= names and "monday" not in names
    assert story_label(["A very long title about many things", "Port Sarn strike"], {"sarn": 3}) == "Port Sarn strike"


def test_features_encode_the_lead_and_its_kind_from_the_analysis_actors():
    import json

    from rashomon.stories.features import featurize_rows, to_features

    class Recorder:  # an encoder that remembers what it was given
        def embed(self, texts):
            self.texts = list(texts)
            return np.eye(len(texts), 8, dtype=np.float32)

    actors = [{"name": "Mira Okafor", "type": "person", "aliases": ["Okafor"], "mentions": []}]
    analysis = {"page": {"text": "Mira Okafor closed the port on Monday after 3 ships ran aground."}, "actors": actors}
    encoder = Recorder()
    (item,) = featurize_rows([{"id": "p1", "title": "Port shut", "analysis": json.dumps(analysis)}], encoder)
    assert encoder.texts == [
        "Port shut. Mira Okafor closed the port on Monday after 3 ships ran aground.",
        "Port shut. someone closed the port on one day after several ships ran aground.",
    ]
    page = to_features(item)
    assert page.vector.argmax() == 0 and page.kind is not None and page.kind.argmax() == 1
    assert {"mira", "okafor"} <= page.names


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    """A real batch output of five pages (two events, four outlets), grouped into stories."""
    from rashomon.batch import run_batch
    from rashomon.stories import build_stories

    root = tmp_path_factory.mktemp("stories")
    corpus = write_jsonl(root / "corpus.jsonl", rows(STRIKE[:2] + FLOOD[:1]))
    out = root / "out"
    run_batch([corpus], out, workers=1, progress=False)
    first = build_stories(out, workers=1)
    # more pages arrive: the batch resumes, and the new pages join the stories already there
    write_jsonl(corpus, rows(STRIKE[:2] + FLOOD[:1] + STRIKE[2:] + FLOOD[1:]))  # appended: ids are file offsets
    run_batch([corpus], out, workers=1, progress=False, resume=True)
    second = build_stories(out, workers=1)
    return out, first, second


@pytest.mark.slow
def test_stories_group_a_batch_output_incrementally_and_are_queryable(grouped):
    from rashomon.batch.query import query

    out, first, second = grouped
    assert (first.new_pages, first.stories) == (3, 2)
    assert (second.new_pages, second.pages, second.stories) == (2, 5, 2)
    found, _ = query(out, "SELECT story_id, list(site ORDER BY site) FROM story_pages GROUP BY story_id ORDER BY 1")
    assert [sorted(sites) for _, sites in found] == [
        ["kessa-post.invalid", "lorvik-herald.invalid", "oster-courier.invalid"],
        ["lorvik-herald.invalid", "varn-gazette.invalid"],
    ]
    coverage, _ = query(out, "SELECT story_id, count(*) FROM coverage GROUP BY story_id ORDER BY 1")
    assert coverage == [("s1", 3), ("s2", 2)]
    [(outlets, comparison)], _ = query(out, "SELECT outlets, comparison FROM story_comparisons WHERE story_id = 's1'")
    assert len(outlets) == 3 and "1,200 workers" in comparison  # the outlets' worker counts are lined up


@pytest.mark.slow
def test_the_stories_page_escapes_page_text(grouped):
    from rashomon.report.stories import render_html
    from rashomon.stories.view import stories_view

    out, _, _ = grouped
    page = render_html(stories_view(out))
    assert "id=coverage" in page and "kessa-post.invalid" in page
    assert "walkout <i>" not in page and "walkout &lt;i&gt;" in page


def written_output(out: Path, pages, first_id: int = 0) -> Path:
    """A batch output holding ``pages`` as pages with only their text (no analysis stage): fast, for grouping."""
    from types import SimpleNamespace

    from rashomon.batch.output import BatchOutput, PageResult, rows_for_page

    empty = {k: [] for k in ("blocks", "sources", "attributions", "claims", "alignments", "actors", "relations")}
    results = []
    for n, (url, day, title, body) in enumerate(pages, start=first_id):
        data = {"page": {"text": f"{title}\n\n{body}", "title": title, "url": url, "published_at": day}}
        data |= empty | {"framing": {}, "comments": [], "warnings": []}
        record = SimpleNamespace(id=f"p{n}", url=url, published_at=day, origin="test", offset=n)
        results.append(PageResult(record.id, rows_for_page(record, data)))
    BatchOutput(out, resume=True).commit(results)
    return out


def test_stories_over_written_pages_are_the_same_whole_or_in_two_runs(tmp_path: Path):
    from rashomon.batch.query import query
    from rashomon.stories import build_stories

    whole = written_output(tmp_path / "whole", STRIKE + FLOOD)
    build_stories(whole, workers=1, compare=False)
    halves = written_output(tmp_path / "halves", STRIKE[:2] + FLOOD[:1])
    build_stories(halves, workers=1, compare=False)
    written_output(halves, STRIKE[2:] + FLOOD[1:], first_id=3)
    build_stories(halves, workers=1, compare=False)
    groups = lambda out: sorted(  # noqa: E731
        sorted(ids) for _, ids in query(out, "SELECT story_id, list(site) FROM story_pages GROUP BY 1")[0]
    )
    assert (
        groups(whole)
        == groups(halves)
        == [
            ["kessa-post.invalid", "lorvik-herald.invalid", "oster-courier.invalid"],
            ["lorvik-herald.invalid", "varn-gazette.invalid"],
        ]
    )


def test_a_story_page_shows_how_each_page_joined_in_parts_a_reader_can_read(tmp_path: Path):
    """Reader fault, session 15: "join score 1.09" (a cosine plus a shared-names bonus) meant nothing to a reader.
    The page shows the cosine and the share of names apart, each in [0, 1], with the rule in the note."""
    import re

    from rashomon.batch.query import query
    from rashomon.report.stories import render_html
    from rashomon.stories import build_stories
    from rashomon.stories.grouping import NAME_BONUS
    from rashomon.stories.view import stories_view

    out = written_output(tmp_path / "out", STRIKE + FLOOD)
    build_stories(out, workers=1, compare=False)
    rows, _ = query(out, "SELECT score, similarity, names_shared, duplicate_of FROM story_pages")
    joined = [(score, sim, shared) for score, sim, shared, duplicate in rows if sim is not None]
    assert len(joined) == 3 and all(duplicate is None for *_, duplicate in rows)  # two stories, five pages
    for score, similarity, shared in joined:  # the parts are the score's
        assert 0 <= similarity <= 1 and 0 <= shared <= 1
        assert score == pytest.approx(similarity + NAME_BONUS * shared, abs=2e-4)
    page = render_html(stories_view(out))
    assert "join score" not in page and page.count("opened the story") == 2
    shown = re.findall(r"text similarity (\d\.\d\d) · names shared (\d+)%", page)
    assert len(shown) == 3 and all(float(s) <= 1 and int(n) <= 100 for s, n in shown)
    assert "reaches 0.70" in page


def test_a_story_table_written_before_the_parts_were_kept_still_reads():
    from rashomon.report.stories import how_it_joined

    assert how_it_joined({"score": 1.0, "duplicate_of": None}) == "opened the story"
    assert how_it_joined({"score": 1.09, "duplicate_of": None}).startswith("score 1.09 (text similarity + 0.2")
    assert how_it_joined({"score": 1.0, "duplicate_of": "p4"}) == "near-duplicate of p4"
    assert how_it_joined({"score": 0.9, "similarity": 0.8, "names_shared": 0.5}) == (
        "text similarity 0.80 · names shared 50%"
    )


@pytest.mark.ray
@pytest.mark.slow
def test_the_ray_engine_groups_as_the_local_engine(tmp_path: Path):
    pytest.importorskip("ray")
    from rashomon.batch.query import query
    from rashomon.stories import build_stories

    sql = "SELECT story_id, page_id FROM story_pages ORDER BY page_id"
    local = written_output(tmp_path / "local", STRIKE + FLOOD)
    on_ray = written_output(tmp_path / "ray", STRIKE + FLOOD)
    build_stories(local, workers=1, compare=False)
    build_stories(on_ray, engine="ray", workers=2, compare=False)
    assert query(local, sql)[0] == query(on_ray, sql)[0]


@pytest.mark.ray
@pytest.mark.slow
def test_the_ray_engine_splits_a_part_into_blocks_of_a_batch(tmp_path: Path):
    # one block per part kept one actor busy and the others idle: every block must hold at most a batch, in order
    ray = pytest.importorskip("ray")
    from rashomon.batch.output import committed_files
    from rashomon.stories.ray_features import page_dataset

    out = written_output(tmp_path / "out", STRIKE + FLOOD)
    files = [str(p) for p in committed_files(out, "pages")]
    assert len(files) == 1
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        blocks = [list(b["id"]) for b in page_dataset(ray, files, {"p1"}, batch=2).iter_batches(batch_size=None)]
    finally:
        ray.shutdown()
    kept = [f"p{n}" for n in range(len(STRIKE + FLOOD)) if n != 1]
    assert [i for block in blocks for i in block] == kept
    assert len(blocks) >= len(kept) // 2 and all(len(block) <= 2 for block in blocks)


def _cloud(rng, centre, count, spread):
    vectors = centre + spread * rng.standard_normal((count, centre.shape[0]))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("exact_below", [10_000, 0])  # exact neighbour search, and the inverted file
def test_topics_are_groups_of_close_stories_whatever_the_search(exact_below):
    from rashomon.stories.topics import topic_labels

    rng = np.random.default_rng(3)
    centres = rng.standard_normal((3, 64))
    vectors = np.concatenate([_cloud(rng, c, 40, 0.08) for c in centres])
    order = rng.permutation(len(vectors))
    labels = topic_labels(vectors[order], threshold=0.5, exact_below=exact_below, probes=3)
    truth = np.repeat([0, 1, 2], 40)[order]
    assert len(set(labels)) == 3
    assert all(len(set(labels[truth == t])) == 1 for t in range(3))  # each group one topic, none shared
    assert labels[0] == 0  # numbered from the first story
    lone = topic_labels(np.eye(4, dtype=np.float32), threshold=0.5, exact_below=exact_below)
    assert sorted(lone) == [0, 1, 2, 3]  # unrelated stories stay apart


def test_the_window_takes_the_nearest_days_first_and_leaves_the_rest_far():
    from rashomon.stories.grouping import DayIndex

    days = DayIndex()
    for index, day in enumerate([100, 100, 101, 99, 103, 103, 107]):
        days.add(day, index)
    near, far = days.window(100, 7)
    assert near.tolist() == list(range(7)) and not len(far)  # no cap: the whole window, ascending
    near, far = days.window(100, 7, cap=3)  # day 100 (2 entries), then 99 and 101 together (4): the cap is met
    assert near.tolist() == [0, 1, 2, 3] and sorted(far.tolist()) == [4, 5, 6]
    near, far = days.window(110, 2, cap=3)
    assert not len(near) and not len(far)


def test_a_dense_window_is_searched_through_the_cells_and_finds_the_same_story(monkeypatch):
    from rashomon.stories import grouping

    rng = np.random.default_rng(5)
    vectors = _cloud(rng, np.zeros(64), 300, 1.0)  # 300 unrelated stories over a week
    found = []
    for cap in (10_000, 20):
        monkeypatch.setattr(grouping, "WINDOW_CAP", cap)
        monkeypatch.setattr(grouping, "CELL_FIT", 64)
        monkeypatch.setattr(grouping, "CELLS", 16)
        monkeypatch.setattr(grouping, "CELL_PROBES", 4)
        grouper = StoryGrouper(threshold=0.8, name_bonus=0.0, window_days=7)
        grouper.add([PageFeatures(f"p{i}", None, 100 + i % 7, "", frozenset(), v) for i, v in enumerate(vectors)])
        assert len(grouper.stories) == 300 and grouper._centres is not None
        near = vectors[[57, 211]] + 0.05 * rng.standard_normal((2, 64)).astype(np.float32)
        near /= np.linalg.norm(near, axis=1, keepdims=True)
        pages = [PageFeatures(f"q{i}", None, 100, "", frozenset(), v) for i, v in enumerate(near)]
        compared = len(grouper._candidates(pages[0]))
        assert compared == 300 if cap > 300 else compared < 150  # past the cap, far days are thinned by the cells
        grouper.add(pages)  # both targets are on day 101: far from day 100 once its 43 stories meet the cap
        found.append((grouper.story_of["q0"], grouper.story_of["q1"], len(grouper.stories)))
    assert found[0] == found[1] == (57, 211, 300)


def test_a_state_pickled_by_an_earlier_release_still_takes_new_pages():
    import pickle
    from collections import defaultdict

    grouper = StoryGrouper(threshold=0.8, name_bonus=0.0, window_days=3)
    grouper.add([features("a", [1, 0, 0], day=100), features("b", [0, 1, 0], day=100)])
    for name in ("_days", "_cells", "_mean", "_centres", "_days_of"):  # as a grouper of the first release
        del grouper.__dict__[name]
    grouper.__dict__["_by_day"] = defaultdict(set, {100: {0, 1}})
    restored = pickle.loads(pickle.dumps(grouper))
    restored.add([features("c", [0.97, 0.1, 0], day=101), features("d", [0, 0, 1], day=101)])
    assert restored.story_of["c"] == restored.story_of["a"] and restored._days_of[0] == {100, 101}
    assert restored.story_of["d"] == 2 and len(restored.stories) == 3


def test_topics_link_the_pages_of_stories_as_scipy_links_the_pages_themselves():
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    from rashomon.stories.topics import topic_labels

    rng = np.random.default_rng(11)
    kinds = rng.standard_normal((4, 32))
    stories = [_cloud(rng, kinds[k], 1, 0.6)[0] for k in rng.integers(0, 4, 30)]
    sizes = rng.integers(1, 7, len(stories))  # stories of 1 to 6 pages, each page close to its story
    pages = [_cloud(rng, s, int(n), 0.01) for s, n in zip(stories, sizes)]
    sums = np.stack([p.sum(axis=0) for p in pages])
    ours = topic_labels(sums, sizes, threshold=0.3)
    tree = linkage(pdist(np.concatenate(pages), "cosine"), method="average")
    theirs = fcluster(tree, t=0.7, criterion="distance")[np.cumsum(sizes) - 1]  # each story's last page
    same = lambda labels: {(a, b) for a in range(30) for b in range(30) if labels[a] == labels[b]}  # noqa: E731
    assert same(ours) == same(theirs) and 1 < len(set(ours)) < 30


def _kinds_with_a_shared_part(rng, kinds: int = 40, dim: int = 64):
    """Stories of ``kinds`` kinds, two events each: every page carries a part all pages share and a lean along
    two directions that differ by story, not by kind (as names and register do), beside its kind's direction."""
    unit = lambda rows: rows / np.linalg.norm(rows, axis=-1, keepdims=True)  # noqa: E731
    common, lean = unit(rng.standard_normal(dim)), np.linalg.qr(rng.standard_normal((dim, 2)))[0].T
    kind_directions = unit(rng.standard_normal((kinds, dim)))
    pages, kind_of = [], []
    for kind in range(kinds):
        for _event in range(2):
            story_lean = 0.45 * rng.standard_normal(2) @ lean
            pages.append(
                unit(1.5 * common + 1.4 * kind_directions[kind] + story_lean + 0.1 * rng.standard_normal((3, dim)))
            )
            kind_of.append(kind)
    return pages, np.array(kind_of)


def test_topics_take_off_what_all_stories_share_and_link_the_kinds():
    from rashomon.stories.topics import topic_labels

    pages, kind = _kinds_with_a_shared_part(np.random.default_rng(0))
    sums, sizes = np.stack([p.sum(axis=0) for p in pages]), np.full(len(pages), 3)
    labels = topic_labels(sums, sizes)
    assert all(len(set(labels[kind == k])) == 1 for k in range(40))  # the two events of a kind: one topic
    assert all(len(set(kind[labels == t])) == 1 for t in set(labels))  # no topic holds two kinds
    plain = topic_labels(sums, sizes, directions=0)  # the shared part alone puts unrelated kinds together
    assert len(set(plain)) < 40


def test_the_common_part_comes_off_each_page_and_only_from_a_corpus_of_many_kinds():
    from rashomon.stories.topics import without_common

    rng = np.random.default_rng(2)
    pages, _ = _kinds_with_a_shared_part(rng)
    pages = [p[: 1 + i % 3] for i, p in enumerate(pages)]  # stories of 1 to 3 pages
    sums = np.stack([p.sum(axis=0) for p in pages]).astype(np.float64)
    taken = without_common(sums, np.array([len(p) for p in pages], dtype=np.float64), 4)
    assert taken is not None
    assert np.allclose(taken.sum(axis=0), 0.0)  # the mean came off every page, not once per story
    assert np.linalg.matrix_rank(taken) == 64 - 4  # four directions are gone from all 80 stories
    centres = rng.standard_normal((3, 64))  # three kinds span two directions: their top directions are the topics
    few = np.concatenate([_cloud(rng, c, 40, 0.08) for c in centres]).astype(np.float64)
    assert without_common(few, np.ones(len(few)), 4) is None


def _kinds_told_with_names(rng, kinds: int = 40, dim: int = 128):
    """Stories of ``kinds`` kinds, two events each, as lead vectors (each event leans along its own names) and as
    masked-lead vectors (the names gone, the kind stands out); both views share a part all pages have."""
    unit = lambda rows: rows / np.linalg.norm(rows, axis=-1, keepdims=True)  # noqa: E731
    common, kind_directions = unit(rng.standard_normal(dim)), unit(rng.standard_normal((kinds, dim)))
    leads, masked, kind_of = [], [], []
    for kind in range(kinds):
        for _event in range(2):
            names = unit(rng.standard_normal(dim))
            noise = 0.1 * rng.standard_normal((3, dim))
            leads.append(unit(1.5 * common + 1.2 * kind_directions[kind] + 1.2 * names + noise))
            masked.append(unit(1.5 * common + 1.4 * kind_directions[kind] + 0.1 * names + noise))
            kind_of.append(kind)
    sums = lambda pages: np.stack([p.sum(axis=0) for p in pages])  # noqa: E731
    return sums(leads), sums(masked), np.array(kind_of)


def test_the_masked_leads_beside_the_leads_join_the_events_of_a_kind():
    from rashomon.stories.topics import topic_labels

    leads, masked, kind = _kinds_told_with_names(np.random.default_rng(0))
    sizes = np.full(len(leads), 3)
    alone = topic_labels(leads, sizes)
    assert sum(len(set(alone[kind == k])) == 1 for k in range(40)) < 30  # the names keep many events apart
    both = topic_labels(leads, sizes, kinds=masked)
    assert all(len(set(both[kind == k])) == 1 for k in range(40))  # the two events of a kind: one topic
    assert all(len(set(kind[both == t])) == 1 for t in set(both))  # no topic holds two kinds


def test_a_story_sums_its_pages_kind_vectors_and_counts_pages_without_one_by_their_lead():
    grouper = StoryGrouper()
    first = features("a", [1.0, 0.0, 0.0])  # no kind vector, as a page of an earlier release's state
    grouper.add([first])
    assert grouper.stories[0].kinds is None
    second = features("b", [1.0, 0.1, 0.0])
    second.kind = np.array([0.0, 0.0, 1.0], dtype=np.float32)
    third = features("c", [1.0, 0.0, 0.1])
    grouper.add([second, third])
    story = grouper.stories[0]
    assert story.pages == ["a", "b", "c"]
    assert np.allclose(story.kinds, first.vector + second.kind + third.vector)


def test_fsspecs_http_filesystem_import_fails_only_as_ray_expects():
    """Ray Data's threaded file listing imports fsspec's HTTP filesystem per path; without aiohttp a thread could
    meet the module half-imported and raise an ImportError Ray does not catch (a 5,000-page output of several
    parts failed at random). Settled first, the import either works or fails as ModuleNotFoundError."""
    import sys

    from rashomon.stories.ray_features import settle_http_filesystem_import

    name = "fsspec.implementations.http"
    before = sys.modules.get(name, "absent")
    try:
        settle_http_filesystem_import()
        settled = sys.modules.get(name, "absent")  # a failed import leaves no entry, which threads then race for
        assert settled is None or hasattr(settled, "HTTPFileSystem")
        try:
            from fsspec.implementations.http import HTTPFileSystem  # noqa: F401
        except ImportError as err:
            assert isinstance(err, ModuleNotFoundError)
    finally:
        if before == "absent":
            sys.modules.pop(name, None)
