-- Service quality: phone-answering tests (rubrics, monthly rounds, scored calls, improvement notices),
-- monthly phone statistics from the telephone system, service training, and service-award coaching.

-- A scoring rubric per year; its items' points must add up to its total (checked by the application).
create table servicequality_rubric (
    id         bigserial primary key,
    year       int not null unique,
    total      int not null,
    pass_mark  int not null default 80,
    updated_at timestamptz not null default now()
);

create table servicequality_rubric_item (
    id         bigserial primary key,
    rubric_id  bigint not null references servicequality_rubric (id) on delete cascade,
    code       varchar(30) not null,
    name       varchar(100) not null,
    name_en    varchar(150),
    max_points int not null check (max_points > 0),
    sort       int not null default 0,
    unique (rubric_id, code)
);

-- The numbers testers call: an agency's unit and its public phone line.
create table servicequality_line (
    id            bigserial primary key,
    agency_id     bigint not null,
    unit_name     varchar(100) not null,
    phone         varchar(40) not null,
    contact_email varchar(200),
    active        boolean not null default true,
    demo          boolean not null default false
);
create index servicequality_line_agency on servicequality_line (agency_id);

-- A monthly test plan (round).
create table servicequality_round (
    id         bigserial primary key,
    year       int not null,
    month      int not null check (month between 1 and 12),
    title      varchar(200) not null,
    created_by varchar(100),
    created_at timestamptz not null default now(),
    demo       boolean not null default false,
    unique (year, month)
);

-- One test call: planned on a working day, scored by a tester. total is null until scored.
create table servicequality_call (
    id           bigserial primary key,
    round_id     bigint not null references servicequality_round (id),
    line_id      bigint not null references servicequality_line (id),
    agency_id    bigint not null,
    scheduled_on date not null,
    retest_of    bigint references servicequality_call (id),
    tester       varchar(100),
    called_at    timestamptz,
    -- the day of the call in Asia/Taipei, by which pass rates are counted
    called_on    date,
    answerer     varchar(100),
    total        int,
    passed       boolean,
    note         varchar(1000),
    demo         boolean not null default false
);
create index servicequality_call_round on servicequality_call (round_id);
create index servicequality_call_scored on servicequality_call (called_on, agency_id) include (passed) where total is not null;

create table servicequality_call_score (
    call_id bigint not null references servicequality_call (id) on delete cascade,
    item_id bigint not null references servicequality_rubric_item (id),
    points  int not null,
    primary key (call_id, item_id)
);

-- Improvement notices: from a failed test call (PHONE_TEST) or from phone statistics below the city's line (PHONE_STATS).
create table servicequality_notice (
    id             bigserial primary key,
    kind           varchar(20) not null,
    agency_id      bigint not null,
    call_id        bigint unique references servicequality_call (id),
    year           int not null,
    month          int not null,
    detail         varchar(1000) not null,
    raised_at      timestamptz not null default now(),
    -- OPEN (waiting for the agency), ANSWERED (agency replied), CLOSED (retest scheduled or accepted)
    status         varchar(12) not null default 'OPEN',
    answer         varchar(2000),
    answered_by    varchar(100),
    answered_at    timestamptz,
    retest_call_id bigint references servicequality_call (id),
    demo           boolean not null default false
);
create index servicequality_notice_agency on servicequality_notice (agency_id, status);

-- Monthly phone statistics per agency or district office, imported from the telephone system.
create table servicequality_phone_stat (
    id          bigserial primary key,
    year        int not null,
    month       int not null check (month between 1 and 12),
    agency_id   bigint not null,
    incoming    int not null check (incoming >= 0),
    answered    int not null check (answered >= 0),
    busy        int not null check (busy >= 0),
    unanswered  int not null check (unanswered >= 0),
    imported_at timestamptz not null default now(),
    demo        boolean not null default false,
    unique (year, month, agency_id)
);

-- Service training.
create table servicequality_course (
    id       bigserial primary key,
    code     varchar(30) not null unique,
    name     varchar(100) not null,
    name_en  varchar(150),
    category varchar(30) not null,
    hours    numeric(4, 1) not null,
    demo     boolean not null default false
);

create table servicequality_session (
    id        bigserial primary key,
    course_id bigint not null references servicequality_course (id),
    starts_at timestamptz not null,
    place     varchar(200) not null,
    capacity  int not null check (capacity > 0),
    demo      boolean not null default false
);
create index servicequality_session_start on servicequality_session (starts_at);

create table servicequality_registration (
    id            bigserial primary key,
    session_id    bigint not null references servicequality_session (id),
    agency_id     bigint not null,
    person_name   varchar(100) not null,
    email         varchar(200),
    token         varchar(40) not null unique,
    registered_at timestamptz not null default now(),
    attended_at   timestamptz,
    checked_in_by varchar(100),
    demo          boolean not null default false,
    unique (session_id, agency_id, person_name)
);
create index servicequality_registration_session on servicequality_registration (session_id) include (agency_id) where attended_at is not null;

-- Government Service Award (政府服務獎) coaching.
create table servicequality_award_candidate (
    id        bigserial primary key,
    year      int not null,
    category  varchar(30) not null,
    agency_id bigint not null,
    coach     varchar(100),
    -- COACHING, SUBMITTED, AWARDED, NOT_AWARDED
    status    varchar(15) not null default 'COACHING',
    result    varchar(1000),
    demo      boolean not null default false,
    unique (year, category, agency_id)
);

create table servicequality_award_visit (
    id           bigserial primary key,
    candidate_id bigint not null references servicequality_award_candidate (id),
    -- COACHING (輔導訪視) or BENCHMARK (標竿學習)
    kind         varchar(12) not null,
    visited_on   date not null,
    host         varchar(200),
    notes        varchar(4000) not null,
    recorded_by  varchar(100),
    demo         boolean not null default false
);

create table servicequality_award_assessment (
    candidate_id bigint not null references servicequality_award_candidate (id),
    dimension    varchar(30) not null,
    score        int not null check (score between 0 and 100),
    note         varchar(2000),
    primary key (candidate_id, dimension)
);

-- The default 100-point rubric, for 2018 (FY107); other years copy the latest rubric when first used.
insert into servicequality_rubric (year, total, pass_mark) values (2018, 100, 80);
insert into servicequality_rubric_item (rubric_id, code, name, name_en, max_points, sort)
select r.id, v.code, v.name, v.name_en, v.pts, v.sort from servicequality_rubric r, (values
  ('SPEED', '接聽速度（響鈴三聲內）', 'Answer speed (within three rings)', 15, 1),
  ('GREETING', '問候語及報明單位', 'Greeting and naming the unit', 15, 2),
  ('ATTITUDE', '態度與語氣', 'Attitude and tone', 25, 3),
  ('CORRECTNESS', '答復內容正確', 'Correctness of the answer', 25, 4),
  ('TRANSFER', '轉接處理', 'Transfer handling', 10, 5),
  ('CLOSING', '結束禮貌用語', 'Closing', 10, 6)) as v(code, name, name_en, pts, sort)
where r.year = 2018;
