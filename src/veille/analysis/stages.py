"""The stage contract: what a stage reads and writes, checked when a pipeline is built.

A stage reads the Document built so far and the spaCy Doc of the same text, and returns
a new Document. It declares the layers it ``requires`` (made by earlier stages) and the
layers it ``assigns``. The layers are names of what a Document holds once a stage ran:

- ``entities``: entities found, one per distinct name (the entities stage);
- ``entities.resolved``: names, typos, titles and descriptions merged (resolve);
- ``entities.linked``: knowledge-base ids, countries and roles on the article date (link);
- ``timexes``, ``quotes``, ``amounts``, ``events``: the layers of those names.

Nothing registers itself on import: to add a stage, import its class in ``registry.py``
and add one line to ``STAGES`` there.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from spacy.tokens import Doc

from veille.model import Document
from veille.settings import Settings


class Stage(Protocol):
    """One analysis step: ``stage(document, parsed) -> document``."""

    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    @classmethod
    def from_settings(cls, settings: Settings) -> Stage: ...

    def __call__(self, doc: Document, parsed: Doc) -> Document: ...
