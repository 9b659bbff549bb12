-- 配租批次 (issue 12): a county's housing office offers vacant dwellings to households at the top of its waiting list
-- (or of a priority group). The candidate list is frozen and published with its SHA-256 and the seed's source before
-- the draw (anju-draw-v1, docs/LOTTERY.md); the drawn order (or the waiting list's order, when the city allocates
-- in order or there are no more households than dwellings) decides who chooses first (待选房) and who waits (候选).
create table rental_round (
    id               bigserial primary key,
    county_id        integer not null references region (id),
    city_id          integer not null references region (id),
    name             text    not null check (name <> ''),
    rules            text    not null,             -- the waiting-list rules applied: file name and 生效 date
    method           text    not null check (method in ('DRAW', 'ORDER')),
    refusals_allowed integer check (refusals_allowed >= 0),   -- null: the city set no limit (不限)
    on_excess        text    not null check (on_excess in ('ROUND', 'QUALIFICATION')),
    status           text    not null check (status in ('LISTED', 'CHOOSING', 'CLOSED')),
    candidates_hash  text    not null,             -- SHA-256 of the published candidate list (Draw.Candidates)
    candidate_group  text,                         -- the priority group the candidates were taken from, if any
    published_at     timestamptz not null default now(),
    seed_source      text,                         -- announced with the list: what public value will be the seed
    seed_due         date,                         -- the day that value becomes known
    seed             text,                         -- typed in when known
    result_hash      text,                         -- SHA-256 of the drawn order
    drawn_at         timestamptz,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text    not null,
    check ((method = 'DRAW') = (seed_source is not null) and (seed_source is null) = (seed_due is null)),
    check ((seed is null) = (result_hash is null) and (seed is null) = (drawn_at is null))
);
create index rental_round_county on rental_round (county_id, id);

create table rental_round_dwelling (
    round_id    bigint not null references rental_round (id),
    dwelling_id bigint not null references rental_dwelling (id),
    primary key (round_id, dwelling_id)
);
create index rental_round_dwelling_dwelling on rental_round_dwelling (dwelling_id);

-- one row per candidate: its 申请编号 (资格证号) as published, its place in the order and its state in the round
create table rental_round_candidate (
    round_id      bigint  not null references rental_round (id),
    household_id  bigint  not null references rental_household (id),
    number        text    not null,
    list_position integer not null check (list_position >= 1),   -- place on the waiting list when the list was frozen
    position      integer check (position >= 1),                 -- place in the round's order (null before the draw)
    state         text    check (state in ('SELECTED', 'WAITING', 'CHOSE', 'GAVE_UP', 'DISQUALIFIED')),
    refusals      integer not null default 0 check (refusals >= 0),
    primary key (round_id, household_id),
    unique (round_id, number),
    check ((position is null) = (state is null))
);
create index rental_round_candidate_household on rental_round_candidate (household_id);

-- what happened, step by step, in the words of the household's history (摇号成功, 摇号放弃, 递补, 拒绝配租 …)
create table rental_round_event (
    round_id     bigint  not null references rental_round (id),
    seq          integer not null,
    household_id bigint  references rental_household (id),
    kind         text    not null check (kind in ('LISTED', 'DRAWN', 'OPENED', 'CHOSE', 'GAVE_UP', 'REFUSED', 'PROMOTED',
                                                  'DISQUALIFIED', 'EXCLUDED', 'CLOSED')),
    what         text    not null,
    on_day       date    not null,
    at           timestamptz not null default now(),
    by_user      text    not null,
    primary key (round_id, seq)
);
create index rental_round_event_refusals on rental_round_event (kind, on_day) where kind = 'REFUSED';

-- 配租记录: the dwelling a household chose in a round; the lease starts from it. cancelled_on: the allocation was
-- undone (the lease will record why); a household and a dwelling hold at most one allocation in force.
create table rental_allocation (
    id           bigserial primary key,
    household_id bigint  not null references rental_household (id),
    dwelling_id  bigint  not null references rental_dwelling (id),
    round_id     bigint  not null references rental_round (id),
    county_id    integer not null references region (id),
    allocated_on date    not null,
    cancelled_on date check (cancelled_on >= allocated_on),   -- the allocation ended: 腾退 at the lease's end, or cancelled
    created_at   timestamptz not null default now(),
    created_by   text    not null
);
create unique index rental_allocation_household on rental_allocation (household_id) where cancelled_on is null;
create unique index rental_allocation_dwelling on rental_allocation (dwelling_id) where cancelled_on is null;
create index rental_allocation_county on rental_allocation (county_id, allocated_on);

alter table rental_waiting_exclusion add foreign key (round_id) references rental_round (id);

select audit_enable('rental_round');
select audit_enable('rental_round_dwelling', '{round_id,dwelling_id}');
select audit_enable('rental_round_candidate', '{round_id,household_id}', granularity => 'statement', group_columns => '{round_id}');
select audit_enable('rental_round_event', '{round_id,seq}', granularity => 'statement', group_columns => '{round_id}');
select audit_enable('rental_allocation');
