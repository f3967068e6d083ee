"""Realistic annotated wire stories for the batch benchmarks: annotation files and texts.

    python benchmarks/generate.py OUT                     # 1,000 stories into the folder OUT
    python benchmarks/generate.py OUT --count 50 --seed 7
    python benchmarks/generate.py OUT --count 20 --check  # and run the pipeline on each

Each story is built the way the two bundled examples are (``examples/danube``: a flood pact
on a river; ``examples/adriatic``: a fishing accord at sea), plus a third theme (linking power
grids), with their paragraphs as templates: the signing in the dateline paragraph, a joint
declaration that invites an outsider, what each signatory contributes, a minister's
quotation, a refusal with the minister's position and a newspaper's figure for its cost, a
conditional offer to join, statistics with and without a baseline, in figures or in words,
approximate or not, subheads and "ALSO READ" lines. The names, states, numbers, which
paragraphs appear and their order vary; paragraphs of the synthetic sentences that
``anchoring.py`` uses (``_synthetic.sentence``) bring each story to 600-1,200 words.

A story has 8-20 parties, 3-8 statistics, at least 3 quotations, 3 or more commitments
and 2 or more positions, and about half of them a photo whose image is
``examples/danube/signing.jpg``, copied once into the folder. Every quote is checked
against the finished text: a quote that occurs more than once gets ``occurrence: N``, as
an analyst would write it. The same seed gives the same bytes. ``--check`` runs
``factsheet.pipeline.process`` on every file and fails if any gives an error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from _synthetic import sentence

from factsheet.anchoring import ArticleText

ROOT = Path(__file__).resolve().parent.parent
IMAGE = ROOT / "examples" / "danube" / "signing.jpg"
WORDS = (600, 1140)  # the target; the last paragraph may add 60 more
PARTIES = (8, 20)
STATISTICS = (3, 8)

# -- the cast ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    name: str
    code: str
    adjective: str
    capital: str
    city: str  # as printed in a dateline


STATES = {s.name: s for s in (
    State("Serbia", "RS", "Serbian", "Belgrade", "NOVI SAD"),
    State("Romania", "RO", "Romanian", "Bucharest", "BUCHAREST"),
    State("Hungary", "HU", "Hungarian", "Budapest", "BUDAPEST"),
    State("Bulgaria", "BG", "Bulgarian", "Sofia", "RUSE"),
    State("Austria", "AT", "Austrian", "Vienna", "VIENNA"),
    State("Slovakia", "SK", "Slovak", "Bratislava", "BRATISLAVA"),
    State("Croatia", "HR", "Croatian", "Zagreb", "SPLIT"),
    State("Moldova", "MD", "Moldovan", "Chișinău", "CHISINAU"),
    State("Slovenia", "SI", "Slovenian", "Ljubljana", "LJUBLJANA"),
    State("Italy", "IT", "Italian", "Rome", "ROME"),
    State("Montenegro", "ME", "Montenegrin", "Podgorica", "PODGORICA"),
    State("Albania", "AL", "Albanian", "Tirana", "DURRES"),
    State("Greece", "GR", "Greek", "Athens", "THESSALONIKI"),
    State("North Macedonia", "MK", "Macedonian", "Skopje", "SKOPJE"),
    State("Bosnia and Herzegovina", "BA", "Bosnian", "Sarajevo", "MOSTAR"),
)}

FIRST = ("Jelena", "Ioana", "Ákos", "Petar", "Marija", "Žiga", "Niccolò", "Dragan", "Tomáš",
         "Katalin", "Mihai", "Vesna", "Andrei", "Milena", "Luka", "Ivana", "Florin", "Nadia",
         "Viktor", "Teodora", "Marek", "Elena", "Goran", "Sára", "Bogdan", "Irena", "Nikša",
         "Alessia", "Arben", "Eleni", "Dimitar", "Lenka")
LAST = ("Đorđević", "Știrbu", "Bérczi", "Vasilev", "Šimunović", "Kranjc", "Ferrà", "Vuković",
        "Dvořák", "Horváth", "Popescu", "Kovačić", "Ionescu", "Nagy", "Georgiev", "Marković",
        "Tóth", "Dumitrescu", "Jovanović", "Szabó", "Stoica", "Babić", "Farkas", "Rossi",
        "Hoxha", "Papadaki", "Petrovski", "Hadžić", "Novak", "Barić", "Lombardi", "Kostova")
#: Daily newspapers: name, the name in its own script (or None), country.
OUTLETS = (("Dnevnik", "Дневник", "BG"), ("Politika", "Политика", "RS"),
           ("Pobjeda", "Побједа", "ME"), ("Večernji list", None, "HR"), ("Delo", None, "SI"),
           ("Adevărul", None, "RO"), ("Népszava", None, "HU"), ("Il Piccolo", None, "IT"),
           ("Kathimerini", "Καθημερινή", "GR"), ("Nova Makedonija", "Нова Македонија", "MK"),
           ("Pravda", None, "SK"), ("Oslobođenje", None, "BA"), ("Shekulli", None, "AL"))
AGENCIES = ("Danubia Press", "Adria Press", "Pannonia Photo", "Balkan Picture Service",
            "Euxine Images")
PUBLISHERS = ("Adriatic Wire Service", "Danube News Agency", "Southeast Europe Wire")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEASONS = ("spring", "summer", "autumn", "winter")
NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@dataclass(frozen=True)
class Theme:
    """What a family of stories is about: the words the paragraph templates fill in."""

    region: str
    states: tuple[str, ...]
    pacts: tuple[str, ...]
    short: str  # "pact": how the text calls the agreement the second time
    headline: str  # with {region} and {outsider}
    aims: tuple[str, ...]  # verb phrases; the lead names two
    network: str  # what an outsider is invited to join
    treaty: str  # which it must ratify first
    committee: str
    gift: str  # with {n}
    pledge: str  # with {capital}, {n}, {year}
    refused: str  # what an outsider refuses to take part in
    ready: str  # what it is still ready to do
    need: str  # what the European Union should fund before it joins
    roles: tuple[str, ...]
    #: Bodies that publish figures: as printed mid-sentence ({state}, {adj}), name, kind.
    bodies: tuple[tuple[str, str, str], ...]
    #: "{subject} in {state} fell to ... from ...": subject, measure, unit, low, high.
    trends: tuple[tuple[str, str, str, int, int], ...]
    #: "... {n} {things} had {done} ...": things, done, unit, low, high.
    counts: tuple[tuple[str, str, str, int, int], ...]
    surveys: tuple[tuple[str, str], ...]  # "{n} {things} per {per}"
    fleet: tuple[str, str, str]  # "nearly {n} {things} {do} in the {where}"
    would: tuple[str, ...]  # quotations that follow "they would"
    says: tuple[str, ...]  # ... "said the pact"
    called: tuple[str, ...]  # ... "called the pact"
    subheads: tuple[str, ...]
    related: tuple[str, ...]
    #: Background sentences, not annotated: {region} {state} {other} {capital} {year} {n}.
    background: tuple[str, ...] = ()


#: Background sentences for any theme.
BACKGROUND = (
    "Talks on the {short} began in {capital} in {year_before} and stalled twice over money.",
    "Diplomats said the final text was agreed only after a night of negotiations in {capital}.",
    "The European Commission welcomed the agreement and said it would study requests for "
    "co-financing.",
    "Opposition lawmakers in {state} said the government had signed without consulting "
    "parliament.",
    "Analysts in {capital} said the deal was modest but the first of its kind in the region.",
    "{state} and {other} have disputed the cost of earlier joint projects for more than a "
    "decade.",
    "The signatories said they would meet again in {month} to review progress.",
    "Officials declined to say how the {short} would be financed after {year_after}.",
    "Environmental groups said the measures came years too late but were better than nothing.",
    "The {short} enters into force once two of the signatories have ratified it.",
    "Trade unions in {other} said workers had not been consulted and asked for a meeting with "
    "the government.",
    "A spokesperson for {other}'s government said the country would study the text before "
    "deciding.",
)

THEMES = (
    Theme(
        region="Danube",
        states=("Serbia", "Romania", "Hungary", "Bulgaria", "Austria", "Slovakia", "Croatia",
                "Moldova"),
        pacts=("Danube Flood Defence Pact", "Lower Danube Flood Defence Pact",
               "Tisza Flood Defence Pact", "Sava Flood Defence Pact"),
        short="pact",
        headline="{region} states agree flood-defence pact, {outsider} stays out of joint "
                 "dredging",
        aims=("build a shared flood-warning network along the river",
              "pool reserve pumping capacity during spring floods",
              "share rainfall forecasts every six hours",
              "train joint rescue teams before the spring thaw",
              "publish a common map of flood-risk zones",
              "coordinate the release of water from upstream reservoirs"),
        network="flood-warning network", treaty="river-basin treaty",
        committee="flood commission",
        gift="provide {n} mobile pumps to a common reserve",
        pledge="open its {capital} forecasting centre to engineers from the other signatories",
        refused="joint dredging of the shared stretch",
        ready="share water-level data with the network", need="river gauges",
        roles=("Prime Minister", "Foreign Minister", "Interior Minister",
               "Environment Minister", "Water Minister"),
        bodies=(("{state}'s Ministry of Agriculture", "Ministry of Agriculture of {state}",
                 "government_body"),
                ("the {adj} water agency", "{Adj} water agency", "government_body"),
                ("{state}'s interior ministry", "Interior Ministry of {state}",
                 "government_body"),
                ("{state}'s hydrological institute", "Hydrological Institute of {state}",
                 "other"),
                ("the {adj} statistics office", "{Adj} statistics office", "government_body")),
        trends=(("Flood damage", "flood damage", "million euros", 20, 400),
                ("Spending on levees", "spending on levees", "million euros", 10, 250),
                ("Insurance claims for flood damage", "insurance claims for flood damage",
                 "claims", 1_000, 60_000),
                ("Grain shipped on the river", "grain shipped on the river", "tonnes",
                 50_000, 900_000)),
        counts=(("riverside towns", "completed evacuation drills", "towns", 10, 95),
                ("volunteers", "registered for flood duty", "volunteers", 500, 9_000),
                ("households", "signed up for flood text alerts", "households", 2_000, 80_000),
                ("kilometres of levee", "been raised or repaired", "kilometres", 20, 600)),
        surveys=(("juvenile sturgeon", "survey net"), ("breaches", "hundred kilometres")),
        fleet=("barges", "carry grain on the river", "lower Danube"),
        would=("protect every riverside town as if it were our own",
               "turn every flood from a disaster into an inconvenience",
               "never again leave a village to face the water alone",
               "share every pump, every boat and every forecast"),
        says=("will give people hours, not minutes, to get out of harm's way",
              "makes the river a shared responsibility rather than a shared threat",
              "is worth more than any wall we could build alone",
              "cannot stop the river, but it can stop us being surprised by it"),
        called=("a promise to every family that lives by the water",
                "the most important thing we have signed in a decade",
                "a shared responsibility rather than a shared threat",
                "insurance we hope never to use"),
        subheads=("Flood damage fell sharply", "Towns prepare for the spring",
                  "Costs are disputed", "Volunteers sign up"),
        related=("Danube ports brace for low water as snowpack thins",
                 "Budapest closes lower quay as river rises",
                 "Farmers on the Tisza count the cost of a wet spring",
                 "River cruise season opens late after floods"),
        background=(
            "The {region} burst its banks in {year_before}, flooding {n} villages and forcing "
            "thousands of people from their homes.",
            "Engineers say the levees along the lower river were built for a climate that no "
            "longer exists.",
            "Snowmelt in the Carpathians usually brings the highest water in April and May.",
            "Several towns on the {adj} bank still rely on sirens and church bells to warn "
            "residents.",
            "Insurers have raised premiums for riverside homes in {state} every year since "
            "{year_before}.",
            "Shipping companies complain that low water in late summer halves the loads their "
            "barges can carry.",
            "The river carries a large share of the region's grain exports to the Black Sea "
            "ports.",
            "Hydrologists in {capital} have warned that floods and droughts are both becoming "
            "more frequent.")),
    Theme(
        region="Adriatic",
        states=("Croatia", "Slovenia", "Italy", "Montenegro", "Albania", "Greece",
                "Bosnia and Herzegovina"),
        pacts=("Adriatic Small Pelagics Accord", "Northern Adriatic Fisheries Accord",
               "Adriatic Sardine Recovery Accord"),
        short="accord",
        headline="{region} states agree to cut sardine catches, {outsider} rejects trawling "
                 "ban",
        aims=("cut sardine and anchovy catches by a fifth over three years",
              "close spawning grounds to trawlers every winter",
              "share catch data with a common stock committee",
              "ban night trawling within six miles of the coast",
              "fund a joint survey of the stocks each spring"),
        network="stock committee", treaty="fisheries convention",
        committee="stock committee",
        gift="fund {n} research vessels to survey the stocks each spring",
        pledge="buy back up to {n} ageing trawlers from its fleet by {year}",
        refused="the winter trawling ban",
        ready="share its landing statistics with the committee", need="coastal monitoring",
        roles=("Agriculture Minister", "Fisheries Minister", "Maritime Minister",
               "Undersecretary for Fisheries", "Foreign Minister"),
        bodies=(("the {adj} fisheries directorate", "{Adj} fisheries directorate",
                 "government_body"),
                ("{state}'s National Institute of Biology", "National Institute of Biology "
                 "of {state}", "other"),
                ("{state}'s fisheries research agency", "Fisheries research agency of {state}",
                 "government_body"),
                ("the {adj} coast guard", "{Adj} coast guard", "armed_forces"),
                ("{state}'s maritime ministry", "Maritime Ministry of {state}",
                 "government_body")),
        trends=(("Sardine landings", "sardine landings", "tonnes", 5_000, 90_000),
                ("Anchovy landings", "anchovy landings", "tonnes", 3_000, 60_000),
                ("Fuel subsidies for trawlers", "fuel subsidies for trawlers",
                 "million euros", 5, 120),
                ("Fish exports", "fish exports", "million euros", 20, 400)),
        counts=(("trawlers", "fitted new selective nets", "trawlers", 20, 400),
                ("fishermen", "applied for the buy-back scheme", "fishermen", 100, 3_000),
                ("inspections", "been carried out at sea", "inspections", 200, 5_000),
                ("boats", "left the fleet", "boats", 10, 300)),
        surveys=(("juvenile sardines", "haul"), ("anchovy eggs", "cubic metre")),
        fleet=("boats", "fish for sardines and anchovies", "Adriatic"),
        would=("give the sardine a chance to come back before the boats have nothing left "
               "to catch",
               "put science, not quotas, at the helm",
               "leave the sea richer for our children than we found it",
               "protect the spawning grounds whatever the cost"),
        says=("is the price of having a fishing industry in ten years' time",
              "would empty our harbours and fill nobody's nets",
              "asks the fishermen to sacrifice the most and promises them the least",
              "is the last chance for a fishery our grandfathers would recognise"),
        called=("the last chance for a fishery our grandfathers would recognise",
                "a fair deal for the fish and a hard one for the fishermen",
                "the end of the free-for-all in the northern sea",
                "a lifeline for the coastal towns"),
        subheads=("Catches fell again last year", "Fleet is ageing", "Outsiders hold back",
                  "Scientists count the fish"),
        related=("Chioggia fish market braces for a quieter winter",
                 "Trawler crews protest in Ancona harbour",
                 "Sardine prices climb as catches shrink",
                 "Marine reserve off Vis island doubles in size"),
        background=(
            "Sardines and anchovies make up most of the catch by weight in the northern "
            "{region}.",
            "Scientists have warned for years that the stocks are fished beyond what they can "
            "sustain.",
            "Most of the fleet in {state} is made up of small family-owned boats that fish "
            "close to the coast.",
            "Fish markets in {capital} reported lower prices for sardines through most of "
            "{year_before}.",
            "Warmer water has pushed some species north, fishermen and biologists say.",
            "The region's fishing towns depend heavily on tourism in the summer and on the "
            "catch in the winter.",
            "Fishermen's associations in {other} said they would ask for compensation for the "
            "winter closures.",
            "Previous attempts to agree common quotas collapsed in {year_before} over how to "
            "count small boats.")),
    Theme(
        region="Balkan",
        states=("North Macedonia", "Serbia", "Bulgaria", "Greece", "Albania", "Montenegro",
                "Romania", "Hungary", "Bosnia and Herzegovina"),
        pacts=("Balkan Grid Security Compact", "Southeast Europe Power Compact",
               "Balkan Energy Solidarity Compact"),
        short="compact",
        headline="{region} states agree to link power grids, {outsider} stays out of joint "
                 "gas purchases",
        aims=("link their power grids through a new high-voltage interconnector",
              "share reserve generating capacity during winter peaks",
              "buy emergency gas together when storage falls below a third",
              "publish a common forecast of electricity demand",
              "protect substations against cyber attacks with a joint response team"),
        network="grid reserve pool", treaty="energy community treaty",
        committee="grid security council",
        gift="provide {n} megawatts of reserve capacity to a common pool",
        pledge="build a second interconnector from {capital} by {year}",
        refused="joint purchases of gas for the winter",
        ready="share hourly demand forecasts with the pool", need="grid upgrades",
        roles=("Energy Minister", "Economy Minister", "Prime Minister", "Foreign Minister",
               "Deputy Prime Minister"),
        bodies=(("{state}'s energy regulator", "Energy Regulatory Commission of {state}",
                 "government_body"),
                ("the {adj} grid operator", "{Adj} grid operator", "company"),
                ("{state}'s statistics office", "Statistics Office of {state}",
                 "government_body"),
                ("{state}'s economy ministry", "Ministry of Economy of {state}",
                 "government_body"),
                ("the {adj} gas storage company", "{Adj} gas storage company", "company")),
        trends=(("Electricity imports", "electricity imports", "gigawatt hours", 300, 9_000),
                ("Gas consumption", "gas consumption", "million cubic metres", 500, 9_000),
                ("Household power bills", "average household power bill", "euros", 30, 190),
                ("Blackout hours", "hours of blackouts", "hours", 10, 400)),
        counts=(("households", "installed rooftop solar panels", "households", 2_000, 90_000),
                ("substations", "been modernised", "substations", 10, 200),
                ("engineers", "joined the response team", "engineers", 20, 500),
                ("factories", "cut their winter demand", "factories", 50, 900)),
        surveys=(("outages", "thousand customers"), ("voltage dips", "substation")),
        fleet=("power plants", "feed the regional grid", "region"),
        would=("keep the lights on in every valley, whatever the winter brings",
               "never again let one country freeze while its neighbours have power to spare",
               "turn small grids into one that nobody can switch off",
               "share every spare megawatt in an emergency"),
        says=("will pay for itself the first cold week of January",
              "is solidarity you can measure in megawatts",
              "ties our hands on gas while others keep theirs free",
              "means no country in the region has to freeze alone"),
        called=("solidarity you can measure in megawatts",
                "the region's best insurance against a cold winter",
                "a first step towards a single regional power market",
                "a deal that keeps the lights on"),
        subheads=("Imports rose in the cold snap", "Bills are a worry",
                  "Outsiders keep their options open", "Solar takes off"),
        related=("Skopje plant restarts after winter outage",
                 "Gas storage half full as autumn nears",
                 "Interconnector tender draws three bidders",
                 "Mountain villages still wait for a stable supply"),
        background=(
            "A cold snap in January {year_before} left parts of {state} without power for "
            "several days.",
            "Much of the region's electricity still comes from ageing coal plants that are due "
            "to close.",
            "Hydropower output fell sharply during the dry summer, forcing {other} to import "
            "more electricity.",
            "Power prices in {capital} doubled at the peak of the energy crisis.",
            "Grid operators say the existing interconnectors are full on most winter evenings.",
            "Several of the plants were built in the 1970s and run at a fraction of their "
            "capacity.",
            "Investors have proposed solar parks across the region, but few have been "
            "connected to the grid.",
            "Gas storage in the region covers only a few weeks of winter demand, officials "
            "say.")),
)


# -- building one story -------------------------------------------------------------------------


@dataclass(eq=False)
class Para:
    text: str


@dataclass(frozen=True)
class Ref:
    """A quote to be written as evidence: its paragraph and, within it, its first place."""

    para: Para
    quote: str


@dataclass
class Person:
    id: str
    full: str
    surname: str
    role: str
    state: State

    @property
    def intro(self) -> str:
        return f"{self.state.name}'s {self.role} {self.full}"


@dataclass
class Story:
    rng: random.Random
    theme: Theme
    year: int
    parties: dict[str, dict[str, object]] = field(default_factory=dict)
    facts: dict[str, list[dict[str, object]]] = field(default_factory=lambda: {
        k: [] for k in ("commitments", "positions", "quotations", "statistics", "photos")})
    people: dict[str, Person] = field(default_factory=dict)  # by state name
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (id, printed)
    used: set[str] = field(default_factory=set)  # surnames, quotes, measures

    # -- parties --

    def _add(self, base: str, party: dict[str, object]) -> str:
        pid, n = base, 1
        while pid in self.parties:
            n += 1
            pid = f"{base}-{n}"
        self.parties[pid] = {"id": pid, **party}
        return pid

    def mention(self, pid: str, para: Para, quote: str) -> None:
        mentions = self.parties[pid].setdefault("mentions", [])
        assert isinstance(mentions, list)
        if not mentions:
            mentions.append(Ref(para, quote))

    def state(self, state: State, para: Para | None = None) -> str:
        pid = slug(state.name)
        if pid not in self.parties:
            self.parties[pid] = {"id": pid, "name": state.name, "kind": "state",
                                 "country": state.code}
        if para is not None:
            self.mention(pid, para, state.name)
        return pid

    def person(self, state: State) -> Person:
        if state.name not in self.people:
            first = self.rng.choice(FIRST)
            last = self.pick(LAST)
            role = self.rng.choice(self.theme.roles)
            pid = self._add(slug(last), {"name": f"{first} {last}", "kind": "person",
                                         "country": state.code,
                                         "role": f"{role} of {state.name}",
                                         "affiliation": self.state(state)})
            self.people[state.name] = Person(pid, f"{first} {last}", last, role, state)
        return self.people[state.name]

    def body(self, state: State) -> tuple[str, str]:
        """A body of ``state`` that publishes figures: its party id and how it is printed."""
        printed, name, kind = self.rng.choice(self.theme.bodies)
        fill = {"state": state.name, "adj": state.adjective, "Adj": state.adjective}
        name = name.format(**fill)
        if name not in self.bodies:
            party: dict[str, object] = {"name": name, "kind": kind, "country": state.code}
            if kind == "government_body":
                party["affiliation"] = self.state(state)
            pid = self._add(f"{state.code.lower()}-{slug(name.split(' of ')[0])}", party)
            self.bodies[name] = (pid, printed.format(**fill))
        return self.bodies[name]

    def pick(self, pool: tuple[str, ...]) -> str:
        """A member of ``pool`` not used yet in this story (pools are larger than needed)."""
        choice = self.rng.choice([p for p in pool if p not in self.used])
        self.used.add(choice)
        return choice

    # -- facts --

    def add(self, kind: str, prefix: str, fact: dict[str, object]) -> None:
        facts = self.facts[kind]
        fact = {"id": f"{prefix}-{len(facts) + 1}", **fact}
        facts.append(fact)


def slug(text: str) -> str:
    """An ASCII id part: ``Đorđević`` -> ``dordevic``."""
    plain = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if c.isascii() and (c.isalnum() or c in " -")).lower()
    return "-".join(plain.split())


def join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def in_words(n: int) -> str:
    """English words for 21-99 that are not round tens: ``fifty-six``."""
    return f"{TENS[n // 10]}-{NUMBERS[n % 10]}"


def figure(n: int) -> str:
    return f"{n:,}"


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


def two_values(rng: random.Random, low: int, high: int) -> tuple[int, int]:
    a, b = rng.sample(range(low, high + 1), 2)
    if low >= 1000:  # round large figures as agencies do
        a, b = round(a, -2) or 100, round(b, -2) or 200
        if a == b:
            b += 100
    return a, b


# -- paragraph templates (each adds its facts and returns its paragraphs) -----------------------


def lead(s: Story, cast: dict[str, list[State]], pact: str, signed: dt.date) -> Para:
    sig = cast["signatories"]
    aims = s.rng.sample(s.theme.aims, 2)
    weekday = WEEKDAYS[signed.weekday()]
    cities = "/".join(st.city for st in sig)
    agreed = f"agreed on {weekday} to {aims[0]} and to {aims[1]}"
    para = Para(f"{cities} - {join([st.name for st in sig])} {agreed}.")
    ids = [s.state(st, para) for st in sig]
    s.add("commitments", "c", {"by": ids, "action": f"{aims[0]} and {aims[1]}",
                               "modality": "binding", "instrument": pact,
                               "date": signed.isoformat(), "evidence": [Ref(para, agreed)]})
    return para


def declaration(s: Story, cast: dict[str, list[State]]) -> list[Para]:
    sig, invited = cast["signatories"], cast["outsiders"][0]
    quote = s.pick(s.theme.would)
    joining = (f"invited {invited.name} to join the {s.theme.network} once its parliament "
               f"ratifies the {s.theme.treaty}")
    para = Para(f"The {NUMBERS[len(sig)]} governments said in a joint declaration that they "
                f"would \"{quote}\" and {joining}.")
    s.add("quotations", "q", {"speaker": s.state(sig[0]), "text": quote,
                              "evidence": [Ref(para, quote)]})
    s.add("commitments", "c", {
        "by": [s.state(st) for st in sig], "to": [s.state(invited, para)],
        "action": f"let {invited.name} join the {s.theme.network}", "modality": "intent",
        "condition": f"once its parliament ratifies the {s.theme.treaty}",
        "instrument": "joint declaration", "evidence": [Ref(para, joining)]})
    return [para]


def observers(s: Story, cast: dict[str, list[State]]) -> list[Para]:
    sig, outsiders = cast["signatories"], cast["outsiders"][:2]
    names = join([st.name for st in outsiders])
    seats = "observer seats" if len(outsiders) > 1 else "an observer seat"
    offered = f"offered {names} {seats} on the {s.theme.short}'s new {s.theme.committee}"
    para = Para(f"The {NUMBERS[len(sig)]} governments also {offered}, according to a joint "
                "statement.")
    s.add("commitments", "c", {
        "by": [s.state(st) for st in sig], "to": [s.state(st, para) for st in outsiders],
        "action": f"give {names} {seats} on the {s.theme.committee}", "modality": "pledge",
        "instrument": "joint statement", "evidence": [Ref(para, offered)]})
    return [para]


def contributions(s: Story, cast: dict[str, list[State]], pact: str) -> list[Para]:
    sig = cast["signatories"]
    giver, pledger = s.rng.sample(sig, 2)
    gift = s.theme.gift.format(n=s.rng.choice((12, 20, 25, 30, 40, 60, 75, 120)))
    pledge = s.theme.pledge.format(capital=pledger.capital, n=s.rng.randint(3, 9) * 10,
                                   year=s.year + s.rng.randint(2, 4))
    para = Para(f"Under the {s.theme.short}, {giver.name} will {gift}, according to the "
                f"declaration. {pledger.name} pledged to {pledge}.")
    others = [s.state(st) for st in sig if st is not giver]
    s.add("commitments", "c", {"by": [s.state(giver)], "to": others, "action": gift,
                               "modality": "binding", "instrument": pact,
                               "evidence": [Ref(para, f"{giver.name} will {gift}")]})
    s.add("commitments", "c", {"by": [s.state(pledger)], "action": pledge,
                               "modality": "pledge",
                               "evidence": [Ref(para, f"{pledger.name} pledged to {pledge}")]})
    return [para]


def minister_quote(s: Story, state: State, place: str) -> list[Para]:
    person = s.person(state)
    quote = s.pick(s.theme.says)
    opening = s.rng.choice((f"{person.intro} said the {s.theme.network}",
                            f"Speaking after the signing in {place}, {person.intro} said the "
                            f"{s.theme.short}"))
    para = Para(f"{opening} \"{quote}.\"")
    s.mention(person.id, para, person.full)
    s.add("quotations", "q", {"speaker": person.id, "text": quote,
                              "evidence": [Ref(para, quote)]})
    return [para]


def refusal(s: Story, cast: dict[str, list[State]]) -> list[Para]:
    outsider = cast["outsiders"][0]
    person = s.person(outsider)
    refused = f"{outsider.name} will not take part in {s.theme.refused}"
    para = Para(f"{refused}, its {person.role} {person.full} said in a statement, citing "
                "costs.")
    pid = s.state(outsider, para)
    s.mention(person.id, para, person.full)
    s.add("commitments", "c", {"by": [pid], "action": f"take part in {s.theme.refused}",
                               "modality": "refusal",
                               "instrument": f"statement by the {person.role}",
                               "evidence": [Ref(para, refused)]})
    s.add("positions", "p", {"holder": person.id, "topic": s.theme.refused, "stance": "oppose",
                             "summary": f"{outsider.name} refuses to take part, citing costs.",
                             "evidence": [Ref(para, para.text)]})
    paras = [para]
    if s.rng.random() < 0.75:  # a newspaper's figure for the cost, and what it will still do
        name, native, country = s.rng.choice(
            [o for o in OUTLETS if o[2] == outsider.code] or OUTLETS)
        home = next(st for st in STATES.values() if st.code == country)
        printed = f"{name} ({native})" if native else name
        party: dict[str, object] = {"name": printed, "kind": "media_outlet", "country": country}
        if native:
            party["aliases"] = [native]
        outlet = s._add(slug(name), party)
        cost = s.rng.randint(12, 95)
        costs = f"would cost about {cost} million euros a year, citing the minister"
        ready = f"{outsider.capital} is ready to {s.theme.ready}"
        text = (f"The {home.adjective} daily {printed} reported that {s.theme.refused} {costs}, "
                f"and that {ready}.")
        outlet_para = Para(text)
        s.mention(outlet, outlet_para, f"The {home.adjective} daily {printed}")
        s.parties[pid].setdefault("aliases", [outsider.capital])
        s.add("statistics", "s", {
            "measure": f"cost of {s.theme.refused}", "value": cost, "unit": "million euros",
            "period": "a year", "scope": outsider.name, "attributed_to": person.id,
            "reported_via": outlet, "evidence": [Ref(outlet_para, f"{s.theme.refused} {costs}")]})
        s.add("commitments", "c", {"by": [pid], "action": s.theme.ready, "modality": "readiness",
                                   "evidence": [Ref(outlet_para, ready)]})
        paras.append(outlet_para)
    return paras


def joining(s: Story, cast: dict[str, list[State]]) -> list[Para]:
    state = cast["outsiders"][1]
    person = s.person(state)
    would = (f"{state.name} would join the {s.theme.committee} as a full member once the "
             f"European Union agrees to fund its {s.theme.need}")
    para = Para(f"{person.intro} said {would}.")
    s.mention(person.id, para, person.full)
    s.add("commitments", "c", {
        "by": [s.state(state, para)], "to": [s.state(st) for st in cast["signatories"]],
        "action": f"join the {s.theme.committee} as a full member", "modality": "intent",
        "condition": f"once the European Union agrees to fund its {s.theme.need}",
        "evidence": [Ref(para, would)]})
    s.add("positions", "p", {
        "holder": person.id, "topic": f"membership of the {s.theme.committee}",
        "stance": "conditional",
        "summary": f"{state.name} joins if the European Union funds its {s.theme.need}.",
        "evidence": [Ref(para, para.text)]})
    return [para]


def support(s: Story, state: State, pact: str) -> list[Para]:
    person = s.person(state)
    quote = s.pick(s.theme.called)
    month = MONTHS[s.rng.randrange(12)]
    called = (f"called the {s.theme.short} \"{quote}\" and urged parliament to ratify it "
              f"before {month}")
    para = Para(f"{person.intro} {called}.")
    s.mention(person.id, para, person.full)
    s.add("positions", "p", {"holder": person.id, "topic": pact, "stance": "support",
                             "summary": f"Backs the {s.theme.short} and wants it ratified "
                                        f"before {month}.",
                             "evidence": [Ref(para, called)]})
    s.add("quotations", "q", {"speaker": person.id, "text": quote,
                              "evidence": [Ref(para, quote)]})
    return [para]


def neutral(s: Story, state: State, place: str, pact: str) -> list[Para]:
    person = s.person(state)
    para = Para(f"{state.name}, which sent only observers to {place}, has not taken a position "
                f"on the {s.theme.short}, its {person.role} {person.full} told reporters.")
    s.mention(person.id, para, person.full)
    s.state(state, para)
    s.add("positions", "p", {"holder": person.id, "topic": pact, "stance": "neutral",
                             "summary": f"{state.name} has not decided yet.",
                             "evidence": [Ref(para, para.text)]})
    return [para]


def statistic(s: Story, state: State) -> list[Para]:
    """One paragraph with one or two statistics, in one of five forms from the examples."""
    rng, theme, year = s.rng, s.theme, s.year
    pid, printed = s.body(state)
    forms = [form for form, free in (
        ("trend", [t for t in theme.trends if t[0] not in s.used]),
        ("up", [c for c in theme.counts if c[0] not in s.used]),
        ("approx", [c for c in theme.counts if c[0] not in s.used]),
        ("survey", [v for v in theme.surveys if v[0] not in s.used]),
        ("fleet", [] if "fleet" in s.used else [theme.fleet])) if free]
    if not forms:
        return []
    form = rng.choice(forms + (["trend"] if "trend" in forms else []))  # trends twice as often
    if form == "trend":
        subject, measure, unit, low, high = rng.choice(
            [t for t in theme.trends if t[0] not in s.used])
        s.used.add(subject)
        value, base = two_values(rng, low, high)
        verb = "fell" if value < base else "rose"
        unit_text = f" {unit}"
        text = (f"{subject} in {state.name} {verb} to {figure(value)}{unit_text} in {year - 1} "
                f"from {figure(base)}{unit_text} in {year - 2}, {printed} said on its website.")
        para = Para(text)
        comparison: dict[str, object] = {"value": base, "period": str(year - 2)}
        if rng.random() < 0.5:
            comparison["direction"] = verb
        s.add("statistics", "s", {
            "measure": f"{measure} in {state.name}", "value": value, "unit": unit,
            "period": str(year - 1), "scope": state.name, "attributed_to": pid,
            "channel": "on its website", "comparison": comparison,
            "evidence": [Ref(para, text)]})
    elif form in ("up", "approx"):
        things, done, unit, low, high = rng.choice(
            [c for c in theme.counts if c[0] not in s.used])
        s.used.add(things)
        value, base = sorted(two_values(rng, low, high), reverse=True)
        if form == "up":
            season = rng.choice(SEASONS)
            said = (f"{figure(value)} {things} had {done} this {season}, up from {figure(base)} "
                    "a year earlier")
            para = Para(f"{cap(printed)} said on {rng.choice(WEEKDAYS)} that {said}.")
            extra: dict[str, object] = {"period": f"{season} {year}", "comparison": {
                "value": base, "period": f"{season} {year - 1}"}}
        else:
            qualifier = rng.choice(("nearly", "about", "more than", "almost"))
            said = f"{qualifier} {figure(value)} {things} had {done}"
            para = Para(f"{cap(printed)} said {said}, though it did not give a comparison.")
            extra = {}
        s.add("statistics", "s", {"measure": f"{things} that have {done}", "value": value,
                                  "unit": unit, **extra, "scope": state.name,
                                  "attributed_to": pid, "evidence": [Ref(para, said)]})
    elif form == "survey":
        things, per = rng.choice([v for v in theme.surveys if v[0] not in s.used])
        s.used.add(things)
        value = rng.choice([n for n in range(21, 100) if n % 10])
        base = rng.randint(10, 120)
        month = MONTHS[rng.randrange(12)]
        said = (f"its {month} survey found {in_words(value)} {things} per {per}, compared "
                f"with {base} a year earlier")
        para = Para(f"{cap(printed)} said {said}.")
        s.add("statistics", "s", {
            "measure": f"{things} per {per}", "value": value, "unit": f"{things} per {per}",
            "period": f"{month} {year}", "scope": f"{state.adjective} survey",
            "attributed_to": pid, "comparison": {"value": base, "period": f"{month} {year - 1}"},
            "evidence": [Ref(para, said)]})
    else:
        s.used.add("fleet")
        things, do, where = theme.fleet
        count, share, age = rng.randint(3, 40) * 100, rng.randint(15, 70), rng.choice((20, 30))
        fleet = f"{figure(count)} {things} {do} in the {where}"
        older = f"{fleet}, and about {share} percent of them are more than {age} years old"
        para = Para(f"{cap(printed)} said nearly {older}.")
        s.add("statistics", "s", {"measure": f"{things} that {do}", "value": count,
                                  "approximate": True, "unit": things, "scope": where,
                                  "attributed_to": pid, "evidence": [Ref(para, f"nearly {fleet}")]})
        s.add("statistics", "s", {"measure": f"share of those {things} more than {age} years old",
                                  "value": share, "unit": "percent", "scope": where,
                                  "attributed_to": pid, "evidence": [Ref(para, older)]})
    s.mention(pid, para, printed if printed in para.text else cap(printed))
    return [para]


# -- the whole story ------------------------------------------------------------------------------


def build_story(rng: random.Random, index: int) -> tuple[str, dict[str, object], bool]:
    """Return (article text, annotation data, whether it uses the photo's image file)."""
    theme = rng.choice(THEMES)
    year = rng.randint(2026, 2029)
    s = Story(rng, theme, year)
    states = [STATES[n] for n in rng.sample(theme.states, len(theme.states))]
    signatories = states[:rng.choice((2, 3, 3, 3, 4))]
    cast = {"signatories": signatories, "outsiders": states[len(signatories):]}
    pact = rng.choice(theme.pacts)
    signed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    place = rng.choice(signatories).capital
    published = dt.datetime(signed.year, signed.month, signed.day, rng.randint(7, 18),
                            rng.choice((0, 5, 15, 30, 45)),
                            tzinfo=dt.timezone(dt.timedelta(hours=rng.choice((1, 2)))))
    published += dt.timedelta(days=1)
    updated = published + dt.timedelta(minutes=rng.randint(20, 300))
    outsider = cast["outsiders"][0]

    lead_para = lead(s, cast, pact, signed)
    blocks: list[list[Para]] = []
    if rng.random() < 0.8:
        blocks.append(declaration(s, cast))
    if rng.random() < 0.5 or len(blocks) == 0:
        blocks.append(observers(s, cast))
    blocks.append(contributions(s, cast, pact))  # two commitments: three or more in all
    for state in rng.sample(signatories, rng.randint(1, 2)):
        blocks.append(minister_quote(s, state, place))
    if rng.random() < 0.85:
        blocks.append(refusal(s, cast))
    optional = [lambda: joining(s, cast),
                lambda: support(s, rng.choice(signatories), pact),
                lambda: neutral(s, cast["outsiders"][2], place, pact)]
    rng.shuffle(optional)
    chosen = rng.randint(1, 3)
    for make in optional[:chosen]:
        blocks.append(make())
    for make in optional[chosen:]:  # each gives a position: two or more in all
        if len(s.facts["positions"]) >= 2:
            break
        blocks.append(make())
    while len(s.facts["quotations"]) < 3:
        blocks.append(support(s, rng.choice(signatories), pact))
    # Statistics: a subhead, then a paragraph each (a fleet paragraph holds two).
    wanted = rng.randint(*STATISTICS)
    figures: list[Para] = [Para(s.pick(theme.subheads))]
    while len(s.facts["statistics"]) < wanted:
        before = len(s.facts["statistics"])
        figures += statistic(s, rng.choice(signatories + cast["outsiders"][:1]))
        if len(s.facts["statistics"]) == before:
            break
    if len(figures) > 4 and rng.random() < 0.5:  # a second subhead halfway
        figures.insert(len(figures) // 2 + 1, Para(s.pick(theme.subheads)))
    blocks.append(figures)
    rng.shuffle(blocks)

    # The photo and the header.
    photo = rng.random() < 0.5
    header = [f"Published: {published:%H:%M}, {MONTHS[published.month - 1]} {published.day}, "
              f"{published.year} | Updated: {updated:%H:%M}, {MONTHS[updated.month - 1]} "
              f"{updated.day}, {updated.year}",
              theme.headline.format(region=theme.region, outsider=outsider.name)]
    publisher = rng.choice(PUBLISHERS)
    byline = f"{rng.choice(FIRST)} {s.pick(LAST)}" if rng.random() < 0.6 else None
    header.append(f"By {byline}, {publisher}" if byline else f"By {publisher}")
    header_para = Para("")
    if photo:
        pictured = [s.person(st) for st in signatories]
        agency = rng.choice(AGENCIES)
        caption = (f"(From left) {join([p.intro for p in pictured])} at a news conference after "
                   f"signing the {pact} in {place} on {MONTHS[signed.month - 1]} {signed.day}, "
                   f"{signed.year}.")
        credit = f"PHOTO / {agency.upper()}"
        header.append(f"{caption} ({credit})")
        agency_id = s._add(slug(agency), {"name": agency, "kind": "news_agency"})
        s.mention(agency_id, header_para, agency.upper())
        for p in pictured:
            s.mention(p.id, header_para, p.full)
        image = rng.random() < 0.5
        fact: dict[str, object] = {
            "credit": credit, "agency": agency_id, "pictured": [p.id for p in pictured],
            "place": place, "date": signed.isoformat()}
        if image:
            fact["image"] = {"path": IMAGE.name, "alt": f"{len(pictured)} ministers stand behind "
                             "a table at a news conference."}
        s.add("photos", "ph", {**fact, "evidence": [Ref(header_para, caption)]})
    header_para.text = "\n".join(header)

    # Interstitials and filler paragraphs, anywhere after the lead.
    body = [p for block in blocks for p in block]
    related = []
    for label, title in zip(("ALSO READ", "READ MORE"),
                            rng.sample(theme.related, rng.randint(1, 2)), strict=False):
        body.insert(rng.randint(1, len(body)), Para(f"{label}: {title}"))
        related.append({"title": title, "url": f"https://wire.example.org/{published.year}/"
                                               f"{slug(title)}"})
    target = rng.randint(*WORDS)
    words = sum(len(p.text.split()) for p in (header_para, lead_para, *body))
    home = rng.choice(signatories)
    fill = {"region": theme.region, "short": theme.short, "state": home.name,
            "adj": home.adjective,
            "other": outsider.name, "capital": place, "year_before": year - rng.randint(2, 9),
            "year_after": year + rng.randint(3, 6), "month": rng.choice(MONTHS),
            "n": rng.randint(12, 90)}
    background = [b.format(**fill) for b in (*theme.background, *BACKGROUND)]
    rng.shuffle(background)
    while words < target:
        # Background sentences first; the synthetic ones only when those run out.
        count = rng.randint(1, 3)
        sentences = [background.pop() if background else sentence(rng) for _ in range(count)]
        filler = Para(" ".join(sentences))
        body.insert(rng.randint(1, len(body)), filler)
        words += len(filler.text.split())
    paragraphs = [header_para, lead_para, *body]
    text = "\n\n".join(p.text for p in paragraphs) + "\n"

    story_id = f"story-{index:04d}"
    article: dict[str, object] = {
        "id": story_id, "text_file": f"{story_id}.txt",
        "title": header[1], "publisher": publisher}
    if byline:
        article["byline"] = byline
    article.update({"agency": publisher, "url": f"https://wire.example.org/{year}/{story_id}",
                    "language": "en", "published": published.isoformat(),
                    "updated": updated.isoformat(), "related": related})
    lead_fact = s.facts["commitments"][0]
    points = [f"{join([st.name for st in signatories])} signed the {pact}: "
              f"{lead_fact['action']}."]
    if s.facts["statistics"]:
        first = s.facts["statistics"][0]
        points.append(f"{cap(str(first['measure']))}: {first['value']} {first['unit']}.")
    data: dict[str, object] = {"factsheet": 1, "articles": [article],
                               "parties": list(s.parties.values()),
                               **{k: v for k, v in s.facts.items() if v},
                               "summary": {"key_points": points}}
    resolve(data, text, paragraphs)
    return text, data, bool(s.facts["photos"] and "image" in s.facts["photos"][0])


def resolve(data: object, text: str, paragraphs: list[Para]) -> None:
    """Replace every ``Ref`` in ``data`` by a quote, with ``occurrence`` where needed."""
    starts, offset = {}, 0
    for para in paragraphs:
        starts[id(para)] = offset
        offset += len(para.text) + 2
    article = ArticleText("story", text)

    def evidence(ref: Ref) -> object:
        start = starts[id(ref.para)]
        local = ref.para.text.find(ref.quote)
        if local < 0:
            raise AssertionError(f"quote {ref.quote!r} is not in its paragraph")
        spans, _ = article.find(ref.quote)
        places = [n for n, span in enumerate(spans, 1) if span.start >= start + local]
        if not places:
            raise AssertionError(f"quote {ref.quote!r} not found at word boundaries")
        if len(spans) == 1:
            return ref.quote
        return {"quote": ref.quote, "occurrence": places[0]}

    def walk(node: object) -> object:
        if isinstance(node, Ref):
            return evidence(node)
        if isinstance(node, dict):
            for key, value in node.items():
                node[key] = walk(value)
        elif isinstance(node, list):
            node[:] = [walk(v) for v in node]
        return node

    walk(data)
    assert isinstance(data, dict)
    for quotation in data.get("quotations", []):
        if quotation["evidence"] == [quotation["text"]]:
            del quotation["evidence"]  # unique in the text: the text itself is looked up


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:  # factsheet refuses YAML aliases
        return True


def write_story(folder: Path, index: int, seed: int) -> tuple[Path, bool]:
    """Write ``story-NNNN.yaml`` and ``.txt``; return the YAML path and whether it uses the
    image file."""
    for attempt in range(20):
        rng = random.Random(f"story-{seed}-{index}-{attempt}")
        text, data, image = build_story(rng, index)
        parties = len(data["parties"])  # type: ignore[arg-type]
        statistics = len(data.get("statistics", []))  # type: ignore[attr-defined, arg-type]
        if (PARTIES[0] <= parties <= PARTIES[1]
                and STATISTICS[0] <= statistics <= STATISTICS[1]):
            break
    else:
        raise AssertionError(f"no story {index} within the limits in 20 attempts")
    stem = f"story-{index:04d}"
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    head = (f"# Annotations for {stem}.txt (factsheet native format, version 1), generated by "
            f"benchmarks/generate.py (seed {seed}).\n")
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)
    path = folder / f"{stem}.yaml"
    path.write_text(head + body, encoding="utf-8")
    return path, image


def generate(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` stories into ``folder`` (created if missing); return the YAML paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, image = [], False
    for index in range(1, count + 1):
        path, uses = write_story(folder, index, seed)
        paths.append(path)
        image = image or uses
    if image:
        shutil.copyfile(IMAGE, folder / IMAGE.name)
    return paths


def describe(paths: list[Path]) -> str:
    """One line on what the stories hold: words, parties, facts (min-median-max)."""
    measures: dict[str, list[int]] = {k: [] for k in (
        "words", "KiB", "parties", "commitments", "positions", "quotations", "statistics")}
    photos = 0
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        measures["words"].append(len(text.split()))
        measures["KiB"].append(round((len(text.encode()) + path.stat().st_size) / 1024))
        for key in ("parties", "commitments", "positions", "quotations", "statistics"):
            measures[key].append(len(data.get(key, [])))
        photos += bool(data.get("photos"))

    def spread(values: list[int]) -> str:
        ordered = sorted(values)
        return f"{ordered[0]}-{ordered[len(ordered) // 2]}-{ordered[-1]}"

    return (", ".join(f"{key} {spread(values)}" for key, values in measures.items())
            + f" (min-median-max); {photos} of {len(paths)} with a photo")


def check(paths: list[Path]) -> Counter[str]:
    """Run the pipeline on each file; return the diagnostics counted by severity and code."""
    from factsheet.pipeline import process

    found: Counter[str] = Counter()
    for path in paths:
        for d in process(path).diagnostics:
            found[f"{d.severity} {d.code}"] += 1
            if d.severity == "error":
                print(f"{path.name}: {d.code} {d.message}", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the stories")
    parser.add_argument("--count", type=int, default=1000, help="how many (1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed (1)")
    parser.add_argument("--check", action="store_true",
                        help="run the pipeline on every file; exit 1 on any error")
    args = parser.parse_args()
    started = time.perf_counter()
    paths = generate(args.folder, args.count, args.seed)
    print(f"wrote {len(paths)} stories to {args.folder} in "
          f"{time.perf_counter() - started:.1f} s: {describe(paths)}")
    if args.check:
        found = check(paths)
        print("diagnostics: " + (", ".join(f"{k} x{v}" for k, v in sorted(found.items()))
                                 or "none"))
        return 1 if any(k.startswith("error") for k in found) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
