"""Hand-written facts the installed data sets lack.

Everything here is common knowledge, written by us, small, and reviewed by
eye: English short forms of country names, the conventional English names of
Ukraine's oblasts (the admin-1 data names them by Ukrainian adjectives such as
"Donetska"), and named regions analysts use that are no admin-1 unit.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ADMIN1_CODES",
    "CASE_SENSITIVE_ALIASES",
    "CITY_ALIASES",
    "COUNTRY_ALIASES",
    "GENERIC_REGION_WORDS",
    "ISO2_IN_NEWS",
    "NAMED_REGIONS",
    "POST_SOVIET",
    "REGION_ALIASES",
    "REGION_NAMES",
    "NamedRegion",
]

# ISO alpha-2 → extra English names used in news copy.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "U.S.", "U.S.A.", "America", "the United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "the United Kingdom"),
    "RU": ("Russian Federation",),
    # "Zaire": the country's name until 1997 (GeoNames has only an Angolan province)
    # "Congo" alone is as often the DRC ("eastern Congo's South Kivu province"): both
    # countries carry it, and the article's other places choose (blind check 40-42)
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "D.R. Congo",
           "Democratic Republic of Congo", "DR of Congo", "Zaire", "Zaïre", "Congo"),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma", "Myanmar"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea", "Republic of Korea"),
    "CZ": ("Czechia", "Czech Republic"),
    "TR": ("Türkiye", "Turkey"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "AE": ("UAE", "U.A.E.", "the Emirates"),
    "TL": ("East Timor", "Timor-Leste"),
    "SZ": ("Eswatini", "Swaziland"),
    "MK": ("North Macedonia", "Macedonia"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "MD": ("Moldova",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "NL": ("Holland", "the Netherlands"),
    "PH": ("the Philippines",),
    "SS": ("South Sudan",),
    "CF": ("CAR", "Central African Republic"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "TW": ("Taiwan",),
    "GM": ("the Gambia", "Gambia"),
}

# Aliases that are only names when written exactly so: "US" is the country,
# "us" is a pronoun.  ISO codes are added to this set at build time.
CASE_SENSITIVE_ALIASES = frozenset({"US", "USA", "UK", "DRC", "DPRK", "UAE", "CAR", "EU", "PRC",
                                    "NSW"})

# The ISO alpha-2 codes that English news writes as a country's name; the others
# ("BA", "ID", "SC", "MW") stand for other things far more often (LGL, TR-News).
ISO2_IN_NEWS = frozenset({"US"})

# Country → (ISO 3166-2 subdivision code → GeoNames admin-1 code), where GeoNames
# numbers the units and the centre-vote join fails: Quebec's centre lies so far
# north that Quebec City's towns voted for New Brunswick.
ADMIN1_CODES: dict[str, dict[str, str]] = {
    "CA": {"AB": "01", "BC": "02", "MB": "03", "NB": "04", "NL": "05", "NS": "07", "ON": "08",
           "PE": "09", "QC": "10", "SK": "11", "YT": "12", "NT": "13", "NU": "14"},
    "AU": {"ACT": "01", "NSW": "02", "NT": "03", "QLD": "04", "SA": "05", "TAS": "06",
           "VIC": "07", "WA": "08"},
}

# GeoNames id → extra names of a city that its alternate names lack.
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    5368361: ("L.A.",),  # Los Angeles
    79415: ("Hodeidah", "Hodeida", "Hudaydah"),  # Al Hudaydah, Yemen's Red Sea port
}

# Country codes whose admin-1 units English copy calls "oblast".
POST_SOVIET = frozenset({"UA", "RU", "BY", "KZ", "KG"})

# ISO 3166-2 code → (English base name, English display name), where the
# admin-1 data has an adjective ("Donetska", "Chechen", "Jewish") for a name.
REGION_NAMES: dict[str, tuple[str, str]] = {
    "UA-05": ("Vinnytsia", "Vinnytsia Oblast"),
    "UA-07": ("Volyn", "Volyn Oblast"),
    "UA-09": ("Luhansk", "Luhansk Oblast"),
    "UA-12": ("Dnipropetrovsk", "Dnipropetrovsk Oblast"),
    "UA-14": ("Donetsk", "Donetsk Oblast"),
    "UA-18": ("Zhytomyr", "Zhytomyr Oblast"),
    "UA-21": ("Zakarpattia", "Zakarpattia Oblast"),
    "UA-23": ("Zaporizhzhia", "Zaporizhzhia Oblast"),
    "UA-26": ("Ivano-Frankivsk", "Ivano-Frankivsk Oblast"),
    "UA-30": ("Kyiv", "Kyiv City"),
    "UA-32": ("Kyiv", "Kyiv Oblast"),
    "UA-35": ("Kirovohrad", "Kirovohrad Oblast"),
    "UA-40": ("Sevastopol", "Sevastopol City"),
    "UA-43": ("Crimea", "Autonomous Republic of Crimea"),
    "UA-46": ("Lviv", "Lviv Oblast"),
    "UA-48": ("Mykolaiv", "Mykolaiv Oblast"),
    "UA-51": ("Odesa", "Odesa Oblast"),
    "UA-53": ("Poltava", "Poltava Oblast"),
    "UA-56": ("Rivne", "Rivne Oblast"),
    "UA-59": ("Sumy", "Sumy Oblast"),
    "UA-61": ("Ternopil", "Ternopil Oblast"),
    "UA-63": ("Kharkiv", "Kharkiv Oblast"),
    "UA-65": ("Kherson", "Kherson Oblast"),
    "UA-68": ("Khmelnytskyi", "Khmelnytskyi Oblast"),
    "UA-71": ("Cherkasy", "Cherkasy Oblast"),
    "UA-74": ("Chernihiv", "Chernihiv Oblast"),
    "UA-77": ("Chernivtsi", "Chernivtsi Oblast"),
    "RU-CE": ("Chechnya", "Chechen Republic"),
    "RU-CU": ("Chuvashia", "Chuvash Republic"),
    "RU-KB": ("Kabardino-Balkaria", "Kabardino-Balkar Republic"),
    "RU-KC": ("Karachay-Cherkessia", "Karachay-Cherkess Republic"),
    "RU-UD": ("Udmurtia", "Udmurt Republic"),
    "RU-YEV": ("Jewish Autonomous Oblast", "Jewish Autonomous Oblast"),
}

# Extra names for admin-1 units, keyed by ISO 3166-2 code.
REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "UA-43": ("Crimea", "Crimean Peninsula", "Crimea region", "Krym", "Republic of Crimea"),
    "UA-14": ("Donetsk People's Republic", "DPR", "Donetsk Province"),
    "UA-09": ("Luhansk People's Republic", "LPR", "Lugansk region", "Lugansk Oblast"),
    "UA-23": ("Zaporozhye region", "Zaporozhye Oblast", "Zaporizhia region"),
    "UA-12": ("Dnipro region", "Dnipropetrovsk region"),
    "UA-63": ("Kharkov region", "Kharkov Oblast"),
    "UA-51": ("Odessa region", "Odessa Oblast"),
    "RU-KRS": ("Kursk Oblast", "Kursk region"),
    "RU-BEL": ("Belgorod Oblast", "Belgorod region"),
    "CA-NL": ("Newfoundland",),
    "AU-NSW": ("NSW",),
    "CA-QC": ("Quebec province", "Province of Quebec"),
}

# Words that are never a region's name on their own ("Northern" district, IL).
GENERIC_REGION_WORDS = frozenset(
    """
    central northern southern eastern western north south east west capital city
    islands island coast coastal upper lower middle interior federal national
    """.split()
)


@dataclass(frozen=True, slots=True)
class NamedRegion:
    """A region analysts name that is no admin-1 unit; coordinates are approximate centres."""

    geonameid: int
    name: str
    aliases: tuple[str, ...]
    country_code: str  # "" when the region spans several countries
    lat: float
    lon: float


# Synthetic negative ids: we did not want to guess GeoNames ids from memory.
NAMED_REGIONS: tuple[NamedRegion, ...] = (
    NamedRegion(-1, "Donbas", ("Donbass", "Donets Basin", "Donbas region"), "UA", 48.0, 38.0),
    NamedRegion(-2, "Gaza Strip", ("the Gaza Strip", "Gaza strip"), "PS", 31.42, 34.37),
    NamedRegion(-3, "West Bank", ("the West Bank", "Judea and Samaria"), "PS", 31.95, 35.25),
    NamedRegion(-4, "Sahel", ("the Sahel", "Sahel region"), "", 15.0, 5.0),
    NamedRegion(-5, "Darfur", ("Darfur region",), "SD", 13.5, 24.0),
    NamedRegion(-6, "Golan Heights", ("the Golan Heights", "Golan"), "SY", 33.0, 35.75),
    NamedRegion(-7, "Sinai Peninsula", ("Sinai", "the Sinai"), "EG", 29.5, 33.8),
    NamedRegion(-8, "Nagorno-Karabakh", ("Karabakh", "Artsakh"), "AZ", 39.83, 46.75),
    NamedRegion(-9, "Transnistria", ("Transdniestria", "Pridnestrovie"), "MD", 47.2, 29.4),
    NamedRegion(-10, "Middle East", ("the Middle East", "Mideast"), "", 29.0, 41.0),
    NamedRegion(-11, "Scandinavia", ("Scandinavian Peninsula",), "", 63.0, 14.0),
    NamedRegion(-12, "Southern California", ("SoCal",), "US", 34.0, -117.5),
    # An institution more than a territory: placed at its seat, Brussels.
    NamedRegion(-13, "European Union", ("EU", "E.U.", "the European Union"), "", 50.85, 4.35),
    # Breakaway regions, mountain ranges, islands and seas that GeoNames' cities and
    # admin-1 data lack (found missing on LGL and GeoVirus; centres from an atlas).
    NamedRegion(-14, "South Ossetia", ("Tskhinvali Region",), "GE", 42.35, 43.97),
    NamedRegion(-15, "Caucasus", ("the Caucasus", "Caucasus Mountains", "Caucasus region"), "",
                42.5, 44.5),
    NamedRegion(-16, "North Caucasus", ("the North Caucasus", "Northern Caucasus"), "RU",
                43.5, 45.0),
    NamedRegion(-17, "Ural Mountains", ("Urals", "the Urals", "Ural region"), "RU", 60.0, 59.5),
    NamedRegion(-18, "Siberia", ("Siberian region",), "RU", 61.0, 100.0),
    NamedRegion(-19, "Java", ("Java island",), "ID", -7.5, 110.0),
    NamedRegion(-20, "Sumatra", ("Sumatra island",), "ID", 0.0, 101.5),
    NamedRegion(-21, "Kashmir", ("Kashmir region",), "", 34.5, 76.0),
    NamedRegion(-22, "Anatolia", ("Asia Minor",), "TR", 39.0, 34.0),
    NamedRegion(-23, "Mediterranean", ("the Mediterranean", "Mediterranean Sea"), "", 35.0, 18.0),
    NamedRegion(-24, "West Africa", ("Western Africa",), "", 12.0, -3.0),
    NamedRegion(-25, "Indian Ocean", ("the Indian Ocean",), "", -20.0, 80.0),
    # Seas and straits where the wars at sea of our sample articles are fought (Black Sea
    # grain corridor, Red Sea shipping attacks); the cities data have none of them.
    NamedRegion(-26, "Black Sea", ("the Black Sea",), "", 43.4, 34.3),
    NamedRegion(-27, "Sea of Azov", ("the Sea of Azov", "Azov Sea"), "", 46.1, 36.6),
    NamedRegion(-28, "Red Sea", ("the Red Sea",), "", 20.3, 38.5),
    NamedRegion(-29, "Gulf of Aden", ("the Gulf of Aden",), "", 12.5, 48.0),
    NamedRegion(-30, "Bab el-Mandeb", ("Bab al-Mandab", "Bab el-Mandeb Strait"), "", 12.6, 43.3),
    NamedRegion(-31, "Persian Gulf", ("the Persian Gulf", "Arabian Gulf"), "", 26.5, 52.0),
    NamedRegion(-32, "Strait of Hormuz", ("the Strait of Hormuz", "Hormuz Strait"), "",
                26.6, 56.3),
    NamedRegion(-33, "Kerch Strait", ("the Kerch Strait", "Strait of Kerch"), "", 45.3, 36.5),
    NamedRegion(-34, "Baltic Sea", ("the Baltic Sea",), "", 58.5, 19.5),
    NamedRegion(-35, "South China Sea", ("the South China Sea",), "", 12.0, 113.0),
    NamedRegion(-36, "Taiwan Strait", ("the Taiwan Strait",), "", 24.5, 119.5),
    NamedRegion(-37, "Caspian Sea", ("the Caspian Sea",), "", 41.7, 50.7),
    # A state that is gone but that news still names: gold in LGL, TR-News and GeoVirus
    # alike (7 of 7), at the point GeoVirus gives it.
    NamedRegion(-38, "Soviet Union", ("USSR", "U.S.S.R.", "the Soviet Union"), "", 60.0, 98.0),
)
