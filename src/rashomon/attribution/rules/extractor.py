"""The extractor: all rule families on one doc, in passes, and the matcher that finds their triggers."""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..lexicon import Lexicon
from .base import Found
from .content import ContentRules
from .discipline import CueDiscipline
from .headlines import with_recased_headlines
from .layout import LayoutRules
from .noun_cues import NounCueRules
from .phrases import PhraseRules
from .quote_marks import QuoteMarkRules
from .settings import AS_IT_VERBS, BY_VIEWPOINT_NOUNS, ESTIMATE_SETTING_VERBS, MAKE_VERBS, RETORT_VERBS
from .speakers import SpeakerRules
from .verb_cues import VerbCueRules


def build_matcher(nlp_vocab, lexicon: Lexicon) -> Matcher:
    """One Matcher for cue verbs (by lemma) and cue phrases (by lower-case words, adverbs allowed between)."""
    matcher = Matcher(nlp_vocab)
    matcher.add("CUE_VERB", [[{"LEMMA": {"IN": sorted(lexicon.all_cue_lemmas)}, "POS": "VERB"}]])
    # "Audit files show that ...": a sentence's verb the tagger took for a noun (the parse is still a verb's)
    matcher.add("CUE_VERB", [[{"LEMMA": {"IN": sorted(lexicon.all_cue_lemmas)}, "POS": "NOUN", "DEP": "ROOT"}]])
    if lexicon.clause_marks:
        matcher.add("CUE_CLAUSE", [[{"LOWER": {"IN": sorted(lexicon.clause_marks)}, "DEP": "mark"}]])
    if lexicon.cue_adjectives:
        matcher.add(
            "CUE_ADJECTIVE",
            [[{"LOWER": {"IN": sorted(lexicon.cue_adjectives)}, "POS": "ADJ", "DEP": {"IN": ["acomp", "oprd"]}}]],
        )
        # "they are convinced that ...": a listed attitude the tagger read as a passive participle after the copula
        matcher.add(
            "CUE_ADJECTIVE", [[{"LOWER": {"IN": sorted(lexicon.cue_adjectives)}, "TAG": "VBN", "DEP": "acomp"}]]
        )
    if lexicon.cue_nouns:
        matcher.add("CUE_NOUN", [[{"LEMMA": {"IN": sorted(lexicon.cue_nouns)}, "POS": "NOUN"}]])
    if lexicon.stance_holders:
        matcher.add("CUE_HOLDER", [[{"LEMMA": {"IN": sorted(lexicon.stance_holders)}, "POS": "NOUN", "DEP": "attr"}]])
    viewpoints = (lexicon.viewpoint_nouns | BY_VIEWPOINT_NOUNS) - lexicon.cue_nouns - lexicon.light_nouns
    if viewpoints:
        matcher.add("CUE_NOUN", [[{"LEMMA": {"IN": sorted(viewpoints)}, "POS": "NOUN", "DEP": "pobj"}]])
    if lexicon.light_verbs and lexicon.light_nouns:
        matcher.add(
            "CUE_NOUN",
            [[{"LEMMA": {"IN": sorted(lexicon.light_nouns - lexicon.cue_nouns)}, "POS": "NOUN", "DEP": "dobj"}]],
        )
    matcher.add("CUE_PUT_IT", [[{"LEMMA": {"IN": sorted(AS_IT_VERBS)}, "POS": "VERB"}, {"LOWER": "it"}]])
    for number, (words, _source_after) in enumerate(lexicon.phrases):
        pattern = []
        for position, word in enumerate(words):
            if position:
                pattern.append({"POS": "ADV", "OP": "?"})
            pattern.append({"LOWER": word})
        matcher.add(f"CUE_PHRASE_{number}", [pattern])
    return matcher


