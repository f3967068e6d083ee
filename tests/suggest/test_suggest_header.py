"""The header rules: times, title, byline and agency, datelines, related links."""

from __future__ import annotations

import datetime as dt

import pytest
from _draft import draft, facts

from factsheet.suggest.timestamps import parse_zone, read_stamps

WIRE = """\
Published: 14:05, April 9, 2027 | Updated: 16:20, April 9, 2027
Danube states agree flood-defence pact
By Nikša Barić, Adriatic Wire Service
Serbia's Prime Minister Jelena Đorđević signs the pact in Novi Sad on April 8, 2027. (PHOTO / DANUBIA PRESS)

NOVI SAD/BUCHAREST/BUDAPEST/BUCHAREST - Serbia, Romania and Hungary agreed on Thursday to build a shared flood-warning network.

ALSO READ: Danube ports brace for low water

Flood damage fell

The Serbian ministry said 56 towns completed drills.

READ MORE: Budapest closes lower quay
"""


def test_a_wire_header_gives_every_field() -> None:
    header = draft(WIRE, zone=dt.timezone(dt.timedelta(hours=2))).header
    assert header.values["title"] == "Danube states agree flood-defence pact"
    assert header.values["byline"] == "Nikša Barić"
    assert header.values["agency"] == "Adriatic Wire Service"
    assert header.values["published"] == "2027-04-09T14:05:00+02:00"
    assert header.values["updated"] == "2027-04-09T16:20:00+02:00"
    assert [link["title"] for link in header.values["related"]] == [
        "Danube ports brace for low water", "Budapest closes lower quay"]


def test_a_repeated_dateline_city_is_kept_and_flagged() -> None:
    header = draft(WIRE).header
    assert header.values["datelines"] == ["NOVI SAD", "BUCHAREST", "BUDAPEST", "BUCHAREST"]
    assert "BUCHAREST listed twice" in header.notes["datelines"]
    assert "FS407" in header.notes["datelines"]


def test_a_time_without_zone_takes_the_default_and_says_so() -> None:
    header = draft(WIRE).header
    assert header.values["published"] == "2027-04-09T14:05:00Z"
    assert "no time zone printed" in header.notes["published"]


@pytest.mark.parametrize(("line", "published", "updated"), [
    ("January 6, 2027 7:45 PM GMT+1 Updated January 6, 2027 9:10 PM GMT+1",
     "2027-01-06T19:45:00+01:00", "2027-01-06T21:10:00+01:00"),
    ("Updated 4:17 PM GMT+3, March 18, 2027", None, "2027-03-18T16:17:00+03:00"),
    ("14.02.2027 09:42", "2027-02-14T09:42:00+00:00", None),
    ("2027-05-01T08:00:00Z", "2027-05-01T08:00:00+00:00", None),
    ("6 January 2027, 18:30 (JST)", "2027-01-06T18:30:00+09:00", None),
    ("Jan. 5, 2027, 10:23 a.m. ET", "2027-01-05T10:23:00-05:00", None),
    ("January 6, 2027 7:12 PM GMT+1 Updated 3 hours ago", "2027-01-06T19:12:00+01:00", None),
])
def test_time_lines_as_agencies_print_them(line: str, published: str | None,
                                           updated: str | None) -> None:
    found = {k: v.value.isoformat() for k, v in read_stamps(line, dt.UTC).items()}
    assert found.get("published") == published
    assert found.get("updated") == updated


@pytest.mark.parametrize(("byline", "who", "agency"), [
    ("By Adriatic Wire Service", None, "Adriatic Wire Service"),
    ("By Claire Dubois and Tomasz Wróbel", "Claire Dubois and Tomasz Wróbel", None),
    ("By SUZAN FRASER and DAVID RISING", "SUZAN FRASER and DAVID RISING", None),
    ("By Liisa Tamm, Northern Wire Service", "Liisa Tamm", "Northern Wire Service"),
    ("By Reuters", None, "Reuters"),
    ("By Marie Lehmann and Paul Becker, dpa", "Marie Lehmann and Paul Becker", "dpa"),
])
def test_bylines(byline: str, who: str | None, agency: str | None) -> None:
    header = draft(f"A headline about a pact\n{byline}\n\nLONDON - The story begins here.\n"
                   ).header
    assert header.values.get("byline") == who
    assert header.values.get("agency") == agency


