-- A dwelling's 状态日期 is the day of the step that set its status; for the status it was entered or imported with it
-- is not known (a dwelling occupied since 2016 and imported today has been 已入住 since a day nobody told us). It was
-- the entry date, shown as "已入住（2025-12-01 起）" and refused earlier changes as before "上次状态变更的日期" (review
-- 2026-12-04 of guesses, M2). Now null until a status step: the 录入 event keeps the entry date, from which the
-- month-end counts hold the dwelling, so no count changes.
alter table rental_dwelling alter column status_on drop not null;
comment on column rental_dwelling.status_on is
    'when the current status took effect, by a status step; null for the status given at entry (its start unknown)';
update rental_dwelling d set status_on = null
where not exists (select 1 from rental_dwelling_event e where e.dwelling_id = d.id and e.step <> 'ENTER');
