-- Door-plate address points (門牌地址, the national address data) that place a case given by address only.
-- Road, lane, alley and number are kept normalised (臺 for 台, half-width digits, 之 for a hyphen), so that a
-- match is an equality; section 0 is a road without 段, '' a number without 巷 or 弄. See docs/address-points.md.

create table cases_address_import (
    id           bigserial primary key,
    status       varchar(20) not null,
    file_name    varchar(300),
    username     varchar(100),
    replace_all  boolean not null default false,
    rows_read    int not null default 0,
    inserted     int not null default 0,
    updated      int not null default 0,
    unchanged    int not null default 0,
    removed      int not null default 0,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz,
    demo         boolean not null default false
);

create table cases_address_point (
    id             bigserial primary key,
    district_code  varchar(20) not null,
    district_name  varchar(40) not null,
    village_name   varchar(40),
    road           varchar(80) not null,
    section        int not null default 0 check (section >= 0),
    lane           varchar(20) not null default '',
    alley          varchar(20) not null default '',
    number         varchar(20) not null,
    lon            double precision not null,
    lat            double precision not null,
    import_id      bigint references cases_address_import (id),
    demo           boolean not null default false,
    unique (district_code, road, section, lane, alley, number)
);
-- an address written without its district is looked up across districts
create index cases_address_point_road on cases_address_point (road, section, lane, alley, number);
