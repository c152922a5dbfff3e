"""``veille analyze``: analyse articles and print or write their analyses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from veille.cli.render import print_document
from veille.errors import SettingsError
from veille.ingest import read_sources
from veille.ingest.text import check_date
from veille.model import Document, Failure
from veille.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (files, folders, JSONL, HTML, - for stdin)",
        description="Analyse articles and print who said what, who did what, when and where.",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder, JSONL, HTML, or - for stdin"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--out", type=Path, help="write one OUT/NAME.json per article instead of printing")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.date:
        check_date(args.date, where="--date")
    stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else None
    settings = Settings(default_date=args.date, stages=stages)
    results = analyze_paths(args.inputs, settings)
    failures = [r for r in results if isinstance(r, Failure)]
    documents = [r for r in results if isinstance(r, Document)]
    if args.out:
        write_documents(documents, args.out)
    else:
        for document in documents:
            if args.format == "json":
                print(json.dumps(document.to_dict(), ensure_ascii=False, indent=1))
            else:
                print_document(document)
    for failure in failures:
        print(f"veille: error: {failure}", file=sys.stderr)
    if failures and len(results) > 1:
        print(f"veille: {len(documents)} analysed, {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0


def analyze_paths(inputs: list[str], settings: Settings) -> list[Document | Failure]:
    """Read every input and analyse every article, loading the model once."""
    from veille.analysis.pipeline import Pipeline  # spaCy loads only when analysing

    sources = list(read_sources(inputs, default_date=settings.default_date))
    articles = [s for s in sources if not isinstance(s, Failure)]
    results: list[Document | Failure] = [s for s in sources if isinstance(s, Failure)]
    if articles:
        results[:0] = list(Pipeline(settings).analyze_many(articles))
    return results


def write_documents(documents: list[Document], out: Path) -> list[Path]:
    """Write OUT/NAME.json per document; NAME is the source file's stem, or the record id."""
    if out.exists() and not out.is_dir():
        raise SettingsError(f"--out {out} exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    seen: set[str] = set()
    for document in documents:
        name = output_name(document)
        if name in seen:  # two inputs with the same stem: keep both, tell them apart by id
            name = f"{name}-{document.article.id}"
        seen.add(name)
        path = out / f"{name}.json"
        path.write_text(json.dumps(document.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def output_name(document: Document) -> str:
    article = document.article
    source = article.source or ""
    if source.endswith(".jsonl") or not source or source.startswith("<"):
        return safe_name(article.id)
    return safe_name(Path(source).stem)


def safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned or "article"
