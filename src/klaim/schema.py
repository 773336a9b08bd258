"""The data model: the single source of truth for JSON Schema, dataset features and CSV columns.

Every model forbids unknown fields so that a typo in a curation file or a hand-edited JSONL record
is reported, not silently dropped. Validators enforce the invariants a reader of the dataset relies
on; the one that needs the article text (``text[start:end] == surface``) reads it from the
validation context: ``Claim.model_validate(data, context={"text": article_text})``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import lru_cache
from operator import itemgetter
from typing import Annotated, Any, NamedTuple, Self, TypeVar, get_args

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = "1.1.1"

# ISO 8601 calendar values and TIMEX3-style underspecified ones ("XXXX-07", "2024-W14",
# "2024-04-04T19:30", "P5Y", "PRESENT_REF") plus intervals "a/b".
_ISO_PART = (
    r"(?:[0-9X]{4}(?:-(?:[0-9X]{2}|W[0-9]{2}|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-[0-9X]{2})?)?"
    r"(?:T[0-9]{2}(?::[0-9]{2}){0,2}(?:Z|[+-][0-9]{2}:?[0-9]{2})?|T(?:MO|AF|EV|NI))?"
    r"|T[0-9]{2}(?::[0-9]{2}){0,2}(?:Z|[+-][0-9]{2}:?[0-9]{2})?|T(?:MO|AF|EV|NI)"
    r"|P(?=[0-9.X]|T[0-9.X])(?:(?:[0-9.]+|X)[YMWD])*(?:T(?:(?:[0-9.]+|X)[HMS])+)?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF)"
)
ISO_VALUE = re.compile(rf"^{_ISO_PART}(?:/{_ISO_PART})?$")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$"


def lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text`` (no file can hold one), else None.

    JSON's ``"\\ud800"`` escape and Python's surrogateescape decoding produce them; pydantic
    refuses them in every model, and ``extract`` checks raw text with this.
    """
    if text.isascii():
        return None
    m = _LONE_SURROGATE.search(text)
    return m.start() if m else None


def _text_fields(model: type[BaseModel]) -> Callable[[dict[str, Any]], tuple[str | None, ...]]:
    """A getter of the values of ``model``'s ``str`` and ``str | None`` fields, as one tuple."""
    getter = _TEXT_FIELDS.get(model)
    if getter is None:
        names = [name for name, f in model.model_fields.items()
                 if f.annotation is str or (str in get_args(f.annotation) and type(None) in get_args(f.annotation))]
        if len(names) == 1:
            getter = lambda d, name=names[0]: (d[name],)  # noqa: E731 - itemgetter of one name is no tuple
        else:
            getter = itemgetter(*names) if names else lambda d: ()
        _TEXT_FIELDS[model] = getter
    return getter


_TEXT_FIELDS: dict[type[BaseModel], Callable[[dict[str, Any]], tuple[str | None, ...]]] = {}


