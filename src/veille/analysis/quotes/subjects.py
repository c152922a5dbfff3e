"""Find the speaker phrase of a cue: from a verb to the tokens of its subject, and their span.

A mixin of the speaker resolver (speakers.SpeakerResolver), which holds the parse, the text,
the lexicon and the entity mentions these methods read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import NE_TOKENS, OF, SUBJECT_PRONOUNS
from veille.analysis.quotes.coordinated import resumes_reporting
from veille.analysis.quotes.dislocated import resumed_subject
from veille.analysis.quotes.lexicon import LIGHT_VERBS, CueLexicon, light_verb_at
from veille.analysis.quotes.locative import after_fronted_place
from veille.analysis.quotes.misread import present_read_as_participle, subject_before
from veille.analysis.quotes.phrases import singular
from veille.analysis.quotes.relative import unquoted_antecedent
from veille.analysis.syntax.clauses import inserted_auxiliary
from veille.analysis.syntax.memo import per_token
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import TokenView, token_view
from veille.model import Entity, Mention

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_SUBORDINATE = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "csubj"})
_RELATIVE = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
# How many tokens after a comma an apposed name may start (le vice - amiral Lionel Mathieu).
_APPOSED_TOKENS = 8
# How many tokens an acronym in brackets may hold, brackets included (… (Sdis), …).
_BRACKET_TOKENS = 6
# The token an apposed organisation's name may start at after the comma: at once, or after
# its determiner (la Coordination laitière), never after other words (à Paris, la CGT).
_ORG_APPOSED_AT = 1
# The prepositions of a de-complement (ministre de X, du Y, des Z, d'W).
_OF = OF | {"d’"}
# Endings of a past participle opening a sentence as a fronted phrase (Proclamé, Arrivée,
# Interrogés, Élue): the subject of the main verb then follows it, after a comma.
_PARTICIPLE_ENDINGS = (
    "é",
    "ée",
    "és",
    "ées",
    "i",
    "ie",
    "is",
    "ies",
    "u",
    "ue",
    "us",
    "ues",
    "it",
    "ite",
    "its",
)


class SubjectFinder:
    """From a cue verb to its subject token and the character span of the speaker phrase."""

    parsed: Doc
    text: str
    lexicon: CueLexicon
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    institutions: frozenset[str]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Mention, Entity]]:
        raise NotImplementedError

    def _quoted(self, offset: int) -> bool:
        raise NotImplementedError

    # 1. From a cue verb to the tokens of its subject.
    @per_token
    def subject_of(self, verb: Token) -> Token | None:
        """Return the subject token of a cue verb; a participle or gerund (estimant que,
        en avertissant que) borrows the subject of the verb it hangs on, and a stressed
        pronoun that takes up a subject (La fondation, elle, a indiqué) gives that subject."""
        return resumed_subject(verb, self._subject_of(verb))

    def _subject_of(self, verb: Token) -> Token | None:
        if verb.lower_.endswith("ant"):
            return self._gerund_subject(verb)
        if verb.dep_ == "acl" and present_read_as_participle(verb):
            return subject_before(verb)  # la septuagénaire décrit « … »: read as a participle
        light = light_verb_at(verb)
        if (
            light is not None
            and verb.doc[light].lemma_ in LIGHT_VERBS
            and "Inf" in feature(verb, "VerbForm")
            and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        ):
            # Interrogée, la préfecture a fait savoir que …: the parser may make the light
            # verb depend on its infinitive; the subject is the light verb's.
            return self.subject_of(verb.doc[light])
        view = token_view(verb.doc)  # children, heads, labels and words off the columns
        tokens, head, dep, text = view.tokens, view.head, view.dep, view.text
        inverted = next(
            (
                j
                for j in view.children(verb.i)
                if text[j].startswith("-") and text[j][1:].lower() in SUBJECT_PRONOUNS
            ),
            None,
        )
        if inverted is not None:
            return tokens[inverted]  # La Chine, a-t-il ajouté, prendra …: il, not La Chine
        auxiliary = inserted_auxiliary(verb)
        if auxiliary is not None:
            # X, ministre …, a pour sa part appelé: the parser hung the participle on the
            # adverbial phrase; the subject is the one of the auxiliary before it.
            subject = (
                self.apposed_subject(auxiliary)
                or next((c for c in auxiliary.children if c.dep_ in _SUBJECT_DEPS), None)
                or _opening_noun(auxiliary)
            )
            if subject is not None:
                return subject
        current = verb.i
        for _ in range(4):
            for j in view.children(current):
                if dep[j] in _SUBJECT_DEPS and text[j].lower() not in ("-t", "t"):
                    if text[j].lower() in _RELATIVE and dep[current].startswith("acl"):
                        antecedent = head[current]  # la Ville, qui a dressé… → la Ville
                        while dep[antecedent] == "appos" and head[antecedent] < antecedent:
                            # l'USC, premier syndicat de l'entreprise, qui réclame: the phrase
                            # the apposition describes, not the company in its complement
                            antecedent = head[antecedent]
                        if view.pos[antecedent] in ("VERB", "AUX") or (
                            self._quoted(view.idx[antecedent]) and not self._quoted(view.idx[j])
                        ):
                            # « … », a reconnu le ministre, qui a remercié …: the parser hung
                            # the relative on the incise's verb (or on a name inside the
                            # marks); the antecedent is the noun before the comma
                            outside = unquoted_antecedent(view, antecedent, j, self._quoted)
                            antecedent = antecedent if outside is None else outside
                        return tokens[antecedent]
                    misread = _comma_antecedent(view, j) if text[j].lower() == "qui" else None
                    return tokens[j] if misread is None else tokens[misread]
            if head[current] == current:
                break
            if (
                current == verb.i
                and dep[current].startswith("acl")
                and head[current] < current
                and "Fin" in feature(verb, "VerbForm")
                and not any(text[j].lower() in _RELATIVE for j in view.children(current))
            ):
                # L'ancien banquier, à la tête du festival, se dit certain que: a finite verb
                # with no relative pronoun that the parser hung on its subject as a clause
                return tokens[head[current]]
            if dep[current] in ("ccomp", "csubj") or dep[current].startswith("parataxis"):
                break  # the subject of a governing clause is not the speaker of this one
            if resumes_reporting(tokens[current]):
                current = head[head[current]]  # … que la ville compenserait « … » et a dénoncé
                continue
            if (
                dep[current] == "conj"
                and dep[head[current]] in _SUBORDINATE
                and _after_comma(tokens[current])
            ):
                # …, mais précise que: the parser tied the verb to the subordinate clause
                # before the comma (où la frappe a eu lieu); it coordinates with the main one.
                current = head[head[current]]
                continue
            current = head[current]
        if (
            verb.dep_ == "conj"
            and verb.head.i < verb.i
            and verb.head.pos_ == "VERB"
            and not self._quoted(verb.head.idx)
        ):
            # X revendique la victoire et accuse Y de « … »: coordinated verbs share the
            # subject the parser gave the first one (or that a long subject gives it)
            shared = self.subject_of(verb.head)
            if shared is not None:
                return shared
        return self.apposed_subject(verb)

    def apposed_subject(self, verb: Token) -> Token | None:
        """Return the name that opens a long subject the parser broke up, for a verb right
        after a comma with no subject of its own: in *Hugo Ferrand, magistrat et porte-parole
        de l'Union syndicale, a assuré que …* the speaker is the head name, whatever the
        apposition holds. The name must open the sentence (or follow an opening adverbial
        and its comma) and be closed by a comma."""
        if not _after_comma(verb) or self._quoted(verb.idx):
            return None
        first = self._text_sentence_start(verb.i)  # the parser may cut at the apposition
        finite = False  # a finite verb before: the phrase after a comma is no subject
        for token in self.parsed[first : verb.i]:
            if self._quoted(token.idx):
                return None
            opens = token.i == first or self.parsed[token.i - 1].text == ","
            if opens and self._described_subject(token, finite):
                return self.parsed[token.i + 1]
            finite = finite or (token.pos_ in ("VERB", "AUX") and "Fin" in feature(token, "VerbForm"))
            if not opens:
                continue
            for s, e, mention, entity in self.mentions_in(token.idx, token.idx + 1):
                if s != token.idx or mention.kind != "name" or entity.type not in ("PER", "ORG"):
                    continue
                if re.match(r"\s*,", self.text[e : e + 3]):
                    return token
            if token.i > first and token.pos_ == "VERB":
                return None
        return None

    def _text_sentence_start(self, i: int) -> int:
        """Return the first token of the text's sentence holding token ``i``: the parser's
        sentences may end inside one (at an apposition, or before a word it read as a verb)."""
        text = token_view(self.parsed).text  # asked per word: no Token made
        first = i
        # (a token's whitespace_ is one space or none: a line break is in its text)
        while first > 0 and text[first - 1] not in (".", "!", "?", ";", ":") and "\n" not in text[first - 1]:
            first -= 1
        return first

    def _described_subject(self, token: Token, finite: bool) -> bool:
        """Return True for a description of a speaker (a determiner and a person or body noun)
        opening after a fronted participial phrase and closed by a comma, with no finite verb
        before it: *Proclamé vainqueur par la commission, le chef de l'État, au pouvoir depuis
        2009, a rejeté …*, where the parser hangs the description on the participle."""
        if finite or token.pos_ != "DET" or token.i + 1 >= len(self.parsed):
            return False
        noun = self.parsed[token.i + 1]
        if noun.pos_ != "NOUN" or not self.can_speak(noun):
            return False
        opener = self.parsed[self._text_sentence_start(token.i)]
        return opener.pos_ in ("VERB", "PROPN", "ADJ") and opener.lower_.endswith(_PARTICIPLE_ENDINGS)

    def _gerund_subject(self, verb: Token) -> Token | None:
        """Return the subject of the finite verb a participle hangs on: the verb the parser
        hangs it on (…, jugeant la décision « … » after *Le club a fait savoir qu'il …*: the
        club, not the pronoun of the que-clause), else the nearest verb leftwards in the
        text's sentence, as the parser often attaches (en) avertissant to the clause it
        introduces. Verbs inside quotation marks belong to the quoted speaker; an incise verb
        (« … », a confirmé X, ajoutant que) has its subject after it."""
        head = verb.head
        if (
            verb.dep_ == "advcl"
            and head.i < verb.i
            and head.pos_ == "VERB"
            and "Fin" in feature(head, "VerbForm") + feature(_auxiliary_of(head), "VerbForm")
            and not self._quoted(head.idx)
        ):
            subject = self.subject_of(head)
            if subject is not None:
                return subject
        for token in reversed(self.parsed[self._text_sentence_start(verb.i) : verb.i]):
            if token.pos_ not in ("VERB", "AUX") or token.lower_.endswith("ant") or self._quoted(token.idx):
                continue
            if inserted_auxiliary(token) is not None:
                return self.subject_of(token)  # a pour sa part appelé …, jugeant que: its subject
            for child in token_view(token.doc).child_tokens(token.i):  # no Token made per child
                if (
                    child.dep_ in _SUBJECT_DEPS
                    and child.text.lower() not in ("-t", "t")
                    and not self._quoted(child.idx)
                ):
                    return child
            if _after_comma(token):
                subject = self.inverted_subject(token)
                if subject is not None and subject.i < verb.i and self.can_speak(subject):
                    return subject
        return None

    def can_speak(self, token: Token) -> bool:
        """Return True when a token heads a person or organisation (a mention or a speaking noun):
        an inverted subject, not an object (…, a visité l'usine)."""
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        if any(e.type in ("PER", "ORG") for _s, _e, _m, e in self.mentions_in(lo, hi)):
            return True
        if token.text[:1].isupper() and token.lower_ in self._titles() and token.i + 1 < len(self.parsed):
            after = self.parsed[token.i + 1]  # a balayé Me | Éric Morain: a title cut from its name
            if any(
                e.type == "PER" and s == after.idx
                for s, _e, _m, e in self.mentions_in(after.idx, after.idx + 1)
            ):
                return True
        nouns = self.person_nouns | self.org_nouns | self.institutions
        return singular(token.lower_, nouns) in nouns  # les secouristes, la gendarmerie

    def inverted_subject(self, verb: Token) -> Token | None:
        """Return the subject placed after a verb in an incise (« … », a déclaré X; précise
        l'OFAG), which the parser often labels as an object, or as the rest of a name when
        it reads the verb as a first name (lâche Karim Ferhat, délégué CGT: flat:name)."""
        for child in token_view(verb.doc).child_tokens(verb.i):  # no Token made per child
            if child.i > verb.i and child.dep_ in (
                *_SUBJECT_DEPS,
                "obj",
                "appos",
                "nmod",
                "dep",
                "flat:name",
            ):
                if child.text.lower() in ("-t", "t") or child.is_punct:
                    continue
                return child
        # The pronoun glued to the verb: affirme-t-il, a-t-elle déclaré.
        for token in self.parsed[verb.i - 2 : verb.i + 3]:
            if token.text.lower().lstrip("-") in SUBJECT_PRONOUNS and token.text.startswith("-"):
                return token
        return None

    @per_token
    def phrase_of(self, subject: Token) -> tuple[int, int]:
        """Return the character span of a subject's phrase: its subtree, without a relative
        clause or anything after a second comma."""
        if subject.pos_ == "PRON":
            return subject.idx, subject.idx + len(subject)
        view = token_view(subject.doc)  # the words read off the columns: no Token made for them
        text, lower = view.text, view.lower
        left, last_inside = subject.left_edge.i, subject.right_edge.i
        while subject.dep_ == "conj" and "," in text[left : subject.i]:
            # …, par la voix de sa fille Sara, l'octogénaire décrit: a left edge the parser
            # carried over a comma (a conjunct hung on the phrase before) is not the subject's
            left += text[left : subject.i].index(",") + 1
        right = subject.i
        commas = 0
        sent_end = subject.sent.end
        skip_to = -1
        for k in range(subject.i + 1, sent_end):
            if k <= skip_to:
                continue
            if text[k] == "(" and ")" in text[k + 1 : k + _BRACKET_TOKENS]:
                # le commandant du service … (Sdis), le colonel X: an acronym in brackets
                skip_to = k + 1 + text[k + 1 : k + _BRACKET_TOKENS].index(")")
                right = skip_to
                continue
            if view.is_punct[k] and text[k] not in (",", "-"):
                break  # a hyphen inside a word is no boundary (les marins-pompiers)
            if text[k] == ",":
                listed = _listed_complements(lower, k, sent_end)
                if listed is not None:
                    # la ministre de l'Immigration, de la Francisation et de l'Intégration, X:
                    # the commas of a list of complements are no end of the phrase
                    skip_to = right = listed
                    continue
                commas += 1
                org = singular(subject.lower_, self.person_nouns) not in self.person_nouns
                apposed = self._apposed_name(k + 1, org) if commas == 1 else None
                if apposed is None:
                    break
                # The apposed name ends the phrase, however the parser attached it
                # (le patron du commandement …, le général Michael Kurilla, cité dans …).
                return view.idx[left], apposed
            if view.dep[k].startswith("acl") or lower[k] in ("qui", "dans", "lors", "juste", "devant"):
                # devant: the audience of the saying (a répété l'ancien maire de X devant la
                # cour), never a complement of the speaker's noun
                break
            if lower[k] == "en" and text[k + 1].lower().endswith("ant"):
                break  # en avertissant que: a gerund, not part of the name
            if not left <= k <= last_inside and view.head[k] != subject.i:
                break
            right = k
        # A name in the de-complement that the parser hung elsewhere (la rédaction de Splann).
        if (
            right + 2 < sent_end
            and lower[right + 1] in ("de", "du", "des", "d'", "d’")
            and text[right + 2][:1].isupper()
            and view.pos[right] == "NOUN"
        ):
            right += 2
            while right + 1 < sent_end and text[right + 1][:1].isupper():
                right += 1
        # A hyphenated name the tokenizer split (Météo - France) is one word.
        tokens, idx, spaced = view.tokens, view.idx, view.spaced  # the view's Tokens: none made
        while left > 0 and not spaced[left - 1] and _glued(tokens[left - 1]):
            left -= 1
        while right + 1 < sent_end and not spaced[right] and _glued(tokens[right + 1]):
            right += 1
        # An English possessive the tokenizer cut from a name (Moody' | s, and Moody' | s. at a
        # sentence end, where the parser may take either half for the subject).
        while right > left and view.is_space[right]:
            right -= 1  # the paragraph break the parser hung on the last word is no part of it
        if left == right and left > 0 and _possessive_cut(tokens[left - 1], tokens[left]):
            start = idx[left - 1]
            return start, idx[left] + 1  # Moody' | s.: the name without the period
        if right + 1 < len(tokens) and _possessive_cut(tokens[right], tokens[right + 1]):
            start = idx[left]
            return start, idx[right + 1] + 1
        # A title the parser cut from its name (a plaidé Me | Antoine Girard).
        if lower[right] in self._titles() and right + 1 < sent_end:
            for s, e, _m, entity in self.mentions_in(idx[right + 1], idx[right + 1] + 1):
                if s == idx[right + 1] and entity.type == "PER":
                    start = idx[left]
                    return start, e
        left = after_fronted_place(view, left, right)  # À Bruxelles, | le SPF … a exhorté
        return idx[left], idx[right] + len(text[right])

    def _titles(self) -> frozenset[str]:
        return (
            self.lexicon.word_class("title-m")
            | self.lexicon.word_class("title-f")
            | self.lexicon.word_class("title-lawyer")
            | self.person_nouns
        )

    def _apposed_name(self, i: int, org: bool = False) -> int | None:
        """Return the end of a person's name that follows within a few words, before any
        punctuation (le patron du commandement …, le général Michael Kurilla), else None.
        With ``org`` (a subject that is no person noun), an organisation's name right after
        the comma and its determiner counts too (Le syndicat des producteurs, la
        Coordination laitière, dénonce …; Son groupe, Union pour l'Aquitaine, a annoncé …)."""
        for n, token in enumerate(token_view(self.parsed).tokens[i : i + _APPOSED_TOKENS]):
            if token.is_punct and token.text != "-":
                return None
            for s, e, m, entity in self.mentions_in(token.idx, token.idx + len(token)):
                if s != token.idx or m.kind != "name":
                    continue
                if entity.type == "PER" or (org and entity.type == "ORG" and n <= _ORG_APPOSED_AT):
                    return e
        return None


def _listed_complements(lower: list[str], comma: int, sent_end: int) -> int | None:
    """Return the last token of a list of de-complements that a comma continues (le ministre
    de l'Immigration, des Réfugiés et de la Citoyenneté): the comma is followed by de, du,
    des or d', and the list closes with et or ou and another de-complement before the next
    comma; None otherwise."""
    if comma + 1 >= sent_end or lower[comma + 1] not in _OF:
        return None
    k = comma + 1
    closed = False
    while k + 1 < sent_end and lower[k + 1] not in (",", ".", ";", ":", "«", "»", "(", "qui"):
        if lower[k] in ("et", "ou") and lower[k + 1] in _OF:
            closed = True
        k += 1
    return k if closed else None


def _auxiliary_of(verb: Token) -> Token:
    """Return the tense auxiliary of a participle (a rejeté → a), else the verb itself."""
    return next((c for c in verb.children if c.dep_ == "aux:tense"), verb)


def _after_comma(verb: Token) -> bool:
    """Return True for a verb just after a comma, past its auxiliary, an inverted pronoun or a
    coordinator (», a confirmé X / …, mais précise que)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (
        doc[i].pos_ in ("AUX", "CCONJ") or doc[i].text.startswith("-") or doc[i].lower_ in NE_TOKENS
    ):
        i -= 1
    return i >= 0 and doc[i].text == ","


def _possessive_cut(name: Token, rest: Token) -> bool:
    """Return True for a capitalised word ending in an apostrophe glued to "s" (Moody' | s)."""
    return (
        name.text[:1].isupper()
        and name.text.endswith(("'", "’"))
        and not name.whitespace_
        and rest.lower_ in ("s", "s.")
    )


def _glued(token: Token) -> bool:
    """Return True for a token that may be part of a hyphenated name (Météo, -, France)."""
    return token.text == "-" or (token.text[:1].isupper() and token.is_alpha)


def _opening_noun(auxiliary: Token) -> Token | None:
    """Return the head noun of a verbless phrase that opens the sentence before an auxiliary
    (Le bureau départemental de FO | a de son côté accusé), whatever the parser hung it on."""
    span = auxiliary.doc[auxiliary.sent.start : auxiliary.i]
    if not span or any(t.pos_ in ("VERB", "AUX") or t.text in ',;:«»"' for t in span):
        return None
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") else None


def _comma_antecedent(view: TokenView, j: int) -> int | None:
    """Return the antecedent of a relative *qui* at ``j`` that the parser did not hang on it
    (X succède à Claire Roy, qui a quitté …, read as a complement clause of succède): the
    name or noun right before the comma, at the head of its name; None elsewhere (on ignore
    qui a tiré: no comma and noun before it)."""
    if j < 2 or view.text[j - 1] != "," or view.pos[j - 2] not in ("NOUN", "PROPN"):
        return None
    antecedent = j - 2
    while view.dep[antecedent].startswith("flat") and view.head[antecedent] < antecedent:
        antecedent = view.head[antecedent]  # Claire Roy: the name's first word
    return antecedent
