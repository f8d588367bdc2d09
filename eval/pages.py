"""Comment extraction on real pages, side by side with trafilatura's ``include_comments=True``.

Data: a folder with ``gold.json`` (url -> {file, with, without, comments}) and ``html/<file>.gz``, the format
of trafilatura's evaluation pages (default: ../shared/data/pages). Measures, for rashomon and for trafilatura:

- comment recall: share of gold comment snippets found in the extracted comments;
- reachable ceiling: share of gold comment snippets present at all in the page's visible text (scripts,
  styles and templates dropped, white space folded with block elements as line breaks). A snippet that is
  not there (comments loaded by JavaScript, or an error in the gold) cannot be found by any reader, so the
  recall is also given over the reachable snippets only;
- article->comments leak: share of gold article snippets ("with") that end up in the comments;
- comments->article leak: share of gold comment snippets that end up in the article;
- authors: share of extracted comments that got an author (trafilatura gives none), and how many authors are
  control labels ("Reply", "Antworten": should be none);
- interface-only pages: pages where comments were extracted and every one is interface text (the control-label
  table, ``rashomon.read.interface``, matches it) or shorter than ``--min-words`` words. trafilatura's comments
  are counted the same way, a line per comment;
- unconfirmed sections: pages where a comment section was seen but not read (``comment_structure_unknown``);
- structure alone: comment recall of reachable snippets when only the structure tier runs (no known markup,
  no generic class names): how the reader does on a comment markup it has never seen;
- article: snippet precision, recall and F1 of the article text (the "with" snippets should be in it, the
  "without" ones should not), ours beside trafilatura's;
- page languages: how many pages are not English (rashomon's page language: the text, else the HTML lang).

Goals (issue 16, on held-out pages): recall of the reachable snippets >= 0.95, leaks <= 0.03, authors on
>= 95 % of comments, no interface-only page, article F1 not below trafilatura's.
The figures are printed last as one line of JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from rashomon.errors import RashomonError
from rashomon.read import read
from rashomon.read.html import collapse, default_markup, element_text, find_comments
from rashomon.read.interface import default_table

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"


def norm(text: str) -> str:
    return " ".join(text.split())


def interface_only(texts: list[str], min_words: int) -> bool:
    """Comments were extracted and none of them is a reader's: interface text or too short to be one."""
    table = default_table()
    return bool(texts) and all(table.is_interface(t) or len(t.split()) < min_words for t in texts)


def ours(html: bytes, url: str) -> dict:
    try:
        page = read(html, url=url, kind="html")
    except RashomonError:
        return {
            "article": "",
            "comments": "",
            "texts": [],
            "n": 0,
            "authors": 0,
            "label_authors": 0,
            "language": None,
            "unconfirmed": False,
        }
    table = default_table()
    return {
        "article": norm("\n".join(b.text for b in page.blocks)),
        "comments": norm("\n".join(c.text for c in page.comments)),
        "texts": [c.text for c in page.comments],
        "n": len(page.comments),
        "authors": sum(1 for c in page.comments if c.author),
        "label_authors": sum(1 for c in page.comments if c.author and not table.is_author_like(c.author)),
        "language": page.language,
        "unconfirmed": any(w.code == "comment_structure_unknown" for w in page.warnings),
    }


def structure_alone(html: bytes) -> str:
    """The comments the structure tier finds by itself, as one normalized string."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return ""
    markup = dataclasses.replace(default_markup(), items=(), fallback_items=())
    return norm("\n".join(c.text for c in find_comments(tree, markup)))


def anchor(html: bytes, url: str) -> tuple[str, str, list[str]]:
    document = trafilatura.bare_extraction(html.decode("utf-8", errors="replace"), url=url, include_comments=True)
    if document is None:
        return "", "", []
    data = document.as_dict()
    lines = [line for line in (data.get("comments") or "").split("\n") if line.strip()]
    return norm(data.get("text") or ""), norm(data.get("comments") or ""), lines


def visible_text(html: bytes) -> str:
    """The text a reader of the page could see: block-aware, scripts and styles dropped, white space folded."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return ""
    for element in tree.xpath("//script | //style | //noscript | //template | //head"):
        if element.getparent() is not None:
            element.drop_tree()
    return collapse(element_text(tree))


