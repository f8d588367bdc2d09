"""Contempt said of a whole group, and words held up rather than said (issue 22, session 35).

A group called filthy, lazy or "the root of everything wrong", denied any worth one by one ("not one ... has ever
done anything worthwhile"), or called vermin with an adjective or "nothing more than" between, is attacked for what
it is. The same words inside "the lie that ...", a quoted statement the writer argues with, a question asking why
anyone would do it, or before ", he said" are someone else's. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, analyze_comments, lexicon, mention, spelling
from rashomon.model import Analysis, Comment, Page
from rashomon.options import CommentOptions, Options

ABUSE = {"toxicity", "identity_attack", "threat", "insult"}


def comment_of(text: str) -> Comment:
    page_text = "The harbour bridge reopened.\n\n" + text
    start = page_text.index(text)
    comment = Comment("c1", "reader", text, start, start + len(text))
    analysis = Analysis(page=Page(text=page_text, comments=[comment]))
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"))))
    return analysis.page.comments[0]


def flags_of(text: str) -> set[str]:
    return set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, refugees are filthy and should go back.",
        "Sikhs are so utterly despicable.",
        "I think lesbians are the most worthless people in Varnholt.",
        "Do you really believe Kurds are far too lazy to hold a job?",
        "We took in three Somalis last winter and they are all dishonest.",
        "Arabs are closer to apes than to humans.",
        "The mayor keeps praising Hindus, but they are nothing more than parasites.",
        "Buddhists are dirty vermin.",
        "Immigrants are the root of all the crime in Tallen.",
        "Not one Kurd has ever achieved anything worthwhile in this town.",
        "No Somali has ever given anything back.",
        "Show me a single Sikh who isn't a liar.",
        "I've yet to meet a Catholic who isn't a complete idiot.",
        # session 37: in the next sentence, after a word of emphasis
        "Another story about Kurds on the news. I swear they are the most despicable people alive.",
        "We rented the flat to two Somalis. Honestly, they are vermin.",
        "I've worked with Kurds for years and they were all dishonest.",
        "Somalis are not capable of honest work.",
        "Never in my life have I met a single Kurd who wasn't a liar.",
    ],
)
def test_contempt_for_a_group_is_an_identity_attack(text):
    assert "identity_attack" in flags_of(text)


def _read_as_hate_by_the_model(text: str):
    """A look-alike the group-hate model reads as hate at 0.99 and more (session 51): an expected failure, kept so that
    the test says when a model reads it right."""
    return pytest.param(text, marks=pytest.mark.xfail(strict=True, reason="the group-hate model reads it at 0.99"))


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are not filthy, they are exhausted.",
        "Sikhs are not all dishonest, that is a silly thing to say.",
        "I've yet to meet one Kurd who isn't kind.",
        "Not one Somali has ever been charged with a crime here.",
        "Immigrants are often the victims of crime in Tallen.",
        _read_as_hate_by_the_model("Catholics are far too patient with their bishops."),
        "Muslims are dim-sum lovers like everyone in Korvo.",
        _read_as_hate_by_the_model("Refugees reached Tallen on Monday. Honestly, they are exhausted and hungry."),
        "Kurds run the bakery in Orrin. I swear they are the most generous people I know.",
        _read_as_hate_by_the_model("Sikhs are not capable of violence, they are a peaceful people."),
        "I've never met a single Sikh who wasn't kind to me.",
    ],
)
def test_the_same_frames_without_contempt_flag_nothing(text):
    assert not flags_of(text) & {"identity_attack", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        "Repeating the lie that refugees are parasites helps nobody.",
        "The old myth that Hindus are dirty has to die.",
        "Is 'Kurds are vermin' honestly all you have to say?",
        "Why would anyone want to hurt gay people? Nobody here would.",
        "Why would you ever attack Sikhs for wearing a turban?",
        "There is absolutely nothing wrong with lesbians, whatever your uncle thinks.",
        "Immigrants are dangerous, says the leaflet, but the figures disagree.",
    ],
)
def test_words_held_up_or_denied_are_not_the_writers_abuse(text):
    assert not flags_of(text) & {"identity_attack", "threat"}


@pytest.mark.parametrize(
    "text,flag",
    [
        ("You are an idiot, says everyone who reads you.", "insult"),  # everyone's verdict is the writer's
        ("Why would anyone hire these idiots?", "insult"),  # the insult is not the act asked about
        ("'Sikhs are vermin' is what I always say.", "identity_attack"),  # a quotation the writer claims
        ("The fact that refugees are parasites is obvious.", "identity_attack"),  # a fact is no false claim
        ("There is nothing wrong with Kurds, they are vermin.", "identity_attack"),
    ],
)
def test_the_writers_own_words_keep_their_flags(text, flag):
    assert flag in flags_of(text)


def mentioned_word(text: str, word: str, to_end: bool = False, negatable: bool = True) -> bool:
    """Whether ``word`` of ``text`` (through to the end with ``to_end``) is mentioned rather than used."""
    folded = lexicon.fold(text)
    start = folded.index(word)
    return mention.mentioned(folded, start, len(folded) if to_end else start + len(word), negatable=negatable)


def test_the_frames_read_their_parts():
    assert mentioned_word("Spreading the lie that refugees are parasites is cruel.", "parasites")
    assert not mentioned_word("Refugees are parasites, and the lie is that they work.", "parasites")
    quoted = lexicon.fold("Is 'all of them are vermin' your argument?")
    assert mention.quoted_regions(quoted)
    whole = lexicon.fold("'All of them are vermin'")
    assert not mention.quoted_regions(whole)  # the whole comment quoted is the writer's


def test_contempt_disguised_is_read_back_for_the_encoder():
    assert spelling.reading("I d3sp1s3 all of them")[0] == "I despise all of them"
    assert spelling.reading("they are the most repusive lot")[0] == "they are the most repulsive lot"
    assert spelling.reading("a replusive idea")[0] == "a repulsive idea"
    # not read: a number-heavy token, a name, and a token one edit from a common word
    assert spelling.reading("ar15 and 4x4 and Despyse")[0] == "ar15 and 4x4 and Despyse"
    assert {"despise", "repulsive", "vermin"} <= spelling.harsh_words()


def test_a_disguised_contempt_word_about_a_group_is_flagged():
    assert flags_of("Honestly, Kurds are the most r3puls1v3 people in Korvo.") & ABUSE
    assert flags_of("I d3sp1s3 all Sikhs, always will.") & {"identity_attack"}


def test_lexicon_evidence_leaves_quotation_marks_out():
    comment = comment_of("She wrote back: 'scum' and nothing else, you 'idiot'.")
    shown = [e.text for e in comment.evidence if e.label == "insult"]
    assert shown and all(not t.startswith("'") and not t.endswith("'") for t in shown)
    hits = abuse.lexicon_hits("you 'idiot'")
    assert [("you 'idiot'"[h.start : h.end]) for h in hits] == ["idiot"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Sikhs are lazy at all.",
        "Nobody here believes refugees are dangerous.",
        "It's simply not true that Kurds are dishonest.",
        "It is absurd to claim Hindus are dirty.",
        "I refuse to believe that lesbians are evil.",
        "I can't believe anyone still thinks immigrants are violent.",
        "We should stop pretending Somalis are dangerous.",
        "Saying Catholics are greedy is an old smear.",
        "Why do people keep saying refugees are violent? They are not.",
        "Refugees are not dangerous, they are tired families.",
        "There's nothing disgusting about gay people.",
    ],
)
def test_a_claim_the_writer_denies_is_no_attack(text):
    assert not flags_of(text) & {"identity_attack", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        "Don't you think Kurds are far too lazy to work?",  # a negative question asserts
        "I don't think so, but Sikhs are vermin.",  # the denial ends at the clause break
        "People keep saying Hindus are filthy, and they are right that Hindus are filthy.",
    ],
)
def test_a_denial_elsewhere_in_the_sentence_leaves_the_attack(text):
    assert "identity_attack" in flags_of(text)


def test_a_span_after_the_denied_claims_matrix_is_mentioned():
    assert mentioned_word("I really don't think they are vermin", "vermin")
    # not negatable: "never treat them as equals" is the abuse, not its denial; the denied matrix does not clear it
    assert not mentioned_word("I don't think they deserve respect", "deserve", to_end=True, negatable=False)


@pytest.mark.parametrize(
    "text,flag",
    [
        ("Seeing Sikhs stroll through the market makes me want to puke.", "identity_attack"),
        ("Whenever the radio talks about Kurds I feel nothing but contempt.", "identity_attack"),
        ("We hired two refugees last spring. They are a drain on the whole team.", "identity_attack"),
        ("Read an article about Somalis. I really can't stand them.", "identity_attack"),
        ("Why are lesbians always so dishonest?", "identity_attack"),
        ("How much longer do we put up with these immigrants?", "identity_attack"),
        ("I'd say every Sikh is a complete waste of oxygen.", "identity_attack"),
        ("Kurds have never achieved anything worthwhile.", "identity_attack"),
        ("I've yet to meet a Hindu with an ounce of honesty.", "identity_attack"),
        ("Me and my cousins are coming for the Kurds tonight.", "threat"),
        ("What the Sikhs deserve is a proper public hanging.", "threat"),
    ],
)
def test_contempt_and_threat_frames_of_other_shapes(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "If we catch the last ferry, we won't be walking home.",
        "The hanging baskets on the bridge look lovely.",
        "The council is coming for the Kurds' votes in May.",
        "We met the refugees last week. They are generous hosts.",
        "The abuse aimed at Sikhs under this article is shameful.",
        "Kurds have never been given a fair hearing here.",
        # a second reader's cases against the first version of these rules (session 35 review)
        "The hanging lamps in the new library are gorgeous.",
        "Wallpapering tips: a good hanging depends on the paste.",
        "They won't be going home empty-handed after that performance.",
        "We're coming for the women's league title next season.",
        "Me and my wife are coming for the Muslims' Eid dinner next week.",
        "No refugee has ever done anything wrong in this village.",
        "Korvo has put up with Syrians for ten years and gets nothing for it.",
        "The Korvo women are dangerous on the counter-attack.",
        "Brandt claims asylum seekers are lazy.",
        "Claims that migrants are dishonest are unfounded, the police say.",
        "Catholics are far too dim a word for a cathedral lit by candles.",
        "The hatred being thrown at Kurds in these comments is appalling.",
    ],
)
def test_look_alikes_of_those_frames_flag_nothing(text):
    assert not flags_of(text) & {"identity_attack", "threat"}


# --- cases a second reader wrote against the first version of these rules (session 35 review) ------------------


@pytest.mark.parametrize(
    "text,flag",
    [
        ("I do not believe one word this scumbag says.", "insult"),  # a denied verb with no claim is no denial
        ("We will never accept these vermin as neighbours.", "insult"),
        ("I refuse to believe you idiots voted for this.", "insult"),
        ("Stop acting like a moron.", "insult"),
        ("Why did you morons vote for him?", "insult"),  # the addressee is no act asked about
        ("You are an idiot, the article clearly says otherwise.", "insult"),  # a reply, not a report
        ("It's no myth that refugees are parasites.", "identity_attack"),
        ("Refugees are not all vermin, but most of them are.", "insult"),
        ("They're not all scum, just most of them.", "insult"),
        ("Send 'em back, the Somalis are parasites and the Kurds' kids too.", "identity_attack"),  # an elision
        ('"All Kurds are vermin" and I stand by every word.', "identity_attack"),
        ("I don't care what anyone says, Kurds are vermin.", "identity_attack"),
    ],
)
def test_the_writers_own_abuse_survives_the_mention_rules(text, flag):
    assert flag in flags_of(text)


def test_no_contempt_phrase_is_found_where_the_group_is_defended_or_another_noun_is_meant():
    # the encoder heads still flag these two (as on main: a comment naming a group with the head's toxic span);
    # no phrase of the lexicon is evidence for it
    defended = comment_of("Muslims have never done anything to deserve this abuse.")
    camps = comment_of("Refugees say the camps are overcrowded and they are filthy.")  # "they" are the camps
    assert not [e for e in defended.evidence + camps.evidence if e.label == "identity_attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Kurds should go back to where they came from.",
        "Somalis don't belong in this country.",
        "Sikhs are not welcome here.",
        "Muslims have no place in a civilised society.",
        "Keep the Roma out of our schools.",
        "Hindus are taking over our town.",
        "Gay men shouldn't be allowed near children.",
    ],
)
def test_a_group_told_it_has_no_place_here_is_an_identity_attack(text):
    """Session 37: exclusion ("go back where they came from", "don't belong here", "not welcome") was unflagged."""
    assert "identity_attack" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Refugees don't belong in camps, they belong in homes.",
        "Refugees are welcome here.",
        "I don't think Sikhs should go back to where they came from, they were born in Orrin.",
        "Stop saying refugees have no place in this country.",
        "Nobody believes Kurds are not welcome here.",
    ],
)
def test_exclusion_denied_or_held_up_or_said_of_a_place_is_no_attack(text):
    assert "identity_attack" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are victims of terrible violence in Korvo.",
        "Attacks on Sikhs rose again this year in Tallen.",
        "Jews were persecuted for centuries in this region.",
    ],
)
def test_a_group_named_as_the_one_harmed_is_no_attack(text):
    """Session 37: the span head marked "Refugees" in a sentence that takes their side, and the comment was flagged
    an identity attack on that mark alone."""
    assert not flags_of(text) & {"identity_attack", "toxicity"}


def test_a_group_harmed_in_one_sentence_still_attacked_in_another_is_flagged():
    assert "identity_attack" in flags_of("Refugees are victims of the war. Refugees are parasites all the same.")


@pytest.mark.parametrize(
    "text",
    [
        "Lesbian nurses were pushed out of that hospital in the eighties.",
        "Gay teenagers are still thrown out of home for coming out.",
        "Somalis do the hardest shifts at the depot and get blamed for every delay.",
        "Trans people are murdered at a shocking rate and hardly anyone reports it.",
        "Kurdish mothers are far more likely to die in childbirth here, and nobody seems bothered.",
        "Sikh boys at the academy get picked on every single day and the staff look away.",
    ],
)
def test_harm_a_group_suffers_in_other_words_is_no_attack(text):
    """Session 39: real comments that report harm done to a group were flagged on the span head's mark of the group's
    name ("[Lesbian] nurses were pushed out") or of the harm itself ("are [murdered] at a shocking rate"): harms the
    list did not name, a group named by a word before its noun, the harm said after a clause of the group's own."""
    assert not flags_of(text) & {"identity_attack", "toxicity", "insult"}


