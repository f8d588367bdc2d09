"""Tunables of the attribution rules: word lists, reaches and shares (confidences are in :mod:`.confidence`)."""

from __future__ import annotations

import re

from ... import settings as _settings
from ...resources import page_part_nouns

#: An orphan quotation shorter than this many words is a scare quote ("think tank"), not speech.
MIN_ORPHAN_QUOTE_WORDS = 5
#: Paragraphs with no quotation mark a quotation left open may run through before the paragraph that closes it
#: ('“A ...' / 'B ...' / 'C.”': a letter quoted over three paragraphs), ``marks.quotations_by_block``.
MAX_CARRIED_PARAGRAPHS = 4
#: Prepositions that name where a message went ("sent a letter to X", "posted a note on her site"): a participle
#: the parser hangs on that noun is the message's (``SpeakerRules.addressed_channel``).
CHANNEL_PLACES = frozenset({"to", "on", "in", "via"})
#: Verbs of sending or writing a message: its participle hung on where it went is the message's ("sent an e-mail to
#: staff saying ..."); not "read a statement to reporters asking ...", where the reporters ask.
SENDING_VERBS = frozenset({"send", "write", "mail", "email", "e-mail", "forward", "deliver", "post", "fax", "issue"})
#: Nouns of pressure or demand put on someone: an infinitive after "kept up pressure on X", "renewed calls for X" is
#: what X is pressed to do or say, nothing said (``CueDiscipline.pressed_to``); only after a verb of pressing and
#: with the one pressed named ("used the call to warn investors" is a phone call's purpose).
PRESSURE_NOUNS = frozenset({"pressure", "call", "demand", "push", "appeal"})
PRESSING_VERBS = frozenset({"keep", "renew", "step", "mount", "increase", "intensify", "ramp", "heap", "put", "apply"})
#: Verbs that take their company with "with" ("spoke with reporters saying ..."): no "with X doing" phrase.
COMPANION_VERBS = frozenset({"speak", "talk", "meet", "agree", "side", "work", "chat", "consult", "negotiate", "deal"})
#: Verbs of judging that need their object ("criticized the plan"): with none and "for"/"over" right after, a
#: passive with its "is" left out, as headlines write it (``CueDiscipline.reduced_passive``).
JUDGING_VERBS = frozenset(
    {
        "criticize",
        "criticise",
        "blame",
        "fault",
        "slam",
        "blast",
        "condemn",
        "chide",
        "rebuke",
        "scold",
        "censure",
        "mock",
        "ridicule",
        "praise",
        "laud",
        "hail",
        "commend",
    }
)
#: Quantifiers that float after the people they stand for ("Vell and Brandt all/both/each said ...").
FLOATING_QUANTIFIERS = frozenset({"all", "both", "each"})
#: Verbs of an attempt: a cue of :data:`ESTIMATE_VERBS` in their infinitive, with a noun phrase for content ("tried
#: to predict the outcome", "attempted to estimate the cost"), tells the work, not a finding
#: (``CueDiscipline.only_attempted``). An attempt to speak ("tried to blame X", "tried to argue that X") is made
#: all the same and stays.
ATTEMPT_VERBS = frozenset({"try", "attempt"})
#: The cues of working a figure or an outcome out, which an attempt leaves without a finding.
ESTIMATE_VERBS = frozenset(
    {"predict", "forecast", "estimate", "calculate", "project", "gauge", "guess", "anticipate", "foresee", "quantify"}
)
#: Passive verbs of being heard, seen or recorded: "was caught on tape saying ...", "was overheard telling ...",
#: "is shown saying ...": the participle is what the passive's subject said (``SpeakerRules.caught_speaking``),
#: and the passive verb relays nothing of its own.
CAUGHT_VERBS = frozenset(
    {
        "catch",
        "hear",
        "overhear",
        "see",
        "show",
        "record",
        "film",
        "tape",
        "videotape",
        "photograph",
        "spot",
        "capture",
    }
)
#: Participial cues looked at in one subtree ("..., saying ..."): real sentences have one or two.
MAX_SUBTREE_CUES = 50
#: A quote counts as the content of a cue in a neighbouring sentence only if it starts or ends this close
#: (in characters) to that sentence.
NEIGHBOUR_QUOTE_GAP = 3
#: Share of a content span inside quotation marks above which the attribution is "direct".
DIRECT_SHARE = 0.85
#: Dependency labels that make a clause the content of a cue verb.
CONTENT_DEPS = frozenset({"ccomp"})
#: Links by which a quotation is a verb's complement: a quotation so governed by a cue is not a cue-less
#: continuation of an earlier speaker (``QuoteMarkRules.governing_cue``).
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
#: A cue set off by commas ("These workers, Vell explained at the hearing, were paid"): what may stand between the
#: speaker and the cue ("Vell [later] explained"), and between the cue and the closing comma (time, place,
#: manner, a particle, the one told: "he told me on Friday,").
ASIDE_BETWEEN = frozenset({"advmod", "neg", "aux"})
ASIDE_AFTER = frozenset(
    {
        "advmod",
        "npadvmod",
        "prep",
        "pobj",
        "det",
        "amod",
        "compound",
        "nummod",
        "prt",
        "dobj",
        "poss",
        "cc",
        "conj",
        "punct",
        "nmod",
        "quantmod",
    }
)
#: Pronouns that, as the subject of a cue reported by a named speaker's cue, are that speaker again: a
#: participle after both speaks for the named one ("Vell said she doubted X, arguing that Y").
PARTICIPLE_PRONOUNS = frozenset({"he", "she", "they"})
#: What sets a trailing participle off from the words before it (", saying ...", "— lambasting ..."): such a
#: participle speaks for its clause's subject, not for a relative clause the parser hung it in.
PARTICIPLE_SETTERS = frozenset({",", "—", "–", "-", "--"})
#: "with X -- who ... -- lambasting Y": prepositions of an absolute construction, whose object is the participle's
#: subject.
ABSOLUTE_PREPOSITIONS = frozenset({"with", "without"})
#: How many heads a clause's subject is looked for up (complements, adverbial and conjoined clauses).
MAX_CLAUSE_CLIMB = 6
#: What may stand before the subject of a clause the parser hung on a cue as a modifier and still leave it what
#: was said ("said after the vote [the plan] was dead": the time phrase hung on the clause).
BARE_CLAUSE_OPENERS = frozenset({"prep", "npadvmod", "advmod", "punct"})
#: Verbs whose infinitive complement is not what they report ("told him to leave").
NO_XCOMP_CONTENT = frozenset({"say", "add", "continue", "write", "post"})
#: Speech verbs whose object is not what is said ("added troops", "wrote a letter", "answered the phone").
NO_OBJECT_CONTENT = frozenset(
    {"say", "add", "continue", "write", "post", "answer", "reply", "respond", "tell", "focus"}
)
#: ... of which these make no text of their object ("added pressure on X", "continued its attack on Y", "focused
#: attention on Z") unless it is a noun of saying ("added a brief note of caution"; ``ContentRules.topic_object``).
DEED_OBJECT_VERBS = frozenset({"add", "continue", "focus"})
#: Verbs whose object (with its complement) is the content ("called it a massacre", "described X as Y").
OBJECT_CONTENT_SPEECH = frozenset({"call", "describe", "label", "brand", "dub", "echo", "repeat", "cite"})
#: ... of which these relay something said ("repeated the claim", "echoed Mr. Vell"), not a deed done again: their
#: object is no content when it is one of :data:`REPEATED_DEEDS` (``ContentRules.object_named``).
REPEATING_VERBS = frozenset({"repeat", "echo"})
REPEATED_DEEDS = frozenset(
    "mistake error blunder failure success feat performance victory win defeat loss process pattern history "
    "experience exercise experiment trip visit journey test year grade season cycle course trick move".split()
)
#: ... of which these report only a name given: "describing events" with no "as Y" says nothing ("when it comes
#: to describing events"); "described the raid as a success" does; "call the office", "call us" is a phone call.
NAMING_VERBS = frozenset({"describe", "call"})
#: Nouns a relative clause can hang on without being what the cue reports ("the way they say it").
RELATIVE_GAP_NOT_CONTENT = frozenset(
    {
        "way",
        "time",
        "day",
        "year",
        "week",
        "month",
        "moment",
        "place",
        "reason",
        "night",
        "morning",
        "evening",
        "point",
        "extent",
        "manner",
        # places: "areas they could more easily defend" is where, not what
        "area",
        "region",
        "territory",
        "town",
        "city",
        "village",
        "zone",
        "district",
        "neighborhood",
        "neighbourhood",
        "border",
    }
)
#: Prepositions that introduce what a possessed speech-act noun is about ("her criticism of X").
NOUN_CONTENT_PREPOSITIONS = frozenset({"about", "on", "of", "for", "to", "against", "over"})
#: One-word answers that are what was said or thought ("said yes", "thinks so", "said nothing").
SHORT_ANSWERS = frozenset({"yes", "no", "so", "nothing", "otherwise"})
#: Verbs whose noun object of this many tokens or more is a mis-parsed clause, not a thing said ("said goodbye").
SAY_LEMMAS = frozenset({"say"})
#: Participles of posture or place after "found" ("found her sitting on the ridge"): coming upon someone, no
#: finding (``CueDiscipline.came_upon``).
FOUND_IN_PLACE = frozenset(
    "stand lie sit hide sleep cower crouch huddle kneel lean hang wander wait slump float sprawl".split()
)
#: Verbs of saying that close a sentence with their speaker after them ("..., alleges the aid group.", "...,
#: reported the Orrin Examiner."), which the parser may read as a second verb with the speaker as its object
#: (``SpeakerRules.trailing_cue_object``).
INVERTED_CUE_LEMMAS = frozenset(
    {"say", "report", "allege", "claim", "write", "argue", "add", "note", "insist", "state", "contend", "assert"}
)
MIN_SAID_OBJECT_TOKENS = 4
#: Prepositions after a speech verb's noun object that say what it was about ("told the story of X").
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on"})
#: Prepositions whose object is what an intransitive speech verb is about ("lashed out at X", "agreed with X").
SPEECH_PREPOSITIONS = frozenset({"about", "against", "at", "of", "on", "over", "to", "with", "for"})
#: ... except the addressee of these verbs ("spoke to reporters", "talked with aides").
ADDRESSEE_PREPOSITIONS = frozenset({"to", "with"})
#: Verbs whose "for" names where one writes, not what ("writing for a national newspaper"; but "pleads for his
#: life", "spoke out for X", as PolNeAR marks them).
SPEAKS_FOR_VERBS = frozenset({"write", "tweet", "post", "blog"})
ADDRESSEE_VERBS = frozenset(
    {
        "say",
        "speak",
        "talk",
        "write",
        "tweet",
        "post",
        "explain",
        "add",
        "state",
        "mention",
        "remark",
        "comment",
        "complain",
        "joke",
        "whisper",
        "shout",
        "yell",
        "scream",
        "mutter",
        "brief",
        "testify",
        "admit",
        "confess",
        "apologize",
        "apologise",
        "lie",
        "reply",
        "answer",
        "suggest",
        "recommend",
        "propose",
        "sing",
        "plead",
        "beg",
        "protest",
        "object",
        "insist",
        "argue",
        "continue",
        "describe",
        "tell",
        "call",
    }
)
#: Prepositions whose object is the content of a speech verb ("called for", "warned against").
CONTENT_PREPOSITIONS = frozenset({"for", "against", "about"})
#: A cue verb's prepositions that name a physical act, not what is said ("defend against an attack").
PHYSICAL_PREPOSITIONS = {"defend": frozenset({"against"}), "press": frozenset({"against"})}
#: A cue verb's prepositions that name the one addressed ("called on the board to resign"): in the passive the
#: subject is that one ("the board was called on to resign"), and what the preposition holds there is no content
#: ("the method should not be called statically ... on line 661").
PASSIVE_ADDRESSEE_PREPOSITIONS = {"call": frozenset({"on", "upon"})}
#: Subjects that are not speakers (expletives).
EXPLETIVES = frozenset({"there"})
#: Verbs of impression: "X seems Y" is the writer's impression, not X's words; "it" there names nobody.
IMPERSONAL_SUBJECTS = frozenset({"it"})
IMPERSONAL_VERBS = frozenset({"seem", "appear"})
#: A cue verb as an infinitive of purpose ("began hearing evidence to determine whether ...", "hired lobbyists to
#: counter the criticism", "in order to show that ..."): what someone set out to do, not a statement made.
PURPOSE_CLAUSES = True
#: Children of a cue infinitive of purpose that carry words said ("met to announce that ...", "to ask whether ..."):
#: with none of these and only a thing as object, the purpose relays nothing (``purpose_on_a_thing``).
PURPOSE_WORDS_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dative"})
#: Verbs of meeting or arranging a meeting, whose infinitive of purpose on a thing ("met to discuss the budget") says
#: what the meeting was for, not what was said.
MEETING_VERBS = frozenset({"meet", "gather", "convene", "invite", "schedule", "arrange", "summon", "reconvene"})
#: Things that carry words but say nothing by themselves: a source only with a verb of a text's wording ('"...,"
#: the sign read', "a banner saying ..."), not of an act ("signs urging the mayor to resign" is the marchers').
DISPLAY_NOUNS = frozenset({"sign", "placard", "banner", "poster", "billboard", "sticker", "t-shirt", "shirt"})
DISPLAY_VERBS = frozenset({"read", "say"})
#: Marks that set off an apposition ("her son, Tom,", "the mayor (a Democrat)"): a noun after another with none of
#: them between is no apposition but a second argument ("called her brother her role model").
APPOSITION_MARKS = frozenset({",", "(", "—", "–", "-", "―", ":"})
#: Marks that open a writer's gloss after an "according to" phrase ("according to the board - a small sum beside
#: its debts", "according to the poll (a wide margin)"), and words that open a clause of the writer's after it
#: ("according to a survey, even as drivers opposed it"): what the phrase relays ends before them.
GLOSS_MARKS = frozenset({"(", "—", "–", "-", "--", "―"})
WRITER_CLAUSE_OPENERS = frozenset({"even", "while", "though", "although", "whereas"})
#: Verbs whose object does what an -ing verb right after it says: "left most voters saying X", "the video shows
#: him saying X", "found a third of members backing Y" (not "spent the day saying X": the subject says it).
OBJECT_PARTICIPLE_VERBS = frozenset(
    {"leave", "find", "have", "get", "keep", "hear", "see", "show", "quote", "cite", "record", "film", "overhear"}
)
#: Verbs whose passive subject is told something, not held to be something: "X was asked to leave", "X was urged
#: to run". With any other cue verb, a passive subject and its complement are one content: "the vote is expected
#: to be close", "X is seen as a moderate" (what is expected: that the vote is close).
PASSIVE_ADDRESSEE_VERBS = frozenset(
    {
        "advise",
        "ask",
        "beg",
        "challenge",
        "command",
        "direct",
        "encourage",
        "force",
        "implore",
        "instruct",
        "invite",
        "lead",
        "order",
        "persuade",
        "press",
        "pressure",
        "prompt",
        "push",
        "remind",
        "request",
        "tell",
        "urge",
        "warn",
    }
)
#: The dependencies of a complement predicated of a passive subject ("to be close", "a moderate", "as a moderate").
RAISED_COMPLEMENT_DEPS = frozenset({"xcomp", "oprd", "acomp"})
#: Verbs whose object is the one the content is about, before the preposition that states it ("accused the council
#: of hiding the costs"): the object is the subject of what is alleged, so it is part of the content.
ACCUSATION_VERBS = frozenset({"accuse"})
#: Entity labels of names that can speak (a person, an organisation, a nationality or group, a country or city)
#: and of names of texts (a book, a song, a law).
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
DOCUMENT_ENTITIES = frozenset({"WORK_OF_ART", "LAW"})
#: Entity labels of places: a place before a name ("In Dunmore, Ohio, Ada Lund said") is where, not who.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of names that never speak (a date, a place, an amount).
NOT_SPEAKERS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "LOC", "FAC", "PERCENT", "CARDINAL"})
#: How many "of/in/from" steps a relative "who" may climb from the noun its clause hangs on to a person
#: ("groups in technology who ...": "technology", then "groups").
MAX_ANTECEDENT_CLIMB = 3
#: When the parser hung a relative "who" on no person, the nearest noun naming people at most this many tokens
#: before it is its antecedent ("heard from fishermen in the northern harbour who said ...").
MAX_ANTECEDENT_REACH = 8
#: Pronouns a relative clause can hang on with the pronoun as what is said ("something Republicans wanted").
GAP_PRONOUNS = frozenset({"something", "anything", "everything", "nothing", "much", "little", "all"})
#: Pronoun objects that a speech verb's stance is about ("strongly supported him", "criticized them").
STANCE_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "it", "this", "that"})
#: Lemmas of "is" ("'s" after "it" is lemmatised as the apostrophe by the small English model).
COPULAS = frozenset({"be", "'s", "’s", "’", "'"})
#: Subjects that turn a belief verb into a hedge ("you know", "you see"). "I think", "we believe" outside any
#: quotation (an interview transcript, a first-person column, a post) state the speaker's view: attributions.
#: Inside a quotation they are left to the quotation (SKIP_CUES_IN_QUOTES).
HEDGING_SUBJECTS = frozenset({"you"})
#: Whether a cue inside a quotation ('"... he says he is rich," she said') is left to the quotation.
SKIP_CUES_IN_QUOTES = True
#: "responded by saying ...": prepositions whose gerund cue is spoken by the subject of the verb they modify.
GERUND_PREPOSITIONS = frozenset(
    {
        "by",
        "after",
        "before",
        "while",
        "without",
        "in",
        "besides",
        "from",
        "to",
        "of",
        "about",
        "for",
        "on",
        "than",
        "as",
        "despite",
        "through",
        "upon",
    }
)
#: Marks of an adverbial clause that is what a cue asks or wonders ("asked the students if they ...").
QUESTION_MARKS = frozenset({"if", "whether"})
#: Verbs of asking: a cue inside their yes/no question ("asked whether the board would be willing to ...") is
#: a possibility put to someone, nobody's statement or view.
ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "query"})
#: "the town may find itself short of water": "find" with a reflexive object is a predicament, not a finding.
REFLEXIVE_PRONOUNS = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
#: Past forms the tagger may read as a name when they open a line ("Said Roe: ..."), by the lemma they come from;
#: regular forms ("Added", "Asked") are read off the lexicon, and these lemmas have no regular past.
IRREGULAR_PAST = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "thought": "think"}
#: The lemmas of those: a form of them ending in "-ed" is no English form ("Sayed" is a name).
IRREGULAR_PAST_LEMMAS = frozenset(IRREGULAR_PAST.values())
#: A speaker label ("PENCE:", "Jane Roe:") or a dash signature has at most this many tokens.
MAX_SPEAKER_TOKENS = 4
#: Words that lead a date or time right after a cue ("said late on Friday they had ..."): part of the time phrase.
SPEECH_TIME_LEADS = frozenset({"on", "at", "late", "early", "earlier", "later"})
#: Plural nouns of talks that a headline's noun compound may leave read as a verb ("Ceasefire talks stall").
TALKS_NOUNS = frozenset({"talks"})
#: Verbs whose object, when it is one of these, makes them a deed in another sense, not a speech act: goods or envoys
#: called back, not remembered aloud ("recalled 400,000 vehicles", "recalled its ambassador"; "recalled the night of
#: the fire" still is); a prize taken ("claimed the title", "claimed 40 seats"; "claimed responsibility" and "claimed
#: victory", which is as often declared as won, still speak); a contest given up ("conceded the race"; "conceded
#: defeat" and "conceded the point" still speak); a sum asked for ("charged a $5,000 fee"; an entity label in
#: capitals matches the object's: ``MONEY``); people approved for office ("confirmed 68 judges"; "confirmed two
#: deaths" still speaks).
DEED_OBJECTS = {
    "recall": frozenset(
        {
            "vehicle",
            "car",
            "truck",
            "suv",
            "van",
            "motorcycle",
            "product",
            "unit",
            "device",
            "battery",
            "airbag",
            "model",
            "toy",
            "phone",
            "laptop",
            "charger",
            "appliance",
            "medicine",
            "drug",
            "batch",
            "lot",
            "item",
            "package",
            "jar",
            "bottle",
            "can",
            "pack",
            "ambassador",
            "envoy",
            "diplomat",
            "troop",
            "reservist",
        }
    ),
    "claim": frozenset(
        {
            "title",
            "crown",
            "prize",
            "trophy",
            "medal",
            "championship",
            "cup",
            "pennant",
            "gold",
            "silver",
            "bronze",
            "seat",
            "nomination",
            "berth",
            "pole",
            "life",
        }
    ),
    "concede": frozenset({"race", "election", "contest", "primary", "nomination", "seat", "game", "match", "goal"}),
    "charge": frozenset(
        {
            "MONEY",
            "fee",
            "price",
            "rate",
            "premium",
            "interest",
            "tuition",
            "rent",
            "due",
            "dues",
            "fare",
            "toll",
            "commission",
            "surcharge",
            "admission",
            "dollar",
            "cent",
            "penny",
            "euro",
        }
    ),
    "confirm": frozenset({"judge", "nominee", "appointee"}),
}
#: Verbs that make an "as"-clause with "it" someone's words or view of the clause it hangs on ("as the harbour
#: master put it", "as the harbour master sees it").
AS_IT_VERBS = frozenset({"put", "see"})
#: Adverbs the parser reads where a verb's particle stands ("shot back that ...", "fired back"): part of the cue.
PARTICLE_ADVERBS = frozenset({"back"})
#: ... unless a time follows it ("declared back in December that ...", "said back then"): then it is a time.
BACK_IN_TIME = frozenset({"in", "on", "at", "when", "then", "during", "before", "after", "since", "around"})
#: "stopped short of calling X", "fell short of endorsing Y": the adverb a gerund cue's "of" hangs on; the one
#: who stopped is the speaker (PolNeAR marks the act not quite done as a cue).
SHORT_OF_ADVERBS = frozenset({"short"})
#: Labels of a transcript's turns ("Q: ...", "A: ..."), by the turn they mark: not speakers' names.
INTERVIEW_TURNS = {"q": "question", "question": "question", "a": "answer", "answer": "answer"}
#: A label whose words all come back within this many tokens after its colon is a term being defined, not a speaker.
DEFINED_TERM_REACH = 4
#: A speaker between a closing quotation mark and its cue ('"...," Jane Roe, an adviser, said') is at most this long.
MAX_SPEAKER_SPAN = 25
#: Nouns that speak as a side in court ("the defence argued"), but not with an owner or an object ("his defense
#: of the plan", "a defense in any action"): an act, not a side.
COURT_SIDES = frozenset({"defence", "defense", "prosecution"})
#: How many tokens before a colon that opens a quotation the speaker's name may start ("Roe in 1992:").
COLON_NAME_REACH = 6
#: Parts of speech a short speaker's phrase is made of ("one resident", "a local shopkeeper", "Ida's neighbour").
NOUN_PHRASE_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN", "PART"})
#: Dependencies of a clause held inside another ("hoped that Lund wins the race: ..."): its subject is no speaker
#: of the quotation after a colon.
EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "pcomp", "csubj"})
#: "made clear that ...", "has made it plain that ...": a verb and adjective that together state a position.
MAKE_VERBS = frozenset({"make"})
#: Attitude adjectives that with "make" mean "ensure" ("make sure the bill passes"): an act, not a view held.
ENSURE_ADJECTIVES = frozenset({"sure", "certain"})
#: Adjectives that, with an infinitive, say how likely something is, not what the subject holds ("the statement
#: seemed certain to open the door", "is sure to raise questions"); with "that" they are an attitude ("is sure that").
RAISING_ADJECTIVES = frozenset({"sure", "certain", "bound"})
#: ``Doc.user_data`` key set on a Title-Case headline read again in sentence case (:mod:`.headlines`): its
#: capitalised words are no evidence of a name.
RECASED = "rashomon_recased_headline"
CLEAR_ADJECTIVES = frozenset({"clear", "plain", "explicit"})
#: "it is obvious that ...", "nor is it clear that ...": with "it" and a that-clause, a judgment that something is
#: evident, with nobody named as its holder (the writer's, like "it appears that"); PolNeAR marks them. Not
#: "unclear whether" (a question left open: marked one time in four on PolNeAR dev).
EVIDENT_ADJECTIVES = frozenset({"obvious", "apparent", "evident"})
#: "told Reuters in an interview that ...": how far after the cue (in tokens) a channel phrase may start and
#: still hold the that-clause the parser hung on it (in the cue span, the channel must follow the cue at once).
CHANNEL_REACH = 3
#: Prepositions between a speaker's name and a colon that make the words after them the topic or the addressee
#: ("Vell on Brandt: '...'", "Vell to the workers: ..."): the speaker is the name before them (``layout``).
TOPIC_MARKERS = frozenset({"on", "to", "about"})
#: The longest phrase set off by commas between a speaker and a cue whose subject the parser lost ("Mr. Brandt,
#: asked about the strikes, had said"; ``SpeakerRules.subject_before_interrupter``).
MAX_INTERRUPTER_WORDS = 12
#: A sentence is a Title-Case headline when it has this many words and this share of them is capitalised.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 30
TITLE_SHARE = 0.8
#: Title-Case lines of one doc read again for their entities (a menu or a list of links can hold hundreds).
MAX_RECASED_LINES = 20
#: Components the entities of a line read again do not need.
READING_SKIPS = ("parser", "lemmatizer")
#: Inflection endings a Title-Case word may carry, with what may replace each to give its lemma ("denies" ->
#: "deny", "making" -> "make"), for reading Title-Case headlines (:func:`.headlines.verb_stems`).
INFLECTIONS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
)
#: Irregular past forms of cue verbs, for reading Title-Case headlines ("Mayor Said ...").
IRREGULAR_FORMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "thought": "think",
    "felt": "feel",
    "spoke": "speak",
    "sought": "seek",
    "knew": "know",
    "saw": "see",
    "found": "find",
    "made": "make",
    "took": "take",
    "gave": "give",
    "held": "hold",
    "swore": "swear",
    "spoken": "speak",
    "written": "write",
    "shown": "show",
    "seen": "see",
}
#: Hyphenated label prefixes before a participle: "so-called X", "self-described X", "self-styled X".
LABEL_PREFIXES = frozenset({("self", "describe"), ("self", "style"), ("self", "proclaim"), ("self", "declare")})
#: Objects of "on" that tell how or for whom someone speaks, not what about: "spoke on condition of anonymity",
#: "speaking on behalf of the campaign", "talked on background". The cue is then an aside about the speaker.
MANNER_NOUNS = frozenset({"condition", "behalf", "background"})
#: The last word of a phrase that says why a speaker is not named; an infinitive after it says what they would not
#: be named for ("spoke on condition of anonymity to discuss the talks"), nothing they said.
ANONYMITY_WORDS = frozenset({"anonymity", "background"})
#: Modals that turn "want" into advice to someone ("investors may want to wait"): nobody's wish is reported.
ADVICE_MODALS = frozenset({"may", "might", "should", "could"})
#: Modals of duty: "X should demand Y" says what X ought to do, nobody's act or statement.
DUTY_MODALS = frozenset({"should", "ought"})
#: Verbs of duty whose infinitive says what someone ought to do ("needs to assess whether ..."), inside another's
#: statement: that speaker's advice, no act or statement of the one who ought to.
DUTY_VERBS = frozenset({"need", "have", "ought"})
#: Choice verbs that a modal turns into an invitation ("readers can decide which story they like"): no stance.
CHOICE_VERBS = frozenset({"decide", "choose", "judge"})
CHOICE_MODALS = ADVICE_MODALS | {"can"}
#: Marks of a condition: "if he wants to run again" states no one's wish.
CONDITION_MARKS = frozenset({"if", "unless"})
#: Marks of a clause that sets a case, not an occasion: "when someone expresses an idea ..." tells what holds then.
CASE_MARKS = frozenset({"if", "unless", "when", "whenever", "once"})
#: Subjects that name no one in particular: in a clause of ``CASE_MARKS`` their saying is a case, nobody's statement.
ANYONE = frozenset({"someone", "somebody", "anyone", "anybody", "one", "whoever"})
#: Pronouns for whoever might do something ("anyone who says otherwise"): a cue on them reports no one.
HYPOTHETICAL_PRONOUNS = frozenset({"anyone", "anybody", "whoever", "whomever"})
#: Verbs of comparing: a speech act when someone draws the comparison ("likened him to Nixon"), none when a modal
#: or a negation says it cannot or should not be drawn ("you really can't compare the taste of X with Y").
COMPARISON_VERBS = frozenset({"compare", "liken", "contrast"})
COMPARISON_MODALS = frozenset({"can", "ca", "could", "cannot", "would", "might", "may"})
#: Words an order to the reader may open on before its verb ("Please note that ...", "Now compare ...").
IMPERATIVE_OPENERS = frozenset({"please", "now", "just", "so", "also", "again", "first", "then"})
#: Second-person words: outside a quotation they address the reader ("you really can't compare ..."), who says
#: nothing on the page; only a quotation can make "you" someone who speaks.
READER_WORDS = frozenset({"you", "yourself", "yourselves", "ya", "y'all", "y’all"})
#: Nouns after "according to" that name a plan or a measure, not a source ("according to plan", "according to size").
NOT_SOURCES_AFTER_PHRASE = frozenset({"plan", "plans", "schedule", "script", "size", "need", "needs", "taste"})
#: First-person words: outside a quotation and a relayed account they are the page's own writer ("we recommend").
WRITER_WORDS = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
#: Nouns that, owned by "our"/"my", name the writer's own side ("our team recommends", "our editors think").
WRITER_GROUP_NOUNS = frozenset({"team", "staff", "editors", "editor", "editorial", "newsroom", "board"})
WRITER_OWNERS = frozenset({"our", "my"})
#: Verbs of wishing: the page's own writer saying "we want ...", "I hope ...", "we'd love to ..." states a wish,
#: not something reported; only a speaker's words can make a wish reported content ("the mayor said we want ...").
WRITER_WISH_VERBS = frozenset({"want", "wish", "hope"})
#: Verbs that wish only after a conditional modal ("we would like to", "I'd love to").
WRITER_WISH_AFTER_MODAL = frozenset({"like", "love"})
WISH_MODALS = frozenset({"would", "'d", "’d", "should"})
#: Parts of the page itself (``data/page_parts.yaml``): "Figure 1 illustrates ...", "the chart below shows ...",
#: "our map shows ..." speak in the page's own voice (the publisher's), like its writer's "we"; a document of
#: someone else ("the report shows", "a Pew chart shows") is still a source of its own. Told by a number,
#: "below"/"above"/"here", or "our"/"my" on the noun.
PAGE_PART_NOUNS = page_part_nouns()
PAGE_PART_PLACES = frozenset({"below", "above", "here", "left", "right"})
#: Subordinators that open a clause of their own after a verb's object ("focused their fire while X remains"):
#: what follows them is not a clause the parser cut into the object.
SUBORDINATORS = frozenset(
    {
        "while",
        "because",
        "as",
        "when",
        "whereas",
        "although",
        "though",
        "since",
        "after",
        "before",
        "until",
        "unless",
        "if",
        "where",
    }
)
#: Links climbed from a cue to the "from" of a range it sits in ("from unions praising X to ...": pcomp;
#: "from mayors who praised X to ...": relcl, pobj).
RANGE_CLIMB_DEPS = frozenset({"pcomp", "relcl", "acl", "pobj"})
#: "praised X for agreeing", "accused X of saying": after a verb's object, a gerund on these is the object's.
OBJECT_GERUND_PREPOSITIONS = frozenset({"for", "of"})
#: Verbs of reaching someone: with only the one reached for object ("emailed supporters", "briefed reporters",
#: "called Ms. Korvel"), someone was contacted; what was said, the sentence does not tell.
REACHING_VERBS = frozenset({"email", "e-mail", "phone", "telephone", "text", "message", "brief", "call", "contact"})
#: Verbs that make or send a text ("issued a statement", "posted a message"), and the content rules that take such
#: a text's noun as what was said: a quotation right after the noun is the text (``VerbCueRules.quoted_text``).
VEHICLE_VERBS = frozenset(
    {"issue", "release", "send", "write", "post", "publish", "deliver", "give", "make", "tweet", "email", "pen"}
)
VEHICLE_CONTENT_RULES = frozenset({"content.report_object", "content.speech_object", "content.topic_object"})
#: Verbs of an audience's reaction, which take no words of their own ('she said, as the crowd applauded').
REACTION_VERBS = frozenset(
    {"applaud", "cheer", "clap", "jeer", "boo", "whistle", "heckle", "groan", "gasp", "laugh", "nod", "roar"}
)
#: Words before "that" that make it a conjunction of time, reason or result, not a complement: "hired more clerks now
#: that the budget has grown", "given that ...", "except that ...", "in order that ...".
CONJUNCTION_THAT_LEADS = frozenset(
    {"now", "so", "such", "given", "provided", "providing", "except", "save", "considering", "seeing", "order"}
)
#: Verbs that, in the passive with an infinitive, summon rather than say ("were called to clear the pier").
SUMMONING_VERBS = frozenset({"call", "summon"})
#: Entity labels of a time: never a source, even as a proper noun ("last spring's attack").
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Reception nouns that may be material rather than spoken ("received support from states"): a cue only with
#: what they are about ("support for the plan").
MATERIAL_NOUNS = frozenset({"support", "backing", "help", "aid", "assistance", "funding", "protection"})
#: Verbs that, with nothing said after them, name an occasion ("after the senator spoke", "as she talked"):
#: a quotation nearby is not theirs.
OCCASION_VERBS = frozenset({"speak", "talk"})
#: Marks of an adverbial clause that, after a cue closing the clause it comments on, is the writer's own link to
#: what happened meanwhile: "A downpour overwhelmed the dam, its operator said, as the death toll rose to 14".
WRITER_CLAUSE_MARKS = frozenset({"as"})
#: Verbs that relay only a quotation ('"...," the sign read'): "the story reads as follows" frames, "read the
#: report" is no statement; '"Out!" the coach barked': a manner of speaking only with the words ("the dog
#: barked" says nothing).
QUOTE_ONLY_VERBS = frozenset({"read", "bark"})
#: 'She went on: "..."', "he went on to say": going on (lemma, particle) is speaking on, before a quotation or a
#: cue's infinitive.
GOING_ON = ("go", "on")
#: Prepositions that, before a date or a time, say when something was said ("spoke on Monday").
TIME_PREPOSITIONS = frozenset({"on", "at", "over", "for", "in", "during"})
#: Of those, the ones that place a statement at an occasion ("said at a rally in the capital that ...", "said during
#: a visit that ..."): a that-clause on the occasion's noun is what was said (``ContentRules.clause_on_time``).
STATEMENT_OCCASION_PREPOSITIONS = frozenset({"at", "during", "in"})
#: ... and the occasions themselves: on another noun a that-clause may be a relative clause ("testified in the case
#: that prosecutors built").
STATEMENT_OCCASIONS = frozenset(
    "rally conference interview meeting summit convention forum event appearance speech address briefing hearing "
    "visit session ceremony debate dinner luncheon breakfast gathering phase stop tour".split()
)
#: Prepositions that place another act in time ("before explaining why", "after saying that"): no part of a name.
ACT_TIME_PREPOSITIONS = frozenset({"before", "after", "while", "since", "until", "upon"})
#: "praised the court before adding that ...", "answered by noting that ...": a gerund cue after these is the
#: speaker's next statement, not part of what the first cue relays (``ContentRules.participial_cues``).
NEXT_ACT_PREPOSITIONS = ACT_TIME_PREPOSITIONS | {"by"}
#: Nouns of a time a cue names before its clause ("said at the time that ...").
TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "weekend", "night", "morning", "evening"})
#: Pronouns that pick out part of what follows "of": "reiterated many of his pledges".
QUANTIFIERS = frozenset({"many", "some", "all", "most", "much", "several", "each", "one", "none", "few", "both"})
#: Verbs whose noun object is a study's finding ("the audit found no record"), with a study for subject.
FINDING_VERBS = frozenset({"find"})
#: At most this many tokens between the two verbs of a cue chain ("sought to clarify", "refused to call").
MAX_CHAIN_GAP = 3
#: A light verb's noun ("made a strong, early case for") at most this many tokens after the verb.
LIGHT_NOUN_REACH = 6
#: "By his own admission, the returns are thick", "by her count, 40 ships called": a possessed noun after a
#: sentence-level "by" puts the rest of the sentence under its owner, as "in the mayor's view" does.
BY_VIEWPOINT_NOUNS = frozenset({"admission", "account", "estimate", "reckoning", "count", "calculation"})
#: "X has no illusions about Y", "voters have had reservations about Z": "have" with a view or a feeling held and
#: what it is about is a stance, as a light verb is ("voiced concerns about"). Only these nouns and prepositions:
#: "has a report on", "had a call with" hold nothing.
HOLD_VERBS = frozenset({"have"})
HELD_NOUNS = frozenset(
    {
        "illusion",
        "reservation",
        "misgiving",
        "qualm",
        "doubt",
        "concern",
        "worry",
        "view",
        "opinion",
        "position",
        "stance",
        "fear",
        "hope",
        "suspicion",
        "question",
        "objection",
        "complaint",
        "thought",
    }
)
HELD_PREPOSITIONS = frozenset({"about", "on", "over", "toward", "towards", "regarding"})
#: Prepositions by which a verb carries an unowned speech-act noun as its subject's own act ("opened with a call
#: for X", "marched in the hope that Y"): the verb's subject makes the call, holds the hope.
ACT_CARRYING_PREPOSITIONS = frozenset({"with", "in"})
#: Verbs whose "with" carries the subject's own act ("opened with a call for talks", "responded with a promise to
#: X"); others handle or oppose someone else's ("argued with the claim", "dealt with the demand", "took issue with").
ACT_WITH_VERBS = frozenset(
    {
        "open",
        "close",
        "begin",
        "start",
        "end",
        "conclude",
        "respond",
        "reply",
        "answer",
        "counter",
        "follow",
        "come",
        "react",
        "hit",
        "fire",
        "strike",
        "weigh",
        "chime",
    }
)
#: Nouns whose "in" carries what the subject holds ("marched in the hope that ..."); "saw merit in the claim" is
#: a view of someone else's claim.
ACT_IN_NOUNS = frozenset({"hope", "belief", "expectation", "conviction", "fear"})
#: Prepositions that introduce what a light-verb cue is about ("took issue with", "took aim at").
LIGHT_PREPOSITIONS = frozenset({"about", "on", "over", "against", "for", "of", "with", "at", "to", "in"})
#: Content marker: what is said is the next paragraph ("He said:" closing a paragraph).
NEXT_BLOCK = (-1, -1)
#: What may stand between a cue (or its speaker) and the second half of a split quotation.
#: How many tokens after a quotation a cue of its own may stand ('"...," the mayor of the island said').
OWN_CUE_REACH = 8
SPLIT_QUOTE_GAP = re.compile(r"^[\s,;:.—–-]{0,4}$")
#: Two apostrophes stand for a straight double mark in some house styles (''like this'').
QUOTE_MARKS = re.compile(r"''|[\"“”„«»]")
OPENING_MARKS = frozenset("“„«")
#: A line break followed by an opening mark: a new paragraph of quotation ("...\n“And then ...").
PARAGRAPH_REOPENS = re.compile(r"\n[ \t\u00a0]*(?:''|[\"“„«])")
#: A line that ends a sentence: the end of a paragraph, in a text whose paragraphs are lines.
SENTENCE_LINE_END = re.compile(r"[.?!…][ \t\u00a0]*\n")
#: Marks that end a sentence (``QuoteMarkRules.before_opening_mark``).
SENTENCE_ENDS = (".", "?", "!", "…")
#: Lines at least this long are paragraphs, not a hard-wrapped paragraph's lines (the sentence splitter's value).
MIN_PARAGRAPH_LINE_CHARS = _settings.MIN_PARAGRAPH_LINE_CHARS
CLOSING_MARKS = frozenset("”»")
OPEN_TEXT = frozenset(('"', "“", "„", "«", "''"))
CLOSE_TEXT = frozenset(('"', "”", "»", "''"))
#: Single quotation marks (headline style: "Smith: ‘Plan Is a Disaster.’"). A span keeps an opening one at its
#: start, and a closing one at its end when it closes a mark opened inside the span (not an apostrophe).
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
#: A quoted title ('said on "Meet the Press"', 'wrote in "The Long Road"'): at most this many words, each
#: capitalised but the small words, right after a preposition or a noun of a work or a programme. It names a work,
#: so it is no quotation a cue could claim.
TITLE_MAX_WORDS = 6
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "on", "in", "for", "to", "with", "at", "by"})
TITLE_BEFORE = frozenset(
    {"on", "in", "to", "at", "from", "with", "for", "show", "program", "programme", "book", "column", "film"}
)
#: Verbs of telling whose object right after them is the one told: a Title-Case quotation there is a show's name
#: ('she told "Morning Call"'), not more of her words; a one-word answer ('told "Yes"', :data:`SHORT_ANSWERS`) is hers.
TITLE_TOLD = frozenset({"told", "tells", "tell", "telling"})
#: Words right before a quotation that make it the name of a work ('an article titled "..."'), not anyone's words.
NAMING_WORDS = frozenset({"titled", "entitled", "headlined", "dubbed", "captioned", "hashtag", "slogan", "motto"})
#: Nouns by which a writer sums up what a source said, in an apposition closing the sentence (", a claim that could
#: not be verified", ", a figure analysts call optimistic"): the writer's gloss, not part of what was said
#: (``ContentRules.before_summary_gloss``).
SUMMARY_NOUNS = frozenset(
    {
        "claim",
        "assertion",
        "allegation",
        "charge",
        "accusation",
        "figure",
        "sum",
        "number",
        "estimate",
        "version",
        "account",
        "position",
        "view",
        "move",
        "step",
        "shift",
        "reversal",
        "turnaround",
        "concession",
        "decision",
        "statement",
        "promise",
        "pledge",
        "remark",
    }
)
#: Clauses with a subject of their own ("who", "which") inside the clause before a colon: the climb to the speaking
#: clause stops at them ("Bundy spoke to Santilli, who responds: ..." is Santilli's; ``LayoutRules.blunt_speaker``).
CLAUSE_BEFORE_COLON_DEPS = frozenset({"relcl"})
#: A quotation claimed from a neighbouring sentence must have at least this many words (not a scare quote).
MIN_CLAIMED_QUOTE_WORDS = 3
#: A line of dialogue ('"Nope," the skipper replied.'): the mark that ends it inside its quotation marks, what may not stand
#: between it and its cue, and how many words its speaker may take there.
DIALOGUE_ENDS = frozenset({",", "?", "!"})
#: Verbs that are no speech by themselves but tag a line of dialogue right after it ('"...?" Brandt continued.').
DIALOGUE_TAG_VERBS = frozenset({"continue"})
DIALOGUE_BREAKS = frozenset({".", ";", ":", "\n", "(", "—"})
MAX_DIALOGUE_SPEAKER_WORDS = 6
#: "a pilot reached by the Ledger": how a speaker was reached, left out of the source span.
CONTACT_VERBS = frozenset({"reach", "contact", "interview", "question", "approach", "visit", "call", "phone"})
#: Punctuation that sets a content noun beside the clause it names ("..., a charge the group denied").
REPLY_JOINS = frozenset({",", "—", "–", ";", "-"})
#: Words that open a wh-infinitive ("how to prune", "whether to run"): a topic, unless a question verb asks it.
#: Prepositions that complete a said object on the verb ("endorsed Cruz for president", "mentioned him by name",
#: "portrayed him as weak"); not when or where ("on Monday", "in an interview").
OBJECT_COMPLETIONS = frozenset({"for", "by", "as", "to"})
#: The prepositions of the reason a verb of judging gives after its object ("criticized him for not doing more",
#: "slammed the board over the fees"): part of what is said about the one judged.
REASON_PREPOSITIONS = frozenset({"for", "over"})
#: The clauses of a cue a verb coordinated at their end may be the speaker's next act in ("said it was closed and
#: warned X", ``ContentRules.before_next_act``).
NEXT_ACT_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
#: Words before a coordinated verb that make it an alternative inside what was said, not the speaker's next act
#: ("played on fears rather than offered solutions").
NOT_AN_ACT = frozenset({"than", "rather", "instead"})
#: Where, when or through what an act was done, at the end of a noun-phrase content ("reported it on Twitter",
#: "cited the figure at a forum", "on Monday"): the act's occasion, not what was said (``trailing_occasion``).
OCCASION_PREPOSITIONS = frozenset({"on", "at", "in", "during"})
OCCASION_NOUNS = frozenset(
    "twitter facebook instagram website site blog show program programme broadcast podcast television tv radio "
    "forum rally conference interview statement speech event meeting summit convention diatribe tweet post video "
    "appearance".split()
)
#: Auxiliaries that open a condition when they stand before its subject ("should he win", "had she known", "were
#: it to pass"): the condition belongs to the words before it (``boundaries.inverted_condition``).
INVERTED_AUXILIARIES = frozenset({"should", "had", "were"})
#: Subordinators that join a contrasting statement of its own ("..., while the mayor says ..."): not a condition.
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
#: At most this many words of a date or time between a speech noun and its that-clause ("his claim last week that
#: ...", ``NounCueRules.clause_after_time``).
MAX_TIME_WORDS = 4
#: Verbs whose "it" subject may be empty, standing for a clause or phrase after them ("It was at the fair that ...",
#: "It falls to the board to ..."): a cue under them takes no speaker from that "it" (``SpeakerRules.subject_of``).
EXPLETIVE_HOSTS = frozenset({"be", "fall", "remain", "rest"})
#: Verbs of making someone do something that, in the passive, say it was done ("was forced to admit that ...",
#: "was prompted to say ..."): the passive's subject speaks (``SpeakerRules._subject_of``). Not "was asked to
#: explain": a request, which may not have been met.
IMPLICATIVE_VERBS = frozenset({"force", "compel", "oblige", "prompt", "lead", "drive", "move"})
#: Verbs whose infinitive nobody has yet said: a refusal ("declined to comment") or a request ("Asked to describe X,
#: the chief said: ...", not "was prompted to say"). The infinitive takes no quotation from around it.
REFUSAL_VERBS = frozenset({"decline", "refuse"})
#: Verbs whose refusal leaves a question open: "did not say when X", "declined to explain why X" (not "did not speak
#: when the verdict was read").
WITHHOLDING_VERBS = frozenset({"say", "explain", "disclose", "reveal", "specify", "indicate", "detail", "confirm"})
UNSPOKEN_INFINITIVE_HEADS = REFUSAL_VERBS | (PASSIVE_ADDRESSEE_VERBS - IMPLICATIVE_VERBS)
#: Words opening a clause after a verb's own object that tells when, where or on what condition, not what is said
#: ("would see lower bills if ...", "defend the rules where they apply"; ``ContentRules.condition_after_object``).
CIRCUMSTANCE_MARKS = frozenset({"if", "when", "where", "whenever", "wherever"})
#: Nouns of asking that nobody asks unless the text names who does or says it was raised ("the question is whether
#: ...", "there is no question that ..."): the writer's own (``NounCueRules.from_noun``).
OPEN_QUESTION_NOUNS = frozenset({"question"})
#: Complementisers that open a second complement of the same cue when a coordinated clause starts with one ("said
#: X and that Y", "asked whether X or whether Y"): the same statement goes on, no new one starts.
SECOND_COMPLEMENT_MARKS = frozenset({"that", "whether"})
#: Dependents that give a cue verb a content of its own (a clause, a name given; not an object: "meet and
#: discuss the budget" is one plan).
OWN_CONTENT_DEPS = frozenset({"ccomp", "oprd"})
#: Relative pronouns that open a non-restrictive clause after a comma (", who ...", ", which ..."): an aside.
NON_RESTRICTIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
#: Discourse connectives that open a sentence before a comma ("Still, ...", "Even so, ...", "In contrast, ..."):
#: they tie the sentence to the writer's previous one, so a reported content that opens the sentence starts after
#: them (``boundaries.after_connective``). Not "and" / "but": PolNeAR keeps those in the content as often as not.
SENTENCE_CONNECTIVES = frozenset(
    {
        ("still",),
        ("however",),
        ("meanwhile",),
        ("moreover",),
        ("also",),
        ("indeed",),
        ("instead",),
        ("nonetheless",),
        ("nevertheless",),
        ("even", "so"),
        ("in", "contrast"),
        ("by", "contrast"),
    }
)
#: Sentence adverbs that close a clause after a comma ("denied that X, however, ..."): the writer's link to what
#: came before, not the source's words (``boundaries.trailing_connective``).
TRAILING_CONNECTIVES = frozenset({"however", "though", "meanwhile", "nonetheless", "nevertheless", "instead"})
#: Subordinators of reason, condition or concession: a cue verb in the clause one opens after a quotation gives
#: the writer's why, not the quotation's speaker (not "as", which opens an aside: '"...," as she said').
REASON_SUBORDINATORS = frozenset({"because", "since", "although", "though", "if", "unless", "whereas"})
WH_WORDS = frozenset({"how", "what", "where", "when", "which", "who", "whom", "whether", "why"})
#: Wh-words that stand for what a cue verb says or holds when they are its object ("what our readers think of
#: it"): the words themselves are a gap, so the cue relays nothing that is there to read.
WH_GAP_WORDS = frozenset({"what", "whatever"})
#: Determiners and pronouns of an indefinite noun phrase: a restrictive clause on one picks out a class of people
#: ("anyone wanting to learn more", "guests who wish to fish"), not someone who said or holds anything.
INDEFINITE_DETERMINERS = frozenset({"a", "an", "any", "some", "every", "each", "all", "no", "many", "most", "more"})
INDEFINITE_PRONOUNS = frozenset(
    {"all", "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "those", "whoever", "one", "people"}
)
#: Speech-act and belief nouns whose noun object is what is demanded, promised, denied or feared ("calls for a
#: recount", "denials of wrongdoing", "fear of another storm"): what was said or held.
DEMAND_NOUNS = frozenset(
    {
        "call",
        "demand",
        "plea",
        "appeal",
        "request",
        "denial",
        "pledge",
        "promise",
        "vow",
        "proposal",
        "warning",
        "fear",
        "hope",
        "expectation",
        "worry",
        "prediction",
        "estimate",
        "forecast",
        "doubt",
        "suspicion",
    }
)
#: Prepositions after a possessed speech-act noun that say what its owner spoke about ("her comments about the
#: fares", "his remarks on the strike"); "of", "to", "for" name a topic, an addressee or a target ("his view of
#: NATO", "her response to Trump", "support for the plan").
SPOKEN_ABOUT = frozenset({"about", "on", "over", "against"})
#: Apostrophes the tokenizer splits off a plural as a closing quotation mark ("the growers’ claim"): a plural right
#: before one, hung on a speech-act noun, owns it (``NounCueRules.owner_of``).
SPLIT_APOSTROPHES = frozenset({"’", "'"})
#: Speech verbs whose object, when it names people, is whom they question or let in, not what is said
#: ("questioned the witnesses", "interviewed the crew", "admitting Poland to the union").
PERSON_OBJECT_NOT_SAID = frozenset({"question", "interview", "quiz", "interrogate", "grill", "depose", "admit"})
#: Media a speaker speaks on or over ("speaking on state television", "spoke over the phone"): how the words went
#: out, never what they were.
MEDIUM_NOUNS = frozenset(
    {"television", "tv", "radio", "phone", "telephone", "camera", "air", "airwaves", "podcast", "livestream", "video"}
)
#: ... after these ("responded to the video" answers it).
MEDIUM_PREPOSITIONS = frozenset({"on", "over", "via"})
#: Speech verbs that lay a charge on the people they take as object only with "with" ("charged him with fraud");
#: without it the people are rushed at ("police charged the crowd").
CHARGING_VERBS = frozenset({"charge"})
#: Nouns for a number or a body of people when "of" + people follows ("a chorus of Republicans", "a wide array of
#: artists", "a number of experts"); "the health of the senator" names no one who speaks.
COLLECTIVE_NOUNS = frozenset(
    {
        "chorus",
        "array",
        "number",
        "lot",
        "host",
        "slew",
        "bunch",
        "range",
        "variety",
        "series",
        "pair",
        "couple",
        "trio",
        "band",
        "circle",
        "cadre",
        "legion",
        "wave",
        "string",
        "roster",
        "collection",
        "set",
        "mass",
        "majority",
        "minority",
        "plurality",
        "half",
        "third",
        "quarter",
        "percent",
        "share",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "score",
        "scores",
        "handful",
        "fraction",
        "portion",
        "proportion",
        "section",
        "segment",
        "part",
        "body",
        "community",
        "class",
        "generation",
        "wing",
        "bloc",
        "camp",
        "contingent",
        "delegation",
        "coalition",
        "group",
        "team",
        "crowd",
        "panel",
        "network",
        "alliance",
    }
)

#: Speech verbs whose told clause the parser may hang on the one told as a relative clause ("told the crews she
#: shares ..."); not "call", "ask" or "order", whose object a real relative clause often follows.
TOLD_CLAUSE_VERBS = frozenset({"tell", "inform", "assure", "warn", "remind", "brief"})
#: A clause with one of these has its own object or complement, so no gap a relative clause would leave.
OWN_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "attr", "acomp", "oprd", "auxpass"})
#: Verbs that with the particle RETORT_PARTICLE right after them are a retort, a speech verb: '"...," the mayor shot
#: back', "fired back: ..."; without it they are no speech ("fired the director", "shot a video").
RETORT_VERBS = frozenset({"shoot", "fire", "hit"})
RETORT_PARTICLE = "back"
#: Content rules that give a retort words (a clause or a comment on one); a quotation always does.
RETORT_CONTENT_RULES = frozenset({"content.clause", "content.aside", "content.comma_aside", "content.trailing_cue"})

