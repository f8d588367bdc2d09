"""Interface text is not a comment, a button is not an author, a publisher is a name, a German page is not
analysed as English.

Every page here is a small invented fixture with the interface a real comment section shows: sort bars, login
and consent prompts, subscription boxes, reply buttons, teaser lists in a comment box.
"""

from __future__ import annotations

import json

import pytest
import trafilatura

from rashomon.comments.language import detect
from rashomon.pipeline import analyze
from rashomon.read import read
from rashomon.read.html import declared_language, read_html
from rashomon.read.interface import default_table, fold, substantive
from rashomon.read.publisher import domain_of, jsonld_publisher, page_publisher, publisher_name
from rashomon.report import render

ARTICLE = """
<p>The town council of Millbrook voted on Monday to restore the old market hall by the river and to reopen it
for weekly markets and small concerts in the autumn, after years of complaints from traders.</p>
<p>The repairs will cost about four million pounds, half of it paid by the county, and work is due to start in
April. Traders said the roof had leaked in every heavy storm and that parts of the floor had sunk.</p>
<p>Councillors backed the plan by a wide margin after a short debate about parking near the hall.</p>
"""


def page(comments: str, head: str = "", lang: str = "en", article: str = ARTICLE) -> str:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><title>Market hall to be restored</title>{head}</head>
<body><header class="site-header"><a href="/">Millbrook Gazette</a></header>
<main><article class="post"><h1>Market hall to be restored</h1><div class="entry-content">{article}</div></article>
{comments}</main><footer><p>Contact us</p></footer></body></html>"""


def comment_texts(html: str) -> list[str]:
    return [c.text for c in read_html(html).comments]


# --- the table ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Reply",
        "Antworten",
        "Répondre",
        "Responder",
        "Rispondi",
        "Odpowiedz",
        "Kommentieren16",
        "12 Kommentare",
        "Show more comments (20)",
        "Newest first Oldest first Most liked",
        "Newest first · Oldest first · Most liked",
        "Like (3) · Reply · Report",
        "ReplyDelete",
        "2 hours ago",
        "vor 3 Stunden",
        "Log In",
        "Top · Newest · Oldest",
    ],
)
def test_control_labels_and_counters_are_interface_lines(line):
    assert default_table().is_interface_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "You must be logged in to post a comment.",
        "comments powered by Disqus",
        "Please enable JavaScript to view the comments.",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Sign in to leave your comment",
        "Los comentarios de esta nota son exclusivos para suscriptores.",
        "Vous devez être connecté pour publier un commentaire.",
        "Inscreva-se na nossa newsletter e receba as notícias na sua caixa de entrada.",
    ],
)
def test_prompts_and_notices_are_interface_lines(line):
    assert default_table().is_interface_line(line)


@pytest.mark.parametrize(
    "line",
    ["Top!", "First!", "Danke!", "Yes and no.", "I agree", "Volle Zustimmung!", "❤️", "<3 <3 <3", "Geil"],
)
def test_short_comments_are_not_interface_lines(line):
    # "Top" or "First" alone may be all a reader writes; only beside other labels they are a control bar
    table = default_table()
    assert not table.is_interface_line(line)
    assert not table.is_interface(line) and substantive(line)


def test_a_long_line_that_mentions_a_prompt_phrase_is_a_readers():
    line = (
        "I tried to subscribe to their newsletter last year, but honestly the privacy policy put me off: "
        "they share your email address with partners, which the council should never have allowed in the "
        "first place, and nobody at the town hall seems to care about it at all, which is the real scandal."
    )
    assert not default_table().is_interface_line(line)


def test_folding_drops_numbers_and_splits_labels_run_together():
    assert fold("Show more comments (20)") == "show more comments"
    assert fold("Kommentieren16") == "kommentieren"
    assert fold("LikeReply", camel=True) == "like reply"
    assert fold("link78", numbers=True) == "link78"


@pytest.mark.parametrize(
    "name, ok",
    [("Antworten", False), ("Reply", False), ("Log In", False), ("12 Kommentare", False), ("Anna Berger", True),
     ("link78", True), ("Die Redaktion", True), ("Moderator", True), ("Marianne1", True)],
)  # fmt: skip
def test_a_button_label_is_never_an_author_but_a_role_or_a_user_name_may_be(name, ok):
    assert default_table().is_author_like(name) is ok


# --- comments on pages ----------------------------------------------------------------------------------

SORT_BAR = """<div id="comments" class="comments-area"><h2>Comments</h2>
<ul class="comment-order"><li><a href="?o=new">Newest first</a></li><li><a href="?o=old">Oldest first</a></li>
<li><a href="?o=liked">Most liked</a></li></ul>{comments}</div>"""

WORDPRESS_COMMENT = """<ol class="comment-list"><li id="comment-7" class="comment depth-1"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ruth Ellis</b> says:</div>
<div class="comment-metadata"><time datetime="2024-03-05T10:15:00Z">March 5, 2024</time></div></footer>
<div class="comment-content"><p>About time. The roof has leaked for as long as I can remember.</p></div>
<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li></ol>"""


def test_a_sort_bar_alone_is_not_a_comment_section():
    result = read_html(page(SORT_BAR.format(comments="")))
    assert result.comments == []


def test_a_sort_bar_beside_real_comments_is_not_among_them():
    result = read_html(page(SORT_BAR.format(comments=WORDPRESS_COMMENT)))
    assert [(c.author, c.text) for c in result.comments] == [
        ("Ruth Ellis", "About time. The roof has leaked for as long as I can remember.")
    ]


def test_a_login_prompt_and_a_platform_credit_are_not_comments():
    section = """<div id="comments"><ol class="comment-list">
