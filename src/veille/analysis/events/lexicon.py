"""Read the event tables: the trigger table and the word lists of the events stage.

``lang/fr/data/plover_triggers.tsv`` maps French verbs, nouns and fixed phrases to PLOVER
types with their argument frame; ``events_lexicon.json`` holds the word lists (hard
negatives, mode cues, factivity, senses); ``evaluation_fr.tsv`` the negative evaluative
words of reported judgements. Sources: ``lang/fr/data/SOURCES.md`` and docs/events.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.morphology import infinitive_guesses
from veille.errors import SettingsError
from veille.model import EVENT_TYPES
from veille.normal import fold

# What a row may require of its clause (column "needs"): an infinitive, a reflexive clitic,
# aid as the object, a diplomat, a relations word, an armed word, a complement clause, a
# coercive warning (against an act, not about a state), a protest cue (se rassembler à l'appel
# de X, contre Y, pour dénoncer Z: not a rally behind a leader).
NEEDS = frozenset({"-", "inf", "refl", "mat", "dipl", "rel", "arm", "que", "warn", "demo", "court"})


@dataclass(frozen=True)
class Trigger:
    """One row of the trigger table."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    mode: str | None
    recipient: tuple[str, ...]  # slots in order: obj, à, avec, contre, entre, ccomp, loc…
    actor_de: bool  # a noun whose de-complement names the actor
    needs_inf: bool
    source: str
    needs_material: bool = False  # only when the object is aid (envoyer des secours)
    needs_reflexive: bool = False  # only with se (se rendre à: a visit; rendre: no event)
    needs: str = "-"  # the raw "needs" cell (dipl, rel, arm, que are read by senses.py)
    actor_par: bool = False  # a nominalisation: par-agent acts, de-complement undergoes


@dataclass(frozen=True)
class Shift:
    """A trigger whose type changes with a word of its clause (condamner à une amende:
    a sentence, not a verbal condemnation)."""

    lemma: str
    cues: frozenset[str]
    type: str
    mode: str | None


@dataclass(frozen=True)
class Sense:
    """A trigger whose type depends on the kind of its arguments (interpeller an institution
    is a request, a person by the police an arrest)."""

    lemma: str
    recipient_types: frozenset[str]  # entity types of the recipient that select this sense
    actor_types: frozenset[str]  # and of the actor (empty: any)
    type: str
    mode: str | None
    every: bool = False  # every recipient (not just one) must be of recipient_types


@dataclass(frozen=True)
class EventLexicon:
    """The trigger table and the word lists of ``events_lexicon.json``."""

    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phrases: dict[str, Trigger]  # several words: first lemma → trigger
    blocks: tuple[str, ...]
    mode_cues: dict[str, str]
    actor_heads: frozenset[str]
    inverting_verbs: frozenset[str]
    first_person: frozenset[str]
    material: frozenset[str] = frozenset()
    shifts: tuple[Shift, ...] = ()
    national_heads: frozenset[str] = frozenset()
    senses: tuple[Sense, ...] = ()
    cue_words: dict[str, frozenset[str]] | None = None  # needs → its cue words
    non_factive: frozenset[str] = frozenset()
    refusal: frozenset[str] = frozenset()
    offer: frozenset[str] = frozenset()  # proposer de, offrir de: the offered act is an AGREE
    hazards: frozenset[str] = frozenset()  # cyclone, séisme: a natural force is no actor (folded)
    cooperative: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    negative_words: frozenset[str] = frozenset()
    insult_words: frozenset[str] = frozenset()  # menteur: only after traiter X de (evaluation.py)
    blocks_before: tuple[str, ...] = ()
    light_verbs: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    party_object: frozenset[str] = frozenset()
    unreal_marks: frozenset[str] = frozenset()  # pour (que), si: a clause that asserts nothing
    conduct_verbs: frozenset[str] = frozenset()  # appeler X à la retenue: a noun for the infinitive
    not_conduct: frozenset[str] = frozenset()
    convening_verbs: frozenset[str] = frozenset()  # convoquer: la réunion convoquée par X
    protest_sites: dict[str, str] = field(default_factory=dict)  # usine: work, préfecture: seat
    placing_verbs: frozenset[str] = frozenset()  # placer X en garde à vue (placements.py)
    flow_adjectives: dict[str, frozenset[str]] = field(default_factory=dict)  # échanges commerciaux
    projectiles: frozenset[str] = frozenset()  # tirer des obus, not tirer un trait (flows.py)
    blame_verbs: frozenset[str] = frozenset()  # tenir X pour responsable (blame.py)
    blame_words: frozenset[str] = frozenset()
    authored_nouns: frozenset[str] = frozenset()  # la position indonésienne (objects.authored_act)
    # The phrases by their first lemma, in table order: a token tries only the phrases
    # it can open instead of every phrase (the stage asks this of every token).
    phrase_heads: dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]] = field(
        init=False, repr=False, compare=False
    )

    def verb_trigger(self, lemma: str, form: str) -> Trigger | None:
        """Return the verb trigger of a word by its lemma (lower-cased), else by an infinitive
        its form may come from (the lemmatiser misreads some participles), or None."""
        if lemma in self.verbs:
            return self.verbs[lemma]
        # A function of the form alone from here: asked of every verb, noun and adjective of
        # an article, each form's guesses are worked out once.
        known = self._verb_by_form
        if form in known:
            return known[form]
        found = next((self.verbs[c] for c in infinitive_guesses(form) if c in self.verbs), None)
        if len(known) >= _MAX_KNOWN_FORMS:
            known.clear()  # a bound on a long run's memory; the common words come back at once
        known[form] = found
        return found

    @cached_property
    def _verb_by_form(self) -> dict[str, Trigger | None]:
        return {}

    # Word sets the event stage reads off the rows for every article: made once.
    @cached_property
    def par_actor_nouns(self) -> frozenset[str]:
        """The nouns whose actor a par-complement names (la réunion convoquée par X)."""
        return frozenset(lemma for lemma, row in self.nouns.items() if row.actor_par)

    @cached_property
    def verbs_of_judging_types(self) -> frozenset[str]:
        """The verbs whose rows judge or take a side (ACCUSE, REJECT, SUPPORT, PROTEST)."""
        return frozenset(lemma for lemma, row in self.verbs.items() if row.type in JUDGING_TYPES)

    @cached_property
    def accusing_nouns(self) -> frozenset[str]:
        """The nouns of ACCUSE rows (accusation, reproche)."""
        return frozenset(word for word, row in self.nouns.items() if row.type == "ACCUSE")

    def __post_init__(self) -> None:
        heads: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
        for phrase, trigger in self.phrases.items():
            first, *rest = phrase.replace("'", "' ").split()  # as the tokenizer cuts d' accord
            heads.setdefault(first, []).append((tuple(rest), trigger))
        object.__setattr__(self, "phrase_heads", {k: tuple(v) for k, v in heads.items()})


