"""The one loader: read and check submissions, then publish them as one new warehouse version.

Reading and checking is done for every submission before anything is written. A submission with
a file-level problem is not loaded at all (a half slice would mislead); the others are. Accepted
rows go to the raw tables, rejected rows to the quarantine with their reasons, and the load log
records file hashes and counts, so for every file `rows in = accepted + rejected`. A submission
whose files are byte-identical to the last load of its slice is skipped: loading twice changes
nothing.
"""

from __future__ import annotations

import getpass
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

import config
from etl.files import read_file
from etl.institutions import name_token
from etl.problems import ROW_REASONS, FileProblem, first_line
from etl.readers import ROW
from etl.reference import Reference, read_reference
from etl.submission import Submission, find_submissions, read_manifest
from etl.transform import to_raw
from etl.validate import REJECTION_SCHEMA, Context, Validated, validate
from warehouse import catalogue, queries, store
from warehouse.build import BuildError
from warehouse.connection import Reader

Progress = Callable[[int, int, str], None]


@dataclass
class SubmissionResult:
    """What happened to one submission folder."""

    folder: Path
    submission: Submission | None = None
    checked: list[Validated] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    file_hashes: dict[str, str] = field(default_factory=dict)
    outcome: str = "pending"
    load_id: str | None = None
    #: institution names not in the reference list -> rows naming them, for the ministry
    unknown_institutions: dict[str, int] = field(default_factory=dict)
    #: papers loaded but not counted: their grant numbers are not in the consortium's register
    not_counted: pl.DataFrame | None = None
    #: the folder as messages name it: relative to the parent of the loaded root
    shown: str = ""

    @property
    def fingerprint(self) -> str:
        """One hash over the names and contents of every file of the submission."""
        text = "\n".join(f"{name}:{digest}" for name, digest in sorted(self.file_hashes.items()))
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def rows_in(self) -> int:
        """Data rows read from all files."""
        return sum(v.rows_in for v in self.checked)

    @property
    def rows_rejected(self) -> int:
        """Rows rejected across all files."""
        return sum(v.rows_rejected for v in self.checked)

    @property
    def rejections(self) -> pl.DataFrame:
        """Every rejected value of the submission, with reasons in Korean and English."""
        frames = [v.rejections for v in self.checked if v.rejections.height]
        if not frames:
            return _with_reasons(pl.DataFrame(schema=REJECTION_SCHEMA))
        return _with_reasons(pl.concat(frames))


@dataclass
class LoadReport:
    """The outcome of one `etl load` run."""

    results: list[SubmissionResult]
    warehouse_file: Path | None
    dry_run: bool
    #: why the run stopped before publishing (English, Korean); the warehouse is unchanged
    stopped: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        """True when the run finished and no file had a problem."""
        return self.stopped is None and not any(r.problems for r in self.results)


class LoadStopped(Exception):
    """A load that could not publish; it carries the report of what was checked."""

    def __init__(self, report: LoadReport) -> None:
        assert report.stopped is not None
        super().__init__(report.stopped[0])
        self.report = report


def _what(error: BaseException) -> str:
    detail, kind = first_line(error), type(error).__name__
    return kind if detail == kind else f"{kind}: {detail}"


def stopped_by(error: BaseException, doing: str, doing_ko: str) -> tuple[str, str]:
    """One sentence in each language for an error that stopped a load."""
    return (f"stopped while {doing} ({_what(error)}); the warehouse is unchanged",
            f"{doing_ko} 중 중단되었습니다 ({_what(error)}). 웨어하우스는 바뀌지 않았습니다")


def _with_reasons(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col("reason_code").replace_strict({k: v[0] for k, v in ROW_REASONS.items()},
                                             default=None, return_dtype=pl.String)
        .alias("reason_en"),
        pl.col("reason_code").replace_strict({k: v[1] for k, v in ROW_REASONS.items()},
                                             default=None, return_dtype=pl.String)
        .alias("reason_ko"))


