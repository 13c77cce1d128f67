-- Which metric was bound by default to which indicator code, so that a default binding is applied once
-- and a later choice of RDEC staff is kept.
create table plan_metric_binding (
    metric_name    varchar(60) not null,
    indicator_code varchar(10) not null,
    applied_at     timestamptz not null default now(),
    primary key (metric_name, indicator_code)
);
