-- Organisation: agencies (a tree with codes), districts and villages (geometry loaded from the
-- bundled MOI boundaries at start-up), user accounts and personal API tokens. The agencies are the
-- jurisdiction's seed (jurisdictions/<code>/agencies.csv, or generated), loaded at the first start.

create table org_agency (
    id          bigserial primary key,
    code        varchar(30) not null unique,
    name        varchar(100) not null,
    name_en     varchar(150),
    -- CITY (the city government), FIRST_LEVEL (一級機關), DISTRICT_OFFICE (區公所), UNIT (subordinate body)
    kind        varchar(20) not null,
    parent_id   bigint references org_agency (id),
    district_code varchar(20),
    phone       varchar(40),
    active      boolean not null default true,
    sort        int not null default 0
);
create index org_agency_parent on org_agency (parent_id);

create table org_district (
    code       varchar(20) primary key,
    name       varchar(40) not null,
    name_en    varchar(80),
    county     varchar(40) not null,
    -- polygon as WKB (EPSG:4326, lon/lat) and its bounding box for quick filtering
    geom       bytea,
    min_lon    double precision, min_lat double precision, max_lon double precision, max_lat double precision
);

create table org_village (
    code          varchar(20) primary key,
    district_code varchar(20) not null references org_district (code),
    name          varchar(40) not null,
    name_en       varchar(80),
    geom          bytea,
    min_lon       double precision, min_lat double precision, max_lon double precision, max_lat double precision
);
create index org_village_district on org_village (district_code);

create table org_user (
    id            bigserial primary key,
    username      varchar(100) not null unique,
    display_name  varchar(100) not null,
    email         varchar(200),
    password_hash varchar(200),
    agency_id     bigint references org_agency (id),
    roles         varchar(200) not null,
    enabled       boolean not null default true,
    -- accounts created by the demo seeder; the prod profile refuses to start while any exist
    demo          boolean not null default false,
    created_at    timestamptz not null default now()
);

create table org_api_token (
    id           bigserial primary key,
    user_id      bigint not null references org_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64) not null unique,
    prefix       varchar(12) not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked      boolean not null default false
);
