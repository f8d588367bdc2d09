"""The comment section (issue 6): threads, abuse and threats, sarcasm, corrections, stance toward actors.

The ``comments`` stage runs a small registry of steps over ``analysis.page.comments`` in the order of
``COMMENT_STEPS``; each step is a function ``step(context)`` that fills its part of every
:class:`~rashomon.model.Comment` (``scores``, ``flags``, ``evidence``, ``reply_to`` with its reason,
``corrects``, ``stance``). Evidence spans are page offsets: ``comment.start`` plus the offset in the comment.
``thread_tree`` and ``commenter_summary`` give the report its thread view and per-commenter table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import catalogue
import numpy as np

from .. import heads
from ..errors import ConfigError, RashomonError
from ..model import Analysis, Comment, CommentFlag, Evidence, Stance
from ..options import CommentOptions, Options
from ..pipeline import StageContext, register_stage
from . import (
    abuse,
    corrections,
    group_hate,
    language,
    lexicon,
    mention,
    sarcasm,
    spans,
    spelling,
    stance,
    targets,
    threads,
)
from .features import featurize_counts, gc_paused
from .threads import commenter_summary, thread_tree

# --- settings ------------------------------------------------------------------------------------------
#: Steps run by the stage, in order (each looked up in ``comment_steps``); a run may choose others with
#: ``Options(comments=CommentOptions(steps=...))``.
COMMENT_STEPS = CommentOptions().steps
#: Comments scored per call of a model (one sparse matrix product per batch; 1,024 measured ~8 % faster than 512
#: in bench/comments.py, larger gains nothing).
BATCH_SIZE = 1024
#: Comments longer than this are scored on their first characters and get a ``comment_truncated`` warning.
MAX_COMMENT_CHARS = abuse.MAX_SCAN_CHARS
#: Scoring modes (``[comments] mode``): ``fast``, the linear n-gram models (default: in 5-fold cross-validation
#: on OLID they are as right as the encoder heads and ~50x faster), or ``encoder``, heads on the shared encoder.
MODES = ("fast", "encoder")
#: Flags whose comments get the span head's phrases as evidence (both modes; the ``fast`` mode encodes only the
#: comments it flags).
SPAN_FLAGS = {"toxicity", "insult", "identity_attack", "severe_toxicity"}
#: Evidence labels that only explain the flags of ``SPAN_FLAGS`` (the span head's phrases, the fast model's
#: n-gram words): dropped with those flags. Lexicon words stay with the ``profanity`` flag they also support.
SPAN_EVIDENCE = {"toxic_span", "toxicity", "insult", "severe_toxicity"}
#: Precision first: where the span head runs (by default in both modes), a comment keeps these flags only if
#: something in it can be shown
#: (a phrase the span head scores ``spans.SUPPORT_THRESHOLD`` or more, a lexicon word, a threat); otherwise the
#: scores stay and the flags are withheld (issue 22: "sooo sick" said in praise, "the blood is on their hands"
#: said of leaders, were flagged with no abusive word to show). OLID 5-fold, encoder toxicity: precision 0.62 ->
#: 0.72, recall 0.65 -> 0.53, macro-F1 0.724 -> 0.727; fast toxicity: precision 0.686 -> 0.757, recall 0.600 ->
#: 0.524, macro-F1 0.739 -> 0.735 (a lexicon word alone as the evidence: precision 0.850, macro-F1 0.654).
FLAG_NEEDS_EVIDENCE = True
#: An ``insult`` flag is kept only when one of its evidence spans is aimed at a person or a group (issue 22:
#: "I think this list sucks", "Ridiculous." and praise slang were flagged insults; OLID's TIN is an insult with a
#: target). See :mod:`targets`; the comment keeps ``toxicity`` and its evidence.
INSULT_NEEDS_TARGET = True
#: A ``toxicity`` flag is kept only when its evidence is abuse by itself (a slur, a threat, a profane word of the
#: lexicon) or is aimed at a person or a group like an insult's (:mod:`targets`); otherwise the comment's abuse
#: flags are withheld (the scores stay). Issue 22: criticism of a thing or an idea with negative words ("this
#: timetable sucks", "what a stupid idea", a bare "ridiculous", "sick" said in praise) and a question whose "what"
#: the span head marked were flagged toxic on real pages. OLID 5-fold, fast mode: precision 0.789 -> 0.816, recall 0.477 -> 0.430 (see docs/measurements.md).
TOXICITY_NEEDS_TARGET = True
#: In the ``fast`` mode, a comment that names a group by faith, origin, sex, sexuality or disability
#: (:func:`mention.names_a_group`) is scored by the encoder heads, as in the ``encoder`` mode; the others by the
#: n-gram heads. Issue 22 (session 14): the n-gram heads read abuse of a group from its words ("I hate every single
#: one of them", "are never any use" score under 0.35), and the encoder heads, trained on the same data, read it
#: from the sentence; the functional suite's held-out half B 0.675 -> 0.747 (the ``encoder`` mode 0.756). Costs one
#: encoder pass over those comments (~7 % of OLID and Davidson), whose token vectors the span head then reuses.
GROUPS_BY_ENCODER = True
#: Hate toward a group read whole (session 38): a comment that names a group by faith, origin, sex, sexuality or
#: disability is read by the group-hate model (:mod:`group_hate`), which flags hate phrased in words no rule was
#: written for ("aren't ... the lowest kind?"); both modes, wherever an encoder may run. The held-out halves of the
#: functional suites C / D / E, ``fast``: 0.812 / 0.723 / 0.744 -> 0.884 / 0.746 / 0.802 (session 38, a head on the
#: frozen vector); session 51, the fine-tuned model in its place: 0.896 / 0.859 / 0.805 -> 0.924 / 0.910 / 0.860.
GROUP_HATE_BY_ENCODER = True
#: A flag whose only evidence is the span head's mark on a group's name ("[Muslims]") stands only if the group-hate
#: model reads the comment's passages at this probability or more (session 53): counter-speech ("reported the account
#: that keeps posting hate about ...", "the abuse ... get here is disgusting") names the group beside cold words, and
#: the span head marks the name as it does in abuse. Flagged comments with only such evidence, model read under
#: 0.01, hateful / not: suites' read halves 6 / 228, unread halves 1 / 30, written comments held out 0 / 5.
GROUP_NAME_MODEL_FLOOR = 0.01
#: The rule's stances checked by the target-aware head (session 41, :func:`stance.check_with_head`): a stance the
#: head contradicts is withheld. NewsMTSC test, a pro/anti answer right: rw 0.750 -> 0.800, mt 0.540 -> 0.633.
STANCE_BY_HEAD = True
#: Then by the fine-tuned stance model (session 42, :func:`stance.check_with_model`): a stance the model contradicts
#: is withheld, and the model's sure answers stand where the rule finds none.
STANCE_BY_MODEL = True
#: A span that only names a group, or only names people (session 40), is not shown beside other evidence of abuse
#: (:func:`_names_beside_abuse`; session 39). Toxic Spans test, character F1 of the evidence: 0.6531 -> 0.6534 (15
#: such spans, none marked there; the people's names: one more post, 0.6536).
NAMES_BESIDE_ABUSE_DROPPED = True
#: Evidence labels that show abuse (what a flag needs to be shown, :func:`_shown`).
SHOWN_ABUSE = SPAN_FLAGS | {"toxic_span", "threat", "profanity"}
#: The flags whose comments the group-hate head leaves alone: they have their evidence already.
GROUP_HATE_LEAVES = frozenset({"toxicity", "identity_attack", "threat"})
#: A profane word that intensifies praise or assent ("fuck yeah", "damn good reporting", "bloody brilliant": see
#: :func:`mention.intensifies_praise`) is no abuse by itself: the comment keeps ``profanity`` and keeps ``toxicity``
#: only where other evidence is aimed at someone (session 15; the functional suite's "profanity, not hateful").
PRAISE_PROFANITY_NEEDS_TARGET = True
#: Profanity said as an exclamation (:func:`mention.exclamation`: "holy shit, the ferry was on time") is relabelled the
#: same way only where the rest of the comment, its profane words left out, is no abuse to the n-gram heads:
#: toxicity under the flag threshold and insult under this (session 50: a blind review found "Shit, Councillor X is
#: a worthless liar" and "Oh crap, another article by this clueless hack" losing their toxicity flag; the insult
#: head scores the second 0.33 without the profanity, plain remarks about queues and prices under 0.26).
EXCLAMATION_REST_MAX_INSULT = 0.3
# ---------------------------------------------------------------------------------------------------------

STAGE = "comments"
comment_steps = catalogue.create("rashomon", "comment_steps")


@dataclass(slots=True)
class CommentContext:
    """What the steps share: the analysis, its comments, and the comments the English models may score."""

    analysis: Analysis
    comments: list[Comment]
    scorable: list[Comment] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    #: The shared encoder in the ``encoder`` mode, None in the ``fast`` mode.
    encoder: Any = None
    #: Encoder sentence vector per comment id: each comment is encoded once and its vector shared by all heads.
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    #: Token vectors (float16) and their offsets per comment id, from the same encoder pass, kept until the span
    #: head has read them (``pop_tokens``).
    tokens: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    #: Whether ``vectors_of`` keeps token vectors (only when the abuse step, which reads them, runs).
    keep_tokens: bool = True
    #: The encoder for the span head in the ``fast`` mode, loaded only when a comment is flagged (None: no spans).
    span_encoder: Callable[[], Any] | None = None
    #: Whether the fast model's n-gram words are evidence (``[comments] spans = false``).
    word_evidence: bool = False
    #: The fine-tuned stance model (:mod:`stance_encoder`), as a callable that loads it only when called (None: the
    #: rule and the head alone).
    stance_model: Callable[[], Any] | None = None
    #: The fine-tuned group-hate model (:mod:`group_hate_encoder`), as a callable that loads it only when called
    #: (None: hate toward a group is read by the lexicon and the abuse heads alone).
    group_hate_model: Callable[[], Any] | None = None
    #: Per comment id, the comment as the encoder reads it and the map of its characters back to the comment
    #: (:func:`spelling.reading`; None: the comment as written).
    readings: dict[str, tuple[str, list[int] | None]] = field(default_factory=dict)

    def encoder_loader(self) -> Callable[[], Any] | None:
        """The encoder wherever this run may use one, as a callable that loads it only when called: the ``encoder``
        mode's, else the ``fast`` mode's ``span_encoder``; None with ``spans = false`` in the ``fast`` mode."""
        if self.encoder is not None:
            encoder = self.encoder
            return lambda: encoder
        return self.span_encoder

    def read(self, comment: Comment) -> str:
        """The comment (its first ``MAX_COMMENT_CHARS``) as the encoder reads it: leet undone, spaced letters
        joined, a misspelled harsh word read as that word (:func:`spelling.reading`). The n-gram features undo
        leet and spacing themselves, and the lexicon reads its own words' spellings."""
        if comment.id not in self.readings:
            self.readings[comment.id] = spelling.reading(comment.text[:MAX_COMMENT_CHARS])
        return self.readings[comment.id][0]

    def unread(self, comment: Comment, start: int, end: int) -> tuple[int, int]:
        """A span of the comment as read (:meth:`read`) as offsets in the comment."""
        back = self.readings.get(comment.id, ("", None))[1]
        if back is None or end <= start:
            return start, end
        return back[start], back[end - 1] + 1

    def encode(self, comments: list[Comment], encoder, tokens: bool):
        """The encoder's pass over the readings of ``comments``, its token offsets moved back onto the comments."""
        encoded = encoder.encode([self.read(c) for c in comments], tokens=tokens)
        if encoded.offsets is not None:
            for k, comment in enumerate(comments):
                back = self.readings[comment.id][1]
                if back is not None and len(encoded.offsets[k]):
                    pairs = np.asarray(encoded.offsets[k]).reshape(-1, 2)
                    ends = np.maximum(pairs[:, 1] - 1, pairs[:, 0])
                    table = np.asarray(back)
                    moved = np.stack([table[pairs[:, 0]], table[ends] + 1], axis=1)
                    encoded.offsets[k] = moved.reshape(np.shape(encoded.offsets[k])).astype(pairs.dtype)
        return encoded

    def vectors_of(self, batch: list[Comment], load: Callable[[], Any] | None = None) -> np.ndarray:
        """The encoder vectors of ``batch`` (one row per comment), encoding the ones not seen yet in one call
        (with their token vectors, for the span head); ``load``: the encoder to use instead of ``encoder``, loaded
        only when a comment needs encoding (the ``fast`` mode's ``span_encoder``)."""
        new = [c for c in batch if c.id not in self.vectors]
        if new:
            encoder = self.encoder if load is None else load()
            encoded = self.encode(new, encoder, self.keep_tokens)
            self.vectors.update(zip((c.id for c in new), encoded.sentences))
            if encoded.tokens is not None and encoded.offsets is not None:
                for comment, tokens, offsets in zip(new, encoded.tokens, encoded.offsets, strict=True):
                    self.tokens[comment.id] = (tokens.astype(np.float16), offsets)
        return np.stack([self.vectors[c.id] for c in batch])

    def pop_tokens(self, batch: list[Comment]) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """The token vectors and offsets of each comment of ``batch`` kept by ``vectors_of`` (None where none
        were), forgotten once read."""
        return [self.tokens.pop(c.id, None) for c in batch]

    def evidence(self, comment: Comment, label: str, start: int, end: int, weight: float | None = None) -> Evidence:
        """An :class:`Evidence` at page offsets for a span given in the comment's own offsets."""
        page_start, page_end = comment.start + start, comment.start + end
        text = self.analysis.page.text[page_start:page_end]
        if text != comment.text[start:end]:  # the comment is not a verbatim slice of the page text
            text = comment.text[start:end]
        return Evidence(label, page_start, page_end, text, weight)