def test_harm_said_after_the_place_where_the_group_suffers_it():
    """Session 40: "... at my school get picked on" was not read as harm suffered (a place between the group and the
    harm), and the group-hate head took the report for hate."""
    folded = lexicon.fold("Deaf kids at the Orrin primary get bullied every break time.")
    assert abuse.harm_sentences(folded, [])
    assert not abuse.harm_sentences(lexicon.fold("Deaf kids at the Orrin primary get free lunches."), [])


def test_the_harm_words_a_group_suffers_are_found_and_calls_for_harm_are_not_among_them():
    folded = lexicon.fold("Trans people are murdered at a shocking rate. Violence against Sikhs is rising.")
    assert [folded[a:b] for a, b in abuse.harm_words_suffered(folded)] == ["murdered", "violence"]
    assert abuse.harm_words_suffered(lexicon.fold("Trans people should be murdered.")) == []
    assert "threat" in flags_of("Trans people should be murdered.")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Kurds should be left to drown out there.", "threat"),
        ("Send every last Somali back where they came from.", "identity_attack"),
    ],
)
def test_harm_wished_in_the_passive_and_a_group_sent_back_one_by_one(text, flag):
    """Session 39, read on realistic comments of our own: "let them drown" was a threat, "should be left to drown"
    was not; "... should go back where they came from" was an attack, "send every last ... back" was not."""
    assert flag in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wounded were left to die by the roadside, witnesses said.",
        "Nobody should be left to drown in the channel.",
        "They sent him back where he came from after the trial.",
    ],
)
def test_harm_reported_denied_or_done_to_one_person_is_neither(text):
    assert not flags_of(text) & {"threat", "identity_attack"}