def check_submission(folder: Path, reference: Reference) -> SubmissionResult:
    """Read and validate every file of one submission folder; writes nothing."""
    result = SubmissionResult(folder)
    try:
        submission = read_manifest(folder)
        if submission.consortium_id not in reference.consortium_ids:
            raise FileProblem("submission.toml", "unknown_consortium",
                              f"consortium_id {submission.consortium_id!r} is not in the program",
                              f"사업에 없는 컨소시엄 ID입니다: {submission.consortium_id!r}")
    except FileProblem as problem:
        result.problems.append(problem)
        result.outcome = "failed"
        return result
    result.submission = submission
    index = reference.institution_index
    context = Context(period_end=submission.period_end, institution_index=index,
                      kpi_ids=catalogue.kpi_ids())
    for path in submission.data_files():
        try:
            result.file_hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
            tables = read_file(path, submission.file_datasets.get(path.name),
                               reference.ror_names)
            result.checked.extend(validate(table, context) for table in tables)
        except FileProblem as problem:
            result.problems.append(problem)
        except Exception as error:  # noqa: BLE001 - any failure must name the file, not crash
            result.problems.append(FileProblem(
                path.name, "unreadable",
                f"an unexpected error while reading this file ({_what(error)}); send this "
                "report to the dashboard team",
                f"이 파일을 읽는 중 예상하지 못한 오류가 났습니다 ({_what(error)}). 이 보고서를 "
                "대시보드 담당자에게 보내 주세요"))
    if not result.file_hashes:
        result.problems.append(FileProblem(
            folder.name, "no_data_files", "the submission folder holds no data file",
            "제출 폴더에 자료 파일이 없습니다"))
    result.unknown_institutions = unknown_institution_names(result.rejections, index)
    result.outcome = "failed" if result.problems else "checked"
    return result


def unknown_institution_names(rejections: pl.DataFrame,
                              index: dict[str, str]) -> dict[str, int]:
    """Each institution name the reference list lacks, with the number of rows naming it."""
    unknown = rejections.filter(pl.col("reason_code") == "unknown_institution")
    counts: dict[str, int] = {}
    for value in unknown["value_shown"].drop_nulls().to_list():
        for name in (n.strip() for n in value.split(";")):
            if name and name_token(name) not in index:
                counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _mark_repeated_slices(results: list[SubmissionResult]) -> None:
    """Two folders for one consortium and quarter in one run: neither may silently win."""
    seen: dict[tuple[str, str], str] = {}
    for result in results:
        if result.submission is None:
            continue
        slice_key = (result.submission.consortium_id, result.submission.period)
        if slice_key in seen:
            other = seen[slice_key]
            result.problems.append(FileProblem(
                "submission.toml", "duplicate_submission",
                f"{other} already submits {slice_key[0]} {slice_key[1]} in this load; "
                "send one folder per consortium and quarter",
                f"{other} 폴더가 같은 컨소시엄·분기({slice_key[0]} {slice_key[1]})를 이미 "
                "제출합니다. 컨소시엄·분기마다 폴더 하나만 보내세요"))
            result.outcome = "failed"
        else:
            seen[slice_key] = result.shown or str(result.folder)


def _raw_frames(result: SubmissionResult, reference: Reference,
                secret: bytes) -> dict[str, pl.DataFrame]:
    """Accepted rows of each dataset, pseudonymised and tagged with their slice and origin."""
    submission = result.submission
    assert submission is not None and result.load_id is not None
    by_dataset: dict[str, list[pl.DataFrame]] = {}
    for checked in result.checked:
        raw = to_raw(checked.accepted, checked.table.dataset, secret, reference.institution_index)
        raw = raw.rename({ROW: "source_row"}).with_columns(
            pl.lit(submission.consortium_id).alias("consortium_id"),
            pl.lit(submission.period).alias("period"),
            pl.lit(result.load_id).alias("load_id"),
            pl.lit(checked.table.file_name).alias("source_file"))
        by_dataset.setdefault(checked.table.dataset.name, []).append(raw)
    return {name: pl.concat(frames, how="diagonal_relaxed")
            for name, frames in by_dataset.items()}


