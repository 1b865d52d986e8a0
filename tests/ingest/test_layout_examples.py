"""The layout reader on the project's example articles (examples/), one layout per case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class Expected:
    file: str
    title: str
    authors: list[str]
    published: dt.date | None
    published_source: str
    subtitle: str | None = None
    captions: list[tuple[str, str | None]] = field(default_factory=list)
    """(start of the caption text, credit)."""
    headings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Start of each note."""
    removed: list[tuple[str, str]] = field(default_factory=list)
    """(removed text, reason)."""


CASES = [
    Expected(
        "kenya-ethiopia-border-talks.txt",
        title="Kenya and Ethiopia agree to joint patrols after deadly border clashes",
        authors=["Wanjiru Mwangi", "Dawit Bekele"],
        published=dt.date(2025, 3, 12),
        published_source="inferred",
        captions=[("Kenyan President William Ruto, right,", "AP Photo/Brian Inganga")],
        notes=["Associated Press writer Tesfaye Alemu"],
    ),
    Expected(
        "eu-sanctions-belarus.txt",
        title="EU adopts new sanctions on Belarus over migrant pressure on Polish border",
        authors=["Camille Laurent"],
        published=dt.date(2025, 3, 3),
        published_source="dateline",
        notes=["Reporting by Camille Laurent; Additional reporting"],
        removed=[
            ("Share", "share"),
            ("Save", "share"),
            ("Read more: Poland extends border buffer zone as crossings rise", "related links"),
            ("Read more: Lithuania closes two checkpoints on Belarus border", "related links"),
        ],
    ),
    Expected(
        "philippines-china-shoal.txt",
        title="Philippines accuses China of ramming coast guard ship near Scarborough Shoal",
        subtitle="Manila summons Chinese ambassador after second collision in a month",
        authors=["Maria Santos"],
        published=dt.date(2025, 4, 14),
        published_source="dateline",
        captions=[
            ("A Philippine coast guard vessel", "Photograph: Jam Sta Rosa/AFP via Getty Images")
        ],
        headings=["What happened at the shoal", "Regional reaction"],
        removed=[("Share", "share")],
    ),
    Expected(
        "brazil-argentina-trade-summit.txt",
        title="Lula and Milei Clash Over Mercosur Tariffs at Tense Buenos Aires Summit",
        authors=["Lucas Ferreira"],
        published=dt.date(2025, 2, 3),
        published_source="dateline",
        captions=[
            ("Brazilian President Luiz Inácio", "Ricardo Stuckert/Presidency of Brazil via AP")
        ],
        headings=["A Path Forward"],
        notes=["Additional reporting by Sofía Álvarez"],
        removed=[
            (
                "Lula and Milei Clash Over Mercosur Tariffs at Tense Buenos Aires Summit",
                "duplicate",
            ),
            ("Listen to this article", "player residue"),
            ("5 min read", "reading time"),
            ("Advertisement", "advertisement"),
            (
                "Related: Uruguay signs trade pact with China despite Mercosur objections",
                "related links",
            ),
        ],
    ),
    Expected(
        "serbia-protests-belgrade.txt",
        title="Tens of thousands march in Belgrade demanding government resign",
        subtitle="Students lead largest protest in years",
        authors=["Ana Petrović"],
        published=None,
        published_source="none",
        captions=[("Students block a main road", "Photo: Reuters")],
        removed=[
            ("We use cookies to improve your experience", "cookie"),
            ("Accept all", "cookie"),
            ("Manage preferences", "cookie"),
            ("World > Europe > Serbia", "navigation"),
            ("Sign up for our Europe Today newsletter", "newsletter"),
            ("1 of 4", "image residue"),
        ],
    ),
    Expected(
        "south-korea-japan-summit.txt",
        title="South Korea and Japan pledge to deepen security ties amid North Korean missile tests",
        subtitle="Leaders agree to share real-time missile warning data",
        authors=["Min-ji Kang"],
        published=dt.date(2025, 3, 8),
        published_source="inferred",
        captions=[("South Korea's acting leader and Japan's", "Getty Images")],
        headings=["What comes next?"],
        removed=[("Share", "share"), ("Related Topics", "related links")],
    ),
    Expected(
        "sudan-ceasefire-jeddah.txt",
        title="Sudan's warring sides agree to 72-hour truce in talks hosted by Saudi Arabia and US",
        authors=["Hamid Osman", "Claire Dubois"],
        published=dt.date(2025, 5, 6),
        published_source="dateline",
        captions=[("Displaced Sudanese women", "AP Photo/Marwan Ali, File")],
        notes=["Associated Press writers Samy Magdy"],
        removed=[
            (
                "Related: UN warns of famine in Darfur as fighting blocks aid routes",
                "related links",
            ),
            ("Related: Chad opens border crossing for Sudanese refugees", "related links"),
        ],
    ),
    Expected(
        "india-pakistan-kashmir-accusations.txt",
        title="India Expels Pakistani Diplomats After Deadly Attack in Kashmir",
        subtitle="New Delhi blames Islamabad for backing the gunmen",
        authors=["Priya Raman"],
        published=dt.date(2025, 4, 24),
        published_source="inferred",
        captions=[
            ("Indian security personnel stand guard", "Tauseef Mustafa/AFP via Getty Images"),
            ("Mourners carry the coffin", "Channi Anand/AP"),
        ],
        headings=["Diplomatic Fallout"],
        notes=["Reuters contributed to this report."],
        removed=[
            ("Published:", "empty field"),
            ("Listen (4 min)", "player residue"),
            ("Mourners carry the coffin of a victim", "duplicate"),
        ],
    ),
    Expected(
        "ukraine-russia-prisoner-exchange.txt",
        title="Ukraine and Russia swap 300 prisoners in UAE-brokered exchange",
        authors=["Olena Kovalenko"],
        published=dt.date(2025, 5, 19),
        published_source="dateline",
        removed=[
            ("Follow us on Telegram", "share"),
            ("Related articles", "related links"),
            ("Zelensky says talks with Russia must start", "related links"),
            ("Kremlin rejects European proposal", "related links"),
            ("UAE hosts Ukrainian and Russian negotiators", "related links"),
            ("© 2025 Eastern Europe News.", "copyright"),
        ],
    ),
    Expected(
        "niger-france-uranium.txt",
        title="Niger's junta seizes French-run uranium mine, Paris protests",
        authors=[],
        published=dt.date(2025, 1, 17),
        published_source="dateline",
    ),
    Expected(
        "iran-iaea-inspectors.txt",
        title="Iran bars UN nuclear inspectors from Fordow site, IAEA says",
        subtitle="Tehran calls the agency's latest report",
        authors=["Reza Tabrizi"],
        published=dt.date(2025, 6, 2),
        published_source="dateline",
        headings=["WHAT THE EUROPEANS WANT"],
        notes=["Correction: An earlier version"],
        removed=[
            ("Home", "navigation"),
            ("Middle East", "section label"),
            ("Advertisement", "advertisement"),
            ("Story continues below advertisement", "advertisement"),
            ("Sign up for The Briefing", "newsletter"),
        ],
    ),
    Expected(
        "mexico-us-border-deal.html",
        title="Mexico agrees to deploy 10,000 troops to US border to avert tariffs",
        authors=["Gabriela Ortiz"],
        published=dt.date(2025, 2, 4),
        published_source="metadata",
        headings=["Canada talks continue"],
    ),
]


