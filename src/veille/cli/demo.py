"""``veille demo``: analyse the example articles and print a summary (what `make demo` runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from veille.cli.analyze import analyze_paths
from veille.cli.render import console, print_document
from veille.model import Document, Failure
from veille.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="analyse the example articles and print who said what")
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path("../shared"),
        help="shared folder whose corpus/dev articles are added when present",
    )
    parser.add_argument("--examples", type=Path, default=Path("examples"), help="folder of example articles")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    inputs = demo_inputs(args.examples, args.shared)
    results = analyze_paths([str(p) for p in inputs], Settings())
    documents = [r for r in results if isinstance(r, Document)]
    for document in documents:
        print_document(document)
    for failure in (r for r in results if isinstance(r, Failure)):
        console.print(f"[red]failed[/red] {failure}")
    console.print(f"[bold]{len(documents)} articles analysed[/bold] from {', '.join(map(str, inputs))}")
    return 0


def demo_inputs(examples: Path, shared: Path) -> list[Path]:
    """The example articles: examples/*.txt, plus ../shared/corpus/dev/*.txt when present."""
    found = sorted(examples.glob("*.txt")) if examples.is_dir() else []
    dev = shared / "corpus" / "dev"
    if dev.is_dir():
        found += sorted(dev.glob("*.txt"))
    return found
