"""Croissant 1.0 metadata (``croissant.json``) for a release, so ML tooling can find and load it.

Everything is derived, nothing hand-listed: the files and their sha256 from the release folder,
the record sets' fields from the Parquet schema actually written (types, nesting, lists) and their
descriptions from the pydantic models. Structs become ``subField``s read with a ``jsonPath``
transform from the struct column; lists become ``repeated`` fields. The two class-label columns
(``claim_type``, ``modality``, stored as integers) reference small enumeration record sets that
give each index its name.

Record sets read Parquet only. The CSVs are listed as files (with checksums) but not described
as record sets: Croissant loaders read CSV with type inference (mlcroissant calls
``pandas.read_csv`` without dtypes), which turns a figure surface "350.000" into 350.0. Figures
are in the claims record set as the repeated ``figures`` field.

Validate offline with ``mlcroissant validate --jsonld <release>/croissant.json``.
"""

from __future__ import annotations

import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from klaim.dataset.layout import ARTICLES_PARQUET, CLAIMS_PARQUET, sha256_file
from klaim.dataset.records import unwrap_optional
from klaim.dataset.settings import license_url
from klaim.schema import SCHEMA_VERSION, Article, Claim

CROISSANT_FILE = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PROJECT_URL = "https://github.com/klaim-dev/klaim"

# The Croissant 1.0 JSON-LD context, as published with the specification (and as mlcroissant
# checks it: any other key set draws a 'context is not standard' warning).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

# (release-relative path, @id, encoding format, description)
FILES = [
    (CLAIMS_PARQUET, "claims-parquet", "application/x-parquet",
     "Claims, one row per claim (the `claims` config)."),
    (ARTICLES_PARQUET, "articles-parquet", "application/x-parquet",
     "Articles with the full text every claim offset refers to (the `articles` config)."),
    ("claims.csv", "claims-csv", "text/csv",
     "Flat view of the claims: nested values JSON-encoded; cells a spreadsheet would run as "
     "formulas are prefixed with an apostrophe."),
    ("figures.csv", "figures-csv", "text/csv",
     "One row per figure (number) of every claim, with its claim_id."),
    ("claims.jsonl", "claims-jsonl", "application/jsonlines",
     "The claims as JSON Lines, one pydantic-serialised Claim per line."),
    ("claimreview.jsonld", "claimreview-jsonld", "application/ld+json",
     "schema.org ClaimReview for reviewed claims and bare Claim for unverified ones."),
]




def _distribution(root: Path) -> list[dict[str, Any]]:
    out = []
    for rel, file_id, fmt, desc in FILES:
        path = root / rel
        if not path.is_file():
            continue
        out.append({"@type": "cr:FileObject", "@id": file_id, "name": file_id,
                    "description": desc, "contentUrl": rel, "encodingFormat": fmt,
                    "contentSize": f"{path.stat().st_size} B", "sha256": sha256_file(path)})
    return out


# --- fields from the Parquet schema, described by the pydantic models --------------------------



def _model_of(tp: Any) -> type[BaseModel] | None:
    tp = unwrap_optional(tp)
    if typing.get_origin(tp) is list:
        tp = unwrap_optional(typing.get_args(tp)[0])
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _enum_of(tp: Any) -> type[Enum] | None:
    tp = unwrap_optional(tp)
    return tp if isinstance(tp, type) and issubclass(tp, Enum) else None


