"""Small inline SVG charts for the report: framing bars and the actor graph.

Every string from the page goes through ``markupsafe`` (``Markup.format`` escapes its arguments), colours come
from the Okabe–Ito palette (safe for the common forms of colour blindness), and each mark carries a ``<title>``
so the figures read with a screen reader or a hover. No style attributes: the report's CSP forbids them.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

from markupsafe import Markup

from ..model import RELATION_STYLE

_Box = tuple[float, float, float, float]

# --- settings ------------------------------------------------------------------------------------------
#: Okabe–Ito colours for the sides (narratives) of a page, in order of appearance.
SIDE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
#: Colours of relation types, declared with the types in ``rashomon.model.RELATION_STYLE``.
RELATION_COLOURS = {kind: colour for kind, (_, colour) in RELATION_STYLE.items()}
RELATION_LABELS = {kind: label for kind, (label, _) in RELATION_STYLE.items()}
BAR_ROW = 18  # px per term row
BAR_HALF_WIDTH = 150  # px of the longest bar
LABEL_WIDTH = 130  # px for the term labels
GRAPH_SIZE = 520  # px, square actor graph
EDGE_LABEL_CHAR = 5.6  # px per character of a 10 px edge label, to keep labels from overlapping
#: Where along an edge its label may sit (0 subject .. 1 object), tried in order until one does not overlap.
EDGE_LABEL_SPOTS = (0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8)
GRAPH_LABEL_MARGIN = 120  # px each side for the actors' names
GRAPH_MAX_NODES = 24  # the graph shows the most connected actors only; the table lists all
# --------------------------------------------------------------------------------------------------------


def _z(term: dict) -> float:
    try:
        return abs(float(term.get("z") or term.get("count") or 0))
    except (TypeError, ValueError):
        return 0.0


def _cut(text: Any, limit: int = 22) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def diverging_bars(left: dict, right: dict) -> Markup:
    """Distinctive terms of two sides as a diverging bar chart: left side's bars go left, right side's right."""
    rows = max(len(left["distinctive"]), len(right["distinctive"]))
    top = max([_z(t) for t in left["distinctive"] + right["distinctive"]] + [1e-9])
    centre = LABEL_WIDTH + BAR_HALF_WIDTH
    width = 2 * (LABEL_WIDTH + BAR_HALF_WIDTH)
    height = (rows + 2) * BAR_ROW
    parts = [
        Markup(
            '<svg class="chart diverging" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'xmlns="http://www.w3.org/2000/svg"><title>Distinctive terms: {l} (left) versus {r} (right)'
            "</title>"
        ).format(w=width, h=height, l=left["name"], r=right["name"])
    ]
    parts.append(
        Markup(
            '<text x="{x}" y="12" text-anchor="end" class="axis-label">← {l}</text>'
            '<text x="{x2}" y="12" class="axis-label">{r} →</text>'
        ).format(x=centre - 4, x2=centre + 4, l=_cut(left["name"], 40), r=_cut(right["name"], 40))
    )
    for side, sign, colour in ((left, -1, SIDE_COLOURS[left["slot"]]), (right, 1, SIDE_COLOURS[right["slot"]])):
        for row, term in enumerate(side["distinctive"]):
            length = max(1.0, _z(term) / top * BAR_HALF_WIDTH)
            y = (row + 1) * BAR_ROW + 4
            x = centre - length if sign < 0 else centre
            label_x = x - 4 if sign < 0 else x + length + 4
            anchor = "end" if sign < 0 else "start"
            parts.append(
                Markup(
                    '<g class="bar"><title>{term}: z={z}, count={count}</title>'
                    '<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bh}" fill="{c}"></rect>'
                    '<text x="{lx:.1f}" y="{ty}" text-anchor="{a}">{label}</text></g>'
                ).format(
                    term=term.get("term"),
                    z=term.get("z"),
                    count=term.get("count"),
                    x=x,
                    y=y,
                    w=length,
                    bh=BAR_ROW - 4,
                    c=colour,
                    lx=label_x,
                    ty=y + BAR_ROW - 7,
                    a=anchor,
                    label=_cut(term.get("term")),
                )
            )
    parts.append(
        Markup('<line x1="{x}" x2="{x}" y1="16" y2="{h}" stroke="#000"></line></svg>').format(
            x=centre, h=height - BAR_ROW + 4
        )
    )
    return Markup("").join(parts)


def bars(side: dict) -> Markup:
    """Distinctive terms of one side as plain horizontal bars (used when a page has one or 3+ sides), titled with
    the side's name, with an axis line and its label."""
    terms = side["distinctive"]
    top = max([_z(t) for t in terms] + [1e-9])
    head = 2 * BAR_ROW  # the side's name above the bars
    width, height = LABEL_WIDTH + 2 * BAR_HALF_WIDTH, head + (len(terms) + 1) * BAR_ROW + 4
    colour = SIDE_COLOURS[side["slot"] % len(SIDE_COLOURS)]
    parts = [
        Markup(
            '<svg class="chart bars" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'xmlns="http://www.w3.org/2000/svg"><title>Distinctive terms of {name}</title>'
            '<text x="{lx}" y="14" class="axis-label">{label}</text>'
            '<rect x="{lx}" y="20" width="40" height="4" fill="{c}"></rect>'
        ).format(w=width, h=height, name=side["name"], label=_cut(side["name"], 48), lx=LABEL_WIDTH, c=colour)
    ]
    for row, term in enumerate(terms):
        length = max(1.0, _z(term) / top * 2 * BAR_HALF_WIDTH - 10)
        y = head + row * BAR_ROW + 4
        parts.append(
            Markup(
                '<g class="bar"><title>{term}: z={z}</title><text x="{lx}" y="{ty}" text-anchor="end">{label}</text>'
                '<rect x="{x}" y="{y}" width="{w:.1f}" height="{bh}" fill="{c}"></rect></g>'
            ).format(
                term=term.get("term"),
                z=term.get("z"),
                lx=LABEL_WIDTH - 4,
                ty=y + BAR_ROW - 7,
                label=_cut(term.get("term")),
                x=LABEL_WIDTH,
                y=y,
                w=length,
                bh=BAR_ROW - 4,
                c=colour,
            )
        )
    axis = head + len(terms) * BAR_ROW + 6
    parts.append(
        Markup(
            '<line x1="{x}" x2="{x2}" y1="{y}" y2="{y}" stroke="#555"></line>'
            '<text x="{x}" y="{ty}" class="axis-title">more distinctive of this side (log-odds z) →</text></svg>'
        ).format(x=LABEL_WIDTH, x2=LABEL_WIDTH + 2 * BAR_HALF_WIDTH, y=axis, ty=axis + 14)
    )
    return Markup("").join(parts)