def test_a_disparity_the_group_suffers_is_harm_but_a_stereotype_said_as_one_is_not():
    folded = lexicon.fold("Somali boys are three times as likely to be stopped and searched.")
    assert abuse.harm_sentences(folded, [])
    assert flags_of("Kurds are more likely to be criminals, look it up.") & {"toxicity", "identity_attack"}


@pytest.mark.parametrize(
    "text",
    [
        "Are Sikh drivers more likely to be attacked than other drivers?",
        "Are deaf teenagers at higher risk of depression, and who is helping them?",
        "Kurdish women are at greater risk of harassment on the night buses.",
    ],
)
def test_harm_a_group_suffers_asked_or_told_as_a_risk_is_no_attack(text):
    """Session 51 (a blind review): a question about harm done to a group ("are ... more likely to be victims of
    violence?") and a risk the group runs were read as hate by the group-hate model; the disparity pattern knew only
    the statement."""
    assert abuse.harm_sentences(lexicon.fold(text), [])
    assert not flags_of(text) & {"identity_attack", "toxicity", "insult"}


def test_a_stereotype_asked_as_a_risk_or_disparity_is_not_harm():
    for text in (
        "Are Somalis more likely to commit crimes than anyone else?",
        "Are Kurds at higher risk of turning to crime?",
    ):
        assert not abuse.harm_sentences(lexicon.fold(text), [])


