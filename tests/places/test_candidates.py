"""Candidate collection from the actors stage's entities (no spaCy needed)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import Analysis, Entity, Mention
from newsgraph.places.candidates import AFTER_PREPOSITION, CAPITALISED_RUN, candidates_for


def _entity(eid: str, etype: str, text: str, name: str, nth: int = 1) -> Entity:
    start = -1
    for _ in range(nth):
        start = text.index(name, start + 1)
    return Entity(eid, name, etype, mentions=[Mention(start, start + len(name))])


def test_candidates_drop_person_surname_labelled_as_place() -> None:
    text = "Recep Tayyip Erdogan spoke in Ankara. Erdogan then left."
    analysis = Analysis(
        id="d",
        text=text,
        entities=[
            _entity("A1", "PERSON", text, "Recep Tayyip Erdogan"),
            _entity("A2", "GPE", text, "Ankara"),
            _entity("A3", "GPE", text, "Erdogan", nth=2),
        ],
    )
    spans = [text[s:e] for s, e, _ in candidates_for(analysis)]
    assert "Ankara" in spans
    assert "Erdogan" not in spans


def test_candidates_add_dateline_and_unlabelled_name_after_preposition() -> None:
    text = "NAIROBI (Reuters) — Floods hit the region.\nAid arrived in Garissa on Monday."
    analysis = Analysis(id="d", text=text, entities=[_entity("A1", "ORG", text, "Reuters")])
    found = {text[s:e]: label for s, e, label in candidates_for(analysis)}
    assert found["NAIROBI"] == "GPE"
    assert found["Garissa"] == ""


def test_candidates_empty_without_entities_or_doc() -> None:
    assert candidates_for(Analysis(id="d", text="Nothing here.")) == []


def test_candidates_dateline_overrides_entity_label() -> None:
    text = "BOISE, Idaho (AP) — A storm closed schools.\nThe district said classes resume."
    analysis = Analysis(id="d", text=text, entities=[_entity("A1", "ORG", text, "BOISE")])
    found = {(text[s:e], label) for s, e, label in candidates_for(analysis)}
    assert ("BOISE", "GPE") in found
    assert ("Idaho", "GPE") in found
    assert ("BOISE", "ORG") not in found


def test_candidates_gazetteer_names_no_entity_covers() -> None:
    text = "Camps near Matamoros, Tamaulipas, Mexico filled up. The Laredo Water Board met."
    analysis = Analysis(id="d", text=text, entities=[_entity("A1", "GPE", text, "Matamoros")])
    found = {text[s:e]: label for s, e, label in candidates_for(analysis)}
    assert found["Mexico"] == ""
    assert found["Laredo"] == "EMBEDDED"  # a name inside a longer capitalised run
    assert "Water Board" not in found


def test_candidates_add_demonyms_that_modify_a_noun() -> None:
    text = "Greek officials met Turkish envoys. The Greeks left."
    analysis = Analysis(id="d", text=text, entities=[_entity("A1", "GPE", text, "Greek")])
    found = [(text[s:e], label) for s, e, label in candidates_for(analysis)]
    assert ("Greek", "ADJECTIVAL") in found
    assert ("Turkish", "ADJECTIVAL") in found
    assert not any(name == "Greeks" for name, _ in found)


RUN_PIECES = [
    "in", "In", "at", "At", "from", "near", "outside", "Outside", "Cirencester", "New", "York",
    "U.S.", "St.", "O'Neill", "D’Arcy", "Žilina", "Østfold", "AT&T", "Bosnia-Herzegovina", "-",
    ".", ",", "'", "’", "the", "Owensboro", "Public", "Schools", "ın", "İn", "\n", "x1",
]  # fmt: skip


@given(st.lists(st.sampled_from(RUN_PIECES), max_size=40), st.sampled_from([" ", "", "  "]))
def test_candidates_patterns_with_start_chars_match_as_compiled_plainly(
    pieces: list[str], glue: str
) -> None:
    text = glue.join(pieces)
    for pattern in (CAPITALISED_RUN, AFTER_PREPOSITION):
        plain = re.compile(pattern.pattern, pattern.flags)
        assert [m.span(1) if m.re.groups else m.span() for m in pattern.finditer(text)] == [
            m.span(1) if m.re.groups else m.span() for m in plain.finditer(text)
        ], text


def test_candidates_each_place_of_a_joined_dateline() -> None:
    text = (
        "Ceasefire talks resume\n"
        "ADDIS ABABA/NAIROBI, March 3 (Reuters) - Talks resumed.\n"
        "TUNIS and ALGIERS (AFP) — Both governments spoke.\n"
        "BERLIN / PARIS — Ministers met."
    )
    analysis = Analysis(id="d", text=text, entities=[_entity("A1", "ORG", text, "Reuters")])
    found = {text[s:e] for s, e, label in candidates_for(analysis) if label == "GPE"}
    assert {"ADDIS ABABA", "NAIROBI", "TUNIS", "ALGIERS", "BERLIN", "PARIS"} <= found
    assert not {"ADDIS ABABA/NAIROBI", "TUNIS and ALGIERS", "BERLIN / PARIS"} & found
