"""The JSON renderer: the contract (:mod:`rashomon.contract`) as an indented document."""

from __future__ import annotations

from ..contract import to_json
from ..model import Analysis


def render_json(analysis: Analysis) -> str:
    return to_json(analysis)
