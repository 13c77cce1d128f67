-- Edits of a controlled project after creation: who changed which fields from what to what, and why;
-- budget revisions (追加減預算) with the month they take effect; staged imports shown before they are applied.

create table projects_change (
    id          bigserial primary key,
    project_id  bigint not null references projects_project (id) on delete cascade,
    changed_by  varchar(100) not null,
    changed_at  timestamptz not null default now(),
    reason      text not null,
    source      varchar(10) not null   -- FORM, API, IMPORT
);
create index projects_change_project on projects_change (project_id, changed_at);

create table projects_change_field (
    change_id   bigint not null references projects_change (id) on delete cascade,
    sort        int not null,
    field       varchar(40) not null,
    old_value   text,
    new_value   text,
    primary key (change_id, sort)
);

-- The budget in force in a month is new_total of the latest change from that month or earlier,
-- or old_total of the first change before any (the budget at creation).
create table projects_budget_change (
    id          bigserial primary key,
    project_id  bigint not null references projects_project (id) on delete cascade,
    change_id   bigint not null references projects_change (id) on delete cascade,
    from_month  date not null,
    old_total   numeric(14,0) not null,
    new_total   numeric(14,0) not null,
    old_annual  numeric(14,0) not null,
    new_annual  numeric(14,0) not null
);
create index projects_budget_change_project on projects_budget_change (project_id, from_month);

-- An uploaded import kept between its preview and its application (once).
create table projects_import_stage (
    id          bigserial primary key,
    token       varchar(40) not null unique,
    filename    varchar(300) not null,
    bytes       bytea not null,
    created_by  varchar(100) not null,
    created_at  timestamptz not null default now(),
    applied_at  timestamptz
);
