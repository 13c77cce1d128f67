-- Working-day calendar: days that differ from the weekday rule. Outbox of e-mail to send.

create table platform_calendar_day (
    day        date primary key,
    -- HOLIDAY (國定假日), TYPHOON (颱風停班), MAKEUP_WORKDAY (補行上班)
    kind       varchar(20) not null,
    name       varchar(100) not null,
    updated_at timestamptz not null default now()
);

-- ROC government calendar for 2018 (民國107年, the FY107 plan year), as published by the DGPA
-- (行政院人事行政總處); other years are entered by administrators at /admin/calendar.
insert into platform_calendar_day (day, kind, name) values
  ('2018-01-01', 'HOLIDAY', '開國紀念日'),
  ('2018-02-15', 'HOLIDAY', '農曆除夕'),
  ('2018-02-16', 'HOLIDAY', '春節'),
  ('2018-02-19', 'HOLIDAY', '春節（補假）'),
  ('2018-02-20', 'HOLIDAY', '春節（補假）'),
  ('2018-02-28', 'HOLIDAY', '和平紀念日'),
  ('2018-03-31', 'MAKEUP_WORKDAY', '補行上班（4月6日彈性放假）'),
  ('2018-04-04', 'HOLIDAY', '兒童節'),
  ('2018-04-05', 'HOLIDAY', '民族掃墓節'),
  ('2018-04-06', 'HOLIDAY', '彈性放假'),
  ('2018-06-18', 'HOLIDAY', '端午節'),
  ('2018-09-24', 'HOLIDAY', '中秋節'),
  ('2018-10-10', 'HOLIDAY', '國慶日'),
  ('2018-12-22', 'MAKEUP_WORKDAY', '補行上班（12月31日彈性放假）'),
  ('2018-12-31', 'HOLIDAY', '彈性放假');

create table platform_outbox (
    id          bigserial primary key,
    created_at  timestamptz not null default now(),
    to_address  varchar(300) not null,
    subject     varchar(300) not null,
    body        text not null,
    entity_type varchar(60),
    entity_id   varchar(100),
    -- PENDING, SENT or FAILED (after the last attempt)
    status      varchar(10) not null default 'PENDING',
    attempts    int not null default 0,
    last_error  text,
    sent_at     timestamptz
);
create index platform_outbox_pending on platform_outbox (id) where status = 'PENDING';
