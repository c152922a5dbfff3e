"""Run many case-insensitive rules over one text fast, with exactly the matches of ``finditer``.

The time stage tries some sixty regular expressions on every article, each over the whole
text: it was the largest cost of the analysis after the parse. Three things make it cheaper
without changing a single match:

1. **Lower-case once.** Each rule is compiled a second time with its letters lower-cased and
   without ``re.IGNORECASE``, and runs over ``text.lower()``. A case-insensitive comparison
   costs Python's ``re`` a case mapping per character; a plain one does not. The two agree on
   every text whose lower-casing keeps its length and holds none of the few characters that
   ``re`` folds beyond ``str.lower`` (dotless ı, long ſ, final ς, …). Those come in small
   sets that ``re`` treats as one letter (ı with i, ſ with s, µ with μ, the Cyrillic о with
   its old form ᲂ): in the lower-cased copy each is written as its set's first character
   (``canonical``), which the rules, written in French, hold only as that character, so a
   Turkish, Greek or Russian name in the text keeps the fast path. On any other text the
   original patterns run (``can_lower`` and ``canonical`` tell which).
2. **Skip a rule whose words are absent.** Every match of a rule holds some fixed words: one of
   the weekday names, ``siècle``, one of the holiday names. They are read off the parsed
   pattern once (``required_words``); a text that lacks one of them cannot match, and the
   rule is not run on it. About a third of the rules are skipped on a typical article.
3. **Try only where a match can start.** The characters a rule's matches start with are
   read off its pattern (``first_gate``) and written in its compiled header
   (``compile_starting``), where ``re`` keeps the set it reads off a pattern that opens
   with a character class: its search then skips every other position in a loop of its
   own, instead of trying the rule there (a third less time for the scan).
4. **Search only the lines that hold its words.** A rule whose matches never cross a line
   (every time rule: an expression never runs across a paragraph) is searched in the lines
   that hold one word of each of its sets only, each with its own line break as the end
   (``lines.py`` says why the matches are ``finditer``'s).

Group values are read from the original text at the match's offsets (lower-casing keeps
them), so a candidate's text and fields are the text's own characters.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from veille.analysis.time.lines import Lines, line_bound


def _internal(name: str) -> Any:
    try:  # a module of ``re``'s own (Python 3.11 and later); without it, no shortcut is taken
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover
        return None


_parser, sre, _casefix = _internal("re._parser"), _internal("re._constants"), _internal("re._casefix")
_compiler, _sre = _internal("re._compiler"), _internal("_sre")
# Characters that ``re`` matches case-insensitively beyond str.lower (ı with i, ſ with s, …).
_FOLDED = frozenset(chr(code) for code in _casefix._EXTRA_CASES) - {"i", "s"} if _casefix else frozenset()

_safe: set[str] = set()  # characters found safe to lower-case, learned as texts come


def _fold_sets() -> list[frozenset[str]]:
    """Return the sets of characters that ``re`` matches as one letter beyond ``str.lower``."""
    if _casefix is None:  # pragma: no cover
        return []
    linked: dict[str, set[str]] = {}
    for code, extras in _casefix._EXTRA_CASES.items():
        members = {chr(code), *map(chr, extras)}
        for member in list(members):
            members |= linked.get(member, set())
        for member in members:
            linked[member] = members
    return list({frozenset(members) for members in linked.values()})


def _same_class(chars: frozenset[str]) -> bool:
    # \w, \d, \s and \b read these properties: a set whose letters differ in one (the
    # combining ypogegrammeni is no letter, the iota it folds with is) cannot be merged.
    return len({(c.isalnum(), c.isdecimal(), c.isspace(), c == "_") for c in chars}) == 1


# Each character of a mergeable set, written as the set's first character (ı → i, ſ → s).
_MERGED_SETS = [chars for chars in _fold_sets() if _same_class(chars)]
_CANONICAL = {member: min(chars) for chars in _MERGED_SETS for member in chars if member != min(chars)}
_CANONICAL_TABLE = str.maketrans(_CANONICAL)
_MERGEABLE = frozenset(c for chars in _MERGED_SETS for c in chars)


@dataclass(frozen=True)
class Rule:
    """One rule twice: as written (case-insensitive) and lower-cased, with its required words."""

    kind: str
    pattern: re.Pattern[str]  # as written, compiled with re.IGNORECASE
    lowered: re.Pattern[str]  # the same, letters lower-cased, for text.lower()
    # Each set: one of its words is in every match (a conjunction of alternatives).
    required: tuple[frozenset[str], ...]
    # The lowered pattern names no folded letter but as its set's first (``canonical``).
    canonical: bool = False
    # Its matches never cross a line: only the lines holding one word of each of these sets
    # (its required sets of words of three letters or more: de, et, an are in every line)
    # are searched (lines.py); none: the whole text is.
    line_words: tuple[frozenset[str], ...] = ()


def compile_rule(kind: str, pattern: str) -> Rule:
    """Compile a case-insensitive rule both ways and read the words its matches must hold."""
    lowered = lower_pattern(pattern)
    gate = first_gate(lowered)
    gated = f"{gate}(?:{lowered})" if gate else lowered
    fast = compile_starting(gated, gate[3:-1]) if gate else None  # (?=[…]): […]
    required = required_words(lowered)
    return Rule(
        kind,
        re.compile(pattern, re.IGNORECASE),
        fast or re.compile(gated),
        required,
        names_canonical_letters(lowered),
        _selective(required) if line_bound(gated) else (),
    )


def _selective(required: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """Return the sets of words worth finding line by line: those whose words all have three
    letters or more. Any of the sets gives the lines a match can lie in (lines.py); a word
    of two (de, et, an, en) is in nearly every line, so its lines are not worth reading
    (measured: three letters left the scan a tenth faster than two or four)."""
    return tuple(words for words in required if min(map(len, words)) >= _SELECTIVE_LENGTH)


_SELECTIVE_LENGTH = 3


def names_canonical_letters(pattern: str) -> bool:
    """Tell whether every letter ``pattern`` names (a literal, a class's letter or range)
    that ``re`` folds beyond ``str.lower`` is its set's first: then the pattern matches a
    text with its folded letters written as their sets' first exactly as it matches
    case-insensitively. False when the pattern cannot be read here."""
    if _parser is None or sre is None:  # pragma: no cover
        return False
    others = sorted(ord(c) for c in _CANONICAL)
    try:
        codes = _named_codes(_parser.parse(pattern).data)
    except Exception:  # pragma: no cover - a construct not read here: no merging
        return False
    for low, high in codes:
        if any(low <= code <= high for code in others):
            return False
    return True


def _named_codes(items: Any) -> list[tuple[int, int]]:
    """Return the ranges of code points a parsed pattern names (a literal is a range of one)."""
    found: list[tuple[int, int]] = []
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            found.append((av, av))
        elif op is sre.RANGE:
            found.append(av)
        elif op is sre.IN:
            found.extend(_named_codes(av))
        elif op is sre.SUBPATTERN:
            found.extend(_named_codes(av[3]))
        elif op is sre.BRANCH:
            for branch in av[1]:
                found.extend(_named_codes(branch))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found.extend(_named_codes(av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            found.extend(_named_codes(av[2]))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found.extend(_named_codes(av))
        elif op is sre.GROUPREF_EXISTS:
            found.extend(_named_codes(av[1]))
            if av[2] is not None:
                found.extend(_named_codes(av[2]))
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY, sre.GROUPREF, sre.NEGATE):
            raise _Unknown(str(op))
    return found


def compile_starting(pattern: str, first: str) -> re.Pattern[str] | None:
    """Compile ``pattern`` telling ``re`` that its matches start with a character of the
    class ``first`` (``[…]``), or return None where that cannot be done.

    ``re`` reads such a set off a pattern that opens with a character class, and then looks
    for a match only where one of its characters stands, in a loop of its own over the text
    that costs next to nothing per character; a pattern opening with a look-ahead or a word
    boundary (every time rule) is tried at every position instead. The set is put in the
    compiled pattern's header, where ``re`` keeps what it reads off a pattern, so only the
    positions to try change, never a match: the pattern itself is compiled as ``re`` does,
    and ``first`` must hold every character a match can start with (``first_gate``, whose
    look-ahead ``pattern`` also opens with, so a position outside the set fails anyway).
    It uses ``re``'s own compiler (Python 3.11 to 3.13); elsewhere, None.
    """
    try:
        parsed = _parser.parse(pattern, 0)
        flags = parsed.state.flags
        low, high = parsed.getwidth()
        items = _parser.parse(first, 0).data  # one class; one character comes back a literal
        if low == 0 or flags & re.IGNORECASE or len(items) != 1 or items[0][0] not in (sre.IN, sre.LITERAL):
            return None
        op, av = items[0]
        charset, cased = _compiler._optimize_charset(av if op is sre.IN else [(op, av)])
        if cased:
            return None
        limit = _compiler.MAXCODE
        code: list[int] = [sre.INFO, 0, sre.SRE_INFO_CHARSET, min(low, limit), min(high, limit)]
        _compiler._compile_charset(charset, flags, code)
        code[1] = len(code) - 1  # the header's length, as re's own header gives it
        _compiler._compile(code, parsed.data, flags)
        code.append(sre.SUCCESS)
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, number in groups.items():
            names[number] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code, parsed.state.groups - 1, groups, tuple(names)
        )
    except Exception:  # pragma: no cover - another Python's internals: the plain pattern runs
        return None
    plain = re.compile(pattern)
    if compiled.groupindex != plain.groupindex or compiled.groups != plain.groups:  # pragma: no cover
        return None
    return compiled


def first_gate(pattern: str) -> str:
    """Return a look-ahead on the characters a match of ``pattern`` can start with, or "".

    ``re`` tries a pattern at every position; one that opens with optional words and word
    boundaries (*ce lundi*, *lundi*) costs several tests at each. The look-ahead fails
    at once where no match can start, and changes no match: every match starts with one
    of these characters. "" when they cannot all be read off the pattern, or when it can
    match the empty string.
    """
    if _parser is None or sre is None:  # pragma: no cover
        return ""
    try:
        first, nullable = _first(_parser.parse(pattern).data)
    except _Unknown:
        return ""
    return "" if nullable or not first else f"(?=[{''.join(sorted(first))}])"


class _Unknown(Exception):
    """A construct whose first characters are not read here."""


def _first(items: Any) -> tuple[set[str], bool]:
    """Return the class items a sequence can start with, and whether it can match empty."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is sre.LITERAL:
            found.add(re.escape(chr(av)))
            return found, False
        if op is sre.IN:
            found.update(_class_items(av))
            return found, False
        if op is sre.SUBPATTERN or op is getattr(sre, "ATOMIC_GROUP", None):
            inner, nullable = _first(av[3] if op is sre.SUBPATTERN else av)
        elif op is sre.BRANCH:
            inner, nullable = set(), False
            for branch in av[1]:
                first, empty = _first(branch)
                inner |= first
                nullable = nullable or empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            inner, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        else:
            raise _Unknown(str(op))
        found |= inner
        if not nullable:
            return found, False
    return found, True


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s",
    "CATEGORY_UNI_DIGIT": r"\d", "CATEGORY_UNI_WORD": r"\w", "CATEGORY_UNI_SPACE": r"\s",
}  # fmt: skip


