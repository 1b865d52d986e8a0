"""Generate the event-type classifier's labelled corpus from hand-written frames.

Each frame (`frames_*.py`) is filled many times with varied actors, places and times
(`pools.py`). The held-out split is drawn by frame, not by sentence, so the test score measures
how well the model generalises to phrasings it never saw. Deterministic for a given seed.

    python scripts/events/classifier/make_corpus.py [--seed 13] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import frames_conflict  # noqa: E402
import frames_coop  # noqa: E402
import frames_extra  # noqa: E402
import frames_more  # noqa: E402
import frames_negative  # noqa: E402
import pools  # noqa: E402

DEFAULT_OUT = HERE.parents[2] / "src/newsgraph/events/classifier/data/corpus.jsonl"
SAMPLES_PER_EVENT_FRAME = 10  # fillings tried per event frame (duplicates are dropped)
SAMPLES_PER_NEGATIVE_FRAME = 15  # more per negative frame: negatives must be >= 20 %
TEST_SHARE = 0.2  # share of each type's frames held out
ATTRIBUTION_RATE = 0.15  # share of non-headline sentences given a reporting tail
EMPTY_TIME_RATE = 0.35  # share of {T} slots left empty
MODALITIES = {"a": "asserted", "f": "future", "i": "intended", "h": "hypothetical", "n": "negated"}
ATTRIBUTIONS = [
    ", officials said",
    ", state media reported",
    ", witnesses said",
    ", a spokesman said",
    ", according to local reports",
    ", the news agency reported",
    ", sources said",
]
SMALL_WORDS = frozenset({"of", "in", "on", "to", "and", "for", "with", "the", "a", "at"})
SLOT = re.compile(r"\{([A-Z$]+)(\d?)\}")
CHOICE = re.compile(r"\[([^\[\]]+)\]")


@dataclass(frozen=True)
class Frame:
    frame_id: str
    event_type: str | None
    mode: str | None
    modality: str
    template: str


def parse_frames() -> list[Frame]:
    """Read every frame table into `Frame`s with stable ids (TYPE-NN, NEG-NN)."""
    tables: list[tuple[str | None, str]] = [
        *(
            (t, f + frames_more.FRAMES[t] + frames_extra.FRAMES[t])
            for t, f in {**frames_coop.FRAMES, **frames_conflict.FRAMES}.items()
        ),
        (None, frames_negative.FRAMES + frames_negative.MORE_FRAMES),
    ]
    frames: list[Frame] = []
    for event_type, block in tables:
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        for number, line in enumerate(lines, 1):
            mode, modality, template = line.split("|", 2)
            frame_id = f"{event_type or 'NEG'}-{number:02d}"
            frames.append(
                Frame(
                    frame_id,
                    event_type,
                    None if mode == "-" else mode,
                    MODALITIES[modality],
                    template,
                )
            )
    return frames


def _ministry(rng: random.Random) -> str:
    bare = rng.choice(pools.MINISTRIES)
    if bare.startswith("the ") and rng.random() < 0.5:
        return f"the {rng.choice(pools.ADJECTIVES)} {bare[4:]}"
    return bare


def _filler(kind: str, rng: random.Random) -> str:
    """One filler for a slot kind; the error names the unknown slot so a frame can be fixed."""
    table: dict[str, list[str]] = {
        "S": pools.STATES,
        "ADJ": pools.ADJECTIVES,
        "L": pools.LEADERS,
        "ARM": pools.ARMED,
        "IGO": pools.IGOS,
        "POL": pools.POLICE,
        "CR": pools.CROWDS,
        "CO": pools.COMPANIES,
        "NGO": pools.NGOS,
        "PPL": pools.PEOPLE,
        "C": pools.CITIES,
        "T": pools.TIMES,
        "N": pools.NUMBERS,
        "$": pools.MONEY,
        "TOP": pools.TOPICS,
    }
    if kind == "M":
        return _ministry(rng)
    if kind == "T" and rng.random() < EMPTY_TIME_RATE:
        return ""
    if kind not in table:
        raise KeyError(f"unknown slot {{{kind}}}: add it to _filler or fix the frame")
    return rng.choice(table[kind])


def _headline(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        w if (i and w.lower() in SMALL_WORDS) or not w else w[0].upper() + w[1:]
        for i, w in enumerate(words)
    )


def fill(template: str, rng: random.Random) -> str:
    """Resolve `[a|b]` choices, then slots (numbered slots differ from the unnumbered one)."""
    headline = template.startswith("H:")
    text = template[2:] if headline else template
    while CHOICE.search(text):
        text = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text, count=1)
    used: dict[str, set[str]] = {}

    def slot(match: re.Match[str]) -> str:
        kind = match.group(1)
        taken = used.setdefault(kind, set())
        for _ in range(20):
            value = _filler(kind, rng)
            if value not in taken or not value:
                break
        taken.add(value)
        return value

    text = SLOT.sub(slot, text)
    text = re.sub(r"\s+", " ", text).replace(" ,", ",").replace(" .", ".").strip()
    text = text.replace(",,", ",").replace(",.", ".")
    if headline:
        return _headline(text)
    if rng.random() < ATTRIBUTION_RATE and text.endswith(".") and '"' not in text:
        text = text[:-1].rstrip(",") + rng.choice(ATTRIBUTIONS) + "."
    return text[0].upper() + text[1:]


def split_of(frames: list[Frame], rng: random.Random) -> dict[str, str]:
    """Hold out TEST_SHARE of each type's frames (at least one)."""
    by_type: dict[str, list[str]] = {}
    for frame in frames:
        by_type.setdefault(frame.event_type or "NEG", []).append(frame.frame_id)
    split: dict[str, str] = {}
    for ids in by_type.values():
        shuffled = sorted(ids)
        rng.shuffle(shuffled)
        n_test = max(1, round(len(ids) * TEST_SHARE))
        for index, frame_id in enumerate(shuffled):
            split[frame_id] = "test" if index < n_test else "train"
    return split


def generate(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    frames = parse_frames()
    split = split_of(frames, rng)
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for frame in frames:
        count = SAMPLES_PER_EVENT_FRAME if frame.event_type else SAMPLES_PER_NEGATIVE_FRAME
        for _ in range(count):
            text = fill(frame.template, rng)
            if text in seen:
                continue
            seen.add(text)
            rows.append(
                {
                    "text": text,
                    "event_type": frame.event_type,
                    "mode": frame.mode,
                    "modality": frame.modality,
                    "frame": frame.frame_id,
                    "split": split[frame.frame_id],
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = generate(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    negatives = sum(1 for row in rows if row["event_type"] is None)
    tests = sum(1 for row in rows if row["split"] == "test")
    print(
        f"{len(rows)} sentences, {negatives} negatives ({negatives / len(rows):.0%}), "
        f"{tests} held out, written to {args.out}"
    )


if __name__ == "__main__":
    main()
