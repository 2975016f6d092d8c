"""Telling people what a load did: progress while it runs, a summary after, a journal kept.

The journal (var/loads/<run>/) holds a readable report in Korean and English, the rejected values
as CSV, and a JSON summary, for every run including failed and dry runs: the warehouse only
records loads that succeeded, the journal records every attempt.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

import config
from etl.load import LoadReport, SubmissionResult


def print_progress(done: int, total: int, label: str) -> None:
    """One progress line with a bar, on standard error."""
    width = 24
    filled = int(width * done / max(total, 1))
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:60]:<60}",
          end="" if done < total else "\n", file=sys.stderr, flush=True)


def _name(result: SubmissionResult) -> str:
    if result.submission:
        return f"{result.submission.consortium_id} {result.submission.period}"
    return result.shown or str(result.folder)


def summary_rows(report: LoadReport) -> list[dict[str, object]]:
    """One row per submission: outcome and counts, rows in = accepted + rejected."""
    rows = []
    for result in report.results:
        rows.append({"submission": _name(result), "outcome": result.outcome,
                     "files": len(result.file_hashes), "rows_in": result.rows_in,
                     "rows_accepted": result.rows_in - result.rows_rejected,
                     "rows_rejected": result.rows_rejected,
                     "file_problems": len(result.problems)})
    return rows


def print_report(report: LoadReport) -> None:
    """The end-of-load summary, then every file problem."""
    rows = summary_rows(report)
    with pl.Config(tbl_rows=len(rows) + 1, tbl_hide_dataframe_shape=True,
                   tbl_hide_column_data_types=True):
        print(pl.DataFrame(rows))
    total_in = sum(int(r["rows_in"]) for r in rows)
    total_rejected = sum(int(r["rows_rejected"]) for r in rows)
    print(f"rows in {total_in} = accepted {total_in - total_rejected} + rejected "
          f"{total_rejected}")
    for result in report.results:
        for problem in result.problems:
            print(f"FILE PROBLEM {_name(result)}: {problem}", file=sys.stderr)
    for result in report.results:
        for paper in not_counted_rows(result):
            print(f"NOT COUNTED / 미반영 {_name(result)}: {paper['title']} "
                  f"({paper['publication_year']}): {paper['grant_numbers_found']} "
                  f"[{paper['not_counted_reason']}]")
    unknown = unknown_institutions(report)
    if unknown:
        print("institutions not in the reference list / 기준 목록에 없는 기관: "
              + ", ".join(f"{name} ({rows})" for name, rows in unknown.items()))
    if report.stopped:
        en, ko = report.stopped
        print(f"LOAD STOPPED / 적재 중단: {ko} / {en}", file=sys.stderr)
    elif report.dry_run:
        print("dry run: nothing was written to the warehouse")
    elif report.warehouse_file:
        print(f"published {report.warehouse_file.name}")
    else:
        print("nothing changed: the warehouse is as it was")


def not_counted_rows(result: SubmissionResult) -> list[dict[str, object]]:
    """The slice's papers acknowledging grants not in the register, with the numbers found."""
    return [] if result.not_counted is None else result.not_counted.to_dicts()


NOT_COUNTED_HEADER = [
    "### 등록부에 없는 과제를 사사한 논문 / Papers acknowledging grants not in the register", "",
    "적재되었으나 실적에 반영되지 않았습니다. 빠진 세부과제라면 담당 부처에 과제번호 등록을 "
    "요청하세요. / Loaded but not counted; if a sub-project is missing, ask the ministry to "
    "register its number.", "",
    "| 제목 Title | 연도 Year | 찾은 과제번호 Numbers found | 사유 Reason |", "|---|---|---|---|"]


def unknown_institutions(report: LoadReport) -> dict[str, int]:
    """Institution names missing from the reference list, with rows naming them, run-wide."""
    counts: dict[str, int] = {}
    for result in report.results:
        for name, rows in result.unknown_institutions.items():
            counts[name] = counts.get(name, 0) + rows
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _markdown(report: LoadReport) -> str:
    lines = ["# 제출 자료 적재 결과 / Load report", ""]
    if report.stopped:
        en, ko = report.stopped
        lines += [f"**적재 중단 / Load stopped**: {ko} / {en}", ""]
    unknown = unknown_institutions(report)
    if unknown:
        lines += ["## 기준 목록에 없는 기관 / Institutions not in the reference list", "",
                  "담당 부처에 등록을 요청하거나 기준 목록의 이름으로 고쳐 쓰세요. / Ask the "
                  "ministry to add them, or write the name the reference list uses.", "",
                  "| 기관명 Name | 행 수 Rows |", "|---|---|",
                  *[f"| {name} | {rows} |" for name, rows in unknown.items()], ""]
    for result in report.results:
        lines += [f"## {_name(result)}: {result.outcome}", "",
                  f"행 rows in {result.rows_in} = 반영 accepted "
                  f"{result.rows_in - result.rows_rejected} + 반려 rejected "
                  f"{result.rows_rejected}", ""]
        for problem in result.problems:
            lines.append(f"- **{problem.file_name}**: {problem.message_ko} / {problem.message_en}")
        papers = not_counted_rows(result)
        if papers:
            lines += ["", *NOT_COUNTED_HEADER,
                      *[f"| {p['title']} | {p['publication_year']} | "
                        f"{p['grant_numbers_found']} | {p['not_counted_reason']} |"
                        for p in papers]]
        rejections = result.rejections
        if rejections.height:
            lines += ["", "| 파일 File | 시트 Sheet | 행 Row | 열 Column | 값 Value "
                      "| 사유 Reason |",
                      "|---|---|---|---|---|---|"]
            for r in rejections.iter_rows(named=True):
                lines.append(f"| {r['file_name']} | {r['sheet'] or ''} | {r['row_number']} | "
                             f"{r['header']} ({r['column_name']}) | {r['value_shown'] or ''} | "
                             f"{r['reason_ko']} / {r['reason_en']} |")
        lines.append("")
    return "\n".join(lines)


def write_journal(report: LoadReport, root: Path | None = None) -> Path:
    """Write the run's report, rejections and summary; return the run's folder."""
    root = root or config.data_dir() / "loads"
    folder = root / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.md").write_text(_markdown(report), encoding="utf-8")
    frames = [r.rejections.with_columns(pl.lit(_name(r)).alias("submission"))
              for r in report.results if r.rejections.height]
    if frames:
        pl.concat(frames).write_csv(folder / "rejections.csv")
    summary = {"dry_run": report.dry_run, "ok": report.ok,
               "stopped": ({"message_en": report.stopped[0], "message_ko": report.stopped[1]}
                           if report.stopped else None),
               "unknown_institutions": unknown_institutions(report),
               "warehouse_file": report.warehouse_file.name if report.warehouse_file else None,
               "submissions": summary_rows(report),
               "papers_not_counted": [{"submission": _name(r), **p} for r in report.results
                                      for p in not_counted_rows(r)],
               "file_problems": [{"submission": _name(r), "file": p.file_name, "code": p.code,
                                  "message_en": p.message_en, "message_ko": p.message_ko}
                                 for r in report.results for p in r.problems]}
    (folder / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                         encoding="utf-8")
    return folder
