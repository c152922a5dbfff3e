"""The cue lexicon of quotations: reporting verbs and the words that steer quote finding.

The tables are data files under ``analysis/lang/fr/data/`` (``quote_cues.tsv``, ``quote_words.tsv``);
given-name genders come from ``first_names.tsv`` through ``veille.analysis.entities.referents``.
Sources are noted in the files' headers and in ``data/SOURCES.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Token

from veille.analysis.entities.referents import first_name_gender, load_referents
from veille.analysis.lang.fr import words
from veille.analysis.lang.fr.morphology import infinitive_guesses
from veille.analysis.lang.fr.tables import read_rows
from veille.analysis.syntax.view import token_view
from veille.errors import SettingsError
from veille.normal import word_key

_PRONOUN_SUFFIXES = (
    "-t-il",
    "-t-elle",
    "-t-ils",
    "-t-elles",
    "-t-on",
    "-il",
    "-elle",
    "-ils",
    "-elles",
    "-on",
)


@dataclass(frozen=True)
class Cue:
    """A reporting verb: its lemma, its class (say, think, warn…) and where it may act as a cue."""

    lemma: str
    cls: str
    scope: str  # "all", "incise", or "se" (pronominal: "all" with its clitic, else "incise")


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs by lemma and by irregular form, and the steering word lists."""

    cues: dict[str, Cue]
    forms: dict[str, str]  # irregular inflected form -> lemma
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> words

    @classmethod
    def load(cls) -> CueLexicon:
        """Load the lexicon shipped with the package; raise SettingsError when it is broken."""
        cues: dict[str, Cue] = {}
        forms: dict[str, str] = {}
        for n, row in read_rows("quote_cues.tsv"):
            if len(row) < 4 or row[2] not in ("all", "incise", "se"):
                raise SettingsError(f"quote_cues.tsv line {n}: expected lemma, class, all|incise|se, source")
            cues[row[0]] = Cue(row[0], row[1], row[2])
            if len(row) > 4 and row[4]:
                for form in row[4].split(","):
                    forms[form.strip()] = row[0]
        words: dict[str, set[str]] = {}
        for n, row in read_rows("quote_words.tsv"):
            if len(row) != 2:
                raise SettingsError(f"quote_words.tsv line {n}: expected word, class")
            words.setdefault(row[1], set()).add(row[0])
        # The role nouns (roles.tsv: le gendarme, la syndicaliste, l'octogénaire) head
        # descriptions of people who can speak, and the organisation nouns (org_categories.tsv:
        # le collectif, l'association, la juridiction) descriptions of organisations: the
        # entity stages' tables, read here rather than copied.
        words.setdefault("person", set()).update(_single_words("roles.tsv"))
        words.setdefault("org", set()).update(_single_words("org_categories.tsv"))
        return cls(cues, forms, {k: frozenset(v) for k, v in words.items()})

    def word_class(self, name: str) -> frozenset[str]:
        """Return the words of one class of quote_words.tsv (blocker, person, org, opener)."""
        return self.words.get(name, frozenset())

    def is_title(self, word: str) -> bool:
        """Return True for a title of address before a surname (M., Mme, Me)."""
        return any(word.lower() in self.word_class(f"title-{kind}") for kind in ("m", "f", "lawyer"))

    def designates(self, lemma: str, preposition: str) -> bool:
        """Return True for the de of a verb of designation (parle d'un « tournant »): the
        quoted fragment after it is the speaker's word, not what is reacted to."""
        # d'« un massacre »: the tokenizer splits the elided de from its apostrophe
        return preposition in _DE_FORMS and lemma in self.word_class("designate")

    def cue_class(self, lemma: str) -> str | None:
        """Return the class of a cue lemma (say, think, fear…), or None for selon and nouns."""
        found = self.cues.get(lemma)
        return found.cls if found is not None else None

    def noun_cue(self, noun: str) -> str | None:
        """Return the verb whose que-clause a statement noun takes (promesse → promettre)."""
        return self._noun_cues.get(noun)

    def statement_nouns(self) -> frozenset[str]:
        """Return the statement nouns (promesse, espoir, crainte …)."""
        return frozenset(self._noun_cues)

    @cached_property
    def _noun_cues(self) -> dict[str, str]:
        # Statement noun -> verb, the first noun- class holding it winning, built once.
        found: dict[str, str] = {}
        for name, nouns in self.words.items():
            if name.startswith("noun-"):
                for noun in nouns:
                    found.setdefault(noun, name[5:])
        return found

    def first_name_gender(self, name: str) -> str | None:
        """Return "m" or "f" for a person's name by its given name (Jean-Marie: by Jean),
        or None when the given name is unknown or used for both. One table serves the
        entity stages and this one: data/first_names.tsv, read by veille.analysis.referents."""
        return first_name_gender(name, load_referents())

    def given_name(self, word: str) -> bool:
        """Return True for a given name of known gender standing alone (Julie, Karim)."""
        return load_referents().first_names.get(word_key(word)) is not None

    def cue(self, token: Token) -> Cue | None:
        """Return the cue for a verb token, trying its lemma, then its irregular form, then
        regular French endings (the model lemmatises participles like avertissant badly)."""
        # Read off the shared view: asked of every token of every article.
        view, i = token_view(token.doc), token.i
        pos = view.pos[i]
        if pos not in CUE_TAGS and not inverted_verb(view.text, i):
            return None
        lemma = view.lemma[i]
        if pos == "AUX" and lemma in ("avoir", "être"):
            return None
        light = _LIGHT_VERBS.get(lemma)
        at = light_verb_at(token) if light is not None else None
        if light is not None and at is not None and view.lemma[at] == light:
            return self.cues.get(f"{light} {lemma}")
        for rest, locution in self._locutions_of(view.text[i], lemma):
            after = list(view.lower[i + 1 : i + 3 + len(rest)])
            if after[: len(rest)] == list(rest) and after[len(rest) :] != ["à", "vue"]:
                return locution  # a mis en garde contre (not mis en garde à vue), a fait état de
        found = self._word_cue(view.text[i], lemma)
        if found is not None and found.scope == "se":
            return Cue(found.lemma, found.cls, "all" if reflexive(token) else "incise")
        return found

    def form_cue(self, token: Token) -> Cue | None:
        """Return the cue a word's form and lemma name, whatever its tag (a present the
        tagger read as an adverb or a noun: X, dément fermement : « … »), or None."""
        return self._word_cue(token.text.lower(), token.lemma_)

    def _word_cue(self, text: str, lemma: str) -> Cue | None:
        """Return the cue of the first of a form's candidate lemmas that is one, or None:
        a function of the form and its lemma alone, so each pair is worked out once."""
        known = self._cue_by_form
        key = (text, lemma)
        if key in known:
            return known[key]
        found = next((self.cues[c] for c in self.candidates(text, lemma) if c in self.cues), None)
        if len(known) >= _MAX_KNOWN_FORMS:
            known.clear()  # a bound on a long run's memory; the common words come back at once
        known[key] = found
        return found

    def _locutions_of(self, text: str, lemma: str) -> list[tuple[tuple[str, ...], Cue]]:
        """Return the locutions a verb form may open, by its lemma or, where the model
        lemmatises the form badly (présente for présenter), by its regular endings."""
        if lemma in self._locutions:
            return self._locutions[lemma]
        if text.lower()[:3] not in self._locution_stems:
            return []  # no locution opens with a verb of that stem: most words stop here
        return next((self._locutions[c] for c in self.candidates(text, lemma) if c in self._locutions), [])

    @cached_property
    def _locutions(self) -> dict[str, list[tuple[tuple[str, ...], Cue]]]:
        # First word -> (the words after it, cue) of the verbal locutions (mettre en garde).
        found: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
        for lemma, cue in self.cues.items():
            first, *rest = lemma.split()
            if rest and rest[0] not in _LIGHT_VERBS:
                found.setdefault(first, []).append((tuple(rest), cue))
        return found

    @cached_property
    def _locution_stems(self) -> frozenset[str]:
        # What ``any(verb.startswith(stem) for verb in self._locutions)`` holds for, a stem
        # being a word's first three letters (fewer for a shorter word): each locution
        # verb's first zero to three letters, so one lookup tests them all.
        return frozenset(verb[:n] for verb in self._locutions for n in range(4))

    @cached_property
    def _cue_by_form(self) -> dict[tuple[str, str], Cue | None]:
        return {}

    def candidates(self, text: str, lemma: str = "") -> list[str]:
        """Return possible lemmas of an inflected verb form, most likely first."""
        word = text.lower()
        for suffix in _PRONOUN_SUFFIXES:
            if word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        found = [lemma.lower()] if lemma else []
        if word in self.forms:
            found.append(self.forms[word])
        found.extend(infinitive_guesses(word))
        return found


