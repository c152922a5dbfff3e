"""Find title phrases: the role before a name (le président russe Vladimir Poutine) and
definite descriptions that stand for a person later (le dirigeant russe).

This module reads words only; which entity a phrase belongs to is the resolve stage's
business. Role nouns and their synonym classes are in ``data/roles.tsv``, read by
``rolenouns.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from veille.analysis.entities.ages import age_complement_end
from veille.analysis.entities.rolenouns import RoleLexicon, RoleWord, load_roles, role_key
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.nouns import is_common_word
from veille.analysis.lang.fr.words import (
    ADVERBIAL_CLITICS,
    ARTICLES,
    CONTRACTED,
    DEFINITE,
    NE,
    OF,
    POSSESSIVES,
    REFLEXIVE_CLITICS,
    TO,
)
from veille.analysis.syntax.view import token_view
from veille.model import Gender
from veille.normal import fold

_THIS = frozenset({"ce", "cet", "cette"})  # a demonstrative refers back as a definite does (cette élue)
_DETERMINERS = DEFINITE | _THIS | {"un", "une", "son", "sa", "leur"}
_LINKS = OF | TO | {"pour", "en", "chez"}
# Adjectives that go before a role noun without changing the role (le principal négociateur).
_MODIFIERS = frozenset(
    "principal principale ancien ancienne actuel actuelle nouveau nouvelle futur future haut haute "
    "puissant puissante influent influente".split()
)
_STOPWORDS = frozenset({"et", "ou", "que", "qui", "dont", "où", "mais", "selon", "a", "ont", "est", "sont"})
_MAX_WORDS = 14
# Participles that belong to a title (le secrétaire d'État chargé du Numérique, la ministre
# déléguée aux Sports): the model reads them as verbs.
_IN_TITLES = frozenset("chargé chargée chargés chargées délégué déléguée délégués déléguées".split())


@dataclass(frozen=True)
class TitlePhrase:
    """A role phrase: ``[det] [modifiers] ROLE [demonym] [complement]`` over tokens."""

    start: int  # first token of the phrase (the determiner when there is one)
    end: int  # exclusive
    head: int  # first token of the role noun
    role: RoleWord
    country: str | None  # ISO3 from the demonym after the role noun
    demonym: int | None  # token index of that demonym
    complement: int  # first token after the role noun and its demonym (== end if none)
    gender: Gender | None
    loose: bool = False  # an apposition with a comma (…, Andrii Sybiha)
    definite: bool = True
    possessive: bool = False  # son avocat, leur entraîneur: definite in meaning, not in form

    def chars(self, parsed: Doc) -> tuple[int, int]:
        """Return the phrase's characters; 'du président russe' gives 'président russe', and
        an age complement is part of it (le milieu de terrain de 27 ans)."""
        view = token_view(parsed)  # offsets and words off the columns: no Token made
        idx = view.idx
        start = idx[self.start]
        if view.lower[self.start] in ("du", "au"):
            start = idx[self.start + 1]
        last = age_complement_end(parsed, self.end) - 1
        return start, idx[last] + len(view.text[last])


# The doctors', professors' and bishops' titles of address take an article in an apposition
# (la directrice de l'agence, la Dre X); the others do not (M. X, Mme X, Me X).
_ADDRESS_WITH_ARTICLE = frozenset({"Dr", "Dre", "Pr", "Mgr"})


@cache
def address_titles() -> frozenset[str]:
    """The titles of address said before a name: entity_rules.json's honorifics."""
    return frozenset(tables.read_json("entity_rules.json")["honorifics"])