<li class="comment"><p>You must be <a href="/login">logged in</a> to post a comment.</p></li>
<li class="comment"><p>Log In</p></li><li class="comment"><p>Kommentieren16</p></li></ol>
<div class="comments-content"><p>comments powered by <a href="https://disqus.com">Disqus</a></p>
<p>Please enable JavaScript to view the comments.</p></div></div>"""
    result = read_html(page(section))
    assert result.comments == []
    # nothing but interface text was there: no comment section went unread
    assert not any(w.code == "comment_structure_unknown" for w in result.warnings)


def test_a_subscription_form_is_not_five_comments():
    box = """<div class="comentarios"><h3>Comentarios</h3>
<div class="comment-item"><p>Comentar las notas es exclusivo para suscriptores.</p></div>
<div class="comment-item"><p>¿Ya sos suscriptor? <a href="/ingresar">Ingresá</a></p></div>
<div class="comment-item"><p>Suscribite</p></div>
<div class="comment-item"><p>Para comentar debés activar tu cuenta haciendo clic en el e-mail que te enviamos.</p></div>
<div class="comment-item"><label>Tu correo electrónico</label><input type="email"><button>Enviar</button></div>
</div>"""
    assert comment_texts(page(box)) == []


def test_a_reply_button_is_not_taken_for_the_author():
    section = """<div id="comments"><ol class="comment-list">
<li class="comment"><div class="comment-text"><p>The county should pay more than half, it is their river.</p></div>
 <a rel="nofollow" class="comment-reply-link" href="#respond">Antworten</a></li>
<li class="comment"><cite>Omar Haddad</cite><div class="comment-text"><p>Will the Saturday market move while the
 work goes on?</p></div><a rel="nofollow" class="comment-reply-link" href="#respond">Antworten</a></li>
</ol></div>"""
    result = read_html(page(section))
    assert [c.author for c in result.comments] == [None, "Omar Haddad"]
    assert all("Antworten" not in c.text for c in result.comments)


def test_a_comment_title_is_not_also_its_author():
    # the only bold text is the comment itself: it is not who wrote it
    section = """<div id="comments"><ol class="comment-list">
<li class="comment"><strong>Finally some good news for the traders</strong></li></ol></div>"""
    result = read_html(page(section))
    assert [(c.author, c.text) for c in result.comments] == [(None, "Finally some good news for the traders")]
    # a title above the words that the words repeat
    section = """<div id="comments"><ol class="comment-list"><li class="comment"><strong>Good news at last</strong>
