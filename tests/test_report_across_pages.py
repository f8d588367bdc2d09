"""The cross-outlet report's own rules (session 10's reading of real news): one actor row per person across
pages, fact headings that name an event only when the claims share it, lexicon rows that pair accounts, and
capitals after an initial that are a name's. Every sentence here is our own."""

from __future__ import annotations

from rashomon.actors.across import same_actors_across_pages
from rashomon.framing import _piece_words, _sentence_initial
from rashomon.report.comparison import merge_for_report
from rashomon.report.view import actor_matrix, framing_view, in_words_of, voices


def _actor(ident: str, name: str, page: str, start: int, type_: str = "person") -> dict:
    return {
        "id": ident,
        "name": name,
        "type": type_,
        "aliases": [],
        "mentions": [{"start": start, "end": start + len(name), "text": name}],
        "pages": {page},
    }


def test_a_short_name_on_one_page_joins_the_full_name_on_another():
    actors, renamed = same_actors_across_pages(
        [
            _actor("person:eric_cantor", "Eric Cantor", "p1", 0),
            _actor("person:cantor", "Cantor", "p2", 500),
            _actor("person:david_brat", "David Brat", "p1", 40),
            _actor("person:dave_brat", "Dave Brat", "p3", 900),
            _actor("person:ronald_s_johnson", "Ronald S. Johnson", "p1", 80),
            _actor("person:ron_johnson", "Capt. Ron Johnson", "p2", 600),
            _actor("actor:ferguson", "FERGUSON", "p1", 120, "place"),
            _actor("actor:ferguson_2", "Ferguson", "p2", 700, "place"),
        ]
    )
    by_name = {a["name"]: a for a in actors}
    assert sorted(by_name) == ["David Brat", "Eric Cantor", "FERGUSON", "Ronald S. Johnson"]
    assert len(by_name["Eric Cantor"]["mentions"]) == 2 and by_name["Eric Cantor"]["aliases"] == ["Cantor"]
    assert renamed == {
        "person:cantor": "person:eric_cantor",
        "person:dave_brat": "person:david_brat",
        "person:ron_johnson": "person:ronald_s_johnson",
        "actor:ferguson_2": "actor:ferguson",
    }
    assert all("pages" not in a for a in actors)


def test_an_acronym_written_with_periods_on_one_page_joins_it_written_without():
    actors, renamed = same_actors_across_pages(
        [
            _actor("actor:n_a_a_c_p", "N.A.A.C.P.", "p1", 0, "organization"),
            _actor("actor:naacp", "NAACP", "p2", 300, "organization"),
            _actor("actor:nasa", "NASA", "p3", 600, "organization"),
        ]
    )
    assert sorted(a["name"] for a in actors) == ["N.A.A.C.P.", "NASA"]
    assert renamed == {"actor:naacp": "actor:n_a_a_c_p"}


def test_an_ambiguous_short_name_or_a_sons_suffix_keeps_actors_apart():
    actors, renamed = same_actors_across_pages(
        [
            _actor("person:jesse_jackson", "Jesse Jackson", "p1", 0),
            _actor("person:sandra_jackson", "Sandra Jackson", "p1", 30),
            _actor("person:jackson", "Jackson", "p2", 400),  # which Jackson? neither
            _actor("person:jesse_jackson_jr", "Jesse Jackson Jr.", "p2", 420),
            _actor("person:jesse_l_jackson_jr", "Jesse L. Jackson Jr.", "p3", 800),  # the son: not the father
            _actor("actor:senate", "Senate", "p1", 60, "organization"),
            _actor("person:senate", "Senate", "p1", 90),  # one page's two actors of one name: its own call
        ]
    )
    assert renamed == {"person:jesse_jackson_jr": "person:jesse_l_jackson_jr"}
    assert len(actors) == 6


