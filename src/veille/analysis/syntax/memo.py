"""Answer a reader's question about a token once per document: the subject of a cue verb,
the speaker phrase it heads, the verb governing a word, a verb's tense.

Several rules ask the same reader the same question of the same token: every quote finder
that meets a cue asks the resolver for the verb's subject and the speaker phrase it heads
(over the allowed articles more than half of these questions had been answered before for
the same document). ``@per_token`` keeps each answer with the object that answers (a reader
made for one document and dropped after its stage), keyed by the token's index and the other
arguments, so the question is worked out once per document.

``@per_parse`` does the same for a reading of the parse alone (the verb whose clause holds a
word, a verb's tense), asked by the time, quote and event rules alike: its answers are kept
with the doc's token view, which the pipeline drops after the stages.

Only for questions whose answer depends on nothing but the parse, the arguments and what the
reader was made with: a reader that learns while it runs (speakers made for unknown names)
must not be memoised. A list answer (and a list in a tuple answer) is copied on each return,
so a caller that extends what it got cannot change what the next caller gets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.tokens import Token

from veille.analysis.syntax.view import token_view

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


def per_token(method: F) -> F:
    """Memoise ``method(owner, token_or_tokens, *args, **kwargs)`` on ``owner``, keyed by
    the token's index (a list of tokens by their indexes) and the other arguments."""
    slot = f"_per_token_{method.__name__}"

    @functools.wraps(method)
    def answer(owner: Any, tokens: Token | list[Token], *args: Any, **kwargs: Any) -> Any:
        memo = owner.__dict__.get(slot)
        if memo is None:
            memo = owner.__dict__[slot] = {}
        at = tokens.i if isinstance(tokens, Token) else tuple(t.i for t in tokens)
        key = (at, args, tuple(kwargs.items())) if args or kwargs else at
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = method(owner, tokens, *args, **kwargs)
        return _copied(found)

    return cast("F", answer)


def per_parse(function: F) -> F:
    """Memoise ``function(token, *args)``, a reading of the parse alone (the verb governing a
    word, a verb's tense), in the doc's token view: once per token and arguments while the
    view lives (the stages' run: ``sentences.indexed_sentences`` drops it after)."""
    slot = f"{function.__module__}.{function.__name__}"

    @functools.wraps(function)
    def answer(token: Token, *args: Any) -> Any:
        memo = token_view(token.doc).derived(slot, _new_memo)
        key = (token.i, *args) if args else token.i
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = function(token, *args)
        return _copied(found)

    return cast("F", answer)


def _new_memo(_view: object) -> dict[object, Any]:
    return {}


def _copied(found: Any) -> Any:
    if type(found) is list:
        return list(found)
    if type(found) is tuple and any(type(part) is list for part in found):
        return tuple(list(part) if type(part) is list else part for part in found)
    return found
