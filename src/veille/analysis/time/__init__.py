"""Time: when.

The ``time`` stage (stage.py) finds French time expressions (detect.py, over the table
``lang/fr/data/time_fr.json``) and resolves them to TIMEX3 values against the article
date (resolve.py, calendar.py), reading the tense of their clause through the syntax
layer. Writes ``Document.timexes``; ``attach.attached_date`` gives other stages the date of
a clause.
"""
