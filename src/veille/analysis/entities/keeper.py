"""Drop the entities a learned check is sure are no names, once every stage has run.

The hand rules of ``find.py`` drop capitalised common words one class at a time; what is
left over on unseen news is page furniture and odd capitals that no single rule covers: a
rubric heading (*ÉCONOMIE | MINES*), a time stamp line (*11:52 - Modifié*), an author's
closing initials (*C. R.*), a capitalised common noun opening a sentence (*Cyberattaque*).
A logistic regression over the finished entity (its type, how often and where its name is
said, whether it is linked, has a role, a gender, capitals only, initials only, a digit, a
rubric bar, a word said in lower case elsewhere in the text, a name inside another entity's
name) scores how likely it is a false entity. It was trained on the project's annotated
articles (scripts/train_entity_keeper.py, leave-one-article-out), and its threshold was
chosen on the held-out scores for precision: a name dropped wrongly costs a found entity.

Only an entity nothing else points to is dropped: no quote's speaker, no event's party or
place, no role's ``of``. The others are renumbered (``e1``, ``e2``… in the order of their
first mention, as the contract says), and every reference follows them. The weights are a
small JSON table, data/entity_keeper.json; a threshold above 1 switches the check off.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from veille.analysis.lang.fr.tables import read_json
from veille.analysis.lang.fr.words import ARTICLES, NAME_PARTICLES, OF_TOKENS, TO
from veille.analysis.logistic import Logistic
from veille.model import Document, Entity, Mention, Role

# The types the evaluation counts (a MISC name is never a false entity there, DESIGN.md §8).
CHECKED_TYPES = frozenset({"PER", "ORG", "LOC"})

FEATURES = (
    "type_PER",
    "type_ORG",
    "type_LOC",
    "n_names",
    "one_name",
    "desc_only",
    "n_desc",
    "kb_q",
    "kb_local",
    "n_words",
    "one_word",
    "all_caps",
    "digit",
    "pipe_or_colon",
    "lower_word",
    "initials",
    "roles",
    "gender",
    "country",
    "all_at_start",
    "in_heading",
    "lower_elsewhere",
    "inside_other",
    "contains_other",
    "bias",
)

# Linking words of a name, in lower case inside it (Banque de France, Jean de La Fontaine).
_PARTICLES = NAME_PARTICLES | ARTICLES | OF_TOKENS | TO | {"l’", "et", "en", "sur", "sous", "pour"}
_WORD = re.compile(r"[\w'’.-]+")
_INITIAL = re.compile(r"[A-Z]\.?")
_SENTENCE_END = re.compile(r"[.!?»:]\s*$")
_ID = re.compile(r"e\d+")
_HEADING_CHARS = 90  # a line shorter than this, with no closing stop, is a heading


@cache
def load_keeper() -> Logistic:
    """Return the shipped check (data/entity_keeper.json)."""
    return Logistic.from_table(read_json("entity_keeper.json"), FEATURES)


def _at_start(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 3) : mention.start]
    return mention.start == 0 or "\n" in before or bool(_SENTENCE_END.search(before)) or before.endswith("« ")


def _in_heading(text: str, mention: Mention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.start)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line) < _HEADING_CHARS and not line.endswith((".", "»", '"', ":"))


def _said(word: str, text: str) -> bool:
    """Tell whether ``word`` occurs in ``text`` between two non-word characters. A word of
    word characters only does so when it is one of the text's runs of them (``_word_runs``,
    read once a text, where a scan of the whole text for each entity grew with the square
    of its length); another is looked for with the pattern, ``word in text`` asked first."""
    if word and all(_is_word(c) for c in word):
        return word in _word_runs(text)
    return word in text and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@lru_cache(maxsize=4)
def _word_runs(text: str) -> frozenset[str]:
    """Return the text's maximal runs of word characters (``\\w``)."""
    return frozenset(re.findall(r"\w+", text))


class OtherNames:
    """The name mentions of a document's entities, lowered, with the pieces of each that lie
    between two non-word characters (or its ends): what ``inside_other`` and
    ``contains_other`` look for. Read once a document: asking every pair of names (a
    pattern compiled per pair) was quadratic in the names of an article, a tenth of the
    stages' time on a 20,000-word text."""

    def __init__(self, named: Iterable[tuple[str | None, str]]) -> None:
        # each lowered text, with the ids of the entities that say it (None: unknown)
        self.texts: dict[str, set[str | None]] = {}
        for owner, name in named:
            self.texts.setdefault(name.lower(), set()).add(owner)
        # each piece of a text short of the whole, with the ids of the entities saying it
        self.pieces: dict[str, set[str | None]] = {}
        for lowered, owners in self.texts.items():
            for piece in _pieces(lowered):
                if piece != lowered:
                    self.pieces.setdefault(piece, set()).update(owners)

    @classmethod
    def of(cls, doc: Document) -> OtherNames:
        """Return the index of a document's name mentions."""
        return cls((e.id, m.text) for e in doc.entities for m in e.mentions if m.kind == "name")

    def inside_other(self, entity_id: str, key: str) -> bool:
        """Tell whether ``key`` is said inside a longer name of another entity."""
        return any(owner != entity_id for owner in self.pieces.get(key, ()))

    def contains_other(self, entity_id: str, key: str) -> bool:
        """Tell whether another entity's name of more than three characters is said inside
        ``key`` (and is not ``key`` itself)."""
        return any(
            len(piece) > 3 and piece != key and any(owner != entity_id for owner in self.texts.get(piece, ()))
            for piece in _pieces(key)
        )


