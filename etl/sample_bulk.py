"""Large synthetic submissions, for measuring how the product's cost grows with data.

`etl.sample` simulates people one by one and writes spreadsheets and BibTeX the way consortia
do; that is right for the shipped sample but far too slow for half a million students. This
module draws the same kinds of records with vectorised random numbers and writes each
consortium-quarter as a real submission folder of UTF-8 CSV files with the contract's Korean
headers (students, destinations, dispatches, projects, and publications as a sheet), which the
loader reads like any other submission. Scale 1 is a small program; every dataset grows linearly:

    scale s:  500·s students, 3,000·s papers (1 to 8 authors each), 500·s dispatch stays,
              destination records for the graduates (6 and 12 months after graduation),
              400·s industry support rows, 150·s patents (~40% sent again when registered),
              40·s transfer contracts and 100·s open releases

Like real submissions, the files repeat things: a student is reported when joining and again
when graduating or leaving, a stay when it starts and when it ends, ~2% of papers by a second
consortium and ~1% of papers twice in one file, and ~0.2% of rows carry a wrong value (a date
that does not exist, an unknown university) that the loader must quarantine. The same seed and
scale give byte-identical files.

    python -m etl.sample_bulk --scale 100 --out var/bench/scale-100
"""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import polars as pl

import config
from contract import (
    ARTEFACTS,
    DESTINATIONS,
    DISPATCHES,
    PATENTS,
    PROJECTS,
    PUBLICATIONS,
    STUDENTS,
    SUPPORT,
    TRANSFERS,
    Dataset,
)
from etl.industry_fields import brn_check_digit
from etl.sample import (
    CONFERENCES,
    JOURNALS,
    LAST_PERIOD,
    METHODS,
    OTHER_EMPLOYERS,
    PARTNER_COMPANIES,
    SURNAMES,
    SYLLABLES,
    TASKS,
    Consortium,
    Reference,
    first_day,
    label,
    load_reference,
    periods,
)

STUDENTS_PER_SCALE = 500
PAPERS_PER_SCALE = 3_000
DISPATCHES_PER_SCALE = 500
SUPPORT_PER_SCALE = 400
PATENTS_PER_SCALE = 150
TRANSFERS_PER_SCALE = 40
ARTEFACTS_PER_SCALE = 100
#: share of rows written with a wrong value, which the loader must reject and keep
BROKEN_SHARE = 0.002
DEGREES = np.array(["석사", "박사", "석박통합"])
DESTINATION_STATUSES = np.array(["취업", "진학", "미취업", "미상"])
FILE_NAMES = {"students": "참여학생.csv", "destinations": "졸업생진로.csv",
              "dispatches": "파견현황.csv", "projects": "공동연구과제.csv",
              "publications": "논문.csv", "support": "산학지원.csv", "patents": "특허.csv",
              "transfers": "기술이전.csv", "artefacts": "공개성과물.csv"}
SUPPORT_KINDS = np.array(["API", "컴퓨팅", "멘토링", "데이터"])
GPU_SPELLINGS = np.array(["H100", "NVIDIA H100 80GB", "h100-sxm", "A100 80GB", "L40S", "H200"])
UNITS = {"API": "토큰", "컴퓨팅": "GPU시간", "멘토링": "시간", "데이터": "GB"}


@dataclass(frozen=True)
class Slice:
    """The quarters one consortium reports, as (year, quarter) and label arrays."""

    consortium: Consortium
    quarters: list[tuple[int, int]]

    @property
    def labels(self) -> np.ndarray:
        return np.array([label(q) for q in self.quarters])

    def starts(self) -> np.ndarray:
        return np.array([first_day(q) for q in self.quarters], dtype="datetime64[D]")


def _pick(rng: np.random.Generator, values: list[str] | tuple[str, ...] | np.ndarray,
          n: int) -> np.ndarray:
    return np.asarray(values)[rng.integers(0, len(values), n)]


def _day_in_quarter(rng: np.random.Generator, starts: np.ndarray) -> np.ndarray:
    return starts + rng.integers(0, 90, len(starts)).astype("timedelta64[D]")


def _quarter_of(days: np.ndarray, sl: Slice) -> np.ndarray:
    """Index of each day's quarter in the slice (may fall past its end)."""
    years = days.astype("datetime64[Y]").astype(int) + 1970
    months = days.astype("datetime64[M]").astype(int) % 12
    first_year, first_quarter = sl.quarters[0]
    return (years - first_year) * 4 + months // 3 - (first_quarter - 1)


