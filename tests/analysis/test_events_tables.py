"""The event tables load, every PLOVER type has triggers, and the stage's helpers keep their
contracts (the sentence index answers as spaCy does and is removed after the call)."""

from __future__ import annotations

import pytest

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.syntax.sentences import indexed_sentences
from veille.model import EVENT_TYPES


def test_every_plover_type_has_triggers() -> None:
    lexicon = load_event_lexicon()
    rows = [*lexicon.verbs.values(), *lexicon.nouns.values(), *lexicon.phrases.values()]
    assert len(rows) >= 350
    assert {row.type for row in rows} == set(EVENT_TYPES)
    assert all(row.source.startswith("PLOVER") for row in rows)


def test_lists_the_stage_reads_are_filled() -> None:
    lexicon = load_event_lexicon()
    assert lexicon.negative_words and lexicon.non_factive and lexicon.refusal
    assert lexicon.light_verbs and lexicon.object_control and lexicon.party_object
    assert {"dipl", "rel", "arm"} <= set(lexicon.cue_words or {})
    assert "irresponsable" in lexicon.negative_words
    assert "craindre" in lexicon.non_factive


def test_the_word_sets_read_off_the_rows_are_made_once_and_match_the_rows() -> None:
    lexicon = load_event_lexicon()
    assert lexicon.accusing_nouns == {w for w, row in lexicon.nouns.items() if row.type == "ACCUSE"}
    assert lexicon.par_actor_nouns == {w for w, row in lexicon.nouns.items() if row.actor_par}
    judging = {"ACCUSE", "REJECT", "SUPPORT", "PROTEST"}
    assert lexicon.verbs_of_judging_types == {w for w, row in lexicon.verbs.items() if row.type in judging}
    assert lexicon.accusing_nouns and lexicon.par_actor_nouns and lexicon.verbs_of_judging_types
    assert lexicon.accusing_nouns is lexicon.accusing_nouns  # one set for every article


@pytest.mark.model
def test_sentence_index_answers_as_spacy_and_goes_away(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Paul Girard a rencontré Anne Duval. Elle a critiqué son projet. Il a refusé")
    expected = [(t.sent.start, t.sent.end) for t in doc]
    with indexed_sentences(doc):
        assert "sent" in doc.user_token_hooks
        assert [(t.sent.start, t.sent.end) for t in doc] == expected
    assert "sent" not in doc.user_token_hooks


def test_a_verb_trigger_is_found_by_its_lemma_else_by_its_form() -> None:
    lexicon = load_event_lexicon()
    assert lexicon.verb_trigger("condamner", "condamne") is lexicon.verbs["condamner"]
    # A participle the lemmatiser left as its own lemma: the form's regular infinitive.
    assert lexicon.verb_trigger("critiquée", "critiquée") is lexicon.verbs["critiquer"]
    assert lexicon.verb_trigger("marcher", "marche") is None
