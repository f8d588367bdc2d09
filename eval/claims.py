"""Score the quantity normalizer against hand-written gold (``eval/data/quantities.jsonl``).

Each line: ``text`` (one sentence), ``start``/``end``/``expression`` (the quantity's span in it) and ``gold``
(value, low, high, approx, unit, noun, vague; see ``rashomon.claims.quantities`` for the convention). An item is
an exact match when the quantity found at the gold span has every gold field equal (numbers to 2 decimals).
The anchor is a plain digits regex (a number, no approximation, unit or noun), the figure a naive extractor gets.

    .venv/bin/python eval/claims.py [eval/data/quantities.jsonl] [--events eval/data/figure_events.jsonl]

``--events``: figures of casualty and disaster reporting (our own sentences, several counts to a sentence), each
with the kind of event a reader gives what it counts (``predicate_families``: casualties, injuries, missing,
rescue, departure, residence; null for none): how often ``rashomon.claims.figure_family`` gives it, beside the
anchor of the claim's one predicate for every figure of the sentence (what the comparison read before).

Prints a per-field table, the misses, and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

FIELDS = ("value", "low", "high", "approx", "unit", "noun", "vague")
REFERENCE_PAGE = Path(__file__).resolve().parents[2] / "shared" / "pages" / "aleppo-2016-11-28.txt"


def _norm(value):
    return round(value, 2) if isinstance(value, float) else value


def naive(text: str, start: int, end: int) -> dict | None:
    """Anchor: the first digits in the span, read as an exact bare number."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text[start:end])
    if not match:
        return None
    value = float(match.group().replace(",", ""))
    return {"value": value, "low": value, "high": value, "approx": "exact", "unit": None, "noun": None, "vague": False}


def page_alignment(path: Path) -> dict | None:
    """Run attribution, claims and compare on one page and print its alignments and framing sides."""
    if not path.is_file():
        print(f"(no page at {path}: page alignment skipped)")
        return None
    from rashomon.claims import source_label
    from rashomon.pipeline import analyze

    analysis = analyze(path, stage_names=("attribution", "claims", "encode", "compare"))
    claims = {c.id: c for c in analysis.claims}
    print(f"\npage {path.name}: {len(analysis.claims)} claims, {len(analysis.alignments)} alignments")
    groups = []
    for alignment in analysis.alignments:
        print(f"  [{alignment.verdict}] {alignment.topic}: {alignment.explanation}")
        sources = sorted({source_label(analysis, claims[i]) for i in alignment.claim_ids if i in claims})
        accounts = sorted({claims[i].narrative or "" for i in alignment.claim_ids if i in claims})
        groups.append(
            {
                "topic": alignment.topic,
                "verdict": alignment.verdict,
                "claims": len(alignment.claim_ids),
                "sources": len(sources),
                "accounts": len(accounts),
            }
        )
    sides = {}
    for entry in analysis.framing.values():
        lean = {row["side"]: row["count"] for row in entry["lean"]}
        sides[entry["label"]] = lean
        top = ", ".join(f"{d['term']} ({d['z']:.1f})" for d in entry["distinctive"][:8])
        print(f"  framing {entry['label']}: lexicon {lean}; distinctive: {top}")
    for warning in analysis.warnings:
        print(f"  warning {warning.code}: {warning.message}")
    return {"alignments": groups, "framing_sides": sides}


