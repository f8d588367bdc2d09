"""Which comments are English: the models are English-only, so other languages are flagged, not guessed.

A comment with no letters (emoji only, punctuation) or in another language gets ``language`` None or its
ISO code and the flag ``language_unknown``; the abuse and sarcasm stages then leave its scores empty rather
than score words they were never trained on. Short comments are too short for a language identifier, so a
share of common English function words decides first. Handles, links and hashtags (``@USER``, ``URL``,
``#MAGA``) are not words of any language and are set aside first; a Latin-script comment that the identifier
does not confidently place in another language is English, so slang and dialect spelling stay scored.

On a page in another language (the page's language is passed in), the doubt goes the other way: a short
comment is in the page's language unless it is plainly English, so "Top, danke!" under a German article is not
scored by the English models.
"""

from __future__ import annotations

import re

from ..read import language_identifier

# --- settings ------------------------------------------------------------------------------------------
#: Share of a comment's words that are common English function words, above which it is English.
ENGLISH_WORD_SHARE = 0.25
#: Fewer letters than this and no English function word: too little text to score, language unknown.
MIN_LETTERS = 3
#: The language identifier must be at least this sure of a non-English language to overrule English.
MIN_FOREIGN_CONFIDENCE = 0.9
#: Share of letters that must be Latin script for a comment to be taken as possibly English.
MIN_LATIN_SHARE = 0.6
#: On a page in another language, a comment the identifier takes for English is English when this share of its
#: words are English function words (German shares "in", "so", "was", "am", "will"), or when the identifier is
#: this sure.
FOREIGN_PAGE_ENGLISH_SHARE = 0.4
FOREIGN_PAGE_ENGLISH_CONFIDENCE = 0.9
# ---------------------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Handles, links (and the ``URL`` placeholder of tweet data sets) and hashtags: set aside before counting words.
_NOISE_RE = re.compile(r"@\w+|\bhttps?://\S+|\bwww\.\S+|\bURL\b|#\w+")
_ENGLISH = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been am i you he she it we
    they me him her us them my your his its our their this that these those what who why how where when not no
    yes so do does did have has had will would can could should just all any some there here than then too very
    about up out over only also more most much many own same other such into off again once because while""".split()
)


def detect(text: str, page_language: str | None = None) -> str | None:
    """``"en"``, another ISO 639-1 code, or None when there is too little text to tell. ``page_language``: the
    language of the page the comment is on, when known: on a page in another language, a comment that is not
    plainly English is taken to be in the page's language."""
    foreign_page = page_language is not None and page_language != "en"
    head = text[:5000]
    words = _WORD_RE.findall(_NOISE_RE.sub(" ", head)) or _WORD_RE.findall(head)
    letters = sum(len(w) for w in words)
    if not words or letters < MIN_LETTERS:
        return None
    letters_only = "".join(words)
    latin = (
        letters
        if letters_only.isascii()
        else sum(1 for ch in letters_only if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    )
    english_share = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
    plainly_english = latin / letters >= MIN_LATIN_SHARE and english_share >= (
        FOREIGN_PAGE_ENGLISH_SHARE if foreign_page else ENGLISH_WORD_SHARE
    )
    if plainly_english and not foreign_page:
        return "en"
    language, confidence = language_identifier().classify(" ".join(words)[:2000])
    if language == "en" and (not foreign_page or plainly_english or confidence >= FOREIGN_PAGE_ENGLISH_CONFIDENCE):
        return "en"
    if latin / letters < MIN_LATIN_SHARE or (confidence >= MIN_FOREIGN_CONFIDENCE and len(words) >= 4):
        return language
    return page_language if foreign_page else "en"
