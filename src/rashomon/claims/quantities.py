"""Find the numbers a text gives and normalize them into :class:`~rashomon.model.Quantity`.

"more than 3,000 civilians" -> value=3000, low=3000, approx=more_than, noun=civilians. The number itself, its
approximation ("about", "more than", "or so"), ranges ("3,000-5,000", "between 3 and 5"), number words
("twelve", "two million"), fractions and ratios (normalized to percent: "a third of" -> 33.33 percent, "1 in 3",
"two-in-three", "nine out of ten" -> 33.33, 66.67, 90 percent: one share, not two counts), vague amounts
("thousands" -> 2000..9999, vague=True) and units are read with regular expressions built from the word lists
in ``data/claims/quantities.yaml``; the counted noun ("people" in "3,179 people") comes from the spaCy parse.
Off-the-shelf parsers (quantulum3) were tried on news text and mis-read it (dates as counts, "some" as units).

Normalization convention (what the fields mean, checked by ``eval/claims.py``):

- ``value``: the number stated (None for a range or a vague amount);
- ``low``/``high``: the bounds the words state: exact -> both = value; ``more_than``/``at_least`` -> low;
  ``less_than``/``at_most``/``almost`` -> high; ``about`` -> neither (the comparison widens it by a tolerance);
  ``range`` -> both; ``vague`` -> the bounds of the vague word;
- ``approx``: exact | about | almost | more_than | at_least | less_than | at_most | range | vague | score (a
  score or tally, "a 7-0 lead", "a 5-4 ruling": ``low`` and ``high`` its two sides as written, no ``value``);
- ``unit``: canonical unit (percent, km, USD, hour ...) or None; ``noun``: the counted noun as written,
  lower-cased ("children"); ``scope``: the "of ..." phrase that says what the number is a part of, or for a
  sum the "for ..." phrase of what it pays for ("$1,349 for the smaller model").

Dates ("28 November", "in 2011", "2016-11-28"), times ("10:30", "3 p.m."), ordinals ("13th") and numbers inside
names ("F-16", "COVID-19", "Resolution 2254") are not counts and are skipped. An age ("an 11-year-old girl",
"45 years old", "aged 45") is kept in the unit ``age``: it says who someone is, and is no rival of another age.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..deps import NOMINAL_SUBJECT_DEPS
from ..model import Quantity
from ..resources import load_yaml, page_part_nouns
from .frames import idiom_object

# --- settings ------------------------------------------------------------------------------------------
#: How many tokens after the number (and its unit) the counted noun may be looked for.
NOUN_LOOKAHEAD_TOKENS = 4
#: Most significant digits a number may have and still get a value: beyond, "about 99999…" is no count anyone
#: can compare (and past ~308 digits not even a finite float); it is still reported, with its text only.
MAX_SIGNIFICANT_DIGITS = 15
#: Longest "of ..." scope phrase kept, in tokens.
MAX_SCOPE_TOKENS = 10
#: Words before a number that make it an identifier, not a count ("Resolution 2254", "No. 5", "Figure 3": the
#: parts of the page are ``data/page_parts.yaml``'s; one of them is no identifier before a unit: "a video 10 days
#: ago").
IDENTIFIER_WORDS = page_part_nouns() | frozenset(
    "no no. number resolution article route highway flight page section chapter room platform gate bus "
    "line channel level phase grade paragraph item version model part episode season volume vol vol. lesson "
    "question".split()
)
#: After a number that opens its line: the number marks an item of a list ("01. Name", "3) Name"), it counts nothing.
_LIST_MARKER_AFTER = re.compile(r"^[.)](?:\s|$)")
#: After the number: a dimension ("3-D", "three-dimensional"), a shape, not a count.
_DIMENSION_AFTER = re.compile(r"^(?:-?d\b|[-\s]dimensional\b)", re.I)
#: Right before the number: an acronym naming a product, index or body ("FIFA 21", "FTSE 100", "EU 27"),
#: of which the number is part of the name unless a unit or a percentage follows.
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[ \u00a0]$")
#: Units written against the number ("24cm"), read as units, not as the letters of an identifier ("A4", "4G").
_ATTACHED_UNITS = r"(?:bn|mn|m|k|km|kg|s|cm|mm|ml|mph|kph|lbs?|ft|oz)\b"
#: A time of day or an identifier follows the number.
#: A year-like number after one of these is a date ("in 2013 was"), whatever follows.
YEAR_PREPOSITIONS = frozenset("in since by until till from of early late mid before after during year".split())
_TIME_AFTER = re.compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b|o'clock))", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
#: After "N in M": a span of time, so N counts something done in M of it ("3 in 10 minutes"), not a share.
_TIME_SPAN_AFTER = re.compile(r"^\s*(?:minutes?|mins?|seconds?|secs?|decades?|centuries)\b", re.I)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``quantities.yaml`` and the regular expressions built from them."""

    data: dict[str, Any]
    number: re.Pattern
    vague: re.Pattern
    fraction: re.Pattern
    approx_before: re.Pattern
    approx_after: re.Pattern
    unit_after: re.Pattern
    date_like: re.Pattern
    ratio: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml("claims/quantities.yaml")
    words = {w for w in data["units_words"] if w not in ("one", "zero")}
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    word_number = rf"(?:(?:{tens})(?:[-\s](?:{ones}))?|{_alternation(words)}|(?:one|a)(?=\s+(?:hundred|thousand|million|billion)\b))"
    # a whole number and a fraction ("4 1/2 hours", "2½ years") is one number
    mixed = r"\d+\s+[1-9]/(?:2|3|4|8)(?![\d/])|\d*[\u00bd\u00bc\u00be]"
    digits = rf"{mixed}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    big_scales = "hundred|thousand|million|billion|trillion"
    # "two dozen", "two-dozen": a dozen as a multiplier (24), not a number of its own after "two"; a number word
    # after a scale is a whole word (the "ten" of "a thousand tents" is none)
    scale = rf"(?:\s*(?:{big_scales})\b|(?:bn|mn|m|k)\b|[\s-]dozen\b)"
    currency = _alternation(data["currencies"])
    # "1 in 3", "two-in-three", "nine out of (every) ten": the parts are plain numbers (no scale, no currency)
    part = rf"(?:\d+|(?:{word_number})|one)"
    joint = r"(?:\s*-\s*|\s+)"
    ratio = rf"(?<![\w.,])(?P<n>{part}){joint}(?P<by>in|out{joint}of)(?:{joint}every)?{joint}(?P<m>{part})\b(?![.,]\d)"
    number = rf"(?P<cur>{currency})?\s?(?P<num>(?:{digits})|\b(?:{word_number})\b)(?P<scale>(?:{scale}(?:\s+(?:and\s+)?(?:{word_number})\b)?)*)"
    return Lexicon(
        data=data,
        number=re.compile(number, re.I),
        vague=re.compile(rf"\b(?:{_alternation(data['vague'])})\b", re.I),
        fraction=re.compile(rf"\b(?:{_alternation(data['fractions'])})(?=\s+of\b)", re.I),
        approx_before=re.compile(rf"\b(?:{_alternation(data['approximators_before'])})\s+$", re.I),
        approx_after=re.compile(rf"^\s*(?:{_alternation(data['approximators_after'])})\b", re.I),
        unit_after=re.compile(rf"^(?:\s|-)?(?:%|(?:{_alternation(k for k in data['units'] if k != '%')})\b)", re.I),
        date_like=re.compile(
            r"\b\d{4}-\d{1,2}-\d{1,2}\b|(?<!\d )\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
            r"|\b(?:1[89]|20)\d\d\s?[-–—/]\s?(?:(?:1[89]|20)?\d\d)\b(?!\s*(?:%|percent|people))"
        ),
        ratio=re.compile(ratio, re.I),
    )


