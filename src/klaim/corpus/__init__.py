"""Corpus scale: streaming, sharded, resumable builds on one machine (`build`) or Dask (`cluster`)."""

from klaim.corpus.build import build_corpus

__all__ = ["build_corpus"]
