"""The text of a parsed Doc, read once per document.

spaCy's `Doc.text` joins every token each time it is read, so a stage that slices it per quote
or per token becomes quadratic in the length of the document. The string is the one
`newsgraph.words` keeps with the Doc's words (the actors stage has usually read them already).
"""

from __future__ import annotations

from typing import Any

from newsgraph.words import words_of


def text_of(doc: Any) -> str:
    """`doc.text`, computed on the first call for this Doc."""
    return words_of(doc).text
