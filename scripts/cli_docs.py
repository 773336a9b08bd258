"""Generate docs/cli.md from the CLI's own --help, so the docs cannot drift from the code.

    python scripts/cli_docs.py          # rewrite docs/cli.md
    python scripts/cli_docs.py --check  # exit 1 if docs/cli.md is stale (the tests do this too)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _help(args: list[str]) -> str:
    from typer.testing import CliRunner

    from klaim.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100", "TERM": "dumb",
                                                           "NO_COLOR": "1"}, prog_name="klaim")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def _commands() -> list[list[str]]:
    import typer

    from klaim.cli import app

    group = typer.main.get_command(app)
    out = []
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            out += [[name, sub] for sub in sorted(cmd.commands)]
        else:
            out.append([name])
    return out


def render() -> str:
    parts = ["# klaim command line", "",
             "Generated from `--help` by `python scripts/cli_docs.py`; do not edit by hand.", "",
             "```", _help([]), "```", ""]
    for cmd in _commands():
        parts += [f"## klaim {' '.join(cmd)}", "", "```", _help(cmd), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", "100")
    text = render()
    if "--check" in sys.argv:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            sys.exit("docs/cli.md is stale: run `python scripts/cli_docs.py`")
        sys.exit(0)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
