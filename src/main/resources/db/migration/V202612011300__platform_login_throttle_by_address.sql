-- Sign-in throttling counts failures per (account, client address) pair, per client address and per account, so that
-- an attacker locks their own address rather than their victim's account (docs/decisions/0004-sign-in-throttling.md).
-- The old per-account counters are short-lived state: they are dropped, not converted.
drop table platform_login_throttle;

create table platform_login_throttle (
    -- PAIR (account and address), ADDRESS or ACCOUNT
    scope        varchar(10)  not null,
    -- the account name in lower case, the client address, or both as 'name|address'
    subject      varchar(300) not null,
    failures     int          not null,
    -- failures before the start of the current window no longer count
    window_start timestamptz  not null,
    locked_until timestamptz,
    primary key (scope, subject)
);
create index platform_login_throttle_window on platform_login_throttle (window_start);
