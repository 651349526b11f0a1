"""Actor names in ACLED's style.

ACLED names a state's forces by country and by the period of the government
they serve ("Military Forces of Russia (2000-)"), crowds and victims by their
country ("Protesters (Sudan)", "Civilians (Ukraine)") and keeps the names of
armed groups ("Wagner Group", "RSF: Rapid Support Forces").  The periods below
are the ones ACLED used in 2022 for the countries that recur in conflict news;
a country not listed gets no period, which an analyst sees at once.
"""

from __future__ import annotations

import re
from typing import Final

from wirelens import lexicon

# Country -> the period string of its current government, as ACLED writes it.
PERIODS: Final[dict[str, str]] = {
    "Russia": "2000-", "Ukraine": "2019-", "Belarus": "1994-", "Sudan": "2019-",
    "South Sudan": "2011-", "Mali": "2021-", "Burkina Faso": "2022-", "Niger": "2023-",
    "Nigeria": "2023-", "Chad": "2021-", "Cameroon": "1982-", "Somalia": "2022-",
    "Ethiopia": "2018-", "Eritrea": "1993-", "Kenya": "2022-", "Uganda": "1986-",
    "Democratic Republic of Congo": "2019-", "Rwanda": "1994-", "Burundi": "2005-",
    "Central African Republic": "2016-", "Mozambique": "1990-", "Libya": "2021-",
    "Egypt": "2014-", "Algeria": "2019-", "Morocco": "1999-", "Tunisia": "2019-",
    "Israel": "2022-", "Palestine": "1994-", "Lebanon": "2021-", "Syria": "2000-",
    "Iraq": "2022-", "Iran": "1989-", "Yemen": "2012-", "Saudi Arabia": "2015-",
    "Turkey": "2016-", "Afghanistan": "2021-", "Pakistan": "2022-", "India": "2014-",
    "Myanmar": "2021-", "Bangladesh": "2009-", "Philippines": "2022-", "China": "2012-",
    "North Korea": "2011-", "South Korea": "2022-", "Japan": "2012-", "Armenia": "2018-",
    "Azerbaijan": "2003-", "Georgia": "2013-", "Moldova": "2021-", "Poland": "2015-",
    "United States": "2021-", "United Kingdom": "2010-", "France": "2017-",
    "Germany": "2021-", "Mexico": "2018-", "Colombia": "2022-", "Brazil": "2023-",
    "Venezuela": "1999-", "Haiti": "2021-", "Guinea": "2021-", "Senegal": "2012-",
    "Mauritania": "2019-", "Togo": "2005-", "Benin": "2016-", "Ghana": "2017-",
    "Kazakhstan": "2019-", "Tajikistan": "1994-", "Kyrgyzstan": "2021-", "Chile": "2022-",
    "Australia": "2022-", "Honduras": "2022-",
}
# Governments that changed: before the date, ACLED used the earlier period.  The
# dates are the days the new governments took office; the periods are the ones
# the ACLED 2022 sample uses (e.g. "Military Forces of Pakistan (2018-2022)").
EARLIER_PERIODS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "Pakistan": (("2022-04-11", "2018-2022"),),
    "Somalia": (("2022-05-15", "2017-2022"),),
    "Philippines": (("2022-06-30", "2016-2022"),),
    "South Korea": (("2022-05-10", "2017-2022"),),
    "Kenya": (("2022-09-13", "2013-"),),
    "Colombia": (("2022-08-07", "2018-"),),
    "Israel": (("2021-06-13", "2009-"), ("2022-12-29", "2021-")),
    "Iraq": (("2022-10-27", "2020-"),),
    "Brazil": (("2023-01-01", "2019-"),),
    "Burkina Faso": (("2022-01-24", "2015-"),),
    "Chile": (("2022-03-11", "2018-2022"),),
    "Australia": (("2022-05-23", "2013-2022"),),
    "Honduras": (("2022-01-27", "2010-2022"),),
    "Niger": (("2023-07-26", "2021-"),),
    "Nigeria": (("2023-05-29", "2015-"),),
}


