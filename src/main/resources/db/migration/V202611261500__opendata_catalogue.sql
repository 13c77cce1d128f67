-- Open-data catalogue: datasets with data.gov.tw metadata, tags, groups, resources with their files,
-- version history, quality reports and download counts.

create table opendata_group (
    id          bigserial primary key,
    name        varchar(100) not null unique,
    title       varchar(200) not null,
    title_en    varchar(200),
    description text,
    demo        boolean not null default false
);

create table opendata_dataset (
    id                 bigserial primary key,
    uuid               uuid not null unique default gen_random_uuid(),
    name               varchar(100) not null unique,
    title              varchar(300) not null,
    notes              text,
    category           varchar(100),
    fields_desc        text,
    agency_id          bigint not null,
    contact_name       varchar(100),
    contact_email      varchar(200),
    contact_phone      varchar(50),
    update_frequency   varchar(20) not null default 'irregular',
    license            varchar(100) not null default 'gov-tw-1.0',
    charge             varchar(100) not null default '免費',
    state              varchar(20) not null default 'draft' check (state in ('draft', 'published', 'withdrawn', 'deleted')),
    private            boolean not null default false,
    field_schema       jsonb,
    extras             jsonb not null default '{}'::jsonb,
    first_published_at timestamptz,
    published_at       timestamptz,
    withdrawn_at       timestamptz,
    created_at         timestamptz not null default now(),
    modified_at        timestamptz not null default now(),
    data_updated_at    timestamptz,
    quality_level      varchar(10),
    quality_checked_at timestamptz,
    download_count     bigint not null default 0,
    version            int not null default 1,
    demo               boolean not null default false
);
create index opendata_dataset_first_pub on opendata_dataset (first_published_at, agency_id);
create index opendata_dataset_modified on opendata_dataset (modified_at);
create index opendata_dataset_agency on opendata_dataset (agency_id);

create table opendata_dataset_tag (
    dataset_id bigint not null references opendata_dataset (id) on delete cascade,
    tag        varchar(100) not null,
    primary key (dataset_id, tag)
);

create table opendata_dataset_group (
    dataset_id bigint not null references opendata_dataset (id) on delete cascade,
    group_id   bigint not null references opendata_group (id) on delete cascade,
    primary key (dataset_id, group_id)
);

-- Every metadata change and every lifecycle step leaves a full snapshot here.
create table opendata_dataset_version (
    id          bigserial primary key,
    dataset_id  bigint not null references opendata_dataset (id) on delete cascade,
    version     int not null,
    state       varchar(20) not null,
    change      varchar(40) not null,
    snapshot    jsonb not null,
    changed_by  varchar(100),
    changed_at  timestamptz not null default now(),
    unique (dataset_id, version)
);

create table opendata_resource (
    id                 uuid primary key default gen_random_uuid(),
    dataset_id         bigint not null references opendata_dataset (id) on delete cascade,
    name               varchar(300) not null,
    description        text,
    kind               varchar(10) not null check (kind in ('upload', 'url')),
    url                text,
    format             varchar(20),
    encoding           varchar(30),
    size_bytes         bigint,
    sha256             varchar(64),
    position           int not null default 0,
    created_at         timestamptz not null default now(),
    modified_at        timestamptz not null default now(),
    quality_level      varchar(10),
    quality_report     jsonb,
    harvest_status     varchar(20),
    harvest_message    text,
    harvested_at       timestamptz,
    harvest_etag       text,
    download_count     bigint not null default 0,
    demo               boolean not null default false
);
create index opendata_resource_dataset on opendata_resource (dataset_id, position);

-- File versions of a resource; the newest good one is what is served. Content is in the database
-- (content) or in the configured folder (path).
create table opendata_resource_file (
    id            bigserial primary key,
    resource_id   uuid not null references opendata_resource (id) on delete cascade,
    version       int not null,
    file_name     varchar(300),
    size_bytes    bigint not null,
    sha256        varchar(64) not null,
    encoding      varchar(30),
    source_encoding varchar(30),
    content       bytea,
    path          text,
    created_at    timestamptz not null default now(),
    created_by    varchar(100),
    origin        varchar(20) not null default 'upload',
    unique (resource_id, version)
);

-- Downloads per dataset and day, for the counts shown on pages and in the API.
create table opendata_download (
    dataset_id  bigint not null references opendata_dataset (id) on delete cascade,
    day         date not null,
    count       bigint not null default 0,
    primary key (dataset_id, day)
);
