"""Abusive words a comment mentions rather than uses (issue 22): denied, or quoted or reported to denounce them.

"Gay people are not disgusting", "I don't hate anyone", "you have to stop calling them vermin", 'statements
like "they are scum" are hurtful': the abusive word is there, but the writer negates it or holds it up to
condemn it. A span (the span head's phrase, a lexicon insult word, a dehumanizing phrase) is *mentioned* when

* a negation stands just before it in the same clause ("are not disgusting", "would never hurt"; only the words of
  ``NEGATION_BRIDGE`` between), but not a negation that sharpens an insult ("not just stupid", "don't be an
  idiot") or compares ("not a coward like you");
* it sits inside quotation marks that a cue introduces as someone's words ('wrote "..."', 'statements like "..."'),
  or inside scare quotes: a few words in double quotation marks that hold a label at arm's length (a "brutal
  dictator", the "evil" enemy);
* its clause says it of someone else's words: "stop calling ...", "saying that ...", "calling them X is ...", or
  condemns the act it names: "it is not okay to threaten ...", "stop harassing ..." (session 15); or names the
  claim that follows as false: "the lie that ...", "the myth that ..."; or asks why anyone would do it ("why would
  anyone want to hurt ...?"), or a reporting clause after it gives them to someone ("..., says the poster";
  session 35);
* it sits in a quotation of a whole statement that the writer's own sentence goes on after ("Is '...' really the
  best argument you have?").

A group's name is not abusive on its own (:func:`names_a_group_only`), so a negation before it denies nothing.
Tried and left out (issue 22): dropping the span head's spans that only name a group ("I love gay people"
flagged on "gay people"): the head puts most hateful comments' evidence on the group's name too, and the
functional suite's accuracy fell (encoder, half A 0.789 -> 0.705, held-out half B 0.734 -> 0.649). Kept
(session 14): such spans are dropped only where the comment denies or reports abuse ("[Gay] people are not
[disgusting]": ``abuse.MENTIONED_ABUSE_DROPS_GROUP_SPANS``), and a span that opens with a group's name is judged
from the word after it (:func:`group_name_end`).

Such spans are not evidence: they set no lexicon floor, and a flag with only them to show is withheld
(``comments.FLAG_NEEDS_EVIDENCE``). Slurs are left alone (a slur is a slur even when negated: "he is no ..."),
and threats keep their own negation, reporting and quotation rules (``threats``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
#: Words that may stand between a negation and the word it denies ("are not a disgrace", "not so stupid",
#: "would never ever hurt"); any other word means the negation governs something else ("can't fix stupid",
#: "don't watch moron movies"), so the span is used, not denied. Chosen on OLID development tweets (issue 22);
#: "all" in session 35 ("... are not all evil"), unless the sentence goes on to say it of most ("not all vermin,
#: but most of them are"); "wish" in session 38 ("nobody should ever wish harm on ...").
NEGATION_BRIDGE = tuple("a an so that very really at ever be being even remotely all wish".split())
#: Most characters between a cue ("said", "like", "calling") and the opening quotation mark it introduces.
QUOTE_CUE_GAP = 30
#: Most words in double quotation marks with no cue before them that are scare quotes: a label the writer holds
#: at arm's length ('from a doctor to a "brutal dictator"', 'the "evil" Russians'), not words the writer uses.
#: Issue 22: the encoder mode flagged a comment mocking a label for the label's words.
SCARE_QUOTE_WORDS = 3
#: Fewest words of a quotation with no cue that is someone's words held up when the writer's own words go on
#: around it in the comment ("Is 'they are all ...' really your best argument?"): a whole statement in quotation
#: marks inside the writer's sentence is quoted, not said (issue 22, session 35). A comment that is nothing but a
#: quotation is the writer's, and so is one the writer claims ("'...' is what I always say").
EMBEDDED_QUOTE_WORDS = 3
#: How far before a span its clause, its sentence or the claim it is part of is looked for.
LOOKBACK_CHARS = 200
# ---------------------------------------------------------------------------------------------------------

#: Auxiliaries a negated subject may take before the words it denies ("nobody would be better off without ...",
#: "no one is ever ..."): the negation is the subject's, so it governs the verb phrase after them (session 15).
NEGATED_SUBJECT_AUXILIARIES = (
    "would",
    "will",
    "could",
    "should",
    "can",
    "might",
    "must",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "'d",
    "'s",
    "'ll",
    # what a subject deserves, needs or ought to undergo ("no one deserves to ...", "no child should have to ...")
    "deserves",
    "deserve",
    "needs",
    "need",
    "ought",
    "to",
)
#: Words after a clause-opening "no" that make no negated subject ("no wonder they ...", "no doubt ...").
NOT_A_NEGATED_SUBJECT = ("wonder", "doubt", "surprise", "way", "matter", "offense", "offence", "kidding", "joke")
#: Words a noun phrase headed by "no" never holds: a pronoun or a determiner starts another subject, and the "no"
#: was an interjection ("no dude you are ...", "no lie those people ...").
NOT_IN_A_NEGATED_SUBJECT = (
    "i|me|my|you|your|u|ur|he|him|his|she|her|we|us|our|they|them|their|it|its|this|that|these|those|the|a|an"
)
#: Most words of the noun phrase a clause-opening "no" heads ("no trans person deserves ...").
NEGATED_SUBJECT_WORDS = 3

_CLAUSE_END_RE = re.compile(r"[.!?;:,\n()]|\b(?:but|though|although|yet|because)\b")
_BRIDGE = r"(?:\s+(?:" + "|".join(NEGATION_BRIDGE) + r"))*"
#: A clause that opens with a negated subject: "nobody", "no one", or "no" and the noun phrase it heads ("no
#: immigrant", "no trans person"): what the clause says of it, it denies of everyone.
_NP_WORD = r"(?!(?:" + NOT_IN_A_NEGATED_SUBJECT + r")\b)[a-z'-]+"
NEGATED_SUBJECT = (
    r"(?:\b(?:nobody|noone|no one)|^\s*no\s+(?!(?:"
    + "|".join(NOT_A_NEGATED_SUBJECT)
    + r"|one)\b)(?:"
    + _NP_WORD
    + r"\s+){0,"
    + str(NEGATED_SUBJECT_WORDS - 1)
    + r"}?"
    + _NP_WORD
    + ")"
)
_NEGATION_RE = re.compile(
    r"(?:\b(?:not|never|nobody|noone|no one)\b|\b(?:is|are|was|were|am|be)\s+no\b|(?<=')(?:s|re)\s+no\b|n't\b|"
    r"\bcannot\b"
    # a negated subject and its auxiliaries: "nobody would (really) be ...", "no one has ever ...", "no child
    # deserves to ..."
    r"|"
    + NEGATED_SUBJECT
    + r"(?:\s*(?:"
    + "|".join(re.escape(a) for a in NEGATED_SUBJECT_AUXILIARIES)
    + r")\b)+(?:\s+(?:really|ever|truly|honestly|be|been|have))*)"
    + _BRIDGE
    + r"\s*$"
)
#: Negations that do not deny what follows: they sharpen it or order it ("not just stupid", "don't be a fool"),
#: or compare ("not a coward like you": see ``_COMPARED_RE``).
_LEADING_AUXILIARIES_RE = re.compile(
    r"(?:(?:" + "|".join(re.escape(a) for a in NEGATED_SUBJECT_AUXILIARIES) + r")\b\s*)+"
)
_NOT_DENIAL_RE = re.compile(
    r"\b(?:not (?:just|only|merely|simply|even)|(?:don'?t|do not|never) (?:be|act|sound|look)(?: like)?|"
    r"no (?:wonder|doubt|surprise)|nothing but|none other than|no better than|nobody but)\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n]+")
_COMPARED_RE = re.compile(r"\s*(?:like|as|than)\b")
#: Someone else's words held up in the same clause, before the span: "stop calling X ...", "saying that X".
_REPORTED_RE = re.compile(
    r"(?:\b(?:stop|quit|stopped|not okay to|wrong to|enough of)\s+(?:\w+\s+)?(?:calling|saying|claiming|"
    r"spreading|repeating|posting)|^\s*(?:calling|saying|claiming|suggesting|implying))(?:\s+that)?"
    # someone named between the verb and the span: "stop calling THEM vermin" (but "stop saying stupid stuff")
    r"(?:\s+(?:the|a|an|these|those|all))*\s+(?!(?:the|a|an|these|those|all)\b)[\w'-]+\b[^.!?;:\n]*$"
)
#: A claim the clause names as false before stating it: "the lie that ...", "spreading the myth that ..." (session
#: 35): what follows "that" is the claim held up, not the writer's; not "it's no myth that ...", and not a stereotype
#: or a trope, which a writer may endorse ("the stereotype that ... exists for a reason").
_FALSE_CLAIM_RE = re.compile(
    r"(?<!\bno )(?<!\bnot a )(?<!\bnot an )(?<!n't a )(?<!n't an )\b(?:lies?|myths?|falsehoods?|smears?|slanders?|"
    r"canards?|conspiracy theor(?:y|ies)|nonsense|propaganda|misconceptions?|stereotypes?|tropes?|"
    r"(?:false|bogus|baseless|absurd|"
    r"ridiculous)\s+(?:claims?|ideas?|notions?|narratives?|beliefs?))\s+(?:that|about how)\b[^.!?;:,\n]*$"
)
#: A claim held up before the span and called false after it, in one sentence (session 55): "the idea that [... are
#: dishonest] is a prejudice", "claiming [... are weak] is laughable" (:func:`_claim_called_false`).
_CLAIM_FRAME_RE = re.compile(
    r"\b(?:(?:the|this|that) (?:idea|notion|claim|assumption|belief|narrative|rumou?r|suggestion) that|"
    r"(?:claiming|saying|suggesting|pretending|assuming|implying)(?: that)?)\s+[^.!?;\n]{0,60}$"
)
_FALSE_VERDICT_AFTER_RE = re.compile(
    r"[^.!?;\n]{0,40}?\b(?:is|are|was) (?:(?:just|simply|a|an|so|pure|total|utter|complete|old|lazy|tired|ugly|nasty|"
    r"racist|bigoted|and|frankly|plain) )*(?:nonsense|rubbish|garbage|false|untrue|wrong|a lie|a myth|a prejudice|"
    r"prejudice|a stereotype|bigotry|racism|laughable|ridiculous|absurd|baseless|outdated|offensive|hateful)\b"
)
#: A question that asks why anyone would do the act the span names, denying that anyone should: "why would anyone
#: (want to) hurt ...", "why should people ever ..." (session 35).
_WHY_WOULD_ANYONE_RE = re.compile(
    r"\bwhy (?:on earth )?(?:would|should) (?:(?:anyone|anybody|someone|somebody|people)\s+"
    r"(?:(?:ever|even|really|possibly|want to|wish to|need to|try to|like to)\s+)*"
    # "why would you (ever) want to hurt ...?", but not "why would you idiots ...": the act must be announced
    r"|(?:you|they|we)\s+(?:(?:ever|even|really|possibly)\s+)*(?:ever|want to|wish to|need to|try to|like to)\s+)$"
)
#: A claim the sentence denies or calls false before stating it (session 35): "I don't think ...", "nobody here
#: believes ...", "it's not true that ...", "it is absurd to claim ...", "I refuse to believe ...", "stop
#: pretending ...", "I can't believe anyone still thinks ...", or reports someone else's ("Brandt claims ...",
#: "claims that ... are unfounded"). The claim runs from the matrix to the span with no clause break ("I don't think
#: so, but ..." denies nothing after the comma) and says what someone is: its verb, between the matrix and the span's
#: end, is a copula ("I do not believe one word this scumbag says", "we will never accept these vermin" are insults).
_MATRIX_NEGATION = r"(?:don't|do not|doesn't|does not|didn't|did not|never|wouldn't|won't|will not|nobody|no one|noone)"
_THINK_OR_SAY = (
    r"(?:think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|claimed|agree|agrees|accept|"
    r"accepts|buy|buys|suppose|imagine|tell me|pretend|pretends)"
)
_DENIED_CLAIM_RE = re.compile(
    r"(?:\b"
    + _MATRIX_NEGATION
    + r"(?:\s+[\w'-]+)?\s+(?:(?:really|honestly|for a second|for one second|ever|even)\s+)*"
    + _THINK_OR_SAY
    + r"|\b(?:it's|it is|that's|that is|it was|this is)\s+(?:(?:simply|just|completely|totally|absolutely|plainly|"
    r"utterly|so)\s+)?(?:not true|untrue|false|absurd|ridiculous|nonsense|wrong|bullshit|an? (?:lie|myth|smear))(?:\s+to\s+(?:say|claim|think|suggest|believe|pretend|imply))?"
    r"|\b(?:refuse|refused|refuses) to (?:believe|accept|think|say)"
    r"|\b(?:can't|cannot) believe (?:that )?(?:people|anyone|anybody|some people|you|they|folks)\s+(?:still\s+)?"
    + _THINK_OR_SAY
    + r"|\b(?:stop|quit)\s+(?:pretending|thinking|believing|saying|claiming)"
    # someone else's claim reported before it: "Brandt claims ...", "claims that ... are unfounded"
    r"|(?P<report>(?<!\bi )(?<!\bwe )\b(?:claims|claimed|says|said|argues|argued|insists|insisted|alleges|alleged|"
    r"warns|warned|suggests|suggested)(?=\s)))"
    r"(?P<claim>(?:\s+that)?(?:(?!\b(?:but|and|because|so|yet)\b)[^.!?;:,\n]){0,60})$"
)
#: Words before a reporting verb that make the report the writer's shrug, not someone's claim: "I don't care what
#: anyone says, ...", "no matter what they say ...".
_WHATEVER_RE = re.compile(r"\b(?:what(?:ever)?|no matter what)\s+(?:[\w'-]+\s+){0,2}$")
#: The verb a claim states its subject's nature with: a claim denied is one that says what someone is.
_COPULA_RE = re.compile(r"\b(?:are|is|was|were|r|be|ain't)\b|'re\b")
#: A sentence that opens by naming the claim after it as said: "Saying ... is an old trope", "Claiming that ..."
_CLAIM_OPENS_RE = re.compile(r"\s*(?:saying|claiming|suggesting|implying|pretending)(?:\s+that)?\s+$")
#: Someone else's claim a question asks about: "why do people keep saying ...?" (session 35).
_ASKED_ABOUT_RE = re.compile(
    r"\b(?:keep|keeps|kept|still)\s+(?:saying|claiming|repeating|pretending|thinking)(?:\s+that)?"
    r"(?:(?!\b(?:but|and|because|so|yet)\b)[^.!?;:,\n]){0,60}$"
)
#: A reporting clause after the span, in its sentence: "... are dangerous, says the poster", "..., he claimed"
#: (session 35): the words before it are someone's, reported. The reporting clause ends there ("..., the article
#: says otherwise" answers; "..., says everyone" is the writer's verdict; "your" things report no one).
_REPORTER = r"(?:he|she|they|someone|somebody|people|(?:the|this|that|a|an|his|her|their)(?:\s+[\w'-]+){1,2})"
_REPORTING_VERB = (
    r"(?:says|said|claims|claimed|writes|wrote|insists|insisted|argues|argued|tweeted|posted|warned|warns)"
)
_REPORTED_AFTER_RE = re.compile(
    r"[^.!?;\n]{0,40}?,\s*(?:"
    + _REPORTER
    + r"\s+"
    + _REPORTING_VERB
    + r"|"
    + _REPORTING_VERB
    + r"\s+"
    + _REPORTER
    + r")\s*(?:[.!?;,\n]|$)|[^.!?;\n]{0,40}?,\s*according to\b"
)
#: Whoever does abuse, named as no one in particular ("anyone who threatens ...", "if you hate ..."), session 53:
#: the act and its object the clause names (the verb ends the clause before a span or opens the span) are held up.
_GENERIC_DOER_RE = re.compile(
    r"(?:\b(?:anyone|anybody|whoever|those|someone|somebody)\s+(?:who|that)\s+|\bif you\s+)"
    r"(?:(?:still|keep|keeps|ever)\s+)?(?:hate|hates|abuse|abuses|threaten|threatens|attack|attacks|harass|"
    r"harasses|bully|bullies|insult|insults|mock|mocks|spit at|spits at|assault|assaults|target|targets)\b"
)
#: Words said by whoever the clause holds to account, the span being what they say: "anyone who calls them
#: [subhuman] ...", "people who say [they are vermin] ...". No verb of the writer's own between the call and the
#: span ("anyone who calls me names is [an idiot]" is the writer's insult).
_SAID_BY_THOSE_RE = re.compile(
    r"\b(?:anyone|anybody|everyone|everybody|people|those|whoever|someone|somebody)\s+(?:who|that)\s+"
    r"(?:(?:still|keeps?|ever)\s+)?(?:calls?|called|calling|says?|said|claims?|claimed)(?:\s+that)?"
    r"(?:\s+(?!(?:is|are|was|were|be|should|must|will|would|can|could|deserves?|needs?)\b)[\w'-]+){0,4}\s*$"
)
#: Abuse the clause condemns before naming it: "it is not okay to threaten ...", "it's wrong to mock ...", "stop
#: harassing ..." (session 15): the span that opens with the act (or follows it) is held up, not done.
_CONDEMNED_RE = re.compile(
    r"\b(?:not (?:okay|ok|acceptable|right|fine|cool|funny)|(?:is|are|was|it's|that's) (?:wrong|unacceptable|shameful|"
    r"disgraceful|cowardly|vile)|never (?:okay|ok|acceptable|right|fine)|stop|quit)\s+(?:to\s+)?(?:threat\w*|attack\w*|"
    r"treat\w*(?=[^.!?;:\n]*\blike\b)|"
    r"harass\w*|abus\w*|insult\w*|hurt\w*|harm\w*|bull(?:y|ies|ying)|mock\w*|demean\w*|dehumani[sz]\w*|"
    r"discriminat\w*|vilif\w*|demoni[sz]\w*|smear\w*|slander\w*|intimidat\w*)\b[^.!?;:\n]*$"
)
#: A call to harm that the clause gives to someone else (session 54): "it keeps telling people to [attack ...]",
#: "the comment above literally says to [kill ...]", "the guy who threatened to [stab ...]". What follows is the
#: call reported, not the writer's; not "I keep telling people to ...", "you told them to ...": the writer's own
#: call, or one put to the one addressed.
_CALL_REPORTED_RE = re.compile(
    r"\b(?:it|he|she|they|someone|somebody|who|which|that|(?:the|this|that|a|an)(?:\s+[\w'-]+){1,2})\s+"
    r"(?:(?:keeps?|kept|literally|just|openly|actually|publicly|repeatedly|still|even|is|was|has|had|been)\s+)*"
    r"(?:(?:telling|tells|told|urging|urges|urged|asking|asks|asked|encouraging|encourages|encouraged|inciting|"
    r"incites|incited|calling on|calls on|called on|begging|begs|begged)\s+(?:[\w'-]+\s+){1,3}?to"
    r"|(?:threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|promis(?:es|ed|ing)|says?|said|saying|writes|wrote|posted|tweeted)"
    r"\s+to)\s*$"
)
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{1,200})[\"“”]|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w)){1,200}?)'(?!\w)")
#: Words that introduce a quotation of someone's words, just before its opening mark.
_QUOTE_CUE_RE = re.compile(
    r"\b(?:said|says|saying|say|wrote|writes|write|written|read|reads|like|calling|called|call|calls|chant\w*|"
    r"told|tells|tell|telling|quoting|quote|quoted|"
    r"shout\w*|scream\w*|yell\w*|tweet\w*|post|posts|posted|posting|typed|typing|comment|comments|commented|"
    r"statements?|words|phrases?|remarks?|slogans?|signs?|"
    r"scrawl\w*|scribbl\w*|daub\w*|graffiti|banners?|placards?|posters?)\b"
    rf"[^.!?\"“”]{{0,{QUOTE_CUE_GAP}}}$"
)


def _sentence_before(folded: str, start: int) -> str:
    """The text from the start of ``start``'s sentence (at most ``LOOKBACK_CHARS`` back) up to ``start``."""
    return _SENTENCE_END_RE.split(folded[max(0, start - LOOKBACK_CHARS) : start])[-1]


