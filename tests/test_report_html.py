"""The HTML report: every list of the model shows, empty lists degrade, hostile text stays text, offline file."""

from __future__ import annotations

import base64
import hashlib

import lxml.html
import pytest

from rashomon.contract import build_schema, to_dict
from rashomon.model import Analysis, Block, Claim, Comment, Evidence, Page, PageWarning
from rashomon.report.html import render_html
from rashomon.report.view import build_view, comment_filters, segment
from tests.test_report_fixtures import HOSTILE_PAYLOAD, build_analysis


@pytest.fixture(scope="module")
def filled_html() -> str:
    return render_html(build_analysis())


@pytest.fixture(scope="module")
def doc(filled_html):
    return lxml.html.fromstring(filled_html)


def test_fixture_output_follows_the_json_contract():
    import jsonschema

    for hostile in (False, True):
        jsonschema.Draft202012Validator(build_schema()).validate(to_dict(build_analysis(hostile)))


def test_header_shows_title_publisher_date_counts_and_warnings(doc):
    assert doc.findtext(".//h1") == "Siege of Tarnville nears its end"
    meta = doc.xpath("string(//dl[@class='meta'])")
    assert "The Daily Ledger" in meta and "2031-04-02" in meta and "en" in meta
    counts = doc.xpath("string(//ul[@class='counts'])")
    assert "5 claims" in " ".join(counts.split()) and "4 comments" in " ".join(counts.split())
    assert "no_comments" in doc.xpath("string(//section[contains(@class,'warnings')])")


def test_one_column_per_narrative_in_order_with_the_publisher_voice_apart(doc):
    columns = doc.xpath("//div[contains(@class,'columns')]/section[contains(@class,'column')]")
    assert [c.findtext("h3") for c in columns] == ["Northwind Wire", "Eastgate Today"]
    assert [b.get("id") for b in columns[0].xpath(".//div[@class='block']")] == ["block-b2", "block-b3"]
    assert [b.get("id") for b in columns[1].xpath(".//div[@class='block']")] == ["block-b4"]
    preface = doc.xpath("//section[@class='preface']//div[@class='block']")
    assert [b.get("id") for b in preface] == ["block-b1"]
    assert preface[0].xpath(".//span[@class='own']")


def test_nested_sources_are_indented_and_quotes_highlighted(doc):
    outer = doc.get_element_by_id("attribution-at1")
    quote = doc.get_element_by_id("attribution-at2")
    assert "depth-0" in outer.get("class") and "depth-1" in quote.get("class")
    assert "quote" in quote.get("class") and "quote" not in outer.get("class")
    assert quote.findtext("span[@class='who']") == "a brigade commander"
    speakers = doc.xpath("//div[@id='block-b2']/ul[@class='speakers']/li")
    assert [li.get("class") for li in speakers] == ["depth-0", "depth-1"]
    # the paragraph text is intact: the highlights only wrap it
    paragraph = doc.xpath("//div[@id='block-b2']/p")[0]
    who = "".join(paragraph.xpath(".//span[@class='who']/text()"))
    assert (
        paragraph.text_content().replace(who, "", 1).replace("a brigade commander", "", 1).count("We held the bridge")
        == 1
    )


def test_facts_side_by_side_one_row_per_fact_one_column_per_account(doc):
    table = doc.xpath("//section[@id='facts']//table[contains(@class,'facts')]")[0]
    assert [th.text_content() for th in table.xpath("thead/tr/th")] == ["Fact", "Northwind Wire", "Eastgate Today"]
    rows = table.xpath("tbody/tr")
    assert [r.xpath("string(.//span[contains(@class,'badge')])").split()[-1] for r in rows] == [
        "conflict",
        "compatible",
        "agree",
        "unique",
    ]
    assert "Four districts against five" in rows[0].xpath("string(th)")
    # each account's cell holds what it says, with the number and the source chain
    northwind, eastgate = (" ".join(td.text_content().split()) for td in rows[0].xpath("td"))
    assert "four" in northwind.lower() and "five" in eastgate.lower()
    assert [td.get("data-account") for td in rows[0].xpath("td")] == ["Northwind Wire", "Eastgate Today"]
    links = table.xpath(".//a[contains(@class,'fact-text')]")
    assert links
    for link in links:
        assert doc.get_element_by_id(link.get("href")[1:]).get("class") == "claim"


