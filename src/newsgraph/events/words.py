"""Word classes of the event rules, read from `word_classes.txt` beside this module.

The rules ask "is this lemma a speech verb, a future auxiliary, a proposal noun?"; the lists
are data, documented in the file, so that they can be reviewed and extended without reading
the rules. A name the file does not define is a packaging error, reported as such.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from newsgraph.errors import ResourceError

WORD_CLASSES_FILE = "word_classes.txt"


def parse_word_classes(text: str) -> dict[str, frozenset[str]]:
    """`[name]` opens a class; words follow, space-separated; `#` starts a comment."""
    classes: dict[str, set[str]] = {}
    current: set[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = classes.setdefault(line[1:-1].strip(), set())
        elif current is None:
            raise ResourceError(f"{WORD_CLASSES_FILE} line {number}: words before any [class]")
        else:
            current.update(line.lower().split())
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    files = resources.files("newsgraph.events")
    return parse_word_classes(files.joinpath(WORD_CLASSES_FILE).read_text(encoding="utf-8"))


def word_class(name: str) -> frozenset[str]:
    """The words of class `name`."""
    try:
        return _classes()[name]
    except KeyError:
        raise ResourceError(
            f"{WORD_CLASSES_FILE} has no class [{name}]; reinstall newsgraph or add the class"
        ) from None
