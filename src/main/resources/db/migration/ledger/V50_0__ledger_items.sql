-- 台账 (issue 13, part A): one engine for items to rectify within a deadline — 审计发现问题, 信访投诉, 棚改逾期未安置,
-- 安置房逾期交付, 城市危房 C/D. What differs by kind (its fields, value lists, deadline rule, due-soon days) is data:
-- src/main/resources/ledger/kinds/*.tsv (org.anju.ledger.kind.Kinds); an item keeps its kind's fields in `fields`.

-- 责任单位 of a region beyond the housing bureau: 财政局, 发改委, 城投集团, 街道, 开发商 … kept by the region's administrator.
create table ledger_unit (
    id         bigserial primary key,
    region_id  integer not null references region (id),
    name       text    not null check (name <> ''),
    unit_kind  text    not null check (unit_kind in ('GOVERNMENT', 'STATE_ENTERPRISE', 'OTHER')),
    version    integer not null default 0,
    updated_at timestamptz not null default now(),
    updated_by text,
    unique (region_id, name)
);

-- An account that works for a 责任单位 (a 财政局 clerk): it sees and updates that unit's items only.
create table ledger_unit_account (
    username   text   primary key references users (username),
    unit_id    bigint not null references ledger_unit (id),
    updated_at timestamptz not null default now(),
    updated_by text
);

create table ledger_item (
    id              bigserial primary key,
    kind            text    not null,                 -- the kind's code (AUDIT, PETITION, …), see Kinds
    region_id       integer not null references region (id),   -- whose ledger it is
    title           text    not null check (title <> ''),
    fields          jsonb   not null default '{}',    -- kind-specific values by field code, as normalized text
    unit_id         bigint  references ledger_unit (id),        -- 责任单位
    responsible     text,                                        -- 责任人 (a post or a name as the ledger prints it)
    measures        text,                                        -- 整改措施
    deadline        date    not null,
    deadline_rule   text    not null,                 -- how it was set, in words (2025年9月26日起15个工作日)
    state           text    not null check (state in ('PENDING', 'IN_PROGRESS', 'APPLIED', 'CLOSED')),
    state_on        date    not null,
    closed_on       date,
    petitioner_name_enc    bytea,                     -- 信访人, sealed by PersonalData (PETITION only)
    petitioner_name_masked text,
    petitioner_phone_enc   bytea,
    petitioner_phone_masked text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text,
    updated_at      timestamptz not null default now(),
    updated_by      text,
    check ((state = 'CLOSED') = (closed_on is not null))
);
-- a city's overdue list: open items of the regions below it ordered by deadline (LedgerFigures.overdue)
create index ledger_item_open_deadline_idx on ledger_item (region_id, deadline) where state <> 'CLOSED';
create index ledger_item_unit_idx on ledger_item (unit_id);
create index ledger_item_kind_region_idx on ledger_item (region_id, kind, state);

-- The timeline of an item in the language of the page: 交办, 进展, 申请销号, 退回 (with the reason), 销号, 督办.
create table ledger_event (
    item_id    bigint  not null references ledger_item (id),
    seq        integer not null,
    action     text    not null,
    state      text    not null,      -- the state after it
    on_date    date    not null,
    text       text,                  -- the progress note, the reason of a return, the notice's title
    at         timestamptz not null default now(),
    by_user    text,
    primary key (item_id, seq)
);

-- Evidence files: stored here (a cluster loses nothing), never deleted; a replaced file is a new row naming the old.
create table ledger_file (
    id          bigserial primary key,
    item_id     bigint  not null references ledger_item (id),
    event_seq   integer,                              -- the progress note it came with
    name        text    not null check (name <> ''),
    media_type  text    not null,
    size        integer not null check (size > 0),
    sha256      text    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content     bytea   not null,
    replaces    bigint  references ledger_file (id),
    at          timestamptz not null default now(),
    by_user     text
);
create index ledger_file_item_idx on ledger_file (item_id);
create rule ledger_file_no_delete as on delete to ledger_file do instead nothing;

-- 督办 notices: an upper level to a unit (a region below it) about one or more items, with their own deadline and a reply.
create table ledger_notice (
    id               bigserial primary key,
    issuer_region_id integer not null references region (id),
    region_id        integer not null references region (id),
    title            text    not null check (title <> ''),
    body             text,
    deadline         date    not null,
    reply            text,
    replied_on       date,
    replied_by       text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text,
    updated_at       timestamptz not null default now(),
    updated_by       text
);
create table ledger_notice_item (
    notice_id bigint not null references ledger_notice (id),
    item_id   bigint not null references ledger_item (id),
    primary key (notice_id, item_id)
);

select audit_enable('ledger_unit');
select audit_enable('ledger_unit_account', '{username}');
select audit_enable('ledger_item', hidden_columns => '{petitioner_name_enc,petitioner_phone_enc}');
select audit_enable('ledger_event', '{item_id,seq}');
select audit_enable('ledger_file', hidden_columns => '{content}');
select audit_enable('ledger_notice');
select audit_enable('ledger_notice_item', '{notice_id,item_id}');
