"""The ``klaim`` command line: a few lines per command over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from klaim.errors import KlaimError, SchemaError

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="Turn news articles into fact-checking datasets of atomic claims.")
evaluate_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Measure the extractors against gold data.")
app.add_typer(evaluate_app, name="evaluate")
curation_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Human review files.")
app.add_typer(curation_app, name="curation")
labelstudio_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                              help="Round trip with the Label Studio annotation tool.")
app.add_typer(labelstudio_app, name="labelstudio")

out = Console()
err = Console(stderr=True)


def _fail(exc: Exception, tail: str = "nothing was written.") -> None:
    """One clear line per problem on stderr, then a non-zero exit."""
    if isinstance(exc, SchemaError):
        for p in exc.report.problems:
            err.print(f"[red]error[/red] {p}", markup=True, highlight=False, soft_wrap=True)
        err.print(f"{len(exc.report.problems)} problem(s); {tail}", highlight=False)
    else:
        err.print(f"[red]error[/red] {exc}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _read_input(path: str) -> str:
    from klaim.articles import decode_text, read_text_file

    if path == "-":  # bytes, decoded strictly: the locale's surrogateescape would let bad bytes in
        return decode_text(sys.stdin.buffer.read(), "<stdin>")
    return read_text_file(Path(path))


@app.command()
def build(
    seeds: Annotated[Optional[Path], typer.Option(help="Folder or file of articles [default: seeds/].")] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Where releases go [default: data/].")] = None,
    name: Annotated[Optional[str], typer.Option(help="Dataset name.")] = None,
    version: Annotated[Optional[str], typer.Option(help="Version to release (MAJOR.MINOR.PATCH).")] = None,
    curation: Annotated[Optional[Path], typer.Option(help="Curation folder applied on top of extraction.")] = None,
    no_curation: Annotated[bool, typer.Option("--no-curation", help="Release the raw extraction, unreviewed.")] = False,
    changes: Annotated[Optional[str], typer.Option(help="What this version changes, for the changelog.")] = None,
    corpus: Annotated[Optional[Path], typer.Option(help="A corpus (JSONL/parquet file or folder): build sharded parquet into --out instead of a release.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for --corpus.")] = 1,
    shard_size: Annotated[int, typer.Option(help="Articles per shard for --corpus.")] = 1000,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786) for --corpus.")] = None,
    max_invalid: Annotated[Optional[int], typer.Option(help="Abort a --corpus build after this many invalid records.")] = None,
) -> None:
    """Build a release from the seed articles (settings from [tool.klaim] in pyproject.toml),
    or with --corpus, sharded parquet from a corpus of any size (resumable)."""
    if corpus is not None:
        _build_corpus(corpus, out_dir or Path("corpus-out"), workers, shard_size, scheduler, max_invalid)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from klaim.articles import article_files
    from klaim.dataset.build import build as run_build

    try:
        s = _settings(seeds=seeds, out=out_dir, name=name, version=version, curation=curation,
                      no_curation=no_curation, changes=changes)
        n_files = len(article_files(s.seeds))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=True) as bar:
            task = bar.add_task("extracting", total=n_files)
            result = run_build(s, on_article=lambda a: bar.update(task, advance=1,
                                                                 description=f"extracting {a.article_id}"),
                               progress=lambda msg: bar.update(task, description=msg))
    except KlaimError as exc:
        _fail(exc)
        return
    verb = "released" if result.status == "written" else "already released with identical content:"
    out.print(f"{verb} {result.name} v{result.version} → {result.path}", highlight=False)
    _summary(result.counts)


def _build_corpus(corpus: Path, out_dir: Path, workers: int, shard_size: int,
                  scheduler: str | None, max_invalid: int | None) -> None:
    from klaim.corpus.build import build_corpus, rich_progress

    try:
        with rich_progress(err) as hook:
            if scheduler:
                from distributed import Client

                from klaim.corpus.cluster import build_corpus_dask

                with Client(scheduler) as client:
                    r = build_corpus_dask(corpus, out_dir, client, shard_size=shard_size,
                                          progress=hook, max_invalid=max_invalid)
            else:
                r = build_corpus(corpus, out_dir, workers=workers, shard_size=shard_size,
                                 progress=hook, max_invalid=max_invalid)
    except KlaimError as exc:
        _fail(exc)
        return
    rate = r.chars / r.seconds / 1e6 if r.seconds else 0.0
    out.print(f"{r.articles:,} articles → {r.claims:,} claims in {len(r.shards)} shard(s) at "
              f"{r.out_dir} ({r.shards_written} written, {r.shards_resumed} resumed; "
              f"{r.seconds:.1f} s, {rate:.2f} MB/s)", highlight=False)
    if r.problems:
        for p in r.problems[:50]:
            err.print(f"invalid {p}", highlight=False, soft_wrap=True)
        err.print(f"{len(r.problems)} invalid record(s) skipped; all are listed in "
                  f"{out_dir / 'manifest.json'}", highlight=False)
        raise typer.Exit(1)


def _settings(no_curation: bool = False, **overrides):
    from klaim.dataset.build import BuildSettings

    s = BuildSettings.from_pyproject(**overrides)
    if no_curation:
        s.curation = None
    return s


def _summary(counts: dict) -> None:
    table = Table(title=f"{counts.get('claims', 0)} claims, {counts.get('figures', 0)} figures "
                        f"from {counts.get('articles', 0)} article(s)")
    table.add_column("claim type")
    table.add_column("claims", justify="right")
    table.add_column("figure kind")
    table.add_column("figures", justify="right")
    from klaim.schema import ClaimType, FigureKind

    per_type, per_kind = counts.get("claims_per_type", {}), counts.get("figures_per_kind", {})
    types = [(t.value, per_type.get(t.value, 0)) for t in ClaimType]
    kinds = [(k.value, per_kind.get(k.value, 0)) for k in FigureKind]
    for i in range(max(len(types), len(kinds))):
        t, n = types[i] if i < len(types) else ("", "")
        k, m = kinds[i] if i < len(kinds) else ("", "")
        table.add_row(t, str(n), k, str(m))
    out.print(table)


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="Release folder, or a JSONL, CSV or Parquet file.")]) -> None:
    """Validate against the schema; report every invalid record with file, row, field and reason."""
    from klaim.dataset.validate import validate_path

    try:
        report = validate_path(path)
    except KlaimError as exc:
        _fail(exc)
        return
    if report.problems:
        _fail(SchemaError(report), tail=f"{report.checked} record(s) checked.")
    out.print(f"ok: {report.checked} record(s) valid in {path}", highlight=False)


@app.command()
def figures(
    path: Annotated[str, typer.Argument(help="Text file, or - for standard input.")],
    lang: Annotated[str, typer.Option(help="Language of the text: id or en.")] = "id",
    reference_date: Annotated[Optional[str], typer.Option("--date", help="Publication date (ISO) for relative dates.")] = None,
    table: Annotated[bool, typer.Option("--table", help="A readable table instead of JSON lines.")] = False,
) -> None:
    """Find and normalise every figure; one JSON object per figure."""
    from klaim.extraction.figures import find_figures

    try:
        found = find_figures(_read_input(path), lang=lang, reference_date=reference_date)
    except KlaimError as exc:
        _fail(exc)
        return
    if not table:
        for f in found:
            print(json.dumps(f.model_dump(mode="json", exclude_none=True), ensure_ascii=False))
        return
    t = Table("span", "surface", "kind", "value", "unit/currency", "per", "approx", "iso")
    for f in found:
        t.add_row(f"{f.start}-{f.end}", f.surface, f.kind.value, _num(f.value),
                  f.currency or f.unit or "", f.per.value if f.per else "",
                  f.qualifier or ("yes" if f.approximate else ""), f.iso or "")
    out.print(t)


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e18 else f"{v:g}"


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="Text file, or - for standard input.")],
    lang: Annotated[str, typer.Option(help="Language of the text: id or en.")] = "id",
    published: Annotated[Optional[str], typer.Option(help="Publication date (ISO).")] = None,
    article_id: Annotated[Optional[str], typer.Option(help="Article ID for claim IDs.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    explain: Annotated[bool, typer.Option(
        "--explain", help="Print each claim with its speaker and the rules that produced it.")] = False,
) -> None:
    """Extract atomic claims from one article."""
    from klaim.extraction.claims import explain as explain_claims
    from klaim.extraction.claims import extract as run_extract

    try:
        claims = run_extract(_read_input(path), lang=lang, published=published, article_id=article_id)
    except KlaimError as exc:
        _fail(exc)
        return
    if explain:
        print(explain_claims(claims))
        return
    if fmt == "jsonl":
        for c in claims:
            print(json.dumps(c.model_dump(mode="json"), ensure_ascii=False))
        return
    t = Table("span", "type", "speaker", "modality", "cw", "claim")
    for c in claims:
        t.add_row(f"{c.start}-{c.end}", c.claim_type.value, c.speaker.name or c.speaker.kind.value,
                  c.modality.value, f"{c.check_worthiness:.2f}", c.text)
    out.print(t)


@app.command()
def diff(old: Path, new: Path,
         as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Claims added, removed and changed between two releases (by claim_id)."""
    from klaim.dataset.diff import diff_releases

    try:
        d = diff_releases(old, new)
    except KlaimError as exc:
        _fail(exc)
        return
    print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2) if as_json else d.render())