def test_a_last_name_joins_the_one_full_name_it_can_mean_even_on_its_own_page():
    actors, renamed = same_actors_across_pages(
        [
            _actor("person:mark_holder", "Mark Holder", "p1", 0),
            _actor("person:holder", "Holder", "p1", 50),  # the page left them apart; nobody else is "Holder"
            _actor("person:bob_mcdaniel", "Bob McDaniel", "p2", 300),
            _actor("person:robert_p_mcdaniel", "Robert P. McDaniel", "p3", 600),
            _actor("person:mcdaniel", "McDaniel", "p2", 350),
            _actor("actor:holder", "Holder", "p2", 380, "organization"),  # the parser's label for a bare name
            _actor("actor:arlington", "Arlington", "p3", 650, "place"),  # no person's name: stays
        ]
    )
    assert renamed == {
        "person:holder": "person:mark_holder",
        "person:bob_mcdaniel": "person:robert_p_mcdaniel",
        "person:mcdaniel": "person:robert_p_mcdaniel",
        "actor:holder": "person:mark_holder",
    }
    assert sorted(a["name"] for a in actors) == ["Arlington", "Mark Holder", "Robert P. McDaniel"]


def test_relations_follow_the_actor_they_were_joined_into():
    def page(text: str, actor: dict, relations: list[dict]) -> dict:
        return {
            "page": {"text": text},
            "sources": [{"id": "publisher", "name": "x", "is_publisher": True, "mentions": []}],
            "blocks": [{"id": "b0", "kind": "paragraph", "start": 0, "end": len(text), "text": text}],
            "actors": [actor],
            "relations": relations,
        }

    first = page("Senator Ann Okafor met the mayor.", {**_actor("person:ann_okafor", "Ann Okafor", "", 8)}, [])
    second = page(
        "Okafor criticised the mayor.",
        {**_actor("person:okafor", "Okafor", "", 0)},
        [{"id": "r1", "type": "criticizes", "subject": "person:okafor", "object": "actor:mayor"}],
    )
    for data in (first, second):
        del data["actors"][0]["pages"]
    merged = merge_for_report([first, second], {"alignments": [], "framing": {}}, ["Daily A", "Daily B"])
    assert [a["name"] for a in merged["actors"]] == ["Ann Okafor"]
    assert merged["actors"][0]["mentions"][1]["start"] == len(first["page"]["text"]) + 2  # moved past page 1
    assert merged["relations"][0]["subject"] == "person:ann_okafor"


def test_lexicon_rows_pair_accounts_and_skip_words_of_names():
    def side(*hits: tuple[str, str, list[str]]) -> dict:
        return {"lexicon": [{"family": f, "term": t, "count": 1.0, "forms": forms} for f, t, forms in hits]}

    narratives = [{"id": "a", "name": "Daily A", "slot": 0}, {"id": "b", "name": "Daily B", "slot": 1}]
    framing = {
        "a": side(("armed_opponents", "opposition", ["opposition"]), ("setback", "defeat", ["defeat"])),
        "b": side(("setback", "defeat", ["defeated"]), ("setback", "retreat", ["Retreat"])),
    }
    view = framing_view(framing, narratives)
    assert view["lexicon_pairs"] == [{"family": "setback", "by_side": ["defeat ×1", "defeated ×1"]}]
    # one account alone: its terms are all it has, so they stay
    alone = framing_view({"a": framing["a"]}, narratives[:1])
    assert [row["family"] for row in alone["lexicon_pairs"]] == ["armed opponents", "setback"]


def test_a_capital_after_an_initial_or_a_title_is_a_name():
    text = "The vote pleased Representative Ann M. Slaughter. Slaughter is a good word. Rep. Slaughter agreed."
    assert not _sentence_initial(text, text.index("Slaughter."))
    assert _sentence_initial(text, text.index("Slaughter is"))
    assert not _sentence_initial(text, text.index("Slaughter agreed"))
    assert _sentence_initial("He left at 5 p.m. Then he ran.", len("He left at 5 p.m. "))
    starts, _, eligible = _piece_words(0, text)
    assert [bool(e) for s, e in zip(starts, eligible, strict=True) if text.startswith("Slaughter", s)] == [
        False,
        True,
        False,
    ]


