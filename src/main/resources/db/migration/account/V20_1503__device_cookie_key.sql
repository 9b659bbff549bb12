-- The key that signs the browsers' known-device cookies (org.anju.account.KnownDevices): one row, made by the first
-- node that needs it. Not in app_setting, whose changes the audit trail copies in full; not audited; and its row is
-- left out of backups (org.anju.cli.PgArchives): a restored database makes a new key, and each browser signs in once
-- more as a new device. Whoever holds the key can make device ids at will, which is why a name's devices also share
-- one count of failures (LoginThrottle).
create table device_cookie_key (
    id         smallint    primary key check (id = 1),
    key        text        not null,
    created_at timestamptz not null default now()
);

select audit_exempt('device_cookie_key', '已知设备 Cookie 的签名密钥：不得进入审计记录与备份');
