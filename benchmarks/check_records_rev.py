"""Check that a change leaves every analysis record byte-identical (for speed work).

Runs `newsgraph extract --format jsonl` over `examples/`, the test corpus in
`tests/fixtures/corpus_kb/` and a seeded generated corpus of wire stories (datelines, titles,
quotes, relative and absolute dates, places, several actors per sentence), once with the
working tree's code and once with the code of a git revision (default `HEAD`), and compares the
output line by line:

    python benchmarks/check_records_rev.py                 # working tree against HEAD
    python benchmarks/check_records_rev.py --against main  # against another revision
    python benchmarks/check_records_rev.py --docs 400 --also ../more/texts/

The revision's `src/` is unpacked with `git archive` into a temporary folder, so nothing in the
repository changes. Exit status 0 when the records are identical, 1 (with the first differences)
when not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXED_INPUTS = [REPO / "examples", REPO / "tests" / "fixtures" / "corpus_kb"]
PUBLISHED = "2025-06-15"
"""The reference date given to `extract` (documents without their own date use it)."""
SEED = 23

PEOPLE = [
    ("Kenyan President William Ruto", "Ruto", "KEN", "Nairobi"),
    ("Ethiopian Prime Minister Abiy Ahmed", "Abiy", "ETH", "Addis Ababa"),
    ("French President Emmanuel Macron", "Macron", "FRA", "Paris"),
    ("German Chancellor Olaf Scholz", "Scholz", "DEU", "Berlin"),
    ("Indian Prime Minister Narendra Modi", "Modi", "IND", "New Delhi"),
    ("Japanese Foreign Minister Yoko Kamikawa", "Kamikawa", "JPN", "Tokyo"),
    ("Brazilian President Luiz Inacio Lula da Silva", "Lula", "BRA", "Brasilia"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan", "TUR", "Ankara"),
    ("Polish Defence Minister Wladyslaw Kosiniak-Kamysz", "Kosiniak-Kamysz", "POL", "Warsaw"),
    ("Ukrainian President Volodymyr Zelenskiy", "Zelenskiy", "UKR", "Kyiv"),
    ("Egyptian Foreign Minister Badr Abdelatty", "Abdelatty", "EGY", "Cairo"),
    ("Mexican President Claudia Sheinbaum", "Sheinbaum", "MEX", "Mexico City"),
]
GROUPS = [
    "the United Nations",
    "the European Union",
    "the African Union",
    "NATO",
    "the International Monetary Fund",
    "opposition lawmakers",
    "rebel fighters",
    "police",
    "protesters",
    "the World Health Organization",
]
ACTS = [
    "met {b} in {place} {when} to discuss border security",
    "accused {b} {when} of violating a ceasefire near {place}",
    "urged {b} {when} to release detained aid workers",
    "signed a trade agreement with {b} in {place} {when}",
    "threatened {when} to impose sanctions on {b}",
    "pledged {when} to send food aid to communities near {place}",
    "condemned an attack on a convoy near {place} {when}",
    "rejected a proposal by {b} {when} for new talks",
    "hosted {b} in {place} {when}",
    "expelled two diplomats of {b} {when}",
    "called for an investigation into the deaths of civilians in {place}",
    "agreed with {b} {when} to reopen the border crossing near {place}",
    "denied {when} that troops had crossed into {place}",
    "arrested dozens of protesters in {place} {when}",
]
WHEN = [
    "on Monday",
    "on Tuesday",
    "last week",
    "on March 3",
    "earlier this month",
    "in January 2024",
    "late last year",
    "two days ago",
    "on Friday evening",
    "in 2019",
    "next month",
    "this morning",
    "on 12 April",
    "three years ago",
    "",
]
QUOTES = [
    '"We will not accept any deal that leaves our people without water," {speaker} told reporters.',
    '"The talks were frank and constructive," {speaker} said in a statement.',
    '{speaker} said the government would "respond firmly" to any further provocation.',
    '"This is a day of shame," said {speaker}, who did not give further details.',
    "According to {speaker}, the agreement would take effect next year.",
    "{speaker} told the news agency that the ministers would meet again within weeks.",
]
OUTLETS = ["Reuters", "AP", "AFP", "Coastline Wire", "Bench Wire"]


def sentence(rng: random.Random) -> str:
    actor, _, _, _ = rng.choice(PEOPLE)
    other = rng.choice([p[0] for p in PEOPLE] + GROUPS)
    place = rng.choice(PEOPLE)[3]
    act = rng.choice(ACTS).format(b=other, place=place, when=rng.choice(WHEN))
    return " ".join(f"{actor} {act}, officials said.".split())


def quote(rng: random.Random) -> str:
    full, short, _, _ = rng.choice(PEOPLE)
    speaker = rng.choice([full, short, "a spokesperson for " + rng.choice(GROUPS)[4:]])
    return rng.choice(QUOTES).format(speaker=speaker)


def article(i: int, rng: random.Random) -> dict[str, str]:
    """One wire story: a dateline, four to nine paragraphs of events and quotes."""
    _, short, _, place = rng.choice(PEOPLE)
    outlet = rng.choice(OUTLETS)
    paragraphs = [f"{place.upper()}, {rng.choice(WHEN[:4])} ({outlet}) - {sentence(rng)}"]
    for _ in range(rng.randint(3, 8)):
        parts = [sentence(rng) if rng.random() < 0.6 else quote(rng)]
        if rng.random() < 0.5:
            parts.append(rng.choice([sentence(rng), quote(rng)]))
        paragraphs.append(" ".join(parts))
    title = f"{short} {rng.choice(['meets', 'warns', 'accuses', 'hosts'])} {rng.choice(GROUPS)}"
    return {
        "id": f"gen-{i:04d}",
        "title": title[0].upper() + title[1:],
        "source": outlet,
        "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "text": "\n\n".join(paragraphs),
    }


def generated(n: int) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    return [article(i, rng) for i in range(n)]


def revision_src(revision: str, into: Path) -> Path:
    """The `src/` folder of a git revision, unpacked under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def extract(src: Path, inputs: list[Path]) -> tuple[list[str], float]:
    """The JSONL records `extract` prints with the code under `src`, and the seconds it took."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "newsgraph.cli", "extract", "--format", "jsonl"]
    command += ["--published", PUBLISHED, *map(str, inputs)]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some document got an error record
        raise SystemExit(f"extract failed under {src}:\n{done.stderr[-3000:]}")
    return done.stdout.splitlines(), seconds


def first_difference(a: str, b: str) -> str:
    left, right = json.loads(a), json.loads(b)
    for key in sorted(set(left) | set(right)):
        if left.get(key) != right.get(key):
            return f"field {key!r}: {str(left.get(key))[:300]} != {str(right.get(key))[:300]}"
    return "same fields, different bytes (key order or formatting)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="git revision to compare with")
    parser.add_argument("--docs", type=int, default=300, help="generated documents")
    parser.add_argument("--also", type=Path, action="append", default=[], help="more inputs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-check-") as tmp:
        corpus = Path(tmp) / "generated.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in generated(args.docs)))
        inputs = [*FIXED_INPUTS, corpus, *args.also]
        theirs, their_s = extract(revision_src(args.against, Path(tmp) / "base"), inputs)
        ours, our_s = extract(REPO / "src", inputs)
    print(f"{args.against}: {len(theirs)} records in {their_s:.1f} s")
    print(f"working tree: {len(ours)} records in {our_s:.1f} s")
    if len(ours) != len(theirs):
        print(f"DIFFERENT: {len(ours)} records against {len(theirs)}")
        return 1
    differing = [i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b]
    for i in differing[:5]:
        record_id = json.loads(theirs[i]).get("id")
        print(f"record {i} ({record_id}): {first_difference(theirs[i], ours[i])}")
    if differing:
        print(f"DIFFERENT: {len(differing)} of {len(ours)} records")
        return 1
    print(f"identical: {len(ours)} records, byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