@pytest.mark.parametrize(("dateline", "cities", "agency"), [
    ("PARIS, Jan 6 (Reuters) - Leaders met.", ["PARIS"], "Reuters"),
    ("KYIV, Ukraine (AP) — Leaders met.", ["KYIV"], "AP"),
    ("Paris (AFP) – Leaders met.", ["PARIS"], "AFP"),
    ("TOKYO - Leaders met, Kyodo News said.", ["TOKYO"], None),
    ("Dhanbad, Mar 4 (PTI) Nine miners were killed.", ["DHANBAD"], "PTI"),
    ("MANILA: The Philippines on Thursday closed its schools.", ["MANILA"], None),
])
def test_datelines_and_the_agency_they_name(dateline: str, cities: list[str],
                                           agency: str | None) -> None:
    header = draft(f"Leaders meet in a capital\n\n{dateline}\n").header
    assert header.values["datelines"] == cities
    assert header.values.get("agency") == agency


def test_a_story_without_dateline_reads_its_first_lines_as_header() -> None:
    found = draft("Russian troops shelled Kherson region 112 times over past day\n"
                  "14.02.2027 09:42\n\nOver the past day, Russian troops carried out 112 attacks, "
                  "governor Oleksandr Prokudin said on Telegram.\n")
    assert found.header.values["title"].startswith("Russian troops shelled")
    assert found.header.values["published"] == "2027-02-14T09:42:00Z"
    # The headline's "112 times" is no statistic: only the body's figure is.
    assert [f.fields["value"] for f in found.of_kind("statistics")] == [112]


def test_an_update_before_publication_is_left_out() -> None:
    header = draft("Published: 14:05, April 9, 2027 | Updated: 10:20, April 9, 2027\n"
                   "A headline\n\nLONDON - Text.\n").header
    assert "updated" not in header.values
    assert "check both" in header.notes["published"]


@pytest.mark.parametrize(("name", "offset"), [
    ("UTC", 0), ("Z", 0), ("+02:00", 120), ("GMT+1", 60), ("-0530", -330), ("CET", 60)])
def test_time_zone_option(name: str, offset: int) -> None:
    zone = parse_zone(name)
    assert zone.utcoffset(dt.datetime(2027, 1, 1)) == dt.timedelta(minutes=offset)


def test_time_zone_by_name_follows_summer_time() -> None:
    zone = parse_zone("Europe/Kyiv")
    assert zone.utcoffset(dt.datetime(2027, 7, 1)) == dt.timedelta(hours=3)


def test_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_zone("Mars/Olympus")


def test_a_newspaper_page_with_the_name_and_the_paper_on_lines_of_their_own() -> None:
    header = draft("Ice storm leaves 41,000 without power in Benton County\nRebecca Hollis\n"
                   "Northwest Arkansas Courier\nPublished 6:12 p.m. CT Jan. 27, 2027\n\n"
                   "BENTONVILLE — About 41,000 homes were still without power, the "
                   "cooperative said.\n").header.values
    assert (header["byline"], header["agency"]) == ("Rebecca Hollis", "Northwest Arkansas Courier")


def test_a_byline_with_the_desk_and_a_last_modified_foot() -> None:
    header = draft("Measles\n\nOutbreak puts 14 children in hospital in Leicester\n\n"
                   "Hannah Okoye Health correspondent\nTue 9 Mar 2027 18.30 GMT\n\n"
                   "Fourteen children are in hospital, health officials said on Tuesday.\n\n"
                   "Last modified on Tue 9 Mar 2027 21.05 GMT\n").header.values
    assert header["byline"] == "Hannah Okoye"
    assert (header["published"], header["updated"]) == ("2027-03-09T18:30:00Z",
                                                        "2027-03-09T21:05:00Z")


