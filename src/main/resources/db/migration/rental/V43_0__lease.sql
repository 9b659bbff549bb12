-- 公租房租赁 (issue 12): leases of public rental dwellings to qualified households, their monthly rent bills and
-- payments, 年审 results, on-site checks (入户核查: measures 闲置), violations and the exit (退出) with its grace period.
-- Amounts are numeric 元 at the scale the city's lease rules give (never a float). The rules a lease was signed under
-- are named by file and effective date (rental/lease/*.tsv), so a later change of the rules does not rewrite the past.
create table rental_lease (
    id               bigserial primary key,
    lease_no         text    not null unique,            -- 合同编号: county code, year, serial
    household_id     bigint  not null references rental_household (id),
    dwelling_id      bigint  not null references rental_dwelling (id),
    county_id        integer not null references region (id),  -- the dwelling's county: its stock, its bills
    city_id          integer not null references region (id),  -- whose lease rules apply
    rules_file       text    not null,                   -- e.g. 360700-公租房.tsv
    rules_from       date    not null,                   -- its 生效 date
    applicant_masked text    not null,                   -- masked, for lists (the household view is logged)
    certificate_no   text    not null,
    signed_on        date    not null,
    starts_on        date    not null,
    ends_on          date    not null check (ends_on >= starts_on),
    standard_rent    numeric not null check (standard_rent >= 0),   -- before reductions, 元/月
    monthly_rent     numeric not null check (monthly_rent >= 0),    -- 合同租金, 元/月
    tier             text,                                -- the reduction applied (低保 …), null: none
    rent_basis       text    not null,                   -- the computation as shown to the tenant
    status           text    not null check (status in ('SIGNED', 'ACTIVE', 'EXITING', 'ENDED', 'RENEWED')),
    renewed_from     bigint  references rental_lease (id),
    moved_in_on      date,
    exit_kind        text check (exit_kind in ('VOLUNTARY', 'INELIGIBLE', 'VIOLATION', 'EXPIRED')),
    exit_on          date,                                -- decided (or applied for, voluntary)
    exit_reason      text,
    grace_until      date,                                -- 搬迁期 end (INELIGIBLE, EXPIRED)
    ended_on         date,                                -- moved out, or the last day before the renewal
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text    not null,
    updated_at       timestamptz not null default now(),
    updated_by       text    not null,
    check ((exit_kind is null) = (exit_on is null))
);
-- one lease in force per dwelling and per household
create unique index rental_lease_dwelling_open on rental_lease (dwelling_id) where status in ('SIGNED', 'ACTIVE', 'EXITING');
create unique index rental_lease_household_open on rental_lease (household_id) where status in ('SIGNED', 'ACTIVE', 'EXITING');
create index rental_lease_county on rental_lease (county_id, starts_on);

create table rental_lease_serial (
    county_id integer not null references region (id),
    year      integer not null,
    last      integer not null check (last > 0),
    primary key (county_id, year)
);

-- one bill per lease, month and kind: generating a month twice creates nothing new
create table rental_rent_bill (
    id         bigserial primary key,
    lease_id   bigint  not null references rental_lease (id),
    period     date    not null check (extract(day from period) = 1),  -- the month billed
    kind       text    not null check (kind in ('RENT', 'BACK_CHARGE')),
    amount     numeric not null check (amount >= 0),
    basis      text    not null,                      -- how the amount was computed (days, rates)
    due_on     date    not null,
    created_at timestamptz not null default now(),
    created_by text    not null,
    unique (lease_id, period, kind)
);

create table rental_rent_payment (
    id         bigserial primary key,
    lease_id   bigint  not null references rental_lease (id),
    paid_on    date    not null,
    amount     numeric not null check (amount > 0),
    channel    text    not null check (channel in ('BANK_DEBIT', 'TRANSFER', 'ONLINE', 'CASH')),
    reference  text,                                  -- 票据号/流水号
    created_at timestamptz not null default now(),
    created_by text    not null
);
create index rental_rent_payment_lease on rental_rent_payment (lease_id, paid_on);

-- 入户核查: whether anyone lived there; a run of checks finding nobody measures 闲置
create table rental_lease_check (
    id         bigserial primary key,
    lease_id   bigint  not null references rental_lease (id),
    checked_on date    not null,
    occupied   boolean not null,
    note       text,
    created_at timestamptz not null default now(),
    created_by text    not null
);

-- 年审/动态复核: the household's facts against the city's rule set on a day
create table rental_lease_review (
    id         bigserial primary key,
    lease_id   bigint  not null references rental_lease (id),
    reviewed_on date   not null,
    rule_set   text    not null,                      -- the rule set's name and 生效 date
    outcome    text    not null check (outcome in ('ELIGIBLE', 'INELIGIBLE', 'INCOMPLETE')),
    reasons    text    not null,
    created_at timestamptz not null default now(),
    created_by text    not null
);

create table rental_violation (
    id             bigserial primary key,
    lease_id       bigint  not null references rental_lease (id),
    kind           text    not null check (kind in ('SUBLET', 'CHANGE_OF_USE', 'DAMAGE', 'ILLEGAL_USE', 'IDLE', 'ARREARS')),
    act_on         date    not null,                  -- when the act began (market rent is charged back to it)
    found_on       date    not null,
    evidence       text    not null check (evidence <> ''),
    illegal_income numeric check (illegal_income >= 0),   -- null: none found
    penalty        text    not null,                  -- the rules' wording and article
    fine_max       numeric,                           -- the most the fine may be, null: the rules set no fine
    back_charge    numeric,                           -- market rent owed back to act_on, null: not charged
    ban            boolean not null,
    created_at     timestamptz not null default now(),
    created_by     text    not null
);
create index rental_violation_lease on rental_violation (lease_id);

create table rental_lease_event (
    lease_id  bigint  not null references rental_lease (id),
    seq       integer not null,
    kind      text    not null,                       -- SIGN, MOVE_IN, RENEW, BILL, PAYMENT, CHECK, REVIEW, EXIT, VIOLATION, MOVE_OUT, BAN
    on_day    date    not null,
    detail    text    not null,
    at        timestamptz not null default now(),
    by_user   text    not null,
    primary key (lease_id, seq)
);

select audit_enable('rental_lease');
select audit_exempt('rental_lease_serial', '合同编号计数器（编号本身记在 rental_lease）');
-- bills come by the thousand when a county's month is generated: one entry per statement
select audit_enable('rental_rent_bill', granularity => 'statement');
select audit_enable('rental_rent_payment');
select audit_enable('rental_lease_check');
select audit_enable('rental_lease_review');
select audit_enable('rental_violation');
select audit_exempt('rental_lease_event', '合同时间线：每条记录的来源行（合同、账单、缴费、核查、年审、违规）均已审计');
