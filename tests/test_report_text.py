"""The Markdown and terminal reports: same content as the HTML one, page text never read as markup."""

from __future__ import annotations

import io

from rich.console import Console

from rashomon.model import Analysis, Page
from rashomon.report.markdown import _fact_claim, escape_md, render_markdown
from rashomon.report.terminal import render_terminal, render_text
from tests.test_report_fixtures import build_analysis


def test_markdown_has_every_section_in_order():
    md = render_markdown(build_analysis())
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Siege of Tarnville nears its end",
        "## Facts side by side",
        # each fact headed by its claims' words (the fixture's topics are not shown: rashomon.report.facts)
        "### “the army liberated five districts”: ≠ conflict",
        "### The Reconciliation Office: “3,500 residents left through safe corridors”: ≈ compatible",
        "### “the Valdoran army took four districts”: = agree",
        "### a brigade commander: “We held the bridge”: • unique",
        "## Who says what",
        "## Framing",
        "## Actors",
        "## The comment section",
        "### Sides taken on the page's actors",
        "### Per commenter",
        "## Article text, annotated",
        "### Outside any account (the publisher's own voice)",
        "### Northwind Wire",
        "### Eastgate Today",
    ]
    assert "  - a brigade commander (direct)" in md  # nested source, indented under its parent
    assert '**a brigade commander:** _"We held the bridge,"_' in md
    assert (
        "  - **hot&lt;b\\>head&lt;/b\\>** (threat, insult): Nonsense, the brigades **will burn your house down**"
        " (threat) tonight." in md
    )
    assert "- **capture**: Northwind Wire: took ×2; Eastgate Today: liberated ×3" in md


def _text_nodes(md: str) -> list[str]:
    from markdown_it import MarkdownIt

    out: list[str] = []

    def walk(tokens):
        for token in tokens:
            if token.type == "text":
                out.append(token.content)
            walk(token.children or [])

    walk(MarkdownIt("commonmark").parse(md))
    return out


def test_markdown_renders_as_intended_in_a_commonmark_parser():
    from markdown_it import MarkdownIt

    for hostile in (False, True):
        md = render_markdown(build_analysis(hostile))
        html = MarkdownIt("commonmark").render(md)
        # every emphasis marker paired up: none is left as a literal character in the text
        leftovers = [t for t in _text_nodes(md) if "**" in t or "^" in t or t.startswith("_") or t.endswith("_ ")]
        assert leftovers == []
        assert "<table" not in html and "<script" not in html and "<img" not in html
    html = MarkdownIt("commonmark").render(render_markdown(build_analysis()))
    assert "<strong>will burn your house down</strong> (threat)" in html
    assert "<h3>“the army liberated five districts”: ≠ conflict</h3>" in html
    assert "<li><strong>Northwind Wire</strong>:" in html


def test_markdown_escapes_markup_and_table_breakers():
    assert escape_md("a|b <script> [x](javascript:y) *z*") == "a\\|b &lt;script\\> \\[x\\]\\(javascript:y\\) \\*z\\*"
    assert escape_md("1. not a list") == "1\\. not a list"
    assert escape_md("- not a bullet\nnext line") == "\\- not a bullet next line"
    md = render_markdown(build_analysis(hostile=True))
    assert "<script" not in md and "<img" not in md and "<svg" not in md
    assert "](javascript" not in md
    assert not [line for line in md.splitlines() if line.startswith("|")]  # a payload's | makes no table


def test_markdown_of_an_empty_analysis():
    md = render_markdown(Analysis(page=Page(text="")))
    assert md.startswith("# Untitled page")
    assert "_The page has no reader comments._" in md and "_No actors were found._" in md