def _class_items(items: Any) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            found.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and str(av) in _CATEGORIES:
            found.add(_CATEGORIES[str(av)])
        else:
            raise _Unknown(str(op))  # a negated class, another category
    return found


def lower_pattern(pattern: str) -> str:
    """Return the pattern with its literal letters lower-cased: escapes (``\\S``, ``\\b``) and
    group names are kept as they are."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : end + 1])
            i = end + 1
        else:
            lower = pattern[i].lower()
            if len(lower) != 1:  # pragma: no cover - no such letter in a rule
                raise ValueError(f"cannot lower-case {pattern[i]!r} in a rule")
            out.append(lower)
            i += 1
    return "".join(out)


def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Return sets of words such that every match holds one word of each set.

    Read from the parsed pattern: a run of literal characters is required; an alternation
    requires one of its branches' words; an optional part, a character class or a
    look-around requires nothing. Words of one character are left out (never worth a look).
    """
    if _parser is None or sre is None:  # pragma: no cover
        return ()
    try:
        found = _required(_parser.parse(pattern).data)
    except Exception:  # pragma: no cover - a construct not read here: the rule always runs
        return ()
    return tuple(dict.fromkeys(words for words in found if min(map(len, words)) >= 2))


def _required(items: Any) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            found.extend(_required(av[3]))
        elif op is sre.BRANCH:
            choices: list[frozenset[str]] = []
            for branch in av[1]:
                words = _required(branch)
                if not words:
                    break  # a branch that requires nothing: the alternation requires nothing
                choices.append(max(words, key=lambda w: min(map(len, w))))
            else:
                found.append(frozenset().union(*choices))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            found.extend(_required(av[2]))
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def can_lower(text: str, lowered: str) -> bool:
    """Tell whether the lower-cased rules over ``lowered`` match exactly as the rules as
    written over ``text``: same length, and no character that ``re`` folds otherwise."""
    if len(lowered) != len(text) or _casefix is None:
        return False
    new = set(text) - _safe
    for char in new:
        low = char.lower()
        if (
            len(low) != 1
            or low in _FOLDED
            or char in _FOLDED
            or char.isalnum() != low.isalnum()
            or char.isdecimal() != low.isdecimal()
            or char.isspace() != low.isspace()
        ):
            return False
    _safe.update(new)
    return True


