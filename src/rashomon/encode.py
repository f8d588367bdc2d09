"""The "encode" stage: one pass of the shared text encoder over the page's claims, for every stage after it.

The encoder is the costliest step after the spaCy parse (all-MiniLM-L6-v2 on ~60 sentences costs about what
parsing them does). Several stages read its output: the alignment reads the claims' sentence vectors, the
framing head reads their token vectors (and encodes only the text the claims leave out, where a word may be
flagged). This stage encodes the claims once and leaves the result in ``ctx.provided[CLAIM_ENCODING]``; a
stage that needs it lists ``"encode"`` in its ``requires``, so no sentence of the article is encoded twice and
``bench/compare.py`` can time the encoder apart from what the claims and compare stages add.

Each claim is read as :func:`rashomon.meaning.normalized_text` gives it (one line, straight quotes), in the
order of ``analysis.claims``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .meaning import normalized_text
from .model import Analysis, Claim
from .pipeline import StageContext, register_stage

__all__ = ["CLAIM_ENCODING", "ClaimEncoding", "claim_encoding", "encode_claims", "encode_stage"]

#: The name the stage's result goes by in ``StageContext.provided``.
CLAIM_ENCODING = "claim_encoding"


@dataclass(frozen=True, slots=True)
class ClaimEncoding:
    """The claims' ids, the texts the encoder read (one per claim, in order) and its
    :class:`rashomon.encoder.Encoding` of them with token vectors (None when there is no claim)."""

    claim_ids: tuple[str, ...]
    read: list[str]
    encoding: Any

    def matches(self, claims: list[Claim]) -> bool:
        """Whether this encoding is of exactly these claims (a stage may have changed the list since)."""
        return self.claim_ids == tuple(c.id for c in claims)


def encode_claims(claims: list[Claim], encoder) -> ClaimEncoding:
    """One encoder call over ``claims`` with token vectors."""
    read = [normalized_text(c.text) for c in claims]
    encoding = encoder.encode(read, tokens=True) if read else None
    return ClaimEncoding(tuple(c.id for c in claims), read, encoding)


@register_stage(
    "encode",
    requires=("claims",),
    resources=("encoder",),
    languages=("en",),
    provides=(CLAIM_ENCODING,),
)
def encode_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Encode ``analysis.claims`` once; the result is ``ctx.provided[CLAIM_ENCODING]``."""
    ctx.provided[CLAIM_ENCODING] = encode_claims(analysis.claims, ctx.resource("encoder"))


def claim_encoding(analysis: Analysis, ctx: StageContext) -> ClaimEncoding:
    """The encode stage's result for ``analysis.claims``; encoded here when it is missing or of other claims
    (a caller that ran the compare stage by itself, as a test or a benchmark may)."""
    found = ctx.provided.get(CLAIM_ENCODING)
    if isinstance(found, ClaimEncoding) and found.matches(analysis.claims):
        return found
    found = encode_claims(analysis.claims, ctx.resource("encoder"))
    ctx.provided[CLAIM_ENCODING] = found
    return found
