"""What changed between two releases, claim by claim, keyed by the stable ``claim_id``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STAMP_FIELDS = frozenset({"reviewer", "reviewed"})


@dataclass
class ClaimChange:
    claim_id: str
    fields: dict[str, tuple[Any, Any]]  # field → (old, new)

    @property
    def stamp_only(self) -> bool:
        """Only the review stamp (who, when) changed: a person looked, the content is the same."""
        if set(self.fields) != {"verdict"}:
            return False
        old, new = (v or {} for v in self.fields["verdict"])
        differ = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
        return bool(differ) and differ <= STAMP_FIELDS


@dataclass
class ReleaseDiff:
    old: str
    new: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[ClaimChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def content_changes(self) -> list[ClaimChange]:
        return [c for c in self.changed if not c.stamp_only]

    @property
    def stamped(self) -> list[ClaimChange]:
        return [c for c in self.changed if c.stamp_only]

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.removed)} removed, "
                f"{len(self.changed)} changed claim(s)")

    def render(self) -> str:
        lines = [(f"{self.old} → {self.new}: {self.summary()} ({len(self.content_changes)} in "
                  f"content, {len(self.stamped)} only newly review-stamped)")]
        for c in self.added:
            lines.append(f"+ {c['claim_id']} [{c['claim_type']}] {c['text']}")
        for c in self.removed:
            lines.append(f"- {c['claim_id']} [{c['claim_type']}] {c['text']}")
        for ch in self.content_changes:
            lines.append(f"~ {ch.claim_id}")
            for name, (old, new) in ch.fields.items():
                lines.append(f"    {name}: {_short(old)} → {_short(new)}")
        if self.stamped:
            lines.append(f"review stamp only (reviewer/reviewed), content unchanged: "
                         f"{len(self.stamped)} claim(s)")
            lines += [f"  = {ch.claim_id}" for ch in self.stamped]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "added": self.added, "removed": self.removed,
                "changed": [{"claim_id": c.claim_id,
                             "fields": {k: {"old": o, "new": n} for k, (o, n) in c.fields.items()}}
                            for c in self.changed],
                "stamp_only": [c.claim_id for c in self.stamped]}


def _short(value: Any, limit: int = 120) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_claims(path: Path) -> dict[str, dict[str, Any]]:
    """Claims of a release folder (its claims.jsonl) or of a JSONL file, by claim_id."""
    path = Path(path)
    src = path / "claims.jsonl" if path.is_dir() else path
    from klaim.errors import InputError

    if not src.is_file():
        raise InputError("not a release folder or claims JSONL file", str(path))
    from klaim.articles import iter_jsonl
    from klaim.errors import SchemaError, ValidationReport

    report, out = ValidationReport(), {}
    for _n, obj in iter_jsonl(src, report, allow_empty=True):  # a release may have no claims
        out[str(obj.get("claim_id"))] = obj
    if report.problems:
        raise SchemaError(report)
    return out


def diff_claims(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
                old_name: str = "old", new_name: str = "new") -> ReleaseDiff:
    result = ReleaseDiff(old_name, new_name)
    for cid in sorted(new.keys() - old.keys()):
        result.added.append(new[cid])
    for cid in sorted(old.keys() - new.keys()):
        result.removed.append(old[cid])
    for cid in sorted(old.keys() & new.keys()):
        fields = {k: (old[cid].get(k), new[cid].get(k))
                  for k in sorted(old[cid].keys() | new[cid].keys())
                  if old[cid].get(k) != new[cid].get(k)}
        if fields:
            result.changed.append(ClaimChange(cid, fields))
    return result


def diff_releases(old: Path, new: Path) -> ReleaseDiff:
    return diff_claims(load_claims(old), load_claims(new), Path(old).name, Path(new).name)
