-- Below the counties: 乡级 (TOWN: 街道, 镇, 乡, loaded by the Java migration V1_4__LoadTowns from
-- src/main/resources/region/towns.csv.gz) and 村级 (COMMUNITY: 社区, 村, added by a county's administrator).
-- Neither reports monthly figures; they are where public-rental applications are taken in and first reviewed.
-- level 4: towns (and units added below a county); level 5: communities. division_code holds their 12-digit
-- 统计用区划代码 (360702001000) where known.
alter table region drop constraint region_kind_check;
alter table region add constraint region_kind_check check (kind in ('NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY',
    'DEV_ZONE', 'CITY_LEVEL', 'GROUP', 'TOWN', 'COMMUNITY'));
alter table region drop constraint region_level_check;
alter table region add constraint region_level_check check (level between 0 and 5);
