"""Dependency labels and part-of-speech tags that several stages read with one meaning, in the label schemes of
spaCy's English models (ClearNLP: ``nsubj``, ``csubjpass``, ``dobj``...; Penn Treebank: ``VBD``, ``MD``...). A stage that means something narrower or wider names its own
set after what it means, beside its other settings (``claims.frames.CLAUSE_SUBJECT_DEPS``)."""

from __future__ import annotations

#: A noun phrase as the subject of its verb, active or passive ("the minister said", "the plan was dropped").
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Any subject of a verb: a noun phrase or a clause ("what he did shocked them", "that he lied was denied").
SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS | {"csubj", "csubjpass"}
#: Part-of-speech tags of a tensed verb (past, present), and with a modal those of a verb that heads a finite clause.
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
FINITE_TAGS = TENSED_TAGS | {"MD"}
