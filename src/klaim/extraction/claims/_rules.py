"""Named rules: each a small function with a name, registered per stage and language.

A stage (for example the attribution cues) is an ordered ``RuleSet``; the first rule whose
trigger holds at a point decides there, and the name of the rule that fired travels with the
claim (``Claim.rules``), so that a reviewer sees why a speaker was chosen and a rule can be
changed and tested on its own (its examples are in ``tests/data/claims/rules/<stage>.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S")  # what a rule looks at (a scan state of its stage)
R = TypeVar("R")  # what it produces


@dataclass(frozen=True)
class Rule(Generic[S, R]):
    name: str
    applies: Callable[[S], bool]
    run: Callable[[S], R | None]
    langs: frozenset[str] | None = None  # None: every language

    def for_lang(self, code: str) -> bool:
        return self.langs is None or code in self.langs


class RuleSet(Generic[S, R]):
    """The rules of one stage, in the order they are tried."""

    def __init__(self, stage: str):
        self.stage = stage
        self.rules: list[Rule[S, R]] = []
        self._by_lang: dict[str, tuple[Rule[S, R], ...]] = {}

    def register(self, name: str, applies: Callable[[S], bool],
                 langs: tuple[str, ...] | None = None) -> Callable[[Callable[[S], R | None]], Callable[[S], R | None]]:
        """Decorator: add the function as the rule ``<stage>.<name>``, tried after those before it."""
        def add(run: Callable[[S], R | None]) -> Callable[[S], R | None]:
            full = f"{self.stage}.{name}"
            if any(r.name == full for r in self.rules):
                raise ValueError(f"rule {full} registered twice")
            self.rules.append(Rule(full, applies, run, frozenset(langs) if langs else None))
            self._by_lang.clear()
            return run
        return add

    def for_lang(self, code: str) -> tuple[Rule[S, R], ...]:
        hit = self._by_lang.get(code)
        if hit is None:
            hit = self._by_lang[code] = tuple(r for r in self.rules if r.for_lang(code))
        return hit

    def first(self, code: str, state: S) -> tuple[str, R | None] | None:
        """(name, result) of the first rule whose trigger holds; None when none applies."""
        for rule in self.for_lang(code):
            if rule.applies(state):
                return rule.name, rule.run(state)
        return None

    def names(self) -> list[str]:
        return [r.name for r in self.rules]
