-- One reminder of each kind per project and report month, whichever instance runs the job and however often.
create table projects_reminder (
    project_id bigint not null references projects_project (id) on delete cascade,
    month      date not null,
    kind       varchar(10) not null,   -- BEFORE (ahead of the due day), LATE (after it)
    sent_at    timestamptz not null default now(),
    primary key (project_id, month, kind)
);
