"""Score loaded language against BASIL-dev lexical bias and the Propaganda Techniques Corpus; Fightin' Words
against BASIL lexical bias.

1. **BASIL-dev** (Fan et al. 2019; ``compare/basil-dev``): the 150 articles read a paragraph at a time, as the
   product reads a page's blocks (so a quotation running over several sentences is seen whole), scored per body
   sentence against its lexical-bias spans: partial-overlap span F1 (below) and sentence F1 (a sentence with
   any predicted span against a sentence with any gold span). First a precision/recall table over flag
   thresholds on the tuning years 2010-2012, where the shipped threshold was chosen, and the same on 2013-2014,
   never tuned on; then every system on all years, 2010-2012 and 2013-2014 apart.
2. **PTC** (SemEval-2020 Task 11): ``Loaded_Language`` and ``Name_Calling,Labeling`` spans merged into one class
   (our spans do not tell the two apart), partial-overlap span F1 per article, as the task scores it: with S
   the predicted and T the gold spans, C(s, t, h) = |s ∩ t| / h;
   P = 1/|S| sum_s sum_t C(s, t, |s|), R = 1/|T| sum_t sum_s C(s, t, |t|). The same thresholds, then the
   systems.
3. **Fightin' Words on BASIL**: each triplet's three articles are one page's accounts
   (``framing.framing_for``); each outlet's top-10 words against the other two, and the share of the uses shown
   with them that fall inside lexical-bias spans, against the share of all words that do (chance). The share
   over every occurrence of those words is printed beside it.

Our flags are those the product makes (``framing.loaded_language``): the words whose score (the head's, with the
insult score of the comments' abuse head weighed in: ``framing.LOADED_INSULT_WEIGHT``) reaches the threshold (each
grown over the neighbouring words it scores ``framing.LOADED_GROW_SCORE`` or more), scare quotes and side-taking
reporting verbs; ``ours_no_verbs`` leaves the verbs out (the flags before issue 14's third
round), and a table scores each kind of flag alone at the shipped threshold: the precision each kind carries as
its ``confidence`` (``framing.LOADED_CONFIDENCE``).

Anchors, same scoring: the old conflict/VADER lexicon (``framing.loaded_spans``) and a bias word list, MBIC's
``bised_words_lexicon.xlsx`` (read from ``--mbic`` when present). Neither BASIL nor PTC trains anything shipped;
the encoder reads each BASIL sentence once for all three measures.

    .venv/bin/python eval/framing.py [--basil DIR] [--ptc DIR] [--mbic DIR] [--head FILE] [--insult-weight W]
        [--loaded-encoder FILE.onnx] [--blend W ...] [--thresholds T ...]

``--head FILE`` scores a candidate loaded-language head (a ``.npz`` in the ``rashomon.heads`` format) wherever the
product would read ``framing-loaded``, so a retrained head is judged by the same tables before it replaces the
shipped file; its scores are combined with the insult score as the product's are, at ``framing.LOADED_THRESHOLD``.
``--insult-weight 0`` scores the head alone at its own threshold (the flags before session 14), e.g. a candidate
head with ``--head FILE --insult-weight 0``. ``--loaded-encoder FILE.onnx`` (with ``--head``) makes the head read
that encoder's token vectors instead of the shared encoder's, as a second encoder pass over every sentence (the
fine-tuned encoder of ``eval/framing_finetune.py``; the tokenizer is the shipped one); the insult weight is then 0
(the insult head reads the shared encoder's vectors); ``--blend W ...`` then scores each word by the candidate and
the product together (logits weighted ``W`` and ``1 - W``; ``0`` gives the product's figures): the threshold tables
for each weight, the rest for the first (Fightin' Words reads the candidate alone).
``--thresholds`` replaces the threshold grid of the tables.

Prints the figures beside the anchors' and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TUNE_YEARS = ("2010", "2011", "2012")
#: The kinds of loaded-language flag (``framing.loaded_language``), each scored alone; ``BEFORE``: those of the
#: product before issue 14's third round added the side-taking verbs.
KINDS = ("model", "scare_quote", "verb")
BEFORE = ("model", "scare_quote")


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """(sum over s of overlap/|s|, sum over t of overlap/|t|) for one document."""
    p_sum = r_sum = 0.0
    for s0, s1 in pred:
        for t0, t1 in gold:
            inter = min(s1, t1) - max(s0, t0)
            if inter > 0:
                p_sum += inter / (s1 - s0)
                r_sum += inter / (t1 - t0)
    return p_sum, r_sum


def span_prf(pred_docs: list[list[tuple[int, int]]], gold_docs: list[list[tuple[int, int]]]) -> dict:
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for pred, gold in zip(pred_docs, gold_docs, strict=True):
        pred, gold = merge(pred), merge(gold)
        ps, rs = overlap_sums(pred, gold)
        p_sum, r_sum, n_pred, n_gold = p_sum + ps, r_sum + rs, n_pred + len(pred), n_gold + len(gold)
    return _prf(p_sum / n_pred if n_pred else 0.0, r_sum / n_gold if n_gold else 0.0, n_pred, n_gold)


def sentence_prf(pred_docs, gold_docs) -> dict:
    tp = sum(1 for p, g in zip(pred_docs, gold_docs, strict=True) if p and g)
    n_pred, n_gold = sum(1 for p in pred_docs if p), sum(1 for g in gold_docs if g)
    return _prf(tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0, n_pred, n_gold)


def _prf(precision: float, recall: float, n_pred: int, n_gold: int) -> dict:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": n_pred,
        "gold": n_gold,
    }


# --- data ------------------------------------------------------------------------------------------------


def read_basil(folder: Path) -> list[dict]:
    """Articles: ``year``, ``triplet``, ``outlet``, ``sentences``, ``paragraphs`` (sentences in each),
    ``gold`` (lexical spans per sentence), ``quoted`` (those of them BASIL marks as inside a quotation)."""
    articles = []
    for ann_path in sorted((folder / "annotations").rglob("*_ann.json")):
        art_path = folder / "articles" / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        article, ann = json.loads(art_path.read_text("utf-8")), json.loads(ann_path.read_text("utf-8"))
        sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
        gold: list[list[tuple[int, int]]] = [[] for _ in sentences]
        quoted: list[list[tuple[int, int]]] = [[] for _ in sentences]
        for phrase in ann["phrase-level-annotations"]:
            if phrase["bias"] == "lex" and phrase["id"] != "title":
                gold[int(phrase["id"][1:])].append((phrase["start"], phrase["end"]))
                if phrase.get("quote") == "yes":
                    quoted[int(phrase["id"][1:])].append((phrase["start"], phrase["end"]))
        articles.append(
            {
                "year": ann_path.parent.name,
                "triplet": article["triplet-uuid"],
                "outlet": article["source"].lower(),
                "sentences": sentences,
                "paragraphs": [len(paragraph) for paragraph in article["body-paragraphs"]],
                "gold": gold,
                "quoted": quoted,
            }
        )
    return articles


def read_ptc(folder: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in (folder / "train-task2-TC.labels").read_text("utf-8").splitlines():
        article, technique, start, end = line.split("\t")
        if technique in TECHNIQUES:
            gold[article].append((int(start), int(end)))
    return [
        (path.read_text("utf-8"), gold.get(path.stem.removeprefix("article"), []))
        for path in sorted(folder.glob("train-articles/article*.txt"))
    ]


def word_list_spans(words: set[str]):
    def spans(text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in re.finditer(r"[A-Za-z]+(?:[-'][A-Za-z]+)*", text)
            if m.group().lower() in words
        ]

    return spans


def mbic_word_list(folder: Path) -> set[str]:
    import pandas as pd

    frame = pd.read_excel(folder / "bised_words_lexicon.xlsx", header=None)
    return {str(w).strip().lower() for w in frame[0] if isinstance(w, str)}


# --- systems -------------------------------------------------------------------------------------------


def paragraphs(article: dict, first: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """An article's paragraphs as the product reads them (sentences joined by a space, so a quotation that runs
    over several sentences is seen whole): ``(text, [(sentence number, offset in the text)])``, sentences
    numbered from ``first``."""
    out, k = [], first
    for count in article["paragraphs"]:
        layout, at = [], 0
        for sentence in article["sentences"][k - first : k - first + count]:
            layout.append((k, at))
            at += len(sentence) + 1
            k += 1
        out.append((" ".join(article["sentences"][j - first] for j, _ in layout), layout))
    return out


def encoded_at(encoding, texts: list[str], units: list[tuple[int, int]]) -> list:
    """EncodedSpans for text ``k`` of ``encoding`` (``texts[k]``) read at page offset ``offset``, per ``(k, offset)``."""
    from rashomon import framing

    out = []
    for k, offset in units:
        offsets = encoding.offsets[k].reshape(-1, 2)
        if len(offsets):
            end = int(offsets[-1, 1]) if encoding.truncated[k] else len(texts[k])
            out.append(framing.EncodedSpan(offset, offset + end, encoding.tokens[k], offsets + offset))
    return out


#: The encoder the loaded-language head reads (``--loaded-encoder``); None: the shared encoder, whose vectors the
#: caller may already have.
LOADED_ENCODER = None
#: With ``--blend W``: a word's score is ``sigmoid(W * logit(candidate) + (1 - W) * logit(shipped))``, the shipped
#: score being the product's (shipped head on the shared encoder, insult weight included); None: the candidate's.
BLEND: list[float] = []
#: The shipped head and insult weight, kept before ``--head`` replaces them (for ``--blend``).
SHIPPED: dict = {}


def blended(candidate: list, shipped: list, weight: float) -> list:
    """Per account, the words of ``candidate`` with their score blended with ``shipped``'s (same words), the
    candidate's logit weighted ``weight``."""
    import numpy as np

    from rashomon.framing import ScoredWord

    def logit(p: float) -> float:
        p = min(max(p, 1e-7), 1 - 1e-7)
        return float(np.log(p / (1 - p)))

    out = []
    for a, b in zip(candidate, shipped, strict=True):
        z = weight * logit(a.score) + (1 - weight) * logit(b.score) if a.score > 0 and b.score > 0 else 0.0
        out.append(ScoredWord(a.start, a.end, a.text, 1 / (1 + np.exp(-z)) if z else 0.0, a.eligible))
    return out