#: Approximators joined to their number by a hyphen ("four-plus years", "30-odd staff").
JOINED_APPROXIMATORS = {"plus": "at_least", "odd": "about"}
_JOINED_APPROX = re.compile(r"^-(plus|odd)\b", re.I)
#: The most pounds read as a person's weight after their height ("6-foot-5, 200 pounds"; not "30,000 pounds poorer").
MAX_BODY_POUNDS = 700
#: The largest value read as a quake's magnitude ("the magnitude of 2 million refugees" is no quake).
MAX_MAGNITUDE = 10.0
#: A person's height in feet and inches as one figure, in inches: "5-foot-10", "six-foot-two", "5 feet 10 inches",
#: "5-foot-10-inch", "5'10\"" (without it "5-foot-10" read as a bare 5 and the inches were lost).
_FEET_WORDS = "four|five|six|seven|eight"
_INCH_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven"
_FOOT = r"(?:foot|feet|ft\.?)"
_INCH_FIGURE = rf"1[01]|\d|{_INCH_WORDS}"
_HEIGHT = re.compile(
    rf"(?<![°\d.,])\b(?P<feet>[4-8]|{_FEET_WORDS})(?:"
    # "5-foot-10", "5-feet-8 inches"; a weight may follow after a comma: "5-foot-7,145 pounds"
    rf"\s*-\s*{_FOOT}\s*-\s*(?P<inches>{_INCH_FIGURE})(?![\d.]\d)(?:(?:\s*-\s*|\s+)inch(?:es)?(?!\w))?"
    # "six foot two", "6 ft 2 in", "5ft 10in", "5 feet 10 inches": no comma, no figure running on ("6 feet 1,200")
    rf"|\s*{_FOOT}\s*(?P<inches1>{_INCH_FIGURE})(?![\d.,]\d)(?:\s*inch(?:es)?(?!\w)|in\.?(?!\w)|\s+in(?=\s+tall\b|\s*[.,;]|\s*$))?"
    # "6 feet, 2 inches", "5 foot, 8 inch": after a comma only with the inches named
    rf"|\s*{_FOOT},?\s+(?:and\s+)?(?P<inches2>{_INCH_FIGURE})\s*-?\s*inch(?:es)?(?!\w)"
    rf"|\s*[\'\u2032\u2019]\s*(?P<inches3>1[01]|\d)(?![\d.]\d)\s*(?:\"|\u2033|\u201d|\'\'|\u2019\u2019)?)"
    rf"(?![\w-]|\s*[\'\u2032\u2019])",
    re.I,
)
#: A person's height in whole feet ("a 6-foot, 200-pound man", "six feet tall").
_HEIGHT_IN_FEET = re.compile(
    r"\b(?:[4-7]|four|five|six|seven)(?:\s*-\s*|\s+)(?:foot|feet|ft)\b(?:\s*-?\s*tall\b)?", re.I
)
#: After a degrees-minutes-seconds figure: a coordinate, no height.
_COMPASS_AFTER = re.compile(r"^\s*[\"\u2033\u201d]?\s*[NSEW]\b")
#: After "pounds": "of" a thing, maybe after one word ("300 pounds of cocaine", "of raw fish").
_POUNDS_OF = re.compile(r"^\s+of\s+(?P<first>[\w-]+)(?:\s+(?P<second>[a-z]+))?", re.I)
#: Right before the number: a verb of weighing ("weighs about 180", "weighed in at 180"; not "weighed in, saying").
_WEIGHED_BEFORE = re.compile(
    r"\bweigh(?:s|ed|ing)?(?:\s+in\s+at)?\s+(?:(?:about|around|roughly|approximately|nearly|almost|some|over|under|"
    r"more\s+than|less\s+than|just\s+(?:over|under))\s+)?$",
    re.I,
)
#: Between a height and a weight that describes the same person ("5-foot-10, about 180 pounds").
_AFTER_HEIGHT = re.compile(
    r"^(?:\s*(?:inches|inch|in\.?|tall))?[\s,;]*(?:and\s+)?(?:(?:weighs|weighing|about|around|roughly|"
    r"approximately|some|nearly)\s+)*$",
    re.I,
)
#: Fractions written as one character: "2½ years".
VULGAR_FRACTIONS = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75}


def word_value(text: str) -> float | None:
    """The value of a number written in digits or words: "3,179", "1.5 million", "twenty-five", "$2bn"."""
    lex = lexicon().data
    text = text.lower().replace(",", "").strip()
    for symbol in lex["currencies"]:
        text = text.replace(symbol.lower(), " ")
    text = re.sub(r"(\d)(bn|mn|m|k)\b", r"\1 \2", text)
    total, current = 0.0, None
    tokens = re.findall(r"a dozen|\d+/\d+|\d+(?:\.\d+)?|\.\d+|[a-z]+|[\u00bd\u00bc\u00be]", text.replace("-", " "))
    for token in tokens:
        if token in VULGAR_FRACTIONS or "/" in token:  # "4 1/2", "2½": the fraction adds to the whole
            numerator, _, denominator = token.partition("/")
            part = VULGAR_FRACTIONS.get(token) or float(numerator) / float(denominator)
            current = (current or 0.0) + part
            continue
        if token in ("and", "a"):
            if token == "a" and current is None:
                current = 1.0
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", token):
            current = (current or 0.0) + float(token)
        elif token == "dozen" and current is not None:
            current *= 12
        elif token in lex["units_words"]:
            current = (current or 0.0) + float(lex["units_words"][token])
        elif token in lex["scales"]:
            scale = float(lex["scales"][token])
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = None
        elif token == "one":
            current = (current or 0.0) + 1
        else:
            return None
    value = total + (current or 0.0)
    return value if tokens else None


def _clean(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, 2)


def _too_long(text: str) -> bool:
    """Whether a number in ``text`` has more than :data:`MAX_SIGNIFICANT_DIGITS` significant digits."""
    return any(
        len(digits.replace(".", "").lstrip("0")) > MAX_SIGNIFICANT_DIGITS
        for digits in re.findall(r"[\d.]+", text.replace(",", ""))
    )


def _bounds(approx: str, value: float) -> tuple[float | None, float | None]:
    if approx == "exact":
        return value, value
    if approx in ("more_than", "at_least"):
        return value, None
    if approx in ("less_than", "at_most", "almost"):
        return None, value
    return None, None