def figure_events(path: Path, nlp) -> dict | None:
    """Accuracy of each figure's event family against ``path``'s gold, ours beside the claim-predicate anchor."""
    if not path.is_file():
        print(f"(no figure events at {path}: skipped)")
        return None
    from rashomon.claims import event_predicate, figure_family, topics
    from rashomon.claims.quantities import find_quantities
    from rashomon.model import Claim

    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    family_of = topics()["family_of"]
    ours = anchor = 0
    for item, doc in zip(items, nlp.pipe(item["text"] for item in items)):
        found = [q for q in find_quantities(item["text"], doc) if q.start < item["end"] and q.end > item["start"]]
        number = next((t for t in doc if t.idx >= item["start"] and (t.like_num or t.pos_ == "NUM")), None)
        sentence = next(s for s in doc.sents if s.start_char <= item["start"] < s.end_char)
        verb = event_predicate(sentence, number, sentence.start_char, sentence.end_char)
        predicate = verb.lemma_.lower() if verb is not None else None
        claim = Claim(
            id="c", source_id="publisher", start=0, end=len(item["text"]), text=item["text"], predicate=predicate
        )
        got = figure_family(found[0], claim) if found else None
        ours += got == item["family"]
        anchor += family_of.get(predicate or "") == item["family"]
        if got != item["family"]:
            print(f"  EVENT MISS {item['expression']!r} in {item['text']!r}: ours {got}, gold {item['family']}")
    n = len(items)
    print(
        f"figure events: {n} figures; family right: ours {ours / n:.3f}   anchor (the claim's predicate) {anchor / n:.3f}"
    )
    return {"figures": n, "ours": round(ours / n, 4), "anchor_claim_predicate": round(anchor / n, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent / "data" / "quantities.jsonl"))
    parser.add_argument("--show", type=int, default=20, help="misses to print")
    parser.add_argument(
        "--events",
        default=str(Path(__file__).resolve().parent / "data" / "figure_events.jsonl"),
        help="figures with the event family a reader gives them ('' to skip)",
    )
    parser.add_argument(
        "--page", default=str(REFERENCE_PAGE), help="a page to align (default: the reference page; '' to skip)"
    )
    args = parser.parse_args(argv)
    path = Path(args.data)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    try:
        items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        for item in items:
            item["text"], item["start"], item["end"], item["gold"]  # noqa: B018 - the fields every line needs
    except (ValueError, KeyError, TypeError) as err:
        print(f"{path}: not a quantities JSONL file ({type(err).__name__}: {err})", file=sys.stderr)
        return 2

    from rashomon import nlp
    from rashomon.claims.quantities import find_quantities

    spacy_nlp = nlp.load()
    docs = spacy_nlp.pipe(item["text"] for item in items)
    exact = span_exact = anchor_exact = 0
    field_hits = dict.fromkeys(FIELDS, 0)
    misses = []
    for item, doc in zip(items, docs):
        gold = {k: _norm(v) for k, v in item["gold"].items()}
        found = [q for q in find_quantities(item["text"], doc) if q.start < item["end"] and q.end > item["start"]]
        pred = {f: _norm(getattr(found[0], f)) for f in FIELDS} if found else None
        base = naive(item["text"], item["start"], item["end"])
        anchor_exact += base is not None and all(_norm(base[f]) == gold[f] for f in FIELDS)
        if pred is None:
            misses.append((item["text"], item["expression"], "nothing found", gold))
            continue
        for f in FIELDS:
            field_hits[f] += pred[f] == gold[f]
        if all(pred[f] == gold[f] for f in FIELDS):
            exact += 1
            span_exact += found[0].text == item["expression"]
        else:
            diff = {f: (pred[f], gold[f]) for f in FIELDS if pred[f] != gold[f]}
            misses.append((item["text"], item["expression"], f"found {found[0].text!r}", diff))
    n = len(items)
    print(f"quantity expressions: {n}")
    print(f"{'field':8} {'accuracy':>8}")
    for f in FIELDS:
        print(f"{f:8} {field_hits[f] / n:8.3f}")
    print(
        f"exact match (all fields): ours {exact / n:.3f}   anchor (bare digits regex) {anchor_exact / n:.3f}   goal 0.95"
    )
    print(f"exact match and identical span text: {span_exact / n:.3f}")
    for text, expr, what, diff in misses[: args.show]:
        print(f"  MISS {expr!r} in {text!r}: {what}; (ours, gold) {diff}")
    events = figure_events(Path(args.events), spacy_nlp) if args.events else None
    page_figures = page_alignment(Path(args.page)) if args.page else None
    print(
        json.dumps(
            {
                "items": n,
                "exact_match": round(exact / n, 4),
                "anchor_exact_match": round(anchor_exact / n, 4),
                "span_exact": round(span_exact / n, 4),
                "fields": {f: round(field_hits[f] / n, 4) for f in FIELDS},
                "figure_events": events,
                "page": page_figures,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
