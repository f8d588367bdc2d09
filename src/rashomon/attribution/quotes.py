"""Find attributions in one spaCy ``Doc``: cue, source and content spans of direct, indirect and mixed quotes.

Rules over the dependency parse, driven by the cue lexicon (``data/attribution/cues.yaml``):

* a **cue verb** ("said", "told", "announced", "believes") takes its subject as the source and its clausal
  complement, or for report verbs its object, as the content; a cue in a parenthetical ("the attack, he said,
  was ...") or an "as"-clause ("as Reuters adds, ...") takes the clause it comments on;
* a **cue phrase** ("according to X", "as reported by X") takes the phrase's object as the source
  and the rest of the sentence as the content;
* **quotation marks** extend the content to the whole quotation, across sentences when the quote runs on,
  and attach a quote to a cue in the next or previous sentence ('"..." He said.', 'He said: "..."');
* "X quoted Y as saying ..." yields two nested attributions;
* **beliefs and stances** count too (as in PolNeAR's definition): belief verbs take a clause, an infinitive
  ("seeks to"), a listed preposition ("worried about") or, for a few, a noun object ("wants a wall"); "X views
  Y as Z"; attitude adjectives ("is confident that", "critical of"); a possessed speech-act noun with what
  it is about ("the governor's comments about ..."); any verb or adjective with a subject and a
  that/whether-clause ("decided that ...", at lower confidence);
* **passives** keep the cue with no source ("it was reported that", "are said to", "Asked whether ..."), or
  take the agent as the source and the subject as the content ("the plan was criticized by X");
* a cue in a **relative clause** whose object is the noun it hangs on takes that noun ("a plan the board
  endorsed"); a **speech-act noun** takes what it is about ("calls for X", "a pledge to Y");
* an intransitive speech verb takes its **prepositional object** ("lashed out at X", "agreed with X"), which
  joins the cue; a **cue chain** is one cue ("sought to clarify X", "refused to call him Y"); "made clear
  that"; "said yes", "thinks so"; a channel joins the cue ("said in a statement");
* **impressions** ("X seems Y", "it appears that ...") have no named holder;
* **light verbs** carry a speech-act noun ("made the case that", "took issue with"); **reception** verbs take the
  source from "from"/"of" ("drew criticism from X"); "in X's view" puts the sentence under X; "as X put it";
  "X's answer was that ..."; declarations count ("vetoed the bill", "nominated X");
* **parser slips** are repaired: a dateline taken for a subject ("LONDON (Reuters) - X said"), a speaker hung on
  an opening phrase or inside the quotation before it ('"...," X, an adviser, said'), a cue hung on its subject
  as a clause modifier, a gerund subject taken for a complement ("say taxing X encourages Y");
* "Name: \"...\"" introduces a quotation anywhere in a line (not a heading such as "UPDATE:");
  **Title-Case headlines** are re-read in sentence case when the caller can re-parse;
* a content stops before the next cue joined to its own ("criticized X, saying Y": two attributions), and an
  indirect content does not cross a line break.

Offsets here are character offsets into ``doc.text``; the stage adds the block offset. Quotes that no cue
claims are returned as orphans (``kind="continuation"``, no cue, no source) for the stage to link to the
previous speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

# --- settings -----------------------------------------------------------------------------------------
#: An orphan quotation shorter than this many words is a scare quote ("think tank"), not speech.
MIN_ORPHAN_QUOTE_WORDS = 5
#: Participial cues looked at in one subtree ("..., saying ..."): real sentences have one or two.
MAX_SUBTREE_CUES = 50
#: A quote counts as the content of a cue in a neighbouring sentence only if it starts or ends this close
#: (in characters) to that sentence.
NEIGHBOUR_QUOTE_GAP = 3
#: Share of a content span inside quotation marks above which the attribution is "direct".
DIRECT_SHARE = 0.85
#: Dependency labels that make a clause the content of a cue verb.
CONTENT_DEPS = frozenset({"ccomp"})
#: Verbs whose infinitive complement is not what they report ("told him to leave").
NO_XCOMP_CONTENT = frozenset({"say", "add", "continue", "write", "post"})
#: Speech verbs whose object is not what is said ("added troops", "wrote a letter", "answered the phone").
NO_OBJECT_CONTENT = frozenset({"say", "add", "continue", "write", "post", "answer", "reply", "respond", "tell"})
#: Verbs whose object (with its complement) is the content ("called it a massacre", "described X as Y").
OBJECT_CONTENT_SPEECH = frozenset({"call", "describe", "label", "brand", "dub", "echo", "repeat", "cite"})
#: Nouns a relative clause can hang on without being what the cue reports ("the way they say it").
RELATIVE_GAP_NOT_CONTENT = frozenset(
    {
        "way",
        "time",
        "day",
        "year",
        "week",
        "month",
        "moment",
        "place",
        "reason",
        "night",
        "morning",
        "evening",
        "point",
        "extent",
        "manner",
    }
)
#: Prepositions that introduce what a possessed speech-act noun is about ("her criticism of X").
NOUN_CONTENT_PREPOSITIONS = frozenset({"about", "on", "of", "for", "to", "against", "over"})
#: Confidence of a cue found only by its that/whether-clause, not by the lexicon.
UNLISTED_CUE_CONFIDENCE = 0.5
#: One-word answers that are what was said or thought ("said yes", "thinks so", "said nothing").
SHORT_ANSWERS = frozenset({"yes", "no", "so", "nothing", "otherwise"})
#: Verbs whose noun object of this many tokens or more is a mis-parsed clause, not a thing said ("said goodbye").
SAY_LEMMAS = frozenset({"say"})
MIN_SAID_OBJECT_TOKENS = 4
#: Prepositions after a speech verb's noun object that say what it was about ("told the story of X").
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on"})
#: Prepositions whose object is what an intransitive speech verb is about ("lashed out at X", "agreed with X").
SPEECH_PREPOSITIONS = frozenset({"about", "against", "at", "of", "on", "over", "to", "with", "for"})
#: ... except the addressee of these verbs ("spoke to reporters", "talked with aides").
ADDRESSEE_PREPOSITIONS = frozenset({"to", "with"})
ADDRESSEE_VERBS = frozenset(
    {
        "say",
        "speak",
        "talk",
        "write",
        "tweet",
        "post",
        "explain",
        "add",
        "state",
        "mention",
        "remark",
        "comment",
        "complain",
        "joke",
        "whisper",
        "shout",
        "yell",
        "scream",
        "mutter",
        "brief",
        "testify",
        "admit",
        "confess",
        "apologize",
        "apologise",
        "lie",
        "reply",
        "answer",
        "suggest",
        "recommend",
        "propose",
        "sing",
        "plead",
        "beg",
        "protest",
        "object",
        "insist",
        "argue",
        "continue",
        "describe",
        "tell",
        "call",
    }
)
#: Prepositions whose object is the content of a speech verb ("called for", "warned against").
CONTENT_PREPOSITIONS = frozenset({"for", "against", "about"})
#: Subjects that are not speakers (expletives).
EXPLETIVES = frozenset({"there"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Verbs of impression: "X seems Y" is the writer's impression, not X's words; "it" there names nobody.
IMPERSONAL_SUBJECTS = frozenset({"it"})
IMPERSONAL_VERBS = frozenset({"seem", "appear"})
#: Dashes that end a dateline ("LONDON (Reuters) - ").
DATELINE_DASHES = frozenset({"-", "—", "–", "--"})
#: Pronouns a relative clause can hang on with the pronoun as what is said ("something Republicans wanted").
GAP_PRONOUNS = frozenset({"something", "anything", "everything", "nothing", "much", "little", "all"})
#: Pronoun objects that a speech verb's stance is about ("strongly supported him", "criticized them").
STANCE_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "it", "this", "that"})
#: Lemmas of "is" ("'s" after "it" is lemmatised as the apostrophe by the small English model).
COPULAS = frozenset({"be", "'s", "’s", "’", "'"})
#: Subjects that turn a belief verb into a hedge ("you know", "you see"). "I think", "we believe" outside any
#: quotation (an interview transcript, a first-person column, a post) state the speaker's view: attributions.
#: Inside a quotation they are left to the quotation (SKIP_CUES_IN_QUOTES).
HEDGING_SUBJECTS = frozenset({"you"})
#: Whether a cue inside a quotation ('"... he says he is rich," she said') is left to the quotation.
SKIP_CUES_IN_QUOTES = True
#: "responded by saying ...": prepositions whose gerund cue is spoken by the subject of the verb they modify.
GERUND_PREPOSITIONS = frozenset(
    {
        "by",
        "after",
        "before",
        "while",
        "without",
        "in",
        "besides",
        "from",
        "to",
        "of",
        "about",
        "for",
        "on",
        "than",
        "as",
        "despite",
        "through",
        "upon",
    }
)
#: Marks of an adverbial clause that is what a cue asks or wonders ("asked the students if they ...").
QUESTION_MARKS = frozenset({"if", "whether"})
#: A speaker label ("PENCE:", "Jane Roe:") or a dash signature has at most this many tokens.
MAX_SPEAKER_TOKENS = 4
#: A speaker between a closing quotation mark and its cue ('"...," Jane Roe, an adviser, said') is at most this long.
MAX_SPEAKER_SPAN = 25
#: How many tokens before a colon that opens a quotation the speaker's name may start ("Roe in 1992:").
COLON_NAME_REACH = 6
#: "made clear that ...", "has made it plain that ...": a verb and adjective that together state a position.
MAKE_VERBS = frozenset({"make"})
CLEAR_ADJECTIVES = frozenset({"clear", "plain", "explicit"})
#: "told Reuters in an interview that ...": how far after the cue (in tokens) a channel phrase may start and
#: still hold the that-clause the parser hung on it (in the cue span, the channel must follow the cue at once).
CHANNEL_REACH = 3
#: A sentence is a Title-Case headline when it has this many words and this share of them is capitalised.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 30
TITLE_SHARE = 0.8
#: Irregular past forms of cue verbs, for reading Title-Case headlines ("Mayor Said ...").
IRREGULAR_FORMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "thought": "think",
    "felt": "feel",
    "spoke": "speak",
    "sought": "seek",
    "knew": "know",
    "saw": "see",
    "found": "find",
    "made": "make",
    "took": "take",
    "gave": "give",
    "held": "hold",
    "swore": "swear",
    "spoken": "speak",
    "written": "write",
    "shown": "show",
    "seen": "see",
}
#: Hyphenated label prefixes before a participle: "so-called X", "self-described X", "self-styled X".
LABEL_PREFIXES = frozenset({("self", "describe"), ("self", "style"), ("self", "proclaim"), ("self", "declare")})
#: Objects of "on" that tell how or for whom someone speaks, not what about: "spoke on condition of anonymity",
#: "speaking on behalf of the campaign", "talked on background". The cue is then an aside about the speaker.
MANNER_NOUNS = frozenset({"condition", "behalf", "background"})
#: Modals that turn "want" into advice to someone ("investors may want to wait"): nobody's wish is reported.
ADVICE_MODALS = frozenset({"may", "might", "should", "could"})
#: Verbs that, with nothing said after them, name an occasion ("after the senator spoke", "as she talked"):
#: a quotation nearby is not theirs.
OCCASION_VERBS = frozenset({"speak", "talk"})
#: Verbs that relay only a quotation ('"...," the sign read'): "the story reads as follows" frames, "read the
#: report" is no statement.
QUOTE_ONLY_VERBS = frozenset({"read"})
#: Prepositions that, before a date or a time, say when something was said ("spoke on Monday").
TIME_PREPOSITIONS = frozenset({"on", "at", "over", "for", "in", "during"})
#: Pronouns that pick out part of what follows "of": "reiterated many of his pledges".
QUANTIFIERS = frozenset({"many", "some", "all", "most", "much", "several", "each", "one", "none", "few", "both"})
#: Verbs whose noun object is a study's finding ("the audit found no record"), with a study for subject.
FINDING_VERBS = frozenset({"find"})
#: At most this many tokens between the two verbs of a cue chain ("sought to clarify", "refused to call").
MAX_CHAIN_GAP = 3
#: A light verb's noun ("made a strong, early case for") at most this many tokens after the verb.
LIGHT_NOUN_REACH = 6
#: Prepositions that introduce what a light-verb cue is about ("took issue with", "took aim at").
LIGHT_PREPOSITIONS = frozenset({"about", "on", "over", "against", "for", "of", "with", "at", "to", "in"})
#: Content marker: what is said is the next paragraph ("He said:" closing a paragraph).
NEXT_BLOCK = (-1, -1)

#: What may stand between a cue (or its speaker) and the second half of a split quotation.
SPLIT_QUOTE_GAP = re.compile(r"^[\s,;:.—–-]{0,4}$")
#: Two apostrophes stand for a straight double mark in some house styles (''like this'').
QUOTE_MARKS = re.compile(r"''|[\"“”„«»]")
OPENING_MARKS = frozenset("“„«")
#: A line break followed by an opening mark: a new paragraph of quotation ("...\n“And then ...").
PARAGRAPH_REOPENS = re.compile(r"\n[ \t\u00a0]*(?:''|[\"“„«])")
CLOSING_MARKS = frozenset("”»")
OPEN_TEXT = frozenset(('"', "“", "„", "«", "''"))
CLOSE_TEXT = frozenset(('"', "”", "»", "''"))
#: A quotation claimed from a neighbouring sentence must have at least this many words (not a scare quote).
MIN_CLAIMED_QUOTE_WORDS = 3
#: "a pilot reached by the Ledger": how a speaker was reached, left out of the source span.
CONTACT_VERBS = frozenset({"reach", "contact", "interview", "question", "approach", "visit", "call", "phone"})
#: Punctuation that sets a content noun beside the clause it names ("..., a charge the group denied").
REPLY_JOINS = frozenset({",", "—", "–", ";", "-"})


@dataclass(slots=True)
class Found:
    """One attribution in a doc, in doc character offsets. ``source_root`` is the token heading the source."""

    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_root: int | None = None
    recipient: str | None = None
    inner_of: int | None = None  # index (in the returned list) of the attribution that relays this one
    confidence: float = 1.0
    #: A reply to words already on the page ("..., a charge the group denied"): its content is someone
    #: else's statement, which it answers but does not relay, so it never becomes that statement's parent.
    replies: bool = False
    #: Found from a cue phrase ("according to X"): it relays all the clause it hangs on.
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    closed: bool


def quote_spans(text: str) -> list[Quote]:
    """Top-level quotations in ``text``, marks included; quotes inside quotes stay inside their quote.

    Straight marks toggle, typographic marks open and close. A quote left open runs to the end of the text
    (a quotation that continues in the next paragraph leaves its closing mark out); a stray closing mark is
    ignored.
    """
    spans: list[Quote] = []
    open_at: int | None = None
    depth = 0
    for match in QUOTE_MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if open_at is not None:
            reopened = PARAGRAPH_REOPENS.search(text, open_at, at + 1)
            if reopened is not None:
                # a quotation continued in the next paragraph: that paragraph opens with a new mark, so this
                # quote ends where its paragraph does (left open: the speaker carries on)
                spans.append(Quote(open_at, len(text[: reopened.start()].rstrip()), False))
                open_at, depth = None, 0
        mark = '"' if mark == "''" else mark
        opening = mark in OPENING_MARKS or (mark == '"' and open_at is None)
        if mark == "”" and open_at is None and (at == 0 or text[at - 1].isspace()) and text[at + 1 : at + 2].isalnum():
            opening = True  # a closing mark typed where an opening one belongs
        if mark == '"' and open_at is not None and depth and text[at - 1 : at].isspace():
            opening = True  # a straight mark after a space inside a quote opens a nested quote
        if (
            mark == "“"
            and open_at is not None
            and not depth
            and at > open_at + 1
            and not text[at - 1].isspace()
            and (at + 1 >= len(text) or text[at + 1].isspace() or text[at + 1] in ".,;:!?")
        ):
            opening = False  # '“Not now,“ he said': an opening mark typed where the closing one belongs
        if opening:
            if open_at is None:
                open_at = at
            else:
                depth += 1
        elif open_at is not None:
            if depth:
                depth -= 1
            else:
                spans.append(Quote(open_at, match.end(), True))
                open_at = None
    if open_at is not None:
        spans.append(Quote(open_at, len(text.rstrip()), False))
    return spans


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
    if lexicon.cue_nouns:
        matcher.add("CUE_NOUN", [[{"LEMMA": {"IN": sorted(lexicon.cue_nouns)}, "POS": "NOUN"}]])
    if lexicon.stance_holders:
        matcher.add("CUE_HOLDER", [[{"LEMMA": {"IN": sorted(lexicon.stance_holders)}, "POS": "NOUN", "DEP": "attr"}]])
    viewpoints = lexicon.viewpoint_nouns - lexicon.cue_nouns - lexicon.light_nouns
    if viewpoints:
        matcher.add("CUE_NOUN", [[{"LEMMA": {"IN": sorted(viewpoints)}, "POS": "NOUN", "DEP": "pobj"}]])
    if lexicon.light_verbs and lexicon.light_nouns:
        matcher.add(
            "CUE_NOUN",
            [[{"LEMMA": {"IN": sorted(lexicon.light_nouns - lexicon.cue_nouns)}, "POS": "NOUN", "DEP": "dobj"}]],
        )
    matcher.add("CUE_PUT_IT", [[{"LEMMA": "put", "POS": "VERB"}, {"LOWER": "it"}]])
    for number, (words, _source_after) in enumerate(lexicon.phrases):
        pattern = []
        for position, word in enumerate(words):
            if position:
                pattern.append({"POS": "ADV", "OP": "?"})
            pattern.append({"LOWER": word})
        matcher.add(f"CUE_PHRASE_{number}", [pattern])
    return matcher


class DocExtractor:
    """Applies the rules to one doc. Built per doc: it carries the doc's quotes and sentence lookups."""

    def __init__(self, doc: Doc, lexicon: Lexicon, matcher: Matcher):
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.lexicon = lexicon
        self.matcher = matcher
        self.quotes = quote_spans(self.text)
        # quotes come in text order and do not overlap: the ones a span touches are one slice of the list
        self._quote_ends = [q.end for q in self.quotes]
        self._quotes_disjoint = all(a.end <= b.start for a, b in zip(self.quotes, self.quotes[1:]))
        self.found: list[Found] = []
        self.claimed_tokens: set[int] = set()
        self._participles: list[int] | None = None  # see participial_cues

    # --- helpers ------------------------------------------------------------------------------------
    def chars(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first..last`` (inclusive), without surrounding punctuation."""
        doc = self.doc
        while first < last and (doc[first].is_space or doc[first].is_punct and doc[first].text not in OPEN_TEXT):
            first += 1
        while last > first and (doc[last].is_space or doc[last].is_punct and doc[last].text not in CLOSE_TEXT):
            last -= 1
        return doc[first].idx, doc[last].idx + len(doc[last])

    def subtree_chars(self, token: Token) -> tuple[int, int]:
        return self.chars(token.left_edge.i, token.right_edge.i)

    def source_chars(self, head: Token) -> tuple[int, int]:
        """The source noun phrase, without a relative clause or a participle aside ("Trump, speaking to ...")."""
        last = head.right_edge.i
        for child in head.rights:
            if (
                child.dep_ == "relcl"
                or (child.dep_ in ("acl", "advcl") and child.tag_ == "VBG")
                or self.finite_acl(child)
            ):
                last = min(last, child.left_edge.i - 1)
            elif (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and any(c.dep_ == "agent" for c in child.children)
                and (self.is_person(head) or child.lemma_.lower() in CONTACT_VERBS)
            ):
                # "a fighter reached by Reuters by telephone": how a person was reached, not who they are
                # (a document keeps its maker: "a study released by the ministry")
                last = min(last, child.left_edge.i - 1)
        while last > head.i and (
            (self.doc[last].is_punct or self.doc[last].is_space)
            and self.doc[last].text != ")"
            or self.doc[last].dep_ == "case"
        ):  # "the governor's comments": not the 's
            last -= 1
        first = head.left_edge.i
        for token in self.doc[first : head.i]:
            if token.text in DATELINE_DASHES and token.i > first and self.doc[token.i - 1].text == ")":
                first = token.i + 1  # "KESTREL BAY (Coastwire) - Mayor Ida Vell": the dateline is not the source
        start, end = self.chars(first, max(last, head.i))
        if self.doc[max(last, head.i)].text == ")":
            end = self.doc[max(last, head.i)].idx + 1  # "Sen. Jane Roe (D-Wis.)": keep the closing bracket
        return start, end

    def can_speak(self, head: Token) -> bool:
        """Whether a noun names someone or something that can say or hold things: a person, an organisation, a
        document ("the union, which endorsed ...", "a report that suggested ..."), not "losses that threatened"."""
        lemma = head.lemma_.lower()
        return (
            self.is_person(head)
            or head.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
            or any(lemma in words for words in self.lexicon.heads.values())
        )

    def is_person(self, head: Token) -> bool:
        lemma = head.lemma_.lower()
        return (
            head.ent_type_ == "PERSON"
            or lemma in self.lexicon.unnamed_person_heads
            or lemma in self.lexicon.roles
            or head.lower_ in self.lexicon.unnamed_person_heads
        )

    def quotes_touching(self, start: int, end: int) -> list[Quote]:
        """The quotes with ``quote.start < end and start < quote.end``, in order: a bisect and a slice (a page of
        4,000 quotations asked this per cue was quadratic), or a scan if the quotes ever overlap."""
        if not self._quotes_disjoint:
            return [q for q in self.quotes if q.start < end and start < q.end]
        found = []
        for index in range(bisect_right(self._quote_ends, start), len(self.quotes)):
            quote = self.quotes[index]
            if quote.start >= end:
                break
            found.append(quote)
        return found

    def quote_at(self, start: int, end: int) -> Quote | None:
        return next(iter(self.quotes_touching(start, end)), None)

    def inside_quote(self, char: int) -> Quote | None:
        for quote in self.quotes_touching(char, char + 1):
            if quote.closed and quote.start < char < quote.end:
                return quote
        return None

    def inside_found_content(self, char: int) -> bool:
        """Whether ``char`` lies in what an attribution found so far says (next-block contents left out): words
        inside someone else's statement are part of it, not a new attribution."""
        return any(s <= char < e for s, e in (f.content for f in self.found if f.kind != "next_block"))

    def cue_chars(self, verb: Token) -> tuple[int, int]:
        """The cue verb with its auxiliaries, negation and adverbs ("has also said"), particle ("pointed out")
        and the preposition that introduces its content ("called for", "accused her of")."""
        doc = self.doc
        first = verb.i
        while first > 0:
            left = doc[first - 1]
            modifies = left.dep_ in ("aux", "auxpass", "neg") or (left.dep_ == "advmod" and left.pos_ == "ADV")
            if left.head.i != verb.i or not modifies:
                break
            first -= 1
        last = verb.i
        for child in verb.rights:
            if child.dep_ == "prt" and child.i == last + 1:
                last = child.i
        prepositions = self.lexicon.cue_prepositions.get(verb.lemma_.lower(), ())
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in prepositions and child.i - last <= 3:
                last = child.i
                break
        channel = self.channel_after(verb, last)
        if channel is not None:
            last = channel  # "said in a statement", "told reporters in an interview": how it was said
        if (
            last + 1 < len(doc)
            and doc[last + 1].lower_ == "as"
            and doc[last + 1].head.i == verb.i
            and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children)
        ):
            last += 1  # "what officials described as a handover": the cue is "described as"
        return doc[first].idx, doc[last].idx + len(doc[last])

    def with_preposition(self, verb: Token, cue: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
        """ "lashed out at X", "agreed with X": the preposition that introduces the content, right after the cue,
        belongs to the cue (as the lexicon's listed ones do: "called for", "accused ... of")."""
        between = self.doc.char_span(cue[1], content[0], alignment_mode="expand")
        if between is None:
            return cue
        words = [t for t in between if not t.is_space and t.idx < content[0]]
        if len(words) == 1 and (
            words[0].dep_ == "prep"
            and words[0].head.i in (verb.i, verb.i + 1)
            or words[0].dep_ == "mark"
            and words[0].i == verb.i + 1
            and words[0].lower_ == "for"
        ):
            return cue[0], words[0].idx + len(words[0])
        return cue

    def channel_after(self, verb: Token, last: int, reach: int = 1) -> int | None:
        """The last token of "in a statement" / "in an interview" within ``reach`` tokens after token ``last``,
        when the lexicon lists the noun as a channel; None otherwise."""
        for child in verb.rights:
            if child.dep_ != "prep" or child.lower_ != "in" or not 0 < child.i - last <= reach:
                continue
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in self.lexicon.channel_nouns and noun.i - child.i <= 4:
                return noun.i
        return None

    # --- sources ------------------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Token | None:
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head is not verb:
            return self.subject_of(verb.head)  # "X is confident that ...": the subject of "is"
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in EXPLETIVES]
        if len(subjects) > 1:  # "LONDON (Reuters) - Jane Roe said": a dateline taken for a second subject
            subjects.sort(key=lambda c: (c.i > verb.i, -c.i))
        for child in subjects[:1]:
            if child.dep_ == "nsubjpass" and verb.lemma_ not in ("quote", "cite"):
                return None  # "X was reported killed": the subject is what is reported, not who reports
            return child
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "..., calling it ...": the speaker of the cue above
            for ancestor in verb.ancestors:
                if ancestor.lemma_.lower() in self.lexicon.all_cue_lemmas and ancestor.pos_ == "VERB":
                    return self.subject_of(ancestor)
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive)):
            if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
                return self.subject_of(verb.head)
            if (
                verb.dep_ == "xcomp"
                and verb.head.pos_ == "ADJ"
                and verb.head.dep_ == "acomp"
                and verb.head.head.pos_ in ("VERB", "AUX")
            ):
                return self.subject_of(verb.head.head)  # "was quick to point out": the one who was quick
        if self.finite_acl(verb):
            return verb.head  # "Two analysts, A and B, found in 2014 that ...": the sentence's verb hung on its subject
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            maker = self.maker_of(verb.head)
            return maker if maker is not None else verb.head  # "a statement saying ..."
        if (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in GERUND_PREPOSITIONS
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            return self.subject_of(verb.head.head)  # "responded by saying ...": the one who responded
        if verb.lemma_.lower() in self.lexicon.cue_verbs["speech"]:
            inverted = [c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"]
            if inverted and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.lefts):
                return inverted[0]  # '"...," said Jane Roe, a historian': the parser took the speaker for an object
        lefts = [c for c in verb.lefts if c.dep_ == "ccomp"]
        rights = [c for c in verb.rights if c.dep_ == "ccomp"]
        if lefts and rights:  # "X - an aside - said ...": the parser hung the subject on the aside
            subjects = [c for c in lefts[0].children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if subjects:
                return subjects[0]
            inverted = self.inverted_speaker(verb)
            if inverted is not None:
                return inverted
        return self.stranded_subject(verb) or self.speaker_after_quote(verb)

    def speaker_after_quote(self, verb: Token) -> Token | None:
        """'"...," Jane Roe, a top adviser, said': a cue verb after a quotation whose speaker the parser took
        into the quoted clause. The words between the closing mark and the verb are the speaker; their head
        (the word whose head lies outside them) is returned when it is a noun that can speak."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None
        last = verb.i - 1
        if last > verb.sent.start and self.doc[last].text == ",":
            last -= 1
        first = last
        while (
            first > verb.sent.start and self.doc[first - 1].text not in CLOSE_TEXT and last - first < MAX_SPEAKER_SPAN
        ):
            first -= 1
        if first <= verb.sent.start or self.doc[first - 1].text not in CLOSE_TEXT:
            return None
        if self.doc[first].text == ",":
            first += 1
        heads = [t for t in self.doc[first : last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
        if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or not self.can_speak(heads[0]):
            return None
        speaker = heads[0]
        return speaker

    def finite_acl(self, verb: Token) -> bool:
        """A past or present tense cue the parser hung on the noun before it as a clause modifier ("the
        43-year-old asked in ...", "the campaign called the report ..."): it is the sentence's verb, the noun its
        subject. A participle ("a plan announced Monday") is not."""
        head = verb.head
        before = self.text[: head.left_edge.idx].rstrip()
        after_quote = head.dep_ == "ROOT" and before[-1:] in ("”", '"', "'")  # '"...?" the pilot asked'
        return (
            verb.dep_ == "acl"
            and (verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and after_quote)
            and head.i < verb.i
            and (
                head.pos_ in ("NOUN", "PROPN")
                and self.can_speak(head)
                or head.dep_ == "ROOT"
                and head.pos_ in ("NOUN", "PROPN", "ADJ")
            )
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        )

    def maker_of(self, channel: Token) -> Token | None:
        """ "His office put out a statement saying ...", "X shot back in an article stating ...": a channel noun
        that someone issues or speaks in; the one who does is the speaker, not the noun. None when the noun
        stands alone ("A statement from the ministry said ...")."""
        if channel.lemma_.lower() not in self.lexicon.channel_nouns or any(c.dep_ == "poss" for c in channel.children):
            return None
        governor = channel.head
        if channel.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head
        elif channel.dep_ != "dobj":
            return None
        if governor.pos_ != "VERB" or governor.i == channel.i:
            return None
        subject = next((c for c in governor.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)
        return (
            subject
            if subject is not None
            and self.can_speak(subject)
            or (subject is not None and subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that"))
            else None
        )

    def inverted_speaker(self, verb: Token) -> Token | None:
        """'"...," said Jane Roe, who later endorsed X' (or ', asked about X'): the parser made the speaker the
        subject of a clause after the cue. Returns the name right after the cue when that clause is a relative
        clause's or a bare participle's."""
        if verb.i + 1 >= len(self.doc):
            return None
        for clause in (c for c in verb.rights if c.dep_ == "ccomp"):
            subject = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == verb.i + 1
                ),
                None,
            )
            if subject is not None and (
                any(c.dep_ == "relcl" for c in subject.rights)
                or (
                    clause.tag_ in ("VBN", "VBD")
                    and self.doc[clause.i - 1].text == ","
                    and not any(g.dep_ in ("aux", "auxpass") for g in clause.children)
                )
            ):
                return subject  # '..., who later endorsed X' or '..., asked about X': the speaker's aside
        return None

    def stranded_subject(self, verb: Token) -> Token | None:
        """ "At Oak Park, Jane Roe, the club's manager, suggested that ...": a finite cue verb heading its sentence
        with no subject, because the parser hung the speaker on an earlier phrase (as an apposition or an
        object). The noun phrase that ends right before the verb (after a comma) is the speaker."""
        if (
            verb.dep_ != "ROOT"
            or verb.tag_ not in ("VBD", "VBZ", "VBP")
            or any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            return None
        last = verb.i - 1
        if last > verb.sent.start and self.doc[last].text == ",":
            last -= 1
        if last <= verb.sent.start:
            return None
        head = self.doc[last]
        while (
            head.dep_ in ("compound", "amod", "prep", "pobj")
            and head.head.i < verb.i
            and head.head.i != head.i
            and head.head.right_edge.i == last
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            head = head.head  # up from the phrase's last word to its head noun
        speaker = head if head.pos_ in ("NOUN", "PROPN") and head.right_edge.i == last else None
        while (
            speaker is not None
            and speaker.dep_ in ("appos", "conj")
            and speaker.head.i < speaker.i
            and speaker.head.pos_ in ("NOUN", "PROPN")
            and self.is_person(speaker.head)
        ):
            speaker = speaker.head  # "Jane Roe, the club's manager,": the name first
        if speaker is None or speaker.dep_ not in ("appos", "pobj", "conj", "dobj") or not self.can_speak(speaker):
            return None
        return speaker

    # --- content ------------------------------------------------------------------------------------
    def content_of(self, verb: Token, group: str) -> tuple[tuple[int, int] | None, float]:
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
        passive = self.is_passive(verb)  # "was said to be furious": the infinitive is what was said
        clauses = [
            c
            for c in verb.children
            if c.dep_ in CONTENT_DEPS
            or (c.dep_ == "xcomp" and (lemma not in NO_XCOMP_CONTENT or passive or self.gerund_subject(c)))
            or (
                c.dep_ == "advcl"
                and c.i > verb.i
                and group != "report"
                and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)
            )
            # "called for the files to be made public": the parser takes "for" for a clause mark
            or (
                c.dep_ == "advcl"
                and c.i > verb.i
                and any(
                    m.dep_ == "mark" and m.i == verb.i + 1 and m.lower_ in self.lexicon.cue_prepositions.get(lemma, ())
                    for m in c.children
                )
            )
        ]
        channel = self.channel_after(verb, verb.i, CHANNEL_REACH) if not clauses else None
        if channel is not None:
            # "told reporters in an interview that ...": the parser hangs the that-clause on the channel noun
            clauses = [
                c
                for c in self.doc[channel].rights
                if c.dep_ in ("relcl", "acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ][:1]
        clauses.sort(key=lambda c: c.i < verb.i)  # a complement after the cue first
        inverted = self.inverted_speaker(verb) if len(clauses) > 1 else None
        if inverted is not None:
            clauses = [c for c in clauses if c.i != inverted.head.i]  # that clause holds the speaker, not the words
        takes_object = group == "report" and lemma not in self.lexicon.recipient_objects
        if objects and takes_object and (objects[0].pos_ != "PRON" or objects[0].lower_ in ("it", "this", "that")):
            # "announced the capture ..., by some estimates ...": the nearest complement is what was announced
            if not clauses or abs(objects[0].i - verb.i) < abs(clauses[0].i - verb.i):
                return self.subtree_chars(objects[0]), 0.8
        if clauses:
            clause = clauses[0]
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if clause.i < verb.i and (subject is None or subject.i > clause.i):
                # "A, but B, the source said.": all that comes before the trailing cue is what was said
                sent = verb.sent
                stop = min(subject.left_edge.i if subject is not None else verb.i, verb.i) - 1
                if stop >= sent.start and clause.left_edge.i >= sent.start:
                    return self.chars(sent.start, stop), 1.0
            first, last = self.clause_chars(clause)
            if clause.dep_ == "advcl" and self.doc[verb.i + 1].dep_ == "mark" and self.doc[verb.i + 1].idx == first:
                first = self.doc[verb.i + 2].idx  # "called for X to ...": "for" goes with the cue
            return (first, last), 1.0
        if passive and lemma not in self.lexicon.recipient_objects and any(c.dep_ == "agent" for c in verb.children):
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and subject.tag_ not in ("WDT", "WP"):
                return self.subtree_chars(subject), 0.7  # "the plan was criticized by X": what X criticized
        if passive and group != "belief" and lemma not in self.lexicon.recipient_objects and not objects:
            # "The price was not disclosed", "the overtures were rebuffed": what was disclosed, by nobody named
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and subject.tag_ not in ("WDT", "WP", "PRP") and subject.i < verb.i:
                return self.chars(subject.left_edge.i, subject.i), 0.5
        gap = self.relative_gap(verb, group, objects)
        if gap is not None:  # "an arrangement the campaign has criticized": the noun the clause hangs on
            return gap, 0.6
        if lemma in SAY_LEMMAS | self.lexicon.cue_verbs["belief"]:
            answer = next(
                (
                    c
                    for c in verb.rights
                    if (c.dep_ in ("dobj", "intj", "advmod") and c.lower_ in SHORT_ANSWERS)
                    or (c.dep_ in ("dobj", "nsubj", "attr") and c.lower_ == "same")
                ),
                None,
            )
            if answer is not None:  # "said yes", "would not say so", "said the same of X", "thinks so"
                return self.chars(answer.left_edge.i, max(answer.right_edge.i, answer.i)), 0.7
        regarded = self.regarded_as(verb, objects)
        if regarded is not None:  # "viewed it as a great deal", "is seen as aligned with X"
            return regarded, 0.7
        if (
            group == "belief"
            and objects
            and (lemma in self.lexicon.belief_objects or self.study_finds(verb))
            and objects[0].pos_ in ("NOUN", "PROPN")
            and objects[0].i > verb.i
        ):
            return self.subtree_chars(objects[0]), 0.6  # "wants a wall along the border"
        if group == "belief":
            for child in verb.rights:  # "thinks of X", "worried about X": only the prepositions the lexicon lists
                if child.dep_ == "prep" and child.lower_ in self.lexicon.cue_prepositions.get(lemma, ()):
                    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                    if objects:
                        return self.subtree_chars(objects[0]), 0.6
            if verb.dep_ in ("parataxis", "advcl") and verb.head is not verb and self.is_aside(verb):
                return self.clause_without(verb.head, verb), 0.8  # "his leverage, they believe, is intact"
            return None, 0.0
        if (
            objects
            and group == "speech"
            and lemma not in self.lexicon.recipient_objects
            and lemma not in OBJECT_CONTENT_SPEECH
            and objects[0].pos_ in ("NOUN", "PROPN")
            and verb.right_edge.i - objects[0].right_edge.i > 2
            and any(t.pos_ in ("VERB", "AUX") for t in self.doc[objects[0].right_edge.i + 1 : verb.right_edge.i + 1])
        ):
            # "said the insurgents ... had withdrawn" parsed with the subject as an object: take all that follows
            return self.chars(objects[0].left_edge.i, verb.right_edge.i), 0.6
        if (
            objects
            and lemma in SAY_LEMMAS
            and objects[0].pos_ in ("NOUN", "PROPN")
            and objects[0].right_edge.i - objects[0].left_edge.i + 1 >= MIN_SAID_OBJECT_TOKENS
        ):
            # "said families of victims file lawsuits": a clause the parser cut into an object
            return self.chars(objects[0].left_edge.i, verb.right_edge.i), 0.6
        if objects and lemma in OBJECT_CONTENT_SPEECH and objects[0].tag_ in ("WP", "WDT"):
            complements = [c for c in verb.rights if c.dep_ in ("oprd", "xcomp", "dobj") and c is not objects[0]]
            if complements:  # "what she called a rant": the name given is the content
                return self.subtree_chars(complements[0]), 0.6
        if objects and lemma in OBJECT_CONTENT_SPEECH and objects[0].tag_ not in ("WP", "WDT"):
            first = min(c.left_edge.i for c in objects)
            last = max(
                (c.right_edge.i for c in verb.rights if c.dep_ in ("dobj", "oprd", "prep")),
                default=max(c.right_edge.i for c in objects),
            )
            return self.chars(first, last), 0.7
        if (
            objects
            and group == "speech"
            and lemma not in NO_OBJECT_CONTENT
            and lemma not in self.lexicon.recipient_objects
            and (
                objects[0].pos_ in ("NOUN", "PROPN", "NUM")
                or objects[0].lower_ in STANCE_PRONOUNS
                or (
                    objects[0].lower_ in QUANTIFIERS
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in objects[0].children)
                )
            )
        ):
            # "mentioned the remarks", "is stressing the need to ...": the object is what is said
            return self.subtree_chars(objects[0]), 0.6
        if (
            objects
            and group == "speech"
            and lemma in NO_OBJECT_CONTENT
            and objects[0].pos_ == "NOUN"
            and not self.is_person(objects[0])
            and objects[0].ent_type_ not in ("ORG", "NORP", "GPE")
            and any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in objects[0].rights)
        ):
            return self.subtree_chars(objects[0]), 0.6  # "told the story of X", "wrote an assessment of X"
        prepositions = CONTENT_PREPOSITIONS | set(self.lexicon.cue_prepositions.get(lemma, ()))
        if not objects and group == "speech":
            # "lashed out at X", "pushed back against X", "agreed with X": an intransitive speech verb's
            # prepositional object is what it is about (not "spoke to reporters": an addressee)
            prepositions |= SPEECH_PREPOSITIONS - (ADDRESSEE_PREPOSITIONS if lemma in ADDRESSEE_VERBS else set())
        holders = list(verb.rights)
        holders += [g for c in verb.rights if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1 for g in c.rights]
        if objects and lemma in self.lexicon.recipient_objects:
            # "accused the rebels of X", "warned them of X": the parser often hangs the preposition on the object
            own = self.lexicon.cue_prepositions.get(lemma, ())
            holders += [c for c in objects[0].rights if c.lower_ in own]
        for child in holders:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                objects = [
                    c
                    for c in child.children
                    if c.dep_ in ("pobj", "pcomp")  # "spoke on Monday": when
                    and not (c.ent_type_ in ("DATE", "TIME") and child.lower_ in TIME_PREPOSITIONS)
                ]
                if objects:
                    return self.subtree_before_next_cue(objects[0]), 0.7
        if (
            verb.dep_ in ("parataxis", "advcl")
            and verb.head is not verb
            and self.is_aside(verb)
            and not (
                verb.tag_ == "VBG"
                and verb.head.lemma_.lower() in self.lexicon.all_cue_lemmas
                or lemma in OCCASION_VERBS
            )
        ):
            # (not '"...," she said, speaking by phone': a participle beside a cue tells how the cue's speaker
            # spoke, the cue has the words; nor "as the mayor spoke, ...": when)
            return self.clause_without(verb.head, verb), 0.9
        if self.trailing_cue(verb, group, objects):
            return self.chars(verb.sent.start, verb.i - 1), 0.9
        return None, 0.0

    @staticmethod
    def trailing_cue(verb: Token, group: str, objects: list[Token]) -> bool:
        """ "The mill is holding on, but imports hurt, said its chief executive": a cue after a comma with its
        speaker behind it, which the parser joined to the sentence as one more conjunct. All before the comma
        is what was said."""
        return (
            group == "speech"
            and verb.dep_ == "conj"
            and verb.head.i < verb.i
            and not objects
            and verb.i > verb.sent.start
            and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
            and not any(c.dep_ == "cc" for c in verb.children)
        )

    def study_finds(self, verb: Token) -> bool:
        """ "An audit found no record of the payment": a study's finding is what it reports (a person who
        "found a seat" reports nothing)."""
        if verb.lemma_.lower() not in FINDING_VERBS:
            return False
        subject = self.subject_of(verb)
        return subject is not None and subject.lemma_.lower() in self.lexicon.study_nouns

    @staticmethod
    def gerund_subject(xcomp: Token) -> bool:
        """ "say taxing consumption encourages savings": the parser made the gerund subject of a that-less clause
        the verb's complement and the clause's verb its child; the whole is what is said."""
        return xcomp.tag_ == "VBG" and any(c.dep_ == "ccomp" and c.i > xcomp.i for c in xcomp.children)

    def before_next_cue(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """Cut ``content`` before the next cue joined to this one: "criticized X, saying Y", "attacked X and
        questioned Y", "said X, and she accused Y". Each is an attribution of its own; the first does not
        swallow the second."""
        joined = {c.i: c for c in verb.rights if c.dep_ in ("conj", "parataxis")}
        participles = {t.i: t for t in self.participial_cues(verb)}
        for i in sorted(joined.keys() | participles.keys()):
            token = joined.get(i) or participles[i]
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.lexicon.all_cue_lemmas:
                continue
            if i not in joined and not self.descends(token, verb):
                continue
            first = token.left_edge.i
            while first > 0 and (self.doc[first - 1].is_punct or self.doc[first - 1].dep_ == "cc"):
                first -= 1
            cut = self.doc[first].idx
            if content[0] < cut < content[1] and self.text[content[0] : cut].strip():
                while cut > 0 and self.text[cut - 1] in " ,;—–-":
                    cut -= 1
                return content[0], cut
        return content

    def participial_cues(self, head: Token) -> list[Token]:
        """Participial cues ("..., saying ...": advcl, VBG, a cue lemma) after ``head`` and within its subtree's
        edges, in order, at most ``MAX_SUBTREE_CUES``: from one sorted index per doc, not a walk of the subtree
        (a paragraph chaining 1,000 cues made that quadratic). Not all need descend from ``head``: see
        :meth:`descends`."""
        if self._participles is None:
            cues = self.lexicon.all_cue_lemmas
            self._participles = [
                t.i for t in self.doc if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in cues
            ]
        index = self._participles
        low, high = bisect_right(index, head.i), bisect_right(index, head.right_edge.i)
        return [self.doc[i] for i in index[low : min(high, low + MAX_SUBTREE_CUES)]]

    @staticmethod
    def descends(token: Token, head: Token) -> bool:
        """Whether ``token`` is in ``head``'s subtree (walks up from ``token``; leaves ``head``'s edges at once
        when it is not)."""
        first, last = head.left_edge.i, head.right_edge.i
        node = token
        while node.i != head.i:
            parent = node.head
            if parent.i == node.i or not first <= parent.i <= last:
                return False
            node = parent
        return True

    def subtree_before_next_cue(self, token: Token) -> tuple[int, int]:
        """ "accused X of being duped and encouraged Y to ...": the parser may join the speaker's next cue to the
        content; what was said ends before it."""
        last = token.right_edge.i
        for child in token.rights:
            if child.dep_ == "conj" and child.pos_ == "VERB" and child.lemma_.lower() in self.lexicon.all_cue_lemmas:
                last = child.left_edge.i - 1
                while last > token.i and (self.doc[last].dep_ == "cc" or self.doc[last].is_punct):
                    last -= 1
                break
        return self.chars(token.left_edge.i, max(last, token.i))

    @staticmethod
    def is_aside(verb: Token) -> bool:
        """ "the attack, he said, was ...", "as Reuters adds, ...": a bare cue commenting on the clause around it.
        Not "When pressed by reporters, ..." (a passive with its agent) nor "as the crowd continued to
        chant" (a cue with a complement of its own)."""
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj", "agent", "auxpass"):
                return False
            if child.dep_ in ("mark", "advmod") and child.tag_ in ("IN", "WRB") and child.lower_ != "as":
                return False  # "when asked", "if confirmed", "after saying": a time or a condition, no aside
        return True

    def clause_chars(self, clause: Token) -> tuple[int, int]:
        """The clause's subtree, without a trailing participial cue ("..., saying ...", "..., calling it ..."):
        that is the speaker's next statement, not part of this one."""
        last = clause.right_edge.i
        for token in self.participial_cues(clause):
            if token.right_edge.i == last and self.descends(token, clause):
                last = token.left_edge.i - 1
                break
        for token in clause.rights:
            # "said the plan is dead, and he attacked the mayor": a cue with its own subject, joined to the
            # reported clause by the parser, starts the speaker's next statement
            if (
                token.dep_ == "conj"
                and token.pos_ == "VERB"
                and token.lemma_.lower() in self.lexicon.all_cue_lemmas
                and any(c.dep_ in SUBJECT_DEPS for c in token.children)
                and token.left_edge.i > clause.i
            ):
                first = token.left_edge.i
                while first > clause.i and (self.doc[first - 1].is_punct or self.doc[first - 1].dep_ == "cc"):
                    first -= 1
                last = min(last, first - 1)
                break
        if last < clause.i:
            return self.subtree_chars(clause)
        return self.chars(clause.left_edge.i, last)

    def relative_gap(self, verb: Token, group: str, objects: list[Token]) -> tuple[int, int] | None:
        """ "a fact he often mentions", "a plan which the mayor proposed": a cue in a relative clause whose
        object is the noun the clause modifies; that noun phrase (without the clause) is what is said."""
        lemma = verb.lemma_.lower()
        if (
            verb.dep_ != "relcl"
            or verb.head.i > verb.i
            or not (verb.head.pos_ in ("NOUN", "PROPN") or verb.head.lower_ in GAP_PRONOUNS)
        ):
            return None
        if verb.head.lemma_.lower() in RELATIVE_GAP_NOT_CONTENT:
            return None  # "the way they say it", "the day she announced": not what was said
        takes_object = (
            group == "report"
            or lemma in self.lexicon.belief_objects
            or (group == "speech" and lemma not in NO_OBJECT_CONTENT)
        )
        if not takes_object or lemma in self.lexicon.recipient_objects:
            return None
        own = CONTENT_PREPOSITIONS | set(self.lexicon.cue_prepositions.get(lemma, ()))
        if any(o.tag_ not in ("WDT", "WP") for o in objects) or any(
            (c.dep_ in ("ccomp", "xcomp", "dative") or c.dep_ == "prep" and c.lower_ in own) and c.i > verb.i
            for c in verb.children
        ):
            return None  # the clause has an object or a complement of its own ("proposed in May" is neither)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.dep_ == "nsubjpass":
            return None  # "a plan that pleased ...": the relative pronoun is the subject, there is no gap
        first = verb.head.left_edge.i
        last = verb.left_edge.i - 1
        while last > first and (self.doc[last].is_punct or self.doc[last].tag_ in ("WDT", "WP", "IN")):
            last -= 1
        if last < verb.head.i:
            return None
        return self.chars(first, last)

    def regarded_as(self, verb: Token, objects: list[Token]) -> tuple[int, int] | None:
        """ "X views Y as Z" -> "Y as Z"; "Y is seen as Z" -> "as Z": what the cue takes something for."""
        as_phrase = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "prep"
                and c.lower_ == "as"
                and any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in c.children)
            ),
            None,
        )
        if as_phrase is None:
            return None
        if objects and objects[0].tag_ in ("WP", "WDT") and as_phrase.i > verb.i:
            # "in what officials described as a handover": the description is the content, not "what ..."
            return self.chars(as_phrase.i + 1, as_phrase.right_edge.i)
        if objects and objects[0].i < as_phrase.i:
            return self.chars(objects[0].left_edge.i, as_phrase.right_edge.i)
        if self.is_passive(verb):
            return self.subtree_chars(as_phrase)
        return None

    @staticmethod
    def is_passive(verb: Token) -> bool:
        """ "was asked whether ...", and the bare participle of "Asked whether ..., she said ..."."""
        return (
            any(c.dep_ == "auxpass" for c in verb.children)
            or (verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "aux" for c in verb.children))
            # "Asked what ..., she said": the parser may tag the opening participle as a past tense
            or (
                verb.tag_ == "VBD"
                and verb.dep_ == "advcl"
                and verb.i == verb.sent.start
                and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
            )
        )

    def clause_without(self, head: Token, cut: Token) -> tuple[int, int] | None:
        """The clause of ``head`` minus the subtree of ``cut`` (a parenthetical cue): the side that is longer."""
        first, last = head.left_edge.i, head.right_edge.i
        cut_first, cut_last = cut.left_edge.i, cut.right_edge.i
        before = (first, cut_first - 1) if cut_first > first else None
        after = (cut_last + 1, last) if cut_last < last else None
        if before and after:
            # a parenthetical in the middle: the content is the whole clause around it
            return self.chars(first, last)
        side = before or after
        if not side or side[0] > side[1]:
            return None
        return self.chars(*side)

    def with_quotes(self, content: tuple[int, int]) -> tuple[tuple[int, int], str]:
        """Grow ``content`` to the quotations it touches and say whether it is direct, mixed or indirect."""
        start, end = content
        quoted = 0
        for quote in self.quotes_touching(start, end):  # a quote the content touches is part of it
            start, end = min(start, quote.start), max(end, quote.end)
        for quote in self.quotes_touching(start, end):
            if start <= quote.start and quote.end <= end:
                quoted += quote.end - quote.start
        share = quoted / max(1, end - start)
        kind = "direct" if share >= DIRECT_SHARE else "mixed" if quoted else "indirect"
        return (start, end), kind

    def neighbour_quote(self, verb: Token) -> Quote | None:
        """A quotation in the cue's sentence or right around it that the cue can claim."""
        sent = verb.sent
        s_start, s_end = sent.start_char, sent.end_char
        candidates = self.quotes_touching(s_start - NEIGHBOUR_QUOTE_GAP, s_end + NEIGHBOUR_QUOTE_GAP)
        candidates = [
            q
            for q in candidates
            if not (q.start <= verb.idx < q.end) and len(self.text[q.start : q.end].split()) >= MIN_CLAIMED_QUOTE_WORDS
        ]
        if not candidates:
            return None
        before = [q for q in candidates if q.end <= verb.idx]
        after = [q for q in candidates if q.start > verb.idx]
        trailing = self.text[verb.idx + len(verb) : verb.idx + len(verb) + 40]
        if after and ":" in trailing.split('"')[0]:
            return after[0]
        if before:
            return before[-1]
        return after[0] if after else None

    # --- rules ----------------------------------------------------------------------------------------
    def add(self, found: Found) -> int:
        if found.kind == "indirect" and found.cue is not None:
            found.content = self.within_line(found.content, found.cue)
        self.found.append(found)
        return len(self.found) - 1

    def from_clause_mark(self, mark: Token) -> None:
        """ "X made clear that ...", "X is confident that ...": a verb or adjective no lexicon lists, with a
        subject and a that/whether-clause, reports what its subject says or holds (lower confidence)."""
        clause = mark.head
        cue = clause.head
        if self.made_clear(clause, cue):
            return
        if clause.dep_ != "ccomp" or cue is clause or cue.i in self.claimed_tokens:
            return
        if cue.pos_ not in ("VERB", "ADJ") or cue.lemma_.lower() in self.lexicon.not_clause_cues:
            return
        if self.lexicon.cue_group(cue.lemma_.lower()) is not None and cue.pos_ == "VERB":
            return  # a listed cue: its own rule has had its say
        self.from_verb(cue, group="belief", ceiling=UNLISTED_CUE_CONFIDENCE)

    def from_label_prefix(self, verb: Token) -> bool:
        """ "a so-called harbour tax", "the self-described reformer": a label the writer passes on without
        owning it (the "self" of "self-described" is the noun's own referent). Content: the labelled words."""
        first = verb.i - 2
        if first < 0 or self.doc[first + 1].text not in ("-", "‑") or verb.head.i <= verb.i:
            return False
        prefix = self.doc[first].lower_
        if (prefix, verb.lemma_.lower()) not in LABEL_PREFIXES:
            return False
        noun = verb.head
        content, kind = self.with_quotes(self.chars(verb.i + 1, noun.i))
        source = None
        if prefix == "self":  # the one who describes themself: the noun phrase itself
            source = self.chars(noun.left_edge.i, noun.i)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                (self.doc[first].idx, verb.idx + len(verb)),
                source,
                noun.i if source else None,
                confidence=0.6,
            )
        )
        return True

    def from_impression(self, verb: Token, subject: Token | None) -> None:
        """ "The plan seems doomed", "it appears that the pier will hold": an impression with nobody named as its
        holder (the writer's). The content is what seems so: the subject with its complement, or the clause."""
        complement = next(
            (
                c
                for c in verb.rights
                if c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "like")
            ),
            None,
        )
        if complement is None or self.inside_quote(verb.idx):
            return
        if subject is None or subject.lower_ in IMPERSONAL_SUBJECTS or subject.tag_ in ("WDT", "WP"):
            content = self.subtree_chars(complement)
        else:
            content = self.chars(subject.left_edge.i, complement.right_edge.i)
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(Found(content, kind, self.cue_chars(verb), confidence=0.5))

    def held_by_subject(self, verb: Token, subject: Token | None) -> bool:
        """ "Obama seemed to recognize X", "voters appeared pleased with Y": "seem" before a cue verb or an attitude
        adjective hedges the subject's own stance, it is no impression of the writer's. The cue after it (found by
        its own rule, with "seem" in its cue) has the subject as its source."""
        if subject is None or subject.lower_ in IMPERSONAL_SUBJECTS or subject.tag_ in ("WDT", "WP"):
            return False
        if self.chained_cue(verb) is not None:
            return True
        return any(c.dep_ in ("acomp", "oprd") and c.lower_ in self.lexicon.cue_adjectives for c in verb.rights)

    def made_clear(self, clause: Token, adjective: Token) -> bool:
        """ "X made (it) clear that ...": "clear" alone never is a cue ("it is clear that"), "made clear" is.
        The parser hangs the that-clause on "clear" or on "made"."""
        if adjective.lemma_.lower() in MAKE_VERBS:
            adjective = next((c for c in adjective.children if c.lemma_.lower() in CLEAR_ADJECTIVES), adjective)
        verb = adjective.head
        if (
            clause.dep_ not in ("ccomp", "advcl", "csubj")
            or adjective.lemma_.lower() not in CLEAR_ADJECTIVES
            or adjective.dep_ not in ("ccomp", "oprd", "acomp")
            or verb.lemma_.lower() not in MAKE_VERBS
            or verb.i in self.claimed_tokens
            or self.inside_quote(verb.idx)
        ):
            return False
        subject = self.subject_of(verb)
        if subject is None or subject.lower_ in HEDGING_SUBJECTS:
            return False
        content, kind = self.with_quotes(self.subtree_chars(clause))
        self.claimed_tokens.update((verb.i, adjective.i))
        self.add(
            Found(
                content,
                kind,
                (self.cue_chars(verb)[0], adjective.idx + len(adjective)),
                self.source_chars(subject),
                subject.i,
                confidence=0.9,
            )
        )
        return True

    def from_adjective(self, adjective: Token) -> None:
        """ "X is confident that Y", "X was critical of Y", "X is eager to Y": an attitude of the subject."""
        if adjective.i in self.claimed_tokens or self.inside_quote(adjective.idx):
            return
        subject = self.subject_of(adjective.head) if adjective.head is not adjective else None
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ in HEDGING_SUBJECTS | EXPLETIVES:
            return
        complement = next((c for c in adjective.rights if c.dep_ in ("ccomp", "xcomp")), None)
        if complement is None:
            preposition = next((c for c in adjective.rights if c.dep_ == "prep"), None)
            complement = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if complement is None:
            return
        content, kind = self.with_quotes(self.subtree_chars(complement))
        self.claimed_tokens.add(adjective.i)
        cue = (adjective.idx, adjective.idx + len(adjective))
        copula = adjective.head
        if (
            copula.i < adjective.i
            and copula.lemma_.lower() == "be"
            and adjective.dep_ == "acomp"
            and all(t.dep_ in ("neg", "advmod") for t in self.doc[copula.i + 1 : adjective.i])
        ):
            # "was not critical of": the copula with its auxiliaries and negation belongs to the stance
            cue = (self.cue_chars(copula)[0], cue[1])
        if cue[1] < content[0]:
            cue = self.with_preposition(adjective, cue, content)
        self.add(Found(content, kind, cue, self.source_chars(subject), subject.i, confidence=UNLISTED_CUE_CONFIDENCE))

    def from_stance_holder(self, noun: Token) -> None:
        """ "X is a vocal critic of Y", "X has long been a supporter of Y": the copula's subject holds a stance on
        what follows "of". Cue: copula to "of"."""
        copula = noun.head
        if copula.lemma_.lower() != "be" or noun.i in self.claimed_tokens or self.inside_quote(noun.idx):
            return
        subject = self.subject_of(copula)
        if (
            subject is None
            or subject.lower_ in HEDGING_SUBJECTS | EXPLETIVES
            or subject.tag_ in ("WDT", "WP")
            and copula.dep_ != "relcl"
        ):
            return
        speaker = copula.head if subject.tag_ in ("WDT", "WP") else subject
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        target = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        if target is None:
            return
        content, kind = self.with_quotes(self.subtree_chars(target))
        self.claimed_tokens.add(noun.i)
        self.add(
            Found(
                content,
                kind,
                (self.cue_chars(copula)[0], of.idx + len(of)),
                self.source_chars(speaker),
                speaker.i,
                confidence=UNLISTED_CUE_CONFIDENCE,
            )
        )

    def from_verb(self, verb: Token, group: str | None = None, ceiling: float = 1.0) -> None:
        group = group or self.lexicon.cue_group(verb.lemma_.lower())
        if group is None or verb.i in self.claimed_tokens:
            return
        if verb.pos_ == "NOUN" and not self.verb_tagged_noun(verb):
            return
        quote_as = self.lexicon.cue_verbs["quote_as"]
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in quote_as:
            return  # the "as saying" of "X quoted Y as saying": handled with "quoted"
        if group == "quote_as" or verb.lemma_.lower() in quote_as:
            if self.from_quote_as(verb):
                return
        if SKIP_CUES_IN_QUOTES and self.inside_quote(verb.idx):
            return  # speech reported inside someone's own words is part of what they say
        if verb.dep_ == "amod" and self.from_label_prefix(verb):
            return
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        if (
            infinitive
            and verb.dep_ in ("xcomp", "advcl")
            and verb.head.lemma_.lower() not in self.lexicon.all_cue_lemmas
            and self.subject_of(verb.head) is None
        ):
            return  # "to show", "to find" with no one doing it: an intention, not a speech act
        if self.speaks_how(verb) or self.advice(verb) or self.in_idiom(verb):
            return  # "spoke on condition of anonymity", "may want to": no one's statement
        subject = self.subject_of(verb)
        impersonal = (
            infinitive
            and subject is not None
            and subject.lower_ in IMPERSONAL_SUBJECTS
            and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in COPULAS
        )
        if impersonal:
            subject = None  # "it is hard to know", "it's easy to criticize": a judgment with nobody named
        reply = self.reply_to_content_noun(verb, subject)
        if reply is not None:
            self.add_reply(verb, *reply, ceiling=ceiling)
            return
        if group == "belief" and subject is not None and subject.lower_ in HEDGING_SUBJECTS:
            return  # "I think", "you know", "we want": a speaker's hedge inside their own words
        if verb.lemma_.lower() in IMPERSONAL_VERBS and verb.pos_ == "VERB":
            if not self.held_by_subject(verb, subject):
                self.from_impression(verb, subject)
            return
        speaker_root = subject
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            if subject.lower_ != "who" and not self.can_speak(verb.head):
                return  # "losses that threatened ...": a relative "that"/"which" is no speaker
            speaker_root = verb.head  # "an architect who said ...", "the union, which endorsed ...": the antecedent
        if self.chained_cue(verb) is not None:
            return  # "refused to call him a liar": one attribution, found from "call" (see chain_head)
        content, confidence = self.content_of(verb, group)
        if content is not None and content is not NEXT_BLOCK:
            content = self.before_next_cue(verb, content)
        recipient = self.recipient_of(verb)
        quote = None
        if content is None:
            beside_cue = (
                verb.tag_ == "VBG"
                and verb.dep_ == "advcl"
                and verb.head.lemma_.lower()
                in self.lexicon.all_cue_lemmas  # "she said, speaking by phone": the quotation is the cue's
                or verb.lemma_.lower() in OCCASION_VERBS
            )  # "as he spoke, ...": when, not what
            quote = (
                self.neighbour_quote(verb)
                if (verb.dep_ not in ("acl", "amod", "relcl") or self.finite_acl(verb)) and not beside_cue
                else None
            )
            if quote is None:
                content = self.cross_sentence_content(verb) if subject is not None else None
                confidence = 0.5
                if content is None:
                    return
            else:
                content, confidence = (quote.start, quote.end), 0.9
        gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_PREPOSITIONS
        if (
            subject is None
            and quote is None
            and group != "report"
            and not self.is_passive(verb)
            and not gerund
            and not impersonal
        ):
            return  # a speech verb with neither speaker nor quotation is not an attribution ("to say")
            # (a passive cue, "is expected to", "was asked whether", leaves its speaker out on purpose)
        if content is NEXT_BLOCK:
            kind = "next_block"
        else:
            content, kind = self.with_quotes(content)
        if verb.lemma_.lower() in QUOTE_ONLY_VERBS and kind not in ("direct", "mixed"):
            return  # "the story reads as follows:", "read the report": only a quotation is what a text "reads"
        source = self.source_chars(subject) if subject is not None else None
        cue = self.cue_chars(verb)
        head = self.chain_head(verb)
        if head is not None:
            cue = (min(cue[0], self.cue_chars(head)[0]), cue[1])
        elif verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and subject is not None:
            cue = (min(cue[0], self.cue_chars(verb.head.head)[0]), cue[1])  # "was quick to point out"
        if kind != "next_block" and cue[1] < content[0]:
            cue = self.with_preposition(verb, cue, content)
        if kind in ("direct", "mixed") and content[1] <= cue[0]:
            content = self.second_half(content, cue, subject)
        if source and kind != "next_block" and content[0] < source[0] < content[1] <= cue[0]:
            # '"...," Jane Roe, an adviser, said': the parser hung the speaker on the quoted clause
            quote = next(
                (q for q in reversed(self.quotes) if q.closed and content[0] <= q.start and q.end <= source[0]), None
            )
            if quote is not None and not self.text[quote.end : source[0]].strip(" ,\n"):
                content, kind = self.with_quotes((content[0], quote.end))
        parenthetical = kind != "next_block" and content[0] <= cue[0] and cue[1] <= content[1]
        if source and kind != "next_block" and not parenthetical and content[0] < source[1] and source[0] < content[1]:
            return  # the "source" sits inside what is said: a mis-parse, not an attribution
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                cue,
                source,
                speaker_root.i if speaker_root is not None else None,
                recipient,
                confidence=min(confidence, ceiling),
            )
        )

    @staticmethod
    def speaks_how(verb: Token) -> bool:
        """ "who spoke on condition of anonymity", "speaking on behalf of X": how or for whom, not what."""
        return any(
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(o.dep_ == "pobj" and o.lemma_.lower() in MANNER_NOUNS for o in c.children)
            for c in verb.rights
        )

    @staticmethod
    def verb_tagged_noun(token: Token) -> bool:
        """ "Audit files from the office show that ...": a noun heading its sentence with a subject before it and
        a that-clause after it is the sentence's verb, mis-tagged by the small model."""
        return (
            token.dep_ == "ROOT"
            and token.i > token.sent.start
            and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)
            and any(
                c.dep_ in ("ccomp", "relcl", "acl")
                and c.i > token.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in token.children
            )
        )

    def in_idiom(self, verb: Token) -> bool:
        """ "That said, ...", "needless to say": a set phrase, no one's words (the lexicon's ``idioms``)."""
        for words in self.lexicon.idioms:
            for at, word in enumerate(words):
                first = verb.i - at
                if (
                    word == verb.lower_
                    and first >= 0
                    and first + len(words) <= len(self.doc)
                    and tuple(t.lower_ for t in self.doc[first : first + len(words)]) == words
                ):
                    return True
        return False

    @staticmethod
    def advice(verb: Token) -> bool:
        """ "Investors may want to think twice": the writer's advice, not anyone's wish."""
        return verb.lemma_.lower() == "want" and any(
            c.dep_ == "aux" and c.lower_ in ADVICE_MODALS for c in verb.children
        )

    def chained_cue(self, verb: Token) -> Token | None:
        """ "sought to clarify the remark", "refused to call him a liar": a cue whose infinitive complement is
        itself a cue with something to report. The two make one attribution: the cue runs from the first verb
        to the second, the content is what the second reports. Returns the second verb, or None."""
        for child in verb.rights:
            if (
                child.dep_ == "xcomp"
                and child.pos_ == "VERB"
                and child.tag_ == "VB"
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
                and child.i - verb.i <= MAX_CHAIN_GAP
            ):
                group = self.lexicon.cue_group(child.lemma_.lower())
                if group is not None and group != "quote_as" and self.content_of(child, group)[0] is not None:
                    return child
        return None

    def chain_head(self, verb: Token) -> Token | None:
        """The first verb of a cue chain whose second verb is ``verb`` (see :meth:`chained_cue`)."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i or head.pos_ != "VERB":
            return None
        chained = self.chained_cue(head) if self.lexicon.cue_group(head.lemma_.lower()) is not None else None
        if chained is None or chained.i != verb.i:
            return None
        return head

    def reply_to_content_noun(self, verb: Token, subject: Token | None) -> tuple[Token, tuple[int, int]] | None:
        """ "X accused Y of Z, a charge the group denied": a content noun ("a charge", "a claim", "a report")
        set beside the clause before it names that clause as the object of the cue; the one who answers
        ("the group") is the speaker, never the noun. Returns ``(speaker, content)``, or None when the pattern
        is absent. Two parses occur: the noun as subject with the speaker as its apposition, or the cue as a
        relative clause of the noun with its own subject."""
        nouns = self.lexicon.cue_nouns
        if verb.lemma_.lower() not in self.lexicon.reply_verbs or any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.rights
        ):
            return None  # "..., a claim that officials lied": a that-clause, the claim's own content
        noun = speaker = None
        if subject is not None and subject.lemma_.lower() in nouns:
            appos = [c for c in subject.rights if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN") and c.i < verb.i]
            if appos:
                noun, speaker = subject, appos[0]
        elif (
            subject is not None
            and verb.dep_ in ("relcl", "acl")
            and verb.head.lemma_.lower() in nouns
            and verb.head.i < subject.i < verb.i
        ):
            noun, speaker = verb.head, subject
        if noun is None:
            return None
        first = noun.left_edge.i
        sent = noun.sent
        if first - 1 <= sent.start or self.doc[first - 1].text not in REPLY_JOINS:
            return None  # "The claim the ministry denied was ...": no earlier clause to point at
        return speaker, self.chars(sent.start, first - 2)

    def add_reply(self, verb: Token, speaker: Token, content: tuple[int, int], ceiling: float = 1.0) -> None:
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                self.cue_chars(verb),
                self.source_chars(speaker),
                speaker.i,
                confidence=min(0.8, ceiling),
                replies=True,
            )
        )

    def within_line(self, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
        """An indirect content does not cross a line break: the parser may run a sentence over into the next
        paragraph (or a headline into the first line); keep the part on the cue's side of the break."""
        start, end = content
        inside = self.text[start:end]
        if "\n" not in inside.strip():
            return content
        pieces, at = [], start
        for line in inside.split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                pieces.append((at + lead, at + len(line.rstrip())))
            at += len(line) + 1
        if not pieces:
            return content
        anchor = cue[0]
        return min(pieces, key=lambda p: 0 if p[0] <= anchor <= p[1] else min(abs(anchor - p[0]), abs(anchor - p[1])))

    def second_half(self, content: tuple[int, int], cue: tuple[int, int], subject: Token | None) -> tuple[int, int]:
        """'"A," he said, "B."': a quotation resumed right after the cue belongs to the same content."""
        after = max(cue[1], subject.right_edge.idx + len(subject.right_edge) if subject is not None else 0)
        # the gap matches only when it is a few characters long (``$`` may stand before one last line break):
        # only the quotes starting that close are tried
        for quote in self.quotes_touching(after, after + 6) if self._quotes_disjoint else self.quotes:
            if quote.start >= after and SPLIT_QUOTE_GAP.match(self.text[after : quote.start]):
                return content[0], quote.end
        return content

    def from_viewpoint(self, noun: Token) -> bool:
        """ "In the mayor's view, the pier will hold", "in her words, ...": the owner of a viewpoint noun after a
        sentence-level "in" holds the rest of the sentence. Returns False when the pattern is absent."""
        preposition = noun.head
        if (
            noun.dep_ != "pobj"
            or noun.lemma_.lower() not in self.lexicon.viewpoint_nouns
            or preposition.lower_ != "in"
            or preposition.dep_ != "prep"
            or preposition.i in self.claimed_tokens
        ):
            return False
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in ("my", "our", "your") or owner.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        clause = preposition.head
        if clause.pos_ not in ("VERB", "AUX") or clause.dep_ not in ("ROOT", "ccomp", "conj"):
            return False
        content = self.clause_without(clause, preposition)
        if content is None:
            return False
        content, kind = self.with_quotes(content)
        self.claimed_tokens.update((preposition.i, noun.i))
        self.add(
            Found(
                content,
                kind,
                (preposition.idx, noun.idx + len(noun)),
                self.source_chars(owner),
                owner.i,
                confidence=0.7,
            )
        )
        return True

    def from_put_it(self, verb: Token) -> None:
        """ "As the harbour master put it, ...", "..., as one skipper put it": an "as"-clause with "put it" is a
        speech cue; what it comments on (the clause it hangs on, or what follows its colon) is the content."""
        if (
            verb.i in self.claimed_tokens
            or self.inside_quote(verb.idx)
            or not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in verb.children)
        ):
            return
        subject = self.subject_of(verb)
        if subject is None:
            return
        it = self.doc[verb.i + 1]
        content = None
        if it.i + 1 < len(self.doc) and self.doc[it.i + 1].text == ":":
            quote = next((q for q in self.quotes if q.start > it.idx), None)
            if quote is not None and not self.text[it.idx + len(it) + 1 : quote.start].strip():
                content = (quote.start, quote.end)
            else:
                content = self.cross_sentence_content(verb)
        elif verb.dep_ in ("advcl", "parataxis") and verb.head.i != verb.i:
            content = self.clause_without(verb.head, verb)
        if content is None or content is NEXT_BLOCK:
            return
        content, kind = self.with_quotes(content)
        source = self.source_chars(subject)
        if content[0] < source[1] and source[0] < content[1]:
            return
        self.claimed_tokens.add(verb.i)
        self.add(Found(content, kind, (verb.idx, it.idx + len(it)), source, subject.i, confidence=0.8))

    def from_light_verb(self, noun: Token) -> bool:
        """ "X made the case that ...", "X took issue with Y", "X raised concerns about Y": a light verb whose object
        noun carries the speech act. Source: the verb's subject; cue: verb to noun (and the preposition that
        introduces the content); content: the that-clause, or what the noun or the verb's preposition governs.
        Returns False when the pattern is absent."""
        verb = noun.head
        if (
            noun.dep_ != "dobj"
            or verb.pos_ != "VERB"
            or verb.i in self.claimed_tokens
            or noun.i - verb.i > LIGHT_NOUN_REACH
            or noun.i < verb.i
        ):
            return False
        if verb.lemma_.lower() in self.lexicon.reception_verbs:
            return self.from_reception(verb, noun)
        if verb.lemma_.lower() not in self.lexicon.light_verbs:
            return False
        subject = self.subject_of(verb)
        if (
            subject is None
            or subject.lower_ in HEDGING_SUBJECTS
            or subject.tag_ in ("WDT", "WP")
            and verb.dep_ == "relcl"
            and not self.can_speak(verb.head)
        ):
            return False
        speaker = verb.head if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else subject
        mark = lambda c: any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)  # noqa: E731
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl") and mark(c)), None) or next(
            (c for c in verb.rights if c.dep_ == "ccomp" and c.i > noun.i and mark(c)), None
        )
        preposition = None
        if clause is None:
            preposition = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in LIGHT_PREPOSITIONS), None
            ) or next(
                (c for c in verb.rights if c.dep_ == "prep" and c.lower_ in LIGHT_PREPOSITIONS and c.i > noun.i), None
            )
            clause = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if clause is None:
            return False
        content, kind = self.with_quotes(self.subtree_chars(clause))
        cue_end = noun.idx + len(noun)
        if preposition is not None and preposition.i <= noun.right_edge.i + 1 and preposition.i < clause.i:
            cue_end = preposition.idx + len(preposition)
        cue = (self.cue_chars(verb)[0], cue_end)
        source = self.source_chars(speaker)
        return self.add_noun_cue(Found(content, kind, cue, source, speaker.i, confidence=0.7), verb, noun)

    def add_noun_cue(self, found: Found, verb: Token, noun: Token) -> bool:
        """Add an attribution whose cue runs from a verb to its noun, unless its content overlaps its cue or
        source (the parse went wrong); the verb and noun are then taken, so no other rule reads them again."""
        if _overlap(found.content, found.cue) or _overlap(found.content, found.source):
            return False
        self.claimed_tokens.update((verb.i, noun.i))
        self.add(found)
        return True

    def from_reception(self, verb: Token, noun: Token) -> bool:
        """ "The plan drew criticism from the union", "she won the endorsement of the mayor": the one the act
        comes from is the source; what it is about is the noun's own object ("opposition to the plan") or else
        the verb's subject. Cue: verb to noun."""
        if noun.lemma_.lower() not in self.lexicon.cue_nouns:
            return False
        holders = [c for c in noun.rights if c.dep_ == "prep"] + [
            c for c in verb.rights if c.dep_ == "prep" and c.i > noun.i
        ]
        origin = next((c for c in holders if c.lower_ in ("from", "of", "by")), None)
        source = next((c for c in origin.children if c.dep_ == "pobj"), None) if origin is not None else None
        if source is None or not self.can_speak(source):
            return False
        about = next(
            (
                c
                for c in holders
                if c is not origin and c.lower_ in self.lexicon.noun_content_prepositions | {"to", "over", "on"}
            ),
            None,
        )
        target = next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about is not None else None
        if target is None:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.tag_ in ("WDT", "WP"):
                subject = verb.head if verb.dep_ == "relcl" else None
            target = subject
        if target is None:
            return False
        content, kind = self.with_quotes(
            self.subtree_chars(target)
            if target.head is not verb or target.i > verb.i
            else self.chars(target.left_edge.i, target.i)
        )
        cue = (self.cue_chars(verb)[0], noun.idx + len(noun))
        source_span = self.source_chars(source)
        return self.add_noun_cue(Found(content, kind, cue, source_span, source.i, confidence=0.6), verb, noun)

    def from_noun(self, noun: Token) -> None:
        """ "Trump's claim that ...", "a report by the Observatory that ...": a speech-act noun with a that-clause."""
        if self.inside_quote(noun.idx) or noun.i in self.claimed_tokens:
            return
        if self.from_viewpoint(noun) or self.from_light_verb(noun) or noun.lemma_.lower() not in self.lexicon.cue_nouns:
            return
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
            # "Her answer was that ...", "the question is whether ...": the copula's clause is what the noun says
            clause = next(
                (
                    c
                    for c in noun.head.rights
                    if c.dep_ in ("ccomp", "attr", "acomp")
                    and any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children)
                ),
                None,
            )
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if clause is None and owner is not None and owner.pos_ in ("PROPN", "PRON", "NOUN"):
            # "Trump's comments about the judge", "her support for the bill": the owner's stance on something
            preposition = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPOSITIONS), None
            )
            clause = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if clause is None and noun.lemma_.lower() not in self.lexicon.nouns_need_owner:
            # "calls for a recount", "questions about his health", "a pledge to cut taxes": what the act is about
            # (said by the noun's owner, or by the one it comes from, when the phrase names them)
            clause = next(
                (
                    c
                    for c in noun.rights
                    if c.dep_ in ("acl", "relcl")
                    and c.tag_ == "VB"
                    and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
                ),
                None,
            )
            if clause is None:
                preposition = next(
                    (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in self.lexicon.noun_content_prepositions),
                    None,
                )
                clause = (
                    next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                    if preposition is not None
                    else None
                )
            if clause is not None and self.inside_found_content(noun.idx):
                return  # a noun inside what someone else says is part of their words
        if clause is None:
            return
        if clause.dep_ in ("relcl", "acl") and self.reply_to_content_noun(clause, self.subject_of(clause)) is not None:
            return  # "..., a claim that the authority rejected": the authority's reply, not the claim's content
        if owner is None:
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i != clause.head.i:
                    owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    break
        if (
            owner is not None
            and owner.tag_ == "PRP$"
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "in"
            and noun.head.head.pos_ in ("VERB", "AUX", "ADJ")
        ):
            # "Republicans were unsparing in their criticism of X": the ones named in the clause, not "their"
            holder = self.subject_of(noun.head.head)
            if holder is not None and holder.tag_ not in ("WDT", "WP", "PRP"):
                owner = holder
        content, kind = self.with_quotes(self.subtree_chars(clause))
        source = self.source_chars(owner) if owner is not None else None
        first = noun.i
        while first > 0 and self.doc[first - 1].head.i == noun.i and self.doc[first - 1].dep_ in ("amod", "compound"):
            first -= 1
        self.add(
            Found(
                content,
                kind,
                (self.doc[first].idx, noun.idx + len(noun)),
                source,
                owner.i if owner is not None else None,
                confidence=0.6,
            )
        )

    def recipient_of(self, verb: Token) -> str | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() in self.lexicon.recipient_objects:
                if child.pos_ == "PROPN":
                    return self.doc[child.left_edge.i : child.right_edge.i + 1].text
        subject = self.subject_of(verb)
        for acl in subject.children if subject is not None else ():  # "a fighter reached by Reuters said"
            for agent in (c for c in acl.children if acl.dep_ == "acl" and c.dep_ == "agent"):
                for obj in agent.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                        return obj.text
        return None

    def from_quote_as(self, verb: Token) -> bool:
        """``X quoted Y as saying C``: X relays Y, who says C. Returns False when the pattern is absent."""
        saying = None
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                saying = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ in ("pcomp", "pobj") and c.lemma_.lower() in self.lexicon.all_cue_lemmas
                    ),
                    None,
                )
        inner = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if saying is None or inner is None:
            return False
        content, confidence = self.content_of(saying, "speech")
        if content is None:
            content, confidence = self.content_of(verb, "speech")
        if content is None and verb.dep_ in ("ROOT",):
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            content = self.subtree_chars(clauses[0]) if clauses else None
        if content is None:
            return False
        content, kind = self.with_quotes(content)
        outer_subject = self.subject_of(verb)
        self.claimed_tokens.update((verb.i, saying.i))
        outer_extent = (min(content[0], inner.left_edge.idx), max(content[1], saying.idx + len(saying)))
        outer = self.add(
            Found(
                outer_extent,
                "indirect",
                self.cue_chars(verb),
                self.source_chars(outer_subject) if outer_subject is not None else None,
                outer_subject.i if outer_subject is not None else None,
                confidence=0.8,
            )
        )
        cue = (saying.head.idx, saying.idx + len(saying))
        self.add(Found(content, kind, cue, self.source_chars(inner), inner.i, inner_of=outer, confidence=confidence))
        return True

    def cross_sentence_content(self, verb: Token) -> tuple[int, int] | None:
        """A cue sentence with a speaker but nothing said: 'He said:' + next sentence, or 'He said.' after one."""
        sent = verb.sent
        doc = self.doc
        if sent[-1].text == ":" or (sent[-1].is_space and len(sent) > 1 and sent[-2].text == ":"):
            if sent.end >= len(doc) or all(t.is_space for t in doc[sent.end :]):
                return NEXT_BLOCK  # "He said:" ending the paragraph: what he said is the next paragraph
            nxt = next(iter(doc[sent.end :].sents), None)
            return (nxt.start_char, nxt.end_char) if nxt is not None else None
        words = [t for t in sent if not t.is_punct]
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        if len(words) <= 6 and sent.start > 0 and not infinitive:  # not "X declined to comment."
            previous = doc[sent.start - 1].sent
            return self.chars(previous.start, previous.end - 1)
        return None

    def from_phrase(self, tokens: Span) -> None:
        """``according to X``, ``as reported by X``: source after the cue, content the rest. ("citing X" is a verb:
        the one who cites is the source, X what is cited.)"""
        if any(t.i in self.claimed_tokens for t in tokens):
            return
        last = tokens[-1]
        source = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
        if source is None and last.dep_ == "agent":
            source = next((c for c in last.children if c.dep_ == "pobj"), None)
        if source is None:
            return

        def words(first: int, last: int) -> bool:
            return any(not t.is_punct and not t.is_space for t in self.doc[first : last + 1])

        top = min(tokens, key=lambda t: len(list(t.ancestors)))
        sent = top.sent
        opening = not words(sent.start, tokens[0].i - 1) if tokens[0].i > sent.start else True
        split = (
            next(
                (
                    c
                    for c in source.rights
                    if c.dep_ == "conj" and c.left_edge.i - 1 > source.i and self.doc[c.left_edge.i - 1].text == ","
                ),
                None,
            )
            if opening
            else None
        )
        if split is not None:
            # "According to X, the troops and militias seized ...": the comma ends the phrase; the parser
            # joined the clause's subject to the source
            content, kind = self.with_quotes(self.chars(split.left_edge.i, sent.end - 1))
            self.claimed_tokens.update(t.i for t in tokens)
            self.add(
                Found(
                    content,
                    kind,
                    (tokens[0].idx, last.idx + len(last)),
                    self.chars(source.left_edge.i, split.left_edge.i - 2),
                    source.i,
                    confidence=0.8,
                )
            )
            return
        cut_first = min(top.left_edge.i, tokens[0].i)
        cut_last = max(top.right_edge.i, source.right_edge.i)
        before = (sent.start, cut_first - 1) if cut_first > sent.start and words(sent.start, cut_first - 1) else None
        after = (cut_last + 1, sent.end - 1) if cut_last < sent.end - 1 and words(cut_last + 1, sent.end - 1) else None
        if before and after:
            content = self.chars(sent.start, sent.end - 1)
        elif before or after:
            content = self.chars(*(before or after))
        else:
            return
        if content[0] >= content[1]:
            return
        content, kind = self.with_quotes(content)
        self.claimed_tokens.update(t.i for t in tokens)
        self.add(
            Found(
                content,
                kind,
                (tokens[0].idx, last.idx + len(last)),
                self.source_chars(source),
                source.i,
                confidence=0.9,
                phrase=True,
            )
        )

    def from_finding(self, preposition: Token) -> None:
        """ "In a Harbour Gazette poll released Monday, 60 percent backed the toll", "the mayor led in the latest
        survey": a finding read in a named poll. Cue "in", source the poll, content the clause around it. Only a
        specific poll (a determiner, singular) on the clause's verb: "ahead in the polls", "voters in a poll
        said ..." are not."""
        verb = preposition.head
        poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if (
            poll is None
            or poll.lemma_.lower() not in self.lexicon.finding_nouns
            or poll.tag_ not in ("NN", "NNP")
            or verb.pos_ not in ("VERB", "AUX")
            or preposition.i in self.claimed_tokens
            or not any(c.dep_ in ("det", "poss") for c in poll.children)
            or self.inside_quote(preposition.idx)
            or self.inside_found_content(preposition.idx)
        ):
            return
        content = self.clause_without(verb, preposition)
        if content is None:
            return
        if not self.text[preposition.right_edge.idx + len(preposition.right_edge) : content[1]].strip(" .,;:!?"):
            content = (content[0], len(self.text[: preposition.idx].rstrip(" ,")))  # "X led in the poll."
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(preposition.i)
        self.add(
            Found(
                content,
                kind,
                (preposition.idx, preposition.idx + len(preposition)),
                self.chars(poll.left_edge.i, poll.i),
                poll.i,
                confidence=0.6,
            )
        )

    def from_records_show(self, verb: Token) -> None:
        """ "The boat was insured for two million, records show, and ...": a study noun and "show" set off by
        commas, which the parser reads as a noun compound joined to the clause. Source the study, content the
        clause it comments on."""
        studies = [c for c in verb.lefts if c.dep_ in ("compound", "nsubj")]
        first = studies[0].left_edge.i if studies else 0
        if (
            verb.i in self.claimed_tokens
            or not studies
            or studies[-1].lemma_.lower() not in self.lexicon.study_nouns
            or any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
            or verb.head.i >= verb.i
            or first == 0
            or self.doc[first - 1].text != ","
            or self.inside_quote(verb.idx)
        ):
            return
        content = self.clause_without(verb.head, verb)
        if content is None:
            return
        if not self.text[verb.idx + len(verb) : content[1]].strip(" .,;:!?"):
            content = (content[0], len(self.text[: self.doc[first].idx].rstrip(" ,")))  # "..., records show."
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                (verb.idx, verb.idx + len(verb)),
                self.chars(first, verb.i - 1),
                studies[-1].i,
                confidence=0.7,
            )
        )

    def from_relay_adverb(self, adverb: Token) -> None:
        """ "Two firms have reportedly looked at the deal": the clause is relayed from someone unnamed. Cue the
        adverb, no source. A cue verb it modifies ("reportedly said") makes the attribution itself."""
        verb = adverb.head
        if (
            verb.i == adverb.i
            or verb.i in self.claimed_tokens
            or self.inside_quote(adverb.idx)
            or self.inside_found_content(adverb.idx)
        ):
            return
        content = self.clause_without(verb, adverb)
        if content is None:
            return
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(adverb.i)
        self.add(Found(content, kind, (adverb.idx, adverb.idx + len(adverb)), confidence=0.6))

    def speaker_colon(self) -> None:
        """``Name: what they say`` at the start of a paragraph or line (headlines, transcripts, interviews)."""
        doc = self.doc
        starts = [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text and t.i + 1 < len(doc)]
        for number, first in enumerate(starts):
            end = starts[number + 1] - 1 if number + 1 < len(starts) else len(doc)
            self.speaker_label(first, end)

    def speaker_label(self, first: int, end: int) -> None:
        """One line, tokens ``first`` to ``end`` (exclusive): a speaker label and what follows it."""
        doc = self.doc
        while first < end and (doc[first].is_space or doc[first].text in OPEN_TEXT or doc[first].text == "("):
            first += 1
        limit = min(end, first + MAX_SPEAKER_TOKENS + 1)
        colon = next((t.i for t in doc[first:limit] if t.text == ":"), None)
        if colon is None or colon == first or colon + 1 >= end:
            return
        name = doc[first:colon]
        if any(t.i in self.claimed_tokens for t in name):
            return
        if not all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in name):
            return
        if name.text.lower() in self.lexicon.heading_labels or (
            all(t.is_upper for t in name if t.is_alpha) and any(t.is_stop for t in name)
        ):
            return  # "UPDATE:", "STAT OF THE WEEK:": a heading, not a speaker
        if name.root.ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
            return  # "Iowa: Tim Albrecht, Brad Anderson, ...": a place heading a list, not a speaker
        rest = [t for t in doc[colon + 1 : end] if not t.is_space]
        if len(rest) < MIN_CLAIMED_QUOTE_WORDS:
            return
        content = self.chars(rest[0].i, end - 1)
        wrapped = self.text[name.start_char - 1 : name.start_char] in OPEN_TEXT
        if wrapped and self.text[content[1] - 1 : content[1]] in CLOSE_TEXT:
            content = (content[0], content[1] - 1)  # '"JONES: ... ."': the marks wrap the label, not the words
        kind = "direct"
        self.claimed_tokens.add(colon)
        self.add(
            Found(
                content,
                kind,
                (doc[colon].idx, doc[colon].idx + 1),
                (name.start_char, name.end_char),
                name.root.i,
                confidence=0.7,
            )
        )

    def colon_quotes(self) -> None:
        """``... Jane Roe: "what she says"``: a quotation introduced by a colon after a name, anywhere in a line
        (roundups, live blogs: "More from Roe:", "Here is Roe in 1992:")."""
        doc = self.doc
        for quote in self.quotes:
            base = max(0, quote.start - 3)
            before = self.text[base : quote.start]
            if ":" not in before or any(s <= quote.start < e for s, e in (f.content for f in self.found)):
                continue
            at = base + before.index(":")
            colon = doc.char_span(at, at + 1, alignment_mode="expand")
            if colon is None or colon[0].i in self.claimed_tokens:
                continue
            colon = colon[0]
            names: list[Token] = []
            for token in reversed(doc[max(colon.sent.start, colon.i - COLON_NAME_REACH) : colon.i]):
                if token.pos_ == "PROPN":
                    names.insert(0, token)
                elif names or token.is_space or "\n" in token.text:
                    break
            if not names or len(names) > MAX_SPEAKER_TOKENS or names[0].ent_type_ in ("DATE", "TIME", "GPE"):
                continue
            before = names[0].i - 1
            while before >= 0 and (self.doc[before].text in ("'s", "’s") or self.doc[before].pos_ in ("PROPN", "DET")):
                before -= 1
            if before >= 0 and self.doc[before].lower_ == "by":
                continue  # '"Title," by the Gazette's Ola Brekke: "..."': a linked story's byline and lead
            if len(self.text[quote.start : quote.end].split()) < MIN_CLAIMED_QUOTE_WORDS:
                continue
            self.claimed_tokens.add(colon.i)
            self.add(
                Found(
                    (quote.start, quote.end),
                    "direct",
                    (colon.idx, colon.idx + 1),
                    (names[0].idx, names[-1].idx + len(names[-1])),
                    names[-1].i,
                    confidence=0.6,
                )
            )

    def dash_bylines(self) -> None:
        """``"..." ― Name``: a quotation signed with a dash (reader voices, embedded posts)."""
        doc = self.doc
        for quote in self.quotes:
            after = self.text[quote.end : quote.end + 4]
            dash = re.match(r"\s*([―—–])\s*", after)
            if not dash:
                continue
            at = quote.end + dash.start(1)
            span = doc.char_span(at, at + 1, alignment_mode="expand")  # '”―' may be one token
            if span is None or span[-1].i + 1 >= len(doc):
                continue
            names = []
            for token in doc[span[-1].i + 1 : span[-1].i + 1 + MAX_SPEAKER_TOKENS]:
                if token.pos_ != "PROPN":
                    break
                names.append(token)
            if not names:
                continue
            self.claimed_tokens.add(span[-1].i)
            self.add(
                Found(
                    (quote.start, quote.end),
                    "direct",
                    (at, at + 1),
                    (names[0].idx, names[-1].idx + len(names[-1])),
                    names[-1].i,
                    confidence=0.7,
                )
            )

    def orphans(self) -> None:
        """Quotations no cue claimed (and not inside claimed content): candidates for continuation."""
        covered = sorted(f.content for f in self.found if f.kind != "next_block")
        starts = [s for s, _ in covered]
        reach = list(accumulate((e for _, e in covered), max))  # the furthest end of any content starting so far
        for quote in self.quotes:
            index = bisect_right(starts, quote.start)
            if index and reach[index - 1] >= quote.end:  # some content starting at or before it holds it
                continue
            words = len(self.text[quote.start : quote.end].split())
            if words < MIN_ORPHAN_QUOTE_WORDS:
                continue
            self.found.append(Found((quote.start, quote.end), "continuation", confidence=0.6))

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
        for token in self.doc:
            if token.lower_ == "in" and token.dep_ == "prep":
                self.from_finding(token)
            elif token.lower_ in self.lexicon.relay_adverbs and token.dep_ == "advmod":
                self.from_relay_adverb(token)
            elif token.lower_ in ("show", "shows", "showed") and token.dep_ in ("conj", "parataxis"):
                self.from_records_show(token)
        self.speaker_colon()
        self.colon_quotes()
        self.dash_bylines()
        self.orphans()
        self.stop_before_trailing_phrases()
        self.stop_before_replies()
        return self.found

    def stop_before_trailing_phrases(self) -> None:
        """ "The mayor told her that the pier was safe, according to an aide": the trailing "according to" phrase
        relays the whole sentence; what the mayor said ends before it."""
        for phrase in (f for f in self.found if f.phrase and f.source_root is not None):
            last = self.doc[phrase.source_root].right_edge
            for other in self.found:
                if (
                    other is not phrase
                    and other.content[0] < phrase.cue[0] < other.content[1]
                    and not self.text[last.idx + len(last) : other.content[1]].strip(" .,;:!?\"”'")
                ):
                    other.content = (other.content[0], len(self.text[: phrase.cue[0]].rstrip(" ,;—–-")))

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


