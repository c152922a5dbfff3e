"""Give an organisation the category nouns that describe it: a definite description that
refers back (le groupe, l'entreprise, le club, l'instance européenne) and an apposition
after its name (la FNSEA, principal syndicat agricole).

Reads the parse (a determiner, then a category phrase of ``data/org_categories.tsv`` with its
epithets, and what follows it) and the kinds the names tell (``data/org_kinds.tsv``), both
loaded by ``referents.py``, because a category noun names only an organisation of a kind it
accepts; the helpers on where a complement ends and which name is nearest are in
``orgwords.py``. Used by the resolve stage (``resolve.py``) on its clusters. Each rule gives
a mention to an entity only where one entity fits; otherwise the mention stays out of every
entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from veille.analysis.entities import orgwords
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.referents import (
    GENERIC_KINDS,
    TOWN_NOUNS,
    Category,
    Referents,
    feature_kind,
    org_kind,
    place_kind,
    sole,
)
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.morphology import looks_like_place_adjective
from veille.analysis.lang.fr.words import ARTICLES, CONTRACTED, NE_TOKENS
from veille.analysis.parse import doc_text, token_starts
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import word_key

_DETERMINERS = frozenset({"le", "la", "l'", "ce", "cet", "cette"})
# Adjectives before a category noun in an apposition (la FNSEA, principal syndicat agricole).
_LEADING_ADJECTIVES = frozenset(
    "principal principale premier première grand grande petit petite puissant puissante".split()
)
_OPENING_QUOTES = frozenset({"«", "“", '"', "‘"})
_ORDINAL = re.compile(r"\d+(?:e|er|re|ère|ème)|[a-zé]+ième", re.IGNORECASE)
_FORWARD = 300  # characters: a description before any name looks this far ahead for it
_WINDOW = 600  # characters: a description looks back about three sentences for its organisation
_CLEARLY_NEARER = 250  # characters: the nearest organisation wins when the next is this much farther


def _may_be_of(cluster: Cluster, demonym: str) -> bool:
    """Tell whether an organisation may be of the demonym's country: its name says so, or
    names no country at all (The Telegraph, le média britannique)."""
    wanted = countries.demonym(demonym)
    said = set()
    for word in cluster.longest.replace("-", " ").split():
        found = countries.demonym(word)
        code = countries.country_code(word)
        if found is not None:
            said.add(found.iso3)
        elif code:
            said.add(code)
    return not said or (wanted is not None and wanted.iso3 in said)


def _said_of(cluster: Cluster, demonyms: tuple[str, ...]) -> bool:
    """Tell whether one of the cluster's descriptions already says each of these demonyms."""
    wanted = [d for d in demonyms if d != "?"]
    said = {w for m in cluster.mentions if m.kind == "description" for w in word_key(m.text).split()}
    return bool(wanted) and all(d in said for d in wanted)


def _opens_sentence(parsed: Doc, token: Token) -> bool:
    """Tell whether a token truly opens a sentence (after a stop or a line break); the
    parser also starts sentences at unknown names (la société norvégienne | Nordhav)."""
    if token.i == 0:
        return True
    before = parsed[token.i - 1]
    return bool(token.is_sent_start) and (before.is_punct or before.is_space)


def _maybe_org(cluster: Cluster, kind: str | None) -> bool:
    return cluster.type == "LOC" and kind == "place" and len(cluster.longest.split()) >= 2


def _epithet(token: Token) -> bool:
    """Tell whether a word after a category noun qualifies it (conservateur, turque)."""
    return token.text[:1].islower() and (token.pos_ == "ADJ" or countries.demonym(token.text) is not None)


