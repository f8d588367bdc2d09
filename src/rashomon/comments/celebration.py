"""Harm done to a group, celebrated (issue 22, session 56): "Glad that ... got killed", "five ... dead? Good. More
please.", "whoever torched the ... centre deserves a medal", "the ... who got beaten at the march had it coming".

Such a comment names no threat (the harm is done), no slur and often no abusive word, and the group-hate model read
most of them as no hate: on a set written for it by a helper who saw no code, the stage flagged 206 of 360. A comment
is read sentence by sentence. A sentence tells of *harm done to a group* when one of the group, several of them or
their place is the one killed, hurt or attacked (``victims`` and ``done``/``done_to``/``harm_of`` in
``abuse.yaml``'s ``harm_celebrated``). It is *celebrated* when the same sentence shows the writer's gladness or
laughter, praise of whoever did it (``harm_praised``), the victims said to have had it coming, or more asked for, or
when a short sentence beside it is nothing but that ("... dead? Good."). The passage is an identity attack.

Precision first (a moderator who sees mourning flagged as hate stops reading the flags): nothing is found in a
comment that speaks of the victims' safety or recovery, of the attackers caught or punished, of grief or disgust, or
of quoting or reporting someone (``not_celebrating``), nor where someone helped the victims (``helped``), nor where
the gladness is given to someone else ("people here are celebrating ...") or aimed at something else ("glad I wasn't
there"). A passage it finds goes through the stage's mention rules like any other identity-attack phrase (quoted,
denied or reported, it is mentioned, not made).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon, mention

# --- settings ------------------------------------------------------------------------------------------
#: Most words of a sentence beside the harm's that celebrates it on its own ("Good.", "More please.", "Keep it
#: coming!", "Hope the rest follow."), and most of them that are not its cue ("Excellent news."; "Glad the attacker
#: was refused bail." is about something else).
SHORT_SENTENCE_WORDS = 6
SHORT_SENTENCE_OTHER_WORDS = 2
#: Most words between the victims and what befell them ("five ... dead", "... who got stabbed").
DONE_GAP_WORDS = 3
#: How many characters before a cue of gladness are read for someone else who is glad ("people are celebrating").
OTHERS_GLAD_CHARS = 40


@dataclass(frozen=True)
class _Patterns:
    harm: re.Pattern  # harm done to a group, in a sentence
    harm_words: re.Pattern  # any word of harm: the texts of a batch worth reading
    cue: re.Pattern  # the writer glad of it, laughing, praising the doer, blaming the victims, asking for more
    short: re.Pattern  # a sentence that is only such a cue or a verdict ("Good.")
    joy_elsewhere: re.Pattern  # gladness aimed at something else ("glad I wasn't there")
    others_glad: re.Pattern
    not_celebrating: re.Pattern
    helped: re.Pattern
    sympathy: re.Pattern
    screen: re.Pattern  # any cue or verdict: a comment with none celebrates nothing


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = lexicon.load("abuse")
    lists = {**data, **data["harm_celebrated"]}

    def alt(key: str) -> str:
        return lexicon.alternation(lists[key], lists)

    # words between the victims and the harm; none that makes it a wish or a call ("... should all be shot")
    victims = alt("victims")
    gap = rf"(?: (?!(?:should|must|need|needs|deserve|deserves|ought|will|would|gonna|to|let|can|could|may|might)\b)[a-z'-]+){{0,{DONE_GAP_WORDS}}}?"
    # what befell the victims, said after them; a participle followed by an object is their own deed
    after = (
        rf"\b{victims}\b(?: (?P<relative>who|that))?{gap} (?:(?:got|get|gets|getting|was|were|is|are|been|being|be|"
        rf"now|all|finally|left|lying|found) )?{alt('done')}\b(?! (?:a|an|the|his|her|their|him|them|us|me|my|your|"
        rf"our|its|it|people|someone|everyone|[0-9]+|two|three|four|five|six|ten|dozens|hundreds)\b)"
        r"(?! (?:to|up|into) (?:the )?(?:top|fame|number|first|charts?|lead|stardom)\b)"  # "shot to the top"
    )
    before = (
        # not after a modal: "before he could hurt more ..." is harm prevented
        rf"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!could )(?<!would )(?<!will )(?<!might )(?<!can )(?<!may )(?<!to )"
        rf"(?P<doer>\b(?:who|that|whoever|whichever)(?: [a-z'-]+){{0,2}} )?"
        rf"\b{alt('done_to')} (?:[a-z'-]+ ){{0,4}}?{victims}\b"
    )
    noun = rf"\b{alt('harm_of')} (?:[a-z'-]+ ){{0,2}}?{victims}\b"
    # "none of those ... survived"
    none_left = rf"\bnone of (?:the |those |these )?{victims} (?:survived|made it|got out)\b"
    adjective = rf"(?<!\bthe )\b(?:dead|murdered|massacred|slaughtered|butchered) {victims}\b"
    suffering = rf"\b{victims} {alt('suffering')}"
    cues = (
        rf"\b(?:(?P<joy>{alt('joy')})|{alt('blame')}|{alt('more')}|(?P<praise>{alt('harm_praised')}))\b"
        rf"|{alt('laughter')}"
    )
    interjection = r"(?:(?:so|very|really|just|and|but|oh|well|now|then|honestly|tbh|yeah|yes|ha|lol)\W+)*"
    short = rf"^\W*{interjection}(?:{cues.replace('?P<', '?P<short_')}|\b{alt('verdict')}\b)"
    return _Patterns(
        harm=re.compile("|".join((after, before, noun, adjective, suffering, none_left))),
        harm_words=re.compile(
            rf"\b(?:{alt('done')}|{alt('done_to')}|{alt('harm_of')}|dead|murdered|massacred|slaughtered|butchered|"
            rf"{alt('suffering')}|none of)"
        ),
        cue=re.compile(cues),
        short=re.compile(short),
        joy_elsewhere=re.compile(
            r"\s*(?:that |to (?:see|hear|know) )?(?:i|i'm|im|we|we're|you|you're|it|it's|my|our|this|he|she)\b"
        ),
        others_glad=re.compile(alt("others_glad")),
        not_celebrating=re.compile(alt("not_celebrating")),
        helped=re.compile(alt("helped")),
        sympathy=re.compile(alt("sympathy")),
        screen=re.compile(rf"{cues}|\b{alt('verdict')}\b"),
    )


def candidates(batch: lexicon.FoldedBatch) -> list[int]:
    """The texts of a folded batch that tell of harm done to a group, the only ones :func:`celebrated_harm` can find
    anything in: first those with a word of harm (one pass of a plain alternation over the batch), then those where
    the harm befalls a group."""
    p = _patterns()
    return [i for i in batch.candidates(p.harm_words) if p.harm.search(batch.texts[i])]


_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?\n]*")
_SENTENCE_END_RE = re.compile(r"[.!?\n]+")
_WORD_RE = re.compile(r"[\w'-]+")
_TURN_RE = re.compile(r"\b(?:but|though|although|however|yet|except|still)\b")
_LAUGHTER_RE = re.compile(r"lol|lmao|lmfao|rofl|haha\w*|hehe\w*")
_JOY_WORDS_RE = re.compile(r"glad|happy|pleased|delighted|thrilled|overjoyed")


def celebrated_harm(folded: str) -> list[tuple[int, int]]:
    """The passages of ``folded`` (a comment as ``lexicon.fold`` gives it) that celebrate harm done to a group, as
    (start, end) offsets: the sentence's harm and its cue, or the harm's sentence and the short one beside it."""
    p = _patterns()
    if (
        not p.screen.search(folded)
        or p.not_celebrating.search(folded)
        or p.helped.search(folded)
        or p.sympathy.search(folded)
    ):
        return []
    quoted = mention.marked_regions(folded)
    sentences = [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(folded)]
    found: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(sentences):
        harm = p.harm.search(folded, start, end)
        if harm is None:
            continue
        # harm told as what someone did ("whoever torched the ..."): only praise of the doer after it celebrates it
        # ("... deserves a medal"); gladness before it is the doer's fate ("good riddance to the thug who beat ...")
        doer = harm.group("doer") is not None
        # harm told in a clause about the victims ("the ... who was beaten is walking again"): gladness is about what
        # the sentence goes on to say of them
        cue = _own_cue(
            folded, harm.end() if doer else start, end, p, quoted, praise_only=doer, joy=harm.group("relative") is None
        )
        if cue is not None:
            found.append((min(harm.start(), cue[0]), max(harm.end(), cue[1])))
            continue
        for j in () if doer else (k + 1, k - 1):
            if 0 <= j < len(sentences) and _short_cue(folded, *sentences[j], p, quoted):
                found.append((min(start, sentences[j][0]), max(harm.end(), sentences[j][1])))
                break
    return [(start, _strip_end(folded, start, end)) for start, end in found]


def shows_sympathy(folded: str) -> bool:
    """Whether ``folded`` shows sympathy with people harmed (``sympathy``: relief that they are safe, grief,
    condolences) and no gladness, laughter, blame or call for more outside it ("rip lol" shows none), nor a turn after
    it ("sad, but ...": hate is often said so)."""
    p = _patterns()
    shown = [(m.start(), m.end()) for m in p.sympathy.finditer(folded)]
    if not shown or _TURN_RE.search(folded, shown[0][0]):  # "heartbreaking, but ...": sympathy turned
        return False
    start = 0
    for end, next_start in [*shown, (len(folded), len(folded))]:
        if _own_cue(folded, start, end, p) is not None:
            return False
        start = next_start
    return True


def _own_cue(
    folded: str,
    start: int,
    end: int,
    p: _Patterns,
    quoted: Sequence[tuple[int, int]] = (),
    *,
    praise_only: bool = False,
    joy: bool = True,
) -> tuple[int, int] | None:
    """The first cue of celebration in ``folded[start:end]`` (a sentence or its end) that is the writer's (not in
    ``quoted`` regions: "if your reaction is 'lol' ...") and is about the harm; with ``praise_only``, praise of
    whoever did it only; without ``joy``, no gladness or laughter."""
    for cue in p.cue.finditer(folded, start, end):
        if any(q_start <= cue.start() < q_end for q_start, q_end in quoted):
            continue
        if praise_only and (cue.group("praise") is None or cue.group(0) == "good riddance"):
            continue
        joyful = cue.group("joy") is not None
        if joyful and not joy:
            continue
        if _asked(folded, cue.end()):  # "cheering about ... being run over? seek help."
            continue
        if joyful and not _LAUGHTER_RE.fullmatch(cue.group(0)):  # "... lol" is the writer's
            if p.others_glad.search(folded[max(0, cue.start() - OTHERS_GLAD_CHARS) : cue.start()]):
                continue
            if _JOY_WORDS_RE.fullmatch(cue.group(0)) and p.joy_elsewhere.match(folded, cue.end(), end):
                continue
        return cue.start(), cue.end()
    return None


def _asked(folded: str, position: int) -> bool:
    """Whether the sentence at ``position`` of ``folded`` ends with a question mark."""
    end = _SENTENCE_END_RE.search(folded, position)
    return end is not None and "?" in end.group(0)


def _short_cue(folded: str, start: int, end: int, p: _Patterns, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``folded[start:end]`` is a short sentence of celebration on its own ("Good.", "More please.")."""
    sentence = folded[start:end]
    opening = p.short.search(sentence)
    if len(_WORD_RE.findall(sentence)) > SHORT_SENTENCE_WORDS or opening is None:
        return False
    if len(_WORD_RE.findall(sentence[opening.end() :])) > SHORT_SENTENCE_OTHER_WORDS:
        return False
    if any(q_start < end and start < q_end for q_start, q_end in quoted):
        return False
    return _own_cue(folded, start, end, p) is not None or not p.cue.search(sentence)


def _strip_end(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in " \n.!?,;:":
        end -= 1
    return end
