"""Find who is speaking: from a cue verb to its subject phrase, and from the phrase to an entity.

The entities and resolve stages give entities with name and description mentions; this module
only reads them, except that a pronoun speaker (il, a-t-elle) gets a ``pronoun`` mention on
the entity it resolves to, and a proper name no entity covers (Météo-France précise que)
becomes a new organisation (both added by the quote stage at the end).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.analysis.entities.resolve import entity_at
from veille.analysis.entities.unnamed import next_entity_number, unnamed_entity, unnamed_party
from veille.analysis.lang.fr.words import INDEFINITE, SUBJECT_PRONOUNS
from veille.analysis.quotes import hints as speaker_hints
from veille.analysis.quotes.antecedents import LOOKBACK_CHARS, AntecedentFinder
from veille.analysis.quotes.apposition import affiliation, apposed_organisations, in_complement
from veille.analysis.quotes.carried import organisation_antecedent, subject_organisation
from veille.analysis.quotes.lexicon import CueLexicon
from veille.analysis.quotes.marks import Stretches
from veille.analysis.quotes.phrases import (
    PLURAL_DETERMINERS,
    agent_noun,
    content_start,
    demonym_person,
    head_noun,
    is_plural,
    official_name,
    own_body,
    phrase_gender,
    possessive_work,
    singular,
)
from veille.analysis.quotes.topic import described_subject
from veille.analysis.syntax.mentions import MentionIndex, Spans
from veille.analysis.syntax.view import token_view
from veille.model import Document, Entity, EntityType, Mention
from veille.normal import word_key

# An acronym written with a capital inside (cdH, PdL): two to six letters, one capital at least
# after the first.
_MIXED_ACRONYM = re.compile(r"[A-Za-z][a-z]*[A-Z][A-Za-z]*")
_ACRONYM_LETTERS = 6
# The demonstrative pronoun of the latter (Celui-ci, celle-là), which the tokenizer cuts.
_LATTER = re.compile(r"([Cc]elui|[Cc]elle)-(?:ci|là)\b")
# A capitalised name closing a phrase in a de-complement (la rédaction de Splann !).
_NAMED_COMPLEMENT = re.compile(
    r"\s(?:de|du|des|d['’])\s*((?:[A-ZÉÈ][\w’'-]*)(?:\s+[A-ZÉÈ!][\w’'!-]*)*\s*!?)\s*$"
)
# Determiners of an indefinite description (une habitante, des témoins).
# An organisation noun and the plural of its members after des (l'intersyndicale des personnels,
# le collectif des riverains), or du personnel: the body those people form.
_MEMBERS = re.compile(r"[\w-]+\s+(?:des\s+[a-zàâçéèêëîïôûùüœ-]+[sx]|du\s+personnel)\s*$")
# A stressed pronoun after a plural subject (Les syndicats, eux, …; Les élues, elles, …).
_CONTRAST = re.compile(r"\s*,\s*(?:eux|elles)\s*,")
_INDEFINITE_WORDS = 8  # longer, it is a clause the parser took for a subject


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the entity id (or None), the phrase that names it, and whether that
    phrase is a pronoun that needs a mention added to the entity."""

    entity: str | None
    start: int
    end: int
    pronoun: bool = False
    named: bool = False  # a name the entity stages missed here: add it as a name mention


