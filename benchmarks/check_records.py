"""Do the analysis records stay byte-identical? The check behind every speed-only change.

    python benchmarks/check_records.py --save before.jsonl       # on the commit before
    python benchmarks/check_records.py --compare before.jsonl    # on the commit after
    python benchmarks/check_records.py --evaldata ../shared/evaldata --save before.jsonl
    python benchmarks/check_records.py --against main            # the working tree against a revision

`--against REV` unpacks the revision's `src/` with `git archive` into a temporary folder (nothing
in the repository changes), saves its records with this script and compares ours with them.

The corpus: the `examples/` articles, the test corpus in `tests/fixtures/corpus_kb/`, a generated one (their paragraphs recombined into articles
of varied length with the names of people, places and numbers varied, and one long article) and,
with `--evaldata`, every text of the evaluation datasets (read where they lie, never copied),
each analysed with that dataset's knowledge-base overlay. Every record is written as one JSON
line with sorted keys; `--compare` reports the first differing records and exits 1 on any
difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from io import BytesIO
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PEOPLE = cycle(
    [
        ("Kenya", "Nairobi", "William Ruto", "Kenyan"),
        ("Peru", "Lima", "Dina Boluarte", "Peruvian"),
        ("Ghana", "Accra", "John Mahama", "Ghanaian"),
        ("Poland", "Warsaw", "Donald Tusk", "Polish"),
        ("Chile", "Santiago", "Gabriel Boric", "Chilean"),
        ("Vietnam", "Hanoi", "Pham Minh Chinh", "Vietnamese"),
        ("Germany", "Berlin", "Olaf Scholz", "German"),
        ("Egypt", "Cairo", "Abdel Fattah el-Sisi", "Egyptian"),
    ]
)
Item = tuple[str, str, dt.date | None]


def example_paragraphs() -> list[str]:
    from newsgraph.ingest import read_inputs

    paragraphs: list[str] = []
    for analysis in read_inputs([str(REPO / "examples")]):
        if analysis.error is None:
            paragraphs += [p.strip() for p in analysis.text.split("\n") if len(p.split()) > 5]
    return paragraphs


def generated(count: int = 40, long_chars: int = 300_000) -> Iterator[Item]:
    """Articles recombined from the examples' paragraphs, deterministic, plus one long one."""
    paragraphs = example_paragraphs()
    step = 7
    for n in range(count):
        country, city, person, adjective = next(PEOPLE)
        other = next(PEOPLE)
        head = (
            f"{city.upper()}, March {n % 28 + 1} (Reuters) - {person} said on Tuesday that "
            f"{country} would not sign the accord until {other[2]} of {other[0]} met "
            f"{adjective} officials in {other[1]}, a spokesman told reporters."
        )
        quote = (
            f'"We will not be pushed," {person} told the {adjective} parliament. '
            f"{other[3]} troops crossed into {country} on {n % 12 + 1} May, officials said."
        )
        length = 3 + (n * 5) % 17
        body = [paragraphs[(n * step + i) % len(paragraphs)] for i in range(length)]
        published = dt.date(2024, n % 12 + 1, n % 27 + 1) if n % 3 else None
        yield f"generated-{n:02d}", "\n\n".join([head, quote, *body]) + "\n", published
    parts: list[str] = []
    size, round_ = 0, 0
    while size < long_chars:
        round_ += 1
        country, city, person, _ = next(PEOPLE)
        parts.append(f"{person}, speaking in {city} on day {round_}, said {country} would act.")
        for paragraph in paragraphs:
            parts.append(paragraph)
            size += len(paragraph) + 2
            if size >= long_chars:
                break
    yield "generated-long", "\n\n".join(parts) + "\n", dt.date(2024, 5, 1)


def examples() -> Iterator[dict[str, Any]]:
    from newsgraph.export import to_record
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline import default_pipeline

    prefix = f"{REPO}{os.sep}"
    inputs = [str(REPO / "examples"), str(REPO / "tests" / "fixtures" / "corpus_kb")]
    for analysis in default_pipeline().run_many(read_inputs(inputs)):
        record = to_record(analysis)
        # the records name their file: make that independent of where the checkout lies
        record["id"] = str(record["id"]).removeprefix(prefix)
        if "source" in record:
            record["source"]["path"] = str(record["source"]["path"]).removeprefix(prefix)
        yield record


def analysed(items: Iterable[Item], kb_paths: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    from newsgraph.evaluate.runner import PipelineAnalyzer

    yield from PipelineAnalyzer(kb_paths)(items)


def evaldata_records(root: Path) -> Iterator[dict[str, Any]]:
    from newsgraph.evaluate.datasets import DATASETS

    for name, spec in DATASETS.items():
        path = root / spec.default_path
        if not path.exists():
            print(f"skipped {name}: no {path}", file=sys.stderr)
            continue
        items = [(f"{name}:{g.id}", g.text, g.published) for g in spec.read(path)]
        yield from analysed(items, spec.kb_paths(path))


def records(evaldata: Path | None) -> Iterator[str]:
    sources: list[Iterable[dict[str, Any]]] = [examples(), analysed(generated())]
    if evaldata is not None:
        sources.append(evaldata_records(evaldata))
    for source in sources:
        for record in source:
            yield json.dumps(record, sort_keys=True, ensure_ascii=False)


def revision_records(revision: str, evaldata: Path | None, into: Path) -> list[str]:
    """The records this script saves when run with the `src/` of a git revision."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    saved = into / "records.jsonl"
    command = [sys.executable, __file__, "--save", str(saved)]
    if evaldata is not None:
        command += ["--evaldata", str(evaldata)]
    env = {**os.environ, "PYTHONPATH": str(into / "src")}
    subprocess.run(command, env=env, check=True)
    return saved.read_text(encoding="utf-8").splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the records here (JSON lines)")
    action.add_argument("--compare", type=Path, help="compare with records saved earlier")
    action.add_argument("--against", help="compare with the records of this git revision")
    parser.add_argument("--evaldata", type=Path, help="also every evaluation dataset's texts")
    args = parser.parse_args()
    if args.against is not None:
        with tempfile.TemporaryDirectory(prefix="newsgraph-check-") as tmp:
            saved = revision_records(args.against, args.evaldata, Path(tmp))
    lines = list(records(args.evaldata))
    if args.save is not None:
        args.save.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} records written to {args.save}")
        return 0
    if args.compare is not None:
        saved = args.compare.read_text(encoding="utf-8").splitlines()
    differing = [i for i, (a, b) in enumerate(zip(saved, lines, strict=False)) if a != b]
    if len(saved) != len(lines):
        print(f"{len(saved)} records saved, {len(lines)} now")
    for i in differing[:5]:
        print(f"record {i} differs: {json.loads(lines[i]).get('id')}")
    print(f"{len(lines)} records, {len(differing)} differing")
    return 1 if differing or len(saved) != len(lines) else 0


if __name__ == "__main__":
    raise SystemExit(main())
