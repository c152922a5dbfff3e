"""Clean an article's text so that the parser sees tidy prose, and record its paragraphs.

The cleaned text *is* ``article.text`` from here on: every later offset indexes into
it, so cleaning happens once, before parsing, and never after.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from veille.model import Article, Paragraph

PARAGRAPH_BREAK = "\n\n"

# Line and paragraph separators other than \n (vertical tab, form feed, the information
# separators, NEL, U+2028) end a line; U+2029 ends a paragraph.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028]")
# Control characters left in a text that passed ingest's binary check carry nothing.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Every space but the newline: the no-break and narrow no-break spaces that French
# typography puts before ; : ! ? and inside « », thin spaces, em spaces; the parser
# treats them unevenly, so they become plain spaces.
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
_BLOCK = re.compile(r"\S(?:.*?\S)??(?=\s*\n[^\S\n]*\n|\s*$)", re.S)
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# An apostrophe between letters (l’OTAN, aujourd’hui) becomes ASCII: spaCy's French
# tokenizer splits elisions on both, but downstream rules and users' searches are simpler
# with one. A ’ that closes a ‘…’ quotation is left alone (no letter follows it).
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’ʼ´`‘](?=[^\W\d_])")
# A capitalised word glued to a lower-case word by a period (Donald.doivent): never a
# sentence end in edited prose, usually a name whose next word was lost in extraction.
# Web addresses (lemonde.fr) and abbreviations (M.le) are left alone.
_GLUED = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]{2,})\.([a-zà-ÿ]{3,})\b")
_NOT_GLUED = frozenset({"com", "org", "net", "fr", "html", "php", "info", "gouv", "eu", "int"})
_SENTENCE_END = tuple('.!?…:;»"”)]')
# A heading may be a quotation ("Résilience", « Sauver les huîtres »): its closing mark
# is not final punctuation, but a full stop inside the marks still is.
_CLOSING_QUOTES = tuple('»"”')
_OPENING_QUOTES = tuple('«"“')
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 14


def clean_text(raw: str) -> tuple[str, tuple[Paragraph, ...]]:
    """Return the cleaned text and its paragraphs (headings marked).

    The steps only ever replace characters by spaces or line breaks, drop invisible
    ones, or swap one character for another; the words and quotation marks stay as
    the source wrote them.
    """
    # 1. Invisible characters go before composing, so that a zero-width joiner between a
    #    letter and its accent cannot leave a decomposed "é" behind.
    text = _ZERO_WIDTH.sub("", raw)
    text = unicodedata.normalize("NFC", text)
    # 2. Every kind of line break becomes \n, so paragraph rules see one kind.
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", PARAGRAPH_BREAK)
    text = _CONTROLS.sub(" ", text)
    # 3. Token repairs that help the parser: ASCII apostrophes, glued names.
    text = _APOSTROPHE.sub("'", text)
    text = _GLUED.sub(_unglue, text)
    # 4. Paragraphs: blank-line runs break, spaces collapse, headings are marked.
    blocks = _paragraph_blocks(text)

    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block in blocks:
        if parts:
            offset += len(PARAGRAPH_BREAK)
        paragraphs.append(Paragraph(offset, offset + len(block), _is_heading(block)))
        parts.append(block)
        offset += len(block)
    return PARAGRAPH_BREAK.join(parts), tuple(paragraphs)


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    """Return the paragraphs of a text already cleaned (blocks between blank lines), with
    their headings marked; offsets index ``text`` as it is."""
    paragraphs = []
    for match in _BLOCK.finditer(text):
        block = match.group(0)
        paragraphs.append(Paragraph(match.start(), match.end(), _is_heading(" ".join(block.split()))))
    return tuple(paragraphs)


def clean_article(article: Article) -> Article:
    """Return the article with cleaned text and paragraphs."""
    text, paragraphs = clean_text(article.text)
    return dataclasses.replace(article, text=text, paragraphs=paragraphs)


def _unglue(match: re.Match[str]) -> str:
    if match.group(2) in _NOT_GLUED:
        return match.group(0)
    # Same length as the original, so a reader comparing with the source sees no shift.
    return f"{match.group(1)} {match.group(2)}"


def _paragraph_blocks(text: str) -> list[str]:
    """Split into paragraphs: blank-line runs always break; a single newline breaks unless
    the line was hard-wrapped mid-sentence (the next line goes on in lower case)."""
    blocks: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        current = ""
        for line in chunk.split("\n"):
            line = _SPACES.sub(" ", line).strip()
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    blocks.append(current)
                current = line
        if current:
            blocks.append(current)
    return blocks


def _continues(previous: str, line: str) -> bool:
    return not previous.endswith(_SENTENCE_END) and line[:1].islower()


def _is_heading(block: str) -> bool:
    """A heading is a short line with no final punctuation that starts with a capital
    (or an opening quotation mark); a closing quotation mark does not count as final."""
    if len(block) > _HEADING_MAX_CHARS:
        return False  # most paragraphs: decided before their words are counted
    words = sum(1 for word in block.split() if any(c.isalnum() for c in word))
    if words > _HEADING_MAX_WORDS:
        return False
    first = block.lstrip("".join(_OPENING_QUOTES) + " ")[:1]
    if not first.isupper():
        return False
    body = block[:-1].rstrip() if block.endswith(_CLOSING_QUOTES) and len(block) > 1 else block
    return not body.endswith((*_SENTENCE_END, ","))
