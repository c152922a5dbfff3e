"""Find amounts of money and quantities: *500 millions d'euros*, *des centaines de millions de dollars*.

Amounts are read from the cleaned text with a small scanner over word tokens, driven
by the word table ``data/amount_words.tsv`` (multipliers, vague counts, currencies,
units). The events stage attaches them to AID and SANCTION events.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from spacy.tokens import Doc

from veille.analysis.lang.fr import tables
from veille.errors import SettingsError
from veille.model import Amount, Document
from veille.settings import Settings

# A number keeps its thousands separators (space, no-break spaces, dot) and a decimal comma.
_TOKEN = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?|[^\W\d_]+|[%$€£]")
_NUMBER = re.compile(r"\d")
# Determiners that open a vague count (des centaines, quelques milliers, plusieurs millions).
_VAGUE_OPENERS = frozenset({"des", "quelques", "plusieurs"})
_OF = frozenset({"de", "d"})


@dataclass(frozen=True)
class AmountWords:
    """The word table: multipliers, vague counts, currencies and units, by lower-case word."""

    magnitudes: dict[str, float]
    vague: dict[str, float]
    currencies: dict[str, str]
    units: dict[str, str]

    def head(self, words: list[str], i: int) -> tuple[str | None, str | None, int]:
        """Return (currency, unit, tokens used) for the words at ``i``; two-word names first."""
        for size in (2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words[i : i + size]) < size:
                continue
            if phrase in self.currencies:
                return self.currencies[phrase], None, size
            if phrase in self.units:
                return None, self.units[phrase], size
        if i < len(words) and words[i] == "%":
            return None, "%", 1
        return None, None, 0


@cache
def load_amount_words() -> AmountWords:
    """Read ``data/amount_words.tsv`` once per process."""
    kinds: dict[str, dict[str, str]] = {"magnitude": {}, "vague": {}, "currency": {}, "unit": {}}
    for number, cells in tables.read_rows("amount_words.tsv", header=False):
        if len(cells) != 3 or cells[1] not in kinds:
            raise SettingsError(f"amount_words.tsv line {number}: expected word, kind, value; got {cells!r}")
        kinds[cells[1]][cells[0]] = cells[2]
    return AmountWords(
        magnitudes={w: float(v) for w, v in kinds["magnitude"].items()},
        vague={w: float(v) for w, v in kinds["vague"].items()},
        currencies=kinds["currency"],
        units=kinds["unit"],
    )


class AmountStage:
    """Find money and quantities in the text."""

    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("amounts",)

    def __init__(self, words: AmountWords) -> None:
        self.words = words

    @classmethod
    def from_settings(cls, settings: Settings) -> AmountStage:
        return cls(load_amount_words())

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        return dataclasses.replace(doc, amounts=find_amounts(doc.article.text, self.words))


def find_amounts(text: str, words: AmountWords | None = None) -> tuple[Amount, ...]:
    """Return the amounts of money and quantities in ``text``, in text order."""
    table = words or load_amount_words()
    # The matches themselves: their offsets are read only where an amount is found (a tuple
    # of the word and its offsets made for every word cost a quarter of this scan).
    tokens = list(_TOKEN.finditer(text))
    lowered = [m.group().lower() for m in tokens]
    found: list[Amount] = []
    i = 0
    number, openers = _NUMBER.match, _VAGUE_OPENERS
    while i < len(tokens):
        if not (number(lowered[i]) or lowered[i] in openers):
            i += 1  # no quantity opens here: _scan's first test, without a call per word
            continue
        amount, used = _scan(text, tokens, lowered, i, table)
        if amount is not None:
            found.append(amount)
            i += used
        else:
            i += 1
    return tuple(found)


def _scan(
    text: str, tokens: list[re.Match[str]], words: list[str], i: int, table: AmountWords
) -> tuple[Amount | None, int]:
    """Read one amount starting at token ``i``; return it (or None) and the tokens it used."""
    # 1. A quantity opens the amount: a number, or a vague opener before a count word.
    number: float | None = None
    if _NUMBER.match(words[i]):
        number = _parse_number(words[i])
        j = i + 1
    elif (
        words[i] in _VAGUE_OPENERS
        and i + 1 < len(words)
        and (words[i + 1] in table.vague or words[i + 1] in table.magnitudes)
    ):
        j = i + 1  # the count word itself is read as a multiplier below
    else:
        return None, 0
    # 2. Multipliers chain: centaines de millions, 1,5 milliard, 500 millions.
    multiplier = 1.0
    while j < len(words):
        k = j + 1 if words[j] in _OF and j + 1 < len(words) else j
        if k != j and multiplier == 1.0 and number is not None:
            break  # "12 de ..." is not a multiplier chain
        word = words[k]
        if word in table.magnitudes:
            multiplier *= table.magnitudes[word]
        elif word in table.vague and k == j:
            multiplier *= table.vague[word]
        else:
            break
        j = k + 1
    # 3. What is counted: a currency or a unit, after an optional de/d'.
    k = j + 1 if j < len(words) and words[j] in _OF else j
    currency, unit, size = table.head(words, k)
    if size:
        j = k + size
    elif number is None and multiplier < 1e3:
        return None, 0  # "des dizaines" alone says nothing measurable
    elif number is not None and multiplier == 1.0:
        return None, 0  # a bare number is a year, a time or a count we cannot name
    start, end = tokens[i].start(), tokens[j - 1].end()
    value = None if number is None else number * multiplier
    basis = value if value else multiplier
    magnitude = f"1e{math.floor(math.log10(basis))}" if basis >= 1 else None
    amount = Amount(
        text=text[start:end], start=start, end=end, value=value,
        currency=currency, magnitude=magnitude, unit=unit,
    )  # fmt: skip
    return amount, j - i


def _parse_number(token: str) -> float:
    """Read a French number: thousands separators dropped, decimal comma."""

    bare = re.sub(r"[ \u00a0\u202f.]", "", token).replace(",", ".")
    return float(bare)
