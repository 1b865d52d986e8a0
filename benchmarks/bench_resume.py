"""Measure resuming an interrupted ingest: 300 documents, 150 stored before the interruption.

Only the 150 documents not yet stored should be analysed on resume (stored ones are skipped
before any model runs), and a re-run over 300 unchanged documents should cost about the
startup alone. Runs the real command line in subprocesses on synthetic wire stories written
for this benchmark; writes only under /tmp. Run:
    python benchmarks/bench_resume.py [--documents 300]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

WORKDIR = Path("/tmp/newsgraph-bench-resume")
SEED = 11
LEADERS = [
    ("Kenyan President William Ruto", "Ethiopian Prime Minister Abiy Ahmed", "Nairobi"),
    ("Turkish President Recep Tayyip Erdogan", "Syrian officials", "Ankara"),
    ("French President Emmanuel Macron", "German Chancellor Olaf Scholz", "Paris"),
    ("Indian Prime Minister Narendra Modi", "Japanese officials", "New Delhi"),
    ("Brazilian President Luiz Inacio Lula da Silva", "Argentine envoys", "Brasilia"),
    ("Egyptian President Abdel Fattah al-Sisi", "Sudanese army leaders", "Cairo"),
]
ACTS = [
    "met {b} in {place} on {day} to discuss border security",
    "accused {b} on {day} of violating a ceasefire near {place}",
    "urged {b} on {day} to release detained aid workers",
    "signed a trade agreement with {b} in {place} on {day}",
    "threatened on {day} to impose sanctions on {b}",
    "pledged on {day} to send food aid to communities near {place}",
]
SENTENCES = 12
"""Sentences per article: about a 300-word wire story."""
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(n: int) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        a, b, place = rng.choice(LEADERS)
        sentences = [f"{place.upper()} (Bench Wire) - {a} {rng.choice(ACTS)}, officials said."]
        for _ in range(SENTENCES - 1):
            a2, b2, place2 = rng.choice(LEADERS)
            sentences.append(
                f"Separately, {a2} {rng.choice(ACTS)}, a spokesperson said.".replace(
                    "{b}", b2
                ).replace("{place}", place2)
            )
        sentences.append(f"It was the {i + 1}th such report this year, the agency said.")
        text = " ".join(s.format(b=b, place=place, day=rng.choice(DAYS)) for s in sentences)
        out.append({"id": f"bench-{i:04d}", "text": text, "published": f"2025-{1 + i % 12:02d}-15"})
    return out


def ingest(path: Path, db: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "ingest", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, result.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=300)
    n = parser.parse_args().documents
    WORKDIR.mkdir(parents=True, exist_ok=True)
    docs = articles(n)
    half, full = WORKDIR / "first-half.jsonl", WORKDIR / "all.jsonl"
    half.write_text("".join(json.dumps(d) + "\n" for d in docs[: n // 2]), encoding="utf-8")
    full.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    fresh, resumed = WORKDIR / "fresh.sqlite", WORKDIR / "resumed.sqlite"
    for db in (fresh, resumed):
        db.unlink(missing_ok=True)
    rows = []
    seconds, line = ingest(full, fresh)
    rows.append((f"all {n} from scratch", seconds, line))
    seconds, line = ingest(half, resumed)
    rows.append((f"first {n // 2} (the run that was interrupted)", seconds, line))
    seconds, line = ingest(full, resumed)
    rows.append((f"resume: all {n} again", seconds, line))
    seconds, line = ingest(full, resumed)
    rows.append((f"re-run: {n} unchanged", seconds, line))
    print("| run | seconds | counts |\n|---|---|---|")
    for name, secs, counts in rows:
        print(f"| {name} | {secs:.1f} | {counts} |")
    new = int(re.match(r"(\d+) new", rows[2][2]).group(1))  # type: ignore[union-attr]
    assert new == n - n // 2, "the resume analysed exactly the documents not yet stored"


if __name__ == "__main__":
    main()
