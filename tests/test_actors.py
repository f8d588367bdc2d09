"""The actors stage: aliases, types, sides, relations with their asserting source, user tables, scorecard.

Every fixture text is invented for these tests (invented groups, outlets and events).
"""

from __future__ import annotations

import json

import pytest

from rashomon.actors import actors_stage, load_gazetteer, scorecard
from rashomon.actors.mentions import _not_a_name, _past_suffix
from rashomon.contract import to_dict
from rashomon.errors import ConfigError
from rashomon.model import Actor, Analysis, Attribution, Page, Source, Span
from rashomon.options import ActorOptions, Options
from rashomon.pipeline import ParsedBlock, StageContext, analyze, stages
from tests.conftest import page_from


def make_page(text: str, **page_fields) -> Page:
    """One paragraph block per blank-line-separated chunk, offsets into ``text``."""
    return page_from(text, **page_fields)


def run(
    nlp, text: str, *, sources=(), attributions=(), narratives=None, gazetteer=None, options=None, **page_fields
) -> Analysis:
    page = make_page(text, **page_fields)
    for block, narrative in zip(page.blocks, narratives or []):
        block.narrative = narrative
    analysis = Analysis(page=page, sources=list(sources), attributions=list(attributions))
    parsed = [ParsedBlock(b, d) for b, d in zip(page.blocks, nlp.pipe(b.text for b in page.blocks))]
    ctx = StageContext(parsed, options=options or Options(), loaded={"spacy": nlp})
    actors_stage(analysis, ctx, gazetteer=gazetteer)
    return analysis


def actor(analysis: Analysis, actor_id: str):
    return next(a for a in analysis.actors if a.id == actor_id)


def relations(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.subject, r.type, r.object) for r in analysis.relations}


# --- actors --------------------------------------------------------------------------------------------


def test_aliases_of_one_actor_are_merged_on_a_page_about_its_war(nlp):
    text = (
        "The Syrian army pushed into the northern suburbs of Idlib on Sunday.\n\n"
        "Government forces shelled two villages, and the SAA said regime forces had taken a ridge."
    )
    analysis = run(nlp, text)
    army = actor(analysis, "syrian_army")
    assert army.type == "state_forces" and army.side == "Syrian government"
    assert {"Government forces", "SAA", "regime forces"} <= set(army.aliases)
    assert len(army.mentions) == 4
    for mention in army.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_generic_alias_does_not_bind_to_a_war_the_page_is_not_about(nlp):
    analysis = run(nlp, "Government forces clashed with protesters in the capital of Marovia on Friday.")
    ids = {a.id for a in analysis.actors}
    assert "syrian_army" not in ids
    names = {a.name for a in analysis.actors}
    assert "Government forces" in names and "protesters" in names
    assert ("actor:government_force", "fights", "actor:protester") in relations(analysis)


def test_unknown_named_and_unnamed_actors_come_from_the_parse(nlp):
    analysis = run(nlp, "The Kestrel Brigades ambushed the Lakeside Guard while a Kurdish militia held the bridge.")
    by_name = {a.name: a for a in analysis.actors}
    assert by_name["Kestrel Brigades"].type == "rebel_group"
    assert by_name["Lakeside Guard"].type == "state_forces"
    assert by_name["Kurdish militia"].type == "identity_militia"
    assert ("actor:kestrel_brigades", "attacks", "actor:lakeside_guard") in relations(analysis)


def test_a_surname_alone_is_the_person_the_page_names_in_full(nlp):
    """Real news, session 11: "Holder" (the parser's ORG) was an organization beside the person "Eric Holder",
    and a headline's surname before the full name stayed a person of its own; a suffix ("Jr.") is no surname."""
    analysis = run(
        nlp,
        "Holder Visits Town After Shooting\n\nAttorney General Mara Holder arrived in the town on Wednesday. "
        "Holder met with the victim's family, and Holder said the inquiry would be fair.\n\n"
        "Senator Tomas R. Vell Jr. agreed. Vell said the town had waited too long.",
    )
    holder = actor(analysis, "person:mara_holder")
    assert holder.type == "person" and holder.name == "Mara Holder"
    assert [m.text for m in holder.mentions] == ["Mara Holder", "Holder", "Holder"]
    vell = actor(analysis, "person:tomas_r_vell_jr")
    assert [m.text for m in vell.mentions] == ["Tomas R. Vell Jr.", "Vell"]
    assert not [a for a in analysis.actors if a.name in ("Holder", "Vell")]


