"""Tell a name or term in quotation marks from a quotation (« Orechnik », le « Gros Armand »)."""

from __future__ import annotations

import re

from veille.analysis.lang.fr.words import NAME_PARTICLES
from veille.analysis.quotes.context import QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.syntax.clauses import bare_participle
from veille.analysis.syntax.tense import feature

# A name or term in marks: at most this many capitalised words (« The Wall Street Journal »),
# joined by these small words.
_TERM_WORDS = 4
# Verbs that give a name, not speech, before a capitalised term (que ses joueurs appellent « … »).
_NAMING_VERBS = frozenset({"appeler", "nommer", "surnommer", "baptiser", "rebaptiser"})
# comme and an object clitic right after the marks, before a naming verb (« … », comme l'appellent).
_COMME_CLITIC = re.compile(r"\s*,?\s*comme\s+(?:l['’]|les?\s+|la\s+)", re.IGNORECASE)
# The words that may stand between a charge word and the marks (interpellés pour « … »,
# une plainte pour des faits de « … », mis en examen des chefs de « … »).
_CHARGE_LEAD = re.compile(
    r"\b(?:pour|des\s+chefs?\s+d['’]|du\s+chef\s+d['’]|des\s+chefs?\s+de|du\s+chef\s+de)"
    r"(?:\s+(?:des\s+)?faits\s+d['’e]\w*)?\s*(?:[«“\"]\s*)?$",
    re.IGNORECASE,
)
# Charges in marks coordinated before this one (« outrage … » et « injure … »).
_COORDINATED = re.compile(r"(?:[«“\"][^«»“”\"]*[»”\"]\s*(?:,|et|ou)\s*)+$")
# At most this many words in a charge's name (« violences volontaires en réunion »).
_CHARGE_WORDS = 8
# How many words before that lead a charge word may stand (interpellés jeudi soir pour).
_CHARGE_WINDOW = 10
# A clause in marks holds this many words at least (ce plan « ne suffira pas à … »).
_MIN_CLAUSE_WORDS = 4
# Endings of past participles the tagger may read as nouns (« conduite dans le calme »).
_PARTICIPLE = ("é", "ée", "és", "ées", "uite", "uit", "ise", "is")
# The lower-case words inside a name: the surname particles (words.NAME_PARTICLES), the
# elided and plural articles, coordination, English links, and the links of Spanish, Italian
# and Portuguese names (Virgen del Mar, Rio das Velhas, Isabel y Fernando).
_NAME_LINKS = NAME_PARTICLES | frozenset(
    {"d'", "d’", "les", "l'", "l’", "et", "of", "the", "and", "del", "della", "do", "dos", "das", "y"}
)


def is_term(ctx: QuoteContext, mark: MarkedSpan, before: str) -> bool:
    """Return True for a name or term in marks (« Orechnik », « The Wall Street Journal »,
    le « Gros Armand »): a few capitalised words, no sentence punctuation, no colon before
    and no incise after. Said words need a cue; a name in marks has none."""
    inner = ctx.text[mark.start : mark.end].strip()
    if not inner or inner[-1] in ".!?…" or before.rstrip().endswith(":"):
        return False
    words = [w for w in re.findall(r"[\w’'.-]+", inner) if w.lower() not in _NAME_LINKS]
    if not 1 <= len(words) <= _TERM_WORDS or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    last = re.findall(r"[\w-]+", before.lower())[-2:]
    if set(last) & ctx.lexicon.word_class("source"):
        return True  # le journal américain « The Wall Street Journal »: a title after its noun
    if named_by_verb(ctx, mark):
        return True  # Il surnommait X « le Gros Armand », rapporte Y: a nickname, whatever follows
    if _named_after(ctx, mark):
        return True  # Le « Professeur », comme l'appellent ses élèves: the name they give
    cue = ctx.cue_before(ctx.sentence_start(mark.open), mark.open)
    if cue is not None and cue.lemma_ not in _NAMING_VERBS:
        return False  # dénonce « la Russie de Poutine »: a quoted phrase with its cue
    after_i = ctx.token_after(mark.outer_end)
    return after_i >= len(ctx.parsed) or ctx.incise_at(after_i) is None


