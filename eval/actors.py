"""Score the actors stage: actor F1 and relation F1 on a gold set of sentences, and a check on a real page.

Gold format (JSON lines, one sentence each)::

    {"id": "g01", "style": "wire", "text": "...",
     "actors": [{"name": "...", "type": "...", "aliases": ["surface forms"], "side": null}],
     "relations": [{"subject": "<gold actor name>", "type": "backs", "object": "<gold actor name>"}],
     "denied": [ ...relations the sentence denies, same shape... ]}

A predicted actor matches a gold actor when one of its names, aliases or mention texts is the gold name or
one of the gold aliases (case-insensitive, without "the"); matching is one to one. A predicted relation
matches when its type, both actors and its polarity (denied or not) match. The anchor is a plain baseline:
spaCy ORG/PERSON/GPE/NORP entities as actors, and a relation wherever a cue verb of the same lexicon stands
between two entities of one sentence.

The optional reference page (``--page``) is run through attribution + actors and checked against the list
of actors and relations the issue asks for; it is skipped when the file is absent.

Usage: ``.venv/bin/python eval/actors.py [--gold FILE] [--page FILE]``; the last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(REPO / "src"))

from rashomon import nlp as nlp_module  # noqa: E402
from rashomon.actors import actors_stage, load_gazetteer  # noqa: E402
from rashomon.model import Analysis, Block, Page  # noqa: E402
from rashomon.pipeline import ParsedBlock, StageContext  # noqa: E402

#: What the issue asks to find on the reference page: actor ids, and (subject, type, object) relations.
PAGE_ACTORS = [
    "syrian_army",
    "bashar_al_assad",
    "russia",
    "iran",
    "hezbollah",
    "syrian_rebels",
    "nour_al_din_al_zinki",
    "jabha_shamiya",
    "turkey",
    "saudi_arabia",
    "qatar",
    "united_states",
    "ypg",
    "al_nusra_front",
    "islamic_state",
]
PAGE_SIDES = {
    "syrian_army": "Syrian government",
    "bashar_al_assad": "Syrian government",
    "russia": "Syrian government",
    "iran": "Syrian government",
    "hezbollah": "Syrian government",
    "syrian_rebels": "Syrian opposition",
    "turkey": "Syrian opposition",
    "saudi_arabia": "Syrian opposition",
    "qatar": "Syrian opposition",
}
PAGE_RELATIONS = [
    ("united_states", "backs", "ypg"),
    ("united_states", "backs", "syrian_rebels"),
    ("syrian_rebels", "allied_with", "islamic_state"),
    ("syrian_rebels", "hands_over_to", "ypg"),
    ("bashar_al_assad", "allied_with", "russia"),
    ("bashar_al_assad", "allied_with", "iran"),
    ("turkey", "supports", "syrian_rebels"),
    ("saudi_arabia", "supports", "syrian_rebels"),
    ("qatar", "supports", "syrian_rebels"),
    ("syrian_army", "captures_from", "syrian_rebels"),
    ("syrian_army", "attacks", "al_nusra_front"),
]


def norm(text: str) -> str:
    text = " ".join(text.lower().split())
    return text[4:] if text.startswith("the ") else text


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_actors(pred: list[tuple[str, set[str]]], gold: list[dict]) -> dict[str, str]:
    """pred id -> gold name, one to one."""
    out, used = {}, set()
    for pred_id, names in pred:
        for g in gold:
            if g["name"] in used:
                continue
            if names & {norm(g["name"]), *map(norm, g.get("aliases", []))}:
                out[pred_id] = g["name"]
                used.add(g["name"])
                break
    return out


def score_sentence(pred_actors, pred_relations, item) -> dict[str, int]:
    mapping = match_actors(pred_actors, item["actors"])
    gold_rel = {(r["subject"], r["type"], r["object"], False) for r in item["relations"]}
    gold_rel |= {(r["subject"], r["type"], r["object"], True) for r in item.get("denied", [])}
    pred_rel = {(mapping.get(s, "?" + s), t, mapping.get(o, "?" + o), denied) for s, t, o, denied in pred_relations}
    return {
        "actor_tp": len(mapping),
        "actor_pred": len(pred_actors),
        "actor_gold": len(item["actors"]),
        "rel_tp": len(pred_rel & gold_rel),
        "rel_pred": len(pred_rel),
        "rel_gold": len(gold_rel),
    }


def ours(item, doc, gaz):
    text = item["text"]
    page = Page(text=text, blocks=[Block("b1", "paragraph", 0, len(text), text)])
    analysis = Analysis(page=page)
    actors_stage(analysis, StageContext([ParsedBlock(page.blocks[0], doc)]), gazetteer=gaz)
    actors = [
        (a.id, {norm(a.name), *map(norm, a.aliases), *(norm(m.text) for m in a.mentions)}) for a in analysis.actors
    ]
    relations = [(r.subject, r.type, r.object, r.polarity == "denied") for r in analysis.relations]
    return actors, relations, analysis


def anchor(doc, gaz):
    ents = [e for e in doc.ents if e.label_ in ("ORG", "PERSON", "GPE", "NORP")]
    actors = [(f"e{e.start}", {norm(e.text)}) for e in ents]
    verbs = gaz.relation_cues["verbs"]
    relations = []
    for left, right in zip(ents, ents[1:]):
        if left.sent != right.sent:
            continue
        for tok in doc[left.end : right.start]:
            cue = verbs.get(tok.lemma_.lower())
            if cue and cue.get("type"):
                relations.append((f"e{left.start}", cue["type"], f"e{right.start}", False))
                break
    return actors, relations


def evaluate_gold(path: Path, verbose: bool) -> dict:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = nlp_module.load()
    gaz = load_gazetteer()
    docs = list(nlp.pipe(item["text"] for item in items))
    totals = {"ours": {}, "anchor": {}}
    type_hits = type_total = 0
    for item, doc in zip(items, docs):
        pred_actors, pred_relations, analysis = ours(item, doc, gaz)
        for name, counts in (
            ("ours", score_sentence(pred_actors, pred_relations, item)),
            ("anchor", score_sentence(*anchor(doc, gaz), item)),
        ):
            for key, value in counts.items():
                totals[name][key] = totals[name].get(key, 0) + value
        mapping = match_actors(pred_actors, item["actors"])
        gold_types = {g["name"]: g["type"] for g in item["actors"]}
        for actor in analysis.actors:
            if actor.id in mapping:
                type_total += 1
                type_hits += actor.type == gold_types[mapping[actor.id]]
        if verbose:
            print(item["id"], item["text"])
            print("   actors:", [(a.name, a.type) for a in analysis.actors])
            print("   relations:", [(r.subject, r.type, r.object, r.polarity) for r in analysis.relations])
    figures = {}
    for name, t in totals.items():
        ap, ar, af = f1(t["actor_tp"], t["actor_pred"], t["actor_gold"])
        rp, rr, rf = f1(t["rel_tp"], t["rel_pred"], t["rel_gold"])
        figures[name] = {
            "actor_p": ap,
            "actor_r": ar,
            "actor_f1": af,
            "relation_p": rp,
            "relation_r": rr,
            "relation_f1": rf,
        }
    figures["ours"]["type_accuracy"] = type_hits / type_total if type_total else 0.0
    figures["sentences"] = len(items)
    return figures


def evaluate_page(path: Path) -> dict | None:
    if not path.is_file():
        print(f"reference page {path} not found: page check skipped")
        return None
    from rashomon.pipeline import analyze

    analysis = analyze(path, stage_names=("attribution", "actors"))
    by_id = {a.id: a for a in analysis.actors}
    found = [a for a in PAGE_ACTORS if a in by_id]
    sides = [a for a, side in PAGE_SIDES.items() if a in by_id and by_id[a].side == side]
    relations = {(r.subject, r.type, r.object): r for r in analysis.relations}
    hit = [r for r in PAGE_RELATIONS if r in relations]
    print(f"\nreference page {path.name}: {len(analysis.actors)} actors, {len(analysis.relations)} relations")
    print(f"  required actors found {len(found)}/{len(PAGE_ACTORS)}; missing: {sorted(set(PAGE_ACTORS) - set(found))}")
    print(f"  sides right {len(sides)}/{len(PAGE_SIDES)}; wrong or missing: {sorted(set(PAGE_SIDES) - set(sides))}")
    print(
        f"  required relations found {len(hit)}/{len(PAGE_RELATIONS)}; missing: {sorted(set(PAGE_RELATIONS) - set(hit))}"
    )
    for key in hit:
        r = relations[key]
        print(
            f"    {r.subject} {r.type} {r.object}  asserted by {r.asserted_by} ({r.polarity}): {r.evidence.text[:70]!r}"
        )
    return {
        "page_actors_found": len(found),
        "page_actors_required": len(PAGE_ACTORS),
        "page_sides_right": len(sides),
        "page_sides_required": len(PAGE_SIDES),
        "page_relations_found": len(hit),
        "page_relations_required": len(PAGE_RELATIONS),
        "page_relations_total": len(analysis.relations),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--gold",
        type=Path,
        nargs="+",
        default=[REPO / "eval" / "data" / "actors_gold.jsonl", REPO / "eval" / "data" / "actors_heldout.jsonl"],
        help="gold files; each is scored on its own (the first is the development set)",
    )
    parser.add_argument("--page", type=Path, default=SHARED / "pages" / "aleppo-2016-11-28.txt")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every sentence's output")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.gold if not p.is_file()]
    if missing:
        print(f"gold file not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    result: dict[str, float | int] = {}
    for gold in args.gold:
        figures = evaluate_gold(gold, args.verbose)
        o, a = figures["ours"], figures["anchor"]
        print(f"\ngold set {gold.name}: {figures['sentences']} sentences")
        print(f"{'':22}{'ours':>8}{'anchor':>8}   goal")
        for key, goal in (
            ("actor_p", ""),
            ("actor_r", ""),
            ("actor_f1", ">= 0.80"),
            ("relation_p", ""),
            ("relation_r", ""),
            ("relation_f1", ">= 0.60"),
        ):
            print(f"  {key:20}{o[key]:8.3f}{a[key]:8.3f}   {goal}")
        print(f"  type accuracy (matched actors) {o['type_accuracy']:.3f}")
        prefix = gold.stem.replace("actors_", "")
        result.update(
            {
                f"{prefix}_sentences": figures["sentences"],
                **{f"{prefix}_ours_{k}": round(v, 4) for k, v in o.items()},
                **{f"{prefix}_anchor_{k}": round(v, 4) for k, v in a.items()},
            }
        )
    page = evaluate_page(args.page)
    result.update(page or {})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
