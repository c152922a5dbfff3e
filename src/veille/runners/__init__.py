"""Runners: where the analysis runs. ``local`` is N worker processes feeding one writer."""

from veille.runners.local import LocalRunner

__all__ = ["LocalRunner"]
