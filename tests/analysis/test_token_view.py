"""The shared token view: the same answers as spaCy's tokens, read once per parse."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from veille.analysis.syntax.memo import per_parse, per_token
from veille.analysis.syntax.sentences import TokenIndex, indexed_sentences
from veille.analysis.syntax.view import TokenView, drop_token_view, has_token_view, token_view

pytestmark = pytest.mark.model

# Invented: capitals, an elided article, a lemma with a capital, punctuation, a number.
TEXT = "Selon Lucie Ferrand, l'Assemblée de Vérone a voté (AV) 12 textes à Paris mardi !"


def test_each_column_is_what_spacy_answers_token_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    view = TokenView(doc)
    assert view.tokens == list(doc)
    assert view.text == [t.text for t in doc]
    assert view.lower == [t.lower_ for t in doc]
    assert view.lemma == [t.lemma_ for t in doc]
    assert view.lemma_lower == [t.lemma_.lower() for t in doc]
    assert view.pos == [t.pos_ for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.is_punct == [t.is_punct for t in doc]
    assert view.is_space == [t.is_space for t in doc]
    assert view.is_quote == [t.is_quote for t in doc]
    assert view.sent_start == [bool(t.is_sent_start) for t in doc]
    assert view.like_num == [t.like_num for t in doc]
    assert view.is_alpha == [t.is_alpha for t in doc]
    assert view.spaced == [bool(t.whitespace_) for t in doc]
    flags = (view.is_punct, view.is_space, view.is_quote, view.sent_start, view.like_num, view.is_alpha)
    assert all(type(flag) is bool for column in (*flags, view.spaced) for flag in column)
    assert all(view.tokens[i].i == i for i in range(len(doc)))


def test_one_view_per_doc_while_the_stages_run_then_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    with indexed_sentences(doc):
        first = token_view(doc)
        assert token_view(doc) is first  # built once, shared by every stage
        with indexed_sentences(doc):  # a stage that enters the index again keeps it
            assert token_view(doc) is first
        assert token_view(doc) is first
    assert not has_token_view(doc)  # dropped on leaving: no Token outlives the analysis
    assert token_view(doc) is not first
    drop_token_view(doc)
    drop_token_view(doc)  # dropping twice is harmless


def test_two_docs_asked_in_turn_each_get_their_own_view_and_none_is_held_after(nlp) -> None:  # type: ignore[no-untyped-def]
    import gc
    import weakref

    first, second = nlp(TEXT), nlp("Le maire de Valbreuse a parlé mardi.")
    views = [token_view(first), token_view(second)]
    for _ in range(3):  # the doc asked last is answered first: never another doc's view
        assert token_view(first) is views[0] and token_view(second) is views[1]
    assert views[0].doc is first and views[1].doc is second
    drop_token_view(first)
    drop_token_view(second)
    gone = weakref.ref(second)
    del views, second
    gc.collect()
    assert gone() is None  # the view module keeps no reference to a dropped doc
    assert token_view(first).doc is first


def test_a_view_made_inside_a_nested_block_is_dropped_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)

    def own_hook(token):  # type: ignore[no-untyped-def]
        return token.doc[0:1]

    doc.user_token_hooks["sent"] = own_hook  # a caller's own sentence hook: kept, not replaced
    with indexed_sentences(doc):
        token_view(doc)
    assert not has_token_view(doc)
    assert doc.user_token_hooks["sent"] is own_hook
    del doc.user_token_hooks["sent"]
    doc.to_bytes()  # nothing left in user_data that spaCy cannot write


def test_token_index_reads_the_offsets_off_the_view(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    index = TokenIndex(doc)
    paris = next(t for t in doc if t.text == "Paris")
    assert index.at(paris.idx + 2) == paris.i
    assert index.after(paris.idx + 1) == paris.i + 1


def test_an_empty_doc_has_empty_columns(nlp) -> None:  # type: ignore[no-untyped-def]
    view = token_view(nlp(""))
    assert view.tokens == [] and view.text == [] and view.pos == [] and view.lemma_lower == []


def test_a_second_doc_reads_the_same_strings_from_the_decoded_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # The second view finds its words already decoded (one dict for the process): same answers.
    first, second = nlp(TEXT), nlp("Mardi, Lucie Ferrand a quitté Vérone pour Nîmes.")
    for doc in (first, second, nlp(TEXT)):
        view = TokenView(doc)
        assert view.text == [t.text for t in doc]
        assert view.lemma == [t.lemma_ for t in doc]
        assert view.lower == [t.lower_ for t in doc]


def test_a_doc_without_tags_has_the_empty_tag_and_lemma(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(TEXT)  # tokenized only: no tagger, no lemmatizer ran
    view = TokenView(doc)
    assert view.pos == [t.pos_ for t in doc] == [""] * len(doc)
    assert view.lemma == [t.lemma_ for t in doc]


def test_entity_labels_by_text_are_the_labels_of_doc_ents(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT + " Lucie Ferrand a répondu.")
    labels = TokenView(doc).entity_labels
    expected: dict[str, set[str]] = {}
    for span in doc.ents:
        expected.setdefault(span.text, set()).add(span.label_)
    assert labels == {text: frozenset(found) for text, found in expected.items()}


def test_a_derived_table_is_made_once_per_view_and_dropped_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    made: list[int] = []

    def capitals(view: TokenView) -> list[int]:
        made.append(1)
        return [i for i, word in enumerate(view.text) if word[:1].isupper()]

    with indexed_sentences(doc):
        first = token_view(doc).derived("test.capitals", capitals)
        assert token_view(doc).derived("test.capitals", capitals) is first
        assert first == [t.i for t in doc if t.text[:1].isupper()]
    assert len(made) == 1
    token_view(doc).derived("test.capitals", capitals)  # a new view makes it again
    assert len(made) == 2
    drop_token_view(doc)


def test_role_noun_starts_are_the_words_starts_word_accepts(nlp) -> None:  # type: ignore[no-untyped-def]
    from veille.analysis.entities.rolenouns import load_roles

    # Invented: a title with an ex- prefix, an elided one, a folded capital, a plain noun.
    doc = nlp("L'ex-ministre et la Présidente de la région ont reçu l'avocate du maire, pas le boulanger.")
    lexicon = load_roles()
    expected = [t.i for t in doc if lexicon.starts_word(t.text)]
    assert expected  # the sentence holds role nouns
    assert lexicon.start_positions(doc) == expected
    drop_token_view(doc)


def test_two_role_tables_over_one_parse_each_get_their_own_starts(nlp) -> None:  # type: ignore[no-untyped-def]
    from veille.analysis.entities.rolenouns import RoleLexicon, RoleWord

    doc = nlp("Le maire a reçu la juge.")  # invented
    for word in ("maire", "juge", "maire"):  # tables made and dropped in turn: no stale answer
        table = RoleLexicon({word: (RoleWord((word,), None, "x"),)})
        assert table.start_positions(doc) == [t.i for t in doc if t.text == word]
    drop_token_view(doc)


def test_a_spans_sentence_inside_the_index_is_spacys_and_the_hook_goes_after(nlp) -> None:  # type: ignore[no-untyped-def]
    # Invented: four sentences, one across a quotation, a paragraph break.
    doc = nlp("Le maire de Valbreuse a parlé mardi. Il a dit : « Nous viendrons. » Puis il est parti\n\nFin.")
    size = len(doc)
    spans = [(i, j) for i in range(size + 1) for j in range(i, size + 1)]  # empty and crossing ones too
    expected = [(doc[i:j].sent.start, doc[i:j].sent.end) for i, j in spans]
    with indexed_sentences(doc):
        assert "sent" in doc.user_span_hooks
        assert [(doc[i:j].sent.start, doc[i:j].sent.end) for i, j in spans] == expected
    assert "sent" not in doc.user_span_hooks


def test_a_per_token_answer_is_worked_out_once_per_reader_and_lists_come_copied(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)

    class Reader:
        def __init__(self) -> None:
            self.asked: list[tuple[int, ...]] = []

        @per_token
        def heads(self, token: Token, depth: int = 0) -> list[int]:
            self.asked.append((token.i, depth))
            return [token.head.i]

        @per_token
        def chain(self, tokens: list[Token], *, up: bool) -> tuple[list[int], bool]:
            self.asked.append(tuple(t.i for t in tokens))
            return [t.head.i for t in tokens], up

    reader = Reader()
    first = reader.heads(doc[3])
    first.append(99)  # a caller extending its answer changes no other caller's
    assert reader.heads(doc[3]) == [doc[3].head.i]
    assert reader.heads(doc[3], 1) == [doc[3].head.i]  # other arguments: asked again
    chain = reader.chain([doc[1], doc[2]], up=True)
    chain[0].append(99)
    assert reader.chain([doc[1], doc[2]], up=True) == ([doc[1].head.i, doc[2].head.i], True)
    assert reader.asked == [(3, 0), (3, 1), (1, 2)]
    assert Reader().heads(doc[3]) == [doc[3].head.i]  # another reader: its own answers


def test_a_per_parse_reading_is_worked_out_once_per_view_and_dropped_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    asked: list[int] = []

    @per_parse
    def dependents(token: Token) -> list[int]:
        asked.append(token.i)
        return [child.i for child in token.children]

    with indexed_sentences(doc):
        first = dependents(doc[6])
        first.append(99)  # a caller extending its answer changes no other caller's
        assert dependents(doc[6]) == [c.i for c in doc[6].children]
        assert asked == [6]
    dependents(doc[6])  # a new view: worked out again
    assert asked == [6, 6]
    drop_token_view(doc)
