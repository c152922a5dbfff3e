"""Read the words around an organisation's category noun (le groupe, la ville, la mairie):
the helpers of ``categories.add_org_descriptions``, which say where a noun's complement ends,
which name it is glued to, and which town or organisation the text is about."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.words import ARTICLES
from veille.analysis.parse import doc_text
from veille.model import Mention
from veille.normal import word_key


def mayors_towns(clusters: list[Cluster]) -> list[Cluster]:
    """Return the towns whose mayor the text names (a role of class mayor of a place)."""
    by_ref = {f"@{id(c)}": c for c in clusters if c.type == "LOC"}
    towns = {
        id(town): town
        for c in clusters
        if c.type == "PER"
        for fact in c.roles
        if fact.cls == "mayor" and fact.role.of and (town := by_ref.get(fact.role.of)) is not None
    }
    return list(towns.values())


def topic(clusters: list[Cluster]) -> Cluster | None:
    """Return the one cluster named strictly more often than every other, and twice at least."""
    ranked = sorted(clusters, key=lambda c: -len(c.names))
    if not ranked or len(ranked[0].names) < 2:
        return None
    return ranked[0] if len(ranked) == 1 or len(ranked[0].names) > len(ranked[1].names) else None


def after_article(parsed: Doc, mention: Mention) -> bool:
    """Tell whether a name follows a lower-case article (la Penfeld, le Finistère)."""
    before = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    return (
        before is not None
        and before.start > 0
        and parsed[before.start - 1].text in ("le", "la", "les", "l'", "l’")
    )


def said_with(mention: Mention, noun: str) -> bool:
    """Tell whether a description mention holds a category noun (l'agence de notation: agence)."""
    return mention.kind == "description" and noun in word_key(mention.text).split()


def in_previous_sentence(parsed: Doc, cluster: Cluster, i: int) -> bool:
    """Tell whether a cluster is named in the sentence before token i's, or in its own
    sentence before it, and nowhere else in between."""
    sentence = parsed[i].sent
    previous = parsed[sentence.start - 1].sent if sentence.start > 0 else None
    low = previous.start_char if previous is not None else sentence.start_char
    return any(low <= m.start and m.end <= parsed[i].idx for m in cluster.names)


def complement_then_name(parsed: Doc, i: int) -> int | None:
    """Return the index of a name that follows a category noun's lower-case complement
    (le fabricant de vélos électriques | Cyclonor), or None."""
    # The press writes d' with a typographic apostrophe (le média d’investigation X).
    if i >= len(parsed) or parsed[i].lower_.replace("’", "'") not in ("de", "d'", "du", "des"):
        return None
    for k in range(i + 1, min(i + 6, len(parsed))):
        token = parsed[k]
        if token.text[:1].isupper():
            return (
                # A capital inside the sentence is a name even where the model reads a noun
                # (le média d'investigation Splann).
                k if k > i + 1 and parsed[k - 1].pos_ in ("NOUN", "ADJ") else None
            )
        if token.pos_ not in ("NOUN", "ADJ", "DET") and token.lower_.replace("’", "'") not in (
            "de",
            "d'",
            "du",
            "des",
        ):
            return None
    return None


def apposed(
    named_at: NamedAt,
    known: tuple[list[Cluster], dict[int, str | None], str | None, bool],
    parsed: Doc,
    start: int,
    end: int,
    taken: set[int],
) -> bool:
    """Give a category phrase in apposition before an organisation's name to it: 'l'entreprise
    concernée, Minera Sur, respecte …'. Not after a preposition (selon l'entreprise, Orvalis
    a dit …: a fronted adjunct, the name the subject of a new clause) and only where the name
    closes the apposition with a comma. A place's noun (la commune concernée, Vitré,) goes to
    a place only; an organisation's noun makes a MISC name or a place name that is no
    country an organisation, as it does glued before the name."""
    orgs, kinds, kind, place = known
    while end < len(parsed) and end - start < 6 and participle(parsed[end]):
        end += 1  # l'entreprise concernée, l'association visée
    if end + 1 >= len(parsed) or parsed[end].text != "," or parsed[start].lower_ not in ARTICLES:
        return False
    if start > 0 and parsed[start - 1].pos_ == "ADP":
        return False
    at = end + 1
    if parsed[at].lower_.replace("’", "'") in ARTICLES and at + 1 < len(parsed):
        at += 1  # le syndicat des producteurs, la Coordination laitière X,
    owner = named_at.first(named_at.clusters, parsed[at].idx)
    if owner is None or owner.group or owner.type == "PER" or (place and owner.type != "LOC"):
        return False
    if owner.type == "LOC" and not place and (kind is None or countries.country_code(owner.longest)):
        return False
    name = next(m for m in owner.names if m.start == parsed[at].idx)
    after = parsed.char_span(name.end, name.end + 2, alignment_mode="expand")
    if after is None or after.text.strip()[:1] not in (",", "("):
        return False  # closed by a comma, or by its acronym in brackets: X (AJAO),
    first, last = parsed[start], parsed[end - 1]
    text = doc_text(parsed)[first.idx : last.idx + len(last)]
    if owner.type in ("MISC", "LOC") and not place:
        if owner not in orgs:
            orgs.append(owner)
        owner.type = "ORG"  # the category noun tells the type, as glued before the name
        kinds[id(owner)] = kind
    owner.mentions.append(Mention(first.idx, first.idx + len(text), text, "description"))
    taken.update(range(first.idx, first.idx + len(text)))
    return True


def complement_end(parsed: Doc, end: int) -> int:
    """Return where a category noun's lower-case de-complement ends (le syndicat des
    producteurs fermiers du massif | ,): at most eight words, none capitalised, no verb."""
    k = end
    while k < len(parsed) and k - end < 8 and not parsed[k].is_punct:
        token = parsed[k]
        if not token.text[:1].islower() or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
            return end  # a name or a clause inside: no plain complement
        k += 1
    return k


def participle(token: Token) -> bool:
    """Tell whether a word after a category noun qualifies it (concernée, mise en cause)."""
    return token.text[:1].islower() and (token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm", []))


class NamedAt:
    """The clusters with a name mention at each offset, read once while the names stay as
    they are: asking a pool of clusters which one is named at an offset walked every
    mention of every cluster per category noun (quadratic in a long text's length)."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self._at: dict[int, list[Cluster]] = {}
        for cluster in clusters:
            for mention in cluster.mentions:
                if mention.kind == "name":
                    at = self._at.setdefault(mention.start, [])
                    if not at or at[-1] is not cluster:
                        at.append(cluster)

    def first(self, pool: list[Cluster], position: int) -> Cluster | None:
        """Return the first cluster of ``pool`` (indexed clusters only) named at ``position``."""
        found = self._at.get(position, [])
        if pool is not self.clusters:
            found = [c for c in found if c in pool]  # eq=False: by identity
        return min(found, key=pool.index) if len(found) > 1 else next(iter(found), None)


def clearly_nearer(untold: list[Cluster], told: list[Cluster], start: int, margin: int) -> bool:
    """Tell whether an organisation of no known kind was named before a description at least
    ``margin`` characters nearer than any of a known kind."""

    def gap(cluster: Cluster) -> int | None:
        return min((start - m.end for m in cluster.names if m.end <= start), default=None)

    near = [g for c in untold if (g := gap(c)) is not None]
    far = [g for c in told if (g := gap(c)) is not None]
    return bool(near) and min(near) + margin <= min(far, default=start + margin)