def test_facts_come_first_and_the_annotated_text_is_a_view_you_open(doc):
    sections = [s.get("id") for s in doc.xpath("//main/section")]
    assert sections == ["facts", "sources", "framing", "actors", "comments", "text"]
    details = doc.xpath("//section[@id='text']/details")[0]
    assert details.get("open") is None and details.xpath(".//div[contains(@class,'columns')]")
    legend = " ".join(details.xpath("string(.//dl[@class='legend'])").split())
    for style in ("solid underline", "dashed underline", "dotted underline", "yellow background", "small capitals"):
        assert style in legend


def test_who_says_what_is_a_tree_from_the_publisher_down(doc):
    tree = doc.xpath("//section[@id='sources']//div[@class='source-tree']/ul")[0]
    root = tree.xpath("li")
    assert len(root) == 1
    nested = root[0].xpath("ul/li/span[@class='node-name']/a")
    assert nested and all(a.get("href").startswith("#attribution-") for a in nested)
    deeper = tree.xpath("li/ul/li/ul/li/span[@class='node-name']")
    assert "a brigade commander" in [d.text_content() for d in deeper]


def test_framing_has_a_diverging_chart_and_the_lexicon_pairs(doc):
    chart = doc.xpath("//section[@id='framing']//*[local-name()='svg' and contains(@class,'diverging')]")
    assert chart
    labels = chart[0].xpath(".//*[local-name()='text']/text()")
    assert "liberated" in labels and "took" in labels
    row = doc.xpath("//table[@class='lexicon']/tbody/tr")[0]
    assert [c.text_content() for c in row] == ["capture", "took ×2", "liberated ×3"]
    assert "old quarter" in doc.xpath("string(//ul[@class='loaded'])")


def test_scorecard_lists_actors_by_side_relations_and_draws_the_graph(doc):
    captions = doc.xpath("//table[@class='actors']/caption/text()")
    assert captions == ["Side: government", "Side: rebels"]
    relations = [
        [" ".join(c.text_content().split()) for c in r] for r in doc.xpath("//table[@class='relations']/tbody/tr")
    ]
    assert relations[0] == [
        "Valdoran army",
        "fights",
        "Free Tarn Brigades",
        "Northwind Wire",
        "the Valdoran army took four districts",
    ]
    assert relations[2][1] == "accuses (denied)" and relations[2][3] == "—"
    graph = doc.xpath("//*[local-name()='svg' and contains(@class,'graph')]")[0]
    assert len(graph.xpath(".//*[local-name()='circle']")) == 3
    assert len(graph.xpath(".//*[local-name()='path' and @marker-end]")) == 3


def test_comments_are_threaded_flagged_with_their_evidence_and_summarised(doc):
    comments = doc.xpath("//article[contains(@class,'comment')]")
    assert [(c.get("id"), c.get("class").split()[-1]) for c in comments] == [
        ("comment-k1", "depth-0"),
        ("comment-k2", "depth-1"),
        ("comment-k3", "depth-2"),
        ("comment-k4", "depth-0"),
    ]
    assert comments[1].get("data-filters").split() == ["threats", "abuse"]
    assert comments[2].get("data-filters") == "sarcasm"
    assert comments[3].get("data-filters") == "corrections"
    mark = comments[1].xpath(".//mark[@class='evidence']")[0]
    assert mark.text == "will burn your house down" and mark.get("title").startswith("threat")
    buttons = [b.text_content() for b in doc.xpath("//div[@class='filters']/button")]
    assert buttons == [
        "All (4)",
        "Threats (1)",
        "Abuse (1)",
        "Sarcasm (1)",
        "Corrections (1)",
        "Unscored (0)",
        "Pingbacks (0)",
    ]
    summary = {
        r[0].text_content().split()[0]: [c.text_content() for c in r[1:]]
        for r in doc.xpath("//table[@class='commenters']/tbody/tr")
    }
    assert summary["river_reader"][:2] == ["2", "1"]
    assert summary["quiet_one"][2] == "sarcasm marker ×1"


