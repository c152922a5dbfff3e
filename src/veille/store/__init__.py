"""The embedded store: Documents in SQLite, with corpus-level entities and quotes.

``store`` never imports spaCy or ``veille.analysis``: it only reads and writes Documents.
"""

from veille.store.db import connect
from veille.store.reads import find_article, iter_documents, load_document
from veille.store.writes import article_hash, delete_article, write_document

__all__ = [
    "article_hash",
    "connect",
    "delete_article",
    "find_article",
    "iter_documents",
    "load_document",
    "write_document",
]