def named_by_verb(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True when the last verb before the marks in their sentence is a naming verb
    (surnommer, baptiser, appeler), with no sentence punctuation between: the capitalised
    words are the name it gives, also across an apposition (surnommait X, président de la
    République entre 1906 et 1913, « … ») and when an incise that reports the whole sentence
    follows (…, rapporte l'historien)."""
    lo = ctx.token_after(ctx.sentence_start(mark.open))
    for token in reversed(ctx.parsed[lo : ctx.token_after(mark.open)]):
        if token.text in '.;:!?«»"“”':
            return False
        if token.pos_ in ("VERB", "AUX") and not bare_participle(token):  # élu depuis 1995: an apposition
            return token.lemma_ in _NAMING_VERBS
    return False


def _named_after(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True when a clause of naming follows the marks (Le « Professeur », comme
    l'appellent ses élèves; « Mimi », comme la surnomment ses proches): comme, an object
    clitic and a naming verb give the words in marks as the name, not as speech."""
    following = _COMME_CLITIC.match(ctx.text, mark.outer_end)
    if following is None:
        return False
    i = ctx.token_after(following.end())
    return i < len(ctx.parsed) and ctx.parsed[i].lemma_ in _NAMING_VERBS


def is_charge(ctx: QuoteContext, mark: MarkedSpan, before: str) -> bool:
    """Return True for the legal name of an offence in marks (interpellés pour « outrage et
    rébellion », une plainte pour « injure publique », mis en examen du chef d'« abus de
    biens sociaux »): the qualification of the facts the procedure uses, quoted from it, not
    the words of a speaker. A word of legal procedure (the ``charge`` class of
    quote_words.tsv) stands a few words before *pour* or *du chef de*."""
    before = _COORDINATED.sub("", before)  # pour « outrage … » et « injure … »: both charges
    lead = _CHARGE_LEAD.search(before)
    if lead is None:
        return False
    inner = ctx.text[mark.start : mark.end]
    if re.search(r"[.!?…]\s*$", inner) or len(inner.split()) > _CHARGE_WORDS:
        return False
    words = re.findall(r"[\w’'-]+", before[: lead.start()].lower())[-_CHARGE_WINDOW:]
    return bool(set(words) & ctx.lexicon.word_class("charge"))


def _qualifies(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True for a lower-case fragment opening with an adjective or a participle after a
    noun that usually announces a name (une opération « conduite dans le calme », un plan
    « irréaliste »): it qualifies the noun in the speaker's words, where a name would be a
    noun or capitalised (l'opération « Barkhane », le plan « vélo »)."""
    inner = ctx.text[mark.start : mark.end].lstrip()
    if not inner[:1].islower():
        return False
    i = ctx.token_after(mark.start)
    if i >= len(ctx.parsed):
        return False
    first = ctx.parsed[i]
    return first.pos_ == "ADJ" or "Part" in feature(first, "VerbForm") or first.lower_.endswith(_PARTICIPLE)


def said_after_blocker(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True when marks after a word that usually announces a name (plan, opération,
    film) hold words said rather than a name: a clause or a qualification."""
    return _clause_in(ctx, mark) or _qualifies(ctx, mark) or _said_infinitive(ctx, mark)


# The forms of dire that also announce a nickname (Jean Martin, dit « le Tsar »).
_DIT = frozenset({"dit", "dite", "dits", "dites"})
# Clitics and negation that may open a reported infinitive (« ne pas céder », « s'en remettre »).
_BEFORE_INFINITIVE = frozenset("ne n' n’ pas se s' s’ en y le la les l' l’ lui leur".split())


def _said_infinitive(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True for a lower-case infinitive in marks right after a form of dire (il a dit
    « regretter profondément » la décision; l'ambassadrice, qui dit « comprendre
    l'inquiétude »): dire with an infinitive reports what the subject says of itself, where
    the nickname that dit announces (Jean Martin, dit « le Tsar ») is a noun phrase."""
    words = re.findall(r"[\w-]+", ctx.text[max(mark.open - 12, 0) : mark.open].lower())
    inner = ctx.text[mark.start : mark.end].lstrip()
    if not words or words[-1] not in _DIT or not inner[:1].islower():
        return False
    i, end = ctx.token_after(mark.start), ctx.token_after(mark.end)
    while i < end and ctx.parsed[i].lower_ in _BEFORE_INFINITIVE:
        i += 1
    return i < end and ctx.parsed[i].pos_ in ("VERB", "AUX") and "Inf" in feature(ctx.parsed[i], "VerbForm")


def _clause_in(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True when the marks hold a lower-case clause with a finite verb (ce plan « ne
    suffira pas à … »): a statement, never the name or title a blocker word announces."""
    words = ctx.text[mark.start : mark.end].split()
    if len(words) < _MIN_CLAUSE_WORDS or not words[0][:1].islower():
        return False
    tokens = ctx.parsed[ctx.token_after(mark.start) : ctx.token_after(mark.end)]
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in tokens)
