"""Attribute the candidate quotations in text order and build the quotes (step 6 of stage.py).

Reads the candidates the stage found (each with its cue and its speaker phrase, or the word
that it continues the quotation before) and resolves each phrase to an entity through the
speaker resolver, in text order so that a pronoun (a-t-il ajouté) or a continuation can take
the speaker just quoted; where the rules find nobody, the ranker chooses among the candidates
near the quotation. Overlapping candidates are settled first, and each quote gets the date of
its cue's clause.
"""

from __future__ import annotations

import re

from veille.analysis.lang.fr.words import SUBJECT_PRONOUNS
from veille.analysis.quotes.basis import rule_basis
from veille.analysis.quotes.candidates import speaker_candidates
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MARKS_AND_SPACE, paragraph_pieces
from veille.analysis.quotes.phrases import possessive_work
from veille.analysis.quotes.ranker import load_ranker
from veille.analysis.quotes.speakers import Speaker
from veille.analysis.time.attach import attached_date
from veille.model import Quote, Span

# A direct quotation with no cue and no speaker is kept only when it reads as speech.
MIN_UNATTRIBUTED_WORDS = 4
# A continuation takes the previous speaker only if that quote is this close (paragraphs).
_CONTINUATION_PARAGRAPHS = 1
# Cue classes of a feeling: with an anonymous subject (plusieurs responsables craignent que)
# they report a mood, not a statement of a source.
_FEELINGS = frozenset({"fear", "hope"})
# A subject set against the person before by a stressed pronoun (Paul, lui, se tait; Marie,
# elle, …): the topic changes, and an uncued quotation after the sentence is that subject's.
_CONTRASTED = re.compile(r"\s*,\s*(?:lui|elle|eux|elles)\s*,")
# Stressed pronouns read as the subject pronoun of the same person (selon lui → il).
_STRESSED = {"lui": "il", "eux": "ils"}


def attribute(ctx: QuoteContext, candidates: list[Candidate]) -> tuple[list[Quote], list[Speaker]]:
    """Resolve speakers in text order and build the quotes (step 6)."""
    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    last: tuple[str | None, int, int] | None = None  # (speaker, paragraph, end) of the previous quote
    for cand in _without_overlaps(candidates):
        if not ctx.text[cand.start : cand.end].strip(MARKS_AND_SPACE):
            continue  # broken marks around nothing: a quotation is never empty
        paragraph = ctx.paragraph_index(cand.start)
        recent = last[0] if last is not None and paragraph - last[1] <= 2 else None
        speaker: Speaker | None = None
        if cand.how == "phrase" and cand.phrase is not None:
            speaker = _resolve(ctx, cand.phrase, recent, last[2] if last is not None else -1)
            if speaker.entity in ctx.resolver.unnamed and ctx.lexicon.cue_class(cand.cue or "") in _FEELINGS:
                continue  # plusieurs responsables craignent que …: an anonymous mood, not a statement
        elif cand.how == "continue":
            # A person named as the subject just before beats the previous quotation's speaker.
            near = last is not None and _near(ctx, last[1], paragraph)
            speaker = _named_before(ctx, cand, last, near)
            if speaker is None and last is not None and near:
                speaker = Speaker(last[0], -1, -1)
            elif speaker is None and len(ctx.text[cand.start : cand.end].split()) < MIN_UNATTRIBUTED_WORDS:
                continue  # a scare quote standing alone
        previous = last[0] if last is not None and _near(ctx, last[1], paragraph) else None
        speaker = _ranked(ctx, cand, speaker, previous)
        entity = speaker.entity if speaker is not None else None
        mention = None
        if speaker is not None and speaker.start >= 0:
            mention = Span(speaker.start, speaker.end, ctx.text[speaker.start : speaker.end])
            speakers.append(speaker)
        date = _date(ctx, cand)
        for start, end in paragraph_pieces(ctx.text, cand.start, cand.end):
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    kind=cand.kind,  # type: ignore[arg-type]
                    text=ctx.text[start:end],
                    start=start,
                    end=end,
                    speaker=entity,
                    speaker_mention=mention,
                    cue=cand.cue,
                    date=date,
                )
            )
        last = (entity, paragraph, cand.end)
    return quotes, speakers