def _data_type(arrow_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "sc:Text"
    if pa.types.is_integer(arrow_type):
        return "sc:Integer"
    if pa.types.is_floating(arrow_type):
        return "sc:Float"
    if pa.types.is_boolean(arrow_type):
        return "sc:Boolean"
    if pa.types.is_date(arrow_type):
        return "sc:Date"
    if pa.types.is_timestamp(arrow_type):
        return "sc:DateTime"
    raise TypeError(f"no Croissant data type for Arrow type {arrow_type}")


def _description(name: str, pyfield: Any) -> str:
    desc = (pyfield.description if pyfield is not None else None) or ""
    enum = _enum_of(pyfield.annotation) if pyfield is not None else None
    if enum is not None:
        values = ", ".join(m.value for m in enum)
        desc = f"{desc} One of: {values}.".strip()
    return desc or name


def _fields(arrow_struct_fields: list[Any], model: type[BaseModel] | None, parent_id: str,
            file_id: str, column: str | None, path: list[str], in_list: bool,
            class_labels: dict[str, str]) -> list[dict[str, Any]]:
    """Croissant fields for Arrow fields; ``column`` is the top-level Parquet column they sit in
    (None at the top level) and ``path`` the jsonPath steps from that column's value."""
    import pyarrow as pa

    out = []
    for af in arrow_struct_fields:
        pyfield = model.model_fields.get(af.name) if model is not None else None
        fid = f"{parent_id}/{af.name}"
        top = column or af.name
        steps = [*path, af.name] if column is not None else []
        source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": top}}
        if steps:
            source["transform"] = [{"jsonPath": s} for s in steps]
        field: dict[str, Any] = {"@type": "cr:Field", "@id": fid, "name": af.name,
                                 "description": _description(af.name, pyfield)}
        atype, repeated = af.type, False
        if pa.types.is_list(atype) or pa.types.is_large_list(atype):
            atype, repeated = atype.value_type, True
        sub_model = _model_of(pyfield.annotation) if pyfield is not None else None
        if pa.types.is_struct(atype):
            field["subField"] = _fields(list(atype), sub_model, fid, file_id, top, steps,
                                        in_list or repeated, class_labels)
        else:
            field["dataType"] = _data_type(atype)
            field["source"] = source
            if column is None and af.name in class_labels:
                field["references"] = {"field": {"@id": class_labels[af.name]}}
        if repeated:
            field["repeated"] = True
        out.append(field)
    return out


def _enumeration(name: str, enum: type[Enum]) -> dict[str, Any]:
    rs = f"{name}_names"
    return {
        "@type": "cr:RecordSet", "@id": rs, "name": rs,
        "description": f"Names of the `{name}` class labels: the integer in the claims "
                       "record set is the index.",
        "dataType": "sc:Enumeration",
        "key": {"@id": f"{rs}/index"},
        "field": [
            {"@type": "cr:Field", "@id": f"{rs}/index", "name": "index", "dataType": "sc:Integer",
             "description": "Class label index as stored in Parquet."},
            {"@type": "cr:Field", "@id": f"{rs}/name", "name": "name", "dataType": "sc:Text",
             "description": f"The `{name}` value."},
        ],
        "data": [{f"{rs}/index": i, f"{rs}/name": m.value} for i, m in enumerate(enum)],
    }


def _parquet_record_set(root: Path, rel: str, file_id: str, rs: str, model: type[BaseModel],
                        key: str, description: str,
                        class_labels: dict[str, str]) -> dict[str, Any]:
    import pyarrow.parquet as pq

    schema = pq.read_schema(root / rel)
    return {"@type": "cr:RecordSet", "@id": rs, "name": rs, "description": description,
            "key": {"@id": f"{rs}/{key}"},
            "field": _fields(list(schema), model, rs, file_id, None, [], False, class_labels)}


def metadata(root: Path, info: dict[str, Any]) -> dict[str, Any]:
    """The Croissant JSON-LD document for the release folder ``root`` (files must exist)."""
    from klaim.dataset.records import CLASS_LABEL_FIELDS

    name, version = info["name"], info["version"]
    schema_version = info.get("schema_version") or SCHEMA_VERSION
    counts = info.get("counts") or {}
    class_labels = {f: f"{f}_names/index" for f in CLASS_LABEL_FIELDS}
    record_sets = [_enumeration(f, e) for f, e in CLASS_LABEL_FIELDS.items()]
    record_sets.append(_parquet_record_set(
        root, CLAIMS_PARQUET, "claims-parquet", "claims", Claim, "claim_id",
        "One atomic, checkable claim per record, traceable to its span in the article: "
        "article.text[start:end] == surface.", class_labels))
    record_sets.append(_parquet_record_set(
        root, ARTICLES_PARQUET, "articles-parquet", "articles", Article, "article_id",
        "The source articles; claim offsets refer to their text.", {}))
    year = str(info.get("released", ""))[:4]
    key = f"klaim_{name}_{version}".replace("-", "_").replace(".", "_")
    cite = (f"@misc{{{key},\n  title = {{klaim: {name} v{version}}},\n  year = {{{year}}},\n"
            f"  note = {{Dataset of atomic fact-checking claims built with klaim}}\n}}")
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": name,
        "description": info.get("description") or (
            f"klaim dataset {name} v{version}: {counts.get('claims', 0)} atomic, checkable claims "
            f"from {counts.get('articles', 0)} news articles, each traceable to its exact "
            "character span, with normalised figures, speaker, modality, time, entities, "
            "check-worthiness and a verdict with evidence."),
        **_license(info),
        "url": info.get("url") or PROJECT_URL,
        "version": version,
        "datePublished": info["released"],
        "citeAs": cite,
        "keywords": ["fact-checking", "claims", "numbers", "klaim"],
        "inLanguage": sorted(counts.get("claims_per_language") or {}),
        "creator": {"@type": "sc:Organization", "name": "klaim", "url": PROJECT_URL},
        "schemaVersion": f"https://klaim.dev/schema/{schema_version}/",
        "distribution": _distribution(root),
        "recordSet": record_sets,
    }
    return doc


def _license(info: dict[str, Any]) -> dict[str, str]:
    url = license_url((info.get("card") or {}).get("license"))
    return {"license": url} if url else {}


def write(root: Path, info: dict[str, Any]) -> None:
    """Write ``root/croissant.json`` (called by the release writer before the manifest)."""
    root = Path(root)
    doc = metadata(root, info)
    from klaim.dataset.claimreview import jsonld_text

    (root / CROISSANT_FILE).write_text(jsonld_text(doc), encoding="utf-8")