def test_a_dateline_with_the_country_in_brackets() -> None:
    header = draft("Tens of thousands flee fighting\n\nMinova (DR Congo) (AFP) – More than "
                   "85,000 people have fled, the United Nations said.\n").header.values
    assert (header["datelines"], header["agency"]) == (["MINOVA"], "AFP")


def test_a_name_before_the_time_line_and_a_dateline_on_its_own_line() -> None:
    found = draft("Turkish coast guard rescues 58 irregular migrants off Aegean coast\n"
                  "Ömer Faruk Yıldız   |20.08.2027 13:42 - Update : 20.08.2027 16:10\n\n"
                  "MUGLA, Türkiye\n\nTurkish coast guard units rescued 58 irregular migrants "
                  "and recovered three bodies off the coast of Mugla's Bodrum district early "
                  "Friday, the Coast Guard Command said.\n\n*Writing by Burak Dag\n")
    header = found.header.values
    assert header["byline"] == "Ömer Faruk Yıldız"  # not the desk's "Writing by"
    assert header["datelines"] == ["MUGLA"]
    assert header["published"].startswith("2027-08-20T13:42")


def test_a_time_line_that_dates_only_the_update() -> None:
    found = read_stamps("Updated January 14 2028 - 6:41pm, first published 2:05pm", dt.UTC)
    assert found["published"].value.isoformat() == "2028-01-14T14:05:00+00:00"
    assert found["updated"].value.isoformat() == "2028-01-14T18:41:00+00:00"


def test_two_bylines_before_the_time_line_and_two_cities_on_a_line_of_their_own() -> None:
    header = draft("Turkish, Iraqi foreign ministers agree to speed up Development Road\n"
                   "Zeynep Kaplan and Mustafa Hasan   |06.10.2027 14:22 - Update : 06.10.2027 "
                   "17:48\n\nBAGHDAD / ANKARA\n\nTürkiye and Iraq on Wednesday agreed to "
                   "accelerate work on the Development Road project and to set up a permanent "
                   "joint committee on water, the foreign minister said after talks.\n").header
    assert header.values["byline"] == "Zeynep Kaplan and Mustafa Hasan"
    assert header.values["datelines"] == ["BAGHDAD", "ANKARA"]


@pytest.mark.parametrize(("caption", "agency"), [
    ("Firefighters battle a spot fire near Bruthen on Friday. (Diego Fedele/AAP PHOTOS)",
     "AAP"),
    ("Crews replace a pole in Bentonville on Wednesday. Dale Pruitt/Northwest Arkansas Courier",
     "Northwest Arkansas Courier"),
    ("Students leave a school in Manila on Thursday. (Photo: AFP/Ramon Dela Cruz)", None),
])
def test_the_agency_from_the_outlets_own_photo_credit(caption: str, agency: str | None
                                                      ) -> None:
    header = draft(f"Homes lost as bushfire jumps containment lines\nBy Marnie Kellett\n"
                   f"{caption}\n\nAn out-of-control bushfire in Victoria's east has destroyed "
                   "at least 27 homes and is threatening several more towns, with crews "
                   "bracing for a wind change, the Country Fire Authority says.\n").header
    assert header.values.get("agency") == agency


def test_dates_printed_month_first_follow_the_datelines_date() -> None:
    header = draft("Cabin crew strike cancels 340 flights\n07/12/2027 - 14:35 | Updated: "
                   "07/12/2027 - 18:10\n\nMadrid/Barcelona, Jul 12 (EFE).- A strike by cabin "
                   "crew forced the cancellation of 340 flights on Monday.\n").header
    assert header.values["published"].startswith("2027-07-12T14:35")
    assert header.values["updated"].startswith("2027-07-12T18:10")
    assert header.values["agency"] == "EFE"