<div class="comment-text"><p>Good news at last</p><p>I have waited ten years for this market to reopen.</p></div>
</li></ol></div>"""
    (comment,) = read_html(page(section)).comments
    assert comment.author is None and comment.text.endswith("ten years for this market to reopen.")


TEASERS = """<div class="comments-content"><h3>More from the Gazette</h3><ul>
<li><a href="/news/bridge-delay">New footbridge delayed again by a shortage of steel</a> <span>12.03.2024</span></li>
<li><a href="/news/swimming-pool">Swimming pool to reopen in summer with a new diving board</a> <span>11.03.2024</span></li>
<li><a href="/news/bus-route">Bus route 7 to run every ten minutes from May</a> <span>10.03.2024</span></li>
<li><a href="/news/library">Library extends its opening hours on Saturdays</a> <span>09.03.2024</span></li>
</ul></div>"""


def test_a_teaser_list_in_a_comment_box_is_not_returned_but_flagged():
    result = read_html(page(TEASERS))
    assert result.comments == []
    warning = next(w for w in result.warnings if w.code == "comment_structure_unknown")
    assert "no comments were read" in warning.message
    assert "footbridge" not in result.text


def test_no_comment_is_only_interface_text_on_any_fixture():
    table = default_table()
    for html in (page(SORT_BAR.format(comments=WORDPRESS_COMMENT)), page(TEASERS)):
        assert not any(table.is_interface(c.text) for c in read_html(html).comments)


# --- publisher ------------------------------------------------------------------------------------------

JSONLD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "NewsArticle", "headline": "Market hall", "publisher": {"@id": "https://gazette.example/#org"}},
        {"@type": "NewsMediaOrganization", "@id": "https://gazette.example/#org", "name": "Millbrook Gazette"},
    ],
}


def jsonld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_publisher_from_og_site_name():
    head = '<meta property="og:site_name" content="The Millbrook Gazette">' + jsonld(JSONLD)
    assert read_html(page("", head), url="https://www.gazette.example/a").publisher == "The Millbrook Gazette"


def test_publisher_from_json_ld_with_a_graph_reference():
    assert read_html(page("", jsonld(JSONLD)), url="https://www.gazette.example/a").publisher == "Millbrook Gazette"


def test_a_social_network_address_is_never_the_publisher():
    head = (
        '<meta property="og:site_name" content="https://www.facebook.com/millbrookgazette">'
        '<meta property="article:publisher" content="https://www.facebook.com/millbrookgazette">'
        + jsonld({"@type": "Article", "publisher": "https://twitter.com/gazette"})
    )
    result = read_html(page("", head), url="https://www.gazette.example/news/a")
    assert result.publisher == "gazette.example"


@pytest.mark.parametrize(
    "value, name",
    [
        ("Millbrook Gazette", "Millbrook Gazette"),
        ("https://www.facebook.com/tagesblatt", None),
        ("facebook.com/tagesblatt", None),
        ("x.com/gazette", None),
        ("@gazette", None),
        ("www.instagram.com/gazette", None),
        ("netzblatt.org", "netzblatt.org"),
        ("  ", None),
        ("A" * 300, None),
    ],
)
def test_publisher_names(value, name):
    assert publisher_name(value) == name


def test_publisher_without_url_from_the_canonical_link_and_none_without_anything():
    head = '<link rel="canonical" href="https://www.gazette.example/news/a">'
    assert page_publisher(trafilatura.load_html(page("", head))) == "gazette.example"
    assert page_publisher(trafilatura.load_html(page(""))) is None
    assert domain_of("not a url") is None


def test_json_ld_that_is_broken_or_deep_is_no_publisher_and_no_error():
    deep = "[" * 50_000 + "]" * 50_000
    head = (
        f'<script type="application/ld+json">{deep}</script><script type="application/ld+json">{{"publisher": </script>'
    )
    assert jsonld_publisher(trafilatura.load_html(page("", head))) is None


# --- language -------------------------------------------------------------------------------------------

GERMAN = """
<p>Der Gemeinderat von Lindenau hat am Montag beschlossen, die alte Markthalle am Fluss bis zum Herbst zu sanieren
und danach wieder für Wochenmärkte und kleine Konzerte zu öffnen. Nun beginnt die Planung.</p>
<p>Dazu sagte die Bürgermeisterin, das Land übernehme etwa die Hälfte der Kosten von rund vier Millionen Euro. Die
Händler können während der Bauzeit auf den Platz vor dem Bahnhof ausweichen.</p>
<p>Mehrere Händler hatten seit Jahren auf eine Lösung gedrängt, weil das Dach bei starkem Regen undicht war.</p>
"""
GERMAN_COMMENTS = """<div id="comments"><ol class="comment-list"><li id="comment-3" class="comment">
<article class="comment-body"><div class="comment-author"><b class="fn">Karl Weber</b> sagt:</div>
<div class="comment-content"><p>Top, danke für den Bericht!</p></div></article></li></ol></div>"""


def test_the_declared_language_is_a_hint_the_text_overrules():
    assert declared_language(trafilatura.load_html(page("", lang="de-DE"))) == "de"
    # a template's lang="en" on a German article: the text decides
    assert read(page(GERMAN_COMMENTS, lang="en", article=GERMAN), kind="html").language == "de"
    # too little text to tell: the declaration decides
    short = read('<html lang="de"><head><title>Halle</title></head><body><p>Kurz.</p></body></html>', kind="html")
    assert short.language == "de"


def test_a_german_page_says_which_stages_did_not_run_and_lists_no_actors():
    analysis = analyze(page(GERMAN_COMMENTS, lang="de", article=GERMAN), kind="html")
    assert analysis.page.language == "de"
    assert analysis.actors == [] and analysis.sources == [] and analysis.claims == []
    skipped = next(w for w in analysis.warnings if w.code == "stages_skipped")
    for stage in ("attribution", "claims", "actors", "compare", "choices"):
        assert stage in skipped.message
    assert "German" in skipped.message
    # the comments are listed, not scored as English
    assert [c.author for c in analysis.page.comments] == ["Karl Weber"]
    assert analysis.page.comments[0].flags == ["language_unknown"]
    assert set(skipped.stage.split(",")) >= {"attribution", "claims", "actors", "compare", "choices"}
    for fmt in ("md", "text", "html"):
        report = render(analysis, fmt)
        assert "did not run" in report
        for word in ("das", "Nun", "Dazu", "können"):
            assert f"**{word}**" not in report
        # each part the skipped stages fill says it was not analysed, not that nothing was found
        assert report.count("Not analysed: the page is in German") >= 4, fmt
        assert "No actors were found" not in report and "No attributed statement was found" not in report


def test_a_short_comment_on_a_german_page_is_taken_for_german():
    assert detect("Top, danke!") == "en"  # alone, a short Latin-script comment is taken for English
    assert detect("Top, danke!", "de") == "de"
    assert detect("This is exactly what the town needed, thank you for the report", "de") == "en"