def canonical(text: str, lowered: str) -> str | None:
    """Return ``lowered`` with each letter ``re`` folds beyond ``str.lower`` written as its
    set's first (Kahramanmaraş's dotless ı as i), where that leaves the lower-cased rules
    matching as the rules as written over ``text`` (``can_lower``'s test, with those letters
    allowed); None where it does not."""
    if not _CANONICAL or _sre is None:  # pragma: no cover
        return None
    if len(lowered) != len(text):
        # İzmir: str.lower writes İ as i and a combining dot, re's case-insensitive match reads
        # it as i (the one-letter mapping): lower-case such letters that way, first.
        simple = {ord(c): chr(_sre.unicode_tolower(ord(c))) for c in set(text) if len(c.lower()) != 1}
        lowered = text.translate(simple).lower()
        if len(lowered) != len(text):  # pragma: no cover - no such letter has a longer one-letter mapping
            return None
    for char in set(text) - _safe:
        low = char.lower()
        if len(low) != 1:
            low = chr(_sre.unicode_tolower(ord(char)))
        if (
            len(low) != 1
            or (low in _FOLDED and low not in _MERGEABLE)
            or (char in _FOLDED and char not in _MERGEABLE)
            or char.isalnum() != low.isalnum()
            or char.isdecimal() != low.isdecimal()
            or char.isspace() != low.isspace()
        ):
            return None
    return lowered.translate(_CANONICAL_TABLE)


