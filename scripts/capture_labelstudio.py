"""Capture real Label Studio exports as test fixtures (tests/data/labelstudio/).

    python -m venv /work/ls-venv && /work/ls-venv/bin/pip install label-studio
    python scripts/capture_labelstudio.py --label-studio /work/ls-venv/bin/label-studio

Starts a Label Studio server on 127.0.0.1 (a free port, a temporary data folder, a user with a
known API token), creates a project from klaim's labeling config, imports the tasks klaim exports
for the hand-made test articles (tests/_claim_fixtures.py) with the hand-written curation file in
tests/data/labelstudio/curation/ applied (as ``klaim labelstudio export`` does), then acts as a
reviewer through the API, one change of each kind on article news-001:

- accept a claim, reject one (status choice), delete one highlight,
- delete one highlight and draw it again wider (the only way to fix a span in Label Studio),
- change a claim's type and modality, its standalone text, its verdict with evidence,
- add a claim whose highlight starts with a space (a sloppy selection);

skips the task of xss-002 and leaves emoji-003 untouched. It then writes three exports:
``export-default.json`` (the JSON export the UI's Export button gives: annotated and skipped
tasks, annotators as user ids), ``export-all-tasks.json`` (``download_all_tasks=true``) and
``export-snapshot.json`` (an export snapshot with the annotators' user records expanded), plus
``capture.json`` (the Label Studio version and what was done). The server is always stopped.
Every request goes to 127.0.0.1; the server's own update check, analytics and error reporting
are switched off through its environment.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CURATION = ROOT / "tests" / "data" / "labelstudio" / "curation"  # applied to the exported tasks
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from _claim_fixtures import all_articles, all_claims, news_article, news_claims  # noqa: E402
from klaim.review.labelstudio import export_tasks, labelstudio_config, region_id  # noqa: E402

USER, PASSWORD, TOKEN = "ana@desk.example", "klaim-capture-2026", "klaimcapturetoken0123456789"
START_TIMEOUT, REQUEST_TIMEOUT, EXPORT_TIMEOUT = 600.0, 60.0, 120.0
# Ids of a reviewer's new highlights (Label Studio makes random ones; fixed for a stable diff).
REDRAWN_ID, ADDED_ID = "Rd7wQm2Lx9", "Ad4mN3wQp1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A Label Studio process on 127.0.0.1 and a tiny JSON client for its API."""

    def __init__(self, exe: str, data_dir: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = (data_dir / "server.log").open("w")
        env = {**os.environ, "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false",
               "SENTRY_DSN": "", "FRONTEND_SENTRY_DSN": "", "LABEL_STUDIO_BASE_DATA_DIR":
               str(data_dir), "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        self.proc = subprocess.Popen(
            [exe, "start", "--no-browser", "--internal-host", "127.0.0.1", "--port",
             str(self.port), "--data-dir", str(data_dir / "ls"), "--username", USER,
             "--password", PASSWORD, "--user-token", TOKEN, "--enable-legacy-api-token"],
            cwd=data_dir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"label-studio exited with {self.proc.returncode}; see its log")
            try:
                self.call("GET", "/health")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(2)
        raise TimeoutError(f"label-studio not ready after {START_TIMEOUT:.0f} s")

    def call(self, method: str, path: str, body: Any = None,
             timeout: float = REQUEST_TIMEOUT) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()


def _region(rid: str, start: int, end: int, name: str, kind: str, value: dict[str, Any],
            origin: str = "manual") -> dict[str, Any]:
    return {"id": rid, "from_name": name, "to_name": "text", "type": kind, "origin": origin,
            "value": {"start": start, "end": end, **value}}


def reviewed_news(prediction: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The annotation a reviewer submits on news-001, starting from klaim's pre-annotation."""
    text = news_article().text
    infl, budget, rp, growth, kami, flood = (region_id(c.claim_id) for c in news_claims())
    gone = {budget, flood}  # both highlights deleted; budget is drawn again below
    result = [dict(r, origin="prediction") for r in prediction if r["id"] not in gone]
    for r in result:
        if r["id"] == rp and r["from_name"] == "claim":
            r["value"]["labels"], r["origin"] = ["background"], "prediction-changed"
        if r["id"] == rp and r["from_name"] == "modality":
            r["value"]["choices"], r["origin"] = ["future"], "prediction-changed"
        if r["id"] == growth and r["from_name"] == "claim_text":
            r["value"]["text"] = ["Pertumbuhan ekonomi Indonesia akan mencapai 5 persen."]
        if r["id"] == growth and r["from_name"] == "verdict":
            r["value"]["choices"] = ["mixed"]

    def span_of(rid: str) -> tuple[int, int]:
        v = next(r["value"] for r in result if r["id"] == rid and r["from_name"] == "claim")
        return v["start"], v["end"]

    def set_status(rid: str, value: str) -> None:
        for r in result:
            if r["id"] == rid and r["from_name"] == "status":
                r["value"]["choices"], r["origin"] = [value], "prediction-changed"
                return
        result.append(_region(rid, *span_of(rid), "status", "choices", {"choices": [value]}))

    result.append(_region(growth, *span_of(growth), "evidence", "textarea", {"text": [
        "https://example.org/bi-outlook-2024 | pertumbuhan 4,7 sampai 5,5 persen | 2024-05-01"]}))
    set_status(infl, "accept")
    set_status(kami, "reject")
    # The budget claim redrawn wider, to take in who said it: a span fix.
    s = text.index("Sri Mulyani mengatakan anggaran")
    e = text.index("350.000 penduduk") + len("350.000 penduduk")
    result += [_region(REDRAWN_ID, s, e, "claim", "labels", {"text": text[s:e],
                                                              "labels": ["numerical"]}),
               _region(REDRAWN_ID, s, e, "status", "choices", {"choices": ["accept"]})]
    # A missed claim, selected from the space before its first word.
    s = text.index(" Pemerintah mengatakan")
    e = text.index("2,5 persen") + len("2,5 persen")
    result += [_region(ADDED_ID, s, e, "claim", "labels", {"text": text[s:e],
                                                            "labels": ["numerical"]}),
               _region(ADDED_ID, s, e, "claim_text", "textarea", {"text": [
                   "Pemerintah mengatakan inflasi turun menjadi 2,5 persen."]})]
    return result


def capture(server: Server, out: Path) -> dict[str, Any]:
    version = server.call("GET", "/api/version")["release"]
    project = server.call("POST", "/api/projects", {"title": "klaim capture",
                                                     "label_config": labelstudio_config()})
    pid = project["id"]
    server.call("POST", f"/api/projects/{pid}/import",
                export_tasks(all_articles(), all_claims(), CURATION))
    tasks = server.call("GET", f"/api/tasks?project={pid}&page_size=100")["tasks"]
    by_article = {t["data"]["article_id"]: t["id"] for t in tasks}
    news = server.call("GET", f"/api/tasks/{by_article['news-001']}")
    server.call("POST", f"/api/tasks/{news['id']}/annotations/",
                {"result": reviewed_news(news["predictions"][0]["result"]), "lead_time": 95.0})
    server.call("POST", f"/api/tasks/{by_article['xss-002']}/annotations/",
                {"result": [], "was_cancelled": True})
    exports = {
        "export-default.json": server.call("GET", f"/api/projects/{pid}/export?exportType=JSON",
                                           timeout=EXPORT_TIMEOUT),
        "export-all-tasks.json": server.call(
            "GET", f"/api/projects/{pid}/export?exportType=JSON&download_all_tasks=true",
            timeout=EXPORT_TIMEOUT),
        "export-snapshot.json": snapshot(server, pid),
    }
    for name, data in exports.items():
        (out / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")
    meta = {"label_studio": version, "articles": sorted(by_article),
            "annotated": ["news-001"], "skipped": ["xss-002"], "untouched": ["emoji-003"],
            "exports": sorted(exports)}
    (out / "capture.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def snapshot(server: Server, pid: int) -> Any:
    """An export snapshot (the API behind the UI's export list) with user records expanded."""
    made = server.call("POST", f"/api/projects/{pid}/exports/", {
        "title": "klaim capture",
        "serialization_options": {"annotations__completed_by": {"only_id": False}},
        "annotation_filter_options": {"usual": True, "skipped": True},
        "task_filter_options": {"only_with_annotations": True}})
    deadline = time.monotonic() + EXPORT_TIMEOUT
    while made["status"] not in ("completed", "failed") and time.monotonic() < deadline:
        time.sleep(1)
        made = server.call("GET", f"/api/projects/{pid}/exports/{made['id']}")
    if made["status"] != "completed":
        raise RuntimeError(f"export snapshot {made['id']} is {made['status']}")
    return server.call("GET", f"/api/projects/{pid}/exports/{made['id']}/download?exportType=JSON",
                       timeout=EXPORT_TIMEOUT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--label-studio", default=shutil.which("label-studio") or "label-studio",
                    help="the label-studio executable (of its own virtualenv)")
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "labelstudio")
    args = ap.parse_args()
    if not Path(args.label_studio).exists() and not shutil.which(args.label_studio):
        print(f"no label-studio executable at {args.label_studio}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="klaim-ls-") as tmp:
        server = Server(args.label_studio, Path(tmp))
        try:
            started = time.monotonic()
            server.wait_ready()
            print(f"label-studio up on {server.base} after {time.monotonic() - started:.0f} s")
            meta = capture(server, args.out)
        except Exception:
            print((Path(tmp) / "server.log").read_text(errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            server.stop()
    print(f"Label Studio {meta['label_studio']}: wrote {', '.join(meta['exports'])} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