def _pieces(text: str) -> set[str]:
    """Return every ``text[s:e]`` (``s <= e``) with no word character just before ``s`` nor
    just at ``e``: the strings ``(?<!\\w)…(?!\\w)`` finds in ``text`` (``\\w``: ``isalnum``
    or ``_``)."""
    size = len(text)
    starts = [i for i in range(size + 1) if i == 0 or not _is_word(text[i - 1])]
    ends = [j for j in range(size + 1) if j == size or not _is_word(text[j])]
    return {text[s:e] for s in starts for e in ends if s <= e}


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what a str pattern's word class matches


def features(entity: Entity, text: str, index: OtherNames) -> list[float]:
    """Return the feature vector of ``entity`` (in the order of FEATURES), given the
    article's text and the document's name mentions (``OtherNames``)."""
    names = [m for m in entity.mentions if m.kind == "name"]
    described = len(entity.mentions) - len(names)
    words = _WORD.findall(entity.name)
    letters = [c for c in entity.name if c.isalpha()]
    kb = entity.kb_id or ""
    first = words[0] if words else ""
    key = entity.name.lower()
    value = {
        "type_PER": entity.type == "PER",
        "type_ORG": entity.type == "ORG",
        "type_LOC": entity.type == "LOC",
        "n_names": math.log1p(len(names)),
        "one_name": len(names) == 1,
        "desc_only": not names,
        "n_desc": math.log1p(described),
        "kb_q": kb.startswith("Q"),
        "kb_local": bool(kb) and not kb.startswith("Q"),
        "n_words": min(len(words), 6) / 6,
        "one_word": len(words) == 1,
        "all_caps": len(letters) > 5 and all(c.isupper() for c in letters),
        "digit": any(c.isdigit() for c in entity.name),
        "pipe_or_colon": any(c in entity.name for c in "|:"),
        "lower_word": any(w[:1].islower() and w.lower() not in _PARTICLES for w in words[1:]),
        "initials": bool(words) and all(_INITIAL.fullmatch(w) for w in words),
        "roles": bool(entity.roles),
        "gender": entity.gender is not None,
        "country": entity.country is not None,
        "all_at_start": bool(names) and all(_at_start(text, m) for m in names),
        "in_heading": bool(names) and _in_heading(text, names[0]),
        "lower_elsewhere": first[:1].isupper() and _said(first.lower(), text),
        "inside_other": index.inside_other(entity.id, key),
        "contains_other": index.contains_other(entity.id, key),
        "bias": True,
    }
    return [float(value[name]) for name in FEATURES]


def pointers(doc: Document) -> dict[str, frozenset[str]]:
    """Return the ids of the entities quotes speak through (``speaker``), events take as
    parties or places (``party``, ``place``) and roles name as their ``of``."""
    return {
        "speaker": frozenset(q.speaker for q in doc.quotes if q.speaker),
        "party": frozenset(i for ev in doc.events for i in (*ev.source, *ev.target)),
        "place": frozenset(ev.location for ev in doc.events if ev.location),
        "of": frozenset(r.of for e in doc.entities for r in e.roles if r.of),
    }


def referenced(doc: Document) -> frozenset[str]:
    """Return the ids of the entities a quote, an event or a role points to."""
    return frozenset().union(*pointers(doc).values())


def drop_false_entities(doc: Document, keeper: Logistic | None = None) -> Document:
    """Drop the unreferenced PER, ORG and LOC entities the check scores as no names, and
    renumber the rest with their references."""
    keeper = keeper or load_keeper()
    if keeper.threshold > 1.0 or not doc.entities:
        return doc
    kept_refs = referenced(doc)
    text = doc.article.text
    index = OtherNames.of(doc)
    dropped = {
        e.id
        for e in doc.entities
        if e.type in CHECKED_TYPES
        and e.id not in kept_refs
        and keeper.score(features(e, text, index)) >= keeper.threshold
    }
    if not dropped:
        return doc
    return renumbered(doc, dropped)


def renumbered(doc: Document, dropped: set[str], into: dict[str, str] | None = None) -> Document:
    """Return ``doc`` without the ``dropped`` entities, the rest renumbered in the order of
    their ids (which the stages give by first mention) and every reference following them;
    a dropped id in ``into`` (the merger's) is referred to its survivor, which is ordered
    by the earlier of the two ids."""
    into = into or {}
    kept = [e for e in doc.entities if e.id not in dropped]
    rank = {e.id: _number(e.id) for e in doc.entities}
    for gone, survivor in into.items():
        rank[survivor] = min(rank[survivor], rank[gone])
    order = sorted(kept, key=lambda e: rank[e.id])
    new = {e.id: f"e{n}" for n, e in enumerate(order, 1)}
    new.update({gone: new[survivor] for gone, survivor in into.items()})

    def ref(value: str | None) -> str | None:
        return new.get(value, value) if value else value

    def roles(entity: Entity) -> tuple[Role, ...]:
        return tuple(dataclasses.replace(r, of=ref(r.of)) for r in entity.roles)

    listed = order if into else kept  # a survivor moves to the earlier id's place
    entities = tuple(dataclasses.replace(e, id=new[e.id], roles=roles(e)) for e in listed)
    quotes = tuple(dataclasses.replace(q, speaker=ref(q.speaker)) for q in doc.quotes)
    events = tuple(
        dataclasses.replace(
            ev,
            source=tuple(dict.fromkeys(new.get(i, i) for i in ev.source)),
            target=tuple(dict.fromkeys(new.get(i, i) for i in ev.target)),
            location=ref(ev.location),
        )
        for ev in doc.events
    )
    return dataclasses.replace(doc, entities=entities, quotes=quotes, events=events)


def _number(entity_id: str) -> float:
    return int(entity_id[1:]) if _ID.fullmatch(entity_id) else math.inf
