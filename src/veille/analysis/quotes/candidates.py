"""Gather the candidate speakers of one quotation and describe them for the ranker.

A candidate is a person, organisation or place named outside quotation marks in the
quotation's paragraph, the paragraphs before it (WINDOW_PARAGRAPHS), the rest of its
sentence or the sentence after it, plus the previous quotation's speaker. Each gets the
feature vector of ranker.features.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.ranker import WINDOW_PARAGRAPHS, Mentioned, Situation, after_selon, features
from veille.analysis.syntax.view import token_view
from veille.model import Entity

_PRONOUN_GENDER = {"il": "m", "elle": "f"}
_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECT = ("obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod")


def speaker_candidates(
    ctx: QuoteContext, cand: Candidate, previous: str | None
) -> list[tuple[str, list[float]]]:
    """Return (entity id, feature vector) for every candidate speaker of a quotation."""
    paragraph = ctx.paragraph_index(cand.start)
    first = max(paragraph - WINDOW_PARAGRAPHS, 0)
    lo = ctx.paragraphs[first][0]
    # The sentence after the quotation too: French news often names the speaker just after
    # an uncued quotation (« … » Le maire de Lyon a ensuite quitté la salle.).
    end = max(ctx.sentence_end(cand.end), cand.end)
    hi = max(ctx.sentence_end(min(end + 2, len(ctx.text))), end)
    sentence_of = _sentence_numbers(ctx)
    by_entity: dict[str, list[Mentioned]] = {}
    entities = {}
    for s, e, _mention, entity in ctx.resolver.mentions_in(lo, hi):
        if s < lo or entity.group or entity.type not in ("PER", "ORG", "LOC"):
            continue
        if cand.start <= s < cand.end or ctx.inside_mark(s) is not None:
            continue  # named inside a quotation: spoken about, not speaking
        if ctx.resolver.in_byline(s):
            continue  # Par Claire Martin: the writer, page furniture
        token = ctx.parsed[ctx.token_at(s)]
        head = _head_in(token, e)
        by_entity.setdefault(entity.id, []).append(
            Mentioned(
                start=s,
                end=e,
                sentence=sentence_of[token.i],
                paragraph=ctx.paragraph_index(s),
                subject_of_cue=_speaks(ctx, head),
                subject_of_verb=head.dep_ in _SUBJECT,
                object_or_oblique=head.dep_ in _OBJECT and not _speaks(ctx, head),
                after_selon=after_selon(ctx.text, s),
            )
        )
        entities[entity.id] = entity
    for subject_of, subject in _described_subjects(ctx, cand, hi, sentence_of):
        if not any(m.start == subject.start for m in by_entity.get(subject_of.id, [])):
            by_entity.setdefault(subject_of.id, []).append(subject)
            entities[subject_of.id] = subject_of
    if previous is not None and previous not in by_entity:
        known = ctx.resolver.entity(previous)
        if known is not None:
            # The previous speaker, named further back: a mention stands at the window's start.
            by_entity[previous] = [
                Mentioned(lo, lo, sentence_of[ctx.token_after(lo)], first, False, False, False, False)
            ]
            entities[previous] = known
    situation = _situation(ctx, cand, previous, sentence_of)
    out = []
    for entity_id, mentioned in by_entity.items():
        entity = entities[entity_id]
        salience = sum(1 for m in entity.mentions if m.start < cand.end)
        gender = ctx.resolver.gender(entity)
        if situation.pronoun_gender is not None and gender is not None and gender != situation.pronoun_gender:
            continue  # a-t-il précisé is never the woman named before: no candidate at all
        out.append((entity_id, features(entity, mentioned, situation, salience, gender)))
    return out


def _described_subjects(
    ctx: QuoteContext, cand: Candidate, hi: int, sentence_of: list[int]
) -> list[tuple[Entity, Mentioned]]:
    """Return the entities that the subjects of the quotation's sentence and the one before
    resolve to, with the subject phrase as their mention: a description (le collectif, la
    magistrate), a pronoun or an unnamed body (la mairie) is no entity mention, yet the
    subject of the verb that introduces a quotation is its likeliest speaker."""
    lo = ctx.sentence_start(max(ctx.sentence_start(cand.start) - 2, 0))
    out: list[tuple[Entity, Mentioned]] = []
    # Only entities the document or the rules already have: an entity made here for an
    # unnamed body would be a new entity of the document whenever the ranker chose it (the
    # rules make those: speakers.py, created.py).
    created, unnamed = dict(ctx.resolver.created), set(ctx.resolver.unnamed)
    known = {e.id for e in ctx.doc.entities} | {e.id for e in created.values()}
    view = token_view(ctx.parsed)  # labels and tags off the columns: a Token only for a subject
    for k in range(ctx.token_after(lo), ctx.token_after(hi)):
        if view.dep[k] not in _SUBJECT or view.pos[k] not in ("NOUN", "PRON", "ADJ"):
            continue  # names are entity mentions already
        token = view.tokens[k]
        if cand.start <= token.idx < cand.end or ctx.inside_mark(token.idx) is not None:
            continue
        start, end = ctx.speaker_phrase(token)
        if not ctx.text[start:end].strip():
            continue
        speaker = ctx.resolver.resolve_phrase(start, end)
        entity = ctx.resolver.entity(speaker.entity)
        if entity is None or entity.id not in known or entity.group or entity.type not in ("PER", "ORG"):
            continue
        mentioned = Mentioned(
            start=start,
            end=end,
            sentence=sentence_of[token.i],
            paragraph=ctx.paragraph_index(start),
            subject_of_cue=_speaks(ctx, token),
            subject_of_verb=True,
            object_or_oblique=False,
            after_selon=False,
        )
        out.append((entity, mentioned))
    ctx.resolver.created.clear()
    ctx.resolver.created.update(created)
    ctx.resolver.unnamed.intersection_update(unnamed)
    return out


def _situation(ctx: QuoteContext, cand: Candidate, previous: str | None, sentence_of: list[int]) -> Situation:
    pronoun = None
    if cand.phrase is not None:
        word = ctx.text[cand.phrase[0] : cand.phrase[1]].strip().lower().lstrip("-").removeprefix("t-")
        pronoun = _PRONOUN_GENDER.get(word)
    return Situation(
        start=cand.start,
        end=cand.end,
        sentence=sentence_of[min(ctx.token_at(cand.start), len(sentence_of) - 1)],
        paragraph=ctx.paragraph_index(cand.start),
        previous_speaker=previous,
        phrase=cand.phrase,
        pronoun_gender=pronoun,
    )


def _sentence_numbers(ctx: QuoteContext) -> list[int]:
    """Return the parser's sentence number of every token (and one past the end), read once
    per doc: made anew for each quotation, it made the stage quadratic in the text's length."""
    return token_view(ctx.parsed).sentence_numbers


def _head_in(token: Token, end: int) -> Token:
    """Return the token of a mention whose head lies outside it (the mention's syntactic head)."""
    view = token_view(token.doc)  # offsets and heads off the columns: no Token made per word
    idx, head, current = view.idx, view.head, token.i
    for k in range(token.i, min(token.i + 12, len(idx))):
        if idx[k] >= end:
            break
        if not (token.idx <= idx[head[k]] < end) or head[k] == k:
            return view.tokens[k]
        current = k
    return view.tokens[current]


def _speaks(ctx: QuoteContext, head: Token) -> bool:
    """Return True when a mention is the subject of a cue, before it or inverted after it."""
    verb = head.head
    if ctx.lexicon.cue(verb) is None:
        return False
    if head.dep_ in _SUBJECT:
        return True
    return head.i > verb.i and head.i - verb.i <= 4 and head.dep_ in ("obj", "nmod", "appos", "dep")
