-- Which keys seal this database's personal data (issue 15, sixth session). A node started with another key opened
-- nothing sealed before and sealed new values no other node could open: found by an operator who restored a backup into
-- a new data directory (the first start generated a new key, and the 征收 export then failed with "密文校验失败：数据被
-- 改动"), and as likely from a mistyped ANJU_DATA_KEY on one node of a cluster. Each key version seals a known text here
-- once; every start opens it with its own key of that version and refuses to start when that fails
-- (org.anju.privacy.DataKeyCheck).
create table data_key_check (
    version    smallint    primary key,
    sealed     bytea       not null,                 -- [key version][nonce][ciphertext][tag] of a fixed text
    created_at timestamptz not null default now()
);
select audit_exempt('data_key_check', '每版个人信息密钥的核对值，由应用启动时写入；不含个人信息');
