"""Grouping pages into stories: B-cubed F1 on BASIL (150 articles -> 50 events) and ECB+ (events and topics).

    PYTHONPATH=src python eval/stories.py [--basil DIR] [--ecb DIR] [--seeds 3] [--cache DIR]

Each document goes through the product's own features (title and lead for the encoder, names from the title and
lead, the date, a MinHash of the text) and the product's :class:`StoryGrouper` with its shipped thresholds, in a
shuffled order (the grouper is greedy; figures are the mean over ``--seeds`` orders). The names come from the
text alone here (a batch also adds the actors stage's names). ECB+ documents have no date, so its grouping runs
without the date window. Anchor: TF-IDF of the same title and lead through the same grouper (no name bonus),
at the best threshold of a grid on the same data (an advantage the anchor gets and we do not). Topics: ECB+
topics are pairs of events of the same kind; the product's topic level (stories grouped by centroid) is scored.
Development data only (BASIL 2010-2014, ECB+); no text of them is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np

from rashomon.stories.grouping import (
    PageFeatures,
    StoryGrouper,
    day_of,
    lead_text,
    names_in,
    signature,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOALS = {"basil_events": 0.95, "ecb_events": 0.85, "ecb_topics": 0.95}


def bcubed_f1(predicted: list, gold: list) -> float:
    clusters, classes = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold)):
        clusters[p].add(i)
        classes[g].add(i)
    precision = recall = 0.0
    for i in range(len(gold)):
        shared = len(clusters[predicted[i]] & classes[gold[i]])
        precision += shared / len(clusters[predicted[i]])
        recall += shared / len(classes[gold[i]])
    precision, recall = precision / len(gold), recall / len(gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_basil(folder: Path) -> list[dict]:
    docs = []
    for path in sorted((folder / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = " ".join(s for paragraph in data.get("body-paragraphs", []) for s in paragraph)
        docs.append(
            {"id": path.stem, "title": data.get("title") or "", "text": text, "date": data.get("date"),
             "site": str(data.get("source", "")).lower(), "gold": data["triplet-uuid"], "topic": data["triplet-uuid"]}
        )
    return docs


def load_ecb(folder: Path) -> list[dict]:
    docs = []
    for path in sorted((folder / "ECB+").glob("*/*.xml")):
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in ET.parse(path).getroot().iter("token"):
            sentences[int(token.get("sentence"))].append(token.text or "")
        plus = path.name.endswith("ecbplus.xml")
        keys = sorted(sentences)
        if plus and keys and keys[0] == 0:  # sentence 0 of an ecbplus document is its URL
            keys = keys[1:]
        lines = [" ".join(sentences[k]) for k in keys]
        topic = path.parent.name
        docs.append(
            {"id": path.stem, "title": lines[0] if lines else "", "text": " ".join(lines[1:]), "date": None,
             "site": None, "gold": f"{topic}{'+' if plus else ''}", "topic": topic}
        )
    return docs


def embed(docs: list[dict], cache: Path | None, name: str) -> np.ndarray:
    leads = [lead_text(d["title"], d["text"]) for d in docs]
    key = hashlib.sha1("\n".join(leads).encode()).hexdigest()[:12]
    path = cache / f"{name}-{key}.npy" if cache else None
    if path is not None and path.exists():
        return np.load(path)
    from rashomon import encoder

    vectors = encoder.load().embed(leads)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def features(docs: list[dict], vectors: np.ndarray) -> list[PageFeatures]:
    return [
        PageFeatures(
            id=d["id"], site=d["site"], day=day_of(d["date"]), title=d["title"],
            names=names_in(lead_text(d["title"], d["text"])), vector=v.astype(np.float32),
            signature=signature(d["text"]),
        )
        for d, v in zip(docs, vectors)
    ]


def group(pages: list[PageFeatures], seed: int, **grouper_options) -> tuple[dict[str, str], dict[str, str]]:
    order = list(range(len(pages)))
    random.Random(seed).shuffle(order)
    grouper = StoryGrouper(**grouper_options)
    grouper.add([pages[i] for i in order])
    grouper.assign_topics()
    story = {p: grouper.stories[i].id for p, i in grouper.story_of.items()}
    topic = {p: grouper.stories[i].topic for p, i in grouper.story_of.items()}
    return story, topic


def tfidf_vectors(docs: list[dict]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [lead_text(d["title"], d["text"]) for d in docs]
    )
    return matrix.toarray().astype(np.float32)


def score(docs, pages, seeds, **options) -> tuple[float, float]:
    events, topics = [], []
    for seed in range(seeds):
        story, topic = group(pages, seed, **options)
        events.append(bcubed_f1([story[d["id"]] for d in docs], [d["gold"] for d in docs]))
        topics.append(bcubed_f1([topic[d["id"]] for d in docs], [d["topic"] for d in docs]))
    return float(np.mean(events)), float(np.mean(topics))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--basil", type=Path, default=SHARED / "data" / "compare" / "basil-dev")
    parser.add_argument("--ecb", type=Path, default=SHARED / "data" / "events" / "ecb_plus")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None, help="Keep the encoder vectors here between runs.")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    for name, docs in (("basil", load_basil(args.basil)), ("ecb", load_ecb(args.ecb))):
        vectors = embed(docs, args.cache, name)
        ours_events, ours_topics = score(docs, features(docs, vectors), args.seeds)
        tfidf = tfidf_vectors(docs)
        anchor = max(
            (score(docs, features(docs, tfidf), args.seeds, threshold=t, name_bonus=0.0) + (t,)
             for t in (0.2, 0.3, 0.4, 0.5, 0.6)),
            key=lambda r: r[0],
        )
        figures[f"{name}_events"] = round(ours_events, 3)
        figures[f"{name}_events_anchor"] = round(anchor[0], 3)
        print(f"{name}: {len(docs)} documents, {len({d['gold'] for d in docs})} events")
        print(f"  events B-cubed F1: ours {ours_events:.3f} | TF-IDF anchor {anchor[0]:.3f} (best threshold {anchor[2]})")
        if name == "ecb":
            figures["ecb_topics"] = round(ours_topics, 3)
            figures["ecb_topics_anchor"] = round(anchor[1], 3)
            pages = features(docs, vectors)
            from_events = []
            for seed in range(args.seeds):
                story = group(pages, seed)[0]
                from_events.append(bcubed_f1([story[d["id"]] for d in docs], [d["topic"] for d in docs]))
            figures["ecb_topics_from_events"] = round(float(np.mean(from_events)), 3)
            print(f"  topics B-cubed F1: ours {ours_topics:.3f} (events alone: {figures['ecb_topics_from_events']:.3f})"
                  f" | TF-IDF anchor {anchor[1]:.3f}")
    for key, goal in GOALS.items():
        print(f"goal {key} >= {goal}: {'met' if figures[key] >= goal else 'missed'} ({figures[key]:.3f})")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
