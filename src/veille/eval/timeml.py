"""Score the time layer against TimeML (``.tml``) files the way TempEval-2/3 does.

A TimeML file holds a document creation time (``<DCT><TIMEX3 functionInDocument=
"CREATION_TIME" value=…/></DCT>``) and a ``<TEXT>`` whose TIMEX3 tags mark the gold
expressions. The text (tags stripped, entities decoded) is analysed by the real pipeline
with the DCT as the article date, and the system's expressions are compared by character
extent (UzZaman et al., *SemEval-2013 Task 1: TempEval-3*, §4):

- **strict**: same start and end; **relaxed**: the two extents overlap (one-to-one);
- **value** and **type**: over the relaxed matches, an attribute counts when it is equal;
  precision divides by the system's expressions, recall by the gold ones.

The parser reads tags with a regular expression, not an XML library: a ``.tml`` file is
untrusted input, and a DOCTYPE (entity expansion) is refused outright.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veille.errors import GoldError
from veille.model import Article, Document, Failure

if TYPE_CHECKING:
    from veille.analysis.pipeline import Pipeline
    from veille.settings import Settings

TML_SUFFIX = ".tml"
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTR = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_SKIPPED = re.compile(r"<\?.*?\?>|<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class TmlTimex:
    """One TIMEX3: its extent in the document text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TmlDocument:
    """A TimeML document: its text, creation date and gold TIMEX3s."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[TmlTimex, ...]


@dataclass
class TimemlScores:
    """TempEval counts over a set of documents, with their P/R/F1."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    documents: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: TimemlScores) -> None:
        """Add another document's counts to these."""
        for name in ("gold", "system", "strict", "relaxed", "value", "type", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)

    def prf(self, matched: int) -> tuple[float, float, float]:
        """Return precision, recall and F1 for ``matched`` items."""
        precision = matched / self.system if self.system else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the four P/R/F1 triples as plain data."""
        out: dict[str, Any] = {"documents": self.documents, "gold": self.gold, "system": self.system}
        for name in ("strict", "relaxed", "value", "type"):
            p, r, f = self.prf(getattr(self, name))
            out[name] = {"matched": getattr(self, name), "precision": p, "recall": r, "f1": f}
        out["failures"] = list(self.failures)
        return out


def read_tml(path: Path) -> TmlDocument:
    """Read a TimeML file; raise GoldError naming the file when it cannot be read."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read TimeML file ({error})") from error
    return parse_tml(raw, path.name)


