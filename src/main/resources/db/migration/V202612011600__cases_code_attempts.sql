-- Wrong verification codes per client (IP address) and per case, in a window opened by the first one (issue #10);
-- in the database so that every instance counts the same tries.
create table cases_code_attempt (
    kind         varchar(10) not null check (kind in ('CLIENT', 'CASE')),
    subject      varchar(64) not null,
    failures     int not null,
    window_start timestamptz not null,
    primary key (kind, subject)
);
create index cases_code_attempt_window on cases_code_attempt (window_start);
