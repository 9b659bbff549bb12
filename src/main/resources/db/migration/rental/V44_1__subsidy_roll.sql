-- 发放花名册: a county's subsidy roll for a month or a quarter (the city's 发放周期). Generated from the agreements'
-- changes in one statement; generated again while a draft, it is the same roll with the same lines; confirmed, it is
-- locked and may be exported as the bank sheet.
create table rental_subsidy_roll (
    id             bigserial primary key,
    county_id      integer not null references region (id),
    period_start   date    not null check (extract(day from period_start) = 1),
    period_end     date    not null check (period_end > period_start),   -- exclusive
    cycle          text    not null check (cycle in ('MONTHLY', 'QUARTERLY')),
    parameters_id  bigint  not null references rental_subsidy_parameters (id),
    status         text    not null check (status in ('DRAFT', 'CONFIRMED')),
    households     integer not null default 0,
    total          numeric(16, 2) not null default 0,
    generated_at   timestamptz not null default now(),
    generated_by   text    not null,
    confirmed_at   timestamptz,
    confirmed_by   text,
    version        integer not null default 0,
    unique (county_id, period_start),
    check ((status = 'CONFIRMED') = (confirmed_at is not null))
);

-- One line per agreement paid in the period: 序号, the amount of each month of the period (0 where not paid) and their
-- sum. Derived from rental_subsidy_change (regenerated while the roll is a draft, fixed once it is confirmed): written
-- by the hundred thousand in one statement, so not copied into the audit trail; what the bank did with a line is
-- rental_subsidy_payment, audited row by row. No per-row foreign keys (a lookup per row was a third of a 300,000-line
-- roll, see docs/PERFORMANCE.md): the lines are written only by PaymentRolls, from the roll's own agreements, and rolls
-- are never deleted.
create table rental_subsidy_roll_line (
    roll_id       bigint  not null,
    seq           integer not null check (seq >= 1),
    agreement_id  bigint  not null,
    household_id  bigint  not null,
    month_amounts numeric(12, 2)[] not null,
    amount        numeric(12, 2) not null check (amount > 0),
    primary key (roll_id, seq)
);

-- What the bank did with a line of a confirmed roll: paid or failed (with the bank's reason), and whether it was paid
-- through the online system (线上发放). Marked again, the row changes (its history is the audit trail).
create table rental_subsidy_payment (
    roll_id    bigint  not null,
    seq        integer not null,
    status     text    not null check (status in ('PAID', 'FAILED')),
    online     boolean not null,
    failure    text,
    marked_at  timestamptz not null default now(),
    marked_by  text    not null,
    primary key (roll_id, seq),   -- a line of a confirmed roll (PaymentRolls.mark checks; confirmed lines never change)
    check ((status = 'FAILED') = (failure is not null))
);

select audit_enable('rental_subsidy_roll');
select audit_exempt('rental_subsidy_roll_line', '由补贴协议的变更记录生成（草稿可重新生成，确认后锁定）；发放结果记于 rental_subsidy_payment');
select audit_enable('rental_subsidy_payment', '{roll_id,seq}');
