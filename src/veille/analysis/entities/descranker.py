"""Attach the definite descriptions the rules left open, where a learned ranker is sure.

For each unattached description (``descriptions.find``: le ministre, la commission, l'usine)
every fitting entity named before it is scored by a logistic regression over the features of
``descfeatures.py``, trained on the project's annotated articles (scripts/train_descriptions.py).
The best one gets the description as a mention of kind ``description``, as the rule steps
give it, when its score passes the threshold chosen by cross-validation for precision (a
wrong attachment costs more than a missed one); else the description stays out of every
entity. It never merges two entities.

The ranker ships ON at 0.85, above the cross-validated ``chosen_threshold``; a threshold
above 1 (1.01) switches it off. Its attachments are entity mentions that quotes read like any
other; the event stage reads them as parties in complement positions only, never as the
active subject of a verb (``events/described.py``): read everywhere, they cost one blind set's
events precision its floor (docs/entities.md §27, docs/events.md). The weights are a
small JSON table, data/description_ranker.json, read once; scoring is a dot product
(``veille.analysis.logistic``, shared with the quote speaker ranker), so the pipeline does
not need scikit-learn at run time.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities import descriptions
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.descfeatures import FEATURES, features, tallies, undecided
from veille.analysis.entities.referents import Referents
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.logistic import Logistic
from veille.model import Mention

# The parse's record of the spans the ranker attached (start, end): the event stage reads
# them in complement positions only (learned_spans, events/described.py).
_LEARNED = "veille.learned_descriptions"

# One training record per anaphor: its span and text, and each candidate's first mention
# (start, end) with its feature vector; the training script maps the mention to an entity.
Record = dict[str, object]


@cache
def load_ranker() -> Logistic:
    """Return the shipped ranker (data/description_ranker.json)."""
    return Logistic.from_table(read_json("description_ranker.json"), FEATURES)


def attach_descriptions(
    clusters: list[Cluster],
    parsed: Doc,
    paragraph_starts: list[int],
    lexicon: RoleLexicon,
    referents: Referents,
    collect: list[Record] | None = None,
    ranker: Logistic | None = None,
) -> None:
    """Give each unattached description to its best candidate when the ranker is sure;
    with ``collect``, record the candidates instead and attach nothing (training)."""
    ranker = ranker or (load_ranker() if collect is None else None)
    if ranker is not None and ranker.threshold > 1.0:
        return  # switched off: no score passes, so no phrase is read
    found = descriptions.find(clusters, parsed, paragraph_starts, lexicon, referents)
    for item in found:
        every = [evidence for _c, evidence in item.candidates]
        counted = tallies(item.anaphor, every)
        vectors = [
            features(item.anaphor, evidence, rank, every, counted) for rank, evidence in enumerate(every)
        ]
        if collect is not None:
            collect.append(
                {
                    "start": item.anaphor.start,
                    "end": item.anaphor.end,
                    "text": item.anaphor.text,
                    "role": item.anaphor.role,
                    "candidates": [
                        [[cluster.names[0].start, cluster.names[0].end], vector, cluster.longest]
                        for (cluster, _e), vector in zip(item.candidates, vectors, strict=True)
                    ],
                }
            )
            continue
        assert ranker is not None
        scores = [ranker.score(v) for v in vectors]
        best = max(range(len(scores)), key=lambda k: scores[k])
        if scores[best] >= ranker.threshold and not undecided(vectors, best):
            anaphor = item.anaphor
            item.candidates[best][0].mentions.append(
                Mention(anaphor.start, anaphor.end, anaphor.text, "description")
            )
            mark_learned(parsed, anaphor.start, anaphor.end)


def mark_learned(parsed: Doc, start: int, end: int) -> None:
    """Record in the parse that the ranker attached the description at ``start:end``."""
    parsed.user_data.setdefault(_LEARNED, set()).add((start, end))


def learned_spans(parsed: Doc) -> frozenset[tuple[int, int]]:
    """Return the (start, end) of every description the ranker attached in this parse."""
    return frozenset(parsed.user_data.get(_LEARNED, ()))
