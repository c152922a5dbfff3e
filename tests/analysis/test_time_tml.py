"""Invented TimeML documents (tests/golden/time/tml/) scored the TempEval-3 way.

Each file was annotated by hand to the ISO-TimeML conventions that docs/time.md lists
(determiner inside, prepositions outside, one TIMEX3 per point of a range, vague words,
habitual sets with an unknown year), before veille was run on it. The floors are the
scores measured when they were written; a drop means a convention broke.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.eval.timeml import evaluate_timeml, read_tml
from veille.settings import Settings

TML = sorted((Path(__file__).resolve().parent.parent / "golden" / "time" / "tml").glob("*.tml"))


def test_the_documents_read() -> None:
    assert len(TML) >= 3
    for path in TML:
        document = read_tml(path)
        assert document.dct and document.timexes
        for timex in document.timexes:
            assert document.text[timex.start : timex.end] == timex.text


@pytest.mark.model
def test_tempeval_scores_on_the_invented_timeml_documents() -> None:
    total, documents = evaluate_timeml(TML, settings=Settings(stages=("time",), timex_extent="tempeval"))
    assert not total.failures
    assert len(documents) == len(TML)
    assert total.prf(total.strict)[2] >= 0.97
    assert total.prf(total.value)[2] >= 0.95


@pytest.mark.model
def test_the_timeml_profile_leaves_out_only_the_vague_words() -> None:
    # maintenant (tim-crue) and actuel (tim-budget) are tempeval's words; désormais (tim-crue)
    # and quelques heures (tim-festival) are vague (extent.is_vague): the project's guide
    # lists them optional at most, so the tempeval profile alone tags them
    full, _ = evaluate_timeml(TML, settings=Settings(stages=("time",), timex_extent="tempeval"))
    project, _ = evaluate_timeml(TML, settings=Settings(stages=("time",), timex_extent="timeml"))
    assert full.system - project.system == 4
    assert full.strict - project.strict == 4
