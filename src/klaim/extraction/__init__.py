"""Extraction: text → segments → figures → claims, pure functions over one article's text.

`text` segments with offsets kept, `figures` finds and normalises numbers, `claims` splits,
attributes and tags claims; `lang/` holds the per-language tables they read.
"""