def loaded_encoder(model: Path):
    """An encoder over ``model`` (an ONNX graph with the shared encoder's inputs and outputs) with the shipped
    tokenizer and settings, one thread."""
    from rashomon import encoder, settings
    from rashomon.resources import data_path

    return encoder.Encoder(
        model,
        data_path(settings.ENCODER_TOKENIZER),
        threads=1,
        max_tokens=settings.ENCODER_MAX_TOKENS,
        max_chars=settings.ENCODER_MAX_CHARS,
        batch_size=settings.ENCODER_BATCH_SIZE,
    )


class Scored:
    """The shipped head's word scores for a list of documents (each one list of pieces), computed once so that
    the threshold table and the shipped spans read the same pass. Documents are laid end to end (each at its own
    base offset) so that one call scores them all; spans come back per document."""

    def __init__(self, docs: list[list[tuple[int, str]]], encoded=None) -> None:
        """``encoded``: for each document, a function ``base -> [EncodedSpan]`` giving the token vectors the
        caller already has for it, laid at ``base``."""
        from rashomon import encoder, framing

        self.bases, base = [], 0
        for pieces in docs:
            self.bases.append(base)
            base += max((o + len(t) for o, t in pieces), default=0) + 1
        texts = {str(i): [(b + o, t) for o, t in pieces] for i, (b, pieces) in enumerate(zip(self.bases, docs))}
        known = [span for i, b in enumerate(self.bases) for span in (encoded(i, b) if encoded else [])]
        self.texts = texts
        if LOADED_ENCODER is None:
            self.words = framing.score_words(texts, encoder.load(), known)
            return
        self.words = framing.score_words(texts, LOADED_ENCODER, [])
        if BLEND:
            from rashomon import heads

            candidate_load = heads.load
            heads.load, framing.LOADED_INSULT_WEIGHT = SHIPPED["load"], SHIPPED["insult"]  # type: ignore[assignment]
            shipped = framing.score_words(texts, encoder.load(), known)
            heads.load, framing.LOADED_INSULT_WEIGHT = candidate_load, 0.0  # type: ignore[assignment]
            self.candidate, self.shipped = self.words, shipped
            self.blend(BLEND[0])

    def blend(self, weight: float) -> None:
        """Score the words by the ``--blend`` of the candidate and the shipped scores at ``weight``."""
        self.words = {key: blended(self.candidate[key], self.shipped[key], weight) for key in self.texts}

    def spans(self, threshold: float | None = None, kinds: tuple[str, ...] = KINDS) -> list[list[tuple[int, int]]]:
        """The shipped loaded-language spans (head, scare quotes, side-taking verbs) of each document at
        ``threshold``, those of ``kinds`` only."""
        from rashomon import framing

        out = []
        for i, base in enumerate(self.bases):
            found = framing.loaded_language(self.texts[str(i)], scored=self.words[str(i)], threshold=threshold)
            out.append([(s["start"] - base, s["end"] - base) for s in found if s["kind"] in kinds])
        return out


