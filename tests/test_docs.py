"""The docs are tested too: every CLI command has help text and is documented with all its options."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from veille.cli import build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(prefix: str, p: argparse.ArgumentParser) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found[f"{prefix}{name}"] = sub
                    walk(f"{prefix}{name} ", sub)

    walk("", parser)
    return found


def helps() -> dict[str, str | None]:
    parser = build_parser()
    result: dict[str, str | None] = {}

    def walk(prefix: str, p: argparse.ArgumentParser) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    result[f"{prefix}{choice.dest}"] = choice.help
                for name, sub in action.choices.items():
                    walk(f"{prefix}{name} ", sub)

    walk("", parser)
    return result


@pytest.mark.parametrize("command", sorted(helps()))
def test_every_command_has_help_text(command: str) -> None:
    assert helps()[command], f"veille {command} has no help text"


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_command_and_option_is_documented(command: str) -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    heading = re.search(rf"^#+ `?veille {re.escape(command)}`?\s*$", reference, re.MULTILINE)
    assert heading, f"docs/cli.md has no heading for 'veille {command}'"
    section = reference[heading.end() :]
    following = re.search(r"^#+ `?veille ", section, re.MULTILINE)
    section = section[: following.start()] if following else section
    parser = subcommands()[command]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.dest == "help":
            continue
        names = [o for o in action.option_strings if o.startswith("--")] or [action.metavar or action.dest]
        assert any(str(name) in section for name in names), f"veille {command}: {names[0]} is not documented"


def test_docs_index_links_resolve() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+\.md)\)", index):
        assert (DOCS / target).is_file(), f"docs/index.md links to missing {target}"
