"""The one table of evaluation datasets: name → default path, reader, scorer, pipeline settings.

Default paths are relative to the evaluation data folder (`../shared/evaldata` from the
repository root, or `$NEWSGRAPH_EVALDATA`). The data itself never enters the repository.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.evaluate import geowebnews, gum, gum_events, meantime, petrarch, plover_gsr
from newsgraph.evaluate.crosswalk import load_crosswalk
from newsgraph.evaluate.metrics import ScoreResult

EVALDATA_ENV = "NEWSGRAPH_EVALDATA"
"""Environment variable naming the evaluation data folder."""
DEFAULT_EVALDATA = Path("..") / "shared" / "evaldata"
"""Where the evaluation data sits next to a checkout (relative to the repository root)."""
OFFICIAL_CROSSWALK = Path("plover_gsr_cameo") / "CAMEO2PLOVER-2021.txt"
"""The official CAMEO→PLOVER table, relative to the evaluation data folder."""

Predicted = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    name: str
    default_path: Path
    """Relative to the evaluation data folder."""
    description: str
    read: Callable[[Path], Sequence[Any]]
    """Gold records; each has `id`, `text` and `published` (a date or None)."""
    score: Callable[[Sequence[Any], Predicted, Path], ScoreResult]
    """Score predicted records (keyed by gold id); the path is the dataset path."""
    kb_paths: Callable[[Path], tuple[str, ...]] = lambda _path: ()
    """Knowledge-base files to lay over the built-in one for this dataset."""
    caveat: str = ""
    """What a reader of the figures must know about the gold (shown under the table)."""


def evaldata_root() -> Path:
    """The evaluation data folder: $NEWSGRAPH_EVALDATA, else ../shared/evaldata."""
    return Path(os.environ.get(EVALDATA_ENV) or DEFAULT_EVALDATA)


def _score_petrarch(gold: Sequence[Any], predicted: Predicted, path: Path) -> ScoreResult:
    # the official table sits beside the PETRARCH folder in the evaluation data layout
    official = path.resolve().parent.parent / OFFICIAL_CROSSWALK
    if not official.is_file():
        official = evaldata_root() / OFFICIAL_CROSSWALK
    return petrarch.score(gold, predicted, load_crosswalk(official))


def _petrarch_kb(path: Path) -> tuple[str, ...]:
    dictionary = petrarch.dictionary_path(path)
    return (str(dictionary),) if dictionary.is_file() else ()


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec(
            "plover-gsr",
            Path("plover_gsr_cameo") / "PLOVER_GSR_CAMEO.txt",
            "PLOVER gold records (CAMEO manual sentences): event types, dyads, actor coding",
            plover_gsr.read,
            lambda gold, predicted, _path: plover_gsr.score(gold, predicted),
            caveat="The sentences are the CAMEO manual's examples, edited; each is analysed on its "
            "own, with no article around it.",
        ),
        DatasetSpec(
            "petrarch",
            Path("petrarch2_unittest") / "PETR.UnitTest.records.xml",
            "PETRARCH unit-test sentences: CAMEO root / PLOVER agreement, actor codes",
            petrarch.read,
            _score_petrarch,
            _petrarch_kb,
            "The event codes come from PETRARCH's validation verb dictionary "
            "(PETR.Validate.verbs.txt), which gives verbs test codes (RESTORE → 064, WELCOME → 041) "
            "that often differ from the CAMEO codebook; low event agreement here is expected. "
            "The actor codes and the no-event sentences are the informative figures.",
        ),
        DatasetSpec(
            "meantime",
            Path("meantime_en") / "intra_cross-doc_annotation",
            "MEANTIME Wikinews (CAT XML): TIMEX3 detection and values, named mentions",
            meantime.read,
            lambda gold, predicted, _path: meantime.score(gold, predicted),
            caveat="Only the fully annotated opening of each article (title, date line, first "
            "sentences: MEANTIME sentence numbers 0-5) is scored.",
        ),
        DatasetSpec(
            "gum",
            Path("gum_news"),
            "GUM news (CoNLL-U + TT-SGML): named mentions and types, quote spans",
            gum.read,
            lambda gold, predicted, _path: gum.score(gold, predicted),
            caveat=(
                'GUM\'s gold nests names inside names ("Texas" in "University of Texas"), so '
                "our nested mentions count here; without them typed F1 is about 0.78. A named "
                "mention is one whose head is a proper noun; matching is one-to-one by overlap."
            ),
        ),
        DatasetSpec(
            "gum-events",
            Path("gum_events_dev"),
            "GUM news documents with PLOVER gold: document-level events, quotes, speakers",
            gum_events.read,
            lambda gold, predicted, _path: gum_events.score(gold, predicted),
            caveat=(
                "16 development documents, one annotator. Event precision counts predictions "
                "matched to required or optional gold events; recall counts required ones only. "
                "Seven documents have no required event: every event predicted there is counted."
            ),
        ),
        DatasetSpec(
            "geowebnews",
            Path("geowebnews") / "GWN_dev.xml",
            "GeoWebNews: toponym recall, accuracy within 161 km, median error",
            geowebnews.read,
            lambda gold, predicted, _path: geowebnews.score(gold, predicted),
        ),
    )
}


def get_dataset(name: str) -> DatasetSpec:
    """The dataset called `name`; the error lists the known ones."""
    try:
        return DATASETS[name]
    except KeyError:
        raise ConfigError(
            f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}"
        ) from None