#: A quake's magnitude, written after its figure ("7.6-magnitude", "7.6 magnitude", "7.6 on the Richter scale") or
#: before it ("magnitude 7.6", "magnitude-7.6", "a magnitude of 7.6"): a unit of its own, not a count of quakes.
_MAGNITUDE_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)magnitude\b|^(?=\s+on\s+the\s+(?:open-ended\s+)?richter\s+scale\b)", re.I
)
#: A magnitude is a quake's only with one of these words near it ("an error of magnitude 3" is none).
_QUAKE_WORDS = re.compile(
    r"\b(?:earth)?quakes?\b|\btemblors?\b|\btremors?\b|\baftershocks?\b|\bseismi|\brichter\b|\bshak(?:e|es|en|ing)\b|"
    r"\bgeological\s+survey\b|\busgs\b",
    re.I,
)
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitude(?:\s+of)?(?:\s*-\s*|\s+)$"
    r"|\b(?:earth)?quakes?\b[^.;]{0,40}\bmeasur(?:ed|ing|es)\s+(?:(?:about|around|roughly|nearly|at\s+least)\s+)?$",
    re.I,
)
#: How far before a figure :data:`_MAGNITUDE_BEFORE` is looked for: its longest match ("earthquakes", 40 characters,
#: "measuring at least ") is shorter.
MAGNITUDE_BEFORE_CHARS = 100


def _magnitude_before(text: str, start: int) -> bool:
    """Whether the words right before the figure at ``start`` name a magnitude ("magnitude-6.1", "a magnitude of",
    "a quake measuring"), read in a bounded window: every figure of a page asks."""
    return bool(_MAGNITUDE_BEFORE.search(text, max(0, start - MAGNITUDE_BEFORE_CHARS), start))


#: Around a number, the words that make it someone's age.
_AGE_AFTER = re.compile(r"(?:[- ]years?)?[- ]old\b", re.I)
_AGE_BEFORE = re.compile(r"\baged\s+$", re.I)


def _is_date_or_identifier(text: str, start: int, end: int, core: str) -> bool:
    lex = lexicon().data
    before = text[max(0, start - 14) : start].lower()
    after = text[end : end + 14]
    prev_word = (re.findall(r"[a-z.#]+", before) or [""])[-1]
    next_word = (re.findall(r"[A-Za-z]+", after[:12]) or [""])[0].lower()
    if start > 0 and (
        text[start - 1].isalpha() or (text[start - 1] in "-#" and start > 1 and text[start - 2].isalpha())
    ):
        return not _magnitude_before(text, start)  # "magnitude-6.1" is a quake's magnitude
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    if after[:1].isalpha() and not re.match(_ATTACHED_UNITS, after, re.I):
        return True
    if _DIMENSION_AFTER.match(after):
        return True
    if _LIST_MARKER_AFTER.match(after) and not text[:start].rsplit("\n", 1)[-1].strip():
        return True
    if (
        _ACRONYM_BEFORE.search(text[max(0, start - 14) : start])
        and not lexicon().unit_after.match(after)
        and not re.match(r"\s+[A-Z]{2,}\b", after)  # an all-capitals line: "ARMY KILLS 40 REBELS" counts
    ):
        return True
    # a part of the page before a number with a unit is a thing the number does not name: "a video 10 days ago"
    counted = prev_word in page_part_nouns() and lexicon().unit_after.match(after)
    if (prev_word in IDENTIFIER_WORDS and not counted) or before.endswith("#"):
        return True
    if re.fullmatch(r"0{2,}\d*", core):
        return True  # "000" is no count: the tail of a figure cut at its comma ("2, 000ft")
    day_like = core.isdigit() and len(core.lstrip("0")) <= 2 and int(core) <= 31  # length first: int() has a limit
    # "Sept. 11", "Jan. 5": the month's abbreviation keeps its period in prev_word
    if day_like and (prev_word.rstrip(".") in lex["months"] or next_word in lex["months"]):
        return True
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", core):
        if re.match(r"\s?(?:%|percent|per cent)", after, re.I) or lexicon().approx_before.search(text[:start]):
            return False
        if prev_word in YEAR_PREPOSITIONS:
            return True
        plural = re.match(r"\s+([a-z]{3,}s)\b", after)
        return not plural or plural.group(1) in ("was", "has", "this", "its") or next_word in lex["months"]
    return False


#: After a number in a line of results, the next name and its number: "Korvo 3, Rovers 1" (a score, not names).
_RESULT_AFTER = re.compile(r",\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s+\d")
_RESULT_BEFORE = re.compile(r"\d,\s+(?:[A-Z][\w'.-]*\s+){1,4}$")


