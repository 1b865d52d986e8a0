"""Hand-built parses for the predicate tests (as spaCy's own tests build Docs), no model needed.

A parse is written one token a line: `word head dep POS [lemma] [ENT]`, where `head` is the
1-based position of the head token (0 for the root), so the tests read like CoNLL-U.
"""

from __future__ import annotations

from typing import Any


def parsed(table: str) -> Any:
    """A spaCy Doc from the token table (lemma defaults to the lower-cased word)."""
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, pos, lemmas, ents = [], [], [], [], [], []
    rows = [line.split() for line in table.strip().splitlines()]
    for number, row in enumerate(rows, start=1):
        word, head, dep, tag, *rest = row
        words.append(word)
        heads.append(int(head) - 1 if head != "0" else number - 1)
        deps.append(dep)
        pos.append(tag)
        lemma = next((r for r in rest if not r.isupper()), word.lower())
        lemmas.append(lemma)
        ent = next((r for r in rest if r.isupper()), None)
        ents.append(f"B-{ent}" if ent else "O")
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        ents=ents,
    )


def token(doc: Any, word: str, nth: int = 0) -> Any:
    """The n-th token spelt `word`."""
    return [t for t in doc if t.text == word][nth]
