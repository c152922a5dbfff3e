"""French morphology guesses: tense endings the tagger misses, infinitives the lemmatiser
gets wrong. Plain functions over word forms; nothing here reads a parse.
"""

from __future__ import annotations

from functools import lru_cache

# Endings of the simple future (rencontrerons: rencontrer + ons) and the conditional.
FUTURE_ENDINGS = ("ront", "rons", "rez", "rai", "ras", "ra")
CONDITIONAL_ENDINGS = ("raient", "rions", "riez", "rais", "rait")
# Endings that only participles and gerunds have (accusé, accusées, avertissant): with no
# auxiliary such a form is an adjective or a gerund, never a finite verb. Ambiguous forms
# (dit, écrit, admis) may be finite: « … », écrit-il.
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "ant")
# Regular endings and the infinitive they come from, longest first within each group.
_IR_ENDINGS = ("issaient", "issait", "issant", "issent", "is", "it", "ie", "ies", "i")
_ER_ENDINGS = ("aient", "ait", "ant", "ées", "és", "ée", "é", "ent", "es", "e", "era", "eront", "erait")


def is_future_form(form: str, lemma: str) -> bool:
    """Tell whether a finite verb form has a future ending (recevra, rencontrerons).

    The forms that look alike are excluded: the passé simple of -er verbs (rencontra) and
    the present of -er and -ir verbs whose stem ends in r (déclarons, ouvrez), which are
    the infinitive's stem plus the ending without its r.
    """
    form, lemma = form.lower(), lemma.lower()
    for ending in FUTURE_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 1:
            return not (lemma.endswith(("er", "ir")) and form == lemma[:-2] + ending[1:])
    return False


def is_present_not_participle(form: str, lemma: str) -> bool:
    """Tell whether a form the tagger calls a past participle is a present of the first
    conjugation (*reproche*, *accuse*, *menace*): a verb in -er makes its participle in -é,
    -ée, -és, -ées (Grevisse, *Le Bon Usage*: participe passé du premier groupe), so its form
    in a mute -e or -es is the present. A lemma the lemmatiser left as the form itself
    (*reproche* → *reproche*) tells the same when no participle could end that way: a mute
    -e after a vowel, s or t closes participles of other conjugations (*vue*, *prise*,
    *dite*), so those stay participles."""
    form, lemma = form.lower(), lemma.lower()
    if not form.endswith(("e", "es")) or form.endswith(("ée", "ées")):
        return False
    if lemma.endswith("er"):
        return True
    stem = form[:-2] if form.endswith("es") else form[:-1]
    return lemma == form and stem[-1:] not in ("", "s", "t", "i", "u", "é")


def is_conditional_form(form: str) -> bool:
    """Tell whether a verb form has a conditional ending (serait, pourraient)."""
    return form.lower().endswith(CONDITIONAL_ENDINGS)


def infinitive_guesses(form: str) -> list[str]:
    """Guess infinitives from regular -er and -ir endings (affirmé → affirmer, avertissant
    → avertir, estime → estimer), for forms the lemmatiser got wrong. Several guesses may
    come back; the caller keeps the one its lexicon knows."""
    return list(_infinitive_guesses(form.lower()))


@lru_cache(maxsize=1 << 16)  # asked for most words of every article, by quotes and events
def _infinitive_guesses(word: str) -> tuple[str, ...]:
    out: list[str] = []
    for ending in _IR_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.append(word[: -len(ending)] + "ir")
    for ending in _ER_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            out.append(stem + "er")
            # considère → considérer: the grave accent of the present stem is acute in the infinitive
            if "è" in stem:
                out.append(stem[::-1].replace("è", "é", 1)[::-1] + "er")
    return tuple(out)


# Endings of the plural nouns of inhabitants (gentilés: les Boulonnais, les Grenoblois, les
# Lillois, les Marseillais, les Toulousains, les Parisiens, les Rennais, les Européens), after
# the commonest suffixes of French demonyms (-ais, -ois, -ien, -éen), plural. -ain and -on are
# left out: they end party and common names too (les Républicains, les Nations unies).
GENTILE_PLURAL_ENDINGS = ("ais", "ois", "iens", "éens", "aises", "oises", "iennes", "éennes")


def looks_like_gentile(word: str) -> bool:
    """Tell whether a capitalised word may be a plural noun of inhabitants (Boulonnais)."""
    return word[:1].isupper() and len(word) > 5 and word.lower().endswith(GENTILE_PLURAL_ENDINGS)


# The endings of French adjectives of place (gentilés) in the singular and plural: -ais/-aise
# (rennais), -ois/-oise (zurichoise), -ien/-ienne (parisien), -éen (européen), -ain/-aine
# (toulousain), -in/-ine (angevin), -on/-onne (breton), -ard/-arde (savoyard), -ote (cairote).
# From the formation rules of gentilés (Grevisse, Le Bon Usage, § 168); a test of shape only.
PLACE_ADJECTIVE_ENDINGS = tuple(
    stem + tail
    for stem in ("ais", "ois", "ien", "éen", "ain", "in", "on", "ard", "ot")
    for tail in (("", "s", "e", "es") if not stem.endswith("n") else ("", "s", "ne", "nes", "e", "es"))
)


def looks_like_place_adjective(word: str) -> bool:
    """Tell whether a lower-case adjective may be a gentilé (zurichoise, rennais), by its
    ending: islamiste, conservateur, publique cannot be."""
    return word[:1].islower() and len(word) > 4 and word.endswith(PLACE_ADJECTIVE_ENDINGS)


# The suffixes of French agent nouns, the nouns of one who does (Riegel, Pellat & Rioul,
# Grammaire méthodique du français, ch. XX, "noms d'agent": -eur/-euse/-trice (exploiteur,
# repreneur, organisatrice), -ant/-ante from a present participle (exploitant, plaignant),
# -aire (propriétaire, gestionnaire, concessionnaire, prestataire)). -ier and -ent are left
# out: they end more things than doers (dossier, quartier, moment, parlement).
AGENT_NOUN_ENDINGS = ("eur", "euse", "rice", "ant", "ante", "aire")


def looks_like_agent_noun(word: str) -> bool:
    """Tell whether a lower-case noun may name a doer by its ending (l'exploitant, le
    bailleur, le propriétaire); a test of shape only (le rachat, le moment cannot be)."""
    return word[:1].islower() and len(word) > 4 and word.lower().endswith(AGENT_NOUN_ENDINGS)


# Noun suffixes whose gender is near-regular in French (Riegel, Pellat & Rioul, Grammaire
# méthodique du français, ch. V, le genre des noms: -tion, -sion, -ence, -ance, -ure, -erie
# form feminine nouns, -ment and -isme masculine ones). Only suffixes with few exceptions among
# the nouns that name organisations (agence, commission, préfecture, gendarmerie;
# gouvernement, ministère is left to the parser).
_FEMININE_SUFFIXES = ("tion", "sion", "ence", "ance", "ure", "erie")
_MASCULINE_SUFFIXES = ("ment", "isme")


def noun_gender_guess(word: str) -> str | None:
    """Guess a common noun's grammatical gender ("m", "f") from its suffix, or None."""
    lower = word.lower()
    if len(lower) > 4 and lower.endswith(_FEMININE_SUFFIXES):
        return "f"
    if len(lower) > 4 and lower.endswith(_MASCULINE_SUFFIXES):
        return "m"
    return None
