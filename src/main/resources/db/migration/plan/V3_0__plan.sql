-- Plans hand targets down. A breakdown table (目标任务分解表) keeps its printed layout — 附件 label,
-- title, 单位 line, header cells, row labels and order — so it can be shown and exported as issued;
-- its cells are the plan's targets (one row in `target` per printed figure; a blank cell, meaning
-- "no task", has no row).

create table plan (
    id              bigserial primary key,
    title           text not null,
    issuer_region_id int not null references region (id),
    issuer_name     text,
    document_number text,
    issued_on       date,
    first_year      smallint not null,
    last_year       smallint not null,
    parent_plan_id  bigint references plan (id) on delete set null,
    source_file     text,
    note            text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (last_year >= first_year)
);
create unique index plan_document_number on plan (document_number) where document_number is not null;
create index plan_issuer on plan (issuer_region_id);

create table milestone (
    id                bigserial primary key,
    plan_id           bigint not null references plan (id) on delete cascade,
    due_on            date not null,
    program_code      text references program (code),
    indicator_id      int references indicator (id),
    work_item         text,
    scope             text,
    threshold_percent numeric(6, 2),
    quote             text,
    check (indicator_id is not null or work_item is not null)
);
create index milestone_plan on milestone (plan_id, due_on);

create table stated_total (
    id            bigserial primary key,
    plan_id       bigint not null references plan (id) on delete cascade,
    region_id     int not null references region (id),
    indicator_ids int[] not null,
    year          smallint,
    value         numeric(20, 6) not null,
    tolerance     numeric(20, 6) not null default 0,
    printed       text not null,
    quote         text
);
create index stated_total_plan on stated_total (plan_id);

create table breakdown_table (
    id           bigserial primary key,
    plan_id      bigint not null references plan (id) on delete cascade,
    seq          int not null,
    label        text,
    title        text not null,
    unit_line    text,
    row_header   text not null,
    note         text,
    source_file  text,
    source_sheet text,
    source_row   int,
    unique (plan_id, seq)
);

create table breakdown_column (
    id            bigserial primary key,
    table_id      bigint not null references breakdown_table (id) on delete cascade,
    seq           int not null,
    header        text[] not null,
    indicator_id  int not null references indicator (id),
    year          smallint,          -- null: a 合计 column over the whole period of a multi-year plan
    source_column int,
    unique (table_id, seq)
);

create table breakdown_row (
    id            bigserial primary key,
    table_id      bigint not null references breakdown_table (id) on delete cascade,
    seq           int not null,
    label         text not null,
    region_id     int not null references region (id),
    parent_row_id bigint references breakdown_row (id) on delete cascade deferrable initially deferred, -- a 全省 row may come last
    role          text not null check (role in ('TOTAL', 'PARENT', 'DETAIL')),
    source_row    int,
    unique (table_id, seq)
);

-- plan_id, region_id, indicator_id and year repeat what row and column say (and are written from
-- them), so that a plan's targets for a region are one index lookup instead of three joins. They
-- carry no foreign keys of their own: row_id and column_id already tie every target to a plan,
-- region and indicator, and a national plan's 45,000 targets should not pay five checks each.
create table target (
    row_id       bigint not null references breakdown_row (id) on delete cascade,
    column_id    bigint not null references breakdown_column (id) on delete cascade,
    plan_id      bigint not null,
    region_id    int not null,
    indicator_id int not null,
    year         smallint,
    value        numeric(20, 6) not null check (value >= 0),
    scale        smallint not null,
    detail       boolean not null,   -- a unit's own figure (not a 合计 or a city's sum): subtree totals add these
    primary key (row_id, column_id)
);
create index target_plan_region on target (plan_id, region_id) include (indicator_id, year, value, detail);

-- every file offered for import, kept whole: a preview can be committed later without uploading it
-- again, and what was imported can always be looked at
create table import_batch (
    id          bigserial primary key,
    file_name   text not null,
    format      text,
    encoding    text,
    sha256      text not null,
    content     bytea not null,
    status      text not null check (status in ('PREVIEW', 'COMMITTED', 'REJECTED')),
    plan_id     bigint references plan (id) on delete set null,
    summary     text,
    created_at  timestamptz not null default now(),
    committed_at timestamptz
);

-- A plan's units' figures summed for every region above them, written together with the targets:
-- the total for any node — 全国 over a national plan's 45,000 figures included — is then an index
-- lookup plus the node's own figures, instead of an aggregate over its whole subtree.
create table target_rollup (
    plan_id      bigint not null references plan (id) on delete cascade,
    region_id    int not null,
    indicator_id int not null,
    year         smallint,
    total        numeric(24, 6) not null,
    units        int not null
);
create index target_rollup_plan_region on target_rollup (plan_id, region_id);
