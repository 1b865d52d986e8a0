"""The places stage: resolve the document's toponym mentions against the offline gazetteer."""

from __future__ import annotations

from newsgraph.model import Analysis
from newsgraph.places.candidates import candidates_for
from newsgraph.places.resolve import resolve_toponyms
from newsgraph.places.surface import SurfaceReader


class PlaceStage:
    """Fill `analysis.places` with one Place per resolved mention ("P1", "P2", ...).

    Candidates come from the actors stage's entities when it has run, else from spaCy's
    entities in `analysis.doc`, plus names and demonyms found in the text (`candidates_for`).
    Places include demonyms (`adjectival=True`) and buildings placed at their town (feature
    "other", no geonameid). The gazetteer is read on the first document only.
    """

    name = "places"
    requires = frozenset({"text", "doc", "entities"})
    provides = frozenset({"places"})

    def __call__(self, analysis: Analysis) -> Analysis:
        read = SurfaceReader(analysis.text)  # the mentions' spans, read once for both steps
        analysis.places = resolve_toponyms(analysis.text, candidates_for(analysis, read), read)
        return analysis
