"""An article whose text tries to inject markup: every value must show as text, none may run."""

from __future__ import annotations

from record_factory import JSON, entity, event, participant, quote, record

SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src="http://203.0.113.9/beacon.png" onerror="window.__pwned = 2">'
HOSTILE_TEXT = (
    f"Opposition leader Daniel Mbeki{SCRIPT} accused the Interior Ministry of rigging the vote. "
    f'"They stole the election {IMAGE} and everyone knows it," Mbeki told supporters in '
    "Pretoria on Saturday. The ministry denied the claim."
)
QUOTED = f"They stole the election {IMAGE} and everyone knows it"


def hostile_record() -> JSON:
    mbeki = entity("E1", f"Daniel Mbeki{SCRIPT}", code="ZAFOPP", aliases=("Mbeki",))
    ministry = entity("E2", "Interior Ministry", "ORG", code="ZAFGOV")
    return record(
        "hostile-01",
        HOSTILE_TEXT,
        f"The Wire{SCRIPT}",
        "2025-03-08",
        [mbeki, ministry],
        [
            event(
                "V1",
                "ACCUSE",
                [participant(mbeki, f"Mbeki{SCRIPT}")],
                [participant(ministry)],
                "2025-03-08",
                quad=3,
                score=-2.0,
            )
        ],
        [quote("Q1", QUOTED, HOSTILE_TEXT, mbeki)],
    )
