"""The JSON Schema of the analysis record, and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    text = files("newsgraph.schema").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way a record breaks the schema, plus offsets whose text does not match; [] if valid."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(analysis_schema())
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)
    ]
    problems += _offset_errors(record)
    return problems


def _offset_errors(record: dict[str, Any]) -> list[str]:
    text = record.get("text")
    if not isinstance(text, str):
        return []
    problems: list[str] = []

    def check(where: str, span: dict[str, Any]) -> None:
        start, end = span.get("start"), span.get("end")
        if (
            not isinstance(start, int)
            or not isinstance(end, int)
            or not 0 <= start <= end <= len(text)
        ):
            problems.append(f"{where}: span [{start}, {end}) outside the text")
        elif "text" in span and text[start:end] != span["text"]:
            problems.append(f"{where}: text[{start}:{end}] != {span['text']!r}")

    document = record.get("document", {})
    for key in ("captions", "headings", "notes", "removed", "body"):
        for i, span in enumerate(document.get(key, [])):
            check(f"document/{key}/{i}", span)
    if document.get("dateline"):
        check("document/dateline", document["dateline"])
    for key in ("quotes", "times", "places"):
        for i, span in enumerate(record.get(key, [])):
            check(f"{key}/{i}", span)
    for i, entity in enumerate(record.get("entities", [])):
        for j, mention in enumerate(entity.get("mentions", [])):
            check(f"entities/{i}/mentions/{j}", mention)
    for i, event in enumerate(record.get("events", [])):
        for role in ("actors", "recipients"):
            for j, p in enumerate(event.get(role, [])):
                check(f"events/{i}/{role}/{j}", p)
        for j, ev in enumerate(event.get("evidence", [])):
            check(f"events/{i}/evidence/{j}", ev)
            check(f"events/{i}/evidence/{j}/trigger", ev.get("trigger", {}))
    return problems


@lru_cache(maxsize=1)
def plover_schema() -> dict[str, Any]:
    """The JSON Schema of a PLOVER export record (the manual's required fields and more)."""
    text = files("newsgraph.schema").joinpath("plover_event.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def plover_errors(event: dict[str, Any]) -> list[str]:
    """Every way a PLOVER export record breaks `plover_schema()`; [] if valid."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(plover_schema())
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(event)
    ]