def _part_of_name(doc, at: int) -> bool:
    """Whether the number starting at character ``at`` of ``doc`` is part of a name: "the Korvex 737", "a Type 45
    destroyer", "Interstate 75" (the parser hangs it on the proper name right before it), not a count. Not in a line of
    results ("Korvo 3, Rovers 1"), nor after a month ("May 5")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    token = doc[span.start]
    head = token.head
    if token.dep_ != "nummod" or head.i != token.i - 1 or head.tag_ not in ("NNP", "NNPS"):
        return False
    if head.lower_.rstrip(".") in lexicon().data["months"]:
        return False
    end = token.idx + len(token)
    if doc.text[end : end + 1] in ("-", "–") or _RESULT_AFTER.match(doc.text[end : end + 60]):
        return False  # a score or a record ("beat the Rovers 77-66", "Joe Vell 26-1") or a line of results
    if _RESULT_BEFORE.search(doc.text[max(0, token.idx - 60) : token.idx]):
        return False
    noun = next((t for t in doc[token.i + 1 : token.i + 6] if t.tag_ not in ("JJ", "VBN", "CC", "RB", ",")), None)
    if noun is not None and noun.tag_ == "NNS":
        return False  # "gave the Rovers 14 energized and efficient minutes": the number counts the plural after it
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[0].isupper() for t in words) * 2 <= len(words)  # a headline capitalises verbs too: "Kills 10"


def _ratio_share(match: re.Match[str] | None) -> float | None:
    """The share "N in M" states, in percent; None when it is no share (N above M, M zero)."""
    if match is None:
        return None
    n, m = word_value(match.group("n")), word_value(match.group("m"))
    if n is None or m is None or m == 0 or n > m or (n == m and match.group("by").lower() == "in"):
        return None
    return 100 * n / m


def _is_ratio(masked: str, match: re.Match[str]) -> bool:
    """Whether an "N in M" match is a share: N at most M, M no year, time or unit ("5 in 2019", "3 in 10
    minutes", "1 in 2 days": a count and a date or duration), N no identifier ("Route 1 in 3 hours") and
    neither a word of a name."""
    if _ratio_share(match) is None:
        return False
    n, m = match.group("n"), match.group("m")
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", m):
        return False
    # capitals in mid-sentence make a name of it: "the group One in Four", "Uranium One in three transactions"
    before = masked[: match.start("n")].rstrip()
    if m[0].isupper() or (n[0].isupper() and before and (before[-1].isalnum() or before[-1] == ",")):
        return False
    after = masked[match.end() : match.end() + 30]
    if any(p.match(after) for p in (lexicon().unit_after, _TIME_AFTER, _ORDINAL_AFTER, _TIME_SPAN_AFTER)):
        return False
    return not _is_date_or_identifier(masked, match.start("n"), match.end("n"), match.group("n"))


def find_quantities(text: str, doc=None, offset: int = 0, doc_offset: int = 0) -> list[Quantity]:
    """All quantities in ``text``; spans are ``offset + position in text``.

    ``doc`` is the spaCy parse of the text it was made from; ``doc_offset`` is where ``text`` starts in that
    doc's text (0 when the doc is the parse of ``text`` itself). Without a doc, nouns and scopes stay empty.
    """
    lex = lexicon()
    masked = lex.date_like.sub(lambda m: "#" * len(m.group()), text)
    found: list[tuple[int, int, dict]] = []
    taken = [False] * (len(text) + 1)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    for match in _HEIGHT.finditer(masked):
        a, b = match.span()
        if "°" in masked[max(0, a - 4) : a] or _COMPASS_AFTER.match(masked[b:]):
            continue  # a coordinate: 51° 5' 10" N
        inches = next(match.group(name) for name in ("inches", "inches1", "inches2", "inches3") if match.group(name))
        feet_value, inch_value = word_value(match.group("feet")), word_value(inches)
        if feet_value is None or inch_value is None:
            continue
        found.append((a, b, {"kind": "height", "core": masked[a:b], "value": 12 * feet_value + inch_value}))
        for i in range(a, b):
            taken[i] = True
    # the numbers after a height are read apart: "5-foot-7,145 pounds" is 145 pounds, not the number "7,145"
    if found:
        chars = list(masked)
        for a, b, _ in found:
            chars[a:b] = "#" * (b - a)
        masked = "".join(chars)
    for kind, pattern in (
        ("ratio", lex.ratio),
        ("vague", lex.vague),
        ("fraction", lex.fraction),
        ("number", lex.number),
    ):
        for match in pattern.finditer(masked):
            a, b = match.span()
            a += len(match.group()) - len(match.group().lstrip())
            if not free(a, b) or not match.group().strip():
                continue
            if kind == "ratio" and not _is_ratio(masked, match):
                continue
            if kind == "number":
                core = match.group("num")
                num_start = match.start("num")
                if _is_date_or_identifier(masked, num_start, b if not match.group("scale") else match.end("num"), core):
                    continue
                if doc is not None and not match.group("cur") and _part_of_name(doc, doc_offset + num_start):
                    continue
                if core.lower() == "a" and not match.group("scale"):
                    continue
            item = {"kind": kind, "core": masked[a:b]}
            found.append((a, b, item))
            for i in range(a, b):
                taken[i] = True
    quantities = [
        _normalize(text, masked, a, b, item, doc, offset, doc_offset)
        for a, b, item in sorted(found, key=lambda f: f[0])
    ]
    return _merge_ranges([q for q in quantities if q is not None], text, offset)


def _normalize(text, masked, a, b, item, doc, offset, doc_offset) -> Quantity | None:
    lex = lexicon()
    data = lex.data
    kind, core = item["kind"], item["core"]
    start, end = a, b
    approx, unit, vague, scaled = "exact", None, False, False
    low = high = value = None
    if kind == "vague":
        low, high = data["vague"][re.sub(r"\s+", " ", core.lower())]
        approx, vague = "vague", True
    elif kind == "fraction":
        value, unit = float(data["fractions"][re.sub(r"\s+", " ", core.lower())]), "percent"
    elif kind == "ratio":
        value, unit = _ratio_share(lex.ratio.fullmatch(core)), "percent"
    elif kind == "height":
        value, unit = item["value"], "inch"
    else:
        match = lex.number.fullmatch(core.strip()) or lex.number.search(core)
        if _too_long(core):
            value = None  # reported with its text, without a value: see MAX_SIGNIFICANT_DIGITS
        else:
            value = word_value(core)
            if value is None:
                return None
            if not math.isfinite(value):
                value = None
        if match and match.group("cur"):
            unit = data["currencies"][match.group("cur")]
        scaled = bool(match and match.group("scale"))
    approx_match = lex.approx_before.search(masked[max(0, start - 20) : start])
    if approx_match and kind != "vague":
        approx = data["approximators_before"][re.sub(r"\s+", " ", approx_match.group().strip().lower())]
        start = start - (len(masked[max(0, start - 20) : start]) - approx_match.start())
    joined = _JOINED_APPROX.match(masked[end : end + 6]) if kind == "number" else None
    if joined:  # "four-plus years", "30-odd staff": the bound is written onto the number
        approx = JOINED_APPROXIMATORS[joined.group(1).lower()]
        end += joined.end()
    unit_match = lex.unit_after.match(masked[end : end + 30])
    if unit_match and kind not in ("fraction", "ratio", "height"):
        word = re.sub(r"\s+", " ", unit_match.group().strip(" -").lower())
        unit = data["units"].get(word, data["units"].get(word.rstrip("s"), unit))
        if unit == "GBP" and value is not None and _weight_told(text, start, end, unit_match, value, scaled):
            unit = "lb"
        end += unit_match.end()
    elif kind == "vague":
        unit_of = re.match(r"\s+of\s+((?:[a-z]+\s+)?[a-z]+)\b", masked[end : end + 40], re.I)
        if unit_of and unit_of.group(1).lower() in data["units"]:
            unit = data["units"][unit_of.group(1).lower()]
            end += unit_of.end()
    if unit is None and kind == "number" and value is not None and 0 < value <= MAX_MAGNITUDE and not scaled:
        magnitude = _MAGNITUDE_AFTER.match(masked[end : end + 40])
        quake = _QUAKE_WORDS.search(masked[max(0, start - 120) : end + 120])
        if quake and (magnitude or _magnitude_before(masked, start)):
            unit = "magnitude"
            end += magnitude.end() if magnitude else 0
    after = lex.approx_after.match(masked[end : end + 20])
    if after and kind == "number":
        approx = data["approximators_after"][re.sub(r"\s+", " ", after.group().strip().lower())]
        end += after.end()
    if kind == "number" and (_AGE_AFTER.match(masked[end : end + 12]) or _AGE_BEFORE.search(masked[:start])):
        unit = "age"  # "an 11-year-old girl", "45 years old", "aged 45": who someone is, no duration
    if kind != "vague" and value is not None:
        low, high = _bounds(approx, value)
    quantity = Quantity(
        text=text[start:end],
        start=offset + start,
        end=offset + end,
        value=_clean(value),
        low=_clean(low),
        high=_clean(high),
        approx=approx,
        unit=unit,
        vague=vague,
    )
    if doc is not None:
        quantity.noun, quantity.scope = counted_noun(
            # a ratio counts the noun after it ("1 in 3 adults"); a unit leaves only an "of ..." phrase
            doc,
            doc_offset + end,
            share=quantity.unit == "percent",
            unit_only=quantity.unit is not None and kind != "ratio",
        )
        if quantity.noun and quantity.unit is None and quantity.noun in data["units"]:
            quantity.unit, quantity.noun = data["units"][quantity.noun], None
        number, counted = _figure_tokens(doc, doc_offset + a, doc_offset + b)
        if number is not None:
            quantity.event = figure_event(number, counted)
            quantity.part = figure_part(number, counted)
            if quantity.scope is None and quantity.unit in data["currencies"].values():
                quantity.scope = bought_with(number, counted)
            if quantity.noun is None and quantity.event != "toll":  # a toll's figure counts the dead
                quantity.measure = figure_measure(counted)
                if quantity.measure == "magnitude" and quantity.unit is None:
                    quantity.unit = "magnitude"  # "put the magnitude at 6.1" is "a magnitude-6.1 quake"
    if quantity.noun is None:
        label = re.search(r"([A-Za-z][A-Za-z ]{0,30}?)\s*[:|]\s*$", text[max(0, start - 40) : start].split("\n")[-1])
        if label and not quantity.unit:
            quantity.noun = label.group(1).strip().lower()
    return quantity


def _weight_told(text: str, start: int, end: int, unit_match: re.Match[str], value: float | None, scaled: bool) -> bool:
    """Whether "pounds" after the number at ``start:end`` of ``text`` is a mass, not money: right after a verb of
    weighing ("weighs about 180 pounds"), "pounds of" a substance ("300 pounds of cocaine"), the figure joined to a
    thing that is weighed ("a 2,000-pound bomb", "a 300-pound man"), or right after a person's height ("5-foot-10,
    180 pounds"). Else money, as before: "a 20,000-pound loan", "3 million pounds of the fee", "the 6-foot-4 striker
    signed for 3 million pounds"."""
    data = lexicon().data
    if scaled:
        return False  # "10 billion pounds", "20 million pounds of damage": sums, whatever is said around them
    if _WEIGHED_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    window = max(0, start - 60)
    heights = [*_HEIGHT.finditer(text, window, start), *_HEIGHT_IN_FEET.finditer(text, window, start)]
    if value <= MAX_BODY_POUNDS and any(_AFTER_HEIGHT.match(text[height.end() : start]) for height in heights):
        return True  # a height right before: "the 6-foot-10, 255-pound forward", "a 6-foot, 200-pound man"
    after = text[end + unit_match.end() : end + unit_match.end() + 40]
    of = _POUNDS_OF.match(after)
    if of:
        words = {of.group("first").lower(), (of.group("second") or "").lower()}
        return bool(words & set(data["weighed_substances"]))
    if unit_match.group().startswith("-"):
        nouns = re.match(r"\s*([a-z]+)(?:\s+([a-z]+))?", after, re.I)  # "a 800-pound black bear"
        return bool(nouns and {w.lower() for w in nouns.groups() if w} & set(data["weighed_things"]))
    return False


def _merge_ranges(quantities: list[Quantity], text: str, offset: int) -> list[Quantity]:
    """Join "3,000-5,000", "3,000 to 5,000", "between 3,000 and 5,000" into one ``range`` quantity."""
    merged: list[Quantity] = []
    for q in quantities:
        prev = merged[-1] if merged else None
        if prev is not None and prev.value is not None and q.value is not None and not prev.vague:
            gap = text[prev.end - offset : q.start - offset]
            before = text[max(0, prev.start - offset - 9) : prev.start - offset].lower()
            before_tally = text[max(0, prev.start - offset - 40) : prev.start - offset]
            # "40- to 60-hour": a hyphen left hanging on the low end, the unit written once on the high end
            dash = re.fullmatch(r"\s*[-–—]\s*|\s+to\s+|[-–]\s+to\s+", gap)
            between = re.fullmatch(r"\s+and\s+", gap) and re.search(r"between\s+$", before)
            # "rose from 7 to 75" is a change, two figures; "ranging from 7 to 75" one range
            from_to = re.fullmatch(r"\s+to\s+", gap) and re.search(r"from\s+$", before)
            spread = from_to and re.search(
                r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)\s+from\s+$",
                text[max(0, prev.start - offset - 20) : prev.start - offset].lower(),
            )
            # "4 percent to $3.2 billion": two figures, not a range
            other_units = prev.unit is not None and q.unit is not None and prev.unit != q.unit
            if (
                (dash or between)
                and prev.approx in ("exact", "about")
                and q.approx == "exact"
                and (spread or not from_to)
                and not other_units
            ):
                low_value = prev.value
                if (
                    q.value >= 1000
                    and low_value < 1000
                    and re.search(r"\d\s*(?:thousand|million|billion|k|m|bn)\b", q.text, re.I)
                    and not re.search(r"(?:thousand|million|billion|k|m|bn)\b", prev.text, re.I)
                ):
                    low_value = low_value * (q.value / word_value(re.search(r"[\d.,]+", q.text).group()))
                if q.value < low_value and not spread:
                    # a range runs upwards: told downwards, two whole numbers are a score or a tally ("24-17";
                    # "voted 5 to 4" after a vote word), anything else two figures, the unit written once on the
                    # second ("cut 65 to 55 mph") and, after "to" with no vote word, its scale too ("cut its staff
                    # 1,200 to 900", "12 to 9 million")
                    told_with_to = re.fullmatch(r"\s+to\s+", gap)
                    tally = not told_with_to or _tally_told(before_tally)
                    if tally and _is_score(prev, q, gap, low_value):
                        merged[-1] = Quantity(
                            text=text[prev.start - offset : q.end - offset],
                            start=prev.start,
                            end=q.end,
                            low=prev.value,
                            high=q.value,
                            approx="score",
                            noun=q.noun or prev.noun,
                        )
                        continue
                    if q.unit and not prev.unit:
                        prev.unit = q.unit
                    if not tally:
                        prev.value = prev.low = prev.high = _clean(low_value)
                    merged.append(q)
                    continue
                if q.unit and not prev.unit:
                    prev.unit = q.unit
                start = prev.start - (len("between ") if between else len("from ") if spread else 0)
                merged[-1] = Quantity(
                    text=text[start - offset : q.end - offset],
                    start=start,
                    end=q.end,
                    value=None,
                    low=_clean(min(low_value, q.value)),  # "ranged from 30 to 10 degrees" runs down
                    high=max(low_value, q.value),
                    approx="range",
                    unit=prev.unit or q.unit,
                    noun=q.noun or prev.noun,
                    scope=q.scope or prev.scope,
                )
                continue
        merged.append(q)
    return merged


