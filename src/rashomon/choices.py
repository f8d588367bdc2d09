"""Paired word choices: for each thing several accounts speak of, the words each account chose for it.

A *referent* is something the accounts share: an actor (from the actors stage: "Syrian rebels", mentioned as
"rebels", "insurgents", "militants") or a kind of event (``data/framing/events.yaml``: ground changing hands,
named "captured", "withdrawn", "liberated", "cleared"). Each referent carries its mentions as spans of the
page text with a key that groups a word's inflections ("rebel" / "rebels"). :func:`word_choices` assigns every
mention to the account whose text holds it and lists, per account, the words as the account wrote them, each
with its evidence spans and counts. Nothing is ever substituted: the conflict-framing lexicon
(``data/framing/conflict_terms.yaml``) only tags a written word with its family and the side that tends to use
it.

Event frames (the claims stage's, when they exist) plug in as more :class:`Referent` values: a frame id, its
label and the spans of its trigger words; nothing else here changes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .framing import conflict_lexicon
from .model import AccountWords, Actor, Analysis, Attribution, Block, ChosenWord, ReferentKind, Span, WordChoice
from .pipeline import StageContext, register_stage
from .resources import load_yaml

# --- settings ------------------------------------------------------------------------------------------
#: A referent is shown when at least this many accounts speak of it (one account has nothing to pair with).
MIN_ACCOUNTS = 2
#: Evidence spans kept per word (the count still counts them all).
MAX_EVIDENCE = 8
#: Characters that open or close a quotation, for scare quotes around a one- or two-word use.
QUOTE_CHARS = frozenset("\"“”‘’'«»")
#: Actors of these types are outlets: they are the accounts, not what the accounts name.
SKIPPED_ACTOR_TYPES = frozenset({"media"})


@dataclass(slots=True)
class Referent:
    """Something accounts speak of: ``mentions`` are ``(start, end, key)`` in page text; ``key`` groups forms."""

    kind: ReferentKind
    id: str
    label: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def fold(form: str) -> str:
    """The key that groups one word's written variants: lower case, curly quotes straightened, a plural -s off."""
    text = form.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if re.search(r"[a-z]{3}[^s]s$", text):
        text = text[:-1]
    return text


def actor_referents(actors: Iterable[Actor]) -> list[Referent]:
    """One referent per actor, its mentions keyed by their folded text."""
    referents = []
    for actor in actors:
        if actor.type in SKIPPED_ACTOR_TYPES:
            continue
        mentions = [(m.start, m.end, fold(m.text)) for m in actor.mentions]
        if mentions:
            referents.append(Referent("actor", actor.id, actor.name, mentions))
    return referents


@lru_cache(maxsize=1)
def event_kinds() -> list[tuple[str, str, list[tuple[str, re.Pattern]]]]:
    """``(kind id, label, [(word key, pattern)])`` from ``data/framing/events.yaml``."""
    kinds = []
    for kind, spec in load_yaml("framing/events.yaml")["kinds"].items():
        words = []
        for key, forms in spec["words"].items():
            alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
            words.append((key, re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.I)))
        kinds.append((kind, str(spec["label"]), words))
    return kinds


def event_referents(blocks: Iterable[Block]) -> list[Referent]:
    """One referent per event kind of ``events.yaml`` found in the blocks, its mentions keyed by the word."""
    blocks = list(blocks)
    referents = []
    for kind, label, words in event_kinds():
        mentions = [
            (block.start + m.start(), block.start + m.end(), key)
            for block in blocks
            for key, pattern in words
            for m in pattern.finditer(block.text)
        ]
        if mentions:
            referents.append(Referent("event", kind, label, sorted(mentions)))
    return referents


def _tag(form: str) -> tuple[str | None, str | None]:
    lower = form.lower()
    for family, _term, side, pattern in conflict_lexicon():
        if pattern.search(lower):
            return family, side
    return None, None


def _scare_quoted(text: str, start: int, end: int) -> bool:
    if start == 0 or end >= len(text) or text[start - 1] not in QUOTE_CHARS or text[end] not in QUOTE_CHARS:
        return False
    return len(text[start:end].split()) <= 2 and not text[start - 2 : start - 1].isalnum()