def step(name: str) -> Callable[[Callable[[CommentContext], None]], Callable[[CommentContext], None]]:
    def wrap(func):
        comment_steps.register(name, func=func)
        return func

    return wrap


def _add_flag(comment: Comment, flag: str) -> None:
    """Add ``flag`` (one of ``rashomon.model.COMMENT_FLAGS``; a test checks every flag the steps set) once."""
    if flag not in comment.flags:
        comment.flags.append(cast(CommentFlag, flag))


@step("language")
def language_step(ctx: CommentContext) -> None:
    """Mark empty, non-English and letterless comments; only the rest are scored by the English models."""
    for comment in ctx.comments:
        if not comment.text.strip():
            _add_flag(comment, "empty")
            continue
        comment.language = language.detect(comment.text, ctx.analysis.page.language)
        if comment.language != "en":
            _add_flag(comment, "language_unknown")
            continue
        ctx.scorable.append(comment)
        if len(comment.text) > MAX_COMMENT_CHARS:
            ctx.analysis.warn(
                "comment_truncated",
                f"comment {comment.id} is {len(comment.text):,} characters "
                f"long; only its first {MAX_COMMENT_CHARS:,} were scored",
                STAGE,
            )


@step("threads")
def threads_step(ctx: CommentContext) -> None:
    page = ctx.analysis.page
    nested = page.source_format == "html" and any(c.reply_to for c in ctx.comments)
    for comment, link in threads.link_replies(ctx.comments, nested_markup=nested):
        if link.end > link.start:
            comment.evidence.append(
                ctx.evidence(comment, f"reply:{link.reason}", link.start, link.end, link.confidence)
            )