#: Before "N to M" with N the larger: a vote, a ruling or a result, so the pair is a tally ("voted 5 to 4", "a 6
#: to 3 ruling", "won 52 percent to 48 percent"); elsewhere a count told downwards ("cut its staff 1,200 to 900").
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|rul(?:e|es|ed|ing)|decision|verdict|won|wins?|beat|beats|lost|loses|defeated|led|"
    r"leads?|margin|tally|split|approved|passed|rejected|backed)\b(?=[^.;]*$)",
    re.I,
)
#: A verb of change between a tally word and "N to M": the figures are a change ("dropped 150 to 120").
_CHANGE_WORDS = re.compile(
    r"\b(?:f[ae]ll(?:s|ing|en)?|drop(?:s|ped|ping)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|r[io]se[ns]?|rising|grew|grow(?:s|n|ing)?|"
    r"declin(?:e|es|ed|ing)|slipp?(?:ed|ing)?|slid(?:e|es|ing)?|shr[ai]nk(?:s|ing)?|decreas(?:e|es|ed|ing)|"
    r"increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing))\b",
    re.I,
)


def _tally_told(before: str) -> bool:
    """Whether the words before "N to M" (N the larger) make it a tally: a vote or a result word in the clause, and
    no verb of change after it ("voted 5 to 4", "won 52 percent to 48 percent"; not "the bill passed after the
    council cut its staff 1,200 to 900")."""
    words = list(_TALLY_BEFORE.finditer(before))
    return bool(words) and not _CHANGE_WORDS.search(before[words[-1].end() :])


