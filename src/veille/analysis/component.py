"""veille as a spaCy component: ``nlp.add_pipe("veille")`` puts the analysis on ``doc._.veille``.

spaCy finds the factory through the ``spacy_factories`` entry point in pyproject.toml, so
nothing is registered by importing veille. The component runs veille's stages on the Doc
the pipeline before it parsed; it does not parse again and does not clean the text, since
cleaning changes offsets and a component must keep the Doc's own. For the best results
clean first: ``nlp(veille.clean(text))`` (offsets then index the cleaned text, which is
also ``doc._.veille.article.text``).

The article date, which relative dates resolve against, is the component's ``date``
setting, or per call: ``nlp(text, component_cfg={"veille": {"date": "2025-12-04"}})``.
"""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from veille.analysis.clean import paragraphs_of
from veille.analysis.pipeline import Pipeline
from veille.model import Article
from veille.settings import Settings

EXTENSION = "veille"


class VeilleComponent:
    """Run veille's analysis stages on a parsed Doc and store the Document on ``doc._.veille``."""

    def __init__(self, nlp: Language, name: str, date: str | None, stages: list[str] | None) -> None:
        self.name = name
        self.date = date
        self.pipeline = Pipeline(Settings(stages=tuple(stages) if stages else None, lang=nlp.lang), nlp=nlp)
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc, date: str | None = None) -> Doc:
        text = doc.text
        article = Article(
            id=hashlib.sha256(text.encode()).hexdigest()[:16],
            text=text,
            date=date or self.date,
            lang=self.pipeline.settings.lang,
            source=self.name,
            paragraphs=paragraphs_of(text),
        )
        doc._.set(EXTENSION, self.pipeline.run_stages(article, doc))
        return doc


@Language.factory("veille", default_config={"date": None, "stages": None})
def make_veille(nlp: Language, name: str, date: str | None, stages: list[str] | None) -> VeilleComponent:
    """Build the veille component (the factory spaCy's entry point names)."""
    return VeilleComponent(nlp, name, date, stages)
