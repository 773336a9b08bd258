"""Reliability cases: hostile input, resource bounds, crashes and tampering (issue 10).

Every test under this folder carries the `reliability` marker, so `pytest -m reliability` runs
exactly the audit's classes; the default `python -m pytest` (and CI) runs them with the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helpers in tests/ (_seed_claims, _release_fixtures, ...) import by bare name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)
