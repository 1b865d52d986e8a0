"""A varied corpus of analysis records written by a seeded generator (no model needed).

Several hundred wire-style reports: ordinary ones, and ones that push every column to what a record
can hold: long names and aliases, several coded parties on one side (`FRAGOV; DEUGOV; GBRGOV`),
long sector and user-KB codes, long mode and error kinds, non-Latin names, syndicated copies,
updated versions of earlier documents and error records. The store tests run it through SQLite and
PostgreSQL and compare what each kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import Any

JSON = dict[str, Any]

COUNTRIES = [
    ("FRA", "France", "Paris", 48.8566, 2.3522),
    ("DEU", "Germany", "Berlin", 52.52, 13.405),
    ("GBR", "Britain", "London", 51.5072, -0.1276),
    ("KEN", "Kenya", "Nairobi", -1.2864, 36.8172),
    ("ETH", "Ethiopia", "Addis Ababa", 9.025, 38.7469),
    ("BRA", "Brazil", "Brasilia", -15.7939, -47.8828),
    ("IND", "India", "New Delhi", 28.6139, 77.209),
    ("JPN", "Japan", "Tokyo", 35.6762, 139.6503),
    ("POL", "Poland", "Warsaw", 52.2297, 21.0122),
    ("UKR", "Ukraine", "Kyiv", 50.4501, 30.5234),
]
GIVEN = ["Amara", "Jonas", "Priya", "Kenji", "Lucia", "Tomasz", "Wanjiru", "Haile", "Olena", "Rui"]
FAMILY = ["Okafor", "Brandt", "Raman", "Sato", "Ferreira", "Nowak", "Kamau", "Tesfaye", "Bondar"]
LONG_NAMES = [
    "Sheikh Mohammed bin Abdulrahman bin Jassim bin Jaber Al Thani al-Mansouri al-Hashimi "
    "Abu Khalid",
    "Directorate-General for Neighbourhood Policy, Enlargement Negotiations and Humanitarian "
    "Civil Protection Operations of the European Commission",
    "Łukasz Wojciechowski-Brzęczyszczykiewicz",
    "Nguyễn Thị Thanh Hương",
    "Александр Сергеевич Пушкин-Преображенский",
    "国家发展和改革委员会",
]
TYPES = {
    "CONSULT": (1, 1.0, "040"),
    "AGREE": (1, 3.0, "030"),
    "ACCUSE": (3, -3.5, "112"),
    "REJECT": (3, -2.0, "120"),
    "AID": (2, 7.0, "070"),
    "PROTEST": (3, -6.5, "140"),
}
WORDS = [
    "officials",
    "said",
    "the",
    "talks",
    "on",
    "border",
    "security",
    "trade",
    "energy",
    "and",
    "refugees",
    "would",
    "resume",
    "next",
    "week",
    "after",
    "ministers",
    "met",
    "in",
    "the",
    "capital",
    "amid",
    "protests",
    "over",
    "prices",
    "and",
    "a",
    "stalled",
    "corridor",
]


def _text(rng: random.Random, lead: str, n_words: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(n_words))
    return f"{lead}. {body.capitalize()}."


def _entity(eid: str, name: str, etype: str, code: str | None, aliases: list[str]) -> JSON:
    country = code[:3] if code and code[:3].isalpha() and code[:3].isupper() else None
    return {
        "id": eid,
        "name": name,
        "type": etype,
        "aliases": aliases,
        "country": country,
        "sector": code[3:] or None if code else None,
        "code": code,
        "titles": ["minister for foreign affairs, trade and international cooperation"]
        if etype == "PERSON"
        else [],
        "roles": [
            {
                "title": "minister",
                "country": country,
                "sector": code[3:] or None if code else None,
                "start": "2024-01-01",
                "end": None,
                "source": "text",
            }
        ]
        if etype == "PERSON"
        else [],
        "mentions": [],
        "coding_source": "kb",
        "source_agency": False,
    }


def _participant(e: JSON) -> JSON:
    return {
        "entity": e["id"],
        "text": e["name"],
        "start": 0,
        "end": len(e["name"]),
        "country": e["country"],
        "sector": e["sector"],
        "code": e["code"],
    }


def document(i: int, rng: random.Random, *, doc_id: str | None = None) -> JSON:
    """One report; every seventh pushes the columns to their limits."""
    extreme = i % 7 == 0
    picks = rng.sample(COUNTRIES, 4)
    entities: list[JSON] = []
    for k, (code, cname, _, _, _) in enumerate(picks):
        person = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        aliases = [f"{person.split()[-1]} of {cname}"] if k == 0 else []
        sector = "GOV" if not extreme else rng.choice(["GOVMILINTELSPY", "GOV", "LEGOPPPTY"])
        entities.append(_entity(f"E{2 * k + 1}", person, "PERSON", code + sector, aliases))
        entities.append(_entity(f"E{2 * k + 2}", cname, "GPE", code, []))
    if extreme:
        name = LONG_NAMES[i % len(LONG_NAMES)]
        entities.append(
            _entity(
                f"E{len(entities) + 1}",
                name,
                rng.choice(["PERSON", "ORG"]),
                "IGO" + "EUR" * 8 + "UNIVERSALCODEFROMAUSERKB",
                [name[: len(name) // 2] + " (" + "alias " * 20 + ")"],
            )
        )
    lead_entity = entities[0]
    lead = f"{lead_entity['name']} met officials from {picks[1][1]} in {picks[0][2]}"
    text = _text(rng, lead, rng.randint(30, 90) if not extreme else 400)
    for e in entities:
        at = text.find(e["name"])
        if at >= 0:
            e["mentions"] = [
                {"start": at, "end": at + len(e["name"]), "text": e["name"], "kind": "name"}
            ]
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(120))
    events: list[JSON] = []
    for k in range(rng.randint(1, 4)):
        event_type = rng.choice(list(TYPES))
        quad, score, cameo = TYPES[event_type]
        n_recipients = 3 if extreme or k == 1 else 1
        recipients = [_participant(e) for e in entities[3 : 3 + 2 * n_recipients : 2]]
        actors = [_participant(entities[0])] + ([_participant(entities[-1])] if extreme else [])
        place = picks[0]
        events.append(
            {
                "id": f"V{k + 1}",
                "event_type": event_type,
                "mode": "consultative visit by a delegation" if extreme else None,
                "contexts": [],
                "actors": actors,
                "recipients": recipients,
                "date": {
                    "value": day.isoformat() if not extreme else f"{day.isoformat()}TMO/P2DT3H",
                    "start": day.isoformat(),
                    "end": (day + dt.timedelta(days=2 if extreme else 0)).isoformat(),
                    "precision": "day",
                    "source": "text" if not extreme else "discourse",
                    "time": None,
                },
                "location": {
                    "place": "P1",
                    "name": place[2],
                    "country": place[0],
                    "lat": place[3],
                    "lon": place[4],
                    "precision": "city",
                }
                if k % 2 == 0
                else None,
                "modality": "asserted" if k != 3 else "hypothetical",
                "historical": False,
                "cameo": cameo,
                "quad_class": quad,
                "score": score,
                "evidence": [
                    {
                        "start": 0,
                        "end": len(lead),
                        "text": lead,
                        "section": "body",
                        "trigger": {"start": 0, "end": 3, "text": text[:3]},
                        "quote": None,
                    }
                ],
                "confidence": round(rng.random(), 3),
            }
        )
    quote_text = " ".join(rng.choice(WORDS) for _ in range(12 if not extreme else 300))
    text += f' "{quote_text}," {lead_entity["name"]} said.'
    q_start = text.index(quote_text)
    quotes = [
        {
            "id": "Q1",
            "start": q_start,
            "end": q_start + len(quote_text),
            "text": quote_text,
            "kind": "direct",
            "speaker": {"entity": lead_entity["id"], "text": lead_entity["name"]},
            "cue": "said" if not extreme else "said in a statement read out on state television",
            "via": None if not extreme else "according to a spokesperson for the ministry",
        }
    ]
    times = [
        {
            "id": "T1",
            "start": 0,
            "end": 6,
            "text": text[:6],
            "type": "DATE",
            "value": day.isoformat() if not extreme else "P1Y2M10DT2H30M" + "X" * 60,
            "mod": None if not extreme else "APPROX_AFTER_START_OF_PERIOD",
        }
    ]
    places = [
        {
            "id": "P1",
            "start": 0,
            "end": 6,
            "text": text[:6],
            "name": picks[0][2],
            "geonameid": 1000 + i,
            "lat": picks[0][3],
            "lon": picks[0][4],
            "country": picks[0][0],
            "feature": "city",
            "adjectival": False,
        }
    ]
    publisher = "Wire " + rng.choice(["Agency", "Service", "Press"]) + (" " * 0)
    return {
        "id": doc_id or f"varied-{i:04d}",
        "text": text,
        "source": {
            "path": None,
            "url": f"https://news.example/{i}" + ("/long" * 80 if extreme else ""),
            "publisher": publisher if not extreme else "The " + "Very " * 30 + "Long Gazette",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        "document": {
            "title": lead if not extreme else lead + " — " + "update " * 60,
            "subtitle": None,
            "authors": [],
            "published": day.isoformat(),
            "published_source": "input",
            "language": "en",
            "captions": [],
            "headings": [],
            "notes": [],
            "removed": [],
            "body": [{"start": 0, "end": len(text)}],
        },
        "entities": entities,
        "events": events,
        "quotes": quotes,
        "times": times,
        "places": places,
        "stages": [],
        "diagnostics": [],
    }


def copy_of(record: JSON, doc_id: str, publisher: str) -> JSON:
    """A syndicated copy: the same body under another outlet's id and URL."""
    out = {**record, "id": doc_id}
    out["text"] = record["text"]
    out["source"] = {
        **record["source"],
        "publisher": publisher,
        "url": f"https://{publisher.lower()}.example/{doc_id}",
    }
    # Same text, same sha256: stored once. A copy differs by its credit line.
    out["text"] = record["text"] + f" ({publisher})"
    out["source"]["sha256"] = hashlib.sha256(out["text"].encode()).hexdigest()
    out["document"] = {**record["document"], "body": [{"start": 0, "end": len(out["text"])}]}
    return out


def error_record(i: int, long: bool) -> JSON:
    kind = "internal_error_while_decoding_a_very_long_input_file" if long else "decode"
    return {
        "id": f"broken-{i:04d}",
        "error": {"kind": kind, "message": "x" * (5000 if long else 20)},
    }


def corpus(n: int = 300, seed: int = 17, *, versions: bool = True) -> list[JSON]:
    """n reports, a copy of every tenth, some errors and (`versions`) a later version of every
    thirteenth at the end."""
    rng = random.Random(seed)
    out: list[JSON] = []
    for i in range(n):
        rec = document(i, rng)
        out.append(rec)
        if i % 10 == 3:
            out.append(copy_of(rec, f"copy-{i:04d}", rng.choice(["Outlet", "Herald", "Courier"])))
        if i % 13 == 5:
            out.append(error_record(i, long=i % 2 == 1))
    if not versions:
        return out
    for i in range(5, n, 13):  # later versions replace earlier documents
        out.append(document(n + i, rng, doc_id=f"varied-{i:04d}"))
    return out