def word_choices(
    text: str,
    referents: Sequence[Referent],
    accounts: Mapping[str, Sequence[tuple[int, int]]],
    labels: Mapping[str, str] | None = None,
    voice_at: Callable[[str, int, int], str | None] | None = None,
) -> list[WordChoice]:
    """The words each account wrote for each referent that at least ``MIN_ACCOUNTS`` accounts speak of.

    ``text`` is the page text the spans point into; ``accounts`` maps an account id to the ``(start, end)``
    ranges of its text; ``voice_at(account, start, end)`` names the source the account relays there (None: its
    own voice). Referents whose accounts all chose the same words come after those whose words differ.
    """
    labels = labels or {}
    ranges = sorted((start, end, account) for account, spans in accounts.items() for start, end in spans)

    def account_of(start: int, end: int) -> str | None:
        return next((account for a, b, account in ranges if a <= start and end <= b), None)

    choices = []
    for referent in referents:
        by_account: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for start, end, key in referent.mentions:
            account = account_of(start, end)
            if account is not None:
                by_account[account][key].append((start, end))
        if len(by_account) < MIN_ACCOUNTS:
            continue
        keys_of = {account: set(keys) for account, keys in by_account.items()}
        rows = []
        for account in accounts:
            if account not in by_account:
                continue
            words = []
            for key, spans in by_account[account].items():
                forms = Counter(text[a:b] for a, b in spans)
                term = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                family, lean = _tag(term)
                voices = sorted({v for a, b in spans if (v := voice_at(account, a, b))}) if voice_at else []
                words.append(
                    ChosenWord(
                        term=term,
                        count=len(spans),
                        forms=sorted(forms, key=lambda f: -forms[f]),
                        evidence=[Span(a, b, text[a:b]) for a, b in spans[:MAX_EVIDENCE]],
                        family=family,
                        lean=lean,
                        voices=voices,
                        scare_quoted=sum(_scare_quoted(text, a, b) for a, b in spans),
                        shared=any(key in keys for other, keys in keys_of.items() if other != account),
                    )
                )
            words.sort(key=lambda w: (-w.count, w.term))
            rows.append(AccountWords(account, labels.get(account, account), words))
        differs = any(not w.shared for row in rows for w in row.words)
        choices.append(WordChoice("", referent.kind, referent.id, referent.label, rows, differs))
    choices.sort(key=lambda c: (not c.differs, -sum(w.count for r in c.accounts for w in r.words)))
    for index, choice in enumerate(choices, 1):
        choice.id = f"w{index}"
    return choices


def voices(analysis: Analysis) -> Callable[[str, int, int], str | None]:
    """``voice_at(account, start, end)``: the innermost attributed source there, unless it is the account itself."""
    names = {s.id: s.name for s in analysis.sources}
    own = {s.id for s in analysis.sources if s.is_publisher}
    attributions: list[Attribution] = sorted(analysis.attributions, key=lambda a: a.content.end - a.content.start)

    def voice_at(account: str, start: int, end: int) -> str | None:
        for attribution in attributions:
            if attribution.content.start <= start and end <= attribution.content.end:
                if attribution.source_id == account or attribution.source_id in own:
                    return None
                return names.get(attribution.source_id, attribution.source_id)
        return None

    return voice_at


def account_ranges(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """Each narrative's article text as page ranges (the publisher's own voice is the account ``publisher``)."""
    ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for block in analysis.page.article_blocks:
        if block.kind != "separator":
            ranges[block.narrative or "publisher"].append((block.start, block.end))
    return dict(ranges)


@register_stage("choices", requires=("attribution", "actors"), assigns=("word_choices",), languages=("en",))
def choices_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Fill ``analysis.word_choices``: per shared actor and event kind, the words each account wrote."""
    accounts = account_ranges(analysis)
    names = {s.id: s.name for s in analysis.sources}
    referents = actor_referents(analysis.actors) + event_referents(analysis.page.article_blocks)
    analysis.word_choices = word_choices(
        analysis.page.text, referents, accounts, {a: names.get(a, a) for a in accounts}, voices(analysis)
    )
