-- Issue 14 (part B): a bulletin becomes a document with a life. A draft (one per region and month) holds the head
-- fields and every section as the official's text beside the text computed from the data; issuing it makes an
-- immutable version (bulletin_issue) with the rendered DOCX and its SHA-256; a correction is a later version that
-- supersedes an earlier one. Both tables belong to the region that issues.

create table bulletin_issue (
    id              bigint generated always as identity primary key,
    region_id       integer     not null references region (id),
    period          date        not null check (extract(day from period) = 1),
    issue_year      integer     not null,                      -- the year of 签发, for the serial number
    serial          integer     not null check (serial > 0),   -- per issuer and year: 1, 2, …
    edition         integer     not null check (edition > 0),  -- 1 first issue, 2 its correction, …
    supersedes      bigint      unique references bulletin_issue (id),
    document_number text        not null check (length(document_number) between 1 and 100),
    signed_on       date        not null,
    issued_by       text        not null,
    issued_at       timestamptz not null default now(),
    content         jsonb       not null,                      -- the Bulletin as issued (head, sections, tables)
    correction_note text,                                      -- 更正说明 (official's note and the change list)
    changes         jsonb       not null default '[]',         -- section-by-section change list against `supersedes`
    copy_to         text,                                      -- 抄送 (版记)
    printed_by      text,                                      -- 印发机关
    printed_on      date,                                      -- 印发日期
    docx            bytea       not null,
    sha256          text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    unique (region_id, issue_year, serial),
    check ((edition = 1) = (supersedes is null))
);
create index bulletin_issue_period on bulletin_issue (region_id, period);

-- What was issued never changes: no UPDATE, no DELETE (a correction is a new row).
create function bulletin_issue_immutable() returns trigger language plpgsql as $$
begin
    raise exception '已签发的通报不能修改或删除（%），更正请签发新的版本', old.document_number
        using errcode = 'restrict_violation';
end
$$;
create trigger bulletin_issue_immutable before update or delete on bulletin_issue
    for each row execute function bulletin_issue_immutable();
select audit_enable('bulletin_issue', hidden_columns => '{docx}');

create table bulletin_draft (
    id              bigint generated always as identity primary key,
    region_id       integer     not null references region (id),
    period          date        not null check (extract(day from period) = 1),
    version         integer     not null default 1,
    corrects        bigint      references bulletin_issue (id),  -- a correction's draft: the version it corrects
    issuer          text,                                        -- 发文机关 (null until composed: migrated notes)
    document_number text,                                        -- 发文字号 as typed so far
    addressee       text,                                        -- 主送
    dated           date,                                        -- 成文日期, null until the official sets it
    copy_to         text,                                        -- 抄送
    printed_by      text,                                        -- 印发机关
    printed_on      date,                                        -- 印发日期
    correction_note text,                                        -- 更正说明: the official's own note
    unit_order      text[]      not null default '{}',           -- region codes in the issuer's order; empty = code order
    sections        jsonb       not null default '[]',           -- DraftSection list
    composed        jsonb,                                       -- the Bulletin as composed at the last refresh
    composed_at     timestamptz,
    created_by      text        not null,
    updated_by      text        not null,
    updated_at      timestamptz not null default now(),
    unique (region_id, period)
);
-- the composed bulletin (tables included) is recomputed data, not what anyone wrote: kept out of the audit rows
select audit_enable('bulletin_draft', hidden_columns => '{composed}');

-- 下一步工作重点 (bulletin_note) becomes the draft's section of that name: each note a draft that holds only it, to be
-- refreshed with the computed figures when opened (composed is null until then).
insert into bulletin_draft (region_id, period, version, sections, created_by, updated_by, updated_at)
select region_id, period, 1,
       jsonb_build_array(jsonb_build_object('key', 'next-steps', 'kind', 'NEXT_STEPS', 'heading', '下一步工作重点',
                                            'computed', null, 'text', next_steps, 'stale', false, 'earlier', null)),
       updated_by, updated_by, updated_at
from bulletin_note;
drop table bulletin_note;
delete from audit_table where table_name = 'bulletin_note';   -- the table is gone; its audit_log rows stay
