"""``veille analyze``: analyse articles and print or write their analyses."""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from veille.cli.render import print_document
from veille.errors import SettingsError
from veille.ingest import iter_sources
from veille.ingest.text import check_date
from veille.model import Article, Document, Failure
from veille.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (files, folders, JSONL, HTML, - for stdin)",
        description=(
            "Analyse articles and print who said what, who did what, when and where. "
            "Inputs are text files (.txt, .text, .md; optional 'date YYYY-MM-DD' header), "
            "JSON Lines (.jsonl, .ndjson; one article a line), HTML pages (.html, .htm), "
            "folders of them (recursive), or - for standard input. "
            "Unreadable inputs are listed at the end and make the exit code non-zero."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder, JSONL, HTML, or - for stdin"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format: readable tables, or veille.analysis/1 JSON (one object; JSON Lines for several)",
    )
    parser.add_argument("--out", type=Path, help="write one OUT/NAME.json per article instead of printing")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    parser.add_argument(
        "--lang",
        help="analyse every article with this language's rules (default: the article's, else detected)",
    )
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.date:
        check_date(args.date, where="--date")
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise SettingsError(f"--out {args.out} exists and is not a folder")
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip()) if args.stages else None
    settings = Settings(default_date=args.date, stages=stages, lang=args.lang)

    failures: list[Failure] = []
    analysed = 0
    writer = DocumentWriter(args.out) if args.out is not None else None
    printer = JsonPrinter() if writer is None and args.format == "json" else None
    for name, result in analyze_inputs(args.inputs, settings):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        analysed += 1
        if writer is not None:
            writer.write(name, result)
        elif printer is not None:
            printer.add(result)
        else:
            print_document(result)
    if printer is not None:
        printer.close()

    # Bad inputs are listed after the output, so that they are the last thing a user sees.
    for failure in failures:
        print(f"veille: error: {failure}", file=sys.stderr)
    if writer is not None and analysed:
        print(f"veille: wrote {analysed} analyses to {args.out}", file=sys.stderr)
    if failures and analysed:
        print(f"veille: {analysed} analysed, {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0


def analyze_inputs(inputs: list[str], settings: Settings) -> Iterator[tuple[str, Document | Failure]]:
    """Yield (output name, document or failure) for every article in the inputs.

    Articles stream from the inputs through the pipeline (the model is loaded once, and
    only when there is an article to analyse); inputs that could not be read come last.
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
        for result in Pipeline(settings).analyze_many(chain([first], stream)):
            # The pipeline keeps article order, so names leave in the order they came.
            yield names.popleft(), result
    yield from read_failures


def analyze_paths(inputs: list[str], settings: Settings) -> list[Document | Failure]:
    """Read every input and analyse every article, loading the model once."""
    return [result for _name, result in analyze_inputs(inputs, settings)]


class DocumentWriter:
    """Write OUT/NAME.json per document; NAME is the input file's stem, or the record id."""

    def __init__(self, out: Path) -> None:
        if out.exists() and not out.is_dir():
            raise SettingsError(f"--out {out} exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.seen: set[str] = set()

    def write(self, name: str, document: Document) -> Path:
        stem = safe_name(name)
        if stem in self.seen:  # two inputs with the same stem: keep both, tell them apart by id
            stem = f"{stem}-{safe_name(document.article.id)}"
        self.seen.add(stem)
        path = self.out / f"{stem}.json"
        path.write_text(json.dumps(document.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path


def write_documents(documents: list[Document], out: Path) -> list[Path]:
    """Write OUT/NAME.json per document, named after its source file or its id."""
    writer = DocumentWriter(out)
    return [writer.write(output_name(document), document) for document in documents]


class JsonPrinter:
    """Print one document as one indented JSON object, several as JSON Lines."""

    def __init__(self) -> None:
        self.held: Document | None = None
        self.count = 0

    def add(self, document: Document) -> None:
        self.count += 1
        if self.count == 1:
            self.held = document  # wait: alone it is printed indented
            return
        if self.held is not None:
            _print_json(self.held, indent=None)
            self.held = None
        _print_json(document, indent=None)

    def close(self) -> None:
        if self.held is not None:
            _print_json(self.held, indent=1)
            self.held = None


def output_name(document: Document) -> str:
    """Name an output file after the article's source file, or its id when it has none."""
    article = document.article
    source = article.source or ""
    if not source or source.startswith("<") or source.endswith((".jsonl", ".ndjson")):
        return safe_name(article.id)
    return safe_name(Path(source).stem)


def safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned[:120] or "article"


def _print_json(document: Document, *, indent: int | None) -> None:
    print(json.dumps(document.to_dict(), ensure_ascii=False, indent=indent))
