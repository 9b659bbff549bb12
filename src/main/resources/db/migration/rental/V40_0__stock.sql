-- Housing stock (房源, issue 12): the estates (小区/项目) a county holds as public rental (公租房) or affordable rental
-- (保租房) housing, their buildings (栋) and dwellings (套). A dwelling's status has an effective date: the monthly
-- counts (房源总数, 已分配, 已入住, 分配率, 入住率) are taken as at a month's end from rental_dwelling_event, not from
-- the audit trail, which records when a row was written (a move-in entered on the 5th for the 30th of last month
-- counts for last month).
create table rental_estate (
    id           bigserial primary key,
    region_id    integer not null references region (id),
    name         text    not null check (name <> ''),
    address      text,
    programme    text    not null check (programme in ('PUBLIC_RENTAL', 'AFFORDABLE_RENTAL')),
    ownership    text,     -- 房源来源/产权, as the county says it (政府投资建设, 配建, 收购, 长期租赁 …)
    project_code text,     -- the project register's 项目编号 of the project that built it, optional
    name_key     text    not null,   -- the name as compared (spaces, full width, 繁体 out): one estate per county
    version      integer not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   text,
    unique (region_id, name_key)
);

create table rental_building (
    id        bigserial primary key,
    estate_id bigint  not null references rental_estate (id),
    name      text    not null check (name <> ''),   -- as written: 1号楼, 3#, A栋
    name_key  text    not null,                       -- 1号楼, 1栋, 1幢, 1# compare as one building
    unique (estate_id, name_key)
);

create table rental_dwelling (
    id           bigserial primary key,
    building_id  bigint  not null references rental_building (id),
    entrance     text    not null default '',    -- 单元 as written; '' when the building has none
    room_no      text    not null check (room_no <> ''),  -- 房号 as written
    dwelling_key text    not null,               -- 单元 and 房号 as compared (1单元/1, 501室/501)
    address      text,                           -- 地址 as the list gives it (房屋坐落), optional
    floor        integer check (floor between -5 and 200),
    floor_area   numeric check (floor_area > 0 and floor_area < 1000),       -- 建筑面积, ㎡
    usable_area  numeric check (usable_area > 0 and usable_area < 1000),     -- 使用面积, ㎡
    layout       text,                                                      -- 户型 as written (一室一厅)
    rooms        integer check (rooms between 1 and 20),                    -- 室 read from it
    rent         numeric check (rent >= 0),
    rent_unit    text check (rent_unit in ('PER_M2_MONTH', 'PER_DWELLING_MONTH')),  -- 元/㎡/月 or 元/套/月
    status       text    not null check (status in ('VACANT', 'ALLOCATED', 'OCCUPIED', 'REPAIR', 'WITHDRAWN')),
    status_on    date    not null,               -- when the current status took effect
    entered_on   date    not null,               -- 录入日期: when the dwelling was entered into the system
    version      integer not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   text,
    check ((rent is null) = (rent_unit is null)),   -- a rent is never without its unit
    unique (building_id, dwelling_key)
);
create index rental_dwelling_status_idx on rental_dwelling (status);

-- Every status a dwelling had, from the day it took effect: the first row is its status when entered.
create table rental_dwelling_event (
    dwelling_id bigint  not null references rental_dwelling (id),
    seq         integer not null,
    step        text    not null,    -- ENTER or a StockStep
    status      text    not null check (status in ('VACANT', 'ALLOCATED', 'OCCUPIED', 'REPAIR', 'WITHDRAWN')),
    effective_on date   not null,
    reason      text,
    at          timestamptz not null default now(),
    by_user     text,
    primary key (dwelling_id, seq)
);

-- 历年房源 to enter: how many dwellings a county held when entry into the information system began (seed 004:
-- 张掖市 18221, split by county). Set by the level above; a county without one has no 录入率 (未报), never 0 %.
create table rental_historic_total (
    region_id  integer primary key references region (id),
    total      integer not null check (total >= 0),
    note       text,
    version    integer not null default 0,
    updated_at timestamptz not null default now(),
    updated_by text
);

-- Estates and historic totals are few and edited by hand: one entry per row. Dwellings and their events come by
-- the thousand in an import (a county's 历年房源): one entry per statement and building, the rows as a JSON array;
-- a status change is a row UPDATE of the dwelling, recorded per row like any update.
select audit_enable('rental_estate');
select audit_enable('rental_building');
select audit_enable('rental_dwelling', '{building_id,id}', granularity => 'statement', group_columns => '{building_id}');
select audit_enable('rental_dwelling_event', '{dwelling_id,seq}', granularity => 'statement');
select audit_enable('rental_historic_total', '{region_id}');
