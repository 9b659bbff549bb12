-- Progress tables (进展情况: 年度任务 | 开工数 | 开工率 of a month) are imported as what they are, figures of a
-- period, never as a plan's targets. A document's progress tables keep their printed layout like breakdown tables
-- (columns with their kind — target, actual, rate — and the factor of a printed 万; rows with their regions), and
-- every printed figure is one row of published_figure.

alter table breakdown_column add column unit_factor numeric not null default 1;
-- a table's figures as (region, indicator, year, value) lines, hashed: the same table imported a second time
-- (into another plan, or as progress) is found and the preview warns
alter table breakdown_table add column fingerprint text;
create index breakdown_table_fingerprint on breakdown_table (fingerprint);

create table published_progress (
    id               bigserial primary key,
    title            text not null,
    issuer_region_id int  not null references region (id),
    issuer_name      text,
    document_number  text,
    period           date not null check (extract(day from period) = 1),
    source_file      text,
    batch_id         bigint references import_batch (id) on delete set null,
    created_at       timestamptz not null default now()
);
create index published_progress_issuer on published_progress (issuer_region_id, period);

create table published_table (
    id          bigserial primary key,
    progress_id bigint not null references published_progress (id) on delete cascade,
    seq         int  not null,
    label       text,
    title       text not null,
    unit_line   text,
    row_header  text not null,
    note        text,
    period      date not null check (extract(day from period) = 1),
    source_sheet text,
    source_row  int,
    fingerprint text not null,
    unique (progress_id, seq)
);
create index published_table_fingerprint on published_table (fingerprint);

create table published_column (
    table_id      bigint   not null references published_table (id) on delete cascade,
    seq           int      not null,
    header        text[]   not null,
    indicator_id  int      not null references indicator (id),
    year          smallint,
    kind          text     not null check (kind in ('TARGET', 'ACTUAL', 'RATE')),
    unit_factor   numeric  not null default 1,
    source_column int,
    primary key (table_id, seq)
);

create table published_row (
    table_id   bigint not null references published_table (id) on delete cascade,
    seq        int    not null,
    label      text   not null,
    region_id  int    not null references region (id),
    parent_seq int,
    role       text   not null check (role in ('TOTAL', 'PARENT', 'DETAIL')),
    source_row int,
    primary key (table_id, seq)
);

-- region, indicator, year, kind and period repeat the row and column (written from them) so that "what did the
-- published tables say of this unit" is one index lookup
create table published_figure (
    table_id     bigint   not null,
    row_seq      int      not null,
    column_seq   int      not null,
    region_id    int      not null,
    indicator_id int      not null,
    year         smallint,
    kind         text     not null,
    period       date     not null,
    value        numeric  not null check (value >= 0),
    scale        smallint not null,
    words        text,                 -- 全部开工: a rate printed in words (at least 100 %)
    primary key (table_id, row_seq, column_seq),
    foreign key (table_id, row_seq) references published_row (table_id, seq) on delete cascade,
    foreign key (table_id, column_seq) references published_column (table_id, seq) on delete cascade
);
create index published_figure_region on published_figure (region_id, indicator_id, period);

select audit_enable('published_progress');
select audit_enable('published_table');
select audit_enable('published_column', '{table_id,seq}');
select audit_enable('published_row', '{table_id,seq}', granularity => 'statement', group_columns => '{table_id}');
select audit_enable('published_figure', '{table_id,row_seq,column_seq}', granularity => 'statement',
                    group_columns => '{table_id}');
