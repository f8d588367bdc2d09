"""Phrase rules: "according to X", "in X's findings", relay adverbs ("reportedly")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import ExtractorBase, Found
from .confidence import rated
from .settings import GLOSS_MARKS, RECIPIENT_VERBS, VIEWPOINT_ENTITIES, VIEWPOINT_PRONOUNS, WRITER_CLAUSE_OPENERS


class PhraseRules(ExtractorBase):
    """Cue phrases and adverbs that relay a clause: "according to X", "in X's findings", "reportedly"."""

    def split_at(self, tokens: Span, source: Token, comma: int, sentence_end: int) -> None:
        """An "according to" phrase whose source the comma at token ``comma`` ends: the source before it, the
        content after it to ``sentence_end``."""
        content, kind = self.with_quotes(self.chars(comma + 1, sentence_end))
        self.claimed_tokens.update(t.i for t in tokens)
        self.add(
            Found(
                content,
                kind,
                (tokens[0].idx, tokens[-1].idx + len(tokens[-1])),
                self.chars(source.left_edge.i, comma - 1),
                source.i,
                **rated("phrase.split_source"),
            )
        )

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
            # "according to show insiders": the parser read the source's first noun as a verb ("show"), so the
            # source is that verb's phrase, headed by its object
            verb = next((c for c in last.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            noun = next((c for c in verb.rights if c.dep_ == "dobj"), None) if verb is not None else None
            if noun is None or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
                return
            source = noun

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
            self.split_at(tokens, source, split.left_edge.i - 1, sent.end - 1)
            return
        cut_first = min(top.left_edge.i, tokens[0].i)
        gloss = self.gloss_in_source(source)
        cut_last = gloss - 1 if gloss is not None else max(top.right_edge.i, source.right_edge.i)
        before = (sent.start, cut_first - 1) if cut_first > sent.start and words(sent.start, cut_first - 1) else None
        after = (cut_last + 1, sent.end - 1) if cut_last < sent.end - 1 and words(cut_last + 1, sent.end - 1) else None
        if before and after and before[0] <= sent.root.i <= before[1] and self.writer_after(before[0], cut_last + 1):
            after = None  # the clause the phrase follows is whole before it
        if before and after and self.opens_complement(cut_first):
            before = None  # "The agency reported that, according to an audit, 85 meetings were ...": the phrase
            # opens the reported clause, whose words after it are what the audit says
        if before and after:
            content = self.chars(sent.start, sent.end - 1)
        elif before or after:
            content = self.chars(*(before or after))
        elif opening and (comma := self.comma_in_source(source)) is not None:
            # "According to X, the move reeks of fear" with the clause parsed into X's phrase (an apposition):
            # the first comma after X's head ends the phrase
            self.split_at(tokens, source, comma, sent.end - 1)
            return
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
                self.source_chars(source) if gloss is None else self.chars(source.left_edge.i, gloss - 1),
                source.i if gloss is None or source.i < gloss else gloss - 1,
                **rated("phrase.according_to"),
                phrase=True,
            )
        )

    def opens_complement(self, first: int) -> bool:
        """Whether the phrase starting at token ``first`` comes right after the "that" of a cue's complement clause
        ("reported that, according to X, ...", "said that according to X ...")."""
        previous = first - 1
        if previous >= 0 and self.doc[previous].text == ",":
            previous -= 1
        if previous < 0:
            return False
        that = self.doc[previous]
        clause = that.head
        return (
            that.lower_ == "that"
            and that.dep_ == "mark"
            and clause.dep_ == "ccomp"
            and clause.head.lemma_.lower() in self.lexicon.all_cue_lemmas
        )  # not "so expensive that, according to analysts, few will use it": a result, the whole sentence theirs

    def gloss_in_source(self, source: Token) -> int | None:
        """ "according to the Budget Office - a small sum beside its debts": a dash the parser left inside the
        source's phrase (it may even make the gloss's noun the head), with no dash closing it, opens the writer's
        gloss; its token index, or None."""
        marks = [
            t.i for t in self.doc[source.left_edge.i + 1 : source.right_edge.i + 1] if t.text in GLOSS_MARKS - {"("}
        ]
        if len(marks) == 1 and self.doc[marks[0] - 1].whitespace_:
            return marks[0]
        return None

    def writer_after(self, start: int, first: int) -> bool:
        """Whether the words from token ``first`` on, after an "according to" phrase that follows its clause (from
        token ``start``), are the writer's: a gloss opened by a dash or a bracket (not the dash closing an aside
        the phrase sits in: "X blamed Y while - according to Z - she ..."), or ", even as ...", ", while ..."."""
        token = self.doc[first]
        if token.text in GLOSS_MARKS:
            return not any(t.text in GLOSS_MARKS for t in self.doc[start:first])
        return token.text == "," and first + 1 < len(self.doc) and self.doc[first + 1].lower_ in WRITER_CLAUSE_OPENERS

    def comma_in_source(self, source: Token) -> int | None:
        """The first comma after ``source`` inside its phrase with a clause's words after it, or None."""
        for token in self.doc[source.i + 1 : source.right_edge.i]:
            if token.text == ",":
                rest = [t for t in self.doc[token.i + 1 : source.right_edge.i + 1] if not t.is_punct]
                return token.i if len(rest) >= 3 else None
        return None

    def from_finding(self, preposition: Token) -> None:
        """ "In a Harbour Gazette poll released Monday, 60 percent backed the toll", "the mayor led in the latest
        survey": a finding read in a named poll. Cue "in", source the poll, content the clause around it. Only a
        specific poll (a determiner, singular) on the clause's verb: "ahead in the polls", "voters in a poll
        said ..." are not; nor a poll in a relative clause ("Vell, who came second in a city poll, said ..."): it
        describes the person, and the clause is no finding stated."""
        verb = preposition.head
        poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if (
            poll is None
            or poll.lemma_.lower() not in self.lexicon.finding_nouns
            or poll.tag_ not in ("NN", "NNP")
            or verb.pos_ not in ("VERB", "AUX")
            or verb.dep_ == "relcl"
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
                **rated("phrase.finding"),
            )
        )

    def viewpoint_holder(self, preposition: Token) -> Token | None:
        """The holder of a sentence-opening "To X," ("To Ms. Roe, the pier is a landmark", "To them, ..."): a
        name of a person, organisation or group, or a personal pronoun, set off by a comma before the clause it
        hangs on. Not "To date", "To that, she added", "To the extent that", "To a lot of readers" (no one
        named), nor a recipient fronted before a verb of giving, sending or telling (:data:`RECIPIENT_VERBS`)."""
        holder = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        after = preposition.right_edge.i + 1
        if (
            holder is None
            or preposition.i != preposition.sent.start
            or after >= len(self.doc)
            or self.doc[after].text != ","
            or preposition.head.dep_ != "ROOT"
            or preposition.head.lemma_.lower() in RECIPIENT_VERBS
        ):
            return None  # "To Ms. Roe, the council sent a letter": whom, not whose view
        named = holder.ent_type_ in VIEWPOINT_ENTITIES and holder.pos_ == "PROPN"
        return holder if named or holder.lower_ in VIEWPOINT_PRONOUNS else None

    def from_viewpoint_to(self, preposition: Token) -> None:
        """ "To Ms. Roe, the pier is a landmark": the clause is how the named holder sees it, as "in Ms. Roe's
        view" says (cue "To", source the holder, content the clause)."""
        holder = self.viewpoint_holder(preposition)
        if holder is None or preposition.i in self.claimed_tokens or self.inside_quote(preposition.idx):
            return
        self.relay_host_clause(preposition, preposition.head, rated("phrase.viewpoint_to"), holder)

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
        self.relay_host_clause(adverb, verb, rated("phrase.relay_adverb"))

    def relay_host_clause(self, cue: Token, host: Token, rating: dict, holder: Token | None = None) -> None:
        """Add the attribution of a one-word cue set in a clause ("To Ms. Roe, ...", "reportedly"): its content is
        the clause of ``host`` without the cue, its source ``holder`` (None: someone unnamed); ``rating`` is the rule's
        :func:`~.confidence.rated`."""
        content = self.clause_without(host, cue)
        if content is None:
            return
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(cue.i)
        source = self.chars(holder.left_edge.i, holder.right_edge.i) if holder is not None else None
        root = holder.i if holder is not None else None
        self.add(Found(content, kind, (cue.idx, cue.idx + len(cue)), source, root, **rating))

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
