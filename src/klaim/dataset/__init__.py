"""Datasets: claims → records → a versioned release on disk, and everything that reads one back.

`build` runs the whole flow for a folder of articles and applies `curation` (human decisions;
`curation_merge` merges decisions from a tool into the hand-edited files);
`release` is the only writer; `card`, `charts`, `croissant`, `exports`, `claimreview` and
`changelog` render views of a release; `validate`, `diff` and `publish` read releases.
"""