def test_a_surname_the_parser_takes_for_a_place_is_the_person_named_in_full(nlp):
    """Session 49: "Tallen" (the small parser's GPE) was a state beside the person "Orrin Tallen" in the actors
    table; a place the gazetteer knows ("Washington") stays a place even where a person bears its name."""
    analysis = run(
        nlp,
        "Korvel lost the harbour chair to Tallen on Tuesday. Orrin Tallen, the new chief, thanked voters.\n\n"
        "Dana Washington arrived in Washington on Monday.",
    )
    tallen = actor(analysis, "person:orrin_tallen")
    assert sorted(m.text for m in tallen.mentions) == ["Orrin Tallen", "Tallen"]
    assert not [a for a in analysis.actors if a.name == "Tallen"]
    assert any(a.type == "state" and "Washington" in [m.text for m in a.mentions] for a in analysis.actors)


def test_a_full_name_read_as_a_place_is_a_person_where_the_surname_speaks(nlp):
    """Session 49: the small model reads "Denzel Okafor" as a place (no actor at all); on a page where the
    attribution stage heard "Okafor" speak as a person, the name is that person's. Without such a speaker, nothing
    changes."""
    text = "Denzel Okafor arrived in Port Sarn on Monday. Okafor met the harbour board and said fares would rise."
    start = text.index("Okafor met")
    speaker = Source("s1", "Okafor", "person", mentions=[Span(start, start + 6, "Okafor")])
    analysis = run(nlp, text, sources=[speaker])
    assert any(a.type == "person" and a.name == "Denzel Okafor" for a in analysis.actors)
    assert not any(a.name == "Denzel Okafor" and a.type != "person" for a in run(nlp, text).actors)


def test_a_bare_surname_stays_with_the_subject_when_a_namesake_is_named_later(nlp):
    """Real news, session 15: after "the Rev. Jesse L. Jackson" (the father) every later "Mr. Jackson" (the son,
    the story's subject) was counted for the father."""
    analysis = run(
        nlp,
        "Walter Dorn Jr. Pleads Guilty in Campaign Money Case\n\nWalter Dorn Jr., a former city councilman, "
        "admitted fraud on Tuesday. Mr. Dorn wept as the charges were read.\n\nMr. Dorn’s father, the Rev. "
        "Walter K. Dorn, his mother and two sisters sat behind him.\n\nMr. Dorn said he was sorry. Mr. Dorn "
        "asked the court for mercy, and Mr. Dorn will be sentenced in June.",
    )
    son = actor(analysis, "person:walter_dorn_jr")
    assert [m.text for m in son.mentions] == ["Walter Dorn Jr.", "Walter Dorn Jr."] + ["Dorn"] * 5
    assert all(m.text != "Dorn" for a in analysis.actors if a is not son for m in a.mentions)


def test_a_name_suffix_the_recognizer_left_out_is_part_of_the_name(nlp):
    # a headline in capitals ("… Jackson Jr. Pleads Guilty …") had its person end before "Jr.", which became an
    # actor "Jr." of its own: the suffix belongs to the name, whose end moves past it
    doc = nlp("Tom Reyes Jr. III spoke, and his aide listened.")
    assert _past_suffix(doc, 2) == 4  # "Tom Reyes" -> "Tom Reyes Jr. III"
    assert _past_suffix(doc, 4) == 4  # "spoke" is no suffix


def test_a_dateline_is_where_the_story_was_filed_not_a_mention(nlp):
    # "WASHINGTON —" before the first sentence was counted as a mention of the United States
    analysis = run(
        nlp,
        "WASHINGTON — Senator Ada Pruitt said on Monday that the bill would pass.\n\n"
        "Washington has warned Moscow against the move, Pruitt said.",
    )
    mentions = [m.text for a in analysis.actors for m in a.mentions]
    assert "WASHINGTON" not in mentions
    assert "Washington" in mentions  # the capital that acts is still the state


def test_a_person_the_recognizer_ran_into_a_headline_verb_is_the_person(nlp):
    # a reader's check, session 15: "Deval Patrick Names Former Chief Of Staff …" made a person "Deval Patrick
    # Names" beside Deval Patrick (the headline trim read organizations only)
    analysis = run(
        nlp,
        "Ada Brandt Names Former Chief Of Staff To Replace Tom Kerr\n\nGovernor Ada Brandt on Tuesday named her "
        "former chief of staff to replace Tom Kerr. Brandt said Kerr would be missed.",
        headline=True,
    )
    names = {a.name: [m.text for m in a.mentions] for a in analysis.actors}
    assert "Ada Brandt Names" not in names
    assert names["Ada Brandt"] == ["Ada Brandt", "Ada Brandt", "Brandt"]


def test_a_title_case_headline_is_read_with_its_sentence_case_entities_by_every_stage(nlp):
    """The parse gives a Title-Case line the entities of its sentence-case reading, so the actors stage reads
    them without the attribution stage: no "Ada Moss Defends", and Ada Moss (named only there) is found."""
    headline = "Mayor Ada Moss Defends Her Ferry Budget"
    assert [e.text for e in nlp(headline).ents if e.label_ == "PERSON"] == ["Ada Moss"]
    text = (
        f"{headline}\n\nThe mayor defended the plan on Tuesday as the city council threatened to cut it.\n\n"
        "Council member Tomas Berg said the budget was too large."
    )
    names = [a.name for a in analyze(text=text, stage_names=("actors",)).actors]
    assert "Ada Moss" in names and "Tomas Berg" in names
    assert not any("Defends" in name for name in names)


