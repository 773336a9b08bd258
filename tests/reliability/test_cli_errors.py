"""The command line under bad input and failure (issue 10, items 3, 5, 9, 12): one clear line and a
non-zero exit, never a traceback; user data printed as written, never read as rich markup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from klaim.cli import app
from reliability.test_corpus_cluster import (
    _env,
    _flip_one_byte,
    _free_port,
    _stop,
    _wait_for,
    dask_processes,
)
from test_corpus import folder_bytes, make_articles, write_jsonl

runner = CliRunner()


def _one_error_line(output: str) -> str:
    """The output's error line, checked to be the only one and without a traceback."""
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("error ")]
    assert len(errors) == 1, output
    return errors[0]


def _klaim(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`klaim ARGS` as a user runs it, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "klaim.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=_env(), check=False)


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_jsonl(tmp_path / "articles.jsonl", make_articles(6, seed=21))


# --------------------------------------------------------------------------------------------
# Rich markup: user data is printed as it is


def test_markup_in_a_field_name_is_printed_literally(tmp_path):
    bad = tmp_path / "claims.jsonl"
    bad.write_text('{"[/]": 1, "^[a-z]{2}$": 2}\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "record line 1: [/]: " in result.output
    assert "record line 1: ^[a-z]{2}$: " in result.output


def test_markup_in_a_path_in_an_error_is_printed_literally(tmp_path):
    missing = tmp_path / "^[a-z]{2}$ [/].jsonl"
    result = runner.invoke(app, ["build", "--corpus", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert f"{missing}: no such file or folder" in line


# --------------------------------------------------------------------------------------------
# Corpus options checked before any work


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--workers", "0", "--workers must be at least 1 (got 0)"),
    ("--shard-size", "0", "--shard-size must be at least 1 (got 0)"),
    ("--workers", "-3", "--workers must be at least 1 (got -3)"),
])
def test_corpus_settings_out_of_range_give_one_line(tmp_path, corpus, option, value, message):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out),
                                 option, value])
    assert result.exit_code == 1
    assert message in _one_error_line(result.output)
    assert not out.exists()


@pytest.mark.parametrize("below", ["", "sub/deeper"])
def test_out_pointing_at_a_file_gives_one_line(tmp_path, corpus, below):
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me\n", encoding="utf-8")
    out = a_file / below if below else a_file
    result = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{a_file} is a file, not a folder" in _one_error_line(result.output)
    assert a_file.read_text(encoding="utf-8") == "keep me\n"


def test_an_empty_corpus_file_is_an_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", "--corpus", str(empty), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "holds no articles" in _one_error_line(result.output)


@pytest.mark.parametrize("address", ["nonsense", "tcp://host:notaport", "tcp://[/]"])
def test_a_malformed_scheduler_address_gives_one_line(tmp_path, corpus, address):
    done = _klaim("build", "--corpus", corpus, "--out", tmp_path / "o", "--scheduler", address)
    assert done.returncode == 1
    line = _one_error_line(done.stderr)
    assert f"--scheduler {address!r} is not a scheduler address" in line


def test_inputs_are_checked_before_connecting_to_a_scheduler(tmp_path):
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(app, ["build", "--corpus", str(missing), "--out", str(tmp_path / "o"),
                                 "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    assert result.exit_code == 1
    assert "no such file or folder" in _one_error_line(result.output)


@pytest.mark.slow
def test_an_unreachable_scheduler_gives_one_line(tmp_path, corpus):
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    done = _klaim("build", "--corpus", corpus, "--out", tmp_path / "o", "--scheduler", address)
    assert done.returncode == 1
    assert f"cannot reach the Dask scheduler at {address!r}" in _one_error_line(done.stderr)


# --------------------------------------------------------------------------------------------
# Resume says what it repaired


def test_a_repaired_shard_is_named_and_the_build_succeeds(tmp_path, corpus):
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out),
                                "--shard-size", "3"])
    assert first.exit_code == 0, first.output
    reference = folder_bytes(out)
    _flip_one_byte(out / "claims-00001.parquet")
    again = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out),
                                "--shard-size", "3"])
    assert again.exit_code == 0, again.output
    said = " ".join(again.output.split())
    assert "repaired claims-00001.parquet: " in said and "; rebuilt" in said
    assert "(1 written, 1 resumed" in said
    assert folder_bytes(out) == reference


# --------------------------------------------------------------------------------------------
# Ctrl-C, and losing the Dask scheduler


def _hear_ctrl_c() -> None:
    """In the child, before klaim starts: Ctrl-C as a terminal delivers it. A shell that runs the
    tests in the background (``pytest &``) starts them with SIGINT ignored, the child inherits
    that, and the build would finish instead of stopping (seen in session runs, exit 0)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_on_a_corpus_build_says_how_to_resume_and_exits_130(tmp_path):
    corpus = write_jsonl(tmp_path / "articles.jsonl", make_articles(1500, seed=8))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "klaim.cli", "build", "--corpus", str(corpus),
                             "--out", str(out), "--workers", "2", "--shard-size", "50"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                            preexec_fn=_hear_ctrl_c)
    children: list[psutil.Process] = []
    try:
        _wait_for(lambda: list(out.glob("claims-*.parquet")), 120, "the first shard", proc)
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        _stop([proc])
    assert proc.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.rstrip().splitlines()[-1] == "interrupted; run again to resume"
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []


@pytest.mark.slow
def test_losing_the_dask_scheduler_gives_one_line(tmp_path):
    pytest.importorskip("distributed")
    corpus = write_jsonl(tmp_path / "articles.jsonl", make_articles(400, seed=10))
    out = tmp_path / "out"
    with dask_processes(1) as (address, scheduler, _):
        proc = subprocess.Popen([sys.executable, "-m", "klaim.cli", "build", "--corpus",
                                 str(corpus), "--out", str(out), "--scheduler", address,
                                 "--shard-size", "4"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=_env())
        try:
            _wait_for(lambda: list(out.glob("claims-*.parquet")), 120, "the first shard", proc)
            os.kill(scheduler.pid, signal.SIGKILL)
            _, stderr = proc.communicate(timeout=90)
        finally:
            _stop([proc])
    assert proc.returncode == 1, stderr
    assert "lost the Dask scheduler" in _one_error_line(stderr), stderr
    assert "run again to resume" in stderr
