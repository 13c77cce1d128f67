-- An import's row is committed as RUNNING before its work; a crash leaves it to be marked INTERRUPTED.
alter table callcenter_import drop constraint callcenter_import_status_check;
alter table callcenter_import add constraint callcenter_import_status_check
    check (status in ('RUNNING', 'APPLIED', 'REJECTED', 'INTERRUPTED', 'FAILED'));
create index callcenter_import_running on callcenter_import (id) where status = 'RUNNING';