def _single_words(table: str) -> set[str]:
    """Return the one-word entries of the first column of a data table, lower-cased."""
    return {row[0].lower() for _n, row in read_rows(table) if row and " " not in row[0] and "'" not in row[0]}


_MAX_KNOWN_FORMS = 1 << 16
# de in all its forms, with the pieces the tokenizer may split d' into (parle d'« … »).
_DE_FORMS = words.OF_TOKENS | {"'", "’"}
# The tags a cue may have: ``cue`` answers None for any other tag, and the indirect-quote
# scan skips such words without asking (indirect.find_indirect). X: a foreign word, the
# Latin dixit of « … », dixit X.
CUE_TAGS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN", "X"})
# Infinitives that make one reporting verb with the verb before them (a fait savoir que,
# a laissé entendre que): the pair is a row of quote_cues.tsv.
_LIGHT_VERBS = {"savoir": "faire", "valoir": "faire", "entendre": "laisser", "comprendre": "laisser"}
LIGHT_VERBS = frozenset(_LIGHT_VERBS.values())  # faire, laisser


def light_verb_at(token: Token) -> int | None:
    """Return the index of the word before an infinitive, past adverbs or a stressed pronoun
    (a fait savoir, fait également valoir, a fait lui aussi valoir), where its light verb
    (faire, laisser) stands; None at the start of the text. The caller checks the lemma."""
    view, at = token_view(token.doc), token.i - 1
    while at > max(token.i - 3, 0) and (view.pos[at] == "ADV" or view.lower[at] in words.STRESSED_PRONOUNS):
        at -= 1
    return at if at >= 0 else None


