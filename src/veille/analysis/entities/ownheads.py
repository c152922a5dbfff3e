"""Give an organisation the definite description that repeats the first words of its own name.

*La Commission électorale nationale autonome (CENA) … La commission électorale a rejeté …*,
*la Coalition des syndicats d'enseignants … la coalition*, *l'Intercommunale hospitalière de
la région de Charleroi … l'intercommunale*: the press takes an organisation up again by the
common noun that heads its name, with the words after it as the name has them. The category
table (``org_categories.tsv``, read by ``categories.py``) holds the nouns that name any
organisation of a kind (*le groupe*, *l'agence*); the heads read here are every other common
noun (the model's lemma index, ``lang.fr.nouns``) that opens an organisation's name.

The description goes to the organisation only when it is the one entity of the article whose
name opens with that noun, when it was named before the description, and when nothing after
the matched words says another thing of the same noun: an adjective or a *de*-complement the
name does not have (*la commission d'enquête*, *le conseil municipal*), or a name glued to the
noun (*la commission Juncker*). A noun of the category table needs a second word of the name
(*le comité permanent*), since the table's own rule, which weighs kinds and distance, has
already left the bare noun open. Used by ``resolve.py`` after the category rules.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.referents import Referents
from veille.analysis.lang.fr.nouns import is_common_noun
from veille.analysis.lang.fr.words import DEFINITE, OF
from veille.analysis.parse import doc_text
from veille.model import Mention
from veille.normal import word_key


def _name_words(text: str) -> list[str]:
    """Return the word keys of a name, an elided article split off (d'enseignants: d', enseignants)."""
    words: list[str] = []
    for part in text.replace("’", "'").split():
        if "'" in part[:-1]:
            head, _, rest = part.partition("'")
            words.extend([word_key(head + "'"), word_key(rest)])
        else:
            words.append(word_key(part))
    return [w for w in words if w]


def _heads(clusters: list[Cluster]) -> dict[str, list[tuple[Cluster, list[str]]]]:
    """Return, for each common noun that opens a name, the clusters so named and the names' words."""
    heads: dict[str, list[tuple[Cluster, list[str]]]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            if mention.kind != "name" or not mention.text[:1].isupper():
                continue
            words = _name_words(mention.text)
            if len(words) < 2 or not is_common_noun(mention.text.split()[0].lower()):
                continue  # Galvatec, Europe: a name of one word is no description's head
            heads.setdefault(words[0], []).append((cluster, words))
    return heads


def add_own_heads(clusters: list[Cluster], parsed: Doc, referents: Referents) -> None:
    """Give *la commission électorale* to the Commission électorale nationale autonome named
    before it, the one organisation of the article whose name opens with *commission*."""
    heads = _heads(clusters)
    if not heads:
        return
    spans = [(m.start, m.end) for c in clusters for m in c.mentions]
    text = doc_text(parsed)
    other: dict[str, list[int]] = {}  # each noun's uses for another thing (le conseil d'administration)
    for token in parsed:
        key = word_key(token.text)
        if key not in heads or not token.text[:1].islower():
            continue
        if _another(parsed, _matched(parsed, token.i, heads[key]), adjective=False):
            other.setdefault(key, []).append(token.idx)  # not an adjective: la coalition syndicale
    for token in parsed:
        if token.lower_.replace("’", "'") not in DEFINITE or token.i + 1 >= len(parsed):
            continue
        noun = parsed[token.i + 1]
        key = word_key(noun.text)
        if not noun.text[:1].islower() or key not in heads:
            continue
        owners = {id(c): c for c, _ in heads[key]}
        if len(owners) != 1:
            continue  # two organisations named so: the noun does not tell which
        cluster = next(iter(owners.values()))
        if cluster.type != "ORG" or cluster.group:
            continue
        end = _matched(parsed, token.i + 1, heads[key])
        matched = end - token.i - 1
        if _another(parsed, end) or (key in referents.by_first and matched < 2):
            continue  # la commission d'enquête; le comité: the category rule's noun, left open there
        start, stop = token.idx, parsed[end - 1].idx + len(parsed[end - 1])
        last = max((m.end for m in cluster.mentions if m.end <= start), default=None)
        if last is None or not any(m.end <= start for m in cluster.names):
            continue  # named only after: the noun may be another one of the same kind
        if any(last <= p < start for p in other.get(key, ())):
            continue  # another thing called so since (… du Conseil X. Le conseil d'administration …)
        if any(s < stop and start < e for s, e in spans):
            continue
        cluster.mentions.append(Mention(start, stop, text[start:stop], "description"))
        spans.append((start, stop))


def _matched(parsed: Doc, i: int, names: list[tuple[Cluster, list[str]]]) -> int:
    """Return where the words from the noun at token i stop following one of the names."""
    matched = 1
    while i + matched < len(parsed):
        word = word_key(parsed[i + matched].text)
        if not any(len(w) > matched and w[matched] == word for _, w in names):
            break
        matched += 1
    # la coalition syndicale for the Coalition des syndicats: an adjective that says a word of
    # the name again in another form (a shared stem of five letters or more)
    while i + matched < len(parsed) and parsed[i + matched].pos_ == "ADJ":
        word = word_key(parsed[i + matched].text)
        if len(word) < 5 or not any(_stem(word, w) for _, name in names for w in name[1:]):
            break
        matched += 1
    return i + matched


def _stem(word: str, other: str) -> bool:
    """Tell whether two words share their first five letters or more, the shorter one's whole
    length at least minus three (syndicale, syndicats; nationale, national)."""
    shorter = min(len(word), len(other))
    common = next((k for k, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), shorter)
    return common >= 5 and common >= shorter - 3


def _another(parsed: Doc, i: int, adjective: bool = True) -> bool:
    """Tell whether the word at token i, right after a noun, makes it another thing than the
    name says: an adjective, a de-complement or a name (la commission d'enquête, le conseil
    municipal, la commission Juncker)."""
    if i >= len(parsed):
        return False
    after = parsed[i]
    return (
        (adjective and after.pos_ == "ADJ")
        or after.lower_.replace("’", "'") in OF
        or (after.text[:1].isupper() and after.is_alpha)
    )
