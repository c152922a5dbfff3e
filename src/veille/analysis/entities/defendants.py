"""Give *le prévenu* to the person the article says is on trial.

Court reports name the defendant once, as the one the prosecution acts against (*Le parquet a
requis deux ans contre Paul Riou*; *contre le gérant de la société, Paul Riou,*) or with the
participle of the proceedings (*Paul Riou, 58 ans, poursuivi pour abus de confiance*; *Paul
Riou a été condamné*; *jugé depuis lundi*), then call that person *le prévenu* in a later
paragraph, often after the prosecutor or the lawyer has spoken. The salience step
(``salience.py``) looks for the description's holder in its own paragraph only, where the
prosecutor is the one named, so the description stayed out of every entity.

*Prévenu* is the code of criminal procedure's word for the person tried by a tribunal
correctionnel (Code de procédure pénale, art. 388 and following), as *accusé* is before a
cour d'assises: a status the proceedings give, which the text states by those constructions.
The description goes to the one person of its gender so marked before it; with two (two
defendants, *Deux autres prévenus, X et Y*), nobody. An apposition before a name (*le
prévenu, Paul Riou,*) is the title steps' business.
"""

from __future__ import annotations

import re

from veille.analysis.entities.clusters import Cluster
from veille.model import Gender, Mention

# The defendant noun after a definite article; its gender from its ending.
_DEFENDANT = re.compile(r"\b([Ll]e|[Ll]a) (prévenue?)\b(?!\s*,\s*[A-ZÉ])")
# The prosecution acts against the person named next: requis (or requiert) … contre [title,] X.
_AGAINST = re.compile(
    r"\b(?:requis|requiert|requérir|réclamé|réclame)\b[^.«»]{0,120}\bcontre\s+(?:[^.,«»]{0,80},\s*)?$"
)
# The participle of the proceedings after the name, its apposed age or title between commas.
_TRIED = re.compile(
    r"^(?:\s*,[^.,«»]{1,80}){0,2}\s*(?:,\s*)?(?:a été |avait été |est |sera )?"
    r"(?:jugée?|poursuivie?|condamnée?|mise? en examen|renvoyée? devant|comparaît|comparaissait)\b"
)
_WINDOW = 160  # characters of text read on each side of a name


def add_defendants(clusters: list[Cluster], text: str) -> None:
    """Give each *le prévenu* / *la prévenue* that no entity holds yet to the one person of
    its gender the text marked as tried before it."""
    held = {m.start for c in clusters for m in c.mentions}  # salience or a title took it
    people = [c for c in clusters if c.type == "PER" and not c.group]
    tried = [
        (c, min(marked))
        for c in people
        if (marked := [m.start for m in c.names if _marked_as_tried(text, m)])
    ]
    for match in _DEFENDANT.finditer(text):
        if match.start() in held:
            continue
        gender: Gender = "f" if match.group(2).endswith("e") else "m"
        fits = [c for c, at in tried if at < match.start() and c.gender in (None, gender)]
        if len(fits) == 1:
            fits[0].mentions.append(Mention(match.start(), match.end(), match.group(0), "description"))


def _marked_as_tried(text: str, mention: Mention) -> bool:
    """Tell whether the text names this mention as the prosecution's target or with the
    participle of the proceedings."""
    before = text[max(0, mention.start - _WINDOW) : mention.start]
    after = text[mention.end : mention.end + _WINDOW]
    return bool(_AGAINST.search(before) or _TRIED.match(after))
