"""What each stage costs per document when the document holds nothing to find.

    python benchmarks/bench_fixed_cost.py                 # 500 short documents, 2 rounds

A document of one plain sentence ("It was a quiet day.") has no name, date, place, quote or
event, yet every stage still looks at it: what it spends there is its fixed cost per document,
paid again by every document of a corpus whatever its length. Short documents (briefs, the
`examples/` texts) feel it most in the parse / full analysis ratio of bench_pipeline.py.
Prints spaCy alone and the full analysis in CPU milliseconds per document, and each stage's
part (ingest: building the Analysis from the text), in one process, alternating round by round.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import WARM_UP, time_stages, timed_reads

QUIET = ("It was a quiet day.", "Nothing else happened there.")
"""Two sentences with nothing any stage is looking for."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="documents per round")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from newsgraph.annotate import load_spacy
    from newsgraph.export import to_record
    from newsgraph.ingest import analysis_from_text
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import load_settings

    settings = load_settings()
    pipeline = Pipeline(settings)
    list(pipeline.run_many([analysis_from_text(WARM_UP)]))
    nlp = load_spacy(settings.spacy_model)
    texts = [QUIET[i % len(QUIET)] for i in range(args.docs)]
    stages: dict[str, float] = defaultdict(float)
    time_stages(pipeline, stages, time.process_time)
    columns = ["ingest", *pipeline.stage_names]
    print("| round | spaCy ms/doc | full ms/doc | " + " | ".join(columns) + " |")
    print("|---:|---:|---:|" + "---:|" * len(columns))
    for round_number in range(1, args.rounds + 1):
        stages.clear()
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        spacy_ms = (time.process_time() - start) * 1000 / len(texts)
        start = time.process_time()
        built = timed_reads((analysis_from_text(text) for text in texts), stages, time.process_time)
        for analysis in pipeline.run_many(built):
            to_record(analysis)
        full_ms = (time.process_time() - start) * 1000 / len(texts)
        per_stage = " | ".join(f"{stages[name] * 1000 / len(texts):.3f}" for name in columns)
        print(f"| {round_number} | {spacy_ms:.3f} | {full_ms:.3f} | {per_stage} |")


if __name__ == "__main__":
    main()
