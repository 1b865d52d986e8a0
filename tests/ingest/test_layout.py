"""detect_layout on small synthetic articles: one behaviour per test."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest import dateline_of, detect_layout
from newsgraph.ingest.bylines import parse_bare_names, parse_byline
from newsgraph.ingest.credits import looks_like_credit, split_caption
from newsgraph.ingest.datelines import parse_date_line, parse_dateline_prefix
from newsgraph.model import DocumentInfo

LEAD = (
    "The foreign ministers of Chile and Peru signed a maritime cooperation accord on Tuesday, "
    "ending a decade of disputes over fishing rights."
)
SECOND = (
    "Chile's foreign minister said the agreement would be sent to Congress for approval "
    "before the end of the year."
)


def _texts(text: str, info: DocumentInfo, role: str) -> list[str]:
    return [text[b.start : b.end] for b in info.blocks if b.role == role]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("By Jane Doe, John Roe and Ana Silva", ["Jane Doe", "John Roe", "Ana Silva"]),
        ("By Jane Doe in Lima", ["Jane Doe"]),
        ("BY Jane Doe | Reuters", ["Jane Doe"]),
        ("Written by Omar al-Masri", ["Omar al-Masri"]),
        ("By Reuters", []),
    ],
)
def test_layout_byline_authors(line: str, authors: list[str]) -> None:
    assert parse_byline(line) == authors
    text = f"Chile and Peru sign maritime accord\n{line}\n\n{LEAD}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert info.authors == authors
    assert _texts(text, info, "byline") == [line]


@pytest.mark.parametrize("line", ["By the time talks ended, nothing was agreed.", "by and large"])
def test_layout_byline_rejects_prose(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Adaeze Okafor", ["Adaeze Okafor"]),
        ("Lena Park and Tomás Ruiz", ["Lena Park", "Tomás Ruiz"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("The talks ended.", None),
        ("Ministers met on Tuesday", None),
    ],
)
def test_layout_bare_names(line: str, names: list[str] | None) -> None:
    assert parse_bare_names(line) == names


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("March 3, 2024", dt.date(2024, 3, 3), None),
        ("Updated Feb. 3, 2025 10:21 a.m. ET", None, dt.date(2025, 2, 3)),
        ("Published 3 hours ago", None, None),
        ("Mon 14 Apr 2025 09.41 BST", dt.date(2025, 4, 14), None),
        ("Posted on 2025-05-19", dt.date(2025, 5, 19), None),
        (
            "Published March 1, 2025 | Updated March 2, 2025",
            dt.date(2025, 3, 1),
            dt.date(2025, 3, 2),
        ),
    ],
)
def test_layout_date_lines(line: str, published: dt.date | None, updated: dt.date | None) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None
    assert (parsed.published, parsed.updated) == (published, updated)


@pytest.mark.parametrize(
    "line", ["March 3, 2024 was a turning point for the region.", "Ministers met in March"]
)
def test_layout_date_lines_reject_prose(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "month_day"),
    [
        ("ANKARA, Turkey (AP) — Officials said on Monday that", "ANKARA, Turkey", None),
        ("BEIRUT, March 3 (Reuters) - Lebanon's president said", "BEIRUT", (3, 3)),
        ("WASHINGTON — The State Department said", "WASHINGTON", None),
        ("NEW DELHI, India, Feb. 12, 2025 (AFP) — India said", "NEW DELHI, India", (2, 12)),
    ],
)
def test_layout_dateline_prefix(
    paragraph: str, place: str, month_day: tuple[int, int] | None
) -> None:
    prefix = parse_dateline_prefix(paragraph)
    assert prefix is not None
    assert prefix.place == place
    assert paragraph[prefix.place_start : prefix.place_end] == place
    assert prefix.month_day == month_day


@pytest.mark.parametrize(
    ("paragraph", "place", "cities", "month_day"),
    [
        (
            "BANGKOK/PHNOM PENH — Thailand and Cambodia agreed on Friday to",
            "BANGKOK/PHNOM PENH",
            ["BANGKOK", "PHNOM PENH"],
            None,
        ),
        (
            "ADDIS ABABA/NAIROBI, March 3 (Reuters) - Ethiopia and Kenya said",
            "ADDIS ABABA/NAIROBI",
            ["ADDIS ABABA", "NAIROBI"],
            (3, 3),
        ),
        (
            "GENEVA and WASHINGTON — Iranian and US negotiators resumed",
            "GENEVA and WASHINGTON",
            ["GENEVA", "WASHINGTON"],
            None,
        ),
        (
            "KYIV / MOSCOW / WARSAW (AFP) – Prisoners were exchanged on",
            "KYIV / MOSCOW / WARSAW",
            ["KYIV", "MOSCOW", "WARSAW"],
            None,
        ),
        ("ANKARA, Turkey (AP) — Officials said on Monday that", "ANKARA, Turkey", ["ANKARA"], None),
    ],
)
def test_layout_dateline_prefix_with_several_places(
    paragraph: str, place: str, cities: list[str], month_day: tuple[int, int] | None
) -> None:
    prefix = parse_dateline_prefix(paragraph)
    assert prefix is not None
    assert prefix.place == place
    assert [paragraph[start:end] for start, end in prefix.cities] == cities
    assert prefix.month_day == month_day


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lima and Quito — two capitals at odds — traded accusations",
        "BOGOTA/Caracas — officials said",
        "The UN and the AU — both mediators — said",
    ],
)
def test_layout_dateline_prefix_places_are_all_capitals(paragraph: str) -> None:
    assert parse_dateline_prefix(paragraph) is None


def test_layout_double_dateline_is_split_from_the_lead_and_dates_the_story() -> None:
    text = (
        "Ethiopia and Kenya reopen Moyale crossing\n\n"
        "ADDIS ABABA/NAIROBI, March 3, 2025 (Reuters) - Ethiopia and Kenya agreed on Monday to "
        "reopen the Moyale border crossing.\n\n"
        f"{SECOND}\n"
    )
    info = detect_layout(text)
    assert info.dateline is not None
    assert text[info.dateline.start : info.dateline.end] == (
        "ADDIS ABABA/NAIROBI, March 3, 2025 (Reuters) - "
    )
    assert info.published == dt.date(2025, 3, 3)
    assert info.published_source == "dateline"


@pytest.mark.parametrize(
    "paragraph", ["The UN said on Monday — again — that", "NATO allies agreed on Monday"]
)
def test_layout_dateline_prefix_rejects_prose(paragraph: str) -> None:
    assert parse_dateline_prefix(paragraph) is None


def test_layout_dateline_paragraph_stays_body_and_dates_story() -> None:
    text = (
        "Lebanon's president meets Syrian delegation\n\n"
        "BEIRUT, March 3 (Reuters) - Lebanon's president met a Syrian delegation on Monday.\n\n"
        "A photo taken on March 2, 2025 shows the border crossing. REUTERS/Mohamed Azakir\n\n"
        f"{SECOND}\n"
    )
    info = detect_layout(text)
    assert _texts(text, info, "body")[0].startswith("BEIRUT, March 3 (Reuters) -")
    assert info.published == dt.date(2025, 3, 3)
    assert info.published_source == "dateline"
    found = dateline_of(text)
    assert found is not None and text[found[0] : found[1]] == "BEIRUT" == found[2]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Jane Doe/AFP via Getty Images", True),
        ("(Ministry of Foreign Affairs via AP)", True),
        ("Photo: Reuters", True),
        ("(AP Photo/Khalil Hamra)", True),
        ("REUTERS/Umit Bektas", True),
        ("Getty Images", True),
        ("The minister said.", False),
        ("The President", False),
        ("talks in Geneva", False),
    ],
)
def test_layout_credit_shapes(credit: str, expected: bool) -> None:
    assert looks_like_credit(credit) is expected


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Protesters gather in Tbilisi on Dec. 1, 2024. Jane Doe/AFP via Getty Images",
            "Protesters gather in Tbilisi on Dec. 1, 2024.",
            "Jane Doe/AFP via Getty Images",
        ),
        (
            "Protesters gather in Tbilisi on Dec. 1, 2024. (Ministry of Interior via AP)",
            "Protesters gather in Tbilisi on Dec. 1, 2024.",
            "Ministry of Interior via AP",
        ),
        (
            "Police stand guard outside parliament. Photo: Reuters",
            "Police stand guard outside parliament.",
            "Photo: Reuters",
        ),
    ],
)
def test_layout_caption_split(line: str, caption: str, credit: str) -> None:
    split = split_caption(line)
    assert split is not None
    assert line[split.caption_start : split.caption_end] == caption
    assert split.credit == credit


def test_layout_caption_split_ignores_prose() -> None:
    assert split_caption(LEAD) is None
    assert split_caption("He met the president. The President said no.") is None


def test_layout_duplicate_caption_with_and_without_parentheses() -> None:
    caption = "Delegates arrive for talks in Doha, Qatar, on Jan. 9, 2025."
    text = (
        "Qatar hosts Gaza ceasefire talks\n\n"
        f"{LEAD}\n\n{caption} (Qatari Foreign Ministry via AP)\n"
        f"{caption} Qatari Foreign Ministry via AP\n\n{SECOND}\n"
    )
    info = detect_layout(text)
    assert [(text[c.start : c.end], c.credit) for c in info.captions] == [
        (caption, "Qatari Foreign Ministry via AP")
    ]
    assert [r.reason for r in info.removed] == ["duplicate"]
    assert _texts(text, info, "credit") == ["(Qatari Foreign Ministry via AP)"]


def test_layout_title_subtitle_and_repeated_headline() -> None:
    title = "Chile and Peru Sign Maritime Accord"
    dek = "The agreement ends a decade of disputes over fishing rights off the Pacific coast."
    text = f"{title}\n\n{dek}\n{title}\nMaria Quispe\nUpdated:\n0:00\n\n{LEAD}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert info.title == title and info.subtitle == dek
    assert info.subtitle_span is not None
    assert text[info.subtitle_span.start : info.subtitle_span.end] == dek
    assert info.authors == ["Maria Quispe"]
    assert [(text[r.start : r.end], r.reason) for r in info.removed] == [
        (title, "duplicate"),
        ("Updated:", "empty field"),
        ("0:00", "player residue"),
    ]


def test_layout_no_subtitle_when_lead_follows_title() -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert info.subtitle is None
    assert _texts(text, info, "body") == [LEAD, SECOND]


def test_layout_without_title() -> None:
    text = f"{LEAD}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert info.title is None
    assert len(info.body) == 2


@pytest.mark.parametrize("heading", ["Border Tensions", "What comes next?", "A fragile truce"])
def test_layout_heading_between_paragraphs(heading: str) -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{heading}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert [text[h.start : h.end] for h in info.headings] == [heading]


def test_layout_short_last_line_is_not_heading() -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{SECOND}\n\nEnd of Story\n"
    assert detect_layout(text).headings == []


@pytest.mark.parametrize(
    "note",
    [
        "Reuters contributed to this report.",
        "Additional reporting by Jane Doe in Lima; Editing by John Roe",
        "Editing by Helen Price",
        "The Associated Press contributed to this story.",
        "— Staff and agencies",
        "Guardian staff and agencies",
        "(Staff and agencies)",
        "Compiled by the Asia desk.",
        "Africa desk",
        "Additional reporting from Nairobi and Kampala",
        "With reporting from Reuters and AFP",
        "— Agencies",
    ],
)
def test_layout_notes(note: str) -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{SECOND}\n\n{note}\n"
    info = detect_layout(text)
    assert [text[n.start : n.end] for n in info.notes] == [note]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Updated:", "empty field"),
        ("0:00", "player residue"),
        ("Listen to this article", "player residue"),
        ("Share this article", "share"),
        ("Facebook Twitter Email", "share"),
        ("Subscribe now for unlimited access", "subscribe"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("We use cookies to give you the best experience.", "cookie"),
        ("Advertisement", "advertisement"),
        ("Related: Peru's president faces impeachment vote", "related links"),
        ("Read more: Chile's new constitution explained", "related links"),
        (
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
            "Service apply.",
            "newsletter",
        ),
        (
            "By signing up, you agree to our Terms of Use and Privacy Policy. You may "
            "unsubscribe at any time.",
            "newsletter",
        ),
        ("By clicking Submit, you acknowledge our privacy notice.", "newsletter"),
        ("Enter your email address", "newsletter"),
        ("Your e-mail", "newsletter"),
        ("Sign me up", "newsletter"),
        ("Submit", "newsletter"),
        ("Thanks for signing up! Check your inbox to confirm.", "newsletter"),
        ("Our free weekly email on the politics of the Andes.", "newsletter"),
        ("Subscribe", "subscribe"),
    ],
)
def test_layout_residue_reasons(line: str, reason: str) -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{line}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert [(text[r.start : r.end], r.reason) for r in info.removed] == [(line, reason)]
    assert len(info.body) == 2


@pytest.mark.parametrize(
    ("box", "removed"),
    [
        (
            "Andes Today\nSign up for Andes Today, our free newsletter on the region.\n"
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
            "Service apply.",
            3,
        ),
        ("The Lima Brief\nSubscribe to The Lima Brief for daily updates from Peru.", 2),
        ("Pacific Weekly\nEnter your email address\nSign me up", 3),
    ],
)
def test_layout_sign_up_box_title_is_residue(box: str, removed: int) -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{box}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert len(info.removed) == removed
    assert info.removed[0].reason in ("newsletter", "subscribe")
    assert text[info.removed[0].start : info.removed[0].end] == box.split("\n")[0]
    assert _texts(text, info, "body") == [LEAD, SECOND]
    assert info.headings == []


@pytest.mark.parametrize(
    "line",
    [
        "Email from the ministry leaked to reporters showed the plan was ready in May.",
        "Submitted bids will be opened in public on Friday, the agency said.",
        "Staff and agencies at the border post were evacuated on Monday.",
        "The help desk at the embassy was overwhelmed by calls, officials said.",
    ],
)
def test_layout_sign_up_and_note_words_in_prose_stay_body(line: str) -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\n{line}\n\n{SECOND}\n"
    info = detect_layout(text)
    assert _texts(text, info, "body") == [LEAD, line, SECOND]


def test_layout_heading_above_prose_is_kept_when_no_box_follows() -> None:
    text = f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n\nBorder Tensions\n\n{SECOND}\n"
    assert [text[h.start : h.end] for h in detect_layout(text).headings] == ["Border Tensions"]


def test_layout_inferred_date_skips_future_dates() -> None:
    text = (
        "Chile and Peru Sign Maritime Accord\n\n"
        "The ministers met in Lima on June 3, 2025, and talks are scheduled for "
        "September 9, 2025 in Santiago.\n\n"
        f"{SECOND}\n"
    )
    info = detect_layout(text)
    assert (info.published, info.published_source) == (dt.date(2025, 6, 3), "inferred")


def test_layout_no_date_found() -> None:
    info = detect_layout(f"Chile and Peru Sign Maritime Accord\n\n{LEAD}\n")
    assert (info.published, info.published_source) == (None, "none")


def test_layout_crlf_offsets() -> None:
    text = f"Chile and Peru Sign Maritime Accord\r\n\r\n{LEAD}\r\n\r\n{SECOND}\r\n"
    info = detect_layout(text)
    assert info.title == "Chile and Peru Sign Maritime Accord"
    assert _texts(text, info, "body") == [LEAD, SECOND]


@pytest.mark.parametrize(
    ("paragraph", "prefix"),
    [
        ("ANKARA, Turkey (AP) — Talks began on Monday.", "ANKARA, Turkey (AP) — "),
        ("SÃO PAULO (Reuters) - Markets fell sharply.", "SÃO PAULO (Reuters) - "),
        ("VALPARAÍSO, Chile — Dockworkers walked out.", "VALPARAÍSO, Chile — "),
    ],
)
def test_layout_dateline_span_covers_the_prefix(paragraph: str, prefix: str) -> None:
    text = f"Headline Of The Story\n\n{paragraph}\n\nA second paragraph follows here.\n"
    info = detect_layout(text)
    assert info.dateline is not None
    assert text[info.dateline.start : info.dateline.end] == prefix


def test_layout_mixed_case_opening_is_not_a_dateline() -> None:
    text = "Headline Of The Story\n\nOfficials in Lima - the capital - met on Monday.\n"
    assert detect_layout(text).dateline is None
