"""The test record factory: analysis records written by hand (no model needed).

`make_record` is one small valid record; `entity`, `participant`, `event`, `quote` and `record`
build others; `scenario` is a deterministic cross-article set of them.

Three reports of one visit (one a syndicated copy), the same leader's further visits a week
apart, and unrelated stories. Texts are invented for these tests.
"""

from __future__ import annotations

import hashlib
from typing import Any

JSON = dict[str, Any]

ADDIS = {
    "place": "P1",
    "name": "Addis Ababa",
    "country": "ETH",
    "lat": 9.025,
    "lon": 38.7469,
    "precision": "city",
}
KAMPALA = {
    "place": "P1",
    "name": "Kampala",
    "country": "UGA",
    "lat": 0.3163,
    "lon": 32.5822,
    "precision": "city",
}


def entity(
    eid: str,
    name: str,
    etype: str = "PERSON",
    code: str | None = None,
    aliases: tuple[str, ...] = (),
    roles: tuple[JSON, ...] = (),
) -> JSON:
    country = code[:3] if (code and etype != "ORG") or (code and len(code) == 6) else None
    return {
        "id": eid,
        "name": name,
        "type": etype,
        "aliases": list(aliases),
        "country": country,
        "sector": code[3:] if code and len(code) > 3 else None,
        "code": code,
        "titles": [],
        "roles": list(roles),
        "mentions": [],
        "coding_source": "kb",
        "source_agency": False,
    }


def participant(e: JSON | None, text: str | None = None, code: str | None = None) -> JSON:
    if e is None:
        return {
            "entity": None,
            "text": text or "",
            "start": 0,
            "end": 0,
            "country": None,
            "sector": None,
            "code": code,
        }
    return {
        "entity": e["id"],
        "text": text or e["name"],
        "start": 0,
        "end": 0,
        "country": e["country"],
        "sector": e["sector"],
        "code": e["code"],
    }


def event(
    eid: str,
    event_type: str,
    actors: list[JSON],
    recipients: list[JSON],
    date: str | None,
    location: JSON | None = None,
    *,
    quad: int = 1,
    score: float = 1.0,
    modality: str = "asserted",
    mode: str | None = None,
    end: str | None = None,
) -> JSON:
    return {
        "id": eid,
        "event_type": event_type,
        "mode": mode,
        "contexts": [],
        "actors": actors,
        "recipients": recipients,
        "date": None
        if date is None
        else {
            "value": date,
            "start": date,
            "end": end or date,
            "precision": "day",
            "source": "text",
            "time": None,
        },
        "location": location,
        "modality": modality,
        "historical": False,
        "cameo": None,
        "quad_class": quad,
        "score": score,
        "evidence": [],
        "confidence": 0.8,
    }


