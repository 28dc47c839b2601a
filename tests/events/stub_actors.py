"""Hand-made actor mentions for event-coder tests, independent of the actor coder.

A tiny lexicon of names and group nouns (our own, for tests only) is matched on the tokens of a parsed
``Doc``; each hit becomes an ``ActorMention`` over that token (plus a preceding compound/amod token of
the same phrase). This lets the frames be tested whatever the state of the actor coder.
"""

from __future__ import annotations

from typing import Any

from eventwire.mentions import ActorMention

LEXICON: dict[str, tuple[str | None, tuple[str, ...]]] = {
    # countries and demonyms
    "azerbaijan": ("AZE", ()), "azerbaijani": ("AZE", ()), "russia": ("RUS", ()), "russian": ("RUS", ()),
    "moscow": ("RUS", ("GOV",)), "kremlin": ("RUS", ("GOV",)), "armenia": ("ARM", ()),
    "armenian": ("ARM", ()),
    "turkey": ("TUR", ()), "turkish": ("TUR", ()), "ankara": ("TUR", ("GOV",)), "iran": ("IRN", ()),
    "iranian": ("IRN", ()), "tehran": ("IRN", ("GOV",)), "israel": ("ISR", ()), "israeli": ("ISR", ()),
    "china": ("CHN", ()), "chinese": ("CHN", ()), "beijing": ("CHN", ("GOV",)), "japan": ("JPN", ()),
    "japanese": ("JPN", ()), "france": ("FRA", ()), "french": ("FRA", ()), "paris": ("FRA", ("GOV",)),
    "germany": ("DEU", ()), "german": ("DEU", ()), "berlin": ("DEU", ("GOV",)), "britain": ("GBR", ()),
    "british": ("GBR", ()), "london": ("GBR", ("GOV",)), "ukraine": ("UKR", ()), "ukrainian": ("UKR", ()),
    "kyiv": ("UKR", ("GOV",)), "kenya": ("KEN", ()), "kenyan": ("KEN", ()), "nigeria": ("NGA", ()),
    "nigerian": ("NGA", ()), "egypt": ("EGY", ()), "egyptian": ("EGY", ()), "cairo": ("EGY", ("GOV",)),
    "syria": ("SYR", ()), "syrian": ("SYR", ()), "damascus": ("SYR", ("GOV",)), "iraq": ("IRQ", ()),
    "iraqi": ("IRQ", ()), "baghdad": ("IRQ", ("GOV",)), "pakistan": ("PAK", ()), "pakistani": ("PAK", ()),
    "india": ("IND", ()), "indian": ("IND", ()), "delhi": ("IND", ("GOV",)), "brazil": ("BRA", ()),
    "brazilian": ("BRA", ()), "mexico": ("MEX", ()), "mexican": ("MEX", ()), "canada": ("CAN", ()),
    "canadian": ("CAN", ()), "georgia": ("GEO", ()), "georgian": ("GEO", ()), "serbia": ("SRB", ()),
    "serbian": ("SRB", ()), "kosovo": ("XKX", ()), "sudan": ("SDN", ()), "sudanese": ("SDN", ()),
    "ethiopia": ("ETH", ()), "ethiopian": ("ETH", ()), "somalia": ("SOM", ()), "somali": ("SOM", ()),
    "afghanistan": ("AFG", ()), "afghan": ("AFG", ()), "yemen": ("YEM", ()), "yemeni": ("YEM", ()),
    "lebanon": ("LBN", ()), "lebanese": ("LBN", ()), "jordan": ("JOR", ()), "jordanian": ("JOR", ()),
    "qatar": ("QAT", ()), "qatari": ("QAT", ()), "gaza": ("PSE", ()), "palestinian": ("PSE", ()),
    "venezuela": ("VEN", ()), "venezuelan": ("VEN", ()), "colombia": ("COL", ()), "colombian": ("COL", ()),
    "poland": ("POL", ()), "polish": ("POL", ()), "korea": ("KOR", ()), "korean": ("KOR", ()),
    "pyongyang": ("PRK", ("GOV",)), "seoul": ("KOR", ("GOV",)), "washington": ("USA", ("GOV",)),
    "american": ("USA", ()), "us": ("USA", ()), "u.s.": ("USA", ()), "mali": ("MLI", ()),
    "malian": ("MLI", ()),
    "chad": ("TCD", ()), "libya": ("LBY", ()), "libyan": ("LBY", ()), "tunisia": ("TUN", ()),
    "morocco": ("MAR", ()), "algeria": ("DZA", ()), "cuba": ("CUB", ()), "cuban": ("CUB", ()),
    "philippines": ("PHL", ()), "philippine": ("PHL", ()), "vietnam": ("VNM", ()), "vietnamese": ("VNM", ()),
    "taiwan": ("TWN", ()), "myanmar": ("MMR", ()), "thailand": ("THA", ()), "thai": ("THA", ()),
    "greece": ("GRC", ()), "greek": ("GRC", ()), "cyprus": ("CYP", ()), "italy": ("ITA", ()),
    "italian": ("ITA", ()), "spain": ("ESP", ()), "spanish": ("ESP", ()), "sweden": ("SWE", ()),
    "norway": ("NOR", ()), "norwegian": ("NOR", ()), "belarus": ("BLR", ()), "moldova": ("MDA", ()),
    "lithuania": ("LTU", ()), "kazakhstan": ("KAZ", ()), "uzbekistan": ("UZB", ()), "baku": ("AZE", ("GOV",)),
    "yerevan": ("ARM", ("GOV",)), "tbilisi": ("GEO", ("GOV",)),
    # organisations
    "nato": ("NATO", ()), "un": ("UN", ()), "eu": ("EU", ()), "imf": ("IMF", ()), "hamas": ("PSE", ("REB",)),
    "hezbollah": ("LBN", ("REB",)), "taliban": ("AFG", ("REB",)),
    # sectors (country unknown)
    "police": (None, ("COP",)), "policeman": (None, ("COP",)), "troops": (None, ("MIL",)),
    "troop": (None, ("MIL",)), "soldiers": (None, ("MIL",)), "soldier": (None, ("MIL",)),
    "army": (None, ("MIL",)), "military": (None, ("MIL",)), "forces": (None, ("MIL",)),
    "jets": (None, ("MIL",)),
    "warplanes": (None, ("MIL",)),
    "rebels": (None, ("REB",)), "rebel": (None, ("REB",)), "militants": (None, ("REB",)),
    "insurgents": (None, ("REB",)), "gunmen": (None, ("REB",)), "protesters": (None, ("OPP",)),
    "demonstrators": (None, ("OPP",)), "opposition": (None, ("OPP",)), "activists": (None, ("OPP",)),
    "students": (None, ("EDU",)), "workers": (None, ("LAB",)), "unions": (None, ("LAB",)),
    "journalists": (None, ("MED",)), "journalist": (None, ("MED",)), "civilians": (None, ("CVL",)),
    "villagers": (None, ("CVL",)), "government": (None, ("GOV",)), "minister": (None, ("GOV",)),
    "president": (None, ("GOV",)), "ministry": (None, ("GOV",)), "parliament": (None, ("LEG",)),
    "lawmakers": (None, ("LEG",)), "court": (None, ("JUD",)), "prosecutors": (None, ("JUD",)),
    "prosecutor": (None, ("JUD",)), "judge": (None, ("JUD",)), "officials": (None, ("GOV",)),
    "diplomats": (None, ("GOV",)), "envoy": (None, ("GOV",)), "delegation": (None, ("GOV",)),
    "prisoners": (None, ()), "detainees": (None, ()), "hostages": (None, ()), "refugees": (None, ("REF",)),
    "pirates": (None, ("CRM",)), "smugglers": (None, ("CRM",)), "traffickers": (None, ("CRM",)),
    "cartel": (None, ("CRM",)), "gang": (None, ("CRM",)), "navy": (None, ("MIL",)),
    "guards": (None, ("MIL",)), "union": (None, ("LAB",)),
    "premier": (None, ("GOV",)), "chancellor": (None, ("GOV",)), "leaders": (None, ("GOV",)),
    "leader": (None, ("GOV",)), "authorities": (None, ("GOV",)), "regime": (None, ("GOV",)),
    "cabinet": (None, ("GOV",)), "senate": (None, ("LEG",)),
}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