# Words that may stand between a reflexive clitic and its verb: auxiliaries, -t-il, negation,
# adverbs and short adverbial phrases (s'est pour sa part étonné, s'est-il de son côté inquiété).
_BETWEEN_CLITIC_AND_VERB = 7


def reflexive(token: Token) -> bool:
    """Return True when a verb has its reflexive clitic (s'est étonné, se dit, s'inquiète-t-il)."""
    if any(_is_reflexive_clitic(child) for child in token.children):
        return True
    for left in reversed(token.doc[max(token.i - _BETWEEN_CLITIC_AND_VERB, 0) : token.i]):
        if _is_reflexive_clitic(left):
            return True
        if left.is_punct or (left.pos_ == "VERB" and left.i != token.i):
            return False
    return False


def _is_reflexive_clitic(token: Token) -> bool:
    """Return True for se / s' (either apostrophe) and the other persons' clitics."""
    return token.lower_.replace("’", "'") in words.REFLEXIVE_CLITICS


# The inverted subject pronoun after a verb (tranche-t-il, dit-elle): the tokenizer splits it
# off with its hyphen, as -t, -il or -t-il.
_INVERTED = frozenset({"t", "il", "elle", "ils", "elles", "on", "t-il", "t-elle", "t-ils", "t-elles", "t-on"})


def inverted_verb(text: Sequence[str], i: int) -> bool:
    """Return True when token ``i`` is followed by an inverted subject pronoun (« … »,
    tranche-t-il): only a verb takes one, whatever the tagger made of the word (it reads
    *tranche* as a numeral, *note* as a noun)."""
    return i + 1 < len(text) and text[i + 1].startswith("-") and text[i + 1][1:].lower() in _INVERTED