def test_a_desk_line_a_city_line_and_a_time_on_its_own_line() -> None:
    header = draft("Drought cuts Sicily's durum wheat harvest by a third\nRedazione ANSA\n"
                   "PALERMO\n03 June 2027\n16:42\nNews\n\nSicily's durum wheat harvest will "
                   "fall by about a third this year, the farmers' association Coldiretti said "
                   "on Thursday, as reservoirs across the island hit record lows.\n").header
    assert (header.values["byline"], header.values["agency"]) == ("Redazione ANSA", "ANSA")
    assert header.values["datelines"] == ["PALERMO"]
    assert header.values["published"].startswith("2027-06-03T16:42")


def test_a_staff_writer_line_and_a_city_after_the_time() -> None:
    header = draft("Japan's trade deficit widens to 3-year high\nKENTARO ISHIDA, Nikkei staff "
                   "writer\nPublished - July 20, 2027 07:45 pm IST - BENGALURU\n\nJapan posted "
                   "a trade deficit of 1.24 trillion yen in July, the largest in three years, "
                   "the Ministry of Finance said on Thursday in its monthly report.\n").header
    assert (header.values["byline"], header.values["agency"]) == ("KENTARO ISHIDA", "Nikkei")
    assert header.values["datelines"] == ["BENGALURU"]


@pytest.mark.parametrize(("text", "field", "value"), [
    # a standfirst, then "Name (Outlet)" and "City, Region ● date"
    ("Landslide buries Central Java hamlet\n\nRescuers are racing against forecast downpours "
     "to reach residents still missing after a hillside collapsed onto a farming hamlet.\n\n"
     "Dimas Wiratama (The Jakarta Post)\nBanjarnegara, Central Java   ●   Wed, December 8, "
     "2027\n\nAt least 19 people were killed after a landslide buried a hamlet in Banjarnegara "
     "regency early on Tuesday, the National Disaster Mitigation Agency said on Wednesday.\n",
     "datelines", ["BANJARNEGARA"]),
    ("Landslide buries Central Java hamlet\n\nRescuers are racing against forecast downpours "
     "to reach residents still missing after a hillside collapsed onto a farming hamlet.\n\n"
     "Dimas Wiratama (The Jakarta Post)\nBanjarnegara, Central Java   ●   Wed, December 8, "
     "2027\n\nAt least 19 people were killed after a landslide buried a hamlet, the agency "
     "said on Wednesday.\n", "agency", "The Jakarta Post"),
    # a section label in capitals, a two-sentence headline, NPR's credit before its caption
    ("GOATS AND SODA\nZambia's cholera outbreak is spreading fast. A vaccine shortage is "
     "making it harder to stop\nFebruary 16, 2028 5:03 AM ET\nBy Chanda Mwale\n\ntoggle "
     "caption\nChanda Mwale for NPR\n\nA nurse checks on a patient in Lusaka on Feb. 12.\n\n"
     "The stadium in Lusaka's Kanyama compound was built for soccer, and now it holds rows "
     "of cots for patients too weak to sit up.\n", "title",
     "Zambia's cholera outbreak is spreading fast. A vaccine shortage is making it harder to "
     "stop"),
    ("GOATS AND SODA\nZambia's cholera outbreak is spreading fast\nFebruary 16, 2028 5:03 AM "
     "ET\nBy Chanda Mwale\n\ntoggle caption\nChanda Mwale for NPR\n\nA nurse checks on a "
     "patient in Lusaka on Feb. 12.\n\nThe stadium in Lusaka's Kanyama compound was built for "
     "soccer, and now it holds rows of cots.\n", "agency", "NPR"),
    # dates with dashes, "by" in lower case, "with AFP", TASS's dateline
    ("ECONOMY\nOilseed workers' strike paralyses grain exports\nby Martina Echeverría\n"
     "11-04-2028 15:52\n\nArgentina's main grain export hub ground to a halt on Tuesday as "
     "oilseed workers walked off the job at crushing plants and port terminals.\n",
     "published", "2028-04-11T15:52:00Z"),
    ("Czech government caps household electricity prices\nBy Tereza Nováková  with AFP\n\n"
     "PRAGUE - The cabinet approved a ceiling on Friday.\n", "agency", "AFP"),
    ("Soyuz lifts off from Vostochny\n21 OCT, 11:48\n\nVOSTOCHNY COSMODROME /Amur Region/, "
     "October 21. /TASS/. A Soyuz-2.1b carrier rocket blasted off from the spaceport.\n",
     "agency", "TASS"),
])
def test_web_page_headers(text: str, field: str, value: object) -> None:
    assert draft(text).header.values.get(field) == value