def scan(rules: tuple[Rule, ...], text: str) -> Iterator[tuple[int, Rule, re.Match[str], str]]:
    """Yield ``(priority, rule, match, scanned)`` for every match of every rule, rule by rule,
    each rule's matches as ``finditer`` gives them; ``scanned`` is the string matched (the
    text, or its lower-cased copy: same offsets)."""
    lowered = text.lower()
    if not can_lower(text, lowered):
        merged = canonical(text, lowered) if all(rule.canonical for rule in rules) else None
        if merged is not None:
            yield from _scan_lowered(rules, merged)
            return
        for priority, rule in enumerate(rules):
            for match in rule.pattern.finditer(text):
                yield priority, rule, match, text
        return
    yield from _scan_lowered(rules, lowered)


def _scan_lowered(rules: tuple[Rule, ...], lowered: str) -> Iterator[tuple[int, Rule, re.Match[str], str]]:
    lines: Lines | None = None  # where each line starts and which lines hold a word, as asked
    present: dict[frozenset[str], bool] = {}
    holds: dict[str, bool] = {}  # each word searched for once: it stands in several rules' sets
    for priority, rule in enumerate(rules):
        for words in rule.required:
            found = present.get(words)
            if found is None:
                found = False
                for word in words:
                    held = holds.get(word)
                    if held is None:
                        held = holds[word] = word in lowered
                    if held:
                        found = True
                        break
                present[words] = found
            if not found:
                break
        else:
            if rule.line_words:  # 4. only the lines that hold its words (lines.py)
                lines = lines or Lines(lowered, holds)  # the words found absent are not searched
                matches = lines.search(rule.lowered, rule.line_words)
            else:
                matches = rule.lowered.finditer(lowered)
            for match in matches:
                yield priority, rule, match, lowered
