"""Boundary rules: where an indirect content ends, once a content rule has found it.

A content rule takes a parse subtree; the subtree may miss words of the reported clause or carry a stretch the
reported words do not hold. Each rule here is one such stretch, tried in :data:`BOUNDARY_RULES` order on every
indirect content (a direct quotation is the speaker's words, mark to mark, and is left alone):

* an **elaboration after a colon** ("announced the suspect's name: Ivo Brandt", "noted that two things had changed:
  fares rose and crews left"): the rest of the sentence after a colon right after the content spells the content
  out; it goes on to the sentence's end (not a quotation opened after the colon);
* a **clause cut short** ("said [a plot he hatched] was enough to ..."): the parser took a reported clause's
  subject for the whole content; when the content stops right before a tensed verb with no subject of its own
  (no comma, no coordinator, not the cue's auxiliary, not a verb the content belongs to), the clause goes on to
  that verb's last word, also when the verb has an auxiliary ("said [the nominee] had not paid any taxes");
* an **inverted condition** ("promised to act should he win"): the parser takes "should" (or "had", "were") before
  its subject for the start of a clause of its own; the condition goes with the words before it. These three rules
  lengthen a content; the others cut it;
* a **coordinated statement of its own** ("said the plan is dead and said that X", "said X, and more than half
  said Y", "..., while the mayor says Y"): a verb of statement (not a belief: "said X and he feels Y" goes on)
  with its own subject or its own complement, joined at the end of the content by a coordinator or a contrastive
  subordinator, starts another attribution; the first content ends before it (PolNeAR gives each its own span).
  A clause opened by "that"/"whether" ("said X and that Y") is a second complement of the same cue, not a new
  statement;
* a **trailing non-restrictive relative clause** (", who was then her deputy", ", which he called a
  disaster", ", with whom he clashed") is the publisher's aside about a noun of the content, not what the source
  said (PolNeAR ends the content before it; the issue's narrative-scope rule keeps such insertions the
  publisher's);
* a **trailing apposition** to a name (", a neurosurgeon who has never held office", ", the harbour master"): the
  writer's description of the one named, as the relative clause is;
* a **trailing occasion** of a noun-phrase content ("reported her presence on Twitter", "blasted X as a disgrace
  Wednesday", "described the talks on condition of anonymity"): when, or where or through what, or how the act was
  done, not what was said. This one rule also cuts a
  content with a quotation in it ('called the plan "a disaster" in a radio interview'), and an occasion whose own
  tail an earlier rule cut ("denounced the plan in a radio diatribe, which ...");
* a **trailing connective** ("denied that the tax is a fee, however, ..."): a sentence adverb after a comma at the
  content's end links the sentence to the one before; it is the writer's.

One rule moves the start instead, on indirect and mixed contents alike (:func:`after_connective`): a **discourse
connective** that opens the sentence before a comma ("Still, ...", "Even so, ...") is the writer's link to the
sentence before, not the source's words; and on indirect contents (:func:`after_speech_time`) a **time phrase**
right after the cue ("said on Saturday it had ...") is when it was said.

A rule takes the doc, the content's first and last token and the lemmas of statement verbs
(:attr:`~..lexicon.Lexicon.statement_lemmas`), and answers the new last token (or
``last``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, SUBJECT_DEPS
from .settings import (
    CONTRAST_MARKS,
    INVERTED_AUXILIARIES,
    MANNER_NOUNS,
    NON_RESTRICTIVE_PRONOUNS,
    OCCASION_NOUNS,
    OCCASION_PREPOSITIONS,
    OWN_CONTENT_DEPS,
    SAY_LEMMAS,
    SECOND_COMPLEMENT_MARKS,
    SENTENCE_CONNECTIVES,
    SPEECH_TIME_LEADS,
    TRAILING_CONNECTIVES,
)

#: A cut keeps at least this many tokens of the content.
MIN_KEPT_TOKENS = 3
#: Quotation marks: a cut must not leave one of them on the far side (it would split a quotation).
_MARKS = frozenset('"“”‘’«»')


def manner_noun(noun: Token) -> bool:
    """Whether ``noun`` is the object of the "on" of "on condition of anonymity", "on behalf of X", "on background":
    how someone spoke, never what they spoke of."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.lemma_.lower() in MANNER_NOUNS


def opened_by_in_case(clause: Token) -> bool:
    """Whether "in case" comes right before ``clause`` ("... in case she decides to run"): the parser reads it as a
    phrase on the verb before and gives the clause to whatever verb it likes; it is a condition all the same."""
    first = clause.left_edge.i
    return first >= 2 and clause.doc[first - 2 : first].text.lower() == "in case"