def stub_actors(doc: Any) -> list[ActorMention]:
    """ActorMentions for every lexicon word; a sector noun takes the country of a country modifier
    ("Russian troops" → RUS MIL), and the modifier then belongs to that one mention."""
    out: list[ActorMention] = []
    used: set[int] = set()
    for tok in doc:
        low = tok.text.lower()
        if low not in LEXICON or tok.i in used:
            continue
        country, sectors = LEXICON[low]
        start = tok.i
        if country is None or sectors:
            for c in tok.children:
                if c.dep_ in MODIFIER_DEPS and c.text.lower() in LEXICON and LEXICON[c.text.lower()][0] \
                        and c.i < tok.i:
                    country = country or LEXICON[c.text.lower()][0]
                    sectors = sectors or LEXICON[c.text.lower()][1]
                    start = min(start, c.i)
                    used.add(c.i)
        if start < tok.i:
            out = [m for m in out if not (start <= m.tok_start < tok.i)]
        span = doc[start:tok.i + 1]
        out.append(ActorMention(start=span.start_char, end=span.end_char, tok_start=start, tok_end=tok.i + 1,
                                head=tok.i, text=span.text, name=span.text, country=country, sectors=sectors,
                                kind="country" if country and not sectors else "group", rule="test-stub"))
    return out
