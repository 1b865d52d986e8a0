"""Compile a pattern so that a search skips, in C, the positions where no match can start.

A search tries the pattern at every position of the text. Python's compiler tells the regex
engine which characters a match can start with only when the pattern begins with a literal or a
character class; a pattern that begins with `\\b`, a look-behind, an optional group or a
case-insensitive word (as nearly every time rule does) gets no such hint, and the engine enters
the pattern at each of the text's positions. `with_start_chars` reads the characters a match can
begin with from the pattern's parse tree and compiles the same pattern with that set in its
header: the engine then steps over every other position in a tight loop and tries the pattern
only where a match could begin. The program that matches is the one `re.compile` builds, so the
matches (spans, groups) are exactly the same; only the positions tried change.

The set is a superset, read conservatively: a case-insensitive letter stands for both its cases
and every non-ASCII character (Unicode case folding relates a few of them to ASCII letters), and
anything the reading does not know (`.`, a negated class, a back reference) leaves the pattern as
`re.compile` makes it. This uses the compiler's internals of Python 3.11 (`re._compiler`), which
`pyproject.toml` pins; on anything unexpected the plain compiled pattern is returned.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

NON_ASCII = (sre.RANGE, (0x80, 0x10FFFF))
"""Every non-ASCII character: case-insensitive matching relates some of them to ASCII letters
(the Kelvin sign to "k", the long s to "s", dotted and dotless I to "i")."""

SetItem = tuple[Any, Any]


class Unknown(Exception):
    """The first characters of this part of the pattern are not read (any character may start it)."""


def _case_forms(code: int) -> list[SetItem]:
    char = chr(code)
    codes = {code, *(ord(c) for c in (char.lower(), char.upper()) if len(c) == 1)}
    items: list[SetItem] = [(sre.LITERAL, c) for c in sorted(codes)]
    return [*items, NON_ASCII]


def _ignore_case(flags: int) -> bool:
    return bool(flags & sre.SRE_FLAG_IGNORECASE)


def _class_items(items: Any, flags: int) -> list[SetItem]:
    out: list[SetItem] = []
    for op, av in items:
        if op is sre.LITERAL:
            out += _case_forms(av) if _ignore_case(flags) else [(op, av)]
        elif op is sre.RANGE:
            low, high = av
            if _ignore_case(flags):
                if high - low > 0xFF:
                    raise Unknown
                for code in range(low, high + 1):
                    out += _case_forms(code)
            else:
                out.append((op, av))
        elif op is sre.CATEGORY:
            out.append((op, av))
        else:  # NEGATE and anything newer
            raise Unknown
    return out


def _first(items: Any, flags: int) -> tuple[list[SetItem], bool]:
    """The characters a match of the sequence `items` can begin with, and whether it can be empty."""
    chars: list[SetItem] = []
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # consumes nothing: the first character comes after it
        if op is sre.LITERAL:
            return chars + (_case_forms(av) if _ignore_case(flags) else [(op, av)]), False
        if op is sre.IN:
            return chars + _class_items(av, flags), False
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            first, empty = _first(sub.data, (flags | add_flags) & ~del_flags)
        elif op is sre.BRANCH:
            empty = False
            first = []
            for alternative in av[1]:
                alt_first, alt_empty = _first(alternative.data, flags)
                first += alt_first
                empty = empty or alt_empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            first, empty = _first(sub.data, flags)
            empty = empty or low == 0
        elif op is sre.ATOMIC_GROUP:
            first, empty = _first(av.data, flags)
        else:  # ANY, NOT_LITERAL, GROUPREF, conditionals: not read
            raise Unknown
        chars += first
        if not empty:
            return chars, False
    return chars, True


def with_start_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled with the set of characters its matches can start with (see the module).

    Returns `pattern` itself where Python already gives the engine a hint, where a match may be
    empty, or where the set cannot be read."""
    if not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        flags = parsed.state.flags | pattern.flags
        low, high = parsed.getwidth()
        if low == 0 or flags & sre.SRE_FLAG_LOCALE:
            return pattern
        prefix, _skip, _all = sre_compile._get_literal_prefix(parsed, flags)
        if prefix or sre_compile._get_charset_prefix(parsed, flags):
            return pattern  # re.compile already gives a hint
        chars, empty = _first(parsed.data, flags)
        if empty or not chars:
            return pattern
        charset, _cased = sre_compile._optimize_charset(chars)
        code: list[int] = [sre.INFO, 0, sre.SRE_INFO_CHARSET]
        code += [min(low, sre_compile.MAXCODE), min(high, sre_compile.MAXCODE)]
        sre_compile._compile_charset(charset, flags, code)
        code[1] = len(code) - 1
        sre_compile._compile(code, parsed.data, flags)
        code.append(sre.SUCCESS)
        index_group: list[str | None] = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            index_group[index] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern.pattern,
            flags,
            code,
            parsed.state.groups - 1,
            parsed.state.groupdict,
            tuple(index_group),
        )
    except (Unknown, AttributeError, TypeError, ValueError, re.error):
        return pattern
    return compiled
