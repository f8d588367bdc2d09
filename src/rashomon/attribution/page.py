"""Page-level attribution: merge speakers across blocks, nest attributions, and give blocks their narrative.

Per block, :mod:`.quotes` finds cue/source/content spans; here they become :class:`~rashomon.model.Source`
and :class:`~rashomon.model.Attribution` objects of the whole page:

* **continuation**: a quotation no cue claims continues the last direct speaker of the same or the previous
  paragraph (multi-paragraph quotes, cue-less continuation paragraphs);
* **narratives**: a top-level attribution to a news agency or outlet ("According to Reuters", "Reuters
  writes") opens that outlet's account, which runs until the next separator or the next outlet; a framing
  sentence ending in a colon ("..., as reported by RT, sounds as follows:") puts the following paragraphs,
  up to the next separator, under that outlet. The outlet must be named by a proper noun, also when a common
  noun describes it ("the state broadcaster Eastline Today told it differently:"). Everything else, and a
  paragraph no one is said to say that speaks as the publisher ("we", "readers"), is the publisher's voice;
* **nesting**: an attribution inside another's content is relayed by it; otherwise one inside a narrative is
  relayed by that narrative's opening attribution;
* **editorial**: sentences no one is said to have said are the publisher's (``editorial``) or, inside a
  narrative, the narrative's (``continuation``, lower confidence). The publisher states only what a sentence
  asserts (``claims.frames.asserts``): a heading, a list row, a question or an instruction is no editorial.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from urllib.parse import urlparse

from spacy.tokens import Token

from .. import nlp as nlp_module
from ..claims import frames
from ..model import UNIDENTIFIED_SOURCE_ID, Analysis, Attribution, Block, Page, Source, Span
from . import described
from . import quotes as quote_rules
from .lexicon import Lexicon
from .rules.marks import Quote, quotations_by_block, quoted_title, someones_words
from .rules.speakers import WRITER_CONFIDENCE, names_in, wish_of, writer_word
from .sources import BookEntry, Mention, SourceBook, describe, full_names, name_key, titled_genders

# --- settings -----------------------------------------------------------------------------------------
#: A sentence's end inside a paragraph: a full stop, question or exclamation mark (closing marks after it) and space.
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s")
#: Source kinds whose top-level attributions open a narrative (a column of the side-by-side report).
NARRATIVE_KINDS = frozenset({"news_agency", "media"})
#: How many paragraphs back an orphan quotation may look for the speaker it continues.
CONTINUATION_REACH = 1
#: Uncovered stretches shorter than this many words are not worth an editorial attribution.
MIN_EDITORIAL_WORDS = 3
#: Confidence of a sentence credited to a narrative only because it sits inside it.
NARRATIVE_CONTINUATION_CONFIDENCE = 0.5
#: Subjects that name no one: a person named as their clause's object is what the sentence is about ("This did not
#: convince Vell. '...,' he said": Vell), for a following "he" or "she".
FOCUSLESS_SUBJECTS = frozenset({"that", "this", "it", "which"})
#: Pronouns a part of a group is taken of ("one of them", "two of those"): the part is named with the group.
PARTITIVE_PRONOUNS = frozenset({"them", "those"})
#: Entity labels the tagger gives a known person's surname by mistake (none, or an organisation's).
NAME_SLIPS = frozenset({"", "ORG"})
#: An aside set off by dashes or brackets inside a relayed sentence ("The Observatory - a one-man "think tank"
#: - said ..."); at least this many words to be the publisher's gloss rather than a label ("(D-Wis.)").
MIN_ASIDE_WORDS = 4
ASIDES = re.compile(r"\s(?:--|[-–—])\s(?P<dash>[^\n]+?)\s(?:--|[-–—])\s|\((?P<paren>[^()\n]+)\)")
#: Confidence of an aside kept as the publisher's.
ASIDE_CONFIDENCE = 0.7
PUBLISHER_ID = "publisher"
#: Who says what when the text names no one and no account relays it ("faced demands that she step down", "was said to
#: be furious"), or the parse hid the speaker: not the publisher, who only reports that it was said.
UNIDENTIFIED = Source(UNIDENTIFIED_SOURCE_ID, "speaker not identified", kind="unknown", unresolved=True)
#: Candidates ``container_of`` looks at, nearest first, for the content that holds a cue (real paragraphs have a
#: handful; a paragraph of 1,000 "he said" would make nesting quadratic).
MAX_NESTING_CANDIDATES = 200


@dataclass(slots=True)
class Record:
    """An attribution under construction, in page offsets."""

    content: tuple[int, int]
    kind: str
    block: Block
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    root: object = None  # spaCy Token heading the source
    recipient: str | None = None
    inner_of: Record | None = None
    confidence: float = 1.0
    source_id: str | None = None
    parent: Record | None = None
    continues: Record | None = None  # for a cue-less quotation: the attribution it continues
    id: str = ""
    named: bool = False  # the source is named by a proper noun ("Eastline Today"), not only described
    writer: bool = False  # the source is the page's own writer ("we recommend"): credited to the publisher
    replies: bool = False  # answers the statement in its content ("a charge X denied"): does not relay it
    impression: bool = False  # the writer's impression ("the plan seems dead"): with no one named, the writer's

    @property
    def anchor(self) -> int:
        return (self.cue or self.content)[0]

    @property
    def extent(self) -> tuple[int, int]:
        spans = [s for s in (self.content, self.cue, self.source) if s]
        return min(s[0] for s in spans), max(s[1] for s in spans)


def publisher_source(page: Page) -> Source:
    """The page's own voice: its publisher, else the site of its URL, else "the publisher"."""
    name = page.publisher
    if not name and page.url:
        name = urlparse(page.url).netloc.removeprefix("www.") or None
    return Source(PUBLISHER_ID, name or "the publisher", kind="publisher", is_publisher=True)


def _contains(outer: tuple[int, int], point: int) -> bool:
    return outer[0] <= point < outer[1]


