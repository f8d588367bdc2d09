"""The comment section (issue 6): threads, abuse and threats, sarcasm, corrections, stance toward actors.

The ``comments`` stage runs a small registry of steps over ``analysis.page.comments`` in the order of
``COMMENT_STEPS``; each step is a function ``step(context)`` that fills its part of every
:class:`~rashomon.model.Comment` (``scores``, ``flags``, ``evidence``, ``reply_to`` with its reason,
``corrects``, ``stance``). Evidence spans are page offsets: ``comment.start`` plus the offset in the comment.
``thread_tree`` and ``commenter_summary`` give the report its thread view and per-commenter table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import catalogue

from ..model import Analysis, Comment, CommentFlag, Evidence, Stance
from ..options import CommentOptions
from ..pipeline import StageContext, register_stage
from . import abuse, corrections, language, sarcasm, stance, threads
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
        comment.language = language.detect(comment.text)
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
    for comment, link in threads.link_replies(ctx.comments):
        if link.end > link.start:
            comment.evidence.append(
                ctx.evidence(comment, f"reply:{link.reason}", link.start, link.end, link.confidence)
            )


def _batches(ctx: CommentContext):
    """Scorable comments in batches, each with its shared n-gram counts (computed once for all models)."""
    for offset in range(0, len(ctx.scorable), BATCH_SIZE):
        batch = ctx.scorable[offset : offset + BATCH_SIZE]
        key = tuple(c.id for c in batch)
        if key not in ctx.counts:
            ctx.counts[key] = featurize_counts([c.text[:MAX_COMMENT_CHARS] for c in batch])
        yield batch, ctx.counts[key]


@step("abuse")
def abuse_step(ctx: CommentContext) -> None:
    for batch, counts in _batches(ctx):
        for comment, result in zip(batch, abuse.score_texts([c.text for c in batch], counts)):
            comment.scores.update(result.scores)
            for flag in result.flags:
                _add_flag(comment, flag)
            comment.evidence.extend(
                ctx.evidence(comment, h.label, h.start, h.end, h.weight)
                for h in result.hits
                if h.label in result.flags or h.label == "threat"
            )


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
        for comment, result in zip(batch, sarcasm.score_texts([c.text[:MAX_COMMENT_CHARS] for c in batch], counts)):
            comment.scores["sarcasm"] = result.score
            if result.score >= sarcasm.SARCASM_FLAG:
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


@step("stance")
def stance_step(ctx: CommentContext) -> None:
    patterns = stance.actor_patterns(ctx.analysis.actors)
    for comment in ctx.scorable:
        hits = stance.find_stances(
            comment.text[:MAX_COMMENT_CHARS], patterns, sarcastic="sarcasm_marker" in comment.flags
        )
        for hit in hits:
            span = ctx.evidence(comment, "stance", hit.start, hit.end)
            comment.stance.append(Stance(hit.actor, hit.stance, span.start, span.end, span.text, hit.score))


@register_stage(STAGE, requires=("actors",), assigns=("page.comments",))
def comments_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Fill every comment's scores, flags, evidence, inferred replies, corrections and stances (stance toward the
    actors the ``actors`` stage found, hence its prerequisite)."""
    comments = analysis.page.comments
    if not comments:
        return
    _check_offsets(analysis)
    steps_ctx = CommentContext(analysis, comments)
    with gc_paused():  # see features.gc_paused: the steps allocate many short-lived objects, no cycles
        for name in ctx.options.comments.steps:
            try:
                comment_steps.get(name)(steps_ctx)
            except FileNotFoundError as err:  # a model file not built: the other steps still run
                analysis.warn("comment_model_missing", f"the {name} step was skipped: {err}", STAGE)


def analyze_comments(analysis: Analysis) -> Analysis:
    """Run the comment stage alone (no spaCy parse needed)."""
    comments_stage(analysis, StageContext())
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
