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

Across pages (:func:`across_pages`, for ``compare_pages``) each outlet is one account and the pages' texts are
read as one. Being surer there that two outlets' words are for one thing, it pairs an actor's words, the event
words and verbs of one fact the comparison aligned (:class:`Fact`) and the reporting verbs of one statement two
outlets relay, and shows a referent only when the outlets' words differ (a fact's verbs and a statement's only
when the difference carries something: :func:`marked_difference`, :func:`weighs`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .actors.across import same_actors_across_pages
from .framing import Regions, conflict_lexicon, loaded_lexicon, verb_forms
from .model import AccountWords, Actor, Analysis, Attribution, Block, ChosenWord, ReferentKind, Span, WordChoice
from .pipeline import StageContext, register_stage
from .resources import load_yaml, name_titles

# --- settings ------------------------------------------------------------------------------------------
#: A referent is shown when at least this many accounts speak of it (one account has nothing to pair with).
MIN_ACCOUNTS = 2
#: Evidence spans kept per word (the count still counts them all).
MAX_EVIDENCE = 8
#: Characters that open or close a quotation, for scare quotes around a one- or two-word use.
QUOTE_CHARS = frozenset("\"“”‘’'«»")
#: Actors of these types are outlets: they are the accounts, not what the accounts name.
SKIPPED_ACTOR_TYPES = frozenset({"media"})
#: A statement two pages relay shares this many runs of ``STATEMENT_GRAM`` words (a quotation, a paraphrase).
STATEMENT_GRAM = 5
#: ... and at least this share of the shorter one's runs.
STATEMENT_MIN_SHARE = 0.5
#: Titles dropped when two pages' names of a speaker are matched.
SPEAKER_TITLES = name_titles("speaker") | {"the"}
#: Words of a statement quoted in its row's label.
STATEMENT_LABEL_WORDS = 8
#: The key every proper-name mention of an actor folds to: "Mr. Christie", "Chris Christie", "Gov. Christie",
#: "U.S." and "United States" are one outlet's house style, not a choice of words about the actor.
NAME_KEY = "(name)"


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
    text = re.sub(r"\b([a-z])\.", r"\1", text)  # "u.s." / "us", "g.o.p." / "gop": house style
    if re.search(r"[a-z]{3}[^s]s$", text):
        text = text[:-1]
    return text


def is_name(form: str) -> bool:
    """Whether a mention is written as a proper name (every word capitalised: "Chris Christie", "U.S.", "Gov.
    Christie", "FBI"), not as a common noun an outlet chose ("rebels", "the regime", "Tea Party extremists")."""
    words = re.findall(r"[^\W\d_]+", form)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in NAME_JOINERS)


#: Small words a name may hold in lower case ("Department of Justice", "Organization for ...").
NAME_JOINERS = frozenset({"of", "for", "the", "and", "de", "al", "on", "in", "s"})


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n:"


def actor_referents(actors: Iterable[Actor], text: str | None = None) -> list[Referent]:
    """One referent per actor, its mentions keyed by their folded text; a mention written as a proper name
    (:func:`is_name`) keys as :data:`NAME_KEY`, since which form of a name an outlet prints is house style.

    ``text``: the page text the mentions point into, so that a common noun capitalised only because it opens a
    sentence ("Rebels said ...") is not taken for a name; without it every capitalised mention is a name."""
    referents = []
    lower_words = frozenset(re.findall(r"[\w-]+", text)) if text is not None else None
    for actor in actors:
        if actor.type in SKIPPED_ACTOR_TYPES:
            continue
        keys = [_actor_key(m.text, m.start, text, lower_words) for m in actor.mentions]
        names = {fold(m.text) for m, key in zip(actor.mentions, keys, strict=True) if key == NAME_KEY}
        # a name in lower case ("Republican party", "secretary of state") is the same name in another house
        # style, or the parser's misreading of a common word ("turkey" for Turkey): not a choice either way
        mentions = [
            (m.start, m.end, NAME_KEY if key in names else key)
            for m, key in zip(actor.mentions, keys, strict=True)
            if key == NAME_KEY or key in names or not _extends_name(key, names)
        ]
        if mentions:
            referents.append(Referent("actor", actor.id, actor.name, mentions))
    return referents


