"""Run a rule only over the lines that hold its words, with exactly the matches of ``finditer``.

The time rules skip a text that lacks one of their required words (``scan.required_words``),
but a text that holds one somewhere is scanned whole: the weekday rule reads every line of an
article that names one weekday. A rule whose matches can never hold a line break (the time
rules write ``\\s`` as ``[^\\S\\n]``: an expression never runs across a paragraph) matches only
inside a line that holds one word of each of its sets, so only those lines need a search.

Searching one line gives the matches ``finditer`` gives over the whole text there, when:

1. no match holds a ``\\n`` (every character the pattern consumes excludes it): a match lies
   in one line, and a line without the words holds none;
2. no look-ahead consumes a ``\\n``: each line is searched with the string's end set two
   characters past its last (``finditer(text, start, end)``: its ``\\n`` and the next
   line's first character), so what a test reads at any position a match can reach is the
   text's own character; ``$`` and ``\\Z`` fail there as over the whole text (the end is
   never at the line's ``\\n`` nor just after it, but where the text ends), and no match can
   start on the next line's first character (it holds a required word: two characters);
3. look-behinds and word boundaries read the text before the line's start as it is
   (``re`` reads before ``pos``, never before the string's start), so they need nothing;
4. a match cannot be empty (it holds its required words), so ``finditer``'s step over an
   empty match never carries from one line into the next.

``line_bound`` checks 1 and 2 on the parsed pattern; a construct it does not know makes it
say no, and the rule is then searched over the whole text as before.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

try:  # re's own parser (Python 3.11 and later); without it every rule reads the whole text
    sre: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre = _parser = None

_NEWLINE = ord("\n")
_CATEGORY_ESCAPES = {
    "DIGIT": r"\d", "NOT_DIGIT": r"\D", "SPACE": r"\s", "NOT_SPACE": r"\S", "WORD": r"\w",
    "NOT_WORD": r"\W", "LINEBREAK": r"\n", "NOT_LINEBREAK": r"[^\n]",
}  # fmt: skip
# Zero-width tests that read no character past the one at their position, or the string's
# end (condition 2): not AT_END_LINE, the $ of MULTILINE, which a \n ends.
_SAFE_AT = frozenset({"AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BOUNDARY", "AT_NON_BOUNDARY",
                      "AT_LOC_BOUNDARY", "AT_LOC_NON_BOUNDARY", "AT_UNI_BOUNDARY", "AT_UNI_NON_BOUNDARY",
                      "AT_END", "AT_END_STRING"})  # fmt: skip


def line_bound(pattern: str) -> bool:
    """Tell whether neither a match of ``pattern`` nor a look-ahead in it can consume a line
    break (conditions 1 and 2 above)."""
    if _parser is None:  # pragma: no cover
        return False
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.DOTALL | re.MULTILINE | re.IGNORECASE):
            return False  # a case-insensitive class is not read here: the rules run lower-cased
        return _bound(parsed.data)
    except Exception:  # pragma: no cover - a construct not read here: the whole text is searched
        return False


def _bound(items: Any) -> bool:
    for op, av in items:
        if op is sre.LITERAL:
            ok = av != _NEWLINE
        elif op is sre.NOT_LITERAL:
            ok = av == _NEWLINE
        elif op is sre.IN:
            ok = not _class_holds_newline(av)
        elif op is sre.ANY:
            ok = True  # . is any character but \n (no DOTALL: checked above)
        elif op is sre.CATEGORY:
            ok = not _category_holds_newline(av)
        elif op is sre.AT:
            ok = str(av) in _SAFE_AT
        elif op is sre.SUBPATTERN:
            ok = _bound(av[3])
        elif op is sre.BRANCH:
            ok = all(_bound(branch) for branch in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            ok = _bound(av[2])
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            ok = _bound(av)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, inner = av
            ok = direction < 0 or _bound(inner)  # a look-behind reads the text as it is
        else:
            ok = False  # a back-reference, a conditional group: not read here
        if not ok:
            return False
    return True


def _class_holds_newline(items: Any) -> bool:
    negated = bool(items) and items[0][0] is sre.NEGATE
    held = False
    for op, av in items[1:] if negated else items:
        if op is sre.LITERAL:
            held = av == _NEWLINE
        elif op is sre.RANGE:
            held = av[0] <= _NEWLINE <= av[1]
        elif op is sre.CATEGORY:
            held = _category_holds_newline(av)
        else:
            return True  # not read here: say it may
        if held:
            break
    return held != negated


def _category_holds_newline(category: Any) -> bool:
    name = str(category).removeprefix("CATEGORY_").removeprefix("UNI_").removeprefix("LOC_")
    escape = _CATEGORY_ESCAPES.get(name)
    return escape is None or re.match(escape, "\n") is not None


class Lines:
    """Where each line of a text starts, and the lines that hold a word, found as asked."""

    def __init__(self, text: str, known: dict[str, bool] | None = None) -> None:
        self.text = text
        self._known = {} if known is None else known  # word -> in the text, as already asked
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.starts = starts
        self._holding: dict[str, set[int]] = {}
        self._sets: dict[frozenset[str], set[int]] = {}

    def holding(self, words: frozenset[str]) -> set[int]:
        """Return the numbers of the lines that hold one of ``words`` (read only: several
        rules require one set, the month names or the units, and share its answer)."""
        found = self._sets.get(words)
        if found is None:
            found = set()
            for word in words:
                found |= self._lines_of(word)
            self._sets[words] = found
        return found

    def _lines_of(self, word: str) -> set[int]:
        lines = self._holding.get(word)
        if lines is None:
            lines = self._holding[word] = set()
            if self._known.get(word) is False:
                return lines  # the caller found it nowhere in the text: no search again
            text, starts = self.text, self.starts
            at = text.find(word)
            while at >= 0:
                line = bisect_right(starts, at) - 1
                lines.add(line)
                if line + 1 >= len(starts):
                    break
                at = text.find(word, starts[line + 1])  # one hit a line is enough
        return lines

    def search(
        self, pattern: re.Pattern[str], required: tuple[frozenset[str], ...]
    ) -> Iterator[re.Match[str]]:
        """Yield ``pattern.finditer(text)``'s matches, searching only the lines that hold one
        word of each set of ``required`` (a line-bound pattern: ``line_bound``). Any sets of
        words every match holds give the same matches: a match lies in a line holding them
        all, so a line kept for fewer sets only costs its search."""
        if not required:
            yield from pattern.finditer(self.text)
            return
        lines: set[int] | None = None
        for words in required:
            held = self.holding(words)
            lines = held if lines is None else lines & held
            if not lines:
                return
        starts, size = self.starts, len(self.text)
        for line in sorted(lines or ()):
            # the line's \n and the next line's first character (condition 2)
            end = min(starts[line + 1] + 1, size) if line + 1 < len(starts) else size
            yield from pattern.finditer(self.text, starts[line], end)
