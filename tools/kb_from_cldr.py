#!/usr/bin/env python3
"""Generate data/kb/places_cldr.tsv from the CLDR data shipped with Babel.

Run once, by hand, when Babel (hence CLDR) is upgraded; the output is committed and the
pipeline never needs the network or Python:

    python3 -m venv /tmp/kbvenv && /tmp/kbvenv/bin/pip install babel==2.18.0
    /tmp/kbvenv/bin/python tools/kb_from_cldr.py > data/kb/places_cldr.tsv

What it writes (same TSV format as data/kb/*.tsv):
- every ISO 3166 territory CLDR names (two-letter region codes, less the pseudo and
  unknown regions), type LOC, with its display name in each of LANGS;
- the continents and large world regions CLDR names (numeric UN M.49 codes in REGIONS);
- EU and UN, which CLDR lists among regions, as ORG;
- the exemplar cities of CLDR's time zones (the cities the world's clocks are named after:
  most capitals and many large cities), with their localised names where CLDR has one; a
  city whose English name is a territory's or begins it (Hong Kong, Vatican) joins that
  territory, and a city's
  name that some language shares with a territory (Тунис: Tunisia and Tunis) stays with
  the territory only.

Ids: when a generated entity shares an alias with a hand-written entry of the same type in
data/kb/places.tsv or organisations.tsv, it takes that entry's id (Wikidata QID or derived
key), so the two lines merge at load time. Otherwise the id is a derived key,
`gz:loc:<iso code>` for territories (`gz:loc:it`), `gz:loc:m49-<code>` for regions and
`gz:loc:<slug of the English name>` for cities. No QID is invented here.
"""

import re
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global

LANGS = ["en", "fr", "it", "de", "es", "ru", "ar", "sv", "fi", "pt", "nl"]
SKIP_TERRITORIES = {"ZZ", "XA", "XB", "QO", "EZ", "EU", "UN"}
ORG_REGIONS = {"EU": "European Union", "UN": "United Nations"}
REGIONS = ["002", "003", "005", "009", "013", "029", "142", "150", "151", "155", "419"]
# Aliases that are also common capitalised words in one of the languages (sentence starts,
# German nouns) or someone's name; they are left out, the entity keeps its other names.
AMBIGUOUS = {
    "Island",  # Iceland in de/sv; "Island" opens English sentences
    "Réunion",  # a meeting in French
    "La Réunion",
    "Riunione",  # a meeting in Italian
    "Reunión",
    "Reunião",
    "Man",
    "Chad",
    "Georgia",  # also the US state
    "Jersey",
    "Norfolk",
    "Turks",
    "Christmas",
    "Wake",
    "Midway",
    "Easter",
    "Casey",
    "Davis",
    "Palmer",
    "Center",
    "Nome",  # "name" in Italian
    "Knox",
    "Troll",
    "Macquarie",
    "Mawson",
    "Vostok",
    "Currie",
    "Eucla",
    "Salem",
    "Beulah",
    "Marengo",
    "Petersburg",
    "Vevay",
    "Winamac",
    "Tell City",
    "New Salem",
    "Monticello",
    "Louisville",
    "Boise",
    "Thule",
    "Resolute",
    "Creston",
    "Dawson",
    "Inuvik",
    "Whitehorse",
    "Metlakatla",
    "Sitka",
    "Yakutat",
    "Adak",
    "Guam",
    "Truk",
    "Ponape",
    "Kosrae",
    "Chatham",
    "Pitcairn",
    "Efate",
    "Fakaofo",
    "Funafuti",
    "Tarawa",
    "Enderbury",
    "Kanton",
    "Kiritimati",
    "Majuro",
    "Kwajalein",
    "Wallis",
    "Apia",
    "Syowa",
    "Rothera",
    "Dumont d’Urville",
    "Stanley",
    "Cayenne",  # a pepper too
    "Cordoba",
    "Santa Isabel",
    "Bahia",
    "Bahia Banderas",
    "Swift Current",
    "Rainy River",
    "Thunder Bay",
    "Rankin Inlet",
}
# Time-zone areas whose cities are small places known only to clock settings.
SKIP_ZONE_PREFIXES = (
    "Antarctica/",
    "Arctic/",
    "Etc/",
    "America/Indiana/",
    "America/Kentucky/",
    "America/North_Dakota/",
)


