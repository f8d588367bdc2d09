"""Comment extraction on real pages, side by side with trafilatura's ``include_comments=True``.

Data: a folder with ``gold.json`` (url -> {file, with, without, comments}) and ``html/<file>.gz``, the format
of trafilatura's evaluation pages (default: ../shared/data/pages). Measures, for rashomon and for trafilatura:

- comment recall: share of gold comment snippets found in the extracted comments;
- article->comments leak: share of gold article snippets ("with") that end up in the comments;
- comments->article leak: share of gold comment snippets that end up in the article;
- authors: share of extracted comments that got an author (trafilatura gives none);
- reachable ceiling: share of gold comment snippets present at all in the page's visible text (scripts,
  styles and templates dropped, white space folded with block elements as line breaks). A snippet that is
  not there (comments loaded by JavaScript, or an error in the gold) cannot be found by any reader, so the
  recall is also given over the reachable snippets only.

Goals (issue 2): recall >= 0.90, leaks <= 5 %, authors on >= 80 % of comments.
The figures are printed last as one line of JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import trafilatura

from rashomon.errors import RashomonError
from rashomon.read import read
from rashomon.read.html import collapse, element_text

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"


def norm(text: str) -> str:
    return " ".join(text.split())


def ours(html: bytes, url: str) -> tuple[str, str, int, int]:
    try:
        page = read(html, url=url, kind="html")
    except RashomonError:
        return "", "", 0, 0
    article = "\n".join(b.text for b in page.blocks)
    comments = "\n".join(c.text for c in page.comments)
    return norm(article), norm(comments), len(page.comments), sum(1 for c in page.comments if c.author)


def anchor(html: bytes, url: str) -> tuple[str, str]:
    document = trafilatura.bare_extraction(html.decode("utf-8", errors="replace"), url=url, include_comments=True)
    if document is None:
        return "", ""
    data = document.as_dict()
    return norm(data.get("text") or ""), norm(data.get("comments") or "")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder with gold.json and html/")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    gold_path = args.data / "gold.json"
    if not gold_path.exists():
        print(f"no gold.json in {args.data}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    totals = {k: [0, 0] for k in ("ours_recall", "ours_leak_a2c", "ours_leak_c2a", "tr_recall", "tr_leak_a2c", "tr_leak_c2a")}
    comments_found = comments_with_author = pages = 0
    reachable_total = reachable_ours = reachable_tr = 0
    for url, entry in gold.items():
        path = args.data / "html" / f"{entry['file']}.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes())
        pages += 1
        article, comments, n, n_author = ours(html, url)
        tr_article, tr_comments = anchor(html, url)
        comments_found += n
        visible = visible_text(html)
        reachable = [s for s in entry["comments"] if norm(s) in visible]
        reachable_total += len(reachable)
        reachable_ours += share(reachable, comments)[0]
        reachable_tr += share(reachable, tr_comments)[0]
        comments_with_author += n_author
        for key, (hit, total) in {
            "ours_recall": share(entry["comments"], comments),
            "ours_leak_a2c": share(entry["with"], comments),
            "ours_leak_c2a": share(entry["comments"], article),
            "tr_recall": share(entry["comments"], tr_comments),
            "tr_leak_a2c": share(entry["with"], tr_comments),
            "tr_leak_c2a": share(entry["comments"], tr_article),
        }.items():
            totals[key][0] += hit
            totals[key][1] += total
        if args.verbose:
            found, total = share(entry["comments"], comments)
            print(f"{entry['file'][:40]:40} comments {n:3} authors {n_author:3} recall {found}/{total} "
                  f"trafilatura {share(entry['comments'], tr_comments)[0]}/{total} reachable {len(reachable)}/{total}")
    rate = {k: (h / t if t else 0.0) for k, (h, t) in totals.items()}
    result = {
        "pages": pages,
        "comment_recall": round(rate["ours_recall"], 3),
        "leak_article_to_comments": round(rate["ours_leak_a2c"], 3),
        "leak_comments_to_article": round(rate["ours_leak_c2a"], 3),
        "comments_found": comments_found,
        "author_share": round(comments_with_author / comments_found, 3) if comments_found else 0.0,
        "trafilatura_comment_recall": round(rate["tr_recall"], 3),
        "trafilatura_leak_article_to_comments": round(rate["tr_leak_a2c"], 3),
        "trafilatura_leak_comments_to_article": round(rate["tr_leak_c2a"], 3),
        "comment_snippets": totals["ours_recall"][1],
        "reachable_snippets": reachable_total,
        "reachable_ceiling": round(reachable_total / totals["ours_recall"][1], 3) if totals["ours_recall"][1]
        else 0.0,
        "comment_recall_of_reachable": round(reachable_ours / reachable_total, 3) if reachable_total else 0.0,
        "trafilatura_comment_recall_of_reachable": round(reachable_tr / reachable_total, 3) if reachable_total else 0.0,
    }
    print(f"pages: {pages}")
    print(f"{'':34}{'rashomon':>10}{'trafilatura':>13}   goal")
    print(f"{'comment-snippet recall':34}{result['comment_recall']:>10.3f}{result['trafilatura_comment_recall']:>13.3f}   >= 0.90")
    ceiling = result["reachable_ceiling"]
    print(f"{'  ceiling (snippet in page text)':34}{ceiling:>10.3f}{ceiling:>13.3f}")
    print(f"{'  recall of reachable snippets':34}{result['comment_recall_of_reachable']:>10.3f}"
          f"{result['trafilatura_comment_recall_of_reachable']:>13.3f}")
    print(f"{'article snippets in comments':34}{result['leak_article_to_comments']:>10.3f}"
          f"{result['trafilatura_leak_article_to_comments']:>13.3f}   <= 0.05")
    print(f"{'comment snippets in article':34}{result['leak_comments_to_article']:>10.3f}"
          f"{result['trafilatura_leak_comments_to_article']:>13.3f}   <= 0.05")
    print(f"{'comments with an author':34}{result['author_share']:>10.3f}{'n/a':>13}   >= 0.80")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