def by_sentence(spans: list[list[tuple[int, int]]], layouts: list[list[tuple[int, int]]], count: int) -> list:
    """Paragraph spans back to sentence spans (a span goes to the sentence it starts in)."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for found, layout in zip(spans, layouts, strict=True):
        for start, end in found:
            k, offset = max((u for u in layout if u[1] <= start), key=lambda u: u[1])
            out[k].append((start - offset, end - offset))
    return out


def out_of_reach(scored: Scored, layouts: list[list[tuple[int, int]]], gold: list, count: int) -> list[list[bool]]:
    """For each sentence's gold spans, whether it holds no word that may be flagged at all (a name, a number, a
    speaker's long quotation): what no threshold or head can find, the recall the product gives up by design."""
    eligible = by_sentence(
        [[(w.start - b, w.end - b) for w in scored.words[str(i)] if w.eligible] for i, b in enumerate(scored.bases)],
        layouts,
        count,
    )
    return [[not any(a < t and s < b for s, t in eligible[k]) for a, b in spans] for k, spans in enumerate(gold)]


def lexicon(docs: list[list[tuple[int, str]]]) -> list[list[tuple[int, int]]]:
    from rashomon.framing import loaded_spans

    return [[(s["start"], s["end"]) for offset, text in pieces for s in loaded_spans(text, offset)] for pieces in docs]