def _read(name: str) -> Analysis:
    (analysis,) = read_inputs([str(EXAMPLES / name)])
    assert analysis.error is None, analysis.error
    return analysis


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_layout_examples_document(case: Expected) -> None:
    analysis = _read(case.file)
    info, text = analysis.document, analysis.text
    assert info.title == case.title
    assert info.title_span is not None
    assert text[info.title_span.start : info.title_span.end] == case.title
    if case.subtitle is None:
        assert info.subtitle is None
    else:
        assert info.subtitle is not None and info.subtitle.startswith(case.subtitle)
    assert info.authors == case.authors
    assert info.published == case.published
    assert info.published_source == case.published_source
    captions = [(text[c.start : c.end], c.credit) for c in info.captions]
    assert len(captions) == len(case.captions)
    for (caption, credit), (start, expected_credit) in zip(captions, case.captions, strict=True):
        assert caption.startswith(start)
        assert credit == expected_credit
        assert expected_credit is None or expected_credit not in caption
    assert [text[h.start : h.end] for h in info.headings] == case.headings
    notes = [text[n.start : n.end] for n in info.notes]
    assert len(notes) == len(case.notes)
    assert all(n.startswith(e) for n, e in zip(notes, case.notes, strict=True))
    removed = [(text[r.start : r.end], r.reason) for r in info.removed]
    assert len(removed) == len(case.removed), removed
    for (got, reason), (start, expected_reason) in zip(removed, case.removed, strict=True):
        assert got.startswith(start) and reason == expected_reason


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_layout_examples_blocks_cover_lines(case: Expected) -> None:
    analysis = _read(case.file)
    blocks = analysis.document.blocks
    assert blocks == sorted(blocks, key=lambda b: (b.start, b.end))
    for block in blocks:
        assert 0 <= block.start < block.end <= len(analysis.text)
        assert (
            analysis.text[block.start : block.end].strip() == analysis.text[block.start : block.end]
        )
    assert any(b.role == "body" for b in blocks)


def test_layout_examples_corpus_records() -> None:
    records = list(read_inputs([str(EXAMPLES / "world-briefs.jsonl")]))
    assert [r.id for r in records] == [
        "gulf-2025-0412",
        "sahel-2025-0129",
        f"{EXAMPLES / 'world-briefs.jsonl'}#3",
    ]
    assert [r.document.published_source for r in records] == ["input", "inferred", "input"]
    assert records[1].document.published == dt.date(2025, 1, 29)
    assert records[0].source.publisher == "Gulf Wire"
    assert records[0].text.startswith("Oman hosts new round of US-Iran nuclear talks in Muscat\n\n")
    assert records[2].document.authors == ["Nino Beridze"]
    assert records[2].text.count("Thousands rally in Tbilisi") == 1