@pytest.mark.parametrize(("text", "field", "value"), [
    ("At least 22 dead as express derails\n\nNadir Soomro | Ali Hassan Junejo\nPublished "
     "August 24, 2027\nUpdated August 24, 2027 10:46pm\n\nNAWABSHAH / KARACHI: At least 22 "
     "passengers were killed when the train derailed.\n", "byline",
     "Nadir Soomro and Ali Hassan Junejo"),
    ("Primary teachers walk off the job\n6:12 pm on 17 March 2027\nShare this\nMereana "
     "Walker, Education Reporter\n\nTeachers march in Wellington on Wednesday. Photo: RNZ / "
     "Tevita Fonua\n\nThousands of primary school teachers marched through city centres on "
     "Wednesday as their first nationwide strike since 2019 shut schools.\n", "byline",
     "Mereana Walker"),
    ("Primary teachers walk off the job\n6:12 pm on 17 March 2027\nShare this\nMereana "
     "Walker, Education Reporter\n\nTeachers march in Wellington on Wednesday. Photo: RNZ / "
     "Tevita Fonua\n\nThousands of primary school teachers marched through city centres on "
     "Wednesday as their first nationwide strike since 2019 shut schools.\n", "agency", "RNZ"),
    ("Bridge collapses in Gopalganj\nBy Amit Kumar Jha, Gopalganj\nUpdated on: Jul 16, 2027 "
     "11:08 PM IST\n\nGopalganj/Patna: Seven workers were killed after a span collapsed.\n",
     "byline", "Amit Kumar Jha"),
])
def test_more_web_page_headers(text: str, field: str, value: object) -> None:
    assert draft(text).header.values.get(field) == value


@pytest.mark.parametrize(("caption", "agency"), [
    ("Hospital support workers rallied outside the hospital on Monday.(ABC News: Cason Ho)",
     "ABC News"),
    ("Residents salvage belongings from a house in Chiuri village on October 14, 2028 "
     "[Sunil Pradhan/AFP]", None),  # a bought photo says nothing of the outlet
])
def test_the_outlet_of_a_staff_photo_credit(caption: str, agency: str | None) -> None:
    header = draft(f"News|Earthquakes\nStrong aftershock hits western Nepal\nBy Anjali "
                   f"Shrestha\n\n{caption}\n\nAn aftershock killed at least nine people in "
                   "western Nepal on Saturday, officials said, as thousands of survivors "
                   "spent another night in the open.\n").header
    assert header.values.get("agency") == agency
    assert header.values["title"] == "Strong aftershock hits western Nepal"


@pytest.mark.parametrize(("text", "field", "value"), [
    ("21-Nov-2028 16:18:42 GMT\nUPDATE 1-Ivory Coast cuts cocoa crop forecast\nBy Ange "
     "Kouadio-Ble\n\nABIDJAN, Nov 21 (Reuters) - Ivory Coast cut its forecast.\n", "title",
     "UPDATE 1-Ivory Coast cuts cocoa crop forecast"),
    ("Mongolia-climate-agriculture-disaster, FOCUS\n14 Mar 2028 09:22 GMT\n\n'The snow took "
     "everything': Mongolia's herders count losses\nby Oyunchimeg Dashdorj\n\nULAANBAATAR, "
     "March 14, 2028 (AFP) - A herder spent the winter digging.\n", "title",
     "'The snow took everything': Mongolia's herders count losses"),
    ("Nfld. & Labrador\nSnow crab boats stay tied up as harvesters reject opening price\n"
     "Jenna Whelan-Snow · CBC News · Posted: Apr 10, 2028 4:00 PM NDT | Last Updated: April "
     "10, 2028\n\nSocial Sharing\n\nHarvesters in Newfoundland and Labrador kept their boats "
     "tied up on Monday, rejecting an opening price set by a panel last week.\n", "byline",
     "Jenna Whelan-Snow"),
    ("Nfld. & Labrador\nSnow crab boats stay tied up as harvesters reject opening price\n"
     "Jenna Whelan-Snow · CBC News · Posted: Apr 10, 2028 4:00 PM NDT | Last Updated: April "
     "10, 2028\n\nSocial Sharing\n\nHarvesters in Newfoundland and Labrador kept their boats "
     "tied up on Monday, rejecting an opening price set by a panel last week.\n", "title",
     "Snow crab boats stay tied up as harvesters reject opening price"),
])
def test_headers_of_the_eighth_blind_set(text: str, field: str, value: object) -> None:
    assert draft(text).header.values.get(field) == value