def test_a_groups_name_is_not_shown_as_abuse_beside_the_abuse_said_of_it():
    """Session 39: the report showed "[Refugees]" as "abusive words" beside the threat "should be left to drown"."""
    comment = comment_of("Refugees should be left to drown out in the bay.")
    assert "threat" in comment.flags
    assert not [e for e in comment.evidence if e.label == "toxic_span" and e.text == "Refugees"]
    assert abuse.names_beside_abuse(["Kurds", "vermin"], [True, True]) == [True, False]
    assert abuse.names_beside_abuse(["Kurds"], [True]) == [False]  # all the head found: it stays
    assert abuse.names_beside_abuse(["Kurds", "vermin"], [False, True]) == [False, False]


def test_the_people_an_insult_is_aimed_at_are_not_shown_as_abuse_beside_it():
    """Session 40: the report labelled "security guards" "abusive words" beside "thugs" said of them."""
    comment = comment_of("The security guards at the mall are thugs, they followed my Black mate round every shop.")
    shown = [e.text for e in comment.evidence if e.label in ("toxic_span", "insult")]
    assert "thugs" in " ".join(shown) and "security guards" not in shown
    assert abuse.names_beside_abuse(["those lads", "pathetic cowards"], [True, True]) == [True, False]
    assert abuse.names_beside_abuse(["filthy rats", "thugs"], [True, True]) == [False, False]  # an insult stays