def _is_score(low: Quantity, high: Quantity, gap: str, low_value: float) -> bool:
    """Whether "A-B" is a score or a tally ("a 7-0 lead", "a 24-17 win", "a 5-4 ruling", "voted 5 to 4"), not a
    range: two whole numbers with no unit joined by a dash or "to", the second smaller (a range runs upwards:
    "18-24", "3,000-5,000")."""
    return (
        bool(re.fullmatch(r"[-–]|\s+to\s+", gap))
        and high.value is not None
        and high.value < low_value
        and not (low.unit or high.unit)
        and all(v is not None and float(v).is_integer() for v in (low.value, high.value))
    )


_NOUN_SKIP_POS = {"ADJ", "NUM", "ADV"}
#: Adjectives used as nouns in counts ("34 dead", "half of the displaced").
NOMINAL_ADJECTIVES = frozenset("dead injured wounded missing killed displaced homeless unemployed sick elderly".split())
#: Words that say what befell the counted: beside it ("six people still missing") or completing its verb ("300
#: residents were left homeless", "three remain unaccounted for").
STATE_WORDS = NOMINAL_ADJECTIVES | frozenset({"unaccounted", "trapped", "stranded", "hurt"})
#: Words for a death toll: the figure it rises to, stands at or is of counts the dead.
TOLL_NOUNS = frozenset({"toll"})
#: Prepositions that hang a figure on a toll or on a verb telling one ("rose to 14", "stands at 14", "a toll of").
TOLL_PREPOSITIONS = frozenset({"to", "at", "of"})
#: Verbs whose subject a figure gives the level or the change of ("net income fell to $141 million", "was $139
#: million", "shares fell 6 percent"): the figure is a value of that measure (``figure_measure``).
MEASURE_VERBS = frozenset(
    "be reach total stand hit top exceed remain amount rise increase grow jump climb surge soar gain rebound "
    "fall decline drop decrease sink plunge slump shrink tumble slip slide dip".split()
)
#: Prepositions that hang a figure on such a verb as its new level or its change ("fell to", "stood at", "rose by").
MEASURE_PREPOSITIONS = frozenset({"to", "at", "by"})
#: Verbs that change their object by or to a figure ("will raise household prices by 22 percent", "cut the rate
#: to 4 percent"): the figure is a value of the object, not of the one who changes it.
CHANGE_OBJECT_VERBS = frozenset(
    "raise increase lift boost hike lower cut reduce slash trim decrease double triple halve".split()
)
#: Verbs that give their object a value with "at" ("put the magnitude at 6.1", "estimated the damage at $2
#: billion", "pegged the cost at $5 million").
ESTIMATE_VERBS = frozenset({"put", "estimate", "peg", "place", "set", "value", "fix"})
#: Relations by which a figure completes such a verb ("was $139 million", "fell 6 percent").
MEASURE_ROLES = frozenset({"attr", "dobj", "npadvmod", "acomp", "oprd"})
#: Subjects that name no measure of their own: "the figure was 40", "it rose to 12".
GENERIC_MEASURES = frozenset({"number", "figure", "total", "amount", "level", "one"})
#: Relations by which a counted noun is what its verb tells of (subject or object: "14 people were killed"), or a
#: figure the amount of its verb's change ("fell 6 percent").
FIGURE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "npadvmod"})
#: Words beside a count that make it an increment of a count told elsewhere ("another four", "four other people",
#: "two more bodies", "12 additional deaths"): "another" before it, the others right after it.
INCREMENT_BEFORE = frozenset({"another"})
INCREMENT_AFTER = frozenset({"other", "others", "more", "additional", "further", "extra", "new"})
#: Prepositions that make a count a part of a larger group ("including three children", "among them two
#: officers").
PART_PREPOSITIONS = frozenset({"including", "among"})
#: Words that make "N of the ..." a part of a group told elsewhere ("70 of the dead", "14 of the injured").
PARTITIVE_DETERMINERS = frozenset({"the", "them", "those", "these", "whom", "its", "their", "his", "her"})
#: The parts that are some of a group (the others are increments or degrees): two such parts may be rivals.
SUBSET_PARTS = frozenset({"including", "among", "of"})
#: Nouns of people something befell whose "N of the ..." is some of them ("70 of the dead", "14 of the injured");
#: "12 of their fighters died" counts all the dead fighters.
PARTITIVE_STATE_NOUNS = frozenset({"victim", "dead", "injured", "wounded", "casualty", "killed", "hurt"})
#: Nouns of a sum whose "N of the ..." is some of it ("$212 million of the purchase price", "40 of the total").
PARTITIVE_AMOUNT_NOUNS = frozenset(
    {"price", "cost", "total", "sum", "amount", "budget", "package", "payment", "settlement", "fund", "bill"}
)
#: What a sum is paid in: "$212 million in cash" is the cash part of a price, no rival of "$290 million in cash
#: and stock" or of the price told whole; two sums in cash are rivals.
PAYMENT_FORMS = frozenset({"cash", "stock", "stocks", "shares", "equity", "securities", "bonds", "warrants"})
#: Adverbs that make a count of the hurt a part of all the hurt ("30 seriously injured").
DEGREE_ADVERBS = frozenset({"seriously", "critically", "severely", "gravely", "badly", "fatally"})