def _clause_before(folded: str, start: int) -> str:
    """The text from the start of ``start``'s clause up to ``start``."""
    head = folded[max(0, start - LOOKBACK_CHARS) : start]
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(head)]
    return head[ends[-1] :] if ends else head


def negated(folded: str, start: int, end: int | None = None) -> bool:
    """Whether the span at ``start`` (to ``end``) of the folded comment is denied by a negation just before it,
    not followed by a comparison ("not a coward like you" is an insult), not in a question. A span that opens with
    the auxiliaries a negated subject takes is read with them before it ("no man [should hit a woman]")."""
    before = _clause_before(folded, start)
    lead = _LEADING_AUXILIARIES_RE.match(folded, start, end if end is not None else len(folded))
    if lead is not None:
        before += lead.group(0)
    found = _NEGATION_RE.search(before)
    if found is None or _NOT_DENIAL_RE.search(before, max(0, found.start() - 3)):  # from "do" of "don't"
        return False
    if end is not None and _COMPARED_RE.match(folded, end):
        return False
    if re.search(r"\ball\s*$", before) and _BUT_MOST_RE.match(folded, end if end is not None else start):
        return False
    return not _in_question(folded, start)


#: "... not all X, but most (of them) are": what "not all" denied is said of most.
_BUT_MOST_RE = re.compile(r"[^.!?\n]{0,30}?\b(?:but|just|only) (?:most|many|nearly all|almost all)\b")


