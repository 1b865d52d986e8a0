"""The exceptions newsgraph raises, and the document error kinds it reports.

    NewsgraphError
    ├── InputError      the input cannot be read as a document (kind: empty, binary, encoding,
    │                   too_large, html, json, csv, not_found, unsupported)
    ├── ConfigError     a setting or a pipeline is wrong; the message says which and how to fix it
    ├── ResourceError   a model or data file is missing; the message says what to install
    └── StageError      a stage failed on one document (carries stage and doc_id)

The library raises; the batch runners (`newsgraph.pipeline.Pipeline.run_many`, the scale-out
workers) turn any exception into that document's error record with `document_error` and go on
with the others.
"""

from __future__ import annotations

from typing import Literal

from newsgraph.model import DocumentError

INTERNAL = "internal"
"""The error kind of an unexpected failure (a bug): the message asks for a report."""

ErrorKind = Literal[
    "empty",
    "binary",
    "encoding",
    "too_large",
    "html",
    "json",
    "csv",
    "not_found",
    "unsupported",
    "date",
    "too_slow",
    "config",
    "resource",
    "stage",
    "internal",
]
"""The kinds a document error record may carry (`error.kind` in the output schema)."""


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    kind = "error"


class InputError(NewsgraphError):
    """A document cannot be read. `kind` is the schema's `error.kind`."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
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


def document_error(exc: BaseException, where: str) -> DocumentError:
    """The error record of a document that `exc` stopped; `where` says what was running.

    An error newsgraph raises on purpose keeps its kind and message; anything else is a bug,
    reported as kind "internal" with a request to send the input document.
    """
    if isinstance(exc, NewsgraphError):
        return DocumentError(exc.kind, str(exc))
    return DocumentError(
        INTERNAL,
        f"{where} failed ({type(exc).__name__}: {exc}); please report this with the input document",
    )