def parse_tml(raw: str, name: str = "document") -> TmlDocument:
    """Parse TimeML markup into its text and TIMEX3s (those of ``<TEXT>`` when there is one)."""
    if "<!DOCTYPE" in raw.upper() or "<!ENTITY" in raw.upper():
        raise GoldError(f"{name}: TimeML with a DOCTYPE or ENTITY declaration is refused")
    raw = _SKIPPED.sub("", raw)
    body = raw
    text_match = re.search(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT>", raw, re.DOTALL)
    if text_match:
        body = text_match.group(1)
    dct = _creation_time(raw)
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[TmlTimex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = _chunk(body[position : tag.start()], name)
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, tag_name, attrs, empty = tag.group(1), tag.group(2).upper(), tag.group(3), tag.group(4)
        if tag_name != "TIMEX3":
            continue
        if closing:
            if not open_timexes:
                raise GoldError(f"{name}: </TIMEX3> without an opening tag")
            start, attributes = open_timexes.pop()
            text = "".join(pieces)[start:length]
            if text.strip():
                timexes.append(
                    TmlTimex(start, length, text, attributes.get("type", ""), attributes.get("value", ""))
                )
        elif not empty:
            open_timexes.append(
                (length, {m.group(1): m.group(2) or m.group(3) or "" for m in _ATTR.finditer(attrs)})
            )
    if open_timexes:
        raise GoldError(f"{name}: a TIMEX3 is never closed")
    pieces.append(_chunk(body[position:], name))
    text = "".join(pieces)
    return TmlDocument(name, text, dct, tuple(sorted(timexes, key=lambda t: t.start)))


def _chunk(raw: str, name: str) -> str:
    """Return the text between two tags, entities decoded; a stray ``<`` is malformed markup."""
    if "<" in raw:
        raise GoldError(f"{name}: malformed markup near {raw[raw.index('<') :][:30]!r}")
    return html.unescape(raw)


def _creation_time(raw: str) -> str | None:
    for tag in _TAG.finditer(raw):
        attrs = {m.group(1): m.group(2) or m.group(3) or "" for m in _ATTR.finditer(tag.group(3))}
        if tag.group(2).upper() == "TIMEX3" and attrs.get("functionInDocument") == "CREATION_TIME":
            match = re.match(r"\d{4}-\d{2}-\d{2}", attrs.get("value", ""))
            return match.group(0) if match else None
    return None


def _offset_map(cleaned: str, original: str) -> list[int | None]:
    """Map each offset of the cleaned text to the original's (None where the cleaner changed it)."""
    mapping: list[int | None] = [None] * (len(cleaned) + 1)
    matcher = difflib.SequenceMatcher(None, cleaned, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            if a + k <= len(cleaned):
                mapping[a + k] = b + k
    return mapping


def system_spans(doc: TmlDocument, result: Document) -> list[TmlTimex]:
    """Return the system's expressions with their extents in the TimeML text."""
    cleaned = result.article.text
    mapping = _offset_map(cleaned, doc.text) if cleaned != doc.text else None
    spans: list[TmlTimex] = []
    for timex in result.timexes:
        start, end = timex.start, timex.end
        if mapping is not None:
            mapped_start, mapped_end = mapping[start], mapping[end]
            if mapped_start is None or mapped_end is None:
                continue
            start, end = mapped_start, mapped_end
        spans.append(TmlTimex(start, end, doc.text[start:end], timex.type, timex.value))
    return spans


def score_document(gold: Sequence[TmlTimex], system: Sequence[TmlTimex]) -> TimemlScores:
    """Count strict, relaxed, value and type matches, one-to-one, TempEval-3 style."""
    scores = TimemlScores(gold=len(gold), system=len(system), documents=1)
    scores.strict = len({(t.start, t.end) for t in gold} & {(t.start, t.end) for t in system})
    pairs = sorted(
        (
            (-(min(g.end, s.end) - max(g.start, s.start)), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
            if g.start < s.end and s.start < g.end
        )
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _overlap, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        scores.relaxed += 1
        scores.value += gold[gi].value == system[si].value
        scores.type += gold[gi].type == system[si].type
    return scores


def find_tml(paths: Sequence[Path]) -> list[Path]:
    """Return the ``.tml`` files named or found (recursively) under folders, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{TML_SUFFIX}")))
        elif path.suffix == TML_SUFFIX:
            found.append(path)
        else:
            raise GoldError(f"{path}: not a .tml file or a folder")
    return found


def evaluate_timeml(
    paths: Sequence[Path], *, pipeline: Pipeline | None = None, settings: Settings | None = None
) -> tuple[TimemlScores, list[tuple[str, TimemlScores]]]:
    """Analyse every TimeML document with the real pipeline and score its time expressions.

    A file that cannot be read is reported (one line, in ``failures``) and the batch goes on.
    """
    total = TimemlScores()
    documents: list[TmlDocument] = []
    for path in find_tml(paths):
        try:
            documents.append(read_tml(path))
        except GoldError as error:
            total.failures.append(str(error))
    if pipeline is None:
        from veille.analysis.pipeline import Pipeline  # spaCy loads only when analysing

        pipeline = Pipeline(settings)
    articles = (Article(id=doc.name, text=doc.text, date=doc.dct, source=doc.name) for doc in documents)
    per_document: list[tuple[str, TimemlScores]] = []
    for doc, result in zip(documents, pipeline.analyze_many(articles), strict=True):
        if isinstance(result, Failure):
            scores = score_document(doc.timexes, [])
            scores.failures.append(f"{doc.name}: {result.reason}")
        else:
            scores = score_document(doc.timexes, system_spans(doc, result))
        per_document.append((doc.name, scores))
        total.add(scores)
    return total, per_document
