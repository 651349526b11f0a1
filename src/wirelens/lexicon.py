"""Word lists for conflict news, written for wirelens.

Small, hand-kept lists of facts: titles that mark a following name as a
person, demonyms (kept apart from places), the organisations and armed groups
that recur in conflict reporting, and first names whose gender lets a pronoun
find its antecedent.  They are plain data so a user can read and extend them.
"""

from __future__ import annotations

# Titles that, placed directly before a proper name, make it a person's name.
# Multi-word titles are matched longest first by the entity layer.
_TITLE_LINES = """
president
vice-president
vice president
prime minister
premier
chancellor
minister
foreign minister
defence minister
defense minister
interior minister
deputy minister
deputy prime minister
mayor
governor
deputy governor
senator
sen.
representative
rep.
congressman
congresswoman
general
gen.
lieutenant general
lt. gen.
lt.
lieutenant
major general
maj. gen.
brigadier
brigadier general
brig. gen.
colonel
col.
lieutenant colonel
lt. col.
major
maj.
captain
capt.
commander
cmdr.
sergeant
sgt.
admiral
adm.
marshal
field marshal
corporal
cpl.
spokesman
spokeswoman
spokesperson
ambassador
envoy
special envoy
secretary
secretary-general
secretary general
chief
chairman
chairwoman
director
judge
prosecutor
king
queen
prince
princess
sheikh
emir
ayatollah
imam
rabbi
bishop
archbishop
patriarch
metropolitan
pope
dr.
dr
prof.
professor
mr.
mr
mrs.
mrs
ms.
ms
sir
speaker
commissioner
coordinator
acting president
acting mayor
mp
councillor
councilor
sheriff
inspector
warlord
pastor
father
"""
TITLES = frozenset(line.strip() for line in _TITLE_LINES.splitlines() if line.strip())

# Titles that tell a person's gender, for pronoun resolution.
FEMALE_TITLES = frozenset(
    {
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "queen",
        "princess",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "sister",
        "lady",
    }
)
MALE_TITLES = frozenset(
    {"mr", "mr.", "king", "prince", "spokesman", "chairman", "congressman", "sir", "father", "lord"}
)

# Nouns that name a role; "the <role>" can refer back to a person who holds it.
ROLE_NOUNS = frozenset(
    [
        "president",
        "premier",
        "chancellor",
        "minister",
        "mayor",
        "governor",
        "senator",
        "general",
        "colonel",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "secretary-general",
        "chief",
        "chairman",
        "director",
        "judge",
        "prosecutor",
        "king",
        "queen",
        "prince",
        "sheikh",
        "emir",
        "bishop",
        "patriarch",
        "official",
        "analyst",
        "expert",
        "teacher",
        "doctor",
        "nurse",
        "resident",
        "farmer",
        "soldier",
        "officer",
        "volunteer",
        "journalist",
        "correspondent",
        "researcher",
        "professor",
        "activist",
        "lawyer",
        "witness",
        "survivor",
        "mother",
        "father",
        "pensioner",
        "engineer",
        "medic",
        "surgeon",
        "driver",
        "commander-in-chief",
        "coordinator",
        "head",
        "leader",
    ]
)

