"""Check gold files against their articles: structure, exact forms, time order, header.

Usage: python scripts/check_gold.py tests/gold3 [more dirs or .gold.json files]

Each gold file is loaded with veille's own loader (which validates the structure and the
names that speakers and event parties refer to); then every mention, description, quote
text and time expression must occur exactly (case-sensitive) in the article body, the
time expressions must be findable in document order the way the evaluator places them,
and the article's first line must be ``date YYYY-MM-DD`` equal to the gold date, followed
by a blank line. Prints one line per problem and a count per file; exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from veille.errors import GoldError
from veille.eval.gold import GOLD_SUFFIX, load_gold

HEADER = re.compile(r"^date (\d{4}-\d{2}-\d{2})$")


def nth(body: str, needle: str, occurrence: int) -> int | None:
    """Return the start of the nth exact occurrence of needle in body, or None."""
    start = -1
    for _ in range(occurrence):
        start = body.find(needle, start + 1)
        if start < 0:
            return None
    return start


def check(path: Path) -> list[str]:
    """Return the problems of one gold file (empty when it is sound)."""
    try:
        gold = load_gold(path)
    except GoldError as error:
        return [str(error)]
    problems: list[str] = []
    text_path = path.with_name(gold.article.file)
    if not text_path.exists():
        return [f"{path}: article file {gold.article.file} not found"]
    raw = text_path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    match = HEADER.match(lines[0])
    if match is None or (len(lines) > 1 and lines[1].strip()):
        problems.append(f"{text_path}: first line must be 'date YYYY-MM-DD' followed by a blank line")
    elif match.group(1) != gold.article.date:
        problems.append(f"{path}: date {gold.article.date} differs from the header {match.group(1)}")
    body = "\n".join(lines[2:])
    for entity in gold.entities:
        for form in entity.forms:
            if form not in body:
                problems.append(f"{path}: entity {entity.name!r}: form {form!r} not in the text")
    for quote in gold.quotes:
        if nth(body, quote.text, quote.occurrence or 1) is None:
            problems.append(f"{path}: quote not in the text: {quote.text[:60]!r}")
    claimed: set[int] = set()
    last = -1
    for timex in gold.timexes:
        if timex.occurrence is not None:
            start = nth(body, timex.text, timex.occurrence)
        else:
            occurrence, start = 1, nth(body, timex.text, 1)
            while start is not None and start in claimed:
                occurrence += 1
                start = nth(body, timex.text, occurrence)
        if start is None:
            problems.append(f"{path}: timex not in the text: {timex.text!r}")
            continue
        if start < last:
            problems.append(f"{path}: timex out of document order: {timex.text!r} at {start}")
        claimed.add(start)
        last = start
    words = len(body.split())
    print(
        f"{path.name}: {words} words, {len(gold.entities)} entities, {len(gold.quotes)} quotes, "
        f"{len(gold.timexes)} timexes, {len(gold.events)} events"
    )
    return problems


def main(argv: list[str]) -> int:
    """Check every gold file named or found in the directories given."""
    paths: list[Path] = []
    for arg in argv:
        target = Path(arg)
        paths += sorted(target.glob(f"*{GOLD_SUFFIX}")) if target.is_dir() else [target]
    problems = [problem for path in paths for problem in check(path)]
    for problem in problems:
        print(problem)
    print(f"{len(paths)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
