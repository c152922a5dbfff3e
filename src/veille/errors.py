"""One catalogue of errors. Each message says what failed, where, and how to fix it.

The CLI prints ``str(error)`` as one line and exits non-zero; a batch records it
in its failures and goes on.
"""

from __future__ import annotations


class VeilleError(Exception):
    """Base of every error veille raises on purpose."""

    exit_code = 1

    def __init__(self, reason: str, *, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class InputError(VeilleError):
    """An input file or record cannot be read as an article."""

    exit_code = 2


class ContractError(InputError, ValueError):
    """A Document or gold file is not what its format says; the message names the JSON path.

    Also a ValueError, as a malformed value is one, for code that catches those.
    """


class SettingsError(VeilleError):
    """A setting or command-line option is wrong."""

    exit_code = 2


class ModelError(VeilleError):
    """The spaCy model is missing or cannot be loaded."""

    exit_code = 3


class GoldError(VeilleError):
    """A gold file is not valid veille.gold/1."""

    exit_code = 2


class StoreError(VeilleError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4


class StoreUnwritableError(StoreError):
    """The store cannot take any write (read-only, disk full, I/O error): the run stops."""


class DuplicateIdError(InputError):
    """An article id already names a different article (in this run or in the store)."""


class OutputError(VeilleError):
    """An output file or folder (export, --out, --json) cannot be written."""

    exit_code = 5


class Interrupted(VeilleError):
    """The run was stopped by Ctrl-C (exit 130) or SIGTERM (exit 143)."""

    exit_code = 130
