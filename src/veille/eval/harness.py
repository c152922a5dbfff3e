"""Run the real pipeline on gold articles and score it: the library behind ``veille eval``."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veille.errors import GoldError
from veille.eval.gold import GOLD_SUFFIX, Gold, load_gold
from veille.eval.scores import ArticleScores, KBNames, Scores, kb_names_from, score_document, total
from veille.ingest import read_sources
from veille.model import Article, Document, Failure
from veille.runners.ingest import Progress, loading

if TYPE_CHECKING:
    from veille.analysis.pipeline import Pipeline
    from veille.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Case:
    """A gold file and the article it describes."""

    gold: Gold
    article: Article


@dataclass(frozen=True)
class Evaluation:
    """The scores of a set of articles, one by one and in total."""

    articles: tuple[ArticleScores, ...]
    total: Scores
    failures: tuple[Failure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready evaluation: total metrics, then each article's metrics and errors."""
        return {
            "format": "veille.eval/1",
            "total": self.total.metrics(),
            "articles": [
                {"name": a.name, "metrics": a.scores.metrics(), "errors": a.errors} for a in self.articles
            ],
            "failures": [str(f) for f in self.failures],
        }


def find_golds(paths: Iterable[Path]) -> list[Path]:
    """Return the gold files named or held (at any depth) by the given files and folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{GOLD_SUFFIX}")))
        elif path.is_file():
            found.append(path)
        else:
            raise GoldError("no such file or folder", where=str(path))
    if not found:
        raise GoldError(f"no *{GOLD_SUFFIX} file found", where=", ".join(str(p) for p in paths))
    return found


def load_cases(paths: Iterable[Path], texts: Path | None = None) -> list[Case]:
    """Load every gold file and its article text (from ``texts`` when given, else beside the gold)."""
    cases: list[Case] = []
    for gold_path in find_golds(paths):
        gold = load_gold(gold_path)
        text_path = (texts or gold_path.parent) / gold.article.file
        if not text_path.is_file():
            raise GoldError(f"article.file: no such file {text_path}", where=str(gold_path))
        # The real ingest reads the text, so the harness sees exactly what `veille analyze` sees.
        articles = list(read_sources([str(text_path)], default_date=gold.article.date))
        if len(articles) != 1 or isinstance(articles[0], Failure):
            reason = "; ".join(str(a) for a in articles if isinstance(a, Failure)) or "not one article"
            raise GoldError(f"article.file: {reason}", where=str(gold_path))
        article = dataclasses.replace(articles[0], lang=gold.article.lang)
        if gold.article.date and article.date != gold.article.date:
            # The system sees the text's date; a different gold date would score every
            # relative time expression against the wrong day, so it is an error to fix.
            raise GoldError(
                f"article.date: {gold.article.date} but the text says {article.date}", where=str(gold_path)
            )
        cases.append(Case(gold, article))
    return cases


def evaluate(
    paths: Sequence[Path],
    texts: Path | None = None,
    *,
    pipeline: Pipeline | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Analyse every gold article with the real pipeline (model loaded once) and score it;
    ``progress`` hears of each article analysed."""
    cases = load_cases(paths, texts)
    if progress is not None:
        progress.total(len(cases))
    if pipeline is None:
        from veille.analysis.pipeline import Pipeline  # spaCy loads only when analysing

        loading(progress, True)
        pipeline = Pipeline(settings)
        loading(progress, False)
    results = []
    for result in pipeline.analyze_many(case.article for case in cases):
        results.append(result)
        if progress is not None:
            progress.advance()
    # NIL precision reads the KB the pipeline linked against.
    return score_cases(cases, results, kb_names=kb_names_from(pipeline.settings.kb_path))


def score_cases(
    cases: Sequence[Case], results: Sequence[Document | Failure], *, kb_names: KBNames | None = None
) -> Evaluation:
    """Score analysis results against their cases; an article that failed scores as found empty."""
    articles: list[ArticleScores] = []
    failures: list[Failure] = []
    for case, result in zip(cases, results, strict=True):
        if isinstance(result, Failure):
            # Scoring the failure as an empty analysis keeps the totals honest: its gold
            # items count as missed instead of silently leaving the set.
            log.warning("analysis failed on %s: %s", result.where, result.reason)
            failures.append(result)
            result = Document(article=case.article)
        articles.append(score_document(case.gold, result, kb_names=kb_names))
    return Evaluation(tuple(articles), total(articles), tuple(failures))
