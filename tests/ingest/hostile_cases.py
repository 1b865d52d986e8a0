"""A generated suite of hostile corpus lines: every record field crossed with bad values.

Each case is one JSON Lines line (bytes). Built, not random, so a failure names its case.
"""

from __future__ import annotations

import json
from itertools import cycle

FIELDS = ("id", "text", "html", "title", "published", "url", "source", "extra")

DEEP = 50_000
RAW_VALUES: dict[str, str] = {
    "lone-high-surrogate": '"Minister \\ud800 said"',
    "lone-low-surrogate": '"\\udfff"',
    "surrogate-at-end": '"Talks ended \\ud83d"',
    "reversed-pair": '"\\ude00\\ud83d"',
    "integer-4301-digits": "9" * 4301,
    "negative-integer-9000-digits": "-" + "1" * 9000,
    "deep-array": "[" * DEEP + "]" * DEEP,
    "deep-object": '{"a":' * DEEP + "0" + "}" * DEEP,
    "deep-mixed": '[{"b":' * (DEEP // 2) + "1" + "}]" * (DEEP // 2),
    "null": "null",
    "true": "true",
    "zero": "0",
    "huge-float": "1e999",
    "tiny-float": "-1e-999",
    "empty-array": "[]",
    "empty-object": "{}",
    "mixed-array": '[1, "Lima", null, {"x": []}]',
    "empty-string": '""',
    "blank-string": '"   \\n\\t "',
    "nul-bytes": '"Lima\\u0000talks\\u0000"',
    "year-9999": '"9999-12-31"',
    "year-1": '"0001-01-01"',
    "not-a-date": '"2024-02-30"',
    "control-characters": '"\\u0007\\u001b[31mred\\u009b"',
    "bidi-and-zero-width": '"\\u202eAbbas\\u200d\\u2066 met\\ufeff Netanyahu"',
}

RAW_LINES: dict[str, bytes] = {
    "truncated-object": b'{"text": "Talks in Lima',
    "invalid-utf8": b'{"text": "Talks in \xff\xfe Lima"}',
    "latin1-bytes": b'{"text": "Caf\xe9 owners in Lyon protested."}',
    "nul-byte-line": b'{"text": "a"}\x00',
    "bare-text": b"Talks in Lima ended on Friday.",
    "two-objects": b'{"text": "a"} {"text": "b"}',
    "trailing-comma": b'{"text": "Talks in Lima ended.",}',
    "single-quotes": b"{'text': 'Talks in Lima ended.'}",
    "nan-value": b'{"text": "Talks", "score": NaN}',
    "duplicate-keys": b'{"text": 1, "text": "Talks in Lima ended."}',
    "utf16-line": '{"text": "Talks"}'.encode("utf-16"),
    "bom-inside": b'\xef\xbb\xbf{"text": "Talks in Lima ended."}',
    "only-brackets": b"[" * DEEP,
    "only-braces": b"{" * DEEP,
    "big-integer-alone": b"7" * 5000,
    "escaped-surrogate-key": b'{"\\ud800": "x", "text": "Talks in Lima ended."}',
}


def hostile_cases() -> dict[str, bytes]:
    """Name → one JSONL line (no newline): 8 fields × 25 values, plus 16 malformed lines."""
    cases: dict[str, bytes] = {}
    for field in FIELDS:
        for name, raw in RAW_VALUES.items():
            parts = [f'"{field}": {raw}']
            if field not in ("text", "html"):
                parts.append('"text": "Peru and Chile resumed talks in Lima, officials said."')
            cases[f"{field}={name}"] = ("{" + ", ".join(parts) + "}").encode("utf-8")
    cases.update({f"line={name}": line for name, line in RAW_LINES.items()})
    return cases


PLACES = cycle(
    [
        ("Kenya", "Nairobi", "Uganda"),
        ("Peru", "Lima", "Chile"),
        ("Ghana", "Accra", "Togo"),
        ("Poland", "Warsaw", "Lithuania"),
        ("Vietnam", "Hanoi", "Laos"),
        ("Morocco", "Rabat", "Mauritania"),
        ("Colombia", "Bogota", "Ecuador"),
    ]
)
VERBS = cycle(["signed a trade accord", "agreed to reopen the border", "held talks on water"])


def good_record(number: int) -> str:
    """A short, varied wire-style article as a JSONL line with id `good-N`."""
    country, city, other = next(PLACES)
    verb = next(VERBS)
    text = (
        f"{country} and {other} {verb} in {city} on Tuesday, officials said.\n\n"
        f"“This is a step forward,” {country}'s foreign minister told reporters in {city}. "
        f"{other} will send a delegation of {number + 11} officials next month."
    )
    return json.dumps({"id": f"good-{number}", "text": text, "published": "2024-05-14"})
