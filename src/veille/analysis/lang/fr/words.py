"""French closed-class words, as spaCy's French tokenizer cuts them (l', d', qu' apart).

One copy of each set for every stage. The grammar tables the syntax layer reads
(``data/grammar_fr.json``) are exposed here too, so a stage never opens them itself.
"""

from __future__ import annotations

import re
from functools import cache

from veille.analysis.lang.fr import tables

# Articles and prepositions.
DEFINITE = frozenset({"le", "la", "l'"})  # singular definite articles
ARTICLES = frozenset({"le", "la", "les", "l'"})  # definite articles
CONTRACTED = frozenset({"du", "au"})  # de + le, à + le: the article is inside the preposition
CONTRACTED_PLURAL = frozenset({"des", "aux"})  # de + les, à + les (as a case marker)
OF = frozenset({"de", "du", "des", "d'"})  # the preposition de in all its forms
TO = frozenset({"à", "au", "aux"})  # the preposition à in all its forms
# de alone (no article fused in) as a token: elided, the apostrophe curled, or split off by
# the tokenizer (d | « … »)
DE_TOKENS = frozenset({"de", "d'", "d’", "d"})
OF_TOKENS = OF | DE_TOKENS
# Prepositions that French acronyms skip as they skip de (Agence nationale pour la
# rénovation urbaine → ANRU; sous-direction de la lutte contre la cybercriminalité → SDLC).
ACRONYM_SKIPPED = frozenset({"pour", "contre", "sur", "en", "a", "au", "aux", "avec", "dans", "par", "sans"})
OBJECT_CLITICS = ARTICLES  # le, la, les, l' before a verb: the same forms as the articles
DATIVE_CLITICS = frozenset({"lui", "leur"})  # the à-complement as a clitic (lui reproche, leur a promis)
INDEFINITE = frozenset({"un", "une", "des"})
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
# Particles that begin a surname (de Gonneville, Le Maire, al-Baghdadi, von der Leyen).
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d", "le", "la", "van", "von", "der", "den", "al", "el", "ben", "bin", "di", "da"}
)

# Pronouns.
# Subject pronouns of the third person: gender and number (1 or 2).
SUBJECT_PRONOUNS: dict[str, tuple[str, int]] = {
    "il": ("m", 1),
    "elle": ("f", 1),
    "ils": ("m", 2),
    "elles": ("f", 2),
}
RELATIVE_PRONOUNS = frozenset(
    {"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}
)
REFLEXIVE_CLITICS = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})
QUE = frozenset({"que", "qu'"})
QUE_TOKENS = QUE | {"qu’"}  # with the apostrophe curled
# The word before que in a subordinating conjunction (alors que, à condition que, à moins
# que, de façon que: the locutions conjonctives of Riegel, Pellat & Rioul, ch. XVIII): que
# after one of them opens an adverbial clause, not a verb's completive.
CONJUNCTION_HEADS = frozenset(
    "alors tandis bien parce pour avant après sans ainsi même dès afin sorte lors tant si "
    "condition moins pourvu façon manière attendu vu outre pendant".split()
)
NE = frozenset({"ne", "n'"})  # the negative clitic before a verb
NE_TOKENS = NE | {"n’"}  # with the apostrophe curled
ADVERBIAL_CLITICS = frozenset({"y", "en"})  # clitics between a subject and its verb
# Every third-person clitic that may stand before a verb or a participle (ne s'en est, le lui
# a, n'y ont), apostrophes straight and curled.
PREVERBAL_CLITICS = NE_TOKENS | {"se", "s'", "s’", "l’"} | ADVERBIAL_CLITICS | OBJECT_CLITICS | DATIVE_CLITICS
# Stressed (disjunctive) pronouns: lui aussi, elle-même, selon eux.
STRESSED_PRONOUNS = frozenset({"moi", "toi", "lui", "elle", "nous", "vous", "eux", "elles"})
THIRD_STRESSED = frozenset({"lui", "elle", "eux", "elles"})  # of a third party (selon lui, X, elle, a dit)
# Subject pronouns of the first and second persons, and the generic on: the speaker's side,
# or anyone, never a named third party.
SPEAKER_SIDE_PRONOUNS = frozenset({"je", "j'", "j’", "tu", "nous", "vous", "on"})


@cache
def _grammar() -> dict[str, object]:
    data: dict[str, object] = tables.read_json("grammar_fr.json")
    return data