def test_terminal_shows_columns_verdicts_and_threads():
    text = render_text(build_analysis(), width=140)
    for expected in (
        "Northwind Wire",
        "Eastgate Today",
        "≠ conflict",
        "≈ compatible",
        "= agree",
        "• unique",
        "liberated (3.1)",
        "Valdoran army —fights→ Free Tarn Brigades",
        "[threat] [insult]",
        "will burn your house down⟨threat⟩",
    ):
        assert expected in text, expected
    lines = text.splitlines()
    column_row = next(line for line in lines if "Northwind Wire" in line and "Eastgate Today" in line)
    assert column_row.index("Northwind Wire") < column_row.index("Eastgate Today")  # side by side
    reply = next(line for line in lines if "quiet_one" in line and "Oh great" in line)
    parent = next(line for line in lines if "hot<b>head</b>" in line and "Nonsense" in line)
    assert reply.index("quiet_one") > parent.index("hot<b>head</b>")  # replies nest deeper


def test_terminal_prints_markup_and_escape_sequences_as_text():
    analysis = build_analysis()
    analysis.page.title = "[bold red]loud[/] \x1b[31mred\x1b[0m"
    buffer = io.StringIO()
    render_terminal(analysis, Console(file=buffer, width=120, force_terminal=False, color_system=None))
    out = buffer.getvalue()
    assert "[bold red]loud[/]" in out
    assert "\x1b" not in out and "[31mred" in out


def test_terminal_of_an_empty_analysis():
    text = render_text(Analysis(page=Page(text="")))
    assert "The page has no reader comments." in text and "No claims were aligned" in text


def test_markdown_url_cannot_smuggle_a_link_or_markup():
    analysis = build_analysis()
    analysis.page.url = "https://news.example/\n\n[tap here](javascript:steal())\n\n<img src=q onerror=steal()>"
    md = render_markdown(analysis)
    assert "](javascript" not in md and "<img" not in md
    assert "\n[tap" not in md and "\n<https" not in md


def test_markdown_url_is_percent_quoted_inside_its_link():
    analysis = build_analysis()
    analysis.page.url = "https://news.example/wiki/Port_(Sarn)[2]?q=Śródmieście&x=%41"
    md = render_markdown(analysis)
    assert "<https://news.example/wiki/Port_%28Sarn%29%5B2%5D?q=%C5%9Ar%C3%B3dmie%C5%9Bcie&x=%41>" in md


def test_summary_is_one_screen_with_facts_sources_and_flags_and_prints_markup_as_text():
    from rashomon.report.terminal import render_summary

    text = render_summary(build_analysis(), width=100)
    lines = text.splitlines()
    assert len(lines) <= 60
    header = next(line for line in lines if "Fact" in line and "Northwind Wire" in line)
    assert header.index("Northwind Wire") < header.index("Eastgate Today")
    assert "≠ conflict" in text and "a brigade commander" in text and "threats 1" in text
    hostile = build_analysis(hostile=True)
    hostile.page.title = "[bold red]loud[/] \x1b[31mred"
    out = render_summary(hostile, width=100)
    assert "[bold red]loud[/]" in out and "\x1b" not in out


def test_a_verdict_that_says_how_sure_it_is_shows_it_beside_its_reason():
    from dataclasses import replace

    analysis = build_analysis()
    sure = replace(analysis.alignments[-2], certainty=0.63)  # "army advance", an agreement
    analysis.alignments = [*analysis.alignments[:-2], sure, analysis.alignments[-1]]
    md = render_markdown(analysis)
    heading = "### “the Valdoran army took four districts”: =? agree?"  # under 0.7 sure: a neutral "agree?"
    section = md.split(heading, 1)[1].split("###", 1)[0]
    assert "how sure: 63 %" in section
    assert "how sure" not in md.split(heading, 1)[0]  # verdicts without a certainty say nothing


