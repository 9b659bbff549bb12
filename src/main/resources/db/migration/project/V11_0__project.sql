-- The project register (项目库): one row per project (for old communities, one 小区 or a batch of them),
-- counted towards the task of its plan year; monthly progress as cumulative investment and 形象进度.
create table project (
    id                 bigserial primary key,
    region_id          integer not null references region (id),
    program_code       text    not null references program (code),
    year               integer not null check (year between 2000 and 2100),
    name               text    not null,
    code               text,                          -- the unit's own project number, optional
    units              numeric check (units >= 0),    -- 套 (间)
    households         numeric check (households >= 0),   -- 户
    communities        numeric check (communities >= 0),  -- 小区 (个)
    buildings          numeric check (buildings >= 0),    -- 栋
    area               numeric check (area >= 0),         -- 万平方米
    planned_investment numeric check (planned_investment >= 0), -- 万元
    prelim_done_on     date,      -- 前期手续办结
    started_on         date,      -- 开工
    basic_completed_on date,      -- 基本建成 (完工 for old communities)
    accepted_on        date,      -- 竣工验收
    delivered_on       date,      -- 交付/入住
    note               text,
    version            integer not null default 0,
    updated_at         timestamptz not null default now(),
    updated_by         text,
    unique (region_id, program_code, year, name)
);
create index project_year_idx on project (year, region_id);

create table project_progress (
    project_id     bigint  not null references project (id) on delete cascade,
    period         date    not null check (extract(day from period) = 1),
    investment     numeric not null check (investment >= 0),   -- cumulative 完成投资, 万元
    image_progress text,                                         -- 形象进度
    recorded_at    timestamptz not null default now(),
    recorded_by    text,
    primary key (project_id, period)
);