_MAX_KNOWN_FORMS = 1 << 16
# Types whose verbs judge or answer another party's thing (a dénoncé son projet: whose?).
JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})


def _trigger(number: int, cells: list[str]) -> Trigger:
    line = "\t".join(cells)
    if len(cells) != 8 or cells[1] not in ("VERB", "NOUN") or cells[2] not in EVENT_TYPES:
        raise SettingsError(f"plover_triggers.tsv line {number}: malformed row {line!r}")
    if cells[6] not in NEEDS:
        raise SettingsError(f"plover_triggers.tsv line {number}: unknown needs {cells[6]!r}")
    return Trigger(
        lemma=cells[0], pos=cells[1], type=cells[2], mode=None if cells[3] == "-" else cells[3],
        recipient=tuple(cells[4].split(",")), actor_de=cells[5] == "de", needs_inf=cells[6] == "inf",
        source=cells[7], needs_material=cells[6] == "mat",
        needs_reflexive=cells[6] == "refl", needs=cells[6], actor_par=cells[5] == "par",
    )  # fmt: skip


@cache
def load_event_lexicon() -> EventLexicon:
    """Read the trigger table and the word lists once per process."""
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrases: dict[str, Trigger] = {}
    for number, cells in tables.read_rows("plover_triggers.tsv", header=False):
        trigger = _trigger(number, cells)
        if " " in trigger.lemma:
            phrases[trigger.lemma] = trigger
        else:
            (verbs if trigger.pos == "VERB" else nouns)[trigger.lemma] = trigger
    words = tables.read_json("events_lexicon.json")
    negative = frozenset(
        cells[0] for _, cells in tables.read_rows("evaluation_fr.tsv", header=True) if cells[1] == "neg"
    )
    insult = frozenset(
        cells[0] for _, cells in tables.read_rows("evaluation_fr.tsv", header=True) if cells[3] == "insult"
    )

    return EventLexicon(
        verbs=verbs, nouns=nouns, phrases=phrases, blocks=tuple(words["blocks"]),
        mode_cues=dict(words["mode_cues"]), actor_heads=frozenset(words["actor_heads"]),
        inverting_verbs=frozenset(words["inverting_verbs"]),
        first_person=frozenset(words["first_person"]), material=frozenset(words["material"]),
        shifts=tuple(
            Shift(lemma, frozenset(row["cues"]), row["type"], row["mode"])
            for lemma, row in words["shifts"].items()
        ),
        national_heads=frozenset(words.get("national_heads", ())),
        senses=tuple(
            Sense(
                row["lemma"], frozenset(row["recipient_types"]), frozenset(row["actor_types"]), row["type"],
                row["mode"], row.get("every", False),
            )
            for row in words["senses"]
        ),
        cue_words={key: frozenset(values) for key, values in words["needs_cues"].items()},
        non_factive=frozenset(words["non_factive"]), refusal=frozenset(words["refusal"]),
        offer=frozenset(words["offer"]), hazards=frozenset(fold(w) for w in words["hazards"]),
        cooperative=frozenset(words["cooperative_types"]),
        judging_verbs=frozenset(words["judging_verbs"]), negative_words=negative, insult_words=insult,
        blocks_before=tuple(words["blocks_before"]), light_verbs=frozenset(words["light_verbs"]),
        object_control=frozenset(words["object_control"]), party_object=frozenset(words["party_object"]),
        unreal_marks=frozenset(words["unreal_marks"]),
        conduct_verbs=frozenset(words["conduct_nouns"]["verbs"]),
        not_conduct=frozenset(words["conduct_nouns"]["not_conduct"]),
        convening_verbs=frozenset(words["convening_verbs"]),
        protest_sites=dict(words["protest_sites"]),
        placing_verbs=frozenset(words["placing_verbs"]),
        flow_adjectives={noun: frozenset(adjs) for noun, adjs in words["flow_adjectives"].items()},
        projectiles=frozenset(words["projectiles"]),
        blame_verbs=frozenset(words["blame_verbs"]),
        blame_words=frozenset(words["blame_words"]),
        authored_nouns=frozenset(words["authored_nouns"]),
    )  # fmt: skip
