-- RDEC keeps case types and categories on a page: a retired category is no longer offered for new cases,
-- but its cases keep it (they still show and count under it), so it is switched off, never deleted.
alter table cases_category add column retired_at timestamptz;
alter table cases_category add column retired_by varchar(100);
