-- 保障家庭 (issue 12): a family that applies for public rental housing (实物配租) or a rental subsidy (租赁补贴), with
-- its members and the facts the city's eligibility rules ask for. Applications, the waiting list, leases and subsidies
-- refer to it. Names, ID numbers, phones and incomes are sealed by org.anju.privacy.PersonalData: ciphertext (_enc),
-- blind index for lookups (_bidx) and the masked form for pages (_masked); nothing here is plaintext personal data.
-- Birth dates are kept in clear: eligibility and priority (老年) need ages, and a date alone names nobody.
create table rental_household (
    id                   bigserial primary key,
    city_id              integer not null references region (id),   -- whose rules apply (the 市, or a county under a province)
    county_id            integer not null references region (id),   -- who reviews (复审), holds the stock and the lease
    region_id            integer not null references region (id),   -- where the family applied: 社区/村 or 街道/乡镇
    applicant_name_enc   bytea   not null,
    applicant_name_bidx  bytea   not null,
    applicant_name_masked text   not null,
    applicant_id_enc     bytea   not null,
    applicant_id_bidx    bytea   not null,
    applicant_id_masked  text    not null,
    phone_enc            bytea,
    phone_bidx           bytea,
    phone_masked         text,
    address              text,                 -- 现住址 as stated
    held_area            numeric check (held_area >= 0),        -- 家庭名下住房建筑面积, ㎡; null: not stated
    hukou_years          integer check (hukou_years >= 0),      -- 本市户籍年限; null: not stated
    insurance_months     integer check (insurance_months >= 0), -- 社保或公积金连续缴存月数; null: not stated
    graduated            date,                                  -- 毕业时间 (新就业); null: not stated or not applicable
    holds_property       boolean,                               -- 本市拥有住房或非住宅; null: not stated
    residence_permit     boolean,                               -- 持有本市居住证; null: not stated
    guarantee            text check (guarantee in ('PUBLIC_RENTAL', 'SUBSIDY')),  -- 保障方式 the family qualified for
    certificate_no       text unique,           -- 资格证号, issued when the review and its notices are through
    qualified_on         date,
    closed_on            date,                  -- 退出 or withdrawn: the family may apply anew (a new household record)
    closed_reason        text,
    version              integer not null default 0,
    created_at           timestamptz not null default now(),
    created_by           text    not null,
    updated_at           timestamptz not null default now(),
    updated_by           text    not null,
    check ((phone_enc is null) = (phone_masked is null)),
    check ((closed_on is null) = (closed_reason is null)),
    check ((guarantee is null) = (qualified_on is null) and (qualified_on is null) = (certificate_no is null))
);
-- one open household per applicant and city (a second application is a duplicate; see also rental_member below)
create unique index rental_household_open_applicant on rental_household (city_id, applicant_id_bidx) where closed_on is null;
create index rental_household_county on rental_household (county_id, id);
create index rental_household_region on rental_household (region_id, id);
create index rental_household_qualified on rental_household (city_id, guarantee, qualified_on) where closed_on is null;

-- the last 资格证 serial per city and year: numbers are 城市代码 + 年份 + 六位序号, without gaps
create table rental_certificate_serial (
    city_id integer not null references region (id),
    year    integer not null,
    last    integer not null check (last > 0),
    primary key (city_id, year)
);

create table rental_member (
    household_id  bigint  not null references rental_household (id) on delete cascade,
    seq           integer not null check (seq >= 1),         -- 1 is the applicant
    relation      text    not null check (relation <> ''),   -- 本人, 配偶, 子女 … as the form says
    name_enc      bytea   not null,
    name_bidx     bytea   not null,
    name_masked   text    not null,
    id_enc        bytea   not null,
    id_bidx       bytea   not null,
    id_masked     text    not null,
    birth_date    date    not null,                          -- read from the ID number
    income_enc    bytea,                                     -- 上年收入 (元), sealed; null: not stated
    income_proven boolean not null default false,            -- backed by an employer's or tax certificate
    able_to_work  boolean not null,
    employment    text,                                      -- 就业情况 as stated (环卫工人, 灵活就业 …)
    primary key (household_id, seq),
    check ((seq = 1) = (relation = '本人'))
);
-- a person belongs to one household at a time: checked by the service against open households of the city
create index rental_member_id on rental_member (id_bidx);

-- 属于 groups a rule or a priority names (低保, 特困, 残疾, 优抚, 新就业大学生, 环卫工人 …), since when
create table rental_household_group (
    household_id bigint not null references rental_household (id) on delete cascade,
    name         text   not null check (name <> ''),
    since        date,                                       -- null: the date is not stated
    primary key (household_id, name)
);

-- 失信记录: a person refused or excluded for a violation may not apply again before `until` (regulation art. 36: 5 years)
create table rental_ban (
    id           bigserial primary key,
    city_id      integer not null references region (id),
    id_bidx      bytea   not null,                -- the person's ID number, blind-indexed
    id_masked    text    not null,
    household_id bigint  references rental_household (id),
    reason       text    not null check (reason <> ''),
    since        date    not null,
    until        date    not null check (until > since),
    created_at   timestamptz not null default now(),
    created_by   text    not null
);
create index rental_ban_person on rental_ban (id_bidx, until);

-- the trail keeps the masked forms: ciphertexts would outlive a key rotation there (PersonalData.reencrypt rewrites
-- these tables, not the log) and a blind index is a lookup key for a person
select audit_enable('rental_household', hidden_columns => '{applicant_name_enc,applicant_name_bidx,applicant_id_enc,applicant_id_bidx,phone_enc,phone_bidx}');
select audit_enable('rental_member', '{household_id,seq}', hidden_columns => '{name_enc,name_bidx,id_enc,id_bidx,income_enc}');
select audit_enable('rental_household_group', '{household_id,name}');
select audit_enable('rental_ban', hidden_columns => '{id_bidx}');
select audit_exempt('rental_certificate_serial', '资格证号计数器（证号本身记在 rental_household）');
