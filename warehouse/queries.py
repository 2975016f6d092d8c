"""The one query module: every question the app and the reports ask of the warehouse.

Figures come from the `kpi_*` views only; labels (consortium names, the quarters with data) come
from the `dim_*` views, and the lists behind a figure (a consortium's projects and universities)
from the `fct_*` marts the KPI views count. Each function returns a polars frame and takes plain


KPI figures come from the `kpi_*` views only; labels (consortium names, the quarters with data)
come from the `dim_*` views; the pages' breakdowns (pipeline, cohorts, papers by year, dispatch
hosts, destinations, freshness) split the same marts the KPI views read. Record-level rows for
drill-downs live in warehouse/records.py. Each function returns a polars frame and takes plain
values that are bound as parameters, never formatted into SQL. Functions are cheap to call;
caching belongs to the caller (the app caches per warehouse version in ui/data.py).
"""

from __future__ import annotations

import polars as pl

from warehouse import catalogue as kpi_catalogue
from warehouse import kpi_sql
from warehouse.connection import FrameSource, reader

PROGRAM = "ALL"


def _reader(source: FrameSource | None) -> FrameSource:
    return source or reader()


def consortia(source: FrameSource | None = None) -> pl.DataFrame:
    """Consortia with their names, lead company, start date and how far their data reaches."""
    return _reader(source).frame(
        "select consortium_id, name_ko, name_en, lead_name_ko, lead_name_en, start_date, "
        "start_year, data_until_date, last_loaded_at from dim_consortium order by start_date, "
        "consortium_id")


def periods(source: FrameSource | None = None) -> list[str]:
    """Every quarter with data anywhere in the program, oldest first."""
    frame = _reader(source).frame(
        "select period from dim_consortium_period where consortium_id = ? order by period",
        [PROGRAM])
    return frame["period"].to_list()


def catalogue(source: FrameSource | None = None) -> pl.DataFrame:
    """The KPI catalogue as loaded into the warehouse, in display order."""
    return _reader(source).frame("select * from kpi_catalogue order by display_order")