class PageAttributor:
    """Builds the sources and attributions of one page from its parsed blocks."""

    def __init__(self, page: Page, parsed, lexicon: Lexicon, matcher_for, nlp=None):
        self.page = page
        self.parsed = parsed
        self.lexicon = lexicon
        self.matcher_for = matcher_for
        self.nlp = nlp
        self.records: list[Record] = []
        self.book = SourceBook()
        self.publisher = publisher_source(page)
        self.mentions: dict[str, list[Span]] = {}
        self.open_quote_blocks: list[str] = []
        self._index: tuple[dict[str, list[Record]], list[Record], dict] | None = None  # see _candidates
        self._positions: dict[str, int] | None = None  # see position_of
        self._quotes: dict[str, list[Quote]] = {}  # see quotes_in
        self._separator_ends: list[int] | None = None  # see _separator_floor
        # blocks handed to an outlet whole: by a framing sentence ("... as follows:") or carrying on right after it
        # is named
        self.framed_blocks: set[str] = set()
        # source id -> (where it was last named, the speaker whose content it was named in): see _outer_speaker
        self._named_inside: dict[str, tuple[int, str]] = {}

    # --- 1. per-block extraction ------------------------------------------------------------------------
    def extract(self) -> None:
        page_names = frozenset().union(*(names_in(item.doc) for item in self.parsed))
        for item in self.parsed:
            block, doc = item.block, item.doc
            offset = block.start
            found_here: list[Record] = []
            shift = lambda span: (span[0] + offset, span[1] + offset) if span else None  # noqa: E731, B023 (used here)
            founds = quote_rules.extract(
                doc, self.lexicon, self.matcher_for(doc.vocab), self.reparse_for(doc), page_names
            )
            if block.kind == "headline":
                founds = self._without_topic_labels(founds, block)
            for found in founds:
                found_here.append(
                    Record(
                        shift(found.content),
                        found.kind,
                        block,
                        shift(found.cue),
                        shift(found.source),
                        doc[found.source_root] if found.source_root is not None else None,
                        found.recipient,
                        confidence=found.confidence,
                        replies=found.replies,
                        impression=found.rule == "verb.impression",
                    )
                )
            for found, record in zip(founds, found_here):
                if found.inner_of is not None:
                    record.inner_of = found_here[found.inner_of]
            self.records.extend(r for r in found_here if r.kind != "next_block" or self._take_next_block(r))
            if any(not q.closed for q in quote_rules.quote_spans(doc.text)):
                self.open_quote_blocks.append(block.id)

    def _without_topic_labels(self, founds: list, block: Block) -> list:
        """A headline's "Label: …" is a speaker only when the article names that speaker: "Pence: We Will Win"
        above a story about Pence ("Poll: …" above "a new poll"), not "Mo Cowan Senate: Deval Patrick Names …", a
        site's topic tag. The label (or, for a name of one or two words, its last word, singular or plural:
        "Historians:" above "a historian") must be written in the page's other blocks, in any case. Labels
        another attribution hangs on are kept, so the indices of ``inner_of`` stay right."""
        body = "\n".join(b.text for b in self.page.blocks if b.kind != "headline")
        nested = {f.inner_of for f in founds if f.inner_of is not None}
        keep = []
        for index, found in enumerate(founds):
            if found.rule != "layout.speaker_label" or index in nested or found.source is None:
                keep.append(found)
                continue
            label = block.text[found.source[0] : found.source[1]]
            words = label.split()
            last = words[-1][:-1] if len(words[-1]) > 3 and words[-1][-1] in "sS" else words[-1]
            said = re.search(rf"\b{re.escape(label)}\b", body, re.IGNORECASE) or (
                len(words) <= 2 and re.search(rf"\b{re.escape(last)}s?\b", body, re.IGNORECASE)
            )
            if said:
                keep.append(found)
        if len(keep) == len(founds):
            return founds
        position = {id(f): n for n, f in enumerate(keep)}
        for found in keep:
            if found.inner_of is not None:
                found.inner_of = position[id(founds[found.inner_of])]
        return keep

    def reparse_for(self, doc):
        """A parser for re-reading Title-Case headlines: the run's pipeline, or the project's (loaded, and cached,
        only when a headline needs it; the rules drop its parse unless ``doc`` came from the same pipeline)."""

        def reparse(text: str):
            return (self.nlp or nlp_module.load())(text)

        return reparse

    def position_of(self, block: Block) -> int:
        """Index of ``block`` in the page (by id: a caller may hand in copies of the page's blocks)."""
        if self._positions is None:
            self._positions = {b.id: i for i, b in enumerate(self.page.blocks)}
        return self._positions[block.id]

    def quotes_in(self, block: Block) -> list[Quote]:
        """The quotations of ``block``'s text (:func:`~.rules.quote_marks.quote_spans`), read once per block."""
        if block.id not in self._quotes:
            self._quotes[block.id] = quote_rules.quote_spans(block.text)
        return self._quotes[block.id]

    def _take_next_block(self, record: Record) -> bool:
        """'He said:' closing a paragraph: the content is the next paragraph (before any separator)."""
        blocks = self.page.blocks
        position = self.position_of(record.block)
        if position + 1 >= len(blocks) or blocks[position + 1].kind == "separator":
            return False
        following = blocks[position + 1]
        record.content = (following.start, following.end)
        record.kind = "direct" if following.text.lstrip()[:1] in '"“”«' else "indirect"
        return True

    # --- 2. speakers --------------------------------------------------------------------------------------
    def resolve_sources(self) -> None:
        self.book.title_genders = titled_genders(item.doc for item in self.parsed)
        self.book.full_names = full_names(item.doc for item in self.parsed)
        for record in self.records:
            if record.root is None:
                continue
            if self._writer_speaks(record):
                record.source_id, record.writer = PUBLISHER_ID, True
                record.confidence = min(record.confidence, WRITER_CONFIDENCE)
                continue
            mention = self._surname_of_someone_named(describe(record.root, self.lexicon, together=True), record)
            self.book.floor = self._separator_floor(record.source[0])
            self._name_part_of_group(mention, record.root, record.source[0])
            hint = None
            if mention.pronoun == "first":
                container = self.container_of(record)
                hint = container.source_id if container is not None else None
            if mention.pronoun in ("male", "female"):
                matched = self.book._match(mention, hint, record.source[0])
                if matched is not None:
                    self._enter_subject_since(matched, record.source[0])
                elif not self.book.pair_since(None, record.source[0]):
                    # (after "Lind and Brandt said ..." a "he" may be either of two: :meth:`SourceBook._match`
                    # gives no one, and no one is entered for it)
                    self._enter_person_before(record.source[0])
            elif mention.pronoun in ("plural", "pair"):
                if mention.pronoun == "pair":  # "both": a pair named before it in its own sentence first
                    self._enter_pair_before(record.source[0], same_sentence=True)
                matched = self.book._match(mention, hint, record.source[0])
                if matched is None:
                    self._enter_pair_before(record.source[0])
                elif not self._reports_on(record.root):
                    self._enter_group_since(matched, record.source[0])
                elif self._opens_sentence(record.root):
                    # "..., they said, ..." goes on with the speakers the report had; a "They said" that opens its
                    # sentence goes on with the people the sentence before is about ("Protest organisers gave a
                    # different account. They said ...")
                    self._enter_group_since(matched, record.source[0], subject_before=True)
            entry = (
                self._outer_speaker(mention, record)
                or self._described_person(mention, record, hint)
                or self.book.resolve(mention, record.source[0], hint)
            )
            record.source_id = entry.id
            container = self.container_of(record) if mention.pronoun is None else None
            if container is not None and container.source_id not in (None, entry.id):
                self._named_inside[entry.id] = (entry.last_seen, container.source_id)
            record.named = mention.proper
            self.mentions.setdefault(entry.id, []).append(self.page.span(*record.source))

    def _surname_of_someone_named(self, mention, record: Record):
        """ "Sellers said ...", "Powers added ...": a lone word the tagger reads as a plural common noun (or as
        nothing it knows) that is the surname of a person the page names in full before it ("Joseph Sellers") is
        that one person, so a later "he" can be them. A name the lexicons know ("Bloomberg reported", the agency)
        and other mentions stay as they are."""
        if mention.pronoun is not None or not (mention.plural or mention.kind == "unknown"):
            return mention
        root = record.root
        if not isinstance(root, Token) or len(name_key(mention.name)) != 1:
            return mention
        if not root.text[:1].isupper() or root.tag_ not in ("NNS", "NNP", "NN"):
            return mention
        surname = root.lower_
        for item in self.parsed:
            if item.block.start > record.source[0]:
                break
            for ent in item.doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == surname:
                    if item.block.start + ent.start_char < record.source[0]:
                        mention.kind, mention.plural, mention.proper = "person", False, True
                        return mention
        return mention

    def _outer_speaker(self, mention, record: Record) -> BookEntry | None:
        """ "Vell cited Okafor's concerns. He said ...": a he/she pronoun whose nearest person was last named only
        inside what another speaker said is that speaker, when the speaker agrees with it (a name inside someone's
        statement moves no focus, as in :meth:`_enter_subject_since`)."""
        if mention.pronoun not in ("male", "female"):
            return None
        nearest = self.book._match(mention, None, record.source[0])
        if nearest is None or nearest.id not in self._named_inside:
            return None
        seen, outer_id = self._named_inside[nearest.id]
        outer = self.book.entry(outer_id)
        if seen != nearest.last_seen or outer is None or outer.kind != "person" or outer.plural:
            return None
        if outer.gender not in (None, mention.pronoun):
            return None
        outer.last_seen = record.source[0]
        return outer

    def _described_person(self, mention, record: Record, hint: str | None) -> BookEntry | None:
        """ "Ida Vell, the former governor, toured the pier. ... The former governor said ...": a description of one
        person by role that no earlier source is, linked to the person the text named (:mod:`.described`): one named
        with that role, else the one person the sentence before is about. That person becomes a source, and the
        description a mention of them. None when the book has a source for it already, or the text names no one,
        or two people it could be."""
        if mention.pronoun is not None or mention.indefinite:
            return None
        wanted = described.description(record.root, self.lexicon)
        position = record.source[0]
        if wanted is None or self.book._match(mention, hint, position) is not None:
            return None
        person = described.named_with_role(self.parsed, position, self.book.floor, *wanted, self._quoted)
        if person is None and wanted[1]:
            person = described.subject_just_before(self.parsed, position, self.book.floor, self._quoted)
        if person is None or self._spoken_since(person, position):
            return None
        named = describe(person[1], self.lexicon)
        if named.kind != "person" or named.plural or self._other_bearer(named, person[0]):
            return None
        entry = self.book.resolve(named, person[0])
        if entry.gender not in (None, mention.gender or entry.gender):
            return None
        return self.book.merge(entry, mention, position)

    def _spoken_since(self, person, position: int) -> bool:
        """Whether another person has spoken since ``person`` was last named: "President Kim ... Obama said ...
        The president also said" is Obama (the description refers to whoever the text is about now)."""
        surname = person[1].lower_
        return any(
            e.kind == "person" and not e.plural and person[0] < e.last_seen < position and surname not in e.key
            for e in self.book.entries
        )

    def _other_bearer(self, named, position: int) -> bool:
        """Whether the book would merge a person named in full into someone else of that surname ("Hillary
        Clinton" into an earlier "Chelsea Clinton"): then a description is not linked through them."""
        key = name_key(named.name)
        prior = self.book._match(named, None, position)
        if prior is None or len(key) < 2:
            return False
        known = name_key(prior.name)  # the name the source goes by: merged in by surname, another first name shows
        return len(known) > 1 and known[-1] == key[-1] and known[0] != key[0]

    def _writer_speaks(self, record: Record) -> bool:
        """ "We recommend ...", "I don't think ...": a first-person source outside any quotation and not inside
        what another source says is the page's own writer, so the publisher (the page model has no author field;
        the publisher is the voice the page speaks in). Inside a quotation, or in the content of someone else's
        statement, first person is that speaker's, as before; a relayed account that only its paragraph places
        the writer in is checked after the narratives (:meth:`_writer_in_accounts`)."""
        if record.root is None or record.source is None or not writer_word(record.root):
            return False
        block = record.block
        local = record.source[0] - block.start
        if any(q.closed and q.start <= local < q.end for q in self.quotes_in(block)):
            return False
        container = self.container_of(record)
        return container is None or container.source_id == PUBLISHER_ID

    def _writer_in_accounts(self) -> None:
        """A writer's "we" in a paragraph an outlet's account covers (handed over by "... as follows:", or
        carrying on its report) is the outlet's "we": it goes back to the book as a first-person mention of it."""
        for record in self.records:
            narrative = record.block.narrative
            if record.writer and narrative and narrative != PUBLISHER_ID and record.block.id in self.framed_blocks:
                record.writer = False
                record.source_id = narrative
                self.mentions.setdefault(narrative, []).append(self.page.span(*record.source))

    def _drop_writer_wishes(self) -> None:
        """ "We want to hear from you", "I hope the council listens": the page's own writer stating a wish
        reports nobody's words, so it is no attribution (the sentence stays the publisher's own). A wish inside
        a quotation or someone's statement, or an outlet's "we" in its account, is that speaker's and stays."""
        wishes = [r for r in self.records if r.writer and r.root is not None and wish_of(r.root)]
        if wishes:
            self._drop_unowned(wishes)

    def _name_part_of_group(self, mention: Mention, root: Token, position: int) -> None:
        """ "Radiologists said ... One of them, speaking anonymously, described X": a part of a group named only by
        a pronoun ("one of them", "two of those") is named with the source the pronoun goes to, so the reader sees
        whom: "One of them (Radiologists)". Left as written when the pronoun goes to no source."""
        of = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is None or group.lower_ not in PARTITIVE_PRONOUNS or mention.pronoun is not None:
            return
        entry = self.book._match(describe(group, self.lexicon), None, position)
        if entry is not None:
            mention.name = f"{mention.name} ({entry.name})"

    def _quoted(self, block, local: int) -> bool:
        """Whether the character at ``local`` in ``block`` is inside one of its quotations."""
        return any(q.start <= local < q.end for q in self.quotes_in(block))

    def _enter_person_before(self, position: int) -> None:
        """ "Mayor Ida Vell met the union. ... She said ...": a pronoun speaker with no earlier source to be is
        the last person the text named before it (within the pronoun reach, not across a separator), who
        becomes a source."""
        best = None
        for at, _, ent in described.people_before(self.parsed, position, self.book.floor):
            best = (at, ent.root)
        if best is not None:
            self.book.resolve(describe(best[1], self.lexicon), best[0])

    def _enter_pair_before(self, position: int, same_sentence: bool = False) -> None:
        """ "The grid was drawn up by Lind and Brandt. According to them, ...": a "they" or "them" with no earlier
        source to be is the one pair of people the sentence right before names (:func:`.described.pair_just_before`),
        who become one source ("Lind and Brandt"). ``same_sentence``: the pair named earlier in the pronoun's own
        sentence instead ("Lind and Brandt toured the pier, both of them saying ...")."""
        pair = described.pair_just_before(self.parsed, position, self.book.floor, self._quoted, same_sentence)
        if pair is not None:
            self.book.resolve(describe(pair[1], self.lexicon, together=True), pair[0])

    def _enter_subject_since(self, speaker: BookEntry, position: int) -> None:
        """ "Kell met the families. '...,' she said": a person named as the subject of a main clause after the last
        mention of the speaker a pronoun would otherwise take (the officer quoted two paragraphs up), in the
        pronoun's paragraph or the one before, is the one the text is now about, so the pronoun's speaker. Only a
        main clause's subject outside quotation marks: a name inside what someone said ("the officer said Brown
        ran") or in a quotation moves no focus; and the old speaker named again after that person (as anything)
        keeps it. The person is entered in the book (merged with an earlier mention of the same name); one whose
        known gender differs from the pronoun's is then passed over by the pronoun as before."""
        surname = speaker.key[-1] if speaker.key else None
        best = None
        blocks = [item for item in self.parsed if item.block.start < position]
        for item in blocks[-2:]:
            start = item.block.start
            for local, root in self._people_named(item):
                at = start + local
                if not speaker.last_seen < at < position or at < self.book.floor:
                    continue
                if not (root.dep_ in ("nsubj", "nsubjpass") or self._object_in_focus(root)) or root.head.dep_ != "ROOT":
                    continue
                if self._quoted(item.block, local):
                    continue
                best = (at, root)
        if best is None:
            return
        for item in blocks[-2:]:
            for token in item.doc:
                if best[0] < item.block.start + token.idx < position and token.lower_ == surname:
                    return  # the speaker named again after that person: the focus is back on them
        self.book.resolve(describe(best[1], self.lexicon), best[0])

    @staticmethod
    def _object_in_focus(name: Token) -> bool:
        """ "This did not convince Judge Vell. '...,' he said": the object of a main clause whose subject names
        no one ("that", "it", a thing) is the one the sentence is about, as a subject would be."""
        if name.dep_ != "dobj":
            return False
        subject = next((c for c in name.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.lower_ in FOCUSLESS_SUBJECTS

    def _people_named(self, item) -> list[tuple[int, Token]]:
        """Where ``item`` names a person, in text order, as (offset in its block, name's head): the entity tagger's
        people, and a proper noun that is the surname of a person already in the book, which the tagger sometimes
        reads as no entity or an organisation ("Vell made the remarks at a rally" after "Ida Vell said ...")."""
        named = {ent.root.i: (ent.start_char, ent.root) for ent in item.doc.ents if ent.label_ == "PERSON"}
        surnames = {e.key[-1] for e in self.book.entries if e.kind == "person" and e.key and not e.plural}
        for token in item.doc:
            if (
                token.i not in named
                and token.tag_ == "NNP"
                and token.ent_type_ in NAME_SLIPS
                and token.lower_ in surnames
            ):
                named[token.i] = (token.idx, token)
        return [named[i] for i in sorted(named)]

    def _enter_group_since(self, speaker: BookEntry, position: int, subject_before: bool = False) -> None:
        """ "Port officials said the pier would close. Local voters are angry, and they believe ...": a plural
        noun for people named after the last mention of the source "they" would otherwise take, in the pronoun's
        sentence or the one before it in the paragraph, is nearer: it becomes a source, and the pronoun goes to it. Only people
        (a person noun, a role, a nationality or party: "leaders", "officials", "Republicans"), outside quotation
        marks, and not a word of the old source's own name. ``subject_before``: only the subject of the main clause
        of the sentence right before (a "they" that reports goes on with its speakers unless that sentence is
        about someone else)."""
        best = None
        item = next((item for item in reversed(self.parsed) if item.block.start < position), None)
        if item is not None:
            start = item.block.start
            for token in item.doc:
                at = start + token.idx
                if at >= position:
                    break
                if at <= speaker.last_seen or at < self.book.floor or token.tag_ not in ("NNS", "NNPS"):
                    continue
                if (
                    token.lower_ in speaker.key
                    or token.dep_ not in ("nsubj", "nsubjpass")
                    or not self._names_people(token)
                ):
                    continue
                sentence = token.sent
                before = self._sentence_before(item, sentence, position)
                if start + sentence.end_char < position and not before:
                    continue
                if subject_before and not (before and token.head.dep_ == "ROOT"):
                    continue
                if self._quoted(item.block, token.idx):
                    continue
                best = (at, token)
        if best is not None:
            self.book.resolve(describe(best[1], self.lexicon), best[0])

    def _reports_on(self, pronoun) -> bool:
        """ "..., they said, ...", "They argued that ...": a speech verb whose subject is "they" goes on with the
        speakers the report had (not in a relative clause: "the fares that they argue for" hangs on a noun)."""
        verb = pronoun.head
        return verb.dep_ != "relcl" and verb.lemma_.lower() in self.lexicon.cue_verbs["speech"]

    @staticmethod
    def _opens_sentence(pronoun) -> bool:
        """Whether a pronoun speaker is the first word of its sentence ("They said ...")."""
        return pronoun.i == pronoun.sent.start

    def _names_people(self, token) -> bool:
        """A plural noun that names people: a person noun or role of the lexicons, one named by what they do
        ("organisers"), or a nationality or party."""
        lemma = token.lemma_.lower()
        return (
            token.ent_type_ == "NORP"
            or self.lexicon.names_people(lemma, people=True)
            or token.pos_ == "NOUN"
            and self.lexicon.names_a_doer(lemma)
        )

    @staticmethod
    def _sentence_before(item, sentence, position: int) -> bool:
        """Whether ``sentence`` (of ``item``'s doc) is the one right before the sentence holding ``position``."""
        local = position - item.block.start
        following = next((s for s in item.doc.sents if s.start_char >= sentence.end_char), None)
        return following is not None and following.start_char <= local < following.end_char

    @staticmethod
    def _reported_before(quotation: Record, last_speaker: Record | None, reported: list[Record]) -> Record | None:
        """ "Vell said the city would appeal. '...'": a reported statement in the quotation's own paragraph
        (``reported``: the paragraph's indirect attributions with a cue and a source, not relayed inside another's),
        after the last direct speaker, is whom the quotation goes on from (the speaker quoted a paragraph up is
        not); the latest such statement that ends before it. None when there is none."""
        floor = last_speaker.anchor if last_speaker is not None and last_speaker.block is quotation.block else -1
        found = None
        for other in reported:
            if floor < other.anchor and other.content[1] <= quotation.content[0]:
                if found is None or other.anchor > found.anchor:
                    found = other
        return found

    def link_orphans(self) -> None:
        """Quotations with no cue continue the previous direct speaker nearby, or a statement reported in their own
        paragraph after it ("Vell said the city would appeal. '...'"), or are dropped."""
        kept = []
        last_speaker: Record | None = None
        reported: dict[str, list[Record]] = {}
        for record in self.records:
            if record.kind == "indirect" and record.cue is not None and record.source_id and record.inner_of is None:
                reported.setdefault(record.block.id, []).append(record)
        for record in self.records:
            if record.cue is None and record.kind == "continuation":
                near = last_speaker is not None and (
                    self.position_of(record.block) - self.position_of(last_speaker.block) <= CONTINUATION_REACH
                    and not self._separators_between(last_speaker.block, record.block)
                )
                statement = self._reported_before(record, last_speaker, reported.get(record.block.id, []))
                if statement is not None:
                    near, last_speaker = True, statement
                if near:
                    record.source_id = last_speaker.source_id
                    record.continues = last_speaker
                    record.kind = "continuation"
                    kept.append(record)
                    last_speaker = record
                continue
            if record.kind in ("direct", "mixed") and record.source_id:
                last_speaker = record
            kept.append(record)
        self.records = kept
        self._index = None

    def _separator_floor(self, position: int) -> int:
        """Where the last separator before ``position`` ends (0 if none): a bisect, not a scan of every block per
        source (a page of thousands of one-line paragraphs made that quadratic)."""
        if self._separator_ends is None:
            self._separator_ends = sorted(b.end for b in self.page.blocks if b.kind == "separator")
        index = bisect_right(self._separator_ends, position)
        return self._separator_ends[index - 1] if index else 0

    def _separators_between(self, first: Block, second: Block) -> int:
        start, stop = self.position_of(first), self.position_of(second)
        return sum(1 for block in self.page.blocks[start + 1 : stop] if block.kind == "separator")

    # --- 3. nesting and narratives -----------------------------------------------------------------------
    def _candidates(self, record: Record) -> tuple[list[int], list[tuple[int, Record]]]:
        """Records whose content may hold ``record``: those of its block and those whose content leaves their
        block (framing scopes, "said:" + next paragraph), as ``(order, record)`` sorted by where their content
        starts, with those starts. Keeps nesting linear in the number of blocks."""
        if self._index is None:
            by_block: dict[str, list[Record]] = {}
            spanning: list[Record] = []
            for other in self.records:
                by_block.setdefault(other.block.id, []).append(other)
                if not (other.block.start <= other.content[0] and other.content[1] <= other.block.end):
                    spanning.append(other)
            self._index = (by_block, spanning, {})
        by_block, spanning, ordered = self._index
        key = record.block.id
        if key not in ordered:
            items = sorted(enumerate(by_block.get(key, []) + spanning), key=lambda item: item[1].content[0])
            ordered[key] = ([other.content[0] for _, other in items], items)
        return ordered[key]

    def container_of(self, record: Record) -> Record | None:
        """The attribution whose content holds ``record``'s cue: the one that relays it (innermost wins; of
        equally long ones, the first).

        Candidates are walked from the latest content start at or before the cue backwards: a content that
        starts further back than the best one found is long cannot be shorter, so the walk stops there (and
        after ``MAX_NESTING_CANDIDATES`` in any case: a paragraph of 1,000 "he said" is not worth n² steps).
        """
        if record.inner_of is not None:
            return record.inner_of
        anchor = record.anchor
        starts, items = self._candidates(record)
        best, best_key = None, None
        position = bisect_right(starts, anchor)
        for walked, index in enumerate(range(position - 1, -1, -1)):
            order, other = items[index]
            if best_key is not None and anchor - other.content[0] + 1 > best_key[0]:
                break
            if walked >= MAX_NESTING_CANDIDATES:
                break
            if other is record or other.replies or other.kind == "continuation" and other.cue is None:
                continue
            if not _contains(other.content, anchor) or _contains(record.content, other.anchor):
                continue
            if other.source and record.source and other.source == record.source:
                continue
            candidate_key = (other.content[1] - other.content[0], order)
            if best_key is None or candidate_key < best_key:
                best, best_key = other, candidate_key
        return best

    def kind_of(self, source_id: str | None) -> str:
        entry = self.book.entry(source_id)
        return entry.kind if entry else "unknown"

    def assign_narratives(self) -> dict[str, Record]:
        """Set ``block.narrative`` on every block; return, per narrative source, its opening record."""
        containers = {id(r): self.container_of(r) for r in self.records}
        by_block: dict[str, list[Record]] = {}
        writers: set[str] = set()  # blocks with the writer's own "we think", the publisher's voice unless framed
        for record in self.records:
            if record.writer:
                writers.add(record.block.id)
            else:
                by_block.setdefault(record.block.id, []).append(record)
        opening: dict[str, Record] = {}
        current, framed = PUBLISHER_ID, False
        relayed_here = False  # this block opened an outlet's account ("According to Reuters, ...")
        for block in self.page.blocks:
            if block.kind in ("separator", "headline"):
                if block.kind == "separator":
                    current, framed = PUBLISHER_ID, False
                block.narrative = PUBLISHER_ID
                continue
            top_media = [
                r
                for r in by_block.get(block.id, ())
                if containers[id(r)] is None
                and r.cue
                and self.kind_of(r.source_id) in NARRATIVE_KINDS
                and r.named
                and not self._inside_quote(r)
            ]
            framing = [r for r in top_media if block.text.rstrip().endswith(":")]
            if framing:
                record = framing[0]
                record.kind = "framing"
                record.content = self.scope_after(block)
                self._index = None
                opening[record.source_id] = record
                block.narrative = PUBLISHER_ID
                current, framed = record.source_id, True
                continue
            relayed_before, relayed_here = relayed_here, False
            top_media = [r for r in top_media if self._reports(r) and self._opens_account(r)]
            if top_media:
                source_id = top_media[0].source_id
                relayed_here = source_id not in opening  # the outlet's account opens here
                opening.setdefault(source_id, top_media[0])
                current, framed = source_id, False
            elif not by_block.get(block.id) and (
                self._talks_about_accounts(block.text)
                or self._speaks_as_publisher(block.text)
                and not (framed and block.id in writers)  # "... as follows:" / "We believe ...": the outlet's we
            ):
                block.narrative = PUBLISHER_ID
                continue
            # A relayed account covers what the text attributes to it: the paragraphs a framing sentence hands
            # over ("... sounds as follows:"), paragraphs that report someone's words while it runs, and the one
            # paragraph that carries on right after the paragraph that opens an outlet's account ("According to
            # Coastwire, X. // In a major breakthrough, Y."): its report running on. Any other paragraph with no
            # attribution in it is the publisher's own, wherever it stands.
            carries_on = relayed_before and not by_block.get(block.id) and current != PUBLISHER_ID
            if framed or carries_on or by_block.get(block.id):
                block.narrative = current
            else:
                block.narrative = PUBLISHER_ID
            if framed or carries_on:
                self.framed_blocks.add(block.id)
        return opening

    @staticmethod
    def _reports(record: Record) -> bool:
        """Whether ``record``'s content is a report an outlet's account can run on: a clause or a quotation
        ("According to Reuters, the army advanced", "Reuters wrote: '...'"), not a thing it names ("The Times
        stood by that version, citing it in its fact-check"): only a report makes the paragraphs after it the
        outlet's (a reader's check: a HuffPost page relayed a senator's testimony "through" The Times)."""
        doc = getattr(record.root, "doc", None)
        if doc is None:
            return True
        offset = record.block.start
        span = doc.char_span(record.content[0] - offset, record.content[1] - offset, alignment_mode="expand")
        if span is None:
            return True
        return any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in span)

    def _opens_account(self, record: Record) -> bool:
        """Whether an outlet's account opens at ``record``: its cue leads into what it reports ("According to
        Reuters, X", "Reuters writes that X"), or its report is the paragraph's first sentence ("X, Reuters
        reported."). A sentence the publisher's paragraph relays with a cue after it ("... Fares rose twice. Overtime
        was $300 a month, the Ledger reports.") is a citation: the paragraphs after it are not the outlet's (a
        reader's check: every source of a news article after one such sentence was shown relayed by the paper)."""
        if record.cue[0] < record.content[0]:
            return True
        return not SENTENCE_BREAK.search(self.page.text[record.block.start : record.content[0]])

    def _inside_quote(self, record: Record) -> bool:
        block = record.block
        local = record.cue[0] - block.start
        return any(q.start < local < q.end for q in self.quotes_in(block))

    def _speaks_as_publisher(self, text: str) -> bool:
        """A paragraph no one is said to say, in the publisher's own words ("we", "readers", "of course")."""
        lower = text.lower()
        return any(re.search(rf"\b{re.escape(marker)}\b", lower) for marker in self.lexicon.editorial_markers)

    def _talks_about_accounts(self, text: str) -> bool:
        lower = text.lower()
        return any(re.search(rf"\b{re.escape(noun)}\b", lower) for noun in self.lexicon.meta_framing_nouns)

    def scope_after(self, block: Block) -> tuple[int, int]:
        """From the block after ``block`` to the end of the last block before the next separator."""
        blocks = self.page.blocks
        position = self.position_of(block)
        following = []
        for later in blocks[position + 1 :]:
            if later.kind == "separator":
                break
            following.append(later)
        if not following:
            return block.start, block.end
        return following[0].start, following[-1].end

    def nest(self, opening: dict[str, Record]) -> None:
        recipients = {e.name.lower(): e.id for e in self.book.entries}
        unowned: list[Record] = []  # no source of their own, inside someone else's statement
        for record in self.records:
            if record.continues is not None:
                record.parent = record.continues.parent
                continue
            container = self.container_of(record)
            if container is not None and container.source_id != record.source_id:
                record.parent = container
                if record.source_id is None and record.kind != "continuation":
                    unowned.append(record)
                continue
            relay = recipients.get((record.recipient or "").lower())
            if relay in opening and opening[relay] is not record:
                record.parent = opening[relay]
                continue
            narrative = record.block.narrative
            if record.writer:
                continue  # the writer speaks in the page's own voice, in no outlet's account
            if narrative and narrative != PUBLISHER_ID and narrative != record.source_id and narrative in opening:
                if opening[narrative] is not record:
                    record.parent = opening[narrative]
        if unowned:
            self._drop_unowned(unowned)
        for record in self.records:  # sources the text leaves out ("were reported to"): the relaying account, if any
            if record.source_id is None:
                parent = record.parent
                narrative = record.block.narrative
                relay = narrative if narrative != PUBLISHER_ID else None
                unnamed = PUBLISHER_ID if record.impression else UNIDENTIFIED.id
                record.source_id = parent.source_id if parent else (relay or unnamed)
                record.confidence = min(record.confidence, 0.5)
        self._break_cycles()

    def _drop_unowned(self, unowned: list[Record]) -> None:
        """Drop the attributions with no source of their own that sit inside another speaker's statement ("the
        lawyer said the subpoenas are part of an inquiry into accusations that ...", "... pushed for savings"):
        crediting them to the speaker who relays them names a wrong holder, and the words stay in that
        speaker's content. What they relayed is relayed by their own parent (and held inside their own
        container)."""
        gone = {id(r) for r in unowned}
        for record in self.records:
            while record.parent is not None and id(record.parent) in gone:
                record.parent = record.parent.parent
            while record.inner_of is not None and id(record.inner_of) in gone:
                record.inner_of = record.inner_of.inner_of
        self.records = [r for r in self.records if id(r) not in gone]
        self._index = None

    def _break_cycles(self) -> None:
        for record in self.records:
            seen = set()
            node = record
            while node.parent is not None:
                if id(node) in seen:
                    node.parent = None
                    break
                seen.add(id(node))
                node = node.parent

    # --- 4. the publisher's and the narratives' own sentences ---------------------------------------------
    def voice_of(self, record: Record) -> str:
        """The top of ``record``'s relay chain: the account the reader meets it in."""
        node, seen = record, set()
        while node.parent is not None and id(node) not in seen:
            seen.add(id(node))
            node = node.parent
        return node.source_id or PUBLISHER_ID

    def publisher_asides(self) -> None:
        """The publisher's insertions inside a sentence it relays from another account stay the publisher's: an
        aside set off by dashes or brackets that describes the source ("The Observatory - a UK funded "think
        tank" run by one man - said ..."), or one inside an indirect content that carries the publisher's own
        marks (scare quotes, "we", "of course"). The aside gets an editorial attribution of its own and leaves
        the source span; words inside a quotation are the speaker's and are never taken."""
        added: dict[tuple[int, int], Record] = {}
        for record in self.records:
            if record.kind in ("editorial", "framing", "direct") or record.cue is None:
                continue
            if self.voice_of(record) == PUBLISHER_ID or record.parent is None:
                continue
            block = record.block
            quotes = self.quotes_in(block)
            start, end = record.extent
            for match in ASIDES.finditer(self.page.text, start, end):
                group = "dash" if match.group("dash") is not None else "paren"
                first, last = match.start(group), match.end(group)
                if len(match.group(group).split()) < MIN_ASIDE_WORDS:
                    continue
                if any(q.start <= first - block.start < q.end for q in quotes):
                    continue  # inside someone's quotation
                in_source = record.source is not None and record.source[0] < first < record.source[1]
                if not in_source and not self._publisher_marks(match.group(group)):
                    continue
                if in_source:
                    cut = len(self.page.text[: match.start()].rstrip(" ,-–—("))
                    record.source = (record.source[0], max(record.source[0] + 1, cut))
                added.setdefault(
                    (first, last),
                    Record((first, last), "editorial", block, source_id=PUBLISHER_ID, confidence=ASIDE_CONFIDENCE),
                )
        self.records.extend(added.values())
        self._index = None

    def _publisher_marks(self, text: str) -> bool:
        """Scare quotes (a quoted word or two) or the publisher's own words ("we", "of course") in an aside."""
        if re.search(r"[\"“][^\"“”]{1,40}[\"”]", text):
            return True
        return self._speaks_as_publisher(text)

    def editorial(self, opening: dict[str, Record]) -> None:
        covered_in: dict[str, list[tuple[int, int]]] = {}
        for record in self.records:
            if record.kind != "framing":
                covered_in.setdefault(record.block.id, []).append(record.extent)
        spanning = [
            r.extent
            for r in self.records
            if r.kind != "framing" and not (r.block.start <= r.extent[0] and r.extent[1] <= r.block.end)
        ]
        markers = (
            re.compile(r"\b(?:" + "|".join(re.escape(m) for m in self.lexicon.editorial_markers) + r")\b")
            if self.lexicon.editorial_markers
            else None
        )
        added = []
        blocks = [item.block for item in self.parsed]
        carried = quotations_by_block([b.text for b in blocks], [self.quotes_in(b) for b in blocks])
        for item, quotations in zip(self.parsed, carried):
            block, offset = item.block, item.block.start
            narrative = block.narrative or PUBLISHER_ID
            covered = sorted(covered_in.get(block.id, []) + spanning)
            covered_starts = [s for s, _ in covered]
            reach = list(accumulate((e for _, e in covered), max))  # furthest end of the spans starting so far
            run: list[tuple[int, int]] = []
            heading = block.kind == "paragraph" and frames.heading(block.text)
            broken = False  # a sentence that asserts nothing ends the publisher's run: the next starts anew
            # quotations long enough to be someone's words (not a scare quote), closed (not a stray mark; also across
            # a paragraph break), not a title
            quoted = [
                q for q in quotations if q.closed and someones_words(block.text, q) and not quoted_title(block.text, q)
            ]
            for sent in item.doc.sents:
                span = (sent.start_char + offset, sent.end_char + offset)
                before = bisect_left(covered_starts, span[1])  # spans starting before the sentence ends
                free = not (before and reach[before - 1] > span[0])
                marked = bool(markers and markers.search(sent.text.lower()))
                framed = block.id in self.framed_blocks
                voice = PUBLISHER_ID if narrative == PUBLISHER_ID or marked or not framed else narrative
                if free and voice == PUBLISHER_ID and (heading or not frames.asserts(sent, block.kind == "headline")):
                    broken = True  # a heading, a list row, a question or an instruction: no statement of its own
                    continue
                if (
                    free
                    and voice == PUBLISHER_ID
                    and any(q.start < sent.end_char and sent.start_char < q.end for q in quoted)
                ):
                    broken = True  # a sentence holding words no one was found to say is not the publisher's own
                    continue
                if free and run and run[-1][2] == voice and not (broken and voice == PUBLISHER_ID):
                    run[-1] = (run[-1][0], span[1], voice)
                elif free:
                    run.append((span[0], span[1], voice))
                broken = broken and not free
            for start, end, voice in run:
                text = self.page.text[start:end]
                if len(text.split()) < MIN_EDITORIAL_WORDS:
                    continue
                stripped_start = start + (len(text) - len(text.lstrip()))
                stripped_end = end - (len(text) - len(text.rstrip()))
                if voice == PUBLISHER_ID:
                    added.append(Record((stripped_start, stripped_end), "editorial", block, source_id=PUBLISHER_ID))
                else:
                    added.append(
                        Record(
                            (stripped_start, stripped_end),
                            "continuation",
                            block,
                            source_id=voice,
                            parent=opening.get(voice),
                            confidence=NARRATIVE_CONTINUATION_CONFIDENCE,
                        )
                    )
        self.records.extend(added)

    # --- 5. output -------------------------------------------------------------------------------------
    def build(self) -> tuple[list[Source], list[Attribution]]:
        order = sorted(self.records, key=lambda r: r.anchor)
        for number, record in enumerate(order, 1):
            record.id = f"a{number}"
        attributions = []
        for record in order:
            parent = record.parent.id if record.parent is not None and record.parent.id else None
            attributions.append(
                Attribution(
                    id=record.id,
                    source_id=record.source_id or PUBLISHER_ID,
                    kind=record.kind,
                    content=self.page.span(*record.content),
                    source=self.page.span(*record.source) if record.source else None,
                    cue=self.page.span(*record.cue) if record.cue else None,
                    parent=parent,
                    block_id=record.block.id,
                    confidence=round(record.confidence, 3),
                )
            )
        used = {a.source_id for a in attributions}
        writer_mentions = [self.page.span(*r.source) for r in order if r.writer and r.source]
        sources = [replace(self.publisher, mentions=writer_mentions) if writer_mentions else self.publisher]
        if UNIDENTIFIED.id in used:
            sources.append(replace(UNIDENTIFIED, mentions=[]))
        for entry in self.book.entries:
            if entry.id in used:
                sources.append(
                    Source(
                        entry.id,
                        entry.name,
                        entry.kind if entry.kind != "publisher" else "unknown",
                        entry.role,
                        entry.affiliation,
                        self.mentions.get(entry.id, []),
                        unresolved=entry.unresolved,
                    )
                )
        return sources, attributions

    def run(self) -> tuple[list[Source], list[Attribution]]:
        self.extract()
        self.resolve_sources()
        self.link_orphans()
        opening = self.assign_narratives()
        self._writer_in_accounts()
        self._drop_writer_wishes()
        self.nest(opening)
        self.publisher_asides()
        self.editorial(opening)
        return self.build()


def attribute_page(analysis: Analysis, parsed, lexicon: Lexicon, matcher_for, nlp=None) -> None:
    """Fill ``analysis.sources`` and ``analysis.attributions`` and set ``block.narrative`` on the page.
    ``nlp``: the pipeline that parsed ``parsed`` (re-reads headlines); default the project's."""
    attributor = PageAttributor(analysis.page, parsed, lexicon, matcher_for, nlp)
    analysis.sources, analysis.attributions = attributor.run()
    stage = "attribution"
    for block_id in attributor.open_quote_blocks:
        analysis.warn(
            "unbalanced_quotes",
            f"a quotation opened in block {block_id} is not closed there; it is "
            "read as running to the end of the paragraph (of its line, where each line is a paragraph)",
            stage,
        )
    if parsed and not any(a.kind not in ("editorial",) for a in analysis.attributions):
        analysis.warn(
            "no_sources",
            "no attributed statement was found: the whole article is read as the publisher's own voice",
            stage,
        )


def voice_pieces(analysis: Analysis) -> dict[str, list[tuple[int, str]]]:
    """The article's text by the account it speaks in: ``{narrative id: [(page offset, text), ...]}``.

    A block goes to its narrative, except the publisher's own sentences and asides inside it (the editorial
    attributions), which go to the publisher: "The battle ... nears its climax. According to Reuters, ..." puts
    the first sentence in the publisher's column and the rest in Reuters'."""
    publisher = analysis.publisher_id
    editorial = sorted(
        (a.content.start, a.content.end)
        for a in analysis.attributions
        if a.kind == "editorial" and a.source_id == publisher
    )
    pieces: dict[str, list[tuple[int, str]]] = {}
    text = analysis.page.text
    for block in analysis.page.article_blocks:
        narrative = block.narrative or publisher
        if narrative == publisher:
            pieces.setdefault(publisher, []).append((block.start, block.text))
            continue
        at = block.start
        for start, end in editorial:
            if end <= block.start or start >= block.end or start < at:
                continue
            if text[at:start].strip():
                pieces.setdefault(narrative, []).append((at, text[at:start]))
            pieces.setdefault(publisher, []).append((start, text[start:end]))
            at = end
        if text[at : block.end].strip():
            pieces.setdefault(narrative, []).append((at, text[at : block.end]))
    return pieces
