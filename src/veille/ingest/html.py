"""HTML pages → Article through trafilatura: the main content, its title and date.

trafilatura finds the article body and drops navigation and boilerplate; its
element tree keeps paragraphs, headings, list items and block quotes apart, and
each becomes one paragraph of the text (blank lines between them), so the cleaning
step sees the page's own paragraphs.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from veille.errors import InputError
from veille.ingest.text import article_id, check_day_or_timestamp, check_length
from veille.model import Article

log = logging.getLogger(__name__)

# Fewer words than this is a menu, a cookie banner or an error page, not an article.
MIN_ARTICLE_WORDS = 8
# Block elements of trafilatura's output tree that hold a paragraph's worth of text.
_BLOCKS = frozenset({"p", "head", "quote", "item", "cell", "code"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page declares in its first kilobytes (meta charset), if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def parse_html(
    html: str,
    *,
    source: str,
    default_date: str | None = None,
    lang: str | None = None,
    where: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """Read the main article of an HTML page, or raise InputError when it has none."""
    import trafilatura  # lazy: its import costs a second that text-only runs don't need

    where = where or source
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"cannot parse HTML: {error}", where=where) from None
    blocks = _blocks(getattr(extracted, "body", None)) if extracted is not None else []
    title = _clean_line(getattr(extracted, "title", None) or "") or None
    # The page heading usually repeats the title: keep it once, as the title.
    if blocks and title and _same(blocks[0], title):
        blocks = blocks[1:]
    text = "\n\n".join(blocks)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("no article text found in HTML", where=where)
    check_length(text, max_chars, where=where)

    date = default_date
    page_date = getattr(extracted, "date", None)
    if page_date:
        try:
            date = check_day_or_timestamp(str(page_date), where=where)
        except InputError:
            log.info("%s: ignoring the page's unreadable date %r", where, page_date)
    return Article(
        id=article_id(date, text),
        text=text,
        date=date,
        lang=lang,
        title=title,
        source=source,
        url=getattr(extracted, "url", None) or None,
    )


def _blocks(body: Any) -> list[str]:
    """Return the text of each block element of trafilatura's body, in order."""
    if body is None:
        return []
    blocks: list[str] = []
    for element in body.iter():
        if element.tag in _BLOCKS and not _inside_block(element):
            line = _clean_line(_text_of(element))
            if line:
                blocks.append(line)
    return blocks


def _inside_block(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _text_of(element: Any) -> str:
    """Join an element's text; a line break inside a paragraph is a space, not a new paragraph."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append(" " if child.tag == "lb" else _text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean_line(text: str) -> str:
    return " ".join(text.split())


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")
