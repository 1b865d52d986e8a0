from __future__ import annotations

import pytest

from newsgraph.evaluate.crosswalk import (
    cameo_root,
    cameo_to_plover,
    load_crosswalk,
    parse_official,
    parse_package_tsv,
    plover_label,
)

from .helpers import FIXTURES


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("AGREE", "AGREE"),
        ("assault", "ASSAULT"),
    ],
)
def test_crosswalk_plover_label_maps_old_names(label: str, expected: str) -> None:
    assert plover_label(label) == expected


@pytest.fixture
def official() -> dict[str, str]:
    return parse_official((FIXTURES / "crosswalk_sample.txt").read_text(encoding="utf-8"))


def test_crosswalk_parse_official_reads_codes(official: dict[str, str]) -> None:
    assert official == {
        "04": "CONSULT",
        "042": "CONSULT",
        "17": "COERCE",
        "173": "COERCE",
        "19": "ASSAULT",
    }


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", "CONSULT"),
        ("0421", "CONSULT"),  # 4-digit falls back to its 3-digit parent
        ("174", "COERCE"),  # unknown 3-digit falls back to its root
        ("190", "ASSAULT"),
        ("0233", None),  # roots the table does not map stay unmapped
        ("903", None),
        ("abc", None),
    ],
)
def test_crosswalk_cameo_to_plover_falls_back(
    official: dict[str, str], code: str, expected: str | None
) -> None:
    assert cameo_to_plover(code, official) == expected


@pytest.mark.parametrize(
    ("code", "root"), [("042", "04"), ("1711", "17"), ("903", None), ("", None), (None, None)]
)
def test_crosswalk_cameo_root(code: str | None, root: str | None) -> None:
    assert cameo_root(code) == root


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# c\n042\tCONSULT\tvisit\t\tMake a visit\n173\tCOERCE\t\tlegal\tArrest\n",
            {"042": "CONSULT", "173": "COERCE"},
        )
    ],
)
def test_crosswalk_parse_package_tsv(text: str, expected: dict[str, str]) -> None:
    assert parse_package_tsv(text) == expected


def test_crosswalk_load_crosswalk_maps_common_codes() -> None:
    table = load_crosswalk(FIXTURES / "crosswalk_sample.txt")
    assert cameo_to_plover("042", table) == "CONSULT"