#: "puts the toll at 15", "placed the cost at $2 billion": a verb of setting a figure, the figure's noun as its
#: object and "at" the amount: an estimate someone gives (``VerbCueRules.from_estimate``).
ESTIMATE_SETTING_VERBS = frozenset({"put", "place"})
#: A pronoun for a figure given just before ("Police said 5,000. Organisers put it at 20,000.").
ESTIMATE_PRONOUNS = frozenset({"it", "that", "them"})
ESTIMATE_FIGURE_NOUNS = frozenset(
    {
        "toll",
        "number",
        "figure",
        "cost",
        "total",
        "count",
        "tally",
        "estimate",
        "price",
        "value",
        "loss",
        "losses",
        "damage",
        "bill",
        "size",
        "share",
        "rate",
        "odds",
        "chance",
        "chances",
        "probability",
        "turnout",
    }
)
#: Entity labels of an amount ("at $2 billion", "at 40 percent", "at about a third").
AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
#: Personal pronouns that, as the object of a sentence-opening "To", name whose view the sentence gives ("To them,
#: the vote was a rebuke"); "To that, ..." and "To date" name no one.
VIEWPOINT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
#: Entity labels of a name after a sentence-opening "To" that gives its holder's view ("To Ms. Roe, ...").
VIEWPOINT_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
#: Verbs whose fronted "To X," is the one given, sent or told something, not a holder of a view ("To Ms. Roe, the
#: council sent a letter"; "To Ms. Roe, the decision made no sense" is her view).
RECIPIENT_VERBS = frozenset(
    {
        "give",
        "send",
        "hand",
        "offer",
        "address",
        "write",
        "sell",
        "lend",
        "pass",
        "deliver",
        "mail",
        "show",
        "explain",
        "say",
        "tell",
        "read",
        "owe",
        "pay",
        "return",
        "grant",
        "award",
        "donate",
        "leave",
        "bring",
        "introduce",
        "present",
        "report",
        "announce",
        "reply",
        "respond",
        "speak",
        "talk",
        "apologise",
        "apologize",
    }
)
#: Feelings that, after "for", "out of" or "in" with no article or owner, give the reason for an act ("for fear of
#: reprisals"), not someone's stated view.
REASON_NOUNS = frozenset({"fear", "concern", "worry"})
#: Verbs that call something something ("a target experts described as ambitious", "whom he blasted as a bully"):
#: their "as" phrase is what was said of it; after another verb it is a role ("fought it as a councillor").
CALLING_VERBS = frozenset(
    {
        "describe",
        "call",
        "view",
        "see",
        "regard",
        "characterize",
        "characterise",
        "label",
        "brand",
        "dismiss",
        "blast",
        "denounce",
        "hail",
        "praise",
        "portray",
        "depict",
        "deride",
        "paint",
        "condemn",
        "criticize",
        "criticise",
        "tout",
        "bill",
        "frame",
        "decry",
        "slam",
        "attack",
        "mock",
        "ridicule",
        "consider",
        "cast",
    }
)
