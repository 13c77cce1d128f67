-- Audit-log integrity (docs/decisions/0005-audit-hash-chain.md): a scheduled sealer gives each committed entry the
-- next chain position and hash = SHA-256(previous hash || the entry's content), so that a changed or deleted entry
-- breaks the chain. Entries are written as before and sealed within seconds.
alter table platform_audit_log add column chain_seq bigint;
alter table platform_audit_log add column chain_hash bytea;
create unique index platform_audit_log_chain on platform_audit_log (chain_seq);
create index platform_audit_log_unsealed on platform_audit_log (id) where chain_seq is null;

-- The chain's head as last sealed: deleting the newest entries leaves the head pointing past the end.
create table platform_audit_chain_head (
    one       boolean primary key default true check (one),
    position  bigint      not null,
    hash      bytea       not null,
    sealed_at timestamptz not null
);
