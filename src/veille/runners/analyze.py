"""The analyze job: read inputs, analyse their articles with one pipeline, write one file per article.

What ``veille analyze`` runs, as library functions: :func:`analyze_inputs` streams
(name, Document or Failure) pairs, and :class:`DocumentWriter` writes ``OUT/NAME.json``.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from veille.errors import SettingsError
from veille.ingest import iter_sources
from veille.model import Article, Document, Failure
from veille.runners.ingest import Progress, loading
from veille.settings import Settings


def analyze_inputs(
    inputs: list[str], settings: Settings, progress: Progress | None = None
) -> Iterator[tuple[str, Document | Failure]]:
    """Yield (output name, document or failure) for every article in the inputs.

    Articles stream from the inputs through the pipeline (the model is loaded once, and
    only when there is an article to analyse); inputs that could not be read come last.
    ``progress`` hears of each article analysed, and of the model loading.
    """
    from veille.analysis.pipeline import Pipeline  # spaCy loads only when analysing

    read_failures: list[tuple[str, Failure]] = []
    names: deque[str] = deque()

    def articles() -> Iterator[Article]:
        for name, item in iter_sources(
            inputs, default_date=settings.default_date, max_chars=settings.max_article_chars
        ):
            if isinstance(item, Failure):
                read_failures.append((name, item))
            else:
                names.append(name)
                yield item

    stream = articles()
    first = next(stream, None)
    if first is not None:
        loading(progress, True)
        pipeline = Pipeline(settings)
        loading(progress, False)
        for result in pipeline.analyze_many(chain([first], stream)):
            if progress is not None:
                progress.advance()
            # The pipeline keeps article order, so names leave in the order they came.
            yield names.popleft(), result
    yield from read_failures


class DocumentWriter:
    """Write OUT/NAME.json per document; NAME is the input file's stem, or the record id."""

    def __init__(self, out: Path) -> None:
        if out.exists() and not out.is_dir():
            raise SettingsError(f"{out} exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.seen: set[str] = set()

    def write(self, name: str, document: Document) -> Path:
        """Write one document as indented JSON; return the path written."""
        stem = safe_name(name)
        if stem in self.seen:  # two inputs with the same stem: keep both, tell them apart by id
            stem = f"{stem}-{safe_name(document.article.id)}"
        self.seen.add(stem)
        path = self.out / f"{stem}.json"
        path.write_text(json.dumps(document.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path


def safe_name(name: str) -> str:
    """Return a file stem made of letters, digits, - _ and . only (at most 120 characters)."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned[:120] or "article"
