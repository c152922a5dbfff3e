"""Languages: what veille knows of each language it has rules for, and the language of
an article.

Each language is a subpackage (``fr/``) holding its word sets (words.py), morphology
guesses (morphology.py), data tables with their sources (data/, read by tables.py) and
the lookups built on them (countries.py). To add a language, add ``lang/xx/`` with the
same modules and tables, and name it in ``SUPPORTED``; docs/architecture.md says how.
"""

from __future__ import annotations

SUPPORTED: tuple[str, ...] = ("fr",)
