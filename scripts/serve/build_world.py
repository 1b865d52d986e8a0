"""Build the explorer's world map (src/newsgraph/serve/static/world.svg) from world-atlas.

world-atlas (ISC licence, npm) ships Natural Earth's 1:110m country borders (public domain) as
TopoJSON. This script decodes the TopoJSON and writes one SVG path per country in the
equirectangular projection the map page uses (x = lon + 180, y = 90 - lat, a 360 x 180 box), so
the page needs no map library and fetches nothing from another host.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/serve/build_world.py package/countries-110m.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parents[2] / "src/newsgraph/serve/static/world.svg"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded arcs -> absolute (lon, lat) positions."""
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One closed ring; longitudes unwrapped so a ring crossing the antimeridian (Russia, Fiji)
    runs on past the map's edge (clipped there) instead of drawing a line across the world."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    unwrapped: list[tuple[float, float]] = []
    for lon, lat in points:
        if unwrapped:
            previous = unwrapped[-1][0]
            while lon - previous > 180:
                lon -= 360
            while previous - lon > 180:
                lon += 360
        unwrapped.append((lon, lat))
    return unwrapped


def path_of(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> str:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
    parts = []
    for polygon in polygons:
        for indices in polygon:
            points = ring(indices, arcs)
            parts.append(
                "M" + "L".join(f"{lon + 180:.2f},{90 - lat:.2f}" for lon, lat in points) + "Z"
            )
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text("utf-8"))
    arcs = decode_arcs(topology)
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">',
        "<!-- Country borders: Natural Earth 1:110m (public domain) via world-atlas 2.0.2 "
        "(ISC, see world-atlas.LICENSE.txt); built by scripts/serve/build_world.py -->",
        '<rect width="360" height="180" fill="#eef3f7"/>',
        '<g fill="#d9dfd3" stroke="#8a9486" stroke-width="0.15" stroke-linejoin="round">',
    ]
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        name = escape(geometry.get("properties", {}).get("name", ""))
        lines.append(f'<path d="{path_of(geometry, arcs)}"><title>{name}</title></path>')
    lines += ["</g>", "</svg>", ""]
    OUT.write_text("\n".join(lines), "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
