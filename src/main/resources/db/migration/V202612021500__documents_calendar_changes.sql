-- Each change of the working-day calendar that the documents followed (their open deadlines computed again), once:
-- a change heard again finds its row and does nothing more.
create table documents_calendar_change (
    change_id   uuid primary key,
    days        date[] not null,
    changed_at  timestamptz not null,
    examined    bigint,
    changed     int,
    followed_at timestamptz not null default now()
);