def actor_graph(actors: list[dict], relations: list[dict]) -> Markup:
    """Actors on a circle, grouped by side, with an arrow per relation coloured (and titled) by its type."""
    degree: dict[str, int] = {a["id"]: 0 for a in actors}
    for relation in relations:
        for end in (relation.get("subject"), relation.get("object")):
            if end in degree:
                degree[end] += 1
    # only actors in a relation: the table lists the others
    linked = [a for a in actors if degree[a["id"]] > 0]
    shown = sorted(linked, key=lambda a: (-degree[a["id"]], a.get("name") or ""))[:GRAPH_MAX_NODES]
    if len(shown) < 2:
        return Markup("")  # falsy: the report leaves the figure out
    shown.sort(key=lambda a: (a.get("side") or "~", a.get("name") or ""))
    sides = list(OrderedDict.fromkeys(a.get("side") or "" for a in shown))
    margin = GRAPH_LABEL_MARGIN
    centre, radius = GRAPH_SIZE / 2, GRAPH_SIZE / 2 - 40
    position = {}
    for index, actor in enumerate(shown):
        angle = 2 * math.pi * index / max(1, len(shown)) - math.pi / 2
        position[actor["id"]] = (margin + centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    width = GRAPH_SIZE + 2 * margin
    parts = [
        Markup(
            '<svg class="chart graph" role="img" viewBox="0 0 {w} {s}" width="{w}" height="{s}" '
            'xmlns="http://www.w3.org/2000/svg"><title>Actors and the relations the page asserts</title>'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
            'markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444">'
            "</path></marker></defs>"
        ).format(w=width, s=GRAPH_SIZE)
    ]
    drawn: dict[frozenset, int] = {}
    # boxes already taken: the nodes and their names first, then each edge label as it is placed
    taken: list[_Box] = []
    for actor in shown:
        x, y = position[actor["id"]]
        name_width = EDGE_LABEL_CHAR * 1.2 * len(_cut(actor.get("name"), 20))
        taken.append((x - 9, y - 9, x + 9, y + 9))
        if x < margin + centre - 5:
            taken.append((x - 10 - name_width, y - 8, x - 10, y + 6))
        elif x > margin + centre + 5:
            taken.append((x + 10, y - 8, x + 10 + name_width, y + 6))
        elif y > centre:  # the bottom of the circle: the name below the node, away from the arrows coming in
            taken.append((x - name_width / 2, y + 8, x + name_width / 2, y + 22))
        else:
            taken.append((x - name_width / 2, y - 22, x + name_width / 2, y - 8))
    edges, labels = [], []
    for relation in relations:
        a, b = position.get(relation.get("subject")), position.get(relation.get("object"))
        if not a or not b or a == b:
            continue
        pair = frozenset((relation.get("subject"), relation.get("object")))
        nth = drawn[pair] = drawn.get(pair, -1) + 1
        colour = RELATION_COLOURS.get(str(relation.get("type")), "#000000")
        dash = ' stroke-dasharray="5 4"' if relation.get("polarity") == "denied" else ""
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = math.hypot(dx, dy) or 1
        # parallel relations between one pair bow out on alternating sides, so none hides another
        ordered = 1 if str(relation.get("subject")) < str(relation.get("object")) else -1
        bow = (nth + 1) // 2 * 28 * (1 if nth % 2 else -1) * ordered if nth else 0
        cx, cy = (a[0] + b[0]) / 2 - dy / norm * bow, (a[1] + b[1]) / 2 + dx / norm * bow
        ex, ey = b[0] - cx, b[1] - cy
        enorm = math.hypot(ex, ey) or 1
        x2, y2 = b[0] - ex / enorm * 9, b[1] - ey / enorm * 9
        label = RELATION_LABELS.get(str(relation.get("type")), str(relation.get("type") or "").replace("_", " "))
        spot = _label_spot(label, (a[0], a[1], cx, cy, x2, y2), taken)
        edges.append(
            Markup(
                '<g class="edge"><title>{s} {t} {o} ({p})</title><path d="M {x1:.1f} {y1:.1f} Q {cx:.1f} {cy:.1f} '
                '{x2:.1f} {y2:.1f}" fill="none" stroke="{c}" stroke-width="2" marker-end="url(#arrow)"'
                + dash
                + "></path></g>"
            ).format(
                s=_name(actors, relation.get("subject")),
                t=label,
                o=_name(actors, relation.get("object")),
                p=relation.get("polarity") or "asserted",
                x1=a[0],
                y1=a[1],
                cx=cx,
                cy=cy,
                x2=x2,
                y2=y2,
                c=colour,
            )
        )
        if spot is not None:  # no free spot: the edge keeps its title and the table lists the relation
            labels.append(
                Markup('<text class="edge-label" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{t}</text>').format(
                    x=spot[0], y=spot[1], t=label
                )
            )
    parts += edges + labels
    for actor in shown:
        x, y = position[actor["id"]]
        slot = sides.index(actor.get("side") or "") % len(SIDE_COLOURS)
        anchor = "end" if x < margin + centre - 5 else ("start" if x > margin + centre + 5 else "middle")
        offset = -10 if anchor == "end" else (10 if anchor == "start" else 0)
        parts.append(
            Markup(
                '<g class="node"><title>{name} — {type}, side: {side}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
                'fill="{c}" stroke="#000"></circle><text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{a}">{label}</text>'
                "</g>"
            ).format(
                name=actor.get("name"),
                type=actor.get("type"),
                side=actor.get("side") or "none given",
                x=x,
                y=y,
                c=SIDE_COLOURS[slot],
                tx=x + offset,
                ty=y + (4 if anchor != "middle" else 20 if y > centre else -11),
                a=anchor,
                label=_cut(actor.get("name"), 20),
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _label_spot(label: str, curve: tuple[float, ...], taken: list[_Box]) -> tuple[float, float] | None:
    """A point on the quadratic curve ``(x1, y1, cx, cy, x2, y2)`` where ``label`` overlaps no box in ``taken``
    (which then takes the label's box), or None when every spot of :data:`EDGE_LABEL_SPOTS` is taken."""
    x1, y1, cx, cy, x2, y2 = curve
    half = EDGE_LABEL_CHAR * len(label) / 2 + 2
    for t in EDGE_LABEL_SPOTS:
        x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2
        y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2
        box = (x - half, y - 12, x + half, y + 1)
        if not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in taken):
            taken.append(box)
            return x, y - 3
    return None


def _name(actors: list[dict], actor_id: Any) -> str:
    return next((a.get("name") or a["id"] for a in actors if a["id"] == actor_id), str(actor_id))
