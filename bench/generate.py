#!/usr/bin/env python3
"""Generate a realistic, deterministic factcheck corpus with planted conflicts.

    python bench/generate.py OUTDIR --sources N --claims-per-source M [--seed S] [--conflict-rate R]
                             [--sources-per-resolution K] [--shape mix|diverse|syndication|dense]

writes

    OUTDIR/entities.yaml          resolutions (body: unsc, adopted_on), the council (members: 15),
                                  countries, outlets, a few hundred people and commodities
    OUTDIR/primary/unscr-NNNN.yaml one `kind: primary` claim file per resolution
    OUTDIR/news/<source-id>.yaml  N news or wire claim files with M claims each
    OUTDIR/expected.json          the planted conflicts and the findings they must produce

Claims follow the mix of the example corpus (claims/): votes ("15-0", "unanimously",
"15-to-nothing"), dates ("December 22", "2017-12-22", "on Friday"), quantities with hedges and
magnitudes ("nearly 90 percent", "$400 million a year", "about 7.5 million metric tons"), measures
that match the primary one (synonyms such as limit/prohibit/expel, amounts rounded so that they
still agree), quotes and free-text statements.

Every correct value's interval contains the primary's value, so correct claims agree with the
primary and with each other. With probability R a claim that has a primary counterpart (vote,
adoption date, reduction, count, measure) is written with a planted value instead. The planted
value of a fact is fixed per fact (every planted vote on Resolution 2397 says the same wrong
tally), so planted claims never disagree with one another, and each disagrees with exactly one
primary claim: each planted claim gives exactly one FC106 contradicts-primary. They disagree with
correct news claims too, but no FC101/FC102/FC103 follows: where a primary source states the fact,
news claims are judged against it only, not against each other (docs/design.md §5).

News sources are spread over the resolutions in publication order, about K sources per
resolution (--sources-per-resolution, default 20: round(N / K) resolutions). The default
concentrates the cardinality-one facts (votes, adoption dates, reductions, counts, events) on a
few resolutions; a small K (1 or 2) gives N or N / 2 resolutions, hundreds to thousands of them at
100,000 claims, so those facts spread over many subject-predicate keys, as in a newsroom repository
that covers years of resolutions (bench/shacl.py compares FC101 with pySHACL on such a corpus). Adoption dates still
advance 15 to 45 days per resolution, so a long run of resolutions reaches far into the future;
nothing in factcheck compares dates with today. With the default K, expected.json does not name K,
and the output is the same bytes as before the option existed.

--shape chooses what the news claims are. `mix` (the default) is all of the above. The other shapes
are those a newsroom's corpus takes that the mix does not, each of one kind of claim (see SHAPES):
`diverse` statements that rarely share words, `syndication` quotes and statements copied across
files and speakers with some copies drifted by a word, `dense` the same few facts stated by every
file with a few distinct values. They plant nothing (FC106 0); `dense` makes outlet-vs-outlet
conflicts (FC101) on purpose, on every one of its facts.

Same arguments, same bytes: all randomness comes from one random.Random(seed), nothing iterates
over a set or depends on hash randomization, and no timestamps are written. Files are written as
YAML text directly (no YAML library), so 100,000 claims take a few seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import random
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = """
Amina Boris Carla Dmitri Elena Farid Grace Hiro Ingrid Jamal Karin Luis Mei Nadia Omar Priya
Quentin Rosa Samir Tamara Umar Vera Wen Ximena Yusuf Zofia Abdul Beatriz Chen Daria Emeka Fatima
Goran Hana Ivan Jasmine Kofi Leila Marco Noor Olga Pablo Rania Sven Tariq Ursula Viktor Wanjiru
Yara Zhou Anders Bianca Cyrus Dalia Erik Freya Gustavo Helga Idris Joanna Kenji Lucia Mateo
""".split()
LAST_NAMES = """
Abara Bakr Castell Dimitrov Eriksen Fontaine Garcia Haddad Ibrahim Jansen Kowalski Lindqvist
Moreau Nakamura Okafor Petrova Quispe Rahman Sato Tanaka Umarov Varga Wagner Xu Yilmaz Zeller
Adeyemi Brennan Costa Delacroix Esposito Fischer Gonzaga Horvat Ivanova Jovanovic Kimura Larsen
Mensah Novak Oduya Pereira Quinlan Rossi Schmidt Takahashi Ueda Vasquez Weber Yamamoto Zielinski
Ahmadi Bergstrom Cardoso Duarte Eklund Ferreira Gallo Hoffmann Iwasaki Jensen Kaplan Lombardi
Marchetti Nilsen Osei Pham Ramos Silva Torres Uchida Volkov Whitfield Yoshida Zamora
""".split()
COUNTRIES = """
North Korea|Iran|Libya|Mali|South Sudan|Yemen|Somalia|Central African Republic|Sudan|Haiti
China|Russia|United States|France|United Kingdom|Japan|South Korea|Germany|India|Brazil
Egypt|Nigeria|Kenya|Ethiopia|Mexico|Argentina|Norway|Sweden|Italy|Spain|Turkey|Indonesia
Vietnam|Malaysia|Ghana|Senegal|Peru|Chile|Poland|Ukraine|Kazakhstan|Pakistan
""".replace("\n", "|").strip("|").split("|")
SANCTIONED = COUNTRIES[:10]
COUNCIL = ["China", "Russia", "United States", "France", "United Kingdom", "Japan", "Egypt", "Senegal",
           "Sweden", "Italy", "Kazakhstan", "Ethiopia", "Ukraine", "Brazil", "Norway"]
CITIES = """
Lagos Nairobi Accra Dakar Cairo Tunis Lisbon Madrid Lyon Milan Zurich Vienna Prague Warsaw Riga
Oslo Bergen Helsinki Kyiv Ankara Tbilisi Almaty Karachi Mumbai Dhaka Colombo Hanoi Manila Jakarta
Perth Auckland Osaka Busan Taipei Lima Quito Bogota Caracas Havana Montreal Denver Boston Austin
Halifax Belfast Cardiff Leeds Glasgow Dublin Geneva Hamburg Leipzig Gdansk Sofia Skopje Split
""".split()
OUTLET_NOUNS = ["Herald", "Courier", "Tribune", "Observer", "Gazette", "Chronicle", "Post", "Times",
                "Standard", "Dispatch", "Ledger", "Monitor", "Daily", "Review", "Journal", "Sentinel"]
WIRES = ["Reuters", "Associated Press", "Agence France-Presse", "Yonhap", "Kyodo News", "Anadolu Agency",
         "EFE", "ANSA", "Deutsche Presse-Agentur", "Xinhua", "TASS", "Press Trust of India"]
MINERALS = """
coal|iron|lead|zinc|copper|nickel|silver|gold|titanium|vanadium|cobalt|tungsten|molybdenum
manganese|chromium|bauxite|tin|magnesite|graphite|lithium|uranium|antimony|bismuth|platinum
palladium|rare earth|beryllium|cadmium|gallium|germanium
""".replace("\n", "|").strip("|").split("|")
MINERAL_FORMS = ["", " ore", " concentrates"]
MINERAL_NAMES = {m + form for m in MINERALS for form in MINERAL_FORMS}
FUELS = {"refined petroleum products", "crude oil", "natural gas condensates", "liquefied natural gas",
         "diesel fuel", "jet fuel", "kerosene", "gasoline", "lubricants"}
GOODS = """
seafood|textiles|refined petroleum products|crude oil|natural gas condensates|liquefied natural gas
wood|timber|vessels|fishing vessels|helicopters|aircraft parts|industrial machinery|electrical equipment
transportation vehicles|earth and stone|food and agricultural products|fertilizer|cement|steel pipes
aluminium sheets|copper wire|machine tools|precision instruments|dual-use equipment|night-vision devices
luxury watches|yachts|racing cars|snowmobiles|jewelry|precious stones|lead crystal|porcelain tableware
rugs and tapestries|fur products|leather goods|cosmetics|perfume|wine|spirits|tobacco|caviar
carbon fiber|ball bearings|centrifuges|vacuum pumps|frequency changers|pressure transducers
maraging steel|aluminium alloys|rocket fuel|lubricants|diesel fuel|jet fuel|kerosene|gasoline
statues|paintings|sculptures|coins|banknotes|gold bullion|silk|wool|cotton|rubber|plastics
chemicals|pharmaceutical precursors|laboratory equipment|sonar systems|radar systems|drones
satellite components|telecommunications equipment|computers|software|printing presses|tractors
trucks|buses|locomotives|rail cars|cranes|excavators|bulldozers|generators|transformers|batteries
solar panels|turbines|pumps|valves|boilers|furnaces|ammunition|small arms|armored vehicles
""".replace("\n", "|").strip("|").split("|")
GROUPS = [
    ("workers-abroad", "nationals earning income abroad", ["workers abroad", "overseas workers", "labourers working overseas"]),
    ("designated-individuals", "individuals subject to asset freezes and travel bans", ["designated individuals"]),
    ("designated-entities", "entities subject to asset freezes", ["designated entities"]),
    ("joint-ventures", "joint ventures with designated entities", ["new joint ventures"]),
    ("bank-accounts", "bank accounts of diplomatic missions", ["mission bank accounts"]),
    ("cargo-inspections", "cargo to and from the sanctioned state", ["cargo inspections", "suspect cargo"]),
]
ROLES = ["ambassador to the United Nations", "foreign minister", "deputy foreign minister",
         "sanctions analyst", "defense minister", "trade minister", "spokesperson", "envoy"]
TITLES = {"ambassador to the United Nations": "Ambassador", "foreign minister": "Foreign Minister",
          "deputy foreign minister": "Deputy Foreign Minister", "defense minister": "Defense Minister",
          "trade minister": "Trade Minister", "envoy": "Envoy"}

# Quote words: nouns, verbs and adjectives in several forms (about 1,050 distinct tokens, drawn
# uniformly), so unrelated quotes share few three-word runs.
_NOUNS = """
action agreement alliance ambition answer approach area arms attempt authority balance ban border
budget burden campaign capacity cargo choice claim coalition commitment community concern conduct
conflict consensus consequence control cooperation council country course crisis danger deal
decision defense delegation demand design dialogue diplomacy direction discussion dispute document
economy effect effort election element embargo energy enforcement envoy escalation evidence
exchange failure family force framework freedom friend future goal government ground growth
guarantee history hope idea impact incentive industry influence initiative interest island issue
labor law leader level limit line market measure message method minister mission moment movement
nation need neighbor network norm obligation offer office opportunity option order outcome partner
path patience peace people period plan pledge point policy position power pressure principle
priority problem process program progress promise proposal prospect protection provision purpose
question reason region regime relief report request resolve response responsibility result right
risk road round rule safety sanction schedule security sector signal situation society solution
stability stance standard statement step strategy strength struggle support system talk target
tension term test threat time tool trade treaty trust truth unity value violation voice vote war
warning way weapon window word world year
""".split()
_VERBS = """
accept achieve act address adopt advance affirm agree aim allow appeal applaud argue assess assure
avoid back believe block build call change choose close commit condemn confirm consider continue
count cut defend deliver demand deny deserve deter develop doubt draft ease encourage end engage
ensure expect face fail fear follow force help hold honor impose improve include increase insist
invite isolate join judge keep lead learn leave limit listen maintain manage matter meet monitor
move need negotiate note observe offer open oppose pass pay plan prepare press prevent promise
protect prove pursue push raise reach recall recognize reduce reflect reject remain remind remove
repeat resist respect respond restore return review seek send share show sign signal solve stand
start stop strengthen support sustain take tighten track trust turn urge value verify wait want warn
watch welcome work
""".split()
_ADJECTIVES = """
able balanced bold broad careful central clear collective common complete concrete constructive
credible critical decisive deep diplomatic direct durable effective equal essential fair final
firm formal frank full global grave historic honest immediate important inclusive joint just
lasting legal legitimate long lower major meaningful modest mutual narrow national necessary
new open patient peaceful practical precise proper prudent quick rapid real reasonable regional
responsible robust serious severe shared short significant simple sincere small solid steady
strict strong sudden targeted tough true unanimous urgent useful vital wide wise
""".split()
FUNCTION_WORDS = "the a this that our their we they it will must should can not only all every no more".split()


_IRREGULAR = {
    "build": "built", "choose": "chosen", "cut": "cut", "hold": "held", "keep": "kept", "lead": "led",
    "leave": "left", "meet": "met", "pay": "paid", "send": "sent", "show": "shown", "stand": "stood",
    "take": "taken", "learn": "learned", "set": "set",
}
_UNCOUNTABLE = {"arms", "diplomacy", "enforcement", "evidence", "labor", "patience", "peace", "progress",
                "relief", "safety", "security", "stability", "strength", "trust", "truth", "unity", "energy",
                "freedom", "growth", "history", "influence", "protection", "support", "trade", "control"}


def _doubles(word: str) -> bool:
    """stop -> stopped, plan -> planned (short consonant-vowel-consonant verbs)."""
    vowels = "aeiou"
    return (len(word) <= 4 and word[-1] not in vowels + "wxy" and word[-2] in vowels and word[-3] not in vowels)


def _verb_forms(v: str) -> list[str]:
    if v.endswith("e"):
        past, ing = v + "d", v[:-1] + "ing"
    elif v.endswith("y") and v[-2] not in "aeiou":
        past, ing = v[:-1] + "ied", v + "ing"
    elif _doubles(v):
        past, ing = v + v[-1] + "ed", v + v[-1] + "ing"
    else:
        past, ing = v + "ed", v + "ing"
    if v.endswith(("s", "sh", "ch", "x")):
        third = v + "es"
    elif v.endswith("y") and v[-2] not in "aeiou":
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    return [v, _IRREGULAR.get(v, past), ing, third]


def _plural(n: str) -> str | None:
    if n in _UNCOUNTABLE or n.endswith("s"):
        return None
    if n.endswith(("sh", "ch", "x")):
        return n + "es"
    if n.endswith("y") and n[-2] not in "aeiou":
        return n[:-1] + "ies"
    return n + "s"


def _adverb(a: str) -> str:
    if a.endswith("le"):
        return a[:-1] + "y"
    if a.endswith("y"):
        return a[:-1] + "ily"
    if a.endswith("ic"):
        return a + "ally"
    if a == "true":
        return "truly"
    if a.endswith("ll"):
        return a + "y"
    return a + "ly"


def _vocabulary() -> list[str]:
    words: dict[str, None] = {}
    for n in _NOUNS:
        words[n] = None
        plural = _plural(n)
        if plural:
            words[plural] = None
    for v in _VERBS:
        for form in _verb_forms(v):
            words[form] = None
    for a in _ADJECTIVES:
        words[a] = None
        words[_adverb(a)] = None
    return list(words)


VOCABULARY = _vocabulary()


def _invented_words(n: int) -> list[str]:
    """`n` distinct pronounceable words (the real vocabulary is too small for the diverse shape)."""
    onsets = ["b", "br", "c", "cl", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r", "s",
              "st", "t", "tr", "v", "w", "z"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    codas = ["", "n", "r", "s", "l", "m", "nd", "st"]
    syllables = [o + v + c for o in onsets for v in vowels for c in codas]
    words: list[str] = []
    for first in syllables:
        for second in syllables[::7]:
            words.append(first + second)
            if len(words) == n:
                return words
    return words

STATEMENT_TEMPLATES_RES = [
    "{res} tightens sanctions on {country}",
    "{res} was drafted by {drafter}",
    "{drafter} drafted {res} after weeks of negotiations",
    "{res} targets {country}'s exports of {good}",
    "{res} follows a missile test by {country}",
    "{res} expands the list of goods {country} may not import, including {good}",
    "{res} was adopted after {country} rejected earlier demands",
    "{res} requires member states to report on enforcement",
    "{res} keeps a humanitarian exemption for aid deliveries to {country}",
    "{res} renews the mandate of the panel of experts on {country}",
    "Diplomats said {res} was weaker than {drafter} had wanted",
    "{res} was the result of a compromise between {drafter} and {other}",
    "{other} voted for {res} but criticized the focus on sanctions",
    "{res} bans the sale of {good} to {country}",
    "{res} gives member states new powers to inspect cargo bound for {country}",
]
STATEMENT_TEMPLATES_PERSON = [
    "{person} welcomed the adoption of {res}",
    "{person} said the sanctions would not change {country}'s behavior",
    "{person} called for a return to talks with {country}",
    "{person} warned that {country} was expanding its weapons programs",
    "{person} met counterparts from {other} to discuss enforcement",
    "{person} criticized {other} for weak enforcement of earlier sanctions",
    "{person} urged {country} to engage with the international community",
    "{person} said the door remained open for negotiations",
    "{person} accused {country} of evading sanctions through ship-to-ship transfers",
    "{person} described the vote as a clear message to {country}",
]
EVENTS = ["remarks to the press", "visit to {city}", "meeting with {other} officials", "briefing to the council",
          "interview with state media", "speech at a security forum", "talks in {city}"]
HEADLINES = [
    "Security Council adopts new sanctions on {country}",
    "U.N. tightens sanctions on {country} in {vote} vote",
    "{res}: what the new sanctions mean for {country}",
    "Council backs {drafter}-drafted measures against {country}",
    "New U.N. curbs on {good} aim to squeeze {country}",
    "{country} condemns Security Council vote",
]

MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Share of news claims per predicate (the example corpus: mostly statements and quotes).
CLAIM_MIX = [("statement", 32), ("quote", 25), ("measure", 20), ("vote", 5), ("adopted_on", 5),
             ("occurred_on", 5), ("reduction", 4), ("count", 4)]
# Average number of sources that repeat one pooled quote, statement or event.
REUSE = {"quote": 4, "statement": 3, "occurred_on": 5}

# Corpus shapes (--shape). `mix` is the example corpus's mix above; the others are the shapes a
# newsroom's corpus takes that the mix does not, each made of one kind of claim:
#   diverse      own-voice statements that rarely share words: DIVERSE_WORDS words each, drawn from a
#                vocabulary of DIVERSE_VOCABULARY words, about DIVERSE_SUBJECTS subjects
#   syndication  a pool of SYNDICATED quotes and as many statements, copied across the files (a quote
#                by one of SYNDICATED_SPEAKERS speakers); DRIFT of the copies have one word changed
#   dense        DENSE_FACTS subject-predicate-qualifier facts stated by every file, each with one
#                of DENSE_VALUES distinct values
SHAPES = ("mix", "diverse", "syndication", "dense")
DIVERSE_WORDS = 12
DIVERSE_VOCABULARY = 6000
DIVERSE_SUBJECTS = 5
SYNDICATED = 300
SYNDICATED_SPEAKERS = 5
DRIFT = 0.1
DENSE_FACTS = 50
DENSE_VALUES = 3


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("" if ones == 0 else "-" + _ONES[ones])


THE_COUNTRIES = {"United States", "United Kingdom", "Central African Republic"}


def the(country: str) -> str:
    """'the United States' in running text."""
    return f"the {country}" if country in THE_COUNTRIES else country


def slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in out.split("-") if p)


# ---------------------------------------------------------------------------------------------
# YAML text
# ---------------------------------------------------------------------------------------------

_PLAIN_SPECIAL = {"yes", "no", "y", "n", "true", "false", "on", "off", "null", "~"}


_PLAIN_BLOCK = re.compile(r"[A-Za-z][A-Za-z0-9_ .,'()/$%-]*")
_PLAIN_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9_ .'-]*")


def q(text: str) -> str:
    """A YAML scalar in block context: plain when that reads back as the same string, else quoted."""
    if (_PLAIN_BLOCK.fullmatch(text) and text.lower() not in _PLAIN_SPECIAL and not text.endswith(" ")
            and " #" not in text):
        return text
    return json.dumps(text)


def qf(text: str) -> str:
    """A YAML scalar inside a flow mapping or sequence: also no commas or brackets."""
    if _PLAIN_FLOW.fullmatch(text) and text.lower() not in _PLAIN_SPECIAL and not text.endswith(" "):
        return text
    return json.dumps(text)


def flow(mapping: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k}: {qf(v)}" for k, v in mapping.items()) + "}"


# ---------------------------------------------------------------------------------------------
# Numbers and their implied precision (docs/design.md §4), to keep rounded amounts in agreement
# ---------------------------------------------------------------------------------------------

def implied_half_width(digits: str, scale: int) -> Fraction:
    """min(half a unit of the last significant digit, 1% of |v|) for a number written as digits."""
    s = digits.replace(",", "")
    if "." in s:
        unit = Fraction(1, 10 ** len(s.split(".")[1]))
    else:
        stripped = s.rstrip("0")
        unit = Fraction(10 ** (len(s) - len(stripped))) if stripped else Fraction(1)
    value = Fraction(s) * scale
    return min(unit * scale / 2, abs(value) / 100)


def hedged_interval(hedge: str, digits: str, scale: int) -> tuple[Fraction | None, Fraction | None]:
    v = Fraction(digits.replace(",", "")) * scale
    d = implied_half_width(digits, scale)
    if hedge == "about":
        return v * Fraction(95, 100) - d, v * Fraction(105, 100) + d
    if hedge == "nearly":
        return v * Fraction(95, 100), v + d
    if hedge == "at least":
        return v - d, None
    if hedge == "at most":
        return None, v + d
    return v - d, v + d


HEDGE_WORDS = {
    "": [""],
    "about": ["about ", "around ", "roughly ", "some ", "approximately "],
    "nearly": ["nearly ", "almost ", "just under "],
    "at least": ["more than ", "over ", "at least "],
    "at most": ["up to ", "no more than ", "at most "],
}


def _fmt_decimal(x: Fraction, decimals: int) -> str:
    scaled = round(x * 10 ** decimals)
    text = str(scaled)
    if decimals == 0:
        return text
    text = text.rjust(decimals + 1, "0")
    return text[:-decimals] + "." + text[-decimals:]


def number_renderings(value: int) -> list[tuple[str, int, str]]:
    """(digits, scale, suffix) ways to write `value` or a rounding of it."""
    out: list[tuple[str, int, str]] = [(f"{value:,}", 1, "")]
    for magnitude, word, short in ((10 ** 9, " billion", "bn"), (10 ** 6, " million", "m")):
        if value >= magnitude:
            for decimals in (0, 1, 2):
                digits = _fmt_decimal(Fraction(value, magnitude), decimals)
                if decimals and digits.endswith("0"):
                    continue
                out.append((digits, magnitude, word))
                if decimals <= 1:
                    out.append((digits, magnitude, short))
            break
    else:
        if value >= 10_000:
            for places in (3, 4):
                rounded = round(value, -places)
                if rounded:
                    out.append((f"{rounded:,}", 1, ""))
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=None)
def _agreeing(value: int) -> tuple[tuple[str, str, int, str], ...]:
    found = []
    for digits, scale, suffix in number_renderings(value):
        for hedge in ("", "about", "nearly", "at least", "at most"):
            lo, hi = hedged_interval(hedge, digits, scale)
            if (lo is None or lo <= value) and (hi is None or value <= hi):
                found.append((hedge, digits, scale, suffix))
    return tuple(found)


def agreeing_amount(value: int, rng: random.Random) -> tuple[str, str, int, str]:
    """A (hedge words, digits, scale, suffix) rendering whose interval contains `value`."""
    hedge, digits, scale, suffix = rng.choice(_agreeing(value))
    return rng.choice(HEDGE_WORDS[hedge]), digits, scale, suffix


UNITS = {
    "USD": (["$", "US$", "US$ "], [" dollars", " US dollars"]),
    "metric ton": ([], [" metric tons", " tons", " tonnes"]),
    "barrel": ([], [" barrels"]),
}
RATES = [" a year", " per year", " annually", " per 12 months"]


def render_amount(hedge: str, digits: str, suffix: str, unit: str, rate: str, rng: random.Random) -> str:
    prefixes, suffixes = UNITS[unit]
    if prefixes and (rng.random() < 0.8 or suffix in ("m", "bn")):
        return f"{hedge}{rng.choice(prefixes)}{digits}{suffix}{rate}"
    if suffix in ("m", "bn"):
        suffix = {"m": " million", "bn": " billion"}[suffix]
    return f"{hedge}{digits}{suffix}{rng.choice(suffixes)}{rate}"


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

def date_forms(day: dt.date, published: dt.date) -> list[str]:
    """Texts that mean `day` (or a period containing it) in a source published on `published`."""
    forms = [
        day.isoformat(),
        f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}",
        f"{MONTH_ABBR[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}",
        f"{MONTH_NAMES[day.month - 1]} {day.year}",
    ]
    offset = (published - day).days
    if 0 <= offset < 365 and not (day.month == 2 and day.day == 29):
        forms += [f"{MONTH_NAMES[day.month - 1]} {day.day}", f"on {MONTH_ABBR[day.month - 1]} {day.day}"]
    if 0 <= offset <= 6:
        weekday = WEEKDAYS[day.weekday()]
        forms += [weekday, f"on {weekday}", f"on {weekday}"]
    if (day.year, day.month) == (published.year, published.month):
        forms.append("this month")
    if day.year == published.year:
        forms.append("this year")
    return forms


# ---------------------------------------------------------------------------------------------
# The world: entities, resolutions, pools of quotes and statements
# ---------------------------------------------------------------------------------------------

@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)  # rendered YAML values


@dataclass
class MeasureSpec:
    claim: str
    action: str
    target: Entity
    direction: str | None
    amount: int | None = None
    unit: str | None = None
    rate: str | None = None
    months: int | None = None  # repatriation deadline "within N months"
    condition: str | None = None
    planted: dict[str, str] | None = None  # the wrong value, identical for every planted claim


@dataclass
class Resolution:
    number: int
    entity: Entity
    adopted: dt.date
    country: str
    drafter: str
    vote: tuple[int, int, int]
    planted_vote: str
    planted_date: str
    reductions: list[tuple[Entity, int, str]]  # (commodity, percent, planted text)
    counts: list[tuple[Entity, int, str]]  # (group, number, planted text)
    measures: list[MeasureSpec]
    quotes: list[tuple[Entity, list[list[str]]]] = field(default_factory=list)  # speaker, sentences
    statements: list[tuple[str, list[str]]] = field(default_factory=list)  # subject, text variants
    events: list[tuple[Entity, str, dt.date]] = field(default_factory=list)

    @property
    def mentions(self) -> list[str]:
        return [self.entity.aliases[0], self.entity.aliases[0], self.entity.aliases[1], self.entity.name,
                f"Resolution No. {self.number}", self.entity.aliases[3]]


SOURCES_PER_RESOLUTION = 20  # the default: news sources per resolution


class World:
    def __init__(self, rng: random.Random, sources: int, claims_per_source: int,
                 sources_per_resolution: int = SOURCES_PER_RESOLUTION) -> None:
        self.rng = rng
        self.sources = sources
        self.claims_per_source = claims_per_source
        self.entities: list[Entity] = []
        self._keys: set[str] = set()
        n_res = max(1, round(sources / sources_per_resolution))
        self.countries = {name: self._add(Entity(slug(name), name, "country")) for name in COUNTRIES}
        self.council = self._add(Entity("unsc", "United Nations Security Council", "organization",
                                        ["Security Council", "UNSC", "U.N. Security Council", "UN Security Council"],
                                        [("members", "15")]))
        self.outlets = self._make_outlets(max(8, min(400, sources // 4)))
        self.outlet_order = rng.sample(self.outlets, len(self.outlets))
        self.people = self._make_people(300)
        self.commodities = self._make_commodities()
        self.groups = [self._add(Entity(gid, name, "group", aliases)) for gid, name, aliases in GROUPS]
        self.resolutions = self._make_resolutions(n_res)
        self.events: dict[tuple[str, str], dt.date] = {}
        self.speakers = [p for p in self.people if p.attributes[0][1] != "sanctions analyst"]

    # -- entities --------------------------------------------------------------------------

    def _add(self, entity: Entity) -> Entity:
        """Every id, name and alias is unique after normalization, so every mention is exact."""
        keys = [" ".join(slug(m).split("-")) for m in (entity.id, entity.name, *entity.aliases)]
        keys = list(dict.fromkeys(keys))
        if any(k in self._keys for k in keys):
            raise ValueError(f"generator bug: {entity.name} collides with another entity")
        self._keys.update(keys)
        self.entities.append(entity)
        return entity

    def _make_outlets(self, n: int) -> list[Entity]:
        rng = self.rng
        outlets = [self._add(Entity(slug(w), w, "outlet", [], [("kind", "wire service")])) for w in WIRES]
        names = [f"The {city} {noun}" for city in CITIES for noun in OUTLET_NOUNS]
        rng.shuffle(names)
        for name in names[: max(0, n - len(outlets))]:
            outlets.append(self._add(Entity(slug(name.removeprefix("The ")), name, "outlet", [name.removeprefix("The ")])))
        return outlets

    def _make_people(self, n: int) -> list[Entity]:
        rng = self.rng
        combos = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
        rng.shuffle(combos)
        people = []
        for first, last in combos[:n]:
            role = rng.choice(ROLES)
            country = rng.choice(COUNTRIES)
            aliases = [f"{first[0]}. {last}"]
            if " ".join(slug(aliases[0]).split("-")) in self._keys:
                aliases = []  # another person already answers to "A. Garcia"
            title = TITLES.get(role)
            if title:
                aliases.append(f"{title} {first} {last}")
            attributes = [("role", qf(role)), ("country", slug(country))]
            people.append(self._add(Entity(slug(f"{first} {last}"), f"{first} {last}", "person", aliases, attributes)))
        return people

    def _make_commodities(self) -> list[Entity]:
        names = [m + form for m in MINERALS for form in MINERAL_FORMS] + GOODS
        return [self._add(Entity(slug(n), n, "commodity")) for n in dict.fromkeys(names)]

    # -- resolutions -------------------------------------------------------------------------

    def _make_resolutions(self, n: int) -> list[Resolution]:
        rng = self.rng
        resolutions = []
        number = 1700
        day = dt.date(2006, 1, 1)
        for _ in range(n):
            number += rng.randint(3, 12)
            day += dt.timedelta(days=rng.randint(15, 45))
            if day.month == 2 and day.day == 29:
                day += dt.timedelta(days=1)
            year = day.year
            entity = self._add(Entity(
                f"unscr-{number}", f"UN Security Council Resolution {number}", "resolution",
                [f"Resolution {number}", f"UNSCR {number}", f"S/RES/{number} ({year})", f"Resolution {number} ({year})"],
                [("body", "unsc"), ("adopted_on", day.isoformat())]))
            country = rng.choice(SANCTIONED)
            drafter = rng.choice(["United States", "France", "United Kingdom", "Japan", "Norway"])
            if rng.random() < 0.8:
                vote = (15, 0, 0)
                planted_vote = rng.choice(["14-1", "14-0-1", "13-0-2", "13-2", "with 14 votes in favor"])
            else:
                abstain = rng.randint(1, 3)
                vote = (15 - abstain, 0, abstain)
                planted_vote = rng.choice(["unanimously", "15-0", "15-0-0"])
            planted_date = (day - dt.timedelta(days=rng.randint(8, 40))).isoformat()
            pool = rng.sample(self.commodities, 10)
            reductions = []
            for commodity in pool[:2]:
                percent = rng.randint(30, 95)
                wrong = percent - rng.randint(18, 25) if percent > 55 else percent + rng.randint(18, 25)
                reductions.append((commodity, percent, f"{wrong} percent"))
            counts = []
            for group in self.groups[1:3]:
                k = rng.randint(3, 40)
                counts.append((group, k, str(k + rng.randint(3, 9))))
            measures = self._make_measures(pool[2:], day)
            resolutions.append(Resolution(number, entity, day, country, drafter, vote, planted_vote, planted_date,
                                          reductions, counts, measures))
        return resolutions

    def _make_measures(self, commodities: list[Entity], adopted: dt.date) -> list[MeasureSpec]:
        rng = self.rng
        measures: list[MeasureSpec] = []
        for commodity in commodities[: rng.randint(4, 7)]:
            direction = rng.choice(["export", "export", "import"])
            kind = rng.random()
            if kind < 0.45:
                measures.append(MeasureSpec(f"{commodity.id}-ban", "ban", commodity, direction,
                                            planted={"action": "limit"}))
            else:
                if commodity.name in FUELS:
                    unit = rng.choice(["barrel", "barrel", "metric ton"])
                elif commodity.name in MINERAL_NAMES:
                    unit = rng.choice(["metric ton", "USD"])
                else:
                    unit = "USD"
                if unit == "USD":
                    amount = rng.randint(20_000_000, 2_000_000_000)
                elif unit == "metric ton":
                    amount = rng.choice([rng.randint(100_000, 9_000_000), rng.randint(2, 90) * 100_000])
                else:
                    amount = rng.choice([rng.randint(1, 40) * 100_000, rng.randint(1, 9) * 1_000_000])
                rate = rng.choice([" per year", " per 12 months"])
                wrong = amount * rng.choice([3, 4]) if rng.random() < 0.5 else max(1, amount // rng.choice([3, 4]))
                wrong = int(round(wrong, -(len(str(wrong)) - 2)))
                spec = MeasureSpec(f"{commodity.id}-cap", "cap", commodity, direction, amount, unit, rate,
                                   condition=f"from 1 January {adopted.year + 1}" if rng.random() < 0.3 else None)
                if rng.random() < 0.5:
                    spec.planted = {"action": "prohibit"}
                else:
                    spec.planted = {"action": "limit", "amount": self._wrong_amount(wrong, unit, rate)}
                measures.append(spec)
        workers, individuals, entities, ventures, accounts, cargo = self.groups
        months = rng.choice([12, 18, 24, 36])
        if rng.random() < 0.6:
            measures.append(MeasureSpec("workers-repatriate", "repatriate", workers, None, months=months,
                                        planted={"action": "repatriate", "deadline": f"within {months // 2} months"}))
        else:
            measures.append(MeasureSpec("workers-freeze", "freeze", workers, None, planted={"action": "prohibit"}))
        measures.append(MeasureSpec("designate-individuals", "designate", individuals, None,
                                    planted={"action": "designate", "force": "non-binding"}))
        measures.append(MeasureSpec("designate-entities", "designate", entities, None,
                                    planted={"action": "designate", "force": "non-binding"}))
        if rng.random() < 0.5:
            measures.append(MeasureSpec("joint-venture-ban", "ban", ventures, None, planted={"action": "limit"}))
        if rng.random() < 0.5:
            measures.append(MeasureSpec("cargo-inspection", "inspect", cargo, None,
                                        planted={"action": "inspect", "force": "non-binding"}))
        return measures

    @staticmethod
    def _wrong_amount(value: int, unit: str, rate: str) -> str:
        if value >= 1_000_000:
            digits = _fmt_decimal(Fraction(value, 1_000_000), 1).removesuffix(".0")
            number = f"{digits} million"
        else:
            number = f"{value:,}"
        if unit == "USD":
            return f"US${number}{rate}"
        return f"{number} {'metric tons' if unit == 'metric ton' else 'barrels'}{rate}"

    # -- pools (per resolution, sized so each item is repeated by a few sources) -------------

    def fill_pools(self, res: Resolution) -> None:
        rng = self.rng
        per_res = self.sources / len(self.resolutions)
        weights = dict(CLAIM_MIX)
        total = sum(weights.values())

        def size(kind: str) -> int:
            mentions = per_res * self.claims_per_source * weights[kind] / total
            return max(6, math.ceil(mentions / REUSE[kind]))

        speakers = rng.sample(self.speakers, min(len(self.speakers), 12))
        for _ in range(size("quote")):
            speaker = rng.choice(speakers)
            sentences = []
            for _ in range(rng.choice([1, 1, 2, 3])):
                words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 16))]
                sentences.append(words)
            res.quotes.append((speaker, sentences))
        others = [c for c in COUNCIL if c != res.drafter]
        for _ in range(size("statement")):
            fill = {
                "res": rng.choice(res.mentions), "country": the(res.country), "drafter": the(res.drafter),
                "other": the(rng.choice(others)), "good": rng.choice(self.commodities).name,
            }
            if rng.random() < 0.6:
                template = rng.choice(STATEMENT_TEMPLATES_RES)
                subject = fill["res"]
            else:
                person = rng.choice(speakers)
                template = rng.choice(STATEMENT_TEMPLATES_PERSON)
                subject = rng.choice([person.name, person.name, *person.aliases])
                fill["person"] = person.name
            text = template.format(**fill)
            text = text[0].upper() + text[1:]
            variants = [text, text + rng.choice([", diplomats said", ", according to officials", ", officials said"])]
            res.statements.append((subject, variants))
        for _ in range(size("occurred_on")):
            person = rng.choice(speakers)
            label = rng.choice(EVENTS).format(city=rng.choice(CITIES), other=the(rng.choice(others)))
            # One date per (person, event) in the whole corpus: an event is one fact.
            day = self.events.setdefault((person.id, label), res.adopted - dt.timedelta(days=rng.randint(0, 20)))
            if all((p.id, l) != (person.id, label) for p, l, _ in res.events):
                res.events.append((person, label, day))


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def entities_yaml(world: World, seed: int) -> str:
    lines = [f"# Generated by bench/generate.py (seed {seed}). Every mention in the corpus resolves here exactly.",
             "entities:"]
    current = None
    for e in world.entities:
        if e.type != current:
            current = e.type
            lines.append(f"  # --- {e.type} ---")
        lines.append(f"  - id: {e.id}")
        lines.append(f"    name: {q(e.name)}")
        lines.append(f"    type: {e.type}")
        if e.aliases:
            lines.append("    aliases: [" + ", ".join(qf(a) for a in e.aliases) + "]")
        if e.attributes:
            lines.append("    attributes: {" + ", ".join(f"{k}: {v}" for k, v in e.attributes) + "}")
    return "\n".join(lines) + "\n"


def measure_value(spec: MeasureSpec, *, primary: bool, rng: random.Random) -> dict[str, str]:
    """The measure as a mapping of YAML-ready strings; news use synonyms and rounded amounts."""
    synonyms = {
        "ban": ["ban", "prohibit", "bar", "embargo", "forbid"],
        "cap": ["cap", "limit", "restrict", "cap", "curb"],
        "freeze": ["freeze", "no increase", "hold"],
        "repatriate": ["repatriate", "expel", "send home", "repatriate"],
        "designate": ["designate", "blacklist", "designate", "sanction"],
        "inspect": ["inspect", "search", "inspect"],
    }
    value = {"action": spec.action if primary else rng.choice(synonyms[spec.action])}
    target = spec.target
    value["target"] = target.name if primary or not target.aliases or rng.random() < 0.6 else rng.choice(target.aliases)
    if spec.direction:
        value["direction"] = spec.direction
    if spec.amount is not None and (primary or rng.random() < 0.7):
        if primary:
            unit_word = {"USD": None, "metric ton": " metric tons", "barrel": " barrels"}[spec.unit]
            value["amount"] = (f"US${spec.amount:,}" if unit_word is None else f"{spec.amount:,}{unit_word}") + spec.rate
        else:
            hedge, digits, _scale, suffix = agreeing_amount(spec.amount, rng)
            value["amount"] = render_amount(hedge, digits, suffix, spec.unit, rng.choice(RATES), rng)
    if spec.months is not None and (primary or rng.random() < 0.8):
        forms = [f"within {spec.months} months"]
        if spec.months % 12 == 0:
            years = spec.months // 12
            forms += [f"within {number_words(years)} year{'s' if years > 1 else ''}", f"within {years * 12} months"]
        value["deadline"] = forms[0] if primary else rng.choice(forms)
    if primary and spec.condition:
        value["condition"] = spec.condition
    return value


def render_claim(lines: list[str], claim: dict[str, object]) -> None:
    lines.append(f"  - id: {claim['id']}")
    for key in ("subject", "predicate"):
        if key in claim:
            lines.append(f"    {key}: {q(str(claim[key]))}")
    value = claim["value"]
    if isinstance(value, dict):
        if len(value) <= 3 and all(len(v) < 40 for v in value.values()):
            lines.append(f"    value: {flow(value)}")
        else:
            lines.append("    value:")
            lines.extend(f"      {k}: {q(v)}" for k, v in value.items())
    else:
        text = str(value)
        lines.append(f"    value: {json.dumps(text) if any(c.isdigit() for c in text) else q(text)}")
    if "qualifiers" in claim:
        lines.append(f"    qualifiers: {flow(claim['qualifiers'])}")  # type: ignore[arg-type]
    if "said_by" in claim:
        lines.append(f"    said_by: {q(str(claim['said_by']))}")
    if "note" in claim:
        lines.append(f"    note: {q(str(claim['note']))}")


def primary_yaml(res: Resolution) -> str:
    e = res.entity
    year = res.adopted.year
    lines = [
        f"# Resolution {res.number} ({year}), adopted by the Security Council on {res.adopted.isoformat()}.",
        "# Facts taken from the resolution itself (generated).",
        "source:",
        f"  id: {e.id}",
        "  outlet: United Nations Security Council",
        f"  published: {res.adopted.isoformat()}",
        f"  title: {q(f'Resolution {res.number} ({year})')}",
        f"  url: https://undocs.org/S/RES/{res.number}({year})",
        "  kind: primary",
        "claims:",
    ]
    mention = e.aliases[0]
    render_claim(lines, {"id": "adopted-on", "subject": mention, "predicate": "adopted_on", "value": res.adopted.isoformat()})
    f, a, ab = res.vote
    lines.append("  - id: vote")
    lines.append(f"    subject: {mention}")
    lines.append("    predicate: vote")
    lines.append(f"    value: {{for: {f}, against: {a}, abstain: {ab}}}")
    for commodity, percent, _ in res.reductions:
        render_claim(lines, {"id": f"reduction-{commodity.id}", "subject": mention, "predicate": "reduction",
                             "value": f"{percent} percent", "qualifiers": {"of": commodity.name}})
    for group, k, _ in res.counts:
        render_claim(lines, {"id": f"count-{group.id}", "subject": mention, "predicate": "count",
                             "value": str(k), "qualifiers": {"of": group.aliases[0]}})
    lines.append("")
    lines.append("  # --- measures ---")
    for spec in res.measures:
        render_claim(lines, {"id": spec.claim, "subject": mention, "predicate": "measure",
                             "value": measure_value(spec, primary=True, rng=random.Random(0))})
    return "\n".join(lines) + "\n"


@dataclass
class Planted:
    source: str
    claim: str
    path: str
    predicate: str
    value: str
    primary: str  # "source-id/claim-id" of the primary claim it contradicts


class NewsWriter:
    def __init__(self, world: World, rate: float, shape: str = "mix") -> None:
        self.world = world
        self.rng = world.rng
        self.rate = rate
        self.shape = shape
        self.planted: list[Planted] = []
        self.claims = 0
        self._ids: set[str] = set()
        self._shaped = ShapedClaims(world, shape) if shape != "mix" else None

    def source_id(self, outlet: Entity, published: dt.date) -> str:
        base = f"{outlet.id}-{published.isoformat()}"
        sid, n = base, 1
        while sid in self._ids:
            n += 1
            sid = f"{base}-{n}"
        self._ids.add(sid)
        return sid

    def write(self, index: int, outdir: Path) -> tuple[str, str]:
        world, rng = self.world, self.rng
        res_index = min(len(world.resolutions) - 1, index * len(world.resolutions) // world.sources)
        res = world.resolutions[res_index]
        # Big outlets publish more (a skewed pick over a shuffled order); wires publish the same day.
        outlet = world.outlet_order[int(len(world.outlet_order) * rng.random() ** 1.8)]
        wire = outlet.id in {slug(w) for w in WIRES}
        r = rng.random()
        delay = 0 if wire or r < 0.45 else rng.randint(1, 6) if r < 0.85 else rng.randint(7, 300)
        published = res.adopted + dt.timedelta(days=delay)
        sid = self.source_id(outlet, published)
        path = f"news/{sid}.yaml"
        earlier = world.resolutions[max(0, res_index - 12):res_index]
        lines = [f"# {outlet.name}, {published.isoformat()}, on Resolution {res.number} (generated).", "source:",
                 f"  id: {sid}", f"  outlet: {q(rng.choice([outlet.name, *outlet.aliases]))}"]
        if rng.random() < 0.2:
            stamp = f"{published.isoformat()}T{rng.randint(6, 22):02d}:{rng.choice(['00', '15', '30', '45'])}:00Z"
            lines.append(f"  published: {stamp}")
        else:
            lines.append(f"  published: {published.isoformat()}")
        fill = {"country": the(res.country), "res": res.entity.aliases[0], "drafter": res.drafter,
                "good": res.measures[0].target.name, "vote": "unanimous" if res.vote[0] == 15 else "divided"}
        lines.append(f"  title: {json.dumps(rng.choice(HEADLINES).format(**fill))}")
        if rng.random() < 0.5:
            lines.append(f"  url: https://news.example.org/{sid}")
        person = rng.choice(world.people)
        lines.append(f"  authors: [{qf(person.name)}]")
        lines.append(f"  kind: {'wire' if wire else 'news'}")
        if not wire and rng.random() < 0.12:
            lines.append(f"  derived_from: [{qf(rng.choice(WIRES))}]")
        lines.append("claims:")
        counters: dict[str, int] = {}
        kinds = [k for k, _ in CLAIM_MIX]
        weights = [w for _, w in CLAIM_MIX]
        for _ in range(world.claims_per_source):
            if self._shaped is not None:
                claim = self._shaped.claim()
            else:
                kind = rng.choices(kinds, weights)[0]
                about = res if not earlier or rng.random() < 0.85 else rng.choice(earlier)
                if not about.quotes:
                    world.fill_pools(about)
                claim = self.claim(kind, about, published)
                if claim is None:  # nothing of this kind to say (e.g. no event on or before publication)
                    claim = self.claim("statement", about, published)
            base = str(claim.pop("base"))
            counters[base] = counters.get(base, 0) + 1
            claim = {"id": base if counters[base] == 1 else f"{base}-{counters[base]}", **claim}
            planted = claim.pop("planted", None)
            if planted is not None:
                self.planted.append(Planted(sid, str(claim["id"]), path, str(claim["predicate"]),
                                            json.dumps(claim["value"]) if isinstance(claim["value"], dict) else str(claim["value"]),
                                            f"{about.entity.id}/{planted}"))
            render_claim(lines, claim)
            self.claims += 1
        return path, "\n".join(lines) + "\n"

    def plant(self) -> bool:
        return self.rng.random() < self.rate

    def claim(self, kind: str, res: Resolution, published: dt.date) -> dict[str, object] | None:
        rng = self.rng
        subject = rng.choice(res.mentions)
        if kind == "vote":
            if self.plant():
                return {"base": "vote", "subject": subject, "predicate": "vote", "value": res.planted_vote, "planted": "vote"}
            f, a, ab = res.vote
            if ab == 0:
                forms = ["15-0", "15-0-0", "unanimously", "unanimous", "15-to-nothing", "15 to 0", "fifteen to zero",
                         "with 15 votes in favor", "a unanimous 15-0 vote", "adopted unanimously"]
            else:
                forms = [f"{f}-0-{ab}", f"{f}-0", f"{f}-0 with {ab} abstention{'s' if ab > 1 else ''}",
                         f"with {f} votes in favor", f"{f} in favor, none against, {ab} abstaining",
                         f"{number_words(f)} to nothing with {number_words(ab)} abstention{'s' if ab > 1 else ''}"]
            return {"base": "vote", "subject": subject, "predicate": "vote", "value": rng.choice(forms)}
        if kind == "adopted_on":
            if self.plant():
                return {"base": "adopted", "subject": subject, "predicate": "adopted_on", "value": res.planted_date,
                        "planted": "adopted-on"}
            return {"base": "adopted", "subject": subject, "predicate": "adopted_on",
                    "value": rng.choice(date_forms(res.adopted, published))}
        if kind == "reduction":
            commodity, percent, wrong = rng.choice(res.reductions)
            claim: dict[str, object] = {"base": f"{commodity.id}-cut", "subject": subject, "predicate": "reduction",
                                        "qualifiers": {"of": commodity.name}}
            if rng.random() < 0.3:
                claim["said_by"] = rng.choice(res.quotes)[0].name
            if self.plant():
                claim.update(value=wrong, planted=f"reduction-{commodity.id}")
            else:
                claim["value"] = self._percent(percent)
            return claim
        if kind == "count":
            group, k, wrong = rng.choice(res.counts)
            claim = {"base": f"{group.id}-count", "subject": subject, "predicate": "count",
                     "qualifiers": {"of": rng.choice([group.aliases[0], group.name])}}
            if self.plant():
                claim.update(value=wrong, planted=f"count-{group.id}")
            else:
                claim["value"] = rng.choice([str(k), str(k), number_words(k) if k < 100 else str(k)])
            return claim
        if kind == "measure":
            spec = rng.choice(res.measures)
            claim = {"base": spec.claim, "subject": subject, "predicate": "measure"}
            if spec.planted is not None and self.plant():
                value = dict(spec.planted)
                value = {"action": value.pop("action"), "target": spec.target.name,
                         **({"direction": spec.direction} if spec.direction else {}), **value}
                claim.update(value=value, planted=spec.claim)
            else:
                claim["value"] = measure_value(spec, primary=False, rng=rng)
            return claim
        if kind == "occurred_on":
            events = [e for e in res.events if e[2] <= published]
            if not events:
                return None
            person, label, day = events[int(len(events) * rng.random() ** 1.5)]
            return {"base": f"{person.id}-event", "subject": rng.choice([person.name, *person.aliases]),
                    "predicate": "occurred_on", "value": rng.choice(date_forms(day, published)),
                    "qualifiers": {"event": label}}
        if kind == "quote":
            speaker, sentences = res.quotes[int(len(res.quotes) * rng.random() ** 1.5)]
            if len(sentences) > 1 and rng.random() < 0.4:
                chosen = [rng.choice(sentences)]  # an excerpt: one sentence of the statement
            else:
                chosen = sentences
            text = " ".join(" ".join(s).capitalize() + "." for s in chosen)
            mention = rng.choice([speaker.name, speaker.name, *speaker.aliases])
            return {"base": f"quote-{speaker.id}", "predicate": "quote", "said_by": mention, "value": text}
        # statement
        subject_text, variants = res.statements[int(len(res.statements) * rng.random() ** 1.3)]
        claim = {"base": "statement", "subject": subject_text, "predicate": "statement",
                 "value": variants[0] if rng.random() < 0.7 else variants[1]}
        if rng.random() < 0.15:
            claim["said_by"] = rng.choice(res.quotes)[0].name
        return claim

    def _percent(self, percent: int) -> str:
        hedge, digits = self.rng.choice(_percent_forms(percent))
        return f"{self.rng.choice(HEDGE_WORDS[hedge])}{digits}" if hedge else digits


class ShapedClaims:
    """The claims of one non-mix shape (see SHAPES), drawn from pools made once per corpus."""

    def __init__(self, world: World, shape: str) -> None:
        if shape not in SHAPES[1:]:
            raise ValueError(f"--shape must be one of {', '.join(SHAPES)}")
        self.rng = world.rng
        self.shape = shape
        res = world.resolutions[0]
        people = world.speakers
        if shape == "diverse":
            self.words = _invented_words(DIVERSE_VOCABULARY)
            self.subjects = [res.entity.name, *(p.name for p in people[: DIVERSE_SUBJECTS - 1])]
        elif shape == "syndication":
            self.quotes = [(self._sentence(VOCABULARY, self.rng.randint(8, 16)),
                            [p.name for p in self.rng.sample(people, SYNDICATED_SPEAKERS)]) for _ in range(SYNDICATED)]
            self.statements = [(self.rng.choice([res.entity.name, *(p.name for p in people[:20])]),
                                self._sentence(VOCABULARY, self.rng.randint(8, 16))) for _ in range(SYNDICATED)]
        else:
            self.facts = []
            for n in range(DENSE_FACTS):
                commodity = world.commodities[n % len(world.commodities)]
                subject = world.resolutions[n % len(world.resolutions)].entity.name
                base = 10 + 5 * (n % 7)
                values = [f"{base + 20 * k} percent" for k in range(DENSE_VALUES)]  # far apart: each pair disagrees
                self.facts.append((f"fact-{n + 1}", subject, {"of": commodity.name}, values))

    def _sentence(self, vocabulary: Sequence[str], size: int) -> str:
        words = [self.rng.choice(vocabulary) for _ in range(size)]
        return " ".join(words).capitalize() + "."

    def _drift(self, text: str) -> str:
        """One word of `text` replaced, in DRIFT of the copies."""
        if self.rng.random() >= DRIFT:
            return text
        words = text.rstrip(".").split()
        words[self.rng.randrange(len(words))] = self.rng.choice(VOCABULARY)
        return " ".join(words).capitalize() + "."

    def claim(self) -> dict[str, object]:
        rng = self.rng
        if self.shape == "diverse":
            return {"base": "statement", "subject": rng.choice(self.subjects), "predicate": "statement",
                    "value": self._sentence(self.words, DIVERSE_WORDS)}
        if self.shape == "syndication":
            if rng.random() < 0.5:
                n = rng.randrange(len(self.quotes))
                text, speakers = self.quotes[n]
                return {"base": f"quote-{n + 1}", "predicate": "quote", "said_by": rng.choice(speakers), "value": self._drift(text)}
            n = rng.randrange(len(self.statements))
            subject, text = self.statements[n]
            return {"base": f"statement-{n + 1}", "subject": subject, "predicate": "statement", "value": self._drift(text)}
        base, subject, qualifiers, values = rng.choice(self.facts)
        return {"base": base, "subject": subject, "predicate": "amount", "qualifiers": dict(qualifiers), "value": rng.choice(values)}


@functools.lru_cache(maxsize=None)
def _percent_forms(percent: int) -> tuple[tuple[str, str], ...]:
    """('' or a hedge class, text) ways to write a percentage so that it contains `percent`."""
    forms = [("", f"{percent} percent"), ("", f"{percent}%"), ("", f"{percent} per cent"),
             ("", f"{number_words(percent)} percent")]
    for base in (5, 10):
        up = -(-percent // base) * base
        down = percent // base * base
        for digits, hedge in ((up, "nearly"), (up, "about"), (down, "about"), (down, "at least")):
            lo, hi = hedged_interval(hedge, str(digits), 1)
            if digits and (lo is None or lo <= percent) and (hi is None or percent <= hi):
                forms.append((hedge, f"{digits} percent"))
    return tuple(dict.fromkeys(forms))


def generate(outdir: Path, sources: int, claims_per_source: int, seed: int = 0, conflict_rate: float = 0.02,
             sources_per_resolution: int = SOURCES_PER_RESOLUTION, shape: str = "mix") -> dict:
    if sources < 1 or claims_per_source < 1:
        raise ValueError("--sources and --claims-per-source must be at least 1")
    if not 0 <= conflict_rate <= 1:
        raise ValueError("--conflict-rate must be between 0 and 1")
    if isinstance(sources_per_resolution, bool) or not isinstance(sources_per_resolution, int) \
            or sources_per_resolution < 1:
        raise ValueError("--sources-per-resolution must be a whole number, at least 1")
    if shape not in SHAPES:
        raise ValueError(f"--shape must be one of {', '.join(SHAPES)}")
    if outdir.exists() and any(outdir.iterdir()):
        if not (outdir / "expected.json").is_file():
            raise ValueError(f"{outdir} is not empty and was not made by this generator; refusing to overwrite")
        for sub in ("primary", "news"):
            shutil.rmtree(outdir / sub, ignore_errors=True)
    (outdir / "primary").mkdir(parents=True, exist_ok=True)
    (outdir / "news").mkdir(parents=True, exist_ok=True)

    rng = random.Random(seed)
    world = World(rng, sources, claims_per_source, sources_per_resolution)
    writer = NewsWriter(world, conflict_rate, shape)
    news = [writer.write(i, outdir) for i in range(sources)]
    # Pools are filled lazily; resolutions nobody wrote about still get their primary file.
    for res in world.resolutions:
        (outdir / "primary" / f"{res.entity.id}.yaml").write_text(primary_yaml(res), encoding="utf-8")
    for path, text in news:
        (outdir / path).write_text(text, encoding="utf-8")
    (outdir / "entities.yaml").write_text(entities_yaml(world, seed), encoding="utf-8")

    primary_claims = sum(2 + len(r.reductions) + len(r.counts) + len(r.measures) for r in world.resolutions)
    generator: dict[str, object] = {"sources": sources, "claims_per_source": claims_per_source, "seed": seed,
                                    "conflict_rate": conflict_rate}
    if sources_per_resolution != SOURCES_PER_RESOLUTION:  # the default leaves expected.json as it always was
        generator["sources_per_resolution"] = sources_per_resolution
    if shape != "mix":  # likewise
        generator["shape"] = shape
    expected = {
        "generator": generator,
        "files": {"news": sources, "primary": len(world.resolutions), "entities": 1},
        "claims": {"news": writer.claims, "primary": primary_claims, "total": writer.claims + primary_claims},
        "entities": len(world.entities),
        "findings": {"FC001": 0, "FC002": 0, "FC003": 0, "FC004": 0, "FC005": 0, "FC006": 0,
                     "FC106": len(writer.planted)},
        "planted": [vars(p) for p in writer.planted],
    }
    (outdir / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sources", type=int, required=True, help="number of news claim files")
    parser.add_argument("--claims-per-source", type=int, required=True, help="claims in each news file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-rate", type=float, default=0.02,
                        help="probability that a claim with a primary counterpart gets a planted wrong value")
    parser.add_argument("--sources-per-resolution", type=int, default=SOURCES_PER_RESOLUTION, metavar="K",
                        help="news sources per resolution: round(N / K) resolutions (default: %(default)s); "
                             "1 or 2 spreads the cardinality-one facts over many keys")
    parser.add_argument("--shape", choices=SHAPES, default="mix",
                        help="what the news claims are: the example corpus's mix (default), or one of the shapes "
                             "of SHAPES in this file")
    args = parser.parse_args(argv)
    try:
        expected = generate(args.outdir, args.sources, args.claims_per_source, args.seed, args.conflict_rate,
                            args.sources_per_resolution, args.shape)
    except ValueError as err:
        print(f"generate.py: {err}", file=sys.stderr)
        return 2
    print(f"{args.outdir}: {expected['files']['news']} news + {expected['files']['primary']} primary files, "
          f"{expected['claims']['total']} claims, {expected['findings']['FC106']} planted conflicts (FC106)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
