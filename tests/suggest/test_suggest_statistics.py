"""Attributed statistics: value, marker, unit, period, source, channel, comparison."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field

INTRO = "LONDON - Estonia's navy and Ukraine's energy ministry reported on Monday."


def stats(paragraphs: str) -> list[dict[str, object]]:
    found = draft(f"A headline\n\n{INTRO}\n\n{paragraphs}\n")
    return [{k: field(s, k) for k in s.fields} for s in facts(found, "statistics")]


def by_value(paragraphs: str) -> dict[object, dict[str, object]]:
    """Return the statistics found, keyed by their value."""
    return {s["value"]: s for s in stats(paragraphs)}


def source_of(paragraphs: str, value: float) -> object:
    """Return who the one statistic of ``value`` is attributed to."""
    [stat] = [s for s in stats(paragraphs) if s.get("value") == value]
    return stat["attributed_to"]


def test_value_unit_period_source_and_channel() -> None:
    [stat] = stats("Over the past 24 hours, Russian shelling killed five civilians in the "
                   "Kherson region, regional governor Oleh Savchuk said on Telegram.")
    assert stat["value"] == 5
    assert stat["unit"] == "civilians"
    assert stat["period"] == "Over the past 24 hours"
    assert stat["attributed_to"] == "Oleh Savchuk"
    assert stat["channel"] == "on Telegram"


@pytest.mark.parametrize(("words", "value"), [
    ("fifty-six", 56), ("Fifteen", 15), ("1,400", 1400), ("1.8", 1.8), ("412", 412),
    ("twenty-seven thousand", 27000)])
def test_numbers_in_digits_and_words(words: str, value: float) -> None:
    [stat] = stats(f"{words} juvenile sardines were counted, the ministry said.")
    assert stat["value"] == value


@pytest.mark.parametrize("marker", ["about", "nearly", "more than", "some", "almost"])
def test_approximate_markers_are_noted(marker: str) -> None:
    found = draft(f"A headline\n\n{INTRO}\n\nThe ministry said {marker} 2,000 volunteers had "
                  "registered.\n")
    [stat] = facts(found, "statistics")
    assert stat.fields["value"] == 2000
    if marker in ("about", "nearly", "some", "almost"):
        assert any("approximate" in note for note in stat.notes)


@pytest.mark.parametrize(("sentence", "value", "baseline", "period", "base_period"), [
    ("Estonia's navy recorded 14 suspicious incidents in September, up from seven in August, "
     "the navy said on X.", 14, 7, "September", "August"),
    ("Flood damage fell to about 120 million euros in 2026 from 310 million euros in 2025, "
     "the ministry said on its website.", 120, 310, "2026", "2025"),
    ("The ministry said power cuts affected nearly 1.2 million households in December, up "
     "from 640,000 in November.", 1200000, 640000, "December", "November"),
    ("The ministry said its survey found fifty-six sardines per haul, compared with 81 a year "
     "earlier.", 56, 81, None, "a year earlier"),
])
def test_comparisons_with_their_baseline(sentence: str, value: float, baseline: float,
                                         period: str | None, base_period: str) -> None:
    [stat] = stats(sentence)
    assert stat["value"] == value
    assert stat.get("period") == period
    assert stat["comparison"] == {"value": baseline, "period": base_period}


def test_according_to_and_citing() -> None:
    found = stats("According to the UN refugee agency, about 6.8 million Ukrainians were "
                  "registered as refugees.\n\nThe daily Dnevnik (Дневник) reported that "
                  "dredging would cost about 45 million leva a year, citing the ministry.")
    assert [(s["value"], s["attributed_to"], s.get("reported_via")) for s in found] == [
        (6.8, "UN refugee agency", None),
        (45, "Ukraine's energy ministry", "Dnevnik (Дневник)")]
    assert found[1]["period"] == "a year"


def test_a_source_in_the_next_sentence() -> None:
    [stat] = stats("Russian troops carried out 112 attacks on the region.\n\nGovernor Oleh "
                   "Savchuk reported this on Telegram.")
    assert (stat["value"], stat["attributed_to"], stat["channel"]) == (
        112, "Oleh Savchuk", "on Telegram")


@pytest.mark.parametrize("sentence", [
    "The talks, which lasted four hours, ended in 2026, the ministry said.",
    "Serbia will provide 40 mobile pumps to a common reserve, the ministry said.",
    "The pact was signed on April 8, the ministry said.",
    "The navy said the two states would sign the pact on Monday.",
    'The ministry said "we lost 40 boats this year."',
    "Russia launched 94 drones at Ukraine overnight.",
])
def test_numbers_that_are_no_attributed_statistics(sentence: str) -> None:
    assert stats(sentence) == []


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    # the owner of a document: possessive, "X figures published ...", "a report by X"
    ("About 41,000 homes were without power, according to Ozark Valley Electric "
     "Cooperative's outage map.", 41000, "Ozark Valley Electric Cooperative"),
    ("NHS England figures published last month show that 84.1% of five-year-olds had "
     "received both doses.", 84.1, "NHS England"),
    ("The unit has a 38% vacancy rate, according to a January report by the Maricopa County "
     "Jail Monitor.", 38, "Maricopa County Jail Monitor"),
    ("Exports fell 4.2% in October, data from the Bank of Korea showed.", 4.2,
     "Bank of Korea"),
    # a description before the name
    ("Premiums rose to about 1% of a ship's value, according to insurance broker Marsh.", 1,
     "Marsh"),
    # relative clauses
    ("Jean-Pierre Bisimwa, a customary chief who says he has sheltered some 3,000 displaced "
     "people, was blunt.", 3000, "Jean-Pierre Bisimwa"),
    ("The Organization of American States, which said it had deployed 112 observers, urged "
     "calm.", 112, "Organization of American States"),
    ("The minister ordered troops out after scuffles that police said had left 14 people "
     "injured.", 14, "Police"),
    # a spokesperson speaks for the body
    ("A Department of Health and Social Care spokesperson said the plan was working. The "
     "spokesperson said more than 2,300 catch-up doses had been given.", 2300,
     "Department of Health and Social Care"),
    # collectives
    ("At the community center, 112 people spent the night on cots, city officials said.", 112,
     "City officials"),
    ("He faces up to 20 years in prison, prosecutors said.", 20, "Prosecutors"),
    # a name with a plural possessive
    ("The Korean Railway Workers' Union said about 12,000 members joined the rally.", 12000,
     "Korean Railway Workers' Union"),
])
def test_sources_named_in_the_ways_wire_copy_names_them(paragraphs: str, value: float,
                                                       source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_each_clause_keeps_its_own_source() -> None:
    found = stats("The Korean Railway Workers' Union said about 12,000 members joined the "
                  "rally, while police put the number at 6,000.")
    assert [(s["value"], s["attributed_to"]) for s in found] == [
        (12000, "Korean Railway Workers' Union"), (6000, "Police")]


@pytest.mark.parametrize(("paragraph", "value"), [
    ("A jury found Lt. Col. Steven Harlan, 58, guilty on four of six counts, prosecutors "
     "said.", 58),  # an age
    ("Fines of up to 15,000 euros are three times the current maximum, the ministry said.",
     3),  # a ratio
    ("Jess Price had brought her three children, city officials said.", 3),  # a family
    ("About 40 percent of the boats are more than 30 years old, the agency said.", 30),
    ("The storm hit at 6 p.m. on Tuesday, the ministry said.", 6),  # a time
])
def test_figures_that_are_not_statistics(paragraph: str, value: float) -> None:
    assert value not in [s["value"] for s in stats(paragraph)]


def test_a_bounded_duration_is_a_statistic() -> None:
    found = stats("The inmate was left in a restraint chair for more than 11 hours, "
                  "prosecutors said. On 352 days last year, ships entered the zone, according "
                  "to the ministry.")
    assert [s["value"] for s in found] == [11, 352]


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Medical charity Doctors Without Borders (MSF) said its teams had treated 212 wounded "
     "people since Friday.", 212, "Doctors Without Borders"),
    ("A senior electoral official, who spoke on condition of anonymity because he was not "
     "authorised to speak to the media, said about 1,300 tally sheets had yet to arrive.", 1300,
     "Senior electoral official (unnamed)"),
    ("In parts of the city, uptake is as low as 71%, according to the Leicester City "
     "Council's public health team.", 71, "Leicester City Council"),
])
def test_more_sources(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


@pytest.mark.parametrize("paragraph", [
    # the source governs only what follows "as"
    "Fourteen children have been admitted to hospital, as health officials warned that rates "
    "had fallen.",
    # the number is part of the source
    "One juror, who spoke on condition that her name not be used, said the video decided it.",
])
def test_a_figure_its_sentence_does_not_attribute(paragraph: str) -> None:
    assert stats(paragraph) == []


def test_the_ministry_of_the_minister_named_before() -> None:
    found = draft("A headline\n\nSEOUL - Transport Minister Park Jae-hoon called the strike "
                  "unjustifiable.\n\nThe ministry said it had mobilized 4,700 substitute "
                  "workers.\n")
    [stat] = facts(found, "statistics")
    assert field(stat, "attributed_to") == "Transport ministry"


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Bank Negara Malaysia said reserves rose to US$121.3 billion.", 121.3,
     "billion US dollars"),
    ("The finance ministry said it had set aside RM4.2 billion.", 4.2, "billion ringgit"),
    ("The state government said ₹1,200 crore had been spent.", 1200, "crore rupees"),
])
def test_currencies_of_asian_copy(sentence: str, value: float, unit: str) -> None:
    [stat] = stats(sentence)
    assert (stat["value"], stat["unit"]) == (value, unit)


def test_a_name_the_list_knows_is_not_the_country_inside_it() -> None:
    [stat] = stats("Reserves rose to US$121.3 billion, Bank Negara Malaysia said.")
    assert stat["attributed_to"] == "Bank Negara Malaysia"


def test_a_body_named_after_its_country_is_not_the_country() -> None:
    [stat] = stats("Inflation rose to 3.1% in October, Statistics Netherlands said.")
    assert stat["attributed_to"] == "Statistics Netherlands"


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("The tribunal of Arlenia, the Supreme Electoral Tribunal, met. In a statement, the "
     "Supreme Electoral Tribunal said the count was normal. It said turnout was 86.2%.", 86.2,
     "Supreme Electoral Tribunal"),
    ("Nine miners were killed and four others remained trapped, officials said.", 9,
     "Officials (unnamed)"),
    ("Brussels police said about 2,500 farmers took part.", 2500, "Brussels police"),
    ("A Eurobarometer survey published this month found that 71% of Europeans support it.",
     71, "Eurobarometer"),
    ("A survey by Social Weather Stations released this month found that 64 per cent of "
     "adults were affected.", 64, "Social Weather Stations"),
    ("The mine is run by Damodar Valley Collieries Ltd (DVCL). Twenty-two workers were "
     "inside when the roof collapsed, according to the company.", 22,
     "Damodar Valley Collieries Ltd"),
    ("Abdul Rahman Hotak, 27, from Afghanistan's Kunduz province, said he had paid smugglers "
     "2,500 euros for the crossing.", 2500, "Abdul Rahman Hotak"),
    ("The National Bureau of Statistics published its data. Producer prices fell 1.8 percent "
     "year on year, the bureau said.", 1.8, "National Bureau of Statistics"),
])
def test_sources_of_this_round(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_a_rate_year_on_year_is_no_duration_and_the_dated_period_wins() -> None:
    [stat] = stats("Consumer prices rose 0.6 percent year on year in October, up from 0.3 "
                   "percent in September, data from the National Bureau of Statistics showed.")
    assert (stat["value"], stat["period"]) == (0.6, "October")
    assert stat["comparison"] == {"value": 0.3, "period": "September"}


@pytest.mark.parametrize("paragraph", [
    "The department estimated damage at 3.9 billion pesos (US$68 million), it said.",
    "She said pork had climbed to about 32 yuan (about 4.5 U.S. dollars) per kilogram.",
    "Chief Minister Arjun Tudu announced an ex gratia of Rs 10 lakh each for the families.",
])
def test_conversions_and_money_promised_are_no_statistics(paragraph: str) -> None:
    found = stats(paragraph)
    assert all(s["value"] not in (68, 4.5, 10) for s in found)


def test_money_already_allocated_is_a_statistic_and_a_period_of_a_month() -> None:
    found = stats("Deputy Prime Minister Yulia Svyrydenko said the government had allocated "
                  "UAH 450 million to restore power lines.\n\nManila Electric Company said "
                  "demand rose 9 per cent year on year in the first three weeks of April.")
    assert [(s["value"], s.get("period")) for s in found] == [
        (450, None), (9, "in the first three weeks of April")]


def test_the_level_after_a_percentage_change_is_no_percentage() -> None:
    found = stats("Asylum applications fell 23.5 percent to 98,000 in the first ten months of "
                  "the year, the Federal Office for Migration and Refugees (BAMF) said.")
    level = next(s for s in found if s["value"] == 98000)
    assert "unit" not in level or level["unit"] != "percent"
    assert level["measure"] == "Asylum applications"
    assert level["attributed_to"] == "Federal Office for Migration and Refugees"


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Iraqi crude exports averaged about 230,000 barrels per day in September, Iraq's State "
     "Organization for Marketing of Oil (SOMO) said in a statement.", 230000,
     "State Organization for Marketing of Oil"),
    ("Speaking to Anadolu, Ali al-Saadi, a water policy researcher at the University of "
     "Baghdad, said Iraq loses nearly 40% of its irrigation water.", 40, "Ali al-Saadi"),
    ("Bank Negara Malaysia (BNM) today kept the Overnight Policy Rate at 2.75 per cent.", 2.75,
     "Bank Negara Malaysia"),
    ("All 14 economists polled by Bernama last week had forecast no change.", 14, "Bernama"),
    ("Power distributor AusNet says about 4,300 customers remain without electricity.", 4300,
     "AusNet"),
    ("According to data of the Consortium for Research on Agroecosystem Monitoring and "
     "Modeling from Space (CREAMS), Punjab recorded 4,132 farm fires.", 4132,
     "Consortium for Research on Agroecosystem Monitoring and Modeling from Space"),
    ("Additional Solicitor General Rohan Sethi, appearing for the Centre and the Commission "
     "for Air Quality Management (CAQM), said the commission had issued 117 directions.", 117,
     "Rohan Sethi"),
    ("The share of stubble burning in Delhi's pollution was 31 per cent on Wednesday, the "
     "Decision Support System of the Indian Institute of Tropical Meteorology (IITM), Pune, "
     "estimated.", 31, "Institute of Tropical Meteorology"),
    ("The State Department said gusts of up to 85km/h were recorded at Mount Nowa Nowa.", 85,
     "State Department"),
])
def test_sources_of_the_third_round(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_a_range_between_two_figures() -> None:
    [stat] = stats("Police said between 3,000 and 5,000 people marched.")
    assert stat["value_range"] == [3000, 5000]
    assert (stat["unit"], stat["attributed_to"]) == ("people", "Police")
    assert "value" not in stat


def test_units_glued_to_the_figure_and_a_conversion_with_a_hyphen() -> None:
    found = stats("The 1,200-kilometer (746-mile) corridor will cost $17 billion, according to "
                  "the transport ministry. Gusts of up to 85km/h hit the coast, the ministry "
                  "said.")
    assert 746 not in [s.get("value") for s in found]
    [gust] = [s for s in found if s.get("value") == 85]
    assert gust["unit"] == "km/h"


def test_a_list_takes_the_source_of_the_sentence_that_introduces_it() -> None:
    found = stats("The State Emergency Service said on Tuesday:\n\n- 1,200 homes were "
                  "damaged in the Kharkiv region;\n\n- 14 schools lost power;\n\n• about 3,000 "
                  "people were evacuated.")
    assert [(s["value"], s["attributed_to"]) for s in found] == [
        (1200, "State Emergency Service"), (14, "State Emergency Service"),
        (3000, "State Emergency Service")]


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Three days of fighting that officials on both sides say has killed at least 23 people "
     "ended.", 23, "Officials on both sides"),
    ("In Kok-Tash, where the Batken regional administration says 112 houses were burned, "
     "residents fled.", 112, "Batken regional administration"),
    ("Of the roughly 970-kilometer border, about 664 kilometers have been delimited, "
     "according to Kyrgyz officials.", 664, "Kyrgyz officials (unnamed)"),
])
def test_officials_and_administrations(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_an_outlet_described_by_what_it_is_carries_the_source_it_cites() -> None:
    [stat] = stats("On the Tajik side, nine people were killed, the state news agency Khovar "
                   "reported, citing the Sughd regional administration.")
    assert (stat["attributed_to"], stat["reported_via"]) == (
        "Sughd regional administration", "Khovar")


def test_the_airline_introduced_by_what_it_is_and_an_offer() -> None:
    found = stats("A strike at Spanish low-cost carrier Sirocco Air forced the cancellation of "
                  "340 flights on Monday, affecting some 51,000 passengers, the airline said. "
                  "The chief executive said the company had offered a pay rise of 9% over "
                  "three years.")
    assert [(s["value"], s["attributed_to"]) for s in found] == [
        (340, "Sirocco Air"), (51000, "Sirocco Air")]


def test_a_baseline_given_as_an_average() -> None:
    [stat] = stats("The Sitcpla union said a new member earned 1,180 euros a month, compared with "
                   "an average of 1,560 euros at other airlines.")
    assert stat["value"] == 1180
    assert stat["comparison"]["value"] == 1560


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Japan posted a deficit of 1.24 trillion yen in July, Ministry of Finance data showed. "
     "Car exports dropped 9.8% in value terms, according to the data.", 9.8,
     "Ministry of Finance"),
    ("The deficit was wider than the median forecast of 986 billion yen in a QUICK survey of "
     "private-sector economists.", 986, "QUICK"),
    ("Nationally, India recorded 2.33 lakh dengue cases in 2026, as per data from the National "
     "Center for Vector Borne Diseases Control (NCVBDC).", 2.33,
     "National Center for Vector Borne Diseases Control"),
    ("Japan's cumulative deficit reached 3.6 trillion yen, Nikkei calculations based on the "
     "ministry's data show.", 3.6, "Nikkei"),
])
def test_data_surveys_and_calculations(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("The refinery, operated by state oil giant Rosneft, processes around 13.1 million tons "
     "of crude a year, according to the company's website – roughly 5% of the total, Reuters "
     "calculations show.", 13.1, "Rosneft"),
    ("Strikes knocked out up to 17% of capacity, according to estimates compiled by the Kyiv "
     "School of Economics (KSE) Institute.", 17, "Kyiv School of Economics Institute"),
    ("Sicily's harvest will be around 35% smaller, farmers' association Coldiretti said on "
     "Thursday.", 35, "Coldiretti"),
    ("Rainfall totalled 312 millimetres, according to the Sicilian agrometeorological "
     "information service SIAS.", 312, "SIAS"),
    ("The reservoirs held 211 million cubic metres of water, data from ANBI's water resources "
     "observatory showed.", 211, "ANBI"),
    ("In Puglia, the CIA-Agricoltori Italiani farmers' confederation forecast a 25% drop in "
     "olive oil output.", 25, "CIA-Agricoltori Italiani"),
])
def test_sources_of_the_fourth_round(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Typhoon Marisol killed at least 41 people and left 23 others missing, disaster "
     "officials said Tuesday.", 41, "Disaster officials"),
    ("The Department of Agriculture put damage to rice and corn farms at 3.8 billion pesos "
     "($66 million).", 3.8, "Department of Agriculture"),
    ("President Eduardo Castillo ordered the release of 2 billion pesos ($35 million) in "
     "emergency funds.", 2, "Eduardo Castillo"),
    ("According to figures from the Tagus basin authority cited in the ruling, the flow fell "
     "to 4.9 cubic metres a second last August.", 4.9, "Tagus basin authority"),
])
def test_sources_of_the_fifth_round(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_a_body_described_in_lower_case_is_a_party_later_mentions_point_to() -> None:
    found = draft("A headline\n\nMADRID - In its judgment, the court said the ecological "
                  "transition ministry had ignored the law.\n\nThe transfer carried 205 "
                  "cubic hectometres of water in the year to September, the ministry's own "
                  "data shows.\n")
    [stat] = facts(found, "statistics")
    assert field(stat, "attributed_to") == "Ecological transition ministry"


def test_a_target_is_no_statistic_and_a_conversion_does_not_hide_the_baseline() -> None:
    found = stats("Household loans rose 4.1 trillion won ($2.8 billion) in March, compared "
                  "with a 1.9 trillion-won increase the previous month, the Bank of Korea "
                  "said. Prices stayed above the central bank's 2 percent target, the Bank of "
                  "Korea said.")
    assert [(s["value"], s.get("comparison", {}).get("value")) for s in found] == [
        (4.1, 1.9)]


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("The Indonesian Forum for the Environment (Walhi) blamed farms. Its Central Java chapter "
     "estimated that some 2,300 hectares of forest had been converted.", 2300,
     "Forum for the Environment"),
    ("The Argentine Central Bank has bought US$2.1 billion in the market so far this year, "
     "its data show.", 2.1, "Central Bank"),
    ("The INDEC national statistics bureau put the poverty line for a family of four at 1.46 "
     "million pesos in March.", 1.46, "INDEC national statistics bureau"),
    ("So far Zambia has received 900,000 doses, according to ZNPHI director general Dr. "
     "Nkandu Phiri.", 900000, "Nkandu Phiri"),
    ("Another 14 people were injured, three of them in critical condition, the hospital's "
     "director, Retno Anggraini, told reporters.", 14, "Retno Anggraini"),
])
def test_sources_of_the_fifth_blind_set(paragraphs: str, value: float, source: str) -> None:
    found = draft(f"A headline\n\nJAKARTA - The floods came on Monday.\n\n{paragraphs}\n")
    [stat] = [s for s in facts(found, "statistics") if s.fields.get("value") == value]
    assert field(stat, "attributed_to") == source
    assert 4 not in [s.fields.get("value") for s in facts(found, "statistics")]


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Rescue 1122 said it had deployed 34 ambulances to the site.", 34, "Rescue 1122"),
    ("According to figures presented by Pakistan Railways in the National Assembly in June, "
     "71 train accidents were recorded in 2026.", 71, "Pakistan Railways"),
    ("An NZEI survey of members released in February found 62 percent were considering "
     "leaving.", 62, "NZEI"),
    ("The Tohoku Regional Forest Office rated this year's crop a poor harvest at 64% of its "
     "survey sites.", 64, "Tohoku Regional Forest Office"),
    ("The operator, Deltacrest Petroleum Development Company (DPDC), put the volume at less "
     "than 300 barrels.", 300, "Deltacrest Petroleum Development Company"),
    ("Traders at currency bureaus in Accra's business district said they were quoting the "
     "cedi at as much as 21.5 per dollar.", 21.5,
     "Traders at currency bureaus in Accra's business district"),
])
def test_sources_of_the_sixth_blind_set(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("Police estimated that some 6,000 people were outside when the gate collapsed shortly "
     "after 2:30 p.m. The venue holds about 25,000 spectators, according to the Blantyre City "
     "Council.", 6000, "Police"),
    ("The National Earthquake Monitoring and Research Centre measured it at magnitude 5.9, "
     "while the United States Geological Survey put it at 5.7 with a depth of 10km (6 "
     "miles).", 5.9, "National Earthquake Monitoring and Research Centre"),
    ("The United Nations humanitarian agency, OCHA, estimates that some 180,000 people need "
     "shelter.", 180000, "UN Office for the Coordination of Humanitarian Affairs"),
    ("A survey of more than 1,100 members conducted by the Health Workers Union in June found "
     "62 per cent had skipped meals.", 62, "Health Workers Union"),
    ("Ambulances spent 5,217 hours ramped outside hospitals in July, according to WA Health's "
     "latest figures.", 5217, "WA Health"),
])
def test_sources_of_the_seventh_blind_set(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_figures_of_a_government_described_in_lower_case() -> None:
    assert source_of("The fishery was worth $742 million to the province in 2027, according "
                     "to provincial government figures.", 742) == "Provincial government"


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    # a report whose author the next paragraph names
    ("Shelters turned away nearly 3,800 people in January, according to a provincial report "
     "released Tuesday.\n\nHousing Action Manitoba's yearly Shelter Census, which counted beds "
     "at more than 1,200 sites, found that women made up 41 per cent of those turned away.",
     3800, "Housing Action Manitoba"),
    ("Shelters turned away nearly 3,800 people in January, according to a provincial report "
     "released Tuesday.\n\nHousing Action Manitoba's yearly Shelter Census, which counted beds "
     "at more than 1,200 sites, found that women made up 41 per cent of those turned away.",
     41, "Housing Action Manitoba"),
    # "the report" later in the story, and "it" of the report's own sentence
    ("Housing Action Manitoba's yearly census found that women made up 41 per cent of those "
     "turned away.\n\nThe report found that 12.5 per cent of them had a job.", 12.5,
     "Housing Action Manitoba"),
    ("Housing Action Manitoba's yearly census found that women made up 41 per cent of those "
     "turned away.\n\nThe report asks the province for a rent supplement, which it estimates "
     "would cost $310 million a year.", 310, "Housing Action Manitoba"),
    # "new figures" named in the next sentence
    ("Farms in Wales lost 96,000 hectares of hedgerow last decade, according to new figures."
     "\n\nNatural Resources Wales data published on Monday shows 14,000 hectares were replanted.",
     96000, "Natural Resources Wales"),
])
def test_sources_of_the_ninth_blind_set(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


def test_little_changed_from_is_a_baseline_not_a_statistic() -> None:
    found = stats("Lake Bala recorded 412 algal blooms in 2028, according to the agency, "
                  "little changed from 415 the year before.")
    assert [s["value"] for s in found] == [412]
    assert found[0]["comparison"]["value"] == 415


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    # "the union" of a body whose name ends in another word
    ("A record 412 patients waited on trolleys on Monday, according to the Irish Nurses and "
     "Midwives Organisation (INMO).\n\nCork University Hospital was worst hit, with 61 "
     "patients without a bed, the union's own figures show.", 61,
     "Nurses and Midwives Organisation"),
    # "the Wiesbaden-based office" of the Federal Statistical Office (Destatis)
    ("Breweries sold 7.1 billion liters in 2028, the Federal Statistical Office (Destatis) "
     "said.\n\nExports dropped 2.2% to 1.3 billion liters, the Wiesbaden-based office said.",
     2.2, "Destatis"),
])
def test_bodies_named_again_by_another_word(paragraphs: str, value: float, source: str) -> None:
    assert source_of(paragraphs, value) == source


@pytest.mark.parametrize("sentence", [
    "A survey found that 38% of Germans aged 18 to 29 drank no alcohol, the ministry said.",
    "She has let two of her eleven employees go, the ministry said.",
])
def test_ages_and_a_persons_own_are_no_statistics(sentence: str) -> None:
    values = [s["value"] for s in stats(sentence)]
    assert 29 not in values and 2 not in values


@pytest.mark.parametrize(("value", "source"), [
    (2.0, "Destatis"), (1.7, "INSEE"), (2.5, "INE"), (1.6, "Istat")])
def test_one_sentence_several_sources(value: float, source: str) -> None:
    paragraphs = ("Inflation slowed to 2.0% in Germany, according to the federal statistics "
                  "office Destatis, and to 1.7% in France, INSEE data showed. It rose to 2.5% in "
                  "Spain, the INE statistics institute said, while figures released by Italy's "
                  "Istat on Tuesday show Italian inflation unchanged at 1.6%.")
    assert str(source_of(paragraphs, value)).endswith(source)


def test_eased_to_from_is_a_comparison() -> None:
    [stat] = stats("Euro zone inflation eased to 2.1% in November from 2.3% in October, data "
                   "from Eurostat showed on Tuesday.")
    assert stat["value"] == 2.1
    assert stat["comparison"]["value"] == 2.3


def test_a_source_after_a_baseline_clause_and_a_part_of_a_whole() -> None:
    found = by_value("In Kenya, 88 people have died since the rains began, up from 61 reported "
                     "on Friday, Interior Minister Samuel Chebet told a press conference in "
                     "Nairobi. More than 212,000 people have been displaced and 38 of the "
                     "country's 47 counties affected, he said.")
    assert found[88]["attributed_to"] == "Samuel Chebet"
    assert found[88]["comparison"]["value"] == 61
    assert found[38]["unit"] == "counties"
    assert 47 not in found


def test_two_candidates_shares_are_two_figures_and_the_nearest_source_leads() -> None:
    found = by_value("Errázuriz had 31.4 percent of the vote against 29.8 percent for Órdenes, "
                     "according to the electoral service Servel.\n\nHomicides rose to 1,240 "
                     "last year from 845, figures from the Public Prosecutor's Office show, and "
                     "a Cadem poll published in October found that 63 percent of Chileans named "
                     "crime.")
    assert "comparison" not in found[31.4] and 29.8 in found
    assert found[63]["attributed_to"] == "Cadem"
    assert found[1240]["comparison"]["value"] == 845


def test_a_clause_on_the_figures_own_noun_names_its_source() -> None:
    assert source_of("The UAE produced 3.38 million barrels per day in January, according to "
                     "Opec's monthly report — well below the 4.85 million bpd of capacity that "
                     "state oil company Adnoc says it has reached.", 4.85) == "Adnoc"


@pytest.mark.parametrize("sentence", [
    "The court set a 120-day deadline for the vote, the ministry said.",
    "The roof collapsed at around 7.30 am, the company said.",
    "A reading above 50 indicates expansion, the federation said.",
    "Sophie Tran, who teaches a year 3 class, said 40 pupils were absent.",
    "Doctors saw 214 and 96 cases, up from 21 and 130 respectively, the ministry said.",
])
def test_labels_times_thresholds_and_second_baselines_are_no_statistics(sentence: str) -> None:
    values = [s["value"] for s in stats(sentence)]
    assert not {120, 7.3, 50, 3, 130} & set(values)


def test_a_plan_the_figures_report_the_estimates_and_a_participle_source() -> None:
    paragraphs = ("NATO's European members will spend a record $712 billion on defense this "
                  "year, figures released by the alliance on Wednesday show.\n\nThe estimates, "
                  "published as ministers gathered in Brussels, show spending rising 14% in real "
                  "terms.\n\nSpanish Defense Minister Lucía Ortega Barrena rejected the criticism,"
                  " saying Madrid had increased its budget by nearly 45% since 2025.\n\nEstimates "
                  "by the Stockholm International Peace Research Institute put global military "
                  "spending at $3.1 trillion last year.")
    assert str(source_of(paragraphs, 712)).startswith("North Atlantic Treaty")
    assert str(source_of(paragraphs, 14)).startswith("North Atlantic Treaty")
    assert source_of(paragraphs, 45) == "Lucía Ortega Barrena"
    assert "Peace Research Institute" in str(source_of(paragraphs, 3.1))


def test_an_appeal_and_a_relative_clause_with_its_own_speaker() -> None:
    paragraphs = ("The Zambian government on Tuesday launched an appeal for 870 million U.S. "
                  "dollars in humanitarian assistance.\n\nVice President Mutale Chanda-Banda said "
                  "the drought, which President Bwalya Nkandu declared a \"national disaster\" in "
                  "January, had destroyed about 1.3 million hectares of maize.")
    assert "Zambia" in str(source_of(paragraphs, 870)) or "government" in str(
        source_of(paragraphs, 870)).lower()
    assert source_of(paragraphs, 1.3) == "Mutale Chanda-Banda"


def test_data_reports_go_on_in_the_next_paragraph() -> None:
    paragraphs = ("Japan's economy contracted an annualized 1.8 percent in the July-September "
                  "quarter, government data showed Thursday.\n\nGross domestic product fell 0.5 "
                  "percent from the previous quarter, according to preliminary figures released "
                  "by the Cabinet Office.\n\nCapital expenditure rose 0.3 percent.\n\nThe office "
                  "also revised up growth for the April-June period to 1.4 percent.\n\nThe "
                  "bulletin said 1,63,482 people had taken shelter.")
    for value in (1.8, 0.5, 0.3, 1.4):
        assert source_of(paragraphs, value) == "Cabinet Office", value
    [stat] = [s for s in stats(paragraphs) if s["value"] == 0.3]
    assert stat["attributed_to"] == "Cabinet Office"


@pytest.mark.parametrize(("paragraphs", "value", "source"), [
    ("The Malaysian Nature Society condemned the oil spills near Tanjung Piai, a Ramsar site "
     "which it said covers 526 hectares of mangroves.", 526, "Nature Society"),
    ("Fighting broke out in clashes that police said left 14 people injured.", 14, "Police"),
])
def test_a_relative_clause_that_reports_a_figure(paragraphs: str, value: float,
                                                 source: str) -> None:
    assert str(source_of(paragraphs, value)).endswith(source) or \
        str(source_of(paragraphs, value)).lower() == source.lower()


def test_a_body_named_after_a_country_of_two_words_and_a_sides_demands() -> None:
    assert source_of("Unemployment stood at 31.9% in the fourth quarter, figures published by "
                     "Statistics South Africa show.", 31.9) == "Statistics South Africa"
    assert stats("The union is demanding a monthly pay increase of 151,000 won and a bonus "
                 "equal to 30 percent of net profit, the union said.") == []


def test_a_run_with_no_full_stop_is_cut_into_bounded_sentences() -> None:
    from factsheet.suggest.text import LONGEST_SENTENCE, split_sentences

    text = ", ".join(["exports rose 5 percent"] * 400) + "."
    pieces = split_sentences(text, 0, len(text))
    assert len(pieces) > 1 and all(e - s <= LONGEST_SENTENCE for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_sources_that_point_at_each_other_end() -> None:
    # "a new report" looks ahead for its author and "It" back for its source; neither names
    # one, and the search ends (it used to recurse until Python stopped it)
    head = "Wages rise\n\nLONDON (Reuters) - "
    assert facts(draft(head + "A new report found wages rose 4%. It said turnout was 86.2%.\n"),
                 "statistics") == []
    paragraph = " ".join(f"The report said wages rose {i}%." for i in range(1, 9))
    assert facts(draft(head + paragraph + "\n"), "statistics") == []
    assert source_of("The Statistics Office said in a report on Monday that prices rose 1%. "
                     + paragraph, 8) == "Statistics Office"


@pytest.mark.parametrize(("paragraphs", "kept"), [
    ("The union is demanding a raise, but police said 300 people were arrested.", 300),
    ("Over the past year 40 people were killed, police said.", 40),
    ("Because of the country's 7% inflation, prices rose, the ministry said.", 7),
])
def test_rules_keep_to_their_own_words(paragraphs: str, kept: float) -> None:
    assert kept in [s["value"] for s in stats(paragraphs)]
