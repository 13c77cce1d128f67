-- The annual plan (施政計畫): goals, indicators, programs, and manual indicator values.

create table plan_plan (
    id          bigserial primary key,
    year        int not null unique,
    title       varchar(200) not null,
    vision      text,
    aims        text,
    updated_at  timestamptz not null default now()
);

create table plan_goal (
    id       bigserial primary key,
    plan_id  bigint not null references plan_plan (id) on delete cascade,
    code     varchar(10) not null,
    name     varchar(200) not null,
    name_en  varchar(300),
    weight   numeric(6, 2) not null check (weight >= 0),
    sort     int not null default 0,
    unique (plan_id, code)
);

create table plan_indicator (
    id              bigserial primary key,
    plan_id         bigint not null references plan_plan (id) on delete cascade,
    goal_id         bigint not null references plan_goal (id) on delete cascade,
    code            varchar(10) not null,
    name            varchar(300) not null,
    name_en         varchar(300),
    measure         varchar(500) not null,
    unit            varchar(20) not null,
    -- HIGHER or LOWER is better
    direction       varchar(10) not null default 'HIGHER',
    -- SUM: months add up; RATIO: a rate (year to date); LEVEL: a cumulative stock at period end
    aggregation     varchar(10) not null,
    weight          numeric(6, 2) not null check (weight >= 0),
    target          numeric(18, 4) not null check (target >= 0),
    owner_agency_id bigint,
    -- MANUAL or METRIC:<name>
    source          varchar(80) not null default 'MANUAL',
    sort            int not null default 0,
    unique (plan_id, code)
);

create table plan_program (
    id              bigserial primary key,
    plan_id         bigint not null references plan_plan (id) on delete cascade,
    seq             int not null,
    name            varchar(300) not null,
    budget_thousand numeric(14, 0) not null check (budget_thousand >= 0),
    note            varchar(500),
    unique (plan_id, seq)
);

create table plan_program_item (
    id         bigserial primary key,
    program_id bigint not null references plan_program (id) on delete cascade,
    seq        int not null,
    content    text not null
);

create table plan_manual_value (
    id                bigserial primary key,
    indicator_id      bigint not null references plan_indicator (id) on delete cascade,
    period_month      date not null,
    value             numeric(18, 4) not null,
    evidence_note     text,
    attachment_name   varchar(200),
    attachment_type   varchar(100),
    attachment        bytea,
    -- PENDING, APPROVED or REJECTED
    status            varchar(10) not null default 'PENDING',
    agency_id         bigint,
    submitted_by      bigint,
    submitted_by_name varchar(100) not null,
    submitted_at      timestamptz not null default now(),
    reviewed_by_name  varchar(100),
    reviewed_at       timestamptz,
    review_note       text,
    demo              boolean not null default false,
    unique (indicator_id, period_month)
);
create index plan_manual_value_status on plan_manual_value (status);
