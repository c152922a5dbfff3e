"""Syntax: what every stage reads off the parse, read one way.

- clauses.py: a verb's own clause, its verbal complex, the verbs it borrows a subject from,
  and the verb that governs a word.
- tense.py: direction in time (past, present, future), modality (asserted, planned,
  hypothetical) and negation of a clause, with the future and conditional forms the
  tagger misses.
- memo.py: a question about a token (a verb's subject, the verb governing a word) answered
  once per document, kept with the reader that answers or with the token view.
- mentions.py: the entity mention covering an offset, or within a range.
- sentences.py: sentence bounds that quotation marks and the parser's splits do not break,
  the token at an offset, and one sentence index that answers ``token.sent`` for every stage.
- view.py: the parse's tokens and their strings (text, lower, lemma, tag, offsets) read once
  per article and shared by the stages' whole-document scans.

The French words these readers need (auxiliaries, negations, future governors) come from
``lang/fr``; nothing here holds a word list of its own.
"""