_M = TypeVar("_M", bound=BaseModel)
_set_slot = object.__setattr__  # past pydantic's __setattr__, as its own model_construct does
# pydantic's own slots of every model, set through their descriptors: ``trusted`` makes tens of
# thousands of models per MB of text, and each ``object.__setattr__`` looks the name up again
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _instance(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """An instance of ``cls`` holding ``values`` as they are, as ``model_construct`` makes one."""
    model = cls.__new__(cls)
    _set_slot(model, "__dict__", values)
    _set_fields_set(model, fields_set)
    _set_extra(model, None)
    _set_private(model, None)
    return model


class _Model(BaseModel):
    # Defaults are not validated: every default below is None, False, an empty list, an enum
    # member or a model (checked when made), and validating them again costs every claim, figure
    # and span ``extract`` builds.
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _checked_once(cls, data: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo) -> Any:
        if isinstance(data, cls):
            # An instance was checked when it was made. pydantic does not revalidate its fields
            # but would run "after" model validators again each time it is nested in another
            # model: every span, figure and entity once more for each claim that holds it.
            return data
        model = handler(data)
        model._no_lone_surrogates()
        model._consistent(info)
        return model

    @classmethod
    def trusted(cls, _unset: frozenset[str] = frozenset(), **values: Any) -> Self:
        """An instance of ``values`` that are valid by construction, made without validating them.

        For the models ``extract`` builds by the tens of thousands per MB of text from what it
        has already checked: text free of lone surrogates (``check_text``, once per article;
        every string made from it is free of them too), offsets of its own tokens, enum members
        and models made before. Validation (pydantic's and the lone-surrogate walk over every
        text field) cost a sixth of extraction time and would find nothing. The invariants
        across fields (``_consistent``: a span's offsets and surface) are still checked, cheaply;
        field order, defaults and ``model_fields_set`` are those the constructor gives. Data from
        outside (JSONL, curation files, releases) goes through ``model_validate`` as before.

        Every field given in the model's order is the fast path; ``_unset`` names fields given
        their default value that the constructor would not count as set (``model_fields_set``).
        """
        plan = _PLANS.get(cls) or _plan(cls)
        if tuple(values) != plan.order:
            given = values
            if not plan.names.issuperset(given):
                raise TypeError(f"{cls.__name__} has no field {sorted(set(given) - plan.names)[0]!r}")
            values = {name: given[name] if name in given else default() for name, default in plan.defaults}
            _unset = _unset.union(plan.names.difference(given))
        model = _instance(cls, values, set(values).difference(_unset) if _unset else set(values))
        if plan.checks:
            model._consistent(None)
        return model

    @classmethod
    def trusted_dict(cls, values: dict[str, Any], fields_set: set[str]) -> Self:
        """``trusted`` for a caller that fills every field itself, in the model's order, and
        names those set (the dict and the set are kept): no keywords to pack and compare with the
        field order, for the models a stage builds by the thousand. Invariants across fields are
        still checked."""
        model = _instance(cls, values, fields_set)
        if (_PLANS.get(cls) or _plan(cls)).checks:
            model._consistent(None)
        return model

    def _consistent(self, info: ValidationInfo | None) -> None:
        """Invariants across fields (a span's offsets and surface), checked after the fields;
        ``info.context`` may hold the article text."""

    def _no_lone_surrogates(self) -> None:
        # pydantic lets lone surrogates through in ``str`` and ``str | None`` fields; no file can
        # hold one, so refuse them here, with the field's name, rather than crash when the
        # release is written. One call per model, not per field; it runs for every model
        # ``extract`` builds, so the text fields are first checked at once, with C-level calls.
        joined = "".join(filter(None, _text_fields(type(self))(self.__dict__)))
        if joined.isascii() or lone_surrogate(joined) is None:
            return
        for name, v in self.__dict__.items():
            if isinstance(v, str) and not v.isascii():
                at = lone_surrogate(v)
                if at is not None:
                    raise ValueError(f"{name} holds a lone surrogate U+{ord(v[at]):04X} at "
                                     f"character {at} (not valid Unicode text)")


class _Plan(NamedTuple):
    """How ``_Model.trusted`` fills a model: its field names, and each field (in order) with
    the maker of its default."""

    names: frozenset[str]
    order: tuple[str, ...]
    defaults: tuple[tuple[str, Callable[[], Any]], ...]
    checks: bool  # whether the model has invariants across fields (its own ``_consistent``)


_PLANS: dict[type[_Model], _Plan] = {}
_IMMUTABLE_DEFAULTS = (type(None), bool, int, float, str)


def _plan(model: type[_Model]) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = _Plan(frozenset(model.model_fields), tuple(model.model_fields),
                                     tuple((name, _default_maker(model, name)) for name in model.model_fields),
                                     model._consistent is not _Model._consistent)
    return plan


def _default_maker(model: type[_Model], name: str) -> Callable[[], Any]:
    """A fresh default of the field each call (a list, a Verdict), as the constructor gives."""
    f = model.model_fields[name]
    factory = f.default_factory
    if isinstance(factory, type) and issubclass(factory, _Model):
        return factory.trusted
    if factory in (list, dict):
        return factory  # type: ignore[return-value]
    if factory is not None:
        return lambda: f.get_default(call_default_factory=True)
    if f.is_required():
        def missing() -> Any:
            raise TypeError(f"{model.__name__}.{name} is required")
        return missing
    default = f.default
    if not isinstance(default, _IMMUTABLE_DEFAULTS):
        return lambda: f.get_default()  # pydantic copies a mutable default
    return lambda: default


class FigureKind(StrEnum):
    """OntoNotes / CoNLL numeric entity kinds: the vocabulary NER users already know."""

    cardinal = "cardinal"
    ordinal = "ordinal"
    money = "money"
    percent = "percent"
    quantity = "quantity"
    date = "date"
    time = "time"
    duration = "duration"


class Period(StrEnum):
    """The period of a rate ("per bulan" → month)."""

    hour = "hour"
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class ClaimType(StrEnum):
    """Aligned with AVeriTeC's claim types, plus background for historical context."""

    numerical = "numerical"
    event_property = "event_property"
    quote = "quote"
    position = "position"
    causal = "causal"
    prediction = "prediction"
    background = "background"


class Modality(StrEnum):
    asserted = "asserted"
    hedged = "hedged"
    negated = "negated"
    future = "future"
    conditional = "conditional"
    uncertain = "uncertain"


class SpeakerKind(StrEnum):
    person = "person"
    organisation = "organisation"
    group = "group"
    anonymous = "anonymous"
    publisher = "publisher"


class EntityLabel(StrEnum):
    person = "person"
    organisation = "organisation"
    location = "location"
    event = "event"
    other = "other"


class VerdictLabel(StrEnum):
    """AVeriTeC-style labels. "No evidence" is never "true": unverified is the default."""

    unverified = "unverified"
    supported = "supported"
    refuted = "refuted"
    mixed = "mixed"
    not_enough_evidence = "not_enough_evidence"


@lru_cache(maxsize=1)
def iso4217_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _check_span_against_text(start: int, end: int, surface: str, info: ValidationInfo | None) -> None:
    text = (info.context or {}).get("text") if info is not None else None
    if text is not None and text[start:end] != surface:
        raise ValueError(
            f"span [{start}:{end}] of the article is {text[start:end]!r}, not {surface!r}"
        )


class Span(_Model):
    """A stretch of the original article text; ``text[start:end] == surface``."""

    start: int = Field(ge=0, description="Character offset (Python str index) where it starts.")
    end: int = Field(ge=0, description="Character offset one past its last character.")
    surface: str = Field(description="The text between start and end, exactly as in the article.")

    def _consistent(self, info: ValidationInfo | None) -> None:
        _check_offsets(self.start, self.end, self.surface)
        _check_span_against_text(self.start, self.end, self.surface, info)


def _check_offsets(start: int, end: int, surface: str) -> None:
    if start >= end:
        raise ValueError(f"start ({start}) must be less than end ({end})")
    if end - start != len(surface):
        raise ValueError(
            f"surface {surface!r} has {len(surface)} characters but the span covers {end - start}"
        )


class Figure(_Model):
    """A number found in text, normalised: value, unit or currency, rate, range, approximation."""

    start: int = Field(ge=0, description="Character offset where the figure starts.")
    end: int = Field(ge=0, description="Character offset one past its end.")
    surface: str = Field(description="The figure as written: number with scale word, unit, currency.")
    kind: FigureKind = Field(description="cardinal, ordinal, money, percent, quantity, date, time or duration.")
    value: float | None = Field(
        default=None,
        description="Normalised numeric value (350.000 → 350000; 100 miliar euro → 1e11). "
        "For a duration, its length in `unit`; None for dates and vague amounts without one.",
    )
    low: float | None = Field(default=None, description="Lower bound of a range or of a vague amount.")
    high: float | None = Field(default=None, description="Upper bound of a range.")
    unit: str | None = Field(
        default=None,
        description="Unit of a quantity (ton, km, barel) or of a duration (year, month, day).",
    )
    currency: str | None = Field(default=None, description="ISO 4217 code of a money figure.",
                                 json_schema_extra={"pattern": "^[A-Z]{3}$"})
    per: Period | None = Field(default=None, description="Period of a rate: 'per bulan' → month.")
    approximate: bool = Field(default=False, description="True when hedged or vague.")
    qualifier: str | None = Field(
        default=None, description="The words that qualify it: sekitar, lebih dari, hingga, about."
    )
    counted: str | None = Field(
        default=None, description="The counted thing: '350.000 penduduk' → 'penduduk'."
    )
    iso: str | None = Field(
        default=None,
        description="For dates, times and durations: ISO 8601 / TIMEX3 value or interval "
        "(2024-04-04, 2024-07, XXXX-07, T19:30, P5Y).",
        json_schema_extra={"pattern": ISO_VALUE.pattern},
    )

    @property
    def damaged(self) -> bool:
        """True when the figure was read through encoding damage in the source (mojibake such as
        '23Â°C', 'â‰¥77,5'): its value comes from the repaired characters, its span is on the text
        as given. Not a field, so not serialized: the release schema has no place for it yet.
        ``find_figures`` returns such figures as the subclass that says True."""
        return False

    def _consistent(self, info: ValidationInfo | None) -> None:
        _check_offsets(self.start, self.end, self.surface)
        _check_span_against_text(self.start, self.end, self.surface, info)
        if self.currency is not None and self.currency not in iso4217_codes():
            raise ValueError(f"currency {self.currency!r} is not an ISO 4217 code")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        if self.iso is not None and not ISO_VALUE.match(self.iso):
            raise ValueError(f"iso {self.iso!r} is not an ISO 8601 / TIMEX3 value")


class Speaker(_Model):
    """Who makes the claim. Claims with no attribution in the text belong to the publisher."""

    kind: SpeakerKind = Field(description="person, organisation, group, anonymous or publisher.")
    name: str | None = Field(default=None, description="Canonical name: Jens Stoltenberg.")
    role: str | None = Field(default=None, description="Role or title: Sekretaris Jenderal NATO.")
    organisation: str | None = Field(default=None, description="Organisation the speaker speaks for.")
    mention: Span | None = Field(default=None, description="Where the speaker is named for this claim.")
    cue: str | None = Field(default=None, description="The attribution cue: kata, mengatakan, said.")


class Entity(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str
    label: EntityLabel
    canonical: str | None = Field(default=None, description="Canonical name from the gazetteer.")

    def _consistent(self, info: ValidationInfo | None) -> None:
        _check_offsets(self.start, self.end, self.surface)
        _check_span_against_text(self.start, self.end, self.surface, info)


class TimeRef(_Model):
    """When the claimed fact holds, grounded against the publication date where possible."""

    iso: str = Field(description="ISO 8601 / TIMEX3 value or interval.",
                     json_schema_extra={"pattern": ISO_VALUE.pattern})
    source: str = Field(description="'text' when a date in the claim gives it, 'published' otherwise.")

    @field_validator("iso")
    @classmethod
    def _iso(cls, v: str) -> str:
        if not ISO_VALUE.match(v):
            raise ValueError(f"{v!r} is not an ISO 8601 / TIMEX3 value")
        return v


class Evidence(_Model):
    url: str | None = Field(default=None, description="Where the evidence is.")
    quote: str | None = Field(default=None, description="The passage that supports or refutes.")
    publisher: str | None = None
    retrieved: date | None = Field(default=None, description="ISO date the evidence was read.")
    note: str | None = None


class Verdict(_Model):
    label: VerdictLabel = VerdictLabel.unverified
    evidence: list[Evidence] = Field(default_factory=list)
    reviewer: str | None = None
    reviewed: date | None = None


def unverified() -> Verdict:
    """A fresh default verdict, as ``Verdict()`` makes it, without validation: every claim
    ``extract`` makes carries one."""
    # every field is at its default, so none counts as set; a Verdict has no invariants to check
    return _instance(Verdict, {"label": VerdictLabel.unverified, "evidence": [], "reviewer": None, "reviewed": None},
                     set())


def make_claim_id(article_id: str, start: int, end: int) -> str:
    """Stable: depends only on the article and the span, so re-extraction keeps IDs."""
    digest = hashlib.sha1(f"{article_id}\x00{start}\x00{end}".encode()).hexdigest()[:12]
    return f"{article_id}:{digest}"


class Claim(_Model):
    """One atomic, checkable claim, traceable to its exact span in the article."""

    claim_id: str = Field(description="Stable ID: article_id and a hash of the span.")
    article_id: str
    lang: str = Field(description="ISO 639-1 language code of the article.")
    text: str = Field(description="The claim as a standalone statement.")
    start: int = Field(ge=0, description="Start of the claim's span in the article.")
    end: int = Field(ge=0, description="End of the claim's span in the article.")
    surface: str = Field(description="The article text of the claim's span.")
    sentence: Span = Field(description="The sentence the claim comes from.")
    spans: list[Span] = Field(
        default_factory=list, description="Further spans the claim rests on (e.g. the speaker clause)."
    )
    claim_type: ClaimType
    figures: list[Figure] = Field(default_factory=list)
    speaker: Speaker
    modality: Modality = Modality.asserted
    time: TimeRef | None = None
    entities: list[Entity] = Field(default_factory=list)
    check_worthiness: float = Field(ge=0.0, le=1.0)
    check_worthiness_reasons: list[str] = Field(default_factory=list)
    rules: list[str] = Field(
        default_factory=list,
        description="Names of the extractor rules that produced the claim, in order: how its unit was "
                    "found, which rule chose its speaker, how it was split (see `klaim extract --explain`).")
    verdict: Verdict = Field(default_factory=Verdict)
    extractor: str = Field(description="Name of the extractor that produced the claim.")
    extractor_version: str

    def _consistent(self, info: ValidationInfo | None) -> None:
        _check_offsets(self.start, self.end, self.surface)
        _check_span_against_text(self.start, self.end, self.surface, info)
        if not self.sentence.start <= self.start < self.end <= self.sentence.end:
            raise ValueError("the claim's span must lie inside its sentence")


def parse_published(value: Any) -> tuple[date, str | None] | None:
    """(publication date, timestamp as ISO 8601 or None) of a date, an ISO timestamp (with or
    without offset) or an RFC 2822 date as RSS writes it; None when it is none of these.
    The date is the local date of the timestamp: that is the day "yesterday" counts from."""
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    if isinstance(value, datetime):
        return value.date(), value.isoformat()
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None  # a plain date: pydantic checks it
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return stamp.date(), stamp.isoformat()


def published_day(value: date | str | None) -> date | None:
    """The day relative dates count from, read as an article's ``published`` is."""
    from klaim.dates import parse_iso_date

    return parse_iso_date(value, "published")


class MetadataItem(_Model):
    """An input field klaim has no column for, kept as given (``value`` JSON unless a string)."""

    key: str
    value: str


class Article(_Model):
    """A news article as klaim reads it; offsets in claims refer to ``text``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    article_id: str = Field(
        validation_alias=AliasChoices("article_id", "id"),
        pattern=ARTICLE_ID_PATTERN,
        max_length=128,
        description="Stable identifier, safe in file names: at most 128 letters, digits, "
        "'_', '.' and '-', starting with a letter or digit.",
    )
    title: str | None = None
    lang: Annotated[str, Field(
        pattern=r"^[a-z]{2}$",
        description="ISO 639-1 code of the article's language; klaim extracts claims in the languages it "
                    "has tables for (`klaim.extraction.lang.available`).")]
    published: date = Field(description="Publication date (ISO 8601).")
    published_inferred: bool = Field(
        default=False, description="True when the date was inferred from the text, not given."
    )
    published_note: str | None = Field(default=None, description="How the date was established.")
    source: str | None = Field(default=None, description="Where the text comes from.")
    url: str | None = None
    rights: str | None = Field(default=None, description="License or rights note.")
    text: str = Field(min_length=1)
    # Added after schema 1.0.0: absent from a record's identity while unset (see ADDED_FIELDS).
    published_at: str | None = Field(
        default=None, description="Publication timestamp as given (ISO 8601, with its UTC offset "
                                  "when the source gave one); `published` is its local date.")
    retrieved: str | None = Field(default=None,
                                  description="When the page was fetched (ISO 8601), e.g. a WARC-Date.")
    metadata: list[MetadataItem] | None = Field(
        default=None, description="Input fields klaim has no column for, kept as given.")

    @model_validator(mode="before")
    @classmethod
    def _published_timestamp(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "published" not in data:
            return data
        parsed = parse_published(data["published"])
        if parsed is None:
            return data
        day, stamp = parsed
        return {**data, "published": day, "published_at": data.get("published_at") or stamp}

    @field_validator("published_at", "retrieved", mode="before")
    @classmethod
    def _iso_timestamp(cls, v: Any) -> Any:
        if v is None:
            return v
        parsed = parse_published(v)
        if parsed is None or parsed[1] is None:
            raise ValueError(f"{v!r} is not a timestamp (ISO 8601 or RFC 2822)")
        return parsed[1]

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("the article text is blank")
        return v


# Article fields added after schema 1.0.0: a record's canonical form (its identity in a release's
# content hash) leaves them out while they are unset, so earlier releases keep their identity.
# Claim.rules (added after schema 1.0.0 too) is left out while empty.
ADDED_FIELDS = frozenset({"published_at", "retrieved", "metadata", "rules"})


MODELS: dict[str, type[BaseModel]] = {"article": Article, "claim": Claim, "figure": Figure}


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each public model, as written to ``schema/``."""
    out = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://klaim.dev/schema/{SCHEMA_VERSION}/{name}.schema.json"
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[name] = schema
    return out