def period(country: str, date: str | None = None) -> str | None:
    """ACLED's period string for the government of ``country`` on ``date`` (ISO)."""
    current = PERIODS.get(country)
    if date is None or current is None:
        return current
    for until, earlier in EARLIER_PERIODS.get(country, ()):
        if date[:10] < until:
            return earlier
    return current


# ACLED writes some country names with an article.
ACLED_COUNTRY: Final[dict[str, str]] = {
    "DR Congo": "the Democratic Republic of Congo",
    "Democratic Republic of Congo": "the Democratic Republic of Congo",
    "Democratic Republic of the Congo": "the Democratic Republic of Congo",
    "Central African Republic": "the Central African Republic",
    "United States": "the United States", "United Kingdom": "the United Kingdom",
    "Philippines": "the Philippines", "Netherlands": "the Netherlands",
}
# Country names as GeoNames and our lexicon spell them -> ACLED's spelling.
COUNTRY_ALIASES: Final[dict[str, str]] = {
    "DR Congo": "Democratic Republic of Congo", "Congo": "Democratic Republic of Congo",
    "Democratic Republic of the Congo": "Democratic Republic of Congo",
    "Palestinian Territory": "Palestine", "State of Palestine": "Palestine",
    "Türkiye": "Turkey", "Burma": "Myanmar",
    # GeoNames' spellings where ACLED's data writes another (checked against the country
    # column of ../shared/benchmarks/acled/acled_events.csv)
    "Czechia": "Czech Republic", "The Netherlands": "Netherlands", "Cabo Verde": "Cape Verde",
    "Timor Leste": "East Timor", "Eswatini": "eSwatini", "Guernsey": "Bailiwick of Guernsey",
    "Republic of the Congo": "Congo", "Ivory Coast": "Ivory Coast",
    "Russian Federation": "Russia", "US": "United States", "USA": "United States",
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "America": "United States", "Gaza": "Palestine", "Gaza Strip": "Palestine",
    "West Bank": "Palestine",
}