def figure_event(number, counted) -> str | None:
    """What happened to what a figure counts (``_figure_tokens``: its number token, the token that stands for what
    it counts), as a lower-case word, from the parse: a state word beside the counted ("six people still
    missing", "14 dead" -> missing, dead), the verb the counted is the subject or object of ("14 people were
    killed" -> kill, "Thirty-seven were rescued" -> rescue), or ``toll`` for the figure of a death toll ("the
    death toll rose to 14", "a toll of 14"). None when the parse tells none.

    A sentence often gives several counts of one event ("14 were killed, 40 injured and six are missing"), so
    the claim's one predicate cannot say which count is which."""
    doc = counted.doc
    verb = counted.head if counted.dep_ in FIGURE_ROLES and counted.head.pos_ in ("VERB", "AUX") else None
    if counted.dep_ == "pobj" and counted.head.lower_ == "by" and counted.head.head.pos_ == "VERB":
        verb = counted.head.head  # "rose by 4 percent"
    beside = (*counted.children, *doc[counted.i + 1 : counted.i + 3])
    completing = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")] if verb is not None else []
    # "people still missing", parsed as a verb, is no "miss"; "were killed" stays "kill"
    told = [counted, *beside, *completing] + ([verb] if verb is not None and verb.tag_ == "VBG" else [])
    for word in told:
        if word.lower_ in STATE_WORDS and (
            word is counted
            or word is verb
            or word.head is counted
            or word in completing
            or word.dep_ in ("amod", "acl", "advmod", "acomp")
        ):
            return word.lower_
    holder = number.head.head if number.dep_ == "pobj" and number.head.lower_ in TOLL_PREPOSITIONS else None
    if counted.dep_ in ("dobj", "attr") and counted.head.pos_ in ("VERB", "AUX"):
        holder = counted.head  # "the toll reached 14", "the toll was 14"
    if holder is not None and (holder.lemma_.lower() in TOLL_NOUNS or _tells_a_toll(holder)):
        return "toll"
    if verb is None or verb.pos_ != "VERB":
        return None
    if counted.dep_ in ("dobj", "nsubjpass"):  # "forcing 5,000 residents to leave", "were forced to leave": leave
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    idiom = idiom_object(verb)  # "50,000 people took part": no taking
    return f"{verb.lemma_.lower()} {idiom}" if idiom else verb.lemma_.lower()


def figure_part(number, counted) -> str | None:
    """The word that makes a figure a part or an increment of a count told elsewhere (``_figure_tokens``: its
    number token and the token that stands for what it counts), from the parse: "another four people", "four
    other people", "two more bodies" (an increment), "70 of the dead", "14 of them" (a part of a group
    named), "including three children", "among them two officers" (a part of the group before it), "30 people
    seriously injured" (a part of the hurt), "$212 million of the purchase price", "$212 million in cash" (a part
    of a sum: "in cash" is its own sort of part); None for a figure that stands as a whole. A part is no rival of the
    whole's count: "another four people died" beside "24 dead" is no conflict."""
    doc = number.doc
    before = doc[max(number.i - 3, 0) : number.i]
    if any(t.lower_ in INCREMENT_BEFORE for t in before) or any(
        t.lower_ in INCREMENT_BEFORE for t in (*number.children, *counted.children)
    ):
        return "another"
    after = doc[number.i + 1 : number.i + 2]
    if after and after[0].lower_ in INCREMENT_AFTER and not (after[0].lower_ == "more" and _than_follows(after[0])):
        return after[0].lower_.removesuffix("s")
    for token in (counted, number):
        if token.dep_ in ("pobj", "appos") and token.head.lower_ in PART_PREPOSITIONS:
            return token.head.lower_
    lead = [t.lower_ for t in doc[max(number.i - 2, 0) : number.i]]
    if len(lead) == 2 and lead[0] in PART_PREPOSITIONS and lead[1] in ("them", "whom", "those"):
        return lead[0]  # "among them three children", however the parser hangs it
    for prep in counted.children:  # "among them two officers"; not "30 people, including 12 children"
        if prep.dep_ == "prep" and prep.lower_ in PART_PREPOSITIONS:
            if any(c.dep_ == "pobj" and c.pos_ == "PRON" for c in prep.children):
                return prep.lower_
    if counted is number:
        of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        held = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        # "70 of the dead", "14 of the injured": some of those a count of the dead or hurt holds; "12 of their
        # fighters died" counts the dead fighters, all of them
        wholes = PARTITIVE_STATE_NOUNS | PARTITIVE_AMOUNT_NOUNS
        if (
            held is not None
            and (held.lower_ in wholes or held.lemma_.lower() in wholes)
            and any(c.lower_ in PARTITIVE_DETERMINERS for c in held.children)
        ):
            return "of"
    for prep in (*number.children, *(counted.children if counted is not number else ())):
        paid_in = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "in" else None
        # "$212 million in cash" is the cash part; "$290 million in stock and cash" the whole price
        if (
            paid_in is not None
            and paid_in.lower_ in PAYMENT_FORMS
            and not any(c.dep_ == "conj" for c in paid_in.children)
        ):
            return f"in {paid_in.lower_}"
    verb = counted.head if counted.dep_ in FIGURE_ROLES or counted.dep_ == "acl" else None
    for word in (*counted.children, *(verb.children if verb is not None else ())):
        if word.dep_ == "advmod" and word.lower_ in DEGREE_ADVERBS:
            return word.lower_
    return None


#: Longest "for ..." phrase kept as what a sum buys, in tokens.
MAX_BOUGHT_TOKENS = 8


def bought_with(number, counted) -> str | None:
    """What a sum is paid for, from the parse: the "for ..." phrase on the figure or on the verb it is the amount
    of ("costs $1,349 for the smaller model", "paid $290 million for Brightline"), or None. Two sums for
    two things are no rival figures: "$1,349 for the smaller model" / "$2,649 for the model with the faster chip"."""
    verb = counted.head if counted.dep_ in FIGURE_ROLES else None
    if counted.dep_ == "pobj" and counted.head.lower_ in ("at", "from") and counted.head.head.pos_ in ("VERB", "AUX"):
        verb = counted.head.head  # "is priced at $1,349 for ..."
    for token in (number, counted, *((verb,) if verb is not None else ())):
        for prep in token.children:
            if prep.lower_ == "for" and prep.dep_ in ("prep", "dative"):
                bought = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
                if bought is not None:
                    words = list(bought.subtree)[:MAX_BOUGHT_TOKENS]
                    while len(words) > 1 and words[-1].pos_ in ("DET", "CCONJ", "ADP", "PUNCT"):
                        words.pop()  # a phrase cut short ends on a word of its own, not "… and a"
                    return "for " + bought.doc[words[0].i : words[-1].i + 1].text
    return None


def _than_follows(token) -> bool:
    """Whether "than" comes right after ``token`` ("12 more than last year" compares, it adds nothing)."""
    following = token.doc[token.i + 1 : token.i + 2]
    return bool(following) and following[0].lower_ == "than"


def _figure_tokens(doc, start_char: int, end_char: int):
    """The number token of the figure between the character offsets (the vague amount's own last word:
    "dozens") and the token that stands for what it counts (the noun it counts, "14 people"; else itself, or
    its unit: "6 percent" -> percent), or (None, None)."""
    starts = _token_starts(doc)
    tokens = doc[max(0, bisect_left(starts, start_char)) : bisect_left(starts, end_char)]
    number = next((t for t in reversed(tokens) if t.like_num or t.pos_ == "NUM"), tokens[-1] if tokens else None)
    if number is None:
        return None, None
    counted = number.head if number.dep_ == "nummod" and number.head.pos_ in ("NOUN", "PROPN", "ADJ") else number
    return number, counted


