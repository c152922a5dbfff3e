"""veille: who said what, who did what to whom, when and where, with the evidence attached."""

__version__ = "0.1.0"
