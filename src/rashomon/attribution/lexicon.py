"""The attribution lexicons (cue verbs, source types), read once from ``rashomon/data/attribution/*.yaml``.

The lexicons are data, not code, so a user can add a reporting verb or an outlet without touching Python:
pass another folder to :func:`load` (or copy the YAML files and edit them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import RashomonError
from ..resources import data_path

DATA_DIR = data_path("attribution")
CUE_GROUPS = ("speech", "report", "belief", "quote_as")
SOURCE_KIND_ORDER = (
    "news_agency",
    "media",
    "government",
    "military",
    "ngo",
    "armed_group",
    "political_party",
    "document",
    "organization",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the attribution rules look up, as frozen sets for O(1) membership tests."""

    cue_verbs: dict[str, frozenset[str]]
    all_cue_lemmas: frozenset[str]
    #: Cue lemmas that state something (all but the belief verbs): only these, coordinated at the end of a
    #: content, start a statement of their own ("said X, and more than half said Y"); a belief ("said X and he
    #: feels Y", "but she wants Y") goes on with the same speaker's words.
    statement_lemmas: frozenset[str]
    recipient_objects: frozenset[str]
    cue_nouns: frozenset[str]
    cue_prepositions: dict[str, tuple[str, ...]]
    phrases: tuple[tuple[tuple[str, ...], bool], ...]
    known_names: dict[str, tuple[str, ...]]
    heads: dict[str, frozenset[str]]
    unnamed_person_heads: frozenset[str]
    roles: frozenset[str]
    editorial_markers: tuple[str, ...]
    meta_framing_nouns: tuple[str, ...]
    #: Complementisers that make any verb or adjective with a subject a cue ("made clear that", "is confident
    #: that"), and the lemmas that never are ("is that", "means that").
    clause_marks: frozenset[str] = frozenset()
    not_clause_cues: frozenset[str] = frozenset()
    #: Belief verbs whose noun object is what is held ("wants a wall").
    belief_objects: frozenset[str] = frozenset()
    #: Adjectives of attitude ("confident that", "critical of", "eager to").
    cue_adjectives: frozenset[str] = frozenset()
    #: Words that belong to a title before a role ("Interior Minister"), not to the affiliation.
    title_portfolios: frozenset[str] = frozenset()
    #: Offices before "general" that make a civil title of it ("attorney general"), not a military rank.
    civil_offices: frozenset[str] = frozenset()
    #: Verbs that answer a statement a content noun names ("..., a charge the group denied").
    reply_verbs: frozenset[str] = frozenset()
    #: Prepositions after which a speech-act noun's object is what the act is about ("calls for X").
    noun_content_prepositions: frozenset[str] = frozenset()
    #: Speech-act nouns that count only with an owner or a that-clause ("demand for oil" is no attribution).
    nouns_need_owner: frozenset[str] = frozenset()
    #: How something was said, kept in the cue ("said in a statement", "wrote in an email").
    channel_nouns: frozenset[str] = frozenset()
    #: Light verbs whose object noun carries the speech act ("made the case that", "took issue with").
    light_verbs: frozenset[str] = frozenset()
    #: Nouns that make a cue only with a light verb ("took aim at", "made the case for"), besides ``cue_nouns``.
    light_nouns: frozenset[str] = frozenset()
    #: Verbs that receive a speech act from its source ("drew criticism from X", "won the backing of X").
    reception_verbs: frozenset[str] = frozenset()
    #: Possessed nouns after "in" that put the sentence under their owner ("in the mayor's view").
    viewpoint_nouns: frozenset[str] = frozenset()
    #: Sources a finding is read "in": "In a Harbour Gazette poll, 60 percent backed the toll".
    finding_nouns: frozenset[str] = frozenset()
    #: Studies and documents whose findings are reported ("the audit found no record of the payment").
    study_nouns: frozenset[str] = frozenset()
    #: Adverbs that relay what they modify from someone unnamed ("the firm has reportedly looked at it").
    relay_adverbs: frozenset[str] = frozenset()
    #: Set phrases with a cue word that report nobody's words ("that said", "needless to say"), as word tuples.
    idioms: tuple[tuple[str, ...], ...] = ()
    #: Labels before a colon that head a paragraph without naming a speaker ("UPDATE:", "Editor's note:").
    heading_labels: frozenset[str] = frozenset()
    #: Nouns for one who holds a stance ("a vocal critic of X"), a cue after a copula.
    stance_holders: frozenset[str] = frozenset()
    #: Head nouns that can speak or hold a view, by what they name ("people", "groups", "documents"), besides
    #: ``heads``, ``unnamed_person_heads`` and ``roles``.
    speaker_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Endings of nouns that name someone who does something ("organiser", "environmentalist"), and the nouns
    #: with such an ending that name no one ("matter", "barrier").
    speaker_suffixes: tuple[str, ...] = ()
    not_speaker_nouns: frozenset[str] = frozenset()
    #: Pronouns that can stand for a speaker ("he", "they", "someone"; not "this", "there").
    speaker_pronouns: frozenset[str] = frozenset()
    #: Verbs that are no speech by themselves ("support", "see", "want"): a cue only with reported content.
    needs_reported_content: frozenset[str] = frozenset()
    #: Verbs that make something public: a noun object counts only when it is something said or shown.
    put_forward_verbs: frozenset[str] = frozenset()
    #: Verbs of perception: only a marked clause (that, whether, a wh-word) or "as" is a view ("sees that ...").
    perception_verbs: frozenset[str] = frozenset()
    #: Cues whose content may be a wh-infinitive: a question or a choice ("asked how to vote").
    question_verbs: frozenset[str] = frozenset()
    #: Objects that are something said or shown ("offered no proof", "issued a warning"): the speech-act and
    #: light nouns and ``information_nouns``.
    information_nouns: frozenset[str] = frozenset()
    #: Objects of a light verb that report what they are about ("voiced concern about X"): the speech-act nouns
    #: and the light nouns.
    light_verb_objects: frozenset[str] = frozenset()

    def names_people(self, lemma: str, form: str | None = None, people: bool = False) -> bool:
        """Whether a noun names a person by the lexicons: a person head ("official", "resident") or a role
        ("spokesman"), by its lemma or, for a person head, by ``form``, the word as written ("folks"); with
        ``people``, also a noun for a number of people (``speaker_nouns["people"]``: "voters", "crowd"). The one
        test the attribution rules make of a common noun for a person; the entity label is theirs to add."""
        return (
            lemma in self.unnamed_person_heads
            or lemma in self.roles
            or (form is not None and form in self.unnamed_person_heads)
            or (people and lemma in self.speaker_nouns.get("people", ()))
        )

    def names_a_doer(self, lemma: str) -> bool:
        """Whether a common noun on no list names someone by what they do, by its ending ("the organisers", "an
        environmentalist", "attendees"; not "matter", "water")."""
        return lemma not in self.not_speaker_nouns and any(
            lemma.endswith(end) and len(lemma) > len(end) + 2 for end in self.speaker_suffixes
        )

    def cue_group(self, lemma: str) -> str | None:
        for group in CUE_GROUPS:
            if lemma in self.cue_verbs.get(group, ()):
                return group
        return None


