"""Widen a resolved time expression to the extent that TimeML (ISO-TimeML TIMEX3) annotates.

The detection rules find the *core* of an expression (*3 août*, *2001*, *deux ans*); that
is what the value is read from. TimeML's extent is wider: it takes in the determiner
(*le 3 août*), a head noun (*l'année 2001*, *le mois de mai*), a *début/fin/milieu de*
(*la fin du XIXe siècle*) and an approximator (*environ deux ans*, *vers 18 heures*). The
``timeml`` profile (the default) widens the core to that extent; the ``core`` profile keeps
the core alone, which reads better in a list of dates. The ``tempeval`` profile is the
``timeml`` one plus what TempEval-style corpora (French TimeBank) tag and the project's
annotation guide leaves out: the vague words of ``tempeval_vague_words`` (*maintenant*,
*actuel*, *l'avenir*), vague references and vague lengths (*désormais*, *plus tôt*,
*quelques jours*: ``is_vague``), and vague phrases without their preposition (*à l'avenir*
→ *l'avenir*: the preposition is a SIGNAL). docs/time.md gives each rule.
"""

from __future__ import annotations

import re
from functools import cache

from veille.analysis.time.detect import lexicon
from veille.settings import TIMEX_EXTENTS, TimexExtent

Profile = TimexExtent
PROFILES: tuple[Profile, ...] = TIMEX_EXTENTS

_SP = r"[^\S\n]+"  # a time expression never runs across a paragraph break
_APOS = "['’]"
# Each step reads the text just before the (possibly already widened) span, right to left:
# head noun, then début/fin/milieu de, then a determiner, then an approximator.
_HEAD = re.compile(
    rf"(?:(?<![\w'’-])(?:le|ce){_SP}mois{_SP}(?:de{_SP}|d{_APOS})"
    rf"|(?<![\w'’-])mois{_SP}(?:de{_SP}|d{_APOS})"
    rf"|(?<![\w'’-])(?:l{_APOS}|cette{_SP})(?:année|an){_SP}"
    rf"|(?<![\w'’-])(?:la|cette){_SP}journée{_SP}(?:de{_SP}|du{_SP}|d{_APOS})?)$",
    re.IGNORECASE,
)
_PHASE = re.compile(
    rf"(?<![\w'’-])(?:début|fin|milieu){_SP}(?:de{_SP}la{_SP}|de{_SP}l{_APOS}|du{_SP}|des{_SP}|de{_SP}|d{_APOS})$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    rf"(?:(?<![\w'’-])(?:le|la|les|ce|cet|cette|ces){_SP}|(?<![\w'’-])l{_APOS})$", re.IGNORECASE
)
_APPROXIMATOR = re.compile(
    rf"(?<![\w'’-])(?:environ|presque|près{_SP}de|près{_SP}d{_APOS}|aux{_SP}alentours{_SP}(?:de{_SP}|d{_APOS})"
    rf"|autour{_SP}(?:de{_SP}|d{_APOS})|vers|plus{_SP}(?:de{_SP}|d{_APOS})|moins{_SP}(?:de{_SP}|d{_APOS})"
    rf"|au{_SP}moins|au{_SP}plus|quelque)(?:{_SP})?$",
    re.IGNORECASE,
)
# An approximator before a date or a clock time is *vers*/*aux alentours de*; *plus de* and
# *moins de* only measure amounts (plus de deux ans), never a point (plus de 2020 is not said).
_POINT_APPROXIMATORS = ("vers", "aux", "autour", "environ", "près")
_DEFINITE = re.compile(r"^(?:le|la|les|l['’]|ce|cet|cette|ces)\b", re.IGNORECASE)


def widen(text: str, start: int, end: int, type_: str, profile: Profile = "timeml") -> tuple[int, int]:
    """Return the (start, end) of the expression at ``start:end`` under ``profile``."""
    if profile == "core":
        return start, end
    window_start = max(0, start - 60)
    core = text[start:end]
    for step in (_HEAD, _PHASE, _DETERMINER, _APPROXIMATOR):
        if step is _DETERMINER and _DEFINITE.match(core):
            continue  # cette semaine already holds its determiner
        if step is _HEAD and type_ not in ("DATE", "TIME"):
            continue
        match = step.search(text, window_start, start)
        if match is None or match.end() != start:
            continue
        word = match.group(0).split()[0].lower() if match.group(0).split() else ""
        if step is _APPROXIMATOR:
            if type_ == "SET":
                continue
            if type_ in ("DATE", "TIME") and not word.startswith(_POINT_APPROXIMATORS):
                continue
            if type_ == "DURATION" and word == "vers":
                continue
        start = match.start()
        core = text[start:end]
    return start, end


