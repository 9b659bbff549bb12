-- 轮候 (issue 12): the waiting list is not a table of its own — it is the open, qualified 实物配租 households of a city
-- or county that hold no allocation and were not struck off, ordered by the city's rules (rental/waiting/*.tsv).
-- These indexes serve that list: the city's and the county's qualified households by date, and the groups a
-- priority order or a score table asks for.
create index rental_household_waiting_city on rental_household (city_id, qualified_on, certificate_no)
    where guarantee = 'PUBLIC_RENTAL' and closed_on is null;
create index rental_household_waiting_county on rental_household (county_id, qualified_on, certificate_no)
    where guarantee = 'PUBLIC_RENTAL' and closed_on is null;
create index rental_household_group_name on rental_household_group (name, household_id);

-- 取消轮候资格: a household that refused the dwellings offered more often than its city allows (拒绝上限, 超限后果
-- 取消轮候资格) leaves the waiting list from that day; the household record itself stays open (its lease, subsidy or a
-- later application are other matters).
create table rental_waiting_exclusion (
    household_id bigint  primary key references rental_household (id),
    since        date    not null,
    reason       text    not null check (reason <> ''),
    round_id     bigint,                                   -- the allocation round where it happened (V42_1)
    created_at   timestamptz not null default now(),
    created_by   text    not null
);

select audit_enable('rental_waiting_exclusion', '{household_id}');