def _named_before(
    ctx: QuoteContext, cand: Candidate, last: tuple[str | None, int, int] | None, near: bool
) -> Speaker | None:
    """Return the person or organisation that the sentence before an uncued quotation names as
    its subject, when named after the previous quotation; None leaves it to the continuation.
    Where a continuation is possible, only a subject of a reporting verb takes over (X a
    répondu. « … »), not one the text merely talks about (Poutine était absent. « … »)."""
    if cand.phrase is None or (last is not None and cand.phrase[0] < last[2]):
        return None
    if (
        near
        and cand.anchor is None
        and not _CONTRASTED.match(ctx.text, cand.phrase[1])
        and not _named_in_new_paragraph(ctx, cand, last)
    ):
        return None  # X, lui, regarde …: the stressed pronoun sets X against the speaker before
    recent = last[0] if last is not None else None
    speaker = _resolve(ctx, cand.phrase, recent, last[2] if last is not None else -1)
    entity = ctx.resolver.entity(speaker.entity)
    if entity is None or entity.type not in ("PER", "ORG") or entity.group:
        return None
    return speaker


def _named_in_new_paragraph(
    ctx: QuoteContext, cand: Candidate, last: tuple[str | None, int, int] | None
) -> bool:
    """Return True when the subject before an uncued quotation is a name in the quotation's
    own paragraph and the previous quotation lies in an earlier one: a paragraph that opens by
    naming someone turns to that person (« … », a dit X. ¶ Invitée à conclure, Y s'est
    levée. « … »: Y's), where a paragraph opening on the quotation continues X."""
    if cand.phrase is None or last is None:
        return False
    paragraph = ctx.paragraph_index(cand.start)
    if last[1] >= paragraph or ctx.paragraph_index(cand.phrase[0]) != paragraph:
        return False
    start, end = cand.phrase
    return any(
        m.kind == "name" and entity.type in ("PER", "ORG") and entity.id != last[0]
        for _s, _e, m, entity in ctx.resolver.mentions_in(start, end)
    )


def _ranked(
    ctx: QuoteContext, cand: Candidate, speaker: Speaker | None, previous: str | None
) -> Speaker | None:
    """Return the rules' speaker, or where they found none the ranker's choice among the
    candidates near the quotation (None when no candidate is plausible). With a collector
    set (training), record every quotation's candidates and the rules' choice."""
    ruled = speaker.entity if speaker is not None else None
    if ruled is not None and ctx.collect is None:
        return speaker
    scored = speaker_candidates(ctx, cand, previous)
    if ctx.collect is not None:
        ctx.collect.append((cand.start, cand.end, ruled, scored, rule_basis(ctx, speaker)))
    if ruled is not None:
        return speaker
    chosen = load_ranker().choose(scored)
    if chosen is None:
        return speaker
    if speaker is not None and speaker.start >= 0:
        return Speaker(chosen, speaker.start, speaker.end, pronoun=speaker.pronoun)
    return Speaker(chosen, -1, -1)


def _near(ctx: QuoteContext, last_paragraph: int, paragraph: int) -> bool:
    """Return True when no more than one paragraph (headings aside) lies between."""
    between = [p for p in range(last_paragraph + 1, paragraph) if not ctx.paragraphs[p][2]]
    return len(between) < _CONTINUATION_PARAGRAPHS


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one candidate where several overlap: marked quotations first, then a que-clause,
    then selon, then a closing incise (the sentence before …, a déclaré X)."""

    def rank(cand: Candidate) -> int:
        if cand.kind != "indirect":
            return 0
        if cand.cue == "selon":
            return 3
        return 2 if cand.anchor is not None and cand.anchor >= cand.end else 1

    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (rank(c), c.start)):
        if not any(k.start < cand.end and cand.start < k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _resolve(ctx: QuoteContext, phrase: tuple[int, int], recent: str | None, recent_end: int) -> Speaker:
    start, end = phrase
    word = ctx.text[start:end].strip().lower()
    word = _STRESSED.get(word, word)  # selon lui, d'après eux
    if word in SUBJECT_PRONOUNS:
        return ctx.resolver.resolve_pronoun(start, end, word, recent, recent_end)
    plural = possessive_work(word, ctx.lexicon.word_class("work"))
    if plural is not None:  # selon ses travaux: the possessor, as a pronoun of any gender
        return Speaker(ctx.resolver.possessor(start, plural, recent, recent_end), start, end)
    speaker = ctx.resolver.resolve_phrase(start, end)
    if speaker.entity is None and recent is not None:
        # Sa partenaire nigérienne a insisté : « … » right after the German minister's quotation
        other = ctx.resolver.counterpart(start, end, recent)
        if other is not None:
            return Speaker(other, start, end)
    return speaker


def _date(ctx: QuoteContext, cand: Candidate) -> str | None:
    """Return when the statement was made: the date of the time expression attached to the
    cue's clause, else the article date."""

    if cand.anchor is not None:
        value = attached_date(ctx.doc, ctx.parsed, ctx.token_at(cand.anchor))
        if value:
            return value
    return ctx.doc.article.date
