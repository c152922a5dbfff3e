"""The name apposed after the comma of a speaker phrase (quotes/apposition.py)."""

from __future__ import annotations

from veille.analysis.quotes.apposition import MentionsIn, apposed_end
from veille.model import Entity, EntityType, Mention, MentionKind


def _mentions(text: str, phrase: str, kind: MentionKind, entity_type: EntityType) -> MentionsIn:
    start = text.index(phrase)
    mention = Mention(start, start + len(phrase), phrase, kind)
    entity = Entity(id="e0", name=phrase, type=entity_type, mentions=(mention,))

    def mentions_in(lo: int, hi: int) -> list[tuple[int, int, Mention, Entity]]:
        return [(mention.start, mention.end, mention, entity)] if lo <= mention.start < hi else []

    return mentions_in


def test_a_name_after_the_comma_is_the_speaker_apposed() -> None:
    text = "Selon le syndicat majoritaire, la Confédération paysanne, la récolte est perdue."
    after = text.index("la Confédération")
    found = apposed_end(text, _mentions(text, "Confédération paysanne", "name", "ORG"), after, len(text))
    assert found == text.index(", la récolte")


def test_a_description_after_the_comma_is_the_clause_subject() -> None:
    # Selon l'accusation, le banquier, âgé de 61 ans, a menti: the banker the text named
    # before (a description attached to him) is whom the prosecution speaks of, not its name.
    text = "Selon l'accusation, le banquier, âgé de 61 ans, aurait menti aux enquêteurs."
    after = text.index("le banquier")
    mentions_in = _mentions(text, "le banquier", "description", "PER")
    assert apposed_end(text, mentions_in, after, len(text)) is None
