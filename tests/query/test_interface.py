"""The command-line interface as analysts' scripts use it: one filter language, pure data in
every format with a fixed schema, and one-line errors (exit 2) for bad values.

Commands run through `newsgraph.cli_errors.run`, the same path as the console script.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import app
from newsgraph.cli_errors import run
from newsgraph.query.columns import (
    CLUSTER_SCHEMA,
    DOCUMENT_SCHEMA,
    ENTITY_SCHEMA,
    PANEL_SCHEMA,
    PROFILE_EVENT_SCHEMA,
    QUOTE_SCHEMA,
    REPORT_SCHEMA,
    SEARCH_SCHEMA,
    SERIES_SCHEMA,
)
from newsgraph.store import Store
from record_factory import entity, event, participant, record, scenario

JSON = dict[str, Any]


def extra_records() -> list[JSON]:
    """A joint action (both countries on the actor side), an undated dyad event, and an actor
    known by a hyphenated alias."""
    kenya = entity("E1", "Kenya", "GPE", code="KEN")
    ethiopia = entity("E2", "Ethiopia", "GPE", code="ETH")
    joint = record(
        "ix-01",
        "Kenya and Ethiopia agreed on Friday to reopen the Moyale border crossing to traders.",
        "Rift Valley Times",
        "2025-06-07",
        [kenya, ethiopia],
        [event("V1", "AGREE", [participant(kenya), participant(ethiopia)], [], "2025-06-06")],
    )
    ruto = entity("E1", "William Ruto", code="KENGOV", aliases=("Ruto",))
    abiy = entity("E2", "Abiy Ahmed", code="ETHGOV", aliases=("Abiy",))
    undated = record(
        "ix-02",
        "William Ruto has held several rounds of talks with Abiy Ahmed over grazing rights.",
        "Rift Valley Times",
        "2025-06-09",
        [ruto, abiy],
        [event("V1", "CONSULT", [participant(ruto)], [participant(abiy)], None)],
    )
    julani = entity("E1", "Abu Mohammad al-Julani", code="SYRREB", aliases=("al-Julani", "Julani"))
    turkey = entity("E2", "Turkey", "GPE", code="TUR")
    syria = record(
        "ix-03",
        "Abu Mohammad al-Julani accused Turkey on Sunday of closing the Bab al-Hawa crossing.",
        "Levant Desk",
        "2025-06-02",
        [julani, turkey],
        [
            event(
                "V1",
                "ACCUSE",
                [participant(julani)],
                [participant(turkey)],
                "2025-06-01",
                quad=3,
                score=-2.0,
            )
        ],
    )
    return [joint, undated, syria]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('iface') / 'store.sqlite'}"
    with Store(url) as store:
        for r in [*scenario(), *extra_records()]:
            store.add(r)
    return url


def cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    store = [] if args[0] == "codes" else ["--db", db]  # codes reads no store
    code = run(app, [*args, *store])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(fmt: str, text: str) -> tuple[list[str], list[JSON]]:
    """Parse a command's output; return its column names and rows."""
    if fmt == "json":
        data = json.loads(text)
        if isinstance(data, dict):  # profile: one object whose tables are lists of rows
            data = data["events"]
        assert isinstance(data, list)
        return (list(data[0]) if data else []), data
    if fmt == "jsonl":
        data = [json.loads(line) for line in text.splitlines()]
        return (list(data[0]) if data else []), data
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ",")
    data = list(reader)
    return list(reader.fieldnames or []), data