# Demonym or adjective -> country.  Demonyms are NORP, never places.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Albanian": "Albania",
    "Algerian": "Algeria",
    "American": "United States",
    "Angolan": "Angola",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Armenian": "Armenia",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan",
    "Azeri": "Azerbaijan",
    "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus",
    "Belgian": "Belgium",
    "Beninese": "Benin",
    "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil",
    "British": "United Kingdom",
    "Bulgarian": "Bulgaria",
    "Burkinabe": "Burkina Faso",
    "Burkinabè": "Burkina Faso",
    "Burmese": "Myanmar",
    "Burundian": "Burundi",
    "Cambodian": "Cambodia",
    "Cameroonian": "Cameroon",
    "Canadian": "Canada",
    "Central African": "Central African Republic",
    "Chadian": "Chad",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Congolese": "DR Congo",
    "Croatian": "Croatia",
    "Cuban": "Cuba",
    "Cypriot": "Cyprus",
    "Czech": "Czechia",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Ecuadorian": "Ecuador",
    "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Estonian": "Estonia",
    "Ethiopian": "Ethiopia",
    "Finnish": "Finland",
    "French": "France",
    "Georgian": "Georgia",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Guatemalan": "Guatemala",
    "Guinean": "Guinea",
    "Haitian": "Haiti",
    "Honduran": "Honduras",
    "Hungarian": "Hungary",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Ivorian": "Ivory Coast",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan",
    "Kenyan": "Kenya",
    "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait",
    "Kyrgyz": "Kyrgyzstan",
    "Latvian": "Latvia",
    "Lebanese": "Lebanon",
    "Liberian": "Liberia",
    "Libyan": "Libya",
    "Lithuanian": "Lithuania",
    "Malian": "Mali",
    "Mauritanian": "Mauritania",
    "Mexican": "Mexico",
    "Moldovan": "Moldova",
    "Mongolian": "Mongolia",
    "Moroccan": "Morocco",
    "Mozambican": "Mozambique",
    "Nepali": "Nepal",
    "Nepalese": "Nepal",
    "Nicaraguan": "Nicaragua",
    "Nigerian": "Nigeria",
    "Nigerien": "Niger",
    "North Korean": "North Korea",
    "Norwegian": "Norway",
    "Omani": "Oman",
    "Pakistani": "Pakistan",
    "Palestinian": "Palestine",
    "Panamanian": "Panama",
    "Peruvian": "Peru",
    "Philippine": "Philippines",
    "Filipino": "Philippines",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Qatari": "Qatar",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Rwandan": "Rwanda",
    "Saudi": "Saudi Arabia",
    "Senegalese": "Senegal",
    "Serbian": "Serbia",
    "Sierra Leonean": "Sierra Leone",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Somali": "Somalia",
    "South African": "South Africa",
    "South Korean": "South Korea",
    "South Sudanese": "South Sudan",
    "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Syrian": "Syria",
    "Taiwanese": "Taiwan",
    "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania",
    "Thai": "Thailand",
    "Togolese": "Togo",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda",
    "Ukrainian": "Ukraine",
    "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
    "Zambian": "Zambia",
    "Zimbabwean": "Zimbabwe",
    "Kurdish": "Iraq",
    "Chechen": "Russia",
    "Crimean": "Ukraine",
    "Western": "",
    "European": "",
    "African": "",
    "Arab": "",
    "Soviet": "Russia",
    "Pro-Russian": "Russia",
    "pro-Russian": "Russia",
    "pro-Ukrainian": "Ukraine",
    "Tatar": "Russia",
    "Jewish": "",
    "Muslim": "",
    "Christian": "",
    "Sunni": "",
    "Shia": "",
    "Shiite": "",
    "Rohingya": "Myanmar",
    "Tuareg": "Mali",
    "Fulani": "",
    "Masalit": "Sudan",
    "Hausa": "Nigeria",
    "Tigrayan": "Ethiopia",
    "Amhara": "Ethiopia",
    "Druze": "",
}

# Plural and noun forms of demonyms that also appear on their own ("Ukrainians").
DEMONYM_PLURALS = frozenset(
    f"{d}s" for d in DEMONYMS if not d.endswith(("ese", "ish", "ch", "s", "i"))
)

# Words that make a capitalised phrase an organisation's name, never a person's.
ORG_WORDS = frozenset(
    """
    Staff Command Forces Force Army Ministry Council Group Agency Office Committee Party
    Movement Front Brigade Union Hospital Company University News Radio Service Guard
    Department Authority Administration Organisation Organization Corps Bank Court Assembly
    Parliament Government Institute Center Centre Foundation Association Network Police Navy
    Regiment Battalion Division Mission Programme Program Fund Commission Cross Crescent
    Directorate Republic Coalition Alliance Federation League Church Academy School
    """.split()
)