def test_a_loaded_word_the_account_quotes_is_marked_as_its_sources():
    text = (
        "The mayor called the plan “reckless”. The council chose a shameful path. "
        "The mayor said the vote was a disgraceful stunt. “It was a travesty,” she said."
    )
    at = text.index

    def statement(kind: str, start: str, end: str) -> dict:
        return {"source_id": "s1", "kind": kind, "content": {"start": at(start), "end": at(end) + len(end)}}

    attributions = [
        statement("mixed", "the plan", "“reckless”"),  # reported speech: only the quoted word is hers
        statement("indirect", "the vote", "stunt"),  # a paraphrase: the account's words
        statement("direct", "“It", "travesty,”"),
    ]
    sources = {"s1": {"id": "s1", "name": "the mayor"}, "publisher": {"id": "publisher", "is_publisher": True}}
    words = ("reckless", "shameful", "disgraceful", "travesty")
    framing = {"publisher": {"loaded": [{"start": at(w), "end": at(w) + len(w), "text": w} for w in words]}}
    narratives = [{"id": "publisher", "name": "Daily A", "slot": 0}]
    view = framing_view(framing, narratives, [], voices(attributions, sources, text))
    assert [(i["text"], i["whose"]) for i in view["sides"][0]["loaded"]] == [
        ("shameful", None),
        ("disgraceful", None),
        ("reckless", "in the mayor’s words"),
        ("travesty", "in the mayor’s words"),
    ]
    assert in_words_of("voters") == "in voters’ words"


def test_a_loaded_word_quoted_from_a_source_not_named_says_so():
    text = "“It was a travesty,” he said."
    attributions = [{"source_id": "s1", "kind": "direct", "content": {"start": 0, "end": text.index(" he")}}]
    sources = {"s1": {"id": "s1", "name": "he", "unresolved": True}}
    framing = {"publisher": {"loaded": [{"start": text.index("travesty"), "end": text.index("travesty") + 8}]}}
    view = framing_view(
        framing, [{"id": "publisher", "name": "Daily A", "slot": 0}], [], voices(attributions, sources, text)
    )
    assert view["sides"][0]["loaded"][0]["whose"] == "in the words of someone not named (“he”)"


def test_loaded_spans_of_a_later_page_point_into_the_merged_text():
    first = {"page": {"text": "One page."}, "blocks": []}
    second = {"page": {"text": "A shameful act."}, "blocks": []}
    result = {"alignments": [], "framing": {"p2": {"loaded": [{"start": 2, "end": 10, "text": "shameful"}]}}}
    merged = merge_for_report([first, second], result, ["Daily A", "Daily B"])
    (span,) = merged["framing"]["p2:publisher"]["loaded"]
    assert merged["page"]["text"][span["start"] : span["end"]] == "shameful"


def test_a_distinctive_word_of_a_later_page_points_into_the_merged_text_with_its_context():
    first = {"page": {"text": "One page."}, "blocks": []}
    second = {"page": {"text": "A shameful act, shameful."}, "blocks": []}
    row = {"term": "shameful", "spans": [[2, 10], [16, 24]], "context": {"start": 2, "end": 10, "snippet": "x"}}
    result = {"alignments": [], "framing": {"p2": {"distinctive": [row], "loaded": []}}}
    merged = merge_for_report([first, second], result, ["Daily A", "Daily B"])
    (moved,) = merged["framing"]["p2:publisher"]["distinctive"]
    text = merged["page"]["text"]
    assert [text[a:b] for a, b in moved["spans"]] == ["shameful", "shameful"]
    assert text[moved["context"]["start"] : moved["context"]["end"]] == "shameful"
    assert row["spans"] == [[2, 10], [16, 24]]  # the comparison's own result is left as it was


def test_a_distinctive_word_needs_a_real_difference_and_the_accounts_own_use():
    text = "“The plan is a disgrace,” the mayor said. Critics call it a disgrace. Reckless, reckless spending."
    quote = {"id": "a1", "source_id": "s1", "kind": "direct", "content": {"start": 0, "end": text.index(" the mayor")}}
    sources = {"s1": {"id": "s1", "name": "the mayor"}}

    def uses(word: str) -> list[list[int]]:
        return [[m, m + len(word)] for m in range(len(text)) if text.startswith(word, m)][:1]

    framing = {
        "a": {
            "distinctive": [
                {"term": "disgrace", "z": 2.4, "count": 2.0, "spans": uses("disgrace")},  # the mayor's word
                {"term": "spending", "z": 1.3, "count": 2.0, "spans": uses("spending")},  # two uses against none
                {"term": "reckless", "z": 2.6, "count": 2.0, "spans": uses("Reckless")},
            ]
        },
        "b": {"distinctive": []},
    }
    narratives = [{"id": "a", "name": "Daily A", "slot": 0}, {"id": "b", "name": "Daily B", "slot": 1}]
    view = framing_view(framing, narratives, [], voices([quote], sources, text))
    assert [t["term"] for t in view["sides"][0]["distinctive"]] == ["reckless"]


