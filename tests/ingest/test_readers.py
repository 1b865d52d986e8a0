"""read_inputs on real and broken input: every document yields an Analysis, bad ones an error."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest import analysis_from_text, read_inputs
from newsgraph.model import Analysis

ARTICLE = (
    "Ghana and Togo agree to reopen border crossings\n"
    "By Kwame Mensah\n\n"
    "ACCRA, Ghana (AP) — Ghana’s president and Togo’s leader agreed on Friday to reopen two border "
    "crossings closed since 2023, officials said.\n\n"
    "“We are brothers before we are neighbours,” the Ghanaian president told reporters.\n"
)


def _latin1(text: str) -> bytes:
    plain = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    return plain.encode("latin-1")


def _one(paths: list[str], **kwargs: object) -> Analysis:
    results = list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]
    assert len(results) == 1
    return results[0]


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_readers_plain_text_keeps_input_as_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE.encode("utf-8"))
    analysis = _one([path])
    assert analysis.error is None
    assert analysis.text == ARTICLE
    assert analysis.id == path
    assert analysis.source.path == path
    assert analysis.source.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert analysis.document.title == "Ghana and Togo agree to reopen border crossings"
    assert analysis.document.authors == ["Kwame Mensah"]


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-bom"),
        (ARTICLE.encode("utf-16"), "utf-16-bom"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be-bom"),
        (ARTICLE.encode("cp1252"), "cp1252"),
        (_latin1(ARTICLE), "latin-1"),
    ],
)
def test_readers_encodings(tmp_path: Path, encoded: bytes, name: str) -> None:
    analysis = _one([_write(tmp_path, f"{name}.txt", encoded)])
    assert analysis.error is None
    assert analysis.text.startswith("Ghana and Togo")
    assert "\ufeff" not in analysis.text
    assert analysis.document.authors == ["Kwame Mensah"]
    if name != "latin-1":
        assert "“We are brothers" in analysis.text  # curly quotes kept


def test_readers_utf16_without_bom(tmp_path: Path) -> None:
    analysis = _one([_write(tmp_path, "le.txt", ARTICLE.encode("utf-16-le"))])
    assert analysis.error is None and analysis.text == ARTICLE


def test_readers_latin1_accents(tmp_path: Path) -> None:
    text = "Présidente de la Commission\n\nLa réunion à Genève a échoué, a déclaré le ministre.\n"
    analysis = _one([_write(tmp_path, "fr.txt", text.encode("latin-1"))])
    assert analysis.text == text


def test_readers_nfc_normalised(tmp_path: Path) -> None:
    decomposed = "Vuc\u030cic\u0301 rejects early elections\n\nSerbia’s president spoke.\n"
    analysis = _one([_write(tmp_path, "nfd.txt", decomposed.encode("utf-8"))])
    assert analysis.text.startswith("Vučić rejects")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"The minister said \x81\x8d\x90 the talks failed.\n" * 3, "encoding"),
    ],
)
def test_readers_bad_text_files(tmp_path: Path, data: bytes, kind: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    analysis = _one([path])
    assert analysis.error is not None
    assert analysis.error.kind == kind
    assert analysis.id == path and analysis.text == ""
    assert path in analysis.error.message


def test_readers_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", ("word " * 400).encode())
    analysis = _one([path], max_text_bytes=1000)
    assert analysis.error is not None and analysis.error.kind == "too_large"
    assert "limit" in analysis.error.message
    huge = _write(tmp_path, "huge.txt", b"x" * 5000)
    assert _one([huge], max_text_bytes=1000).error.kind == "too_large"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "kind"), [("missing.txt", "not_found"), ("report.pdf", "unsupported")]
)
def test_readers_missing_and_unsupported(tmp_path: Path, name: str, kind: str) -> None:
    if name.endswith(".pdf"):
        _write(tmp_path, name, b"%PDF-1.4")
    analysis = _one([str(tmp_path / name)])
    assert analysis.error is not None and analysis.error.kind == kind


def test_readers_batch_continues_after_errors(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", ARTICLE.encode())
    empty = _write(tmp_path, "empty.txt", b"")
    results = list(read_inputs([empty, str(tmp_path / "nope.txt"), good]))
    assert [r.error.kind if r.error else None for r in results] == ["empty", "not_found", None]


HTML_PAGE = """<!doctype html><html><head><title>Chad and Sudan trade accusations | Sahel Daily</title>
<meta property="og:title" content="Chad and Sudan trade accusations over border attack">
<meta property="article:published_time" content="2025-03-18T08:00:00Z">
<script>var tracking = {"user": 1}; function track() { return "Accept cookies"; }</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<div id="cookie">We use cookies. <button>Accept</button></div>
<article><h1>Chad and Sudan trade accusations over border attack</h1>
<p>N'DJAMENA — Chad accused Sudan's army on Monday of shelling a border village, killing
three civilians, and summoned the Sudanese ambassador to protest.</p>
<p>Sudan's foreign ministry rejected the accusation and said its forces had targeted
paramilitary fighters who crossed from Chad, calling the claim "baseless".</p>
<p>The African Union urged both governments to show restraint and to open an investigation.</p>
</article><footer>© 2025 Sahel Daily</footer><script>track();</script></body></html>"""


def test_readers_html_page(tmp_path: Path) -> None:
    analysis = _one([_write(tmp_path, "page.html", HTML_PAGE.encode())])
    assert analysis.error is None
    text = analysis.text
    assert analysis.document.title == "Chad and Sudan trade accusations over border attack"
    assert "tracking" not in text and "Log in" not in text and "cookies" not in text
    assert "Chad accused Sudan's army" in text
    assert analysis.document.published == dt.date(2025, 3, 18)
    assert analysis.document.published_source == "metadata"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>",
        "<<<>>> not really <html",
    ],
)
def test_readers_html_without_article(tmp_path: Path, page: str) -> None:
    analysis = _one([_write(tmp_path, "empty.html", page.encode())])
    assert analysis.error is not None and analysis.error.kind == "html"


def test_readers_jsonl_malformed_line_only(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2025-01-10"}),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps(
            {"text": "Second story\n\nThe talks in Lomé ended without a deal.", "source": "Wire"}
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "b2", "text": "   "}),
        json.dumps(
            {"id": "c3", "title": "Bad date", "text": "Body text here.", "published": "soon"}
        ),
    ]
    path = _write(tmp_path, "corpus.jsonl", "\n".join(lines).encode())
    results = list(read_inputs([path], published=dt.date(2025, 2, 1)))
    assert [r.id for r in results] == ["a1", f"{path}#2", f"{path}#4", f"{path}#5", "b2", "c3"]
    assert [r.error.kind if r.error else None for r in results] == [
        None, "json", None, "json", "empty", None,
    ]  # fmt: skip
    assert results[0].document.published == dt.date(2025, 1, 10)  # the record wins
    assert results[2].document.published == dt.date(2025, 2, 1)  # --published
    assert results[2].document.published_source == "input"
    assert results[2].source.publisher == "Wire"
    assert results[5].diagnostics and "soon" in results[5].diagnostics[0].message


def test_readers_csv(tmp_path: Path) -> None:
    content = (
        "id,title,published,text\n"
        'r1,Ghana and Togo agree,2025-01-10,"ACCRA, Ghana (AP) — Leaders met, and agreed."\n'
        ',,,"Second, untitled story.\n\nWith two paragraphs."\n'
        "r3,Extra,2025-01-11,text,unexpected\n"
    )
    path = _write(tmp_path, "corpus.csv", content.encode())
    results = list(read_inputs([path]))
    assert [r.id for r in results] == ["r1", f"{path}#2", f"{path}#3"]
    assert results[0].text.startswith("Ghana and Togo agree\n\nACCRA")
    assert results[0].document.published_source == "input"
    assert results[1].text == "Second, untitled story.\n\nWith two paragraphs."
    assert results[2].error is not None and results[2].error.kind == "csv"


def test_readers_csv_without_text_column(tmp_path: Path) -> None:
    analysis = _one([_write(tmp_path, "bad.csv", b"id,body\n1,hello\n")])
    assert analysis.error is not None and analysis.error.kind == "csv"
    assert "'text'" in analysis.error.message


def test_readers_directory_sorted_known_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    _write(tmp_path, "b/2.txt", b"Second story\n\nThe talks ended.\n")
    _write(tmp_path, "1.txt", b"First story\n\nThe talks began.\n")
    _write(tmp_path, "notes.docx", b"PK\x03\x04")
    _write(tmp_path, ".hidden.txt", b"hidden")
    results = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in results] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_readers_empty_directory(tmp_path: Path) -> None:
    analysis = _one([str(tmp_path)])
    assert analysis.error is not None and analysis.error.kind == "empty"


def test_readers_stdin_text_and_html() -> None:
    analysis = _one(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-16")))
    assert analysis.error is None and analysis.text == ARTICLE
    assert analysis.id == analysis.source.sha256 and analysis.source.path is None
    page = _one(["-"], stdin=io.BytesIO(HTML_PAGE.encode()))
    assert page.document.published_source == "metadata"
    empty = _one(["-"], stdin=io.BytesIO(b""))
    assert empty.error is not None and empty.error.kind == "empty"


def test_readers_analysis_from_text() -> None:
    analysis = analysis_from_text(
        "ACCRA, Ghana (AP) — The talks ended.", title="Talks end", published=dt.date(2025, 1, 2)
    )
    assert analysis.text == "Talks end\n\nACCRA, Ghana (AP) — The talks ended."
    assert analysis.document.title == "Talks end"
    assert analysis.document.published_source == "input"
    assert analysis.id == analysis.source.sha256
    assert analysis_from_text(ARTICLE, id="x").id == "x"
    assert analysis_from_text("").error.kind == "empty"  # type: ignore[union-attr]
