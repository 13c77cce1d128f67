-- 1999 call-detail records, their imports, and hourly/daily roll-ups for service-level queries.
create table callcenter_import (
    id             bigserial primary key,
    file_name      varchar(255) not null,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    imported_by    varchar(100),
    status         varchar(12) not null check (status in ('APPLIED', 'REJECTED')),
    rows_read      int not null default 0,
    rows_added     int not null default 0,
    rows_duplicate int not null default 0,
    rows_bad       int not null default 0,
    first_call     timestamptz,
    last_call      timestamptz,
    errors         jsonb,
    demo           boolean not null default false
);

create table callcenter_call (
    call_id         varchar(64) collate "C" primary key,
    queue           varchar(40) not null,
    language        varchar(20) not null,
    offered_at      timestamptz not null,
    answered_at     timestamptz,
    abandoned_at    timestamptz,
    -- seconds from offer to answer or abandonment, kept so roll-ups need no timestamp arithmetic
    wait_seconds    int not null check (wait_seconds >= 0),
    handled_seconds int check (handled_seconds >= 0),
    agent           varchar(40),
    survey_score    smallint check (survey_score between 1 and 5),
    -- the import that brought the record (no foreign key: a per-row check would halve the import speed)
    import_id       bigint,
    demo            boolean not null default false,
    check ((answered_at is null) <> (abandoned_at is null))
);
-- Records arrive roughly in time order, so a BRIN index finds a day's calls at a fraction of a B-tree's upkeep.
create index callcenter_call_offered on callcenter_call using brin (offered_at) with (pages_per_range = 32);

-- Counts per Taipei clock hour, queue and language, under the thresholds recorded in callcenter_rollup_rule.
create table callcenter_hourly (
    hour              timestamp not null,
    day               date not null,
    queue             varchar(40) not null,
    language          varchar(20) not null,
    offered           int not null,
    short_abandoned   int not null,
    abandoned         int not null,
    answered          int not null,
    answered_in_sl    int not null,
    wait_answered_sum bigint not null,
    handled_sum       bigint not null,
    survey_answers    int not null,
    survey_satisfied  int not null,
    primary key (hour, queue, language)
);
create index callcenter_hourly_day on callcenter_hourly (day);

create table callcenter_daily (
    day               date not null,
    queue             varchar(40) not null,
    language          varchar(20) not null,
    offered           int not null,
    short_abandoned   int not null,
    abandoned         int not null,
    answered          int not null,
    answered_in_sl    int not null,
    wait_answered_sum bigint not null,
    handled_sum       bigint not null,
    survey_answers    int not null,
    survey_satisfied  int not null,
    primary key (day, queue, language)
);

-- The thresholds the roll-ups were computed with; a change of configuration rebuilds them at start.
create table callcenter_rollup_rule (
    id                    int primary key check (id = 1),
    answer_seconds        int not null,
    short_abandon_seconds int not null,
    satisfied_min_score   int not null
);