COMMANDS: list[tuple[list[str], list[str], dict[str, Any]]] = [
    # (arguments, arguments matching nothing, schema)
    (["clusters"], ["clusters", "--since", "2099-01-01"], CLUSTER_SCHEMA),
    (["events"], ["events", "--type", "MOBILIZE"], REPORT_SCHEMA),
    (["documents"], ["documents", "--publisher", "Nobody*"], DOCUMENT_SCHEMA),
    (["quotes"], ["quotes", "--kind", "indirect"], QUOTE_SCHEMA),
    (["entities"], ["entities", "--name", "Zz*"], ENTITY_SCHEMA),
    (["series", "KEN", "ETH"], ["series", "KEN", "ETH", "--since", "2099-01-01"], SERIES_SCHEMA),
    (["panel"], ["panel", "--since", "2099-01-01"], PANEL_SCHEMA),
    (["profile", "Ruto"], ["profile", "Ruto", "--limit", "0"], PROFILE_EVENT_SCHEMA),
    (["search", "corridor"], ["search", "nonexistentword"], SEARCH_SCHEMA),
]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "table"])
@pytest.mark.parametrize(("args", "empty_args", "schema"), COMMANDS, ids=lambda v: str(v)[:30])
def test_every_command_every_format_is_data_with_a_fixed_schema(
    capsys: pytest.CaptureFixture[str],
    db: str,
    args: list[str],
    empty_args: list[str],
    schema: dict[str, Any],
    fmt: str,
) -> None:
    parse_as = "tsv" if fmt == "table" else fmt  # not a terminal: a table is plain TSV
    code, out, err = cli(capsys, db, *args, "-f", fmt)
    assert code == 0, err
    columns, found = rows(parse_as, out)
    assert found, f"{args} printed nothing"
    assert columns == list(schema)
    for row in found:
        assert list(row) == list(schema)
    code, out, err = cli(capsys, db, *empty_args, "-f", fmt)
    assert code == 0, err
    columns, found = rows(parse_as, out)
    assert found == []
    if parse_as in ("csv", "tsv"):
        assert columns == list(schema), "the header is there when nothing matched"
    elif parse_as == "json":
        assert out.strip() == "[]" or json.loads(out)["events"] == []
    else:
        assert out == ""