def _batches(ctx: CommentContext):
    """Scorable comments in batches, each with its shared n-gram counts (computed once for all models; only
    in the ``fast`` mode, the encoder heads read the shared vectors instead)."""
    for offset in range(0, len(ctx.scorable), BATCH_SIZE):
        batch = ctx.scorable[offset : offset + BATCH_SIZE]
        if ctx.encoder is not None:
            yield batch, None
            continue
        key = tuple(c.id for c in batch)
        if key not in ctx.counts:
            ctx.counts[key] = featurize_counts([c.text[:MAX_COMMENT_CHARS] for c in batch])
        yield batch, ctx.counts[key]


def _head_scores(
    ctx: CommentContext, name: str, batch: list[Comment], load: Callable[[], Any] | None = None
) -> tuple[dict[str, np.ndarray], dict]:
    """Calibrated scores per label of the encoder head ``name`` for ``batch``, and its thresholds (``load``: see
    :meth:`CommentContext.vectors_of`)."""
    head = heads.load(name)
    table = head.scores(ctx.vectors_of(batch, load))
    return {label: table[:, k] for k, label in enumerate(head.labels)}, dict(head.thresholds)


def _abuse_scores(
    ctx: CommentContext, batch: list[Comment], counts
) -> tuple[dict[str, np.ndarray] | None, dict | None]:
    """The abuse heads' scores of ``batch`` and their thresholds (one per row where rows differ), or (None, None)
    for the n-gram heads alone at ``abuse.FLAG_THRESHOLDS`` (``[comments] spans = false``: no encoder).

    The base is the encoder heads (``encoder`` mode) or the n-gram heads (``fast`` mode). A comment that names a
    group reads the encoder heads (``GROUPS_BY_ENCODER``); the others' toxicity and insult read the blend of both
    models (``abuse.BLEND_HEAD``): every comment in the ``encoder`` mode, in the ``fast`` mode those whose n-gram
    toxicity reaches ``abuse.BLEND_FROM`` (the rest could not be flagged by the blend). The encoded comments keep
    their token vectors for the span head."""
    if ctx.encoder is None and ctx.span_encoder is None:
        return None, None
    texts = [c.text[:MAX_COMMENT_CHARS] for c in batch]
    linear = abuse.model().score(texts, counts)
    named = [k for k, text in enumerate(texts) if GROUPS_BY_ENCODER and mention.names_a_group(text)]
    named_set = set(named)
    if ctx.encoder is not None:
        by_encoder, thresholds = _head_scores(ctx, abuse.ENCODER_HEAD, batch)
        blended = [k for k in range(len(batch)) if k not in named_set]
        return abuse.combined_scores(linear, by_encoder, thresholds, named=named, blended=blended, encoder_base=True)
    blended = [k for k, score in enumerate(linear["toxicity"]) if score >= abuse.BLEND_FROM and k not in named_set]
    encoded = sorted(named_set.union(blended))
    if not encoded:
        return linear, None
    by_rows, thresholds = _head_scores(ctx, abuse.ENCODER_HEAD, [batch[k] for k in encoded], ctx.span_encoder)
    by_encoder = {h: np.zeros(len(batch)) for h in by_rows}
    for h, column in by_rows.items():
        by_encoder[h][encoded] = column
    return abuse.combined_scores(linear, by_encoder, thresholds, named=named, blended=blended)