def _in_question(folded: str, start: int) -> bool:
    """Whether the sentence around ``start`` ends with a question mark: a negative question asserts ("wasn't
    this clown ...?", "shouldn't they ...?"), it does not deny."""
    found = _SENTENCE_END_RE.search(folded, start)
    return found is not None and found.group(0).startswith("?")


def quoted_regions(folded: str, scare_quotes: bool = True) -> list[tuple[int, int]]:
    """Regions in quotation marks that a cue introduces as someone's words ('he said "..."', 'statements like
    "..."'), that a question mark follows ('"..."??') and scare quotes (``SCARE_QUOTE_WORDS`` words at most in
    double marks); none in a text with doubled marks (``""``: a spreadsheet's escaping, where no pairing can be
    trusted). ``scare_quotes=False``: not those (a short threat in marks may be the writer's own: 'they need "a
    bullet"')."""
    if '""' in folded:
        return []
    return [
        (m.start(), m.end())
        for m in _QUOTE_RE.finditer(folded)
        if _QUOTE_CUE_RE.search(folded, max(0, m.start() - 40 - QUOTE_CUE_GAP), m.start())
        or (scare_quotes and m.group(1) is not None and len(m.group(1).split()) <= SCARE_QUOTE_WORDS)
        or _embedded(folded, m)
        or _QUESTIONED_RE.match(folded, m.end()) is not None
    ]


