"""French: the word sets, morphology guesses and data tables every stage reads.

Nothing here reads a parse: the modules are plain lookups over words, so that the
syntax layer and the stages share one copy of each French fact.
"""