def test_an_embargo_line_is_no_headline_and_gives_the_publication_time() -> None:
    found = draft("EMBARGOED TO 0001 TUESDAY MAY 15\n\nBus fares rise 6% as councils cut "
                  "routes, says watchdog\n\nBy Owen Treharne, PA Transport Correspondent\n\n"
                  "Bus fares in England rose 6% in 2028, the watchdog said on Monday.\n")
    values = found.header.values
    assert values["title"] == "Bus fares rise 6% as councils cut routes, says watchdog"
    assert values["byline"] == "Owen Treharne"
    assert values["agency"] == "PA"
    # May 15 falls on a Tuesday in 2029, the year after the one the story mentions
    assert values["published"].startswith("2029-05-15T00:01")


def test_an_embargo_with_no_weekday_and_no_year_gives_no_time() -> None:
    found = draft("EMBARGOED UNTIL 0001 MAY 15\n\nBus fares rise 6% as councils cut routes\n\n"
                  "By Owen Treharne, Transport Correspondent\n\n"
                  "Bus fares in England rose 6% in 2028, the watchdog said on Monday.\n")
    assert "published" not in found.header.values
    assert found.header.values["byline"] == "Owen Treharne"
    assert "agency" not in found.header.values


def test_a_byline_with_wires_and_the_outlet_a_source_spoke_to() -> None:
    found = draft("Business\nGerman beer sales slump to a record low\nLukas Brandt with dpa, "
                  "Reuters\n02/01/2029\n\nA brewery worker checks bottles in Bamberg\n"
                  "Image: Daniel Karmann/dpa/picture alliance\n\nGerman breweries sold 7.9 "
                  "billion liters of beer in 2028, the statistics office said on Thursday.\n\n"
                  '"We lose drinkers every year," one brewer told DW.\n')
    values = found.header.values
    assert values["byline"] == "Lukas Brandt"
    assert values["agency"] == "DW"
    first = facts(found, "statistics")[0].evidence[0]
    assert found.text[first[0]:first[1]].startswith("German breweries sold")


def test_a_text_by_byline_and_a_wire_at_the_foot() -> None:
    found = draft("Americas\n\nRun-off looms in Chile\n\nIssued on: 19/11/2029 - 04:12\n\n"
                  "Text by: FRANCE 24\n\nWith 99.2 percent of polling stations counted, the "
                  "electoral service said turnout reached 85.1 percent.\n\n(FRANCE 24 with AFP)"
                  "\n\nOn the same topic\n\nChile votes in an election dominated by crime\n")
    values = found.header.values
    assert values["byline"] == "FRANCE 24"
    assert values["agency"] == "AFP"
    assert [r["title"] for r in values["related"]] == [
        "Chile votes in an election dominated by crime"]


def test_a_source_that_told_a_wire_names_no_outlet() -> None:
    found = draft("Energy\n\nOpec+ keeps output steady\n\nby Ananya Krishnan\n\nOpec+ agreed on "
                  "Sunday to keep output unchanged, delegates said.\n\nTwo delegates told "
                  "Reuters the proposal was not discussed.\n")
    assert "agency" not in found.header.values


