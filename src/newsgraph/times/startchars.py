"""Compile a pattern so that a search skips, in C, the positions where no match can start.

A search tries the pattern at every position of the text. Python's compiler tells the regex
engine which characters a match can start with only when the pattern begins with a literal or a
character class; a pattern that begins with `\\b`, a look-behind, an optional group or a
case-insensitive word (as nearly every time rule does) gets no such hint, and the engine enters
the pattern at each of the text's positions. `with_start_chars` reads the characters a match can
begin with from the pattern's parse tree and compiles the same pattern with that set in its
header: the engine then steps over every other position in a tight loop and tries the pattern
only where a match could begin. The matches (spans, groups) are exactly those of the plain
pattern; only the positions and alternatives tried change (tests compare the two).

The case-insensitive words of a pattern are spelled out first (`(?i:the)` becomes `[tT][hH][eE]`,
with the few non-ASCII letters the engine also equates with an ASCII one): the engine enters
an alternative of a branch only when its first character can match, a check it makes for plain
literals and classes but not for case-insensitive ones, so a list of forty number words is no
longer entered forty times at every word. Where a part cannot be spelled out exactly (a
non-ASCII letter or a negated class under `(?i)`) the pattern keeps its case-insensitive form.

The set is a superset, read conservatively: a case-insensitive letter left unspelled stands for
both its cases and every non-ASCII character (Unicode case folding relates a few to ASCII), and
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


FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The non-ASCII characters a case-insensitive ASCII letter matches (dotted and dotless I, the
Kelvin sign, the long s); a test reads them from the regex engine over every character."""


def _spelled(code: int) -> list[SetItem]:
    """The characters a case-insensitive literal matches, as class items."""
    char = chr(code)
    if not char.isascii():
        if _sre.unicode_iscased(code):
            raise Unknown  # a non-ASCII letter: its case forms are not spelled out here
        return [(sre.LITERAL, code)]
    if not char.isalpha():
        return [(sre.LITERAL, code)]
    low = char.lower()
    return [(sre.LITERAL, ord(c)) for c in sorted({low, low.upper(), *FOLDS.get(low, "")})]


def _spell_out(items: Any, ignore_case: bool) -> list[Any]:
    """The parsed items with case-insensitive letters turned into classes (`(?i:the)` ->
    `[tT][hH][eE]`) and no case-insensitive scope left.

    The engine checks a branch's alternatives on their first character only when it is a plain
    literal or class: under `(?i:...)` every alternative of a word list ("one|two|three|...")
    is entered at every position; spelled out, those that cannot start there are skipped."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inner = bool(ignore_case or add_flags & sre.SRE_FLAG_IGNORECASE) and not (
                del_flags & sre.SRE_FLAG_IGNORECASE
            )
            sub.data = _spell_out(sub.data, inner)
            flag = ~sre.SRE_FLAG_IGNORECASE
            out.append((op, (group, add_flags & flag, del_flags & flag, sub)))
        elif op is sre.BRANCH:
            for alternative in av[1]:
                alternative.data = _spell_out(alternative.data, ignore_case)
            out.append((op, av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            av[2].data = _spell_out(av[2].data, ignore_case)
            out.append((op, av))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            av[1].data = _spell_out(av[1].data, ignore_case)
            out.append((op, av))
        elif op is sre.ATOMIC_GROUP:
            av.data = _spell_out(av.data, ignore_case)
            out.append((op, av))
        elif op in (sre.AT, sre.ANY) or not ignore_case:
            out.append((op, av))
        elif op is sre.LITERAL:
            spelled = _spelled(av)
            out.append(spelled[0] if len(spelled) == 1 else (sre.IN, spelled))
        elif op is sre.IN:
            out.append((op, _spelled_class(av)))
        else:  # NOT_LITERAL, back references, conditionals under (?i): not spelled out
            raise Unknown
    return out


def _spelled_class(items: Any) -> list[SetItem]:
    cased = False
    out: list[SetItem] = []
    for op, av in items:
        if op is sre.LITERAL:
            spelled = _spelled(av)
            cased = cased or len(spelled) > 1
            out += spelled
        elif op is sre.RANGE and av[1] < 0x80:
            for code in range(av[0], av[1] + 1):
                spelled = _spelled(code)
                cased = cased or len(spelled) > 1
                out += spelled
        elif op is sre.CATEGORY:
            out.append((op, av))
        else:
            raise Unknown
    if cased and any(op is sre.CATEGORY for op, _ in out):
        raise Unknown  # the engine would test the category on the lower-cased character
    return out


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
        if not flags & sre.SRE_FLAG_IGNORECASE:
            try:
                parsed.data = _spell_out(parsed.data, False)
            except Unknown:
                parsed = sre_parse.parse(pattern.pattern, pattern.flags)
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