def add_org_descriptions(clusters: list[Cluster], parsed: Doc, referents: Referents, taken: set[int]) -> None:
    """Give le groupe, l'entreprise, le club, l'instance européenne to the organisation it
    refers back to: the one organisation of a fitting kind named in the three sentences
    before, else the one in the whole article. A noun right before a name (le groupe
    Renault) tells that organisation's kind instead."""
    for cluster in clusters:
        if cluster.type != "ORG" and not cluster.roles and _opens_with_site(cluster, referents):
            cluster.type = "ORG"  # la Fonderie Vauclair: no person or place is named by a plant's noun
    orgs = [c for c in clusters if c.type in ("ORG", "LOC") and c.names and not c.group]
    kinds = {id(c): org_kind(c, referents) if c.type == "ORG" else place_kind(c) for c in orgs}
    found: list[tuple[int, int, Category, tuple[str, ...]]] = []
    view = token_view(parsed)
    named_at = orgwords.NamedAt(clusters)  # the token walk below adds descriptions, no names
    for i, lower in enumerate(view.lower):
        contracted = lower in CONTRACTED  # du collectif Eau Commune: the noun tells the name's kind
        if (lower not in _DETERMINERS and not contracted) or view.idx[i] in taken or i + 1 >= len(parsed):
            continue
        token = view.tokens[i]
        # An ordinal before the noun numbers one of several (la 17e chambre, le deuxième groupe).
        first = i + 2 if i + 2 < len(parsed) and _ORDINAL.fullmatch(view.text[i + 1]) else i + 1
        category, end = category_at(parsed, first, referents)
        if category is None:
            continue
        said: list[str] = []
        while end < len(parsed) and end - token.i < 6 and _epithet(parsed[end]):
            # le quotidien conservateur américain, l'armée turque; an adjective that is no
            # country's (zurichoise) cannot be checked: '?' asks for the only candidate.
            demonym = countries.demonym(parsed[end].text)
            if demonym is not None or looks_like_place_adjective(parsed[end].text):
                said.append(word_key(parsed[end].text) if demonym is not None else "?")
            end += 1  # islamiste, conservateur: a qualifier, no place
        if any(d != "?" for d in said):  # le quotidien conservateur américain: the country is told
            said = [d for d in said if d != "?"]
        glued = orgwords.complement_then_name(parsed, end)
        if glued is not None:
            end = glued  # le fabricant de vélos électriques | Cyclonor: the noun names Cyclonor
        after = parsed[end] if end < len(parsed) else None
        if after is not None and after.text in _OPENING_QUOTES and end + 1 < len(parsed):
            after = parsed[end + 1]  # le journal américain “The Wall Street Journal”
        if after is not None and after.text[:1].isupper() and not _opens_sentence(parsed, after):
            if after.lower_ in ARTICLES and end + 1 < len(parsed):
                after = parsed[end + 1]  # le journal La Vigie: the name is Vigie
            named = named_at.first(clusters, after.idx)
            # Across a complement the name may be a person's (l'entreprise de son père Jean X;
            # a bare classifier too, measured: le groupe d'opposition X retyped a person on an
            # unseen set). After a contracted article the noun may be a person's trade (au
            # promoteur Didier X).
            retypable = ("MISC", "LOC") if contracted or glued is not None else ("PER", "MISC", "LOC")
            if named is not None and named.type in retypable and not named.roles:
                country = named.type == "LOC" and place_kind(named) == "country"
                if category.kind not in (None, "country", "place", *referents.features) and not country:
                    named.type = "ORG"  # le collectif Sauvons la Lande: the noun tells the type
                    if named not in orgs:
                        orgs.append(named)
                    kinds[id(named)] = category.kind
            owner = named_at.first(orgs, after.idx)
            if owner is not None and category.kind is not None:
                kinds[id(owner)] = kinds[id(owner)] or category.kind  # le groupe Renault
            if owner is not None and owner.type == "ORG" and token.lower_ in ARTICLES and first == i + 1:
                # Glued to the name, the noun describes it as a title does a person
                # (l'agence de notation Moody's; later: selon l'agence de notation).
                last = parsed[end - 1]
                text = doc_text(parsed)[token.idx : last.idx + len(last)]
                owner.mentions.append(Mention(token.idx, token.idx + len(text), text, "description"))
                taken.update(range(token.idx, token.idx + len(text)))
            continue
        if (
            after is not None
            and after.lower_.replace("’", "'") in ("de", "du", "des", "d'")
            and not _verb_complement(parsed, after.i)
        ):
            # la rédaction de Splann: the noun tells the kind of the organisation it governs.
            governed = named_at.first(orgs, parsed[end + 1].idx) if end + 1 < len(parsed) else None
            if governed is not None and governed.type == "ORG" and category.kind is not None:
                kinds[id(governed)] = kinds[id(governed)] or category.kind
            if governed is None and not contracted:
                # Le syndicat des producteurs, la Coordination laitière X, demande …: the
                # whole phrase is an apposition before the organisation's name.
                known = (orgs, kinds, category.kind, _place_noun(category, referents))
                closing = orgwords.complement_end(parsed, end)
                orgwords.apposed(named_at, known, parsed, token.i, closing, taken)
            continue  # le groupe de travail, l'entreprise de son père: another thing
        if contracted:
            continue  # au siège du parti: the nearest organisation is often not the one meant
        # les agriculteurs de la vallée: a noun's complement, the area more than the place; a
        # demonstrative points back at one (la dissolution de cette brigade).
        if (
            category.accepts & referents.features
            and i > 0
            and view.lower[i - 1] in ("de", "d'")
            and lower in ARTICLES
        ):
            continue
        if orgwords.apposed(
            named_at,
            (orgs, kinds, category.kind, _place_noun(category, referents)),
            parsed,
            token.i,
            end,
            taken,
        ):
            continue  # l'entreprise concernée, Minera Altos del Sur, …: the name after the comma
        found.append((token.i, end, category, tuple(said)))
    # Read once: the loop below adds descriptions only, which change no name, kind or type.
    features = {id(c): feature_kind(c, referents) for c in orgs}
    keys = {id(c): name_keys(c) for c in orgs}
    fitting: dict[int, list[Cluster]] = {}  # the organisations each category noun may name
    for start_i, end_i, category, demonyms in found:
        start = parsed[start_i].idx
        end = parsed[end_i - 1].idx + len(parsed[end_i - 1])
        if id(category) not in fitting:
            fitting[id(category)] = [
                c
                for c in orgs
                if accepts(category, kinds[id(c)])
                or features[id(c)] in category.accepts
                or keys_hold(
                    keys[id(c)], category
                )  # l'Agence spatiale européenne is l'agence, whatever its kind
            ]
        fits = list(fitting[id(category)])
        if category.words == ("departement",):
            # Le département names a French département (INSEE's COG, french_divisions.tsv),
            # never the town named nearer (Brignoles … le département: the Var).
            fits = [c for c in fits if c.type != "LOC" or _departement(c)]
        if not fits and "mairie" in category.accepts:
            # La mairie with no town hall named: the town acting, when the text names its
            # mayor (La maire de Rennes, X … La mairie assure…), as for la Ville.
            fits = orgwords.mayors_towns(clusters)
        # A name that says its kind (The Wall Street Journal: media) beats one that says none.
        # A name that holds the noun says it too (l'Agence spatiale européenne for l'agence).
        # Not over one that says none named clearly nearer (l'agence fédérale right after the
        # CCB, a council's groupe X paragraphs up).
        kind_told = [c for c in fits if kinds[id(c)] is not None or keys_hold(keys[id(c)], category)]
        if kind_told and not orgwords.clearly_nearer(
            [c for c in fits if c not in kind_told], kind_told, start, _CLEARLY_NEARER
        ):
            fits = kind_told
        # l'armée israélienne: only an organisation whose name says it is Israeli.
        fits = [c for c in fits if all(_may_be_of(c, d) for d in demonyms if d != "?")]
        # One the text already called so (le journal américain X … le quotidien américain).
        told = [c for c in fits if _said_of(c, demonyms)]
        fits = told if len(told) == 1 else fits
        if category.words[0] in TOWN_NOUNS:
            # A name said with an article of its own is a river or a region, not a town
            # (au-dessus de la Penfeld; la préfète de la Dordogne, though a dateline writes
            # (Dordogne) bare); Le Havre carries its article in its name.
            fits = [c for c in fits if not any(orgwords.after_article(parsed, m) for m in c.names)]
        # The noun the article already used for one of them names it again (l'agence de
        # notation Ardea … selon l'agence), whatever else is nearer.
        # So does a name that holds the noun (la Fonderie Vauclair … la fonderie ardennaise).
        again = [
            c
            for c in fits
            if any(orgwords.said_with(m, category.words[0]) for m in c.mentions)
            or keys_hold(keys[id(c)], category)
        ]
        if len(again) == 1 and any(m.end <= start for m in again[0].mentions):
            fits = again
        distance = {
            id(c): min((start - m.end for m in c.names if m.end <= start), default=None) for c in fits
        }
        before = sorted(
            (c for c in fits if (d := distance[id(c)]) is not None and d <= _WINDOW),
            key=lambda c: distance[id(c)] or 0,
        )
        # With none named before, the only one of the article, if it is named soon after
        # (a lead that names the company in its next sentence), not paragraphs later.
        # An institution's noun names only an institution of that name (la préfecture … la
        # préfecture du Finistère): the one of the article, however far after.
        institution = not (category.accepts & GENERIC_KINDS) and "any" not in category.accepts
        soon = [c for c in fits if institution or any(m.start - start <= _FORWARD for m in c.names)]
        if "?" in demonyms and (len(soon) > 1 or any(_maybe_org(c, kinds[id(c)]) for c in orgs)):
            continue  # a place of two words may be a company the model tagged LOC
        owner = sole(before) or (sole(soon) if not before and sole(fits) else None)
        if owner is None and len(before) > 1:
            # The one named in the sentence before (À Roubaix, l'inquiétude grandit. La ville…).
            owner = sole([c for c in before if orgwords.in_previous_sentence(parsed, c, start_i)])
        if owner is None and len(before) > 1:
            # One clearly more recent than the others (du PSG. « Le club …, with OGC Nice
            # named a paragraph before); two close together leave it open.
            if (distance[id(before[1])] or 0) - (distance[id(before[0])] or 0) >= _CLEARLY_NEARER:
                owner = before[0]
        if category.words[0] in TOWN_NOUNS and len(fits) > 1:
            # La ville: the town of the sentence before, else the town the article is about
            # (named most often), not a town named in passing nearer.
            previous = [c for c in before if orgwords.in_previous_sentence(parsed, c, start_i)]
            owner = sole(previous) or orgwords.topic(fits)
        elif owner is None and category.words[0] in TOWN_NOUNS and parsed[start_i + 1].text[:1].isupper():
            owner = orgwords.topic(fits)  # la Ville, the institution: the article's town, however far
        if owner is not None:
            owner.mentions.append(Mention(start, end, doc_text(parsed)[start:end], "description"))
            taken.update(range(start, end))


