-- Official-document timeliness (公文時效) and quality inspection (公文品質檢核).

-- One document as the document management system knows it, with the deadline we computed for it.
create table documents_document (
    id               bigserial primary key,
    doc_no           varchar(40) not null unique,
    agency_id        bigint not null references org_agency (id),
    unit             varchar(60) not null,
    -- INCOMING (收文), OUTGOING (發文/創稿), PETITION (人民陳情), APPLICATION (人民申請)
    doc_type         varchar(12) not null,
    -- MOST_URGENT (最速件), URGENT (速件), ORDINARY (普通件): as registered
    priority         varchar(12) not null,
    subject          varchar(300),
    received_on      date not null,
    set_deadline     date,
    closed_on        date,
    -- extensions granted (at most three, 30 days in total by default); the log is documents_extension
    extension_count  int not null default 0,
    extension_days   int not null default 0,
    -- 專案管制: work of 30 days or more, outside the ordinary on-time count
    project_control  boolean not null default false,
    -- how the deadline was reached: SET (the document's own), PRIORITY (working days of its class),
    -- LATE_SET (received after its own deadline, counted as 普通件)
    deadline_rule    varchar(10) not null,
    base_deadline    date not null,
    deadline         date not null,
    -- null while open; closed_on <= deadline otherwise
    on_time          boolean,
    -- why it was late: MULTI_UNIT, COMPLEX, STAFFING, AWAITING_PARTY, SYSTEM, OTHER
    overdue_reason   varchar(20),
    import_id        bigint,
    demo             boolean not null default false,
    updated_at       timestamptz not null default now(),
    constraint documents_closed_after_received check (closed_on is null or closed_on >= received_on),
    constraint documents_extension_days check (extension_days >= 0 and extension_count >= 0)
);
create index documents_document_closed on documents_document (closed_on, agency_id);
create index documents_document_late on documents_document (closed_on) where on_time = false;
create index documents_document_open on documents_document (deadline) where closed_on is null;

-- Every extension granted, in order: the log behind extension_count / extension_days.
create table documents_extension (
    id           bigserial primary key,
    document_id  bigint not null references documents_document (id) on delete cascade,
    seq          int not null,
    days         int not null check (days > 0),
    reason       varchar(300),
    -- IMPORT (came with the record) or MANUAL (granted here)
    source       varchar(10) not null,
    granted_by   varchar(100),
    created_at   timestamptz not null default now(),
    unique (document_id, seq)
);

-- Closed documents per agency and day (ordinary count only): the cheap source of rates, reports and the metric.
create table documents_closed_day (
    agency_id  bigint not null,
    closed_on  date not null,
    closed     int not null,
    on_time    int not null,
    primary key (closed_on, agency_id)
);

create table documents_import (
    id          bigserial primary key,
    -- CSV, ODS or API
    source      varchar(10) not null,
    file_name   varchar(200),
    rows_read   int not null,
    inserted    int not null,
    updated     int not null,
    unchanged   int not null,
    username    varchar(100),
    agency_id   bigint,
    millis      bigint not null,
    created_at  timestamptz not null default now()
);

-- 公文品質檢核: a visit of the inspection team to an agency.
create table documents_inspection (
    id           bigserial primary key,
    agency_id    bigint not null references org_agency (id),
    visit_on     date not null,
    inspectors   varchar(300) not null,
    note         varchar(1000),
    created_by   varchar(100),
    demo         boolean not null default false,
    created_at   timestamptz not null default now()
);
create index documents_inspection_agency on documents_inspection (agency_id, visit_on);

-- A sampled document and its scores against the checklist (each category 0..max points).
create table documents_inspection_sample (
    id                   bigserial primary key,
    inspection_id        bigint not null references documents_inspection (id) on delete cascade,
    document_id          bigint not null references documents_document (id),
    format_score         int,
    wording_score        int,
    timeliness_score     int,
    classification_score int,
    note                 varchar(500),
    unique (inspection_id, document_id)
);

-- A finding against the checklist and the improvement it asks for, tracked to closure.
create table documents_finding (
    id            bigserial primary key,
    inspection_id bigint not null references documents_inspection (id) on delete cascade,
    sample_id     bigint references documents_inspection_sample (id) on delete set null,
    -- FORMAT, WORDING, TIMELINESS, CLASSIFICATION
    category      varchar(20) not null,
    description   varchar(1000) not null,
    due_on        date not null,
    -- OPEN, RESPONDED, CLOSED
    status        varchar(10) not null default 'OPEN',
    response      varchar(1000),
    responded_by  varchar(100),
    responded_at  timestamptz,
    closed_by     varchar(100),
    closed_at     timestamptz,
    demo          boolean not null default false
);
create index documents_finding_inspection on documents_finding (inspection_id);
