"""Tally why quotations miss their speaker on the allowed annotated articles.

For every gold quotation of the given gold files, says what went wrong: the quotation was
missed (or found with wrong boundaries: a system quote overlaps it without matching), its
speaker came from the rules and is wrong, or the ranker decided and the gold speaker was
absent from its candidates, present but ranked lower, or the ranker abstained.

Refuses the held-out dev2 articles (d2-025 and after) and the blind sets (tests/gold28,
tests/gold29, tests/gold36, tests/gold40 and tests/gold43): their errors are never listed
(veille.eval.training.allowed).

Usage: .venv/bin/python scripts/quote_tally.py GOLD... [--lines]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from veille.analysis.quotes.stage import QuoteStage
from veille.eval.harness import find_golds
from veille.eval.matching import TextIndex, map_entities, match_quotes
from veille.eval.training import allowed, collected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("golds", nargs="+", type=Path)
    parser.add_argument("--lines", action="store_true", help="print one line per error")
    args = parser.parse_args(argv)
    golds = find_golds(args.golds)
    refused = [g for g in golds if not allowed(g)]
    if refused:
        print(f"refused (held-out or blind): {', '.join(g.name for g in refused)}", file=sys.stderr)
        return 2
    tally: Counter[str] = Counter()
    # The records hold the quote stage's entity ids: the checks that renumber are off.
    for path, gold, doc, records in collected(golds, QuoteStage, same_ids=True):
        emap = map_entities(gold, doc)
        pairs = match_quotes(gold, doc, TextIndex(doc.article.text))
        matched = set(pairs.values())
        text = doc.article.text
        for g, gq in enumerate(gold.quotes):
            if gq.optional:
                continue
            tally["gold"] += 1
            want = gq.speaker
            if g not in pairs:
                place = text.find(gq.text[:40])
                near = [
                    q
                    for s, q in enumerate(doc.quotes)
                    if s not in matched and place >= 0 and q.start < place + len(gq.text) and place < q.end
                ]
                why = "boundary" if near else "missed"
                got = ""
            else:
                quote = doc.quotes[pairs[g]]
                got = emap.gold_name(gold, quote.speaker) or "none"
                record = next((r for r in records if r[0] <= quote.start and quote.end <= r[1]), None)
                ruled = None if record is None else record[2]
                labels = [] if record is None else [emap.gold_name(gold, e) == want for e, _v in record[3]]
                absent = "" if any(labels) else "-absent"
                if ruled is None:
                    tally["ranked"] += 1
                    tally["ranked-gold-absent"] += int(not any(labels))
                if got == want:
                    tally["right"] += 1
                    if ruled is None and not any(labels) and args.lines:
                        print(f"{path.name}\tranked-right-absent?\t{want}\t{got}\t{gq.text[:70]!r}")
                    continue
                if ruled is not None:
                    why = "rules-wrong" + absent
                elif quote.speaker is None:
                    why = "abstained" + absent
                else:
                    why = "ranked-lower" if any(labels) else "ranker-absent"
            tally[why] += 1
            if args.lines:
                print(f"{path.name}\t{why}\t{want}\t{got}\t{gq.text[:70]!r}")
    print(dict(sorted(tally.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
