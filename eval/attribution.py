"""Attribution spans on PolNeAR (dev split), side by side with textacy's ``direct_quotations``.

Data: a PolNeAR ``data`` layout (``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``,
brat standoff with ``Source``/``Cue``/``Content`` spans), default ``../shared/data/attribution/polnear/data``.
PolNeAR has no stated license: it is used here to evaluate only; nothing is trained on it and none of its text
is kept.

Each article is cut into blocks at blank lines (first block the headline), parsed once with the project's
spaCy model, and given to both systems:

- ours: the ``attribution`` stage (``rashomon.attribution.attribute``); editorial sentences and sentences
  credited to a narrative only by position are left out, they are not attributions PolNeAR annotates. PolNeAR
  gives each token to at most one attribution, so an attribution relayed inside another's content ("A said
  that B claimed C": B's) is left out too (not one in the stretch between the two halves of a split quotation,
  '"X," said A, who claimed Y, "Z."', which is not A's words); ``--nested`` scores every attribution instead;
- anchor: ``textacy.extract.triples.direct_quotations`` on the same docs.

For source, cue and content spans: precision, recall and F1, exact (same boundaries once white space and
edge punctuation are trimmed) and overlap (any shared character). ``attribution`` counts a gold relation found
when one predicted attribution overlaps both its cue and its content. When an article has several annotators,
the first annotation file (by name) is the gold. Goals (issue 3): source F1 >= 0.80, cue F1 >= 0.85, content
overlap F1 >= 0.80, recall at least twice textacy's. The figures are printed last as one line of JSON.

Exact match compares a content's extent from its first fragment to its last, as PolNeAR marks a quotation
resumed after its cue ('"A," X said. "B."'); ours gives the resumed quotation as a cue-less ``continuation`` of
the same speaker, so it is scored as the last fragment of the attribution it follows (``--continuations-apart``:
as an attribution of its own, the scoring before issue 15's third round).

The rules are tuned by looking at dev; to see whether they carry over, score train articles too, e.g.
``--split train --limit 150``, and diagnose on train, not dev: ``--boundary-report`` classes the near-miss
content spans by the kind of boundary difference (quotation marks, "that", parenthesis, sentence break, a few or
many words) and ``--cue-report`` lists the predicted cues no gold cue overlaps, by word; ``--offset 150`` skips
the articles checked with ``--limit 150``. ``--cache /tmp/polnear-parses`` keeps the parses (DocBin per article) so that
repeated runs skip parsing (the printed parse time is then the time to read them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin
from textacy.extract.triples import direct_quotations

from rashomon import nlp as nlp_module
from rashomon.attribution import attribution_stage, quote_spans
from rashomon.model import Analysis, Block, Page
from rashomon.pipeline import ParsedBlock, StageContext

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "polnear" / "data"
SPAN_TYPES = ("Source", "Cue", "Content")
EDGE = " \t\r\n.,;:!?"


def page_of(text: str) -> Page:
    """Blocks at blank lines, offsets into ``text`` unchanged; the first block is the headline."""
    blocks = []
    for number, match in enumerate(re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, flags=re.S)):
        kind = "headline" if number == 0 else "separator" if match.group().strip() in ("* * *", "***") else "paragraph"
        blocks.append(Block(f"b{number}", kind, match.start(), match.end(), match.group()))
    return Page(text=text, blocks=blocks)


def read_gold(path: Path) -> tuple[dict[str, list[list[tuple[int, int]]]], list[dict[str, list[tuple[int, int]]]]]:
    """Spans by type (each a list of fragments) and relations (type -> fragments) from one ``.ann`` file.

    A span's text may hold a line break, so a line that does not start with an identifier and a tab
    (``T12\t``) is the tail of the previous one, not an annotation."""
    spans: dict[str, list[tuple[int, int]]] = {}
    types: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            ident, middle, *_ = line.split("\t")
            label, _, offsets = middle.partition(" ")
            types[ident] = label
            # fragments in text order: a few annotations list a later fragment first, which made the extent
            # (first fragment's start to last one's end) empty and the content unmatchable
            spans[ident] = sorted(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
    by_type = {t: [spans[i] for i in spans if types[i] == t] for t in SPAN_TYPES}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"E\d+\t", line):
            parts = line.split("\t")[1].split()
            relation = {}
            for part in parts:
                role, _, ident = part.partition(":")
                role = re.sub(r"\d+$", "", role)
                if role in SPAN_TYPES and ident in spans:
                    relation[role] = spans[ident]
            relations.append(relation)
    return by_type, relations


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class Score:
    def __init__(self):
        self.counts = {(t, m): [0, 0, 0, 0] for t in SPAN_TYPES + ("attribution",) for m in ("exact", "overlap")}

    def add(self, text: str, gold: dict, predicted: dict, gold_relations: list, predicted_relations: list) -> None:
        for span_type in SPAN_TYPES:
            g = gold[span_type]
            p = [[s] for s in sorted(set(predicted[span_type]))]
            g_exact = {trim(text, f[0][0], f[-1][1]) for f in g}
            p_exact = {trim(text, f[0][0], f[-1][1]) for f in p}
            c = self.counts[(span_type, "exact")]
            c[0] += len(p_exact & g_exact)
            c[1] += len(p_exact)
            c[2] += len(g_exact & p_exact)
            c[3] += len(g_exact)
            c = self.counts[(span_type, "overlap")]
            c[0] += sum(1 for f in p if any(overlaps(f, h) for h in g))
            c[1] += len(p)
            c[2] += sum(1 for h in g if any(overlaps(f, h) for f in p))
            c[3] += len(g)
        for mode in ("exact", "overlap"):
            c = self.counts[("attribution", mode)]
            usable = [r for r in gold_relations if "Cue" in r and "Content" in r]

            def same(rel, pred, mode=mode):
                if mode == "overlap":
                    return overlaps(rel["Cue"], [pred["Cue"]]) and overlaps(rel["Content"], [pred["Content"]])
                return trim(text, rel["Cue"][0][0], rel["Cue"][-1][1]) == trim(text, *pred["Cue"]) and trim(
                    text, rel["Content"][0][0], rel["Content"][-1][1]
                ) == trim(text, *pred["Content"])

            preds = [p for p in predicted_relations if p.get("Cue") and p.get("Content")]
            c[0] += sum(1 for p in preds if any(same(r, p) for r in usable))
            c[1] += len(preds)
            c[2] += sum(1 for r in usable if any(same(r, p) for p in preds))
            c[3] += len(usable)

    def figures(self) -> dict[str, float]:
        out = {}
        for (span_type, mode), (tp_p, n_p, tp_r, n_g) in self.counts.items():
            precision = tp_p / n_p if n_p else 0.0
            recall = tp_r / n_g if n_g else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            key = f"{span_type.lower()}_{mode}"
            out[f"{key}_p"], out[f"{key}_r"], out[f"{key}_f1"] = round(precision, 4), round(recall, 4), round(f1, 4)
        return out


QUOTES = "\"“”‘’'`"
SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+[\"“‘(]*[A-Z0-9]")


def boundary_kind(delta: str) -> str:
    """What a stretch between a predicted and a gold content edge is: quotation marks, a complementizer, a
    parenthesis, a dash, a sentence break (multi-sentence spans), or some words (how many)."""
    bare = delta.strip(" \t\r\n.,;:!?")
    if not bare:
        return "punctuation"
    if not bare.strip(QUOTES + " .,;:!?"):
        return "quote marks"
    words = re.findall(r"[\w'’]+", bare.lower())
    if words in (["that"], ["whether"], ["if"], ["to"], ["of"], ["about"], ["for"], ["on"]):
        return f"'{words[0]}'"
    if not bare.strip("()[] .,;:!?" + QUOTES):
        return "parenthesis"
    if SENTENCE_BREAK.search(delta):
        return "sentence break"
    if bare.startswith(("--", "—", "–")) or bare.endswith(("--", "—", "–")):
        return "dash"
    return "1-3 words" if len(words) <= 3 else "4+ words"


class BoundaryReport:
    """Near misses of content spans (a prediction overlaps the gold span, the edges differ), classed by side,
    direction (ours longer / shorter) and :func:`boundary_kind`, to show which boundary convention differs.
    A near miss whose overlapping prediction belongs to another cue than the gold content's (an attribution relayed
    inside another, or one whose cue we missed) is counted apart: no boundary rule can mend it (a third of them on
    train 0-449). Only counts and short cue-free labels are printed, never the corpus's text."""

    def __init__(self):
        self.kinds: dict[tuple[str, str, str], int] = {}
        self.words: dict[tuple[str, str, str], int] = {}
        self.near = self.exact = self.missed = self.other_cue = 0

    def add(self, text: str, gold: dict, gold_relations: list, relations: list) -> None:
        predicted = {trim(text, *r["Content"]): r.get("Cue") for r in relations}
        gold_cues = {
            trim(text, r["Content"][0][0], r["Content"][-1][1]): r["Cue"]
            for r in gold_relations
            if "Content" in r and "Cue" in r
        }
        for fragments in gold["Content"]:
            g = trim(text, fragments[0][0], fragments[-1][1])
            if g in predicted:
                self.exact += 1
                continue
            touching = [p for p in predicted if p[0] < g[1] and g[0] < p[1]]
            if not touching:
                self.missed += 1
                continue
            p = max(touching, key=lambda q: min(q[1], g[1]) - max(q[0], g[0]))
            if g in gold_cues and predicted[p] is not None and not overlaps(gold_cues[g], [predicted[p]]):
                self.other_cue += 1
                continue
            self.near += 1
            for side, (a, b), longer in (
                ("left", sorted((p[0], g[0])), p[0] < g[0]),
                ("right", sorted((p[1], g[1])), p[1] > g[1]),
            ):
                if a == b:
                    continue
                key = (side, "ours longer" if longer else "ours shorter", boundary_kind(text[a:b]))
                self.kinds[key] = self.kinds.get(key, 0) + 1
                edge = text[a:b].strip(" \t\r\n.,;:!?" + QUOTES).lower().split()
                if edge and key[2] in ("1-3 words", "4+ words"):
                    word = (side, key[1], edge[0] if side == "left" else edge[-1])
                    self.words[word] = self.words.get(word, 0) + 1

    def print(self, top: int = 15) -> None:
        print(
            f"content boundaries: {self.exact} exact, {self.near} near misses with the same cue, {self.other_cue} "
            f"overlapping another cue's content, {self.missed} not found"
        )
        for (side, direction, kind), count in sorted(self.kinds.items(), key=lambda kv: -kv[1]):
            print(f"  {side:<6}{direction:<14}{kind:<16}{count:>5}")
        print("  edge word of the differing stretch (words kinds):")
        for (side, direction, word), count in sorted(self.words.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {side:<6}{direction:<14}{word:<16}{count:>5}")


class CueReport:
    """Predicted cues by their words (lower-cased), with how many overlap a gold cue: the cues to constrain or
    drop are those with many predictions and a low share right."""

    def __init__(self):
        self.counts: dict[str, list[int]] = {}

    def add(self, text: str, gold: dict, predicted: dict) -> None:
        for start, end in set(predicted["Cue"]):
            key = " ".join(text[start:end].lower().split())
            right = any(overlaps([(start, end)], g) for g in gold["Cue"])
            entry = self.counts.setdefault(key, [0, 0])
            entry[0] += right
            entry[1] += 1

    def print(self, top: int = 30) -> None:
        wrong = sum(t - r for r, t in self.counts.values())
        low = sum(t - r for r, t in self.counts.values() if r / t < 0.5)
        print(
            f"false-positive cues: {wrong} of {sum(t for _, t in self.counts.values())} predicted; {low} of them in "
            "cue words right less than half the time (wrong, right/predicted, precision):"
        )
        ranked = sorted(self.counts.items(), key=lambda kv: -(kv[1][1] - kv[1][0]))
        for key, (right, total) in ranked[:top]:
            print(f"  {key:<28}{total - right:>5}  {right:>4}/{total:<5}{right / total:>6.2f}")


class MissReport:
    """Gold cues no predicted cue overlaps, grouped by the lemma of the cue's head in the parse and by its
    syntactic frame (part of speech, how it hangs on its head, passive, what it takes on its right), and whether
    one of our contents holds it (a nested cue, or our content too long). Only counts and lemmas are printed,
    never the corpus's text: the classes to write general rules for."""

    FRAME_DEPS = ("ccomp", "xcomp", "dobj", "agent", "acomp", "attr", "oprd", "prep")

    def __init__(self):
        self.lemmas: dict[str, int] = {}
        self.frames: dict[str, int] = {}
        self.missed = self.gold = 0

    def add(self, text: str, gold: dict, predicted: dict, parsed: list[ParsedBlock]) -> None:
        cues = [[c] for c in set(predicted["Cue"])]
        contents = set(predicted["Content"])
        for fragments in gold["Cue"]:
            self.gold += 1
            if any(overlaps(fragments, c) for c in cues):
                continue
            self.missed += 1
            head = self.head_of(fragments, parsed)
            inside = any(s <= fragments[0][0] and fragments[-1][1] <= e for s, e in contents)
            lemma = head.lemma_.lower() if head is not None else "(no token)"
            frame = self.frame(head) + (" [in our content]" if inside else "")
            self.lemmas[lemma] = self.lemmas.get(lemma, 0) + 1
            self.frames[frame] = self.frames.get(frame, 0) + 1

    @staticmethod
    def head_of(fragments: list[tuple[int, int]], parsed: list[ParsedBlock]):
        """The token of the cue's first fragment whose head lies outside it (the span's root), or None."""
        start, end = fragments[0]
        for item in parsed:
            tokens = [t for t in item.doc if start <= item.offset + t.idx < end]
            if tokens:
                inside = {t.i for t in tokens}
                return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
        return None

    @classmethod
    def frame(cls, head) -> str:
        """'VERB ccomp passive +xcomp': the head's part of speech, its relation, passive, its first complement."""
        if head is None:
            return "(no token)"
        deps = [c.dep_ for c in head.children]
        passive = " passive" if any(d in ("auxpass", "nsubjpass") for d in deps) else ""
        right = next((c for c in head.rights if c.dep_ in cls.FRAME_DEPS), None)
        complement = "" if right is None else f" +{right.dep_}" + (f"<{right.lower_}>" if right.dep_ == "prep" else "")
        return f"{head.pos_} {head.dep_}{passive}{complement}"

    def print(self, top: int = 30) -> None:
        print(f"missed gold cues: {self.missed} of {self.gold} (no predicted cue overlaps them)")
        print("  by lemma of the cue's head:")
        for lemma, count in sorted(self.lemmas.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {lemma:<28}{count:>5}")
        print("  by frame (part of speech, relation, passive, first complement):")
        for frame, count in sorted(self.frames.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {frame:<44}{count:>5}")


class SourceReport:
    """Gold attributions whose cue one of ours overlaps but whose source we miss (``none``: ours has no source) or
    place elsewhere (``wrong``), by the kind of the gold source: a passive's "by", after the cue, inside a
    quotation, a relative pronoun, a pronoun, an organisation, a name, a description. Only counts are printed."""

    def __init__(self):
        self.counts: dict[tuple[str, str], int] = {}
        self.found = 0

    def add(self, text: str, gold_relations: list, relations: list, parsed: list[ParsedBlock]) -> None:
        quotes = quote_spans(text)
        for gold in gold_relations:
            if "Source" not in gold or "Cue" not in gold:
                continue
            ours_ = next((r for r in relations if "Cue" in r and overlaps(gold["Cue"], [r["Cue"]])), None)
            if ours_ is None:
                continue
            if "Source" in ours_ and overlaps(gold["Source"], [ours_["Source"]]):
                self.found += 1
                continue
            key = ("none" if "Source" not in ours_ else "wrong", self.kind(text, gold, quotes, parsed))
            self.counts[key] = self.counts.get(key, 0) + 1

    @staticmethod
    def kind(text: str, gold: dict, quotes: list, parsed: list[ParsedBlock]) -> str:
        start, end = gold["Source"][0][0], gold["Source"][-1][1]
        if text[:start].rstrip().lower().endswith(" by"):
            return 'passive "by"'
        if start >= gold["Cue"][-1][1]:
            return "after the cue"
        if any(q.start < start and end <= q.end for q in quotes):
            return "inside a quotation"
        head = MissReport.head_of(gold["Source"], parsed)
        if head is None:
            return "(no token)"
        if head.tag_ in ("WDT", "WP"):
            return "relative pronoun"
        if head.pos_ == "PRON" or head.tag_ == "PRP$":
            return "pronoun"
        if head.ent_type_ in ("ORG", "NORP", "GPE"):
            return "organisation"
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
            return "name"
        return "description"

    def print(self) -> None:
        print(f"sources of found cues: {self.found} right, {sum(self.counts.values())} missed or wrong (by kind):")
        for (outcome, kind), count in sorted(self.counts.items(), key=lambda kv: -kv[1]):
            print(f"  {outcome:<6}{kind:<22}{count:>5}")


class NestedReport:
    """Gold cues inside one of our contents (no cue of ours overlaps them): is our outer cue a gold cue, and does
    its gold content stop before the inner cue (ours too long: cutting there would pay) or hold it (PolNeAR
    nests it too); and our attributions left out as relayed inside another's content, by whether their cue is a
    gold cue (emitting them would add that many right cues and the rest wrong). Only counts are printed."""

    def __init__(self):
        self.inner: dict[str, int] = {}
        self.relayed = [0, 0]  # [without a gold cue, with one]

    def add(self, gold: dict, gold_relations: list, relations: list, every: list) -> None:
        cues = [r["Cue"] for r in relations if "Cue" in r]
        for relation in gold_relations:
            cue = relation.get("Cue")
            if cue is None or any(overlaps(cue, [c]) for c in cues):
                continue
            outer = next((r for r in relations if r["Content"][0] <= cue[0][0] and cue[-1][1] <= r["Content"][1]), None)
            if outer is None:
                continue
            found = any("Cue" in r and overlaps(cue, [r["Cue"]]) for r in every)
            key = self.outer_kind(cue, outer, gold_relations) + ("; we found it nested" if found else "")
            self.inner[key] = self.inner.get(key, 0) + 1
        kept = {r.get("Cue") for r in relations}
        for r in every:
            if "Cue" in r and r["Cue"] not in kept:
                self.relayed[any(overlaps(g, [r["Cue"]]) for g in gold["Cue"])] += 1

    @staticmethod
    def outer_kind(cue: list, outer: dict, gold_relations: list) -> str:
        if "Cue" not in outer:
            return "outer has no cue"
        gold = next(
            (g for g in gold_relations if "Cue" in g and "Content" in g and overlaps(g["Cue"], [outer["Cue"]])), None
        )
        if gold is None:
            return "outer cue not gold"
        if gold["Content"][-1][1] <= cue[0][0] or cue[-1][1] <= gold["Content"][0][0]:
            return "gold outer content stops before it"
        return "gold outer content holds it"

    def print(self) -> None:
        print(f"gold cues inside one of our contents: {sum(self.inner.values())}")
        for key, count in sorted(self.inner.items(), key=lambda kv: -kv[1]):
            print(f"  {key:<56}{count:>5}")
        print(f"our attributions left out as relayed: {self.relayed[1]} with a gold cue, {self.relayed[0]} without")


def quoted(text: str) -> bool:
    """Whether a cue-less continuation is a quotation: it opens with a double mark, or with two apostrophes (the
    New York Times' archive writes ''...'' for quotation marks; PolNeAR keeps them)."""
    text = text.lstrip()
    return text[:1] in '"“”' or text.startswith("''")


def univocal(attributions: list) -> list:
    """The attributions PolNeAR's scheme can hold: it gives each token to at most one attribution, so one
    relayed inside another's content ("A said that B claimed C": B's claim) is not annotated. Drop those."""
    kept = [
        a
        for a in attributions
        if a.kind not in ("editorial", "framing") and not (a.kind == "continuation" and not quoted(a.content.text))
    ]
    contents = [(a.content.start, a.content.end, a.id, aside(a)) for a in kept]
    return [
        a
        for a in kept
        if not any(
            start <= (a.cue or a.content).start < end
            and (a.cue or a.content).end <= end
            and ident != a.id
            and not (gap[0] <= (a.cue or a.content).start < gap[1])
            for start, end, ident, gap in contents
        )
    ]


def aside(attribution) -> tuple[int, int]:
    """The stretch of a split quotation ('"A," said X, who ..., "B."') between its two halves: the speaker's own
    words are not there, so a cue in it is not relayed by the quotation."""
    if attribution.cue is None or attribution.kind not in ("direct", "mixed"):
        return (0, 0)
    text, offset = attribution.content.text, attribution.content.start
    cue = attribution.cue.start - offset
    if not 0 <= cue < len(text):
        return (0, 0)
    closing = max(text.rfind(mark, 0, cue) for mark in ('"', "”", "''"))
    openings = [at for at in (text.find(mark, attribution.cue.end - offset) for mark in ('"', "“", "''")) if at >= 0]
    if closing < 0 or not openings:
        return (0, 0)
    return offset + closing, offset + min(openings)


def ours(page: Page, parsed: list[ParsedBlock], nested: bool = False, apart: bool = False) -> tuple[dict, list]:
    analysis = Analysis(page=page)
    attribution_stage(analysis, StageContext(parsed))
    kept = [
        a
        for a in (analysis.attributions if nested else univocal(analysis.attributions))
        if a.kind not in ("editorial", "framing") and not (a.kind == "continuation" and not quoted(a.content.text))
    ]
    extents = {a.id: (a.content.start, a.content.end) for a in kept}
    if not apart:
        kept = joined_continuations(kept, extents)
    spans = {t: [] for t in SPAN_TYPES}
    relations = []
    for a in kept:
        relation = {"Content": extents[a.id]}
        spans["Content"].append(relation["Content"])
        if a.cue:
            relation["Cue"] = (a.cue.start, a.cue.end)
            spans["Cue"].append(relation["Cue"])
        if a.source:
            relation["Source"] = (a.source.start, a.source.end)
            spans["Source"].append(relation["Source"])
        relations.append(relation)
    return spans, relations


def joined_continuations(kept: list, extents: dict[str, tuple[int, int]]) -> list:
    """PolNeAR annotates '"A," X said. "B."' (and a quotation running on into the next paragraphs) as one
    attribution whose content has several fragments; ours gives the cue-less quotation as a ``continuation`` of
    the same speaker. Score them as PolNeAR does: the continuation becomes the last fragment of the attribution
    it follows directly (same source, no other attribution between), whose content then runs from its first
    fragment to its last (the extent :class:`Score` compares)."""
    out: list = []
    for a in sorted(kept, key=lambda a: a.content.start):
        previous = continued(out, a) if a.kind == "continuation" and a.cue is None else None
        if previous is not None and extents[previous.id][1] <= a.content.start:
            extents[previous.id] = (extents[previous.id][0], a.content.end)
            continue
        out.append(a)
    return out


def continued(out: list, continuation) -> object | None:
    """The quotation a cue-less ``continuation`` resumes: the last one of the same source, with only that
    source's own attributions after it ('"A," X said, adding that B. "C."': "adding" is X's too)."""
    for previous in reversed(out):
        if previous.source_id != continuation.source_id:
            return None
        if previous.kind in ("direct", "mixed", "continuation"):
            return previous
    return None


def anchor(parsed: list[ParsedBlock]) -> tuple[dict, list]:
    spans = {t: [] for t in SPAN_TYPES}
    relations = []
    for item in parsed:
        offset = item.offset
        try:
            triples = list(direct_quotations(item.doc))
        except Exception:  # textacy raises on some docs (e.g. unbalanced quotes); count them as nothing found
            continue
        for speaker, cue, content in triples:
            relation = {"Content": (offset + content.start_char, offset + content.end_char)}
            if cue:
                relation["Cue"] = (offset + min(t.idx for t in cue), offset + max(t.idx + len(t) for t in cue))
            if speaker:
                relation["Source"] = (
                    offset + min(t.idx for t in speaker),
                    offset + max(t.idx + len(t) for t in speaker),
                )
            for key, value in relation.items():
                spans[key].append(value)
            relations.append(relation)
    return spans, relations


def parse(nlp, texts: list[str], path: Path, args) -> list:
    """The docs of ``texts``, read from ``args.cache`` when a parse of this article was kept there."""
    if args.cache is None:
        return list(nlp.pipe(texts))
    kept = args.cache / args.split / (path.stem + ".spacy")
    if kept.exists():
        docs = list(DocBin().from_disk(kept).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts))
    kept.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(kept)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="PolNeAR data folder")
    parser.add_argument("--split", default="dev", help="compartment to evaluate (default: dev)")
    parser.add_argument("--limit", type=int, default=0, help="evaluate only the first N articles")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip the first N articles (e.g. diagnose on train --offset 150, check on --limit 150)",
    )
    parser.add_argument(
        "--nested",
        action="store_true",
        help="score every attribution, also those relayed inside another's content (PolNeAR "
        "annotates at most one attribution per token, so by default those are left out)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder to keep the parses in (spaCy DocBin per article), e.g. /tmp/polnear-parses; "
        "a later run reads them instead of parsing again",
    )
    parser.add_argument(
        "--boundary-report",
        action="store_true",
        help="class the near-miss content spans by the kind of boundary difference (quotation "
        "marks, 'that', parenthesis, sentence break, ...); use on train, not dev",
    )
    parser.add_argument(
        "--cue-report",
        action="store_true",
        help="list the predicted cues that overlap no gold cue, most often wrong first; use on train",
    )
    parser.add_argument(
        "--miss-report",
        action="store_true",
        help="count the gold cues no predicted cue overlaps, by lemma and syntactic frame; use on train",
    )
    parser.add_argument(
        "--source-report",
        action="store_true",
        help="count the gold attributions whose cue we find but whose source we miss or place elsewhere, by the "
        "kind of source (pronoun, name, passive 'by', inside a quotation, after the cue, ...); use on train",
    )
    parser.add_argument(
        "--nested-report",
        action="store_true",
        help="count the gold cues inside one of our contents (ours too long, or nested in PolNeAR too) and our "
        "attributions left out as relayed, by whether their cue is gold; use on train",
    )
    parser.add_argument(
        "--continuations-apart",
        action="store_true",
        help="score a cue-less quotation continuing a speaker as an attribution of its own, not as "
        "the last fragment of the attribution it continues (PolNeAR's scheme)",
    )
    args = parser.parse_args(argv)
    text_dir, ann_dir = args.data / args.split / "text", args.data / args.split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        print(f"no PolNeAR {args.split} split under {args.data}", file=sys.stderr)
        return 2
    files = sorted(text_dir.glob("*.txt"))[args.offset :][: args.limit or None]
    nlp = nlp_module.load()
    ours_score, anchor_score, report, cue_report = Score(), Score(), BoundaryReport(), CueReport()
    miss_report, source_report, nested_report = MissReport(), SourceReport(), NestedReport()
    parse_seconds = ours_seconds = 0.0
    articles = 0
    for path in files:
        annotations = sorted(ann_dir.glob(path.stem + "_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        gold, gold_relations = read_gold(annotations[0])
        page = page_of(text)
        blocks = [b for b in page.blocks if b.kind != "separator"]
        started = time.perf_counter()
        parsed = [ParsedBlock(b, d) for b, d in zip(blocks, parse(nlp, [b.text for b in blocks], path, args))]
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        predicted, relations = ours(page, parsed, args.nested, args.continuations_apart)
        ours_seconds += time.perf_counter() - started
        ours_score.add(text, gold, predicted, gold_relations, relations)
        report.add(text, gold, gold_relations, relations)
        cue_report.add(text, gold, predicted)
        if args.miss_report:
            miss_report.add(text, gold, predicted, parsed)
        if args.source_report:
            source_report.add(text, gold_relations, relations, parsed)
        if args.nested_report:
            nested_report.add(gold, gold_relations, relations, ours(page, parsed, True, args.continuations_apart)[1])
        a_spans, a_relations = anchor(parsed)
        anchor_score.add(text, gold, a_spans, gold_relations, a_relations)
        articles += 1
    o, a = ours_score.figures(), anchor_score.figures()
    print(f"PolNeAR {args.split}: {articles} articles, {sum(ours_score.counts[('Cue', 'exact')][3:4])} gold cues")
    print(f"{'span':<12}{'match':<9}{'ours P':>8}{'R':>8}{'F1':>8}   {'textacy P':>10}{'R':>8}{'F1':>8}")
    for span_type in SPAN_TYPES + ("attribution",):
        for mode in ("exact", "overlap"):
            key = f"{span_type.lower()}_{mode}"
            print(
                f"{span_type:<12}{mode:<9}{o[key + '_p']:>8.3f}{o[key + '_r']:>8.3f}{o[key + '_f1']:>8.3f}   "
                f"{a[key + '_p']:>10.3f}{a[key + '_r']:>8.3f}{a[key + '_f1']:>8.3f}"
            )
    if args.boundary_report:
        report.print()
    if args.cue_report:
        cue_report.print()
    if args.miss_report:
        miss_report.print()
    if args.source_report:
        source_report.print()
    if args.nested_report:
        nested_report.print()
    parse_note = " (read from the cache)" if args.cache else ""
    print(f"time: parse{parse_note} {parse_seconds:.1f}s, attribution stage {ours_seconds:.1f}s")
    figures = {
        "articles": articles,
        **{f"ours_{k}": v for k, v in o.items()},
        **{f"textacy_{k}": v for k, v in a.items()},
    }
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