def title_before(doc: Doc, name_start: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title phrase right before a name (le président russe Vladimir Poutine;
    Le ministre ukrainien des Affaires étrangères, Andrii Sybiha), or None."""
    view = token_view(doc)  # the walk reads words and tags off the columns: no Token made
    text = view.text
    k = name_start - 1
    loose = False
    if k >= 0 and text[k] in address_titles():
        k -= 1
        if k >= 0 and view.lower[k] in ("le", "la") and text[k + 1] in _ADDRESS_WITH_ARTICLE:
            k -= 1  # la directrice de l'agence, la Dre X: the title of address has its article
    # A dash opens an apposition as a comma does (Le ministre de la Défense – le général X –).
    if k >= 0 and text[k] in (",", "–", "—"):
        loose, k = True, k - 1
    last = k
    heads: list[tuple[int, RoleWord]] = []
    sentence_start = _true_sentence_start(doc, name_start)
    while (
        k >= sentence_start
        and last - k < _MAX_WORDS
        and (_allowed(doc, k) or _joins_complements(doc, k) or _glued_hyphen(doc, k) or _label(doc, k))
    ):
        if _label(doc, k):
            k -= 3  # a party's label in brackets inside the title (la députée (LFI) de l'Aude, X)
            continue
        role = lexicon.match(doc, k) or _partitive(doc, k, lexicon)
        if role is not None and k + len(role.words) - 1 <= last and not _epithet(doc, k):
            heads.append((k, role))
        k -= 1
    if not heads or view.pos[last] in ("DET", "ADP"):
        return None  # 'le président de la Commission européenne' is not a title of a person
    # A role noun inside a longer one is not a head of its own (le premier secrétaire du
    # PS: secrétaire is part of premier secrétaire).
    heads = [
        (k, role)
        for k, role in heads
        if not any(j < k < j + len(other.words) for j, other in heads if other is not role)
    ]
    # A comma apposition describes the whole noun phrase: its first role noun
    # (le conseiller du président russe, Yuri Ushakov). Without a comma the title is the
    # one glued to the name (l'envoyé du président américain Donald Trump → président).
    head, role = heads[-1] if loose else heads[0]
    return _phrase(doc, _coordinated(doc, head, lexicon), role, last + 1, loose, head)


_TERMINAL = frozenset({".", "!", "?", "…", ";", ":", "»", "”", '"'})


def _partitive(doc: Doc, k: int, lexicon: RoleLexicon) -> RoleWord | None:
    """Return the role of a plural noun in a partitive before a name (l'un de ses
    journalistes, Amar X; une des avocates, Y): one of them is that person's title."""
    texts = token_view(doc).text  # the words off the columns: no Token made
    text = fold(texts[k])
    if not text.endswith("s") or k < 2:
        return None
    words = [fold(word) for word in texts[max(k - 3, 0) : k]]
    one = ("un", "une")
    of_theirs = len(words) == 3 and words[2] in POSSESSIVES and words[1] in ("de", "d'") and words[0] in one
    of_the = words[-1] == "des" and words[-2] in one
    if not (of_theirs or of_the):
        return None
    roles = [r for r in lexicon.by_first.get(role_key(text[:-1]), ()) if len(r.words) == 1]
    return roles[0] if roles else None


def _label(doc: Doc, k: int) -> bool:
    """Tell whether token k closes a one-word label in brackets, (LFI) or (PS)."""
    text = token_view(doc).text  # asked at every word of a title's walk: no Token made
    return text[k] == ")" and k >= 2 and text[k - 2] == "(" and text[k - 1][:1].isupper()


def _true_sentence_start(doc: Doc, i: int) -> int:
    """Return where token i's sentence starts, across a split the parser made without a
    stop (Le ministre de l'Intérieur | Gérald X a dit: the title stays with the name)."""
    view = token_view(doc)  # sentences, spaces and words off the view: no Token made
    sentences, numbers, text, is_space = view.sentences, view.sentence_numbers, view.text, view.is_space
    start = sentences[numbers[i]].start
    while start > 0 and not is_space[start - 1] and text[start - 1] not in _TERMINAL:
        start = sentences[numbers[start - 1]].start
    return start


def _joins_complements(doc: Doc, k: int) -> bool:
    """Tell whether token k is the 'et' or the comma of two named complements of one title
    (ministre de la Ville et du Logement; ministre de l'Agriculture, de la Pêche et de
    l'Alimentation), or an 'et' whose second complement keeps only its article
    (secrétaire d'État à l'Asile et la Migration)."""
    view = token_view(doc)  # asked at every word of a title's walk: no Token made
    lower, text = view.lower, view.text
    if not (lower[k] in ("et", ",") and 0 < k < len(lower) - 2 and text[k - 1][:1].isupper()):
        return False
    after, then = k + 1, k + 2
    if lower[after] in OF:
        return text[then][:1].isupper() or lower[then] in ARTICLES
    return (
        lower[k] == "et"
        and fold(text[after]) in ARTICLES
        and text[then][:1].isupper()
        and is_common_word(lower[then])  # a remit, not a place (le maire de Lyon et la Bretagne)
    )


def _epithet(doc: Doc, k: int) -> bool:
    """Tell whether a role word is an adjective on the noun before it (le chef militaire,
    le directeur sportif), not a role noun of its own."""
    pos = token_view(doc).pos  # the tags off the columns: no Token made
    return pos[k] == "ADJ" and k > 0 and pos[k - 1] == "NOUN"


def _coordinated(doc: Doc, head: int, lexicon: RoleLexicon) -> int:
    """Return where a coordination of roles starts (le journaliste et écrivain Marc Lenoir:
    the phrase starts at journaliste), or head."""
    k = head
    lower = token_view(doc).lower
    while k >= 2 and lower[k - 1] == "et":
        # The leftmost role noun that reaches the 'et', perhaps with a qualifier (le
        # secrétaire général adjoint et numéro deux de X: not adjoint alone).
        before = next((j for j in range(max(k - 5, 0), k - 1) if _reaches(doc, j, k - 1, lexicon)), None)
        if before is None:
            break
        k = before
    return k


def _reaches(doc: Doc, j: int, et: int, lexicon: RoleLexicon) -> bool:
    """Tell whether a role noun at token j ends right before token ``et``, perhaps with a
    qualifier after it."""
    role = lexicon.match(doc, j)
    if role is None:
        return False
    stop = j + len(role.words)
    return stop == et or (stop + 1 == et and _qualifier(doc[stop]))


def title_after(doc: Doc, name_end: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title in a comma apposition after a name (Bruno Le Maire, le ministre de
    l'Economie), or None."""
    view = token_view(doc)  # words and flags off the columns: no Token made for them
    text, lower = view.text, view.lower
    comma = name_end + 1
    # A party's label in brackets after the name (Michel Dupré (LR), maire de Troyes).
    if comma + 3 < len(doc) and text[comma] == "(" and _label(doc, comma + 2):
        comma += 3
    if comma + 1 >= len(doc) or text[comma] != ",":
        return None
    # An age between the name and its title (Jean Kerbrat, 52 ans, maire de Plouguerneau).
    if comma + 3 < len(doc) and view.like_num[comma + 1] and lower[comma + 2] == "ans":
        if text[comma + 3] == ",":
            comma += 3
    # With an article or a possessive the title is also a description (…, le maire de
    # Lège-Cap-Ferret; …, son avocat); without one it is a role only (…, chargée de
    # communication au Comité).
    opener = fold(text[comma + 1]) if comma + 1 < len(doc) else ""
    i = comma + 2 if opener in DEFINITE or opener in ("son", "sa", "leur") else comma + 1
    # One of several (…, l'une des avocates des familles): the plural noun's role, no description.
    partitive = i + 2 < len(doc) and lower[i] in ("un", "une") and lower[i + 1] in ("des", "de")
    if partitive:
        i += 2
        if fold(text[i]) in POSSESSIVES:
            i += 1
    # An indefinite apposition (Inès Margot, une lycéenne de 17 ans): a role, no description.
    indefinite = not partitive and i == comma + 1 and opener in ("un", "une")
    i += indefinite
    while i < len(doc) and lower[i] in _MODIFIERS:
        i += 1
    if i >= len(doc) or view.sentence_numbers[i] != view.sentence_numbers[name_end]:
        return None
    phrase = description_at(doc, i, lexicon, definite_only=False, plural=partitive)
    if phrase is None or _clause_follows(doc, phrase.end):
        return None  # 'Chirac, le chef de l'État ne dispose pas…': the subject of a new clause
    if partitive or indefinite:
        phrase = TitlePhrase(**{**phrase.__dict__, "definite": False, "possessive": False})
    return TitlePhrase(**{**phrase.__dict__, "loose": True})


def _clause_follows(doc: Doc, i: int) -> bool:
    """Tell whether a verb follows a phrase straight away (ne, n', a pronoun clitic aside):
    an apposition ends at a comma or a stop; a subject runs into its verb."""
    clitics = NE | REFLEXIVE_CLITICS | ADVERBIAL_CLITICS
    view = token_view(doc)  # words and tags off the columns: no Token made
    text = view.text
    while i < len(text) and fold(text[i]) in clitics:
        i += 1
    return i < len(text) and view.pos[i] in ("VERB", "AUX")


def description_at(
    doc: Doc, i: int, lexicon: RoleLexicon, definite_only: bool = True, plural: bool = False
) -> TitlePhrase | None:
    """Return a definite description that starts its role noun at token i
    (le dirigeant russe, le ministre de l'Economie), or None."""
    role = lexicon.match(doc, i, plural=plural)
    if role is None:
        return None
    end = i + len(role.words)
    text = token_view(doc).text  # the words off the view: no Token made for them
    if end < len(doc) and countries.demonym(text[end]) and text[end][:1].islower():
        end += 1
    elif end < len(doc) and _qualifier(doc[end]):
        end += 1  # l'ex-président démocrate, le ministre sortant
        if end < len(doc) and countries.demonym(text[end]) and text[end][:1].islower():
            end += 1
    end = _complement_end(doc, end)
    phrase = _phrase(doc, i, role, end, loose=False)
    return phrase if phrase.definite or not definite_only else None


def noun_phrase_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """Return the definite noun phrase that ends right before token i, as token indexes
    (le commandement militaire américain pour le Moyen-Orient | (Centcom)), or None."""
    view = token_view(doc)  # words and tags off the columns: no Token made
    k = i - 1
    start = None
    while k >= 0 and i - k <= _MAX_WORDS and _allowed(doc, k):
        if view.lower[k] in DEFINITE and k + 1 < i and view.text[k + 1][:1].islower():
            start = k  # keep going: the outermost phrase wins
        k -= 1
    return (start, i) if start is not None and i - start >= 2 else None


def _phrase(
    doc: Doc, head: int, role: RoleWord, end: int, loose: bool, noun: int | None = None
) -> TitlePhrase:
    """Build the phrase of a role noun at token ``noun`` (default: head), its determiner and
    modifiers found before ``head`` (the first noun of a coordination)."""
    start = head
    head = head if noun is None else noun
    view = token_view(doc)  # the words off the view's columns: no Token made for them
    lower, text = view.lower, view.text
    while start - 1 >= 0 and (lower[start - 1] in _MODIFIERS or _epithet_before(doc, start - 1)):
        start -= 1
    det = fold(text[start - 1]) if start - 1 >= 0 else ""
    definite = det in DEFINITE or det in CONTRACTED or det in _THIS
    if det in _DETERMINERS:
        start -= 1
    after = head + len(role.words)
    country = None
    demonym_at = None
    # A qualifier is no complement (l'édile socialiste, le ministre sortant): it keeps the
    # role's holder, where a complement (de Nantes) names which one.
    if after < end and _qualifier(doc[after]) and not _joins_complements(doc, after + 1):
        after += 1
    if after < end:
        demonym = countries.demonym(text[after])
        if demonym is not None and text[after][:1].islower():
            country, demonym_at = demonym.iso3, after
            after += 1
    return TitlePhrase(
        start=start,
        end=end,
        head=head,
        role=role,
        country=country or role.country,
        demonym=demonym_at,
        complement=after,
        gender=_gender(doc, det, role, demonym_at),
        loose=loose,
        definite=definite,
        possessive=det in ("son", "sa", "leur"),  # ses, leurs: one of several (l'un de ses…)
    )


def _epithet_before(doc: Doc, k: int) -> bool:
    """Tell whether token k is an adjective between a determiner and a role noun (le
    turbulent | locataire de la Maison Blanche, l'influente | ministre)."""
    view = token_view(doc)  # tags and words off the columns: no Token made for them
    text = view.text
    return (
        k >= 1
        and view.pos[k] in ("ADJ", "NOUN")  # the model reads some epithets as nouns (turbulent)
        and text[k][:1].islower()
        and fold(text[k - 1]) in _DETERMINERS
        and role_key(text[k]) not in load_roles().by_first
        and countries.demonym(text[k]) is None
    )


def _gender(doc: Doc, det: str, role: RoleWord, demonym_at: int | None) -> Gender | None:
    """Gender from the determiner (la ministre), the noun (présidente) or the demonym
    (finlandaise); l' and ministre alone say nothing."""
    if det in ("la", "une", "sa", "cette"):
        return "f"
    if det in ("le", "un", "du", "au", "ce", "cet"):
        return "m"
    if det == "son" and role.words[0][:1] not in "aeéèêiîoôuh":
        return "m"  # son avocate: 'son' before a vowel says nothing
    if role.gender is not None:
        return role.gender
    if demonym_at is not None:
        demonym = countries.demonym(doc[demonym_at].text)
        if demonym is not None:
            return demonym.gender
    return None


def _qualifier(token: Token) -> bool:
    """Tell whether a word after a role noun qualifies it (démocrate, sortant), not a
    participle that begins a clause (le ministre chargé de…)."""
    return (
        token.pos_ == "ADJ"
        and token.text[:1].islower()
        and not token.text.endswith(("é", "ée", "és", "ées"))
        and countries.demonym(token.text) is None
    )


def _allowed(doc: Doc, k: int) -> bool:
    """Tell whether word k can sit inside a title phrase."""
    view = token_view(doc)  # asked at every word of a title's walk: no Token made
    lower, pos = view.lower[k], view.pos[k]
    # A number word spelled out may open a title (la Première ministre, le numéro deux).
    if view.is_punct[k] or (view.like_num[k] and not view.is_alpha[k]) or lower in _STOPWORDS:
        return False
    if pos in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") and lower not in _IN_TITLES:
        return False
    if pos == "ADP" and lower not in _LINKS:
        return False
    # fold: the typographic l’ is the article l'.
    return not (pos == "DET" and fold(view.text[k]) not in _DETERMINERS | ARTICLES | {"ce", "des"})


def _complement_end(doc: Doc, i: int) -> int:
    """Extend over 'de (la|l') Word Word…' after a role noun (de l'Economie, du PSG)."""
    view = token_view(doc)  # words, tags and punctuation off the columns: no Token made
    lower, text, pos = view.lower, view.text, view.pos
    if i >= len(doc) or lower[i] not in ("de", "du", "des", "d'"):
        return i
    j = i + 1
    if j < len(doc) and lower[j] in ARTICLES and lower[i] in ("de", "d'"):
        j += 1
    k = j
    while k < len(doc) and (
        pos[k] in ("NOUN", "PROPN", "ADJ") or text[k][:1].isupper() or _glued_hyphen(doc, k)
    ):
        if pos[k] in ("VERB", "AUX") or (view.is_punct[k] and not _glued_hyphen(doc, k)):
            break
        capitalised = any(text[t][:1].isupper() for t in range(j, k))
        if capitalised and pos[k] == "NOUN" and text[k][:1].islower():
            break  # a capitalised complement ends before a lower-case noun (de l'Économie | table)
        k += 1
        words = sum(1 for t in range(j, k) if text[t] != "-")
        if words >= 4 and not _glued_hyphen(doc, k):
            break
    if k > j and k < len(doc) and _joins_complements(doc, k):
        return _complement_end(doc, k + 1)  # de la Ville | et du Logement
    return k if k > j else i


def _glued_hyphen(doc: Doc, k: int) -> bool:
    """Tell whether token k is a hyphen inside a word (Lège-Cap-Ferret)."""
    view = token_view(doc)  # asked at every word of a complement's walk: no Token made
    return k < len(doc) and view.text[k] == "-" and k > 0 and not view.spaced[k - 1] and not view.spaced[k]
