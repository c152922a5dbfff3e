"""Human-readable output: tables that stay readable at any terminal width, and an analysis.

Every table goes through :func:`print_records`. It never cuts a value: when the terminal is
too narrow for every column (80 columns is the default), the secondary columns fold under the
main text as one dim line, and when even that leaves the text too little room, each record
becomes a block of its own (its key values on one line, its text and other fields below).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from veille.model import Document

console = Console(highlight=False, soft_wrap=True)
error_console = Console(stderr=True, highlight=False, soft_wrap=True)  # failures, warnings

# The main text needs this many cells to read as prose; fewer, and it wraps a word a line.
MAIN_MIN = 36
# A wrapping secondary column keeps at least this many cells when every column is shown.
EXTRA_MIN = 14


@dataclass(frozen=True)
class Column:
    """One column of a record table.

    ``key`` columns (dates, types, ids, names) are never wrapped or cut; the one ``main`` column
    (a quotation, a sentence) takes the room that is left and wraps; ``extra`` columns wrap too,
    and are the first to fold away when the terminal is narrow, as one dim line under the main
    text. A ``head`` column folds the same way but above the main text, in bold: what a reader
    must see first (who did what to whom, above the sentence that says so).
    """

    header: str
    role: Literal["key", "main", "head", "extra"] = "key"
    justify: Literal["left", "right"] = "left"
    room: int = 0  # the cells a main column needs to stay readable (0: MAIN_MIN, for prose)


def print_records(
    out: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, title: str | None = None
) -> None:
    """Print rows (rich markup, already escaped) as a table that fits ``out.width``, cutting nothing."""
    width = out.width
    cells = [[Text.from_markup(value).cell_len for value in row] for row in rows]

    def natural(i: int) -> int:
        return max([len(columns[i].header), *(row[i] for row in cells)])

    main = next((i for i, c in enumerate(columns) if c.role == "main"), None)
    keys = [i for i, c in enumerate(columns) if c.role == "key"]
    extras = [i for i, c in enumerate(columns) if c.role in ("head", "extra")]
    main_need = min(natural(main), columns[main].room or MAIN_MIN) if main is not None else 0
    shown_main = [] if main is None else [main]

    def fits(shown: list[int], extra_need: int) -> bool:
        borders = 3 * len(shown) + 1
        return sum(natural(i) for i in keys) + extra_need + main_need + borders <= width

    if fits(keys + extras + shown_main, sum(min(natural(i), EXTRA_MIN) for i in extras)):
        out.print(_table(columns, rows, range(len(columns)), title=title))
    elif main is not None and fits(keys + shown_main, 0):
        folded = [_fold(columns, row, main, extras) for row in rows]
        out.print(_table(columns, folded, sorted([*keys, main]), title=title))
    else:
        _print_blocks(out, columns, rows, title=title)


def _table(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], shown: Sequence[int], *, title: str | None
) -> Table:
    table = Table(title=title, title_justify="left")
    for i in shown:
        column = columns[i]
        if column.role == "key":
            table.add_column(column.header, no_wrap=True, justify=column.justify)
        else:
            table.add_column(column.header, overflow="fold", justify=column.justify)
    for row in rows:
        table.add_row(*(row[i] for i in shown))
    return table


def _fold(columns: Sequence[Column], row: Sequence[str], main: int, extras: Sequence[int]) -> list[str]:
    """Return the row with its head values in bold above the main text, its extras dim below."""
    heads = [f"[bold]{row[i]}[/bold]" for i in extras if columns[i].role == "head" and row[i]]
    line = " · ".join(
        f"{columns[i].header}: {row[i]}" for i in extras if columns[i].role == "extra" and row[i]
    )
    folded = list(row)
    folded[main] = "\n".join([*heads, row[main], *([f"[dim]{line}[/dim]"] if line else [])])
    return folded


def _print_blocks(
    out: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, title: str | None
) -> None:
    """Print each record as a block: key values on a bold line, the rest indented below."""
    if title:
        out.print(f"[italic]{title}[/italic]", soft_wrap=False)
    # soft_wrap off: the blocks wrap at the terminal's width, like the tables (the console's soft
    # wrap would let rich crop the indented lines instead).
    for row in rows:
        keys = "  ".join(
            f"[bold]{row[i]}[/bold]" for i, c in enumerate(columns) if c.role in ("key", "head") and row[i]
        )
        out.print(keys, soft_wrap=False)
        for i, column in enumerate(columns):
            if column.role == "main" and row[i]:
                out.print(Padding(row[i], (0, 0, 0, 2)), soft_wrap=False)
        line = " · ".join(
            f"[dim]{columns[i].header}:[/dim] {row[i]}"
            for i, c in enumerate(columns)
            if c.role == "extra" and row[i]
        )
        if line:
            out.print(Padding(line, (0, 0, 0, 2)), soft_wrap=False)
    out.print()


def print_document(doc: Document, *, out: Console | None = None) -> None:
    """Print an article's entities, quotes, dates, events and amounts as tables."""
    out = out or console
    article = doc.article
    out.print(
        f"[bold]{escape(article.source or article.id)}[/bold]  date {article.date or '—'}  "
        f"lang {article.lang or '—'}  id {article.id}",
        soft_wrap=False,
    )
    names = {entity.id: entity.name for entity in doc.entities}

    def name(entity_id: str | None) -> str:
        return escape(names.get(entity_id, entity_id)) if entity_id else ""

    if doc.entities:
        rows = []
        for entity in doc.entities:
            variants = sorted({m.text for m in entity.mentions} - {entity.name})
            roles = "; ".join(f"{r.title}{' (' + r.of + ')' if r.of else ''}" for r in entity.roles)
            rows.append(
                [entity.id, entity.type, escape(entity.name), escape(", ".join(variants)), escape(roles)]
            )
        columns = [
            Column("id"),
            Column("type"),
            Column("name"),
            Column("variants", "main"),
            Column("roles", "extra"),
        ]
        print_records(out, columns, rows, title="Entities")

    if doc.quotes:
        rows = [
            [name(quote.speaker) or "—", escape(f"« {quote.text} »"), quote.kind, escape(quote.cue or "")]
            for quote in doc.quotes
        ]
        columns = [
            Column("speaker"),
            Column("quote", "main"),
            Column("kind", "extra"),
            Column("cue", "extra"),
        ]
        print_records(out, columns, rows, title="Who said what")

    if doc.timexes:
        rows = [[timex.value, timex.type, escape(timex.text)] for timex in doc.timexes]
        print_records(out, [Column("value"), Column("type"), Column("text", "main")], rows, title="When")

    if doc.events:
        rows = []
        for event in doc.events:
            kind = event.type + (f"/{event.mode}" if event.mode else "") + (" (not)" if event.negated else "")
            who = ", ".join(name(e) for e in event.source) or "—"
            whom = ", ".join(name(e) for e in event.target) or "—"
            rows.append(
                [event.date or "—", kind, f"{who} → {whom}", name(event.location), escape(event.trigger)]
            )
        columns = [
            Column("date"), Column("type"), Column("who → to whom", "main"), Column("where", "extra"),
            Column("trigger", "extra"),
        ]  # fmt: skip
        print_records(out, columns, rows, title="Who did what to whom")

    if doc.amounts:
        rows = [
            [
                "" if amount.value is None else f"{amount.value:g}",
                amount.currency or amount.unit or "",
                amount.magnitude or "",
                escape(amount.text),
            ]
            for amount in doc.amounts
        ]
        columns = [
            Column("value", justify="right"),
            Column("unit"),
            Column("magnitude"),
            Column("amount", "main"),
        ]
        print_records(out, columns, rows, title="Amounts")
    out.print()