def test_loaded_flags_show_their_kind_and_how_often_that_kind_was_right():
    from rashomon.report.view import framing_view

    framing = {
        "n1": {
            "label": "Daily Post",
            "loaded": [
                {"text": "slammed", "technique": "Loaded_Language", "kind": "verb", "confidence": 0.4},
                {"text": "reckless", "technique": "Loaded_Language", "kind": "model", "confidence": 0.16},
                {"text": "old quarter", "label": "place"},
            ],
        }
    }
    side = framing_view(framing, [])["sides"][0]
    # flags of a kind right less than half of the time are leads, shown apart from the findings
    assert [(i["text"], i["label"], i["confidence"]) for i in side["loaded"]] == [("old quarter", "place", None)]
    assert [(i["text"], i["label"], i["confidence"]) for i in side["loaded_leads"]] == [
        ("slammed", "side-taking verb", 0.4),
        ("reckless", "loaded language", 0.16),
    ]
    from rashomon.report.markdown import _loaded_item

    assert _loaded_item(side["loaded_leads"][0]) == "slammed (side-taking verb; right 40 % of the time in tests)"
    assert _loaded_item(side["loaded"][0]) == "old quarter (place)"


def test_a_source_s_short_quotation_is_not_the_account_s_scare_quote():
    from rashomon.report.view import framing_view, voices

    text = "The senator called the bill “a huge blunder”. The paper calls it a “reform”."
    at = text.index
    attributions = [{"source_id": "s1", "kind": "mixed", "content": {"start": at("the bill"), "end": at(". The")}}]
    sources = {"s1": {"id": "s1", "name": "the senator"}}
    flags = [
        {
            "start": at("“a huge"),
            "end": at(". The"),
            "text": "“a huge blunder”",
            "kind": "scare_quote",
            "confidence": 0.17,
        },
        {
            "start": at("“reform”"),
            "end": at("“reform”") + 8,
            "text": "“reform”",
            "kind": "scare_quote",
            "confidence": 0.17,
        },
    ]
    side = framing_view(
        {"n1": {"label": "Daily Post", "loaded": flags}}, [], None, voices(attributions, sources, text)
    )["sides"][0]
    assert [i["text"] for i in side["loaded_leads"]] == ["“reform”"]


def test_a_pronoun_no_one_was_found_for_is_shown_as_someone_not_named():
    """'he said' with no one named before is a source the stage could not tie to anyone: the reports say so rather
    than list "he" as if it were a name; a bare description ("the group") keeps its words."""
    from rashomon.report.view import source_name

    sources = {
        "s1": {"id": "s1", "name": "he", "unresolved": True},
        "s2": {"id": "s2", "name": "the group", "unresolved": True},
        "s3": {"id": "s3", "name": "He", "unresolved": False},
    }
    assert source_name(sources, "s1") == "someone not named (“he”)"
    assert source_name(sources, "s2") == "the group"
    assert source_name(sources, "s3") == "He"


def test_a_fact_cell_names_a_source_only_when_the_account_relays_one():
    from rashomon.report.view import facts_view

    sources = {
        "pub": {"id": "pub", "name": "Daily Post", "is_publisher": True},
        "s1": {"id": "s1", "name": "the harbour master"},
    }
    attributions = [
        {"id": "a1", "source_id": "pub", "kind": "editorial"},
        {"id": "a2", "source_id": "s1", "kind": "indirect"},
    ]
    claims = {
        "c1": {
            "id": "c1",
            "text": "The ferry left late.",
            "narrative": "pub",
            "source_id": "pub",
            "attribution_id": "a1",
        },
        "c2": {
            "id": "c2",
            "text": "The ferry was not late.",
            "narrative": "pub",
            "source_id": "s1",
            "attribution_id": "a2",
            "negated": True,
        },
    }
    narratives = [{"id": "pub", "name": "Daily Post", "slot": 0, "anchor": "n-pub"}]
    alignment = {"id": "g1", "verdict": "conflict", "claim_ids": ["c1", "c2"]}
    view = facts_view([alignment], claims, attributions, sources, narratives)
    (cell,) = view["rows"][0]["cells"]
    assert [c["chain"] for c in cell] == [[], ["the harbour master"]]