def test_an_actor_named_only_in_a_title_case_headline_is_left_out_of_the_table():
    headline = "Mayor Okafor Faces Council As Tempers Cool"
    body = "Mayor Ann Okafor met the council on Monday."
    blocks = [
        {"id": "b0", "kind": "headline", "start": 0, "end": len(headline), "text": headline, "narrative": "n1"},
        {"id": "b1", "kind": "paragraph", "start": 50, "end": 50 + len(body), "text": body, "narrative": "n1"},
    ]
    at = headline.index
    actors = [
        {"id": "x1", "name": "Tempers Cool", "mentions": [{"start": at("Tempers"), "end": at("Tempers") + 12}]},
        {
            "id": "x2",
            "name": "Ann Okafor",
            "mentions": [{"start": at("Okafor"), "end": at("Okafor") + 6}, {"start": 60}],
        },
    ]
    matrix = actor_matrix(actors, [], blocks, [{"id": "n1", "name": "Daily A", "slot": 0}])
    assert [r["name"] for r in matrix["rows"] + matrix["more"]] == ["Ann Okafor"]
    plain = [{**blocks[0], "text": "Mayor faces council as tempers cool"}, blocks[1]]  # not title case: kept
    matrix = actor_matrix(actors, [], plain, [{"id": "n1", "name": "Daily A", "slot": 0}])
    assert sorted(r["name"] for r in matrix["rows"] + matrix["more"]) == ["Ann Okafor", "Tempers Cool"]


def test_a_comparisons_header_gives_the_pages_language_and_dates_not_unknown():
    pages = [
        {"page": {"text": "One.", "language": "en", "published_at": "2014-03-02"}},
        {"page": {"text": "Two.", "language": "en", "published_at": "2014-03-03"}},
        {"page": {"text": "Three.", "language": "en"}},
    ]
    header = merge_for_report(pages, {}, ["A", "B", "C"])["page"]
    assert header["language"] == "en"  # three English pages: English, said once
    assert header["published_at"] == "2014-03-02, 2014-03-03"  # the dates the pages give, each once
    assert merge_for_report([{"page": {"text": "x"}}], {}, ["A"])["page"]["language"] is None


def test_a_warning_several_pages_share_is_said_once_naming_each_page():
    quiet = {"stage": "read", "code": "no_comments", "message": "the page has no comment section"}
    odd = {"stage": "attribution", "code": "unbalanced_quotes", "message": "a quotation in block b2 is not closed"}
    pages = [
        {"page": {"text": "One."}, "warnings": [quiet]},
        {"page": {"text": "Two."}, "warnings": [quiet, odd]},
        {"page": {"text": "Three."}, "warnings": [quiet]},
    ]
    warnings = merge_for_report(pages, {}, ["A", "B", "C"])["warnings"]
    assert [(w["code"], w["message"]) for w in warnings] == [
        ("no_comments", "A, B, C: the page has no comment section"),
        ("unbalanced_quotes", "B: a quotation in block b2 is not closed"),
    ]
    assert all(set(w) == {"stage", "code", "message"} for w in warnings)


def test_a_suffix_one_house_style_writes_joins_the_central_actor_named_often_on_both_pages():
    def often(ident: str, name: str, page: str, start: int, times: int) -> dict:
        actor = _actor(ident, name, page, start)
        actor["mentions"] = [
            {"start": start + 40 * k, "end": start + 40 * k + len(name), "text": name} for k in range(times)
        ]
        return actor

    actors, renamed = same_actors_across_pages(
        [
            often("person:ivo_brandt", "Ivo Brandt", "p1", 0, 6),
            often("person:ivo_k_brandt_jr", "Ivo K. Brandt Jr.", "p2", 900, 4),
            often("person:marc_okafor", "Marc Okafor", "p1", 400, 1),  # the father, named once
            often("person:marc_okafor_jr", "Marc Okafor Jr.", "p2", 1400, 5),
        ]
    )
    assert renamed == {"person:ivo_brandt": "person:ivo_k_brandt_jr"}
    assert sorted(a["name"] for a in actors) == ["Ivo K. Brandt Jr.", "Marc Okafor", "Marc Okafor Jr."]