def test_an_acronym_with_and_without_periods_is_one_actor(nlp):
    analysis = run(
        nlp,
        "The N.A.A.C.P. passed a resolution on Tuesday, the group said.\n\n"
        "Leaders of the NAACP said the vote was unanimous, and Mark Vale said the NAACP was wrong.",
    )
    named = [a for a in analysis.actors if a.name.replace(".", "") == "NAACP"]
    assert len(named) == 1 and len(named[0].mentions) == 3


def test_a_salutation_is_no_part_of_the_name(nlp):
    analysis = run(nlp, "Dear Petra and Ilse, I know school is hard, but you are part of the council family now.")
    names = [a.name for a in analysis.actors]
    assert names and not [n for n in names if n.lower().startswith("dear")]


def test_people_named_by_nationality_or_party_are_no_militia(nlp):
    """Real news, session 11: "Americans" was an identity militia; and an office's portfolio ("secretary of
    state") was an organization "state"."""
    analysis = run(
        nlp,
        "Americans and Syrians watched the talks. Republicans and Democrats argued over the bill, "
        "and the secretary of state said nothing.",
    )
    types = {a.name: a.type for a in analysis.actors}
    assert types["Americans"] == types["Syrians"] == "civilians"
    assert types["Republicans"] == types["Democrats"] == "organization"
    assert "state" not in {a.name.lower() for a in analysis.actors}


def test_a_names_word_makes_an_armed_group_only_on_a_page_that_speaks_of_arms(nlp):
    """Real page, session 14: a hotel's "Sunset Ocean Front" rooms were a rebel group."""
    calm = "The Harbour Popular Front opened a spa this spring, and the Harbour Popular Front hosted a tasting."
    armed = calm + " Rebels and army troops fought near the town."
    types = [{a.name: a.type for a in run(nlp, text).actors} for text in (calm, armed)]
    assert [t.get("Harbour Popular Front") for t in types] == ["organization", "rebel_group"]


def test_criticism_and_endorsement_in_political_prose_are_relations(nlp):
    analysis = run(
        nlp,
        "Senator Ada Quill criticized Governor Tom Brann on Tuesday. Mayor Lena Orr endorsed Quill a day later.",
    )
    assert {
        ("person:ada_quill", "accuses", "person:tom_brann"),
        ("person:lena_orr", "supports", "person:ada_quill"),
    } <= relations(analysis)


def test_unlabelled_proper_names_are_kept_not_dropped(nlp):
    analysis = run(nlp, "Vessen Oral and his allies, Russia and Iran, have encircled the old town.")
    oral = next(a for a in analysis.actors if a.name == "Vessen Oral")
    assert oral.type == "unknown"
    assert {(oral.id, "allied_with", "russia"), (oral.id, "allied_with", "iran")} <= relations(analysis)


def test_a_capitalised_noun_the_page_writes_in_lower_case_is_not_an_actor(nlp):
    heading = "Fertilizer: use a slow-release Fertilizer every spring."
    # the parser calls the capitalised word an organization; a page that says "fertilizer" elsewhere as often
    # shows it is a noun, a page that never does keeps what the parser found
    assert "Fertilizer" in {a.name for a in run(nlp, heading).actors}
    text = (
        heading
        + "\n\nToo much fertilizer burns the roots, so water the fertilizer in and skip the fertilizer in winter."
    )
    assert "Fertilizer" not in {a.name for a in run(nlp, text).actors}


def test_a_title_cased_phrase_the_page_writes_in_lower_case_is_not_an_actor(nlp):
    """Real pages, session 8: recipe, tutorial and settings pages gave "Olive Oil", "Main Title", "Sprint Speed"
    as organizations and persons. A phrase the page also writes in lower case is a noun phrase in a heading or
    label; an institution ("Health Ministry") or a group of people ("Rebel Fighters") keeps its name."""
    recipe = "Olive Oil Focaccia\n\nWe used Olive Oil from the market. Brush more olive oil on top before baking."
    assert "Olive Oil" not in {a.name for a in run(nlp, recipe).actors}
    assert "Olive Oil" in {a.name for a in run(nlp, recipe.replace("olive oil", "the oil")).actors}
    kept = run(
        nlp,
        "Rebel Fighters Take Town\n\nRebel fighters took the town of Pellow on Monday, the Kestrel Brigades "
        "said. The Health Ministry agreed, and a health ministry official said so again.",
    )
    assert {"Rebel Fighters", "Kestrel Brigades", "Health Ministry"} <= {a.name for a in kept.actors}
    # the parser calls this heading's phrase a person: it goes, with the office look-up that persons get
    tutorial = (
        "What are Leadership Styles? Definition: The Leadership Styles are the patterns a leader adopts. "
        "Good leadership styles differ."
    )
    assert run(nlp, tutorial).actors == []


