"""Entities: who and what the article names.

Three stages, run in this order:
- ``entities`` (find.py) reads spaCy's named entities and fixes what the French model
  gets wrong; writes ``Document.entities`` with one entity per distinct normalised name.
- ``resolve`` (resolve.py, with clusters.py, abbreviations.py, names.py, roles.py,
  rolenouns.py, titles.py, referents.py, categories.py) merges surnames, typos, acronyms,
  aliases, titles and descriptions into the entities they name; rewrites
  ``Document.entities``.
- ``link`` (link.py) links entities to the knowledge base; sets ``kb_id``, country and
  the roles held on the article date.
"""
