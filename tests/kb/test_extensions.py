from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.kb import load_kb, load_petrarch_actors
from newsgraph.kb.petrarch import parse_petrarch_actors, split_code

SAMPLE = Path(__file__).parent / "data" / "sample.actors.txt"


def test_petrarch_import_reads_every_entry_and_synonym() -> None:
    entries = load_petrarch_actors(SAMPLE)
    assert [e.name for e in entries] == [
        "ZORBANIA",
        "PRESIDENT ALVAREZ",
        "RED FRONT",
        "NOBODY SPECIAL",
        "KAYA DEMIR",
        "BROKEN ENTRY",
    ]
    zorbania = entries[0]
    assert zorbania.aliases == ("ZORBANIAN", "ZORBANIANS")
    assert (zorbania.code, zorbania.country, zorbania.sector) == ("ZRB", "ZRB", None)
    assert entries[2].code == "ZRBREBRDF" and entries[2].sector == "REB"
    assert entries[3].code is None
    assert entries[5].roles == ()  # its block has no valid date range, so it is skipped
    assert all(e.source.startswith("petrarch:") for e in entries)


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("PRESIDENT ALVAREZ", "2009-12-31", "ZRBOPP"),  # "<" includes its day (YYMMDD date)
        ("PRESIDENT ALVAREZ", "2010-01-01", "ZRBGOV"),
        ("PRESIDENT ALVAREZ", "2015-12-31", "ZRBGOV"),  # ranges are inclusive
        ("PRESIDENT ALVAREZ", "2016-01-01", "ZRBELI"),
        ("KAYA DEMIR", "2022-12-31", "TURREB"),
        ("KAYA DEMIR", "2023-01-01", "TURGOV"),
        ("ZORBANIA", "2020-01-01", "ZRB"),
    ],
)
def test_petrarch_import_keeps_date_windows(name: str, day: str, code: str) -> None:
    entry = next(e for e in load_petrarch_actors(SAMPLE) if e.name == name)
    role = entry.role_on(dt.date.fromisoformat(day))
    assert role is not None and role.title == code


def test_petrarch_windows_outside_any_code_give_no_role() -> None:
    text = "GAP_MAN\n\t[XYZGOV 20100101-20101231]\n\t[XYZMIL >20120101]\n"
    (entry,) = parse_petrarch_actors(text, "petrarch:inline")
    assert entry.role_on(dt.date(2011, 6, 1)) is None
    assert entry.role_on(dt.date(2010, 6, 1)).title == "XYZGOV"  # type: ignore[union-attr]
    assert entry.role_on(None).title == "XYZMIL"  # type: ignore[union-attr]


def test_petrarch_first_listed_restriction_wins_on_overlap() -> None:
    text = "SWITCHER [ABC]\n\t[ABCMIL 20100101-20100105]\n\t[ABCGOV 20090101-20111231]\n"
    (entry,) = parse_petrarch_actors(text, "petrarch:inline")
    assert entry.role_on(dt.date(2010, 1, 3)).title == "ABCMIL"  # type: ignore[union-attr]
    assert entry.role_on(dt.date(2010, 2, 1)).title == "ABCGOV"  # type: ignore[union-attr]
    assert entry.role_on(dt.date(2015, 1, 1)).title == "ABC"  # type: ignore[union-attr]


def test_load_kb_lays_petrarch_file_over_builtin() -> None:
    kb = load_kb([str(SAMPLE)])
    hits = kb.lookup("Demir")
    assert hits and hits[0].source.startswith("petrarch:")
    assert kb.lookup("Zorbanians")[0].code == "ZRB"
    assert kb.lookup("Erdogan")[0].id == "p:erdogan"  # built-in data is still there


def test_load_kb_sniffs_petrarch_content_without_suffix(tmp_path: Path) -> None:
    plain = tmp_path / "my-dictionary.txt"
    plain.write_text(SAMPLE.read_text("utf-8"), "utf-8")
    assert load_kb([str(plain)]).lookup("Kaya Demir")[0].source.startswith("petrarch:")