def marked_regions(folded: str) -> list[tuple[int, int]]:
    """Every region in quotation marks, whatever stands around it: words the writer holds up ("anyone writing 'good
    riddance' under ..."), for the patterns whose words are the writer's only outside them."""
    return [] if '""' in folded else [(m.start(), m.end()) for m in _QUOTE_RE.finditer(folded)]


#: A quotation held up with a question mark right after it ('"... should be shot"?? Reported.'): someone's words
#: repeated in disbelief (session 53).
_QUESTIONED_RE = re.compile(r"!*\?")


def _embedded(folded: str, quotation: re.Match) -> bool:
    """Whether a quotation of ``EMBEDDED_QUOTE_WORDS`` words or more sits inside a sentence the writer goes on
    with after it ("Is '...' really the best you have?", "'...' is a lie")."""
    inner = quotation.group(1) if quotation.group(1) is not None else quotation.group(2)
    if quotation.group(1) is None and _ELISION_RE.match(inner):
        return False  # "'em", "'cause": an elision opens no quotation
    after = _SENTENCE_END_RE.split(folded[quotation.end() :], maxsplit=1)[0]
    return (
        len(inner.split()) >= EMBEDDED_QUOTE_WORDS
        and _WORD_RUN_RE.search(after) is not None
        and _QUOTE_CLAIMED_RE.search(after) is None
    )