def figure_measure(counted) -> str | None:
    """What a figure that counts no noun is the value of (``counted``: the token that stands for it,
    ``_figure_tokens``), from the parse: the subject of the verb whose level or change it gives ("net income fell
    to $141 million", "Net income was $139 million" -> income; "Shares fell 6 percent" -> share; "the
    unemployment rate rose to 5.1 percent" -> unemployment rate), or the noun it is "of"
    ("revenue of $3.2 billion" -> revenue), or the object a verb values "at" it ("put the magnitude at 6.1" ->
    magnitude). None for the value something moved from ("down from $210 million": an earlier figure, not the
    one reported), for a subject that names nothing ("it", "the figure"), and when the parse tells none: a sum
    spent or paid ("committed $4 billion") is no measure of its payer."""
    if counted.dep_ == "pobj":
        preposition, holder = counted.head, counted.head.head
        if preposition.lower_ == "of" and holder.pos_ in ("NOUN", "PROPN"):
            return _measure_name(holder)
        if preposition.lower_ == "at" and holder.dep_ == "dobj" and holder.head.lemma_.lower() in ESTIMATE_VERBS:
            return _measure_name(holder)  # "estimated the damage at $2 billion", "at" hung on the object
        if preposition.lower_ in MEASURE_PREPOSITIONS and holder.pos_ in ("VERB", "AUX"):
            if preposition.lower_ == "at" and holder.lemma_.lower() in ESTIMATE_VERBS:
                # "put the magnitude at 6.1", "at" hung on the verb: its object is the measure
                valued = next((c for c in holder.children if c.dep_ == "dobj"), None)
                return _measure_name(valued) if valued is not None else None
            return _measure_of(holder, counted)
        return None
    if counted.dep_ in MEASURE_ROLES and counted.head.pos_ in ("VERB", "AUX"):
        return _measure_of(counted.head, counted)
    return None


def _measure_of(verb, counted) -> str | None:
    """The measure a verb gives the level or change of (``counted``: the figure's token): the object of one of
    ``CHANGE_OBJECT_VERBS`` that is not the figure itself ("raise household prices by 22 percent" -> household
    price; not "raise 500 million euros"), else the subject of one of ``MEASURE_VERBS`` (the object is read first:
    "increase output 20 percent" -> output)."""
    lemma = verb.lemma_.lower()
    changed = next((c for c in verb.children if c.dep_ == "dobj"), None) if lemma in CHANGE_OBJECT_VERBS else None
    if changed is not None and counted not in changed.subtree:
        return _measure_name(changed)
    if lemma not in MEASURE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    return _measure_name(subject) if subject is not None else None


def _measure_name(noun) -> str | None:
    """A measure's name: the noun's lemma after its compounds ("unemployment rate"); None for a pronoun or a
    word that names no measure (``GENERIC_MEASURES``)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in GENERIC_MEASURES:
        return None
    return " ".join([*(c.lemma_.lower() for c in _compounds(noun)), noun.lemma_.lower()])


def _compounds(noun) -> list:
    """The compounds before a noun, and theirs, in text order ("household electricity prices": household,
    electricity); not the words of its owner ("Korvex Motors Co's share price": share)."""
    found = []
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i:
            found += [*_compounds(child), child]
    return sorted(found, key=lambda token: token.i)


def _tells_a_toll(verb) -> bool:
    """Whether a verb's subject or object is a toll ("the death toll rose to 14", "put the toll at 47")."""
    return verb.pos_ in ("VERB", "AUX") and any(
        (c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "dobj") and c.lemma_.lower() in TOLL_NOUNS for c in verb.children
    )


def _token_starts(doc) -> list[int]:
    """The character offset of every token of ``doc``, computed once per doc."""
    starts = doc.user_data.get("rashomon_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["rashomon_token_starts"] = [t.idx for t in doc]
    return starts


def counted_noun(doc, end_char: int, share: bool = False, unit_only: bool = False) -> tuple[str | None, str | None]:
    """The noun a number counts and the "of ..." scope after it, from the parse: "40 percent of the
    territory" -> ("territory", "of the territory"); "1,519 children" -> ("children", None).

    ``end_char`` is where the number (and its unit) ends in the doc's text; ``share`` says the number is a
    part of a whole (a percentage or a fraction), whose "of ..." phrase is then its scope; ``unit_only`` says
    the number already has a unit, so only an "of ..." phrase names what is measured ("120 tonnes of flour")."""
    first = bisect_left(_token_starts(doc), end_char)  # not a scan of every later token for every number
    tokens = list(doc[first : first + NOUN_LOOKAHEAD_TOKENS + 8])  # all the look-ahead below can reach
    if not tokens:
        return None, None
    noun, scope_start, i = None, None, 0
    while i < len(tokens) and i < NOUN_LOOKAHEAD_TOKENS + 3:
        token = tokens[i]
        lower = token.lower_
        if lower == "of" and noun is None and scope_start is None:
            scope_start = token.i
        elif unit_only and scope_start is None:
            break
        elif lower in NOMINAL_ADJECTIVES and not (i + 1 < len(tokens) and tokens[i + 1].pos_ == "NOUN"):
            noun = token
            break
        elif token.pos_ in ("NOUN", "PROPN") and token.is_alpha and lower not in ("per", "cent"):
            noun = token
            ahead = tokens[i + 1 : i + 4]
            if ahead and ahead[0].tag_ == "POS":  # "the city's water network": the owner is not counted
                noun, i = None, i + 2
                continue
            if ahead and ahead[0].pos_ == "NOUN" and ahead[0].is_alpha and ahead[0].dep_ != "npadvmod":
                i += 1
                continue
            link = next((k for k, t in enumerate(ahead) if t.pos_ == "NOUN" and t.is_alpha), None)
            modifier = token.dep_ in ("compound", "npadvmod", "amod", "nmod") or ahead[:1] and ahead[0].lower_ == "-"
            if (
                modifier
                and link is not None
                and link > 0
                and all(t.lower_ == "-" or t.tag_ in ("VBN", "VBG", "JJ") for t in ahead[:link])
            ):
                i += link + 1
                noun = ahead[link]
                continue
            break
        elif token.tag_ in ("VBN", "VBG") and i + 1 < len(tokens) and tokens[i + 1].pos_ in ("NOUN", "ADJ"):
            pass
        elif (
            token.pos_ in _NOUN_SKIP_POS
            or token.dep_ in ("amod", "compound")
            or lower in ("-", "the", "its", "their", "his", "her")
        ):
            if lower in ("the", "its", "their", "his", "her") and scope_start is None:
                break
        else:
            break
        i += 1
    if noun is None:
        return None, None
    scope = None
    of = (
        scope_start
        if share and scope_start is not None
        else next((t.i for t in doc[noun.i + 1 : noun.i + 2] if t.lower_ == "of"), None)
    )
    if of is not None:
        prep = doc[of]
        last = max(prep.right_edge.i, noun.i)
        last = min(last, of + MAX_SCOPE_TOKENS)
        span = doc[of : last + 1]
        scope = span.text.rstrip(" ,.;")
    return noun.lower_, scope