def test_a_lexicon_family_is_shown_only_when_the_accounts_use_it_with_different_words():
    from rashomon.report.view import framing_view

    def hit(family: str, form: str) -> dict:
        return {"family": family, "term": form, "side": "x", "count": 1, "forms": [form]}

    framing = {
        "n1": {"label": "Daily Post", "lexicon": [hit("setback", "defeat"), hit("armed opponents", "rebels")]},
        "n2": {"label": "Evening Star", "lexicon": [hit("setback", "defeat"), hit("armed opponents", "militants")]},
    }
    rows = framing_view(framing, [])["lexicon_pairs"]
    assert [(r["family"], r["by_side"]) for r in rows] == [("armed opponents", ["rebels ×1", "militants ×1"])]


def test_a_referent_every_account_names_alike_is_no_paired_choice():
    from rashomon.report.view import word_choices_view

    def row(account: str, term: str) -> dict:
        return {"account": account, "label": account, "words": [{"term": term, "count": 1}]}

    choices = [
        {"label": "the fighters", "differs": True, "accounts": [row("a", "rebels"), row("b", "militants")]},
        {"label": "the harbour", "differs": False, "accounts": [row("a", "harbour"), row("b", "harbour")]},
    ]
    table = word_choices_view(choices, [{"id": "a"}, {"id": "b"}])
    assert [(r["label"], r["cells"]) for r in table["rows"]] == [("the fighters", ["rebels ×1", "militants ×1"])]
    assert table["alike"] == ["the harbour"]


def test_an_account_named_only_alike_gets_no_column_and_every_report_gives_the_named_alike_line():
    from rashomon.report import render
    from rashomon.report.view import word_choices_view

    def row(account: str, term: str) -> dict:
        return {"account": account, "label": account.upper(), "words": [{"term": term, "count": 1}]}

    choices = [
        {"label": "the fighters", "differs": True, "accounts": [row("a", "rebels"), row("b", "militants")]},
        {"label": "the *harbour* <b>", "differs": False, "accounts": [row("a", "harbour"), row("c", "harbour")]},
    ]
    table = word_choices_view(choices, [{"id": "a"}, {"id": "b"}, {"id": "c"}])
    assert table["columns"] == ["A", "B"]  # C names only the harbour, alike: no empty column for it
    assert table["alike_line"] == "Named with the same words by every account that names them: the *harbour* <b>."
    assert word_choices_view(choices[:1], [])["alike_line"] is None

    text = "Daily A reports that the harbour stays shut."
    data = {
        "page": {"text": text},
        "blocks": [{"id": "b0", "kind": "paragraph", "start": 0, "end": len(text), "text": text, "narrative": None}],
        "sources": [{"id": "publisher", "name": "Daily A", "kind": "publisher", "is_publisher": True}],
        "word_choices": choices,
    }
    html, markdown, plain = (render(data, kind) for kind in ("html", "md", "text"))
    assert "them: the *harbour* &lt;b&gt;.</p>" in html
    assert "them: the \\*harbour\\* &lt;b\\>." in markdown
    assert "Named with the same words by every account that names them: the *harbour* <b>." in plain


def test_a_fact_cell_line_names_a_speaker_only_when_the_claim_relays_one():
    own = {"numbers": ["2"], "chain": [], "hedge": None, "text": "Two ferries left late."}
    relayed = {"numbers": [], "chain": ["the harbour master"], "hedge": "may", "text": "The ferry may be late."}
    assert _fact_claim(own) == "  - **2** — Two ferries left late."
    assert _fact_claim(relayed) == "  - the harbour master (hedged: may): The ferry may be late."


def test_markdown_tallies_the_sides_comments_take_on_each_actor():
    md = render_markdown(build_analysis())
    section = md[md.index("### Sides taken on the page's actors") : md.index("### Per commenter")]
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- **Free Tarn Brigades**: for 1 (hot&lt;b\\>head&lt;/b\\>); against 0"  # the commenter's name escaped
    ]


def test_terminal_tallies_the_sides_comments_take_on_each_actor():
    lines = render_text(build_analysis(), width=140).splitlines()
    title = next(k for k, line in enumerate(lines) if "Sides taken on the page's actors" in line)
    row = next(line for line in lines[title:] if "Free Tarn Brigades" in line)
    assert "1: hot<b>head</b>" in row and row.rstrip().endswith("0")  # one for (the commenter), none against