def share(snippets: list[str], haystack: str) -> tuple[int, int]:
    return sum(1 for s in snippets if norm(s) in haystack), len(snippets)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder with gold.json and html/")
    parser.add_argument("--min-words", type=int, default=3, help="shorter comments count as interface-like")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    gold_path = args.data / "gold.json"
    if not gold_path.exists():
        print(f"no gold.json in {args.data}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    keys = ("ours_recall", "ours_leak_a2c", "ours_leak_c2a", "tr_recall", "tr_leak_a2c", "tr_leak_c2a")
    totals = {k: [0, 0] for k in keys}
    article = {k: Counter() for k in ("ours", "tr")}
    comments_found = comments_with_author = label_authors = pages = 0
    reachable_total = reachable_ours = reachable_tr = reachable_structure = 0
    interface_pages = {"ours": 0, "tr": 0}
    unconfirmed = 0
    languages: Counter = Counter()
    for url, entry in gold.items():
        path = args.data / "html" / f"{entry['file']}.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes())
        pages += 1
        found = ours(html, url)
        tr_article, tr_comments, tr_lines = anchor(html, url)
        comments_found += found["n"]
        comments_with_author += found["authors"]
        label_authors += found["label_authors"]
        languages[found["language"] or "unknown"] += 1
        unconfirmed += found["unconfirmed"]
        interface_pages["ours"] += interface_only(found["texts"], args.min_words)
        interface_pages["tr"] += interface_only(tr_lines, args.min_words)
        visible = visible_text(html)
        reachable = [s for s in entry["comments"] if norm(s) in visible]
        reachable_total += len(reachable)
        reachable_ours += share(reachable, found["comments"])[0]
        reachable_tr += share(reachable, tr_comments)[0]
        reachable_structure += share(reachable, structure_alone(html))[0] if reachable else 0
        for name, text in (("ours", found["article"]), ("tr", tr_article)):
            with_found, with_total = share(entry.get("with") or [], text)
            without_found, _ = share(entry.get("without") or [], text)
            article[name].update(tp=with_found, fn=with_total - with_found, fp=without_found)
        for key, (hit, total) in {
            "ours_recall": share(entry["comments"], found["comments"]),
            "ours_leak_a2c": share(entry["with"], found["comments"]),
            "ours_leak_c2a": share(entry["comments"], found["article"]),
            "tr_recall": share(entry["comments"], tr_comments),
            "tr_leak_a2c": share(entry["with"], tr_comments),
            "tr_leak_c2a": share(entry["comments"], tr_article),
        }.items():
            totals[key][0] += hit
            totals[key][1] += total
        if args.verbose:
            hit, total = share(entry["comments"], found["comments"])
            print(
                f"{entry['file'][:40]:40} {found['language'] or '?':>3} comments {found['n']:3} "
                f"authors {found['authors']:3} recall {hit}/{total} "
                f"trafilatura {share(entry['comments'], tr_comments)[0]}/{total} reachable {len(reachable)}/{total}"
                + (" interface-only" if interface_only(found["texts"], args.min_words) else "")
                + (" unconfirmed-section" if found["unconfirmed"] else "")
            )
    rate = {k: (h / t if t else 0.0) for k, (h, t) in totals.items()}
    article_ours = f1(article["ours"]["tp"], article["ours"]["fp"], article["ours"]["fn"])
    article_tr = f1(article["tr"]["tp"], article["tr"]["fp"], article["tr"]["fn"])
    snippets = totals["ours_recall"][1]

    def of_reachable(hit: int) -> float:
        return round(hit / reachable_total, 3) if reachable_total else 0.0

    non_english = sum(n for language, n in languages.items() if language != "en")
    result = {
        "pages": pages,
        "comment_recall": round(rate["ours_recall"], 3),
        "leak_article_to_comments": round(rate["ours_leak_a2c"], 3),
        "leak_comments_to_article": round(rate["ours_leak_c2a"], 3),
        "comments_found": comments_found,
        "author_share": round(comments_with_author / comments_found, 3) if comments_found else 0.0,
        "label_authors": label_authors,
        "interface_only_pages": interface_pages["ours"],
        "unconfirmed_sections": unconfirmed,
        "trafilatura_comment_recall": round(rate["tr_recall"], 3),
        "trafilatura_leak_article_to_comments": round(rate["tr_leak_a2c"], 3),
        "trafilatura_leak_comments_to_article": round(rate["tr_leak_c2a"], 3),
        "trafilatura_interface_only_pages": interface_pages["tr"],
        "comment_snippets": snippets,
        "reachable_snippets": reachable_total,
        "reachable_ceiling": round(reachable_total / snippets, 3) if snippets else 0.0,
        "comment_recall_of_reachable": of_reachable(reachable_ours),
        "trafilatura_comment_recall_of_reachable": of_reachable(reachable_tr),
        "structure_alone_recall_of_reachable": of_reachable(reachable_structure),
        "article_precision": round(article_ours[0], 3),
        "article_recall": round(article_ours[1], 3),
        "article_f1": round(article_ours[2], 3),
        "trafilatura_article_precision": round(article_tr[0], 3),
        "trafilatura_article_recall": round(article_tr[1], 3),
        "trafilatura_article_f1": round(article_tr[2], 3),
        "non_english_pages": non_english,
        "languages": dict(languages.most_common()),
    }
    print(f"pages: {pages}; not English: {non_english} ({', '.join(f'{k} {v}' for k, v in languages.most_common())})")
    print(f"{'':36}{'rashomon':>10}{'trafilatura':>13}   goal")

    def row(label: str, value, anchor_value="", goal: str = "") -> None:
        value = f"{value:.3f}" if isinstance(value, float) else str(value)
        anchor_value = f"{anchor_value:.3f}" if isinstance(anchor_value, float) else str(anchor_value)
        print(f"{label:36}{value:>10}{anchor_value:>13}   {goal}")

    row("comment-snippet recall", result["comment_recall"], result["trafilatura_comment_recall"])
    row("  ceiling (snippet in page text)", result["reachable_ceiling"], result["reachable_ceiling"])
    row(
        "  recall of reachable snippets",
        result["comment_recall_of_reachable"],
        result["trafilatura_comment_recall_of_reachable"],
        ">= 0.95",
    )
    row("  structure tier alone (reachable)", result["structure_alone_recall_of_reachable"], "n/a")
    row(
        "article snippets in comments",
        result["leak_article_to_comments"],
        result["trafilatura_leak_article_to_comments"],
        "<= 0.03",
    )
    row(
        "comment snippets in article",
        result["leak_comments_to_article"],
        result["trafilatura_leak_comments_to_article"],
        "<= 0.03",
    )
    row("comments with an author", result["author_share"], "n/a", ">= 0.95")
    row("  authors that are control labels", label_authors, "n/a", "0")
    row(f"interface-only pages (< {args.min_words} words)", interface_pages["ours"], interface_pages["tr"], "0")
    row("unconfirmed comment sections", unconfirmed, "n/a")
    row("article snippet precision", result["article_precision"], result["trafilatura_article_precision"])
    row("article snippet recall", result["article_recall"], result["trafilatura_article_recall"])
    row("article snippet F1", result["article_f1"], result["trafilatura_article_f1"], ">= trafilatura")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
