"""The HTML reader: comments from known markups with authors, times and threads; the article without them.

Every page here is a small invented fixture; each test checks what a reader of the page would check: who wrote
which comment when, which comment answers which, and that article and comments do not bleed into each other.
"""

from __future__ import annotations

import pytest
import trafilatura

from rashomon.read.html import default_markup, find_comments, parse_time, read_html

ARTICLE = """
<p>Die Stadtverwaltung von Lindenau hat am Montag beschlossen, die alte Markthalle am Flussufer bis zum Herbst
zu sanieren und danach wieder für Wochenmärkte und kleine Konzerte zu öffnen.</p>
<p>Nach Angaben des Bauamts kostet die Sanierung rund vier Millionen Euro, von denen das Land etwa die Hälfte
übernimmt. Die Arbeiten sollen im April beginnen und den Marktbetrieb nur an wenigen Tagen stören.</p>
<p>Mehrere Händler hatten seit Jahren auf eine Lösung gedrängt, weil das Dach bei starkem Regen undicht war und
der Boden an einigen Stellen abgesackt ist. Der Stadtrat stimmte mit großer Mehrheit für den Plan.</p>
"""
ARTICLE_SNIPPETS = ["die alte Markthalle am Flussufer", "rund vier Millionen Euro", "mit großer Mehrheit"]


