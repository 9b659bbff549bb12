-- Files shown in a preview and kept until their owner confirms the import (issue 15, second session): in the
-- database, not in a node's memory, so that with several nodes behind a balancer without stickiness the 确认导入
-- can land on another node than the preview. At most 30 minutes (org.anju.privacy.KeptFiles); the confirm reads the
-- same bytes again and checks them again against the database. The content is sealed like personal data (AES-GCM,
-- bound to its purpose): such a table may list names and phones.
create table kept_file (
    token     uuid        primary key,
    purpose   text        not null,                 -- which page keeps it: stock-import, ledger-import
    owner     text        not null,                 -- the user who previewed it; nobody else can confirm it
    params    jsonb       not null default '{}',    -- what the preview was made for (region, programme, kind …)
    file_name text        not null,
    content   bytea       not null,                 -- sealed: [key version][nonce][ciphertext][tag]
    kept_at   timestamptz not null default now()
);
create index kept_file_owner on kept_file (owner, purpose, kept_at);
create index kept_file_age on kept_file (kept_at);
select audit_exempt('kept_file', '预览后待确认的上传文件（最多保留 30 分钟）；确认导入时写入的数据本身有审计');
