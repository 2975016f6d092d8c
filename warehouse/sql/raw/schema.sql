-- Raw tables: what the ETL loads, one row per accepted submitted row, never edited in place.
-- Every submitted table carries its slice (consortium_id, period) and where the row came from;
-- a resubmission of a slice deletes and re-inserts that slice only. Personal identifiers arrive
-- here only as keyed hashes (*_key columns).

create table if not exists raw_consortium (
    consortium_id varchar primary key,
    name_ko varchar not null,
    name_en varchar not null,
    lead_institution_id varchar not null,
    start_date date not null,
    source varchar
);

create table if not exists raw_grant (
    consortium_id varchar not null,
    grant_number varchar not null,
    scheme varchar not null,
    role varchar not null,
    valid_from date,
    valid_to date,
    aliases varchar[],
    source varchar not null,
    primary key (consortium_id, grant_number)
);

create table if not exists raw_institution (
    institution_id varchar primary key,
    ror_id varchar,
    institution_type varchar not null,
    name_ko varchar not null,
    name_en varchar not null,
    aliases varchar[],
    city varchar,
    source varchar
);

create table if not exists raw_consortium_member (
    consortium_id varchar not null,
    institution_id varchar not null,
    member_role varchar not null,
    research_domain varchar,
    primary key (consortium_id, institution_id)
);

create table if not exists raw_top_venue (
    venue_list_version varchar not null,
    venue_id varchar not null,
    venue_name varchar not null,
    aliases varchar[],
    field varchar,
    primary key (venue_list_version, venue_id)
);

create table if not exists raw_ai_industry_ksic (
    ksic_list_version varchar not null,
    ksic_code varchar not null,
    name_ko varchar not null,
    name_en varchar not null,
    source varchar,
    primary key (ksic_list_version, ksic_code)
);

create table if not exists raw_reference_version (
    fingerprint varchar not null,
    loaded_at timestamp not null
);

create table if not exists raw_build_info (
    code_fingerprint varchar not null,
    built_at timestamp not null
);

create table if not exists raw_kpi_catalogue (
    kpi_id varchar primary key,
    domain varchar not null,
    name_ko varchar not null,
    name_en varchar not null,
    definition_ko varchar not null,
    definition_en varchar not null,
    unit varchar not null,
    direction varchar not null,
    accumulation varchar not null,
    default_target double,
    target_from_program_year integer,
    at_risk_share double not null,
    display_order integer not null
);

create table if not exists raw_load (
    load_id varchar primary key,
    consortium_id varchar not null,
    period varchar not null,
    submitted_by varchar not null,
    loaded_by varchar not null,
    loaded_at timestamp not null,
    fingerprint varchar not null,
    rows_in integer not null,
    rows_accepted integer not null,
    rows_rejected integer not null,
    outcome varchar not null
);

create table if not exists raw_load_file (
    load_id varchar not null,
    file_name varchar not null,
    file_sha256 varchar not null,
    rows_in integer not null,
    rows_accepted integer not null,
    rows_rejected integer not null
);

create table if not exists raw_rejected_row (
    load_id varchar not null,
    consortium_id varchar not null,
    period varchar not null,
    dataset varchar not null,
    file_name varchar not null,
    sheet varchar,
    row_number bigint not null,
    column_name varchar not null,
    header varchar,
    value_shown varchar,
    reason_code varchar not null,
    reason_en varchar not null,
    reason_ko varchar not null
);

create table if not exists raw_student (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    researcher_number_key varchar not null,
    name_en_key varchar,
    orcid_key varchar,
    institution_id varchar not null,
    degree_program varchar not null,
    enrolment_date date not null,
    participation_start date not null,
    participation_end date,
    status varchar not null,
    graduation_date date,
    degree_awarded varchar
);

create table if not exists raw_publication (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    publication_ref varchar not null,
    title varchar not null,
    title_key varchar not null,
    year integer not null,
    month integer,
    venue varchar not null,
    doi varchar,
    arxiv_id varchar,
    authors_key varchar[] not null,
    first_author_key varchar,
    affiliations varchar[] not null,
    affiliation_ids varchar[] not null,
    is_open_access boolean,
    acknowledged_projects varchar[] not null
);

create table if not exists raw_dispatch (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    researcher_number_key varchar not null,
    host_institution_id varchar not null,
    start_date date not null,
    end_date date
);

create table if not exists raw_destination (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    researcher_number_key varchar not null,
    months_after_graduation integer not null,
    destination_status varchar not null,
    organisation varchar,
    ksic_code varchar
);

create table if not exists raw_project (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    project_number varchar not null,
    title varchar not null,
    start_date date not null,
    end_date date,
    institution_ids varchar[] not null
);

create table if not exists raw_target (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    kpi_id varchar not null,
    program_year integer not null,
    target_value double not null
);

-- Columns added after the first release: warehouse files built earlier gain them on the next
-- load or refresh (older rows keep nulls there until their slice is sent again).
alter table raw_destination add column if not exists organisation_id varchar;
alter table raw_kpi_catalogue add column if not exists numerator varchar;
alter table raw_kpi_catalogue add column if not exists numerator_ko varchar;
alter table raw_kpi_catalogue add column if not exists denominator varchar;
alter table raw_kpi_catalogue add column if not exists denominator_ko varchar;
alter table raw_kpi_catalogue add column if not exists source varchar;
alter table raw_publication add column if not exists grant_shares_pct double[];
alter table raw_publication add column if not exists malformed_grant_numbers varchar[];
alter table raw_publication add column if not exists grant_count integer;
alter table raw_project add column if not exists grant_scheme varchar;
-- The consortia's grant numbers moved to the grant register (raw_grant).
alter table raw_consortium drop column if exists grant_number;