def extract(doc: Doc, lexicon: Lexicon, matcher: Matcher, reparse: Callable[[str], Doc] | None = None) -> list[Found]:
    """All attributions of ``doc`` in document order (see the module docstring for the rules).

    ``reparse`` (text -> Doc, same vocab) lets the rules read a Title-Case headline again in sentence case:
    the parser takes most of its words for proper nouns ("Mayor Slams Ferry Plan")."""
    if not len(doc):
        return []
    found = DocExtractor(doc, lexicon, matcher).run()
    if reparse is not None:
        found = with_recased_headlines(doc, found, lexicon, matcher, reparse)
    order = sorted(range(len(found)), key=lambda i: (found[i].cue or found[i].content)[0])
    remap = {old: new for new, old in enumerate(order)}
    result = [found[i] for i in order]
    for item in result:
        if item.inner_of is not None:
            item.inner_of = remap[item.inner_of]
    return result


# --- Title-Case headlines ----------------------------------------------------------------------------------------
def is_title_case(sent: Span) -> bool:
    """ "Mayor Slams Ferry Plan As Fares Rise": most words capitalised (not all in capitals), few enough to be
    a headline."""
    words = [t for t in sent if t.is_alpha]
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or all(t.is_upper for t in words):
        return False
    return sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words)


