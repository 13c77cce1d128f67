-- Training certificates: one per attended registration, with a verification code anyone can check on a public page.
create table servicequality_certificate (
    id              bigserial primary key,
    registration_id bigint not null unique references servicequality_registration (id),
    code            varchar(32) not null unique,
    issued_at       timestamptz not null,
    issued_by       varchar(100) not null,
    revoked_at      timestamptz,
    revoked_by      varchar(100),
    revoke_reason   varchar(500),
    demo            boolean not null default false
);
