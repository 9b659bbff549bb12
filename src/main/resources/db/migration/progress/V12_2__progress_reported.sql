-- Which units' months are in the sums (a counted report: submitted, approved or locked), and how many such units
-- each region has per month: a month no unit reported is 未报, never 0. Kept by Rollups with the sums; numbered
-- after the report tables it starts from.
create table progress_reported (
    region_id integer not null references region (id),
    period    date    not null check (extract(day from period) = 1),
    primary key (region_id, period)
);

create table progress_reporting (
    region_id integer not null references region (id),
    period    date    not null check (extract(day from period) = 1),
    reported  integer not null check (reported >= 0),
    primary key (region_id, period)
);

insert into progress_reported (region_id, period)
select region_id, period from report where status in ('SUBMITTED', 'APPROVED', 'LOCKED');

insert into progress_reporting (region_id, period, reported)
select a.ancestor_id, r.period, count(*)
from progress_reported r join region_ancestor a on a.region_id = r.region_id
group by a.ancestor_id, r.period;

select audit_exempt('progress_reported', '由月报状态（report，已审计）在上报/退回时推导');
select audit_exempt('progress_reporting', '由 progress_reported 按上级地区计数而来，可由 progress rebuild 重算');