def _read_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as err:
        raise RashomonError(f"cannot read the attribution lexicon {path}: {err}") from err
    if not isinstance(data, dict):
        raise RashomonError(f"the attribution lexicon {path} must be a YAML mapping")
    return data


def _lower_set(items) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items or ())


@lru_cache(maxsize=8)
def load(folder: str | Path | None = None) -> Lexicon:
    """Read ``cues.yaml`` and ``sources.yaml`` from ``folder`` (the packaged data by default)."""
    base = Path(folder) if folder else DATA_DIR
    cues = _read_yaml(base / "cues.yaml")
    sources = _read_yaml(base / "sources.yaml")
    verbs = cues.get("verbs") or {}
    phrases = tuple(
        (tuple(str(w).lower() for w in entry["words"]), bool(entry.get("source_after", True)))
        for entry in cues.get("phrases") or ()
    )
    known = {
        kind: tuple(sorted((str(n).lower() for n in names), key=len, reverse=True))
        for kind, names in (sources.get("known_names") or {}).items()
    }
    cue_verbs = {group: _lower_set(verbs.get(group)) for group in CUE_GROUPS}
    all_cue_lemmas = frozenset().union(*cue_verbs.values())
    return Lexicon(
        cue_verbs=cue_verbs,
        all_cue_lemmas=all_cue_lemmas,
        statement_lemmas=all_cue_lemmas - (cue_verbs["belief"] - cue_verbs["speech"]),  # "insist" is both
        recipient_objects=_lower_set(cues.get("recipient_objects")),
        cue_nouns=_lower_set(cues.get("nouns")),
        cue_prepositions={
            str(verb).lower(): tuple(str(p).lower() for p in preps)
            for verb, preps in (cues.get("cue_prepositions") or {}).items()
        },
        phrases=phrases,
        known_names=known,
        heads={kind: _lower_set(words) for kind, words in (sources.get("heads") or {}).items()},
        unnamed_person_heads=_lower_set(sources.get("unnamed_person_heads")),
        roles=_lower_set(sources.get("roles")),
        editorial_markers=tuple(str(m).lower() for m in sources.get("editorial_markers") or ()),
        meta_framing_nouns=tuple(str(m).lower() for m in sources.get("meta_framing_nouns") or ()),
        clause_marks=_lower_set(cues.get("clause_marks")),
        not_clause_cues=_lower_set(cues.get("not_clause_cues")),
        belief_objects=_lower_set(cues.get("belief_objects")),
        cue_adjectives=_lower_set(cues.get("adjectives")),
        title_portfolios=_lower_set(sources.get("title_portfolios")),
        civil_offices=_lower_set(sources.get("civil_offices")),
        reply_verbs=_lower_set(cues.get("reply_verbs")),
        noun_content_prepositions=_lower_set(cues.get("noun_content_prepositions")),
        nouns_need_owner=_lower_set(cues.get("nouns_need_owner")),
        channel_nouns=_lower_set(cues.get("channel_nouns")),
        light_verbs=_lower_set(cues.get("light_verbs")),
        light_nouns=_lower_set(cues.get("light_nouns")),
        reception_verbs=_lower_set(cues.get("reception_verbs")),
        viewpoint_nouns=_lower_set(cues.get("viewpoint_nouns")),
        heading_labels=_lower_set(cues.get("heading_labels")),
        finding_nouns=_lower_set(cues.get("finding_nouns")),
        study_nouns=_lower_set(cues.get("study_nouns")),
        relay_adverbs=_lower_set(cues.get("relay_adverbs")),
        idioms=tuple(tuple(str(i).lower().split()) for i in cues.get("idioms") or ()),
        stance_holders=_lower_set(cues.get("stance_holders")),
        speaker_nouns={kind: _lower_set(words) for kind, words in (sources.get("speaker_nouns") or {}).items()},
        speaker_suffixes=tuple(str(s).lower() for s in sources.get("speaker_suffixes") or ()),
        not_speaker_nouns=_lower_set(sources.get("not_speaker_nouns")),
        speaker_pronouns=_lower_set(sources.get("speaker_pronouns")),
        needs_reported_content=_lower_set(cues.get("needs_reported_content")),
        put_forward_verbs=_lower_set(cues.get("put_forward_verbs")),
        perception_verbs=_lower_set(cues.get("perception_verbs")),
        question_verbs=_lower_set(cues.get("question_verbs")),
        information_nouns=_lower_set(cues.get("information_nouns"))
        | _lower_set(cues.get("nouns"))
        | _lower_set(cues.get("light_nouns")),
        light_verb_objects=_lower_set(cues.get("nouns")) | _lower_set(cues.get("light_nouns")),
    )