def test_a_label_of_common_words_the_page_writes_in_lower_case_is_not_an_actor(nlp):
    """Real pages, session 8: a game's settings table gave "Injury Frequency", "Goalkeeper Ability" as
    organizations; every word of them the page also writes in lower case."""
    settings = (
        "| Injury Frequency – Player Increases how often an injury happens to a player. The frequency is set for "
        "each team.\n\n| Goalkeeper Ability – Player Raises the saving ability of the goalkeeper of each team."
    )
    names = {a.name for a in run(nlp, settings).actors}
    assert not {"Injury Frequency", "Goalkeeper Ability"} & names
    named = settings.replace("The frequency is set", "It is set").replace("saving ability", "saves")
    assert "Injury Frequency" in {a.name for a in run(nlp, named).actors}  # "frequency" nowhere in lower case


def test_a_first_name_after_the_full_name_is_the_same_person_unless_two_share_it(nlp):
    """Real pages, session 8: "Jill" after "Jill Binder" on a blog was a second person."""
    one = run(nlp, "The group is led by freelance developer Anna Berg. Anna started it in 2018 as a volunteer.")
    assert [(a.name, [m.text for m in a.mentions]) for a in one.actors] == [("Anna Berg", ["Anna Berg", "Anna"])]
    two = run(nlp, "Anna Berg and Anna Holm met the mayor. Anna started the group in 2018 as a volunteer.")
    assert "Anna" in {a.name for a in two.actors}  # which Anna is not said: kept apart


@pytest.mark.parametrize(
    ("name", "type_", "dropped"),
    [
        ("🙂", "organization", True),
        ("H", "unknown", True),
        ("| total <- sum(data", "person", True),
        ("SETTINGS > AUDIO", "organization", True),
        ("Exploitative Authoritative, Benevolent Authoritative", "organization", True),
        ("President", "unknown", True),
        ("Group", "organization", True),
        ("AT&T", "organization", False),
        ("W.J. Reddin", "person", False),
        ("O'Neill-Baptiste", "person", False),
    ],
)
def test_names_no_party_bears_are_dropped(name, type_, dropped):
    assert _not_a_name(Actor(id="actor:x", name=name, type=type_), "a page that names nobody") is dropped


def test_acronyms_match_only_in_capitals(nlp):
    analysis = run(nlp, "Let us be clear: the US has not changed its policy, an aide told us.")
    us = actor(analysis, "united_states")
    assert [m.text for m in us.mentions] == ["US"]


@pytest.mark.parametrize(
    ("text", "country", "person"),
    [
        ("Jordan closed its border with Iraq after gunmen attacked a customs post.", True, None),
        ("Jordan Ellis, a reporter for the Meridian Herald, was detained at the crossing.", False, "Jordan Ellis"),
        ("Georgia accused Russia of moving border markers overnight.", True, None),
        ("Senator Georgia Mills told the committee that the plan would fail.", False, "Georgia Mills"),
    ],
)
def test_ambiguous_names_read_in_context(nlp, text, country, person):
    analysis = run(nlp, text)
    ids = {a.id for a in analysis.actors}
    assert (("jordan" in ids) or ("georgia" in ids)) is country
    if person:
        people = {a.name for a in analysis.actors if a.type == "person"}
        assert person in people


def test_capital_city_is_the_state_only_when_it_acts(nlp):
    acting = run(nlp, "Moscow condemned the strike on the convoy.")
    assert "russia" in {a.id for a in acting.actors}
    place = run(nlp, "Delegates met in Moscow to discuss grain exports.")
    assert "russia" not in {a.id for a in place.actors}


def test_office_and_spokesperson_are_linked(nlp):
    analysis = run(
        nlp,
        "Tomas Reyl, a spokesman for the Sable Front, said the group would not withdraw. "
        "Kremlin spokesman Dmitry Peskov declined to comment.",
    )
    reyl = next(a for a in analysis.actors if a.name == "Tomas Reyl")
    assert reyl.spokesperson_for == "actor:sable_front"
    assert "spokesman" in reyl.office
    assert actor(analysis, "dmitry_peskov").spokesperson_for == "kremlin"


def test_page_without_actors_warns_and_keeps_lists_empty(nlp):
    analysis = run(nlp, "The weather stayed mild all week and the harvest was good.")
    assert analysis.actors == [] and analysis.relations == []
    assert [w.code for w in analysis.warnings] == ["no_actors"]


