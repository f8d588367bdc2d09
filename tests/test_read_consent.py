"""Consent dialogs and walls (the consent phrases of ``interface_text.yaml``; ``rashomon.read.consent``'s table,
which ``--render`` answers and leaves out): never read as the article or as comments, in the languages the pages
come in. The page is our own (``tests/fixtures/web/consent-static.html``): a consent platform's notice named only
by its host id, the site's own consent dialog in French, a German consent wall in place of an embed inside the
article, and an English one in place of the comment widget. (The render's side: ``tests/browser/test_render.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from lxml import etree

from rashomon.errors import ConfigError
from rashomon.read import read
from rashomon.read.consent import consent_answers, consent_table, dialogs_xpath
from rashomon.read.interface import default_table

PAGE = Path(__file__).parent / "fixtures" / "web" / "consent-static.html"


def consent_dialogs(html: str) -> list:
    """What the render's XPath (XPath 1.0, run here by lxml as the browser runs it) finds in ``html``."""
    return etree.XPath(consent_table().xpath, regexp=False)(trafilatura.load_html(html))


def test_consent_dialogs_and_walls_are_neither_article_nor_comments():
    page = read(PAGE)
    paragraphs = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert [p.split()[:3] for p in paragraphs] == [
        ["The", "market", "hall"],
        ['"Traders', "have", "been"],
        ["Eighteen", "of", "the"],
    ]
    assert page.comments == []
    # the consent wall where the comments would be is no comment section left unread
    assert "comment_structure_unknown" not in [w.code for w in page.warnings]
    for consent in (
        "partners",
        "partenaires",
        "Externer Inhalt",
        "einverstanden",
        "Tout refuser",
        "Agree and close",
        "third party",
        "Learn more",
    ):
        assert consent not in page.text


def test_the_german_consent_wall_inside_the_article_would_be_read_as_article_without_the_table():
    # what trafilatura alone makes of the page: the wall in the article, the comment section's wall as comments
    alone = trafilatura.bare_extraction(PAGE.read_text(), include_comments=True).as_dict()
    assert "Ich bin damit einverstanden" in alone["text"]
    assert "third party" in alone["comments"]


def test_the_platforms_notice_and_the_sites_dialog_are_found_but_not_the_article():
    found = consent_dialogs(PAGE.read_text())
    assert [e.get("id") or e.get("class") for e in found] == ["didomi-host", "privacy-layer"]
    assert not any(e.xpath(".//h1") for e in found)


def test_a_dialog_that_is_not_about_consent_is_left_alone():
    html = (
        "<html><body><article><h1>A</h1><p>Words.</p></article><div role='dialog' aria-modal='true'>"
        "<p>Sign up for our morning briefing.</p></div><div id='cookie-banner'>We use cookies.</div></body></html>"
    )
    found = consent_dialogs(html)
    assert [e.get("id") for e in found] == ["cookie-banner"]


@pytest.mark.parametrize(
    "line",
    [
        # short banners and buttons
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "Wir verwenden Cookies. Mit Ihrer Zustimmung helfen Sie uns.",
        "Nur notwendige Cookies",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Continuer sans accepter",
        "Utilizamos cookies propias y de terceros.",
        "Rechazar todas las cookies",
        "Questo sito utilizza cookie tecnici e di profilazione.",
        "Continua senza accettare",
        "Deze website gebruikt cookies om je ervaring te verbeteren.",
        "Alleen noodzakelijke cookies",
        # the long paragraphs of a consent platform's notice (past the 40 words of a prompt)
        "We and our partners store and/or access information on a device, such as cookies, and process personal "
        "data, such as unique identifiers and standard information sent by a device, for personalised ads and "
        "content, ad and content measurement, and audience insights, as well as to develop and improve products. "
        "With your permission we and our partners may use precise geolocation data and identification through "
        "device scanning.",
        "Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, beispielsweise auf "
        "Cookies, und verarbeiten personenbezogene Daten, beispielsweise eindeutige Identifikatoren und "
        "standardmäßige Informationen, die von einem Gerät für personalisierte Anzeigen und Inhalte, Anzeigen- und "
        "Inhaltsmessung sowie Erkenntnisse über Zielgruppen gesendet werden, und um Produkte zu entwickeln.",
        "Nous et nos partenaires stockons et/ou accédons à des informations sur un appareil, telles que les cookies, "
        "et traitons les données personnelles, telles que les identifiants uniques, pour diffuser des publicités et "
        "contenu personnalisés, mesurer la performance des publicités et du contenu, et développer nos produits.",
        "Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales como cookies, y "
        "procesamos datos personales, tales como identificadores únicos e información estándar enviada por un "
        "dispositivo, para anuncios y contenido personalizados, medición de anuncios y del contenido.",
        "Noi e i nostri partner archiviamo e/o accediamo a informazioni su un dispositivo, come i cookie, e "
        "trattiamo dati personali, come gli identificativi univoci e informazioni generali inviate da un "
        "dispositivo, per annunci e contenuti personalizzati, valutazione degli annunci e del contenuto.",
        "Wij en onze partners slaan informatie op een apparaat op en/of openen deze, zoals cookies, en verwerken "
        "persoonsgegevens, zoals unieke identificatoren en standaardinformatie die door een apparaat wordt "
        "verzonden, voor gepersonaliseerde advertenties en content, advertentie- en contentmeting.",
        # a consent wall in place of an embed or a comment widget
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
        "Externer Inhalt",
    ],
)
def test_consent_prompts_are_interface_text_in_every_language(line):
    assert default_table().is_interface_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Agree.",
        "Einverstanden.",
        "I baked cookies for the stall holders on the last day in the tents.",
        "They never cared about our privacy, why would they start now?",
        "Le consentement des riverains n'a jamais été demandé pour ce projet.",
        "Wir und die Nachbarn haben zwei Jahre auf diese Halle gewartet.",
    ],
)
def test_a_comment_that_mentions_cookies_privacy_or_consent_is_not_interface_text(line):
    assert not default_table().is_interface_line(line)


def test_an_article_keeps_its_lines_and_loses_the_consent_wall_with_the_labels_around_it():
    lines = [
        "The hall reopens in May.",
        "Externer Inhalt",
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
        "Externe Inhalte laden",
        "Reply",  # not next to the wall: an article line as any other here (an article may say so)
        "Rents stay at last year's level.",
    ]
    kept = default_table().without_consent([*lines[:4], lines[5]])
    assert kept == ["The hall reopens in May.", "Rents stay at last year's level."]
    assert default_table().without_consent(lines[:1] + lines[4:]) == lines[:1] + lines[4:]


def test_the_consent_policies_and_an_unknown_one():
    assert consent_answers("reject") == ("reject", "accept")
    assert consent_answers("accept") == ("accept", "reject")
    assert consent_answers("leave") == ()
    with pytest.raises(ConfigError, match="unknown consent policy 'maybe'"):
        consent_answers("maybe")


def test_the_table_compiles_to_one_xpath_with_buttons_for_each_answer():
    table = consent_table()
    assert table.xpath.startswith("//*[") and table.xpath.count("//") == 1  # one walk over the page
    assert "contains(@class, 'qc-cmp2')" in table.xpath
    assert dialogs_xpath({}) == "//*[false()]"
    assert all(table.selectors[a] and table.labels[a] for a in ("reject", "accept"))