@pytest.mark.parametrize(("told", "agency"), [
    ("told The Korea Herald", "The Korea Herald"), ("told Dawn", "Dawn"),
    ("told the Kyiv Independent", "The Kyiv Independent"), ("told RFE/RL's Tajik Service",
                                                            "RFE/RL")])
def test_a_page_that_never_names_itself_but_quotes_a_source_who_told_it(told: str,
                                                                       agency: str) -> None:
    found = draft("World\n\nClinics ration radiotherapy as machines fail\n\nBy Kim Soo-ah\n\n"
                  "Three hospitals postponed treatment on Monday, the ministry said.\n\n"
                  f'"They told me to come back on Thursday," one patient {told}.\n')
    assert found.header.values["agency"] == agency


@pytest.mark.parametrize("line", ["Helena Marsh in Brussels and Paolo Bernardi in Rome",
                                  "Eleni KARAMANLI with Julien MOREAU in Brussels"])
def test_reporters_on_a_line_of_their_own(line: str) -> None:
    found = draft(f"Migration\n\nEU ministers back return hubs outside the bloc\n\n{line}\n"
                  "Thu 22 Nov 2029 16.05 GMT\n\nEU interior ministers backed the plan on "
                  "Thursday, the presidency said.\n")
    assert found.header.values["byline"] == line


def test_a_credit_on_its_own_above_the_lead_is_no_caption_of_the_lead() -> None:
    found = draft("Economy\n\nRussia strikes energy facilities overnight\n\n14.01.2030 16:42\n\n"
                  "Photo: Ukrenergo\n\nRussian forces attacked energy facilities overnight, "
                  "leaving about 620,000 consumers without power.\n\nThe Ministry of Energy "
                  "reported this on Telegram, Ukrinform reports.\n")
    [photo] = facts(found, "photos")
    assert [found.text[s:e] for s, e in photo.evidence] == ["Photo: Ukrenergo"]
    assert found.header.values["agency"] == "Ukrinform"


def test_anadolus_web_page_two_reporters_and_its_own_photographer() -> None:
    found = draft("Somalia, Jubaland agree to ceasefire in Gedo\n\nBurak Demirci, Abdirahman Ali "
                  "Yusuf   |26.06.2029 - Update : 26.06.2029\n\nTurkish Foreign Minister Selim "
                  "Kara poses with the delegates in Ankara on June 26, 2029. ( Ercan Yilmazer - "
                  "Anadolu Agency )\n\nANKARA\n\nSomalia's federal government and Jubaland agreed "
                  "on Tuesday to a ceasefire, the minister announced.\n")
    values = found.header.values
    assert values["byline"] == "Burak Demirci, Abdirahman Ali Yusuf"
    assert values["agency"] == "Anadolu Agency"


def test_kyodo_time_line_after_a_blank_line_is_no_dateline() -> None:
    found = draft("Japan's economy shrinks in July-Sept.\n\nKYODO NEWS - Nov 14, 2030 - 10:05 | "
                  "Business, All\n\nShoppers at a supermarket in Tokyo on Oct. 28, 2030. (Kyodo)"
                  "\n\nJapan's economy contracted 1.8 percent, government data showed Thursday.\n")
    values = found.header.values
    assert values["agency"] == "Kyodo News" or values["agency"].upper() == "KYODO NEWS"
    assert values["published"].startswith("2030-11-14T10:05")
    assert "datelines" not in values or values["datelines"] == []


def test_bernamas_caption_repeats_the_dateline_and_antaras_foot() -> None:
    found = draft("MMEA detains tanker after collision\n\n08/03/2030 07:42 PM\n\nPONTIAN, March 8 "
                  "-- The maritime director briefs the media today. --fotoBERNAMA (2030) "
                  "COPYRIGHTS RESERVED\n\nPONTIAN, March 8 (Bernama) -- The agency has detained a "
                  "tanker, it said.\n\nRelated news: Tanker crews rescued off Johor\n\nReporter: "
                  "Hendrikus Yarangga, Fitri Ayuningtyas\nEditor: Anton Santoso\nCopyright © "
                  "ANTARA 2030\n")
    values = found.header.values
    assert values["agency"] == "Bernama"
    assert values["byline"] == "Hendrikus Yarangga, Fitri Ayuningtyas"
    assert [r["title"] for r in values["related"]] == ["Tanker crews rescued off Johor"]
    assert [f.fields["credit"] for f in facts(found, "photos")] == [
        "fotoBERNAMA (2030) COPYRIGHTS RESERVED"]


