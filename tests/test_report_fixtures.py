"""Hand-built analyses for the report and web tests: one filled with every list, one full of XSS payloads.

The pages are invented (a fictional siege, fictional outlets) and built piece by piece so every span's offsets
are right by construction; the tests at the bottom check that, so a broken fixture cannot hide a renderer bug.
"""

from __future__ import annotations

from rashomon.model import (
    Actor,
    Alignment,
    Analysis,
    Attribution,
    Block,
    Claim,
    Comment,
    Evidence,
    Page,
    PageWarning,
    Quantity,
    Relation,
    Source,
    Span,
    Stance,
)


class _Text:
    """Appends pieces of page text and hands back their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _span(text: str, whole: str, start: int) -> Span:
    """The span of ``text`` inside ``whole``, which starts at page offset ``start``."""
    at = whole.index(text)
    return Span(start + at, start + at + len(text), text)


def build_analysis(hostile: bool = False) -> Analysis:
    """A filled analysis of an invented two-outlet page; ``hostile`` puts XSS payloads in every text field."""
    x = (lambda s: s) if not hostile else (lambda s: s + HOSTILE_PAYLOAD)
    t = _Text()
    headline = x("Siege of Tarnville nears its end")
    h = t.add(headline)
    t.add("\n\n")
    intro = x("Two outlets tell the story of Tarnville in very different words.")
    i = t.add(intro)
    t.add("\n\n")
    p1 = x(
        'Northwind Wire reported that the Valdoran army took four districts. "We held the bridge," a brigade commander said.'
    )
    a = t.add(p1)
    t.add("\n\n")
    p2 = x("Northwind Wire added that 2,000 residents fled the old quarter overnight.")
    b = t.add(p2)
    t.add("\n\n")
    sep = t.add("* * *")
    t.add("\n\n")
    p3 = x(
        "Eastgate Today said the army liberated five districts. The Reconciliation Office said 3,500 residents left through safe corridors."
    )
    c = t.add(p3)
    t.add("\n\n")
    comment_texts = [
        x("Both outlets agree the army advanced, the numbers differ."),
        x("Nonsense, the brigades will burn your house down tonight."),
        x("Oh great, another liberation. Just what everyone wanted."),
        x("Correction: it was four districts, not five, per the wire."),
    ]
    comment_spans = []
    for body in comment_texts:
        comment_spans.append(t.add(body))
        t.add("\n\n")
    text = t.text

    blocks = [
        Block("b0", "headline", *h, headline),
        Block("b1", "paragraph", *i, intro, None),
        Block("b2", "paragraph", *a, p1, "s-nw"),
        Block("b3", "paragraph", *b, p2, "s-nw"),
        Block("b-sep", "separator", *sep, "* * *"),
        Block("b4", "paragraph", *c, p3, "s-eg"),
    ]
    names = {
        "s-nw": x("Northwind Wire"),
        "s-eg": x("Eastgate Today"),
        "s-cmd": x("a brigade commander"),
        "s-ro": x("The Reconciliation Office"),
        "s-pub": x("The Daily Ledger"),
    }
    sources = [
        Source("s-pub", names["s-pub"], "publisher", is_publisher=True),
        Source("s-nw", names["s-nw"], "news_agency", mentions=[_span("Northwind Wire", p1, a[0])]),
        Source("s-eg", names["s-eg"], "media", mentions=[_span("Eastgate Today", p3, c[0])]),
        Source("s-cmd", names["s-cmd"], "unnamed_person", role="commander"),
        Source("s-ro", names["s-ro"], "government"),
    ]
    attributions = [
        Attribution(
            "at1",
            "s-nw",
            "indirect",
            _span("the Valdoran army took four districts", p1, a[0]),
            source=_span("Northwind Wire", p1, a[0]),
            cue=_span("reported", p1, a[0]),
            block_id="b2",
        ),
        Attribution(
            "at2",
            "s-cmd",
            "direct",
            _span('"We held the bridge,"', p1, a[0]),
            source=_span("a brigade commander", p1, a[0]),
            cue=_span("said", p1, a[0]),
            parent="at1",
            block_id="b2",
        ),
        Attribution(
            "at3",
            "s-nw",
            "indirect",
            _span("2,000 residents fled the old quarter overnight", p2, b[0]),
            cue=_span("added", p2, b[0]),
            block_id="b3",
        ),
        Attribution(
            "at4",
            "s-eg",
            "indirect",
            _span("the army liberated five districts", p3, c[0]),
            cue=_span("said", p3, c[0]),
            block_id="b4",
        ),
        Attribution(
            "at5",
            "s-ro",
            "indirect",
            _span("3,500 residents left through safe corridors", p3, c[0]),
            source=_span("The Reconciliation Office", p3, c[0]),
            parent="at4",
            block_id="b4",
        ),
    ]

    def claim(cid, source, att, narrative, phrase, block_text, offset, quantities=()):
        span = _span(phrase, block_text, offset)
        return Claim(cid, source, span.start, span.end, span.text, att, narrative, quantities=list(quantities))

    q1 = _span("2,000 residents", p2, b[0])
    q2 = _span("3,500 residents", p3, c[0])
    claims = [
        claim("c1", "s-nw", "at1", "s-nw", "the Valdoran army took four districts", p1, a[0]),
        claim(
            "c2",
            "s-nw",
            "at3",
            "s-nw",
            "2,000 residents fled the old quarter overnight",
            p2,
            b[0],
            [Quantity(q1.text, q1.start, q1.end, value=2000, noun="residents")],
        ),
        claim("c3", "s-eg", "at4", "s-eg", "the army liberated five districts", p3, c[0]),
        claim(
            "c4",
            "s-ro",
            "at5",
            "s-eg",
            "3,500 residents left through safe corridors",
            p3,
            c[0],
            [Quantity(q2.text, q2.start, q2.end, value=3500, noun="residents")],
        ),
        claim("c5", "s-cmd", "at2", "s-nw", '"We held the bridge,"', p1, a[0]),
    ]
    alignments = [
        Alignment(
            "al1",
            ["c1", "c3"],
            "conflict",
            x("Four districts against five: the counts differ."),
            topic="districts taken",
        ),
        Alignment(
            "al2",
            ["c2", "c4"],
            "compatible",
            x("2,000 and 3,500 residents can both be true over different hours."),
            topic="residents leaving",
        ),
        Alignment("al3", ["c1", "c4"], "agree", x("Both say the army advanced."), topic="army advance"),
        Alignment("al4", ["c5"], "unique", x("Only one account mentions the bridge."), topic="the bridge"),
    ]
    framing = {
        "s-nw": {
            "distinctive": [
                {"term": x("took"), "z": 2.4, "count": 3},
                {"term": "residents fled", "z": 1.8, "count": 2},
            ],
            "lexicon": [{"family": "capture", "term": x("took"), "count": 2}],
            "loaded": [{"text": x("old quarter"), "label": "place"}],
        },
        "s-eg": {
            "distinctive": [
                {"term": x("liberated"), "z": 3.1, "count": 4},
                {"term": "safe corridors", "z": 2.2, "count": 2},
            ],
            "lexicon": [{"family": "capture", "term": x("liberated"), "count": 3}],
        },
    }
    actors = [
        Actor(
            "ac1",
            x("Valdoran army"),
            "state_forces",
            side="government",
            aliases=["the army"],
            mentions=[_span("Valdoran army", p1, a[0])],
        ),
        Actor("ac2", x("Free Tarn Brigades"), "rebel_group", side="rebels", aliases=["the brigades"]),
        Actor("ac3", x("Reconciliation Office"), "state_agency", side="government"),
    ]
    relations = [
        Relation(
            "r1", "fights", "ac1", "ac2", _span("the Valdoran army took four districts", p1, a[0]), asserted_by="s-nw"
        ),
        Relation(
            "r2",
            "backs",
            "ac3",
            "ac1",
            _span("3,500 residents left through safe corridors", p3, c[0]),
            asserted_by="s-ro",
        ),
        Relation(
            "r3", "accuses", "ac2", "ac1", _span("the army liberated five districts", p3, c[0]), polarity="denied"
        ),
    ]
    threat_body, sarcasm_body = comment_texts[1], comment_texts[2]
    comments = [
        Comment(
            "k1",
            x("river_reader"),
            comment_texts[0],
            *comment_spans[0],
            verified=True,
            posted_at="2031-04-02T10:00:00Z",
            scores={"abuse": 0.02},
        ),
        Comment(
            "k2",
            x("hot<b>head</b>"),
            threat_body,
            *comment_spans[1],
            reply_to="k1",
            reply_to_author="river_reader",
            scores={"abuse": 0.81, "threat": 0.92},
            flags=["threat", "insult"],
            evidence=[
                Evidence("threat", *_bounds("will burn your house down", threat_body, comment_spans[1][0]), weight=0.9)
            ],
            stance=[Stance("ac2", "pro", *_bounds("the brigades", threat_body, comment_spans[1][0]), score=0.6)],
        ),
        Comment(
            "k3",
            x("quiet_one"),
            sarcasm_body,
            *comment_spans[2],
            reply_to="k2",
            reply_reason="quotes",
            reply_confidence=0.9,
            flags=["sarcasm_marker"],
            evidence=[Evidence("sarcasm_marker", *_bounds("Oh great", sarcasm_body, comment_spans[2][0]))],
        ),
        Comment("k4", x("river_reader"), comment_texts[3], *comment_spans[3], flags=["correction"], corrects="k3"),
    ]
    page = Page(
        text=text,
        title=x("Siege of Tarnville nears its end"),
        url="javascript:window.__xss=3" if hostile else "https://ledger.invalid/tarnville",
        publisher=names["s-pub"],
        published_at="2031-04-02",
        language="en",
        blocks=blocks,
        comments=comments,
        warnings=[PageWarning("no_comments", x("The page has no comment section."), "read")],
    )
    return Analysis(
        page=page,
        sources=sources,
        attributions=attributions,
        claims=claims,
        alignments=alignments,
        framing=framing,
        actors=actors,
        relations=relations,
        warnings=[PageWarning("no_comments", x("The page has no comment section."), "read")],
    )


def _bounds(phrase: str, body: str, offset: int) -> tuple[int, int, str]:
    at = body.index(phrase)
    return offset + at, offset + at + len(phrase), phrase


#: Appended to every text field of the hostile fixture: script tags, event handlers, javascript: URLs, SVG
#: payloads, broken markup that tries to close the element it lands in, and a template expression.
HOSTILE_PAYLOAD = (
    ' <script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
    '<svg onload="window.__xss=4"><script>window.__xss=6</script></svg>'
    '<a href="javascript:window.__xss=5">click</a></textarea></title></style><p "broken {{7*7}} ]]>'
)
HOSTILE_MARKERS = ("<script>window.__xss=1</script>", 'onerror="window.__xss=2"')


def test_every_span_of_the_filled_fixture_points_at_its_text():
    for hostile in (False, True):
        analysis = build_analysis(hostile)
        text = analysis.page.text
        spans = [s for src in analysis.sources for s in src.mentions]
        for att in analysis.attributions:
            spans += [s for s in (att.content, att.source, att.cue) if s]
        spans += [r.evidence for r in analysis.relations]
        for item in [*analysis.claims, *analysis.page.blocks, *analysis.page.comments]:
            assert text[item.start : item.end] == item.text
        for comment in analysis.page.comments:
            for ev in comment.evidence:
                assert comment.start <= ev.start < ev.end <= comment.end
                assert text[ev.start : ev.end] == ev.text
        for span in spans:
            assert text[span.start : span.end] == span.text


def test_hostile_fixture_carries_payloads_everywhere():
    analysis = build_analysis(hostile=True)
    fields = [
        analysis.page.title,
        analysis.page.publisher,
        analysis.sources[1].name,
        analysis.actors[0].name,
        analysis.page.comments[0].text,
        analysis.page.comments[1].author,
        analysis.alignments[0].explanation,
    ]
    assert all(HOSTILE_MARKERS[0] in f for f in fields)
