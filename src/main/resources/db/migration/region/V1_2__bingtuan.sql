-- 新疆生产建设兵团 reports beside the provinces in national tables (住建部's progress tables list "兵团" as
-- their 29th row). It is no GB/T 2260 division; 国家统计局's statistical division code is 66, so its unit
-- code is 660000, a reporting unit (kind DEV_ZONE) directly under 全国, ordered after the provinces.
insert into region (code, name, kind, level, parent_id, division_code, sort_order)
select '660000', '新疆生产建设兵团', 'DEV_ZONE', 1, id, null, 1000 from region where code = '000000';

insert into region_ancestor (region_id, ancestor_id, depth)
select b.id, a.ancestor_id, a.depth + 1
from region b, region n join region_ancestor a on a.region_id = n.id
where b.code = '660000' and n.code = '000000'
union all
select id, id, 0 from region where code = '660000';

insert into region_alias (alias, region_id, city_only, origin)
select alias, id, false, 'curated' from region, unnest(array['兵团', '新疆兵团']) alias where code = '660000';
