-- Every import and push is on record from its start: RUNNING, then APPLIED, REJECTED, FAILED or INTERRUPTED.
alter table documents_import add column status varchar(12) not null default 'APPLIED'
    check (status in ('RUNNING', 'APPLIED', 'REJECTED', 'INTERRUPTED', 'FAILED'));
alter table documents_import add column finished_at timestamptz;
alter table documents_import alter column rows_read set default 0;
alter table documents_import alter column inserted set default 0;
alter table documents_import alter column updated set default 0;
alter table documents_import alter column unchanged set default 0;
alter table documents_import alter column millis set default 0;
update documents_import set finished_at = created_at;
create index documents_import_running on documents_import (id) where status = 'RUNNING';