def add_org_appositions(clusters: list[Cluster], parsed: Doc, referents: Referents, taken: set[int]) -> None:
    """Give an apposition after an organisation's name to it: 'la FNSEA, principal syndicat
    agricole', 'l'AFAD, l'agence turque de gestion des catastrophes'. The phrase runs from
    its determiner (if any) to the next punctuation, and must open with a category noun."""
    starts = token_starts(parsed)
    for cluster in clusters:
        if cluster.type not in ("ORG", "MISC") or cluster.group:
            continue
        for mention in list(cluster.names):
            i = next((starts[k] for k in range(mention.end, mention.end + 3) if k in starts), None)
            if i is None or parsed[i].text != "," or i + 2 >= len(parsed):
                continue
            j = i + 1
            if parsed[j].lower_ in _DETERMINERS | {"un", "une"}:
                j += 1
            while j < len(parsed) and parsed[j].lower_ in _LEADING_ADJECTIVES:
                j += 1
            if j >= len(parsed) or parsed[i + 1].idx in taken:
                continue
            category, end = category_at(parsed, j, referents)
            if category is None or category.kind in ("place", "country") or "place" in category.accepts:
                continue
            if category.accepts & referents.features:
                continue  # le Roustan, un lac d'altitude: a place
            while end < len(parsed) and end - i <= 10 and not parsed[end].is_punct:
                if parsed[end].pos_ in ("VERB", "AUX", "PRON", "SCONJ") or parsed[end].text[:1].isupper():
                    break
                end += 1
            if end < len(parsed) and parsed[end].text in _OPENING_QUOTES:
                # Pour X, délégué CGT, la direction « prépare … »: the phrase opens the
                # clause that the quotation carries, it is no apposition of the CGT.
                continue
            if end < len(parsed) and not parsed[end].is_punct:
                # Not a whole apposition (the phrase runs into something else); an indefinite
                # one still tells a MISC name's type (Black Tide, un groupe criminel soupçonné …).
                if cluster.type == "MISC" and parsed[i + 1].lower_ in ("un", "une"):
                    cluster.type = "ORG"
                continue
            first, last = parsed[i + 1], parsed[end - 1]
            text = doc_text(parsed)[first.idx : last.idx + len(last)]
            cluster.type = "ORG"  # Bpifrance, la banque publique…: the noun tells the type
            cluster.mentions.append(Mention(first.idx, first.idx + len(text), text, "description"))
            taken.update(range(first.idx, first.idx + len(text)))


