-- Data exchange: the city's data standards (field dictionaries, versioned), exchange datasets declared
-- against a standard, their rows, consumers with API keys, per-dataset grants with quotas, and metered usage.

create table exchange_standard (
    id          bigserial primary key,
    code        varchar(60) not null,
    version     int not null,
    name        varchar(200) not null,
    description text,
    -- DRAFT while fields are edited; PUBLISHED versions never change
    status      varchar(10) not null default 'DRAFT',
    created_at  timestamptz not null default now(),
    published_at timestamptz,
    demo        boolean not null default false,
    unique (code, version)
);

create table exchange_standard_field (
    id          bigserial primary key,
    standard_id bigint not null references exchange_standard (id) on delete cascade,
    seq         int not null,
    name        varchar(60) not null,
    label       varchar(200) not null,
    -- STRING, INTEGER, DECIMAL, DATE, BOOLEAN, CODE
    type        varchar(10) not null,
    unit        varchar(30),
    required    boolean not null default false,
    -- allowed values of a CODE field, as a JSON array of strings
    code_list   jsonb,
    unique (standard_id, name)
);

create table exchange_dataset (
    id              bigserial primary key,
    code            varchar(80) not null unique,
    name            varchar(200) not null,
    description     text,
    owner_agency_id bigint not null,
    standard_id     bigint not null references exchange_standard (id),
    -- DRAFT or PUBLISHED
    status          varchar(10) not null default 'DRAFT',
    published_at    timestamptz,
    row_count       int not null default 0,
    updated_at      timestamptz not null default now(),
    demo            boolean not null default false
);

create table exchange_row (
    dataset_id bigint not null references exchange_dataset (id) on delete cascade,
    row_no     int not null,
    data       jsonb not null,
    primary key (dataset_id, row_no)
);
create index exchange_row_data on exchange_row using gin (data jsonb_path_ops);

create table exchange_consumer (
    id          bigserial primary key,
    name        varchar(200) not null,
    -- the consuming agency, or null for a registered outside party
    agency_id   bigint,
    contact     varchar(200),
    created_at  timestamptz not null default now(),
    demo        boolean not null default false
);

create table exchange_key (
    id          bigserial primary key,
    consumer_id bigint not null references exchange_consumer (id) on delete cascade,
    key_hash    char(64) not null unique,
    prefix      varchar(12) not null,
    created_at  timestamptz not null default now(),
    revoked     boolean not null default false
);

create table exchange_grant (
    id          bigserial primary key,
    consumer_id bigint not null references exchange_consumer (id) on delete cascade,
    dataset_id  bigint not null references exchange_dataset (id) on delete cascade,
    daily_quota int not null check (daily_quota > 0),
    granted_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    unique (consumer_id, dataset_id)
);

create table exchange_usage (
    key_id     bigint not null references exchange_key (id) on delete cascade,
    dataset_id bigint not null references exchange_dataset (id) on delete cascade,
    day        date not null,
    requests   int not null default 0,
    rows_served bigint not null default 0,
    primary key (key_id, dataset_id, day)
);
