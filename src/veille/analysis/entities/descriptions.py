"""Find the definite descriptions the rule steps left unattached, and their candidates.

An anaphor is a definite or demonstrative noun phrase (le, la, l', ce, cet, cette; an
adjective or two may come first: le nouveau ministre) headed by a role noun of
``data/roles.tsv`` (le ministre, la préfète) or a category noun of ``data/org_categories.tsv``
(l'usine, le syndicat, la ville), with its epithets and a de-complement (le ministre de la
Santé), that no mention of any entity covers. Its candidates are the entities named or
described before it, of a type the noun fits: a person for a role noun, an organisation or a
place of a kind the category accepts (``categories.py``'s checks) for a category noun. Each
candidate gets its ``descfeatures.Evidence``; the ranker (``descranker.py``) chooses.

Runs last among the resolve stage's steps: the rules attach what they are sure of first.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from veille.analysis.entities.categories import accepts, category_at, holds_noun, keys_hold, name_keys
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.descfeatures import Anaphor, Evidence
from veille.analysis.entities.referents import Category, Referents, feature_kind, org_kind, place_kind
from veille.analysis.entities.rolenouns import RoleLexicon, RoleWord, role_key
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.words import DEFINITE, DEMONSTRATIVES, NE_TOKENS, OF
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import word_key

_GENDER_OF_DETERMINER = {"le": "m", "la": "f", "ce": "m", "cet": "m", "cette": "f"}
_DEMONSTRATIVES = DEMONSTRATIVES - {"ces"}  # one holder: a plural description is not read
_DETERMINERS = DEFINITE | _DEMONSTRATIVES
_FUNCTION_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "l", "les", "et", "en", "pour", "sur"})
_STOPS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT", "PART"})
# A new or future holder of a title is someone other than the one the text titled so before.
_FORMER = frozenset({"ancien", "ancienne", "ex"})  # word keys: l'ex-ministre → l ex ministre
_NEW_HOLDER = frozenset("nouveau nouvel nouvelle futur future".split())
_TIME_WORDS = (_FORMER - {"ex"}) | _NEW_HOLDER | {"actuel", "actuelle"}  # words that date a title
_COMPLEMENT_WORDS = 5  # a de-complement holds at most this many words (de la Santé et des Sports)
_EPITHETS = 3
_SUBJECT = frozenset({"nsubj", "nsubj:pass"})


@dataclass(frozen=True)
class Found:
    """An anaphor with its candidates: each a cluster and the evidence for it, most recently
    named first."""

    anaphor: Anaphor
    candidates: tuple[tuple[Cluster, Evidence], ...]


def find(
    clusters: list[Cluster],
    parsed: Doc,
    paragraph_starts: list[int],
    lexicon: RoleLexicon,
    referents: Referents,
) -> list[Found]:
    """Return every unattached anaphor of the text with its fitting candidates."""
    text = doc_text(parsed)
    covered = _covered(clusters, len(text))
    view = token_view(parsed)
    sentence_starts = [s.start_char for s in view.sentences]
    found: list[Found] = []
    described: list[Anaphor] = []  # every description read so far, attached or not
    titled: dict[int, _Titles] = {}  # each candidate's titles, read once: find changes no cluster
    persons = [c for c in clusters if c.type == "PER" and not c.group and c.names]
    bodies = _bodies(clusters, referents)  # and each body's kinds, read once
    i = 0
    while i < len(parsed) - 1:
        lower = view.lower[i].replace("’", "'")
        if lower not in _DETERMINERS or covered[view.idx[i]]:
            i += 1
            continue
        phrase = _phrase(parsed, i, lexicon, referents)
        # A name inside the de-complement is another entity's mention (le président de la
        # FNSEA, l'ancien entraîneur du PSG): only the determiner, noun and epithets must be free.
        if phrase is None or any(covered[parsed[k].idx] for k in range(i, phrase[5])):
            i += 1
            continue
        head_at, end, complement, role, category, _noun_end = phrase
        if any(view.lower[k] in _NEW_HOLDER for k in range(i + 1, head_at)):
            i = end  # le nouveau président, la future ministre: a holder other than the one named
            continue
        start, stop = parsed[i].idx, parsed[end - 1].idx + len(parsed[end - 1])
        sentence = bisect.bisect_right(sentence_starts, start) - 1
        anaphor = Anaphor(
            start=start,
            end=stop,
            text=text[start:stop],
            head=_stem(role_key(parsed[head_at].text)),
            complement=complement,
            gender=((role and role.gender) or _GENDER_OF_DETERMINER.get(lower)) if category is None else None,
            sentence=sentence,
            paragraph=bisect.bisect_right(paragraph_starts, start) - 1,
            role=category is None,
            demonstrative=lower in _DEMONSTRATIVES,
            cls=role.cls if role is not None else None,
            country=_said_country(parsed, head_at, end),
            time_qualified=any(_time_word(parsed[k].lower_) for k in range(i + 1, head_at + 1)),
            former=any(_FORMER & set(word_key(parsed[k].text).split()) for k in range(i + 1, head_at + 1)),
            epithets=_epithets(
                parsed, head_at + len(role.words if role else category.words if category else ()), end
            ),
            head_words=_head_words(role) if category is None else frozenset(),
        )
        fits = _fitting(persons, bodies, category)
        if category is not None:
            epithets = [
                word_key(t.text) for t in parsed[head_at + len(category.words) : end] if t.pos_ == "ADJ"
            ]
            fits = [c for c in fits if not _other_epithet(c, category, epithets)]
        if anaphor.complement is None:  # le ministre after le ministre de l'Agriculture, unnamed
            earlier = _earlier_complements(anaphor, described)  # asked once, not per candidate
            if earlier:
                fits = [c for c in fits if not _another_holder(_titles(c, titled), earlier)]
        described.append(anaphor)
        candidates = _candidates(fits, anaphor, parsed, (sentence_starts, paragraph_starts), category, titled)
        if candidates:
            found.append(Found(anaphor, candidates))
        i = end
    return found


def _covered(clusters: list[Cluster], size: int) -> list[bool]:
    covered = [False] * (size + 1)
    for cluster in clusters:
        for mention in cluster.mentions:
            for k in range(mention.start, min(mention.end, size)):
                covered[k] = True
    return covered


def _phrase(
    parsed: Doc, i: int, lexicon: RoleLexicon, referents: Referents
) -> tuple[int, int, str | None, RoleWord | None, Category | None, int] | None:
    """Return (head token, end, complement key, the role noun or None, the category or None,
    the end of the noun and its epithets) of the description opened by the determiner at
    ``i``, or None when no role or category noun heads it, or when a name follows it (le
    ministre Jean X: the rules' title)."""
    # The words, tags and offsets off the shared view: no Token made for each word read
    # (this reader is asked at every determiner of every article).
    view = token_view(parsed)
    texts, pos, lowers, size = view.text, view.pos, view.lower, len(parsed)
    j = i + 1
    for _ in range(2):  # le nouveau ministre, l'ancienne présidente
        if j < size and (lexicon.starts_word(texts[j]) or category_at(parsed, j, referents)[0]):
            break
        if j < size and pos[j] == "ADJ" and texts[j][:1].islower():
            j += 1
    if j >= size or not texts[j][:1].islower():
        return None
    role = lexicon.match(parsed, j)
    category, end = (None, j) if role is not None else category_at(parsed, j, referents)
    if role is not None:
        end = j + len(role.words)
    elif category is None:
        return None
    k = end
    while k < size and k - end < _EPITHETS and pos[k] == "ADJ" and texts[k][:1].islower():
        k += 1
    noun_end = k
    complement = None
    if k < size and lowers[k].replace("’", "'") in OF:
        c = k + 1
        while c < size and c - k <= _COMPLEMENT_WORDS and not _stops(pos[c], lowers[c]):
            c += 1
        if c > k + 1:
            named = any(texts[t][:1].isupper() for t in range(k + 1, c))
            complement = ("@" if named else "") + word_key(
                view.doc_text[view.idx[k + 1] : view.idx[c - 1] + len(texts[c - 1])]
            )
            k = c
    after = view.tokens[k] if k < size else None
    if after is not None and after.text[:1].isupper() and not after.is_sent_start:
        return None  # le ministre Jean X, le syndicat Sud: a title or a kind, the rules' own
    if after is not None and after.text == "," and k + 1 < len(parsed) and parsed[k + 1].ent_type_ == "PER":
        return None  # la ministre, Claire Vidal: an apposition, the rules' own
    return j, k, complement, role, category, noun_end


def _other_epithet(cluster: Cluster, category: Category, epithets: list[str]) -> bool:
    """Tell whether the cluster's name holds the category's words followed by other
    epithets than the description's: l'agence spatiale indienne is not the Agence spatiale
    européenne, le tribunal administratif not the tribunal correctionnel (a complement after
    the noun, Club de Toulon, says nothing against le club varois)."""
    n = len(category.words)
    for mention in cluster.names:
        words = word_key(mention.text).split()
        for k in range(len(words) - n):
            if tuple(words[k : k + n]) != category.words:
                continue
            for said, named in zip(epithets, words[k + n :], strict=False):
                if named in _FUNCTION_WORDS:
                    break
                if said != named:
                    return True
    return False


def _epithets(parsed: Doc, after: int, end: int) -> tuple[str, ...]:
    """Return the word keys of the epithets after the noun, up to a de-complement: the
    qualities that say which one is meant (le candidat écologiste, le club haut-viennois); a
    demonym is left to the country features (le président américain)."""
    words: list[str] = []
    for token in parsed[after:end]:
        if token.pos_ != "ADJ":
            break
        if countries.demonym(token.text) is None and not _time_word(token.lower_):
            words += word_key(token.text).split()
    return tuple(words)


def _unsaid_epithet(anaphor: Anaphor, known: _Titles) -> bool:
    """Tell whether a quality of the description is in none of the candidate's names and
    titles: an epithet (le candidat écologiste is not the one titled candidat de la droite;
    le club haut-viennois not the visiting club named next to it) or the words of a complement
    without a name (la fédération de chasse is not the Fédération des pêcheurs)."""
    words = (*anaphor.epithets, *_complement_words(anaphor.complement))
    if not words:
        return False  # no quality to look for: the names and titles need not be read
    said = known.roots
    return any(_root(word) not in said for word in words)


def _complement_words(complement: str | None) -> list[str]:
    """Return the content words of a complement without a name (de la Santé: sante)."""
    if complement is None or complement.startswith("@"):
        return []
    return [w for w in complement.split() if w not in _FUNCTION_WORDS]


def _earlier_complements(anaphor: Anaphor, described: list[Anaphor]) -> list[list[str]]:
    """Return the content words of the complement of each earlier description with the same
    noun as ``anaphor`` (le ministre de l'Agriculture before le ministre), those with any."""
    found = []
    for earlier in described:
        if earlier.head == anaphor.head:
            words = _complement_words((earlier.complement or "").lstrip("@") or None)
            if words:
                found.append(words)
    return found


def _another_holder(known: _Titles, earlier: list[list[str]]) -> bool:
    """Tell whether an earlier description with the same noun and a complement the candidate
    was never titled with (le ministre de l'Agriculture, unnamed, before Julien Ferrandi,
    ministre des Finances) shows another holder: a bare noun after it may be either.
    ``earlier``: those descriptions' complement words (``_earlier_complements``)."""
    said = known.roots
    return any(_root(w) not in said for words in earlier for w in words)


def _clashing_demonym(anaphor: Anaphor, cluster: Cluster) -> bool:
    """Tell whether the description's demonym names another country than one its titles and
    descriptions give the candidate (le ministre français after le ministre allemand, Jens
    Vogel)."""
    if anaphor.country is None:
        return False
    texts = [f.role.title for f in cluster.roles] + [
        m.text for m in cluster.mentions if m.kind == "description"
    ]
    said = {
        found.iso3
        for text in texts
        for word in text.split()
        if word[:1].islower() and (found := countries.demonym(word.strip(",.;:"))) is not None
    }
    return bool(said) and anaphor.country not in said


def _root(key: str) -> str:
    """Return a word's key without its feminine and plural endings (genevoises → genevoi,
    genevois → genevoi), to compare an epithet with a title's words."""
    return _stem(_stem(key))


def _time_word(lower: str) -> bool:
    """Tell whether a word dates a title (l'ancien, l'ex-ministre, le nouveau, le futur)."""
    return lower in _TIME_WORDS or lower.startswith("ex-")


def _stops(tag: str, lower: str) -> bool:
    """Tell whether a word (its tag and lower-cased form) ends a de-complement: a verb, a
    clause word, a negation."""
    return tag in _STOPS or lower in NE_TOKENS  # le député de la Marne ne votera pas


def _said_country(parsed: Doc, head: int, end: int) -> str | None:
    """Return the country a demonym epithet of the description says (la ministre allemande)."""
    for token in parsed[head + 1 : end]:
        found = countries.demonym(token.text) if token.text[:1].islower() else None
        if found is not None:
            return found.iso3
    return None


def _country(cluster: Cluster) -> str | None:
    """Return the country a candidate is of: its own, its title's, its place name's."""
    if cluster.country:
        return cluster.country
    of = next((f.role.of for f in cluster.roles if f.role.of and not f.role.of.startswith("@")), None)
    return of or (countries.country_code(cluster.longest) if cluster.type == "LOC" else None)


def _head_words(role: RoleWord | None) -> frozenset[str]:
    """Return the stems of a role's content words when it has several (président de la
    République: president, republique), else nothing: the head noun alone is compared."""
    if role is None:
        return frozenset()
    words = frozenset(_stem(w) for w in word_key(" ".join(role.words)).split() if w not in _FUNCTION_WORDS)
    return words if len(words) > 1 else frozenset()


def _stem(key: str) -> str:
    """Return a noun's key without the feminine or plural ending (présidente → président)."""
    return key[:-1] if key.endswith(("e", "s")) and len(key) > 4 else key


def _bodies(
    clusters: list[Cluster], referents: Referents
) -> list[tuple[Cluster, str | None, str | None, list[str]]]:
    """Return each named organisation and place with its kind, its natural feature and its
    names' keys (``name_keys``)."""
    return [
        (
            c,
            org_kind(c, referents) if c.type == "ORG" else place_kind(c),
            feature_kind(c, referents),
            name_keys(c),
        )
        for c in clusters
        if c.type in ("ORG", "LOC") and not c.group and c.names
    ]


def _fitting(
    persons: list[Cluster],
    bodies: list[tuple[Cluster, str | None, str | None, list[str]]],
    category: Category | None,
) -> list[Cluster]:
    """Return the candidates of a description: every person for a role noun; for a category
    noun, the bodies it may name (``_bodies``: read once per ``find``, which changes no
    cluster, where each description read every cluster's kinds again)."""
    if category is None:
        return list(persons)
    return [
        cluster
        for cluster, kind, feature, keys in bodies
        if accepts(category, kind) or feature in category.accepts or keys_hold(keys, category)
    ]


@dataclass(frozen=True)
class _Titles:
    """A candidate's titles and descriptions as word keys, with the stems of each one's
    words: read once per cluster by ``find`` (which changes no cluster), where
    ``_candidates`` read them again for every description."""

    said: bool  # a description mention
    titles: list[str]
    stems: list[set[str]]  # the stems of each title's words
    names: list[str]  # the word keys of its names

    @classmethod
    def of(cls, cluster: Cluster) -> _Titles:
        said = [m for m in cluster.mentions if m.kind == "description"]
        titles = [word_key(f.role.title) for f in cluster.roles] + [word_key(m.text) for m in said]
        names = [word_key(m.text) for m in cluster.names]
        return cls(bool(said), titles, [{_stem(w) for w in t.split()} for t in titles], names)

    @cached_property
    def roots(self) -> set[str]:
        """The roots of the words of its titles and names (``_unsaid_epithet``,
        ``_another_holder``), read when one of them first asks."""
        return {_root(w) for text in self.titles + self.names for w in text.split()}


def _titles(cluster: Cluster, titled: dict[int, _Titles]) -> _Titles:
    """Return a cluster's ``_Titles``, read on the first question of a ``find``."""
    known = titled.get(id(cluster))
    if known is None:
        known = titled[id(cluster)] = _Titles.of(cluster)
    return known


def _candidates(
    fits: list[Cluster],
    anaphor: Anaphor,
    parsed: Doc,
    starts: tuple[list[int], list[int]],
    category: Category | None,
    titled: dict[int, _Titles],
) -> tuple[tuple[Cluster, Evidence], ...]:
    """Return the fitting clusters mentioned before the anaphor with their evidence, most
    recently mentioned first. ``starts``: the sentences' and the paragraphs' offsets;
    ``titled``: each cluster's ``_Titles``, kept by the caller."""
    sentence_starts, paragraph_starts = starts
    rows = []
    for cluster in fits:
        before = [m for m in cluster.mentions if m.end <= anaphor.start]
        if not before:
            continue
        last = max(before, key=lambda m: m.end)
        known = _titles(cluster, titled)
        titles = known.titles
        heads = set().union(*known.stems)
        with_head = [t for t, stems in zip(titles, known.stems, strict=True) if anaphor.head in stems]
        complement = anaphor.complement
        if complement is not None and complement.startswith("@"):
            # le député de la Marne, le directeur d'Hydro-Sionne: a complement that names a
            # place or a body says whose holder is meant; one not titled so is another.
            complement = complement[1:]
            if not any(complement in t for t in titles):
                continue
        if _unsaid_epithet(anaphor, known) or _clashing_demonym(anaphor, cluster):
            continue
        if anaphor.former and with_head and not any(_FORMER & set(t.split()) for t in with_head):
            continue  # l'ex-ministre is not the one the text titles ministre (a reshuffle)
        evidence = Evidence(
            last_sentence=bisect.bisect_right(sentence_starts, last.start) - 1,
            last_paragraph=bisect.bisect_right(paragraph_starts, last.start) - 1,
            salience=len(before),
            subject_of_previous_sentence=_subject_in(parsed, before, sentence_starts, anaphor.sentence - 1),
            same_noun_said=(
                any(anaphor.head_words <= stems for stems in known.stems)
                if anaphor.head_words
                else anaphor.head in heads
            ),
            same_class=anaphor.cls is not None and any(f.cls == anaphor.cls for f in cluster.roles),
            has_title=bool(cluster.roles) or known.said,
            name_holds_noun=category is not None and holds_noun(cluster, category),
            complement_agrees=complement is not None and any(complement in t for t in titles),
            complement_differs=complement is not None
            and bool(with_head)
            and not any(complement in t for t in with_head),
            gender=cluster.gender,
            entity_type=cluster.type,
            country=_country(cluster),
        )
        rows.append((last.end, cluster, evidence))
    rows.sort(key=lambda row: -row[0])
    return tuple((cluster, evidence) for _end, cluster, evidence in rows)


def _subject_in(parsed: Doc, mentions: list[Mention], sentence_starts: list[int], sentence: int) -> bool:
    """Tell whether one of the mentions is the subject of a verb in that sentence."""
    if sentence < 0:
        return False
    for mention in mentions:
        if bisect.bisect_right(sentence_starts, mention.start) - 1 != sentence:
            continue
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and any(t.dep_ in _SUBJECT for t in span):
            return True
    return False
