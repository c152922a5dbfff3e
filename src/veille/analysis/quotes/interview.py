"""Find the answers of an interview transcript: direct quotations of the interviewee.

Three layouts are read:
1. *Q : … / R : …* paragraphs (also *Question : / Réponse :*);
2. questions and answers as paragraphs of their own, the way a web page prints an interview
   whose questions were in bold, or opened by a dialogue dash (*— Comment … ? / — Nous …*):
   a paragraph that is one question to *vous* and the paragraphs after it until the next
   question. Only when the article asks at least two such questions and its answers speak
   in the first person (an explainer's subheads, *Faut-il s'inquiéter ?*, are answered in
   the third person);
3. an answer opened by the interviewee's name and a colon (*Lucie Ferrand : Nous …*).
The answers are the interviewee's: the person named in the answer's opening, else the one
person the paragraph before the first question names (the introduction), else the first
person the article names before the answers.
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext

_QUESTION = re.compile(r"(?:Q|Question)\s*[:.–—-]\s")
_ANSWER = re.compile(r"(?:R|Réponse)\s*[:.–—-]\s*")
# A dialogue dash opening a question or an answer.
_DASH = re.compile(r"[—–-]\s+")
# A question put to the interviewee, and first-person words of an answer.
_TO_YOU = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?:^|\W)(?:je|j['’]|nous|me|m['’]|moi|mon|ma|mes|notre|nos)\b", re.IGNORECASE)
_MARKS = '«»“”"'
# A question paragraph has at most this many words.
_QUESTION_WORDS = 60
# At least this many questions make an interview of bare paragraphs.
_MIN_QUESTIONS = 2


def find_interview(ctx: QuoteContext) -> list[Candidate]:
    """Return the answers of an interview transcript as direct quotations."""
    paragraphs = [(s, e) for s, e, heading in ctx.paragraphs if not heading and e > s]
    if any(_QUESTION.match(ctx.text, s) for s, _e in paragraphs):
        answers = [
            (match.end(), e)
            for s, e in paragraphs
            if (match := _ANSWER.match(ctx.text, s)) is not None and match.end() < e
        ]
    else:
        answers = _bare_answers(ctx, paragraphs)
    if not answers:
        return []
    guest = _introduced(ctx, paragraphs, answers[0][0])
    return [_answer(ctx, start, end, guest) for start, end in answers]


def _introduced(ctx: QuoteContext, paragraphs: list[tuple[int, int]], first: int) -> tuple[int, int] | None:
    """Return the one person the paragraph before the first question names (Nous avons
    interrogé le docteur X, urgentiste.), else None: the interviewee an article introduces
    right before the transcript."""
    before = [(s, e) for s, e in paragraphs if e < first]
    if len(before) < 2:
        return None
    start, end = before[-2]  # before[-1] is the first question
    people = {
        (s, e): entity.id
        for s, e, mention, entity in ctx.resolver.mentions_in(start, end)
        if entity.type == "PER" and mention.kind == "name"
    }
    return next(iter(people)) if len(set(people.values())) == 1 else None


def _bare_answers(ctx: QuoteContext, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the answer spans of an interview printed as bare or dashed paragraphs."""
    questions = [i for i, (s, e) in enumerate(paragraphs) if _is_question(ctx.text[s:e])]
    if len(questions) < _MIN_QUESTIONS or not any(
        _TO_YOU.search(ctx.text[slice(*paragraphs[i])]) for i in questions
    ):
        return []
    answers: list[tuple[int, int]] = []
    for n, q in enumerate(questions):
        stop = questions[n + 1] if n + 1 < len(questions) else len(paragraphs)
        for i in range(q + 1, stop):
            start, end = paragraphs[i]
            body = ctx.text[start:end]
            if body.lstrip()[:1] in _MARKS or (
                i > q + 1 and (not _FIRST_PERSON.search(body) or any(m in body for m in _MARKS))
            ):
                break  # a quotation of its own, or the article's narrative again (it quotes in marks)
            dash = _DASH.match(body)
            answers.append((start + (dash.end() if dash else 0), end))
    spoken = sum(1 for s, e in answers if _FIRST_PERSON.search(ctx.text[s:e]))
    return answers if answers and spoken * 2 >= len(answers) else []


def _is_question(body: str) -> bool:
    """Return True for a paragraph that is a question of the interviewer."""
    stripped = body.strip()
    if not stripped.endswith("?") or stripped[:1] in _MARKS or len(stripped.split()) > _QUESTION_WORDS:
        return False
    return not re.search(r"[.!]\s", stripped.rstrip("?"))  # one question, not a paragraph ending in one


def _answer(ctx: QuoteContext, start: int, end: int, guest: tuple[int, int] | None) -> Candidate:
    """Return the quotation of one answer, attributed to the name that opens it (Lucie
    Ferrand : …), else to the person introduced right before the questions, else to the
    first person named before it."""
    for s, e, mention, entity in ctx.resolver.mentions_in(start, start + 80):
        if s == start and entity.type == "PER" and mention.kind == "name":
            colon = re.match(r"\s*:\s*", ctx.text[e:end])
            if colon is not None:
                return Candidate("direct", e + colon.end(), end, None, "phrase", (s, e))
        break
    person = guest or next(
        (
            (s, e)
            for s, e, mention, entity in ctx.resolver.mentions
            if entity.type == "PER" and mention.kind == "name" and e <= start
        ),
        None,
    )
    how = "phrase" if person is not None else "none"
    return Candidate("direct", start, end, None, how, person)
