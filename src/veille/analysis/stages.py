"""The stage protocol and the registry: a plain dict from name to class, in running order.

A stage reads the Document built so far and the spaCy Doc of the same text, and
returns a new Document. Nothing registers itself on import: to add a stage, import
its class in ``registry.py`` and add one line to ``STAGES`` there.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from veille.model import Document
from veille.settings import Settings


class Stage(Protocol):
    """One analysis step: ``stage(document, parsed) -> document``."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Stage: ...

    def __call__(self, doc: Document, parsed: Doc) -> Document: ...
