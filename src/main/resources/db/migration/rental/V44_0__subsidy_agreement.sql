-- 租赁补贴 (issue 12, OPERATIONS.md §4.4, §5.2): a city's subsidy parameters as versioned data, and the agreements
-- (补贴协议) of the households qualified for a subsidy, each change kept.

-- A city's (or county's: 顺德区, 渝中区) parameter file as uploaded, verbatim, from an effective date on: the formula
-- (org.anju.rental.rules.SubsidyFormula) and the payment terms the subsidy package reads (发放周期, 不足月, the bank
-- sheet's title and unit). A new version is a new row; nothing is overwritten. The columns beside the text are read
-- from it when uploaded, so that rolls can be made in SQL; null means the file does not say.
create table rental_subsidy_parameters (
    id             bigserial primary key,
    region_id      integer not null references region (id),
    effective_from date    not null,
    file_name      text    not null check (file_name <> ''),
    content        text    not null check (content <> ''),
    sha256         text    not null,
    name           text    not null,                       -- 名称 line
    source         text    not null,                       -- 来源 line
    cycle          text    check (cycle in ('MONTHLY', 'QUARTERLY')),          -- 发放周期; null: not configured
    partial_month  text    check (partial_month in ('PRORATE', 'FULL', 'NONE')),  -- 不足月; null: not configured
    sheet_title    text,                                   -- 银行表标题 as the city prints it; null: not stated
    sheet_unit     text,                                   -- 银行表单位 (制表单位 line); null: not stated
    uploaded_at    timestamptz not null default now(),
    uploaded_by    text    not null,
    unique (region_id, effective_from)
);

-- 补贴协议: one per household. The payee's account is sealed (PersonalField.BANK_ACCOUNT); the current amount, status
-- and 年审 date are kept here for lists, every change of them is a row of rental_subsidy_change.
create table rental_subsidy_agreement (
    id                  bigserial primary key,
    household_id        bigint  not null unique references rental_household (id),
    county_id           integer not null references region (id),
    city_id             integer not null references region (id),
    bank_account_enc    bytea   not null,
    bank_account_bidx   bytea   not null,
    bank_account_masked text    not null,
    bank_name           text    not null check (bank_name <> ''),   -- 开户行 as stated
    status              text    not null check (status in ('ACTIVE', 'STOPPED')),
    monthly_amount      numeric(12, 2) not null check (monthly_amount >= 0),
    review_due          date    not null,                           -- 年审 due
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text    not null,
    updated_at          timestamptz not null default now(),
    updated_by          text    not null
);
create index rental_subsidy_agreement_county on rental_subsidy_agreement (county_id, id);
create index rental_subsidy_agreement_account on rental_subsidy_agreement (bank_account_bidx);

-- Every change of an agreement, append-only: START (the first month paid), STOP (the first day not paid, with the
-- reason), RESUME (after a 年审, from a month, amount recomputed), ADJUST (a 年审 of a running agreement, from a month).
-- Rolls read the periods paid from these rows (the next row's effective date ends a period).
create table rental_subsidy_change (
    agreement_id   bigint  not null references rental_subsidy_agreement (id),
    seq            integer not null check (seq >= 1),
    kind           text    not null check (kind in ('START', 'STOP', 'RESUME', 'ADJUST')),
    effective_on   date    not null,
    monthly_amount numeric(12, 2) check (monthly_amount >= 0),
    computation    text,                  -- the amount's computation, line by line, as the agreement page shows it
    parameters_id  bigint  references rental_subsidy_parameters (id),
    tier           text,                  -- 档次 the price and coefficient were taken at
    persons        integer check (persons >= 1),
    held_area      numeric check (held_area >= 0),
    rent           numeric(12, 2) check (rent >= 0),
    review_due     date,
    stop_reason    text check (stop_reason in ('INELIGIBLE', 'PUBLIC_HOUSING', 'MOVED_AWAY', 'DECEASED')),
    note           text,
    at             timestamptz not null default now(),
    by_user        text    not null,
    primary key (agreement_id, seq),
    check ((kind = 'STOP') = (monthly_amount is null)),
    check ((kind = 'STOP') = (stop_reason is not null)),
    check (kind = 'STOP' or extract(day from effective_on) = 1)
);
create index rental_subsidy_change_stops on rental_subsidy_change (kind, effective_on);

select audit_enable('rental_subsidy_parameters');
select audit_enable('rental_subsidy_agreement', hidden_columns => '{bank_account_enc,bank_account_bidx}');
select audit_enable('rental_subsidy_change', '{agreement_id,seq}');