def test_sides_taken_on_each_actor_are_tallied_with_links_to_the_comments_and_their_sentences():
    data = to_dict(build_analysis())
    k2, k4 = (next(c for c in data["comments"] if c["id"] == key) for key in ("k2", "k4"))
    actor = k2["stance"][0]["actor"]
    k4["stance"] = [{**k2["stance"][0], "stance": "anti", "text": "a sentence of k4"}]
    k2["stance"].append({**k2["stance"][0], "actor": "ac9", "stance": "neutral", "score": 0.0})  # not a side
    page = lxml.html.fromstring(render_html(data))
    rows = page.xpath("//table[@class='actor-stances']/tbody/tr")
    assert len(rows) == 1  # the neutral mention is no side taken
    name = next(a["name"] for a in data["actors"] if a["id"] == actor)
    assert rows[0].xpath("string(th)") == name
    pro, anti = rows[0].xpath("td")
    assert pro.text_content().startswith("1: ") and anti.text_content().startswith("1: ")
    assert [a.get("href") for a in pro.xpath("a") + anti.xpath("a")] == ["#comment-k2", "#comment-k4"]
    assert anti.xpath("a")[0].get("title") == "a sentence of k4"
    chip = page.get_element_by_id("comment-k4").xpath(".//span[contains(@class,'stance-anti')]")[0]
    assert chip.get("title") == "read from: a sentence of k4"  # the chip says which sentence it was read from
    k4["stance"][0] |= {"basis": "model", "score": -0.93}
    chip = (
        lxml.html.fromstring(render_html(data))
        .get_element_by_id("comment-k4")
        .xpath(".//span[contains(@class,'stance-anti')]")[0]
    )
    assert chip.get("title") == (  # and what read it: the stance model's own answer says so, with how sure it was
        "the stance model's reading of the comment (P(pro) − P(anti) = -0.93), which names the actor in: a sentence of k4"
    )
    for comment in data["comments"]:
        comment["stance"] = [s for s in comment["stance"] if s["stance"] == "neutral"]
    assert not lxml.html.fromstring(render_html(data)).xpath("//table[@class='actor-stances']")  # no side: no table


def test_a_weakly_inferred_reply_stays_in_page_order_as_a_hint_and_abstentions_show_nothing():
    data = to_dict(build_analysis())
    k2, k3 = (next(c for c in data["comments"] if c["id"] == key) for key in ("k2", "k3"))
    k3.update(reply_reason="echoes", reply_confidence=0.6)
    k3["evidence"].append({"label": "reply:echoes", "start": k3["start"], "end": k3["start"] + 8, "weight": 0.6})
    k2["stance"].append({**k2["stance"][0], "actor": k2["stance"][0]["actor"], "stance": "neutral", "score": 0.0})
    page = lxml.html.fromstring(render_html(data))
    comments = page.xpath("//article[contains(@class,'comment')]")
    assert [c.get("class").split()[-1] for c in comments] == ["depth-0", "depth-1", "depth-0", "depth-0"]
    weak = page.get_element_by_id("comment-k3")
    hint = weak.xpath(".//a[@class='reply-to']")[0]
    assert hint.text == f"perhaps answers {k2['author']}" and hint.get("href") == "#comment-k2"
    assert "inferred: repeats its words, 60%" in weak.xpath("string(.//span[@class='kind'])")
    assert [m.get("title") for m in weak.xpath(".//mark[@class='evidence']")] == ["sarcasm marker"]
    k3.update(reply_reason="answers_previous", reply_confidence=0.5)  # order alone: no hint, no "inferred"
    guess = lxml.html.fromstring(render_html(data)).get_element_by_id("comment-k3")
    assert not guess.xpath(".//a[@class='reply-to']") and "inferred" not in guess.text_content()
    chips = [
        b.text_content() for b in page.get_element_by_id("comment-k2").xpath(".//span[contains(@class,'stance-')]")
    ]
    assert chips and not any(chip.startswith("neutral") for chip in chips)
    scores = page.get_element_by_id("comment-k2").xpath("string(.//span[@class='scores'])")
    assert "threat 0.92" in scores and "abuse" not in scores  # a score is shown for a flag the comment has


