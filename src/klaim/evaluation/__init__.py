"""Measure extractors against annotated gold data."""