# --- Fightin' Words on BASIL ---------------------------------------------------------------------------


def fightin_words_in_bias(articles: list[dict], top: int = 10, encoding=None) -> dict:
    """Share of the top-``top`` words' uses inside lexical-bias spans, against the share of all words.

    Each triplet's articles are one page's accounts (:func:`rashomon.framing.framing_for` over their
    paragraphs, the outlets' names excluded). ``uses`` counts the uses the product counts and shows (``spans``
    of each distinctive word); ``all_uses`` every occurrence of those words in the article, evaluative or not.
    ``encoding``: the encoder's tokens of every article sentence in order, when the caller has them.
    """
    from rashomon import encoder, framing

    firsts, k = {}, 0
    for article in articles:
        firsts[id(article)] = k
        k += len(article["sentences"])
    all_sentences = [s for article in articles for s in article["sentences"]]
    by_triplet: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        by_triplet[article["triplet"]].append(article)
    enc = LOADED_ENCODER or encoder.load()
    if LOADED_ENCODER is not None:
        encoding = None
    inside = uses = all_inside = all_words = any_inside = any_uses = 0
    terms_seen: Counter = Counter()
    for group in by_triplet.values():
        if len(group) < 2:
            continue
        texts: dict[str, list[tuple[int, str]]] = {}
        gold: dict[str, list[tuple[int, int]]] = {}
        encoded: list = []
        base = 0
        for index, article in enumerate(group):
            texts[str(index)], gold[str(index)] = [], []
            for text, layout in paragraphs(article, firsts[id(article)]):
                texts[str(index)].append((base, text))
                for k, offset in layout:
                    gold[str(index)] += [
                        (base + offset + a, base + offset + b) for a, b in article["gold"][k - firsts[id(article)]]
                    ]
                if encoding is not None:
                    encoded += encoded_at(encoding, all_sentences, [(k, base + offset) for k, offset in layout])
                base += len(text) + 1
        labels = {str(i): f"{a['outlet']} {OUTLET_WORDS}" for i, a in enumerate(group)}
        result = framing.framing_for(texts, labels, enc, encoded)
        for key, pieces in texts.items():
            rows = result[key]["distinctive"][:top]
            terms = {r["term"] for r in rows}
            terms_seen.update(terms)
            shown = {(a, b) for r in rows for a, b in r["spans"]}
            for offset, text in pieces:
                for match in framing.words(text):
                    a, b = offset + match.start(), offset + match.end()
                    hit = any(g0 < b and a < g1 for g0, g1 in gold[key])
                    all_words += 1
                    all_inside += hit
                    if match.group().removesuffix("'s") in terms:
                        any_uses += 1
                        any_inside += hit
                    if any(s0 <= a and b <= s1 for s0, s1 in shown):
                        uses += 1
                        inside += hit
    chance = all_inside / all_words if all_words else 0.0
    share, any_share = inside / uses if uses else 0.0, any_inside / any_uses if any_uses else 0.0
    return {
        "top_share": round(share, 4),
        "chance": round(chance, 4),
        "ratio": round(share / chance, 2) if chance else 0.0,
        "uses": uses,
        "all_uses_share": round(any_share, 4),
        "all_uses_ratio": round(any_share / chance, 2) if chance else 0.0,
        "all_uses": any_uses,
        "common_terms": [t for t, _ in terms_seen.most_common(15)],
    }


