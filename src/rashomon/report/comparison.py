"""Renderer of a comparison across pages (:func:`rashomon.compare.compare_pages`) for a terminal."""

from __future__ import annotations


def comparison_text(result: dict) -> str:
    """``compare_pages``' result as plain text for a terminal: one line per verdict, then each outlet's words."""
    lines = ["pages: " + " | ".join(f"{p['id']} {p['label']} ({p['claims']} claims)" for p in result["pages"])]
    for alignment in result["alignments"]:
        lines.append(f"[{alignment['verdict']}] {alignment['topic']}: {alignment['explanation']}")
    for pid, entry in result["framing"].items():
        words = ", ".join(f"{d['term']} ({d['z']:.1f})" for d in entry["distinctive"][:10]) or "none"
        terms = ", ".join(f"{h['term']} ×{h['count']:g}" for h in entry["lexicon"]) or "none"
        lines.append(f"{pid} {entry['label']}: distinctive words {words}; framing terms {terms}")
    for warning in result["warnings"]:
        lines.append(f"warning {warning['code']}: {warning['message']}")
    return "\n".join(lines) + "\n"
