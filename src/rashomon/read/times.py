"""Comment and page times, from the many ways pages write them to ISO 8601 — or None, never a guess.

One parser for both readers: ISO 8601, a reader's own strptime formats (a dump style's ``time_formats``),
common fixed formats, dates written out in the languages rashomon meets (``9. Dezember 2013 at 14:57``,
``March 7, 2018``), unambiguous numeric dates, and relative times (``3 hours ago``, ``yesterday``) resolved
against the page's date when it has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

TIME_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%B %d, %Y at %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%A, %B %d, %Y %I:%M %p",
    "%d/%m/%Y %H:%M",
    "%d %B %Y %H:%M",
    "%d %B %Y",
)


#: Directives that match only digits (a format opening with one cannot read a time that opens with a letter), and
#: only names.
DIGIT_FIRST = frozenset(("%Y", "%d", "%m", "%H", "%I", "%M", "%S", "%y", "%j"))
NAME_FIRST = frozenset(("%B", "%b", "%A", "%a", "%p"))


#: Month names and their usual abbreviations in the languages of the pages rashomon reads (de, en, fr, es, it,
#: pl, nl, pt); Polish in the genitive, as dates write them.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januar jänner january janvier enero gennaio stycznia styczeń januari janeiro jan jän janv ene gen sty",
            "februar feber february février fevrier febrero febbraio lutego luty februari fevereiro feb fév fevr févr lut",
            "märz maerz march mars marzo marca marzec maart março mär mrz mar",
            "april avril abril aprile kwietnia kwiecień apr avr abr kwi",
            "mai may mayo maggio maja maj mei maio",
            "juni june juin junio giugno czerwca czerwiec junho jun jui giu cze",
            "juli july juillet julio luglio lipca lipiec julho jul juil lug lip",
            "august august août aout agosto sierpnia sierpień augustus aug aoû ago sie",
            "september septembre septiembre settembre września wrzesień setembro sep sept set wrz",
            "oktober october octobre octubre ottobre października październik outubro okt oct ott paź",
            "november novembre noviembre listopada listopad novembro nov lis",
            "dezember december décembre decembre diciembre dicembre grudnia grudzień dezembro dez dec déc dic gru",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_CLOCK = r"(?:\D{0,14}?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
LOOSE_DATES = (
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.?\s*" + _MONTH + r",?\s+(?P<year>\d{4})" + _CLOCK, re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _CLOCK, re.I),
    # 14/04/2020, 18.02.2020, and "17.07, 2011" (a comma before the year, as some blog themes write it)
    re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})(?:[./]|,\s*)(?P<year>\d{4})" + _CLOCK, re.I),
)


def parse_loose(raw: str) -> str | None:
    """A date written out ("9. Dezember 2013 at 14:57", "March 7, 2018", "14/04/2020 at 3:00 pm") in ISO 8601.

    A numeric date is read day first only when that is the one possible reading (14/04/2020, 18.02.2020).
    """
    for pattern in LOOSE_DATES:
        for match in pattern.finditer(raw):
            parts = match.groupdict()
            if parts.get("month") is not None:
                month = MONTHS.get(parts["month"].lower())
                day = int(parts["day"])
            else:
                a, b = int(parts["a"]), int(parts["b"])
                if "." in match.group(0)[:6] or a > 12:
                    day, month = a, b
                elif b > 12:
                    day, month = b, a
                else:
                    continue
            if not month:
                continue
            hour = int(parts["hour"]) if parts.get("hour") else 0
            minute = int(parts["minute"]) if parts.get("minute") else 0
            second = int(parts["second"]) if parts.get("second") else 0
            ampm = (parts.get("ampm") or "").replace(".", "").lower()
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            try:
                return datetime(int(parts["year"]), month, day, hour, minute, second).isoformat()
            except ValueError:
                continue
    return None


RELATIVE_TIME = re.compile(
    r"^(?:(?P<n>\d{1,6}|an?|one)\s+(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago|(?P<yesterday>yesterday))$",
    re.I,
)
UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def parse_relative(raw: str, reference: datetime | None) -> str | None:
    """``3 hours ago`` / ``yesterday`` as a time before ``reference`` (same precision and zone), else None."""
    match = RELATIVE_TIME.match(raw)
    if not match or reference is None:
        return None
    if match["yesterday"]:
        days = 1.0
    else:
        n = match["n"].lower()
        days = (1 if n in ("a", "an", "one") else int(n)) * UNIT_DAYS[match["unit"].lower()]
    try:
        return (reference - timedelta(days=days)).isoformat()
    except OverflowError:  # "99999 years ago": before year 1, not a time
        return None


def parse_time(raw: str | None, formats: Iterable[str] = (), reference: datetime | None = None) -> str | None:
    """ISO 8601 for ``raw``; ``formats`` are tried first, ``reference`` resolves relative times."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    if not raw:
        return None
    cannot_match = DIGIT_FIRST if not raw[0].isdigit() else NAME_FIRST
    for fmt in (*formats, *TIME_FORMATS):
        if fmt[:2] in cannot_match:
            continue  # a format that cannot match: strptime raising ValueError is most of its cost
        try:
            return datetime.strptime(raw, fmt).isoformat()
        except ValueError:
            continue
    relative = parse_relative(raw, reference)
    if relative:
        return relative
    loose = parse_loose(raw)
    if loose:
        return loose
    match = re.search(r"\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)", raw) or re.search(
        r"\b(\d{1,2}\.\d{1,2}\.\d{4}(?:,? \d{1,2}:\d{2})?)", raw
    )
    if match:
        value = match.group(1).replace(",", "")
        for fmt in (
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d",
            "%d.%m.%Y %H:%M",
            "%d.%m.%Y",
        ):
            try:
                return datetime.strptime(value, fmt).isoformat()
            except ValueError:
                continue
    return None