@step("abuse")
def abuse_step(ctx: CommentContext) -> None:
    for batch, counts in _batches(ctx):
        scores, thresholds = _abuse_scores(ctx, batch, counts)
        # every comment is matched as the encoder reads it ("k i l l" as "kill", "extermnated" as "exterminated"),
        # also one the encoder did not read (most comments are read as written, at the cost of one set difference)
        texts = [ctx.read(c) for c in batch]
        results = abuse.score_texts(
            texts, counts, model_scores=scores, thresholds=thresholds, word_evidence=ctx.word_evidence
        )
        for comment, result in zip(batch, results):
            comment.scores.update(result.scores)
            for flag in result.flags:
                _add_flag(comment, flag)
            comment.evidence.extend(
                ctx.evidence(comment, h.label, *ctx.unread(comment, h.start, h.end), h.weight)
                for h in result.hits
                if h.label in result.flags or h.label == "threat"
            )
        if ctx.span_encoder is not None:
            _span_evidence(ctx, batch)
            _group_names_read(ctx, batch)
        _flags_aimed(batch)
        _names_beside_abuse(batch)
        _group_hate(ctx, batch)


def _names_beside_abuse(batch: list[Comment]) -> None:
    """Drop the span head's phrases that only name a group or people from the evidence of a comment that shows other
    abuse ("[Refugees] should be left to drown", "the [security guards] are [thugs]": the report labelled the name
    "abusive words" beside the abuse; :func:`abuse.names_beside_abuse`). The name is whom the abuse is aimed at; the
    rules before read it so (the target rule), so the flags stay as they are. Where the name is all the head found,
    it stays: a flag is not shown without evidence."""
    if not NAMES_BESIDE_ABUSE_DROPPED:
        return
    for comment in batch:
        shown = [k for k, e in enumerate(comment.evidence) if e.label in SHOWN_ABUSE]
        if len(shown) < 2:
            continue
        hidden = abuse.names_beside_abuse(
            [comment.evidence[k].text for k in shown], [comment.evidence[k].label == "toxic_span" for k in shown]
        )
        gone = {k for k, drop in zip(shown, hidden, strict=True) if drop}
        if gone:
            comment.evidence[:] = [e for k, e in enumerate(comment.evidence) if k not in gone]