def test_hundreds_of_actors(nlp):
    first = [
        "Amber",
        "Basalt",
        "Cedar",
        "Dune",
        "Ember",
        "Flint",
        "Granite",
        "Harbor",
        "Iris",
        "Juniper",
        "Kelp",
        "Lichen",
        "Marble",
        "Nettle",
        "Onyx",
    ]
    second = ["Brigades", "Front", "Battalions", "Movement", "Guard"]
    names = [f"{a} {b}" for a in first for b in second]  # 75 groups
    text = "\n\n".join(
        f"The {names[i]} attacked the {names[(i + 1) % len(names)]} near the river." for i in range(len(names))
    )
    analysis = run(nlp, text * 1)
    found = {a.name for a in analysis.actors}
    assert len(found & set(names)) >= 0.9 * len(names)
    assert len(found) == len(analysis.actors)  # one actor per name, whatever label the model gave each mention
    assert len(analysis.relations) >= 0.8 * len(names)


# --- relations -----------------------------------------------------------------------------------------


def test_backed_compound_and_asserting_source(nlp):
    text = "The Harbour Times said a Turkish-backed militia had seized the ridge from the Sable Front."
    content_start = text.index("a Turkish-backed")
    sources = [
        Source("s0", "The Harbour Times", "publisher", is_publisher=True),
        Source("s1", "Ostrava Monitor", "media"),
    ]
    attributions = [Attribution("a1", "s1", "indirect", Span(content_start, len(text) - 1, text[content_start:-1]))]
    analysis = run(nlp, text, sources=sources, attributions=attributions)
    rels = {(r.subject, r.type, r.object): r for r in analysis.relations}
    backs = rels[("turkey", "backs", "actor:militia")]
    assert backs.asserted_by == "s1" and backs.polarity == "reported"
    assert text[backs.evidence.start : backs.evidence.end] == backs.evidence.text == "Turkish-backed militia"
    assert ("actor:militia", "captures_from", "actor:sable_front") in rels
    without = run(nlp, text, sources=sources)
    assert {r.asserted_by for r in without.relations} == {"s0"}
    assert {r.polarity for r in without.relations} == {"asserted"}


def test_allies_patrons_and_support_lists(nlp):
    text = (
        "President Tomas Varga and his allies, Russia and Iran, have encircled the old town. "
        "The rebels say their foreign patrons, including Qatar, have abandoned them. "
        "Some of the rebels have received support from states such as Turkey, Saudi Arabia and the United States."
    )
    analysis = run(nlp, text)
    found = relations(analysis)
    oral = next(a.id for a in analysis.actors if a.name == "Tomas Varga")
    assert {(oral, "allied_with", "russia"), (oral, "allied_with", "iran")} <= found
    rebels = next(a.id for a in analysis.actors if a.name == "rebels")
    assert ("qatar", "backs", rebels) in found
    assert {
        ("turkey", "supports", rebels),
        ("saudi_arabia", "supports", rebels),
        ("united_states", "supports", rebels),
    } <= found


def test_denials_are_kept_as_denials(nlp):
    analysis = run(
        nlp,
        "The Kestrel Brigades have not attacked the Lakeside Guard, and neither the Sable Front "
        "nor the Ironwood Battalions receives weapons from Iran.",
    )
    polarity = {(r.subject, r.type, r.object): r.polarity for r in analysis.relations}
    assert polarity[("actor:kestrel_brigades", "attacks", "actor:lakeside_guard")] == "denied"
    assert polarity[("iran", "arms", "actor:sable_front")] == "denied"


def test_a_charge_denied_by_the_accused_is_kept_on_both_sides(nlp):
    analysis = run(
        nlp, "Mayor Ilse Varn accused the Lakeside Guard of shelling the clinic, a charge the Kestrel Brigades denied."
    )
    accusations = [r for r in analysis.relations if r.type == "accuses"]
    assert {(r.polarity, r.asserted_by) for r in accusations} == {
        ("asserted", "publisher"),
        ("denied", "actor:kestrel_brigades"),
    }


def test_view_and_characterisation_hand_the_relation_to_their_holder(nlp):
    analysis = run(
        nlp,
        "There is also the Russian view, in which the rebels are aligned with the Islamic State. "
        "The ridge was lost by the rebels and taken over by the Kurdish militia in what the rebels "
        "described as an agreed handover.",
    )
    rels = {(r.subject, r.type, r.object): r for r in analysis.relations}
    aligned = rels[("actor:rebel", "allied_with", "islamic_state")]
    assert aligned.asserted_by == "russia" and aligned.polarity == "reported"
    handover = rels[("actor:rebel", "hands_over_to", "actor:kurdish_militia")]
    assert handover.asserted_by == "actor:rebel"


