-- Replies by letter: each printed letter with its document number, who printed it and when (recorded as sent).
create table cases_letter (
    id        bigserial primary key,
    case_id   bigint not null references cases_case (id),
    letter_no varchar(60) not null,
    format    varchar(5) not null check (format in ('PDF', 'ODT')),
    sent_by   varchar(100) not null,
    sent_at   timestamptz not null
);
create index cases_letter_case on cases_letter (case_id);

-- Replies by phone: who called, when, the number called and what came of it.
create table cases_phone_reply (
    id        bigserial primary key,
    case_id   bigint not null references cases_case (id),
    called_at timestamptz not null,
    called_by varchar(100) not null,
    phone     varchar(30) not null,
    outcome   varchar(20) not null check (outcome in ('REACHED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'WRONG_NUMBER', 'REFUSED')),
    note      varchar(500),
    recorded_at timestamptz not null
);
create index cases_phone_reply_case on cases_phone_reply (case_id);
