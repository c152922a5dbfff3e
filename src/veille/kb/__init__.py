"""The knowledge base: entities with names in French and English, countries and dated roles.

- ``open_kb(path)`` / ``default_kb(path)``: the KB (None: the starter KB shipped in kb/data/);
  ``build_kb(path, out)`` checks and builds it (``veille kb build``).
- ``who_held(title, of, date)``: the office query (*ministre des Affaires étrangères* of UKR
  on 2025-12-04 → Andrii Sybiha).
- ``corpus_key(kb_id, name)``: the key under which the store can make one entity of the
  mentions of many articles.
"""

from __future__ import annotations

from veille.kb.format import FORMAT, KBEntity, KBRole, read_kb
from veille.kb.names import translit_key
from veille.kb.query import parse_title, who_held
from veille.kb.store import KB, build_kb, default_kb, open_kb
from veille.normal import name_key


def corpus_key(kb_id: str | None, name: str) -> str:
    """Return the corpus-wide identity of an entity: its KB id, else ``nil:`` + its name key.

    Two linked entities are one when their KB ids are equal; two unlinked ones share a key
    when their names share a transliteration key (*Zelenskyy* and *Zelensky*). Clustering
    the remaining variants (edit distance, shared context) is the store's work.
    """
    return kb_id if kb_id else f"nil:{translit_key(name)}"


__all__ = [
    "FORMAT", "KB", "KBEntity", "KBRole", "build_kb", "corpus_key", "default_kb", "name_key", "open_kb",
    "parse_title", "read_kb", "translit_key", "who_held",
]  # fmt: skip
