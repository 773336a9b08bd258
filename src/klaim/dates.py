"""Dates given by people (metadata, ``--published``, ``--date``): parsed strictly, never truncated.

Rule for publication dates: an article cannot be published in the future, but time zones and
embargoed pieces allow some slack, so ``published`` may lie at most ``MAX_FUTURE_DAYS`` after
the build date (``SOURCE_DATE_EPOCH`` or today, UTC). Anything later (``9999-12-31``) is a typo.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from klaim.errors import InputError

MAX_FUTURE_DAYS = 366


def build_date() -> date:
    """``SOURCE_DATE_EPOCH`` (reproducible builds) or today, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return now.date()


def parse_iso_date(value: date | str | None, what: str = "date") -> date | None:
    """An ISO 8601 date (``2024-04-04``) or datetime (``2024-04-04T10:00:00+07:00``), or an RFC 2822
    date, as a date (the local date of a timestamp: the day "yesterday" counts from).

    Anything else, including a valid date followed by junk (``2024-04-04junk``) or an impossible
    calendar date (``2024-02-30``), is an ``InputError`` naming ``what``.
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:  # RSS writes RFC 2822: "Wed, 22 Oct 2025 09:30:00 +0700"
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError) as exc:
        raise InputError(f"{what} must be an ISO date (YYYY-MM-DD), an ISO timestamp "
                         f"(2024-04-04T07:44+07:00) or an RFC 2822 date, got {value!r}") from exc


def future_date_problem(published: date, today: date | None = None) -> str | None:
    """Why ``published`` is implausible (too far in the future), or None."""
    limit = (today or build_date()) + timedelta(days=MAX_FUTURE_DAYS)
    if published > limit:
        return (f"{published.isoformat()} lies more than {MAX_FUTURE_DAYS} days after the build "
                f"date ({limit - timedelta(days=MAX_FUTURE_DAYS)}); a publication date cannot be "
                "in the future")
    return None
