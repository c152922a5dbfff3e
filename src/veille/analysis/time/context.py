"""What the reader of a time expression may look at besides the expression itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from veille.analysis.syntax.tense import Direction


@dataclass(frozen=True)
class Context:
    """What resolution may look at besides the candidate itself."""

    anchor: dt.date | None
    direction: Direction = "nearest"
    day: dt.date | None = None  # the day a clock time falls on, when the sentence names one
    night: bool = False  # that day is the start of a night named before (la nuit de mardi à mercredi)
    before: str = ""  # the text just before the candidate
    after: str = ""  # the text just after the candidate
    next_is_noun: bool = False  # the parser's word after a bare number is a noun (2000 soldats)
    is_adjective: bool = True  # the parser's reading of a one-word set (quotidien)
    pos: str = ""  # the parser's part of speech for the expression's head word
    next_pos: str = ""  # the parser's part of speech for the word after the expression
    earlier: tuple[str, ...] = ()  # values of the dated expressions before this one, in text order
    noun_time: bool = False  # the date hangs from a noun (une réunion le 28 avril), not the verb
    sentence_year: str | None = None  # the year of the latest dated expression before it, same sentence
    new_paragraph: bool = False  # a paragraph break lies between the latest of ``earlier`` and it
    counted_back: bool = False  # the latest of ``earlier`` is an il y a deux ans of an earlier sentence
    dep: str = ""  # the parser's relation of the expression's head word to its governor (obj, nmod…)
    governor: str = ""  # the lower-cased lemma of that governor (avoir in elle avait 19 ans)
    signalled_past: bool = False  # a word before it places it in the past (depuis, remonte à)
