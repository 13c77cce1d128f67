-- Cases: one model for every channel (1999 phone, mailbox, letter, counter, e-mail, Open311) and type.

-- Deadline rules per case type, editable by RDEC; the defaults follow the city's petition rules.
create table cases_type (
    code            varchar(20) primary key,
    name            varchar(40) not null,
    name_en         varchar(80) not null,
    reply_days      int not null check (reply_days >= 0),
    -- true: day 1 is the next working day after receipt (petitions); false: the day of receipt counts
    from_next_day   boolean not null default true,
    reassign_days   int not null default 1 check (reassign_days >= 0),
    sort            int not null default 0
);
insert into cases_type (code, name, name_en, reply_days, from_next_day, reassign_days, sort) values
  ('ENQUIRY',      '諮詢（當場答復）', 'Enquiry answered at first contact', 0, true, 1, 1),
  ('TRANSFER',     '轉接',           'Call transfer', 1, true, 1, 2),
  ('NOTIFICATION', '通報',           'Notification', 3, true, 1, 3),
  ('REPORT',       '市容查報',       'City-appearance report', 6, true, 1, 4),
  ('PETITION',     '陳情',           'Petition', 6, true, 1, 5);

-- Categories: what a case is about, who is competent, and the Open311 service it is published as.
create table cases_category (
    code            varchar(30) primary key,
    name            varchar(60) not null,
    name_en         varchar(100) not null,
    description     varchar(500) not null,
    grp             varchar(40) not null,
    keywords        varchar(200) not null default '',
    -- the competent agency; by_district: the district office of the point's district instead
    agency_code     varchar(30) not null,
    by_district     boolean not null default false,
    needs_location  boolean not null default true,
    -- Open311 service-definition attributes (array of {code, datatype, required, description, order, values})
    attributes      jsonb not null default '[]',
    active          boolean not null default true,
    sort            int not null default 0
);
insert into cases_category (code, name, name_en, description, grp, keywords, agency_code, by_district, needs_location, attributes, sort) values
  ('STREETLIGHT', '路燈故障', 'Street light out', '路燈不亮、閃爍或白天亮 / street light out, flickering or on by day', '道路 Roads', '路燈,燈桿,不亮', 'CONST', false, true,
   '[{"code":"light_state","datatype":"singlevaluelist","required":true,"description":"路燈狀況 / state of the light","order":1,"values":[{"key":"off","name":"不亮 / off"},{"key":"flicker","name":"閃爍 / flickering"},{"key":"day","name":"白天亮 / on by day"}]},{"code":"pole_no","datatype":"string","required":false,"description":"燈桿編號 / pole number","order":2}]', 1),
  ('POTHOLE', '道路坑洞', 'Pothole', '路面坑洞、破損或人孔高低差 / potholes, broken surface', '道路 Roads', '坑洞,路面,柏油', 'CONST', false, true,
   '[{"code":"size","datatype":"singlevaluelist","required":false,"description":"坑洞大小 / size","order":1,"values":[{"key":"small","name":"小於30公分 / under 30 cm"},{"key":"medium","name":"30至100公分 / 30-100 cm"},{"key":"large","name":"大於100公分 / over 100 cm"}]}]', 2),
  ('PARKING', '違規停車', 'Illegal parking', '違規停車、占用道路 / illegal parking', '交通 Traffic', '停車,違停,占用', 'POLICE', false, true,
   '[{"code":"vehicle","datatype":"singlevaluelist","required":false,"description":"車種 / vehicle","order":1,"values":[{"key":"car","name":"汽車 / car"},{"key":"scooter","name":"機車 / scooter"},{"key":"truck","name":"大貨車 / truck"}]}]', 3),
  ('SIGNAL', '號誌故障', 'Traffic signal fault', '交通號誌故障或秒數異常 / traffic signal out or mistimed', '交通 Traffic', '紅綠燈,號誌', 'TRANS', false, true, '[]', 4),
  ('NOISE', '噪音', 'Noise', '工廠、營業場所或工地噪音 / noise from factories, shops, building sites', '環境 Environment', '噪音,吵', 'EPB', false, true,
   '[{"code":"source","datatype":"singlevaluelist","required":false,"description":"噪音來源 / source","order":1,"values":[{"key":"site","name":"工地 / building site"},{"key":"shop","name":"營業場所 / shop"},{"key":"factory","name":"工廠 / factory"},{"key":"other","name":"其他 / other"}]}]', 5),
  ('LITTER', '環境髒亂', 'Litter and dirty areas', '垃圾、髒亂、廢棄物 / litter, dumping, dirty public areas', '環境 Environment', '垃圾,髒亂,廢棄物', 'EPB', false, true, '[]', 6),
  ('DRAIN', '水溝堵塞', 'Blocked drain', '側溝堵塞、積水 / blocked gutters and standing water', '水利 Water', '水溝,積水,側溝', 'WATER', false, true, '[]', 7),
  ('TREE', '路樹倒塌', 'Fallen tree', '路樹倒塌或枝葉妨礙通行 / fallen or overgrown street trees', '道路 Roads', '路樹,樹枝', 'CONST', false, true, '[]', 8),
  ('NEIGHBOURHOOD', '里鄰環境', 'Neighbourhood upkeep', '里內公共設施、巷道維護 / upkeep of lanes and village facilities', '區里 Districts', '巷道,里,公園', 'CIVIL', true, true, '[]', 9),
  ('WELFARE', '社會福利', 'Social welfare', '福利補助、長照、弱勢協助 / benefits, long-term care, help', '生活 Living', '補助,長照,福利', 'SOCIAL', false, false, '[]', 10),
  ('OTHER', '其他', 'Other', '其他市政意見 / anything else about the city', '其他 Other', '', 'RDEC', false, false, '[]', 11);

