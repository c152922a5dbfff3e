"""Tell a family named by its surname from a person of that name.

*L'avocate de la famille Haddou*, *les époux Thénardier*, *les frères Lumière*, *le clan
Kennedy*: after a noun of a family or of a set of its members, a surname names the group.
The French model tags it as a person, who then takes the description around it
(*l'avocate de la famille*) or a quote meant for someone else, and counts as a person the
article never names. The surname becomes a group (MISC), which the resolve stage neither
merges into a member of the family (*Karim Haddou*, *Inès Haddou*) nor gives a role.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import NAME_PARTICLES
from veille.analysis.syntax.view import token_view


@cache
def family_nouns() -> frozenset[str]:
    """Return the family nouns of ``entity_rules.json`` (famille, époux, frères)."""
    return frozenset(tables.read_json("entity_rules.json")["family_nouns"])


def family_name(doc: Doc, start: int) -> bool:
    """Tell whether the name at ``start`` follows a family noun written in lower case
    (la famille | Haddou), as no one person's name does."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    particle = tokens[start - 1] if start > 1 else None
    if particle is not None and particle.text[:1].isupper() and particle.lower_ in NAME_PARTICLES:
        start -= 1  # la famille Le | Goff: the entity stage took Le for an article
    if start == 0:
        return False
    before = tokens[start - 1].text
    return before.islower() and before in family_nouns()