def _group_hate(ctx: CommentContext, batch: list[Comment]) -> None:
    """``identity_attack`` and ``toxicity`` for the comments of ``batch`` that name a group and that the group-hate
    model reads as hate toward it (``GROUP_HATE_BY_ENCODER``; :func:`group_hate.judge`, which says what it does not
    read), with each flagged passage as ``group_hate`` evidence and the best passage's confidence (how often the
    model's flags were right at its probability) as both flags' score at least.

    The model reads only what the other parts left unflagged: a comment flagged ``toxicity``, ``identity_attack`` or
    ``threat`` has its evidence (on Davidson's tweets the reading would add ``identity_attack`` to 50 offensive ones,
    mostly slang about women that the data set calls offensive, not hate). Where no encoder may run
    (``spans = false`` in the ``fast`` mode) nothing is read."""
    if not GROUP_HATE_BY_ENCODER or ctx.encoder_loader() is None or ctx.group_hate_model is None:
        return
    candidates = [c for c in batch if not GROUP_HATE_LEAVES & set(c.flags)]  # judge reads those that name a group
    if not candidates:
        return
    found = group_hate.judge([ctx.read(c) for c in candidates], ctx.group_hate_model())
    for comment, passages in zip(candidates, found, strict=True):
        if not passages:
            continue
        for flag in ("toxicity", "identity_attack"):  # the model's confidence is the flag's score
            _add_flag(comment, flag)
            comment.scores[flag] = max(comment.scores.get(flag, 0.0), round(passages[0].confidence, 4))
        comment.evidence.extend(
            ctx.evidence(comment, "group_hate", *ctx.unread(comment, p.start, p.end), round(p.confidence, 3))
            for p in passages
        )


def _group_names_read(ctx: CommentContext, batch: list[Comment]) -> None:
    """Withhold the flags of ``SPAN_FLAGS`` (and their span evidence) from the comments whose only abuse evidence is
    the span head's mark on a group's name and that the group-hate model reads as no hate
    (:func:`no_hate_toward_the_group_named`). Unread where no encoder may run or the model is missing."""
    if not GROUP_HATE_BY_ENCODER or ctx.encoder_loader() is None or ctx.group_hate_model is None:
        return
    flagged = [c for c in batch if set(c.flags) & SPAN_FLAGS]
    if not flagged:
        return
    shown = [[(e.text, e.label) for e in c.evidence] for c in flagged]
    dropped = no_hate_toward_the_group_named([ctx.read(c) for c in flagged], shown, ctx.group_hate_model)
    for comment, drop in zip(flagged, dropped, strict=True):
        if drop:
            comment.flags[:] = [flag for flag in comment.flags if flag not in SPAN_FLAGS]
            comment.evidence[:] = [e for e in comment.evidence if e.label not in SPAN_EVIDENCE]


def no_hate_toward_the_group_named(
    texts: Sequence[str], evidence: Sequence[Sequence[tuple[str, str]]], model: Callable[[], Any]
) -> list[bool]:
    """For each flagged text (a comment as the stage reads it) with its ``evidence`` as (text, label) pairs: whether
    its abuse evidence is only the span head's marks on a group's name ("[Muslims]") and the group-hate model
    (``model()``, loaded only when needed) reads its passages under ``GROUP_NAME_MODEL_FLOOR``: the name is the group
    the comment speaks of, and the model, which read the whole passage, says it speaks of it without hate."""
    named = [
        k
        for k, row in enumerate(evidence)
        if (shown := [(text, label) for text, label in row if label in SHOWN_ABUSE])
        and all(label == "toxic_span" and mention.names_a_group_only(lexicon.fold(text)) for text, label in shown)
    ]
    result = [False] * len(texts)
    if not named or (loaded := model()) is None:
        return result
    for k, passages in zip(named, group_hate.read([texts[k] for k in named], loaded), strict=True):
        result[k] = bool(passages) and max(p.score for p in passages) < GROUP_NAME_MODEL_FLOOR
    return result