class SpeakerResolver(AntecedentFinder):
    """Map speaker phrases of one document to its entities."""

    def __init__(self, doc: Document, parsed: Doc, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.parsed = parsed
        self.text = doc.article.text
        self.lexicon = lexicon
        self.person_nouns = lexicon.word_class("person")
        self.org_nouns = lexicon.word_class("org")
        self.institutions = lexicon.word_class("institution")
        self.index = MentionIndex(doc)
        self.mentions = self.index.items
        self._token_starts = token_view(parsed).idx
        self._timex_starts = sorted(t.start for t in doc.timexes)  # the document is frozen
        self.title_occurrences = {}
        self._taken: Spans | None = None  # the mentions' spans (_unnamed), read on its first call
        self._next_number = 0
        self._genders = {e.id: speaker_hints.person_gender(e, lexicon, self.text) for e in doc.entities}
        self.quoted = Stretches(())  # spans inside quotation marks, set by the caller
        self.created: dict[str, Entity] = {}  # name -> organisation made for an unknown speaker name
        self.unnamed: set[str] = set()  # ids of the entities made for unnamed speakers (des témoins)

    # 2. From a phrase to an entity.
    def resolve_phrase(self, start: int, end: int) -> Speaker:
        """Return the speaker a phrase names, by the entity mentions inside it, then as a
        pronoun, then as a description (le ministre, la plateforme)."""
        words = self.text[start:end].split()
        first = words[0].lower().lstrip("-").rstrip(",") if words else ""
        if len(words) == 1 and first in SUBJECT_PRONOUNS:
            return self.resolve_pronoun(start, end, first)
        if first == "on":
            return Speaker(None, start, end)
        plural = possessive_work(self.text[start:end], self.lexicon.word_class("work"))
        if plural is not None:
            return Speaker(self.possessor(start, plural), start, end)  # selon ses travaux
        latter = _LATTER.match(self.text, start)
        if latter is not None and latter.end() >= end:
            # Celui-ci a indiqué …: the last person of that gender named, not the topic
            feminine = latter.group(1).lower() == "celle"
            return Speaker(self.latter(start, "f" if feminine else "m"), start, latter.end(), pronoun=True)
        inside = self.mentions_in(start, end)
        if demonym_person(words) and all(
            e.type in ("PER", "MISC") and len({m.text for m in e.mentions}) == 1 for _s, _e, _m, e in inside
        ):  # not le Parisien, a newspaper the entity stages know
            # a lâché le Breton, a souri la Néerlandaise: a person named before, by origin (an
            # entity of that word alone is the tagger's misreading)
            return Speaker(self._describe(start, end, "PER", phrase_gender(words)), start, end)
        head = content_start(self.text, start, end)
        nouns = self.person_nouns | self.org_nouns | self.institutions
        noun = singular(head_noun(self.text[head:end]), nouns)
        plural = is_plural(words, head_noun(self.text[head:end]), nouns)
        gender = phrase_gender(words)
        # 1. The phrase is a name, or a description the entity stages resolved (one that
        #    disagrees in gender with its person is left to step 4: la lycéenne is not Romain).
        named = {e.id for _s, _e, m, e in inside if m.kind == "name" and e.type == "PER"}
        # Le patron de la PME Alvéa, Régis Cordier: the name apposed after a comma is the head's
        apposed = {e.id for s, _e, m, e in inside if e.id in named and self.text[:s].rstrip().endswith(",")}
        # Son groupe, Union pour l'Aquitaine: an organisation's name apposed to a description.
        apposed_org = apposed_organisations(self.text, inside)
        other_names = {e.id for _s, _e, _m, e in inside} - (apposed or named) if named else set()
        for _s, _e, mention, entity in inside:
            if mention.start <= head + 1 and self._given_name_misc(entity, mention):
                # témoigne Julie, 34 ans: a witness named by a given name the tagger left as MISC
                return Speaker(entity.id, mention.start, mention.end)
            if mention.start <= head + 1 and entity.type in ("PER", "ORG", "LOC") and not entity.group:
                if mention.kind == "description" and (
                    self._clashes(entity, gender) or entity.id in other_names
                ):
                    continue  # la maire Sylvie Lenoir: the name in the phrase, not another's description
                if mention.kind == "description" and (apposed or apposed_org) - {entity.id}:
                    continue  # Le principal groupe de supporters, le Kop X: the name apposed to it
                # A bare category noun (la préfecture, le syndicat, le club) is the entity
                # layer's answer, which reads the kinds its noun may name (org_categories.tsv);
                # the nearest organisation that is a subject is often another (the CRS the
                # prefecture commands, the rival club).
                return self._by_title(Speaker(entity.id, mention.start, mention.end))
        # 2. A source noun speaks through the name it introduces (le quotidien portugais Record,
        #    un sondage Elabe), whatever type the entity stages gave that name.
        if noun in self.lexicon.word_class("source"):
            for _s, _e, mention, entity in inside:
                if mention.start > head and entity.type != "PER" and not entity.group:
                    return Speaker(entity.id, mention.start, mention.end)
        # 3. A name inside the phrase: a person before an organisation, and an apposed person
        #    before one in a de-complement (l'avocat de Jean Morel, Me Antoine Girard).
        ranked = sorted(
            (
                item
                for item in inside
                if item[3].type in ("PER", "ORG")
                and not (item[2].kind == "description" and self._clashes(item[3], gender))
            ),
            key=lambda item: (
                item[3].type != "PER",
                item[2].kind != "name",
                item[3].id not in apposed,
                in_complement(self.text, head, item[0]),
            ),
        )
        if ranked and ranked[0][3].type != "PER" and noun in self.person_nouns and not plural:
            # le président et directeur de publication de Mediapart: a title of the
            # organisation in its complement names the person who holds it
            of_org = in_complement(self.text, head, ranked[0][0])
            holder = self._describe(start, end, "PER", gender) if of_org else None
            if holder and speaker_hints.tied(self.text, self.entity(holder), ranked[0][3]):
                return Speaker(holder, start, end)  # a person the text ties to the organisation
        if (
            ranked
            and ranked[0][3].type == "ORG"
            and noun in self.person_nouns
            and not plural
            and affiliation(self.text, head, ranked[0][0])
        ):
            # le magistrat PLR, la sénatrice EELV: an organisation right after a person noun,
            # as an adjective, says which party the person belongs to; the phrase describes a
            # person (named before), not the organisation.
            member = self._describe(start, end, "PER", gender)
            if member is not None:
                return Speaker(member, start, end)
        if ranked:
            _s, _e, mention, entity = ranked[0]
            return self._by_title(Speaker(entity.id, mention.start, mention.end))
        # 4. A description with no name inside: first the entity layer's answer for the phrase
        #    (entity_at: le collectif, la mairie, le gendarme); a public body speaking as itself
        #    (la gendarmerie, les pompiers) is the organisation whose name holds the noun, else
        #    a new one named by the phrase, as the gold guide adds unnamed speakers.
        described = entity_at(self.doc, start, end)
        if (
            described is not None
            and described.type in ("PER", "ORG")
            and not described.group
            and not self._clashes(described, gender)
        ):
            return Speaker(described.id, start, end)
        complement = _NAMED_COMPLEMENT.search(self.text, start, end)
        if complement is not None and not inside and not self._quoted(start):
            # la rédaction de Splann !, les avocats de Marc Vidal: a name the entity stages
            # missed, in the complement of a speaking noun, is the source.
            name_start = complement.start(1)
            name = self.text[name_start:end].strip()
            known = next((e for _s, _e, m, e in self.mentions if m.kind == "name" and m.text == name), None)
            if noun in self.institutions and (known is None or known.type == "LOC"):
                pass  # la préfecture du Doubs: the body (below), not the place
            elif known is not None:
                return Speaker(known.id, name_start, end, named=True)
            elif noun in self.org_nouns or noun in self.lexicon.word_class("source"):
                return Speaker(self._created(name_start, end), name_start, end)
        places_only = all(entity.type == "LOC" for _s, _e, _m, entity in inside)
        bodies = self.lexicon.word_class("body") | self.institutions | self.org_nouns
        if noun in bodies and places_only and official_name(self.text, head, end) and not plural:
            # le conseil départemental du Gard: a body's name the entity stages left in lower
            # case, the body itself (known by that name, else made), not the place it holds
            body = speaker_hints.org_named(self.mentions, self.text[head:end].strip(" ,"))
            return Speaker(body or self._unnamed(head, end, "ORG"), head, end)
        if noun in self.institutions:
            return Speaker(self._institution(noun, start, end), start, end)
        if self.text[head:end].strip(" ,").lower() in self.lexicon.word_class("prosecution"):
            # Selon l'accusation, le ministère public a requis: the parquet of the trial
            return Speaker(self._institution("parquet", start, end), start, end)
        speaking = noun in self.person_nouns or noun in self.org_nouns
        group = plural and noun in self.person_nouns  # not les syndicats: often ones named before
        # Les syndicats, eux, dénoncent …: the stressed pronoun sets the group against the party
        # just named, so it is none of those named before.
        group = group or (plural and _CONTRAST.match(self.text, end) is not None)
        group = group or (
            head == start and words[0][:1].islower() and noun in self.person_nouns
        )  # de source sûre
        if (first in INDEFINITE or group) and places_only and speaking and len(words) <= _INDEFINITE_WORDS:
            # une habitante, un proche du dossier: an indefinite description brings in someone
            # new, never one named before; so does a plural one (les secouristes, des témoins,
            # les habitants de Montluel), never a single person named before: an entity made
            # from the phrase.
            kind: EntityType = "ORG" if noun in self.org_nouns else "PER"
            return Speaker(self._unnamed(start, end, kind), start, end)
        if (
            first in ("un", "une")
            and not inside
            and self._common_noun(head)
            and len(words) <= _INDEFINITE_WORDS
        ):
            # a soufflé une adolescente: whatever its noun, an indefinite subject of a verb of
            # saying is someone not named before.
            return Speaker(self._unnamed(start, end, "PER"), start, end)
        if noun in self.person_nouns:
            return Speaker(self._describe(start, end, "PER", gender), start, end)
        if noun in self.org_nouns and not inside and own_body(self.text, head, end):
            # le gouvernement tchadien (its country not named: the entity layer makes that a
            # description of the country), le groupe socialiste: a body named by whose it is,
            # an unnamed party of its own (the gold guide), never the organisation named last
            # (often a movement the government deals with, or a rival group)
            return Speaker(self._unnamed(start, end, "ORG"), start, end)
        if noun in self.org_nouns and not inside and _MEMBERS.match(self.text, head, end):
            # l'intersyndicale des personnels, le collectif des riverains: a body named by its
            # members is one of its own, not the organisation named before
            return Speaker(self._unnamed(start, end, "ORG"), start, end)
        if noun in self.org_nouns:
            org_id = self._describe(start, end, "ORG")
            if org_id is None and not inside and unnamed_party(self.text, start, head, end):
                # a prévenu l'intersyndicale, d'après les autorités: nobody named before, an
                # unnamed party as the gold guide adds one (entities/unnamed.py)
                org_id = self._unnamed(start, end, "ORG")
            return Speaker(org_id, start, end)
        for _s, _e, mention, entity in inside:
            if entity.type == "LOC":  # countries and cities speak through their governments
                return Speaker(entity.id, mention.start, mention.end)
        # 5. A proper name the entity stages missed here (Météo-France précise que): the entity
        #    of that name elsewhere in the text, else a new organisation.
        if not inside and not self._quoted(start) and speaker_hints.looks_like_name(self.parsed, start, end):
            name = self.text[start:end].strip()
            known = next((e for _s, _e, m, e in self.mentions if m.kind == "name" and m.text == name), None)
            if known is not None:
                return Speaker(known.id, start, end, named=True)
            return Speaker(self._created(start, end), start, end)
        # 6. An acronym in the organisation's own case (le cdH, after the CDH): the entity whose
        #    name is that acronym in capitals.
        word = self.text[head:end].strip(" ,")
        mixed = _MIXED_ACRONYM.fullmatch(word) and not word.isupper()
        if not inside and len(word) <= _ACRONYM_LETTERS and mixed:
            capitals = word.upper()
            names = (e for _s, _e, m, e in self.mentions if m.kind == "name" and m.text == capitals)
            known = next(names, None)
            if known is not None and known.type == "ORG":
                return Speaker(known.id, head, head + len(word), named=True)
        return Speaker(None, start, end)

    def _common_noun(self, offset: int) -> bool:
        """Return True when the word at ``offset`` is a common noun of a person by its suffix
        (une adolescente, un vacancier; not un document, un acte) and not a source noun."""
        token = self.parsed[max(bisect.bisect_right(self._token_starts, offset) - 1, 0)]
        word = token.lower_
        return token.pos_ == "NOUN" and word not in self.lexicon.word_class("source") and agent_noun(word)

    def _by_title(self, speaker: Speaker) -> Speaker:
        """Return the speaker a title of address designates among people sharing a surname
        (Mme Vasseur, not M. Vasseur; Me Garnier, the lawyer)."""
        entity = self.entity(speaker.entity) if speaker.entity is not None else None
        if entity is None or entity.type != "PER":
            return speaker
        title = speaker_hints.title_before(self.text, speaker.start, self.lexicon)
        if title is None:
            return speaker
        surname = speaker_hints.surname_of(self.text[speaker.start : speaker.end])
        chosen = speaker_hints.pick_by_title(
            self.doc, entity, surname, title, lambda e: self._genders.get(e.id)
        )
        if chosen is None:
            return speaker
        return Speaker(chosen.id, speaker.start, speaker.end)

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity with this id, among the document's and those made for speakers."""
        if entity_id is None:
            return None
        found = self.doc.entity(entity_id)
        if found is not None:
            return found
        return next((e for e in self.created.values() if e.id == entity_id), None)

    def _given_name_misc(self, entity: Entity, mention: Mention) -> bool:
        """Return True for a MISC entity named by a known given name (Julie, Karim): as a
        speaker it is a person (the quote stage makes it one, see created.py)."""
        return (
            entity.type == "MISC"
            and mention.kind == "name"
            and self.lexicon.given_name(entity.name.split()[0])
        )

    def _created(self, start: int, end: int) -> str:
        """Return the id of the organisation made for an unknown speaker name, making it once."""
        name = self.text[start:end].strip()
        if name not in self.created:
            taken = [(s, e) for s, e, _m, _e in self.mentions]
            mentions = speaker_hints.name_mentions(self.text, name, taken)
            number = next_entity_number(self.doc.entities) + len(self.created)
            self.created[name] = Entity(id=f"e{number}", name=name, type="ORG", mentions=mentions)
        return self.created[name].id

    def _institution(self, noun: str, start: int, end: int) -> str:
        """Return the organisation a public body's description names: one whose name holds
        the noun (la préfecture → Préfecture du Rhône), else one made from the phrase."""
        for entity in self.doc.entities:
            if entity.type == "ORG" and word_key(noun) in word_key(entity.name).split():
                return entity.id
        return self._unnamed(start, end, "ORG")

    def _unnamed(self, start: int, end: int, kind: EntityType) -> str:
        """Return the id of an entity made for an unnamed speaker, named by its phrase (the
        gold guide's rule: une habitante, la gendarmerie), making it once."""
        # a fait savoir la gendarmerie mardi: the day is not part of the speaker's phrase
        # (the first time expression starting inside the phrase: a bisection of their starts)
        later = bisect.bisect_right(self._timex_starts, start)
        if later < len(self._timex_starts) and self._timex_starts[later] < end:
            end = self._timex_starts[later]
        phrase = self.text[start:end].strip(" ,")
        if phrase not in self.created:
            # One maker for unnamed parties, shared with the event stage (entities/unnamed.py);
            # the occurrence here is kept even inside a place's name (les habitants de Gap).
            if self._taken is None:  # the document's mentions and entities, read once
                self._taken = Spans([(s, e) for s, e, _m, _e in self.mentions])
                self._next_number = next_entity_number(self.doc.entities)
            number = self._next_number + len(self.created)
            self.created[phrase] = unnamed_entity(
                f"e{number}",
                self.text,
                phrase,
                self.text.index(phrase, start),
                kind,
                self._taken,
                name=phrase[content_start(phrase, 0, len(phrase)) :],
            )
            self.unnamed.add(self.created[phrase].id)
        return self.created[phrase].id

    def resolve_pronoun(
        self, start: int, end: int, pronoun: str, recent: str | None = None, recent_end: int = -1
    ) -> Speaker:
        """Resolve il/elle/ils/elles: the speaker just quoted when no other compatible person
        is named since, else the nearest compatible person (organisations for the plural)
        named before the pronoun outside quotation marks."""
        gender, number = SUBJECT_PRONOUNS[pronoun]
        wanted = ("PER",) if number == 1 else ("ORG", "LOC", "PER")
        nearest: Entity | None = None
        nearest_start = -1
        index = bisect.bisect_left(self.index.starts, start)
        for s, e, _mention, candidate in reversed(self.mentions[:index]):
            if start - s > LOOKBACK_CHARS:
                break
            if e <= start and candidate.type in wanted and not self._quoted(s) and not self.in_byline(s):
                if self._compatible(candidate, gender, number):
                    nearest, nearest_start = candidate, s
                    break
        subject = self._salient_subject(start, index, wanted, gender, number)
        if subject is None and number == 1:
            subject = described_subject(self, start, gender)  # Le préfet rejette … a-t-il répondu
        if subject is not None and (
            nearest is None or subject[0].id != nearest.id or subject[1] > nearest_start
        ):
            # the subject before beats a nearer object, and a description taking up the person
            # named (Joint par téléphone, le médiateur …) counts from where it stands: after the
            # quotation that named that person, it is no longer the quotation's speaker's turn
            nearest, nearest_start = subject
        if number == 1:
            # « … », précise le château. « … », ajoute-t-il: an organisation named after any
            # person of the pronoun's gender, by a noun of that gender (carried.py)
            person_start = nearest_start if nearest is not None else -1
            organisation = organisation_antecedent(self, start, gender, recent, recent_end, person_start)
            if organisation is None and self.text[start - 1 : end].lower() in (" il", " elle"):
                organisation = subject_organisation(self, start, index, gender, person_start, recent_end)
            if organisation is not None:
                return Speaker(organisation.id, start, end, pronoun=True)
        if recent is not None:
            previous = self.entity(recent)
            if (
                previous is not None
                and previous.type in wanted
                and self._compatible(previous, gender, number)
                and not (number == 1 and self._plural_party(previous))
            ):
                if (
                    nearest is None
                    or nearest_start < recent_end
                    or nearest.id == previous.id
                    or (subject is None and self._object_of_recent_sentence(nearest_start, recent_end))
                ):
                    return Speaker(previous.id, start, end, pronoun=True)
        if nearest is not None:
            return Speaker(nearest.id, start, end, pronoun=True)
        return Speaker(None, start, end)

    def _object_of_recent_sentence(self, offset: int, recent_end: int) -> bool:
        """Return True when the mention at ``offset`` is no subject and stands in the sentence
        of the last quotation (X exige la démission « immédiate » de Y et demande au maire …):
        a party the speaker acts on does not take the next turn of speech."""
        if recent_end <= 0 or self._preverbal_subject(offset):
            return False
        at = max(bisect.bisect_right(self._token_starts, offset) - 1, 0)
        quoted = max(bisect.bisect_right(self._token_starts, recent_end - 1) - 1, 0)
        return self.parsed[at].sent.start == self.parsed[quoted].sent.start

    def _plural_party(self, entity: Entity) -> bool:
        """Return True for an unnamed party made from a plural phrase (les manifestants, des
        témoins): a singular pronoun never takes it up."""
        return entity.id in self.unnamed and all(
            m.text.split()[0].lower() in PLURAL_DETERMINERS for m in entity.mentions if m.text.split()
        )

    def gender(self, entity: Entity) -> str | None:
        """Return a person's gender ("m", "f") as the resolver knows it, or None."""
        return self._genders.get(entity.id)

    def _quoted(self, offset: int) -> bool:
        return offset in self.quoted

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Mention, Entity]]:
        """Return the entity mentions that overlap [start, end), in text order."""
        return self.index.within(start, end)