def test_json_values_are_typed(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _, out, _ = cli(capsys, db, "clusters", "--actor", "Ruto", "-f", "json")
    first = json.loads(out)[0]
    assert isinstance(first["cluster_id"], int)
    assert isinstance(first["n_reports"], int)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", first["date_start"])  # ISO dates, not timestamps
    assert isinstance(first["lat"], float)
    assert first["cameo"] is None  # missing is null, never NaN or ""


@pytest.mark.parametrize(
    "actor", ["KEN", "KEN*", "KENGOV", "Ruto", "william ruto", "William Samoei Ruto", "Samoei"]
)
def test_actor_by_code_wildcard_name_alias_or_part(
    capsys: pytest.CaptureFixture[str], db: str, actor: str
) -> None:
    code, out, err = cli(capsys, db, "clusters", "--actor", actor, "-f", "jsonl")
    assert code == 0, err
    found = [json.loads(line) for line in out.splitlines()]
    assert {r["recipient_code"] for r in found} >= {"ETHGOV", "UGAGOV"}
    assert all(r["actor_code"] in ("KENGOV", "KEN") for r in found)


def test_same_actor_filter_on_reports_and_clusters(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """`events` (one row per report) and `clusters` read the same filter the same way."""
    for value in ("KEN", "'KEN*'".strip("'"), "Ruto"):
        _, reports, _ = cli(capsys, db, "events", "--actor", value, "-f", "jsonl")
        _, clusters, _ = cli(capsys, db, "clusters", "--actor", value, "-f", "jsonl")
        assert len(reports.splitlines()) >= len(clusters.splitlines()) > 0


def test_hyphenated_alias_and_part_of_a_name(capsys: pytest.CaptureFixture[str], db: str) -> None:
    for name in ("al-Julani", "Julani", "Abu Mohammad al-Julani", "Mohammad"):
        code, out, err = cli(capsys, db, "profile", name, "-f", "json")
        assert code == 0, (name, err)
        assert json.loads(out)["entity"]["name"] == "Abu Mohammad al-Julani"


def test_country_is_a_participant_and_place_is_where(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _, out, _ = cli(capsys, db, "clusters", "--country", "UGA", "-f", "jsonl")
    assert {json.loads(line)["recipient_code"] for line in out.splitlines()} == {"UGAGOV"}
    _, out, _ = cli(capsys, db, "clusters", "--place", "ETH", "-f", "jsonl")
    places = {json.loads(line)["location"] for line in out.splitlines()}
    assert places == {"Addis Ababa"}
    _, out, _ = cli(capsys, db, "clusters", "--place", "Kamp*", "-f", "jsonl")
    assert {json.loads(line)["location"] for line in out.splitlines()} == {"Kampala"}
    # Turkey takes part in one event but none happened there.
    _, out, _ = cli(capsys, db, "clusters", "--country", "TUR", "-f", "jsonl")
    assert len(out.splitlines()) == 1
    _, out, _ = cli(capsys, db, "clusters", "--place", "TUR", "-f", "jsonl")
    assert out == ""


def test_dyad_counts_both_directions_and_joint_actions(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = cli(capsys, db, "series", "KEN", "ETH", "-f", "jsonl")
    assert code == 0, err
    by_period = {r["period"]: r["n_events"] for r in map(json.loads, out.splitlines())}
    # June: Kenya accuses Ethiopia (3 June) and both agree jointly (6 June).
    assert by_period["2025-06-01"] == 2, "the joint AGREE of Kenya and Ethiopia counts"
    _, out_reversed, _ = cli(capsys, db, "series", "ETH", "KEN", "-f", "jsonl")
    assert out_reversed == out
    assert "1 event(s) between KEN and ETH have no date" in err
    _, directed, _ = cli(capsys, db, "series", "KEN", "ETH", "--directed", "-f", "jsonl")
    by_period = {r["period"]: r["n_events"] for r in map(json.loads, directed.splitlines())}
    assert by_period["2025-06-01"] == 1, "a joint action has no direction"
    _, names, _ = cli(capsys, db, "series", "Ruto", "Abiy", "-f", "jsonl")
    assert json.loads(names.splitlines()[0])["n_events"] == 2


def test_undated_events_left_out_are_announced(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = cli(
        capsys, db, "clusters", "--actor", "Ruto", "--since", "2025-01-01", "-f", "csv"
    )
    assert code == 0
    assert "1 matching event(s) have no date and were left out" in err
    assert "note" not in out


def test_wildcard_characters_are_literal(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = cli(capsys, db, "clusters", "--actor", "%*")
    assert code == 2 and out == "" and "no actor named '%*'" in err
    _, out, _ = cli(capsys, db, "documents", "--publisher", "%", "-f", "jsonl")
    assert out == ""
    _, out, _ = cli(capsys, db, "documents", "--publisher", "_oastline*", "-f", "jsonl")
    assert out == ""
    _, out, _ = cli(capsys, db, "documents", "--publisher", "coastline*", "-f", "jsonl")
    assert len(out.splitlines()) >= 2


HOSTILE: list[tuple[list[str], str]] = [
    (["clusters", "--type", "BOMBING"], "unknown --type 'BOMBING'; use one of: AGREE"),
    (["clusters", "--mode", "teleport"], "unknown --mode 'teleport'"),
    (["clusters", "--quad-class", "7"], "unknown --quad-class 7"),
    (["clusters", "--modality", "maybe"], "unknown --modality 'maybe'"),
    (["events", "--country", "Kenya"], "is not an ISO 3166 alpha-3 country code"),
    (["events", "--country", "XYZ"], "is not an ISO 3166 alpha-3 country code"),
    (["entities", "--type", "ALIEN"], "unknown --type 'ALIEN'"),
    (["quotes", "--kind", "shouted"], "unknown --kind 'shouted'"),
    (["clusters", "--actor", "Nobody Known At All"], "no actor named"),
    (["clusters", "--actor", "\udcff\udcfe"], "not UTF-8"),
    (["clusters", "--actor", "a" * 50_000 + "*"], "at most 200"),
    (["documents", "--publisher", "%" * 50_000], "at most 200"),
    (["clusters", "--actor", "Ruto\x00"], "control characters"),
    (["clusters", "--limit", str(2**63)], "--limit"),
    (["events", "--limit", "-1"], "--limit must be between 0"),
    (["clusters", str(2**63)], "does not exist"),
    (["clusters", "--since", "2025-02-30"], "is not a date"),
    (["clusters", "--min-confidence", "3"], "between 0 and 1"),
    (["series", "KEN", "Nobody Known"], "no actor named"),
    (["profile", "Nobody Known"], "no actor named"),
    (["search", "!!!"], "at least one word"),
    (["clusters", "--bogus"], "No such option"),
    (["export", "out.xyz"], "cannot tell the export format"),
    (["panel", "--by", "planet"], "Invalid value for '--by'"),
    (["panel", "-o", "/tmp"], "is a folder"),
    (["codes", "cameo", "\udcff"], "not UTF-8"),
    (["clusters", "--place", "\udcfe"], "not UTF-8"),
]


@pytest.mark.parametrize(("args", "message"), HOSTILE, ids=lambda v: str(v)[:40])
def test_hostile_and_unknown_values_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    code, out, err = cli(capsys, db, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", "/tmp"],
        ["extract", "x.txt", "--published", "yesterday"],
        ["ingest", "x.txt", "--published", "2025-02-30"],
    ],
)
def test_no_traceback_for_a_bad_path_or_value(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code = run(app, args)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err


def test_bad_store_url_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for url in ("postgresql://nobody@127.0.0.1:1/none", "mysql+nodriver://x/y", str(tmp_path)):
        code = run(app, ["clusters", "--db", url])
        err = capsys.readouterr().err
        assert code == 2, (url, err)
        assert err.count("\n") == 1 and err.startswith("error: "), err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph import __version__

    assert run(app, ["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsgraph {__version__}"


@pytest.fixture()
def exported(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("events.jsonl", lambda text: json.loads(text.splitlines()[0])["event"]),
        ("events.tsv", lambda text: text.startswith("Event ID\tEvent Date")),
        ("events.csv", lambda text: text.startswith("cluster_id,event_type")),
    ],
)
def test_export_format_follows_the_extension(
    capsys: pytest.CaptureFixture[str], db: str, exported: Path, name: str, check: Any
) -> None:
    path = exported / name
    code, _, err = cli(capsys, db, "export", str(path))
    assert code == 0, err
    assert check(path.read_text(encoding="utf-8"))
    assert not list(exported.glob(".*partial"))


def test_export_parquet_by_extension_is_parquet(
    capsys: pytest.CaptureFixture[str], db: str, exported: Path
) -> None:
    path = exported / "events.parquet"
    code, _, err = cli(capsys, db, "export", str(path))
    assert code == 0, err
    assert path.read_bytes()[:4] == b"PAR1"


def test_export_dash_is_stdout(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = cli(capsys, db, "export", "-", "-f", "plover", "--actor", "Ruto")
    assert code == 0, err
    found = [json.loads(line)["event"] for line in out.splitlines()]
    assert len(found) >= 3 and all(e == ["CONSULT"] for e in found)
    assert not Path("-").exists()


def test_export_to_a_folder_or_a_full_disk(
    capsys: pytest.CaptureFixture[str], db: str, exported: Path
) -> None:
    code, _, err = cli(capsys, db, "export", str(exported), "-f", "csv")
    assert code == 2 and "is a folder" in err and err.count("\n") == 1
    if Path("/dev/full").exists() and not Path("/dev/full").is_file():
        code, _, err = cli(capsys, db, "export", "/dev/full", "-f", "csv")
        assert code == 2 and "No space left" in err and err.count("\n") == 1
        assert not Path("/dev/full").is_file(), "a device is written in place, never replaced"


def test_country_month_panel_is_balanced_with_quad_counts(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, out, err = cli(capsys, db, "panel", "-f", "jsonl")
    assert code == 0, err
    cells = {(r["country"], r["month"]): r for r in map(json.loads, out.splitlines())}
    assert cells[("ETH", "2025-05-01")]["n_events"] == 2  # the two Addis Ababa visits
    assert cells[("ETH", "2025-05-01")]["quad1"] == 2
    assert cells[("UGA", "2025-05-01")]["n_events"] == 1
    countries = {c for c, _ in cells}
    months = {m for _, m in cells}
    assert len(cells) == len(countries) * len(months), "every country in every month"
    assert cells[("UGA", min(months))]["n_events"] in (0, 1)
    assert "no place country" in err
    _, by_actor, _ = cli(capsys, db, "panel", "--by", "actor", "-f", "jsonl")
    actors = {(r["country"], r["month"]): r for r in map(json.loads, by_actor.splitlines())}
    assert actors[("KEN", "2025-05-01")]["n_events"] == 3
    path = tmp_path / "panel.parquet"
    assert run(app, ["panel", "--db", db, "-o", str(path)]) == 0
    import pandas as pd

    assert len(pd.read_parquet(path)) == len(cells)