def slug(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def variants(name):
    """The name, and without a trailing parenthesis ("Гонконг (САР)" → "Гонконг")."""
    out = [name.strip()]
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    if bare and bare != out[0]:
        out.append(bare)
    if "&" in name:
        out.append(name.replace("&", "and"))
    return [v for v in out if v and v not in AMBIGUOUS]


def hand_aliases(root):
    """alias → (type, id) over the hand-written KB files."""
    seen = {}
    for file in ("places.tsv", "organisations.tsv"):
        for line in (root / "data/kb" / file).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            for alias in [cols[2]] + (cols[3].split("|") if len(cols) > 3 else []):
                seen.setdefault(alias.strip(), (cols[1], cols[0]))
    return seen


def entity_id(hand, ty, aliases, fallback):
    for alias in aliases:
        hit = hand.get(alias)
        if hit and hit[0] == ty:
            return hit[1]
    return fallback


def main():
    root = Path(__file__).resolve().parent.parent
    hand = hand_aliases(root)
    locales = {lang: Locale(lang) for lang in LANGS}
    en = locales["en"]
    rows = []
    used_aliases = {}

    def add(fallback_id, ty, canonical, names):
        aliases = []
        for n in names:
            for v in variants(n):
                if v not in aliases:
                    aliases.append(v)
        if not aliases:
            return
        ident = entity_id(hand, ty, aliases, fallback_id)
        for a in aliases:
            used_aliases.setdefault(a, len(rows))
        rows.append((ident, ty, canonical, aliases))

    codes = sorted(c for c in en.territories if c.isalpha() and len(c) == 2)
    for code in codes:
        if code in SKIP_TERRITORIES:
            continue
        names = [locales[lang].territories.get(code) for lang in LANGS]
        canonical = en.territories[code]
        if canonical in AMBIGUOUS:
            canonical = f"{canonical} ({code})"  # a display name that never matches text
        add(f"gz:loc:{code.lower()}", "LOC", canonical, [n for n in names if n])
    for code in REGIONS:
        names = [locales[lang].territories.get(code) for lang in LANGS]
        add(f"gz:loc:m49-{code}", "LOC", en.territories[code], [n for n in names if n])
    for code, canonical in ORG_REGIONS.items():
        names = [locales[lang].territories.get(code) for lang in LANGS]
        add(f"gz:org:{slug(canonical)}", "ORG", canonical, [n for n in names if n])

    country_names = {en.territories[c]: c for c in codes}
    zones = sorted(get_global("zone_territories"))
    for zone in zones:
        if zone.startswith(SKIP_ZONE_PREFIXES) or "/" not in zone:
            continue
        default = zone.rsplit("/", 1)[1].replace("_", " ")
        if default in AMBIGUOUS:
            continue
        names = [default]
        for lang in LANGS:
            city = locales[lang].time_zones.get(zone, {}).get("city")
            if city:
                names.append(city)
        english = locales["en"].time_zones.get(zone, {}).get("city") or default
        if english in country_names or english in AMBIGUOUS:
            continue  # city-states (Singapore, Monaco …) are their territory's entry
        owner = next((used_aliases[v] for v in variants(english) if v in used_aliases), None)
        if owner is None:
            # "Vatican" / "Vatican City", "Hong Kong" / "Hong Kong SAR China".
            words = english.split()
            owner = next(
                (i for i, r in enumerate(rows) if r[1] == "LOC" and r[2].split()[: len(words)] == words),
                None,
            )
        if owner is not None and rows[owner][0] != entity_id(hand, "LOC", names, ""):
            # The city's English name is a territory's (Hong Kong, Macao): its names join it.
            for v in (v for n in names for v in variants(n)):
                if v not in rows[owner][3]:
                    rows[owner][3].append(v)
            continue
        # A capital named like its country in some languages only (Tunis and Tunisia are
        # both "Тунис" and "تونس"): those shared names stay with the country, the city
        # keeps the others.
        names = [n for n in names if not any(v in used_aliases for v in variants(n))]
        if names:
            add(f"gz:loc:{slug(english)}", "LOC", english, names)

    print(
        f"# Generated by tools/kb_from_cldr.py from CLDR via Babel {babel.__version__} "
        f"(CLDR territory display names and time-zone exemplar cities). Do not edit: rerun."
    )
    print("# Languages: " + ", ".join(LANGS) + ". Ids: see the script's docstring.")
    for ident, ty, canonical, aliases in rows:
        print(f"{ident}\t{ty}\t{canonical}\t{'|'.join(aliases)}")


if __name__ == "__main__":
    sys.exit(main())
