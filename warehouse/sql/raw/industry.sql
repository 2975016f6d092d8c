-- Raw tables of what the companies give and what the research becomes: industry support,
-- patents, technology transfers and open artefacts. Same rules as schema.sql: one row per
-- accepted submitted row, sliced by (consortium_id, period); people only as keyed hashes.

create table if not exists raw_support (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    support_type varchar not null,
    provider_institution_id varchar not null,
    start_date date not null,
    end_date date,
    resource varchar not null,
    gpu_model varchar,
    gpu_cards bigint,
    quantity double not null,
    unit varchar not null,
    licence varchar,
    beneficiary_count bigint,
    beneficiaries_key varchar[],
    value_krw double,
    value_basis varchar,
    project_number varchar
);

create table if not exists raw_patent (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    office varchar not null,
    application_number varchar not null,
    application_date date not null,
    registration_number varchar,
    registration_date date,
    title varchar not null,
    applicant_ids varchar[] not null,
    inventors_key varchar[] not null,
    inventor_numbers_key varchar[],
    acknowledged_projects varchar[] not null,
    ipc_codes varchar[]
);

create table if not exists raw_transfer (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    contract_number varchar not null,
    contract_date date not null,
    recipient varchar not null,
    recipient_business_number varchar not null,
    recipient_size varchar,
    is_foreign_recipient boolean,
    subject_type varchar not null,
    subject varchar not null,
    patent_numbers varchar[],
    deal_type varchar not null,
    fixed_fee_krw double,
    running_royalty varchar,
    received_krw double,
    service varchar,
    project_number varchar
);

create table if not exists raw_artefact (
    consortium_id varchar not null,
    period varchar not null,
    load_id varchar not null,
    source_file varchar not null,
    source_row bigint not null,
    artefact_type varchar not null,
    name varchar not null,
    url varchar not null,
    licence varchar,
    release_date date not null,
    project_number varchar,
    downloads bigint,
    stars bigint,
    observed_date date
);
