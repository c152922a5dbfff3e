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

# Spaces that French typography puts before ; : ! ? and inside « »; the parser
# treats them unevenly, so they become plain spaces.
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000]+")
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
_SENTENCE_END = tuple(".!?…:;»\"”)]")
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 14


def clean_text(raw: str) -> tuple[str, tuple[Paragraph, ...]]:
    """Return the cleaned text and its paragraphs (headings marked)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _APOSTROPHE.sub("'", text)
    text = _GLUED.sub(_unglue, text)
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
    for chunk in re.split(r"\n[ \t\u00a0]*\n\s*", text):
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
    """A heading is a short line with no final punctuation that starts with a capital."""
    return (
        len(block) <= _HEADING_MAX_CHARS
        and len(block.split()) <= _HEADING_MAX_WORDS
        and not block.endswith(_SENTENCE_END)
        and block[:1].isupper()
    )