def _iso(days: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(days, unit="D")


def _names(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Korean names and their romanisation, as papers print them ("Minjun Kim")."""
    weights = np.array([s[2] for s in SURNAMES], dtype=float)
    family = rng.choice(len(SURNAMES), n, p=weights / weights.sum())
    first, second = rng.integers(0, len(SYLLABLES), (2, n))
    family_ko = np.array([s[0] for s in SURNAMES])[family]
    family_en = np.array([s[1] for s in SURNAMES])[family]
    syl_ko = np.array([s[0] for s in SYLLABLES])
    syl_en = np.array([s[1] for s in SYLLABLES])
    korean = np.char.add(np.char.add(family_ko, syl_ko[first]), syl_ko[second])
    given = np.char.capitalize(np.char.add(syl_en[first], syl_en[second]))
    return korean, np.char.add(np.char.add(given, " "), family_en)


def _break(rng: np.random.Generator, values: np.ndarray, wrong: str) -> np.ndarray:
    """Replace a small share of values (at least one) by a wrong one the loader must reject."""
    broken = rng.choice(len(values), max(1, round(len(values) * BROKEN_SHARE)), replace=False)
    values = values.astype(object)
    values[broken] = wrong
    return values


def students(rng: np.random.Generator, sl: Slice, n: int, first_number: int) -> pl.DataFrame:
    """Each student reported in the joining quarter, and again on graduating or leaving."""
    joined = rng.integers(0, len(sl.quarters), n)
    start = _day_in_quarter(rng, sl.starts()[joined])
    enrolled = start - rng.integers(0, 300, n).astype("timedelta64[D]")
    ended_after = rng.integers(2, 7, n)
    outcome = rng.random(n)
    leaves = (joined + ended_after < len(sl.quarters)) & (outcome < 0.75)
    graduates = leaves & (outcome < 0.68)
    end_quarter = np.minimum(joined + ended_after, len(sl.quarters) - 1)
    end = _day_in_quarter(rng, sl.starts()[end_quarter])
    universities = [u.name_ko for u in sl.consortium.universities]
    korean, latin = _names(rng, n)
    number = np.char.zfill((first_number + np.arange(n)).astype(str), 8)
    degree = rng.choice(3, n, p=[0.6, 0.25, 0.15])
    base = pl.DataFrame({
        "researcher_number": number, "name": korean, "name_en": latin,
        "email": np.char.add(number, "@univ.example.ac.kr"),
        "phone": np.char.add("010-", np.char.zfill(number, 8)),
        "orcid": np.where(rng.random(n) < 0.6, np.char.add("0000-0002-", np.char.add(
            np.char.add(np.char.zfill((number.astype(int) % 10_000).astype(str), 4), "-"),
            np.char.add(np.char.zfill((number.astype(int) % 1000).astype(str), 3), "X"))), ""),
        "institution": _break(rng, _pick(rng, universities, n), "한국가상대학교"),
        "degree_program": DEGREES[degree],
        "enrolment_date": _iso(enrolled), "participation_start": _break(rng, _iso(start),
                                                                        "2025-02-30"),
        "period_index": joined})
    left = base.filter(pl.Series(leaves)).with_columns(
        pl.Series("participation_end", _iso(end[leaves])),
        pl.Series("status", np.where(graduates[leaves], "졸업", "중도탈락")),
        pl.Series("period_index", end_quarter[leaves]))
    left = left.with_columns(
        pl.when(pl.col("status") == "졸업").then(pl.col("participation_end"))
        .alias("graduation_date"),
        pl.when(pl.col("status") == "졸업")
        .then(pl.col("degree_program").replace({"석박통합": "박사"})).alias("degree_awarded"))
    joined_rows = base.with_columns(pl.lit("재학").alias("status"))
    return pl.concat([joined_rows, left], how="diagonal")


def destinations(rng: np.random.Generator, sl: Slice, roster: pl.DataFrame) -> pl.DataFrame:
    """Where each graduate is 6 and 12 months on, reported in the quarter observed."""
    graduates = roster.filter(pl.col("status") == "졸업")
    n = graduates.height
    graduated = graduates["graduation_date"].str.to_date().to_numpy().astype("datetime64[D]")
    status = rng.choice(4, n, p=[0.65, 0.15, 0.1, 0.1])
    employers = [e[0] for e in OTHER_EMPLOYERS]
    organisation = np.where(status == 0, _pick(rng, employers, n),
                            np.where(status == 1, _pick(rng, ["KAIST", "서울대학교"], n), ""))
    ksic = np.where(status == 0, _pick(rng, [e[1] for e in OTHER_EMPLOYERS], n), "")
    frames = []
    for months in (6, 12):
        observed = graduated + np.timedelta64(months * 30, "D")
        quarter = _quarter_of(observed, sl)
        frames.append(pl.DataFrame({
            "researcher_number": graduates["researcher_number"].to_numpy(),
            "months_after_graduation": np.full(n, str(months)),
            "destination_status": DESTINATION_STATUSES[status],
            "organisation": organisation, "ksic_code": ksic,
            "period_index": quarter}).filter(pl.col("period_index") < len(sl.quarters)))
    return pl.concat(frames)


def dispatches(rng: np.random.Generator, sl: Slice, roster: pl.DataFrame,
               n: int, ref: Reference) -> pl.DataFrame:
    """Stays at the lead company or a partner: reported when they start and when they end."""
    joined = roster.filter(pl.col("status") == "재학")
    who = rng.integers(0, joined.height, n)
    numbers = joined["researcher_number"].to_numpy()[who]
    first = joined["period_index"].to_numpy()[who]
    quarter = np.minimum(first + rng.integers(0, 4, n), len(sl.quarters) - 1)
    start = _day_in_quarter(rng, sl.starts()[quarter])
    end = start + rng.integers(28, 240, n).astype("timedelta64[D]")
    partners = [ref.institutions[p].name_ko for p in PARTNER_COMPANIES]
    host = np.where(rng.random(n) < 0.8, sl.consortium.lead.name_ko, _pick(rng, partners, n))
    end_quarter = _quarter_of(end, sl)
    starting = pl.DataFrame({
        "researcher_number": numbers, "name": np.full(n, "홍길동"), "host_organisation": host,
        "start_date": _iso(start),
        "end_date": np.where(end_quarter == quarter, _iso(end), ""), "period_index": quarter})
    ending = starting.with_columns(pl.Series("end_date", _iso(end)),
                                   pl.Series("period_index", end_quarter))
    return pl.concat([starting, ending.filter((pl.col("period_index") > pl.Series(quarter))
                                              & (pl.col("period_index") < len(sl.quarters)))])


def projects(rng: np.random.Generator, sl: Slice, count: int, first_number: int) -> pl.DataFrame:
    """The consortium's joint projects, each reported in the quarter it starts."""
    quarter = np.minimum(rng.integers(0, 4, count), len(sl.quarters) - 1)
    start = sl.starts()[quarter]
    members = [sl.consortium.lead.name_ko] + [u.name_ko for u in sl.consortium.universities]
    institutions = ["; ".join([members[0], *rng.choice(members[1:], min(2, len(members) - 1),
                                                       replace=False)]) for _ in range(count)]
    topics = _pick(rng, METHODS, count)
    return pl.DataFrame({
        "project_number": [f"17{first_number + i:08d}" for i in range(count)],
        "title": np.char.add("생성AI 기반 ", np.char.add(topics, " 연구")),
        "start_date": _iso(start), "end_date": _iso(start + np.timedelta64(4 * 365, "D")),
        "institutions": institutions, "period_index": quarter})


def publications(rng: np.random.Generator, sl: Slice, n: int, roster: pl.DataFrame,
                 project_numbers: list[str], serial: int) -> pl.DataFrame:
    """Papers from the consortium's second quarter on; the first author is often a student."""
    quarter = rng.integers(min(1, len(sl.quarters) - 1), len(sl.quarters), n)
    year = np.array([q[0] for q in sl.quarters])[quarter]
    month = np.array([q[1] * 3 - 2 for q in sl.quarters])[quarter] + rng.integers(0, 3, n)
    author_count = rng.integers(1, 9, n)
    _, latin = _names(rng, int(author_count.sum()))
    students_en = roster["name_en"].to_numpy()
    first_is_student = rng.random(n) < 0.6
    cut = np.cumsum(author_count)[:-1]
    lists = np.split(latin, cut)
    picked = _pick(rng, students_en, n)
    authors = ["; ".join([picked[i], *names[1:]] if first_is_student[i] else names)
               for i, names in enumerate(lists)]
    universities = [u.name_en for u in sl.consortium.universities]
    with_company = rng.random(n) < 0.4
    affiliation = np.where(with_company, np.char.add(
        np.char.add(_pick(rng, universities, n), "; "), sl.consortium.lead.name_en),
        _pick(rng, universities, n))
    venues = [v[0] for v in JOURNALS + CONFERENCES] + ["Annual Meeting of the Association "
                                                       "for Computational Linguistics"]
    venue = _pick(rng, venues, n)
    number = serial + np.arange(n)
    identity = rng.random(n)
    doi = np.where(identity < 0.85, np.char.add(f"10.5555/bench.{sl.consortium.id}.",
                                                number.astype(str)), "")
    arxiv = np.where((identity >= 0.85) & (identity < 0.95), np.char.add(
        np.char.add(np.char.zfill((year % 100).astype(str), 2), "01."),
        np.char.zfill((number % 100_000).astype(str), 5)), "")
    grants = np.where(rng.random(n) < 0.5, sl.consortium.grant,
                      _pick(rng, project_numbers or [sl.consortium.grant], n))
    title = np.char.add(np.char.add(_pick(rng, METHODS, n), " for "), _pick(rng, TASKS, n))
    return pl.DataFrame({
        "title": np.char.add(np.char.add(title, " #"), number.astype(str)),
        "year": year.astype(str), "month": month.astype(str), "venue": venue, "doi": doi,
        "arxiv_id": arxiv, "authors": authors, "affiliations": affiliation,
        "is_open_access": np.where(rng.random(n) < 0.45, "Y", "N"),
        "acknowledged_projects": grants, "period_index": quarter})


def _won(amounts: np.ndarray) -> np.ndarray:
    """Whole won as officers write them: '1,200,000원'."""
    return np.array([f"{int(a):,}원" for a in amounts], dtype=object)


def support(rng: np.random.Generator, sl: Slice, n: int, serial: int) -> pl.DataFrame:
    """API tokens, GPU-hours, mentoring hours and datasets the lead company gives each quarter."""
    quarter = rng.integers(0, len(sl.quarters), n)
    kind = _pick(rng, SUPPORT_KINDS, n)
    is_compute = kind == "컴퓨팅"
    quantity = np.where(kind == "API", rng.integers(1, 50, n) * 100_000,
                        np.where(is_compute, rng.integers(500, 20_000, n),
                                 rng.integers(5, 200, n)))
    value = np.where(kind == "멘토링", 0, rng.integers(1, 60, n) * 1_000_000)
    fee = _break(rng, _won(value), "about 1M")
    return pl.DataFrame({
        "support_type": kind, "provider": np.full(n, sl.consortium.lead.name_ko),
        "start_date": _iso(sl.starts()[quarter]),
        "resource": np.char.add(np.char.add(kind, " 지원 #"), (serial + np.arange(n)).astype(str)),
        "gpu_model": np.where(is_compute, _pick(rng, GPU_SPELLINGS, n), ""),
        "quantity": quantity.astype(str), "unit": np.array([UNITS[k] for k in kind]),
        "beneficiary_count": rng.integers(1, 30, n).astype(str),
        "value_krw": np.where(value > 0, fee, ""),
        "value_basis": np.where(value > 0, "현물", ""),
        "project_number": np.full(n, sl.consortium.grant), "period_index": quarter})


def patents(rng: np.random.Generator, sl: Slice, n: int, roster: pl.DataFrame,
            serial: int) -> pl.DataFrame:
    """Korean applications from the second quarter; ~40% sent again, registered, a year on."""
    quarter = rng.integers(min(1, len(sl.quarters) - 1), len(sl.quarters), n)
    filed = _day_in_quarter(rng, sl.starts()[quarter])
    year = filed.astype("datetime64[Y]").astype(int) + 1970
    numbers = [f"10-{y}-{s:07d}" for y, s in zip(year, serial + np.arange(n), strict=True)]
    korean, _ = _names(rng, n)
    universities = [u.name_ko for u in sl.consortium.universities]
    filed_rows = pl.DataFrame({
        "office": np.full(n, "KR"), "application_number": numbers,
        "application_date": _iso(filed), "registration_number": np.full(n, ""),
        "registration_date": np.full(n, ""),
        "title": np.char.add(_pick(rng, METHODS, n), " 기반 생성 모델 학습 방법"),
        "applicants": _pick(rng, universities, n), "inventors": np.char.add(korean, "; 김교수"),
        "inventor_numbers": _pick(rng, roster["researcher_number"].to_numpy(), n),
        "acknowledged_projects": np.full(n, sl.consortium.grant), "period_index": quarter})
    later = quarter + 4
    registered = (rng.random(n) < 0.4) & (later < len(sl.quarters))
    registered_on = _day_in_quarter(rng, sl.starts()[np.minimum(later, len(sl.quarters) - 1)])
    resent = filed_rows.with_columns(
        pl.Series("registration_number", [f"10-{2_700_000 + s % 200_000}"
                                          for s in serial + np.arange(n)]),
        pl.Series("registration_date", _iso(registered_on)),
        pl.Series("period_index", later)).filter(pl.Series(registered))
    return pl.concat([filed_rows, resent])


def transfers(rng: np.random.Generator, sl: Slice, n: int, serial: int) -> pl.DataFrame:
    """Licence contracts to companies from the third quarter, with their fees in won."""
    quarter = rng.integers(min(2, len(sl.quarters) - 1), len(sl.quarters), n)
    first_nine = rng.integers(100_000_000, 899_999_999, n).astype(str)
    business = [f"{f[:3]}-{f[3:5]}-{f[5:]}{brn_check_digit(f)}" for f in first_nine]
    fee = rng.integers(5, 50, n) * 1_000_000
    return pl.DataFrame({
        "contract_number": np.char.add(f"{sl.consortium.id}-TT-", (serial + np.arange(n))
                                       .astype(str)),
        "contract_date": _iso(_day_in_quarter(rng, sl.starts()[quarter])),
        "recipient": np.char.add("(주)기술도입", (serial + np.arange(n)).astype(str)),
        "recipient_business_number": business, "subject_type": np.full(n, "소프트웨어"),
        "subject": np.char.add(_pick(rng, METHODS, n), " 소프트웨어"),
        "deal_type": _pick(rng, ["통상실시권", "통상실시권", "전용실시권", "양도"], n),
        "fixed_fee_krw": _break(rng, _won(fee), "about 1M"), "received_krw": _won(fee // 2),
        "service": np.where(rng.random(n) < 0.5, "AI 상담 서비스", ""),
        "project_number": np.full(n, sl.consortium.grant), "period_index": quarter})


def artefacts(rng: np.random.Generator, sl: Slice, n: int, serial: int) -> pl.DataFrame:
    """Models, datasets and code released on public hubs."""
    quarter = rng.integers(0, len(sl.quarters), n)
    kind = _pick(rng, ["모델", "데이터셋", "코드"], n)
    name = np.char.add(f"{sl.consortium.id}-release-", (serial + np.arange(n)).astype(str))
    host = np.where(kind == "코드", "https://github.com/", "https://huggingface.co/")
    released = _day_in_quarter(rng, sl.starts()[quarter])
    return pl.DataFrame({
        "artefact_type": kind, "name": name, "url": np.char.add(host, name),
        "licence": _pick(rng, ["Apache-2.0", "MIT", "CC-BY-4.0"], n),
        "release_date": _iso(released), "project_number": np.full(n, sl.consortium.grant),
        "period_index": quarter})


def _labelled(frame: pl.DataFrame, sl: Slice) -> pl.DataFrame:
    """Replace the quarter index by the period label the submission folder is named after."""
    return frame.with_columns(pl.Series("period", sl.labels[frame["period_index"].to_numpy()])) \
        .drop("period_index")


def _split(total: int, shares: np.ndarray) -> list[int]:
    """`total` split by `shares` into whole numbers that add up to exactly `total`."""
    bounds = np.round(np.cumsum(shares) * total).astype(int)
    return np.diff(np.concatenate([[0], bounds])).tolist()


def _repeat_some(rng: np.random.Generator, frame: pl.DataFrame, share: float) -> pl.DataFrame:
    """Report a share of rows twice in the same file, as copy-pasted spreadsheets do."""
    repeated = frame.filter(pl.Series(rng.random(frame.height) < share))
    return pl.concat([frame, repeated])


def _write(folder: Path, dataset: Dataset, frame: pl.DataFrame) -> None:
    """One dataset of one submission, with the contract's Korean headers, as UTF-8 CSV."""
    columns = [c.name for c in dataset.columns if c.name in frame.columns]
    out = frame.select(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in columns) \
        .rename({c.name: c.korean for c in dataset.columns if c.name in columns})
    out.write_csv(folder / FILE_NAMES[dataset.name])


def _manifest(folder: Path, consortium: Consortium, period: str) -> None:
    team = json.dumps(f"{consortium.lead.name_ko} 사업관리팀", ensure_ascii=False)
    text = (f"consortium_id = {json.dumps(consortium.id)}\nperiod = {json.dumps(period)}\n"
            f"submitted_by = {team}\n")
    (folder / "submission.toml").write_text(text, encoding="utf-8")


def generate(out: Path, scale: int, seed: int = 7,
             reference_dir: Path = config.REFERENCE_DIR) -> dict[str, int]:
    """Write every consortium's submissions under `out`; return the row counts written."""
    rng = np.random.default_rng(seed)
    ref = load_reference(reference_dir)
    slices = [Slice(c, periods((c.start.year, (c.start.month - 1) // 3 + 1), LAST_PERIOD))
              for c in ref.consortia]
    weights = np.array([len(s.quarters) for s in slices], dtype=float)
    shares = weights / weights.sum()
    frames: dict[str, list[tuple[Slice, pl.DataFrame]]] = {name: [] for name in FILE_NAMES}
    next_number, next_paper = 10_000_000, 0
    sizes = zip(*(_split(per_scale * scale, shares) for per_scale in (
        STUDENTS_PER_SCALE, PAPERS_PER_SCALE, DISPATCHES_PER_SCALE, SUPPORT_PER_SCALE,
        PATENTS_PER_SCALE, TRANSFERS_PER_SCALE, ARTEFACTS_PER_SCALE)), strict=True)
    for index, (sl, (n_students, n_papers, n_stays, *n_industry)) in enumerate(
            zip(slices, sizes, strict=True)):
        roster = students(rng, sl, n_students, next_number)
        next_number += n_students
        project = projects(rng, sl, 2 + max(1, scale // 10), 10_000 * (index + 1))
        if sl.consortium.grant is None:  # a grant not known yet: its outputs name a project
            sl = Slice(replace(sl.consortium, grant=project["project_number"][0]), sl.quarters)
        papers = publications(rng, sl, n_papers, roster, project["project_number"].to_list(),
                              next_paper)
        next_paper += n_papers
        stays = dispatches(rng, sl, roster, n_stays, ref)
        for name, frame in (("students", roster), ("destinations", destinations(rng, sl, roster)),
                            ("dispatches", stays), ("projects", project),
                            ("publications", papers)):
            frames[name].append((sl, _labelled(frame, sl)))
        n_support, n_patents, n_transfers, n_artefacts = n_industry
        serial = 100_000 * (index + 1)
        for name, frame in (("support", support(rng, sl, n_support, serial)),
                            ("patents", patents(rng, sl, n_patents, roster, serial)),
                            ("transfers", transfers(rng, sl, n_transfers, serial)),
                            ("artefacts", artefacts(rng, sl, n_artefacts, serial))):
            frames[name].append((sl, _labelled(frame, sl)))
    _share_papers(rng, frames["publications"])
    counts = {name: sum(f.height for _, f in parts) for name, parts in frames.items()}
    for sl in slices:
        shutil.rmtree(out / sl.consortium.id, ignore_errors=True)
    datasets = {d.name: d for d in (STUDENTS, DESTINATIONS, DISPATCHES, PROJECTS, PUBLICATIONS,
                                    SUPPORT, PATENTS, TRANSFERS, ARTEFACTS)}
    for name, parts in frames.items():
        for sl, frame in parts:
            if name == "publications":
                frame = _repeat_some(rng, frame, 0.01)
            for (period,), part in frame.partition_by("period", as_dict=True).items():
                folder = out / sl.consortium.id / str(period)
                if not folder.exists():
                    folder.mkdir(parents=True)
                    _manifest(folder, sl.consortium, str(period))
                _write(folder, datasets[name], part)
    return counts


def _share_papers(rng: np.random.Generator,
                  parts: list[tuple[Slice, pl.DataFrame]]) -> None:
    """~2% of each consortium's papers are also reported by the next consortium."""
    for index, (_, papers) in enumerate(parts):
        other_slice, other = parts[(index + 1) % len(parts)]
        shared = papers.filter(pl.Series(rng.random(papers.height) < 0.02))
        shared = shared.filter(pl.col("period").is_in(other_slice.labels.tolist())).with_columns(
            pl.col("acknowledged_projects") + "; " + other_slice.consortium.grant)
        parts[(index + 1) % len(parts)] = (other_slice, pl.concat([other, shared]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    counts = generate(args.out, args.scale, args.seed)
    print(" ".join(f"{name}={rows}" for name, rows in counts.items()))


if __name__ == "__main__":
    main()