def extract(
    doc: Doc,
    lexicon: Lexicon,
    matcher: Matcher,
    reparse: Callable[[str], Doc] | None = None,
    page_names: frozenset[str] = frozenset(),
) -> list[Found]:
    """All attributions of ``doc`` in document order (see the module docstring for the rules).

    ``reparse`` (text -> Doc, same vocab) lets the rules read a Title-Case headline again in sentence case:
    the parser takes most of its words for proper nouns ("Mayor Slams Ferry Plan"). ``page_names`` are the
    lower-case words the rest of the page uses as names (:func:`names_in`): a paragraph's "Merrily said ..." opens
    with a surname the page introduced earlier, which the tagger alone reads as an adverb."""
    if not len(doc):
        return []
    found = DocExtractor(doc, lexicon, matcher, page_names).run()
    if reparse is not None:
        found = with_recased_headlines(
            doc, found, lexicon, reparse, lambda d: DocExtractor(d, lexicon, matcher, page_names).run()
        )
    order = sorted(range(len(found)), key=lambda i: (found[i].cue or found[i].content)[0])
    remap = {old: new for new, old in enumerate(order)}
    result = [found[i] for i in order]
    for item in result:
        if item.inner_of is not None:
            item.inner_of = remap[item.inner_of]
    return result


class DocExtractor(
    QuoteMarkRules,
    SpeakerRules,
    ContentRules,
    CueDiscipline,
    VerbCueRules,
    NounCueRules,
    PhraseRules,
    LayoutRules,
):
    """Applies every rule family to one doc. Built per doc: it carries the doc's quotes and sentence lookups."""

    def run(self) -> list[Found]:
        matches = [
            (self.doc.vocab.strings[match_id], start, end)
            for match_id, start, end in sorted(self.matcher(self.doc), key=lambda m: (m[1], -m[2]))
        ]
        for label, start, end in matches:
            if label.startswith("CUE_PHRASE"):
                self.from_phrase(self.doc[start:end])
        # Later passes see what earlier ones found: phrases, then verbs and nouns, then adjectives and clauses.
        passes = (
            {"CUE_VERB": self.from_verb, "CUE_NOUN": self.from_noun, "CUE_PUT_IT": self.from_put_it},
            {
                "CUE_ADJECTIVE": self.from_adjective,
                "CUE_CLAUSE": self.from_clause_mark,
                "CUE_HOLDER": self.from_stance_holder,
            },
        )
        for handlers in passes:
            for label, start, _end in matches:
                if label in handlers:
                    handlers[label](self.doc[start])
        self.unchain()
        for token in self.doc:
            if token.lower_ == "in" and token.dep_ == "prep":
                self.from_finding(token)
            elif token.lower_ in self.lexicon.relay_adverbs and token.dep_ == "advmod":
                self.from_relay_adverb(token)
            elif token.lower_ in ("show", "shows", "showed") and (
                token.dep_ in ("conj", "parataxis") or token.pos_ == "NOUN"
            ):
                self.from_records_show(token)
            elif token.lower_ == "to" and token.dep_ == "prep":
                self.from_viewpoint_to(token)
            elif token.lemma_.lower() in MAKE_VERBS and token.pos_ == "VERB" and token.i not in self.claimed_tokens:
                self.from_made_clear(token)
            elif token.lemma_.lower() in RETORT_VERBS and token.pos_ == "VERB" and token.i not in self.claimed_tokens:
                self.from_retort(token)
            elif token.lemma_.lower() in ESTIMATE_SETTING_VERBS and token.pos_ == "VERB":
                self.from_estimate(token)
            elif token.pos_ == "VERB" and token.i not in self.claimed_tokens:
                self.from_going_on(token)
        self.speaker_colon()
        self.colon_quotes()
        self.dash_bylines()
        self.orphans()
        self.stop_before_trailing_phrases()
        self.stop_before_replies()
        return self.found

    def stop_before_replies(self) -> None:
        """ "X blamed Y for Z — an allegation the firm disputed": what X said ends where the reply begins."""
        for reply in (f for f in self.found if f.replies):
            end = reply.content[1]
            for other in self.found:
                if (
                    other is not reply
                    and not other.replies
                    and reply.content[0] <= other.content[0] < end
                    and other.content[1] >= reply.cue[1]
                ):
                    other.content = (other.content[0], end)
