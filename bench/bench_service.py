"""Service benchmark: ingest throughput (stored AND assessed) through the API, and queue-listing latency.

    .venv/bin/python bench/bench_service.py                      # SQLite, 1 web process, 1 worker
    .venv/bin/python bench/bench_service.py --postgres --workers 2   # PostgreSQL (fresh database), 2 workers

Runs the real thing: `steward serve` (gunicorn) and `steward worker` processes on a fresh database, items POSTed
to /api/items in batches by one client, the clock stopped when the last item has its decision. Then `wrk`
(Debian package) holds N concurrent connections on GET /api/queues/needs_review/items for a while and reports
p50/p95/p99. Numbers go in BENCHMARKS.md; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DEMO = ROOT / "examples" / "demo-comments.jsonl"
WRK_SCRIPT = """
token = os.getenv("BENCH_TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %.1f\\n", summary.requests, summary.errors.status
    + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
"""


def records(n: int) -> list[dict[str, object]]:
    base = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        rec = dict(base[i % len(base)])
        rec.pop("expected", None)
        rec["id"] = f"bench-{i}"
        out.append(rec)
    return out


def wait_http(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/openapi.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start")


def post(port: int, token: str, body: dict[str, object]) -> dict[str, object]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request(
        "POST",
        "/api/items",
        body=json.dumps(body),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    resp = conn.getresponse()
    data = json.loads(resp.read())
    if resp.status != 200:
        raise SystemExit(f"POST /api/items: {resp.status} {data}")
    return data  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=500, help="records per POST")
    ap.add_argument("--workers", type=int, default=1, help="assessment workers")
    ap.add_argument("--web", type=int, default=1, help="web processes for the ingest phase")
    ap.add_argument("--latency-web", type=int, default=2, help="web processes for the latency phase")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=int, default=20, help="seconds of wrk load")
    ap.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database on 127.0.0.1:5432")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="steward-bench-"))
    env = dict(os.environ, STEWARD_DATA_DIR=str(tmp), STEWARD_LOG_LEVEL="ERROR")
    db_name = None
    if args.postgres:
        import psycopg

        db_name = f"steward_bench_{os.getpid()}_{int(time.time())}"
        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{db_name}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db_name}"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        subprocess.run([BIN / "steward", "setup"], env=env, check=True, stdout=subprocess.DEVNULL)
        token = subprocess.run(
            [BIN / "python", "-c", TOKEN_SNIPPET], env=env, check=True, capture_output=True, text=True
        ).stdout.strip()

        def serve(web: int) -> subprocess.Popen[bytes]:
            p = subprocess.Popen(
                [BIN / "steward", "serve", "--port", str(args.port), "--workers", str(web)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            procs.append(p)
            wait_http(args.port)
            return p

        serve(args.web)
        for _ in range(args.workers):
            procs.append(
                subprocess.Popen(
                    [BIN / "steward", "worker", "--interval", "0.2"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        time.sleep(3)  # workers loaded
        recs = records(args.items)
        t0 = time.perf_counter()
        stored = 0
        for i in range(0, len(recs), args.batch):
            stored += int(post(args.port, token, {"channel": "bench", "records": recs[i : i + args.batch]})["stored"])
        t_stored = time.perf_counter() - t0
        pending = args.items
        while pending:
            time.sleep(0.5)
            pending = int(
                subprocess.run(
                    [BIN / "python", "-c", PENDING_SNIPPET], env=env, check=True, capture_output=True, text=True
                ).stdout
            )
        t_all = time.perf_counter() - t0
        print(
            f"database: {'PostgreSQL' if args.postgres else 'SQLite'}; web processes {args.web}, workers {args.workers}"
        )
        print(f"ingest: {stored} items stored in {t_stored:.1f} s ({stored / t_stored:,.0f}/s)")
        print(f"ingest: stored AND assessed in {t_all:.1f} s -> {args.items / t_all:,.0f} items/s end to end")

        for p in procs:  # quiet machine for the latency phase
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=30)
        procs.clear()
        serve(args.latency_web)
        if shutil.which("wrk") is None:
            print("latency: skipped — install wrk (apt-get install wrk)")
            return
        script = tmp / "bench.lua"
        script.write_text(WRK_SCRIPT)
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{args.clients}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://127.0.0.1:{args.port}/api/queues/needs_review/items?limit=25",
            ],
            env=dict(env, BENCH_TOKEN=token),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
        n, errors, p50, p95, p99, worst = line.split()[1:]
        print(
            f"latency: GET /api/queues/needs_review/items?limit=25, {args.clients} concurrent clients, "
            f"{args.latency_web} web processes, {args.duration} s: {int(n):,} requests "
            f"({int(n) / args.duration:,.0f}/s), "
            f"{errors} errors, p50 {p50} ms, p95 {p95} ms, p99 {p99} ms, max {worst} ms"
        )
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(tmp, ignore_errors=True)
        if db_name:
            import psycopg

            with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


TOKEN_SNIPPET = """
from steward.server.bootstrap import setup
setup()
from django.contrib.auth.models import Group, User
from steward.server.accounts.models import ApiToken
from steward.server.inbox.setup import channel
channel("bench", platform="facebook", name="Benchmark page")
user, _ = User.objects.get_or_create(username="bench")
for role in ("moderator", "communications_lead"):
    user.groups.add(Group.objects.get_or_create(name=role)[0])
print(ApiToken.issue(user, "bench")[1])
"""
PENDING_SNIPPET = """
from steward.server.bootstrap import setup
setup(migrate=False)
from steward.server.inbox.models import Item
print(Item.objects.filter(state="pending").count())
"""

if __name__ == "__main__":
    sys.exit(main())