def _extends_name(key: str, names: set[str]) -> bool:
    """Whether a common-noun mention is one of the actor's names with more words ("Ferguson police" of the
    actor Ferguson): it names something of the actor's (its police, its campaign), not the actor."""
    return any(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", key) for name in names if name != key)


def _actor_key(form: str, start: int, text: str | None, words: frozenset[str] | None) -> str:
    """``words``: the words of ``text`` as written (a capitalised mention is a common noun when it opens a
    sentence and ``text`` also writes it in lower case: "Protesters ..." and "protesters")."""
    if not is_name(form):
        return fold(form)
    if text is not None and words is not None and len(form.split()) == 1 and _sentence_start(text, start):
        if form.lower() in words:
            return fold(form)
    return NAME_KEY


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
    referents = actor_referents(analysis.actors, analysis.page.text) + event_referents(analysis.page.article_blocks)
    analysis.word_choices = word_choices(
        analysis.page.text, referents, accounts, {a: names.get(a, a) for a in accounts}, voices(analysis)
    )


@dataclass(slots=True)
class Fact:
    """Claims of several pages found to tell one fact (a cross-page alignment): ``(page id, start, end)``."""

    id: str
    topic: str
    claims: list[tuple[str, int, int]]
    #: The verb each claim tells the fact with, as written, ``(page id, start, end, lemma)``: given when the
    #: claims' verbs are of one kind of event (``claims/topics.yaml`` event types: "killed" / "murdered",
    #: "rose" / "soared"), so that each outlet's verb is its word for that one event.
    verbs: list[tuple[str, int, int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def reporting_verbs() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(a written form of a reporting verb -> the verb, the verbs that weigh what they report, the words before
    a cue's verb that are not it): the attribution cues' verbs and ``framing/reporting_verbs.yaml``'s, with
    ``loaded_language.yaml``'s side-taking verbs counted as weighing."""
    from .attribution.lexicon import load as cue_lexicon

    data = load_yaml("framing/reporting_verbs.yaml")
    weighing = set(data["weighing"]) | set(load_yaml("framing/loaded_language.yaml").get("side_taking_verbs") or [])
    base_of = {form: verb for verb in cue_lexicon().all_cue_lemmas | weighing for form in verb_forms(verb)}
    base_of.update(data.get("irregular") or {})
    return base_of, frozenset(weighing), frozenset(data.get("skip") or [])


def cue_key(cue: str) -> str | None:
    """The reporting verb of an attribution cue as its base form: "said in a written statement" -> say, "then
    tells" -> tell, "claiming" -> claim; None when the cue has no word (a colon)."""
    base_of, _, skip = reporting_verbs()
    words = [w for w in re.findall(r"[a-z]+", cue.lower().replace("’", "'")) if w not in skip and not w.endswith("ly")]
    return (base_of.get(words[0]) or words[0]) if words else None


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    if len(words) < STATEMENT_GRAM:
        return {tuple(words)} if len(words) >= 3 else set()
    return {tuple(words[n : n + STATEMENT_GRAM]) for n in range(len(words) - STATEMENT_GRAM + 1)}


def statement_referents(pages: Sequence[PageAccount], bases: Mapping[str, int]) -> list[Referent]:
    """One referent per statement two or more pages relay (their attributions' contents share at least
    :data:`STATEMENT_MIN_SHARE` of the shorter one's runs of :data:`STATEMENT_GRAM` words, and their
    speakers have one name: :func:`same_speaker`), its mentions the cue each page reports it with, keyed by
    its verb (:func:`cue_key`)."""
    items = []
    for page in pages:
        names = {s.id: s.name for s in page.analysis.sources}
        for attribution in page.analysis.attributions:
            cue = attribution.cue
            key = cue_key(cue.text) if cue is not None else None
            grams = _grams(attribution.content.text)
            if cue is not None and key and grams:
                speaker = names.get(attribution.source_id, attribution.source_id)
                items.append((page.id, cue, key, grams, speaker, attribution.content.text))
    # pairs of pages' attributions that relay one statement: mostly the same words, by one speaker; each
    # attribution in one statement at most, the best match first (no chains: A~B and B~C is not A~C)
    pairs = []
    for i, (page_i, _, _, grams_i, speaker_i, _) in enumerate(items):
        for j in range(i + 1, len(items)):
            page_j, _, _, grams_j, speaker_j, _ = items[j]
            if page_i == page_j:
                continue
            share = len(grams_i & grams_j) / min(len(grams_i), len(grams_j))
            if share >= STATEMENT_MIN_SHARE and same_speaker(speaker_i, speaker_j):
                pairs.append((share, i, j))
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for _, i, j in sorted(pairs, reverse=True):
        if i in group_of and j in group_of:
            continue
        if i in group_of or j in group_of:
            known, new = (i, j) if i in group_of else (j, i)
            members = groups[group_of[known]]
            if any(items[n][0] == items[new][0] for n in members):
                continue  # that page has its attribution in this statement already
            members.append(new)
            group_of[new] = group_of[known]
        else:
            group_of[i] = group_of[j] = len(groups)
            groups.append([i, j])
    referents: list[Referent] = []
    for members in groups:
        first = items[members[0]]
        quoted = " ".join(first[5].split()[:STATEMENT_LABEL_WORDS]).strip("“”\"' ")
        mentions = sorted(
            (bases[items[n][0]] + items[n][1].start, bases[items[n][0]] + items[n][1].end, items[n][2]) for n in members
        )
        label = f"how {first[4]} is reported: “{quoted} …”"
        referents.append(Referent("event", f"statement@{len(referents) + 1}", label, mentions))
    return referents


@lru_cache(maxsize=4096)
def same_speaker(one: str, other: str) -> bool:
    """Whether two pages' names of a speaker can be one: the same words, or the same last name ("Mitt Romney"
    / "Romney", "Mr. Romney"), or two descriptions of one role with their qualifier ("the IRS official" / "the
    Internal Revenue Service official"); a pronoun or a bare description ("he", "the official") matches
    nothing."""
    a = [w for w in re.findall(r"[^\W\d_]+", one.lower()) if w not in SPEAKER_TITLES]
    b = [w for w in re.findall(r"[^\W\d_]+", other.lower()) if w not in SPEAKER_TITLES]
    if not a or not b:
        return False
    if a == b:
        return True
    if is_name(one) and is_name(other):
        return a[-1] == b[-1]
    # two descriptions of one role ("the IRS official" / "the Internal Revenue Service official")
    return not is_name(one) and not is_name(other) and len(a) > 1 and len(b) > 1 and a[-1] == b[-1]


def weighs(choice: WordChoice) -> bool:
    """Whether one outlet reported a statement with a verb that weighs it ("claimed", "admitted", "slammed")
    where another used another verb: "said" / "told" is no choice."""
    _, weighing, _ = reporting_verbs()
    return any(
        not w.shared and any(cue_key(f) in weighing for f in w.forms) for row in choice.accounts for w in row.words
    )


def marked_difference(choice: WordChoice) -> bool:
    """Whether the words of a choice differ in what they carry, not only in form: a word one outlet alone wrote
    is loaded language (``framing/loaded_language.yaml``, VADER's strong words) or leans to a side in the
    conflict lexicon, or the outlets' words lean to different sides. "defeated" / "beaten" are two forms of
    one neutral report; "crushed" / "defeated", "liberated" / "captured" are choices."""
    loaded, names, _ = loaded_lexicon()
    words = [w for row in choice.accounts for w in row.words]
    leans = {w.lean for w in words if w.lean}
    if len(leans) > 1:
        return True
    return any(
        not w.shared
        and ((w.lean or "neutral") != "neutral" or any(p.search(f.lower()) for p in (loaded, names) for f in w.forms))
        for w in words
    )


def _noted(choice: WordChoice) -> bool:
    """Whether a cross-page choice whose words differ is one a reader should see: an actor's words and the
    event words of ``events.yaml`` are curated choices; a fact's verbs must differ in what they carry
    (:func:`marked_difference`) and a statement's reporting verbs must weigh it (:func:`weighs`)."""
    if choice.referent.startswith("verb@"):
        return marked_difference(choice)
    if choice.referent.startswith("statement@"):
        return weighs(choice)
    return True


# --- common-noun referents across pages ------------------------------------------------------------------
#: A word and the next, both lower case and separated by spaces only: a modifier and the noun it may modify.
_PAIR_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
#: Head nouns no referent is read from (too vague to be one thing in two outlets).
VAGUE_HEADS = frozenset({"thing", "way", "time", "year", "day", "people", "part", "lot", "kind", "sort", "number"})
#: Dependencies that make the first word of a pair the second's modifier in the parse.
MODIFIER_DEPS = frozenset({"amod", "compound"})


@lru_cache(maxsize=1)
def modifier_groups() -> dict[str, int]:
    """Modifier -> the index of its group in ``framing/modifier_pairs.yaml`` (alternatives for one slot)."""
    return {w: n for n, group in enumerate(load_yaml("framing/modifier_pairs.yaml")["groups"]) for w in group}


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _modifier_pairs(text: str, start: int, end: int) -> Iterable[tuple[int, int, int, int]]:
    """``(modifier start, modifier end, head start, head end)`` of each two lower-case words in ``text[start:end]``
    with only spaces between them and no quotation open before them in the stretch (words in quotation marks are
    a source's, not the outlet's)."""
    words = list(_PAIR_WORD.finditer(text, start, end))
    for first, second in zip(words, words[1:]):
        gap = text[first.end() : second.start()]
        if gap.strip(" ") or not gap:
            continue
        if first.start() > 0 and (text[first.start() - 1].isalnum() or text[first.start() - 1] in "-'’"):
            continue  # the end of a capitalised word ("Illegal" read as "llegal") or of a longer compound
        if second.end() < len(text) and (text[second.end()].isalnum() or text[second.end()] == "-"):
            continue
        before = text[start : first.start()]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue
        yield first.start(), first.end(), second.start(), second.end()


def noun_referents(
    pages: Sequence[PageAccount],
    bases: Mapping[str, int],
    text: str,
    outlet_wrote: Callable[[int, int], bool],
    parse: Callable[[list[str]], list[Any]] | None = None,
) -> list[Referent]:
    """One referent per common noun two pages write with different modifiers, where the difference carries
    framing: "illegal immigrants" / "undocumented immigrants" (the same head noun, modifiers of one curated group
    of ``framing/modifier_pairs.yaml``); an outlet that writes the noun with two such modifiers names two things,
    and the noun is left out (:func:`_paired`). Precision first: lower-case words only (never a name or a number),
    the outlets' own words (not in a quotation), and each pair confirmed by the parse (the modifier an ``amod``
    of the noun, or a ``compound`` of a curated group: "death tax") before it is shown. ``text`` holds the
    pages' texts joined at ``bases``; ``parse`` parses sentences (default: the shared English pipeline)."""
    stop = _stop_words()
    groups = modifier_groups()
    found: dict[str, dict[str, dict[str, list[tuple[int, int, int]]]]] = defaultdict(lambda: defaultdict(dict))
    for page in pages:
        if (page.analysis.page.language or "en") != "en":
            continue
        base = bases[page.id]
        for block in page.analysis.page.article_blocks:
            for m_start, m_end, h_start, h_end in _modifier_pairs(text, base + block.start, base + block.end):
                modifier, head = text[m_start:m_end], fold(text[h_start:h_end])
                if modifier not in groups or modifier in stop or head in stop or len(head) < 3:
                    continue  # only a curated modifier can make a choice (see _paired)
                if head in VAGUE_HEADS or not outlet_wrote(m_start, h_end):
                    continue
                found[head][page.id].setdefault(modifier, []).append((m_start, h_start, h_end))
    candidates = [
        (head, page_id, modifier, span)
        for head, by_page in found.items()
        for page_id, modifier in _paired(by_page)
        for span in by_page[page_id][modifier]
    ]
    if not candidates:
        return []
    # the parse: the modifier hangs on the noun, as an adjective or a compound ("death tax")
    adjectives: dict[str, dict[str, dict[str, list[tuple[int, int, int]]]]] = defaultdict(lambda: defaultdict(dict))
    for (head, page_id, modifier, span), dep in zip(candidates, _parsed_deps(text, candidates, parse), strict=True):
        if dep:
            adjectives[head][page_id].setdefault(modifier, []).append(span)
    referents = []
    for head in sorted(adjectives):
        by_page = adjectives[head]
        kept = _paired(by_page)
        mentions = sorted(
            (m_start, h_end, fold(text[m_start:h_end]))
            for page_id, modifier in kept
            for m_start, _, h_end in by_page[page_id][modifier]
        )
        if len({page_id for page_id, _ in kept}) < 2:
            continue
        forms = Counter(
            text[h_start:h_end] for page_id, modifier in kept for _, h_start, h_end in by_page[page_id][modifier]
        )
        label = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        referents.append(Referent("thing", f"thing@{head}", label, mentions))
    return referents


def _paired(by_page: Mapping[str, Mapping[str, Any]]) -> set[tuple[str, str]]:
    """``(page, modifier)`` of the modifiers one noun gets on different pages that make a choice: two alternatives
    of one curated group; none when a page has two such modifiers (its noun names two things) or a page writes
    both words of a pair (no choice between them). ``by_page``: page -> modifier -> spans. A loaded adjective
    against a plain one ("brutal" / "swift crackdown") is no sure choice: on BASIL triplets such pairs were right
    1 time of 8 ("extremist threats" / "significant threat" are two threats), so they are not shown."""
    groups = modifier_groups()
    keep: set[tuple[str, str]] = set()
    pages = sorted(by_page)
    for n, page_a in enumerate(pages):
        for page_b in pages[n + 1 :]:
            mods_a, mods_b = by_page[page_a], by_page[page_b]
            for a in mods_a:
                for b in mods_b:
                    if a == b or a in mods_b or b in mods_a:
                        continue
                    if a in groups and groups[a] == groups.get(b):
                        keep |= {(page_a, a), (page_b, b)}
    if any(n > 1 for n in Counter(page for page, _ in keep).values()):
        return set()
    return keep


def _parsed_deps(
    text: str,
    candidates: list[tuple[str, str, str, tuple[int, int, int]]],
    parse: Callable[[list[str]], list[Any]] | None,
) -> list[str | None]:
    """For each candidate, how the parse of its sentence hangs the modifier on the noun (``amod``, ``compound``),
    or None when it does not or the noun is no common noun ("attacked protesters": a verb and its object)."""
    if parse is None:
        from .nlp import load

        nlp = load()

        def parse(texts: list[str]) -> list[Any]:
            return list(nlp.pipe(texts))

    windows = []
    for _, _, _, (m_start, _, h_end) in candidates:
        left = max(text.rfind(".", 0, m_start), text.rfind("\n", 0, m_start)) + 1
        right_stop = [i for i in (text.find(".", h_end), text.find("\n", h_end)) if i >= 0]
        right = min(right_stop) + 1 if right_stop else len(text)
        windows.append((left, right))
    docs = parse([text[a:b] for a, b in windows])
    out: list[str | None] = []
    for candidate, (left, _), doc in zip(candidates, windows, docs, strict=True):
        m_start, h_start, _ = candidate[3]
        by_char = {tok.idx + left: tok for tok in doc}
        modifier, head = by_char.get(m_start), by_char.get(h_start)
        ok = modifier is not None and head is not None and modifier.head.i == head.i and head.pos_ == "NOUN"
        out.append(modifier.dep_ if ok and modifier is not None and modifier.dep_ in MODIFIER_DEPS else None)
    return out


def verb_span(text: str, start: int, end: int, lemma: str) -> tuple[int, int] | None:
    """Where the claim ``text[start:end]`` writes its predicate ``lemma`` ("defeat": "defeated", "seize":
    "seized"); None when no word of the claim starts with the lemma's stem (an irregular form: "took", "rose"),
    so the verb is left out rather than guessed."""
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma
    found = re.search(r"(?<![\w-])" + re.escape(stem) + r"[a-z]{0,4}(?![\w-])", text[start:end], re.I)
    if found is None or not found.group().lower().startswith(stem.lower()):
        return None
    return start + found.start(), start + found.end()


def _direct_quotes(analysis: Analysis, shift: int = 0) -> list[tuple[int, int]]:
    return [(a.content.start + shift, a.content.end + shift) for a in analysis.attributions if a.kind == "direct"]


@dataclass(slots=True)
class PageAccount:
    """One page as one account of a comparison across pages (an outlet): what :func:`across_pages` reads."""

    id: str
    label: str
    analysis: Analysis


def across_pages(
    pages: Sequence[PageAccount],
    facts: Sequence[Fact] = (),
) -> list[WordChoice]:
    """The paired word choices across pages: for each actor two or more outlets name and each event kind two
    or more tell, the words each outlet (a page) wrote, when they differ between outlets (else nothing).

    The pages' texts are read as one (each page's offsets moved past the previous pages'), so
    :func:`word_choices` pairs them as it pairs one page's narratives; every evidence span is returned in its
    own page's offsets (the page is the row's ``account``). The rows that name one thing on different pages
    are one actor, joined as the report's actor table joins them
    (:func:`rashomon.actors.across.same_actors_across_pages`). Mentions of an outlet's own name are never a
    choice, nor words inside a direct quotation (the speaker's words, not the outlet's).

    Event kinds are paired only inside ``facts``: claims of different pages the comparison found to tell one
    fact, since two pages' "killed" may be two deaths; each fact is its own referent."""
    bases, base, parts = {}, 0, []
    for page in pages:
        bases[page.id] = base
        parts.append(page.analysis.page.text)
        base += len(page.analysis.page.text) + 1
    text = "\n".join(parts)
    outlets = {fold(page.label) for page in pages} | {fold(p.analysis.page.publisher or "") for p in pages}
    rows: dict[str, dict[str, Any]] = {}
    for page in pages:
        shift = bases[page.id]
        for actor in page.analysis.actors:
            if actor.type in SKIPPED_ACTOR_TYPES:
                continue
            row = rows.setdefault(actor.id, {"id": actor.id, "name": actor.name, "type": actor.type, "mentions": []})
            row.setdefault("pages", set()).add(page.id)
            row["mentions"] += [
                {"start": m.start + shift, "end": m.end + shift, "text": m.text}
                for m in actor.mentions
                if fold(m.text) not in outlets
            ]
    quoted = Regions(span for page in pages for span in _direct_quotes(page.analysis, bases[page.id]))

    def outlet_wrote(start: int, end: int) -> bool:
        return not (quoted.holds(start) and quoted.holds(end - 1))

    for row in rows.values():
        row["mentions"] = [m for m in row["mentions"] if outlet_wrote(m["start"], m["end"])]
    joined, _ = same_actors_across_pages(list(rows.values()))
    actors = [
        Actor(
            a["id"],
            str(a["name"]),
            a.get("type") or "unknown",
            mentions=[Span(m["start"], m["end"], m["text"]) for m in a["mentions"]],
        )
        for a in joined
    ]
    accounts = {
        page.id: [(b.start + bases[page.id], b.end + bases[page.id]) for b in page.analysis.page.article_blocks]
        for page in pages
    }
    own_voice = {page.id: (voices(page.analysis), page.analysis.publisher_id) for page in pages}

    def voice_at(account: str, start: int, end: int) -> str | None:
        at, publisher = own_voice[account]
        return at(publisher, start - bases[account], end - bases[account])

    # event words count only inside the facts' claims, so only the claims are read for them
    claimed = sorted({(bases[pid] + a, bases[pid] + b) for fact in facts for pid, a, b in fact.claims})
    kinds = event_referents(Block(f"c{n}", "paragraph", a, b, text[a:b]) for n, (a, b) in enumerate(claimed))
    events = []
    for fact in facts:
        spans = [(bases[pid] + a, bases[pid] + b) for pid, a, b in fact.claims]
        taken: set[tuple[int, int]] = set()
        for kind in kinds:
            inside = [
                (a, b, key)
                for a, b, key in kind.mentions
                if any(x <= a and b <= y for x, y in spans) and outlet_wrote(a, b)
            ]
            if inside:
                taken.update((a, b) for a, b, _ in inside)
                events.append(
                    Referent(
                        "event",
                        f"{kind.id}@{fact.id}",
                        f"{kind.label} ({fact.topic})" if fact.topic else kind.label,
                        inside,
                    )
                )
        verbs = [
            (bases[pid] + a, bases[pid] + b, key)
            for pid, a, b, key in fact.verbs
            if outlet_wrote(bases[pid] + a, bases[pid] + b) and (bases[pid] + a, bases[pid] + b) not in taken
        ]
        if verbs:
            events.append(Referent("event", f"verb@{fact.id}", fact.topic or "one fact", sorted(verbs)))
    found = word_choices(
        text,
        actor_referents(actors, text)
        + events
        + statement_referents(pages, bases)
        + noun_referents(pages, bases, text, outlet_wrote),
        accounts,
        {page.id: page.label for page in pages},
        voice_at,
    )
    shown = [c for c in found if c.differs and _noted(c)]
    for index, choice in enumerate(shown, 1):
        choice.id = f"xw{index}"
        for words in choice.accounts:
            for word in words.words:
                shift = bases[words.account]
                word.evidence = [Span(s.start - shift, s.end - shift, s.text) for s in word.evidence]
    return shown