#: Words of the three outlets' names, never reported as their framing.
OUTLET_WORDS = "fox foxnews nyt times huffpost huffington post"


THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)


def use_head(head) -> None:
    """Score with ``head`` wherever the product would load the shipped loaded-language head (``--head``)."""
    from rashomon import framing, heads

    shipped = heads.load

    def load(name: str):
        return head if name == framing.LOADED_HEAD else shipped(name)

    heads.load = load  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    from rashomon import framing, heads

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basil", type=Path, default=SHARED / "compare" / "basil-dev")
    parser.add_argument("--ptc", type=Path, default=SHARED / "propaganda" / "ptc")
    parser.add_argument("--mbic", type=Path, default=SHARED / "bias" / "mbic", help="for the bias word-list anchor")
    parser.add_argument(
        "--head", type=Path, help="score a candidate loaded-language head (.npz) instead of the shipped one"
    )
    parser.add_argument(
        "--insult-weight",
        type=float,
        help="weight of the insult score in a word's loaded-language score (framing.LOADED_INSULT_WEIGHT; 0: the "
        "head alone at its own threshold, the flags before session 14)",
    )
    parser.add_argument(
        "--loaded-encoder", type=Path, help="an ONNX encoder the --head reads (a second pass; the insult weight 0)"
    )
    parser.add_argument("--thresholds", type=float, nargs="+", help="the threshold grid of the tables")
    parser.add_argument(
        "--blend",
        type=float,
        nargs="+",
        default=[],
        help="with --loaded-encoder: the candidate's weight in a logit blend with the shipped score (several: the "
        "threshold tables for each, the rest for the first)",
    )
    args = parser.parse_args(argv)
    global LOADED_ENCODER, THRESHOLDS, BLEND
    SHIPPED.update(load=heads.load, insult=framing.LOADED_INSULT_WEIGHT)
    BLEND = args.blend
    if args.loaded_encoder:
        if not args.head:
            parser.error("--loaded-encoder needs the --head trained on it")
        LOADED_ENCODER = loaded_encoder(args.loaded_encoder)
        framing.LOADED_INSULT_WEIGHT = 0.0
    if args.thresholds:
        THRESHOLDS = tuple(args.thresholds)
    if args.head:
        use_head(heads.Head.read(args.head))
    if args.insult_weight is not None and not args.loaded_encoder:
        framing.LOADED_INSULT_WEIGHT = args.insult_weight
    if not (args.basil / "annotations").is_dir() or not (args.ptc / "train-articles").is_dir():
        print(f"need BASIL ({args.basil}) and PTC ({args.ptc}) folders", file=sys.stderr)
        return 2
    shipped = framing.loaded_threshold()
    result: dict = {"threshold": shipped}
    words = mbic_word_list(args.mbic) if (args.mbic / "bised_words_lexicon.xlsx").is_file() else None
    anchors: dict = {"old_lexicon": lexicon}
    if words:
        spans_of = word_list_spans(words)
        anchors["bias_word_list"] = lambda docs: [
            [s for o, t in p for s in ((a + o, b + o) for a, b in spans_of(t))] for p in docs
        ]

    articles = read_basil(args.basil)
    sentences = [(a["year"], s, g) for a in articles for s, g in zip(a["sentences"], a["gold"], strict=True)]
    docs = [[(0, s)] for _, s, _ in sentences]
    gold = [g for _, _, g in sentences]
    texts = [s for _, s, _ in sentences]
    layouts, par_docs, first = [], [], 0
    for article in articles:
        for text, layout in paragraphs(article, first):
            par_docs.append([(0, text)])
            layouts.append(layout)
        first += len(article["sentences"])
    tune = [i for i, (y, _, _) in enumerate(sentences) if y in TUNE_YEARS]
    rest = [i for i, (y, _, _) in enumerate(sentences) if y not in TUNE_YEARS]
    print(f"BASIL-dev: {len(articles)} articles, {len(sentences)} sentences, {sum(map(len, gold))} lexical-bias spans")
    from rashomon import encoder

    encoding = encoder.load().encode(texts, tokens=True)
    scored = Scored(par_docs, lambda i, base: encoded_at(encoding, texts, [(k, base + o) for k, o in layouts[i]]))

    def ours_at(threshold: float | None = None, kinds: tuple[str, ...] = KINDS) -> list[list[tuple[int, int]]]:
        return by_sentence(scored.spans(threshold, kinds), layouts, len(sentences))

    def pick(pred, keep):
        return [pred[i] for i in keep], [gold[i] for i in keep]

    for weight, part, keep, years in [
        (w, part, keep, years)
        for w in (BLEND[::-1] or [None])
        for part, keep, years in (
            ("tune", tune, "the tuning years 2010-2012"),
            ("rest", rest, "2013-2014 (not tuned on)"),
        )
    ]:
        if weight is not None:
            scored.blend(weight)
            print(f"\nblend weight {weight}:", end="")
        print(f"\nthreshold table on {years}, head + scare quotes + side-taking verbs:")
        print(f"{'threshold':>9} {'span P':>7} {'R':>6} {'F1':>6} {'spans':>6}  {'sent P':>7} {'R':>6} {'F1':>6}")
        table = []
        for threshold in sorted({*THRESHOLDS, shipped}):
            pred, g = pick(ours_at(threshold), keep)
            s, t = span_prf(pred, g), sentence_prf(pred, g)
            table.append({"threshold": threshold, "span": s, "sentence": t})
            mark = "  <- shipped" if threshold == shipped else ""
            print(
                f"{threshold:9.4f} {s['precision']:7.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['predicted']:6d}  "
                f"{t['precision']:7.3f} {t['recall']:6.3f} {t['f1']:6.3f}{mark}"
            )
        result[f"basil_{part}_table" + ("" if weight is None else f"_blend{weight}")] = table

    quoted = [q for a in articles for q in a["quoted"]]
    unreachable = out_of_reach(scored, layouts, gold, len(sentences))
    print("\ngold spans no flag can reach (no word in them may be flagged), of all / of those BASIL marks as quoted:")
    for part, keep in (("tune", tune), ("rest", rest)):
        n = sum(len(gold[i]) for i in keep)
        out = sum(sum(unreachable[i]) for i in keep)
        n_quoted = sum(len(quoted[i]) for i in keep)
        out_quoted = sum(1 for i in keep for g, o in zip(gold[i], unreachable[i], strict=True) if o and g in quoted[i])
        result[f"basil_{part}_out_of_reach"] = {"gold": n, "out": out, "quoted": n_quoted, "quoted_out": out_quoted}
        print(f"  {part}: {out} of {n} gold spans; {out_quoted} of the {n_quoted} quoted ones")

    print("\nper kind of flag at the shipped threshold (span P / R / F1, flags): the confidence each kind carries")
    for kind in KINDS:
        line = []
        for part, keep in (("tune", tune), ("rest", rest)):
            s = span_prf(*pick(ours_at(kinds=(kind,)), keep))
            result[f"basil_{part}_kind_{kind}"] = s
            line.append(f"{part} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f} ({s['predicted']})")
        print(f"  {kind:12} " + "   ".join(line))

    systems = {
        "ours": ours_at(),
        "ours_no_verbs": ours_at(kinds=BEFORE),
        **{name: system(docs) for name, system in anchors.items()},
    }
    print(f"\n{'system':16} {'span P':>7} {'R':>6} {'F1':>6}  {'sent P':>7} {'R':>6} {'F1':>6}   (all years)")
    for name, pred in systems.items():
        row = {"span": span_prf(pred, gold), "sentence": sentence_prf(pred, gold)}
        for part, keep in (("tune", tune), ("rest", rest)):
            p, g = pick(pred, keep)
            row[part] = {"span": span_prf(p, g), "sentence": sentence_prf(p, g)}
        result[f"basil_{name}"] = row
        s, t = row["span"], row["sentence"]
        print(
            f"{name:16} {s['precision']:7.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {t['precision']:7.3f} {t['recall']:6.3f} "
            f"{t['f1']:6.3f}"
        )
        for part, years in (("tune", "2010-12"), ("rest", "2013-14")):
            s, t = row[part]["span"], row[part]["sentence"]
            print(
                f"  {years:14} {s['precision']:7.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {t['precision']:7.3f} "
                f"{t['recall']:6.3f} {t['f1']:6.3f}"
            )
    print("goal: span F1 >= 0.25, sentence F1 >= 0.40 (held-out articles)")

    ptc = read_ptc(args.ptc)
    docs = [[(0, text)] for text, _ in ptc]
    gold_ptc = [g for _, g in ptc]
    print(f"\nPTC: {len(ptc)} articles, Loaded_Language + Name_Calling as one class, partial-overlap span F1")
    scored_ptc = Scored(docs)
    for weight in BLEND[::-1] or [None]:
        if weight is not None:
            scored_ptc.blend(weight)
            print(f"  blend weight {weight}:")
        key = "ptc_table" + ("" if weight is None else f"_blend{weight}")
        result[key] = []
        for threshold in sorted({*THRESHOLDS, shipped}):
            s = span_prf(scored_ptc.spans(threshold), gold_ptc)
            result[key].append({"threshold": threshold, "span": s})
            mark = "  <- shipped" if threshold == shipped else ""
            print(
                f"  threshold {threshold:.4f}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['predicted']} spans){mark}"
            )
    for kind in KINDS:
        s = span_prf(scored_ptc.spans(None, (kind,)), gold_ptc)
        result[f"ptc_kind_{kind}"] = s
        print(f"  kind {kind:12} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['predicted']} spans)")
    ptc_systems = {
        "ours": scored_ptc.spans(),
        "ours_no_verbs": scored_ptc.spans(None, BEFORE),
        **{name: system(docs) for name, system in anchors.items()},
    }
    for name, pred in ptc_systems.items():
        s = span_prf(pred, gold_ptc)
        result[f"ptc_{name}"] = s
        print(
            f"{name:16} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['predicted']} spans, {s['gold']} gold)"
        )
    print("goal: span F1 >= 0.30 (held-out articles)")

    fw = fightin_words_in_bias(articles, encoding=encoding)
    result["fightin_words_basil"] = fw
    print(
        f"\nFightin' Words top-10 per outlet inside BASIL lexical bias: {fw['top_share']:.4f} of the {fw['uses']} uses "
        f"shown, chance {fw['chance']:.4f}: {fw['ratio']}x (goal >= 3x); every occurrence of those words: "
        f"{fw['all_uses_share']:.4f} of {fw['all_uses']}, {fw['all_uses_ratio']}x"
    )
    print(f"  most frequent top words: {', '.join(fw['common_terms'])}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