def page(comments: str, sidebar: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="de"><head><title>Markthalle wird saniert</title></head><body>
<header class="site-header"><a href="/">Lindenauer Bote</a></header>
<div id="page"><main id="main"><article class="post">
<h1 class="entry-title">Markthalle wird saniert</h1>
<div class="entry-content">{ARTICLE}</div></article>
{comments}</main>{sidebar}</div>
<footer class="site-footer"><p>Impressum</p></footer></body></html>"""


def assert_consistent(result, comment_snippets: list[str]) -> None:
    """Offsets slice the page text; no comment words in the article, no article words in the comments."""
    for block in result.blocks:
        assert result.text[block.start : block.end] == block.text
    for comment in result.comments:
        assert result.text[comment.start : comment.end] == comment.text
    assert [c.id for c in result.comments] == [f"c{i}" for i in range(1, len(result.comments) + 1)]
    article = "\n".join(b.text for b in result.blocks)
    comments = "\n".join(c.text for c in result.comments)
    for snippet in comment_snippets:
        assert snippet in comments
        assert snippet not in article
    for snippet in ARTICLE_SNIPPETS:
        assert snippet in article
        assert snippet not in comments


WORDPRESS = """
<div id="comments" class="comments-area"><h2 class="comments-title">3 Kommentare</h2>
<ol class="comment-list">
 <li id="li-comment-11" class="comment even thread-even depth-1 parent">
  <article id="comment-11" class="comment-body">
   <footer class="comment-meta">
    <div class="comment-author vcard"><img class="avatar" src="a.png" alt=""><b class="fn">Anna Berger</b>
     <span class="says">sagt:</span></div>
    <div class="comment-metadata"><a href="#comment-11"><time datetime="2024-03-05T10:15:00+01:00">5. März 2024 um
     10:15 Uhr</time></a></div>
   </footer>
   <div class="comment-content"><p>Endlich passiert etwas, das Dach tropft seit Jahren.</p></div>
   <div class="reply"><a class="comment-reply-link" href="#respond">Antworten</a></div>
  </article>
  <ol class="children">
   <li id="li-comment-12" class="comment odd alt depth-2">
    <article id="comment-12" class="comment-body">
     <footer class="comment-meta">
      <div class="comment-author vcard"><b class="fn"><a href="https://example.org/jk" rel="external nofollow ugc"
       class="url">Jonas Keller</a></b> <span class="says">sagt:</span></div>
      <div class="comment-metadata"><a href="#comment-12"><time datetime="2024-03-05T11:02:00+01:00">5. März 2024
       um 11:02 Uhr</time></a></div>
     </footer>
     <div class="comment-content"><p>Das Geld wäre bei den Schulen besser aufgehoben gewesen.</p></div>
     <div class="reply"><a class="comment-reply-link" href="#respond">Antworten</a></div>
    </article>
   </li>
  </ol>
 </li>
 <li id="li-comment-13" class="comment even thread-odd depth-1">
  <article id="comment-13" class="comment-body">
   <footer class="comment-meta">
    <div class="comment-author vcard"><b class="fn">Mara Wolf</b> <span class="says">sagt:</span></div>
    <div class="comment-metadata"><a href="#comment-13"><time datetime="2024-03-06T08:30:00+01:00">6. März 2024 um
     8:30 Uhr</time></a></div>
   </footer>
   <div class="comment-content"><p>Hoffentlich bleiben die Standgebühren bezahlbar.</p></div>
  </article>
 </li>
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title">Schreibe einen Kommentar</h3>
 <form id="commentform" class="comment-form"><p class="comment-form-comment"><textarea name="comment"></textarea></p>
 <p class="form-submit"><input type="submit" value="Kommentar abschicken"></p></form></div>
</div>
"""

RECENT_COMMENTS_WIDGET = """
<aside id="secondary" class="widget-area">
 <section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Neueste Kommentare</h2>
  <ul id="recentcomments">
   <li class="recentcomments"><span class="comment-author-link">Paul Brandt</span> bei
    <a href="/2024/02/brueckenbau/#comment-7">Neue Fußgängerbrücke verzögert sich wegen Lieferengpässen</a></li>
   <li class="recentcomments"><span class="comment-author-link">Lea Sommer</span> bei
    <a href="/2024/01/stadtbad/#comment-3">Stadtbad öffnet im Sommer mit neuem Sprungturm</a></li>
  </ul>
 </section>
</aside>
"""


def test_wordpress_thread_with_authors_times_and_replies():
    result = read_html(page(WORDPRESS, RECENT_COMMENTS_WIDGET), url="https://bote.example/markthalle")
    assert [c.author for c in result.comments] == ["Anna Berger", "Jonas Keller", "Mara Wolf"]
    assert [c.posted_at for c in result.comments] == [
        "2024-03-05T10:15:00+01:00",
        "2024-03-05T11:02:00+01:00",
        "2024-03-06T08:30:00+01:00",
    ]
    assert [c.reply_to for c in result.comments] == [None, "c1", None]
    assert result.comments[1].reply_to_author == "Anna Berger"
    assert result.comments[0].text == "Endlich passiert etwas, das Dach tropft seit Jahren."
    assert_consistent(result, ["Dach tropft seit Jahren", "bei den Schulen besser", "Standgebühren bezahlbar"])
    # neither the reply button, the form nor the sidebar widget is a comment
    everything = "\n".join(c.text for c in result.comments)
    for widget_words in ("Antworten", "Kommentar abschicken", "Fußgängerbrücke", "Stadtbad", "Paul Brandt"):
        assert widget_words not in everything
    assert not result.warnings


def test_a_recent_comments_widget_alone_gives_no_comments():
    sidebar = f'<div id="sidebar" class="sidebar">{RECENT_COMMENTS_WIDGET}</div>'
    result = read_html(page("", sidebar))
    assert result.comments == []
    assert not any(w.code == "comment_structure_unknown" for w in result.warnings)
    assert_consistent(result, [])


def test_a_recent_comments_list_is_not_taken_from_trafilatura_either():
    # no known comment markup here: trafilatura alone would return this list as the page's comments
    widget = """<div id="recent-comments" class="comment-list"><h3>Neueste Kommentare</h3>
<p>Paul Brandt zur neuen Fußgängerbrücke: die Verzögerung war absehbar, wie immer bei solchen Projekten.</p>
<p>Lea Sommer zum Stadtbad: endlich wieder ein Sprungturm für die Kinder im Viertel.</p></div>"""
    result = read_html(page("", widget))
    assert result.comments == []
    assert "Sprungturm" not in result.text


DISQUS = """
<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-501"><div role="article"><div class="post-content">
  <header><span class="post-byline"><span class="author publisher-anchor-color"><a href="https://disqus.com/by/tkramer/"
   data-username="tkramer">Tobias Kramer</a></span></span>
   <span class="post-meta"><a class="time-ago" href="#comment-501" title="Tuesday, March 5, 2024 10:15 AM">vor einem
   Jahr</a></span></header>
  <div class="post-body"><div class="post-message" data-role="message"><p>Wer zahlt die Miete der Händler während der
   Bauzeit?</p></div>
  <footer><menu><li class="voting"><a class="vote-up">3</a></li><li class="reply"><a>Antworten</a></li></menu></footer>
  </div></div></div>
  <ul class="children">
   <li class="post" id="post-502"><div role="article"><div class="post-content">
    <header><span class="post-byline"><span class="author publisher-anchor-color"><a href="https://disqus.com/by/sneu/"
     data-username="sneu">Sabine Neumann</a></span></span>
     <span class="post-meta"><a class="time-ago" href="#comment-502" title="Tuesday, March 5, 2024 1:40 PM">vor einem
     Jahr</a></span></header>
    <div class="post-body"><div class="post-message"><p>Laut Stadtrat gibt es eine Ersatzfläche am Bahnhof.</p></div>
    </div></div></div>
   </li>
  </ul>
 </li>
</ul></div>
"""


def test_disqus_as_rendered():
    result = read_html(page(DISQUS))
    assert [c.author for c in result.comments] == ["Tobias Kramer", "Sabine Neumann"]
    assert [c.posted_at for c in result.comments] == ["2024-03-05T10:15:00", "2024-03-05T13:40:00"]
    assert [c.reply_to for c in result.comments] == [None, "c1"]
    assert_consistent(result, ["während der Bauzeit", "Ersatzfläche am Bahnhof"])


DRUPAL = """
<section id="comments" class="comment-wrapper"><h2 class="title">Kommentare</h2>
 <div class="comment comment-by-anonymous clearfix">
  <h3><a href="/comment/81#comment-81">Parkplätze</a></h3>
  <div class="submitted">Eingereicht von <span class="username">Heike Roth</span> am 07.03.2024 - 09:45</div>
  <div class="content"><div class="field field-name-comment-body"><p>Wo sollen die Besucher während der Märkte
   parken?</p></div></div>
  <ul class="links inline"><li class="comment-reply"><a href="/comment/reply/5/81">Antworten</a></li></ul>
 </div>
 <div class="indented">
  <div class="comment clearfix">
   <h3><a href="/comment/82#comment-82">Re: Parkplätze</a></h3>
   <div class="submitted">Eingereicht von <span class="username">Olaf Brenner</span> am 07.03.2024 - 12:20</div>
   <div class="content"><div class="field field-name-comment-body"><p>Das Parkhaus am Rathaus ist samstags fast
    leer.</p></div></div>
  </div>
 </div>
 <div class="comment clearfix">
  <div class="submitted">Eingereicht von <span class="username">Ute Lang</span> am 08.03.2024 - 18:05</div>
  <div class="content"><div class="field field-name-comment-body"><p>Schöne Nachricht für die Altstadt.</p></div></div>
 </div>
</section>
"""


def test_drupal_indented_replies():
    result = read_html(page(DRUPAL))
    assert [c.author for c in result.comments] == ["Heike Roth", "Olaf Brenner", "Ute Lang"]
    assert [c.posted_at for c in result.comments] == [
        "2024-03-07T09:45:00",
        "2024-03-07T12:20:00",
        "2024-03-08T18:05:00",
    ]
    assert [c.reply_to for c in result.comments] == [None, "c1", None]
    assert_consistent(result, ["während der Märkte parken", "samstags fast leer", "für die Altstadt"])


SCHEMA_ORG = """
<div class="discussion">
 <div itemscope itemtype="https://schema.org/Comment" class="entry">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Frieda Horn</span></span>
  <time itemprop="dateCreated" datetime="2024-03-09T14:00:00Z">9.3.2024</time>
  <div itemprop="text"><p>Die Konzerte im Sommer waren immer das Schönste an der Halle.</p></div>
 </div>
 <div itemscope itemtype="https://schema.org/Comment" class="entry">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Karl Mertens</span></span>
  <time itemprop="dateCreated" datetime="2024-03-10T07:45:00Z">10.3.2024</time>
  <div itemprop="text"><p>Vier Millionen für ein Dach halte ich für übertrieben.</p></div>
 </div>
</div>
"""


def test_schema_org_comments():
    result = read_html(page(SCHEMA_ORG))
    assert [c.author for c in result.comments] == ["Frieda Horn", "Karl Mertens"]
    assert [c.posted_at for c in result.comments] == ["2024-03-09T14:00:00+00:00", "2024-03-10T07:45:00+00:00"]
    assert [c.reply_to for c in result.comments] == [None, None]
    assert_consistent(result, ["das Schönste an der Halle", "halte ich für übertrieben"])


GENERIC = """
<div id="kb-comments" class="leserforum">
 <div class="kb-comment">
  <div class="kb-comment-head"><a href="/user/gretel.k/">Gretel K.</a> <span class="kb-date">11.03.2024, 19:30</span></div>
  <div class="kb-comment-text">Ich kaufe dort seit dreißig Jahren mein Gemüse.</div>
  <div class="kb-comment-actions"><a href="#">Antworten</a></div>
 </div>
 <div class="kb-comment">
  <div class="kb-comment-head"><a href="/user/bert.s/">Bert S.</a> <span class="kb-date">12.03.2024, 07:10</span></div>
  <div class="kb-comment-text">Bitte auch an Fahrradständer denken.</div>
 </div>
 <div class="kb-comment"><div class="kb-comment-actions"><a href="#">Antworten</a></div></div>
</div>
"""


def test_comment_words_in_class_names_as_a_fallback():
    result = read_html(page(GENERIC))
    assert [c.author for c in result.comments] == ["Gretel K.", "Bert S."]  # the widget-only item is dropped
    assert [c.posted_at for c in result.comments] == ["2024-03-11T19:30:00", "2024-03-12T07:10:00"]
    assert_consistent(result, ["seit dreißig Jahren mein Gemüse", "an Fahrradständer denken"])


SAYS = """
<ol class="commentlist">
 <li><p>Heinz Vogel sagt:</p><p>12. März 2024 um 9:05</p><p>News vom Wochenmarkt gibt es hoffentlich bald wieder.</p></li>
 <li><p>Ilse Baum says:</p><p>March 12, 2024 at 4:40 pm</p><p>Die Halle ist ein Stück Stadtgeschichte.</p></li>
</ol>
"""


def test_author_and_time_from_header_lines_and_the_header_out_of_the_text():
    result = read_html(page(SAYS))
    assert [c.author for c in result.comments] == ["Heinz Vogel", "Ilse Baum"]
    assert [c.posted_at for c in result.comments] == ["2024-03-12T09:05:00", "2024-03-12T16:40:00"]
    assert [c.text for c in result.comments] == [
        "News vom Wochenmarkt gibt es hoffentlich bald wieder.",
        "Die Halle ist ein Stück Stadtgeschichte.",
    ]
    assert_consistent(result, ["News vom Wochenmarkt", "ein Stück Stadtgeschichte"])


SIGNED = """
<ol id="commentlist">
 <li id="comment-31"><p>Die neue Brücke hätte man auch ohne die zweite Rampe bauen können.</p>
  <p><cite>Comment by <a href="http://example.org/" rel="external nofollow">Karla Weiß</a> &#8212; 03.05, 2012 @
  <a href="#comment-31">08:15</a></cite></p></li>
 <li id="comment-32"><p>@Karla: Die Rampe war eine Auflage der Stadt.</p>
  <p><cite>Comment by Udo Brenner &#8212; 03.05, 2012 @ <a href="#comment-32">09:40</a></cite></p></li>
 <li id="comment-33"><p>Die Pläne lagen im Rathaus aus, ich habe sie mir angesehen. Die Zahlen kamen von der Stadt.</p>
  <p>Mehr dazu im Bericht von Radio Nord.</p>
  <p><cite>Comment by Lena Ott &#8212; 04.05, 2012 @ <a href="#comment-33">17:05</a></cite></p></li>
</ol>
"""


def test_a_signature_under_the_words_gives_author_and_time_and_stays_out_of_the_text():
    # an old blog theme signs each comment at its end: "Comment by NAME — 03.05, 2012 @ 08:15"; a byline never
    # spans two lines, so "... von Radio Nord.\nComment by Lena Ott — ..." is Lena Ott's, not "Radio Nord. Comment by"
    result = read_html(page(SIGNED))
    assert [c.author for c in result.comments] == ["Karla Weiß", "Udo Brenner", "Lena Ott"]
    assert [c.posted_at for c in result.comments] == [
        "2012-05-03T08:15:00",
        "2012-05-03T09:40:00",
        "2012-05-04T17:05:00",
    ]
    assert not any("Comment by" in c.text for c in result.comments)
    assert result.comments[2].text.endswith("Mehr dazu im Bericht von Radio Nord.")
    assert_consistent(result, ["ohne die zweite Rampe", "eine Auflage der Stadt", "im Bericht von Radio Nord"])


UNKNOWN = """
<div class="comments-content"><h3>Leserstimmen</h3>
 <div class="entry"><p>Die Halle war früher der schönste Treffpunkt im ganzen Viertel, das sollte sie wieder werden.</p></div>
 <div class="entry"><p>Ich hoffe, dass die kleinen Cafés am Rand der Halle auch wieder einziehen dürfen.</p></div>
</div>
"""


def test_unknown_markup_without_comment_structure_gives_no_comments_and_says_so():
    # words in a comment section, but nothing that shows they are comments (no author, no time): trafilatura
    # would return them; rashomon cannot tell them from teasers or a form and reads none
    result = read_html(page(UNKNOWN))
    assert result.comments == []
    assert [w.code for w in result.warnings] == ["comment_structure_unknown"]
    assert "schönste Treffpunkt" not in result.text
    assert_consistent(result, [])


UNKNOWN_WITH_STRUCTURE = """
<section class="leserforum"><div class="reader-comments">
 <div class="rc-entry"><div class="rc-top"><span class="rc-nick">Fritz Ahrens</span> <span class="rc-when">12.03.2024,
  09:41</span></div><div class="rc-words">Die Halle war früher der schönste Treffpunkt im ganzen Viertel.</div>
  <div class="rc-tools"><a href="#">Antworten</a> <a href="#">Melden</a></div></div>
 <div class="rc-entry"><div class="rc-top"><span class="rc-nick">Jule Marx</span> <span class="rc-when">12.03.2024,
  10:02</span></div><div class="rc-words">Ich hoffe, dass die kleinen Cafés am Rand wieder einziehen dürfen.</div>
  <div class="rc-tools"><a href="#">Antworten</a> <a href="#">Melden</a></div></div>
 <div class="rc-entry"><div class="rc-top"><span class="rc-nick">Bernd Ott</span> <span class="rc-when">13.03.2024,
  18:15</span></div><div class="rc-words">Danke!</div>
  <div class="rc-tools"><a href="#">Antworten</a> <a href="#">Melden</a></div></div>
</div></section>
"""


def test_unknown_markup_with_repeated_author_time_and_words_is_read_by_its_structure():
    result = read_html(page(UNKNOWN_WITH_STRUCTURE))
    assert [c.author for c in result.comments] == ["Fritz Ahrens", "Jule Marx", "Bernd Ott"]
    # a one-word comment under the same header is a comment too; the buttons are not part of any
    assert [c.text for c in result.comments][2] == "Danke!"
    assert all("Antworten" not in c.text and "Melden" not in c.text for c in result.comments)
    assert not any(w.code == "comment_structure_unknown" for w in result.warnings)
    assert_consistent(result, ["schönste Treffpunkt im ganzen Viertel", "kleinen Cafés am Rand"])


def test_article_without_comments():
    result = read_html(page(""))
    assert result.comments == []
    assert result.title == "Markthalle wird saniert"
    assert not any(w.code == "comment_structure_unknown" for w in result.warnings)
    assert_consistent(result, [])


def test_nested_comment_elements_of_one_comment_count_once():
    # li#li-comment-N.comment wraps article#comment-N.comment: one comment, not a comment and an empty parent
    html = page(WORDPRESS.replace('class="comment-body"', 'class="comment comment-body"'))
    comments = find_comments(trafilatura.load_html(html), default_markup())
    assert [c.author for c in comments] == ["Anna Berger", "Jonas Keller", "Mara Wolf"]
    assert [c.parent for c in comments] == [None, 0, None]


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("2024-03-05T10:15:00+01:00", "2024-03-05T10:15:00+01:00"),
        ("5. März 2024 um 10:15 Uhr", "2024-03-05T10:15:00"),
        ("geschrieben von hmeier am 21. Jan. 2024, 19:04", "2024-01-21T19:04:00"),
        ("March 7, 2024 at 3:05 pm", "2024-03-07T15:05:00"),
        ("le 7 mai 2024 - 15:39", "2024-05-07T15:39:00"),
        ("14/04/2024 at 3:00 pm", "2024-04-14T15:00:00"),
        ("03/04/2024", None),  # day or month first: no guess
        ("vor 3 Stunden", None),
    ],
)
def test_parse_time(raw, iso):
    assert parse_time(raw) == iso


def test_a_login_prompt_closing_the_article_is_not_article_text():
    prompt = "Um diesen Beitrag kommentieren zu können, müssen Sie eingeloggt sein."
    html = page("").replace(ARTICLE, ARTICLE + f"<p>KOMMENTARE</p><p>{prompt}</p>")
    result = read_html(html)
    article = "\n".join(b.text for b in result.blocks)
    assert all(snippet in article for snippet in ARTICLE_SNIPPETS)
    assert "eingeloggt" not in article


@pytest.mark.parametrize(
    ("head", "top", "expected"),
    [
        # the site's name after the headline, as og:site_name or the domain writes it
        (
            '<title>Markthalle wird saniert | Lindenauer Bote</title><meta property="og:site_name" content="Lindenauer Bote">',
            "<h1>Markthalle wird saniert | Lindenauer Bote</h1>",
            "Markthalle wird saniert",
        ),
        (
            "<title>Markthalle wird saniert - LINDENAU.example</title>",
            "<h1>Markthalle wird saniert - LINDENAU.example</h1>",
            "Markthalle wird saniert",
        ),
        # the site's name as the page's only h1, the headline in the <title> after it and opening the article
        (
            "<title>Lindenauer Bote » Wird die Markthalle saniert?</title>",
            '<h1 class="site-title">Lindenauer Bote</h1><h2>Wird die Markthalle saniert?</h2>',
            "Wird die Markthalle saniert?",
        ),
        # an end that is not the site's name stays: "Emden - Sehenswertes" is a headline whole
        (
            "<title>Markthalle: der Plan - Kosten und Zeitplan</title>",
            "<h1>Markthalle: der Plan - Kosten und Zeitplan</h1>",
            "Markthalle: der Plan - Kosten und Zeitplan",
        ),
    ],
)
def test_the_headline_without_the_sites_name(head, top, expected):
    html = f"""<!DOCTYPE html><html lang="de"><head>{head}</head><body>
<article class="post">{top}<div class="entry-content">{ARTICLE}</div></article></body></html>"""
    result = read_html(html, url="https://www.lindenau.example/2024/markthalle")
    assert result.title == expected
    assert [b.text for b in result.blocks[:2]] == [expected, result.blocks[1].text]
    assert result.blocks[1].text.startswith("Die Stadtverwaltung von Lindenau")


def _dated(published: str) -> str:
    return f"""<!DOCTYPE html><html lang="de"><head><title>Markthalle wird saniert</title>
<meta property="article:published_time" content="{published}"></head><body>
<article class="post"><h1 class="entry-title">Markthalle wird saniert</h1><div class="entry-content">{ARTICLE}</div>
</article>
<ol class="commentlist">
 <li class="comment" id="comment-1"><div class="comment-author"><cite class="fn">Rita Hahn</cite></div>
  <time datetime="2021-05-02T10:00:00">2. Mai 2021</time><div class="comment-content"><p>Endlich passiert etwas
  mit der Halle, wir haben lange genug gewartet.</p></div></li>
</ol></body></html>"""


def test_a_page_dated_after_its_first_comment_gives_no_date_and_says_why():
    # the date a reworked page shows (2023) is when it was updated: a reader commented on it in 2021
    updated = read_html(_dated("2023-01-15T08:00:00+01:00"))
    assert [c.posted_at for c in updated.comments] == ["2021-05-02T10:00:00"]
    assert updated.published_at is None
    assert [w.code for w in updated.warnings] == ["date_after_comments"]
    # dated before (or on the day of) its first comment: the date stands
    published = read_html(_dated("2021-05-01T08:00:00+01:00"))
    assert published.published_at == "2021-05-01" and not published.warnings


PINGBACKS = """
<ol class="comment-list">
 <li class="comment even depth-1" id="comment-7"><article class="comment-body"><footer class="comment-meta">
  <div class="comment-author vcard"><b class="fn">Jonas Weber</b></div><time datetime="2024-03-12T08:00:00">12. März
  </time></footer><div class="comment-content"><p>Die Halle hat mir als Kind schon gefallen.</p></div></article></li>
 <li class="pingback odd depth-1" id="comment-8"><div class="comment-body">Pingback: <a href="https://blog.example/x"
  class="url" rel="external nofollow">Wochenrückblick KW 11 – Stadtteilblog</a> <time datetime="2024-03-13T09:00:00">
  13. März</time><p>[…] die Markthalle soll wieder öffnen, schreibt der Bote […]</p></div>
  <ol class="children"><li class="comment depth-2" id="comment-9"><article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Mia Lorenz</b></div>
   <time datetime="2024-03-13T10:00:00">13. März</time></footer><div class="comment-content"><p>Danke für den
   Hinweis auf den Blog, dort steht noch mehr zur Geschichte der Halle.</p></div></article></li></ol></li>
</ol>
"""


def test_a_pingback_is_flagged_with_the_linking_post_as_its_author():
    # a pingback is another site's notice that it links here, not a reader's words: flagged, its author the
    # linking post's title (longer than a name may be), and out of the article like every comment
    result = read_html(page(PINGBACKS))
    assert [(c.id, c.author, c.reply_to, c.flags) for c in result.comments] == [
        ("c1", "Jonas Weber", None, []),
        ("c2", "Wochenrückblick KW 11 – Stadtteilblog", None, ["pingback"]),
        ("c3", "Mia Lorenz", "c2", []),
    ]
    assert_consistent(result, ["als Kind schon gefallen", "schreibt der Bote", "zur Geschichte der Halle"])