def test_report_is_self_contained_with_a_strict_csp(filled_html, doc):
    assert not doc.xpath("//link | //iframe | //object | //embed | //img | //script[@src]")
    assert "@import" not in filled_html and "url(" not in filled_html.replace("url(#arrow)", "")
    for element in doc.iter():
        for name in ("src", "href"):
            value = element.get(name) or ""
            assert not value or value.startswith("#") or value == "https://ledger.invalid/tarnville", value
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    script = doc.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_hostile_text_renders_as_text_everywhere():
    html = render_html(build_analysis(hostile=True))
    doc = lxml.html.fromstring(html)
    assert len(doc.xpath("//script")) == 1  # the report's own
    assert not doc.xpath("//img | //iframe | //a[starts-with(normalize-space(@href),'javascript')]")
    assert not doc.xpath("//*[local-name()='svg' and not(contains(@class,'chart'))]")
    for element in doc.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.tag
    assert HOSTILE_PAYLOAD.strip() in doc.findtext(".//h1")
    assert HOSTILE_PAYLOAD.strip() in doc.findtext(".//title")
    assert "{{7*7}}" in doc.findtext(".//h1") and "49" not in doc.findtext(".//h1")  # no template evaluation
    # the unsafe address is shown, not linked
    assert "javascript:window.__xss=3" in doc.xpath("string(//dl[@class='meta'])")


def test_empty_analysis_renders_every_section_with_a_plain_sentence():
    html = render_html(Analysis(page=Page(text="")))
    doc = lxml.html.fromstring(html)
    assert doc.findtext(".//h1") == "Untitled page"
    empties = [e.text_content() for e in doc.xpath("//p[@class='empty']")]
    assert empties == [
        "No claims were aligned across accounts.",
        "No attributed statement was found.",
        "No framing was measured.",
        "No actors were found.",
        "The page has no reader comments.",
        "The page has no article text.",
    ]


def test_page_without_narratives_shows_one_article_column_and_odd_framing_keys():
    text = "A headline\n\nA paragraph of the article."
    page = Page(
        text=text,
        blocks=[Block("b0", "headline", 0, 10, "A headline"), Block("b1", "paragraph", 12, len(text), text[12:])],
    )
    analysis = Analysis(page=page, framing={"x": {"distinctive": [{"term": "odd", "z": "n/a"}]}, "y": "not a dict"})
    doc = lxml.html.fromstring(render_html(analysis))
    assert [c.findtext("h3") for c in doc.xpath("//section[contains(@class,'column')]")] == ["Article"]
    assert doc.findtext(".//h1") == "A headline"
    assert doc.xpath("//section[@id='framing']//*[local-name()='svg']")