# Named groups: a lower-case key in the text -> ACLED's name.
NAMED_GROUPS: Final[dict[str, str]] = {
    "wagner": "Wagner Group", "wagner group": "Wagner Group",
    "rapid support forces": "RSF: Rapid Support Forces", "rsf": "RSF: Rapid Support Forces",
    "sudanese armed forces": "state:Sudan",
    "saf": "state:Sudan",
    "hamas": "Hamas Movement", "qassam brigades": "Hamas Movement",
    "hezbollah": "Hezbollah", "houthis": "Military Forces of Yemen (2016-) Supreme Political "
    "Council", "houthi": "Military Forces of Yemen (2016-) Supreme Political Council",
    "ansar allah": "Military Forces of Yemen (2016-) Supreme Political Council",
    "islamic state": "Islamic State", "isis": "Islamic State", "isil": "Islamic State",
    "daesh": "Islamic State",
    # the branches under ACLED's names (checked against ../shared/benchmarks/acled)
    "iswap": "Islamic State (West Africa) - Lake Chad Faction",
    "islamic state west africa province": "Islamic State (West Africa) - Lake Chad Faction",
    "islamic state west africa": "Islamic State (West Africa) - Lake Chad Faction",
    "islamic state sahel province": "Islamic State (Sahel)",
    "islamic state in the greater sahara": "Islamic State (Sahel)", "isgs": "Islamic State (Sahel)",
    "jas": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "fdlr": "FDLR: Democratic Forces for the Liberation of Rwanda",
    "democratic forces for the liberation of rwanda":
    "FDLR: Democratic Forces for the Liberation of Rwanda",
    "jnim": "JNIM: Group for Support of Islam and Muslims",
    "al-shabaab": "Al Shabaab", "al-shabab": "Al Shabaab", "al shabaab": "Al Shabaab",
    "boko haram": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "m23": "M23: March 23 Movement", "march 23 movement": "M23: March 23 Movement",
    "adf": "ADF: Allied Democratic Forces", "allied democratic forces":
    "ADF: Allied Democratic Forces", "taliban": "Taliban", "pkk": "PKK: Kurdistan Workers Party",
    "sdf": "QSD: Syrian Democratic Forces", "syrian democratic forces":
    "QSD: Syrian Democratic Forces", "ypg": "YPG: Peoples Protection Units",
    "hts": "HTS: Hayat Tahrir al Sham", "hayat tahrir al-sham": "HTS: Hayat Tahrir al Sham",
    "tplf": "TPLF: Tigray People's Liberation Front", "fano": "Fano Militia",
    "arakan army": "AA: Arakan Army", "pdf": "PDF: People's Defense Force",
    "people's defence force": "PDF: People's Defense Force",
    "people’s defence force": "PDF: People's Defense Force",
    "tatmadaw": "state:Myanmar", "azov": "Military Forces of Ukraine "
    "(2019-) Special Operations Detachment Azov", "idf": "state:Israel",
    "israel defense forces": "state:Israel",
    "central command": "state:United States", "centcom": "state:United States",
    "dpr": "Donetsk People's Republic", "lpr": "Luhansk People's Republic",
    "akhmat": "Military Forces of Russia (2000-) Chechen Battalion of Ramzan Kadyrov",
    "janjaweed": "Janjaweed Militia", "al-qaeda": "Al Qaeda", "africa corps":
    "Military Forces of Russia (2000-) Africa Corps", "sbu": "Police Forces of Ukraine (2019-) "
    "Security Service of Ukraine", "fsb": "Police Forces of Russia (2000-) Federal Security "
    "Service", "islamic jihad": "PIJ: Palestinian Islamic Jihad",
    "codeco": "CODECO: Cooperative for Development of Congo", "wazalendo": "Wazalendo Militia",
}
MILITARY_NOUNS: Final = frozenset("""
    forces force troops troop army military soldiers soldier servicemen marines navy
    paratroopers artillery gunners units unit brigade brigades battalion battalions regiment
    division jets warplanes aircraft pilots drones drone defence defense tanks commanders
    armed air-force airforce fleet sappers gunboats warships infantry
""".split())
POLICE_NOUNS: Final = frozenset("""
    police policemen policeman officers gendarmes gendarmerie riot security guards guard
    guardsmen
""".split())
GOVERNMENT_NOUNS: Final = frozenset("""
    government ministry minister president presidency officials official authorities
    spokesman spokeswoman spokesperson kremlin cabinet parliament diplomats diplomat
    foreign administration leader leaders envoy office prime junta council mayor governor
""".split())
CIVILIAN_NOUNS: Final = frozenset("""
    civilians civilian residents resident villagers villager people children child women
    woman men man family families farmers farmer students student worshippers passengers
    patients teachers teacher journalists journalist refugees displaced herders traders
    shoppers pedestrians workers worker aid volunteers volunteer homes houses school schools
    hospital hospitals market apartment neighborhood neighbourhood buildings building
    infrastructure
""".split())
PROTESTER_NOUNS: Final = frozenset("""
    protesters protester demonstrators demonstrator marchers activists activist crowds crowd
    students workers supporters strikers unions union teachers nurses doctors farmers
    pensioners mourners
""".split())
RIOTER_NOUNS: Final = frozenset({"rioters", "mob", "mobs", "looters", "youths", "vigilantes"})
UNIDENTIFIED_NOUNS: Final = frozenset("""
    gunmen gunman assailants assailant attackers attacker militants militant fighters
    fighter insurgents insurgent jihadists jihadist bandits bandit kidnappers kidnapper
    rebels rebel militia militiamen armed men unknown unidentified suspected
""".split())

_WORD = re.compile(r"[\w’'-]+")


def acled_country(country: str | None) -> str | None:
    if not country:
        return None
    return COUNTRY_ALIASES.get(country, country)


def _written(country: str) -> str:
    return ACLED_COUNTRY.get(country, country)


