"""Quotes: who said what.

The ``quotes`` stage (stage.py) reads the resolved entities and the time expressions,
finds quotations (marks.py: pairing of quotation marks; indirect.py: *a déclaré que*,
*selon X*), finds each one's cue and speaker phrase (context.py, lexicon.py) and resolves
the phrase to an entity (speakers.py, antecedents.py, hints.py). Writes ``Document.quotes``,
and adds the speaker entities and mentions it had to create to ``Document.entities``.
"""