def _verb_complement(parsed: Doc, i: int) -> bool:
    """Tell whether the de at token i opens the complement of the verb before the noun, not
    the noun's own (accuser la direction d'avoir menti, de ne pas payer, de « négocier dans
    l'opacité »): an infinitive, a negated one or a quotation follows it, which no noun's
    complement is; the noun then stands alone and refers back."""
    j = i + 1
    quoted = False
    while j < len(parsed) and parsed[j].text in _OPENING_QUOTES:
        j, quoted = j + 1, True
    if j >= len(parsed):
        return False
    following = parsed[j]
    if following.lower_ in NE_TOKENS:
        return True
    if quoted:
        return following.pos_ in ("VERB", "AUX") or following.text[:1].islower()
    return following.pos_ in ("VERB", "AUX") and "Inf" in feature(following, "VerbForm")


def category_at(parsed: Doc, i: int, referents: Referents) -> tuple[Category | None, int]:
    """Return the longest category phrase starting at token i, and where it ends."""
    best: tuple[Category | None, int] = (None, i)
    texts = token_view(parsed).text  # the words off the view: no Token made for them
    # la Ville refuse de payer (townhall.py); not a complement: le ministre de la Ville (a
    # portfolio), le Service de police de la Ville de Montréal.
    capital_town = word_key(texts[i]) in TOWN_NOUNS and i >= 2 and word_key(texts[i - 2]) not in ("de", "d")
    if not texts[i][:1].islower() and not (texts[i].isupper() and len(texts[i]) > 1) and not capital_town:
        return best  # a name, not a noun; an acronym may be one (l'ONG)
    candidates = referents.by_first.get(word_key(texts[i]))
    if not candidates:
        return best
    # The keys of the next words, once for every category (not once per category).
    keys = [word_key(text) for text in texts[i : i + referents.longest]]
    for category in candidates:
        n = len(category.words)
        if keys[:n] == list(category.words):
            if best[0] is None or n > len(best[0].words):
                best = (category, i + n)
    return best