@app.command()
def publish(
    release: Annotated[Path, typer.Argument(help="Release folder, e.g. data/klaim-seed/v1.0.0.")],
    repo_id: Annotated[str, typer.Option("--repo-id", help="Hugging Face dataset repo, ORG/NAME.")],
    token: Annotated[Optional[str], typer.Option(help="Hub token [default: $HF_TOKEN].")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be uploaded; upload nothing.")] = False,
) -> None:
    """Upload a validated release to the Hugging Face Hub, tagged v<version>."""
    from klaim.dataset.publish import publish as run_publish

    try:
        plan = run_publish(release, repo_id, token=token, dry_run=dry_run)
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(plan.summary(), highlight=False)


@app.command()
def review(
    article_id: Annotated[Optional[str], typer.Argument(help="One article; omit with --all.")] = None,
    all_articles: Annotated[bool, typer.Option("--all", help="Every article.")] = False,
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="Folder for the HTML pages.")] = Path("review"),
    seeds: Annotated[Optional[Path], typer.Option(help="Folder or file of articles [default: seeds/].")] = None,
) -> None:
    """Write static HTML review pages: claims highlighted in their article, with details."""
    from klaim.dataset.build import collect
    from klaim.review.pages import write_review

    if not (article_id or all_articles):
        _fail(KlaimError("name an ARTICLE_ID or pass --all"))
    try:
        articles, claims = collect(_settings(seeds=seeds))
        paths = write_review(articles, claims, out_dir, None if all_articles else [article_id])
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(f"wrote {len(paths)} page(s); open {out_dir / 'index.html'}", highlight=False)


