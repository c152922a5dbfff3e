"""Article → Document: clean, parse once, then run the registered stages in order."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language

from veille.analysis.clean import clean_article
from veille.analysis.parse import load_model, parse_articles
from veille.analysis.registry import STAGES
from veille.analysis.stages import Stage
from veille.errors import SettingsError, VeilleError
from veille.model import Article, Document, Failure
from veille.settings import Settings

log = logging.getLogger(__name__)


class Pipeline:
    """The analysis of articles, with the model and every stage's resources loaded once."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        names = self.settings.stages if self.settings.stages is not None else tuple(STAGES)
        unknown = [name for name in names if name not in STAGES]
        if unknown:
            raise SettingsError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        self.stages: list[tuple[str, Stage]] = [
            (name, STAGES[name].from_settings(self.settings)) for name in STAGES if name in names
        ]

    def analyze(self, article: Article) -> Document:
        """Analyse one article; raise VeilleError when it cannot be analysed."""
        result = next(self.analyze_many([article]))
        if isinstance(result, Failure):
            raise VeilleError(result.reason, where=result.where)
        return result

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Document | Failure]:
        """Analyse articles in order, batching the parser; a failing article becomes a
        Failure and the others go on."""
        cleaned = (clean_article(article) for article in articles)
        pending: list[Article] = []

        def remember(stream: Iterable[Article]) -> Iterator[Article]:
            for article in stream:
                pending.append(article)
                yield article

        for parsed in parse_articles(self.nlp, remember(cleaned), self.settings.batch_size):
            article = pending.pop(0)
            try:
                yield self.run_stages(article, parsed)
            except VeilleError as error:
                yield Failure(article.source or article.id, error.reason)
            except Exception as error:  # a bug in a stage must not sink the batch
                log.exception("stage failure on %s", article.source or article.id)
                yield Failure(article.source or article.id, f"analysis failed: {error!r}")

    def run_stages(self, article: Article, parsed: object) -> Document:
        doc = Document(article=article)
        for _name, stage in self.stages:
            doc = stage(doc, parsed)  # type: ignore[arg-type]
        return doc


def analyze_records(pipeline: Pipeline, records: Iterable[Article]) -> list[Document | Failure]:
    """Analyse one batch of articles: one Document or Failure per article, in order.

    The unit of work of every runner (the local pool, Ray): a pure function of the batch
    given a loaded pipeline. When the batch as a whole breaks (the parser raised mid-batch),
    each article is analysed alone, so only the bad one becomes a Failure.
    """
    batch = list(records)
    try:
        return list(pipeline.analyze_many(batch))
    except Exception:  # find which article it was
        results: list[Document | Failure] = []
        for article in batch:
            try:
                results.extend(pipeline.analyze_many([article]))
            except Exception as error:
                results.append(Failure(article.source or article.id, f"analysis failed: {error!r}"))
        return results