def record(
    doc_id: str,
    text: str,
    publisher: str,
    published: str,
    entities: list[JSON],
    events: list[JSON],
    quotes: list[JSON] | None = None,
) -> JSON:
    """A record whose evidence and mentions point into `text` (the first sentence)."""
    first = text.split(". ")[0]
    for v in events:
        v["evidence"] = [
            {
                "start": 0,
                "end": len(first),
                "text": first,
                "section": "body",
                "trigger": {"start": 0, "end": 1, "text": text[0]},
                "quote": None,
            }
        ]
    for e in entities:
        at = text.find(e["name"])
        if at >= 0:
            e["mentions"] = [
                {"start": at, "end": at + len(e["name"]), "text": e["name"], "kind": "name"}
            ]
    return {
        "id": doc_id,
        "text": text,
        "source": {
            "path": None,
            "url": f"https://{publisher.lower().replace(' ', '')}.example/{doc_id}",
            "publisher": publisher,
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        "document": {
            "title": first[:60],
            "subtitle": None,
            "authors": [],
            "published": published,
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
        "quotes": quotes or [],
        "times": [],
        "places": [],
        "stages": [],
        "diagnostics": [],
    }


def quote(qid: str, text: str, body: str, speaker: JSON | None) -> JSON:
    start = body.find(text)
    return {
        "id": qid,
        "start": start,
        "end": start + len(text),
        "text": text,
        "kind": "direct",
        "speaker": None if speaker is None else {"entity": speaker["id"], "text": speaker["name"]},
        "cue": "said",
        "via": None,
    }


WIRE = (
    "Kenyan President William Ruto arrived in Addis Ababa on Monday for talks with Ethiopian "
    "Prime Minister Abiy Ahmed on a stalled highway and power-line project. Ruto met Abiy at the "
    "National Palace, where the two leaders discussed financing for the Moyale corridor, "
    "cross-border grazing disputes and security along their shared frontier, officials said. "
    '"We have agreed that our ministers will meet every quarter until the corridor is finished," '
    "Ruto told reporters. Abiy said Ethiopia wanted Kenyan ports to handle more of its trade."
)


def scenario() -> list[JSON]:
    """Ten documents → 8 event clusters; the Addis visit of 12 May has 2 reports, 3 documents."""
    ruto = entity(
        "E1",
        "William Ruto",
        code="KENGOV",
        aliases=("Ruto",),
        roles=(
            {
                "title": "President of Kenya",
                "country": "KEN",
                "sector": "GOV",
                "start": "2022-09-13",
                "end": None,
                "source": "kb",
            },
        ),
    )
    abiy = entity("E2", "Abiy Ahmed", code="ETHGOV", aliases=("Abiy",))
    wire_quote = (
        "We have agreed that our ministers will meet every quarter until the corridor is finished"
    )
    a = record(
        "kb-01",
        WIRE,
        "Coastline Wire",
        "2025-05-12",
        [ruto, abiy],
        [
            event(
                "V1",
                "CONSULT",
                [participant(ruto)],
                [participant(abiy)],
                "2025-05-12",
                ADDIS,
                score=1.0,
                mode="visit",
            )
        ],
        [quote("Q1", wire_quote, WIRE, ruto)],
    )
    copy_text = WIRE + " This story was supplied by Coastline Wire."
    b = record(
        "kb-02",
        copy_text,
        "Highland Herald",
        "2025-05-12",
        [dict(ruto), dict(abiy)],
        [
            event(
                "V1",
                "CONSULT",
                [participant(ruto)],
                [participant(abiy)],
                "2025-05-12",
                ADDIS,
                score=1.0,
                mode="visit",
            )
        ],
    )
    # An independent report: the leader under a fuller name (the short one as alias), one event
    # dated by the text, one only by the next day's publication date.
    ruto_full = entity("E1", "William Samoei Ruto", code="KENGOV", aliases=("William Ruto",))
    abiy_c = entity("E2", "Abiy", code="ETHGOV")
    c_text = (
        "Kenya and Ethiopia pledged to complete the long-delayed Moyale highway after "
        "President William Samoei Ruto visited Addis Ababa on Monday. During the visit Ruto "
        "held talks with Abiy on funding gaps that have left the road unpaved."
    )
    c = record(
        "kb-03",
        c_text,
        "East Africa Observer",
        "2025-05-13",
        [ruto_full, abiy_c],
        [
            event(
                "V1",
                "CONSULT",
                [participant(ruto_full)],
                [participant(abiy_c)],
                "2025-05-12",
                ADDIS,
                mode="visit",
            ),
            event(
                "V2",
                "CONSULT",
                [participant(ruto_full, "Ruto")],
                [participant(abiy_c)],
                "2025-05-13",
            ),
        ],
    )
    museveni = entity("E2", "Yoweri Museveni", code="UGAGOV")
    ruto_d = entity("E1", "William Samoei Ruto", code="KENGOV")
    d_text = (
        "President William Samoei Ruto visited Kampala on Monday and met Yoweri Museveni to "
        "discuss a planned oil products pipeline between the two countries."
    )
    d = record(
        "kb-04",
        d_text,
        "Coastline Wire",
        "2025-05-19",
        [ruto_d, museveni],
        [
            event(
                "V1",
                "CONSULT",
                [participant(ruto_d)],
                [participant(museveni)],
                "2025-05-19",
                KAMPALA,
                mode="visit",
            )
        ],
    )
    e_text = (
        "William Ruto returned to Addis Ababa on Monday for a second round of talks with Abiy "
        "Ahmed a fortnight after his first visit, as the corridor deal stalled again."
    )
    e = record(
        "kb-05",
        e_text,
        "East Africa Observer",
        "2025-05-26",
        [dict(ruto), dict(abiy)],
        [
            event(
                "V1",
                "CONSULT",
                [participant(ruto)],
                [participant(abiy)],
                "2025-05-26",
                ADDIS,
                mode="visit",
            )
        ],
    )
    kenya = entity("E1", "Kenya", "GPE", code="KEN")
    ethiopia = entity("E2", "Ethiopia", "GPE", code="ETH")
    f_text = (
        "Kenya accused Ethiopia on Tuesday of sending troops across the border near Moyale, "
        "days after the two leaders pledged closer cooperation."
    )
    f = record(
        "kb-06",
        f_text,
        "Coastline Wire",
        "2025-06-03",
        [kenya, ethiopia],
        [
            event(
                "V1",
                "ACCUSE",
                [participant(kenya)],
                [participant(ethiopia)],
                "2025-06-03",
                quad=3,
                score=-2.0,
            )
        ],
    )
    crowd_text = (
        "Thousands of people marched through central Santiago on Thursday to protest "
        "against changes to the pension system."
    )
    g = record(
        "kb-07",
        crowd_text,
        "Andes Daily",
        "2025-04-03",
        [],
        [
            event(
                "V1",
                "PROTEST",
                [participant(None, "Thousands of people", "CHLCVL")],
                [],
                "2025-04-03",
                quad=3,
                score=-3.0,
            )
        ],
    )
    japan = entity("E1", "Japan", "GPE", code="JPN")
    phil = entity("E2", "Philippines", "GPE", code="PHL")
    h_text = (
        "Japan and the Philippines signed an agreement on Thursday allowing their armed forces "
        "to share fuel and food during joint exercises."
    )
    h = record(
        "kb-08",
        h_text,
        "Pacific Report",
        "2025-02-20",
        [japan, phil],
        [event("V1", "AGREE", [participant(japan)], [participant(phil)], "2025-02-20", score=3.0)],
    )
    eu = entity("E1", "European Union", "ORG", code="IGOEEC", aliases=("EU",))
    blr = entity("E2", "Belarusian officials", "NORP", code="BLRGOV")
    i_text = (
        "The European Union on Tuesday imposed sanctions on 25 Belarusian officials it "
        "accuses of repressing opposition activists."
    )
    i = record(
        "kb-09",
        i_text,
        "Baltic Ledger",
        "2025-03-18",
        [eu, blr],
        [
            event(
                "V1",
                "SANCTION",
                [participant(eu)],
                [participant(blr)],
                "2025-03-18",
                quad=4,
                score=-4.0,
            )
        ],
    )
    police = entity("E1", "Punjab police", "ORG", code="PAKCOP")
    azhar = entity("E2", "Hammad Azhar", code="PAKOPP")
    j_text = (
        "Pakistani police arrested opposition politician Hammad Azhar in Lahore on Thursday, "
        "hours before a planned rally, his party said."
    )
    j = record(
        "kb-10",
        j_text,
        "Indus Tribune",
        "2025-08-14",
        [police, azhar],
        [
            event(
                "V1",
                "COERCE",
                [participant(police)],
                [participant(azhar)],
                "2025-08-14",
                quad=4,
                score=-5.0,
            )
        ],
    )
    return [a, b, c, d, e, f, g, h, i, j]


EXPECTED_CLUSTERS = 8
"""kb-01/02/03 → one cluster; each other document → its own."""


def make_record(body: str, doc_id: str = "doc-1", published: str = "2025-03-02") -> dict[str, Any]:
    """A small, valid analysis record written by hand (no model needed)."""
    start = body.index("met")
    return {
        "id": doc_id,
        "text": body,
        "source": {
            "path": None,
            "url": None,
            "publisher": "Example Wire",
            "sha256": hashlib.sha256(body.encode()).hexdigest(),
        },
        "document": {
            "title": "Leaders meet",
            "subtitle": None,
            "authors": [],
            "published": published,
            "published_source": "input",
            "language": "en",
            "captions": [],
            "headings": [],
            "notes": [],
            "removed": [],
            "body": [{"start": 0, "end": len(body)}],
        },
        "entities": [
            {
                "id": "E1",
                "name": "Olaf Weber",
                "type": "PERSON",
                "aliases": [],
                "country": "DEU",
                "sector": "GOV",
                "code": "DEUGOV",
                "titles": ["chancellor"],
                "mentions": [{"start": 0, "end": 10, "text": body[0:10]}],
            }
        ],
        "events": [
            {
                "id": "V1",
                "event_type": "CONSULT",
                "mode": "visit",
                "contexts": [],
                "actors": [
                    {
                        "entity": "E1",
                        "text": body[0:10],
                        "start": 0,
                        "end": 10,
                        "country": "DEU",
                        "sector": "GOV",
                        "code": "DEUGOV",
                    }
                ],
                "recipients": [],
                "date": {
                    "value": published,
                    "start": published,
                    "end": published,
                    "precision": "day",
                    "source": "text",
                },
                "location": None,
                "modality": "asserted",
                "historical": False,
                "cameo": "042",
                "quad_class": 1,
                "score": 1.9,
                "evidence": [
                    {
                        "start": 0,
                        "end": len(body),
                        "text": body,
                        "section": "body",
                        "trigger": {"start": start, "end": start + 3, "text": "met"},
                    }
                ],
                "confidence": 0.9,
            }
        ],
        "quotes": [],
        "times": [],
        "places": [],
    }