def test_sides_spread_to_backers_of_one_side_only(nlp):
    text = (
        "In Idlib, Qatar backs the rebels. The United States backs the rebels and also arms the Kurdish militia. "
        "Hezbollah fighters joined the offensive alongside Syrian troops."
    )
    analysis = run(nlp, text)
    assert actor(analysis, "qatar").side == "Syrian opposition"
    assert actor(analysis, "united_states").side is None  # backs two sides: no side given
    assert actor(analysis, "hezbollah").side == "Syrian government"
    assert ("hezbollah", "allied_with", "syrian_army") in relations(analysis)


# --- user tables ---------------------------------------------------------------------------------------


def test_user_table_adds_and_extends_actors(nlp, tmp_path):
    table = tmp_path / "extra.yaml"
    table.write_text(
        "actors:\n"
        "  - id: sable_front\n    name: Sable Front\n    type: rebel_group\n    side: northern opposition\n"
        "    aliases: [SF, the Sables]\n"
        "  - id: turkey\n    aliases: [Turkiye Republic]\n    name: Turkey\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer([table])
    assert "Turkiye Republic" in gaz.entries["turkey"].aliases and "Ankara" in gaz.entries["turkey"].capitals
    analysis = run(nlp, "The Sables shelled the depot, and SF fighters later withdrew.", gazetteer=gaz)
    sable = actor(analysis, "sable_front")
    assert sable.side == "northern opposition" and len(sable.mentions) == 2
    json_table = tmp_path / "extra.json"
    json_table.write_text(json.dumps([{"name": "Marovian Guard", "type": "state_forces", "aliases": ["MG"]}]))
    assert load_gazetteer([json_table]).entries["marovian_guard"].aliases == ["MG"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors: [ {name: X, type: wizards} ]", "is not one of"),
        ("actors: [ {nme: X} ]", "needs at least a 'name'"),
        ("actors: [ {name: X, colour: red} ]", "unknown field"),
        ("actors: {name: X}", "must be a list"),
        ("actors: [ {name: X", "not valid"),
    ],
)
def test_bad_user_table_is_a_clear_error(tmp_path, content, message):
    table = tmp_path / "bad.yaml"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_gazetteer([table])


def test_missing_user_table_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_gazetteer([tmp_path / "nope.yaml"])


def test_table_in_the_options_reaches_the_stage(nlp, tmp_path):
    table = tmp_path / "guard.yaml"
    table.write_text("- {name: Marovian Guard, type: state_forces, aliases: [the Wardens]}\n", encoding="utf-8")
    text = "The Wardens detained two reporters at the crossing."
    assert not any(a.id == "marovian_guard" for a in run(nlp, text).actors)
    analysis = run(nlp, text, options=Options(actors=ActorOptions(tables=(str(table),))))
    assert actor(analysis, "marovian_guard").aliases == ["Wardens"]


# --- pipeline and contract -----------------------------------------------------------------------------


def test_stage_is_registered_and_output_fits_the_contract(nlp):
    import jsonschema

    from rashomon.contract import shipped_schema

    assert stages.get("actors").func is actors_stage
    analysis = analyze(
        "A Turkish-backed militia seized the ridge from the Sable Front on Monday, witnesses said.\n",
        stage_names=("actors",),
    )
    assert analysis.relations and analysis.actors
    jsonschema.validate(to_dict(analysis), shipped_schema())


# --- scorecard -----------------------------------------------------------------------------------------


def test_scorecard_merges_pages_and_orders_relations_in_time(nlp):
    later = run(
        nlp,
        "In Idlib, Qatar backs the rebels, the Ostrava Monitor said.\n\nThe SAA shelled the town.",
        narratives=["n1", "n2"],
        publisher="Ostrava Monitor",
        published_at="2031-03-02T08:00:00Z",
    )
    earlier = run(
        nlp,
        "Qatar has backed the Syrian rebels for years.\n\nQatar has not backed the rebels, Doha says.",
        narratives=["m1", "m2"],
        publisher="Harbour Times",
        published_at="2031-01-15T08:00:00Z",
    )
    for card in (scorecard([later, earlier]), scorecard([to_dict(later), to_dict(earlier)])):
        qatar = next(a for a in card["actors"] if a["id"] == "qatar")
        assert qatar["pages"] == [0, 1]
        rel = next(
            r
            for r in card["relations"]
            if (r["subject"], r["type"], r["object"]) == ("qatar", "backs", "syrian_rebels")
        )
        assert [t["published_at"] for t in rel["timeline"]] == sorted(t["published_at"] for t in rel["timeline"])
        assert rel["timeline"][0]["page"] == 1
        assert rel["accounts"]["Harbour Times / m2"] == "denied"
        assert rel["accounts"]["Ostrava Monitor / n2"] == "absent"
        assert rel["contested"] and rel["one_sided"]
        army = next(a for a in card["actors"] if a["id"] == "syrian_army")
        assert "SAA" in army["aliases"]


