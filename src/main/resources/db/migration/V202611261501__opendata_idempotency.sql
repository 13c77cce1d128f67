-- Idempotency-Key of CKAN package_create: a retried request with the same key (same user) gets the dataset the
-- first one created instead of a second dataset or a name clash.
create table opendata_idempotency (
    username    varchar(100) not null,
    key         varchar(200) not null,
    dataset_id  bigint not null references opendata_dataset (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (username, key)
);
