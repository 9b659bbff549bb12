-- Applications and 三审两公示 (issue 12). A city's eligibility rule sets and review flows are data the city uploads
-- (kept verbatim with who and when); an application checks its household against the rule set in force on the day it
-- is received and follows the flow in force that day; every step, decision, objection and its resolution is kept.

-- a city's rule files: eligibility conditions (RuleSets.parse) or a review flow (ReviewFlow.parse), per programme
create table rental_rule_file (
    id             bigserial primary key,
    city_id        integer not null references region (id),
    kind           text    not null check (kind in ('RULES', 'FLOW')),
    programme      text    not null check (programme <> ''),         -- as the file states it: PUBLIC_RENTAL:低保特困
    guarantee      text    not null check (guarantee in ('PUBLIC_RENTAL', 'SUBSIDY')),
    name           text    not null,
    effective_from date    not null,
    effective_to   date,
    file_name      text    not null,
    content        text    not null,                                 -- verbatim, as uploaded
    uploaded_at    timestamptz not null default now(),
    uploaded_by    text    not null,
    check (effective_to is null or effective_to >= effective_from)
);
create index rental_rule_file_city on rental_rule_file (city_id, kind, programme, effective_from desc, id desc);

create table rental_application (
    id                    bigserial primary key,
    household_id          bigint  not null references rental_household (id),
    city_id               integer not null references region (id),
    county_id             integer not null references region (id),
    region_id             integer not null references region (id),   -- the 社区/街道 the family applied in
    town_id               integer not null references region (id),   -- its 街道/乡镇 (初审)
    applicant_name_masked text    not null,                          -- as PersonalData masks it (张**): notices show it
    applicant_id_masked   text    not null,
    members               integer not null check (members > 0),     -- 家庭人口 at 受理 (the notice shows it)
    guarantee             text    not null check (guarantee in ('PUBLIC_RENTAL', 'SUBSIDY')),
    programme             text    not null,
    rules_id              bigint  not null references rental_rule_file (id),
    flow_id               bigint  references rental_rule_file (id),  -- null when not accepted
    applied_on            date    not null,                          -- 受理日期: decides the rules in force
    status                text    not null check (status in ('INCOMPLETE', 'INELIGIBLE', 'IN_STEP', 'RETURNED',
                                        'OBJECTION', 'QUALIFIED', 'REJECTED', 'BLACKLISTED', 'WITHDRAWN')),
    step                  text,                                      -- the flow's step code
    step_since            date,
    step_used             integer not null default 0,                -- working days used before a return
    step_level            text,                                      -- ReviewFlow.Level of the step
    step_region_id        integer references region (id),            -- the office whose step it is
    due_on                date,                                      -- last day of the step; null: none or clock stopped
    due_note              text,                                      -- why no due date could be computed
    closed_on             date,
    certificate_no        text,
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text    not null,
    updated_at            timestamptz not null default now(),
    updated_by            text    not null,
    check ((flow_id is null) = (status in ('INCOMPLETE', 'INELIGIBLE'))),
    check ((step is null) = (flow_id is null))
);
create unique index rental_application_open on rental_application (household_id)
    where status in ('IN_STEP', 'RETURNED', 'OBJECTION');
create index rental_application_office on rental_application (step_region_id, status) where status in ('IN_STEP', 'RETURNED', 'OBJECTION');
create index rental_application_county on rental_application (county_id, applied_on);
create index rental_application_region on rental_application (region_id, id);

-- what the eligibility check found at 受理: every criterion with the household's figure and the rule's clause
create table rental_application_check (
    application_id bigint  not null references rental_application (id) on delete cascade,
    seq            integer not null,
    code           text    not null,
    label          text    not null,
    outcome        text    not null check (outcome in ('HOLDS', 'FAILS', 'MISSING', 'NOT_APPLICABLE')),
    value          text,
    reason         text    not null,
    clause         text,
    primary key (application_id, seq)
);

-- the application's history: what each step did (Review.Entry), by whom and when
create table rental_application_event (
    id             bigserial primary key,
    application_id bigint  not null references rental_application (id) on delete cascade,
    kind           text    not null check (kind in ('SUBMIT', 'DECIDE', 'RESUBMIT', 'OBJECT', 'RESOLVE', 'END_NOTICE', 'QUALIFY')),
    decision       text    check (decision in ('APPROVE', 'RETURN', 'REJECT', 'BLACKLIST')),
    step           text,                 -- the step's name as the flow calls it (受理 for the submission)
    outcome        text    not null,
    reason         text,
    on_date        date    not null,
    actor          text    not null,
    actor_name     text    not null,
    at             timestamptz not null default now()
);
create index rental_application_event_app on rental_application_event (application_id, id);

-- each step the application entered: its deadline and when it ended (the figures count overdue steps from here)
create table rental_application_step (
    application_id bigint  not null references rental_application (id) on delete cascade,
    step           text    not null,
    kind           text    not null check (kind in ('REVIEW', 'NOTICE')),
    region_id      integer not null references region (id),
    started_on     date    not null,
    due_on         date,
    ended_on       date,
    primary key (application_id, step)
);
create index rental_application_step_due on rental_application_step (due_on) where kind = 'REVIEW';

-- 公示异议: recorded by staff (who, how received, what), verified and resolved
create table rental_objection (
    id             bigserial primary key,
    application_id bigint  not null references rental_application (id),
    step           text    not null,
    received_on    date    not null,
    channel        text    not null check (channel <> ''),   -- 来信, 来电, 来访, 网上 …
    content        text    not null check (content <> ''),
    recorded_by    text    not null,
    recorded_by_name text  not null,
    resolved_on    date,
    upheld         boolean,
    finding        text,
    resolved_by    text,
    resolved_by_name text,
    check ((resolved_on is null) = (upheld is null) and (upheld is null) = (finding is null))
);
create index rental_objection_app on rental_objection (application_id);

select audit_enable('rental_rule_file');
select audit_enable('rental_application');
select audit_enable('rental_application_check', '{application_id,seq}');
select audit_enable('rental_application_event');
select audit_enable('rental_application_step', '{application_id,step}');
select audit_enable('rental_objection');
