"""The exceptions newsgraph raises, and the document error kinds it reports.

    NewsgraphError
    ├── InputError      the input cannot be read as a document (kind: empty, binary, encoding,
    │                   too_large, html, json, csv, not_found, unsupported)
    ├── ConfigError     a setting or a pipeline is wrong; the message says which and how to fix it
    ├── ResourceError   a model or data file is missing; the message says what to install
    └── StageError      a stage failed on one document (carries stage and doc_id)

The library raises; the batch runner (`newsgraph.pipeline.Pipeline.run_many`) turns an
`InputError` or `StageError` into that document's error record and goes on with the others.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    kind = "error"


class InputError(NewsgraphError):
    """A document cannot be read. `kind` is the schema's `error.kind`."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ConfigError(NewsgraphError):
    kind = "config"


class ResourceError(NewsgraphError):
    kind = "resource"


class StageError(NewsgraphError):
    kind = "stage"

    def __init__(self, stage: str, doc_id: str, message: str) -> None:
        super().__init__(f"stage {stage!r} failed on {doc_id!r}: {message}")
        self.stage = stage
        self.doc_id = doc_id
        self.message = message
