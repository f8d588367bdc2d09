"""How sure each rule is, in one table: the confidence an attribution found by that rule carries.

Keys are ``family.rule``. Content rules (``content.*``) give the confidence of the content a cue verb takes;
the other families give the confidence of the attribution they add. Change a value here, not in the rule.

**Calibrated, not guessed.** Each value is the share of that rule's cues that overlap a cue annotated in PolNeAR's
dev split (84 articles), rounded to 0.05 — the precision ``eval/attribution.py`` scores, per rule (measured
after the issue 15 speaker and cue checks, December 2026). Where dev holds fewer than 20 of a rule's cues, the
share is pooled with the first 150 train articles (noted ``pooled``); rules with no cue in either keep a
judged value (noted ``unmeasured``). PolNeAR leaves some real attributions unannotated, so these shares are a
floor. No value is above 0.95: no rule is certain. A verb cue's confidence is also capped by its group
(:data:`GROUP_CONFIDENCE`): "X thinks that ..." is right less often than "X said that ...".
"""

from __future__ import annotations

CONFIDENCE: dict[str, float] = {
    # content of a cue verb (content.py, tried in CONTENT_RULES order); dev right/all in brackets
    "content.report_object": 0.8,  # "announced the capture of X" (62/76)
    "content.clause": 0.95,  # "said that X", "X, the source said" (speech verbs 865/899; see GROUP_CONFIDENCE)
    "content.passive_agent": 0.8,  # "the plan was criticized by X" (pooled 11/14)
    "content.relative_gap": 0.65,  # "an arrangement the campaign has criticized" (pooled 6/9)
    "content.free_relative_gap": 0.85,  # "planned for what he said is a rising need" (unmeasured)
    "content.short_answer": 0.9,  # "said yes", "thinks so" (pooled 9/9; capped)
    "content.regarded_as": 0.9,  # "viewed it as a great deal" (27/30)
    "content.belief_object": 0.7,  # "fears a recession" (pooled 12/17)
    "content.belief_preposition": 0.65,  # "worried about X" (pooled 14/22)
    "content.belief_aside": 0.4,  # "his leverage, they believe, is intact" (pooled 2/5)
    "content.object_then_clause": 0.9,  # "said the insurgents ... had withdrawn" (39/44)
    "content.long_said_object": 0.9,  # "said families of victims file lawsuits" (pooled 4/4; capped)
    "content.name_given": 0.35,  # "what she called a rant" (pooled 2/6)
    "content.object_named": 0.95,  # "called it a massacre", "described X as Y" (41/43)
    "content.speech_object": 0.85,  # "mentioned the remarks" (78/93)
    "content.text_quoted": 0.85,  # 'issued a statement: "..."' (unmeasured: as "content.speech_object")
    "content.colon_quote": 0.9,  # 'saying in a post on its website: "..."' (unmeasured: as "content.clause")
    "content.topic_object": 0.8,  # "told the story of X" (pooled 7/9)
    "content.preposition": 0.85,  # "lashed out at X", "called for X" (81/95)
    "content.aside": 0.9,  # "the attack, he said, was ..." (40/44)
    "content.inverted_aside": 0.85,  # "The ferry, said a spokesman, would resume" (unmeasured: as "content.comma_aside")
    "content.closing_aside": 0.8,  # "Roe thinks X, her husband said." hung on the first verb (unmeasured)
    "content.comma_aside": 0.85,  # "These workers, Vell explained at the hearing, were paid" (dev 2/2; as "content.aside")
    "content.trailing_cue": 0.9,  # "X, but Y, said its chief executive" (unmeasured)
    "content.name_hung_before_cue": 0.85,  # "X, Secretary Jane Roe revealed Wednesday." (parser slip, unmeasured)
    # verb cues (verb_cues.py)
    "verb.clause_mark": 0.8,  # any verb with a subject and a that/whether-clause: "decided that" (19/24)
    "verb.unlisted": 0.65,  # attitude adjectives and stance holders: "is confident that", "a critic of" (pooled 22/35)
    "verb.label_prefix": 0.6,  # "self-described X" (unmeasured)
    "verb.impression": 0.6,  # "X seems Y", "it appears that" (pooled 22/35)
    "verb.evident": 0.6,  # "it is obvious that ..." with nobody named (dev 3/3; as "verb.impression" until pooled)
    "verb.made_clear": 0.9,  # "made clear that" (pooled 2/2; capped)
    "verb.cross_sentence": 0.7,  # "He said:" with what was said in the next sentence (pooled 14/20)
    "verb.neighbour_quote": 0.85,  # 'He said: "..."' across sentences (33/39)
    "verb.going_on": 0.85,  # 'She went on: "..."' (unmeasured: none on dev; as "verb.neighbour_quote")
    "verb.reply": 0.8,  # "..., a charge the group denied" (unmeasured)
    "verb.put_it": 0.9,  # "as X put it" (pooled 3/3; capped)
    "verb.estimate": 0.8,  # "puts the toll at 15" (unmeasured: one on dev; as "content.report_object")
    "verb.quote_as": 0.8,  # "X quoted Y as saying" (unmeasured)
    "verb.records_show": 0.7,  # "records show that" (unmeasured)
    # noun cues (noun_cues.py)
    "noun.viewpoint": 0.65,  # "in X's view" (pooled 2/3)
    "noun.light_verb": 0.7,  # "made the case that" (pooled 26/37)
    "noun.reception": 0.6,  # "drew criticism from X" (pooled 2/2; few)
    "noun.speech_act": 0.65,  # "her criticism of X", "calls for X" (25/38)
    # phrases (phrases.py)
    "phrase.split_source": 0.8,  # "According to X, the troops ...": the comma ends the phrase (unmeasured)
    "phrase.according_to": 0.9,  # "according to X" (34/37)
    "phrase.finding": 0.6,  # "in X's findings" (pooled 3/5)
    "phrase.relay_adverb": 0.35,  # "reportedly" (pooled 2/6)
    "phrase.viewpoint_to": 0.65,  # "To X, ..." (unmeasured: none on dev; as "noun.viewpoint")
    # layout (layout.py) and quotation marks (quote_marks.py)
    "layout.speaker_label": 0.85,  # "PENCE: ..." (pooled 49/56)
    "layout.colon_quote": 0.35,  # 'Name: "..."' (pooled 1/3)
    "layout.dash_byline": 0.95,  # '"..." - Name' (18/18; capped)
    "layout.interview_answer": 0.85,  # "A: ...", the one interviewed left unnamed (as "layout.speaker_label")
    "quote.orphan": 0.6,  # a quotation no cue claims, left to the previous speaker (no cue to score: unmeasured)
    # speakers (page.py with speakers.writer_word): the most an attribution to the page's own writer can be sure of
    "speaker.writer": 0.9,  # "we recommend", "I don't think" outside quotations, given to the publisher (unmeasured)
}

#: The most a verb cue of each lexicon group can be sure of, from the clause rule's precision per group on PolNeAR
#: dev: speech verbs 865/899, report verbs 52/59, belief verbs 89/112 ("thinks", "wants", "sees").
GROUP_CONFIDENCE: dict[str, float] = {"speech": 0.95, "report": 0.9, "belief": 0.8, "quote_as": 0.95}


def rated(rule: str) -> dict:
    """The keyword arguments that mark a :class:`~.base.Found` as found by ``rule``: its confidence and name."""
    return {"confidence": CONFIDENCE[rule], "rule": rule}
