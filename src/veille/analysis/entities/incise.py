"""Read a title that a relative incise separates from its name (Le préfet de la Manche, qui
avait reçu les élus, Xavier Castaing, …).

The press opens a sentence with a person's title, slips a relative clause in, and only then
gives the name: *Le ministre de l'Intérieur, qui s'exprimait au Sénat, Paul Girard, a
promis …*; *La présidente du conseil régional, qui présidait la séance, Anne Roux, …*. The
apposition reader (``roles.title_before``) stops at the incise's commas. This step looks
past one incise when nothing nearer titles the name:

1. the name follows a comma, and the stretch before it back to the previous comma is one
   relative clause (its first word is a relative pronoun: qui, que, dont, où, lequel …);
2. a title phrase ends right before that clause, as ``title_before`` reads it;
3. the title opens its sentence: the sentence's subject is the title and its name, whereas
   a title inside the sentence (*Il a reçu le maire, qui …, Paul X*) may be anyone's.

A nationality (or a political family) is the other layer the press slips between a title
and its name: *Selon le secrétaire général du Conseil, le Maltais Joseph X, …*; *la
présidente de l'agence, la Suédoise Eva Y*. The demonym noun glued before the name (*le Maltais*, a country of
``countries.tsv``, capitalised, after a definite article) is itself a description of the
person (``referents.merge_demonym_nouns``); the title before its comma is the name's too:

4. the name follows a definite article and a capitalised demonym noun, which follow a comma;
   a compound nationality split at its hyphens by the tokenizer is one noun (*le
   Sénégalo-Turc X*, read by ``countries.demonym``); so is a political family's noun in
   lower case (*le formateur, le socialiste Étienne X*: ``political_families.tsv``);
5. a title phrase ends right before that comma, as ``title_before`` reads it (an apposition).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase, title_before
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import DEFINITE, RELATIVE_PRONOUNS
from veille.normal import fold

_MAX_INCISE = 30  # tokens: an incise is a clause, not a paragraph


def title_before_name(doc: Doc, name_start: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title right before a name, or else the one before a relative incise or
    before a nationality (le secrétaire général du CMC, le Maltais Joseph X)."""
    return (
        title_before(doc, name_start, lexicon)
        or title_across_incise(doc, name_start, lexicon)
        or title_across_nationality(doc, name_start, lexicon)
    )


def title_across_nationality(doc: Doc, name_start: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title before a comma and a demonym noun glued to a name (rules 4 and 5)."""
    noun = _compound_start(doc, name_start - 1)
    article = noun - 1
    if article < 1 or doc[article - 1].text != "," or fold(doc[article].text) not in DEFINITE:
        return None
    label = doc[noun:name_start].text
    nationality = label[:1].isupper() and countries.demonym(label) is not None
    if not nationality and label not in political_families():
        return None
    phrase = title_before(doc, article, lexicon)
    return phrase if phrase is not None and phrase.loose else None


@cache
def political_families() -> frozenset[str]:
    """Return the nouns of ``political_families.tsv``, both genders (socialiste, insoumise)."""
    return frozenset(word for _, cells in tables.read_rows("political_families.tsv", 2) for word in cells)


def _compound_start(doc: Doc, last: int) -> int:
    """Return the first token of a word the tokenizer split at its hyphens (le
    Sénégalo-Turc: Sénégalo - Turc), or ``last`` for a word of one token."""
    k = last
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        k -= 2
    return k


def title_across_incise(doc: Doc, name_start: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title before a relative incise before a name (module rules), or None."""
    comma = name_start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    sentence = doc[name_start].sent.start
    for j in range(comma - 1, max(sentence, comma - _MAX_INCISE), -1):
        if doc[j].text == ",":
            return None  # rule 1: a second comma inside is no single incise
        if fold(doc[j].text) in RELATIVE_PRONOUNS and doc[j - 1].text == ",":
            phrase = title_before(doc, j, lexicon)
            if phrase is None or not phrase.loose:
                return None
            return phrase if _opens_sentence(doc, phrase.start) else None
    return None


def _opens_sentence(doc: Doc, start: int) -> bool:
    """Tell whether a phrase starts its sentence (rule 3), a line break or a stop before it."""
    return start == 0 or doc[start - 1].is_space or doc[start - 1].text in (".", "!", "?", "»", "\n")
