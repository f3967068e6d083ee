"""Quotations and their speakers."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field

INTRO = ("LONDON - Britain's Prime Minister Keir Starmer met Latvian Defence Minister Andris "
         "Ozols on Monday.")


def quotes(paragraphs: str) -> list[tuple[str, str, list[str]]]:
    found = draft(f"A headline\n\n{INTRO}\n\n{paragraphs}\n")
    return [(field(q, "speaker"), field(q, "text"), q.notes) for q in facts(found, "quotations")]


def last_speaker(paragraphs: str) -> str:
    """Return the speaker of the last quotation found."""
    found = quotes(paragraphs)
    assert found, "no quotation found"
    return found[-1][0]


@pytest.mark.parametrize("paragraph", [
    '"We will watch every metre of cable," Starmer said.',
    '“We will watch every metre of cable,” Starmer told reporters in London.',
    '"We will watch every metre of cable," said Starmer.',
    'Starmer said the navy "will watch every metre of cable."',
    'Starmer told reporters that the ships "will watch every metre of cable."',
    'Starmer arrived late. "We will watch every metre of cable," he said.',
])
def test_the_speaker_before_or_after_the_quotation(paragraph: str) -> None:
    [(speaker, text, _)] = quotes(paragraph)
    assert speaker == "Keir Starmer"
    assert "watch every metre of cable" in text
    assert not text.endswith(",")


def test_a_quotation_that_opens_a_paragraph_is_attributed_in_the_next_sentence() -> None:
    [(speaker, text, notes)] = quotes(
        '"This is the cheapest insurance we will ever buy." Latvian Defence Minister Andris '
        "Ozols said this at a news conference in Riga.")
    assert speaker == "Andris Ozols"
    assert text == "This is the cheapest insurance we will ever buy."
    assert notes == ["speaker inferred from the next sentence"]


def test_a_second_quotation_in_the_paragraph_keeps_the_speaker() -> None:
    found = quotes('"This is a good start," Starmer said. "We need the world to stay with us '
                   'for years, not weeks."')
    assert [(s, t) for s, t, _ in found] == [
        ("Keir Starmer", "This is a good start"),
        ("Keir Starmer", "We need the world to stay with us for years, not weeks.")]


def test_quoted_as_saying_and_a_participle() -> None:
    found = quotes("A daily quoted Ozols as saying that a ban \"would empty our harbours and "
                   "fill nobody's nets.\"\n\nThe Civic Renewal party voiced opposition to the "
                   'plan, calling it "a luxury our navy cannot afford."')
    assert [s for s, _, _ in found] == ["Andris Ozols", "Civic Renewal"]


def test_a_group_of_states_speaks_as_one() -> None:
    found = draft("A headline\n\nSOFIA - Serbia, Romania and Hungary agreed on Thursday to "
                  'build a network.\n\nThe three governments said they would "protect every '
                  'riverside town as if it were our own."\n')
    [quote] = facts(found, "quotations")
    assert field(quote, "speaker") == "Governments of Serbia, Romania and Hungary"


def test_scare_quotes_and_unattributed_quotations_are_left_out() -> None:
    assert quotes('Starmer called it a "historic step" on Monday.') == []
    assert quotes('"Nobody expected the storm to last this long."') == []


def test_a_colon_and_a_split_quotation() -> None:
    found = quotes('Ozols said: "The cable is the artery of the region."\n\n"We will not '
                   'wait," Ozols said, "for the next cable to be cut."')
    assert [s for s, _, _ in found] == ["Andris Ozols"] * 3


def test_according_to_before_a_quotation() -> None:
    [(speaker, text, _)] = quotes('According to Starmer, "at least 40 ships are ready to sail."')
    assert speaker == "Keir Starmer"
    assert text.startswith("at least 40 ships")


def test_what_a_person_called_and_described_as() -> None:
    found = quotes('The landlords\' federation denounced what its president, Christophe Renaud, '
                   'called "an ideological measure that will dry up rentals."\n\n'
                   'Their spokesman, Marc Feraud, called it "a blow to the middle classes."\n\n'
                   'Starmer described the visit as "a photo opportunity for the government."')
    assert [s for s, _, _ in found] == ["Christophe Renaud", "Marc Feraud", "Keir Starmer"]


def test_an_untitled_speaker_with_an_age_and_a_relative_clause() -> None:
    found = quotes('Carol Whitby, 67, who has lived on Church Street for 40 years, said: "We '
                   'were told to leave with nothing."\n\n"Nobody ever came to look at it," '
                   "she said.")
    assert [(s, n) for s, _, n in found] == [
        ("Carol Whitby", []),
        ("Carol Whitby", ["speaker: the last person named before 'she'"])]


def test_a_pronoun_or_a_role_gives_a_low_confidence_speaker() -> None:
    found = draft(f"A headline\n\n{INTRO}\n\n\"We will watch every metre of cable,\" he said.\n")
    [quote] = facts(found, "quotations")
    assert field(quote, "speaker") == "Andris Ozols"
    assert quote.confidence.value == "low"


def test_a_secretary_is_the_minister() -> None:
    found = draft("A headline\n\nEnvironment Secretary Emma Reynolds visited the town on "
                  'Tuesday. "I have seen today what this has done to lives," the minister '
                  "said.\n")
    [quote] = facts(found, "quotations")
    assert field(quote, "speaker") == "Emma Reynolds"


def test_a_quotation_running_over_two_paragraphs_keeps_its_speaker() -> None:
    found = quotes('"In two years, the minister will be asking why nothing is left," Ozols '
                   'told reporters. "Nobody will build anything here.\n\n"We have seen it in '
                   'Berlin and we will see it here."')
    assert [(s, n) for s, _, n in found][-1] == (
        "Andris Ozols", ["quotation continued from the paragraph before"])


def test_a_quotation_standing_alone_is_attributed_in_the_next_paragraph() -> None:
    [(speaker, _, notes)] = quotes('"Every week our fishermen are chased away from their '
                                   'waters."\n\nOzols wrote this on X on Thursday.')
    assert speaker == "Andris Ozols"
    assert notes == ["speaker inferred from the next paragraph: check it"]


def test_the_ministry_points_back_to_a_body_named_before() -> None:
    found = quotes("The housing ministry said in a statement that the plan was ready.\n\n"
                   '"The extension will come with 400 more inspectors," the ministry said.')
    assert [s for s, _, _ in found] == ["Housing ministry"]


def test_two_people_speaking_in_turn_keep_their_quotations_apart() -> None:
    found = quotes('Juana Quispe, 47, who sells vegetables at a market in nearby El Alto, said '
                   'she had voted for Mamani. "They always count the cities first," she said.'
                   '\n\nHer neighbour Teodoro Choque, a retired tin miner, shook his head. "This '
                   'time is different, people are tired," he said.\n\n"Tired, yes," she said. '
                   '"But we are not stupid at all."')
    assert [s for s, _, _ in found] == ["Juana Quispe", "Teodoro Choque", "Juana Quispe",
                                        "Juana Quispe"]


def test_an_unnamed_source_is_a_party_and_the_role_points_back_to_it() -> None:
    found = draft("A headline\n\nLA PAZ - A senior electoral official, who spoke on condition "
                  "of anonymity, said the count was slow.\n\n\"We have tally sheets arriving by "
                  "boat,\" the official told Reuters.\n\n\"Nothing so far would justify talk of "
                  "fraud,\" said a diplomat familiar with the mission.\n")
    speakers = [field(q, "speaker") for q in facts(found, "quotations")]
    assert speakers == ["Senior electoral official (unnamed)",
                        "Diplomat familiar with the mission (unnamed)"]


def test_a_crowd_that_chants_and_a_speaker_named_in_the_sentence_before() -> None:
    found = quotes('Outside the tribunal, protesters waving flags chanted "Count every vote, '
                   'count every village" as police looked on.\n\nPolitical analyst Gonzalo '
                   'Paredes was blunt. "A gap of this size can disappear in an afternoon."')
    assert [(s, n) for s, _, n in found] == [
        ("Protesters", []),
        ("Gonzalo Paredes", ["speaker: the person the sentence before opens with; check it"])]


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    # the subject before a long aside speaks
    ('Defence Minister Raúl Justiniano, who ordered troops out after scuffles that police said '
     'had left 14 people injured, said: "The armed forces will protect the ballots."',
     "Raúl Justiniano"),
    ('A transport ministry official, who requested anonymity, told Yonhap by phone, "Freight '
     'will be the real problem by Monday."', "Transport ministry official (unnamed)"),
    ('A lineman from a Missouri crew, who asked not to be named, called it "the worst ice I '
     'have seen in years."', "Lineman from a Missouri crew (unnamed)"),
    # an anonymous source described with a capitalised word
    ('"Washington and Paris are pressing Kigali hard," said a Western diplomat in Kinshasa, '
     'who asked not to be named.', "Western diplomat in Kinshasa (unnamed)"),
    # a crowd that chants while marching
    ("In Kinshasa, several hundred students marched on the Rwandan embassy, chanting “Kivu is "
     "not for sale today”.", "Students"),
    # a partial quotation after "vowed that"
    ('President Albert Kabongo, speaking in a video address, vowed that the country would "not '
     'give up a single centimetre of our land".', "Albert Kabongo"),
    # "he" or "she" opens the sentence before an unattributed quotation
    ('Tom Ashworth, a GP in the city, has run clinics since January. He was blunt about the '
     'cause. "For years we let the myths go unanswered."', "Tom Ashworth"),
    # a paragraph of its own after "said:" at the end of the paragraph before
    ("Sheriff Paul Medina, who took office in January, said:\n\n\"What happened here should "
     "never happen in any jail.\"", "Paul Medina"),
    # she, after two persons in the paragraph, the second of whom is a woman
    ('Kieran Walsh, 40, had brought his daughters. "I just assumed they had everything," he '
     'said. His partner, Shona, was less sure. "We moved house three times," she said.',
     "Shona"),
])
def test_speakers_wire_copy_names_indirectly(paragraphs: str, speaker: str) -> None:
    assert last_speaker(paragraphs) == speaker


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    # a role and the name set off by commas after the quotation
    ('The Hellenic Coast Guard rejected the allegations. "Our officers operate in full '
     'compliance with the law," its spokesperson, Nikos Alexiou, told public broadcaster ERT.',
     "Nikos Alexiou"),
    # "the statement said" after "In a statement, X said"
    ("In a statement released after the talks, Commission President Annika Vaher said the "
     "commission would act. “The grid facility shows what Europe can do,” the statement said.",
     "Annika Vaher"),
    # an anonymous person whose description holds a body
    ("“Nobody expected a deal tonight at all,” an EU diplomat said on condition of anonymity.",
     "EU diplomat (unnamed)"),
    # "called on ... to", "put it", "attributed ... to"
    ('Britain\'s Foreign Office called on Athens to "end this inhuman practice at sea now."',
     "Foreign Office"),
    ('Her son, Miguel, 11, put it more simply: "Our classroom has only two fans."', "Miguel"),
    ('Spokesperson He Lin said prices rose. He attributed the change to "improving supply and '
     'demand in some sectors."', "He Lin"),
    # the speaker named in the next paragraph wins over the one of the paragraph before
    ('Starmer said the talks "went well and will go on."\n\n"Business has been better since '
     'the holiday."\n\nThat was how Chen Guixiang, who has run a pork stall for 16 years, '
     "summed up the past month.", "Chen Guixiang"),
    # a paragraph that names one person, then a quotation on its own
    ("Local fisherman Mehmet Kaya was the first to see the boat.\n\n\"At first I thought it "
     'was a pile of rubbish."', "Mehmet Kaya"),
])
def test_speakers_of_this_round(paragraphs: str, speaker: str) -> None:
    assert last_speaker(paragraphs) == speaker


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    # the source of "said" before a naming verb or a participle, not the first state named
    ("The two governments signed protocols with Turkey rather than with each other, Turkey's "
     'defence ministry said in a statement that described the work as "strictly humanitarian '
     'and strictly technical."', "Turkey's defence ministry"),
    ("Zambia will not close its border with Malawi, Zambian Health Minister Mwila Chanda said "
     'on Wednesday, calling closures "costly and useless against a waterborne disease."',
     "Mwila Chanda"),
    ('Starmer did not say when the review would end, telling delegates only that it would be '
     'finished "well before any British licence is issued."', "Keir Starmer"),
    # a spokesman of a body in a capital speaks for the body
    ('A NATO spokesman in Brussels said the alliance "welcomes any step that makes shipping '
     'safer."', "North Atlantic Treaty Organization"),
    # the next sentence names the speaker in other words
    ('"Every mine we find is a ship that does not sink." Starmer made the remark to reporters '
     "in Istanbul.", "Keir Starmer"),
    ('"We are now seeing cases in villages that had none." The warning came from Health '
     "Minister Chikondi Banda, who announced the emergency.", "Chikondi Banda"),
])
def test_speakers_the_source_of_the_sentence_names(paragraphs: str, speaker: str) -> None:
    assert last_speaker(paragraphs) == speaker


def test_a_participle_after_the_dateline_and_a_role_with_a_nationality() -> None:
    found = draft("Court pulls up states\n\nNew Delhi, Nov 4 (PTI) The Supreme Court on "
                  "Thursday pulled up the Punjab government, observing that the states were "
                  '"only filing affidavits and not acting on the ground".\n\nIraqi Foreign '
                  "Minister Hamid al-Jubouri met his counterpart.\n\nThe Iraqi minister said "
                  'the sides had discussed water, which he described as "the most pressing '
                  'issue for every Iraqi family today."\n')
    speakers = [field(q, "speaker") for q in facts(found, "quotations")]
    assert speakers == ["Supreme Court", "Hamid al-Jubouri"]


def test_counsel_for_a_state_is_no_person() -> None:
    found = draft("A headline\n\nLONDON - The bench told the counsel for Punjab to file it.\n")
    assert [p.name for p in found.parties if p.kind == "person"] == []


def test_a_short_quotation_that_closes_a_spoken_sentence_is_kept() -> None:
    found = quotes('Starmer said London backed the plan "without reservations."')
    assert found and found[0][:2] == ("Keir Starmer", "without reservations.")
    assert quotes('Starmer called it a "historic step" on Monday.') == []


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    ('"Platelet units are being used faster than donors can come in," PHANA president Dr. '
     "Prasanna Gowda said.", "Prasanna Gowda"),
    ('Dutch tourist Pieter Janssen was more resigned. "In Amsterdam we had the same thing last '
     'summer," he said.', "Pieter Janssen"),
    ("Raghavendra Shetty, a security guard from Yelahanka, said his daughter waited. \"We went "
     'from one hospital to another for six hours," he said.', "Raghavendra Shetty"),
    ("A shopkeeper who gave only his first name, Bakhtiyor, told the service that people had "
     'stopped traveling. "We have lived side by side with them all our lives," he said.',
     "Bakhtiyor"),
    ("A resident of Ryazan's southern district told the outlet Astra she was woken by "
     'explosions. "The windows shook at about three in the morning."',
     "Resident of Ryazan's southern district (unnamed)"),
    ("The commander of the forces, Colonel Taras Hordiienko, did not comment directly but "
     'posted a photo on Facebook with the caption: "Their refineries burn so that our cities '
     "don't freeze.\"", "Taras Hordiienko"),
])
def test_speakers_of_the_fourth_round(paragraphs: str, speaker: str) -> None:
    assert last_speaker(paragraphs) == speaker


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    ('Environmental group Clean Vistula Foundation welcomed the ruling. "Today Brussels drew a '
     'line that Warsaw should have drawn itself," it said in a statement.',
     "Clean Vistula Foundation"),
    ("Murcia's regional president, Fernando Ortuño of the conservative People's party, said "
     'his government would appeal. "They can close the tap in Madrid," he said.',
     "Fernando Ortuño"),
    ("President Eduardo Castillo spoke on Monday.\n\nCastillo's spokesman, Paolo Ignacio, "
     'rejected the criticism. "This is not the time for politics," he said.', "Paolo Ignacio"),
    ('"Small exporters are being squeezed from both sides."\n\nJung Seung-ho, head of research '
     "at the Korea Exporters' Council, a business lobby, said in a phone interview that the "
     "bank had waited too long.", "Jung Seung-ho"),
    ("A provincial disaster official, who spoke on condition of anonymity, said rescuers had "
     'yet to reach three villages.\n\n"We can see people waving from the roofs," he said.',
     "Provincial disaster official (unnamed)"),
    ("Gov. Ahn Jae-hoon told a press conference the board held the rate. \"We will not "
     'hesitate to act," the governor said.', "Ahn Jae-hoon"),
])
def test_speakers_of_the_second_blind_set(paragraphs: str, speaker: str) -> None:
    assert last_speaker(paragraphs) == speaker


def test_a_long_title_with_an_acronym_after_the_name_and_exporters_as_a_source() -> None:
    assert last_speaker('"The rains stopped too early in August," Yves Koffi Brou, director '
                        "general of the Coffee and Cocoa Council (CCC), told reporters.") == \
        "Yves Koffi Brou"
    found = draft("A headline\n\nABIDJAN - Arrivals reached 612,000 tons between Oct. 1 and "
                  "Nov. 19, down 18% from the same period last season, exporters estimated.\n")
    assert [field(s, "attributed_to") for s in facts(found, "statistics")][:1] == ["Exporters"]


def test_a_short_quotation_of_what_someone_said_something_was() -> None:
    found = quotes('Ozols said the agreement was "late but welcome". Starmer said it was a '
                   '"good start" for both.')
    assert [(s, t) for s, t, _ in found] == [("Andris Ozols", "late but welcome"),
                                             ("Keir Starmer", "good start")]
    assert quotes('Ozols said the so-called "peace plan" needed work.') == []


def test_a_quotation_after_the_paragraph_before_stays_with_its_speaker() -> None:
    found = quotes('"The cables are our arteries," said Starmer, who flew in from London.\n\n'
                   '"Cutting one is an attack on all of us."\n\n'
                   "Latvian Defence Minister Andris Ozols said the navy would add two patrol "
                   "boats this year.")
    assert [s for s, _, _ in found] == ["Keir Starmer", "Keir Starmer"]


def test_a_quotation_standing_alone_before_the_speaker_named_next() -> None:
    found = quotes('"The cables are our arteries," said Starmer.\n\n'
                   '"Cutting one is an attack on all of us."\n\n'
                   "Ozols said this at a news conference in Riga.")
    assert [s for s, _, _ in found] == ["Keir Starmer", "Andris Ozols"]


@pytest.mark.parametrize(("paragraph", "text"), [
    ('Ozols said the navy would "fully comply" with the order.', "fully comply"),
    ('Ozols called the ruling "a welcome correction" in a statement.', "a welcome correction"),
    ('Ozols rejected what he called "green protectionism," and left.', "green protectionism"),
])
def test_short_quotations_after_a_verb_of_speech(paragraph: str, text: str) -> None:
    assert [(s, t) for s, t, _ in quotes(paragraph)] == [("Andris Ozols", text)]


def test_a_so_called_label_and_a_scare_quote_are_no_quotations() -> None:
    assert quotes('Ozols said the so-called "shadow fleet" had grown.\n\n'
                  'The "peace dividend" never came.') == []


def test_a_partial_quotation_followed_by_a_place_is_the_subjects() -> None:
    found = quotes('Ozols called the launch "a grave and imminent threat" to Latvia\'s security '
                   "and said Riga had protested.")
    assert [(s, t) for s, t, _ in found] == [("Andris Ozols", "a grave and imminent threat")]


def test_a_body_set_off_by_commas_after_the_quotation_keeps_both_quotations() -> None:
    found = quotes('"Our members are paying for a dispute they did not start," IG Metall, '
                   "Germany's largest industrial union, said in a post on X. \"Brussels must not "
                   'blink."')
    assert [s for s, _, _ in found] == ["IG Metall", "IG Metall"]


@pytest.mark.parametrize("paragraph", [
    '"We are not where we need to be." That was the blunt assessment of NATO Secretary-General '
    "Ingrid Halvorsen as she arrived for the meeting.",
    '"We are not where we need to be." Those were the words of NATO Secretary-General Ingrid '
    "Halvorsen, who arrived late.",
])
def test_that_was_the_assessment_of(paragraph: str) -> None:
    assert last_speaker(paragraph) == "Ingrid Halvorsen"


def test_a_quotation_after_a_sentence_that_someone_speaks() -> None:
    assert last_speaker("At a sports hall turned into a shelter, Maria Kontou, a retired "
                        'teacher, said she had fled. "The sky turned black at noon."') == \
        "Maria Kontou"


def test_a_name_that_calls_something_and_a_second_clause_with_its_own_speaker() -> None:
    found = quotes('Amnesty International called the hubs "a legal black hole dressed up as '
                   'policy", and the European Council on Refugees and Exiles said the plan '
                   'would push people "into limbo in countries they never saw".')
    assert found[0][0] == "Amnesty International"


def test_a_counterpart_named_after_a_comma_is_a_person() -> None:
    assert last_speaker("Starmer met his Latvian counterpart, Andris Kalnins, in Riga.\n\n"
                        'Kalnins said the talks went well. "Every ship counts," he said.') == \
        "Andris Kalnins"


@pytest.mark.parametrize(("paragraph", "text"), [
    ('Ozols said the navy had carried out a "massive strike" on "military-industrial '
     'facilities" in the region.', "military-industrial facilities"),
    ("Ozols rejected the criticism from the opposition, saying deliveries were \"ahead of "
     'schedule."', "ahead of schedule."),
    ('Ozols welcomed the pledges as "the guarantees we have been asking for since the first '
     'day" and left.', "the guarantees we have been asking for since the first day"),
])
def test_more_short_and_partial_quotations_of_the_subject(paragraph: str, text: str) -> None:
    found = quotes(paragraph)
    assert ("Andris Ozols", text) in [(s, t) for s, t, _ in found]