_ELISION_RE = re.compile(r"(?:em|cause|cos|til|till|bout|n|round|tis|twas)\b")


#: Words after a quotation by which the writer claims it ("'...' is what I always say", "'...' is the truth").
_QUOTE_CLAIMED_RE = re.compile(
    r"\b(?:what (?:i|we)|(?:i|we) (?:\w+ )?(?:say|said|think|believe|agree|stand by|mean|meant)|so true|(?:is|are) "
    r"(?:true|right|correct|a fact|the truth)|exactly|spot on|damn right|couldn't agree|could not agree|amen|facts)\b"
)


#: Words that may stand beside a group's name in a span that only names the group ("all the gay people").
_GROUP_FILLERS = frozenset(
    "a an the all these those some many most every each of and or our their my your at to for against towards toward "
    "about with on people person persons folk "
    "folks men man women woman kids community communities family families".split()
)
#: Fillers that name people in general: a span of nothing else names no one to abuse ("the people").
_PEOPLE = frozenset("people person persons folk folks men man women woman kids community communities".split())
#: A span's own negation ("never hurt ..."), but not "can't stand" or "can't bear", which declare dislike, nor "not
#: one" / "not a single", which count ("not one of them has ever ..."), nor "never met one who wasn't ...".
_SPAN_NEGATION_RE = re.compile(
    r"(?:not(?!\s+(?:one|a single)\b)|never(?!\s+(?:in my life\s+)?(?:have i\s+)?(?:met|known|seen)\b)|nobody|"
    r"don't|dont|doesn't|didn't|won't|wouldn't|"
    r"(?:cannot|can't)(?!\s+(?:stand|bear|tolerate)\b))\s+"
)


@lru_cache(maxsize=1)
def _group_word() -> re.Pattern:
    """A whole word that names a group by faith, origin, sex, sexuality or disability (the groups of
    ``identity_neutral.yaml`` and the group nouns of ``threats.yaml``), singular or plural."""
    threat_lists = lexicon.load("threats")
    names = [re.escape(g.lower()) + "s?" for g in lexicon.load("identity_neutral")["groups"]]
    return re.compile(lexicon.alternation(names + threat_lists["group_nouns"], threat_lists))


def names_a_group_only(folded_span: str) -> bool:
    """Whether a folded span holds nothing but a group's name and filler words ("all the gay people"), or people in
    general ("the people")."""
    named, position = False, 0
    while True:
        word = _WORD_RUN_RE.search(folded_span, position)
        if word is None:
            return named
        group = _group_anywhere().match(folded_span, word.start())  # a name of one word or more ("trans people")
        if group is not None:
            named, position = True, group.end()
        elif word.group(0) in _GROUP_FILLERS:
            named = named or word.group(0) in _PEOPLE  # "people" names no one to abuse either
            position = word.end()
        else:
            return False


#: A capitalised word, then (a space or hyphen between) another: the first is part of a name ("Black Friday",
#: "Jewish Museum"), not a group of people.
_NAME_GOES_ON_RE = re.compile(r"[ -]\s*[A-Z][\w'-]")


