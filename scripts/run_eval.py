#!/usr/bin/env python
"""Evaluate newsgraph on every dataset under ../shared/evaldata and write docs/evaluation.md.

Usage: python scripts/run_eval.py [--limit N] [--evaldata DIR] [--out FILE] [--errors-dir DIR]
       [--dataset NAME ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from rich.console import Console

from newsgraph.evaluate.datasets import DATASETS, evaldata_root
from newsgraph.evaluate.render import failure_lines, metrics_table, per_type_table
from newsgraph.evaluate.report import evaluate_all, git_commit, render_report
from newsgraph.evaluate.runner import EvaluationResult

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--limit", type=int, default=None, help="first N records of each dataset")
    parser.add_argument("--evaldata", type=Path, default=None, help="evaluation data folder")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "evaluation.md")
    parser.add_argument(
        "--errors-dir", type=Path, default=None, help="write <dataset>.errors.jsonl here"
    )
    parser.add_argument(
        "--dataset", action="append", choices=list(DATASETS), help="only these datasets"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    console = Console(highlight=False)
    root = args.evaldata or REPO / evaldata_root()  # an absolute $NEWSGRAPH_EVALDATA wins
    if not root.is_dir():
        console.print(f"no evaluation data at {root}; set NEWSGRAPH_EVALDATA or pass --evaldata")
        return 1

    def show(result: EvaluationResult) -> None:
        console.print(metrics_table(result))
        per_type = per_type_table(result)
        if per_type is not None:
            console.print(per_type)
        for line in failure_lines(result):
            console.print(line)

    report = evaluate_all(
        root, names=args.dataset, limit=args.limit, errors_dir=args.errors_dir, on_result=show
    )
    for line in report.skipped:
        console.print(line)
    text = render_report(report, date=dt.date.today(), commit=git_commit(REPO), limit=args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    console.print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
