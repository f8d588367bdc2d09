"""Boundary rules: where an indirect content ends, once a content rule has found it.

A content rule takes a parse subtree; the subtree may carry a stretch the reported words do not hold. Each rule
here is one such stretch, tried in :data:`BOUNDARY_RULES` order on every indirect content (a direct quotation is
the speaker's words, mark to mark, and is left alone):

* a **trailing non-restrictive relative clause** (", who was his chief of staff", ", which he called a
  disaster") is the publisher's aside about a noun of the content, not what the source said (PolNeAR ends the
  content before it; the issue's narrative-scope rule keeps such insertions the publisher's).

A rule takes the doc, the content's first and last token and answers the new last token (or ``last``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .settings import NON_RESTRICTIVE_PRONOUNS

#: Quotation marks: a cut must not leave one of them on the far side (it would split a quotation).
_MARKS = frozenset('"“”‘’«»')


def trailing_relative(doc: Doc, first: int, last: int) -> int:
    """ "the emails were exchanges with Eric Fanning, who was his chief of staff": cut before the comma."""
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    for token in doc[first : end + 1]:
        if token.dep_ != "relcl" or token.right_edge.i != end or token.head.i < first:
            continue
        opener = token.left_edge
        if opener.lower_ not in NON_RESTRICTIVE_PRONOUNS or opener.i - 1 <= first or doc[opener.i - 1].text != ",":
            continue
        if any(t.text in _MARKS for t in doc[opener.i : last + 1]):
            return last  # the clause is (partly) quoted: the source's words, keep them
        return opener.i - 2
    return last


#: The boundary rules, in the order they are tried.
BOUNDARY_RULES: tuple[Callable[[Doc, int, int], int], ...] = (trailing_relative,)


def bounded(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """``content`` (doc character offsets) with every boundary rule applied to its end."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or len(span) < 2:
        return content
    first, last = span.start, span.end - 1
    for rule in BOUNDARY_RULES:
        last = rule(doc, first, last)
    if last == span.end - 1:
        return content
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return content[0], doc[last].idx + len(doc[last])
