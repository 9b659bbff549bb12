-- Periodic reports (月报) of a reporting unit: the figures that are not project-based, and the
-- workflow that decides when the unit's month (projects included) counts in the roll-ups.
create table report (
    id            bigserial primary key,
    region_id     integer not null references region (id),
    period        date    not null check (extract(day from period) = 1),
    status        text    not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'LOCKED')),
    version       integer not null default 0,
    deadline      date    not null,
    submitted_at  timestamptz,
    submitted_by  text,
    reviewed_at   timestamptz,
    reviewed_by   text,
    return_reason text,
    updated_at    timestamptz not null default now(),
    updated_by    text,
    unique (region_id, period)
);
create index report_period_idx on report (period, status);

create table report_value (
    report_id    bigint  not null references report (id) on delete cascade,
    indicator_id integer not null references indicator (id),
    source       text    not null default '',
    value        numeric not null check (value >= 0),
    primary key (report_id, indicator_id, source)
);

-- plausibility warnings found at the last save (a cumulative figure that fell, spent above received, …)
create table report_flag (
    report_id    bigint  not null references report (id) on delete cascade,
    indicator_id integer not null references indicator (id),
    source       text    not null default '',
    message      text    not null
);
create index report_flag_report_idx on report_flag (report_id);

-- every workflow step, who and how
create table report_event (
    id          bigserial primary key,
    report_id   bigint not null references report (id) on delete cascade,
    action      text   not null,
    from_status text,
    to_status   text   not null,
    actor       text   not null,
    channel     text   not null,
    reason      text,
    at          timestamptz not null default now()
);
create index report_event_report_idx on report_event (report_id, id);
