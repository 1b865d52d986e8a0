"""Writers of the analysis record (JSON, JSONL, tables) and of store exports."""

from newsgraph.export.record import to_record

__all__ = ["to_record"]
