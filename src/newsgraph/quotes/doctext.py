"""The text of a parsed Doc, read once per document.

spaCy's `Doc.text` joins every token each time it is read, so a stage that slices it per quote
or per token becomes quadratic in the length of the document. The string is kept in the Doc's
own `user_data` (it lives and dies with the Doc), not in module state.
"""

from __future__ import annotations

from typing import Any

KEY = "newsgraph.quotes.text"


def text_of(doc: Any) -> str:
    """`doc.text`, computed on the first call for this Doc."""
    cached = doc.user_data.get(KEY)
    if cached is None:
        cached = doc.user_data[KEY] = doc.text
    return str(cached)
