"""veille: who said what, who did what to whom, when and where, with the evidence attached.

The library in three lines::

    import veille
    doc = veille.analyze("« Nous ne céderons pas », a déclaré Claire Dumont.", date="2025-12-04")
    doc.quotes[0].speaker  # the id of the entity Claire Dumont

``veille.Pipeline(settings).pipe(articles)`` streams many articles, loading the French model
once. As a spaCy component: ``nlp.add_pipe("veille")`` puts the Document on ``doc._.veille``.
The names below are the public API (docs/library.md); everything else may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from veille.errors import VeilleError
from veille.model import (
    SCHEMA,
    Amount,
    Article,
    Document,
    Entity,
    Event,
    Failure,
    Mention,
    Quote,
    Role,
    Timex,
)
from veille.settings import Settings

if TYPE_CHECKING:
    from veille.analysis.pipeline import Pipeline

__version__ = "0.1.0"
__all__ = [
    "SCHEMA",
    "Amount",
    "Article",
    "Document",
    "Entity",
    "Event",
    "Failure",
    "Mention",
    "Pipeline",
    "Quote",
    "Role",
    "Settings",
    "Timex",
    "VeilleError",
    "__version__",
    "analyze",
    "clean",
]

_PIPELINES: dict[Settings, Pipeline] = {}


def analyze(
    text: str,
    date: str | None = None,
    *,
    title: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Analyse one article's text and return its Document (``veille.analysis/1``).

    ``date`` (YYYY-MM-DD) is the publication day that relative dates resolve against.
    The pipeline (the French model and every table) loads on the first call and is kept for
    the next ones with the same settings. Raise VeilleError when the text cannot be analysed
    (for instance an article in a language veille has no rules for; pass ``lang="fr"`` to force).
    """
    from veille.analysis.pipeline import Pipeline
    from veille.ingest.text import article_id, check_date

    if date is not None:
        date = check_date(date, where="veille.analyze")
    settings = settings or Settings()
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        pipeline = _PIPELINES[settings] = Pipeline(settings)
    article = Article(id=article_id(date, text), text=text, date=date, title=title, lang=lang, source=source)
    return pipeline.analyze(article)


def clean(text: str) -> str:
    """Return a text cleaned the way veille cleans an article before parsing it; offsets in
    a Document index this text. Use it before ``nlp(...)`` with the spaCy component."""
    from veille.analysis.clean import clean_text

    return clean_text(text)[0]


def __getattr__(name: str) -> Any:
    # Pipeline imports spaCy: loaded on first use, so that `import veille` stays light.
    if name == "Pipeline":
        from veille.analysis.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'veille' has no attribute {name!r}")