def _place_noun(category: Category, referents: Referents) -> bool:
    """Tell whether a category noun names places (la ville, le pays, le lac)."""
    return bool(category.accepts & ({"place", "country"} | referents.features))


def _opens_with_site(cluster: Cluster, referents: Referents) -> bool:
    """Tell whether every name of a cluster opens with an establishment's noun (Fonderie
    Vauclair, Verrerie du Nord: kind site in org_kinds.tsv)."""
    return all(
        len(words := word_key(m.text).split()) > 1 and referents.kinds.get(words[0]) == "site"
        for m in cluster.names
    )


def accepts(category: Category, kind: str | None) -> bool:
    """Tell whether a category noun may name an organisation of this kind; a plant (kind
    site) is a company's establishment, so l'entreprise may name the Fonderie Vauclair."""
    return (kind or "any") in category.accepts or (kind == "site" and {"company", "any"} <= category.accepts)


def holds_noun(cluster: Cluster, category: Category) -> bool:
    """Tell whether one of an organisation's names holds the category's words (Fonderie
    Vauclair for la fonderie, musée Vernadet for le musée)."""
    return keys_hold(name_keys(cluster), category)


def name_keys(cluster: Cluster) -> list[str]:
    """Return the word keys of a cluster's names, each with a space either side."""
    return [f" {word_key(m.text)} " for m in cluster.names]


def keys_hold(keys: list[str], category: Category) -> bool:
    """Tell whether one of the names (``name_keys``) holds the category's words."""
    wanted = f" {' '.join(category.words)} "
    return any(wanted in key for key in keys)


def _departement(cluster: Cluster) -> bool:
    return countries.french_division(cluster.longest) == "departement"
