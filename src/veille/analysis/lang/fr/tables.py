"""Read the French data tables: the one loader of every file under ``lang/fr/data/``.

Tables are TSV (a header line of column names, ``#`` comments) or JSON; their sources
and licences are in ``data/SOURCES.md``. A missing or malformed table is a packaging
bug, reported as a SettingsError that names the file and the line.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from veille.errors import SettingsError

PACKAGE = "veille.analysis.lang.fr"


def read_text(name: str) -> str:
    """Return the text of a data table."""
    try:
        return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    except OSError as error:
        raise SettingsError(f"cannot read the French table data/{name}: {error}") from error


@cache
def read_json(name: str) -> Any:
    """Return a JSON data table, parsed once per process."""
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as error:
        raise SettingsError(f"data/{name}: not valid JSON ({error})") from error


def read_rows(name: str, columns: int | None = None, header: bool = True) -> list[tuple[int, list[str]]]:
    """Return the numbered rows of a TSV table, without comments, blank lines and the header
    line (when the table has one).

    With ``columns``, every row must have that many tab-separated cells.
    """
    rows = []
    header_seen = not header
    for n, line in enumerate(read_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True  # the column names
            continue
        row = line.split("\t")
        if columns is not None and len(row) != columns:
            raise SettingsError(f"data/{name} line {n}: expected {columns} tab-separated columns")
        rows.append((n, row))
    return rows


def read_records(name: str) -> list[dict[str, str]]:
    """Return the rows of a TSV table as dicts keyed by its header's column names."""
    lines = [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]