def verb_stems(word: str) -> set[str]:
    """Possible lemmas of a lower-case verb or noun form, without a lemmatiser ("slams" -> "slam")."""
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-1] + "", word[:-2] + "e"}
    if word.endswith("ied"):
        stems.add(word[:-3] + "y")
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    return stems | {IRREGULAR_FORMS.get(word, word)}


def recased(sent: Span, lexicon: Lexicon) -> str:
    """``sent`` with its function words and cue words in lower case (same length, same offsets)."""
    cues = lexicon.all_cue_lemmas | lexicon.cue_nouns
    first = next((t.i for t in sent if t.is_alpha), sent.start)
    out = []
    for token in sent:
        text = token.text_with_ws
        if token.i != first and token.is_title and (token.is_stop or verb_stems(token.lower_) & cues):
            text = token.lower_ + token.whitespace_
        out.append(text)
    return "".join(out)


def with_recased_headlines(
    doc: Doc, found: list[Found], lexicon: Lexicon, matcher: Matcher, reparse: Callable[[str], Doc]
) -> list[Found]:
    """Replace what was found in Title-Case lines by what is found in their sentence-case reading (a line, not
    the parser's sentence: it cuts headlines at odd places)."""
    text, at = doc.text, 0
    lines = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(doc.char_span(at, at + len(line.rstrip()), alignment_mode="expand"))
        at += len(line) + 1
    for sent in lines:
        if sent is None or not is_title_case(sent):
            continue
        text = recased(sent, lexicon)
        if text == sent.text:
            continue
        again = reparse(text)
        if again.vocab is not doc.vocab or again.text != text:
            continue
        fresh = [f for f in DocExtractor(again, lexicon, matcher).run() if f.cue is not None]
        if not fresh:
            continue
        start, end = sent.start_char, sent.end_char
        kept = [i for i, f in enumerate(found) if not start <= (f.cue or f.content)[0] < end]
        renumber = {old: new for new, old in enumerate(kept)}
        result = [found[i] for i in kept]
        for item in result:
            item.inner_of = renumber.get(item.inner_of) if item.inner_of is not None else None
        shift = lambda span: (span[0] + start, span[1] + start) if span else None  # noqa: E731, B023 (used here)
        for item in fresh:
            item.content, item.cue, item.source = shift(item.content), shift(item.cue), shift(item.source)
            if item.source_root is not None:
                root = again[item.source_root]
                span = doc.char_span(start + root.idx, start + root.idx + len(root), alignment_mode="expand")
                item.source_root = span[-1].i if span is not None else None
            if item.inner_of is not None:
                item.inner_of += len(kept)
        found = result + fresh
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ``[start, end)`` character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]