def test_bad_offsets_and_reply_cycles_do_not_break_the_report():
    text = "Headline\n\nBody text here.\n\nA comment.\n\nAnother."
    page = Page(
        text=text,
        blocks=[Block("b1", "paragraph", 10, 25, text[10:25], "s9")],
        comments=[
            Comment(
                "c1",
                "a",
                "A comment.",
                27,
                37,
                reply_to="c2",
                evidence=[Evidence("threat", 500, 510, "x"), Evidence("abuse", 30, 99, "y")],
            ),
            Comment("c2", "b", "Another.", 39, 47, reply_to="c1"),
            Comment("c3", None, "ghost", 900, 905, reply_to="c3"),
        ],
    )
    analysis = Analysis(page=page, claims=[Claim("k1", "s9", 5, 400, "bad"), Claim("k2", "nobody", 12, 20, "dy text ")])
    doc = lxml.html.fromstring(render_html(analysis))
    assert sorted(a.get("id") for a in doc.xpath("//article")) == ["comment-c1", "comment-c2", "comment-c3"]
    assert doc.xpath("string(//article[@id='comment-c3']//p)") == "ghost"  # offsets outside the text: own text
    assert doc.get_element_by_id("claim-k2").text_content() == "dy text "


def test_comments_set_aside_unscored_say_so_in_plain_words():
    # a German comment carries the flag language_unknown (not English, so not scored): the report says it was
    # not scored and in which language, gives no "highest abuse score 0.00" for it, and shows times for reading
    text = "Schlagzeile\n\nDer Text.\n\nDas sehe ich anders.\n\n???"
    page = Page(
        text=text,
        language="de",
        blocks=[Block("b1", "paragraph", 13, 22, text[13:22])],
        comments=[
            Comment(
                "c1",
                "Ute",
                "Das sehe ich anders.",
                24,
                44,
                language="de",
                flags=["language_unknown"],
                posted_at="2021-03-04T18:05:09+01:00",
            ),
            Comment("c2", "Max", "???", 46, 49, flags=["language_unknown"]),
            Comment("c3", None, "[…] the hall reopens […]", 0, 0, flags=["pingback"]),
        ],
    )
    skipped = PageWarning("stages_skipped", "not analysed: the page is in German (de)", "attribution,claims")
    doc = lxml.html.fromstring(render_html(Analysis(page=page, warnings=[skipped])))
    badges = [b.text_content() for b in doc.xpath("//article//span[contains(@class,'flag')]")]
    assert badges == ["not scored: German", "not scored: language unknown", "pingback: a post elsewhere links here"]
    # a pingback is no commenter: named as what it is, and left out of the per-commenter table
    assert doc.xpath("string(//article[@id='comment-c3']//strong[@class='author'])") == "(pingback)"
    assert doc.xpath("string(//article[@id='comment-c1']//time)") == "2021-03-04 18:05 +01:00"
    assert doc.xpath("string(//article[@id='comment-c1']//time/@datetime)") == "2021-03-04T18:05:09+01:00"
    rows = {
        r[0].text_content(): [c.text_content() for c in r[1:]]
        for r in doc.xpath("//table[@class='commenters']/tbody/tr")
    }
    assert rows["Ute"][2:] == ["not scored: German ×1", "— (not scored)"]
    assert sorted(rows) == ["Max", "Ute"]
    assert "(attribution, claims)" in doc.xpath("string(//section[contains(@class,'warnings')])")


def test_a_commenters_highest_abuse_score_counts_only_what_was_flagged():
    # an unflagged question scoring 0.61 for insult must not read "highest abuse score 0.61" beside its author
    text = "Headline\n\nBody.\n\nMy seedlings keep dying, what am I doing wrong?\n\nYou absolute clown."
    question, insult = text.index("My"), text.index("You")
    page = Page(
        text=text,
        blocks=[Block("b1", "paragraph", 10, 15, text[10:15])],
        comments=[
            Comment("c1", "Ann", text[question : insult - 2], question, insult - 2, scores={"insult": 0.61}),
            Comment("c2", "Bo", text[insult:], insult, len(text), scores={"insult": 0.93}, flags=["insult"]),
        ],
    )
    analysis = Analysis(page=page)
    rows = {
        r[0].text_content(): r[-1].text_content()
        for r in lxml.html.fromstring(render_html(analysis)).xpath("//table[@class='commenters']/tbody/tr")
    }
    assert rows == {"Ann": "— (no abuse flag)", "Bo": "0.93"}
    commenters = {r["author"]: r for r in build_view(to_dict(analysis))["comments"]["commenters"]}
    assert (commenters["Ann"]["scored"], commenters["Ann"]["max_abuse"]) == (True, None)


