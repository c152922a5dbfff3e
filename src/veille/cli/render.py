"""Human-readable output of an analysis: who said what, who did what, when and where."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veille.model import Document

console = Console(highlight=False, soft_wrap=True)
error_console = Console(stderr=True, highlight=False, soft_wrap=True)  # failures, warnings


def print_document(doc: Document, *, out: Console | None = None) -> None:
    """Print an article's entities, quotes, dates, events and amounts as tables."""
    out = out or console
    article = doc.article
    out.print(
        f"[bold]{escape(article.source or article.id)}[/bold]  date {article.date or '—'}  "
        f"lang {article.lang}  id {article.id}"
    )
    names = {entity.id: entity.name for entity in doc.entities}

    if doc.entities:
        table = Table("id", "type", "name", "roles", "variants", title="Entities", title_justify="left")
        for entity in doc.entities:
            variants = sorted({m.text for m in entity.mentions} - {entity.name})
            roles = "; ".join(f"{r.title}{' (' + r.of + ')' if r.of else ''}" for r in entity.roles)
            table.add_row(
                entity.id, entity.type, escape(entity.name), escape(roles), escape(", ".join(variants))
            )
        out.print(table)

    if doc.quotes:
        table = Table("speaker", "kind", "cue", "quote", title="Who said what", title_justify="left")
        for quote in doc.quotes:
            speaker = names.get(quote.speaker or "", "—")
            table.add_row(escape(speaker), quote.kind, escape(quote.cue or ""), escape(f"« {quote.text} »"))
        out.print(table)

    if doc.timexes:
        table = Table("text", "type", "value", title="When", title_justify="left")
        for timex in doc.timexes:
            table.add_row(escape(timex.text), timex.type, timex.value)
        out.print(table)

    if doc.events:
        table = Table(
            "type",
            "who",
            "to whom",
            "date",
            "where",
            "trigger",
            title="Who did what to whom",
            title_justify="left",
        )
        for event in doc.events:
            table.add_row(
                event.type + (f"/{event.mode}" if event.mode else "") + (" (not)" if event.negated else ""),
                escape(", ".join(names.get(e, e) for e in event.source)),
                escape(", ".join(names.get(e, e) for e in event.target)),
                event.date or "—",
                escape(names.get(event.location or "", "") if event.location else ""),
                escape(event.trigger),
            )
        out.print(table)

    if doc.amounts:
        table = Table("amount", "value", "currency", "magnitude", title="Amounts", title_justify="left")
        for amount in doc.amounts:
            table.add_row(
                escape(amount.text),
                "" if amount.value is None else f"{amount.value:g}",
                amount.currency or "",
                amount.magnitude or "",
            )
        out.print(table)
    out.print()
