"""The attribution rules, one module per family, for one spaCy ``Doc``: cue, source and content spans of direct, indirect and mixed quotes.

Rules over the dependency parse, driven by the cue lexicon (``data/attribution/cues.yaml``):

* a **cue verb** ("said", "told", "announced", "believes") takes its subject as the source and its clausal
  complement, or for report verbs its object, as the content; a cue in a parenthetical ("the attack, he said,
  was ...") or an "as"-clause ("as Reuters adds, ...") takes the clause it comments on;
* a **cue phrase** ("according to X", "as reported by X") takes the phrase's object as the source
  and the rest of the sentence as the content;
* **quotation marks** extend the content to the whole quotation, across sentences when the quote runs on,
  and attach a quote to a cue in the next or previous sentence ('"..." He said.', 'He said: "..."');
* "X quoted Y as saying ..." yields two nested attributions;
* **beliefs and stances** count too (as in PolNeAR's definition): belief verbs take a clause, an infinitive
  ("seeks to"), a listed preposition ("worried about") or, for a few, a noun object ("wants a wall"); "X views
  Y as Z"; attitude adjectives ("is confident that", "critical of"); a possessed speech-act noun with what
  it is about ("the governor's comments about ..."); any verb or adjective with a subject and a
  that/whether-clause ("decided that ...", at lower confidence);
* **passives** keep the cue with no source ("it was reported that", "are said to", "Asked whether ..."), or
  take the agent as the source and the subject as the content ("the plan was criticized by X");
* a cue in a **relative clause** whose object is the noun it hangs on takes that noun ("a plan the board
  endorsed"); a **speech-act noun** takes what it is about ("calls for X", "a pledge to Y");
* an intransitive speech verb takes its **prepositional object** ("lashed out at X", "agreed with X"), which
  joins the cue; a **cue chain** is one cue ("sought to clarify X", "refused to call him Y"); "made clear
  that"; "said yes", "thinks so"; a channel joins the cue ("said in a statement");
* **impressions** ("X seems Y", "it appears that ...") have no named holder;
* **light verbs** carry a speech-act noun ("made the case that", "took issue with"); **reception** verbs take the
  source from "from"/"of" ("drew criticism from X"); "in X's view" puts the sentence under X; "as X put it";
  "X's answer was that ..."; declarations count ("vetoed the bill", "nominated X");
* **parser slips** are repaired: a dateline taken for a subject ("LONDON (Reuters) - X said"), a speaker hung on
  an opening phrase or inside the quotation before it ('"...," X, an adviser, said'), a cue hung on its subject
  as a clause modifier, a gerund subject taken for a complement ("say taxing X encourages Y");
* "Name: \"...\"" introduces a quotation anywhere in a line (not a heading such as "UPDATE:");
  **Title-Case headlines** are re-read in sentence case when the caller can re-parse;
* a content stops before the next cue joined to its own ("criticized X, saying Y": two attributions), and an
  indirect content does not cross a line break;
* **who can speak**: a source is a person, a group, an organisation, a country, a document or a pronoun for one
  (names, the source lexicon's heads and ``speaker_nouns``, agent-noun endings); "this mission", "technology"
  are not, and a relative "who" stands for the person its clause hangs on (:mod:`.speakers`);
* **cue discipline**: a verb that is no speech by itself ("support", "see", "want") needs reported content (a
  clause, a quotation, "as", a wish's infinitive), a wh-infinitive is a topic, a wish in a restrictive clause on
  an indefinite noun is a class of people, "it is worth noting" is the writer's (:mod:`.discipline`).

Offsets here are character offsets into ``doc.text``; the stage adds the block offset. Quotes that no cue
claims are returned as orphans (``kind="continuation"``, no cue, no source) for the stage to link to the
previous speaker.

Modules: :mod:`.settings` (word lists and reaches), :mod:`.confidence` (every rule's confidence, one table),
:mod:`.marks` and :mod:`.quote_marks` (quotations), :mod:`.speakers`, :mod:`.content` (ordered content rules),
:mod:`.boundaries` (where an indirect content ends: a trailing aside or a second statement is cut),
:mod:`.discipline` (whether a cue relays something), :mod:`.verb_cues`, :mod:`.noun_cues`, :mod:`.phrases`,
:mod:`.layout`, :mod:`.headlines`, and :mod:`.extractor`, which runs the families on one doc in passes.
"""

from __future__ import annotations

from .base import Found
from .extractor import DocExtractor, build_matcher, extract
from .marks import Quote, quote_spans

__all__ = ["DocExtractor", "Found", "Quote", "build_matcher", "extract", "quote_spans"]