def test_segment_nests_and_clips_crossing_intervals():
    text = "0123456789"
    tree = segment(
        text,
        0,
        10,
        [
            (2, 8, "attribution", {"n": 1}),
            (3, 5, "claim", {}),
            (6, 12, "cue", {}),
            (7, 9, "source", {}),
            (-1, 3, "claim", {}),
        ],
    )
    assert tree[0] == {"text": "01"}
    outer = tree[1]
    assert outer["kind"] == "attribution" and outer["end"] == 8
    assert [c.get("kind") or c["text"] for c in outer["children"]] == ["2", "claim", "5", "cue"]
    assert outer["children"][3]["end"] == 8  # clipped to its parent
    flat = []

    def walk(nodes):
        for node in nodes:
            flat.append(node["text"]) if "text" in node else walk(node["children"])

    walk(tree)
    assert "".join(flat) == text


def test_comment_filters_follow_flags_not_withheld_scores():
    assert comment_filters({"flags": ["threat"], "scores": {}}) == ["threats"]
    assert comment_filters({"flags": ["threat_violence"], "scores": {}}) == []  # not a declared flag
    assert comment_filters({"flags": ["language_unknown"]}) == ["unscored"]
    assert comment_filters({"flags": ["insult"], "scores": {"insult": 0.9}}) == ["abuse"]
    # a score whose flag the stage withheld (nothing to show) does not count the comment as abusive
    assert comment_filters({"flags": [], "scores": {"toxicity": 0.9}}) == []
    assert comment_filters({"flags": ["sarcasm_marker"], "corrects": "c1"}) == ["sarcasm", "corrections"]
    assert comment_filters({"flags": [], "scores": {"abuse": "bad"}}) == []


def test_actor_graph_draws_only_actors_in_a_relation():
    from rashomon.report import svg

    actors = [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}, {"id": "c", "name": "Loner"}]
    graph = lxml.html.fromstring(str(svg.actor_graph(actors, [{"type": "fights", "subject": "a", "object": "b"}])))
    assert graph.xpath("//*[local-name()='text']/text()")[-2:] == ["Alpha", "Beta"]
    assert "Loner" not in graph.text_content()
    assert not svg.actor_graph(actors, [{"type": "fights", "subject": "a", "object": "zz"}])


def test_view_tolerates_a_sparse_dict():
    view = build_view(
        {
            "page": {"text": "x"},
            "framing": {"a": {}},
            "alignments": [{"id": "g", "claim_ids": ["missing"], "verdict": "weird", "explanation": None}],
        }
    )
    assert view["alignments"][0]["verdict"] == "unique" and view["alignments"][0]["claims"] == []


def test_a_url_is_a_link_only_when_the_whole_of_it_is_an_http_url():
    from rashomon.report.view import safe_url

    smuggled = "https://news.example/\n\n[tap here](javascript:steal())\n\n<img src=q onerror=steal()>"
    for bad in (
        smuggled,
        "https://news.example/a b",
        'https://news.example/"onmouseover="x',
        "https://",
        "https://news.example/`x`",
        "https://news.example/\x07",
        "javascript:steal()",
        None,
        42,
    ):
        assert safe_url(bad) is None, bad
    assert safe_url(" https://news.example/a/b?c=1&d=(2)#e ") == "https://news.example/a/b?c=1&d=(2)#e"
    analysis = build_analysis()
    analysis.page.url = smuggled
    doc = lxml.html.fromstring(render_html(analysis))
    assert not doc.xpath("//a[contains(@href,'news.example') or starts-with(normalize-space(@href),'javascript')]")
    assert not doc.xpath("//img") and "tap here" in doc.xpath("string(//dl[@class='meta'])")