def inside_proper_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (one capitalised word, e.g. a group's name) goes on into a proper name with the
    next word: "Black" in "the sales on Black Friday" names a day, not people (issue 22, session 20: the span head
    marked such a word in a company's name on a real comment)."""
    word = text[start:end]
    return bool(word[:1].isupper() and " " not in word.strip() and _NAME_GOES_ON_RE.match(text, end))


@lru_cache(maxsize=1)
def _group_anywhere() -> re.Pattern:
    return re.compile(r"(?<![\w'-])" + _group_word().pattern + r"(?![\w'-])")


def group_name_end(folded_span: str) -> int:
    """Where a span that opens with a group's name (and filler words: "all the deaf people are ...") goes on
    with other words: the offset of the first of them; 0 when the span does not open with a group's name or
    holds nothing else."""
    named, position = False, 0
    while True:
        word = _WORD_RUN_RE.search(folded_span, position)
        if word is None:
            return 0
        group = _group_anywhere().match(folded_span, word.start())
        if group is not None:
            named, position = True, group.end()
        elif word.group(0) in _GROUP_FILLERS:
            position = word.end()
        else:
            return word.start() if named else 0


_WORD_RUN_RE = re.compile(r"[\w'-]+")


@lru_cache(maxsize=1)
def _regard() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.load("abuse")
    return re.compile(lexicon.alternation(data["regard"], data)), re.compile(
        lexicon.alternation(data["self_identification"])
    )


@lru_cache(maxsize=1)
def _regard_of_a_group() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.load("abuse")
    return (
        re.compile(lexicon.alternation(data["regard_said_of_a_group"], data)),
        re.compile(lexicon.alternation(data["regard_for_a_group"], data)),
    )


#: Who regard said of a group may be said of when the sentence does not name the group before it.
_REGARD_SUBJECT_RE = re.compile(r"\b(?:they|them|these|those|we|you|everyone|everybody)\b")
_CLAUSE_NEGATION_RE = re.compile(r"n't\b|\b(?:not|never|no|nobody|no one)\b")


def _said_of_a_group(folded: str, start: int) -> bool:
    """Whether the regard at ``start`` is said of a group: its sentence names the group (or "they", "we",
    "everyone" ...) before it, and no negation stands in its clause before it ("I don't think ... should be allowed
    to ..."). "This neighbourhood was lovely before ...", "landlords should be allowed to refuse ..." praise no group."""
    before = folded[:start]
    sentence = before[max((before.rfind(c) for c in ".!?\n"), default=-1) + 1 :]
    if _CLAUSE_NEGATION_RE.search(_clause_before(folded, start)):
        return False
    return bool(_group_anywhere().search(sentence) or _REGARD_SUBJECT_RE.search(sentence))


def regard_regions(folded: str) -> list[tuple[int, int]]:
    """Where the folded comment declares regard, not negated ("I don't love ..." declares nothing) and not in a
    question: the writer's own (``regard`` in ``abuse.yaml``: "I love ...", "proud of ..."), said of a group
    (``regard_said_of_a_group``: "... are wonderful", "... deserve respect", :func:`_said_of_a_group`), or for a group
    named inside it (``regard_for_a_group``: "protect ... from these attacks", not "protect our children from ...")."""
    said_of, for_group = _regard_of_a_group()
    found = [m for m in _regard()[0].finditer(folded) if not negated(folded, m.start())]
    found += [m for m in said_of.finditer(folded) if _said_of_a_group(folded, m.start())]
    found += [
        m
        for m in for_group.finditer(folded)
        if _group_anywhere().search(folded, m.start(), m.end()) and not negated(folded, m.start())
    ]
    return sorted((m.start(), m.end()) for m in found)


def speaks_well(folded: str) -> bool:
    """Whether the folded comment declares regard anywhere (:func:`regard_regions`)."""
    return bool(regard_regions(folded))


def named_as_own(folded: str, start: int) -> bool:
    """Whether the group's name at ``start`` is the writer's own group (``self_identification`` in ``abuse.yaml``:
    "as a queer woman", "we trans people", "our queer book club")."""
    return _regard()[1].search(folded[max(0, start - 30) : start].rstrip()) is not None


@lru_cache(maxsize=1)
def _slur_not_aimed() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = lexicon.load("abuse")
    singular = re.compile(lexicon.alternation(data["self_applied"] + data["named_as_word"]))
    return (
        singular,
        re.compile(lexicon.alternation(data["self_applied_plural"])),
        re.compile(lexicon.alternation(data["self_applied_opening"])),
        re.compile(lexicon.alternation(data["self_applied_after"])),
        re.compile(lexicon.alternation(data["named_after_word"])),
    )


_FIRST_PERSON_RE = re.compile(r"\b(?:i|me|my|myself|mine|we|us|our|ourselves|i'm|i've|i'd|i'll)\b")


def reclaimed_or_named(folded: str, start: int, end: int) -> bool:
    """Whether the slur at ``start:end`` of the folded comment is one the writer applies to themself ("I'm a proud
    ...", "I call myself a ...": ``self_applied`` in ``abuse.yaml``; "we ...s", "my mates and I are all ...s":
    ``self_applied_plural``; "being a ... taught me ...": ``self_applied_opening``, with the first person after the
    slur in its sentence; "... and proud": ``self_applied_after``) or names as a word ("the word ...":
    ``named_as_word``), by the words around it in its sentence: it attacks no one."""
    before = _sentence_before(folded, start)
    singular, plural, opening, after, named_after = _slur_not_aimed()
    if _MODIFIED_RE.match(folded, end):  # "proud ... hunter here": the slur names the victims of the writer
        return False
    if singular.search(before.rstrip()) is not None or named_after.match(folded, end) is not None:
        return True
    if after.match(folded, end) is not None:  # "... and proud": not of others ("look at them, ... and proud")
        found = _SENTENCE_END_RE.search(folded, end)
        sentence = before + folded[start : found.end() if found else len(folded)]
        return not (
            _THIRD_PERSONS_RE.search(sentence)
            or _LOATHING_RE.search(sentence)
            or "?" in sentence  # "... and proud? go back home" mocks the claim
            or _SENT_AWAY_RE.search(folded)
        )
    if folded[end - 1] in "sz" and plural.search(before.rstrip()) is not None:
        return True
    if opening.search(before.rstrip()) is None:
        return False
    found = _SENTENCE_END_RE.search(folded, end)
    rest = folded[end : found.start() if found else len(folded)]
    first, others = _FIRST_PERSON_RE.search(rest), _OTHERS_RE.search(rest)
    return first is not None and (others is None or first.start() < others.start()) and not _LOATHING_RE.search(rest)


#: Others spoken of, not to: "look at them, ... and proud" says the slur of them ("... and proud, see you there" does not).
_THIRD_PERSONS = "they|them|their|those|these|he|she|him|her|his"
_THIRD_PERSONS_RE = re.compile(rf"\b(?:{_THIRD_PERSONS})\b")
#: Pronouns of others after a sentence's opening, those spoken to too: "being a ... means you ..." aims the slur at
#: someone else unless the writer comes first ("... taught me who my friends were, and half of them ...").
_OTHERS_RE = re.compile(rf"\b(?:you|your|u|ur|{_THIRD_PERSONS})\b")
#: A word right after the slur that makes it a modifier of someone who harms its bearers ("... hunter", "... basher",
#: "... hater", "... bashing"): no self-description.
_MODIFIED_RE = re.compile(
    r"(?:s|es)?[ -](?:hunt|bash|hat|kill|beat|slay|lynch|shoot|stomp|burn|gass|bomb|exterminat|purg|cleans)"
    r"(?:ers?|ing|ings|e)\b|(?:s|es)?[ -]free\b"
)
#: A comment that sends someone away ("go back home", "get out", "not in our town") mocks a self-description it
#: repeats ("... and proud? go back home").
_SENT_AWAY_RE = re.compile(
    r"\b(?:go back|get out|fuck off|piss off|deport|not in (?:our|my|this)|leave (?:our|this|my)|out of (?:our|this|my))\b"
)
#: Words of loathing after the slur: "being a ... is a disgrace and I hate them all" says the slur of others.
_LOATHING_RE = re.compile(
    r"\b(?:hate|hates|hated|despise|despises|loathe|loathes|detest|disgust\w*|disgrace\w*|sick of|can'?t stand|vermin|scum)\b"
)


@lru_cache(maxsize=1)
def _praise() -> re.Pattern:
    return re.compile(r"[\s,!-]*" + lexicon.alternation(lexicon.load("abuse")["praise"]))


@lru_cache(maxsize=1)
def _exclamation() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.load("abuse")
    return re.compile(lexicon.alternation(data["exclamation_before"])), re.compile(
        lexicon.alternation(data["exclamation_after"])
    )


def exclamation(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the exclamation is, when the profane word at ``start:end`` of the folded comment is said as one, aimed
    at no one ("holy shit, ...", "what the fuck.", "so fucking tired": ``exclamation_before`` and
    ``exclamation_after`` in ``abuse.yaml``): its clause holds nothing before it but an interjection or a degree
    word, and the clause ends right after it (or after "me", or with a word of how someone feels or how things are).
    The span runs from the interjection to the end of what follows the word; None when it is no exclamation."""
    before, after = _exclamation()
    offset = max(0, start - LOOKBACK_CHARS)
    opened = before.search(folded[offset:start])
    closed = after.match(folded, end)
    if opened is None or closed is None:
        return None
    return offset + opened.start(), closed.end()


def intensifies_praise(folded: str, start: int, end: int) -> bool:
    """Whether the profane word at ``start:end`` of the folded comment intensifies praise or assent that follows it
    ("fuck yeah", "damn good", "bloody brilliant", "hell yes": ``praise`` in ``abuse.yaml``)."""
    return _praise().match(folded, end) is not None


def names_a_group(text: str) -> bool:
    """Whether ``text`` names a group by faith, origin, sex, sexuality or disability anywhere (a whole word)."""
    return _group_anywhere().search(lexicon.fold(text)) is not None


@lru_cache(maxsize=1)
def _state_of_a_nation() -> re.Pattern:
    return re.compile(lexicon.alternation(lexicon.load("abuse")["state_of_a_nation"]))


def names_a_people(text: str) -> bool:
    """Whether ``text`` names a group (:func:`names_a_group`) other than by a nation's name that stands for its state
    ("the american tyrants", "the russian army": ``state_of_a_nation`` in ``abuse.yaml``): a comment on a war or a
    government is about rulers and armies, not about a people."""
    folded = lexicon.fold(text)
    return any(_state_of_a_nation().match(folded, m.start()) is None for m in _group_anywhere().finditer(folded))


def mentioned(
    folded: str, start: int, end: int, quoted: list[tuple[int, int]] | None = None, negatable: bool = True
) -> bool:
    """Whether the span ``start:end`` of the folded comment is mentioned rather than used (module docstring);
    ``quoted``: ``quoted_regions(folded)`` when the caller checks several spans of one comment; ``negatable``:
    whether a negation before the span denies it (False when the span is no abusive word on its own: "I don't
    respect them", "never treat them as equals" are the abuse, not its denial)."""
    quoted = quoted_regions(folded) if quoted is None else quoted
    if any(qs <= start and end <= qe for qs, qe in quoted):
        return True
    inner = _SPAN_NEGATION_RE.match(folded, start, end)  # the span opens with its own negation: "never hurt X"
    if negatable and (inner is not None or negated(folded, start, end) or _claim_not_made(folded, start, end)):
        return True
    clause = _clause_before(folded, start)
    return bool(
        _REPORTED_RE.search(clause)
        or _SAID_BY_THOSE_RE.search(clause)
        or _doer_named_generically(clause, folded[start:end])
        or _FALSE_CLAIM_RE.search(folded[max(0, start - LOOKBACK_CHARS) : start] + _opening_that(folded, start, end))
        or _REPORTED_AFTER_RE.match(folded, end) is not None
        or (_WHY_WOULD_ANYONE_RE.search(clause) is not None and _in_question(folded, start))
        or _CONDEMNED_RE.search(clause + folded[start:end])
        or _CALL_REPORTED_RE.search(clause) is not None
        or _claim_called_false(folded, start, end)
    )


def _claim_called_false(folded: str, start: int, end: int) -> bool:
    """Whether the span is a claim the comment holds up and calls false in the same sentence (:data:`_CLAIM_FRAME_RE`
    before it, :data:`_FALSE_VERDICT_AFTER_RE` after it): the writer rebuts it."""
    return (
        _CLAIM_FRAME_RE.search(folded, max(0, start - LOOKBACK_CHARS), start) is not None
        and _FALSE_VERDICT_AFTER_RE.match(folded, end) is not None
    )


def _doer_named_generically(clause: str, span: str) -> bool:
    """Whether the clause before a span names whoever does abuse generically and the act ends the clause or opens
    the span (:data:`_GENERIC_DOER_RE`): "anyone who threatens [gay people]", "if you [hate Muslims]"."""
    found = _GENERIC_DOER_RE.search(clause + span)
    return found is not None and found.end() >= len(clause.rstrip())


def names_a_group_in_use(folded: str, start: int, end: int, quoted: list[tuple[int, int]] | None = None) -> bool:
    """Whether ``start:end`` of the folded comment names a group somewhere that is not :func:`mentioned` (quoted,
    denied, reported, a claim the writer does not make: "I can't believe anyone still thinks ... are violent")."""
    quoted = quoted_regions(folded) if quoted is None else quoted
    for name in _group_anywhere().finditer(folded, start, end):
        said = _SENTENCE_END_RE.search(folded, name.end())  # what the sentence says of the group, from its name on
        claim_end = min(said.end() if said else len(folded), end)
        if not (
            mentioned(folded, name.start(), name.end(), quoted) or mentioned(folded, name.start(), claim_end, quoted)
        ) or _worth_rejected(folded, name.end(), claim_end):
            return True
    return False


@lru_cache(maxsize=1)
def _worth_claimed() -> re.Pattern:
    data = lexicon.load("abuse")
    return re.compile(r"\b(?:" + lexicon.alternation(data["worth_claimed"], data) + r")(?![\w'-])")


def _worth_rejected(folded: str, start: int, end: int) -> bool:
    """Whether the claim ``start:end`` said of a group, one the writer does not make, grants it worth
    (``worth_claimed`` in ``abuse.yaml``: "... are as capable as ...", "... are hard-working"), not denied within the
    claim: refusing it is the writer's contempt ("why do we keep pretending ... are as capable as normal people?",
    "don't tell me ... are hard-working"), not someone else's words held up."""
    return any(
        not _NEGATION_RE.search(folded[start : m.start()]) for m in _worth_claimed().finditer(folded, start, end)
    )


def _claim_not_made(folded: str, start: int, end: int) -> bool:
    """Whether the span ``start:end`` is part of a claim the writer does not make: one its sentence denies, calls
    false or reports as someone else's (``_DENIED_CLAIM_RE``), one a sentence opens by naming as said ("Saying ...
    is a trope"), or someone else's claim a question asks about (``_ASKED_ABOUT_RE``)."""
    sentence = _sentence_before(folded, start)
    if _CLAIM_OPENS_RE.match(sentence):
        return True
    if _in_question(folded, start):  # "don't you think ...?" asserts; "why do people keep saying ...?" asks
        return _ASKED_ABOUT_RE.search(sentence) is not None
    found = _DENIED_CLAIM_RE.search(sentence)
    if found is None or (found.group("report") and _WHATEVER_RE.search(sentence, 0, found.start())):
        return False
    # what someone is ("... are parasites"), or any claim about a group it names first ("... should go back")
    return (
        _COPULA_RE.search(found.group("claim") + folded[start:end]) is not None or group_name_end(folded[start:end]) > 0
    )


def _opening_that(folded: str, start: int, end: int) -> str:
    """The "that " a span opens with ("[that refugees] are ..."), read as part of the clause before it."""
    found = _THAT_RE.match(folded, start, end)
    return found.group(0) if found else ""


_THAT_RE = re.compile(r"that\s+")


def without_negation(folded_span: str) -> str:
    """The span without the negation it opens with, if any ("never hurt a child" -> "hurt a child")."""
    found = _SPAN_NEGATION_RE.match(folded_span)
    return folded_span[found.end() :] if found else folded_span
