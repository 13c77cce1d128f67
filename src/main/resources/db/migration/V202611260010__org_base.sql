-- Organisation: agencies (a tree with codes), districts and villages (geometry loaded from the
-- bundled MOI boundaries at start-up), user accounts and personal API tokens.

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

-- A realistic Taichung City organisation (2018): the city, its first-level agencies and 29 district offices.
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('TC', '臺中市政府', 'Taichung City Government', 'CITY', null, 0);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('SEC', '臺中市政府秘書處', 'Taichung City Secretariat', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 1);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('CIVIL', '臺中市政府民政局', 'Taichung City Civil Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 2);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('FIN', '臺中市政府財政局', 'Taichung City Finance Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 3);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('EDU', '臺中市政府教育局', 'Taichung City Education Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 4);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('ECON', '臺中市政府經濟發展局', 'Taichung City Economic Development Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 5);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('CONST', '臺中市政府建設局', 'Taichung City Construction Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 6);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('TRANS', '臺中市政府交通局', 'Taichung City Transportation Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 7);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('URBAN', '臺中市政府都市發展局', 'Taichung City Urban Development Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 8);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('AGRI', '臺中市政府農業局', 'Taichung City Agriculture Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 9);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('TOUR', '臺中市政府觀光旅遊局', 'Taichung City Tourism and Travel Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 10);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('SOCIAL', '臺中市政府社會局', 'Taichung City Social Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 11);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('LABOR', '臺中市政府勞工局', 'Taichung City Labor Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 12);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('POLICE', '臺中市政府警察局', 'Taichung City Police Department', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 13);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('HEALTH', '臺中市政府衛生局', 'Taichung City Public Health Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 14);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('EPB', '臺中市政府環境保護局', 'Taichung City Environmental Protection Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 15);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('CULT', '臺中市政府文化局', 'Taichung City Cultural Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 16);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('TAX', '臺中市政府地方稅務局', 'Taichung City Local Tax Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 17);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('INFO', '臺中市政府新聞局', 'Taichung City Information Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 18);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('LEGAL', '臺中市政府法制局', 'Taichung City Legal Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 19);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('FIRE', '臺中市政府消防局', 'Taichung City Fire Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 20);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('WATER', '臺中市政府水利局', 'Taichung City Water Resources Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 21);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('SPORT', '臺中市政府運動局', 'Taichung City Sports Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 22);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('LAND', '臺中市政府地政局', 'Taichung City Land Administration Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 23);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('YOUTH', '臺中市政府青年事務局', 'Taichung City Youth Affairs Bureau', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 24);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('ABOR', '臺中市政府原住民族事務委員會', 'Taichung City Indigenous Affairs Commission', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 25);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('HAKKA', '臺中市政府客家事務委員會', 'Taichung City Hakka Affairs Commission', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 26);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('PERS', '臺中市政府人事處', 'Taichung City Personnel Department', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 27);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('BUDGET', '臺中市政府主計處', 'Taichung City Budget, Accounting and Statistics Department', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 28);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('ETHICS', '臺中市政府政風處', 'Taichung City Civil Service Ethics Department', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 29);
insert into org_agency (code, name, name_en, kind, parent_id, sort) values ('RDEC', '臺中市政府研究發展考核委員會', 'Taichung City Research, Development and Evaluation Commission', 'FIRST_LEVEL', (select id from org_agency where code = 'TC'), 30);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000010', '臺中市中區公所', 'Central District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000010', 101);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000020', '臺中市東區公所', 'East District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000020', 102);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000030', '臺中市南區公所', 'South District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000030', 103);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000040', '臺中市西區公所', 'West District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000040', 104);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000050', '臺中市北區公所', 'North District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000050', 105);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000060', '臺中市西屯區公所', 'Xitun District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000060', 106);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000070', '臺中市南屯區公所', 'Nantun District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000070', 107);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000080', '臺中市北屯區公所', 'Beitun District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000080', 108);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000090', '臺中市豐原區公所', 'Fengyuan District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000090', 109);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000100', '臺中市東勢區公所', 'Dongshi District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000100', 110);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000110', '臺中市大甲區公所', 'Dajia District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000110', 111);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000120', '臺中市清水區公所', 'Qingshui District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000120', 112);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000130', '臺中市沙鹿區公所', 'Shalu District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000130', 113);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000140', '臺中市梧棲區公所', 'Wuqi District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000140', 114);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000150', '臺中市后里區公所', 'Houli District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000150', 115);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000160', '臺中市神岡區公所', 'Shengang District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000160', 116);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000170', '臺中市潭子區公所', 'Tanzi District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000170', 117);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000180', '臺中市大雅區公所', 'Daya District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000180', 118);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000190', '臺中市新社區公所', 'Xinshe District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000190', 119);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000200', '臺中市石岡區公所', 'Shigang District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000200', 120);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000210', '臺中市外埔區公所', 'Waipu District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000210', 121);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000220', '臺中市大安區公所', 'Da''an District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000220', 122);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000230', '臺中市烏日區公所', 'Wuri District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000230', 123);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000240', '臺中市大肚區公所', 'Dadu District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000240', 124);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000250', '臺中市龍井區公所', 'Longjing District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000250', 125);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000260', '臺中市霧峰區公所', 'Wufeng District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000260', 126);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000270', '臺中市太平區公所', 'Taiping District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000270', 127);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000280', '臺中市大里區公所', 'Dali District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000280', 128);
insert into org_agency (code, name, name_en, kind, parent_id, district_code, sort) values ('D66000290', '臺中市和平區公所', 'Heping District Office', 'DISTRICT_OFFICE', (select id from org_agency where code = 'CIVIL'), '66000290', 129);