def test_to_json_writes_no_nan_or_infinity():
    import json

    from rashomon.contract import to_json

    analysis = build_analysis()
    analysis.framing["s-nw"]["distinctive"][0]["z"] = float("inf")
    analysis.page.comments[0].scores["abuse"] = float("nan")
    analysis.claims[1].quantities[0].value = float("-inf")
    text = to_json(analysis)
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} written"))
    assert data["framing"]["s-nw"]["distinctive"][0]["z"] is None
    assert data["comments"][0]["scores"]["abuse"] is None
    assert data["claims"][1]["quantities"][0]["value"] is None
    assert data["claims"][1]["quantities"][0]["noun"] == "residents"  # the rest is kept
    assert to_dict(analysis)["comments"][0]["scores"] == {"abuse": None}
    render_html(to_dict(analysis))  # the report still renders


def test_a_one_account_page_says_why_its_framing_part_is_empty():
    import rashomon

    text = (
        "Quay reopens after the storm\n\n"
        "The northern quay of Port Sarn reopened on Tuesday after three weeks of repairs to the storm wall. "
        "The harbour office expects the first container ships on Monday.\n\n"
        "Dock workers removed the last of the debris over the weekend, and the crane tracks were tested on Sunday."
    )
    data = to_dict(rashomon.analyze(text=text))
    framing = lxml.html.fromstring(render_html(data)).get_element_by_id("framing")
    said = framing.text_content()
    assert "the page tells one account, so there is no other side to contrast" in said


def test_a_headline_with_a_mark_in_it_is_shown_in_the_text_too():
    head = "Mayor Says Tram Depot Will Close"
    text = f"{head}\n\nThe council meets on Friday."
    body = Block("b1", "paragraph", len(head) + 2, len(text), text[len(head) + 2 :])

    def blocks_shown(claims: list[dict]) -> list[tuple[str, str]]:
        data = {
            "page": {"text": text},
            "blocks": [
                {"id": "b0", "kind": "headline", "start": 0, "end": len(head), "text": head},
                {"id": "b1", "kind": "paragraph", "start": body.start, "end": body.end, "text": body.text},
            ],
            "claims": claims,
        }
        view = build_view(data)
        return [(b["id"], b["kind"]) for column in view["columns"] for b in column["blocks"]]

    assert blocks_shown([]) == [("b1", "paragraph")]  # the title above says it already
    claim = {"id": "k1", "start": 6, "end": len(head), "text": head[6:]}
    assert blocks_shown([claim]) == [("b0", "headline"), ("b1", "paragraph")]
    page = Page(text=text, title=head, blocks=[Block("b0", "headline", 0, len(head), head), body])
    analysis = Analysis(page=page, claims=[Claim("k1", "publisher", 6, len(head), head[6:])])
    doc = lxml.html.fromstring(render_html(analysis))
    assert doc.xpath("string(//div[contains(@class,'block headline')])").strip().startswith("Mayor")


def test_comment_evidence_says_what_it_marks_not_which_model_found_it():
    # "toxic_span" names the head that found the words; the reader is told they are the abusive words
    text = "Title\n\nBody.\n\nYou are a complete clown and a liar."
    start = text.index("You")
    clown, liar = text.index("complete clown"), text.index("liar")
    comment = Comment(
        "c1",
        "Ann",
        text[start:],
        start,
        len(text),
        flags=["insult"],
        evidence=[
            Evidence("toxic_span", clown, clown + len("complete clown"), "complete clown", 0.91),
            Evidence("identity_attack", liar, liar + 4, "liar", 0.6),
        ],
    )
    page = Page(text=text, blocks=[Block("b1", "paragraph", 7, 12, "Body.")], comments=[comment])
    doc = lxml.html.fromstring(render_html(Analysis(page=page)))
    labels = [s.text_content() for s in doc.xpath("//article[@id='comment-c1']//sup[@class='ev-label']")]
    assert labels == ["abusive words", "identity attack"]
    assert "toxic_span" not in doc.xpath("string(//article[@id='comment-c1'])")