def _flags_aimed(batch: list[Comment]) -> None:
    """Withhold ``insult`` where no evidence span is aimed at a person or a group (a slur, ``identity_attack``,
    always is), and ``toxicity`` with the abuse flags that go with it where its evidence is neither abuse by
    itself nor aimed at anyone (:func:`targets.flags_aimed`; ``INSULT_NEEDS_TARGET``, ``TOXICITY_NEEDS_TARGET``).
    A comment left with no abuse flag loses the span head's phrases too: they explained a flag it no longer has."""
    ask_toxicity = [TOXICITY_NEEDS_TARGET and "toxicity" in c.flags for c in batch]
    ask_insult = [INSULT_NEEDS_TARGET and "insult" in c.flags and "identity_attack" not in c.flags for c in batch]
    judged = [k for k, (a, b) in enumerate(zip(ask_toxicity, ask_insult)) if a or b]
    if not judged:
        return
    evidence = [
        judged_evidence(c.text, [(e.start - c.start, e.end - c.start, e.label) for e in c.evidence])
        for c in (batch[k] for k in judged)
    ]
    kept = targets.flags_aimed(
        [batch[k].text[:MAX_COMMENT_CHARS] for k in judged],
        evidence,
        [ask_toxicity[k] for k in judged],
        [ask_insult[k] for k in judged],
    )
    for k, (keep_toxicity, keep_insult) in zip(judged, kept, strict=True):
        comment = batch[k]
        if not keep_toxicity:
            comment.flags[:] = [flag for flag in comment.flags if flag not in SPAN_FLAGS]
            comment.evidence[:] = [e for e in comment.evidence if e.label not in SPAN_EVIDENCE]
        elif not keep_insult:
            comment.flags.remove("insult")