@curation_app.command("init")
def curation_init(
    article_id: Annotated[str, typer.Argument(help="The article to review.")],
    seeds: Annotated[Optional[Path], typer.Option(help="Folder or file of articles [default: seeds/].")] = None,
    folder: Annotated[Optional[Path], typer.Option(help="Curation folder [default: [tool.klaim] curation].")] = None,
) -> None:
    """Start a curation file listing every extracted claim of an article as pending."""
    from klaim.dataset.build import collect
    from klaim.dataset.curation import init_curation_file

    try:
        s = _settings(seeds=seeds, no_curation=True)
        articles, claims = collect(s)
        article = next((a for a in articles if a.article_id == article_id), None)
        if article is None:
            raise KlaimError(f"no article {article_id!r} in {s.seeds}")
        path = init_curation_file(article, [c for c in claims if c.article_id == article_id],
                                  folder or _settings().curation or Path("curation"))
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(f"wrote {path}; edit it, then `klaim build`", highlight=False)


@labelstudio_app.command("export")
def labelstudio_export(
    out_file: Annotated[Path, typer.Option("-o", "--out", help="Tasks JSON to import into Label Studio.")] = Path("labelstudio-tasks.json"),
    seeds: Annotated[Optional[Path], typer.Option(help="Folder or file of articles [default: seeds/].")] = None,
) -> None:
    """Write Label Studio tasks with the claims as pre-annotations, and the labeling config."""
    from klaim.dataset.build import collect
    from klaim.review.labelstudio import export_tasks, labelstudio_config

    try:
        s = _settings(seeds=seeds)
        articles, extracted = collect(_settings(seeds=seeds, no_curation=True))
        tasks = export_tasks(articles, extracted, s.curation)
    except KlaimError as exc:
        _fail(exc)
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(json.dumps(tasks, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    config = out_file.with_suffix(".xml")
    config.write_text(labelstudio_config(), encoding="utf-8")
    out.print(f"wrote {len(tasks)} task(s) to {out_file} and the labeling config to {config}",
              highlight=False)


@labelstudio_app.command("import")
def labelstudio_import(
    export_file: Annotated[Path, typer.Argument(help="A Label Studio JSON export.")],
    seeds: Annotated[Optional[Path], typer.Option(help="Folder or file of articles [default: seeds/].")] = None,
    folder: Annotated[Optional[Path], typer.Option(help="Curation folder [default: [tool.klaim] curation].")] = None,
    reviewer_map: Annotated[Optional[list[str]], typer.Option("--reviewer-map", metavar="ID=NAME", help="Label Studio user id = reviewer, e.g. 1=ana@desk.example (repeatable); the default JSON export names annotators by id only.")] = None,
) -> None:
    """Turn a completed Label Studio export into curation files, merged into the ones there
    (their comments, header and notes kept; checked before writing)."""
    from klaim.dataset.build import collect
    from klaim.review.labelstudio import import_annotations, parse_reviewer_map

    try:
        reviewers = parse_reviewer_map(reviewer_map or [])
        export = json.loads(_read_input(str(export_file)))
        articles, extracted = collect(_settings(seeds=seeds, no_curation=True))
        paths = import_annotations(export, articles, extracted,
                                   folder or _settings().curation or Path("curation"), reviewers)
    except json.JSONDecodeError as exc:
        _fail(KlaimError(f"{export_file}: not JSON ({exc.msg}, line {exc.lineno})"))
        return
    except KlaimError as exc:
        _fail(exc)
        return
    for p in paths:
        out.print(f"wrote {p}", highlight=False)


@app.command()
def schema(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schema files.")] = Path("schema"),
    check: Annotated[bool, typer.Option(help="Only check that the files are up to date.")] = False,
) -> None:
    """Write (or --check) the JSON Schema files generated from the pydantic models."""
    from klaim.dataset.schema_files import stale_schema_files, write_schema_files

    if check:
        stale = stale_schema_files(out_dir)
        if stale:
            _fail(KlaimError(f"stale schema files (run `klaim schema`): {', '.join(stale)}"))
        out.print(f"ok: {out_dir} is up to date")
        return
    for p in write_schema_files(out_dir):
        out.print(f"wrote {p}")


@evaluate_app.command("figures")
def evaluate_figures_cmd(
    gold: Path,
    convention: Annotated[str, typer.Option(help="auto, klaim, ud-num, yusufs or measeval.")] = "auto",
    lang: Annotated[Optional[str], typer.Option(help="Language (default: from the gold file).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Precision, recall and F1 of figures per kind (overlap and exact), and value accuracy."""
    from klaim.evaluation.figures import evaluate_figures

    try:
        report = evaluate_figures(gold, convention=convention, lang=lang)
    except KlaimError as exc:
        _fail(exc)
        return
    print(json.dumps(report.to_dict(), indent=2) if as_json else report.render())


@evaluate_app.command("claims")
def evaluate_claims_cmd(
    gold: Path,
    articles: Annotated[Optional[Path], typer.Option(
        help="Articles JSONL that a guideline-format gold (one article a line, no text) joins by id.")] = None,
    lang: Annotated[Optional[str], typer.Option(help="Language of articles without a 'lang' field.")] = None,
    details: Annotated[bool, typer.Option(help="List wrong, missed and spurious claims.")] = True,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Claim-span precision, recall and F1; type, speaker and modality agreement on matched claims."""
    from klaim.evaluation.claims import evaluate_claims

    try:
        report = evaluate_claims(gold, articles=articles, lang=lang)
    except KlaimError as exc:
        _fail(exc)
        return
    print(json.dumps(report.to_dict(), indent=2) if as_json else report.render(details=details))


if __name__ == "__main__":
    app()
