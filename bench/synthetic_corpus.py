"""Generate a synthetic news corpus for benchmarks: invented events, outlets, people and reader comments.

Pages look like real text dumps (a headline, attributed paragraphs with numbers, then a WordPress-style
comment section) at the sizes of real pages (~1k or ~4k words, 10-200 comments), so the analysis does the
work it does on real pages. Everything here is invented; nothing is copied from any data set.

    .venv/bin/python bench/synthetic_corpus.py /tmp/corpus --pages 100 --words 4000 --format jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

OUTLETS = ["lorvik-herald.invalid", "kessa-post.invalid", "oster-courier.invalid", "varn-gazette.invalid"]
PLACES = ["Lorvik", "Kessa island", "the Oster canal", "the Varn valley", "Port Sarn", "Halden", "the Brask hills"]
GROUPS = ["the Dockworkers' Union", "the Port Board", "the Canal Authority", "the Northern Freight Company",
          "the Varn Farmers' League", "the city council of Halden", "the Coastal Guard", "the Brask Relief Fund"]
PEOPLE = [("Ilse Karvonen", "the mayor of Lorvik"), ("Tomas Reyl", "a spokesman for the Port Board"),
          ("Mira Okafor", "the union's regional secretary"), ("Anders Pell", "a freight analyst"),
          ("Sunniva Holt", "the head of the Canal Authority"), ("Joaquim Varga", "a skipper from Kessa")]
CUES = ["said", "told reporters", "said in a statement", "claimed", "warned", "insisted", "added"]
EVENTS = ["the strike", "the lock closure", "the flood repairs", "the fuel shortage", "the ferry stoppage",
          "the harbour talks", "the grain embargo"]
NOUNS = ["workers", "barges", "families", "ships", "tonnes of grain", "residents", "trucks"]
HEDGES = ["at least", "more than", "about", "nearly", "up to", ""]
FRAMES = ["a reckless gamble", "a long-overdue step", "a cynical ploy", "a fair compromise", "an outright disaster"]
COMMENT_LINES = [
    "This is exactly what {group} promised last year, and nothing changed.",
    "Does anyone believe the figure of {n} {noun}? I counted fewer at the quay myself.",
    "Actually the report said {n2}, not {n}. Check the council minutes before posting.",
    "Oh great, another brilliant plan from {group}. Wonderful.",
    "My family lives near {place} and the situation is far worse than this article says.",
    "Thank you for covering this, nobody else reports on {event}.",
    "{person} has been saying the same thing for months; time to listen.",
    "Why is {group} never asked to explain themselves?",
]
COMMENTERS = ["harbour_watch", "Greta L.", "oldskipper", "Tamsin Greer", "Odd Varga", "canalrat", "M. Fenn",
              "northwind", "Pia from Halden", "quietreader"]


def sentence(rng: random.Random) -> str:
    person, role = rng.choice(PEOPLE)
    group, other = rng.sample(GROUPS, 2)
    n = rng.randrange(3, 5000)
    forms = [
        f"{person}, {role}, {rng.choice(CUES)} that {rng.choice(HEDGES)} {n} {rng.choice(NOUNS)} were affected by "
        f"{rng.choice(EVENTS)} in {rng.choice(PLACES)}.",
        f"According to {group}, {rng.choice(EVENTS)} has cost {rng.choice(PLACES)} {n} {rng.choice(NOUNS)} so far.",
        f"\"We will not accept this,\" {person} {rng.choice(CUES)}, calling the decision {rng.choice(FRAMES)}.",
        f"{group} accused {other} of delaying {rng.choice(EVENTS)}, a charge {other} denied.",
        f"{other} backed the plan, which critics called {rng.choice(FRAMES)}.",
        f"Officials in {rng.choice(PLACES)} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that talks with "
        f"{group} would resume next week.",
    ]
    chosen = rng.choice(forms)
    return chosen[0].upper() + chosen[1:]


def comment_text(rng: random.Random) -> str:
    person, _ = rng.choice(PEOPLE)
    n = rng.randrange(3, 900)
    return " ".join(line.format(group=rng.choice(GROUPS), n=n, n2=n + rng.randrange(1, 50), noun=rng.choice(NOUNS),
                                place=rng.choice(PLACES), event=rng.choice(EVENTS), person=person)
                    for line in rng.sample(COMMENT_LINES, rng.randrange(1, 3)))


def make_page(rng: random.Random, words: int, comments: int, published: date) -> str:
    headline = f"{rng.choice(EVENTS).removeprefix('the ').capitalize()} deepens in {rng.choice(PLACES)}"
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randrange(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    lines = [headline, "", *(p + "\n" for p in paragraphs), f"{comments} Comments", ""]
    when = datetime(published.year, published.month, published.day, 6)
    for _ in range(comments):
        when += timedelta(minutes=rng.randrange(1, 40))
        lines += [f"{rng.choice(COMMENTERS)} says:", f"{when:%B} {when.day}, {when:%Y} at {when:%I:%M} "
                  f"{'am' if when.hour < 12 else 'pm'}", comment_text(rng), "Reply", ""]
    return "\n".join(lines)


def generate(out_dir: Path, pages: int, words: int, min_comments: int = 10, max_comments: int = 200,
             seed: int = 8, fmt: str = "jsonl") -> list[Path]:
    """Write ``pages`` pages of about ``words`` words; returns the files written."""
    rng = random.Random(seed * 100_003 + words)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = date(2026, 1, 1)
    written: list[Path] = []
    handle = None
    if fmt == "jsonl":
        path = out_dir / f"synthetic-{words}w-{pages}p.jsonl"
        handle = open(path, "w", encoding="utf-8")
        written.append(path)
    try:
        for number in range(pages):
            published = start + timedelta(days=rng.randrange(0, 365))
            text = make_page(rng, words, rng.randint(min_comments, max_comments), published)
            outlet = rng.choice(OUTLETS)
            if handle is not None:
                handle.write(json.dumps({"url": f"https://{outlet}/{words}w/{number}",
                                         "published_at": published.isoformat(), "text": text}) + "\n")
            else:
                path = out_dir / f"{words}w-{number:06d}.txt"
                path.write_text(text, encoding="utf-8")
                written.append(path)
    finally:
        if handle is not None:
            handle.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--words", type=int, default=4000)
    parser.add_argument("--min-comments", type=int, default=10)
    parser.add_argument("--max-comments", type=int, default=200)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--format", choices=["jsonl", "folder"], default="jsonl")
    args = parser.parse_args()
    files = generate(args.out_dir, args.pages, args.words, args.min_comments, args.max_comments, args.seed, args.format)
    print(f"wrote {args.pages} pages of ~{args.words} words into {len(files)} file(s) under {args.out_dir}")


if __name__ == "__main__":
    main()