def second_complement(token: Token) -> bool:
    """Whether a coordinated verb opens with "that"/"whether" ("said X and that she wanted Y"): another complement
    of the same cue, so the same statement goes on (PolNeAR keeps both in one content)."""
    return token.dep_ == "conj" and any(
        c.dep_ == "mark" and c.lower_ in SECOND_COMPLEMENT_MARKS for c in token.children
    )


def coordinated_statement(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "said his attacks have given him momentum and said that X": cut before "and said"."""
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    for token in doc[first + 1 : end + 1]:
        if token.pos_ != "VERB" or token.lemma_.lower() not in cues or token.right_edge.i != end:
            continue
        if token.dep_ == "conj":
            joined = any(c.dep_ == "cc" for c in token.head.children if c.i < token.i) or any(
                c.dep_ == "cc" for c in token.children
            )
        elif token.dep_ == "advcl":
            joined = any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in token.children)
        else:
            continue
        # with no subject of its own, only a verb of saying with a clause of its own is a second statement ("said
        # X and said that Y"); "they are going ahead and will see what happens" is all one content
        own = any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in token.children) or (
            token.lemma_.lower() in SAY_LEMMAS and any(c.dep_ in OWN_CONTENT_DEPS for c in token.children)
        )
        if not (joined and own) or token.head.i < first or second_complement(token):
            continue
        cut = token.left_edge.i
        while cut > first and (doc[cut - 1].dep_ in ("cc", "mark") or doc[cut - 1].is_punct):
            cut -= 1
        if cut - first < MIN_KEPT_TOKENS or any(t.text in _MARKS for t in doc[cut : token.i]):
            continue
        return cut - 1
    return last


def trailing_relative(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "the letters were exchanges with Ida Korvel, who was then her deputy", "attacked the mayor, with whom he
    clashed over the budget": cut before the comma."""
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    for token in doc[first : end + 1]:
        if token.dep_ != "relcl" or token.right_edge.i != end or token.head.i < first:
            continue
        opener = token.left_edge
        if opener.i - 1 <= first or doc[opener.i - 1].text != "," or not opens_non_restrictive(opener, token):
            continue
        if any(t.text in _MARKS for t in doc[opener.i : last + 1]):
            return last  # the clause is (partly) quoted: the source's words, keep them
        return opener.i - 2
    return last


def opens_non_restrictive(opener: Token, clause: Token) -> bool:
    """Whether ``opener``, the first word of the relative clause ``clause`` after a comma, opens an aside: a relative
    pronoun (", who ..."), or a preposition before one (", with whom ...", ", in which ..."). Not "where" / "when"
    (", where she died that night, officers said": on 634 real articles as often the source's news as the
    writer's background)."""
    if opener.lower_ in NON_RESTRICTIVE_PRONOUNS:
        return True
    return (
        opener.dep_ == "prep"
        and opener.head.i == clause.i
        and any(c.dep_ == "pobj" and c.lower_ in NON_RESTRICTIVE_PRONOUNS for c in opener.children)
    )


def content_root(doc: Doc, first: int, last: int) -> tuple[Token | None, int]:
    """The content's root (its first token whose head lies outside it, or the sentence's root) and its last token
    before closing punctuation."""
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    root = next((t for t in doc[first : end + 1] if not first <= t.head.i <= end or t.head.i == t.i), None)
    return root, end


def trailing_apposition(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "voted for Ben Carson, a neurosurgeon who has never held office", "praised Ida Vell, the harbour master": a
    content that is a name described by an apposition after a comma, at its end, ends before the comma: the
    description is the writer's, about the one named, not what the source said. Not a quoted description, nor
    one with a number in it ("showed Vell leading Brandt, 49 percent to 44": the finding), nor an apposition to a
    common noun ("mentioned the stimulus, an 8 percent jobless rate, ...": often a list)."""
    root, end = content_root(doc, first, last)
    if root is None or root.pos_ != "PROPN":
        return last
    for token in root.rights:
        if token.dep_ != "appos" or token.pos_ != "NOUN" or token.right_edge.i != end or token.left_edge.i - 1 <= first:
            continue
        comma = token.left_edge.i - 1
        described = doc[comma : last + 1]
        if doc[comma].text != "," or any(t.text in _MARKS or t.like_num or t.pos_ == "NUM" for t in described):
            return last
        return comma - 1
    return last


def clause_cut_short(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "said [the portions he filed] showed a loss": the content stops right before a tensed verb with no subject
    of its own (no comma, no coordinator between): the parser took the reported clause's subject for an object,
    so the clause goes on to that verb's last word."""
    verb = last + 1
    if verb >= len(doc) or doc[last].is_punct or doc[last].is_space or not doc[last].whitespace_:
        return last
    token = doc[verb]
    if token.sent.start != doc[last].sent.start or any(
        t.tag_ in ("WDT", "WP") or t.text in _MARKS for t in doc[first : last + 1]
    ):
        return last
    if token.dep_ in ("aux", "auxpass") and token.tag_ in FINITE_TAGS and token.head.i > token.i:
        return auxiliary_cut_short(token.head, last, cues)
    if (
        token.tag_ not in FINITE_TAGS
        or token.pos_ not in ("VERB", "AUX")
        or token.dep_ in ("aux", "auxpass")  # an auxiliary whose verb comes before it: nothing cut short here
        or token.left_edge.i <= first  # "[the plan] was dead": the content is part of that verb's clause
        or any(c.dep_ in SUBJECT_DEPS and c.i > last for c in token.children)
    ):
        return last
    end = token.right_edge.i
    return end if end > last else last


def auxiliary_cut_short(verb: Token, last: int, cues: frozenset[str]) -> int:
    """ "said [the nominee] had not paid any taxes": the same, when the content stops before the auxiliary of a verb
    with no subject of its own (not the cue's own auxiliary: "[the nominee] has been endorsed by ...", whose verb is
    a cue); the clause goes on to that verb's last word."""
    if verb.left_edge.i <= last or verb.lemma_.lower() in cues or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return last
    return max(last, verb.right_edge.i)


def trailing_occasion(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "reported her presence on Twitter", "cited the figure at last week's forum", "blasted X as a disgrace
    Wednesday": a noun-phrase content whose last phrase names when, or where or through what, the act was done
    is the act's occasion, not what was said: cut before it (and before one more such phrase before it)."""
    root, end = content_root(doc, first, last)
    if root is None or root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return last
    cut = last
    for token in reversed(doc[first + 1 : end + 1]):
        # the phrase's subtree may run past ``end`` when an earlier rule cut its tail (", which ...")
        if token.right_edge.i < end or (first <= token.head.i <= end and token.head.pos_ == "VERB"):
            continue
        if token.dep_ == "prep" and token.lower_ in OCCASION_PREPOSITIONS:
            noun = next((c for c in token.children if c.dep_ == "pobj"), None)
            if noun is None or not (
                noun.ent_type_ in ("DATE", "TIME")
                or noun.lemma_.lower() in OCCASION_NOUNS
                or manner_noun(noun)  # "described the talks on condition of anonymity"
            ):
                continue
        elif not (token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME")):
            continue
        if token.left_edge.i <= root.i or any(t.text in _MARKS for t in doc[token.left_edge.i : end + 1]):
            return cut
        if sum(t.text in _MARKS for t in doc[first : token.left_edge.i]) % 2:
            return cut  # 'accused the police of "trying the case on television."': inside the quotation
        cut = end = token.left_edge.i - 1
    return cut


def inverted_condition(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "promised to act should he win", "said she would serve should the chance arise": a condition written with
    the auxiliary first belongs to the words before it, but the parser takes "should" for the start of a clause of
    its own (or the sentence's root) and the content stops before it: it goes on to that clause's end."""
    aux = last + 1
    if aux + 2 >= len(doc) or doc[last].is_punct or doc[aux].lower_ not in INVERTED_AUXILIARIES:
        return last
    verb = doc[aux].head
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if (
        doc[aux].dep_ not in ("aux", "auxpass")
        or verb.i <= aux
        or subject is None
        or not aux < subject.i < verb.i
        or subject.left_edge.i != aux + 1
        or verb.sent.start != doc[last].sent.start
    ):
        return last
    end = max([verb.i] + [c.right_edge.i for c in verb.rights if not c.is_punct])
    return end


def colon_elaboration(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "announced the suspect's name: Ivo Brandt", "noted that two things had changed: fares rose and crews left":
    what follows a colon right after the content, in the same sentence and on the same line, spells the
    content out, so it is part of it (the parser hangs it apart). Not a quotation opened after the colon ('said:
    "..."'), which is its own."""
    colon = last + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or "\n" in doc[last].whitespace_ + doc[colon].whitespace_:
        return last
    after = doc[colon + 1]
    if after.sent.start != doc[last].sent.start or after.text in _MARKS or after.is_space:
        return last
    end = after.sent.end - 1
    while end > colon and (doc[end].is_punct and doc[end].text not in _MARKS or doc[end].is_space):
        end -= 1
    return end


def trailing_connective(doc: Doc, first: int, last: int, cues: frozenset[str]) -> int:
    """ "denied that the tax is a fee, however, ...": a sentence adverb set off by a comma at the content's end ties
    the sentence to the one before it; it is the writer's, not the source's."""
    if last - first >= MIN_KEPT_TOKENS and doc[last].lower_ in TRAILING_CONNECTIVES and doc[last - 1].text == ",":
        return last - 2
    return last


#: A boundary rule: (doc, first token, last token, statement lemmas) -> the new last token.
Rule = Callable[[Doc, int, int, frozenset[str]], int]


#: The boundary rules, in the order they are tried.
BOUNDARY_RULES: tuple[Rule, ...] = (
    colon_elaboration,
    inverted_condition,
    clause_cut_short,
    coordinated_statement,
    trailing_relative,
    trailing_apposition,
    trailing_occasion,
    trailing_connective,
)


def tokens_of(doc: Doc, content: tuple[int, int]) -> Span | None:
    """The tokens covering the characters of ``content``, or None where spaCy finds none."""
    try:
        return doc.char_span(*content, alignment_mode="expand")
    except IndexError:  # spaCy refuses a span that expands to nothing
        return None


def after_connective(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """``content`` without the discourse connective and comma that open its sentence ("Still, the council found
    the plan was sound": the council found "the plan was sound"; "Even so, the plan, aides say, is sound": the
    aides say "the plan ... is sound"). The connective links the sentence to the writer's previous one; it is not
    part of what the source said. Only at the start of a sentence (or a line) and only before a comma."""
    span = tokens_of(doc, content)
    if span is None or len(span) < 3:
        return content
    opener = span[0]
    if not (opener.is_sent_start or opener.i > 0 and doc[opener.i - 1].is_space):
        return content
    words = tuple(t.lower_ for t in span[:3])
    for connective in SENTENCE_CONNECTIVES:
        comma = len(connective)
        if words[:comma] == connective and comma < len(span) - 1 and span[comma].text == ",":
            return span[comma + 1].idx, content[1]
    return content


def after_speech_time(doc: Doc, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """``content`` without the time phrase that opens it right after its cue ("The army said on Saturday it had
    retaken the town": the army said "it had retaken the town"; "said Tuesday the talks had failed"). With no
    "that" to mark where the clause starts, the parser hangs the day on the reported verb; news style puts the
    time of the statement there. Only a run of date and time words (and the "on", "at", "late", "early" that
    lead them) followed by the clause's subject; "said Tuesday's vote was rigged" keeps its words."""
    span = tokens_of(doc, content)
    if span is None or len(span) < 3 or not set(doc.text[cue[1] : content[0]].lower().split()) <= SPEECH_TIME_LEADS:
        return content  # only right after the cue, or after a "late" the parser gave the cue
    run = 0
    while run < len(span) - 1 and (span[run].ent_type_ in ("DATE", "TIME") or span[run].lower_ in SPEECH_TIME_LEADS):
        run += 1
    if run == 0 or not any(t.ent_type_ in ("DATE", "TIME") for t in span[:run]):
        return content
    subject = span[run]
    clause = subject.head
    if subject.dep_ not in SUBJECT_DEPS or subject.left_edge.i != subject.i or clause.i < subject.i:
        subject = next((t for t in span[run:] if t.dep_ in SUBJECT_DEPS and t.left_edge.i == span[run].i), None)
        if subject is None:
            return content
        clause = subject.head
    if any(span.start <= t.head.i and t.head.i != clause.i and not t.head.i < span.start + run for t in span[:run]):
        return content  # a time word of the subject ("Tuesday's vote") or of something else
    return span[run].idx, content[1]


def bounded(
    doc: Doc, text: str, content: tuple[int, int], cues: frozenset[str], rules: tuple[Rule, ...] = BOUNDARY_RULES
) -> tuple[int, int]:
    """``content`` (character offsets into ``text``, the doc's text) with each of ``rules`` (all the boundary rules
    unless told) applied to its end."""
    if not text[content[0] : content[1]].strip():
        return content
    span = tokens_of(doc, content)
    if span is None or len(span) < 2:
        return content
    first, last = span.start, span.end - 1
    for rule in rules:
        last = rule(doc, first, last, cues)
    cut = last != span.end - 1
    # a coordinator left at the end ("they were worried, and") goes, and after a cut its punctuation too
    while last > first and (
        doc[last].dep_ == "cc" or doc[last].is_space or cut and doc[last].is_punct and doc[last].text not in _MARKS
    ):
        last -= 1
        cut = True
    if not cut:
        return content
    return content[0], doc[last].idx + len(doc[last])