def test_ukrinforms_time_line_credit_and_according_to() -> None:
    found = draft("Russia attacks Ukraine with 164 drones overnight\n19.11.2029 10:42\nPhoto: State "
                  "Emergency Service of Ukraine\n\nOn the night of November 19, Russian invaders "
                  "attacked Ukraine with 164 strike UAVs of the Shahed and other types, as well "
                  "as five Iskander-M ballistic missiles.\n\nThe Air Force of the Armed Forces of "
                  "Ukraine reported this on Telegram, according to Ukrinform.\n")
    assert found.header.values["agency"] == "Ukrinform"
    assert 164 in [f.fields["value"] for f in facts(found, "statistics")]


@pytest.mark.parametrize(("line", "when"), [
    ("14 Nov 2029 | 23:42 GMT", "2029-11-14T23:42"), ("2030/04/01 11:27 KST", "2030-04-01T11:27")])
def test_a_date_and_its_time_on_one_line(line: str, when: str) -> None:
    found = draft(f"Colombia declares national disaster (Photo)\n\n{line}\n\nBogota, Nov 14 (EFE).- "
                  "Rains killed at least 41 people, the agency said.\n")
    assert found.header.values["published"].startswith(when)
    assert "updated" not in found.header.values
    assert facts(found, "photos") == []


def test_ptis_feed_code_a_role_before_the_byline_and_a_keep_reading_list() -> None:
    found = draft("SC pulls up Punjab over farm fires\n\nBy energy reporter Tom Carrick\n\n"
                  "New Delhi: Smog near India Gate on Thursday, Oct. 18, 2029. (PTI Photo/Arun "
                  "Sharma)(PTI10_18_2029_000087B)\n\nNew Delhi, Oct 18 (PTI) The court said 41 "
                  "fires were counted.\n\nKeep reading\nlist of 2 items\nlist 1 of 2\nFamine "
                  "spreads to 14 areas\nlist 2 of 2\nWho is funding the war?\nend of list\n\nThe "
                  "hearing resumes on Monday.\n\nRC\n10181652\nNNNN\n")
    values = found.header.values
    assert values["byline"] == "Tom Carrick"
    assert values["published"].startswith("2029-10-18T16:52")
    assert [r["title"] for r in values["related"]] == ["Famine spreads to 14 areas",
                                                        "Who is funding the war?"]
    assert [f.fields["credit"] for f in facts(found, "photos")] == ["PTI Photo/Arun Sharma"]


def test_a_national_agencys_dateline_and_an_agency_sites_footer() -> None:
    found = draft("FG, AfDB sign $520m loan\n\nBy Ifeoma Nwachukwu\n\nAbuja, April 16, 2030 (NAN) "
                  "The Federal Government signed a loan agreement, the ministry said.\n")
    assert found.header.values["agency"] == "NAN"
    assert found.header.values["datelines"] == ["ABUJA"]
    found = draft("Turkiye, Iraq agree to fast-track Development Road\n\nBurak Demir  "
                  "|19.02.2030 - Update : 19.02.2030\n\nANKARA\n\nTurkiye and Iraq agreed on "
                  "Tuesday to speed up work, the minister said.\n\nAnadolu Agency website "
                  "contains only a portion of the news stories offered to subscribers.\n")
    assert found.header.values["agency"] == "Anadolu Agency"


def test_a_post_after_the_byline_names_an_agency_only_if_it_is_one() -> None:
    found = draft("Headline of the story\n\nBy Jane Doe, NY Correspondent\n\nLONDON - Police "
                  "said 3 died.\n")
    assert found.header.values["byline"] == "Jane Doe"
    assert "agency" not in found.header.values
