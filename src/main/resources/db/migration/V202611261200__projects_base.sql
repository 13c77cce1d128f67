-- Controlled projects (列管案件), their planned S-curves, monthly progress reports, warning lights,
-- review meetings with resolutions, and site verification.

create table projects_project (
    id              bigserial primary key,
    code            varchar(40)  not null unique,
    name            varchar(300) not null,
    agency_id       bigint       not null,
    control_level   varchar(20)  not null,   -- EXECUTIVE_YUAN 院列管, MINISTRY 部會列管, CITY 府列管, SELF 自行列管
    category        varchar(20)  not null,   -- CONSTRUCTION, ROAD_SAFETY, OTHER
    lon             double precision,
    lat             double precision,
    line_wkt        text,                    -- a road or pipe as LINESTRING(lon lat, ...), optional
    district_code   varchar(20),
    district_name   varchar(40),
    start_date      date         not null,
    planned_end     date         not null,
    due_date        date         not null,   -- planned_end, or the latest approved revised end
    total_budget    numeric(14,0) not null,  -- thousand NTD
    annual_budget   numeric(14,0) not null,  -- thousand NTD, this year's allocation
    contact_email   varchar(200),
    status          varchar(10)  not null default 'ACTIVE',  -- ACTIVE, CLOSED
    closed_on       date,
    light           varchar(10)  not null default 'NONE',    -- GREEN, YELLOW, RED, NONE (no report yet)
    light_reasons   text,
    planned_pct     numeric(5,2),
    actual_pct      numeric(5,2),
    spending        numeric(14,0),
    allocation      numeric(14,0),
    last_month      date,
    demo            boolean      not null default false,
    created_at      timestamptz  not null default now()
);
create index projects_project_due on projects_project (due_date, agency_id);
create index projects_project_agency on projects_project (agency_id, light);
create index projects_project_span on projects_project (start_date, closed_on);

create table projects_plan_month (
    project_id  bigint not null references projects_project (id) on delete cascade,
    month       date   not null,
    planned_pct numeric(5,2) not null,
    allocation  numeric(14,0) not null,      -- cumulative allocation to this month, thousand NTD
    primary key (project_id, month)
);

create table projects_milestone (
    id           bigserial primary key,
    project_id   bigint not null references projects_project (id) on delete cascade,
    name         varchar(200) not null,
    planned_date date not null,
    reached_date date,
    sort         int not null default 0
);
create index projects_milestone_project on projects_milestone (project_id);

create table projects_revision (
    id          bigserial primary key,
    project_id  bigint not null references projects_project (id) on delete cascade,
    old_end     date not null,
    new_end     date not null,
    reason      text not null,
    approved_by varchar(100) not null,
    approved_at timestamptz not null default now()
);

create table projects_report (
    id              bigserial primary key,
    project_id      bigint not null references projects_project (id) on delete cascade,
    month           date   not null,
    actual_pct      numeric(5,2) not null,
    spending        numeric(14,0) not null,   -- cumulative, thousand NTD
    narrative       text,
    problems        text,
    help_needed     text,
    correction_note text,
    status          varchar(10) not null,     -- SUBMITTED, ACCEPTED, RETURNED
    submitted_by    varchar(100) not null,
    submitted_at    timestamptz not null,
    reviewed_by     varchar(100),
    reviewed_at     timestamptz,
    review_note     text,
    demo            boolean not null default false,
    unique (project_id, month)
);
create index projects_report_status on projects_report (status, submitted_at);

create table projects_report_photo (
    id           bigserial primary key,
    report_id    bigint not null references projects_report (id) on delete cascade,
    name         varchar(200) not null,
    content_type varchar(100),
    bytes        bytea not null
);
create index projects_report_photo_report on projects_report_photo (report_id);

create table projects_light_change (
    id          bigserial primary key,
    project_id  bigint not null references projects_project (id) on delete cascade,
    at          timestamptz not null,
    old_light   varchar(10) not null,
    new_light   varchar(10) not null,
    reasons     text
);
create index projects_light_change_project on projects_light_change (project_id, at);

create table projects_meeting (
    id           bigserial primary key,
    title        varchar(200) not null,
    meeting_date date not null,
    chair        varchar(100) not null,
    status       varchar(10) not null default 'PLANNED',   -- PLANNED, HELD
    minutes      text,
    created_by   varchar(100) not null,
    created_at   timestamptz not null default now(),
    demo         boolean not null default false
);

create table projects_agenda_item (
    id          bigserial primary key,
    meeting_id  bigint not null references projects_meeting (id) on delete cascade,
    project_id  bigint not null references projects_project (id),
    reason      varchar(20) not null,   -- RED, YELLOW, CHAIR, OVERDUE_RESOLUTION
    sort        int not null,
    unique (meeting_id, project_id)
);

create table projects_resolution (
    id          bigserial primary key,
    meeting_id  bigint not null references projects_meeting (id) on delete cascade,
    project_id  bigint references projects_project (id),
    text        text not null,
    agency_id   bigint not null,
    due_date    date not null,
    status      varchar(12) not null default 'OPEN',   -- OPEN, IN_PROGRESS, DONE, CLOSED
    reply       text,
    created_at  timestamptz not null default now(),
    closed_at   timestamptz,
    closed_by   varchar(100),
    demo        boolean not null default false
);
create index projects_resolution_open on projects_resolution (status, due_date);

create table projects_site_visit (
    id           bigserial primary key,
    project_id   bigint not null references projects_project (id),
    planned_date date not null,
    selected_by  varchar(20) not null,   -- RULE or HAND
    status       varchar(12) not null default 'PLANNED',   -- PLANNED, DONE, PUBLISHED
    score        int,
    findings     text,
    visited_on   date,
    created_at   timestamptz not null default now(),
    demo         boolean not null default false
);

create table projects_visit_member (
    visit_id     bigint not null references projects_site_visit (id) on delete cascade,
    username     varchar(100) not null,
    no_conflict  boolean,
    declaration  text,
    declared_at  timestamptz,
    primary key (visit_id, username)
);

create table projects_improvement (
    id          bigserial primary key,
    visit_id    bigint not null references projects_site_visit (id) on delete cascade,
    text        text not null,
    status      varchar(10) not null default 'OPEN',   -- OPEN, REPLIED, CLOSED
    reply       text,
    replied_at  timestamptz,
    closed_at   timestamptz
);

create table projects_visit_photo (
    id           bigserial primary key,
    visit_id     bigint not null references projects_site_visit (id) on delete cascade,
    name         varchar(200) not null,
    content_type varchar(100),
    bytes        bytea not null
);
