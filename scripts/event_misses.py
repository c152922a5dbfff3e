"""List the required gold events the rules miss on the allowed sets, and why.

For each missed event of an allowed article (veille.eval.training.allowed: never the
held-out dev2 d2-025..d2-036 nor a blind set), the script looks for the sentences that
name a party of each side (the gold entity's forms), and in them for the words that open a
trigger of an accepted type. For each such word it says where the rules stop:

- ``light``/``name``/``accept``: the trigger is skipped before roles are read;
- ``no-actor``/``no-recipient``: the role gate drops it, with what the parse held in the
  missing slot (``/none``, ``/named``, ``/pronoun``, ``/description``) and its words;
- ``sense``/``factive``: the roles were read but the row's sense or factivity drops it;
- ``wrong-parties``: an event of that type came out of the sentence with other parties.

The summary counts the reasons per trigger word, and each missed event once by the reason
of its first trigger word (``no-trigger`` when none fired).

Usage: .venv/bin/python scripts/event_misses.py [GOLD ...] [--shared ../shared] [--summary]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from veille.analysis.events.calls import infinitive_sense
from veille.analysis.events.lexicon import EventLexicon, load_event_lexicon
from veille.analysis.events.nominal import noun_roles
from veille.analysis.events.parties import PartyIndex, UnnamedParties, words_of_names
from veille.analysis.events.roles import RoleReader
from veille.analysis.events.senses import accept, factive
from veille.analysis.events.triggers import light_verb, match_trigger
from veille.analysis.parse import parse_articles
from veille.analysis.pipeline import Pipeline
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.sentences import indexed_sentences
from veille.eval import training
from veille.eval.gold import Gold, GoldEvent
from veille.eval.harness import load_cases
from veille.eval.matching import EntityMap, map_entities, match_events
from veille.model import Document, Event, Failure
from veille.normal import fold

ROOT = Path(__file__).resolve().parent.parent
_COMPLEMENTS = ("obj", "obl", "obl:arg", "iobj", "obl:mod")


def default_golds(shared: Path) -> list[Path]:
    """Return the gold files of every allowed set (the training ones and tests/gold6)."""
    golds = training.training_golds(shared, ROOT)
    golds += sorted((ROOT / "tests/gold6").glob("*.gold.json"))
    return [g for g in dict.fromkeys(golds) if training.allowed(g)]


def forms(gold: Gold, name: str) -> list[str]:
    """Return the folded surface forms of a gold entity (names and descriptions)."""
    for entity in gold.entities:
        if entity.name == name:
            return [fold(f) for f in (entity.name, *entity.mentions, *entity.descriptions) if len(f) > 2]
    return [fold(name)]


def sentences_for(parsed: Doc, gold: Gold, event: GoldEvent) -> list[Span]:
    """Return the sentences naming a party of each side, else one side."""
    sources = [f for n in event.source for f in forms(gold, n)]
    targets = [f for n in event.target for f in forms(gold, n)]
    both, one = [], []
    for sentence in parsed.sents:
        text = fold(sentence.text)
        has_s = any(f in text for f in sources)
        has_t = any(f in text for f in targets)
        if has_s and has_t:
            both.append(sentence)
        elif has_s or has_t:
            one.append(sentence)
    return both or one[:4]


def _names(span_text: str, side: Sequence[str]) -> bool:
    text = fold(span_text)
    return any(f in text for f in side)


def where(token: Token, side: Sequence[str]) -> str:
    """Say where the gold party of a slot the gate found empty is told (``side``: its folded
    forms): a possessive of the noun, its de-complement, the antecedent of the relative it
    stands in, the subject of a governing clause, elsewhere in the sentence, the sentence
    before or after, elsewhere in the article, or nowhere by these forms."""
    if any(c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in token.children):
        return "possessive"
    for child in token.children:
        if child.dep_ == "nmod" and any(c.lower_ in ("de", "d'", "du", "des") for c in child.children):
            if _names(token.doc[child.left_edge.i : child.right_edge.i + 1].text, side):
                return "de-complement"
    for up in token.ancestors:
        if up.dep_ == "acl:relcl" and _names(up.head.text, side):
            return "relative"
        for child in up.children:
            if child.dep_.startswith("nsubj") and not child.is_ancestor(token) and child != token:
                if _names(token.doc[child.left_edge.i : child.right_edge.i + 1].text, side):
                    return "governing-subject"
    sentence = token.sent
    if _names(sentence.text, side):
        return "same-sentence"
    doc = token.doc
    before = doc[sentence.start - 1].sent if sentence.start > 0 else None
    after = doc[sentence.end].sent if sentence.end < len(doc) else None
    if before is not None and _names(before.text, side):
        return "previous-sentence"
    if after is not None and _names(after.text, side):
        return "next-sentence"
    return "elsewhere-in-article" if _names(doc.text, side) else "not-named"


def entity_names(doc: Document, ids: Sequence[str]) -> str:
    """Return the names of entities, joined by commas."""
    return ",".join(e.name if (e := doc.entity(i)) is not None else i for i in ids)


def why(token: Token, doc: Document, reader: RoleReader, lexicon: EventLexicon, names: frozenset[int]) -> str:
    """Say where the rules stop on a trigger word."""
    trigger = match_trigger(token, lexicon)
    assert trigger is not None
    if trigger.pos == "VERB" and light_verb(token, lexicon, trigger):
        return "light"
    if token.idx in names:
        return "name"
    if not accept(token, trigger, lexicon, trigger.needs == "mat"):
        return "accept"
    roles = reader.read(
        token, trigger.pos, trigger.recipient, trigger.actor_de, lexicon.inverting_verbs,
        trigger.actor_par,
    )  # fmt: skip
    if roles is None:
        verbal = trigger.pos != "NOUN"
        if verbal:
            actors = reader.actors_of_verb(subject_chain(token))[0]
            recips = [r for s in trigger.recipient for r in reader.by_slot(token, s)]
        else:  # a noun's sides as noun_roles reads them, so that the missing one is named
            actors, recips, _depth = noun_roles(
                reader, token, subject_chain(token), trigger.recipient, trigger.actor_de,
                lexicon.inverting_verbs, trigger.actor_par,
            )  # fmt: skip
        subj = [phrase(c, reader, doc) for c in token.children if c.dep_.startswith("nsubj")]
        objs = [f"{c.dep_}:{phrase(c, reader, doc)}" for c in token.children if c.dep_ in _COMPLEMENTS]
        side = "no-actor" if not actors else "no-recipient"
        wanted = _COMPLEMENTS if side == "no-recipient" else ("nsubj", "nsubj:pass")
        held = held_kind([c for c in token.children if c.dep_ in wanted], reader)
        return (
            f"{side}/{held} [{trigger.pos} slots={trigger.recipient} actors={entity_names(doc, actors)} "
            f"recips={entity_names(doc, recips)} subj={subj} objs={objs} head={token.head.text}/{token.dep_}]"
        )
    if infinitive_sense(token, trigger, roles, reader.types, lexicon) is None:
        return "sense"
    if not factive(token, trigger, lexicon):
        return "factive"
    return f"read {entity_names(doc, roles.actors)} -> {entity_names(doc, roles.recipients)}"


def held_kind(heads: Sequence[Token], reader: RoleReader) -> str:
    """Say what the parse held in the missing slot: ``none`` (no phrase), ``named`` (a
    mention covers its head but the reader refused it), ``pronoun`` (an unresolved one),
    ``description`` (a noun phrase no mention covers), ``other``."""
    if not heads:
        return "none"
    kinds = []
    for head in heads:
        if reader.index.entity_at(head.idx) is not None:
            kinds.append("named")
        elif head.pos_ == "PRON":
            kinds.append("pronoun")
        elif head.pos_ in ("NOUN", "PROPN"):
            kinds.append("description")
        else:
            kinds.append("other")
    return "named" if "named" in kinds else kinds[0]


def phrase(head: Token, reader: RoleReader, doc: Document) -> str:
    """Return a complement's words (its subtree, cut short) and what the entity layer made
    of its head: ``=Name`` (a mention covers it), ``=?`` (none)."""
    words = " ".join(t.text for t in head.subtree)
    found = reader.index.entity_at(head.idx)
    return f"{words[:40]}={entity_names(doc, [found]) if found else '?'}"


def gold_names(case_gold: Gold, full: Document, entities: EntityMap, ids: Sequence[str]) -> str:
    """Return the gold names (else the system names) of system entities."""
    return ",".join(entities.gold_name(case_gold, i) or entity_names(full, [i]) for i in ids)


def false_positives(gold: Gold, full: Document, entities: EntityMap, matched: set[int]) -> list[str]:
    """Return a line per system event that matches no gold event (optional ones included),
    opened by its cause: ``wrong-party`` (a gold event of that type shares one side: the
    other side was read wrong), ``unmapped-party`` (a side maps to no gold entity: an entity
    error or an unnamed party), ``no-such-event`` (the parties are known, the event is not
    in the gold: a trigger, sense or assertion error)."""
    lines = []
    for s, event in enumerate(full.events):
        if s in matched or any(_optional_match(gold, g, event, entities) for g in gold.events):
            continue
        sources = {entities.gold_name(gold, e) for e in event.source}
        targets = {entities.gold_name(gold, e) for e in event.target}
        same_type = [g for g in gold.events if event.type in g.types]
        one_side = any(
            (sources & set(g.source)) or (targets & set(g.target))
            or (g.symmetric and ((sources & set(g.target)) or (targets & set(g.source))))
            for g in same_type
        )  # fmt: skip
        if None in sources | targets:
            cause = "unmapped-party"
        elif one_side:
            cause = "wrong-party"
        else:
            cause = "no-such-event"
        parties = f"{entity_names(full, event.source)} -> {entity_names(full, event.target)}"
        lines.append(f"{cause}: {event.type} {parties} «{event.trigger}»")
    return lines


def _optional_match(gold: Gold, g: GoldEvent, event: Event, entities: EntityMap) -> bool:
    """Say whether a system event matches an optional gold event (it counts neither way)."""
    if not g.optional or event.type not in g.types:
        return False
    sources = {entities.gold_name(gold, e) for e in event.source}
    targets = {entities.gold_name(gold, e) for e in event.target}
    forward = bool(sources & set(g.source)) and bool(targets & set(g.target))
    backward = bool(sources & set(g.target)) and bool(targets & set(g.source))
    return forward or (g.symmetric and backward)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("golds", nargs="*", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--summary", action="store_true")
    args = parser.parse_args()
    golds = args.golds or default_golds(args.shared)
    refused = [g for g in golds if not training.allowed(g)]
    if refused:
        print(f"refused (held-out or blind): {', '.join(map(str, refused))}", file=sys.stderr)
        return 2
    cases = load_cases(golds)
    pipeline = Pipeline()
    lexicon = load_event_lexicon()
    stages = [(n, s) for n, s in pipeline.stages if n != "events"]
    events_stage = dict(pipeline.stages)["events"]
    classes: Counter[str] = Counter()
    held: Counter[str] = Counter()  # a dropped trigger's missing side and what the parse held there
    fp_classes: Counter[str] = Counter()  # a false positive's cause (false_positives)
    first: Counter[str] = Counter()  # each missed event once, by its first trigger word's reason
    places: Counter[str] = Counter()  # an empty-slot miss (first reason): where its party is told
    missed_total = required_total = 0
    for case in cases:
        article = pipeline.prepare(case.article)
        if isinstance(article, Failure):
            continue
        parsed = next(parse_articles(pipeline.nlp, [article], 1, pipeline.settings.max_sentence_tokens))
        doc = Document(article=article)
        with indexed_sentences(parsed):
            for _name, stage in stages:
                doc = stage(doc, parsed)
            full = events_stage(doc, parsed)
            entities = map_entities(case.gold, full)
            matched = match_events(case.gold, full, entities)
            parties = UnnamedParties(doc, parsed)
            pdoc = parties.document
            reader = RoleReader(
                pdoc, parsed, PartyIndex(pdoc), lexicon.actor_heads, lexicon.first_person,
                lexicon.national_heads, lexicon.light_verbs, lexicon.object_control, lexicon.party_object,
                lexicon.par_actor_nouns, lexicon.verbs_of_judging_types,
            )  # fmt: skip
            names = words_of_names(pdoc)
            for g, event in enumerate(case.gold.events):
                if event.optional:
                    continue
                required_total += 1
                if g in matched:
                    continue
                missed_total += 1
                head = f"{case.gold.path.name}: {event.type} {event.source} -> {event.target}"
                reasons: list[str] = []
                for sentence in sentences_for(parsed, case.gold, event):
                    for token in sentence:
                        trigger = match_trigger(token, lexicon)
                        if trigger is None or trigger.type not in event.types:
                            continue
                        produced = [
                            e for e in full.events
                            if e.trigger_start == token.idx and e.type in event.types
                        ]  # fmt: skip
                        if produced:
                            sources = gold_names(case.gold, full, entities, produced[0].source)
                            targets = gold_names(case.gold, full, entities, produced[0].target)
                            reason = f"wrong-parties {sources} -> {targets}"
                        else:
                            reason = why(token, pdoc, reader, lexicon, names)
                        if reason.startswith(("no-actor/none", "no-recipient/none")):
                            names_ = event.source if reason.startswith("no-actor") else event.target
                            place = where(token, [f for n in names_ for f in forms(case.gold, n)])
                            reason = f"{reason} where={place}"
                            if not reasons:
                                places[f"{reason.split()[0]} {place}"] += 1
                        if not reasons:
                            first[reason.split()[0]] += 1
                        reasons.append(f"  «{token.text}» {reason}\n    | {sentence.text.strip()[:220]}")
                        classes[reason.split()[0]] += 1
                        if reason.startswith("no-"):
                            held[reason.split()[0]] += 1
                if not reasons:
                    classes["no-trigger"] += 1
                    first["no-trigger"] += 1
                    sents = sentences_for(parsed, case.gold, event)
                    shown = f"\n    | {sents[0].text.strip()[:220]}" if sents else ""
                    reasons.append(f"  no trigger{shown}")
                if not args.summary:
                    print(head)
                    print("\n".join(reasons))
            for line in false_positives(case.gold, full, entities, set(matched.values())):
                fp_classes[line.split(":")[0]] += 1
                if not args.summary:
                    print(f"{case.gold.path.name}: FALSE POSITIVE {line}")
    print(f"\nmissed {missed_total} of {required_total} required; first reasons by trigger word:")
    for key, n in classes.most_common():
        print(f"  {key}: {n}")
    print("missed events, each once, by the reason of its first trigger word:")
    for key, n in first.most_common():
        print(f"  {key}: {n}")
    print("empty-slot misses (first reason), by where the missing party is told:")
    for key, n in sorted(places.items()):
        print(f"  {key}: {n}")
    print("dropped by the role gate, by missing side / what the parse held there:")
    for key, n in held.most_common():
        print(f"  {key}: {n}")
    print("false positives by cause:")
    for key, n in fp_classes.most_common():
        print(f"  {key}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
