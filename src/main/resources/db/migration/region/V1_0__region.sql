-- Regions: GB/T 2260 divisions (全国, 省, 地级, 县级) and the reporting units beside them
-- (开发区, 市本级, 片区). Filled by the Java migration V1_1__LoadRegions from src/main/resources/region/.
create table region (
    id            serial primary key,
    code          text     not null unique,          -- 361102, or a unit code such as 361100-SB, 361100-K1
    name          text     not null,
    kind          text     not null check (kind in ('NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY',
                                                    'DEV_ZONE', 'CITY_LEVEL', 'GROUP')),
    level         smallint not null check (level between 0 and 4), -- administrative rank, not tree depth
    parent_id     integer references region (id),
    division_code text,                              -- GB/T 2260 code; null for non-administrative units
    sort_order    integer  not null default 0,       -- order among siblings
    check ((kind = 'NATION') = (parent_id is null))
);
create index region_parent_idx on region (parent_id, sort_order);
create index region_name_idx on region (name);

-- Other names a region is known by. city_only: the alias only means this region inside its own city
-- (经开区 inside 上饶市, 市本级 inside any city).
create table region_alias (
    alias     text    not null,
    region_id integer not null references region (id),
    city_only boolean not null default false,
    origin    text    not null check (origin in ('curated', 'generated', 'added')),
    primary key (alias, region_id)
);
create index region_alias_region_idx on region_alias (region_id);

-- Members of a GROUP (e.g. 上饶市 中心城区). Membership is not parentage: members stay children of the city.
create table region_group_member (
    group_id  integer not null references region (id),
    member_id integer not null references region (id),
    primary key (group_id, member_id)
);
create index region_group_member_member_idx on region_group_member (member_id);

-- Closure of the parent relation, with a depth-0 row for every region itself. To aggregate a subtree:
--   join region_ancestor ra on ra.region_id = fact.region_id where ra.ancestor_id = :node
-- Note that 片区 (GROUP) rows are descendants of their city too: exclude them when summing a subtree.
create table region_ancestor (
    region_id   integer  not null references region (id),
    ancestor_id integer  not null references region (id),
    depth       smallint not null check (depth >= 0),
    primary key (region_id, ancestor_id)
);
create unique index region_ancestor_down_idx on region_ancestor (ancestor_id, region_id) include (depth);
