-- Every file taken into a resource (upload, replacement), from its start: RUNNING, then APPLIED, REJECTED,
-- FAILED or INTERRUPTED (the process died while the file was being checked or stored).
create table opendata_upload (
    id           bigserial primary key,
    dataset_id   bigint not null references opendata_dataset (id) on delete cascade,
    resource_id  uuid,
    file_name    varchar(300),
    status       varchar(12) not null check (status in ('RUNNING', 'APPLIED', 'REJECTED', 'INTERRUPTED', 'FAILED')),
    size_bytes   bigint,
    sha256       varchar(64),
    version      int,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    uploaded_by  varchar(100)
);
create index opendata_upload_dataset on opendata_upload (dataset_id, id);
create index opendata_upload_running on opendata_upload (id) where status = 'RUNNING';
