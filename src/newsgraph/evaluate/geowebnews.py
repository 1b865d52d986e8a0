"""GeoWebNews: toponym recall and geocoding error.

Gold toponyms that carry coordinates are scored; an overlapping predicted place finds one.
On found toponyms the great-circle distance between the gold and predicted coordinates gives
accuracy within 161 km (100 miles, the customary geoparsing threshold) and the median error.
A found toponym whose place has no coordinates counts as wrong for accuracy and is left out of
the median.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import Metric, RecordError, ScoreResult, ratio
from newsgraph.evaluate.records import places_of
from newsgraph.geo import haversine_km

ACCURACY_KM = 161.0
"""Accuracy@161km: a place resolved within 100 miles counts as right (Gritta et al. 2019)."""


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    type: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]

    @property
    def published(self) -> None:
        return None  # the excerpts carry no date


def _float(raw: str | None) -> float | None:
    try:
        return float(raw) if raw and raw.strip() else None
    except ValueError:
        return None


def parse_xml(text: str) -> list[GoldArticle]:
    """Articles and their toponyms with coordinates (those without are not scored)."""
    root = ET.fromstring(text)
    articles: list[GoldArticle] = []
    for article in root.iter("article"):
        toponyms = []
        for node in article.iter("toponym"):
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            start, end = node.findtext("start"), node.findtext("end")
            if lat is None or lon is None or not start or not end:
                continue
            toponyms.append(
                GoldToponym(
                    int(start),
                    int(end),
                    node.findtext("extractedName") or "",
                    lat,
                    lon,
                    node.findtext("type") or "",
                )
            )
        articles.append(
            GoldArticle(
                f"GWN-{article.get('file', len(articles))}",
                article.findtext("text") or "",
                tuple(toponyms),
            )
        )
    return articles


def read(path: Path) -> list[GoldArticle]:
    """Read `GWN_dev.xml` (or the full `GWN.xml`, same format)."""
    return parse_xml(path.read_text(encoding="utf-8"))


def _best_place(
    toponym: GoldToponym, places: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The predicted place overlapping the toponym most."""
    best, best_overlap = None, 0
    for place in places:
        shared = min(toponym.end, int(place["end"])) - max(toponym.start, int(place["start"]))
        if shared > best_overlap:
            best, best_overlap = place, shared
    return best


def score(gold: Sequence[GoldArticle], predicted: Mapping[str, Mapping[str, Any]]) -> ScoreResult:
    """Score predicted records (keyed by article id) against the gold toponyms."""
    result = ScoreResult(records=len(gold))
    found = support = within = 0
    distances: list[float] = []
    for article in gold:
        places = places_of(predicted.get(article.id))
        for toponym in article.toponyms:
            support += 1
            gold_view = {
                "text": toponym.name,
                "start": toponym.start,
                "lat": toponym.lat,
                "lon": toponym.lon,
            }
            place = _best_place(toponym, places)
            if place is None:
                result.errors.append(
                    RecordError(article.id, "missed_toponym", gold_view, None, "places")
                )
                continue
            found += 1
            view = {k: place.get(k) for k in ("text", "name", "lat", "lon", "country", "geonameid")}
            lat, lon = place.get("lat"), place.get("lon")
            if lat is None or lon is None:
                result.errors.append(
                    RecordError(article.id, "unresolved_toponym", gold_view, view, "places")
                )
                continue
            distance = haversine_km(toponym.lat, toponym.lon, float(lat), float(lon))
            distances.append(distance)
            if distance <= ACCURACY_KM:
                within += 1
            else:
                view["error_km"] = round(distance)
                result.errors.append(
                    RecordError(article.id, "wrong_location", gold_view, view, "places")
                )
    median = statistics.median(distances) if distances else None
    result.metrics = [
        ratio("toponym recall", found, support, "places"),
        ratio(f"accuracy within {ACCURACY_KM:.0f} km (found)", within, found, "places"),
        Metric("median error (found)", median, len(distances), "places", unit="km"),
    ]
    return result
