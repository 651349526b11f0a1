"""The README documents every command and option the CLI has (and the make targets it names)."""

from __future__ import annotations

import argparse
import re

from tests.conftest import ROOT
from wirelens.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "wirelens"):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", sub
                yield from _commands(sub, f"{prefix} {name}")


def test_every_command_is_in_the_readme() -> None:
    for command, _ in _commands(build_parser()):
        assert command in README, f"README does not mention `{command}`"


def test_every_option_is_in_the_readme() -> None:
    for command, sub in _commands(build_parser()):
        for action in sub._actions:
            for flag in action.option_strings:
                if flag in {"-h", "--help"}:
                    continue
                assert flag in README, f"README does not mention {flag} of `{command}`"


def test_readme_make_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    for target in set(re.findall(r"`make ([a-z-]+)`", README)):
        assert target in targets, f"README names `make {target}`, which the Makefile lacks"