def test_user_json_overrides_builtin_entry_and_adds_data(tmp_path: Path) -> None:
    user = tmp_path / "mine.json"
    user.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "id": "p:erdogan",
                        "name": "Recep Tayyip Erdoğan",
                        "aliases": ["Erdogan", "Reis"],
                        "roles": [["Test role", "TUR", "OPP", "2000-01-01", None]],
                    },
                    {"name": "Ahmad Example", "type": "PERSON", "country": "JOR", "sector": "MED"},
                ],
                "countries": [{"iso3": "TUR", "demonyms": ["Türk"], "seats": ["the Saray"]}],
                "roles": {"warlord": "REB"},
            }
        ),
        "utf-8",
    )
    kb = load_kb([str(user)])
    erdogan = kb.lookup("Reis")[0]
    assert erdogan.source == f"user:{user}" and erdogan.sector == "OPP"
    assert [e.id for e in kb.lookup("Erdogan")].count("p:erdogan") == 1
    assert kb.lookup("Ahmed Example")[0].code == "JORMED"
    assert kb.country_by_demonym("Türk") is kb.country("TUR")
    assert kb.country_by_capital("the Saray") is kb.country("TUR")
    assert kb.sector_for_role("warlord") == "REB"
    assert load_kb().sector_for_role("warlord") is None  # the built-in KB is untouched


def test_user_tsv_rows_with_one_id_merge_into_dated_roles(tmp_path: Path) -> None:
    user = tmp_path / "people.tsv"
    user.write_text(
        "id\tname\ttype\taliases\tcountry\tsector\ttitle\tstart\tend\n"
        "x:tariq\tTariq Haddad\tPERSON\tTariq al-Haddad|Abu Zaid\tLBY\tREB\tMilitia commander\t\t2021-03-15\n"
        "x:tariq\t\t\t\tLBY\tGOV\tInterior minister\t2021-03-15\t\n",
        "utf-8",
    )
    entry = load_kb([str(user)]).lookup("Abu Zaid")[0]
    assert entry.role_on(dt.date(2020, 1, 1)).sector == "REB"  # type: ignore[union-attr]
    assert entry.role_on(dt.date(2022, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert entry.code == "LBYGOV"


def test_user_tsv_role_lexicon(tmp_path: Path) -> None:
    user = tmp_path / "roles.tsv"
    user.write_text("phrase\tsector\nwarlord\tREB\nspokesman\tJRN\n", "utf-8")
    kb = load_kb([str(user)])
    assert kb.sector_for_role("warlords") == "REB"
    assert kb.sector_for_role("spokesman") == "JRN"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.json", "{not json"),
        ("bad.tsv", "foo\tbar\n1\t2\n"),
        ("dates.json", '[{"name": "X", "roles": [["t", "USA", "GOV", "20-01-2020", null]]}]'),
    ],
)
def test_bad_user_files_raise_config_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError):
        load_kb([str(path)])


def test_missing_user_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_kb([str(tmp_path / "nope.json")])


def test_user_country_patch_drops_and_adds_capital_spellings(tmp_path: Path) -> None:
    user = tmp_path / "countries.json"
    user.write_text(
        json.dumps(
            {"countries": [{"iso3": "TUR", "capitals": ["Angora"], "drop": ["Republic of Turkey"]}]}
        ),
        "utf-8",
    )
    kb = load_kb([str(user)])
    assert kb.country_by_capital("Angora") is kb.country("TUR")
    assert kb.country_by_name("Republic of Turkey") is None
    assert kb.country_by_name("Türkiye") is kb.country("TUR")  # other names stay


def test_user_tsv_agency_column(tmp_path: Path) -> None:
    user = tmp_path / "agencies.tsv"
    user.write_text(
        "name\taliases\tcountry\tsector\tis_agency\nNorth Wire\tNWA\tGHA\tJRN\ttrue\n", "utf-8"
    )
    kb = load_kb([str(user)])
    assert kb.is_news_agency("NWA") and kb.is_news_agency("North Wire")
    assert kb.lookup("North Wire")[0].code == "GHAJRN"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("IGOUNOKID", ("UNO", None)),
        ("IGOEEC", ("EUR", None)),
        ("IGONAT", ("IGO", None)),
        ("NGOHRI", ("NGO", "HRI")),
        ("PSEREBHMS", ("PSE", "REB")),
    ],
)
def test_petrarch_cameo_igo_codes_become_plover_country_codes(
    code: str, expected: tuple[str | None, str | None]
) -> None:
    """CAMEO writes the UN and the EU under IGO; PLOVER gives them UNO and EUR (Table 5.1)."""
    assert split_code(code) == expected
