"""Find the incise of a quotation: the reporting clause with its subject after the verb.

An *incise* is the inverted reporting clause that follows or interrupts a quotation:
« … », a déclaré X / « …, a-t-il ajouté. … » / …, précise l'OFAG. It names the cue and
the speaker, placed after the verb. A mixin of the quote context (context.QuoteContext),
which holds the parse, the text, the lexicon, the marks and the speaker resolver these
methods read: from a token after a closing mark (a comma, or the verb itself), the verb
group (clitics, auxiliary, adverbials, semi-auxiliaries), the cue, and the subject after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr import words
from veille.analysis.lang.fr.morphology import PARTICIPLE_ENDINGS, infinitive_guesses
from veille.analysis.quotes.lexicon import Cue, CueLexicon, inverted_verb
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.speakers import SpeakerResolver
from veille.analysis.syntax.view import token_view
from veille.model import Document

# Clitics that may open an incise before its auxiliary: s'est-il inquiété, lui a répondu, y écrit-il.
_CLITICS = words.REFLEXIVE_CLITICS | {"s’", "lui", "leur", "y", "en", "l'", "l’"}
# Semi-auxiliaries whose infinitive is the cue: a tenu à souligner, a voulu rappeler; and the
# reflexive verbs of restriction or haste that govern an infinitive the same way, in the forms
# an incise uses (s'est contenté de dire, s'est bornée à rappeler, s'empresse de préciser).
_SEMI_AUX = frozenset(
    {"tenu", "tient", "voulu", "veut", "souhaité", "préféré", "choisi", "pu", "dû"}
    | {f"{stem}{end}" for stem in ("content", "born", "empress") for end in ("é", "ée", "e")}
)
_ADVERBIAL = re.compile(words.INSERTED_ADVERBIAL)
# Endings of a 3rd-person present or simple past (tranche, sourit, répond, conclut, lança).
_FINITE_ENDINGS = ("e", "t", "d", "a")
# Endings of past participles, regular and not (expliqué, convenu, admis, écrit, ressenti).
_PARTICIPLE_LIKE = ("é", "ée", "és", "ées", "i", "ie", "is", "it", "u", "ue", "us", "t", "s")
# How far after an incise's verb its inverted subject may stand, past a prepositional phrase
# (témoigne auprès de nos confrères de Ouest-France Manon Bellec).
_PP_TOKENS = 14
_INVERTED_PRONOUNS = frozenset(words.SUBJECT_PRONOUNS) | {"t-il", "t-elle", "t-ils", "t-elles"}


@dataclass(frozen=True)
class Incise:
    """A reporting clause with its subject after the verb."""

    verb: Token
    cue: Cue
    subject: Token | None
    start: int  # offset of the comma or first word of the incise
    end: int  # offset just after the incise's last word (before , or .)


class InciseFinder:
    """From a token after a quotation to the incise it opens: verb group, cue, subject."""

    doc: Document
    text: str
    parsed: Doc
    lexicon: CueLexicon
    resolver: SpeakerResolver
    _closed_at: dict[int, tuple[int, MarkedSpan]]

    def token_after(self, offset: int) -> int:
        raise NotImplementedError

    def sentence_start(self, offset: int) -> int:
        raise NotImplementedError

    def inside_mark(self, offset: int) -> MarkedSpan | None:
        raise NotImplementedError

    def speaker_phrase(self, subject: Token) -> tuple[int, int]:
        raise NotImplementedError

    def incise_at(self, i: int, limit: int | None = None) -> Incise | None:
        """Return the incise starting at token ``i`` (a comma, or the verb itself): an
        optional auxiliary, a cue verb, and a subject after the verb (or -t-il)."""
        tokens = token_view(self.parsed).tokens  # the view's Tokens: none made per read
        end = len(tokens) if limit is None else min(limit, len(tokens))
        start_i = i
        if i < end and tokens[i].text == ",":
            i += 1
        comme = i + 1 < end and tokens[i].lower_ == "comme" and start_i < i
        if comme:
            # « … », comme le soulignait l'OMS: the incise opened by comme, its object clitic
            i += 2 if tokens[i + 1].lower_ in ("le", "l'", "l’") else 1
            if i < end and (tokens[i].lower_ == "on" or tokens[i].lower_ in words.SUBJECT_PRONOUNS):
                return None  # comme on dit, comme il le rappelle: the subject before its verb
        i, grouped = self._verb_group(i, end)
        if i >= end:
            return None
        verb = tokens[i]
        after_quote = start_i > 0 and tokens[start_i - 1].text in '»”"'
        cue = self.lexicon.cue(verb)
        if cue is None and after_quote and self._opens_sentence(tokens[start_i - 1].idx):
            cue = self._free_incise_cue(verb, grouped, end)
        if cue is None or (
            verb.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "PROPN", "X")  # X: dixit
            and not inverted_verb(token_view(self.parsed).text, i)  # tranche-t-il, read as a numeral
        ):
            return None
        if not grouped and i == start_i + 1 and verb.lower_.endswith(PARTICIPLE_ENDINGS):
            return None  # …, appelés métabolites / confirmant une information: no auxiliary, no incise
        if not after_quote and self._subject_before(verb):
            return None  # la ministre …, Yvette Cooper, a appelé X à: not an incise
        subject = self._subject_after(verb, end)
        if subject is None:
            return None
        if verb.i + 1 < end and tokens[verb.i + 1].lower_ in ("que", "qu'", "qu’"):
            return None  # a déclaré que …: not an incise
        # a-t-il estimé: the inverted pronoun stands before the participle, the incise ends after both
        stop = max(self._incise_end(subject, end), verb.idx + len(verb))
        return Incise(verb, cue, subject, tokens[start_i].idx, stop)

    def _opens_sentence(self, closing: int) -> bool:
        """Return True when the quotation closed at ``closing`` opens its sentence (or follows
        a colon): only a whole quoted sentence takes an incise with any verb."""
        at = self._closed_at  # the first quotation closed there, off an index: not a walk over all
        found = min((at[e] for e in (closing, closing + 1) if e in at), default=None)
        if found is None:
            return False
        before = self.text[self.sentence_start(found[1].open) : found[1].open].strip()
        return not before or before.endswith(":")

    def _free_incise_cue(self, verb: Token, grouped: bool, end: int) -> Cue | None:
        """Return a cue for a verb the lexicon lacks, in the incise right after a closing mark
        with its subject inverted after it (« … », crédite en privé l'ancien ministre X;
        « … », sourit-elle; « … », prolonge son homologue, Y): French inverts the subject
        after a quotation only for a verb of saying, or one used as such, so the
        construction itself is the cue. The verb must look like a finite verb (or a
        participle after its auxiliary) and its inverted subject must be able to speak."""
        word = verb.lower_
        if not word.isalpha() or not verb.text.islower() or verb.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN"):
            return None
        if word in self.lexicon.word_class("person") or word in self.lexicon.word_class("org"):
            return None
        tokens = self.parsed
        near = tokens[max(verb.i - 3, 0) : min(verb.i + 3, end)]
        hyphen = any(t.text.startswith("-") and t.text[1:].lower() in _INVERTED_PRONOUNS for t in near)
        auxiliary = grouped and any(
            t.lower_ in words.auxiliary_forms() for t in tokens[max(verb.i - 4, 0) : verb.i]
        )
        if auxiliary:
            if not word.endswith(_PARTICIPLE_LIKE):
                return None  # a-t-il convenu, s'est remémoré, a écrit
        elif not word.endswith(_FINITE_ENDINGS):
            return None  # argumente-t-elle, se remémore X, tranche X
        if not hyphen:
            subject = self._subject_after(verb, end)
            if subject is None or subject.pos_ == "PRON" or not self.resolver.can_speak(subject):
                return None
        guesses = infinitive_guesses(word)
        lemma = verb.lemma_.lower() if verb.pos_ == "VERB" or not guesses else guesses[0]
        return Cue(lemma, "incise", "incise")

    def _verb_group(self, i: int, end: int) -> tuple[int, bool]:
        """Return the index of the cue of an incise's verb group starting at token ``i``, and
        whether anything (a clitic, an auxiliary, a semi-auxiliary) came before it: s'est-il
        inquiété, lui a répondu, a fait savoir, a tenu à souligner, s'est pour sa part étonné."""
        tokens = token_view(self.parsed).tokens  # the view's Tokens: none made per read
        grouped = False
        while i < end and tokens[i].lower_ in _CLITICS:
            i, grouped = i + 1, True
        if i < end and tokens[i].lower_ in words.auxiliary_forms():
            i, grouped = i + 1, True
        while i < end:
            token = tokens[i]
            phrase = _ADVERBIAL.match(self.text, token.idx)
            if token.text.startswith("-") or token.lower_ in words.NE_TOKENS:
                i += 1  # a-t-il, n'a pas
            elif phrase is not None:
                i = self.token_after(phrase.end())  # de son côté, pour sa part
            elif token.pos_ == "ADV" and i + 1 < end and tokens[i + 1].text != ",":
                i += 1  # a encore déclaré
            elif token.lower_ in _SEMI_AUX and i + 1 < end and tokens[i + 1].pos_ in ("VERB", "ADP", "AUX"):
                i, grouped = i + 1, True  # a tenu à souligner, a voulu rappeler
                if i < end and tokens[i].lower_ in ("à", "de", "d'", "d’"):
                    i += 1
            elif token.lemma_ == "faire" and i + 1 < end and tokens[i + 1].lemma_ in ("savoir", "valoir"):
                i, grouped = i + 1, True  # a fait savoir: the cue is read on savoir
            else:
                break
        return i, grouped

    def _subject_before(self, verb: Token) -> bool:
        """Return True when the verb's own subject stands before it with no other verb in
        between (an apposition, not a quoted clause, separates them)."""
        if any(
            (c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i and self.resolver.can_speak(c))
            or (c.text.startswith("-") and c.text[1:].lower() in _INVERTED_PRONOUNS)
            or (c.dep_ == "obj" and c.i > verb.i and self._named_then_comma(c))
            for c in verb.children
        ):
            # a subject after the verb too (…, a indiqué mardi l'Insee; La réforme, a-t-il
            # estimé, …; Le projet, estime Claire Dumas, …, a name the parser took for an
            # object): an incise
            return False
        if any(
            t.text.startswith("-") and t.text[1:].lower() in _INVERTED_PRONOUNS
            for t in self.parsed[max(verb.i - 3, 0) : verb.i]
        ):
            return False  # a-t-elle souligné split as -t | -elle: the pronoun hangs on -t, not the verb
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < verb.i and not child.text.startswith("-"):
                if self.inside_mark(child.idx) is not None:
                    continue  # the parser made the quoted clause the subject of the incise
                if self.inside_mark(verb.idx) is not None:
                    continue  # an incise inside the marks: a subject outside them is not its own
                between = self.parsed[child.right_edge.i + 1 : verb.i]
                if not any(t.pos_ == "VERB" for t in between):
                    return True
        return False

    def _named_then_comma(self, token: Token) -> bool:
        """Return True for a person's name closed by a comma or the sentence end (…, estime
        Claire Dumas, …): inverted after a verb of saying, a subject, not an object."""
        nxt = token.right_edge.i + 1
        if nxt >= len(self.parsed) or self.parsed[nxt].text not in (",", ".", ";"):
            return False
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        named = self.resolver.mentions_in(lo, hi)
        return any(e.type == "PER" and m.start <= token.idx for _s, _e, m, e in named)

    def _subject_after(self, verb: Token, end: int) -> Token | None:
        for token in token_view(self.parsed).tokens[verb.i - 2 : min(verb.i + 3, end)]:
            if token.text.startswith("-") and token.text.lower().lstrip("-") in (
                "il",
                "elle",
                "ils",
                "elles",
                "on",
            ):
                return token
        subject = self.resolver.subject_of(verb)
        if subject is not None and subject.i > verb.i and subject.i < end and not _in_pp(subject):
            return subject
        subject = self.resolver.inverted_subject(verb)
        if subject is not None and subject.i < end and not subject.is_punct and not _in_pp(subject):
            return subject
        # The parser lost the link: the first noun phrase after the verb that no preposition
        # opens (a indiqué sur France Inter la porte-parole …: the speaker is the porte-parole).
        in_pp = False
        for token in self.parsed[verb.i + 1 : min(verb.i + _PP_TOKENS, end)]:
            if token.is_punct:
                return None
            nxt = self.parsed[token.i + 1] if token.i + 1 < len(self.parsed) else token
            if self._in_timex(token.idx):
                in_pp = False  # a time ends what came before it (se souvenait en 2016 X)
            elif token.pos_ == "ADP" or (token.pos_ == "ADV" and nxt.pos_ == "ADP"):
                in_pp = True  # auprès de, lors de: an adverb and de make a preposition
            elif token.pos_ == "DET" and in_pp and self.parsed[token.i - 1].pos_ != "ADP":
                in_pp = False  # a noun phrase after the prepositional one
            elif token.pos_ in ("NOUN", "PROPN") and not in_pp:
                return token  # not a time (a annoncé dimanche soir sur TF1 le maire …)
            elif token.pos_ == "ADJ" and not in_pp and self.parsed[token.i - 1].pos_ == "DET":
                return token  # confie la quadragénaire: a noun the tagger read as an adjective
            elif token.text[:1].isupper() and self.parsed[token.i - 1].pos_ in ("NOUN", "PROPN"):
                # A person's name right after the prepositional phrase (a indiqué à l'AFP
                # Julien Marchal): a new name there starts the subject, not the complement
                # (the tagger may call a rare given name a verb: test the mention).
                if any(
                    s == token.idx and entity.type == "PER"
                    for s, _e, _m, entity in self.resolver.mentions_in(token.idx, token.idx + 1)
                ):
                    return token
        return None

    def _in_timex(self, offset: int) -> bool:
        """Return True inside a time expression the time stage found."""
        return any(t.start <= offset < t.end for t in self.doc.timexes)

    def _incise_end(self, subject: Token, end: int) -> int:
        _start, stop = self.speaker_phrase(subject)
        return stop


def _in_pp(token: Token) -> bool:
    """Return True for a noun a preposition governs (sur France Inter, à la radio), also when
    the parser split the name and hung its last word elsewhere (sur France | Bleu)."""
    if any(child.dep_ == "case" and child.i < token.i for child in token.children):
        return True
    if token.left_edge.pos_ == "DET":
        return False  # le maire de X after sur TF1: a determiner opens a new phrase
    i = token.left_edge.i - 1
    while i >= 0 and token.doc[i].pos_ == "PROPN":
        i -= 1
    return i < token.left_edge.i - 1 and i >= 0 and token.doc[i].pos_ == "ADP"
