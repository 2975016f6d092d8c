"""Run the benchmark suite: ETL, KPI queries, pages, reports and memory, scale by scale.

For each scale, large synthetic submissions are generated once (etl.sample_bulk, cached under
the work folder), loaded by the product and by both baselines, and the product's warehouse is
then queried, rendered and published. Every figure is a median (or p50/p95) of several runs and
sits beside its baseline from the same run. The table is printed and written to
docs/benchmarks.md, the raw figures to docs/benchmarks.json.

    python -m benchmarks --quick              scales 1 and 10 (a few minutes; `make bench`)
    python -m benchmarks --scales 1 10 100    the documented full run (`make bench-full`)
    python -m benchmarks --kpis-only          only the KPI queries (one product load per
                                              scale, no baselines), updating their part of
                                              the written figures
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

import config
from benchmarks import etl_bench, machine, query_bench, report_bench, results
from benchmarks.measure import folder_bytes
from etl.sample_bulk import generate

DOCS = config.PROJECT_ROOT / "docs"


def say(message: str) -> None:
    """Progress on stderr, so the printed table stays clean."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def submissions_for(scale: int, work: Path) -> tuple[Path, dict[str, int]]:
    """The scale's submission folder, generated on first use and reused afterwards."""
    folder = work / f"scale-{scale}" / "submissions"
    counts_file = folder / "counts.json"
    if not counts_file.exists():
        shutil.rmtree(folder, ignore_errors=True)
        say(f"scale {scale}: generating submissions")
        counts = generate(folder, scale=scale)
        counts_file.write_text(json.dumps(counts), encoding="utf-8")
    return folder, json.loads(counts_file.read_text(encoding="utf-8"))


def run_scale(scale: int, work: Path, runs: int, parts: set[str]) -> dict[str, object]:
    """Every measurement at one scale, as plain data."""
    submissions, counts = submissions_for(scale, work)
    scale_work = work / f"scale-{scale}"
    data_dir = scale_work / "data"
    found: dict[str, object] = {"scale": scale, "generated_rows": counts,
                                "input_mb": folder_bytes(submissions) / 1e6}
    say(f"scale {scale}: loading with the product, raw DuckDB and pandas + SQLite")
    loads = etl_bench.measure_etl(submissions, {"etl": data_dir / "warehouse",
                                                "duckdb": scale_work / "raw.duckdb",
                                                "pandas": scale_work / "raw.sqlite"}, runs)
    found["etl"] = {name: {**asdict(f), "rows_per_second": f.rows_per_second}
                    for name, f in loads.items()}
    if "queries" in parts:
        say(f"scale {scale}: KPI views, SQLite baseline, app reads")
        query_runs = max(10, runs)
        kpis = query_bench.measure_kpis(data_dir / "warehouse", scale_work, query_runs)
        found["kpis"] = [{**asdict(k), "sqlite_ratio": k.sqlite_ratio} for k in kpis]
        found["overview_fetch_ms"] = query_bench.overview_fetch(data_dir / "warehouse",
                                                                max(20, runs))
    if "pages" in parts:
        from benchmarks import page_bench

        say(f"scale {scale}: pages on the server (AppTest, cold and warm)")
        found["pages"] = page_bench.measure_pages(data_dir, runs)
        say(f"scale {scale}: pages in Chromium, and the app's memory")
        found["browser"] = page_bench.measure_browser_and_memory(data_dir, runs)
    if "reports" in parts:
        say(f"scale {scale}: publishing a snapshot")
        found["publish"] = asdict(report_bench.measure_publish(data_dir, scale_work, runs))
    return found


def update_kpis(scales: list[int], work: Path, out: Path, command: str) -> None:
    """Measure only the KPI queries and replace their figures in the recorded suite."""
    from etl.load import load

    suite = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    recorded = {s["scale"]: s for s in suite["scales"]}
    described = machine.describe()
    for scale in scales:
        submissions, _ = submissions_for(scale, work)
        warehouse = work / f"scale-{scale}" / "kpi-data" / "warehouse"
        shutil.rmtree(warehouse.parent, ignore_errors=True)
        say(f"scale {scale}: loading with the product")
        assert load(submissions, loaded_by="benchmark", directory=warehouse).ok
        say(f"scale {scale}: KPI views, SQLite baseline, app reads")
        kpis = query_bench.measure_kpis(warehouse, work / f"scale-{scale}", 10)
        figures = recorded.setdefault(scale, {"scale": scale})
        figures["kpis"] = [{**asdict(k), "sqlite_ratio": k.sqlite_ratio} for k in kpis]
        figures["overview_fetch_ms"] = query_bench.overview_fetch(warehouse, 20)
    suite["kpi_run"] = {"machine": described, "command": command}
    out.write_text(results.markdown(suite), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(suite, indent=1, ensure_ascii=False),
                                        encoding="utf-8")
    say(f"updated the KPI figures in {out} and {out.with_suffix('.json').name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="scales 1 and 10")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["queries", "pages", "reports"],
                        help="leave out parts of the suite")
    parser.add_argument("--work", type=Path, default=config.data_dir() / "bench",
                        help="where generated submissions and scratch warehouses go")
    parser.add_argument("--out", type=Path, default=DOCS / "benchmarks.md")
    parser.add_argument("--kpis-only", action="store_true",
                        help="measure only the KPI queries and update their figures")
    args = parser.parse_args(argv)
    scales = [1, 10] if args.quick else args.scales
    command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.kpis_only:
        update_kpis(scales, args.work, args.out, command)
        return
    parts = {"queries", "pages", "reports"} - set(args.skip)
    described = machine.describe()
    started = time.perf_counter()
    figures = [run_scale(scale, args.work, args.runs, parts) for scale in scales]
    suite = {"machine": described, "runs": args.runs, "scales": figures, "command": command,
             "minutes": (time.perf_counter() - started) / 60}
    page = results.markdown(suite)
    print(page)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(suite, indent=1, ensure_ascii=False),
                                             encoding="utf-8")
    say(f"written {args.out} and {args.out.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