-- A citizen's identity and contact, stored once and referenced by their cases.
create table cases_citizen (
    id          bigserial primary key,
    name        varchar(100),
    id_number   varchar(20),
    phone       varchar(30),
    email       varchar(200),
    address     varchar(300),
    created_at  timestamptz not null default now(),
    demo        boolean not null default false
);
create index cases_citizen_phone on cases_citizen (phone);

-- Public Open311 clients and their keys (stored hashed).
create table cases_api_key (
    id          bigserial primary key,
    name        varchar(100) not null,
    key_hash    char(64) not null unique,
    active      boolean not null default true,
    demo        boolean not null default false,
    created_at  timestamptz not null default now()
);

create table cases_case (
    id               bigserial primary key,
    case_no          varchar(20) not null unique,
    verify_code      varchar(10) not null,
    type             varchar(20) not null references cases_type (code),
    channel          varchar(20) not null check (channel in ('PHONE','MAILBOX','LETTER','COUNTER','EMAIL','OPEN311')),
    category_code    varchar(30) not null references cases_category (code),
    description      varchar(4000) not null,
    lon              double precision,
    lat              double precision,
    address          varchar(300),
    district_code    varchar(20),
    district_name    varchar(40),
    village_code     varchar(20),
    village_name     varchar(40),
    citizen_id       bigint references cases_citizen (id),
    reply_by         varchar(20) not null default 'NONE',
    agency_id        bigint not null,
    status           varchar(10) not null check (status in ('OPEN','CLOSED')),
    received_at      timestamptz not null,
    received_on      date not null,
    due_on           date not null,
    extended_due_on  date,
    extension_reason varchar(500),
    escalated_at     timestamptz,
    closed_at        timestamptz,
    reply            varchar(4000),
    closing_category varchar(20),
    rating           smallint check (rating between 1 and 5),
    rated_at         timestamptz,
    reopen_count     int not null default 0,
    related_case_id  bigint references cases_case (id),
    token            varchar(40) unique,
    attributes       jsonb not null default '{}',
    media_url        varchar(500),
    api_key_id       bigint references cases_api_key (id),
    updated_at       timestamptz not null,
    demo             boolean not null default false
);
create index cases_case_received on cases_case (received_at desc, id desc);
create index cases_case_open_due on cases_case (status, due_on) where status = 'OPEN';
create index cases_case_agency on cases_case (agency_id, status, received_at desc);
create index cases_case_category on cases_case (category_code, received_at desc);
create index cases_case_citizen on cases_case (citizen_id);

-- Every hop of a case: intake, dispatch, hand back / on, extension, escalation, closing, rating, reopening.
create table cases_hop (
    id              bigserial primary key,
    case_id         bigint not null references cases_case (id),
    at              timestamptz not null,
    kind            varchar(20) not null,
    from_agency_id  bigint,
    to_agency_id    bigint,
    reason          varchar(1000),
    username        varchar(100),
    demo            boolean not null default false
);
create index cases_hop_case on cases_hop (case_id, at);

-- A retried Open311 submission with the same Idempotency-Key returns the request it created first.
create table cases_idempotency (
    api_key_id  bigint not null references cases_api_key (id),
    idem_key    varchar(200) not null,
    case_id     bigint not null references cases_case (id),
    created_at  timestamptz not null default now(),
    primary key (api_key_id, idem_key)
);

-- Photos of city-appearance reports.
create table cases_photo (
    id            bigserial primary key,
    case_id       bigint not null references cases_case (id),
    content_type  varchar(50) not null,
    bytes         bytea not null,
    created_at    timestamptz not null default now()
);
create index cases_photo_case on cases_photo (case_id);

-- The knowledge base of the 1999 agents: answers kept by the agencies.
create table cases_faq (
    id          bigserial primary key,
    agency_id   bigint not null,
    question    varchar(300) not null,
    answer      varchar(4000) not null,
    keywords    varchar(300) not null default '',
    updated_at  timestamptz not null,
    updated_by  varchar(100),
    demo        boolean not null default false
);

-- Where overdue cases of an agency are escalated; agencies without a row use the configured pattern.
create table cases_supervisor (
    agency_id   bigint primary key,
    email       varchar(200) not null
);

-- Open311 GET requests lists public city reports newest first.
create index cases_case_public on cases_case (received_at desc, id desc) where type = 'REPORT';