def _log_frames(result: SubmissionResult, loaded_by: str,
                loaded_at: datetime) -> dict[str, pl.DataFrame]:
    submission = result.submission
    assert submission is not None
    rows_in, rejected = result.rows_in, result.rows_rejected
    load = pl.DataFrame([{
        "load_id": result.load_id, "consortium_id": submission.consortium_id,
        "period": submission.period, "submitted_by": submission.submitted_by,
        "loaded_by": loaded_by, "loaded_at": loaded_at, "fingerprint": result.fingerprint,
        "rows_in": rows_in, "rows_accepted": rows_in - rejected, "rows_rejected": rejected,
        "outcome": result.outcome}])
    per_file: dict[str, list[int]] = {name: [0, 0] for name in result.file_hashes}
    for checked in result.checked:
        per_file[checked.table.file_name][0] += checked.rows_in
        per_file[checked.table.file_name][1] += checked.rows_rejected
    files = pl.DataFrame([{
        "load_id": result.load_id, "file_name": name, "file_sha256": result.file_hashes[name],
        "rows_in": counts[0], "rows_accepted": counts[0] - counts[1], "rows_rejected": counts[1]}
        for name, counts in per_file.items()])
    quarantine = result.rejections.with_columns(
        pl.lit(result.load_id).alias("load_id"),
        pl.lit(submission.consortium_id).alias("consortium_id"),
        pl.lit(submission.period).alias("period"))
    return {"raw_load": load, "raw_load_file": files, "raw_rejected_row": quarantine}


def load(root: Path, *, dry_run: bool = False, loaded_by: str | None = None,
         progress: Progress | None = None, directory: Path | None = None) -> LoadReport:
    """Check every submission under `root` and, unless `dry_run`, publish them."""
    reference = read_reference()
    folders = find_submissions(root)
    if not folders:
        raise FileProblem(str(root), "no_submission",
                          "no submission.toml in this folder or below it",
                          "이 폴더와 그 하위 폴더에 submission.toml이 없습니다")
    results = []
    for index, folder in enumerate(folders, start=1):
        shown = folder.relative_to(root.parent).as_posix()
        results.append(check_submission(folder, reference))
        results[-1].shown = shown
        if progress:
            progress(index, len(folders), f"checked {shown}")
    _mark_repeated_slices(results)
    loadable = [r for r in results if r.outcome == "checked"]
    if dry_run:
        for result in loadable:
            result.outcome = "dry-run"
        return LoadReport(results, None, dry_run=True)
    try:
        path = _publish(loadable, reference, loaded_by, progress, directory)
    except Exception as error:
        current = next((r.shown for r in loadable if r.outcome == "loading"), None)
        for result in loadable:
            result.outcome = "not loaded"
        if isinstance(error, BuildError):
            doing = ("checking the rebuilt warehouse", "다시 만든 웨어하우스를 점검하는")
        elif current is not None:
            doing = (f"loading {current}", f"{current} 적재")
        else:
            doing = ("writing the new warehouse version", "새 웨어하우스 버전을 쓰는")
        raise LoadStopped(LoadReport(results, None, dry_run=False,
                                     stopped=stopped_by(error, *doing))) from error
    _list_not_counted(loadable, directory)
    return LoadReport(results, path if store.current_file(directory) == path else None,
                      dry_run=False)


def _list_not_counted(loaded: list[SubmissionResult], directory: Path | None) -> None:
    """Each loaded slice's papers whose grant numbers the register does not hold."""
    if not loaded or store.current_file(directory) is None:
        return
    reader = Reader(directory)
    try:
        for result in loaded:
            assert result.submission is not None
            result.not_counted = queries.publications_not_counted(
                result.submission.consortium_id, result.submission.period, reader)
    finally:
        reader.close()


def _publish(loadable: list[SubmissionResult], reference: Reference, loaded_by: str | None,
             progress: Progress | None, directory: Path | None) -> Path:
    """Write every loadable submission into one new warehouse version and publish it."""
    secret, _ = config.pseudonym_key()
    loaded_by = loaded_by or getpass.getuser()
    with store.new_version(directory) as version:
        version.replace_reference(reference.frames, reference.fingerprint)
        for index, result in enumerate(loadable, start=1):
            submission = result.submission
            assert submission is not None
            previous = version.latest_fingerprint(submission.consortium_id, submission.period)
            if previous == result.fingerprint:
                result.outcome = "unchanged"
                continue
            loaded_at = datetime.now(UTC).replace(tzinfo=None)
            result.load_id = (f"{submission.consortium_id}-{submission.period}-"
                              f"{loaded_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}")
            result.outcome = "loading"
            version.replace_slice(submission.consortium_id, submission.period,
                                  _raw_frames(result, reference, secret))
            result.outcome = "replaced" if previous else "loaded"
            for table, frame in _log_frames(result, loaded_by, loaded_at).items():
                version.append_log(table, frame)
            if progress:
                progress(index, len(loadable), f"loaded {submission.consortium_id} "
                         f"{submission.period}")
        path = version.path
    return path
