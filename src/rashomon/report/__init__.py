"""Renderers of an :class:`~rashomon.model.Analysis`: JSON (the contract), HTML, Markdown, terminal."""