def state_force(country: str, *, police: bool = False, date: str | None = None) -> str:
    """'Military Forces of Russia (2000-)', 'Police Forces of Sudan (2019-)'."""
    kind = "Police" if police else "Military"
    since = period(country, date)
    name = f"{kind} Forces of {_written(country)}"
    return f"{name} ({since})" if since else name


def government(country: str, *, date: str | None = None) -> str:
    since = period(country, date)
    name = f"Government of {_written(country)}"
    return f"{name} ({since})" if since else name


def crowd(kind: str, country: str | None) -> str:
    """'Civilians (Ukraine)', 'Protesters (Sudan)', 'Unidentified Armed Group (Mali)'."""
    return f"{kind} ({country})" if country else kind


def is_state(actor: str | None) -> bool:
    return actor is not None and actor.startswith(("Military Forces of", "Police Forces of",
                                                   "Government of"))


def country_of_words(words: list[str]) -> str | None:
    """The country named by a demonym or a country name among ``words``."""
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            bare = phrase.removesuffix("’s").removesuffix("'s")
            if lexicon.DEMONYMS.get(bare):
                return acled_country(lexicon.DEMONYMS[bare])
            if bare.endswith("s") and bare[:-1] in lexicon.DEMONYMS and \
                    lexicon.DEMONYMS[bare[:-1]]:
                return acled_country(lexicon.DEMONYMS[bare[:-1]])
            if bare in PERIODS or bare in COUNTRY_ALIASES:
                return acled_country(bare)
    return None


_ATTACK_NOUNS: Final = frozenset({"assault", "assaults", "attack", "attacks", "offensive",
                                 "incursion", "incursions", "advance", "advances"})


def normalise(phrase: str, *, country_hint: str | None, role: str = "agent",
              diplomatic: bool = False, date: str | None = None) -> str | None:
    """An actor phrase from the text -> ACLED's name, or None when it names no actor.

    ``country_hint`` is the event's country, for crowds and unidentified groups;
    ``role`` is "agent" or "target" (a target crowd is civilians, an agent crowd
    protesters); ``diplomatic`` makes a bare country its government.
    """
    text = " ".join(phrase.split())
    low = text.lower().removeprefix("the ")
    for key in sorted(NAMED_GROUPS, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", low):
            # "Hamas", "the RSF": a known group, unless only as its adversary's target
            name = NAMED_GROUPS[key]
            if name.startswith("state:"):
                return state_force(name[6:], date=date)
            return name
    words = _WORD.findall(text)
    lows = {w.lower() for w in words}
    country = country_of_words(words)
    if country is not None:
        if lows & POLICE_NOUNS:
            return state_force(country, police=True, date=date)
        if diplomatic or lows & GOVERNMENT_NOUNS:
            if lows & MILITARY_NOUNS and not diplomatic:
                return state_force(country, date=date)
            return government(country, date=date)
        if lows & CIVILIAN_NOUNS:
            return crowd("Civilians", country)
        if lows & PROTESTER_NOUNS:
            return crowd("Protesters" if role == "agent" else "Civilians", country)
        if lows & (MILITARY_NOUNS | _ATTACK_NOUNS) or len(words) <= 2:
            # "Russian forces", "Ukraine", "Russia's": a state acting is its armed forces;
            # "nine Russian assaults" were made by them
            return state_force(country, date=date)
        return None
    if lows & {"police", "policemen", "gendarmes", "gendarmerie"} and country_hint:
        return state_force(country_hint, police=True, date=date)
    if lows & RIOTER_NOUNS:
        return crowd("Rioters", country_hint)
    if lows & PROTESTER_NOUNS and role == "agent" and not lows & CIVILIAN_NOUNS - PROTESTER_NOUNS:
        return crowd("Protesters", country_hint)
    if lows & CIVILIAN_NOUNS:
        return crowd("Civilians", country_hint)
    if lows & UNIDENTIFIED_NOUNS:
        return crowd("Unidentified Armed Group", country_hint)
    if lows & {"army", "military", "troops", "soldiers", "forces", "government", "junta"} \
            and country_hint:
        return (government(country_hint, date=date) if diplomatic
                else state_force(country_hint, date=date))
    return None
