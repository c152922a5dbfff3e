"""Read the role nouns of ``data/roles.tsv`` (président, cheffe de l'État, locataire de
l'Élysée) with their gender, synonym class, the classes they cover and the country a
periphrasis names, and match them at a token.

Reads the table once per process and the words of a parse off the shared token view, because
every step that looks for a title (``roles.py``'s phrases, the resolve stage, the entity
finder, the event stage's parties) asks whether a role noun starts at a word; it knows
nothing of phrases or entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr import tables
from veille.analysis.syntax.view import token_view
from veille.model import Gender
from veille.normal import fold


@lru_cache(maxsize=1 << 16)  # pure, asked for every word of every article by several steps
def role_key(word: str) -> str:
    """Return the key a word is matched by in the role table: folded (État = Etat, l’ = l')
    and without a leading ex- (l'ex-présidente reads as présidente)."""
    key = fold(word)
    return key[3:] if key.startswith("ex-") and len(key) > 3 else key


@dataclass(frozen=True)
class RoleWord:
    words: tuple[str, ...]  # lower-cased, as tokens: ("chef", "de", "l'", "état")
    gender: Gender | None
    cls: str
    covers: frozenset[str] = frozenset()  # classes a generic noun also describes (élu: mayor…)
    country: str | None = None  # the country a periphrasis names (locataire de l'Élysée: FRA)


@dataclass(frozen=True)
class RoleLexicon:
    """Role nouns by their first word, longest first."""

    by_first: dict[str, tuple[RoleWord, ...]]

    def starts(self, token: Token) -> bool:
        """Tell whether a role noun can start at this token."""
        return role_key(token.text) in self.by_first

    def starts_word(self, text: str) -> bool:
        """Tell whether a role noun can start at a token of this text (``starts`` for a
        scan that reads the words off the shared token view)."""
        return role_key(text) in self.by_first

    def start_positions(self, doc: Doc) -> list[int]:
        """Return the indexes of the tokens a role noun can start at (``starts_word``), in
        order: read once per parse and shared by the steps that scan for titles (read only)."""
        by_first = self.by_first
        # Keyed by the table too (a test may read another one over the same parse); the entry
        # holds the table, so no other table can take its id while the view lives.
        _table, starts = token_view(doc).derived(
            f"rolenouns.starts.{id(by_first)}",
            lambda view: (by_first, [i for i, text in enumerate(view.text) if role_key(text) in by_first]),
        )
        return starts

    def match(self, doc: Doc, i: int, plural: bool = False) -> RoleWord | None:
        """Return the longest role noun that starts at token i (with ``plural``, also one
        whose first word is in the plural: les présidents de la République)."""
        texts = token_view(doc).text  # the words off the view: no Token made for them
        key = role_key(texts[i])
        if plural and key not in self.by_first and key.endswith(("s", "x")):
            key = key[:-1]
        size = len(texts)
        for role in self.by_first.get(key, ()):
            words = role.words  # words[0] is key: the table is keyed by it
            n = len(words)
            if i + n > size:
                continue
            k = 1
            while k < n and fold(texts[i + k]) == words[k]:
                k += 1
            if k == n:
                return role
        return None


@cache
def load_roles() -> RoleLexicon:
    """Read ``data/roles.tsv`` once per process."""
    by_first: dict[str, list[RoleWord]] = {}
    for _n, row in tables.read_rows("roles.tsv"):
        word, gender, cls, *rest = row
        # Tokens as spaCy cuts them: chef de l'État → chef, de, l', état.
        words = tuple(fold(w) for w in word.replace("'", "' ").split())
        covers = frozenset(rest[0].split(",")) if rest and rest[0] else frozenset()
        country = rest[1] if len(rest) > 1 and rest[1] else None
        role = RoleWord(words, None if gender == "-" else gender, cls, covers, country)  # type: ignore[arg-type]
        by_first.setdefault(words[0], []).append(role)
    return RoleLexicon({k: tuple(sorted(v, key=lambda r: -len(r.words))) for k, v in by_first.items()})


# Assemblies whose president is elected (French local government: conseil régional,
# départemental, municipal; métropoles and communautés; the two chambers; and the Swiss
# commune, whose executive is chaired by its président de la commune, elected by the
# citizens: Valais, loi sur les communes, art. 27; Fribourg, loi sur les communes, art. 58).
_ASSEMBLIES = frozenset(
    "region departement conseil metropole communaute agglomeration assemblee senat commune".split()
)


def elected_leader(description: str, title: str, complement: str | None) -> bool:
    """Tell whether a description of class ``elected`` (l'élue socialiste) names the holder
    of a ``leader`` title over an elected assembly (la présidente de la région Occitanie),
    which the covers column of roles.tsv cannot list: most presidents are not elected."""
    words = (complement or "").split()
    return description == "elected" and title == "leader" and bool(words) and words[0] in _ASSEMBLIES
