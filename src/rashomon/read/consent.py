"""Consent dialogs (cookie banners, consent walls): answered by ``--render``, and never article or comments.

The table ``rashomon/data/read/consent.yaml`` names them (the ids and classes of the consent platforms' embeds and
of sites' own banners, consent iframes, and dialogs whose text speaks of cookies or consent) and their buttons (by
platform selector and by label, in several languages). This module compiles the dialogs into one XPath 1.0
expression, which the render runs in every frame (the browser's ``document.evaluate``): to find the dialog to
answer, and to leave what is still there out of the page it reads. (A page read as HTML gets no such walk, which
would cost every page a millisecond or two: trafilatura leaves out the elements whose class holds "cookie" or
"consent" itself, and the consent phrases of ``interface_text.yaml`` keep a banner's words out of the comments
and a consent wall out of the article.)

How ``--render`` answers a dialog is the *consent policy* (``settings.RENDER_CONSENT``, ``--set read.consent=...``):

- ``reject`` (the default): the dialog's reject or "only necessary" button when it has one, else its accept button
  (a dialog with no way to refuse would otherwise hide the page and its comments);
- ``accept``: the accept button when there is one, else the reject button (for comment widgets that a site
  mounts only with full consent);
- ``leave``: no dialog is touched; what it hides may be missing.

Whatever was done is said in a ``consent_dialog`` warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..resources import load_yaml

#: The consent policies of ``--render``, as ``settings.RENDER_CONSENT`` and ``read.consent`` name them; each
#: with the answers it gives, in order of preference.
CONSENT_POLICIES: dict[str, tuple[str, ...]] = {
    "reject": ("reject", "accept"),
    "accept": ("accept", "reject"),
    "leave": (),
}


@dataclass(frozen=True, slots=True)
class ConsentTable:
    """The compiled table: the dialogs' XPath, and per answer (``reject``, ``accept``) the platforms' button
    selectors (CSS) and the button labels (JavaScript regular expressions)."""

    xpath: str
    selectors: dict[str, tuple[str, ...]]
    labels: dict[str, tuple[str, ...]]


def _literal(value: str) -> str:
    """``value`` as an XPath 1.0 string literal."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ValueError(f"consent.yaml: {value!r} holds both kinds of quote")


def dialogs_xpath(dialogs: dict[str, Any]) -> str:
    """One XPath 1.0 expression for the ``dialogs`` section of the table: one walk over the page, the cheapest
    test first (an attribute that is there at all), every id in one ``contains`` (each ``@id='…'`` copies the
    attribute: forty of them made the walk several times slower)."""

    def any_of(template: str, values) -> str:
        return " or ".join(template.format(_literal(str(v))) for v in values or ())

    tests = []
    ids = [str(v) for v in dialogs.get("ids") or () if str(v).strip()]
    id_tests = [f"contains({_literal(' ' + ' '.join(ids) + ' ')}, concat(' ', @id, ' '))"] if ids else []
    id_tests += [any_of("starts-with(@id, {})", dialogs.get("id_prefixes"))] if dialogs.get("id_prefixes") else []
    if id_tests:
        tests.append(f"(@id and ({' or '.join(id_tests)}))")
    if dialogs.get("classes"):
        tests.append(f"(@class and ({any_of('contains(@class, {})', dialogs['classes'])}))")
    frames = " or ".join(
        filter(
            None,
            (
                any_of("contains(@title, {})", dialogs.get("frame_titles")),
                any_of("contains(@src, {})", dialogs.get("frame_sources")),
            ),
        )
    )
    if frames:
        tests.append(f"(self::iframe and ({frames}))")
    if dialogs.get("dialog_words"):
        words = any_of("contains(., {})", dialogs["dialog_words"])
        tests.append(
            f"((@role or @aria-modal) and (@role='dialog' or @role='alertdialog' or @aria-modal='true') and ({words}))"
        )
    return f"//*[{' or '.join(tests) or 'false()'}]"


def table_from_data(data: dict) -> ConsentTable:
    buttons = data.get("buttons") or {}
    labels = data.get("labels") or {}
    answers = ("reject", "accept")
    return ConsentTable(
        xpath=dialogs_xpath(data.get("dialogs") or {}),
        selectors={a: tuple(buttons.get(a) or ()) for a in answers},
        labels={a: tuple(labels.get(a) or ()) for a in answers},
    )


@lru_cache(maxsize=1)
def consent_table() -> ConsentTable:
    return table_from_data(load_yaml("read/consent.yaml"))


def consent_answers(policy: str) -> tuple[str, ...]:
    """The answers the consent ``policy`` gives, in order of preference; a :class:`ConfigError` for an unknown
    one."""
    try:
        return CONSENT_POLICIES[policy]
    except KeyError:
        known = ", ".join(CONSENT_POLICIES)
        raise ConfigError(f"unknown consent policy {policy!r} (known: {known})") from None
