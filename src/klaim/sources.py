"""Article records from the forms articles come in: tables (CSV, Parquet), HTML pages and WARC
crawl files. Each reader yields ``(record label, fields)``; ``klaim.articles`` validates them.

HTML is reduced to the article's text with trafilatura; the extracted text is what the release
stores, so every offset stays verifiable against it. The page's URL and (for WARC) the crawl
date are kept.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from klaim.errors import InputError

TABLE_SUFFIXES = (".csv", ".parquet")
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
Record = tuple[str, dict[str, Any]]


def is_warc(path: Path) -> bool:
    return path.name.endswith(WARC_SUFFIXES)


def read_table(path: Path) -> Iterator[Record]:
    """Rows of a CSV or Parquet table of articles; empty cells are missing values."""
    import pandas as pd

    try:
        if path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        else:
            frame = pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the table: {exc}", str(path)) from exc
    for i, row in enumerate(frame.to_dict(orient="records"), 1):
        yield f"row {i}", {str(k): _cell(v) for k, v in row.items() if _cell(v) is not None}


def _cell(value: Any) -> Any:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def html_article(html: str, url: str | None = None) -> dict[str, Any] | None:
    """The article of an HTML page (text, title, date, url), or None if it has none."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    # without as_dict (deprecated) trafilatura returns a Document; its annotation has no overload
    assert not isinstance(doc, dict)
    if doc is None or not (doc.text or "").strip():
        return None
    found = {"text": doc.text, "title": doc.title, "published": doc.date,
             "url": url or doc.url, "source": doc.sitename}
    return {k: v for k, v in found.items() if v}


def read_html(path: Path) -> Iterator[Record]:
    from klaim.textfiles import read_text_file

    html = read_text_file(path, allow_bom=True)
    fields = html_article(html)
    if fields is None:
        raise InputError("no article text found in the page", str(path))
    yield path.name, {"id": path.name.split(".")[0], **fields}


def read_warc(path: Path) -> Iterator[Record]:
    """Every HTML response of a WARC file, with its URL and crawl date (WARC-Date)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
                if "html" not in (ctype or ""):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                html = record.content_stream().read().decode("utf-8", errors="replace")
                fields = html_article(html, url)
                label = url or record.rec_headers.get_header("WARC-Record-ID")
                if fields is None:
                    yield label, {"url": url}  # reported as missing text, not dropped silently
                    continue
                yield label, _with_crawl_date(
                    {"id": _id_for_url(url), **fields},
                    record.rec_headers.get_header("WARC-Date"))
    except (ArchiveLoadFailed, OSError) as exc:
        raise InputError(f"not a readable WARC file: {exc}", str(path)) from exc


def _with_crawl_date(fields: dict[str, Any], crawled: str | None) -> dict[str, Any]:
    """Keep the crawl date; when the page gives no date, it is the best bound we have for
    "yesterday" and is marked as inferred."""
    if not crawled:
        return fields
    fields = {**fields, "retrieved": crawled}
    if "published" not in fields:
        fields.update(published=crawled, published_inferred=True,
                      published_note="The page gives no date; this is the crawl date (WARC-Date).")
    return fields


def _id_for_url(url: str | None) -> str:
    return "w" + hashlib.sha1((url or "").encode("utf-8")).hexdigest()[:16]
