"""Events: who did what to whom (PLOVER).

The ``events`` stage (stage.py) reads the resolved entities, the time expressions, the
quotes and the amounts. It finds trigger words (the table ``lang/fr/data/plover_triggers.tsv``),
reads actor, recipient and place from the parse (roles.py, spans.py) and modality and
negation through the syntax layer. Writes ``Document.events``.
"""