# à l'avenir, pour l'heure, à long terme, en ce moment, par le passé: a preposition before a
# noun phrase is a SIGNAL; a lexicalised adverb (à présent, jusqu'ici) keeps it.
_REF_SIGNAL = re.compile(
    rf"^(?:à|pour|de|en|dans|par){_SP}(?=l{_APOS}|(?:le|la|ce|cet|cette|nos|long|court|moyen){_SP})",
    re.IGNORECASE,
)


def without_signal(text: str, start: int, end: int) -> int:
    """Return the start of a vague expression (``*_REF``) once its leading preposition is
    left out, as the ``tempeval`` profile writes it (*à l'avenir* → *l'avenir*)."""
    match = _REF_SIGNAL.match(text[start:end])
    return start + match.end() if match else start


# The TIMEX3 mod an approximator or a phase word gives (ISO-TimeML, TIMEX3 attribute mod).
_APPROX_MOD = (
    (re.compile(rf"^au{_SP}moins\b", re.IGNORECASE), "EQUAL_OR_MORE"),
    (re.compile(rf"^au{_SP}plus\b", re.IGNORECASE), "EQUAL_OR_LESS"),
    (re.compile(r"^plus\b", re.IGNORECASE), "MORE_THAN"),
    (re.compile(r"^moins\b", re.IGNORECASE), "LESS_THAN"),
    (re.compile(r"^(?:environ|presque|près|aux|autour|vers|quelque)\b", re.IGNORECASE), "APPROX"),
)
_PHASE_MOD = re.compile(
    rf"(?:^|{_SP}|^(?:la|le|l{_APOS}|en|dans){_SP})(début|fin|milieu|mi)(?:{_SP}|-|{_APOS}|$)", re.IGNORECASE
)
_PHASES = {"début": "START", "fin": "END", "milieu": "MID", "mi": "MID"}


def modifier(text: str, start: int, end: int, type_: str, wide_start: int | None = None) -> str | None:
    """Return the TIMEX3 ``mod`` of the expression whose core is ``start:end``: an approximator
    before it (*environ deux ans* APPROX, *plus de trois heures* MORE_THAN, *au moins un an*
    EQUAL_OR_MORE) or a phase word (*la fin du XIXe siècle* END, *début mars* START, *mi-juin*
    MID). It is read on the TimeML extent whatever the profile: the core profile drops the
    words, not their meaning. ``wide_start``: that extent's start, when the caller has it."""
    if wide_start is None:
        wide_start, _ = widen(text, start, end, type_, "timeml")
    wide = text[wide_start:end]
    for pattern, mod in _APPROX_MOD:
        if pattern.match(wide):
            return mod
    if _approximate_numeral().search(wide):
        return "APPROX"  # une dizaine de jours, il y a une vingtaine d'années
    if type_ == "TIME" and re.search(r"journée", wide, re.IGNORECASE):
        return None  # en fin de journée is the evening (TEV) itself, not its end
    phase = _PHASE_MOD.search(wide)
    return _PHASES[phase.group(1).lower()] if phase else None


@cache
def _approximate_numeral() -> re.Pattern[str]:
    """Compile once *une dizaine de*, *une vingtaine d'* (asked for every expression)."""
    numerals = "|".join(lexicon()["approximate_numerals"])
    return re.compile(rf"\b(?:{numerals}){_SP}(?:de{_SP}|d{_APOS})", re.IGNORECASE)


def is_vague(type_: str, value: str, text: str) -> bool:
    """Say whether an expression is vague: a reference to the present, past or future
    (*désormais*, *à ce stade*, *plus tôt*: ``PRESENT_REF``…) or a length without a number
    (*quelques jours*, ``PXD``). TimeML tags them, so the ``tempeval`` profile keeps them;
    the project's annotation guide lists them as optional at most, so ``timeml`` and
    ``core`` leave them out. *aujourd'hui* (*la France d'aujourd'hui*) is a word a reader
    takes for a time and stays."""
    if "aujourd" in text.lower():
        return False
    return value.endswith("_REF") or (type_ == "DURATION" and "X" in value)
