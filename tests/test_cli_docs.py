"""docs/cli.md is generated from --help; it must match the CLI as it is."""

import importlib.util

from _seed_claims import ROOT


def test_cli_docs_are_up_to_date():
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    cli_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli_docs)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_docs.render(), (
        "docs/cli.md is stale: run `python scripts/cli_docs.py`")
