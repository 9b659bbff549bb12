-- What milestones select projects by (安置方式, 建设方式, 楼型) and the rest of the lifecycle: 分配入住 and the
-- contractual delivery date, past which an undelivered project is 逾期交付. Unknown stays null: never a default.
alter table project
    add column occupied_on     date,
    add column delivery_due_on date,
    add column placement       text check (placement in ('CASH', 'OFF_SITE', 'ON_SITE')),
    add column construction    text check (construction in ('NEW', 'REBUILD', 'EXPAND', 'RENOVATE', 'PURCHASE', 'LEASE')),
    add column building_type   text check (building_type in ('HIGH_RISE', 'MULTI_STOREY', 'LOW_RISE'));

-- 竣工验收, 交付 and 分配入住 of the housing programs, summed from the register like 开工 and 基本建成
insert into indicator (program_code, stage_code, measure_code, stage_label, sort_order)
select p, s, 'UNIT', l, o
from (values ('AFFORDABLE_RENTAL', 140), ('PUBLIC_RENTAL', 250), ('SHANTYTOWN', 440), ('MINING_SHANTYTOWN', 540))
         as prog(p, base)
cross join lateral (values ('ACCEPTANCE', '竣工验收', base), ('DELIVERY', '交付', base + 1), ('OCCUPANCY', '分配入住', base + 2))
         as st(s, l, o)
where not exists (select 1 from indicator i where i.program_code = p and i.stage_code = s and i.measure_code = 'UNIT');