# Weekday and month names: capitalised, after "on" or "in", and never places here.
CALENDAR_WORDS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December
    """.split()
)

# Organisations and armed groups that recur in conflict news, each with its
# short forms.  The first name is the canonical one.
ORGANISATIONS: tuple[tuple[str, ...], ...] = (
    ("United Nations", "UN", "U.N."),
    ("UN Security Council", "Security Council", "UN Security Council"),
    ("UN Human Rights Council",),
    ("UN refugee agency", "UNHCR", "Office of the UN High Commissioner for Refugees"),
    ("UNICEF", "UN children's agency", "UN Children's Fund"),
    ("Office for the Coordination of Humanitarian Affairs", "OCHA", "UN OCHA",
     "UN Office for the Coordination of Humanitarian Affairs"),
    ("World Food Programme", "WFP", "World Food Program"),
    ("World Health Organization", "WHO"),
    ("International Atomic Energy Agency", "IAEA"),
    ("UNRWA", "UN Relief and Works Agency"),
    ("UN Human Rights Monitoring Mission in Ukraine", "HRMMU"),
    ("MONUSCO",),
    ("MINUSMA",),
    ("International Committee of the Red Cross", "ICRC", "Red Cross"),
    ("International Criminal Court", "ICC"),
    ("International Court of Justice", "ICJ"),
    ("Médecins Sans Frontières", "MSF", "Doctors Without Borders", "Medecins Sans Frontieres"),
    ("Amnesty International", "Amnesty"),
    ("Human Rights Watch", "HRW"),
    ("Norwegian Refugee Council", "NRC"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("European Union", "EU"),
    ("European Commission",),
    ("African Union", "AU"),
    ("ECOWAS", "Economic Community of West African States"),
    ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("Arab League",),
    ("Kremlin",),
    # legislatures whose names are also towns' (Duma, Syria)
    ("State Duma", "Duma"),
    ("Verkhovna Rada",),
    ("Pentagon",),
    ("White House",),
    ("State Department", "US State Department", "U.S. State Department"),
    ("Hamas",),
    ("Hezbollah",),
    ("Palestinian Islamic Jihad", "Islamic Jihad"),
    ("Palestinian Authority", "PA"),
    ("Houthis", "Houthi movement", "Ansar Allah"),
    ("Islamic State", "ISIS", "ISIL", "Daesh"),
    ("Islamic State West Africa Province", "ISWAP"),
    ("Islamic State Sahel Province", "IS Sahel"),
    (
        "JNIM",
        "Group for the Support of Islam and Muslims",
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Jama’at Nusrat al-Islam wal-Muslimin",
    ),
    ("al-Qaeda", "Al-Qaeda", "al-Qaida"),
    ("al-Shabaab", "Al-Shabaab", "al-Shabab"),
    ("Boko Haram",),
    ("Wagner Group", "Wagner"),
    ("Africa Corps",),
    ("Rapid Support Forces", "RSF"),
    ("Sudanese Armed Forces", "SAF"),
    ("M23", "March 23 Movement"),
    ("FDLR", "Democratic Forces for the Liberation of Rwanda"),
    ("Allied Democratic Forces", "ADF"),
    ("Wazalendo",),
    ("Tatmadaw",),
    ("Arakan Army",),
    ("People's Defence Force", "People’s Defence Force", "PDF"),
    ("National Unity Government", "NUG"),
    ("Hayat Tahrir al-Sham", "HTS"),
    ("Syrian Democratic Forces", "SDF"),
    ("PKK", "Kurdistan Workers' Party"),
    ("YPG",),
    ("Israel Defense Forces", "IDF", "Israeli military", "Israeli army"),
    ("Azov Brigade", "Azov"),
    ("Security Service of Ukraine", "SBU"),
    ("Main Intelligence Directorate", "GUR", "HUR"),
    ("Federal Security Service", "FSB"),
    ("Rosgvardia", "Russian National Guard"),
    ("Akhmat",),
    ("Donetsk People's Republic", "Donetsk People’s Republic", "DPR", "DNR"),
    ("Luhansk People's Republic", "Luhansk People’s Republic", "LPR", "LNR"),
    ("Ukrainian General Staff", "General Staff of the Armed Forces of Ukraine"),
    ("Tigray People's Liberation Front", "Tigray People’s Liberation Front", "TPLF"),
    ("Fano",),
    ("Taliban",),
    ("Janjaweed",),
)

# Institutions each country has: "<demonym> <institution>", "<country>'s <institution>"
# and "<institution> of <country>" are organisations.
STATE_INSTITUTIONS: tuple[str, ...] = (
    "Ministry of Defence",
    "Ministry of Defense",
    "Defence Ministry",
    "Defense Ministry",
    "Foreign Ministry",
    "Ministry of Foreign Affairs",
    "Interior Ministry",
    "Ministry of Internal Affairs",
    "Ministry of Interior",
    "Health Ministry",
    "Ministry of Health",
    "Armed Forces",
    "armed forces",
    "army",
    "Army",
    "military",
    "navy",
    "Navy",
    "air force",
    "Air Force",
    "National Guard",
    "General Staff",
    "border guard",
    "Border Guard Service",
    "State Border Guard Service",
    "Emergency Service",
    "State Emergency Service",
    "Emergencies Ministry",
    "police",
    "Police",
    "National Police",
    "government",
    "Government",
    "parliament",
    "Parliament",
    "Investigative Committee",
    "Prosecutor General's Office",
    "Prosecutor General’s Office",
    "Security Council",
    "intelligence service",
    "air defence",
    "air defense",
    "Air Defence Forces",
    "Navy Command",
)

# First names whose gender is clear, for pronoun resolution.  Slavic female
# names ending in -a are caught by a rule in the entity layer; these lists
# cover the rest of the names common in our fictional and real news.
FEMALE_NAMES = frozenset(
    [
        "maria",
        "mariya",
        "iryna",
        "irina",
        "olena",
        "elena",
        "yelena",
        "natalia",
        "natalya",
        "nataliya",
        "oksana",
        "tetiana",
        "tatiana",
        "svetlana",
        "anna",
        "hanna",
        "olga",
        "yulia",
        "yuliia",
        "kateryna",
        "ekaterina",
        "daria",
        "liudmyla",
        "lyudmila",
        "emma",
        "sarah",
        "sara",
        "mary",
        "elizabeth",
        "jennifer",
        "linda",
        "susan",
        "karen",
        "nancy",
        "lisa",
        "margaret",
        "emily",
        "hannah",
        "amina",
        "fatima",
        "aisha",
        "khadija",
        "mariam",
        "maryam",
        "zainab",
        "leila",
        "layla",
        "nour",
        "noor",
        "rania",
        "amal",
        "samira",
        "hind",
        "salma",
        "grace",
        "joy",
        "esther",
        "ruth",
        "rebecca",
        "rachel",
        "claire",
        "julia",
        "laura",
        "sophie",
        "anne",
        "marie",
        "catherine",
        "helen",
        "ursula",
        "kaja",
        "kamala",
        "hillary",
        "angela",
        "nadia",
        "agnes",
        "alice",
        "ingrid",
        "aung",
        "san",
        "suu",
        "nyein",
        "thandiwe",
        "chantal",
        "aminata",
        "fatoumata",
        "mariama",
        "awa",
        "khady",
    ]
)
MALE_NAMES = frozenset(
    [
        "vladimir",
        "volodymyr",
        "sergei",
        "serhiy",
        "sergey",
        "andrey",
        "andriy",
        "andrii",
        "alexander",
        "oleksandr",
        "oleksandr",
        "dmitry",
        "dmytro",
        "mykola",
        "nikolai",
        "ivan",
        "petro",
        "pyotr",
        "yuri",
        "yuriy",
        "viktor",
        "oleh",
        "oleg",
        "pavlo",
        "pavel",
        "mikhail",
        "mykhailo",
        "vitali",
        "vitaliy",
        "vadym",
        "vadim",
        "igor",
        "ihor",
        "denys",
        "denis",
        "maksym",
        "maxim",
        "bohdan",
        "taras",
        "roman",
        "anatoliy",
        "ruslan",
        "valery",
        "valeriy",
        "yevgeny",
        "yevhen",
        "kyrylo",
        "kirill",
        "john",
        "james",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "daniel",
        "matthew",
        "mark",
        "paul",
        "steven",
        "andrew",
        "joshua",
        "kevin",
        "brian",
        "george",
        "edward",
        "peter",
        "antony",
        "antonio",
        "emmanuel",
        "mohammed",
        "muhammad",
        "mohamed",
        "ahmed",
        "ahmad",
        "ali",
        "hassan",
        "hussein",
        "omar",
        "abdullah",
        "khalid",
        "ibrahim",
        "yusuf",
        "youssef",
        "mahmoud",
        "mustafa",
        "abdel",
        "abdul",
        "osman",
        "hamdan",
        "abdel-fattah",
        "jean",
        "pierre",
        "joseph",
        "felix",
        "paul-henri",
        "assimi",
        "ibrahim",
        "abdourahamane",
        "min",
        "aung",
        "hlaing",
        "benjamin",
        "yoav",
        "herzi",
        "isaac",
        "moussa",
        "amadou",
        "boubacar",
        "idriss",
        "salva",
        "riek",
        "abiy",
    ]
)