def test_scorecard_rejects_what_is_not_an_analysis():
    with pytest.raises(TypeError, match="Analysis objects or JSON-contract dicts"):
        scorecard(["not a page"])
    assert scorecard([]) == {"pages": [], "actors": [], "relations": []}


# --- the reference page --------------------------------------------------------------------------------


@pytest.mark.shared
def test_reference_page_sides_and_relations(reference_page_path):
    analysis = analyze(reference_page_path, stage_names=("attribution", "actors"))
    by_id = {a.id: a for a in analysis.actors}
    for government_side in ("syrian_army", "bashar_al_assad", "russia", "iran", "hezbollah"):
        assert by_id[government_side].side == "Syrian government"
    for rebel_side in ("syrian_rebels", "nour_al_din_al_zinki", "jabha_shamiya", "turkey", "saudi_arabia", "qatar"):
        assert by_id[rebel_side].side == "Syrian opposition"
    assert {"ypg", "al_nusra_front", "islamic_state", "united_states"} <= set(by_id)
    rels = {(r.subject, r.type, r.object): r for r in analysis.relations}
    assert rels[("united_states", "backs", "ypg")].asserted_by is not None
    assert ("syrian_rebels", "hands_over_to", "ypg") in rels
    assert ("united_states", "backs", "syrian_rebels") in rels
    aligned = rels[("syrian_rebels", "allied_with", "islamic_state")]
    publisher = next((s.id for s in analysis.sources if s.is_publisher), "publisher")
    assert aligned.asserted_by != publisher and aligned.polarity == "reported"
    for r in analysis.relations:
        assert analysis.page.text[r.evidence.start : r.evidence.end] == r.evidence.text


def test_taking_something_from_an_actor_relates_them_only_when_it_is_ground(nlp):
    leave = run(nlp, "Senator Ann Okafor took a medical leave from Congress last summer.")
    assert not {r for r in relations(leave) if r[1] == "captures_from"}
    town = run(nlp, "The Sable Front took the town from the Harbour Militia on Tuesday.")
    assert {r[1] for r in relations(town)} == {"captures_from"}


# --- reader faults, session 15: names no party bears ---------------------------------------------------------


def test_heading_lines_of_common_words_name_no_actor(nlp):
    """A hotel page's section titles: the recognizer labels "Drinking" of "Dining and Drinking" an organization."""
    text = (
        "The Marlow Bay Lodge opened its doors on Friday after two years of building.\n\nDining and Drinking\n\n"
        "Three restaurants serve local fish, and a rooftop bar stays open until midnight.\n\nMeetings & Events\n\n"
        "The ballroom seats 300 guests.\n\nKestrel Holdings\n\nThe lodge belongs to a family trust."
    )
    names = {a.name for a in run(nlp, text).actors}
    assert not names & {"Drinking", "Dining and Drinking", "Meetings & Events"}
    assert "Kestrel Holdings" in names  # a heading's name of words no common text uses stays a name


def test_a_region_in_a_speakers_title_is_no_actor(nlp):
    """ "Group President, Asia Pacific, <company>": the region is part of her title, not a party (nor the United
    States, for "Latin America")."""
    for region in ("Asia Pacific", "Latin America", "Europe"):
        text = f'"We are proud to open here," said Mara Quill, Group President, {region}, Fenwick Hotels Corporation.'
        start = text.index("Mara")
        source = Source("s1", "Mara Quill", "person", mentions=[Span(start, len(text) - 1, text[start:-1])])
        analysis = run(nlp, text, sources=[source])
        assert {(a.name, a.type) for a in analysis.actors} == {
            ("Mara Quill", "person"),
            ("Fenwick Hotels Corporation", "organization"),
        }, region


def test_a_time_zone_is_no_actor(nlp):
    """ "struck at 0737 GMT", "at 1:07 p.m. IST": the recognizer labels the zone an organization; it is a time."""
    for zone in ("GMT", "IST", "UTC"):
        analysis = run(
            nlp, f"The quake hit the Korvo valley at 0737 {zone} on Tuesday, the Tallen Seismic Agency said."
        )
        names = {a.name for a in analysis.actors}
        assert not any(zone in name for name in names) and "Tallen Seismic Agency" in names, (zone, names)
    analysis = run(nlp, "Pirates attacked the ship at about 1100 hrs IST, the Korvo navy said.")
    assert not any("IST" in a.name for a in analysis.actors)
    # not after a time: an outlet or a firm of the same letters
    analysis = run(nlp, "The NST reported on Monday that the Korvo minister had resigned.")
    assert "NST" in {a.name for a in analysis.actors}


