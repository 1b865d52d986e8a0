"""Measuring newsgraph against public gold data, one reader and one pure scorer per dataset.

`run_evaluation(dataset, path)` reads the gold, runs the pipeline over its texts, and scores the
analysis records; `newsgraph evaluate` and `scripts/run_eval.py` show the figures.
"""

from newsgraph.evaluate.datasets import DATASETS, DatasetSpec, evaldata_root, get_dataset
from newsgraph.evaluate.metrics import PRF, Metric, RecordError, ScoreResult
from newsgraph.evaluate.runner import EvaluationResult, PipelineAnalyzer, run_evaluation

__all__ = [
    "DATASETS",
    "PRF",
    "DatasetSpec",
    "EvaluationResult",
    "Metric",
    "PipelineAnalyzer",
    "RecordError",
    "ScoreResult",
    "evaldata_root",
    "get_dataset",
    "run_evaluation",
]