def judged_evidence(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A comment's evidence ``(start, end, label)`` (its own offsets) as :func:`targets.flags_aimed` judges it: with
    ``PRAISE_PROFANITY_NEEDS_TARGET``, a profane word that intensifies praise ("fuck yeah", "damn good") or a slur
    the writer applies to themself or names as a word ("I'm a proud ...", "the word ...":
    :func:`abuse.reclaimed_slur`), and a span over such a word with nothing abusive besides, are labelled
    ``profanity_harmless``: no abuse by itself, no insult."""
    if not PRAISE_PROFANITY_NEEDS_TARGET or not any(label == "profanity" for *_, label in found):
        return found
    folded = lexicon.fold(text[:MAX_COMMENT_CHARS])
    profane = [(a, b) for a, b, label in found if label == "profanity"]
    # an exclamation beside a group's name or its place of worship may be what the comment says of the group ("what
    # the fuck, a ... headteacher?", "fucking hell, another mosque"): only where none is named
    named = mention.names_a_group(folded) or _WORSHIP_RE.search(folded) is not None
    said = {(a, b): None if named else mention.exclamation(folded, a, b) for a, b in profane}
    exclaiming = [span for span, where in said.items() if where is not None]
    if exclaiming and _abusive_without(folded, profane + [where for where in said.values() if where is not None]):
        exclaiming = []
    praising = [
        (a, b)
        for a, b in profane
        if (a, b) in exclaiming or mention.intensifies_praise(folded, a, b) or abuse.reclaimed_slur(folded, a, b)
    ]
    if not praising:
        return found

    def praise_only(a: int, b: int) -> bool:  # a span over such a word and nothing abusive besides
        inside = [(c, d) for c, d in praising if a <= c and d <= b]
        if not inside:
            return False
        rest = "".join(" " if any(c <= k < d for c, d in inside) else ch for k, ch in enumerate(folded[a:b], a))
        return not abuse.abusive_on_its_own(rest, abuse.DENIED_WORD_WEIGHT)

    return [
        (a, b, "profanity_harmless")
        if (label == "profanity" and (a, b) in praising) or (label == "toxic_span" and praise_only(a, b))
        else (a, b, label)
        for a, b, label in found
    ]


_WORSHIP_RE = re.compile(r"\b(?:mosques?|synagogues?|temples?|gurdwaras?|churche?s?|chapels?|mandirs?)\b")


def _abusive_without(folded: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the folded comment, the ``spans`` blanked out (its profane words and its exclamations: "bloody hell,"
    whole), is abuse to the n-gram heads and the lexicon: a toxicity flag, or insult at
    ``EXCLAMATION_REST_MAX_INSULT`` or more."""
    rest = "".join(" " if any(a <= k < b for a, b in spans) else ch for k, ch in enumerate(folded))
    result = abuse.score_texts([rest], word_evidence=False)[0]
    return "toxicity" in result.flags or result.scores["insult"] >= EXCLAMATION_REST_MAX_INSULT


def _span_evidence(ctx: CommentContext, batch: list[Comment]) -> None:
    """The toxic-span head's phrases as evidence of the flagged comments of ``batch`` (``toxic_span``), beside
    the lexicon's and the threat patterns' (a span already covered by one of those is not repeated). In the
    ``encoder`` mode the token vectors come from the pass that scored the batch; in the ``fast`` mode (or when
    that pass kept none) only the flagged comments are encoded."""
    kept = ctx.pop_tokens(batch)
    flagged = [k for k, c in enumerate(batch) if set(c.flags) & SPAN_FLAGS]
    if not flagged or ctx.span_encoder is None:
        return
    texts = [batch[k].text[:MAX_COMMENT_CHARS] for k in flagged]
    missing = [j for j, k in enumerate(flagged) if kept[k] is None]
    if missing:  # encode only the comments no earlier pass kept token vectors for
        encoded = ctx.encode([batch[flagged[j]] for j in missing], ctx.span_encoder(), tokens=True)
        assert encoded.tokens is not None and encoded.offsets is not None
        for j, tokens_, offsets_, sentence in zip(
            missing, encoded.tokens, encoded.offsets, encoded.sentences, strict=True
        ):
            kept[flagged[j]] = (tokens_, offsets_)
            ctx.vectors[batch[flagged[j]].id] = sentence
    pairs = [kept[k] for k in flagged]
    tokens = [pair[0] for pair in pairs if pair is not None]
    offsets = [pair[1] for pair in pairs if pair is not None]
    sentences = np.stack([ctx.vectors[batch[k].id] for k in flagged])
    found = spans.find_spans(texts, tokens, offsets, sentences, support=spans.SUPPORT_THRESHOLD)
    for k, text, comment_spans in zip(flagged, texts, found, strict=True):
        comment = batch[k]
        base = comment.start
        for span in abuse.used_spans(text, comment_spans):
            if any(e.start <= base + span.start and base + span.end <= e.end for e in comment.evidence):
                continue
            comment.evidence.append(ctx.evidence(comment, "toxic_span", span.start, span.end, round(span.score, 3)))
        if FLAG_NEEDS_EVIDENCE and not _shown(comment):
            comment.flags[:] = [flag for flag in comment.flags if flag not in SPAN_FLAGS]


def _shown(comment: Comment) -> bool:
    """Whether a flagged comment has abuse evidence to show (a span, a lexicon word, a threat)."""
    return any(e.label in SHOWN_ABUSE for e in comment.evidence)


@step("sarcasm")
def sarcasm_step(ctx: CommentContext) -> None:
    """Markers first (the writer's word, in any language), then the English model's calibrated score."""
    written = [c for c in ctx.comments if c.text.strip()]
    for comment, marker in zip(written, sarcasm.find_markers([c.text[:MAX_COMMENT_CHARS] for c in written])):
        if marker:
            _add_flag(comment, "sarcasm_marker")
            _add_flag(comment, "sarcasm")
            comment.evidence.append(ctx.evidence(comment, "sarcasm_marker", *marker, 1.0))
    for batch, counts in _batches(ctx):
        texts = [c.text[:MAX_COMMENT_CHARS] for c in batch]
        if ctx.encoder is not None:
            scores, limit = sarcasm.head_scores(ctx.vectors_of(batch), texts)
            results = sarcasm.score_texts(texts, model_scores=scores)
        else:
            results, limit = sarcasm.score_texts(texts, counts), sarcasm.model_threshold()
        flagged = sarcasm.flag_sarcasm(texts, np.array([r.score for r in results]), limit)
        for comment, result, flag in zip(batch, results, flagged, strict=True):
            comment.scores["sarcasm"] = result.score
            if flag:
                _add_flag(comment, "sarcasm")


@step("corrections")
def corrections_step(ctx: CommentContext) -> None:
    blocks = ctx.analysis.page.article_blocks
    known = {c.id for c in ctx.comments} | {b.id for b in blocks} | {corrections.ARTICLE}
    earlier = threads.QuoteIndex()
    for comment in ctx.comments:
        found = corrections.find_correction(comment, earlier, blocks) if comment.text.strip() else None
        earlier.add(comment)
        if found is None:
            continue
        _add_flag(comment, "correction")
        comment.corrects = found.target if found.target in known else None
        comment.evidence.append(ctx.evidence(comment, "correction", *found.cue))
        if found.quote:
            comment.evidence.append(ctx.evidence(comment, "corrects_quote", *found.quote))


def _loaded_once(load: Callable[[], Any], analysis: Analysis, what: str) -> Callable[[], Any]:
    """``load`` called at most once: what it gives, or None (with a ``comment_model_missing`` warning) when its file
    is missing or cannot be read."""
    loaded: list[Any] = []

    def once() -> Any:
        if not loaded:
            try:
                loaded.append(load())
            except (FileNotFoundError, RashomonError) as err:
                analysis.warn("comment_model_missing", f"{what} was not used: {err}", STAGE)
                loaded.append(None)
        return loaded[0]

    return once


@step("stance")
def stance_step(ctx: CommentContext) -> None:
    """The rule's stance toward each actor a comment names, checked wherever an encoder may run
    (:meth:`CommentContext.encoder_loader`: not with ``spans = false`` in the ``fast`` mode) by the target-aware head
    and by the stance model, which also answers where the rule finds no stance (:func:`stance.find_stances`).
    The model is loaded at the first comment that names an actor; without the head's or the model's file the other
    parts stand, with a warning."""
    patterns = stance.actor_patterns(ctx.analysis.actors)
    encoder_may_run = ctx.encoder_loader()
    load_encoder = encoder_may_run if STANCE_BY_HEAD else None
    load_model = ctx.stance_model if STANCE_BY_MODEL and encoder_may_run is not None else None
    if load_encoder is not None and patterns:
        try:
            stance.head()
        except (FileNotFoundError, heads.HeadError) as err:
            ctx.analysis.warn("comment_model_missing", f"the stance head was not used: {err}", STAGE)
            load_encoder = None
    if load_model is not None:
        load_model = _loaded_once(load_model, ctx.analysis, "the stance model")
    for comment in ctx.scorable:
        hits = stance.find_stances(
            comment.text[:MAX_COMMENT_CHARS],
            patterns,
            sarcastic="sarcasm_marker" in comment.flags,
            load_encoder=load_encoder,
            load_model=load_model,
        )
        for hit in hits:
            span = ctx.evidence(comment, "stance", hit.start, hit.end)
            basis = "model" if hit.by_model else "phrase" if hit.by_idiom else "cues"
            comment.stance.append(Stance(hit.actor, hit.stance, span.start, span.end, span.text, hit.score, basis))


# The stage reads any page language: the language step tells each comment's own, and only English ones are
# scored. The encoder is not declared as a resource: the default ``fast`` mode needs it only for the comments it
# flags (the span head's evidence), so a page without flags never loads it; both modes ask for it with
# ``ctx.resource("encoder")`` (loaded once per process).
@register_stage(STAGE, requires=("actors",), assigns=("page.comments",))
def comments_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Fill every comment's scores, flags, evidence, inferred replies, corrections and stances (stance toward the
    actors the ``actors`` stage found, hence its prerequisite)."""
    comments = analysis.page.comments
    if not comments:
        return
    mode = ctx.options.comments.mode
    if mode not in MODES:
        raise ConfigError(f"[comments] mode must be one of {', '.join(MODES)}, not {mode!r}")
    _check_offsets(analysis)
    encoder = ctx.resource("encoder") if mode == "encoder" else None
    use_spans = ctx.options.comments.spans is not False
    steps_ctx = CommentContext(
        analysis,
        comments,
        encoder=encoder,
        keep_tokens=use_spans and "abuse" in ctx.options.comments.steps,
        span_encoder=(lambda: ctx.resource("encoder")) if use_spans else None,
        stance_model=lambda: ctx.resource("stance-encoder"),
        group_hate_model=lambda: ctx.resource("group-hate-encoder"),
        word_evidence=ctx.options.comments.spans is False,
    )
    with gc_paused():  # see features.gc_paused: the steps allocate many short-lived objects, no cycles
        for name in ctx.options.comments.steps:
            try:
                comment_steps.get(name)(steps_ctx)
            except (FileNotFoundError, heads.HeadError) as err:  # a model file not built: the other steps run
                analysis.warn("comment_model_missing", f"the {name} step was skipped: {err}", STAGE)


def analyze_comments(analysis: Analysis, options: Options | None = None) -> Analysis:
    """Run the comment stage alone (the article is not parsed; only the stance rule parses the few sentences that
    name an actor and carry a sentiment cue), with the run's ``options`` if given."""
    from ..read import SURROGATES_MENDED, mend_surrogates

    if mend_surrogates(analysis.page):
        analysis.warn("invalid_utf8", SURROGATES_MENDED, STAGE)
    comments_stage(analysis, StageContext(options=options or Options()))
    return analysis


def _check_offsets(analysis: Analysis) -> None:
    text = analysis.page.text
    bad = [c.id for c in analysis.page.comments if text[c.start : c.end] != c.text]
    if bad:
        analysis.warn(
            "comment_offsets",
            f"{len(bad)} comment(s) are not verbatim slices of the page text "
            f"({', '.join(bad[:5])}); their evidence offsets may be approximate",
            STAGE,
        )


__all__ = [
    "COMMENT_STEPS",
    "CommentContext",
    "analyze_comments",
    "comment_steps",
    "commenter_summary",
    "comments_stage",
    "step",
    "thread_tree",
]
