"""Why PolNeAR source recall is what it is, and how high the claims guideline lets it go.

    python scripts/dump_claims.py -o /tmp/en.jsonl ../shared/devdata/en_polnear_train.jsonl --lang en
    python scripts/attribution_ceiling.py /tmp/en.jsonl [--corpus ../shared/devdata/en_polnear_train.jsonl]

Every PolNeAR attribution with a source is scored as `klaim evaluate attribution` scores it (the same
`read_attributions`, covering claim and speaker match, on the dump's claims), and each miss goes into
exactly one bucket:

  (a) no claim covers its content;
  (e) a claim covers it and names a speaker, but not the source;
  covered and voiced by the outlet, by the class of PolNeAR's cue (scripts/attribution_cue_classes.yaml):
  (b) speech or report, (c) cognition (belief, or factive knowledge and perception), (d) an act (a
  speech act named by its force, or a deed, plan, intention or stance), (f) anything else.

The claims guideline (../shared/devdata/CLAIMS_GUIDELINE.md) gives what someone said, believes,
promised or demanded to the source, and what someone did or plans to the outlet's own voice. The
ceilings printed at the end are the source recall reached if every miss of the source's classes were
fixed: a target above them can only be met by voicing claims against the guideline.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from klaim.evaluation.attribution import _covering, read_attributions, speaker_matches
from klaim.schema import SpeakerKind

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "shared" / "devdata" / "en_polnear_train.jsonl"
BUCKETS = {"a": "content not covered by any claim", "b": "covered, publisher, speech/report cue",
           "c": "covered, publisher, cognition cue", "d": "covered, publisher, act/stance/plan/intention cue",
           "e": "covered, given a speaker, but the wrong one", "f": "covered, publisher, other cue"}
_PUBLISHER_BUCKET = {"speech": "b", "cognition/belief": "c", "cognition/factive": "c",
                     "act/say": "d", "act/do": "d"}
_WORD = re.compile(r"[a-z][a-z'-]*")


def cue_classes(path: Path = HERE / "attribution_cue_classes.yaml") -> dict[str, Any]:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    table["classes"] = {name: frozenset(" ".join(lines).split()) for name, lines in table["classes"].items()}
    return table


def cue_class(cue: str, classes: dict[str, frozenset[str]]) -> tuple[str, str | None]:
    """(class, the word that decided it); "other" when no class holds a word of the cue."""
    words = _WORD.findall(cue.lower().replace("’", "'"))
    if not words and cue.strip():
        return "speech", cue.strip()  # punctuation that introduces a quotation
    for name, vocab in classes.items():
        word = next((w for w in words if w in vocab), None)
        if word is not None:
            return name, word
    return "other", None


def _claim(record: dict[str, Any]) -> SimpleNamespace:
    """The fields of a dumped claim that the attribution scorer reads."""
    speaker = record["speaker"]
    mention = speaker.get("mention")
    return SimpleNamespace(start=record["start"], end=record["end"], surface=record["surface"], speaker=SimpleNamespace(
        kind=SpeakerKind(speaker["kind"]), name=speaker.get("name"),
        mention=SimpleNamespace(**{k: mention[k] for k in ("start", "end", "surface")}) if mention else None))


def _bucket(cover: Any, right: bool, cls: str) -> str:
    if right:
        return "right"
    if cover is None:
        return "a"
    if cover.speaker.kind != SpeakerKind.publisher:
        return "e"
    return _PUBLISHER_BUCKET.get(cls, "f")


def rows(corpus: Path, dump: Path, classes: dict[str, frozenset[str]]) -> list[dict[str, Any]]:
    """One row per PolNeAR attribution with a source: its cue class and its bucket."""
    claims = collections.defaultdict(list)
    with dump.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            claims[record["article_id"]].append(_claim(record))
    out = []
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()]
    for number, article in enumerate(articles):
        text = article["text"]
        for raw, attribution in zip(article["attributions"], read_attributions(text, article["attributions"]),
                                    strict=True):
            if not attribution.source:
                continue
            cover = _covering(attribution, claims[article["id"]]) if attribution.content else None
            right = cover is not None and speaker_matches(cover, attribution)
            cue = " ".join(text[s:e] for s, e, *_ in sorted(raw.get("cue") or []))
            cls, word = cue_class(cue, classes)
            out.append(dict(line=number, source=attribution.source_text, cue=cue, cls=cls, word=word,
                            bucket=_bucket(cover, right, cls), has_content=bool(attribution.content),
                            speaker=None if cover is None else f"{cover.speaker.kind.value}:{cover.speaker.name}",
                            content=" ".join(text[s:e] for s, e in attribution.content)[:140]))
    return out


def report_buckets(found: list[dict[str, Any]]) -> None:
    total, right = len(found), sum(r["bucket"] == "right" for r in found)
    print(f"attributions with a source: {total}; klaim right: {right} (source recall {right / total:.4f});"
          f" missed: {total - right}\n")
    rng = random.Random(15)
    for bucket, name in BUCKETS.items():
        members = [r for r in found if r["bucket"] == bucket]
        per_class = collections.Counter(r["cls"] for r in members)
        print(f"({bucket}) {name}: {len(members)}  [{', '.join(f'{k} {v}' for k, v in per_class.most_common())}]")
        words = collections.Counter(r["word"] or r["cue"].lower() for r in members)
        print("     top cue words: " + ", ".join(f"{w} {c}" for w, c in words.most_common(25)))
        for r in rng.sample(members, min(3, len(members))):
            print(f"     e.g. line {r['line']}: source [{r['source'][:50]}] cue [{r['cue'][:40]}] -> klaim"
                  f" {r['speaker']} | content {r['content'][:110]!r}")
        print()


def report_classes(found: list[dict[str, Any]], classes: dict[str, frozenset[str]]) -> None:
    print("by cue class (all attributions with a source): right / missed by bucket")
    for cls in [*classes, "other"]:
        members = [r for r in found if r["cls"] == cls]
        buckets = collections.Counter(r["bucket"] for r in members)
        print(f"  {cls:18s} {len(members):5d}: right {buckets['right']:5d}  "
              + "  ".join(f"{b} {buckets[b]}" for b in BUCKETS if buckets[b]))


def report_ceilings(found: list[dict[str, Any]], source: set[str], debatable: set[str]) -> None:
    total, right = len(found), sum(r["bucket"] == "right" for r in found)
    speakers = sum(r["bucket"] in "bcde" and r["cls"] in source for r in found)
    factive = sum(r["bucket"] in "ce" and r["cls"] in debatable for r in found)
    spans = sum(r["bucket"] == "a" and r["cls"] in source and r["has_content"] for r in found)
    print(f"\nthe source's cue classes under the guideline: {', '.join(sorted(source))};"
          f" debatable: {', '.join(sorted(debatable))}")
    first = right + speakers
    print(f"ceiling 1, every speaker miss of the source's classes fixed ({speakers}):"
          f" {first}/{total} = {first / total:.4f}")
    print(f"ceiling 1 + the debatable classes ({factive}): {first + factive}/{total} = {(first + factive) / total:.4f}")
    second = first + factive + spans
    print(f"ceiling 2, also every uncovered content of the source's classes claimed ({spans}):"
          f" {second}/{total} = {second / total:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path, help="scripts/dump_claims.py output over the PolNeAR corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="PolNeAR-format JSONL (default: %(default)s)")
    args = parser.parse_args()
    table = cue_classes()
    found = rows(args.corpus, args.dump, table["classes"])
    report_buckets(found)
    report_classes(found, table["classes"])
    report_ceilings(found, set(table["source_classes"]), set(table["debatable"]))


if __name__ == "__main__":
    main()