@cache
def _words(key: str) -> frozenset[str]:
    value = _grammar()[key]
    assert isinstance(value, list)
    return frozenset(str(word) for word in value)


def future_governors() -> frozenset[str]:
    """Return the verbs that put the infinitive they govern in the future or in intention
    (*doivent rencontrer*, *prévoit de visiter*)."""
    return _words("future_governors")


def intention_governors() -> frozenset[str]:
    """Return the verbs whose infinitive is an act meant to come after them (*a appelé à
    manifester*, *a proposé d'accueillir*); the time stage reads them as future governors."""
    return _words("intention_governors")


@cache
def forward_governors() -> frozenset[str]:
    """Return the verbs whose infinitive's date points forward from them: the future and the
    intention governors together."""
    return future_governors() | intention_governors()


def etre_verbs() -> frozenset[str]:
    """Return the verbs whose compound past takes être (*est arrivée*)."""
    return _words("etre_verbs")


def negations() -> frozenset[str]:
    """Return the adverbs that negate a clause with ne (*pas*, *jamais*, *plus*)."""
    return _words("negations")


def auxiliary_forms() -> frozenset[str]:
    """Return the finite forms of avoir and être that open a compound tense (*a*, *ont*, *est*)."""
    return _words("auxiliary_forms")


def avoir_forms() -> frozenset[str]:
    """Return the finite forms of avoir (*a*, *ont*, *avait*, *aura*), the auxiliary of a
    compound tense when a participle follows."""
    return _words("avoir_forms")


# Adjectives French places before the noun (Riegel, Pellat & Rioul, Grammaire méthodique du
# français, ch. XI, la place de l'adjectif épithète: the short, frequent and ordinal ones):
# a description's head noun comes after them (une deuxième source, l'ancien banquier).
PRENOMINAL_ADJECTIVES = frozenset(
    "autre autres ancien ancienne anciens anciennes nouveau nouvel nouvelle nouveaux nouvelles "
    "actuel actuelle actuels actuelles jeune jeunes vieux vieil vieille seul seule seuls seules "
    "premier première premiers premières "
    "dernier dernière derniers dernières second seconde même mêmes simple simples haut haute "
    "grand grande grands grandes petit petite petits petites gros grosse grosses "
    "bon bonne bons bonnes mauvais mauvaise mauvaises beau bel belle beaux belles "
    "vrai vraie vrais vraies faux fausse fausses long longue longs longues".split()
)

# Adverbial phrases French inserts between an auxiliary and its participle, or after a verb of
# an incise, to place the speaker in the exchange (a pour sa part appelé, s'est de son côté
# inquiété, a lui aussi estimé): the connectives of turn-taking of Riegel, Pellat & Rioul
# (Grammaire méthodique du français, ch. XXIV, les connecteurs).
TURN_TAKING = (
    "de son côté", "de leur côté", "pour sa part", "pour leur part", "à son tour", "à leur tour",
    "quant à lui", "quant à elle", "quant à eux", "lui aussi", "elle aussi", "eux aussi",
    "lui-même", "elle-même",
)  # fmt: skip
# The same as a regular expression on the text (the quote stage reads the raw text).
INSERTED_ADVERBIAL = "(?:" + "|".join(re.escape(phrase) for phrase in TURN_TAKING) + r")\b"

# Adverbial incises that news sets inside a clause, between an auxiliary and its participle
# or between a verb and its object (a pour sa part appelé X à; a elle aussi exhorté X;
# accuse au contraire X de): the turn-taking phrases above, the "adverbes de phrase" and
# "incidentes" of Riegel, Pellat & Rioul (ch. XIV, les adverbes; ch. XXI, l'incise), with
# the stressed pronoun + aussi / même of the concessive apposition. Single adverbs (toutefois,
# également) are tagged ADV and need no row; these hold a noun, a pronoun or a preposition,
# which the parser takes for a complement. Words as the tokenizer cuts them.
INCISES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        *TURN_TAKING,
        "pour ma part", "pour notre part", "de notre côté", "quant à elles",
        "au contraire", "en revanche", "par ailleurs", "en outre", "de nouveau", "à nouveau",
        "pour autant", "d' ores et déjà", "elles aussi",
        "eux-mêmes", "elles-mêmes", "elle non plus", "lui non plus",
        "une nouvelle fois", "une fois de plus", "dans la foulée", "sans surprise",
    )
)  # fmt: skip