def test_a_headline_verb_ends_an_organizations_name(nlp):
    """The recognizer runs a title-case headline's name into its verb ("Korvex Motors Cuts Jobs" one organization);
    the name ends before a finite verb or a participle that ends it or opens a phrase; one inside a name stays."""
    cases = {
        "Korvex Motors Cuts 1,200 Jobs At Marsk Plant": "Korvex Motors",
        "Marsk Council Approves New Budget": "Marsk Council",
    }
    for headline, name in cases.items():
        analysis = run(nlp, f"{headline}\n\nThe company said on Monday that the deal would close in June.")
        names = {a.name for a in analysis.actors}
        assert name in names and not any(n.startswith(name + " ") for n in names), (headline, names)
    # a participle inside a name, tagged as the tagger sometimes tags it, stays; one before a preposition ends it
    from spacy.tokens import Doc

    from rashomon.actors.mentions import _ends_headline_name

    words = ["the", "Korvo", "Approved", "Shipping", "Lane", "Killer", "Held", "For", "Trial"]
    tags = ["DT", "NNP", "VBN", "NNP", "NNP", "NNP", "VBN", "IN", "NN"]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    assert not _ends_headline_name(doc[2], 5)
    assert _ends_headline_name(doc[6], 9)
    assert _ends_headline_name(doc[4], 5) is False and _ends_headline_name(doc[6], 7)


def test_a_name_given_an_age_is_a_persons(nlp):
    """ "63-year-old Ida Korvel", "Dana Vell, 47, of Marsk": the recognizer sometimes calls such a name an
    organization; the age says it is a person (not "the 150-year-old Marsk Bank")."""
    from spacy.tokens import Doc

    from rashomon.actors.mentions import _with_an_age

    def doc_of(words: list[str], pos: list[str]) -> Doc:
        return Doc(nlp.vocab, words=words, pos=pos)

    before = doc_of(
        ["the", "slaying", "of", "63", "-", "year", "-", "old", "Ida", "Korvel"],
        ["DET", "NOUN", "ADP", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "PROPN", "PROPN"],
    )
    assert _with_an_age(before, 8, 10)
    after = doc_of(
        ["named", "Dana", "Vell", ",", "47", ",", "of", "Marsk"],
        ["VERB", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "ADP", "PROPN"],
    )
    assert _with_an_age(after, 1, 3)
    bank = doc_of(
        ["the", "150", "-", "year", "-", "old", "Marsk", "Bank"],
        ["DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "PROPN", "PROPN"],
    )
    assert not _with_an_age(bank, 6, 8)
    plain = doc_of(["officials", "of", "Marsk", "Bank", "said"], ["NOUN", "ADP", "PROPN", "PROPN", "VERB"])
    assert not _with_an_age(plain, 2, 4)
    member = Doc(
        nlp.vocab,
        words=["a", "35", "-", "year", "-", "old", "Tallen", "Council", "member"],
        pos=["DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "PROPN", "PROPN", "NOUN"],
        heads=[8, 5, 5, 5, 5, 8, 7, 8, 8],
        deps=["det", "nummod", "punct", "npadvmod", "punct", "amod", "compound", "compound", "ROOT"],
    )
    assert not _with_an_age(member, 6, 8)  # the age is the member's, not the council's


def test_an_armed_word_inside_a_longer_name_makes_no_armed_group(nlp):
    analysis = run(nlp, "Guests may book the Sunset Ocean Front Villa or one of the garden rooms for the weekend.")
    assert not [a for a in analysis.actors if a.type in ("rebel_group", "political_militia")]


def test_a_headline_name_run_on_into_its_verb_is_the_named_actors_mention(nlp):
    """ "Kestrel Hotels Officially" (the recognizer's organization in a title-case headline) is Kestrel Hotels."""
    text = (
        "Kestrel Hotels Officially Opens\n\nKestrel Hotels said on Friday that its first resort had opened, and "
        "Pembrook Group sent its chief to the opening."
    )
    analysis = run(nlp, text, headline=True)
    kestrel = next(a for a in analysis.actors if a.name.startswith("Kestrel"))
    assert kestrel.name == "Kestrel Hotels" and [m.start for m in kestrel.mentions] == [0, 33]
    assert all(a.name != "Kestrel Hotels Officially" for a in analysis.actors)


def test_a_wish_plan_or_purpose_is_no_relation_but_what_is_begun_or_kept_up_is(nlp):
    """ "urged her guards to fight X", "vowed to attack X": an infinitive of a wish, threat or
    purpose tells what did not (yet) happen; the report showed it as a relation the page asserts. "continued to
    attack" and "began to attack" tell what happens."""
    wished = run(
        nlp,
        "The senator urged her guards to fight the Kestrel Brigades. The Lakeside Guard"
        " vowed to attack the Kestrel Brigades.",
    )
    assert not {r for r in relations(wished) if r[2] == "actor:kestrel_brigades"}
    done = run(nlp, "The Lakeside Guard continued to attack the Kestrel Brigades on Sunday.")
    assert ("actor:lakeside_guard", "attacks", "actor:kestrel_brigades") in relations(done)
