"""Rewrite the knowledge-base entry files in one canonical, diff-friendly layout.

Each entry is an object spread over a few lines; each role is one line. Run after editing:
    .venv/bin/python scripts/kb/format_kb_json.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "src/newsgraph/kb/data"
FILES = ("organizations.json", "agencies.json", "people.json", "places.json")
KEY_ORDER = ("id", "name", "type", "aliases", "surname", "country", "sector", "code", "is_agency")


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def format_entry(entry: dict[str, Any]) -> str:
    keys = [k for k in KEY_ORDER if k in entry] + [
        k for k in entry if k not in KEY_ORDER and k not in ("roles", "note")
    ]
    lines = [", ".join(f"{dump(k)}: {dump(entry[k])}" for k in keys)]
    if entry.get("roles"):
        roles = ",\n   ".join(dump(r) for r in entry["roles"])
        lines.append(f'"roles": [\n   {roles}]')
    if "note" in entry:
        lines.append(f'"note": {dump(entry["note"])}')
    return "{" + ",\n  ".join(lines) + "}"


def main() -> None:
    for name in FILES:
        path = DATA / name
        data = json.loads(path.read_text("utf-8"))
        body = ",\n".join(format_entry(e) for e in data["entries"])
        text = '{"entries": [\n' + body + "\n]}\n"
        if json.loads(text) != data:
            sys.exit(f"formatting changed the content of {name}; not written")
        path.write_text(text, "utf-8")
        print(f"{name}: {len(data['entries'])} entries")


if __name__ == "__main__":
    main()
