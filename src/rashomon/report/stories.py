"""Renderers of the stories of a corpus (:func:`rashomon.stories.view.stories_view`): a terminal summary and one
self-contained HTML page (inline CSS, no script). Every string from the corpus is escaped."""

from __future__ import annotations

import html
from typing import Any

from ..stories.grouping import EVENT_THRESHOLD, NAME_BONUS
from .facts import fact_reason
from .view import word_choices_view

_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}td.hit{background:#0072b2;color:#fff;text-align:center}
td.silent{color:#999;text-align:center}th.rot{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
section{border-top:2px solid #ddd;margin-top:2em}.agree{color:#009e73}.conflict{color:#d55e00}
.compatible{color:#0072b2}.unique{color:#999}.cols{display:flex;gap:1em;flex-wrap:wrap}.cols>div{flex:1;min-width:14em}
caption{font-weight:bold;text-align:left;padding:.4em 0}code{font-size:90%}tfoot td{font-weight:bold;text-align:center}
.note{color:#555;font-size:90%}"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_terminal(view: dict[str, Any], console=None) -> None:
    from rich.console import Console
    from rich.markup import escape as rich_escape
    from rich.table import Table

    from .terminal import terminal_safe

    def escape(value: str) -> str:  # corpus text: no markup, no control character reaches the terminal
        return rich_escape(terminal_safe(value))

    console = console or Console()
    console.print(
        f"[bold]Stories[/] — {view['pages']} pages in {view['stories_total']} stories, "
        f"{view['multi_outlet']} told by more than one outlet"
    )
    table = Table(title="Stories told by the most outlets")
    for heading in ("story", "label", "dates", "pages", "outlets"):
        table.add_column(heading)
    for story in view["stories"]:
        dates = story["first_date"] or "undated"
        if story["last_date"] and story["last_date"] != story["first_date"]:
            dates += f" – {story['last_date']}"
        table.add_row(
            escape(story["story_id"]),
            escape(story["label"] or ""),
            escape(dates),
            str(story["n_pages"]),
            escape(", ".join(story["outlets"][:6]) + (" …" if len(story["outlets"]) > 6 else "")),
        )
    console.print(table)


def render_html(view: dict[str, Any]) -> str:
    """One self-contained page: the outlets x stories coverage matrix, then a section per story."""
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8><title>rashomon stories</title>",
        f"<style>{_CSS}</style><h1>Stories</h1>",
        f"<p>{_e(view['pages'])} pages from <code>{_e(view['out'])}</code> in {_e(view['stories_total'])} stories; "
        f"{_e(view['multi_outlet'])} told by more than one outlet. Shown: the {_e(len(view['stories']))} told by "
        "the most outlets.</p>",
        _matrix(view),
        f"<p class=note>{_e(JOIN_NOTE)}</p>",
    ]
    parts += [_story(story) for story in view["stories"]]
    parts.append("</html>\n")
    return "".join(parts)


#: What the "how it joined" column of a story's pages means (the grouping's rule, with its shipped settings).
JOIN_NOTE = (
    "How a page joined its story: the first page opens it; a page that repeats another page's text joins as its "
    "near-duplicate; any other page joins the story its title and lead are most like. Text similarity is the "
    "cosine of the two (1: the same direction, 0: nothing in common); names shared is the share of names (people, "
    f"bodies, places) the page and the story have in common. A page joins when similarity + {NAME_BONUS:g} × names "
    f"shared reaches {EVENT_THRESHOLD:.2f}; otherwise it opens a story of its own."
)


def how_it_joined(page: dict[str, Any]) -> str:
    """The words of a story page's "how it joined" cell: the score's parts, each in [0, 1] (the sum the grouping
    compares with its threshold may pass 1, and said nothing to a reader as "join score 1.09")."""
    if page.get("duplicate_of"):
        return f"near-duplicate of {page['duplicate_of']}"
    similarity, shared = page.get("similarity"), page.get("names_shared")
    if similarity is None:
        score = page.get("score")
        if score is None or score == 1.0:  # a story's first page
            return "opened the story"
        # a table written before the parts were kept
        return f"score {score:.2f} (text similarity + {NAME_BONUS:g} × names shared)"
    return f"text similarity {similarity:.2f} · names shared {shared:.0%}"


def _join_tip(page: dict[str, Any]) -> str:
    similarity, shared = page.get("similarity"), page.get("names_shared")
    if similarity is None or shared is None:
        return ""
    return f"{similarity:.2f} + {NAME_BONUS:g} × {shared:.2f} = {similarity + NAME_BONUS * shared:.2f} ≥ {EVENT_THRESHOLD:.2f}"


def _matrix(view: dict[str, Any]) -> str:
    outlets = view["outlets"]
    head = "".join(f"<th class=rot>{_e(o)}</th>" for o in outlets)
    rows = []
    for story in view["stories"]:
        cells = "".join(
            f"<td class=hit title='{_e(o)}: {n} pages'>{n}</td>"
            if (n := story["coverage"].get(o))
            else f"<td class=silent title='{_e(o)}: silent'>·</td>"
            for o in outlets
        )
        rows.append(
            f"<tr><td><a href='#{_e(story['story_id'])}'>{_e(story['label'])}</a></td>"
            f"<td>{_e(story['first_date'] or 'undated')}</td>{cells}</tr>"
        )
    told = "".join(
        f"<td title='{_e(o)}'>{sum(1 for s in view['stories'] if s['coverage'].get(o))}</td>" for o in outlets
    )
    return (
        "<table id=coverage><caption>Coverage: which outlets told each story (a number: pages; ·: silent)</caption>"
        f"<thead><tr><th>story</th><th>date</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f"<tfoot><tr><td colspan=2>stories told (of the {_e(len(view['stories']))} shown)</td>{told}</tr></tfoot>"
        "</table>"
    )


def _paired_choices(result: dict[str, Any], labels: dict[str, str]) -> list[str]:
    """The comparison's paired word choices as the single-page report shows them (one row per actor or event
    two or more outlets name, a column per outlet: :func:`rashomon.report.view.word_choices_view`)."""
    outlets = [{"id": pid, "name": name} for pid, name in labels.items()]
    table = word_choices_view(result.get("word_choices") or [], outlets)
    if not table["rows"]:
        return []
    out = ["<h3>Paired word choices</h3><table><tr><th>For</th>"]
    out += [f"<th>{_e(column)}</th>" for column in table["columns"]]
    out.append("</tr>")
    for row in table["rows"]:
        cells = "".join(f"<td>{_e(cell or '—')}</td>" for cell in row["cells"])
        out.append(f"<tr><th>{_e(row['label'])}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _story(story: dict[str, Any]) -> str:
    out = [
        f"<section id='{_e(story['story_id'])}'><h2>{_e(story['label'])}</h2>",
        f"<p>{_e(_count(story['n_pages'], 'page'))}, {_e(_count(story['n_outlets'], 'outlet'))}, "
        f"{_e(story['first_date'] or 'undated')}"
        + (f" – {_e(story['last_date'])}" if story["last_date"] and story["last_date"] != story["first_date"] else "")
        + ".</p>",
    ]
    peers = story.get("topic_peers") or []
    if peers:
        links = ", ".join(f"<a href='#{_e(p['story_id'])}'>{_e(p['label'])}</a>" for p in peers)
        out.append(f"<p>The same kind of event (topic {_e(story['topic_id'])}): {links}.</p>")
    out += [
        "<table><tr><th>date</th><th>outlet</th><th>title</th><th>how it joined</th></tr>",
    ]
    for page in story["pages"]:
        out.append(
            f"<tr><td>{_e(page['published_at'])}</td><td>{_e(page['site'])}</td><td>{_e(page['title'])}</td>"
            f"<td title='{_e(_join_tip(page))}'>{_e(how_it_joined(page))}</td></tr>"
        )
    out.append("</table>")
    comparison = story.get("comparison")
    if comparison:
        result = comparison["result"]
        labels = {p["id"]: p["label"] for p in result.get("pages", [])}
        out.append("<h3>The accounts side by side</h3>")
        alignments = result.get("alignments") or []
        if alignments:
            out.append("<table><tr><th>verdict</th><th>fact</th><th>how the outlets compare, what each says</th></tr>")
            for a in alignments[:20]:
                # one sentence naming each outlet once, then what each says (the explanation's listing)
                explanation = str(a.get("explanation") or "")
                reason = fact_reason(a, list(labels.values()))
                listing = explanation.split(" → ", 1)[0] if reason else explanation
                out.append(
                    f"<tr><td class='{_e(a.get('verdict'))}'>{_e(a.get('verdict'))}</td><td>{_e(a.get('topic'))}</td>"
                    f"<td>{_e(reason)}<br><small>{_e(listing)}</small></td></tr>"
                )
            out.append("</table>")
        else:
            out.append("<p>No claims the outlets share to line up.</p>")
        out += _paired_choices(result, labels)
        out.append("<h3>Framing, outlet by outlet</h3>")
        framing = result.get("framing") or {}
        if any(entry.get("distinctive") or entry.get("lexicon") for entry in framing.values()):
            out.append("<div class=cols>")
            for pid, entry in framing.items():
                words = ", ".join(f"{d['term']}" for d in entry.get("distinctive", [])[:10]) or "none"
                terms = ", ".join(f"{h['term']} ×{h['count']:g}" for h in entry.get("lexicon", [])) or "none"
                out.append(
                    f"<div><h4>{_e(labels.get(pid, entry.get('label', pid)))}</h4><p>distinctive words: "
                    f"{_e(words)}</p><p>framing terms: {_e(terms)}</p></div>"
                )
            out.append("</div>")
        else:
            out.append("<p class=note>No framing terms, and no words that set one outlet's account apart.</p>")
    if story["relations"]:
        out.append("<h3>Actor relations over time</h3><table><tr><th>day</th><th>subject</th><th>relation</th>")
        out.append("<th>object</th><th>polarity</th><th>pages</th><th>outlets</th></tr>")
        for r in story["relations"]:
            out.append(
                f"<tr><td>{_e(r['day'])}</td><td>{_e(r['subject'])}</td><td>{_e(r['type'])}</td>"
                f"<td>{_e(r['object'])}</td><td>{_e(r['polarity'])}</td><td class=n>{_e(r['pages'])}</td>"
                f"<td class=n>{_e(r['sites'])}</td></tr>"
            )
        out.append("</table>")
    out.append("</section>")
    return "".join(out)