@pytest.mark.parametrize(
    "text",
    [
        "A Sikh man was hurt in the crash on the bypass last night.",
        "A disabled man was hurt in the crash on the bypass.",
        "A gay couple were hurt when a van hit their car on the bypass.",
        # one member of a group, and a death told by its verb (session 52: the patterns read neither)
        "A refugee was hurt in the crash on the bypass last night.",
        "Two refugees died in the crash on the motorway last night.",
    ],
)
def test_news_of_harm_a_group_member_suffers_is_no_abuse(text):
    """Session 52: the span head marks the words of such news ("crash on the", "a van"), the n-gram weights call
    "crash" toxic, and the comment was flagged `toxicity` with that span as its evidence."""
    comment = comment_of(text)
    assert not set(comment.flags) & ABUSE
    assert not [e for e in comment.evidence if e.label == "toxic_span"]


def test_one_member_of_a_group_harmed_or_dead_is_harm_suffered_and_a_wish_of_it_is_not():
    assert abuse.harm_sentences(lexicon.fold("A Somali man drowned off the harbour wall."), [], denied=False)
    assert abuse.harm_sentences(lexicon.fold("The refugee who was stabbed on Friday is recovering."), [], denied=False)
    assert not abuse.harm_sentences(lexicon.fold("Every refugee should be stabbed."), [], denied=False)


def test_abuse_in_a_sentence_of_harm_keeps_its_evidence():
    comment = comment_of("A Sikh man was hurt in the crash and good riddance, the filthy vermin.")
    assert "toxicity" in comment.flags
    assert any("vermin" in e.text for e in comment.evidence)
