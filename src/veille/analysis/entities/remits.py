"""Tell a title's remit from a name: the domain a commissioner, a deputy or an alderman holds.

Beside the minister's portfolio (*le ministre de la Justice*, portfolio_spans.portfolio_head), the
press capitalises the remit of other titles: *la commissaire à l'Énergie*, *le commissaire
européen au Commerce*, *l'adjointe à la Culture*, *le ministre délégué aux Transports*,
*l'échevine des Finances*. The model tags the remit LOC or ORG; it is the title's
complement, and the resolve stage reads the title. The heads are the table
``remit_heads`` of entity_rules.json, with their sources.

Only a common noun is a remit (*Commerce*, *Énergie*, *Finances*): *l'échevin de Liège*, *le
commissaire du Louvre* or *le délégué au Japon* keep their names; a country never is one.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.nouns import is_common_word
from veille.analysis.lang.fr.words import ARTICLES, TO
from veille.analysis.syntax.view import token_view

_CONTRACTED_OF = frozenset({"du", "des"})  # de + the article: a remit's complement
_BARE_OF = frozenset({"de", "d'", "d’"})  # needs the article after it (de la Culture)
_MODIFIERS = 2  # lower-case words between the title and its remit: européen, délégué


@cache
def remit_heads() -> dict[str, str]:
    """Return the titles that take a remit -> the prepositions they take it with ('à' or 'de')."""
    return dict(tables.read_json("entity_rules.json")["remit_heads"])


def after_remit_title(doc: Doc, start: int) -> bool:
    """Tell whether the span at ``start`` is the remit of a title before it (la commissaire
    à | l'Énergie, l'échevine des | Finances)."""
    view = token_view(doc)
    if view.lower[start] in TO | _CONTRACTED_OF and start + 1 < len(doc):
        start += 1  # the model's span holds the preposition: au Commerce, tagged MISC
    word = view.lower[start]
    if not is_common_word(word) or countries.country_code(view.text[start]) is not None:
        return False
    i = start - 1
    article = i >= 0 and view.lower[i] in ARTICLES
    if article:
        i -= 1
    if i < 0:
        return False
    if view.lower[i] in TO:
        kind = "à"
    elif view.lower[i] in _CONTRACTED_OF or (article and view.lower[i] in _BARE_OF):
        kind = "de"
    else:
        return False
    i -= 1
    for _ in range(_MODIFIERS):  # le commissaire européen au, la ministre déléguée aux
        if i > 0 and view.lower[i] not in remit_heads() and _modifier(doc, i):
            i -= 1
    taken = remit_heads().get(view.lower[i]) if i >= 0 else None
    return taken is not None and (kind == "à" or taken == "de")


def _modifier(doc: Doc, i: int) -> bool:
    """Tell whether token i is a lower-case adjective or participle after a title (européen,
    délégué, chargée)."""
    view = token_view(doc)
    if not view.text[i].islower():
        return False
    return view.pos[i] in ("ADJ", "VERB") or countries.demonym(view.text[i]) is not None


def place_after(doc: Doc, start: int, end: int) -> int | None:
    """Return where the place after a remit starts inside the span (Finances d' | Ostende,
    the model's one span for the remit and the town the title serves), or None."""
    view = token_view(doc)
    for k in range(start + 1, end - 1):
        if view.lower[k] in _BARE_OF | _CONTRACTED_OF and view.text[k + 1][:1].isupper():
            return k + 1
    return None
