-- The working-day calendar. National: one row per loaded notice 国务院办公厅关于某年部分节假日安排的通知 (its verbatim
-- text and where it is from) and the days it names — filled from src/main/resources/calendar/ by the repeatable Java
-- migration org.anju.calendar.R__CalendarNotices, again whenever those files change. Local: a region's own changes,
-- entered by province administrators. A day neither names is worked Monday to Friday and off at weekends — for a
-- year whose notice is loaded only; other years are refused by the application, never guessed.
create table calendar_notice (
    year            smallint    primary key check (year between 2000 and 2100),
    title           text        not null,
    document_number text,                                  -- 文号, where the copy printed it
    issued_on       date        not null,
    official_url    text        not null,                  -- 中国政府网
    copy_url        text        not null,                  -- where the verbatim text was taken from
    text            text        not null                   -- the notice verbatim, title to date
);
select audit_enable('calendar_notice');

create table calendar_day (
    day     date     primary key,
    notice  smallint not null references calendar_notice (year) on delete cascade,  -- 2023's notice set 2022-12-31
    kind    text     not null check (kind in ('OFF', 'WORK')),
    holiday text     not null,
    -- a day worked for a holiday (调休上班) is a weekend day: a weekday is worked anyway
    check (kind = 'OFF' or extract(isodow from day) in (6, 7))
);
select audit_enable('calendar_day');

create table calendar_local_day (
    region_id  integer     not null references region (id),
    day        date        not null,
    kind       text        not null check (kind in ('OFF', 'WORK')),
    reason     text        not null check (length(reason) between 1 and 200),
    created_by text        not null,
    created_at timestamptz not null default now(),
    primary key (region_id, day)
);
select audit_enable('calendar_local_day');
