-- A milestone may name the register projects it is about (2021年结转高层, 货币化安置, 2023年计划项目) and the stage
-- they must reach; it is then measured on those projects instead of on the monthly figures.
alter table milestone
    add column stage_code     text references stage (code),
    add column measure_code   text references measure (code),
    add column project_years  int[],
    add column placements     text[],
    add column constructions  text[],
    add column building_types text[],
    add constraint milestone_selection_years check (stage_code is null or cardinality(project_years) > 0);

-- a milestone may be about projects alone (no indicator, no work item)
alter table milestone drop constraint if exists milestone_check;
alter table milestone add constraint milestone_measured
    check (indicator_id is not null or work_item is not null or stage_code is not null);
