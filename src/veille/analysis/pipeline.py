"""Article → Document: clean, tell the language, parse once, then run the planned stages.

``Pipeline`` is the public way in: ``Pipeline(settings).pipe(articles)`` streams Documents
(or Failures) in input order, loading the model and every stage's tables once.
``analyze_records`` is the unit of work of every runner: a pure function from a batch of
articles to a batch of results.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from veille.analysis.clean import clean_article
from veille.analysis.entities.keeper import drop_false_entities, load_keeper
from veille.analysis.entities.merger import load_merger, merge_variants
from veille.analysis.entities.typer import Typer, correct_types, load_typer
from veille.analysis.lang import SUPPORTED
from veille.analysis.lang.detect import detect_language
from veille.analysis.logistic import Logistic
from veille.analysis.parse import load_model, parse_articles
from veille.analysis.registry import STAGES, plan
from veille.analysis.stages import Stage
from veille.analysis.syntax.sentences import indexed_sentences
from veille.errors import SettingsError, VeilleError
from veille.model import Article, Document, Failure
from veille.settings import Settings

log = logging.getLogger(__name__)

_LANGUAGE_NAMES = {
    "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "fr": "French",
}  # fmt: skip


class Pipeline:
    """The analysis of articles, with the model and every stage's resources loaded once.

    The stages to run are ``settings.stages`` and every stage they require (the plan is
    checked here, before the model loads). Unknown stages and a language with no rules
    (``settings.lang``) fail at once with a SettingsError.
    """

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        if self.settings.lang is not None and self.settings.lang not in SUPPORTED:
            raise SettingsError(
                f"no rules for language {self.settings.lang!r}; veille has: {', '.join(SUPPORTED)}"
            )
        names = plan(self.settings.stages)
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        self.stages: list[tuple[str, Stage]] = [
            (name, STAGES[name].from_settings(self.settings)) for name in names
        ]
        # Once every stage has run, a learned check drops the entities it is sure are no
        # names and nothing points to (entities/keeper.py); a training run switches it off.
        self.keeper: Logistic | None = load_keeper() if "resolve" in names else None
        # Then a learned check changes the PER, ORG and LOC types it is sure of, where the
        # references allow it (entities/typer.py); a training run switches it off.
        self.typer: Typer | None = load_typer() if "resolve" in names else None
        # Last, a learned check merges two entities it is sure are one (a short form, an
        # acronym, a typo: entities/merger.py); shipped off (threshold above 1) until a
        # threshold is clean; a training run switches it off.
        self.merger: Logistic | None = load_merger() if "resolve" in names else None

    def analyze(self, article: Article) -> Document:
        """Analyse one article; raise VeilleError when it cannot be analysed."""
        result = next(self.pipe([article]))
        if isinstance(result, Failure):
            raise VeilleError(result.reason, where=result.where)
        return result

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document | Failure]:
        """Analyse articles in order, batching the parser; an article that cannot be
        analysed becomes a Failure and the others go on."""
        stream = iter(articles)
        while batch := list(islice(stream, self.settings.batch_size)):
            prepared = [self.prepare(article) for article in batch]
            parsed = parse_articles(
                self.nlp,
                (a for a in prepared if isinstance(a, Article)),
                len(batch),
                self.settings.max_sentence_tokens,
            )
            for item in prepared:
                yield item if isinstance(item, Failure) else self._analyzed(item, next(parsed))
            settle_tables()

    analyze_many = pipe  # the name the runners have used

    def prepare(self, article: Article) -> Article | Failure:
        """Return the article cleaned and with its language set, or a Failure when veille
        has no rules for its language."""
        lang = language_of(article, self.settings)
        if lang not in SUPPORTED:
            name = _LANGUAGE_NAMES.get(lang, lang)
            return Failure(
                article.source or article.id,
                f"the article is in {name} ({lang}) and veille has rules for {', '.join(SUPPORTED)} only; "
                f"pass --lang fr to analyse it with the French rules anyway",
            )
        return clean_article(dataclasses.replace(article, lang=lang))

    def _analyzed(self, article: Article, parsed: Doc) -> Document | Failure:
        try:
            with time_budget(self.settings.article_seconds):
                return self.run_stages(article, parsed)
        except VeilleError as error:
            return Failure(article.source or article.id, error.reason)
        except Exception as error:  # a bug in a stage must not sink the batch
            log.exception("stage failure on %s", article.source or article.id)
            return Failure(article.source or article.id, f"analysis failed: {error!r}")

    def run_stages(self, article: Article, parsed: Doc) -> Document:
        """Run the planned stages over a cleaned, parsed article."""
        doc = Document(article=article)
        started = time.monotonic()
        # Every stage asks tokens for their sentence: one index answers them all.
        with indexed_sentences(parsed):
            for name, stage in self.stages:
                doc = stage(doc, parsed)
                # Checked between stages too: where no alarm can be set (not the main thread).
                if time.monotonic() - started > self.settings.article_seconds:
                    raise _overrun(self.settings.article_seconds, name)
        doc = doc if self.keeper is None else drop_false_entities(doc, self.keeper)
        doc = doc if self.typer is None else correct_types(doc, self.typer)
        return doc if self.merger is None else merge_variants(doc, self.merger)


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


def language_of(article: Article, settings: Settings) -> str:
    """Return the language to analyse an article in: the one forced by the settings
    (--lang), else the article's own, else the one its text shows, else the default."""
    return settings.lang or article.lang or detect_language(article.text) or settings.default_lang


def analyze_records(pipeline: Pipeline, records: Iterable[Article]) -> list[Document | Failure]:
    """Analyse one batch of articles: one Document or Failure per article, in order.

    The unit of work of every runner (the local pool, Ray): a pure function of the batch
    given a loaded pipeline. When the batch as a whole breaks (the parser raised mid-batch),
    each article is analysed alone, so only the bad one becomes a Failure.
    """
    batch = list(records)
    try:
        return list(pipeline.pipe(batch))
    except Exception:  # find which article it was
        results: list[Document | Failure] = []
        for article in batch:
            try:
                results.extend(pipeline.pipe([article]))
            except Exception as error:
                results.append(Failure(article.source or article.id, f"analysis failed: {error!r}"))
        return results


_SETTLED: list[bool] = []


def settle_tables() -> None:
    """Keep the objects alive now out of the cyclic collector's walks, once per process.

    After the first batch the tables the stages load lazily are loaded: half a million
    objects that live as long as the process. Each full collection walked them all (180 ms,
    about 1 ms an article: docs/benchmarks.md, ninth session) to free none. ``gc.freeze``
    moves them to a generation it never walks; reference counting still frees any of them
    that dies, and what the analysis makes afterwards is collected as before.
    """
    if not _SETTLED:
        _SETTLED.append(True)
        gc.freeze()