def scorecard(period: str, consortium_ids: list[str] | None = None,
              source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI's value, target, projection and status in one quarter.

    `consortium_ids` limits the consortia shown; the program-wide row ('ALL') is always included.
    """
    wanted = [*(consortium_ids or []), PROGRAM]
    return _reader(source).frame(
        "select * from kpi_scorecard where period = ? "
        "and (? or list_contains(?, consortium_id)) "
        "order by display_order, consortium_id",
        [period, consortium_ids is None, wanted])


def trend(kpi_id: str, consortium_ids: list[str] | None = None,
          source: FrameSource | None = None) -> pl.DataFrame:
    """One KPI quarter by quarter (year-to-date values) for the chosen consortia and 'ALL'."""
    wanted = [*(consortium_ids or []), PROGRAM]
    return _reader(source).frame(
        "select kpi_id, consortium_id, period, calendar_year, quarter, program_year, value, "
        "numerator, denominator, target_value, projected_value, status from kpi_scorecard "
        "where kpi_id = ? and (? or list_contains(?, consortium_id)) "
        "order by consortium_id, period",
        [kpi_id, consortium_ids is None, wanted])


def program_year_scorecard(program_year: int, as_of: str,
                           consortium_ids: list[str] | None = None,
                           source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI of each consortium in its program year `program_year`, as of a quarter.

    Consortia start in different years, so a fair comparison sets each one's year N beside the
    others' year N: the row is its latest quarter in that program year up to `as_of` (the
    year-end quarter once the year is over). The program-wide row has no program year.
    """
    return _reader(source).frame(
        "select * exclude (recency) from ("
        "select *, row_number() over (partition by consortium_id, kpi_id "
        "order by period desc) as recency from kpi_scorecard "
        "where program_year = ? and period <= ? and consortium_id <> ? "
        "and (? or list_contains(?, consortium_id))"
        ") where recency = 1 order by display_order, consortium_id",
        [program_year, as_of, PROGRAM, consortium_ids is None, consortium_ids or []])


def consortium_projects(consortium_id: str, period: str,
                        source: FrameSource | None = None) -> pl.DataFrame:
    """The consortium's projects running in the year up to `period`, with their universities."""
    return _reader(source).frame(
        "with projects as (select * from fct_project_period where consortium_id = ? "
        "and period = ?), "
        "members as (select project_key, consortium_id, period, "
        "unnest(university_ids) as institution_id from projects), "
        "named as (select members.project_key, "
        "string_agg(universities.name_ko, ', ' order by universities.name_ko) as universities_ko, "
        "string_agg(universities.name_en, ', ' order by universities.name_en) as universities_en "
        "from members inner join fct_university_period as universities "
        "on universities.consortium_id = members.consortium_id "
        "and universities.period = members.period "
        "and universities.institution_id = members.institution_id "
        "group by members.project_key) "
        "select projects.project_number, projects.title, projects.start_date, "
        "projects.end_date, projects.university_count, projects.is_joint, "
        "named.universities_ko, named.universities_en "
        "from projects left join named on named.project_key = projects.project_key "
        "order by projects.start_date, projects.project_number",
        [consortium_id, period])


def consortium_universities(consortium_id: str, period: str,
                            source: FrameSource | None = None) -> pl.DataFrame:
    """Universities in the consortium's projects of the year up to `period`, with counts."""
    return _reader(source).frame(
        "select universities.institution_id, universities.name_ko, universities.name_en, "
        "universities.project_count, members.institution_id is not null as is_member "
        "from fct_university_period as universities "
        "left join dim_consortium_member as members "
        "on members.consortium_id = universities.consortium_id "
        "and members.institution_id = universities.institution_id "
        "where universities.consortium_id = ? and universities.period = ? "
        "order by universities.project_count desc, universities.name_ko",
        [consortium_id, period])


def consortium_history(consortium_id: str, source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter, for its page and year-on-year change."""
    return _reader(source).frame(
        "select * from kpi_scorecard where consortium_id = ? order by display_order, period",
        [consortium_id])


def schema_columns(source: FrameSource | None = None) -> pl.DataFrame:
    """Every table and view with its columns, types and descriptions, for the schema browser."""
    return _reader(source).frame(
        "with relations as ("
        " select table_name as relation_name, 'table' as relation_kind, comment "
        " from duckdb_tables() where schema_name = 'main' and database_name = current_database()"
        " union all"
        " select view_name, 'view', comment from duckdb_views() where schema_name = 'main' "
        " and database_name = current_database() and not internal) "
        "select relations.relation_name, relations.relation_kind, "
        "relations.comment as relation_description, columns.column_name, columns.data_type, "
        "columns.comment as column_description from relations "
        "inner join duckdb_columns() as columns on columns.table_name = relations.relation_name "
        "and columns.schema_name = 'main' and columns.database_name = current_database() "
        "order by case when relations.relation_name like 'kpi%' then 1 "
        "when relations.relation_name like 'raw%' then 4 "
        "when relations.relation_name like 'stg%' then 3 else 2 end, "
        "relations.relation_name, columns.column_index")


def load_history(source: FrameSource | None = None) -> pl.DataFrame:
    """Every successful load, newest first: who, when, which slice, counts and outcome."""
    return _reader(source).frame(
        "select load_id, consortium_id, period, submitted_by, loaded_by, loaded_at, "
        "rows_in, rows_accepted, rows_rejected, outcome from raw_load "
        "order by loaded_at desc, consortium_id, period")


def rejected_rows(load_id: str | None = None, source: FrameSource | None = None) -> pl.DataFrame:
    """Quarantined values with their reasons, for one load or all of them."""
    return _reader(source).frame(
        "select load_id, consortium_id, period, dataset, file_name, sheet, row_number, "
        "column_name, header, value_shown, reason_code, reason_en, reason_ko "
        "from raw_rejected_row where (? is null or load_id = ?) "
        "order by consortium_id, period, file_name, row_number, column_name",
        [load_id, load_id])


def publications_not_counted(consortium_id: str | None = None, period: str | None = None,
                             source: FrameSource | None = None) -> pl.DataFrame:
    """Papers loaded but not counted: their grant numbers are not the consortium's registered
    grants valid at their date. `period` limits them to papers sent in that quarter."""
    return _reader(source).frame(
        "select consortium_id, publication_ref, title, publication_year, "
        "array_to_string(acknowledged_projects, '; ') as grant_numbers_found, "
        "array_to_string(malformed_grant_numbers, '; ') as malformed_grant_numbers, "
        "not_counted_reason, first_reported_period from fct_publication_not_counted "
        "where (? is null or consortium_id = ?) and (? is null or exists ("
        "select 1 from raw_publication sent where sent.consortium_id = "
        "fct_publication_not_counted.consortium_id and sent.publication_ref = "
        "fct_publication_not_counted.publication_ref and sent.period = ?)) "
        "order by consortium_id, first_reported_period, title",
        [consortium_id, consortium_id, period, period])


def scorecard_until(period: str, source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI row of every consortium and the program up to and including one quarter."""
    return _reader(source).frame(
        "select * from kpi_scorecard where period <= ? "
        "order by display_order, consortium_id, period", [period])


def build_info(source: FrameSource | None = None) -> dict:
    """When the warehouse was built, from which SQL, and the newest load it holds."""
    frame = _reader(source).frame(
        "select build.code_fingerprint, build.built_at, "
        "(select max(last_loaded_at) from dim_consortium) as data_loaded_at "
        "from raw_build_info as build")
    return frame.row(0, named=True) if frame.height else {}


# Page breakdowns. The KPI cards come from the scorecard; these break the same marts down
# further (by stage, cohort, year, host or sector) and never define a KPI of their own. Every
# one reads the data as it stood at the chosen quarter's end.

AS_OF = ("as_of as (select period_end_date from dim_consortium_period "
         "where consortium_id = 'ALL' and period = ?)")
CHOSEN = "(? or list_contains(?, {alias}.consortium_id))"


def _chosen(consortium_ids: list[str] | None) -> list[object]:
    return [consortium_ids is None, consortium_ids or []]


def talent_pipeline(period: str, consortium_ids: list[str] | None = None,
                    source: FrameSource | None = None) -> pl.DataFrame:
    """Students from taking part to a degree to a known destination six months on.

    Counts everything since each consortium started up to the quarter's end, so a stage never
    holds more people than the one before it.
    """
    return _reader(source).frame(
        f"with {AS_OF}, "
        "students as (select p.* from fct_participation as p, as_of "
        f"where p.participation_start_date <= as_of.period_end_date and {CHOSEN.format(alias='p')}"
        "), outcomes as (select o.* from fct_graduate_outcome as o, as_of "
        "where o.months_after_graduation = 6 and o.survey_date <= as_of.period_end_date "
        f"and o.graduation_date <= as_of.period_end_date and {CHOSEN.format(alias='o')}), "
        "counted as ("
        "select 1 as stage_order, 'took_part' as stage, count(distinct student_key) as students "
        "from students union all "
        "select 2, 'graduated', count(distinct student_key) from students, as_of "
        "where status = 'graduated' and graduation_date <= as_of.period_end_date union all "
        "select 3, 'due_6m', count(distinct student_key) from outcomes union all "
        "select 4, 'known_6m', count(distinct student_key) filter (where is_known) "
        "from outcomes union all "
        "select 5, 'employed_or_studying_6m', "
        "count(distinct student_key) filter (where is_employed_or_studying) from outcomes) "
        "select stage, students from counted order by stage_order",
        [period, *_chosen(consortium_ids), *_chosen(consortium_ids)])


def talent_cohorts(period: str, consortium_ids: list[str] | None = None,
                   source: FrameSource | None = None) -> pl.DataFrame:
    """Students by the year they started taking part, and where each stood at the quarter's end.

    Continuing means still taking part or graduated, as in the continuation-rate KPI.
    """
    return _reader(source).frame(
        f"with {AS_OF}, classified as (select p.student_key, "
        "year(p.participation_start_date) as start_year, case "
        "when p.status = 'graduated' and p.graduation_date <= as_of.period_end_date "
        "then 'graduated' "
        "when coalesce(p.participation_end_date, date '9999-12-31') > as_of.period_end_date "
        "then 'active' else 'left' end as standing "
        "from fct_participation as p, as_of "
        f"where p.participation_start_date <= as_of.period_end_date and {CHOSEN.format(alias='p')}"
        "), counted as (select start_year, count(distinct student_key) as started, "
        "count(distinct student_key) filter (where standing = 'active') as active, "
        "count(distinct student_key) filter (where standing = 'graduated') as graduated, "
        "count(distinct student_key) filter (where standing = 'left') as left_program "
        "from classified group by start_year) "
        "select *, cast(100.0 * (active + graduated) / nullif(started, 0) as double) "
        "as continuing_pct from counted order by start_year",
        [period, *_chosen(consortium_ids)])


def publications_by_year(period: str, consortium_ids: list[str] | None = None,
                         source: FrameSource | None = None) -> pl.DataFrame:
    """Acknowledged papers by publication year up to the quarter's end, each paper counted once.

    A paper shared by chosen consortia counts once; it has a student first author when it has one
    for any of them. Shares are of `papers` (their n).
    """
    return _reader(source).frame(
        f"with {AS_OF}, per_paper as (select f.publication_id, "
        "any_value(f.publication_year) as publication_year, "
        "bool_or(f.is_top_venue) as is_top_venue, "
        "bool_or(f.has_student_first_author) as has_student_first_author, "
        "bool_or(f.has_industry_coauthor) as has_industry_coauthor, "
        "bool_or(coalesce(f.is_open_access, false)) as is_open_access "
        "from fct_publication_consortium as f, as_of "
        f"where f.publication_date <= as_of.period_end_date and {CHOSEN.format(alias='f')} "
        "group by f.publication_id), "
        "counted as (select publication_year, count(*) as papers, "
        "count(*) filter (where is_top_venue) as top_venue_papers, "
        "count(*) filter (where has_student_first_author) as student_first_author_papers, "
        "count(*) filter (where has_industry_coauthor) as industry_coauthored_papers, "
        "count(*) filter (where is_open_access) as open_access_papers "
        "from per_paper group by publication_year) "
        "select *, 100.0 * student_first_author_papers / papers as student_first_author_pct, "
        "100.0 * industry_coauthored_papers / papers as industry_coauthored_pct, "
        "100.0 * open_access_papers / papers as open_access_pct "
        "from counted order by publication_year",
        [period, *_chosen(consortium_ids)])


def dispatch_summary(period: str, consortium_ids: list[str] | None = None,
                     source: FrameSource | None = None) -> pl.DataFrame:
    """Company dispatches in the year so far per consortium and for the chosen ones ('ALL')."""
    return _reader(source).frame(
        "select coalesce(consortium_id, 'ALL') as consortium_id, "
        "count(distinct person_key) as people, "
        "count(distinct person_key) filter (where is_qualifying) as qualifying_people, "
        "sum(company_person_months) as person_months, "
        "count(distinct host_institution_id) as host_companies "
        "from fct_dispatch_period as d where d.is_company_host and d.period = ? "
        f"and {CHOSEN.format(alias='d')} "
        "group by grouping sets ((consortium_id), ()) having count(*) > 0 "
        "order by consortium_id = 'ALL', "
        "consortium_id",
        [period, *_chosen(consortium_ids)])


def dispatch_hosts(period: str, consortium_ids: list[str] | None = None,
                   source: FrameSource | None = None) -> pl.DataFrame:
    """Host companies in the year so far: people dispatched there and person-months."""
    return _reader(source).frame(
        "select host_institution_id, any_value(host_name_ko) as host_name_ko, "
        "any_value(host_name_en) as host_name_en, count(distinct person_key) as people, "
        "sum(company_person_months) as person_months "
        "from fct_dispatch_period as d where d.is_company_host and d.period = ? "
        f"and {CHOSEN.format(alias='d')} "
        "group by host_institution_id order by person_months desc, host_institution_id",
        [period, *_chosen(consortium_ids)])


def graduate_destinations(period: str, consortium_ids: list[str] | None = None,
                          source: FrameSource | None = None) -> pl.DataFrame:
    """Graduates by graduation year, survey point (+6, +12 months) and destination group.

    Only survey points reached by the quarter's end count; a graduate with no report there is
    'unknown', so each cohort's rows add up to its graduates due at that point.
    """
    return _reader(source).frame(
        f"with {AS_OF} select year(o.graduation_date) as graduation_year, "
        "o.months_after_graduation, o.destination_group, "
        "count(distinct o.consortium_id || '/' || o.student_key) as graduates "
        "from fct_graduate_outcome as o, as_of where o.survey_date <= as_of.period_end_date "
        f"and {CHOSEN.format(alias='o')} group by all "
        "order by graduation_year, months_after_graduation, destination_group",
        [period, *_chosen(consortium_ids)])


def freshness(period: str, consortium_ids: list[str] | None = None,
              source: FrameSource | None = None) -> pl.DataFrame:
    """Each consortium's latest quarter loaded and how many quarters it lags the chosen one.

    Consortia that have sent nothing yet are always listed (they cannot be chosen in the
    filter, and a missing submission is the first thing a data-quality view must show).
    """
    return _reader(source).frame(
        f"with {AS_OF}, loads as (select consortium_id, max(period) as last_period, "
        "count(*) as loads, arg_max(submitted_by, loaded_at) as last_submitted_by "
        "from stg_load group by consortium_id) "
        "select c.consortium_id, c.name_ko, c.name_en, loads.last_period, c.data_until_date, "
        "c.last_loaded_at, loads.last_submitted_by, coalesce(loads.loads, 0) as loads, "
        "case when c.data_until_date is not null then greatest(date_diff('quarter', "
        "c.data_until_date, as_of.period_end_date), 0) end as quarters_behind "
        "from dim_consortium as c cross join as_of "
        "left join loads on loads.consortium_id = c.consortium_id "
        f"where {CHOSEN.format(alias='c')} or c.data_until_date is null "
        "order by c.start_date, c.consortium_id",
        [period, *_chosen(consortium_ids)])


def column_labels(columns: list[str]) -> dict[str, tuple[str, str, str]]:
    """Column -> (Korean label, English label, English description) from the data dictionary.

    The Korean label is the dictionary's Korean name; the English label is the column name in
    words (the dictionary's English text is a sentence, shown as the column's tooltip).
    """
    from warehouse.dictionary import column_description

    labels = {}
    for column in columns:
        described = column_description("", column)
        english = _in_words(column)
        labels[column] = ((described.ko if described and described.ko else english), english,
                          described.en if described else "")
    return labels


def _in_words(column: str) -> str:
    words = column.split("_")
    suffix = {"id": "ID", "pct": "(%)", "krw": "(KRW)", "ids": "IDs"}
    text = " ".join(suffix.get(w, w) for w in words)
    return text[:1].upper() + text[1:]


# Industry collaboration: what the companies give (fct_support) and the path from joint
# projects to outputs, transfers and services (fct_publication_consortium, fct_patent,
# fct_artefact, fct_transfer), as the data stood at the chosen quarter's end.

def industry_support(period: str, consortium_ids: list[str] | None = None,
                     source: FrameSource | None = None) -> pl.DataFrame:
    """What each company gave each consortium, quarter by quarter up to `period`.

    Native units (GPU-hours, API tokens and calls, mentoring hours) beside the agreed KRW value
    split into in-kind and cash.
    """
    return _reader(source).frame(
        "select s.consortium_id, s.period, s.provider_institution_id, "
        "any_value(i.name_ko) as provider_name_ko, any_value(i.name_en) as provider_name_en, "
        "bool_or(s.is_lead_provider) as is_lead_provider, "
        "coalesce(sum(s.value_krw) filter (where s.value_basis = 'in_kind'), 0) "
        "as in_kind_krw, "
        "coalesce(sum(s.value_krw) filter (where s.value_basis = 'cash'), 0) as cash_krw, "
        "coalesce(sum(s.gpu_hours), 0) as gpu_hours, "
        "coalesce(sum(s.api_tokens), 0) as api_tokens, "
        "coalesce(sum(s.api_calls), 0) as api_calls, "
        "coalesce(sum(s.mentoring_hours), 0) as mentoring_hours, count(*) as records "
        "from fct_support as s "
        "left join stg_institution as i on i.institution_id = s.provider_institution_id "
        f"where s.period <= ? and {CHOSEN.format(alias='s')} "
        "group by s.consortium_id, s.period, s.provider_institution_id "
        "order by s.consortium_id, s.period, s.provider_institution_id",
        [period, *_chosen(consortium_ids)])


def industry_flow(period: str, consortium_ids: list[str] | None = None,
                  source: FrameSource | None = None) -> pl.DataFrame:
    """From joint projects to outputs to transfers and services, since the start, as links.

    Each row is one link (source stage, target stage, count). Outputs count once across the
    chosen consortia (a paper, patent or release by its program-wide id); a transfer of a
    patent flows from patents, any other transfer (software, know-how) from the projects.
    """
    return _reader(source).frame(
        f"with {AS_OF}, "
        "papers as (select distinct f.publication_id from fct_publication_consortium as f, "
        f"as_of where f.publication_date <= as_of.period_end_date and {CHOSEN.format(alias='f')}"
        "), patents as (select distinct p.patent_id from fct_patent as p, as_of "
        "where p.is_acknowledged and p.application_date <= as_of.period_end_date "
        f"and {CHOSEN.format(alias='p')}), "
        "releases as (select distinct a.artefact_id from fct_artefact as a, as_of "
        f"where a.release_date <= as_of.period_end_date and {CHOSEN.format(alias='a')}), "
        "transfers as (select t.consortium_id, t.contract_number, len(t.patent_ids) > 0 "
        "as is_patent_transfer, t.has_service from fct_transfer as t, as_of "
        f"where t.contract_date <= as_of.period_end_date and {CHOSEN.format(alias='t')}), "
        "links as ("
        "select 1 as link_order, 'projects' as source_stage, 'papers' as target_stage, "
        "count(*) as records from papers union all "
        "select 2, 'projects', 'patents', count(*) from patents union all "
        "select 3, 'projects', 'artefacts', count(*) from releases union all "
        "select 4, 'patents', 'transfers', count(*) filter (where is_patent_transfer) "
        "from transfers union all "
        "select 5, 'projects', 'transfers', count(*) filter (where not is_patent_transfer) "
        "from transfers union all "
        "select 6, 'transfers', 'services', count(*) filter (where has_service) "
        "from transfers) "
        "select source_stage, target_stage, records from links order by link_order",
        [period, *_chosen(consortium_ids), *_chosen(consortium_ids), *_chosen(consortium_ids),
         *_chosen(consortium_ids)])


INDUSTRY_RECORDS = {
    "patents": "select p.consortium_id, p.patent_id, p.office, p.application_number, "
               "p.application_date, p.registration_number, p.registration_date, p.title, "
               "p.inventor_count, p.student_inventor_count, p.is_acknowledged "
               "from fct_patent as p, as_of where p.application_date <= as_of.period_end_date "
               "and {chosen} order by p.application_date desc, p.patent_id",
    "transfers": "select t.consortium_id, t.contract_number, t.contract_date, t.recipient, "
                 "t.subject_type, t.subject, t.deal_type, t.fixed_fee_krw, "
                 "t.received_to_date_krw, t.service, t.patent_ids "
                 "from fct_transfer as t, as_of where t.contract_date <= as_of.period_end_date "
                 "and {chosen} order by t.contract_date desc, t.contract_number",
    "artefacts": "select a.consortium_id, a.artefact_type, a.name, a.url, a.licence, "
                 "a.release_date, a.downloads, a.stars, a.observed_date "
                 "from fct_artefact as a, as_of where a.release_date <= as_of.period_end_date "
                 "and {chosen} order by a.release_date desc, a.url",
    "support": "select s.consortium_id, s.period, s.support_type, s.provider_institution_id, "
               "s.resource, s.gpu_model, s.gpu_cards, s.quantity, s.unit, s.gpu_hours, "
               "s.beneficiary_count, s.value_krw, s.value_basis "
               "from fct_support as s, as_of where s.start_date <= as_of.period_end_date "
               "and {chosen} order by s.period desc, s.consortium_id, s.support_type",
}


def industry_records(kind: str, period: str, consortium_ids: list[str] | None = None,
                     source: FrameSource | None = None) -> pl.DataFrame:
    """The patents, transfers, releases or support records up to the quarter's end.

    None of these holds a person: inventors and beneficiaries appear only as counts.
    """
    if kind not in INDUSTRY_RECORDS:
        raise ValueError(f"unknown industry record kind {kind!r}")
    # each statement's mart is aliased by the kind's first letter (p, t, a, s)
    sql = INDUSTRY_RECORDS[kind].format(chosen=CHOSEN.format(alias=kind[0]))
    return _reader(source).frame(f"with {AS_OF} {sql}", [period, *_chosen(consortium_ids)])


def gpu_hours_by_model(period: str, consortium_ids: list[str] | None = None,
                       source: FrameSource | None = None) -> pl.DataFrame:
    """GPU-hours delivered in the year so far by GPU model, per consortium and 'ALL'.

    The breakdown comes from the KPI's own declaration (warehouse/kpi_sql.py, `by`), so it adds
    up to the gpu_hours_delivered card.
    """
    sql = kpi_sql.view_sql(kpi_catalogue.kpi("gpu_hours_delivered"), by="gpu_model")
    return _reader(source).frame(
        f"select consortium_id, gpu_model, value as gpu_hours from ({sql}) as b "
        f"where b.period = ? and b.gpu_model is not null and (b.consortium_id = 'ALL' or "
        f"{CHOSEN.format(alias='b')}) order by consortium_id, gpu_model",
        [period, *_chosen(consortium_ids)])
