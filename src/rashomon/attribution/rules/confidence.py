"""How sure each rule is, in one table: the confidence an attribution found by that rule carries.

Keys are ``family.rule``. Content rules (``content.*``) give the confidence of the content a cue verb takes;
the other families give the confidence of the attribution they add. Change a value here, not in the rule.
"""

from __future__ import annotations

CONFIDENCE: dict[str, float] = {
    # content of a cue verb (content.py, tried in CONTENT_RULES order)
    "content.report_object": 0.8,  # "announced the capture of X"
    "content.clause": 1.0,  # "said that X", "X, the source said"
    "content.passive_agent": 0.7,  # "the plan was criticized by X"
    "content.passive_subject": 0.5,  # "the price was not disclosed"
    "content.relative_gap": 0.6,  # "an arrangement the campaign has criticized"
    "content.short_answer": 0.7,  # "said yes", "thinks so"
    "content.regarded_as": 0.7,  # "viewed it as a great deal"
    "content.belief_object": 0.6,  # "wants a wall along the border"
    "content.belief_preposition": 0.6,  # "worried about X"
    "content.belief_aside": 0.8,  # "his leverage, they believe, is intact"
    "content.object_then_clause": 0.6,  # "said the insurgents ... had withdrawn" (subject parsed as object)
    "content.long_said_object": 0.6,  # "said families of victims file lawsuits"
    "content.name_given": 0.6,  # "what she called a rant"
    "content.object_named": 0.7,  # "called it a massacre", "described X as Y"
    "content.speech_object": 0.6,  # "mentioned the remarks"
    "content.topic_object": 0.6,  # "told the story of X"
    "content.preposition": 0.7,  # "lashed out at X", "called for X"
    "content.aside": 0.9,  # "the attack, he said, was ..."
    "content.trailing_cue": 0.9,  # "X, but Y, said its chief executive"
    # verb cues (verb_cues.py)
    "verb.unlisted": 0.5,  # any verb or adjective with a subject and a that/whether-clause
    "verb.label_prefix": 0.6,  # "self-described X"
    "verb.impression": 0.5,  # "X seems Y", "it appears that"
    "verb.made_clear": 0.9,  # "made clear that"
    "verb.cross_sentence": 0.5,  # "He said:" with what was said in the next sentence
    "verb.neighbour_quote": 0.9,  # 'He said: "..."' across sentences
    "verb.reply": 0.8,  # "..., a charge the group denied"
    "verb.put_it": 0.8,  # "as X put it"
    "verb.quote_as": 0.8,  # "X quoted Y as saying"
    "verb.records_show": 0.7,  # "records show that"
    # noun cues (noun_cues.py)
    "noun.viewpoint": 0.7,  # "in X's view"
    "noun.light_verb": 0.7,  # "made the case that"
    "noun.reception": 0.6,  # "drew criticism from X"
    "noun.speech_act": 0.6,  # "her criticism of X", "calls for X"
    # phrases (phrases.py)
    "phrase.split_source": 0.8,  # "According to X, the troops ...": the comma ends the phrase
    "phrase.according_to": 0.9,  # "according to X"
    "phrase.finding": 0.6,  # "in X's findings"
    "phrase.relay_adverb": 0.6,  # "reportedly"
    # layout (layout.py) and quotation marks (quote_marks.py)
    "layout.speaker_label": 0.7,  # "PENCE: ..."
    "layout.colon_quote": 0.6,  # 'Name: "..."'
    "layout.dash_byline": 0.7,  # '"..." - Name'
    "quote.orphan": 0.6,  # a quotation no cue claims, left to the previous speaker
}


def rated(rule: str) -> dict:
    """The keyword arguments that mark a :class:`~.base.Found` as found by ``rule``: its confidence and name."""
    return {"confidence": CONFIDENCE[rule], "rule": rule}
