"""Article → Document: clean, parse once, then run the registered stages in order."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

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

        parses = parse_articles(
            self.nlp, remember(cleaned), self.settings.batch_size, self.settings.max_sentence_tokens
        )
        for parsed in parses:
            article = pending.pop(0)
            try:
                with time_budget(self.settings.article_seconds):
                    doc = self.run_stages(article, parsed)
            except VeilleError as error:
                yield Failure(article.source or article.id, error.reason)
            except Exception as error:  # a bug in a stage must not sink the batch
                log.exception("stage failure on %s", article.source or article.id)
                yield Failure(article.source or article.id, f"analysis failed: {error!r}")
            else:
                yield doc

    def run_stages(self, article: Article, parsed: object) -> Document:
        doc = Document(article=article)
        started = time.monotonic()
        for name, stage in self.stages:
            doc = stage(doc, parsed)  # type: ignore[arg-type]
            # Checked between stages too: where no alarm can be set (not the main thread).
            if time.monotonic() - started > self.settings.article_seconds:
                raise _overrun(self.settings.article_seconds, name)
        return doc


class ArticleTimeout(VeilleError):
    """An article's analysis ran past its time budget (Settings.article_seconds)."""


def _overrun(seconds: float, stage: str | None = None) -> ArticleTimeout:
    during = f" (in the {stage} stage)" if stage else ""
    return ArticleTimeout(
        f"analysis took more than {seconds:g} s{during}: not analysed; raise --article-seconds "
        "(or VEILLE_ARTICLE_SECONDS) to allow it"
    )


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in the block once it has run ``seconds``.

    A real-time alarm interrupts a stage stuck in a long walk; it needs the main thread
    (workers and the CLI run there). Elsewhere the pipeline's check between stages is
    the bound. The stages are pure functions of one article, so stopping one midway
    leaves nothing half-done but that article, which becomes a failure.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(_signum: int, _frame: object) -> None:
        raise _overrun(seconds)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_records(records: Iterable[Article], settings: Settings | None = None) -> list[Document | Failure]:
    """The unit of work of every runner: a pure function from articles to results."""
    return list(Pipeline(settings).analyze_many(records))
